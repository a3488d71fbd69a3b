package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/spf13/pflag"
)

// This file turns what a person types into field paths and values: sections by letter, entries
// by the beginning of their ID, codes by their label in any language, dates in any digits.

// fieldRef is a resolved field path.
type fieldRef struct {
	path     string // with full entry ID: "work.jobs.k3x9q7….employer"
	section  *schema.Section
	list     *schema.Field // the list holding the entry; nil for a field of the section
	listPath string        // "work.jobs" when list != nil
	entry    string        // entry ID when list != nil and the path names an entry or its field
	field    *schema.Field // nil when the path names a list or an entry
}

// resolvePath resolves what a person typed as a field path against the catalogue and b's
// entries: the section may be given by its letter, an entry by a unique beginning of its ID.
func resolvePath(b *crdt.Biography, lang, path string) (fieldRef, error) {
	bad := func(id msgID, args ...any) (fieldRef, error) {
		return fieldRef{}, newUserError(errBadPath, lang, id, args...)
	}
	cat := schema.Default()
	parts := strings.Split(path, ".")
	if len(parts) < 2 || len(parts) > 4 {
		return bad(msgBadPath, path)
	}
	sec, err := findSection(cat, parts[0])
	if err != nil {
		return bad(msgNoSection, parts[0])
	}
	r := fieldRef{section: sec}
	f := fieldByKey(sec.Fields, parts[1])
	if f == nil || f.Secret {
		return bad(msgNoField, sec.Key+"."+parts[1])
	}
	if f.Type != schema.TypeList {
		if len(parts) != 2 {
			return bad(msgNotAList, sec.Key+"."+f.Key)
		}
		r.field, r.path = f, sec.Key+"."+f.Key
		return r, nil
	}
	r.list, r.listPath = f, sec.Key+"."+f.Key
	r.path = r.listPath
	if len(parts) == 2 {
		return r, nil
	}
	entry, err := resolveEntry(b, lang, r.listPath, parts[2])
	if err != nil {
		return fieldRef{}, err
	}
	r.entry = entry
	r.path = r.listPath + "." + entry
	if len(parts) == 3 {
		return r, nil
	}
	r.field = fieldByKey(f.Item, parts[3])
	if r.field == nil || r.field.Secret {
		return bad(msgNoField, r.listPath+"."+parts[3])
	}
	r.path += "." + r.field.Key
	return r, nil
}

// resolveEntry returns the ID of the one entry of listPath whose ID starts with prefix.
func resolveEntry(b *crdt.Biography, lang, listPath, prefix string) (string, error) {
	ids, err := b.Entries(listPath)
	if err != nil {
		return "", fmt.Errorf("list %s: %w", listPath, err)
	}
	var found []string
	for _, id := range ids {
		if strings.HasPrefix(id, strings.ToLower(prefix)) && prefix != "" {
			found = append(found, id)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", newUserError(crdt.ErrNoEntry, lang, msgNoEntry, prefix, listPath)
	}
	return "", newUserError(crdt.ErrNoEntry, lang, msgAmbiguousEntry, prefix, listPath)
}

func fieldByKey(fields []schema.Field, key string) *schema.Field {
	for i := range fields {
		if fields[i].Key == key {
			return &fields[i]
		}
	}
	return nil
}

// editFlags are the flags that say where an edited value comes from.
type editFlags struct {
	source, by, document string
	inputLang            string
}

func (e *editFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&e.source, "source", "", "who vouches for the values: self (the newcomer), counsellor or document")
	fs.StringVar(&e.by, "by", "", "who entered the values (default: your identity ID)")
	fs.StringVar(&e.document, "document", "", "the documents.files `ENTRY` that verifies the values (implies --source document)")
	fs.StringVar(&e.inputLang, "input-lang", "", "language `TAG` of free text typed now (default: the text's language, else --lang)")
}

// provenance returns the provenance the flags give.
func (x *session) provenance(b *crdt.Biography, e editFlags) (crdt.Provenance, error) {
	p := crdt.Provenance{Source: crdt.Source(e.source), By: e.by}
	if p.By == "" {
		p.By = x.id.ID().String()
	}
	if e.document != "" {
		if p.Source == "" {
			p.Source = crdt.SourceDocument
		}
		if p.Source != crdt.SourceDocument {
			return p, newUserError(errBadValue, x.Lang, msgDocumentNeedsSource)
		}
		id, err := resolveEntry(b, x.Lang, "documents.files", e.document)
		if err != nil {
			return p, err
		}
		p.Document = id
	}
	if p.Source != "" && !schema.Default().CodeList(schema.ListProvenance).Has(string(p.Source)) {
		return p, newUserError(errBadValue, x.Lang, msgBadSource, e.source)
	}
	return p, nil
}

// valueOpts say how setValue writes.
type valueOpts struct {
	prov      crdt.Provenance
	inputLang string // for free text; "" keeps the text's language, or uses uiLang for a new one
	uiLang    string
	uncertain bool // mark a date uncertain
}

