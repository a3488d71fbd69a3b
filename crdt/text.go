package crdt

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"time"
	"unicode/utf8"

	"github.com/automerge/automerge-go"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// TextValue is a free-text field: the original text in its input language, and translations.
type TextValue struct {
	Text         string
	Lang         string // BCP 47 tag of the input language, e.g. "ar"
	Translations map[string]Translation
}

// Translation is a translation of a free-text field with its provenance.
type Translation struct {
	Text   string
	Source string // code list translation_source: "human", "machine" or "same"
	Engine string // the machine translation engine, when Source is "machine"
	By     string // who translated or checked it
	At     time.Time
	// Outdated reports that the original changed after the translation was made.
	Outdated bool
}

// SetText makes the free-text field at path read s, in input language lang ("" keeps the
// current language). Only the changed middle of the text is replaced, so that concurrent typing
// elsewhere in the text survives the merge.
func (b *Biography) SetText(path, s, lang string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.textRef(path)
	if err != nil {
		return err
	}
	if err := b.setTextLocked(r, s, lang); err != nil {
		return err
	}
	return b.commit("edit " + path)
}

// SpliceText deletes del characters (Unicode code points) at pos of the free-text field at
// path and inserts s there: the operation of one keystroke or paste.
func (b *Biography) SpliceText(path string, pos, del int, s string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.textRef(path)
	if err != nil {
		return err
	}
	t, _, err := b.textObj(r, true)
	if err != nil {
		return err
	}
	if pos < 0 || del < 0 || pos+del > t.Len() {
		return fmt.Errorf("%w: %s: splice %d+%d outside text of length %d", ErrWrongType, path, pos, del, t.Len())
	}
	if err := t.Splice(pos, del, s); err != nil {
		return fmt.Errorf("edit %s: %w", path, err)
	}
	return b.commit("edit " + path)
}

// Text reads the free-text field at path.
func (b *Biography) Text(path string) (TextValue, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.textRef(path)
	if err != nil {
		return TextValue{}, err
	}
	return b.textLocked(r)
}

func (b *Biography) textLocked(r ref) (TextValue, error) {
	t, m, err := b.textObj(r, false)
	if err != nil || t == nil {
		return TextValue{}, err
	}
	s, err := t.Get()
	if err != nil {
		return TextValue{}, err
	}
	tv := TextValue{Text: s}
	if v, err := m.Get(keyLang); err == nil {
		tv.Lang = str(v)
	}
	trs, err := childMap(m, keyTranslations)
	if err != nil || trs == nil {
		return tv, err
	}
	vals, err := trs.Values()
	if err != nil {
		return TextValue{}, err
	}
	for lang, v := range vals {
		if v.Kind() != automerge.KindMap {
			continue
		}
		tvals, err := v.Map().Values()
		if err != nil {
			return TextValue{}, err
		}
		p := readProvenance(tvals)
		tr := Translation{
			Text:     str(tvals[keyText]),
			Source:   string(p.Source),
			Engine:   str(tvals[keyEngine]),
			By:       p.By,
			At:       p.At,
			Outdated: str(tvals[keyOf]) != textDigest(s),
		}
		if tv.Translations == nil {
			tv.Translations = map[string]Translation{}
		}
		tv.Translations[lang] = tr
	}
	return tv, nil
}

// SetTranslation records a translation of the free-text field at path into lang, replacing an
// earlier one. It remembers which original it translates, so that a later edit of the original
// marks it outdated.
func (b *Biography) SetTranslation(path, lang string, tr Translation) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.textRef(path)
	if err != nil {
		return err
	}
	if r.field.NoTranslate {
		return fmt.Errorf("%w: %s is kept as written and is not translated", ErrWrongType, path)
	}
	if !b.cat.CodeList(schema.ListTranslationSource).Has(tr.Source) {
		return fmt.Errorf("%w: translation source %q", ErrUnknownCode, tr.Source)
	}
	t, m, err := b.textObj(r, true)
	if err != nil {
		return err
	}
	orig, err := t.Get()
	if err != nil {
		return err
	}
	trs, err := childMap(m, keyTranslations)
	if err != nil {
		return err
	}
	if trs == nil {
		trs = automerge.NewMap()
		if err := m.Set(keyTranslations, trs); err != nil {
			return err
		}
	}
	vals := map[string]any{keyText: tr.Text, keyOf: textDigest(orig)}
	if tr.Engine != "" {
		vals[keyEngine] = tr.Engine
	}
	putProvenance(vals, Provenance{Source: Source(tr.Source), By: tr.By, At: tr.At}, b.Now)
	if err := putObject(trs, lang, vals); err != nil {
		return fmt.Errorf("translate %s: %w", r.path, err)
	}
	return b.commit("translate " + r.path)
}

