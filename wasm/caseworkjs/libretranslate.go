package caseworkjs

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/translate"
)

// The LibreTranslate call of casework/translate (libretranslate.go) without net/http: the
// browser's fetch sends it. libretranslate_test.go holds both to the same answers.

// libreTranslateEngine names the engine in the provenance of a machine translation.
const libreTranslateEngine = "libretranslate"

// libreTranslateRequest returns the address and JSON body that translate q at the service
// baseURL, with an optional API key.
func libreTranslateRequest(baseURL, apiKey string, q translate.Request) (string, []byte, error) {
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", nil, fmt.Errorf("%w: the service is not an http(s) URL of a LibreTranslate service", errInvalid)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawQuery, u.Fragment, u.User = "", "", nil
	source := baseLang(q.Lang)
	if source == "" {
		source = "auto"
	}
	body, err := json.Marshal(struct {
		Q      string `json:"q"`
		Source string `json:"source"`
		Target string `json:"target"`
		Format string `json:"format"`
		APIKey string `json:"api_key,omitempty"`
	}{q.Text, source, baseLang(q.To), "text", apiKey})
	return u.String() + "/translate", body, err
}

// libreTranslateResult reads the service's answer (status and body) to q.
func libreTranslateResult(q translate.Request, status int, body []byte, at time.Time) (casework.Translation, error) {
	const maxResponse = 1 << 20
	if len(body) > maxResponse {
		return casework.Translation{}, fmt.Errorf("%w: the answer is larger than %d bytes", translate.ErrUnavailable, maxResponse)
	}
	var r struct {
		TranslatedText string `json:"translatedText"`
		Error          string `json:"error"`
	}
	jsonErr := json.Unmarshal(body, &r)
	// The service's error message names the problem (unsupported language, bad key); it never
	// contains the text, so it may be passed on.
	detail := strings.TrimSpace(r.Error)
	if len(detail) > 200 {
		detail = detail[:200]
	}
	if detail == "" {
		detail = fmt.Sprintf("status %d", status)
	}
	switch {
	case status == 200 && jsonErr == nil && r.Error == "":
		return casework.Translation{Text: r.TranslatedText, Source: "machine", Engine: libreTranslateEngine, At: at.UTC()}, nil
	case status == 401 || status == 403:
		return casework.Translation{}, fmt.Errorf("%w (%s)", translate.ErrAuth, detail)
	case status == 429:
		return casework.Translation{}, translate.ErrQuota
	case status == 400 && strings.Contains(strings.ToLower(detail), "not supported"):
		src := baseLang(q.Lang)
		if src == "" {
			src = "auto"
		}
		return casework.Translation{}, fmt.Errorf("%w: %s→%s (%s)", translate.ErrUnsupported, src, baseLang(q.To), detail)
	case status == 200:
		return casework.Translation{}, fmt.Errorf("%w: the answer is not a LibreTranslate response", translate.ErrUnavailable)
	}
	return casework.Translation{}, fmt.Errorf("%w: %s", translate.ErrUnavailable, detail)
}

// baseLang returns the language subtag of a BCP 47 tag: "fa-AF" → "fa".
func baseLang(tag string) string {
	tag = strings.ToLower(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}
