package disclosure

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// Format is the version of the package body. It only goes up; a viewer refuses a format it
// does not know. Changelog:
//   - 1: 2026-11-27: first version.
const Format = 1

// Package is what a recipient receives: a read-only snapshot of the items the newcomer agreed
// to send, in German, with the original text beside every translation. [Preview] builds it;
// the sender fills in ID, Document, Consent, Created and Expires, and [Seal] signs and
// encrypts it.
//
// Its encoding is the body of a sealed package: JSON with the keys in the order of the struct
// fields, no insignificant white space, times in RFC 3339 UTC to the second (see FORMAT.md).
// [Decode] accepts only that one form.
type Package struct {
	Format    int       `json:"format"`
	ID        string    `json:"id"`       // the package ID's text form ([PackageID.String])
	Document  string    `json:"document"` // the source document's ID
	Recipient Recipient `json:"recipient"`
	Created   time.Time `json:"created"`
	Expires   time.Time `json:"expires"`
	Consent   string    `json:"consent"`  // the entry of consents.consents the sending rests on
	Language  string    `json:"language"` // of labels and values: always "de"
	Sections  []Section `json:"sections"`
	// Documents are the entries of documents.files the person selected, in document order.
	Documents []string `json:"documents"`
	// Files are the contents of selected documents, when the sender attached them.
	Files []File `json:"files"`
}

// Recipient is who the package is for.
type Recipient struct {
	Type  string `json:"type"`  // code of the recipient_type list
	Label string `json:"label"` // its German name: "Arbeitgeber"
	Name  string `json:"name"`  // the organisation, if the person named it: "Bäckerei Schmidt"
}

// Section is a section of the biography with the items sent from it.
type Section struct {
	Key   string `json:"key"`   // "person"
	Label string `json:"label"` // German: "Angaben zur Person"
	Items []Item `json:"items"`
}

// Item is one answer as the recipient sees it.
type Item struct {
	// Path is the field's path with entry IDs ("work.jobs.k3x9.employer"), or a derived
	// item's ("residence.work_permitted"). Choices remove items by it.
	Path string `json:"path"`
	// List and ListLabel name the list of an entry's field ("work.jobs", "Tätigkeiten"); Entry
	// is the entry's ID. Items of one entry follow each other.
	List      string `json:"list,omitempty"`
	ListLabel string `json:"list_label,omitempty"`
	Entry     string `json:"entry,omitempty"`
	Label     string `json:"label"` // German label of the field
	Value     string `json:"value"` // German value: code labels, dates as 17.05.1990, ja/nein
	// Source is who vouches for the value (provenance code self, counsellor or document) and
	// SourceLabel says it in German ("selbst angegeben").
	Source      string `json:"source,omitempty"`
	SourceLabel string `json:"source_label,omitempty"`
	// DerivedFrom names the field a derived item was computed from.
	DerivedFrom string `json:"derived_from,omitempty"`
	// Text is set for free text: Value is then the German text, and Text says where it comes
	// from and holds the original.
	Text *Text `json:"text,omitempty"`
}

// Translation states of free text.
const (
	TranslationSame    = "same"    // written in German
	TranslationHuman   = "human"   // translated or checked by a person
	TranslationMachine = "machine" // machine-translated, not checked: marked for the recipient
	TranslationNone    = "none"    // no German translation: Value is the original
	TranslationAsIs    = "as_is"   // kept as written, never translated (a name in its script)
)

// Text is the provenance of a free-text item's German value and its original.
type Text struct {
	Translation string `json:"translation"`        // one of the Translation* states
	Marker      string `json:"marker"`             // the state in German: "maschinell übersetzt"
	Engine      string `json:"engine,omitempty"`   // the machine translation engine
	Outdated    bool   `json:"outdated,omitempty"` // the original changed after the translation
	Original    string `json:"original"`
	Lang        string `json:"lang"`       // BCP 47 tag of the original
	LangLabel   string `json:"lang_label"` // its German name
}

// File is the content of a selected document.
type File struct {
	Entry     string `json:"entry"` // the documents.files entry
	Name      string `json:"name"`
	MediaType string `json:"media_type"`
	Data      []byte `json:"data"` // base64 in JSON
}

// Limits of a package's content.
const (
	// MaxFileBytes bounds the files attached to one package together: a sealed package must
	// fit the relay's limit (16 MiB) with base64 and the items.
	MaxFileBytes = 10 << 20
	// maxBodySize bounds what Decode reads.
	maxBodySize = 16 << 20
)

// Errors callers branch on.
var (
	ErrUnknownRecipient = errors.New("disclosure: no profile for this recipient type")
	ErrNotOffered       = errors.New("disclosure: not offered to this recipient type")
	ErrUnknownPath      = errors.New("disclosure: no such field")
	ErrNoSuchDocument   = errors.New("disclosure: no such document")
	ErrEmpty            = errors.New("disclosure: nothing to send")
	ErrIncomplete       = errors.New("disclosure: package incomplete")
	ErrMalformed        = errors.New("disclosure: malformed package")
	ErrTooLarge         = errors.New("disclosure: files too large")
)