// textDigest identifies the original a translation was made from, without storing it twice.
func textDigest(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:8])
}

func (b *Biography) textRef(path string) (ref, error) {
	r, err := b.resolve(path)
	if err != nil {
		return r, err
	}
	if r.field == nil || r.field.Type != schema.TypeText {
		return r, fmt.Errorf("%w: %s is a %s field, not free text", ErrWrongType, path, typeOf(r))
	}
	return r, nil
}

// textObj returns the Text object of a free-text field and the map holding it.
func (b *Biography) textObj(r ref, create bool) (*automerge.Text, *automerge.Map, error) {
	h, err := b.holder(r, create)
	if err != nil || h == nil {
		return nil, nil, err
	}
	m, err := childMap(h, r.field.Key)
	if err != nil {
		return nil, nil, err
	}
	if m == nil {
		if !create {
			return nil, nil, nil
		}
		// Written before this field existed: created lazily; a concurrent lazy creation on
		// another replica would win over this one.
		if err := createContainers(h, []schema.Field{*r.field}); err != nil {
			return nil, nil, err
		}
		if m, err = childMap(h, r.field.Key); err != nil {
			return nil, nil, err
		}
	}
	v, err := m.Get(keyText)
	if err != nil {
		return nil, nil, err
	}
	if v.Kind() != automerge.KindText {
		if !create {
			return nil, nil, nil
		}
		t := automerge.NewText("")
		if err := m.Set(keyText, t); err != nil {
			return nil, nil, err
		}
		return t, m, nil
	}
	return v.Text(), m, nil
}

func (b *Biography) setTextLocked(r ref, s, lang string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: %s: text is not valid UTF-8", ErrWrongType, r.path)
	}
	t, m, err := b.textObj(r, true)
	if err != nil {
		return err
	}
	cur, err := t.Get()
	if err != nil {
		return err
	}
	if pos, del, ins := diff(cur, s); del > 0 || ins != "" {
		if err := t.Splice(pos, del, ins); err != nil {
			return fmt.Errorf("edit %s: %w", r.path, err)
		}
	}
	if lang != "" {
		if v, err := m.Get(keyLang); err != nil || str(v) != lang {
			if err := m.Set(keyLang, lang); err != nil {
				return err
			}
		}
	}
	return nil
}

// diff finds the single splice that turns a into b: the position and length (in code points)
// of the changed middle of a, and its replacement.
func diff(a, b string) (pos, del int, ins string) {
	ar, br := []rune(a), []rune(b)
	p := 0
	for p < len(ar) && p < len(br) && ar[p] == br[p] {
		p++
	}
	s := 0
	for s < len(ar)-p && s < len(br)-p && ar[len(ar)-1-s] == br[len(br)-1-s] {
		s++
	}
	return p, len(ar) - p - s, string(br[p : len(br)-s])
}

// sortedLangs returns the keys of m in the order of the UI languages, then alphabetically.
func sortedLangs(m map[string]Translation) []string {
	rank := map[string]int{}
	for i, l := range schema.Languages {
		rank[l] = i + 1
	}
	out := make([]string, 0, len(m))
	for l := range m {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool {
		ri, rj := rank[out[i]], rank[out[j]]
		if ri == 0 {
			ri = 1 << 20
		}
		if rj == 0 {
			rj = 1 << 20
		}
		if ri != rj {
			return ri < rj
		}
		return out[i] < out[j]
	})
	return out
}
