//go:build js

package wasm

import (
	"errors"
	"fmt"
	"sort"
	"syscall/js"

	"github.com/mobio-sync/mobio/client"
)

// jsDoc is a [client.Doc] kept in JavaScript: an object with the methods save(),
// saveIncremental(), loadIncremental(bytes) and heads(), such as the BiographyDoc of
// js/doc.js over @automerge/automerge. The Go client never parses a document; it moves the
// bytes these methods return.
//
// Save, SaveIncremental and Heads have no error to return. An exception from them is a bug
// of the JavaScript object, and returning nothing instead would let the client store an empty
// document over a real one; so it stays a panic, which stops the Go program rather than
// lose data.
type jsDoc struct {
	v js.Value
}

var _ client.Doc = (*jsDoc)(nil)

// docMethods are the methods a document object must have.
var docMethods = []string{"save", "saveIncremental", "loadIncremental", "heads"}

// newJSDoc checks that v has the methods of a document.
func newJSDoc(v js.Value) (*jsDoc, error) {
	if v.Type() != js.TypeObject {
		return nil, fmt.Errorf("newDoc returned a %s, want a document object", v.Type())
	}
	for _, m := range docMethods {
		if v.Get(m).Type() != js.TypeFunction {
			return nil, fmt.Errorf("document object has no method %s()", m)
		}
	}
	return &jsDoc{v: v}, nil
}

// docFactory makes the client's documents with the JavaScript function newDoc(bytes or null).
func docFactory(newDoc js.Value) client.DocFactory {
	return func(data []byte) (client.Doc, error) {
		arg := js.Null()
		if data != nil {
			arg = bytesToJS(data)
		}
		var v js.Value
		if err := try(func() { v = newDoc.Invoke(arg) }); err != nil {
			return nil, fmt.Errorf("newDoc: %w", err)
		}
		return newJSDoc(v)
	}
}

// Save implements [client.Doc].
func (d *jsDoc) Save() []byte { return mustBytes(d.v.Call("save"), "save") }

// SaveIncremental implements [client.Doc].
func (d *jsDoc) SaveIncremental() []byte {
	b := mustBytes(d.v.Call("saveIncremental"), "saveIncremental")
	if len(b) == 0 {
		return nil
	}
	return b
}

// LoadIncremental implements [client.Doc].
func (d *jsDoc) LoadIncremental(data []byte) error {
	if err := try(func() { d.v.Call("loadIncremental", bytesToJS(data)) }); err != nil {
		return fmt.Errorf("load changes: %w", err)
	}
	return nil
}

// Heads implements [client.Doc]. The heads are sorted, as crdt.Biography sorts them, so that
// both compare equal for equal documents.
func (d *jsDoc) Heads() []string {
	v := d.v.Call("heads")
	if v.Type() != js.TypeObject || v.Length() < 0 {
		panic("mobio: document heads() did not return an array")
	}
	out := make([]string, v.Length())
	for i := range out {
		out[i] = v.Index(i).String()
	}
	sort.Strings(out)
	return out
}

// mustBytes returns the bytes of the Uint8Array v, which method returned.
func mustBytes(v js.Value, method string) []byte {
	b, err := bytesFromJS(v)
	if err != nil {
		panic(fmt.Sprintf("mobio: document %s(): %v", method, err))
	}
	return b
}

// bytesDoc is a [client.Doc] that is only saved: the initial content handed to
// [client.Client.Create] as bytes.
type bytesDoc []byte

func (b bytesDoc) Save() []byte                 { return b }
func (b bytesDoc) SaveIncremental() []byte      { return nil }
func (b bytesDoc) LoadIncremental([]byte) error { return errors.New("initial content is read-only") }
func (b bytesDoc) Heads() []string              { return nil }
