package crdt

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/automerge/automerge-go"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// FieldValue is a scalar field as stored: its value and provenance.
type FieldValue struct {
	Value
	Provenance Provenance
}

// Set writes a scalar field and commits. The value and its provenance replace the previous
// ones as a whole. Values that can never be valid are refused: a value of another type
// (ErrWrongType), a code not in the field's list (ErrUnknownCode), a reference to an entry that
// does not exist (ErrNoEntry), an impossible date, an integer out of range, a string that does
// not match the field's pattern.
func (b *Biography) Set(path string, v Value, p Provenance) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.resolve(path)
	if err != nil {
		return err
	}
	if r.field == nil || !r.field.Type.Scalar() {
		return fmt.Errorf("%w: %s is a %s field; use its own methods", ErrWrongType, path, typeOf(r))
	}
	if err := b.check(r, v); err != nil {
		return err
	}
	h, err := b.holder(r, true)
	if err != nil {
		return err
	}
	if err := putObject(h, r.field.Key, b.scalarMap(v, p)); err != nil {
		return fmt.Errorf("set %s: %w", path, err)
	}
	return b.commit("set " + path)
}

func typeOf(r ref) schema.Type {
	if r.field == nil {
		return schema.TypeList
	}
	return r.field.Type
}

// scalarMap is the stored form of a scalar field.
func (b *Biography) scalarMap(v Value, p Provenance) map[string]any {
	m := map[string]any{}
	switch v.state {
	case StateUnknown, StateDeclined:
		m[keyState] = string(v.state)
	default:
		switch v.typ {
		case schema.TypeInt:
			m[keyValue] = v.i
		case schema.TypeBool:
			m[keyValue] = v.b
		case schema.TypeDate:
			m[keyValue] = v.d.String()
			if v.uncertain {
				m[keyUncertain] = true
			}
		case schema.TypeTime:
			m[keyValue] = v.t.Format(time.RFC3339Nano)
		default:
			m[keyValue] = v.s
		}
	}
	putProvenance(m, p, b.Now)
	return m
}

func putProvenance(m map[string]any, p Provenance, now func() time.Time) {
	if p.Source != "" {
		m[keySource] = string(p.Source)
	}
	if p.By != "" {
		m[keyBy] = p.By
	}
	if p.Document != "" {
		m[keyDocument] = p.Document
	}
	at := p.At
	if at.IsZero() {
		at = now()
	}
	m[keyAt] = at.UTC().Truncate(time.Millisecond).Format(time.RFC3339Nano)
}

// putObject replaces m[key] with a new map holding the entries of values. Keys are written in
// sorted order so that the same edit produces the same bytes on every run.
func putObject(m *automerge.Map, key string, values map[string]any) error {
	obj := automerge.NewMap()
	if err := m.Set(key, obj); err != nil {
		return err
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := obj.Set(k, values[k]); err != nil {
			return err
		}
	}
	return nil
}

// check refuses values that can never be valid for r.field.
func (b *Biography) check(r ref, v Value) error {
	f := r.field
	if v.state == StateUnknown || v.state == StateDeclined {
		return nil
	}
	if v.state == StateEmpty {
		return fmt.Errorf("%w: %s: empty value; use Clear", ErrWrongType, r.path)
	}
	if v.typ != f.Type {
		return fmt.Errorf("%w: %s wants a %s, got a %s", ErrWrongType, r.path, f.Type, v.typ)
	}
	switch f.Type {
	case schema.TypeCode:
		if !b.cat.CodeList(f.CodeList).Has(v.s) {
			return fmt.Errorf("%w: %s: the value is not in code list %s", ErrUnknownCode, r.path, f.CodeList)
		}
	case schema.TypeDate:
		if err := v.d.check(); err != nil {
			return fmt.Errorf("%s: %w", r.path, err)
		}
	case schema.TypeInt:
		if f.Max > f.Min && (v.i < f.Min || v.i > f.Max) {
			return fmt.Errorf("%w: %s must be between %d and %d", ErrWrongType, r.path, f.Min, f.Max)
		}
	case schema.TypeString:
		if f.Pattern != "" && !matches(f.Pattern, v.s) {
			return fmt.Errorf("%w: %s: %s", ErrWrongType, r.path, f.PatternHelp.In("en"))
		}
	case schema.TypeRef:
		if !b.entryExists(f.Ref, v.s) {
			return fmt.Errorf("%w: %s refers to %s.%s, which does not exist", ErrNoEntry, r.path, f.Ref, v.s)
		}
	}
	return nil
}

