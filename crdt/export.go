package crdt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// JSON returns the complete biography as indented JSON, for data portability (Art. 20 GDPR)
// and for machines: sections and fields in catalogue order, every coded value with its German
// label ("label_de"), free text with its input language and translations, provenance per field,
// list entries with their IDs. Empty fields are left out; secret fields (attachment content
// keys) are never exported.
func (b *Biography) JSON() ([]byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	version, err := b.schemaVersionLocked()
	if err != nil {
		return nil, err
	}
	secs := obj{}
	for i := range b.cat.Sections {
		s := &b.cat.Sections[i]
		fields, err := b.exportFields(ref{section: s}, s.Key, s.Fields)
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", s.Key, err)
		}
		if len(fields) > 0 {
			secs = append(secs, kv{s.Key, fields})
		}
	}
	doc := obj{{"schema_version", version}, {"sections", secs}}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (b *Biography) exportFields(base ref, prefix string, fields []schema.Field) (obj, error) {
	out := obj{}
	for i := range fields {
		f := &fields[i]
		if f.Secret {
			continue
		}
		r := base
		r.field = f
		r.path = prefix + "." + f.Key
		var val any
		switch f.Type {
		case schema.TypeList:
			lr := ref{path: r.path, section: base.section, list: f}
			ids, err := b.entriesLocked(lr)
			if err != nil {
				return nil, err
			}
			var entries []obj
			for _, id := range ids {
				er := lr
				er.entry = id
				e, err := b.exportFields(er, r.path+"."+id, f.Item)
				if err != nil {
					return nil, err
				}
				entries = append(entries, append(obj{{"id", id}}, e...))
			}
			if len(entries) > 0 {
				val = entries
			}
		case schema.TypeText:
			tv, err := b.textLocked(r)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", r.path, err)
			}
			if tv.Text != "" || len(tv.Translations) > 0 {
				val = exportText(tv)
			}
		case schema.TypeCodes, schema.TypeRefs:
			members, err := b.codesLocked(r)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", r.path, err)
			}
			if len(members) > 0 {
				o := obj{{"values", members}}
				if f.Type == schema.TypeCodes {
					labels := make([]string, len(members))
					for i, c := range members {
						labels[i] = b.cat.CodeList(f.CodeList).CodeLabel(c, "de")
					}
					o = append(o, kv{"labels_de", labels})
				}
				val = o
			}
		default:
			h, err := b.holder(r, false)
			if err != nil || h == nil {
				return nil, err
			}
			m, err := childMap(h, f.Key)
			if err != nil {
				return nil, err
			}
			if m == nil {
				continue
			}
			fv, err := readScalar(m, f.Type)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", r.path, err)
			}
			if fv.state != StateEmpty {
				val = b.exportScalar(f, fv)
			}
		}
		if val != nil {
			out = append(out, kv{f.Key, val})
		}
	}
	return out, nil
}

func (b *Biography) exportScalar(f *schema.Field, fv FieldValue) obj {
	o := obj{}
	switch fv.state {
	case StateUnknown, StateDeclined:
		o = append(o, kv{"state", string(fv.state)})
	default:
		switch f.Type {
		case schema.TypeInt:
			o = append(o, kv{"value", fv.i})
		case schema.TypeBool:
			o = append(o, kv{"value", fv.b})
		default:
			o = append(o, kv{"value", fv.Text()})
		}
		if fv.uncertain {
			o = append(o, kv{"uncertain", true})
		}
		if f.Type == schema.TypeCode {
			o = append(o, kv{"label_de", b.cat.CodeList(f.CodeList).CodeLabel(fv.s, "de")})
		}
	}
	if p := exportProvenance(fv.Provenance); len(p) > 0 {
		o = append(o, kv{"provenance", p})
	}
	return o
}

func exportProvenance(p Provenance) obj {
	o := obj{}
	if p.Source != "" {
		o = append(o, kv{"source", string(p.Source)}, kv{"source_de", schema.Label(schema.ListProvenance, string(p.Source), "de")})
	}
	if p.By != "" {
		o = append(o, kv{"by", p.By})
	}
	if p.Document != "" {
		o = append(o, kv{"document", p.Document})
	}
	if !p.At.IsZero() {
		o = append(o, kv{"at", p.At.Format(time.RFC3339Nano)})
	}
	return o
}

func exportText(tv TextValue) obj {
	o := obj{{"text", tv.Text}}
	if tv.Lang != "" {
		o = append(o, kv{"lang", tv.Lang})
	}
	if len(tv.Translations) > 0 {
		trs := obj{}
		for _, lang := range sortedLangs(tv.Translations) {
			tr := tv.Translations[lang]
			t := obj{{"text", tr.Text}, {"source", tr.Source}, {"source_de", schema.Label(schema.ListTranslationSource, tr.Source, "de")}}
			if tr.Engine != "" {
				t = append(t, kv{"engine", tr.Engine})
			}
			if tr.By != "" {
				t = append(t, kv{"by", tr.By})
			}
			if !tr.At.IsZero() {
				t = append(t, kv{"at", tr.At.Format(time.RFC3339Nano)})
			}
			if tr.Outdated {
				t = append(t, kv{"outdated", true})
			}
			trs = append(trs, kv{lang, t})
		}
		o = append(o, kv{"translations", trs})
	}
	return o
}

// obj is a JSON object that keeps its keys in the order they were added.
type obj []kv

type kv struct {
	key string
	val any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, err := json.Marshal(e.key)
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		var vb bytes.Buffer
		enc := json.NewEncoder(&vb)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(e.val); err != nil {
			return nil, err
		}
		buf.Write(bytes.TrimRight(vb.Bytes(), "\n"))
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
