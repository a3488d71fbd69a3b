//go:build !js

package caseworkjs

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework/translate"
)

// The browser sends what the native LibreTranslate provider sends, and reads the service's
// answers as it does: the same translation, or the same kind of refusal.
func TestLibreTranslateCallMatchesTheNativeProvider(t *testing.T) {
	answers := []struct {
		name    string
		status  int
		body    string
		wantErr error
	}{
		{"translated", 200, `{"translatedText":"Brot backen"}`, nil},
		{"bad key", 403, `{"error":"Invalid API key"}`, translate.ErrAuth},
		{"rate limit", 429, `{"error":"Too many requests"}`, translate.ErrQuota},
		{"pair not offered", 400, `{"error":"ar is not supported"}`, translate.ErrUnsupported},
		{"not LibreTranslate", 200, `<html>`, translate.ErrUnavailable},
		{"server error", 502, ``, translate.ErrUnavailable},
	}
	at := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	q := translate.Request{Path: "work.jobs.aaaaaaaaaaaaaaaa.tasks", Text: "خبز", Lang: "ar-SY", To: "de"}
	for _, a := range answers {
		t.Run(a.name, func(t *testing.T) {
			var gotPath, gotBody string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				gotPath, gotBody = r.URL.Path, string(b)
				w.WriteHeader(a.status)
				io.WriteString(w, a.body)
			}))
			defer srv.Close()
			lt, err := translate.NewLibreTranslate(srv.URL+"/lt/", "secret-key", srv.Client())
			if err != nil {
				t.Fatal(err)
			}
			want, werr := q.Run(context.Background(), lt, at)

			url, body, err := libreTranslateRequest(srv.URL+"/lt/", "secret-key", q)
			if err != nil {
				t.Fatal(err)
			}
			if url != srv.URL+gotPath || string(body) != gotBody {
				t.Errorf("request %s %s, the provider sent %s %s", url, body, srv.URL+gotPath, gotBody)
			}
			got, gerr := libreTranslateResult(q, a.status, []byte(a.body), at)
			if !errors.Is(werr, a.wantErr) || !errors.Is(gerr, a.wantErr) || (werr == nil) != (gerr == nil) {
				t.Fatalf("provider error %v, browser error %v, want %v", werr, gerr, a.wantErr)
			}
			if got != want {
				t.Errorf("browser %+v, provider %+v", got, want)
			}
		})
	}
	if _, _, err := libreTranslateRequest("ftp://example.org", "", q); !errors.Is(err, errInvalid) {
		t.Errorf("an ftp service: %v, want errInvalid", err)
	}
}
