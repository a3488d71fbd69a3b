//go:build !js

package wasm_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// Two instances of the browser client (mobio.wasm in Node, with fake-indexeddb) share a
// biography through a real relay on 127.0.0.1, and send a disclosure package with the case-work
// module: js/relay.test.mjs. It runs only when MOBIO_WASM names a built mobio.wasm (and
// MOBIO_CASEWORK_WASM the case-work module, else it is built), so that go test ./... does not
// build the wasm programs:
//
//	cd wasm && npm ci && cd .. && GOOS=js GOARCH=wasm go build -o /tmp/mobio.wasm ./wasm/cmd/mobio-wasm
//	MOBIO_WASM=/tmp/mobio.wasm go test ./wasm -run Relay
func TestBrowserClientsShareThroughRelay(t *testing.T) {
	wasmBin := os.Getenv("MOBIO_WASM")
	if wasmBin == "" {
		t.Skip("set MOBIO_WASM to a built mobio.wasm to run the browser clients against a relay")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("needs Node.js (node) on PATH")
	}
	if _, err := os.Stat(filepath.Join("node_modules", "@automerge", "automerge")); err != nil {
		t.Fatalf("run npm ci in wasm/ first: %v", err)
	}
	abs, err := filepath.Abs(wasmBin)
	if err != nil {
		t.Fatal(err)
	}
	srv := syncservertest.NewServer(t)
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "--experimental-websocket", "--test", filepath.Join("js", "relay.test.mjs"))
	cmd.Env = append(os.Environ(), "MOBIO_WASM="+abs, "MOBIO_RELAY="+srv.URL)
	if cw := os.Getenv("MOBIO_CASEWORK_WASM"); cw != "" { // else js/load.mjs builds it
		if cw, err = filepath.Abs(cw); err != nil {
			t.Fatal(err)
		}
		cmd.Env = append(cmd.Env, "MOBIO_CASEWORK_WASM="+cw)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("node --test js/relay.test.mjs: %v\n%s\nrelay log:\n%s", err, out, srv.Logs())
	}
}
