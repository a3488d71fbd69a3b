// Package schema is the biography's field catalogue: sections, fields, types, required flags,
// code lists, and labels and help texts in German, English, Arabic, Farsi and French, as data.
//
// The catalogue is the single source of truth for validation (package crdt), for exports and
// for the web app, which renders its forms from the JSON that [Catalogue.MarshalJSON] produces
// (printed by `mobio schema export`). Choice fields store codes, never words: a code reads the
// same in every language and is rendered in German for authorities with [Label].
//
// # Evolution
//
// [Version] only goes up. A field or code is never renamed or reused for another meaning; a
// field that is no longer asked is marked Deprecated and stays readable. Every change of what
// is stored in a document, not only of labels, raises Version and adds a migration in crdt.
package schema

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Version is the schema version written into new documents. Changelog:
//   - 1: 2026-11-25: dates stored as German DD.MM.YYYY strings (00 for unknown parts).
//   - 2: 2026-11-25: dates stored as ISO 8601 partial dates (YYYY, YYYY-MM, YYYY-MM-DD).
//   - 3: 2026-11-26: agreement signatures (plan_digest, client_/counsellor_identity and
//     _signature), consent recipient_identity and text_digest, share package_id,
//     contacts.case_notes_document.
const Version = 3

// Languages are the five UI and input languages, German first: German is the reference
// language of every data export.
var Languages = []string{"de", "en", "ar", "fa", "fr"}

// RightToLeft reports whether lang is written right to left.
func RightToLeft(lang string) bool {
	switch baseLang(lang) {
	case "ar", "fa", "ps", "ckb", "ur":
		return true
	}
	return false
}

func baseLang(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		return tag[:i]
	}
	return tag
}

// Text is a label or help text in the five languages.
type Text struct {
	De, En, Ar, Fa, Fr string
}

// T builds a Text from its five translations, in the order of [Languages]:
// German, English, Arabic, Farsi, French.
func T(de, en, ar, fa, fr string) Text { return Text{De: de, En: en, Ar: ar, Fa: fa, Fr: fr} }

// In returns the text in lang (a BCP 47 tag; only its base language counts), falling back to
// German for a language the catalogue does not have.
func (t Text) In(lang string) string {
	switch baseLang(lang) {
	case "en":
		return t.En
	case "ar":
		return t.Ar
	case "fa":
		return t.Fa
	case "fr":
		return t.Fr
	}
	return t.De
}

// Set sets the translation into lang, one of [Languages]; other languages are ignored.
func (t *Text) Set(lang, s string) {
	switch baseLang(lang) {
	case "de":
		t.De = s
	case "en":
		t.En = s
	case "ar":
		t.Ar = s
	case "fa":
		t.Fa = s
	case "fr":
		t.Fr = s
	}
}

// IsZero reports whether no translation is set.
func (t Text) IsZero() bool { return t == Text{} }

// missing lists the languages without a translation.
func (t Text) missing() []string {
	var out []string
	for _, l := range Languages {
		if strings.TrimSpace(t.In(l)) == "" {
			out = append(out, l)
		}
	}
	return out
}

// Map returns the translations keyed by language.
func (t Text) Map() map[string]string {
	return map[string]string{"de": t.De, "en": t.En, "ar": t.Ar, "fa": t.Fa, "fr": t.Fr}
}

// Type is the kind of value a field holds.
type Type string

// Field types. Scalars (string, date, time, bool, int, code, ref) are replaced as a whole,
// so when two people set one concurrently every replica keeps the same one of the two values.
// Text, codes and list are containers that merge: concurrent typing merges character by
// character, concurrent additions of codes or entries all survive.
const (
	TypeString Type = "string" // short text kept as typed: names, phone numbers, file numbers
	TypeText   Type = "text"   // free text with input language and translations (Automerge Text)
	TypeDate   Type = "date"   // partial date: YYYY, YYYY-MM or YYYY-MM-DD, optionally uncertain
	TypeTime   Type = "time"   // an instant, RFC 3339 in UTC
	TypeBool   Type = "bool"
	TypeInt    Type = "int"
	TypeCode   Type = "code"  // one code of CodeList
	TypeCodes  Type = "codes" // a set of codes of CodeList
	TypeRef    Type = "ref"   // the ID of an entry of the list named by Ref
	TypeRefs   Type = "refs"  // a set of entry IDs of the list named by Ref
	TypeList   Type = "list"  // repeatable entries with stable random IDs; fields in Item
)

