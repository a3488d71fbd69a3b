// Package casework holds what newcomers and counsellors do with a biography day to day —
// consent, disclosure to agencies, the integration plan and its agreement, the CV, reports,
// research exports and translation — over a small view of one document that does not depend on
// the CRDT library.
//
// The same rules run natively (the CLI, over a crdt.Biography through package
// casework/crdtdoc) and in the browser (the wasm module, over the Automerge document of
// wasm/js/doc.js), so a consent recorded on a phone and one recorded in the CLI are the same
// entries, and a disclosure never depends on which client built it.
//
// Paths are those of package crdt: "person.given_names" for a field of a section,
// "work.jobs.<id>.tasks" for a field of a list entry.
package casework

import (
	"errors"
	"time"
)

// Reader reads one biography.
type Reader interface {
	// Field reads a scalar field; an absent field is a zero Field.
	Field(path string) (Field, error)
	// Text reads a free-text field with its translations.
	Text(path string) (Text, error)
	// Codes reads a set of codes or references, sorted.
	Codes(path string) ([]string, error)
	// Entries lists the entry IDs of a list in display order (creation time, then ID).
	Entries(listPath string) ([]string, error)
}

// Writer edits one biography. Every method validates against the schema catalogue.
type Writer interface {
	// Set parses input as a person types it (digits normalised, partial dates, codes in any
	// case, "unknown"/"declined" as states) and stores it with provenance.
	Set(path, input string, p Provenance) error
	// SetText replaces a free-text field's text and input language.
	SetText(path, text, lang string) error
	// SetTranslation stores a translation of a free-text field beside the original.
	SetTranslation(path, lang string, tr Translation) error
	// SetCodes replaces a set of codes or references.
	SetCodes(path string, codes []string, p Provenance) error
	// AddEntry adds an entry to a list and returns its ID.
	AddEntry(listPath string) (string, error)
	// RemoveEntry removes an entry from a list.
	RemoveEntry(listPath, id string) error
	// Clear empties a field.
	Clear(path string) error
	// Batch runs fn and commits everything it wrote as one change named msg. Validate before
	// writing: edits made before fn fails are kept, as in package crdt.
	Batch(msg string, fn func() error) error
}

// Document reads and edits one biography.
type Document interface {
	Reader
	Writer
}

// States of a field, as in package crdt.
const (
	StateEmpty    = ""
	StateValue    = "value"
	StateUnknown  = "unknown"
	StateDeclined = "declined"
)

// Field is a scalar field as stored.
type Field struct {
	// Value is the canonical text of the value: a code, "2024-05", "true", "42", an RFC 3339
	// instant. It is empty unless State is StateValue.
	Value     string
	State     string
	Uncertain bool
	Source    string // "self", "counsellor" or "document"
	By        string
	At        time.Time
}

// Has reports whether the field holds a value (not empty, unknown or declined).
func (f Field) Has() bool { return f.State == StateValue }

// Text is a free-text field: the original text in its input language and translations.
type Text struct {
	Text         string
	Lang         string
	Translations map[string]Translation
}

// Translation is a translation of a free-text field with its provenance.
type Translation struct {
	Text     string
	Source   string // "human", "machine" or "same"
	Engine   string // the machine translation engine, when Source is "machine"
	By       string
	At       time.Time
	Outdated bool // the original changed after the translation was made
}

// Provenance says who vouches for a value.
type Provenance struct {
	Source string // "self", "counsellor" or "document"
	By     string
	At     time.Time // zero: the document's clock
}

// ErrNoConsent is returned when an action needs a recorded consent that is missing or was
// withdrawn.
var ErrNoConsent = errors.New("casework: no valid consent")
