//go:build js

package caseworkjs

import (
	"fmt"
	"slices"
	"strconv"
	"syscall/js"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/crdt/schema"
)

// caseDoc is a BiographyDoc of js/doc.js seen as a casework.Document, so that the case-work
// rules (consent, disclosure, plan, reports) run in the browser as the same Go code as in the
// CLI. It is used only during one call from JavaScript, which hands over the document.
type caseDoc struct {
	v   js.Value
	cat *schema.Catalogue
}

var _ casework.Document = (*caseDoc)(nil)

// docMethods are the BiographyDoc methods case work calls.
var docMethods = []string{"getField", "getText", "codes", "entries", "setField", "setState", "clearField",
	"setText", "setTranslation", "setCodes", "addEntry", "removeEntry"}

// newCaseDoc wraps the document object v, after checking that it is one.
func newCaseDoc(v js.Value) (*caseDoc, error) {
	if v.Type() != js.TypeObject {
		return nil, invalid("the document must be a BiographyDoc, not a %s", v.Type())
	}
	for _, m := range docMethods {
		if v.Get(m).Type() != js.TypeFunction {
			return nil, invalid("the document has no method %s(): want a BiographyDoc", m)
		}
	}
	return &caseDoc{v: v, cat: schema.Default()}, nil
}

// call calls method name of the document and turns an exception into an error.
func (d *caseDoc) call(name string, args ...any) (res js.Value, err error) {
	err = try(func() { res = d.v.Call(name, args...) })
	return res, err
}

// Field implements casework.Reader.
func (d *caseDoc) Field(path string) (casework.Field, error) {
	f, err := fieldOf(d.cat, path)
	if err != nil {
		return casework.Field{}, err
	}
	if !f.Type.Scalar() {
		return casework.Field{}, fmt.Errorf("%s is a %s field, not a single value", path, f.Type)
	}
	v, err := d.call("getField", path)
	if err != nil || v.IsNull() || v.IsUndefined() {
		return casework.Field{}, err
	}
	out := casework.Field{}
	if p := v.Get("provenance"); p.Type() == js.TypeObject {
		out.Source, out.By = optString(p, "source"), optString(p, "by")
		if at := optString(p, "at"); at != "" {
			out.At, _ = time.Parse(time.RFC3339Nano, at)
		}
	}
	if s := optString(v, "state"); s != "" {
		out.State = s
		return out, nil
	}
	out.State = casework.StateValue
	out.Uncertain = v.Get("uncertain").Truthy()
	val := v.Get("value")
	switch val.Type() {
	case js.TypeBoolean:
		out.Value = strconv.FormatBool(val.Bool())
	case js.TypeNumber:
		out.Value = strconv.FormatInt(int64(val.Float()), 10)
	case js.TypeString:
		out.Value = val.String()
	default:
		return casework.Field{}, fmt.Errorf("%s holds a %s, not a value", path, val.Type())
	}
	return out, nil
}

// Text implements casework.Reader.
func (d *caseDoc) Text(path string) (casework.Text, error) {
	if err := d.want(path, schema.TypeText); err != nil {
		return casework.Text{}, err
	}
	v, err := d.call("getText", path)
	if err != nil || v.IsNull() || v.IsUndefined() {
		return casework.Text{}, err
	}
	out := casework.Text{Text: optString(v, "text"), Lang: optString(v, "lang")}
	trs := v.Get("translations")
	if trs.Type() != js.TypeObject {
		return out, nil
	}
	keys := js.Global().Get("Object").Call("keys", trs)
	for i := 0; i < keys.Length(); i++ {
		lang := keys.Index(i).String()
		t := trs.Get(lang)
		tr := casework.Translation{
			Text: optString(t, "text"), Source: optString(t, "source"), Engine: optString(t, "engine"),
			By: optString(t, "by"), Outdated: t.Get("outdated").Truthy(),
		}
		if at := optString(t, "at"); at != "" {
			tr.At, _ = time.Parse(time.RFC3339Nano, at)
		}
		if out.Translations == nil {
			out.Translations = map[string]casework.Translation{}
		}
		out.Translations[lang] = tr
	}
	return out, nil
}

// Codes implements casework.Reader.
func (d *caseDoc) Codes(path string) ([]string, error) {
	if err := d.want(path, schema.TypeCodes, schema.TypeRefs); err != nil {
		return nil, err
	}
	v, err := d.call("codes", path)
	if err != nil {
		return nil, err
	}
	return stringsOf(v), nil
}

// Entries implements casework.Reader.
func (d *caseDoc) Entries(listPath string) ([]string, error) {
	if err := d.want(listPath, schema.TypeList); err != nil {
		return nil, err
	}
	v, err := d.call("entries", listPath)
	if err != nil {
		return nil, err
	}
	return stringsOf(v), nil
}

