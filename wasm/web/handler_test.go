package web

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHandlerServesTheBuiltApp(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html":           "<!doctype html><title>mobio</title>",
		"app.js":               "console.log(1)",
		"mobio.wasm":           "\x00asm\x01\x00\x00\x00",
		"sw.js":                "self.addEventListener('fetch', () => {})",
		"manifest.webmanifest": "{}",
		"schema.json":          "{}",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "escape")); err != nil {
		t.Fatal(err)
	}
	h := Handler(dir)
	tests := []struct {
		method, path string
		status       int
		contentType  string
		body         string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "<title>mobio</title>"},
		{"GET", "/index.html", 200, "text/html; charset=utf-8", "<title>mobio</title>"},
		{"GET", "/app.js", 200, "text/javascript; charset=utf-8", "console.log"},
		{"GET", "/mobio.wasm", 200, "application/wasm", "asm"},
		{"GET", "/sw.js", 200, "text/javascript; charset=utf-8", "fetch"},
		{"GET", "/manifest.webmanifest", 200, "application/manifest+json", "{}"},
		{"HEAD", "/schema.json", 200, "application/json", ""},
		{"GET", "/missing.js", 404, "", ""},
		{"GET", "/../handler.go", 404, "", ""},
		{"GET", "/escape", 404, "", ""}, // a symbolic link out of the directory
		{"POST", "/", 405, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			if tt.status != 200 {
				return
			}
			if got := rec.Header().Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type %q, want %q", got, tt.contentType)
			}
			if got := rec.Header().Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control %q, want no-cache", got)
			}
			if !strings.Contains(rec.Header().Get("Content-Security-Policy"), "'wasm-unsafe-eval'") {
				t.Errorf("the policy must allow compiling WebAssembly: %q", rec.Header().Get("Content-Security-Policy"))
			}
			if !strings.Contains(rec.Body.String(), tt.body) {
				t.Errorf("body %q, want it to contain %q", rec.Body.String(), tt.body)
			}
		})
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/sw.js", nil))
	if got := rec.Header().Get("Service-Worker-Allowed"); got != "/" {
		t.Errorf("Service-Worker-Allowed %q, want /", got)
	}
}

func TestHandlerExplainsAMissingBuild(t *testing.T) {
	for _, dir := range []string{filepath.Join(t.TempDir(), "nothing-here"), t.TempDir()} {
		rec := httptest.NewRecorder()
		Handler(dir).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
		if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "make web") {
			t.Errorf("%s: status %d, body %q; want 503 saying to run make web", dir, rec.Code, rec.Body.String())
		}
	}
}
