// Package web serves mobio's web app: the files that `make web` builds into a directory
// (index.html, the JavaScript bundle, mobio.wasm, wasm_exec.js, schema.json, sw.js), with the
// content types, cache headers and security headers a progressive web app needs. `mobio
// serve --web DIR` mounts it at / beside the relay's own routes.
//
// The app's source is in src/ beside this file; build.mjs bundles it. The built directory is
// not part of the repository, so the handler reads it at each request and answers with a page
// that says how to build it while it is missing.
package web

import (
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
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
// compilation of mobio.wasm and Automerge's module; blob: and data: are the previews of
// attachments and the QR code.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; media-src 'self' blob:; " +
	"object-src 'none'; frame-src 'self' blob:; connect-src 'self'; base-uri 'none'; " +
	"frame-ancestors 'none'; form-action 'none'"

// Handler serves the built app in dir. Every response carries Cache-Control: no-cache, so
// that the browser revalidates (the service worker keeps the copy for offline use and
// updates it when the app changes), and the file's modification time for revalidation.
func Handler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			missing(w, dir)
			return
		}
		defer root.Close()
		fsys := root.FS()
		if _, err := fs.Stat(fsys, "index.html"); err != nil {
			missing(w, dir)
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
		if ct, ok := contentTypes[path.Ext(name)]; ok {
			h.Set("Content-Type", ct)
		}
		setCommonHeaders(h)
		if name == "sw.js" {
			// The worker controls the whole app, which lives at /.
			h.Set("Service-Worker-Allowed", "/")
		}
		rs, ok := f.(io.ReadSeeker)
		if !ok {
			http.Error(w, "cannot read the file", http.StatusInternalServerError)
			return
		}
		http.ServeContent(w, r, name, fi.ModTime(), rs)
	})
}

func setCommonHeaders(h http.Header) {
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", contentSecurityPolicy)
}

// missing answers for an app directory that does not exist or has not been built.
func missing(w http.ResponseWriter, dir string) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	setCommonHeaders(h)
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