// want checks that path is a field of one of the types.
func (d *caseDoc) want(path string, types ...schema.Type) error {
	f, err := fieldOf(d.cat, path)
	if err != nil {
		return err
	}
	if !slices.Contains(types, f.Type) {
		return fmt.Errorf("%s is a %s field", path, f.Type)
	}
	return nil
}

// Set implements casework.Writer: input is parsed and checked as crdt does (value.go).
func (d *caseDoc) Set(path, input string, p casework.Provenance) error {
	f, err := fieldOf(d.cat, path)
	if err != nil {
		return err
	}
	v, err := parseScalar(d.cat, f, input, d.entryExists)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	prov := provenanceJS(p)
	if v.State != casework.StateValue {
		_, err := d.call("setState", path, v.State, prov)
		return err
	}
	val := v.Value
	if n, ok := val.(int64); ok {
		val = float64(n) // a JavaScript number; doc.js stores a safe integer as an integer
	}
	_, err = d.call("setField", path, val, prov, map[string]any{"uncertain": v.Uncertain})
	return err
}

// entryExists reports whether list ("section.list") has entry id.
func (d *caseDoc) entryExists(list, id string) bool {
	ids, err := d.Entries(list)
	return err == nil && slices.Contains(ids, id)
}

// SetText implements casework.Writer.
func (d *caseDoc) SetText(path, text, lang string) error {
	if err := d.want(path, schema.TypeText); err != nil {
		return err
	}
	_, err := d.call("setText", path, text, lang)
	return err
}

// SetTranslation implements casework.Writer.
func (d *caseDoc) SetTranslation(path, lang string, tr casework.Translation) error {
	if err := d.want(path, schema.TypeText); err != nil {
		return err
	}
	m := map[string]any{"text": tr.Text, "source": tr.Source, "engine": tr.Engine, "by": tr.By}
	if !tr.At.IsZero() {
		m["at"] = tr.At.UTC().Format(time.RFC3339Nano)
	}
	_, err := d.call("setTranslation", path, lang, m)
	return err
}

// SetCodes implements casework.Writer. Codes must be in the field's code list; references
// must name existing entries.
func (d *caseDoc) SetCodes(path string, codes []string, p casework.Provenance) error {
	f, err := fieldOf(d.cat, path)
	if err != nil {
		return err
	}
	arr := make([]any, len(codes))
	for i, c := range codes {
		switch f.Type {
		case schema.TypeCodes:
			if !d.cat.CodeList(f.CodeList).Has(c) {
				return fmt.Errorf("%s: %w: the input is not in code list %s", path, errValue, f.CodeList)
			}
		case schema.TypeRefs:
			if !d.entryExists(f.Ref, c) {
				return fmt.Errorf("%s: %w: it refers to an entry of %s that does not exist", path, errValue, f.Ref)
			}
		default:
			return fmt.Errorf("%s is a %s field, not a set", path, f.Type)
		}
		arr[i] = c
	}
	_, err = d.call("setCodes", path, arr, provenanceJS(p))
	return err
}

// AddEntry implements casework.Writer.
func (d *caseDoc) AddEntry(listPath string) (string, error) {
	if err := d.want(listPath, schema.TypeList); err != nil {
		return "", err
	}
	v, err := d.call("addEntry", listPath)
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

// RemoveEntry implements casework.Writer.
func (d *caseDoc) RemoveEntry(listPath, id string) error {
	_, err := d.call("removeEntry", listPath, id)
	return err
}

// Clear implements casework.Writer.
func (d *caseDoc) Clear(path string) error {
	f, err := fieldOf(d.cat, path)
	if err != nil {
		return err
	}
	switch f.Type {
	case schema.TypeCodes, schema.TypeRefs:
		_, err = d.call("setCodes", path, []any{})
	case schema.TypeList:
		return fmt.Errorf("%s is a list; remove its entries", path)
	default:
		// A text field's container goes with its translations: what is cleared (an erased
		// section, say) must not stay behind in another language.
		_, err = d.call("clearField", path)
	}
	return err
}

// Batch implements casework.Writer. Each write of a BiographyDoc is its own Automerge change;
// the client seals everything one edit call changed as one update, and discards all of it when
// the edit's function throws, so there is nothing more to group here.
func (d *caseDoc) Batch(_ string, fn func() error) error { return fn() }

func provenanceJS(p casework.Provenance) map[string]any {
	m := map[string]any{}
	if p.Source != "" {
		m["source"] = p.Source
	}
	if p.By != "" {
		m["by"] = p.By
	}
	if !p.At.IsZero() {
		m["at"] = p.At.UTC().Format(time.RFC3339Nano)
	}
	return m
}

func optString(v js.Value, key string) string {
	if v.Type() != js.TypeObject {
		return ""
	}
	s := v.Get(key)
	if s.Type() != js.TypeString {
		return ""
	}
	return s.String()
}

func stringsOf(v js.Value) []string {
	if v.Type() != js.TypeObject {
		return nil
	}
	out := make([]string, v.Length())
	for i := range out {
		out[i] = v.Index(i).String()
	}
	return out
}
