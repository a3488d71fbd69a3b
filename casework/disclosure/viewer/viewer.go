// Package viewer serves the page that opens disclosure package links in a browser:
// <base>/p/#<package-id>.<key>. The page fetches the package from the relay
// (GET <base>/packages/<package-id>), decrypts and verifies it with WebCrypto, and shows it in
// German, printable as a PDF. The key stays in the fragment, which never reaches the server;
// casework/disclosure/FORMAT.md describes what the page reads.
package viewer

import (
	"embed"
	"net/http"
	"path"
	"strings"
)

//go:embed index.html viewer.js viewer.css
var files embed.FS

// Prefix is the path the viewer is mounted at: package links point there.
const Prefix = "/p/"

// contentSecurityPolicy lets the page run its own script and fetch from its own origin only:
// a package's content is shown as text, and nothing on the page loads from elsewhere, so the
// key in the fragment has nowhere to go.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
	"img-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

var contentTypes = map[string]string{
	"index.html": "text/html; charset=utf-8",
	"viewer.js":  "text/javascript; charset=utf-8",
	"viewer.css": "text/css; charset=utf-8",
}

// Handler serves the viewer under [Prefix]: the page at /p/ and its script and style sheet.
// Mount it on the relay's mux at Prefix.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean(r.URL.Path), strings.TrimSuffix(Prefix, "/"))
		name = strings.TrimPrefix(name, "/")
		if name == "" {
			name = "index.html"
		}
		ctype, ok := contentTypes[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		b, err := files.ReadFile(name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", ctype)
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		if r.Method == http.MethodHead {
			return
		}
		w.Write(b)
	})
}
