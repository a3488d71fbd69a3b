// Package web serves mobio's web app: the files that `make web` builds into a directory
// (index.html, the JavaScript bundle, mobio.wasm, wasm_exec.js, schema.json, sw.js), with the
// content types, cache headers and security headers a progressive web app needs. `mobio
// serve --web DIR` mounts it at / beside the relay's own routes.
//
// The app's source is in src/ beside this file; build.mjs bundles it. The built directory is
// not part of the repository, so the handler reads it at each request and answers with a page
// that says how to build it while it is missing.
//
// build.mjs also writes brotli (NAME.br) and gzip (NAME.gz) copies of the large files: the
// handler answers with one of them when the request's Accept-Encoding allows it, which takes
// mobio.wasm from megabytes to a fraction.
//
// /config.json is not a file: it is the operator's settings that the app needs and that are
// no secret (Config), which `mobio serve` takes from its flags.
package web

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// contentTypes are the types of the app's files by extension. They are set here rather than
// taken from the system's MIME table: browsers refuse to compile a module not served as
// application/wasm, and to register a service worker not served as JavaScript.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
}

// contentSecurityPolicy lets the page run only its own code: 'wasm-unsafe-eval' allows the
// compilation of mobio.wasm, mobio-casework.wasm and Automerge's module; blob: and data: are
// the previews of attachments and the QR code. %s is the origins the page may connect to:
// its own, and the translation service's when one is configured.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; media-src 'self' blob:; " +
	"object-src 'none'; frame-src 'self' blob:; connect-src %s; base-uri 'none'; " +
	"frame-ancestors 'none'; form-action 'none'"

// ConfigPath is where the app reads its Config.
const ConfigPath = "/config.json"

// Config is what the app learns from the operator through /config.json. Everything in it is
// shown to every visitor: it must never hold a secret (the translation service's API key
// stays with whoever holds it).
type Config struct {
	// Controller and DPO fill the consent texts' {{controller}} and {{dpo}}: the name and
	// address of the organisation responsible for the data, and how to reach its data
	// protection officer. Without them the app records no consent.
	Controller string `json:"controller"`
	DPO        string `json:"dpo"`
	// TranslateURL is the LibreTranslate-compatible service the app may send a text to when
	// the person asks for a machine translation; "" offers none.
	TranslateURL string `json:"translateURL"`
}

// Check reports a setting that cannot work: a translation service that is not an http(s)
// URL, or one that carries credentials, which /config.json would show to everybody.
func (c Config) Check() error {
	if c.TranslateURL == "" {
		return nil
	}
	u, err := url.Parse(c.TranslateURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		// Not repeated: a mistyped URL may still hold a key.
		return errors.New("translation service: want an http(s) URL")
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return errors.New("translation service: the URL must not carry a user, password, query or fragment: every visitor of the app reads it")
	}
	return nil
}

// origin is the translation service's origin (scheme://host[:port]) for connect-src, or ""
// for none or one that Check refuses.
func (c Config) origin() string {
	if c.TranslateURL == "" || c.Check() != nil {
		return ""
	}
	u, _ := url.Parse(c.TranslateURL)
	if strings.ContainsAny(u.Host, " ;,'\"") {
		return "" // it would break out of the policy's directive
	}
	return u.Scheme + "://" + u.Host
}

// Option changes what Handler serves.
type Option func(*handler)

// WithConfig serves c at /config.json (an empty Config otherwise) and lets the page connect
// to its translation service.
func WithConfig(c Config) Option {
	return func(h *handler) { h.config = c }
}

type handler struct {
	dir        string
	config     Config
	configJSON []byte    // what /config.json answers
	configTime time.Time // its Last-Modified: when the handler was made
	csp        string    // the Content-Security-Policy of every answer
}

// Handler serves the built app in dir. Every response carries Cache-Control: no-cache, so
// that the browser revalidates (the service worker keeps the copy for offline use and
// updates it when the app changes), and an ETag and the file's modification time for
// revalidation. A file of a known type is answered from NAME.br or NAME.gz when the request
// accepts that coding and the copy is not older than the file. /config.json answers the
// Config of WithConfig; call Config.Check on it first.
func Handler(dir string, opts ...Option) http.Handler {
	h := &handler{dir: dir, configTime: time.Now()}
	for _, o := range opts {
		o(h)
	}
	connect := "'self'"
	if o := h.config.origin(); o != "" {
		connect += " " + o
	}
	h.csp = fmt.Sprintf(contentSecurityPolicy, connect)
	// encoding/json cannot fail on three strings; HTML escaping is its default, which is
	// harmless here.
	h.configJSON, _ = json.Marshal(h.config)
	return h
}

