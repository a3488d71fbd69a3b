package viewer_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/casework/disclosure/viewer"
)

func TestHandlerServesThePageWithAStrictPolicy(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle(viewer.Prefix, viewer.Handler())
	srv := httptest.NewServer(mux)
	defer srv.Close()
	tests := []struct {
		path, wantType, wantBody string
		wantStatus               int
	}{
		{"/p/", "text/html; charset=utf-8", `<script type="module" src="viewer.js">`, 200},
		{"/p/viewer.js", "text/javascript; charset=utf-8", "export async function openSealed", 200},
		{"/p/viewer.css", "text/css; charset=utf-8", "@media print", 200},
		{"/p/viewer_test.mjs", "", "", 404},
		{"/p/../go.mod", "", "", 404},
	}
	for _, tt := range tests {
		resp, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.wantStatus {
			t.Errorf("GET %s = %d, want %d", tt.path, resp.StatusCode, tt.wantStatus)
			continue
		}
		if tt.wantStatus != 200 {
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != tt.wantType {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.path, got, tt.wantType)
		}
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "connect-src 'self'") || strings.Contains(csp, "unsafe") {
			t.Errorf("GET %s: Content-Security-Policy %q, want same-origin only, nothing unsafe", tt.path, csp)
		}
		if resp.Header.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("GET %s: no Referrer-Policy no-referrer", tt.path)
		}
		if !strings.Contains(string(b), tt.wantBody) {
			t.Errorf("GET %s: body lacks %q", tt.path, tt.wantBody)
		}
	}
	resp, err := http.Post(srv.URL+"/p/", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /p/ = %d, want 405", resp.StatusCode)
	}
}

// TestViewerOpensTheTestVector runs viewer_test.mjs, which opens the package test vector with
// the page's own code under Node's WebCrypto, when node is installed.
func TestViewerOpensTheTestVector(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	// WebCrypto has Ed25519 from Node 20 on.
	if v, err := exec.Command(node, "-p", "process.versions.node.split('.')[0] >= 20").Output(); err != nil || strings.TrimSpace(string(v)) != "true" {
		t.Skip("node is older than 20: its WebCrypto lacks Ed25519")
	}
	cmd := exec.Command(node, "viewer_test.mjs")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node viewer_test.mjs: %v\n%s", err, out)
	}
}
