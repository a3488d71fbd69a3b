//go:build !js

package keyring_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The browser's build of the keyring makes tink's bytes with the standard library
// (primitives_std.go): tink's packages register every key manager, the protobuf runtime and
// protojson at init, which took a third of the js/wasm module. Only protowire, the small
// wire-format encoder of sealed keysets, may come along.
func TestBrowserKeyringImportsNoTinkNorProtobufRuntime(t *testing.T) {
	t.Setenv("GOOS", "js")
	t.Setenv("GOARCH", "wasm")
	t.Setenv("CGO_ENABLED", "0")
	const why = "primitives_std.go makes the same bytes in the browser without it"
	deptest.Forbid(t, "github.com/mobio-sync/mobio/e2ee/keyring", map[string]string{
		"github.com/tink-crypto/...":                    why,
		"google.golang.org/protobuf/reflect/...":        why,
		"google.golang.org/protobuf/proto":              why,
		"google.golang.org/protobuf/runtime/...":        why,
		"google.golang.org/protobuf/encoding/protojson": why,
		"google.golang.org/protobuf/encoding/prototext": why,
		"google.golang.org/protobuf/internal/impl":      why,
		"google.golang.org/protobuf/internal/filedesc":  why,
		"google.golang.org/protobuf/types/...":          why,
	})
}
