//go:build !js

package wasm_test

import "testing"

// What the js/wasm build sealed (testdata/wasm-sealed, written by vectors_js_test.go with
// -update) opens natively: identity, lockbox, envelope and attachment.
func TestWasmSealedVectorsOpenNatively(t *testing.T) {
	v, err := readVectors()
	if err != nil {
		t.Fatal(err)
	}
	if err := openVectors(v); err != nil {
		t.Error(err)
	}
}