// setValue writes input, as typed, to the field r names: a scalar is parsed, free text is
// replaced by its changed middle, a set is made to hold exactly the codes or entries listed
// (separated by commas or spaces). An empty input clears the field.
func setValue(b *crdt.Biography, lang string, r fieldRef, input string, o valueOpts) error {
	f := r.field
	if f == nil {
		return newUserError(errBadPath, lang, msgIsAList, r.path)
	}
	if strings.TrimSpace(input) == "" {
		return clearField(b, r) // free text loses its translations too
	}
	switch f.Type {
	case schema.TypeText:
		tl := o.inputLang
		if tl == "" {
			cur, err := b.Text(r.path)
			if err != nil {
				return fieldError(lang, r, err)
			}
			if cur.Lang == "" {
				tl = o.uiLang
			}
		}
		return fieldError(lang, r, b.SetText(r.path, input, tl))
	case schema.TypeCodes, schema.TypeRefs:
		members, err := parseMembers(b, lang, r, input)
		if err != nil {
			return err
		}
		return fieldError(lang, r, b.SetCodes(r.path, members, o.prov))
	}
	if o.uncertain && f.Type != schema.TypeDate {
		return newUserError(errBadValue, lang, msgUncertainNotDate, r.path)
	}
	v, err := parseScalar(b, lang, r, input)
	if err != nil {
		return err
	}
	if o.uncertain {
		v = v.Uncertain()
	}
	return fieldError(lang, r, b.Set(r.path, v, o.prov))
}

func clearField(b *crdt.Biography, r fieldRef) error {
	err := b.Clear(r.path)
	if errors.Is(err, crdt.ErrNoEntry) {
		return nil
	}
	return err
}

// parseScalar parses input for the scalar field r: as crdt does, and a code also by its label
// in any language, and a reference by a unique beginning of the entry's ID.
func parseScalar(b *crdt.Biography, lang string, r fieldRef, input string) (crdt.Value, error) {
	f := r.field
	switch f.Type {
	case schema.TypeCode:
		if c, ok := lookupCode(f.CodeList, input); ok {
			return crdt.Code(c), nil
		}
	case schema.TypeRef:
		s := strings.TrimSpace(input)
		if st := crdt.State(strings.ToLower(s)); st == crdt.StateUnknown || st == crdt.StateDeclined {
			break
		}
		id, err := resolveEntry(b, lang, f.Ref, s)
		if err != nil {
			return crdt.Value{}, err
		}
		return crdt.Ref(id), nil
	}
	v, err := b.Parse(r.path, input)
	if err != nil {
		return v, fieldError(lang, r, err)
	}
	return v, nil
}

// lookupCode finds the code of list that s is, or is the label of in some language, ignoring
// letter case.
func lookupCode(list, s string) (string, bool) {
	l := schema.Default().CodeList(list)
	if l == nil {
		return "", false
	}
	s = strings.TrimSpace(s)
	for _, c := range l.Codes {
		if strings.EqualFold(c.Code, s) {
			return c.Code, true
		}
	}
	var found []string
	for _, c := range l.Codes {
		for _, label := range c.Label.Map() {
			if label != "" && strings.EqualFold(label, s) {
				found = append(found, c.Code)
				break
			}
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return "", false
}

// parseMembers parses the members of a set field, separated by commas or spaces.
func parseMembers(b *crdt.Biography, lang string, r fieldRef, input string) ([]string, error) {
	var out []string
	for _, m := range strings.FieldsFunc(input, func(c rune) bool { return c == ',' || c == ' ' || c == '\n' || c == '\t' }) {
		c, err := parseMember(b, lang, r, m)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// parseMember parses one member of the set field r: a code (or its label) or an entry ID.
func parseMember(b *crdt.Biography, lang string, r fieldRef, s string) (string, error) {
	if r.field.Type == schema.TypeRefs {
		return resolveEntry(b, lang, r.field.Ref, s)
	}
	c, ok := lookupCode(r.field.CodeList, s)
	if !ok {
		return "", newUserError(fmt.Errorf("%w: %w", errBadValue, crdt.ErrUnknownCode), lang, msgNotACode, r.path, r.field.CodeList)
	}
	return c, nil
}

// fieldError turns an error of writing r into one that names the field and what to do,
// without repeating the value, which is personal data.
func fieldError(lang string, r fieldRef, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.As(err, new(*userError)):
		return err
	}
	cause := fmt.Errorf("%w: %w", errBadValue, err)
	switch {
	case errors.Is(err, crdt.ErrUnknownCode):
		return newUserError(cause, lang, msgNotACode, r.path, r.field.CodeList)
	case errors.Is(err, crdt.ErrNoEntry):
		return newUserError(cause, lang, msgNoEntryRef, r.path)
	}
	return newUserError(cause, lang, msgInvalidValue, r.path, typeHint(lang, r.field))
}

// typeHint says in words what a field of f's type takes.
func typeHint(lang string, f *schema.Field) string {
	if f.Pattern != "" && !f.PatternHelp.IsZero() {
		return f.PatternHelp.In(lang)
	}
	switch f.Type {
	case schema.TypeDate:
		return msg(lang, msgHintDate)
	case schema.TypeInt:
		if f.Max > f.Min {
			return msg(lang, msgHintIntRange, f.Min, f.Max)
		}
		return msg(lang, msgHintInt)
	case schema.TypeBool:
		return msg(lang, msgHintBool)
	case schema.TypeTime:
		return msg(lang, msgHintTime)
	case schema.TypeCode, schema.TypeCodes:
		return msg(lang, msgHintCode, f.CodeList)
	}
	return msg(lang, msgHintString)
}