var patterns sync.Map // pattern string -> *regexp.Regexp

// matches reports whether s matches pattern in full. Patterns come from the catalogue, whose
// tests compile every one of them.
func matches(pattern, s string) bool {
	re, ok := patterns.Load(pattern)
	if !ok {
		re, _ = patterns.LoadOrStore(pattern, regexp.MustCompile("^(?:"+pattern+")$"))
	}
	return re.(*regexp.Regexp).MatchString(s)
}

func (b *Biography) entryExists(listPath, id string) bool {
	r, err := b.resolve(listPath)
	if err != nil || r.list == nil {
		return false
	}
	l, err := b.listMap(r, false)
	if err != nil || l == nil {
		return false
	}
	e, err := childMap(l, id)
	return err == nil && e != nil
}

// Get reads a scalar field. An absent field is a zero FieldValue with state StateEmpty.
func (b *Biography) Get(path string) (FieldValue, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.resolve(path)
	if err != nil {
		return FieldValue{}, err
	}
	if r.field == nil || !r.field.Type.Scalar() {
		return FieldValue{}, fmt.Errorf("%w: %s is a %s field", ErrWrongType, path, typeOf(r))
	}
	return b.scalarLocked(r)
}

// scalarLocked reads the scalar field r; absent fields and entries read as empty.
// b.mu must be held.
func (b *Biography) scalarLocked(r ref) (FieldValue, error) {
	h, err := b.holder(r, false)
	if err != nil || h == nil {
		return FieldValue{}, err
	}
	m, err := childMap(h, r.field.Key)
	if err != nil || m == nil {
		return FieldValue{}, err
	}
	return readScalar(m, r.field.Type)
}

// readScalar decodes a scalar field map. Values of the wrong kind (from another writer) are
// reported, not guessed at.
func readScalar(m *automerge.Map, t schema.Type) (FieldValue, error) {
	vals, err := m.Values()
	if err != nil {
		return FieldValue{}, err
	}
	var fv FieldValue
	fv.Provenance = readProvenance(vals)
	if st := str(vals[keyState]); st == string(StateUnknown) || st == string(StateDeclined) {
		fv.state = State(st)
		return fv, nil
	}
	raw, ok := vals[keyValue]
	if !ok || raw.IsVoid() || raw.IsNull() {
		return fv, nil
	}
	fv.typ, fv.state = t, StateValue
	bad := func() (FieldValue, error) {
		return FieldValue{}, fmt.Errorf("%w: stored %s where a %s belongs", ErrWrongType, raw.Kind(), t)
	}
	switch t {
	case schema.TypeInt:
		i, ok := integer(raw)
		if !ok {
			return bad()
		}
		fv.i = i
	case schema.TypeBool:
		if raw.Kind() != automerge.KindBool {
			return bad()
		}
		fv.b = raw.Bool()
	case schema.TypeDate:
		if raw.Kind() != automerge.KindStr {
			return bad()
		}
		d, err := ParseDate(raw.Str())
		if err != nil {
			return FieldValue{}, err
		}
		fv.d = d
		fv.uncertain = vals[keyUncertain] != nil && vals[keyUncertain].Kind() == automerge.KindBool && vals[keyUncertain].Bool()
	case schema.TypeTime:
		if raw.Kind() != automerge.KindStr {
			return bad()
		}
		tm, err := time.Parse(time.RFC3339Nano, raw.Str())
		if err != nil {
			return FieldValue{}, fmt.Errorf("%w: %v", ErrWrongType, err)
		}
		fv.t = tm.UTC()
	default:
		if raw.Kind() != automerge.KindStr {
			return bad()
		}
		fv.s = raw.Str()
	}
	return fv, nil
}

func integer(v *automerge.Value) (int64, bool) {
	switch v.Kind() {
	case automerge.KindInt64:
		return v.Int64(), true
	case automerge.KindUint64:
		return int64(v.Uint64()), v.Uint64() <= 1<<63-1
	case automerge.KindFloat64: // JavaScript numbers that hold an integer
		f := v.Float64()
		return int64(f), f == float64(int64(f))
	}
	return 0, false
}

func str(v *automerge.Value) string {
	if v == nil || v.Kind() != automerge.KindStr {
		return ""
	}
	return v.Str()
}

func readProvenance(vals map[string]*automerge.Value) Provenance {
	p := Provenance{Source: Source(str(vals[keySource])), By: str(vals[keyBy]), Document: str(vals[keyDocument])}
	if at := str(vals[keyAt]); at != "" {
		if t, err := time.Parse(time.RFC3339Nano, at); err == nil {
			p.At = t.UTC()
		}
	}
	return p
}