// Scalar reports whether a value of type t is replaced as a whole.
func (t Type) Scalar() bool {
	switch t {
	case TypeText, TypeCodes, TypeRefs, TypeList:
		return false
	}
	return true
}

// Field describes one question of the biography.
type Field struct {
	Key      string // stable storage key, lower snake case
	Type     Type
	CodeList string // code list key, for TypeCode and TypeCodes
	Ref      string // list path "section.list", for TypeRef and TypeRefs
	Item     []Field
	Label    Text
	Help     Text // optional

	Required bool // validation reports a missing value; "unknown" and "declined" count as answers
	// Restricted fields (file numbers, residence details) are never part of a default share.
	Restricted bool
	// Secret fields (attachment content keys) are never shown, printed or exported.
	Secret bool
	// NoTranslate marks free text that is kept as written (e.g. a name in its original script).
	NoTranslate bool
	// NotBefore names a sibling date field that this date must not precede (end after start).
	NotBefore string
	// NotFuture marks dates that cannot lie in the future (birth, arrival).
	NotFuture bool
	// Min and Max bound TypeInt values when Max > Min.
	Min, Max int64
	// Pattern is a regular expression a TypeString value must match in full, if set.
	Pattern string
	// PatternHelp says in words what Pattern accepts.
	PatternHelp Text
}

// Section is a part of the biography, such as "A. Person".
type Section struct {
	Key    string // stable storage key: "person", "residence", …
	Letter string // letter of DOMAIN.md §2.3, or "" for case-work sections
	Label  Text
	Help   Text
	Fields []Field
	// SpecialCategory marks data of Art. 9 GDPR (the optional support-needs section): it needs
	// its own consent and never leaves in a disclosure or report.
	SpecialCategory bool
	// CaseWork marks the counsellor's parts (integration plan, contacts, consents, shares).
	CaseWork bool
}

// Code is one value of a code list with its labels.
type Code struct {
	Code  string
	Label Text
}

// CodeList is a table of codes used by validation, export and UI alike.
type CodeList struct {
	Key   string
	Label Text
	Codes []Code
	// Standard names the standard the codes come from ("ISO 3166-1 alpha-2", "CEFR", …);
	// empty for project code lists.
	Standard string

	index map[string]int
}

// Has reports whether code belongs to the list.
func (l *CodeList) Has(code string) bool {
	_, ok := l.index[code]
	return ok
}

// CodeLabel returns the label of code in lang, or "" for a code not in the list.
func (l *CodeList) CodeLabel(code, lang string) string {
	i, ok := l.index[code]
	if !ok {
		return ""
	}
	return l.Codes[i].Label.In(lang)
}

// Catalogue is the complete schema: sections with their fields, and the code lists.
type Catalogue struct {
	Version   int
	Sections  []Section
	CodeLists []*CodeList

	lists    map[string]*CodeList
	sections map[string]*Section
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalogue
)

// Default returns the catalogue of this version of mobio. It panics if the catalogue data is
// inconsistent, which the package tests rule out.
func Default() *Catalogue {
	defaultOnce.Do(func() {
		c, err := build(Version, sections(), codeLists())
		if err != nil {
			panic(err)
		}
		defaultCat = c
	})
	return defaultCat
}

// Label returns the label of code in code list list in lang. It is the German rendering of a
// coded value with lang "de". An unknown list or code yields "".
func Label(list, code, lang string) string {
	l := Default().CodeList(list)
	if l == nil {
		return ""
	}
	return l.CodeLabel(code, lang)
}

// CodeList returns the code list with the given key, or nil.
func (c *Catalogue) CodeList(key string) *CodeList { return c.lists[key] }

// Section returns the section with the given key, or nil.
func (c *Catalogue) Section(key string) *Section { return c.sections[key] }

// Field resolves a field path without entry IDs: "person.given_names" or
// "work.jobs.job_title" (a field of the entries of list work.jobs).
func (c *Catalogue) Field(path string) (*Field, error) {
	parts := strings.Split(path, ".")
	s := c.sections[parts[0]]
	if s == nil {
		return nil, fmt.Errorf("schema: no section %q", parts[0])
	}
	fields := s.Fields
	var f *Field
	for i, p := range parts[1:] {
		f = findField(fields, p)
		if f == nil {
			return nil, fmt.Errorf("schema: no field %q in %s", p, strings.Join(parts[:i+1], "."))
		}
		fields = f.Item
	}
	if f == nil {
		return nil, fmt.Errorf("schema: %q names a section, not a field", path)
	}
	return f, nil
}

