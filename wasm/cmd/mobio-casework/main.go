//go:build js

// Command mobio-casework is the browser's case-work module: the second program the web app
// loads with Go's wasm_exec.js, only when a case-work screen or the package viewer opens. It
// installs the API of package wasm/caseworkjs on globalThis.mobioCasework, calls
// globalThis.onMobioCaseworkReady(api) when that function exists, and keeps running so that
// the API stays callable. wasm/js/casework.js loads it.
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o mobio-casework.wasm ./wasm/cmd/mobio-casework
package main

import (
	"syscall/js"

	"github.com/mobio-sync/mobio/wasm/caseworkjs"
)

func main() {
	api := caseworkjs.Register()
	if ready := js.Global().Get("onMobioCaseworkReady"); ready.Type() == js.TypeFunction {
		ready.Invoke(api)
	}
	select {} // the API is called from JavaScript from now on
}
