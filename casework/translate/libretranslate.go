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
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("translate: %q is not an http(s) URL of a LibreTranslate service", baseURL)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawQuery, u.Fragment, u.User = "", "", nil
	if hc == nil {
		hc = http.DefaultClient
	}
	return &LibreTranslate{base: u, apiKey: apiKey, http: hc}, nil
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
	source := baseLang(from)
	if source == "" {
		source = "auto"
	}
	body, err := json.Marshal(ltRequest{Q: text, Source: source, Target: baseLang(to), Format: "text", APIKey: l.apiKey})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.base.String()+"/translate", bytes.NewReader(body))
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
	if len(raw) > maxResponse {
		return "", fmt.Errorf("%w: the answer is larger than %d bytes", ErrUnavailable, maxResponse)
	}
	var r ltResponse
	jsonErr := json.Unmarshal(raw, &r)
	// The service's error message names the problem (unsupported language, bad key); it never
	// contains the text, so it may be passed on.
	detail := strings.TrimSpace(r.Error)
	switch {
	case resp.StatusCode == http.StatusOK && jsonErr == nil && r.Error == "":
		return r.TranslatedText, nil
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return "", fmt.Errorf("%w (%s)", ErrAuth, orStatus(detail, resp))
	case resp.StatusCode == http.StatusTooManyRequests:
		return "", ErrQuota
	case resp.StatusCode == http.StatusBadRequest && strings.Contains(strings.ToLower(detail), "not supported"):
		return "", fmt.Errorf("%w: %s→%s (%s)", ErrUnsupported, source, baseLang(to), detail)
	case resp.StatusCode == http.StatusOK:
		return "", fmt.Errorf("%w: the answer is not a LibreTranslate response", ErrUnavailable)
	}
	return "", fmt.Errorf("%w: %s", ErrUnavailable, orStatus(detail, resp))
}

func orStatus(detail string, resp *http.Response) string {
	if detail != "" {
		if len(detail) > 200 {
			detail = detail[:200]
		}
		return detail
	}
	return resp.Status
}