func (hd *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == ConfigPath {
		hd.serveConfig(w, r)
		return
	}
	root, err := os.OpenRoot(hd.dir)
	if err != nil {
		hd.missing(w)
		return
	}
	defer root.Close()
	fsys := root.FS()
	if _, err := fs.Stat(fsys, "index.html"); err != nil {
		hd.missing(w)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	f, err := fsys.Open(name)
	if err != nil {
		// Missing, malformed, or a link out of the directory (which os.Root refuses).
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.IsDir() {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	ct, known := contentTypes[path.Ext(name)]
	if known {
		h.Set("Content-Type", ct)
	}
	hd.setCommonHeaders(h)
	if name == "sw.js" {
		// The worker controls the whole app, which lives at /.
		h.Set("Service-Worker-Allowed", "/")
	}
	// The answer depends on Accept-Encoding for every file that may have a compressed
	// copy; caches must keep the encodings apart.
	h.Set("Vary", "Accept-Encoding")
	served, servedInfo := f, fi
	encoding := ""
	if known {
		// Only files of a known type: http.ServeContent would otherwise sniff the type
		// from compressed bytes.
		if cf, cfi, enc := precompressed(fsys, name, fi, r.Header.Get("Accept-Encoding")); cf != nil {
			defer cf.Close()
			served, servedInfo, encoding = cf, cfi, enc
			h.Set("Content-Encoding", enc)
			// http.ServeContent leaves Content-Length out once Content-Encoding is set
			// (for handlers that compress on the fly); these bytes are stored, so their
			// length is known. Range answers and errors replace or drop it.
			h.Set("Content-Length", strconv.FormatInt(cfi.Size(), 10))
		}
	}
	// Each encoding is its own representation with its own bytes, so its own tag:
	// If-None-Match and If-Range then never match across encodings.
	h.Set("ETag", etag(servedInfo, encoding))
	rs, ok := served.(io.ReadSeeker)
	if !ok {
		http.Error(w, "cannot read the file", http.StatusInternalServerError)
		return
	}
	// Range requests get ranges of the bytes sent, compressed or not, as HTTP defines
	// for a content-coded representation.
	http.ServeContent(w, r, name, servedInfo.ModTime(), rs)
}

// serveConfig answers /config.json. The service worker keeps a copy, so that consent texts
// name the operator offline too.
func (hd *handler) serveConfig(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	hd.setCommonHeaders(h)
	http.ServeContent(w, r, "config.json", hd.configTime, bytes.NewReader(hd.configJSON))
}

// encodings are the precompressed copies the handler looks for, in order of preference at
// equal quality values: brotli is smaller than gzip.
var encodings = []struct{ token, ext string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// precompressed opens the best copy of name that acceptEncoding allows, or returns a nil file
// when there is none: no acceptable encoding, no copy, or a copy older than the file (left
// over from an earlier build, so it would answer with stale content).
func precompressed(fsys fs.FS, name string, plain fs.FileInfo, acceptEncoding string) (fs.File, fs.FileInfo, string) {
	accepted := parseAcceptEncoding(acceptEncoding)
	type candidate struct {
		token, ext string
		q          float64
	}
	var cands []candidate
	for _, e := range encodings {
		q, ok := accepted[e.token]
		if !ok {
			q, ok = accepted["*"]
		}
		if ok && q > 0 {
			cands = append(cands, candidate{e.token, e.ext, q})
		}
	}
	// The best quality first; the stable sort keeps brotli before gzip at equal quality. A
	// missing .br then falls back to .gz before the plain file.
	slices.SortStableFunc(cands, func(a, b candidate) int { return cmp.Compare(b.q, a.q) })
	for _, c := range cands {
		if f, fi, ok := openCopy(fsys, name+c.ext, plain); ok {
			return f, fi, c.token
		}
	}
	return nil, nil, ""
}

func openCopy(fsys fs.FS, name string, plain fs.FileInfo) (fs.File, fs.FileInfo, bool) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, false
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.ModTime().Before(plain.ModTime()) {
		f.Close()
		return nil, nil, false
	}
	return f, fi, true
}

// parseAcceptEncoding returns the quality value of each coding an Accept-Encoding header
// names (RFC 9110, section 12.5.3), lower-cased; q=0 means "not acceptable". A malformed
// quality counts as 0, so that a garbled header never gets a compressed answer it may not
// read.
func parseAcceptEncoding(header string) map[string]float64 {
	out := map[string]float64{}
	for _, part := range strings.Split(header, ",") {
		token, params, _ := strings.Cut(part, ";")
		token = strings.ToLower(strings.TrimSpace(token))
		if token == "" {
			continue
		}
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(p, "=")
			if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
				continue
			}
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				f = 0
			}
			q = f
		}
		out[token] = q
	}
	return out
}

// etag is a strong validator of one stored representation: the file's modification time and
// size, and its content coding.
func etag(fi fs.FileInfo, encoding string) string {
	tag := strconv.FormatInt(fi.ModTime().UnixNano(), 36) + "-" + strconv.FormatInt(fi.Size(), 36)
	if encoding != "" {
		tag += "-" + encoding
	}
	return `"` + tag + `"`
}

func (hd *handler) setCommonHeaders(h http.Header) {
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", hd.csp)
}

// missing answers for an app directory that does not exist or has not been built.
func (hd *handler) missing(w http.ResponseWriter) {
	dir := hd.dir
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	hd.setCommonHeaders(h)
	w.WriteHeader(http.StatusServiceUnavailable)
	fmt.Fprintf(w, `<!doctype html>
<html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>mobio</title>
<h1>The mobio web app is not built yet</h1>
<p>This relay serves the app from <code>%s</code>, which holds no <code>index.html</code>.
Build it with <code>make web</code> in mobio's source directory, then reload this page.
The relay itself (<code>/sync</code>, <code>/blobs/</code>, <code>/healthz</code>) works meanwhile.</p>
</html>
`, html.EscapeString(dir))
}