// Clear removes the answer of a field: a scalar's value, a text's characters and translations,
// a set's members.
func (b *Biography) Clear(path string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.resolve(path)
	if err != nil {
		return err
	}
	if r.field == nil {
		return fmt.Errorf("%w: %s is a list; remove its entries", ErrWrongType, path)
	}
	h, err := b.holder(r, false)
	if err != nil || h == nil {
		return err
	}
	switch r.field.Type {
	case schema.TypeText:
		if err := b.setTextLocked(r, "", ""); err != nil {
			return err
		}
		tm, err := childMap(h, r.field.Key)
		if err != nil {
			return err
		}
		if err := tm.Set(keyTranslations, automerge.NewMap()); err != nil {
			return err
		}
	case schema.TypeCodes, schema.TypeRefs:
		if err := b.setCodesLocked(r, nil, Provenance{}); err != nil {
			return err
		}
	default:
		v, err := h.Get(r.field.Key)
		if err != nil {
			return fmt.Errorf("clear %s: %w", path, err)
		}
		if v.Kind() == automerge.KindVoid {
			return nil // already empty: nothing to record
		}
		if err := h.Delete(r.field.Key); err != nil {
			return fmt.Errorf("clear %s: %w", path, err)
		}
	}
	return b.commit("clear " + path)
}

// Parse turns what a person typed into a value for the field at path: Arabic-Indic and
// Persian digits become ASCII digits; dates may be partial (see [ParseDate]); yes/no accepts
// true/false, yes/no, ja/nein, oui/non, 1/0; a code may be typed in any letter case; "unknown"
// and "declined" give the corresponding states.
func (b *Biography) Parse(path, input string) (Value, error) {
	r, err := b.resolve(path)
	if err != nil {
		return Value{}, err
	}
	if r.field == nil {
		return Value{}, fmt.Errorf("%w: %s is a list", ErrWrongType, path)
	}
	return parseValue(b.cat, r.field, input)
}

func parseValue(cat *schema.Catalogue, f *schema.Field, input string) (Value, error) {
	s := strings.TrimSpace(input)
	// A code spelled exactly is that code, even where it reads like a state: closure reason
	// DECLINED is not the state "declined".
	if f.Type == schema.TypeCode && cat.CodeList(f.CodeList).Has(s) {
		return Code(s), nil
	}
	switch strings.ToLower(s) {
	case string(StateUnknown):
		return Unknown, nil
	case string(StateDeclined):
		return Declined, nil
	}
	switch f.Type {
	case schema.TypeString:
		if f.Pattern != "" {
			s = NormalizeDigits(s)
		}
		return String(s), nil
	case schema.TypeCode:
		l := cat.CodeList(f.CodeList)
		if l.Has(s) {
			return Code(s), nil
		}
		for _, c := range l.Codes {
			if strings.EqualFold(c.Code, s) {
				return Code(c.Code), nil
			}
		}
		return Value{}, fmt.Errorf("%w: the input is not in code list %s", ErrUnknownCode, f.CodeList)
	case schema.TypeRef:
		return Ref(s), nil
	case schema.TypeInt:
		i, err := strconv.ParseInt(NormalizeDigits(s), 10, 64)
		if err != nil {
			return Value{}, fmt.Errorf("%w: not a whole number", ErrWrongType)
		}
		return Int(i), nil
	case schema.TypeBool:
		switch strings.ToLower(s) {
		case "true", "yes", "ja", "oui", "1", "y", "j":
			return Bool(true), nil
		case "false", "no", "nein", "non", "0", "n":
			return Bool(false), nil
		}
		return Value{}, fmt.Errorf("%w: not yes or no", ErrWrongType)
	case schema.TypeDate:
		uncertain := strings.HasSuffix(s, "~") || strings.HasSuffix(s, "?")
		d, err := ParseDate(strings.TrimRight(s, "~?"))
		if err != nil {
			return Value{}, err
		}
		v := DateOf(d)
		v.uncertain = uncertain
		return v, nil
	case schema.TypeTime:
		t, err := time.Parse(time.RFC3339Nano, NormalizeDigits(s))
		if err != nil {
			return Value{}, fmt.Errorf("%w: not an RFC 3339 time", ErrWrongType)
		}
		return TimeOf(t), nil
	}
	return Value{}, fmt.Errorf("%w: a %s field takes its own methods", ErrWrongType, f.Type)
}
