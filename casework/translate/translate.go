// Package translate sends one free-text field at a time to a machine translation service that
// the operator runs, and stores the result beside the original with its provenance.
//
// Translation is never silent: a caller translates a field only when the person asks for it,
// after telling them that the text leaves the device for the service (Provider.Service names
// it). A machine translation is stored with Source "machine", the engine and the time, and
// stays marked as such until a person confirms or corrects it (Confirm).
package translate

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/crdt/schema"
)

// Provider translates text.
type Provider interface {
	// Translate translates text from language from (a BCP 47 tag; "" to let the service
	// detect it) to language to.
	Translate(ctx context.Context, text, from, to string) (string, error)
	// Engine names the engine for the provenance record, such as "libretranslate".
	Engine() string
	// Service names where the text goes, for the person to see before it leaves: the
	// service's address.
	Service() string
}

// Errors a caller tells apart.
var (
	ErrUnsupported = errors.New("translate: language pair not offered by the service")
	ErrAuth        = errors.New("translate: the service refused the API key")
	ErrQuota       = errors.New("translate: the service's rate limit is reached; try again later")
	ErrUnavailable = errors.New("translate: the service is unavailable")
	ErrEmpty       = errors.New("translate: the field has no text")
	ErrSameLang    = errors.New("translate: the text is already in that language")
	// ErrNotAllowed: the field never leaves the device for translation (support needs,
	// restricted fields such as counselling notes, names).
	ErrNotAllowed = errors.New("translate: this field is not sent to a translation service")
)

// neverSent are free-text fields that are not translated whatever the schema says of them: a
// name in its original script is a name, not a sentence.
var neverSent = map[string]bool{"person.name_original_script": true}

// allowed reports whether the field at path (with or without entry IDs) may be sent: not in a
// special-category section (Art. 9 GDPR), not Restricted, not a name.
func allowed(path string) bool {
	cat := schema.Default()
	parts := strings.Split(path, ".")
	sec := cat.Section(parts[0])
	if sec == nil || sec.SpecialCategory {
		return false
	}
	if len(parts) == 4 { // section.list.entry.field → section.list.field
		parts = []string{parts[0], parts[1], parts[3]}
	}
	schemaPath := strings.Join(parts, ".")
	f, err := cat.Field(schemaPath)
	return err == nil && !f.Restricted && !f.Secret && !neverSent[schemaPath]
}

// MaxChars bounds the text of one field sent for translation; free-text fields are short, and
// a service bills or limits by characters.
const MaxChars = 5000

// Request is a translation that a person asked for and has not been sent yet: what leaves the
// device (Text, from Lang) and where it goes.
type Request struct {
	Path string
	Text string // the text that will be sent
	Lang string // its input language; "" lets the service detect it
	To   string
}

// Prepare checks that the free-text field at path can be translated into language to and
// returns what would be sent, so that the person can be shown it before anything leaves.
func Prepare(r casework.Reader, path, to string) (Request, error) {
	if !allowed(path) {
		return Request{}, ErrNotAllowed
	}
	src, err := r.Text(path)
	if err != nil {
		return Request{}, fmt.Errorf("read %s: %w", path, err)
	}
	text := strings.TrimSpace(src.Text)
	switch {
	case text == "":
		return Request{}, ErrEmpty
	case src.Lang != "" && baseLang(src.Lang) == baseLang(to):
		return Request{}, ErrSameLang
	case len([]rune(text)) > MaxChars:
		return Request{}, fmt.Errorf("translate: the field has %d characters, more than the %d sent at once", len([]rune(text)), MaxChars)
	}
	return Request{Path: path, Text: text, Lang: src.Lang, To: to}, nil
}

// Run sends the request to p and returns the machine translation, not yet stored. It holds no
// document, so a slow service blocks nobody's editing.
func (q Request) Run(ctx context.Context, p Provider, now time.Time) (casework.Translation, error) {
	out, err := p.Translate(ctx, q.Text, q.Lang, q.To)
	if err != nil {
		return casework.Translation{}, err
	}
	return casework.Translation{Text: out, Source: "machine", Engine: p.Engine(), At: now.UTC()}, nil
}

// ErrChanged is returned by Store when the field's text changed while it was being translated.
var ErrChanged = errors.New("translate: the text changed while it was being translated; translate it again")

// Store writes tr as the translation of q's field, unless the field's text changed since
// Prepare: a translation of an older text must not look current.
func Store(d casework.Document, q Request, tr casework.Translation) error {
	src, err := d.Text(q.Path)
	if err != nil {
		return fmt.Errorf("read %s: %w", q.Path, err)
	}
	if strings.TrimSpace(src.Text) != q.Text {
		return ErrChanged
	}
	if err := d.Batch("translation of "+q.Path, func() error {
		return d.SetTranslation(q.Path, q.To, tr)
	}); err != nil {
		return fmt.Errorf("store the translation of %s: %w", q.Path, err)
	}
	return nil
}

// Field prepares, runs and stores a translation of the field at path into language to, for
// callers that have already told the person what leaves the device.
func Field(ctx context.Context, p Provider, d casework.Document, path, to string, now time.Time) (casework.Translation, error) {
	q, err := Prepare(d, path, to)
	if err != nil {
		return casework.Translation{}, err
	}
	tr, err := q.Run(ctx, p, now)
	if err != nil {
		return casework.Translation{}, err
	}
	return tr, Store(d, q, tr)
}

// Confirm records that person by checked the translation into lang of the field at path; a
// non-empty corrected replaces its text. The translation is then a human one.
func Confirm(d casework.Document, path, lang, by, corrected string, now time.Time) (casework.Translation, error) {
	src, err := d.Text(path)
	if err != nil {
		return casework.Translation{}, fmt.Errorf("read %s: %w", path, err)
	}
	tr, ok := src.Translations[lang]
	if !ok && corrected == "" {
		return casework.Translation{}, fmt.Errorf("translate: %s has no %s translation to confirm", path, lang)
	}
	if corrected != "" {
		tr.Text = corrected
	}
	tr.Source, tr.Engine, tr.By, tr.At, tr.Outdated = "human", "", by, now.UTC(), false
	if err := d.Batch("confirm translation of "+path, func() error {
		return d.SetTranslation(path, lang, tr)
	}); err != nil {
		return casework.Translation{}, fmt.Errorf("store the translation of %s: %w", path, err)
	}
	return tr, nil
}

// baseLang returns the language subtag of a BCP 47 tag: "fa-AF" → "fa".
func baseLang(tag string) string {
	tag = strings.ToLower(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}
