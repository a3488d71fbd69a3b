package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
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

func TestHandlerServesPrecompressedCopies(t *testing.T) {
	dir := t.TempDir()
	// The copies' content only has to be told apart here: the handler never decodes them.
	files := map[string]string{
		"index.html":     "<!doctype html>",
		"mobio.wasm":     "\x00asm plain",
		"mobio.wasm.br":  "wasm in brotli",
		"mobio.wasm.gz":  "wasm in gzip",
		"app.js":         "console.log('plain')",
		"app.js.gz":      "js in gzip", // no .br: brotli falls back to gzip
		"schema.json":    "{}",
		"schema.json.br": "stale json in brotli", // older than schema.json, see below
		"notes.xyz":      "plain notes",
		"notes.xyz.br":   "notes in brotli", // an unknown type is never served encoded
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// One time for every file (written in map order, a copy could otherwise look older than
	// its plain file by a few nanoseconds), and an older one for the stale copy.
	now := time.Now().Truncate(time.Second)
	for name := range files {
		if err := os.Chtimes(filepath.Join(dir, name), now, now); err != nil {
			t.Fatal(err)
		}
	}
	old := now.Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "schema.json.br"), old, old); err != nil {
		t.Fatal(err)
	}
	h := Handler(dir)
	tests := []struct {
		name, path, acceptEncoding string
		wantEncoding, wantBody     string
		wantType                   string
	}{
		{"brotli preferred", "/mobio.wasm", "gzip, deflate, br, zstd", "br", "wasm in brotli", "application/wasm"},
		{"gzip only", "/mobio.wasm", "gzip", "gzip", "wasm in gzip", "application/wasm"},
		{"identity", "/mobio.wasm", "identity", "", "\x00asm plain", "application/wasm"},
		{"no header", "/mobio.wasm", "", "", "\x00asm plain", "application/wasm"},
		{"br refused with q=0", "/mobio.wasm", "br;q=0, gzip", "gzip", "wasm in gzip", "application/wasm"},
		{"both refused", "/mobio.wasm", "br;q=0, gzip;q=0", "", "\x00asm plain", "application/wasm"},
		{"higher quality wins", "/mobio.wasm", "br;q=0.5, gzip;q=0.9", "gzip", "wasm in gzip", "application/wasm"},
		{"wildcard", "/mobio.wasm", "*", "br", "wasm in brotli", "application/wasm"},
		{"wildcard but not br", "/mobio.wasm", "br;q=0, *;q=0.3", "gzip", "wasm in gzip", "application/wasm"},
		{"case and spaces", "/mobio.wasm", " GZIP ; Q=1 ", "gzip", "wasm in gzip", "application/wasm"},
		{"malformed quality", "/mobio.wasm", "br;q=x, gzip", "gzip", "wasm in gzip", "application/wasm"},
		{"missing .br falls back to gzip", "/app.js", "br, gzip", "gzip", "js in gzip", "text/javascript; charset=utf-8"},
		{"missing .br, no gzip accepted", "/app.js", "br", "", "console.log('plain')", "text/javascript; charset=utf-8"},
		{"stale copy ignored", "/schema.json", "br", "", "{}", "application/json"},
		{"no copies at all", "/index.html", "br, gzip", "", "<!doctype html>", "text/html; charset=utf-8"},
		{"unknown type stays plain", "/notes.xyz", "br", "", "plain notes", ""},
	}
	etags := map[string]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", tt.path, nil)
			if tt.acceptEncoding != "" {
				req.Header.Set("Accept-Encoding", tt.acceptEncoding)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			if res.StatusCode != 200 {
				t.Fatalf("status %d, want 200", res.StatusCode)
			}
			if got := res.Header.Get("Content-Encoding"); got != tt.wantEncoding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.wantEncoding)
			}
			if got := rec.Body.String(); got != tt.wantBody {
				t.Errorf("body %q, want %q", got, tt.wantBody)
			}
			if tt.wantType != "" {
				if got := res.Header.Get("Content-Type"); got != tt.wantType {
					t.Errorf("Content-Type %q, want %q (the original file's)", got, tt.wantType)
				}
			}
			if got := res.Header.Get("Content-Length"); got != strconv.Itoa(len(tt.wantBody)) {
				t.Errorf("Content-Length %q, want %d", got, len(tt.wantBody))
			}
			if got := res.Header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("Vary %q, want Accept-Encoding", got)
			}
			tag := res.Header.Get("ETag")
			if tag == "" {
				t.Fatal("no ETag")
			}
			if prev, ok := etags[tt.path+" "+tt.wantEncoding]; ok && prev != tag {
				t.Errorf("ETag %s, want %s as for the same representation before", tag, prev)
			}
			etags[tt.path+" "+tt.wantEncoding] = tag
		})
	}
	if etags["/mobio.wasm br"] == etags["/mobio.wasm gzip"] || etags["/mobio.wasm br"] == etags["/mobio.wasm "] {
		t.Errorf("the encodings share an ETag: %v", etags)
	}

	t.Run("revalidation", func(t *testing.T) {
		get := func(acceptEncoding, ifNoneMatch string) *http.Response {
			req := httptest.NewRequest("GET", "/mobio.wasm", nil)
			req.Header.Set("Accept-Encoding", acceptEncoding)
			if ifNoneMatch != "" {
				req.Header.Set("If-None-Match", ifNoneMatch)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec.Result()
		}
		br := get("br", "").Header.Get("ETag")
		if res := get("br", br); res.StatusCode != http.StatusNotModified {
			t.Errorf("If-None-Match with the brotli tag: status %d, want 304", res.StatusCode)
		}
		// A cache holding the brotli copy must not be told it is current for a gzip request.
		if res := get("gzip", br); res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("gzip request with the brotli tag: status %d, encoding %q; want 200 gzip", res.StatusCode, res.Header.Get("Content-Encoding"))
		}
	})

	t.Run("HEAD", func(t *testing.T) {
		req := httptest.NewRequest("HEAD", "/mobio.wasm", nil)
		req.Header.Set("Accept-Encoding", "br")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Content-Length"); got != strconv.Itoa(len(files["mobio.wasm.br"])) {
			t.Errorf("Content-Length %q, want the brotli copy's %d", got, len(files["mobio.wasm.br"]))
		}
		if rec.Body.Len() != 0 {
			t.Errorf("HEAD answered with a body of %d bytes", rec.Body.Len())
		}
	})

	t.Run("range of the compressed bytes", func(t *testing.T) {
		req := httptest.NewRequest("GET", "/mobio.wasm", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		req.Header.Set("Range", "bytes=0-3")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusPartialContent || rec.Body.String() != "wasm" || rec.Header().Get("Content-Length") != "4" {
			t.Errorf("status %d, body %q, Content-Length %q; want 206, \"wasm\", 4", rec.Code, rec.Body.String(), rec.Header().Get("Content-Length"))
		}
	})
}