// normalize puts times in the one form the encoding allows.
func (p *Package) normalize() {
	p.Created = p.Created.UTC().Truncate(time.Second)
	p.Expires = p.Expires.UTC().Truncate(time.Second)
	if p.Sections == nil {
		p.Sections = []Section{}
	}
	if p.Documents == nil {
		p.Documents = []string{}
	}
	if p.Files == nil {
		p.Files = []File{}
	}
	for i := range p.Sections {
		if p.Sections[i].Items == nil {
			p.Sections[i].Items = []Item{}
		}
	}
}

// Encode returns the package's canonical encoding, after putting times in UTC to the second.
func (p *Package) Encode() ([]byte, error) {
	p.normalize()
	return encodeJSON(p)
}

func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true) // the same bytes as json.Marshal; harmless in a browser
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}), nil
}

// Decode parses a package body strictly: only the canonical encoding of a package of a known
// format, with its required fields, is accepted (no unknown or duplicate keys, no other
// spelling of the same package), so that signed bytes have one meaning.
func Decode(b []byte) (Package, error) {
	var p Package
	if len(b) > maxBodySize {
		return p, fmt.Errorf("%w: %d bytes", ErrMalformed, len(b))
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return Package{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Package{}, fmt.Errorf("%w: data after the package", ErrMalformed)
	}
	// Re-encoding the normalized package must give b back: this also refuses null for an
	// empty list and times in another zone or with fractions of a second.
	norm := p
	norm.normalize()
	again, err := encodeJSON(&norm)
	if err != nil || !bytes.Equal(again, b) {
		return Package{}, fmt.Errorf("%w: not in canonical form", ErrMalformed)
	}
	if p.Format != Format {
		return Package{}, fmt.Errorf("%w: format %d", ErrMalformed, p.Format)
	}
	if err := p.check(); err != nil {
		return Package{}, err
	}
	return p, nil
}

// check reports what a package lacks to be sent or shown.
func (p *Package) check() error {
	switch {
	case p.Format != Format:
		return fmt.Errorf("%w: format %d, want %d", ErrIncomplete, p.Format, Format)
	case p.ID == "":
		return fmt.Errorf("%w: no package ID", ErrIncomplete)
	case p.Document == "":
		return fmt.Errorf("%w: no source document", ErrIncomplete)
	case p.Consent == "":
		return fmt.Errorf("%w: no consent", ErrIncomplete)
	case p.Recipient.Type == "":
		return fmt.Errorf("%w: no recipient", ErrIncomplete)
	case p.Created.IsZero() || !p.Expires.After(p.Created):
		return fmt.Errorf("%w: expiry not after creation", ErrIncomplete)
	case p.Language != "de":
		return fmt.Errorf("%w: language %q, want de", ErrIncomplete, p.Language)
	}
	if _, err := ParsePackageID(p.ID); err != nil {
		return fmt.Errorf("%w: %v", ErrIncomplete, err)
	}
	total := 0
	for _, f := range p.Files {
		total += len(f.Data)
	}
	if total > MaxFileBytes {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, total, MaxFileBytes)
	}
	return nil
}

// SectionKeys returns the keys of the sections the package sends items of, for the share
// entry.
func (p *Package) SectionKeys() []string {
	var out []string
	for _, s := range p.Sections {
		if len(s.Items) > 0 {
			out = append(out, s.Key)
		}
	}
	return out
}

// Items returns every item of the package in order.
func (p *Package) Items() []Item {
	var out []Item
	for _, s := range p.Sections {
		out = append(out, s.Items...)
	}
	return out
}

// AttachFile adds the content of the selected document entry to the package; the total of
// every file is bounded by [MaxFileBytes].
func (p *Package) AttachFile(entry, name, mediaType string, data []byte) error {
	found := false
	for _, d := range p.Documents {
		found = found || d == entry
	}
	if !found {
		return fmt.Errorf("%w: %s is not a document of the package", ErrNoSuchDocument, entry)
	}
	total := len(data)
	for _, f := range p.Files {
		if f.Entry == entry {
			return fmt.Errorf("disclosure: the file of %s is attached already", entry)
		}
		total += len(f.Data)
	}
	if total > MaxFileBytes {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, total, MaxFileBytes)
	}
	p.Files = append(p.Files, File{Entry: entry, Name: name, MediaType: mediaType, Data: data})
	return nil
}

// b64 is the text form of package IDs and keys in links: URL-safe base64 without padding, the
// one spelling accepted.
var b64 = base64.RawURLEncoding.Strict()