func findField(fields []Field, key string) *Field {
	for i := range fields {
		if fields[i].Key == key {
			return &fields[i]
		}
	}
	return nil
}

// build indexes and checks a catalogue: unique keys, existing code lists and references, and
// labels in every language.
func build(version int, secs []Section, lists []*CodeList) (*Catalogue, error) {
	c := &Catalogue{
		Version:   version,
		Sections:  secs,
		CodeLists: lists,
		lists:     make(map[string]*CodeList),
		sections:  make(map[string]*Section),
	}
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	for _, l := range lists {
		if _, dup := c.lists[l.Key]; dup {
			bad("code list %q defined twice", l.Key)
		}
		c.lists[l.Key] = l
		l.index = make(map[string]int, len(l.Codes))
		if m := l.Label.missing(); len(m) > 0 {
			bad("code list %q: label missing in %v", l.Key, m)
		}
		for i, code := range l.Codes {
			if code.Code == "" {
				bad("code list %q: empty code at %d", l.Key, i)
			}
			if _, dup := l.index[code.Code]; dup {
				bad("code list %q: code %q twice", l.Key, code.Code)
			}
			l.index[code.Code] = i
			if m := code.Label.missing(); len(m) > 0 {
				bad("code list %q: code %q: label missing in %v", l.Key, code.Code, m)
			}
		}
	}
	for i := range secs {
		s := &secs[i]
		if _, dup := c.sections[s.Key]; dup {
			bad("section %q defined twice", s.Key)
		}
		c.sections[s.Key] = s
		if m := s.Label.missing(); len(m) > 0 {
			bad("section %q: label missing in %v", s.Key, m)
		}
	}
	for i := range secs {
		checkFields(c, secs[i].Key, secs[i].Fields, false, bad)
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, fmt.Errorf("schema: inconsistent catalogue:\n  %s", strings.Join(problems, "\n  "))
	}
	return c, nil
}

func checkFields(c *Catalogue, prefix string, fields []Field, inList bool, bad func(string, ...any)) {
	seen := map[string]bool{}
	for _, f := range fields {
		path := prefix + "." + f.Key
		if !validKey(f.Key) {
			bad("%s: key must be lower snake case", path)
		}
		if seen[f.Key] {
			bad("%s: defined twice", path)
		}
		seen[f.Key] = true
		if m := f.Label.missing(); len(m) > 0 {
			bad("%s: label missing in %v", path, m)
		}
		if !f.Help.IsZero() {
			if m := f.Help.missing(); len(m) > 0 {
				bad("%s: help missing in %v", path, m)
			}
		}
		switch f.Type {
		case TypeString, TypeText, TypeDate, TypeTime, TypeBool, TypeInt:
		case TypeCode, TypeCodes:
			if c.lists[f.CodeList] == nil {
				bad("%s: unknown code list %q", path, f.CodeList)
			}
		case TypeRef, TypeRefs:
			if t, err := c.Field(f.Ref); err != nil || t.Type != TypeList {
				bad("%s: reference %q is not a list", path, f.Ref)
			}
		case TypeList:
			if inList {
				bad("%s: lists cannot nest", path)
			}
			if len(f.Item) == 0 {
				bad("%s: list without item fields", path)
			}
			checkFields(c, path, f.Item, true, bad)
		default:
			bad("%s: unknown type %q", path, f.Type)
		}
		if f.CodeList != "" && f.Type != TypeCode && f.Type != TypeCodes {
			bad("%s: code list on a %s field", path, f.Type)
		}
		if f.NotBefore != "" {
			if t := findField(fields, f.NotBefore); t == nil || t.Type != TypeDate || f.Type != TypeDate {
				bad("%s: NotBefore %q is not a sibling date field", path, f.NotBefore)
			}
		}
		if f.Pattern != "" && f.Type != TypeString {
			bad("%s: pattern on a %s field", path, f.Type)
		}
	}
}

func validKey(k string) bool {
	if k == "" || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}
