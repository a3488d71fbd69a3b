//go:build js

// Command mobio-wasm is the browser client: the program the web app loads with Go's
// wasm_exec.js. It installs the JavaScript API of package wasm on globalThis.mobio, calls
// globalThis.onMobioReady(mobio) when that function exists, and keeps running so that the
// API stays callable.
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o wasm/web/mobio.wasm ./wasm/cmd/mobio-wasm
package main

import (
	"syscall/js"

	"github.com/mobio-sync/mobio/wasm"
)

func main() {
	api := wasm.Register()
	if ready := js.Global().Get("onMobioReady"); ready.Type() == js.TypeFunction {
		ready.Invoke(api)
	}
	select {} // the API is called from JavaScript from now on
}
