package crdt

import (
	"os"
	"path/filepath"
	"testing"
)

// seedDocuments adds the golden documents and a few incremental chunks to a fuzz corpus.
func seedDocuments(f *testing.F) [][]byte {
	var docs [][]byte
	paths, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.automerge"))
	paths = append(paths, filepath.Join("testdata", "v1", "biography.automerge"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		docs = append(docs, data)
	}
	return docs
}

// FuzzLoad: loading arbitrary bytes never panics, and whatever loads can be exported,
// validated and saved.
func FuzzLoad(f *testing.F) {
	for _, d := range seedDocuments(f) {
		f.Add(d)
	}
	f.Add([]byte{})
	f.Add([]byte{0x85, 0x6f, 0x4a, 0x83})
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Load(data)
		if err != nil {
			return
		}
		_, _ = b.JSON()
		_ = b.Validate()
		if _, err := Load(b.Save()); err != nil {
			t.Fatalf("a loaded document does not load again after Save: %v", err)
		}
	})
}

// FuzzLoadIncremental: applying arbitrary bytes as changes to a biography never panics, and
// the biography stays exportable.
func FuzzLoadIncremental(f *testing.F) {
	base := newTestBiography(f)
	saved := base.Save()
	edited, err := Load(saved)
	if err != nil {
		f.Fatal(err)
	}
	_ = edited.SaveIncremental()
	mustDoF(f, edited.Set("person.family_names", String("Haddad"), Provenance{Source: SourceSelf}))
	f.Add(edited.SaveIncremental())
	for _, d := range seedDocuments(f) {
		f.Add(d)
	}
	f.Add([]byte{0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0, 2})
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Load(saved)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.LoadIncremental(data); err != nil {
			return
		}
		_, _ = b.JSON()
		_ = b.Validate()
	})
}

func mustDoF(f *testing.F, err error) {
	if err != nil {
		f.Fatal(err)
	}
}
