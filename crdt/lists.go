package crdt

import (
	"fmt"
	"sort"

	"github.com/automerge/automerge-go"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// AddEntry adds an entry to the list at listPath ("work.jobs") and returns its new random ID.
// Entries added concurrently on different replicas all survive the merge.
func (b *Biography) AddEntry(listPath string) (string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.listRef(listPath)
	if err != nil {
		return "", err
	}
	l, err := b.listMap(r, true)
	if err != nil {
		return "", err
	}
	id, err := b.newID()
	if err != nil {
		return "", err
	}
	e := automerge.NewMap()
	if err := l.Set(id, e); err != nil {
		return "", fmt.Errorf("add to %s: %w", listPath, err)
	}
	if err := e.Set(keyCreated, b.Now().UnixMilli()); err != nil {
		return "", fmt.Errorf("add to %s: %w", listPath, err)
	}
	if err := createContainers(e, r.list.Item); err != nil {
		return "", fmt.Errorf("add to %s: %w", listPath, err)
	}
	if err := b.commit("add " + listPath); err != nil {
		return "", err
	}
	return id, nil
}

// RemoveEntry removes entry id from the list at listPath. If another replica edits the entry
// concurrently, the removal wins. Removing an absent entry is ErrNoEntry.
func (b *Biography) RemoveEntry(listPath, id string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.listRef(listPath)
	if err != nil {
		return err
	}
	l, err := b.listMap(r, false)
	if err != nil {
		return err
	}
	if l == nil || !b.entryExists(listPath, id) {
		return fmt.Errorf("%w: %s.%s", ErrNoEntry, listPath, id)
	}
	if err := l.Delete(id); err != nil {
		return fmt.Errorf("remove %s.%s: %w", listPath, id, err)
	}
	return b.commit("remove " + listPath)
}

// Entries returns the IDs of the entries of the list at listPath, oldest first.
func (b *Biography) Entries(listPath string) ([]string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.listRef(listPath)
	if err != nil {
		return nil, err
	}
	return b.entriesLocked(r)
}

func (b *Biography) entriesLocked(r ref) ([]string, error) {
	l, err := b.listMap(r, false)
	if err != nil || l == nil {
		return nil, err
	}
	vals, err := l.Values()
	if err != nil {
		return nil, err
	}
	type entry struct {
		id      string
		created int64
	}
	var es []entry
	for id, v := range vals {
		if v.Kind() != automerge.KindMap || !validID(id) {
			continue // not an entry this version can read
		}
		var created int64
		if c, err := v.Map().Get(keyCreated); err == nil {
			created, _ = integer(c)
		}
		es = append(es, entry{id, created})
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].created != es[j].created {
			return es[i].created < es[j].created
		}
		return es[i].id < es[j].id
	})
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.id
	}
	return ids, nil
}

func (b *Biography) listRef(listPath string) (ref, error) {
	r, err := b.resolve(listPath)
	if err != nil {
		return r, err
	}
	if r.list == nil || r.field != nil {
		return r, fmt.Errorf("%w: %s is not a list", ErrWrongType, listPath)
	}
	return r, nil
}

// AddCode adds code to the set field at path (a codes field, or a refs field with an entry ID).
// Concurrent additions on different replicas all survive.
func (b *Biography) AddCode(path, code string, p Provenance) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.setRef(path)
	if err != nil {
		return err
	}
	cur, err := b.codesLocked(r)
	if err != nil {
		return err
	}
	return b.setCodesLocked(r, append(cur, code), p)
}

// RemoveCode removes code from the set field at path.
func (b *Biography) RemoveCode(path, code string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.setRef(path)
	if err != nil {
		return err
	}
	cur, err := b.codesLocked(r)
	if err != nil {
		return err
	}
	keep := cur[:0]
	for _, c := range cur {
		if c != code {
			keep = append(keep, c)
		}
	}
	return b.setCodesLocked(r, keep, Provenance{})
}

// SetCodes makes the set field at path hold exactly codes, adding and removing members one by
// one so that concurrent changes to other members survive.
func (b *Biography) SetCodes(path string, codes []string, p Provenance) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.setRef(path)
	if err != nil {
		return err
	}
	return b.setCodesLocked(r, codes, p)
}

// Codes returns the members of the set field at path, sorted.
func (b *Biography) Codes(path string) ([]string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.setRef(path)
	if err != nil {
		return nil, err
	}
	return b.codesLocked(r)
}

func (b *Biography) setRef(path string) (ref, error) {
	r, err := b.resolve(path)
	if err != nil {
		return r, err
	}
	if r.field == nil || r.field.Type != schema.TypeCodes && r.field.Type != schema.TypeRefs {
		return r, fmt.Errorf("%w: %s is a %s field, not a set", ErrWrongType, path, typeOf(r))
	}
	return r, nil
}

// setMap returns the {"set": …} map of a set field, creating it when create is set.
func (b *Biography) setMap(r ref, create bool) (field, set *automerge.Map, err error) {
	h, err := b.holder(r, create)
	if err != nil || h == nil {
		return nil, nil, err
	}
	field, err = childMap(h, r.field.Key)
	if err != nil {
		return nil, nil, err
	}
	if field == nil {
		if !create {
			return nil, nil, nil
		}
		// Written before this field existed: created lazily; a concurrent lazy creation on
		// another replica would win over this one.
		field = automerge.NewMap()
		if err := h.Set(r.field.Key, field); err != nil {
			return nil, nil, err
		}
	}
	set, err = childMap(field, keySet)
	if err != nil || set != nil || !create {
		return field, set, err
	}
	set = automerge.NewMap()
	if err := field.Set(keySet, set); err != nil {
		return nil, nil, err
	}
	return field, set, nil
}

func (b *Biography) codesLocked(r ref) ([]string, error) {
	_, set, err := b.setMap(r, false)
	if err != nil || set == nil {
		return nil, err
	}
	keys, err := set.Keys()
	if err != nil {
		return nil, err
	}
	sort.Strings(keys)
	return keys, nil
}

func (b *Biography) setCodesLocked(r ref, codes []string, p Provenance) error {
	want := map[string]bool{}
	for _, c := range codes {
		if r.field.Type == schema.TypeCodes && !b.cat.CodeList(r.field.CodeList).Has(c) {
			return fmt.Errorf("%w: %s: a code is not in code list %s", ErrUnknownCode, r.path, r.field.CodeList)
		}
		if r.field.Type == schema.TypeRefs && !b.entryExists(r.field.Ref, c) {
			return fmt.Errorf("%w: %s refers to %s.%s, which does not exist", ErrNoEntry, r.path, r.field.Ref, c)
		}
		want[c] = true
	}
	field, set, err := b.setMap(r, true)
	if err != nil {
		return err
	}
	have, err := set.Keys()
	if err != nil {
		return err
	}
	changed := false
	for _, c := range have {
		if !want[c] {
			if err := set.Delete(c); err != nil {
				return err
			}
			changed = true
		}
		delete(want, c)
	}
	add := make([]string, 0, len(want))
	for c := range want {
		add = append(add, c)
	}
	sort.Strings(add)
	for _, c := range add {
		if err := set.Set(c, true); err != nil {
			return err
		}
		changed = true
	}
	if !changed {
		return nil
	}
	if p != (Provenance{}) {
		prov := map[string]any{}
		putProvenance(prov, p, b.Now)
		for _, k := range []string{keySource, keyBy, keyDocument, keyAt} {
			if v, ok := prov[k]; ok {
				if err := field.Set(k, v); err != nil {
					return err
				}
			}
		}
	}
	return b.commit("set " + r.path)
}
