package crdt

import (
	"fmt"
	"strings"

	"github.com/automerge/automerge-go"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// ref is a resolved field path.
type ref struct {
	path    string
	section *schema.Section
	list    *schema.Field // the list holding the entry, or nil for a field of the section
	entry   string        // entry ID when list != nil
	field   *schema.Field // nil when the path names a list itself
}

// resolve parses "section.field" or "section.list.<id>.field". With wantList, it parses
// "section.list" naming the list.
func (b *Biography) resolve(path string) (ref, error) {
	parts := strings.Split(path, ".")
	r := ref{path: path}
	if len(parts) < 2 {
		return r, fmt.Errorf("%w: %q: want section.field", ErrNoField, path)
	}
	r.section = b.cat.Section(parts[0])
	if r.section == nil {
		return r, fmt.Errorf("%w: %q: no section %q", ErrNoField, path, parts[0])
	}
	f := fieldIn(r.section.Fields, parts[1])
	if f == nil {
		return r, fmt.Errorf("%w: %q: no field %q in section %s", ErrNoField, path, parts[1], parts[0])
	}
	if f.Type != schema.TypeList {
		if len(parts) != 2 {
			return r, fmt.Errorf("%w: %q: %s is not a list", ErrNoField, path, f.Key)
		}
		r.field = f
		return r, nil
	}
	r.list = f
	switch len(parts) {
	case 2:
		return r, nil // the list itself
	case 4:
	default:
		return r, fmt.Errorf("%w: %q: want %s.%s.<id>.field", ErrNoField, path, parts[0], parts[1])
	}
	if !validID(parts[2]) {
		return r, fmt.Errorf("%w: %q: %q is not an entry ID", ErrNoEntry, path, parts[2])
	}
	r.entry = parts[2]
	r.field = fieldIn(f.Item, parts[3])
	if r.field == nil {
		return r, fmt.Errorf("%w: %q: no field %q in entries of %s.%s", ErrNoField, path, parts[3], parts[0], parts[1])
	}
	return r, nil
}

func fieldIn(fields []schema.Field, key string) *schema.Field {
	for i := range fields {
		if fields[i].Key == key {
			return &fields[i]
		}
	}
	return nil
}

// sectionMap returns the map of section key, creating it if a document lacks it (one written
// before the section existed).
func (b *Biography) sectionMap(key string, create bool) (*automerge.Map, error) {
	root := b.doc.RootMap()
	m, err := childMap(root, key)
	if err != nil || m != nil || !create {
		return m, err
	}
	m = automerge.NewMap()
	if err := root.Set(key, m); err != nil {
		return nil, err
	}
	if err := createContainers(m, b.cat.Section(key).Fields); err != nil {
		return nil, err
	}
	return m, nil
}

// listMap returns the map of entries of r.list.
func (b *Biography) listMap(r ref, create bool) (*automerge.Map, error) {
	s, err := b.sectionMap(r.section.Key, create)
	if err != nil || s == nil {
		return nil, err
	}
	l, err := childMap(s, r.list.Key)
	if err != nil || l != nil || !create {
		return l, err
	}
	l = automerge.NewMap()
	if err := s.Set(r.list.Key, l); err != nil {
		return nil, err
	}
	return l, nil
}

// holder returns the map that holds r.field: the section's map or the entry's map. A missing
// entry is ErrNoEntry; a missing section is created when create is set.
func (b *Biography) holder(r ref, create bool) (*automerge.Map, error) {
	if r.list == nil {
		return b.sectionMap(r.section.Key, create)
	}
	l, err := b.listMap(r, create)
	if err != nil {
		return nil, err
	}
	var e *automerge.Map
	if l != nil {
		if e, err = childMap(l, r.entry); err != nil {
			return nil, err
		}
	}
	if e == nil {
		return nil, fmt.Errorf("%w: %s", ErrNoEntry, r.path)
	}
	return e, nil
}

// childMap returns m[key] if it is a map, nil if absent.
func childMap(m *automerge.Map, key string) (*automerge.Map, error) {
	v, err := m.Get(key)
	if err != nil {
		return nil, err
	}
	if v.Kind() != automerge.KindMap {
		if v.IsVoid() || v.IsNull() {
			return nil, nil
		}
		return nil, fmt.Errorf("%w: %q is a %s, not a map", ErrNotBiography, key, v.Kind())
	}
	return v.Map(), nil
}
