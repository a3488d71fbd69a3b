package wasm_test

import "flag"

// update rewrites the files in testdata that the tests of this directory own:
//
//	go test ./wasm -update                                                  (native ones)
//	GOOS=js GOARCH=wasm go test -exec=... ./wasm -update                    (wasm-sealed/)
var update = flag.Bool("update", false, "rewrite the files in testdata")
