package protocol_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/mobio-sync/mobio/protocol"
)

// FuzzDecode: Decode never panics, every error is a protocol error with a known code, and a
// frame that decodes encodes back to exactly the same bytes (no malleability). The golden
// files seed the corpus.
func FuzzDecode(f *testing.F) {
	golden, err := filepath.Glob(filepath.Join("testdata", "*.golden"))
	if err != nil || len(golden) == 0 {
		f.Fatalf("no golden files to seed the corpus: %v", err)
	}
	for _, path := range golden {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		frame, err := protocol.Decode(b, 64<<10)
		if err != nil {
			var pe *protocol.Error
			if !errors.As(err, &pe) || !pe.Code.Known() {
				t.Fatalf("Decode(%x) error %v, want a *protocol.Error with a known code", b, err)
			}
			if _, err := protocol.Encode(pe); err != nil {
				t.Fatalf("Encode(error of Decode(%x)) = %v, want an error frame that encodes", b, err)
			}
			return
		}
		again, err := protocol.Encode(frame)
		if err != nil {
			t.Fatalf("Encode(Decode(%x)) = %v", b, err)
		}
		if !bytes.Equal(again, b) {
			t.Fatalf("Encode(Decode(%x)) = %x, want the input", b, again)
		}
	})
}
