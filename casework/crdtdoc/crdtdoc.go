// Package crdtdoc adapts a crdt.Biography to casework.Document, for the native clients.
package crdtdoc

import (
	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/crdt"
)

// Doc is a crdt.Biography seen as a casework.Document.
type Doc struct{ B *crdt.Biography }

// Wrap returns b as a casework.Document.
func Wrap(b *crdt.Biography) *Doc { return &Doc{B: b} }

var _ casework.Document = (*Doc)(nil)

// Field implements casework.Reader.
func (d *Doc) Field(path string) (casework.Field, error) {
	v, err := d.B.Get(path)
	if err != nil {
		return casework.Field{}, err
	}
	f := casework.Field{
		State:     string(v.State()),
		Uncertain: v.IsUncertain(),
		Source:    string(v.Provenance.Source),
		By:        v.Provenance.By,
		At:        v.Provenance.At,
	}
	if v.State() == crdt.StateValue {
		f.Value = v.Text()
	}
	return f, nil
}

// Text implements casework.Reader.
func (d *Doc) Text(path string) (casework.Text, error) {
	t, err := d.B.Text(path)
	if err != nil {
		return casework.Text{}, err
	}
	out := casework.Text{Text: t.Text, Lang: t.Lang}
	if len(t.Translations) > 0 {
		out.Translations = make(map[string]casework.Translation, len(t.Translations))
		for lang, tr := range t.Translations {
			out.Translations[lang] = casework.Translation{
				Text: tr.Text, Source: tr.Source, Engine: tr.Engine, By: tr.By, At: tr.At, Outdated: tr.Outdated,
			}
		}
	}
	return out, nil
}

// Codes implements casework.Reader.
func (d *Doc) Codes(path string) ([]string, error) { return d.B.Codes(path) }

// Entries implements casework.Reader.
func (d *Doc) Entries(listPath string) ([]string, error) { return d.B.Entries(listPath) }

// Set implements casework.Writer.
func (d *Doc) Set(path, input string, p casework.Provenance) error {
	v, err := d.B.Parse(path, input)
	if err != nil {
		return err
	}
	return d.B.Set(path, v, provenance(p))
}

// SetText implements casework.Writer.
func (d *Doc) SetText(path, text, lang string) error { return d.B.SetText(path, text, lang) }

// SetTranslation implements casework.Writer.
func (d *Doc) SetTranslation(path, lang string, tr casework.Translation) error {
	return d.B.SetTranslation(path, lang, crdt.Translation{
		Text: tr.Text, Source: tr.Source, Engine: tr.Engine, By: tr.By, At: tr.At,
	})
}

// SetCodes implements casework.Writer.
func (d *Doc) SetCodes(path string, codes []string, p casework.Provenance) error {
	return d.B.SetCodes(path, codes, provenance(p))
}

// AddEntry implements casework.Writer.
func (d *Doc) AddEntry(listPath string) (string, error) { return d.B.AddEntry(listPath) }

// RemoveEntry implements casework.Writer.
func (d *Doc) RemoveEntry(listPath, id string) error { return d.B.RemoveEntry(listPath, id) }

// Clear implements casework.Writer.
func (d *Doc) Clear(path string) error { return d.B.Clear(path) }

// Batch implements casework.Writer.
func (d *Doc) Batch(msg string, fn func() error) error { return d.B.Batch(msg, fn) }

func provenance(p casework.Provenance) crdt.Provenance {
	return crdt.Provenance{Source: crdt.Source(p.Source), By: p.By, At: p.At}
}
