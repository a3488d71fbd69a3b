package crdt

import (
	"fmt"
	"strings"

	"github.com/automerge/automerge-go"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// Migration upgrades a document from schema version From to From+1. Apply runs with the
// biography's lock held and must be idempotent and deterministic: two replicas that migrate the
// same document concurrently write the same values, so their merge is the migrated document.
type Migration struct {
	From  int
	Name  string
	Apply func(b *Biography) error
}

// migrations lists every migration in order; [Biography.Migrate] runs those a document needs.
var migrations = []Migration{
	{From: 1, Name: "dates from DD.MM.YYYY to ISO 8601", Apply: migrateGermanDates},
	// Version 3 adds scalar fields only (agreement signatures, consent recipient identity and
	// text digest, share package ID, the case notes document): nothing to rewrite.
	{From: 2, Name: "case work signatures and links", Apply: func(*Biography) error { return nil }},
}

// Migrate brings the document to the current [schema.Version], one committed change per
// step, and adds the containers of sections and fields the document lacks. A document of a
// newer version is refused with ErrNewerSchema: this build would not know its fields.
func (b *Biography) Migrate() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, err := b.schemaVersionLocked()
	if err != nil {
		return err
	}
	if v < 1 {
		return fmt.Errorf("%w: schema version %d", ErrNotBiography, v)
	}
	if v > schema.Version {
		return fmt.Errorf("%w: version %d, this build knows up to %d", ErrNewerSchema, v, schema.Version)
	}
	for ; v < schema.Version; v++ {
		m, ok := migrationFrom(v)
		if !ok {
			return fmt.Errorf("no migration from schema version %d", v)
		}
		if err := m.Apply(b); err != nil {
			return fmt.Errorf("migrate %d→%d (%s): %w", v, v+1, m.Name, err)
		}
		if err := b.ensureContainers(); err != nil {
			return fmt.Errorf("migrate %d→%d: %w", v, v+1, err)
		}
		if err := b.doc.RootMap().Set(keySchemaVersion, int64(v+1)); err != nil {
			return err
		}
		if err := b.commit(fmt.Sprintf("migrate schema %d→%d", v, v+1)); err != nil {
			return err
		}
	}
	return nil
}

func migrationFrom(v int) (Migration, bool) {
	for _, m := range migrations {
		if m.From == v {
			return m, true
		}
	}
	return Migration{}, false
}

// ensureContainers creates missing section maps and the containers of their text, set and
// list fields, for documents written before those existed.
func (b *Biography) ensureContainers() error {
	for i := range b.cat.Sections {
		s := &b.cat.Sections[i]
		m, err := b.sectionMap(s.Key, true)
		if err != nil {
			return err
		}
		var missing []schema.Field
		for _, f := range s.Fields {
			if f.Type.Scalar() {
				continue
			}
			if v, err := m.Get(f.Key); err != nil {
				return err
			} else if v.IsVoid() {
				missing = append(missing, f)
			}
		}
		if err := createContainers(m, missing); err != nil {
			return err
		}
	}
	return nil
}

// forEachDateField calls fn with the map of every date field that has a value, in sections
// and list entries.
func (b *Biography) forEachDateField(fn func(field *automerge.Map) error) error {
	for i := range b.cat.Sections {
		s := &b.cat.Sections[i]
		sm, err := b.sectionMap(s.Key, false)
		if err != nil || sm == nil {
			if err != nil {
				return err
			}
			continue
		}
		if err := eachDate(sm, s.Fields, fn); err != nil {
			return err
		}
		for _, f := range s.Fields {
			if f.Type != schema.TypeList {
				continue
			}
			l, err := childMap(sm, f.Key)
			if err != nil || l == nil {
				if err != nil {
					return err
				}
				continue
			}
			entries, err := l.Values()
			if err != nil {
				return err
			}
			for _, e := range entries {
				if e.Kind() == automerge.KindMap {
					if err := eachDate(e.Map(), f.Item, fn); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

func eachDate(m *automerge.Map, fields []schema.Field, fn func(*automerge.Map) error) error {
	for _, f := range fields {
		if f.Type != schema.TypeDate {
			continue
		}
		fm, err := childMap(m, f.Key)
		if err != nil {
			return err
		}
		if fm != nil {
			if err := fn(fm); err != nil {
				return err
			}
		}
	}
	return nil
}

// migrateGermanDates rewrites dates stored by schema 1 as DD.MM.YYYY, MM.YYYY or YYYY, with 00
// for unknown parts, into ISO 8601 partial dates. A date that cannot be parsed is kept as it is,
// so validation reports it instead of the migration losing it.
func migrateGermanDates(b *Biography) error {
	return b.forEachDateField(func(field *automerge.Map) error {
		v, err := field.Get(keyValue)
		if err != nil {
			return err
		}
		s := str(v)
		if !strings.Contains(s, ".") {
			return nil
		}
		d, err := ParseDate(s)
		if err != nil {
			return nil
		}
		return field.Set(keyValue, d.String())
	})
}
