package translate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// LibreTranslate is a Provider for the LibreTranslate HTTP API (POST /translate), which an
// operator runs on their own server so that text goes nowhere else.
type LibreTranslate struct {
	base   *url.URL
	apiKey string
	http   *http.Client
}

// maxResponse bounds what is read from the service: a translation of MaxChars characters is far
// smaller.
const maxResponse = 1 << 20

// NewLibreTranslate returns a provider for the service at baseURL (http or https), with an
// optional API key. hc nil means http.DefaultClient; callers bound each call with ctx.
func NewLibreTranslate(baseURL, apiKey string, hc *http.Client) (*LibreTranslate, error) {
	u, err := serviceURL(baseURL)
	if err != nil {
		return nil, err
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	return &LibreTranslate{base: u, apiKey: apiKey, http: hc}, nil
}

// serviceURL checks the address of a LibreTranslate service and drops what must not be part
// of it (query, fragment, user).
func serviceURL(baseURL string) (*url.URL, error) {
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("translate: %q is not an http(s) URL of a LibreTranslate service", baseURL)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawQuery, u.Fragment, u.User = "", "", nil
	return u, nil
}

// Engine implements Provider.
func (*LibreTranslate) Engine() string { return "libretranslate" }

// Service implements Provider.
func (l *LibreTranslate) Service() string { return l.base.String() }

type ltRequest struct {
	Q      string `json:"q"`
	Source string `json:"source"`
	Target string `json:"target"`
	Format string `json:"format"`
	APIKey string `json:"api_key,omitempty"`
}

type ltResponse struct {
	TranslatedText string `json:"translatedText"`
	Error          string `json:"error"`
}

// Translate implements Provider.
func (l *LibreTranslate) Translate(ctx context.Context, text, from, to string) (string, error) {
	q := Request{Text: text, Lang: from, To: to}
	endpoint, body, err := LibreTranslateRequest(l.base.String(), l.apiKey, q)
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := l.http.Do(req)
	if err != nil {
		return "", fmt.Errorf("%w: %s: %w", ErrUnavailable, l.base.Host, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return "", fmt.Errorf("%w: read the answer: %w", ErrUnavailable, err)
	}
	return LibreTranslateResult(q, resp.StatusCode, raw)
}

// LibreTranslateRequest returns the address and JSON body of a LibreTranslate call that
// translates q at the service baseURL, with an optional API key. With LibreTranslateResult it
// is the whole protocol, without net/http: the browser sends it with fetch.
func LibreTranslateRequest(baseURL, apiKey string, q Request) (endpoint string, body []byte, err error) {
	u, err := serviceURL(baseURL)
	if err != nil {
		return "", nil, err
	}
	source := baseLang(q.Lang)
	if source == "" {
		source = "auto"
	}
	body, err = json.Marshal(ltRequest{Q: q.Text, Source: source, Target: baseLang(q.To), Format: "text", APIKey: apiKey})
	return u.String() + "/translate", body, err
}

// LibreTranslateResult reads the service's answer (HTTP status and body) to q: the
// translation, or an error that a caller tells apart (ErrAuth, ErrQuota, ErrUnsupported,
// ErrUnavailable).
func LibreTranslateResult(q Request, status int, raw []byte) (string, error) {
	if len(raw) > maxResponse {
		return "", fmt.Errorf("%w: the answer is larger than %d bytes", ErrUnavailable, maxResponse)
	}
	var r ltResponse
	jsonErr := json.Unmarshal(raw, &r)
	// The service's error message names the problem (unsupported language, bad key); it never
	// contains the text, so it may be passed on.
	detail := strings.TrimSpace(r.Error)
	switch {
	case status == http.StatusOK && jsonErr == nil && r.Error == "":
		return r.TranslatedText, nil
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return "", fmt.Errorf("%w (%s)", ErrAuth, orStatus(detail, status))
	case status == http.StatusTooManyRequests:
		return "", ErrQuota
	case status == http.StatusBadRequest && strings.Contains(strings.ToLower(detail), "not supported"):
		source := baseLang(q.Lang)
		if source == "" {
			source = "auto"
		}
		return "", fmt.Errorf("%w: %s→%s (%s)", ErrUnsupported, source, baseLang(q.To), detail)
	case status == http.StatusOK:
		return "", fmt.Errorf("%w: the answer is not a LibreTranslate response", ErrUnavailable)
	}
	return "", fmt.Errorf("%w: %s", ErrUnavailable, orStatus(detail, status))
}

func orStatus(detail string, status int) string {
	if detail != "" {
		if len(detail) > 200 {
			detail = detail[:200]
		}
		return detail
	}
	return fmt.Sprintf("%d %s", status, http.StatusText(status))
}
