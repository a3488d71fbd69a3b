//go:build !js

package wasm_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// catalogueFile is the part of the schema catalogue that the JavaScript tests need, in the
// shape of `mobio schema export` (a subset of it): sections and fields with their types, code
// lists and list items, and the German labels of the codes. js/doc.js creates containers from
// it, and js/interop.test.mjs checks the golden documents' labels against it.
var catalogueFile = filepath.Join("testdata", "catalogue.json")

type catField struct {
	Key      string     `json:"key"`
	Type     string     `json:"type"`
	CodeList string     `json:"code_list,omitempty"`
	Item     []catField `json:"item,omitempty"`
}

type catCode struct {
	Code  string            `json:"code"`
	Label map[string]string `json:"label"`
}

func catFields(fs []schema.Field) []catField {
	var out []catField
	for _, f := range fs {
		out = append(out, catField{Key: f.Key, Type: string(f.Type), CodeList: f.CodeList, Item: catFields(f.Item)})
	}
	return out
}

func catalogueJSON(t *testing.T) []byte {
	t.Helper()
	c := schema.Default()
	type section struct {
		Key    string     `json:"key"`
		Fields []catField `json:"fields"`
	}
	type codeList struct {
		Key   string    `json:"key"`
		Codes []catCode `json:"codes"`
	}
	out := struct {
		Version   int        `json:"version"`
		Sections  []section  `json:"sections"`
		CodeLists []codeList `json:"code_lists"`
	}{Version: c.Version}
	for _, s := range c.Sections {
		out.Sections = append(out.Sections, section{Key: s.Key, Fields: catFields(s.Fields)})
	}
	for _, l := range c.CodeLists {
		cl := codeList{Key: l.Key}
		for _, code := range l.Codes {
			cl.Codes = append(cl.Codes, catCode{Code: code.Code, Label: map[string]string{"de": code.Label.In("de")}})
		}
		out.CodeLists = append(out.CodeLists, cl)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The JavaScript tests' catalogue is the Go catalogue's. Regenerate with go test ./wasm -update.
func TestCatalogueFixtureIsCurrent(t *testing.T) {
	want := catalogueJSON(t)
	if *update {
		if err := os.WriteFile(catalogueFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(catalogueFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the schema catalogue; run go test ./wasm -update", catalogueFile)
	}
}
