package crdt

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenBiographies pins, for each of the five input languages, the bytes of a complete
// biography and its JSON export. The browser build must read and write these same bytes.
// Regenerate with: go test ./crdt -run Golden -update
func TestGoldenBiographies(t *testing.T) {
	for _, p := range personas {
		t.Run(p.lang, func(t *testing.T) {
			docPath := filepath.Join("testdata", "golden", p.lang+".automerge")
			jsonPath := filepath.Join("testdata", "golden", p.lang+".json")

			b := newTestBiography(t, WithActor(p.actor))
			fillComplete(t, b, p)
			doc, js := b.Save(), mustJSON(t, b)
			if *update {
				mustDo(t, os.MkdirAll(filepath.Dir(docPath), 0o755))
				mustDo(t, os.WriteFile(docPath, doc, 0o644))
				mustDo(t, os.WriteFile(jsonPath, js, 0o644))
			}

			wantDoc, err := os.ReadFile(docPath)
			mustDo(t, err)
			wantJSON, err := os.ReadFile(jsonPath)
			mustDo(t, err)
			if !bytes.Equal(doc, wantDoc) {
				t.Errorf("Save() differs from %s (%d bytes, want %d); if the change is intended, run with -update", docPath, len(doc), len(wantDoc))
			}
			if !bytes.Equal(js, wantJSON) {
				t.Errorf("JSON() differs from %s; if the change is intended, run with -update", jsonPath)
			}

			// The committed bytes load and export the committed JSON.
			loaded, err := Load(wantDoc)
			mustDo(t, err)
			if got := mustJSON(t, loaded); !bytes.Equal(got, wantJSON) {
				t.Errorf("JSON of loaded %s differs from %s", docPath, jsonPath)
			}
		})
	}
}