// The app reads the operator's settings from /config.json: the consent texts name the
// controller and the data protection officer, and the translation service is offered only
// when there is one, which the page may then reach (connect-src).
func TestHandlerServesTheConfig(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := Config{
		Controller:   "Landratsamt Musterkreis, Hauptstraße 1, 12345 Musterstadt",
		DPO:          "datenschutz@musterkreis.example",
		TranslateURL: "https://translate.musterkreis.example:5000/api",
	}
	tests := []struct {
		name        string
		h           http.Handler
		want        Config
		wantConnect string
	}{
		{"configured", Handler(dir, WithConfig(cfg)), cfg, "connect-src 'self' https://translate.musterkreis.example:5000;"},
		{"not configured", Handler(dir), Config{}, "connect-src 'self';"},
		{"app not built", Handler(filepath.Join(dir, "missing"), WithConfig(cfg)), cfg, "connect-src 'self' https://translate.musterkreis.example:5000;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			tt.h.ServeHTTP(rec, httptest.NewRequest("GET", "/config.json", nil))
			if rec.Code != 200 {
				t.Fatalf("status %d, want 200", rec.Code)
			}
			if got := rec.Header().Get("Content-Type"); got != "application/json" {
				t.Errorf("Content-Type %q, want application/json", got)
			}
			if got := rec.Header().Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control %q, want no-cache", got)
			}
			var keys map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &keys); err != nil {
				t.Fatalf("body %q: %v", rec.Body.String(), err)
			}
			if len(keys) != 3 || keys["controller"] == nil || keys["dpo"] == nil || keys["translateURL"] == nil {
				t.Errorf("body %s, want exactly controller, dpo and translateURL", rec.Body.String())
			}
			var got Config
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got != tt.want {
				t.Errorf("config %+v (%v), want %+v", got, err, tt.want)
			}
			// Every answer carries the same policy, the page's included.
			page := httptest.NewRecorder()
			tt.h.ServeHTTP(page, httptest.NewRequest("GET", "/", nil))
			for _, r := range []*httptest.ResponseRecorder{rec, page} {
				if csp := r.Header().Get("Content-Security-Policy"); !strings.Contains(csp, tt.wantConnect) {
					t.Errorf("Content-Security-Policy %q, want it to contain %q", csp, tt.wantConnect)
				}
			}
		})
	}
	rec := httptest.NewRecorder()
	Handler(dir, WithConfig(cfg)).ServeHTTP(rec, httptest.NewRequest("POST", "/config.json", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /config.json: status %d, want 405", rec.Code)
	}
}

func TestConfigCheck(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"", true},
		{"https://translate.example", true},
		{"http://127.0.0.1:5000/", true},
		{"ftp://translate.example", false},
		{"translate.example", false},
		{"https://user:secret@translate.example", false}, // every visitor would read it
		{"https://translate.example/?api_key=secret", false},
		{"https://translate.example/#x", false},
		{"ftp://user:secret@translate.example", false},
	}
	for _, tt := range tests {
		err := Config{TranslateURL: tt.url}.Check()
		if (err == nil) != tt.ok {
			t.Errorf("Check(%q) = %v, want ok %v", tt.url, err, tt.ok)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("Check(%q) repeats the credentials: %v", tt.url, err)
		}
	}
}
