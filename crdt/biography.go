package crdt

import (
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/automerge/automerge-go"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// Errors callers branch on.
var (
	ErrNoField      = errors.New("no such field")
	ErrNoEntry      = errors.New("no such entry")
	ErrWrongType    = errors.New("value does not fit the field")
	ErrUnknownCode  = errors.New("unknown code")
	ErrNewerSchema  = errors.New("document written by a newer schema version")
	ErrNotBiography = errors.New("not a biography document")
)

// Keys of the document's own bookkeeping; field keys never start with an underscore... they
// are lower snake case, and these are reserved in the root and in entries.
const (
	keySchemaVersion = "schema_version"
	keyCreated       = "_created"

	// scalar field maps
	keyValue     = "v"
	keyState     = "state"
	keySource    = "src"
	keyBy        = "by"
	keyDocument  = "doc"
	keyAt        = "at"
	keyUncertain = "unc"

	// text field maps
	keyText         = "t"
	keyLang         = "lang"
	keyTranslations = "tr"
	keyEngine       = "engine"
	keyOf           = "of"

	// set field maps
	keySet = "set"
)

// Biography is one newcomer's biography. It is safe for concurrent use.
type Biography struct {
	mu  sync.Mutex // guards doc across the several calls of one operation
	doc *automerge.Doc
	cat *schema.Catalogue

	// Now is the clock for provenance and commit times; tests set it for reproducible bytes.
	Now func() time.Time
	// rand is the source of entry IDs; crypto/rand unless set by WithRand.
	rand io.Reader
	// batching defers commits to the end of Batch; batchEdits records that an edit asked for
	// a commit meanwhile. Both are guarded by mu.
	batching, batchEdits bool
}

// Option configures a new or loaded biography.
type Option func(*Biography) error

// WithActor sets the Automerge actor ID (hex). Each device and person should keep its own.
func WithActor(hexID string) Option {
	return func(b *Biography) error {
		if err := b.doc.SetActorID(hexID); err != nil {
			return fmt.Errorf("set actor: %w", err)
		}
		return nil
	}
}

// WithRand sets the source of random entry IDs. Only tests that need reproducible bytes
// should set it: entry IDs must not collide across devices.
func WithRand(r io.Reader) Option {
	return func(b *Biography) error { b.rand = r; return nil }
}

// WithClock sets the clock used for provenance and commit times.
func WithClock(now func() time.Time) Option {
	return func(b *Biography) error { b.Now = now; return nil }
}

func newBiography(doc *automerge.Doc, opts []Option) (*Biography, error) {
	b := &Biography{doc: doc, cat: schema.Default(), Now: time.Now, rand: rand.Reader}
	for _, o := range opts {
		if err := o(b); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// Empty returns a replica without any content, not even the schema version: the start of a
// device that receives an existing biography from others through LoadIncremental. Reading it
// before content arrives fails; use New to start a new biography.
func Empty(opts ...Option) (*Biography, error) {
	return newBiography(automerge.New(), opts)
}

// New creates an empty biography of the current schema version, with every section, list,
// text and set container in place so that concurrent first edits merge.
func New(opts ...Option) (*Biography, error) {
	b, err := newBiography(automerge.New(), opts)
	if err != nil {
		return nil, err
	}
	root := b.doc.RootMap()
	if err := root.Set(keySchemaVersion, int64(schema.Version)); err != nil {
		return nil, fmt.Errorf("new biography: %w", err)
	}
	for _, s := range b.cat.Sections {
		m := automerge.NewMap()
		if err := root.Set(s.Key, m); err != nil {
			return nil, fmt.Errorf("new biography: %w", err)
		}
		if err := createContainers(m, s.Fields); err != nil {
			return nil, fmt.Errorf("new biography: section %s: %w", s.Key, err)
		}
	}
	if err := b.commit("create biography"); err != nil {
		return nil, err
	}
	return b, nil
}

// createContainers creates the maps of the text, set and list fields of fields in m.
func createContainers(m *automerge.Map, fields []schema.Field) error {
	for _, f := range fields {
		switch f.Type {
		case schema.TypeText:
			tm := automerge.NewMap()
			if err := m.Set(f.Key, tm); err != nil {
				return err
			}
			if err := tm.Set(keyText, automerge.NewText("")); err != nil {
				return err
			}
			if err := tm.Set(keyTranslations, automerge.NewMap()); err != nil {
				return err
			}
		case schema.TypeCodes, schema.TypeRefs:
			sm := automerge.NewMap()
			if err := m.Set(f.Key, sm); err != nil {
				return err
			}
			if err := sm.Set(keySet, automerge.NewMap()); err != nil {
				return err
			}
		case schema.TypeList:
			if err := m.Set(f.Key, automerge.NewMap()); err != nil {
				return err
			}
		}
	}
	return nil
}

// Load opens a biography from bytes written by [Biography.Save] (or by @automerge/automerge),
// and migrates it to the current schema version.
func Load(data []byte, opts ...Option) (*Biography, error) {
	doc, err := automerge.Load(data)
	if err != nil {
		return nil, fmt.Errorf("load biography: %w", err)
	}
	b, err := newBiography(doc, opts)
	if err != nil {
		return nil, err
	}
	if err := b.Migrate(); err != nil {
		return nil, fmt.Errorf("load biography: %w", err)
	}
	return b, nil
}

// SchemaVersion returns the schema version recorded in the document.
func (b *Biography) SchemaVersion() (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.schemaVersionLocked()
}

func (b *Biography) schemaVersionLocked() (int, error) {
	v, err := b.doc.RootMap().Get(keySchemaVersion)
	if err != nil {
		return 0, err
	}
	switch v.Kind() {
	case automerge.KindInt64:
		return int(v.Int64()), nil
	case automerge.KindUint64:
		return int(v.Uint64()), nil
	case automerge.KindFloat64: // written by JavaScript as a plain number
		return int(v.Float64()), nil
	}
	return 0, ErrNotBiography
}

// Batch runs fn and records every edit it makes as one change, as a form does when it saves
// several fields at once. Fewer, larger changes make documents faster to load. Edits that fn
// made before it returned an error are kept and committed too, and Batch returns fn's error.
// A batch without edits records no change and is not an error. Edits from other goroutines
// during fn join the batch.
func (b *Biography) Batch(msg string, fn func() error) error {
	b.mu.Lock()
	if b.batching {
		b.mu.Unlock()
		return fn() // already inside a batch: join it
	}
	b.batching, b.batchEdits = true, false
	b.mu.Unlock()
	ferr := fn()
	b.mu.Lock()
	defer b.mu.Unlock()
	edits := b.batchEdits
	b.batching, b.batchEdits = false, false
	if !edits {
		// Automerge refuses to commit nothing; a form saved unchanged is not a failure.
		return ferr
	}
	if err := b.commit(msg); err != nil {
		if ferr != nil {
			return errors.Join(ferr, err)
		}
		return err
	}
	return ferr
}

// commit records the pending operations as one change, stamped with b.Now. Inside a Batch it
// only notes that there is something to commit; the batch commits at its end.
func (b *Biography) commit(msg string) error {
	if b.batching {
		b.batchEdits = true
		return nil
	}
	t := b.Now()
	if _, err := b.doc.Commit(msg, automerge.CommitOptions{Time: &t}); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// Save returns the whole document, compacted.
func (b *Biography) Save() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.doc.Save()
}

// SaveIncremental returns the changes made since the previous Save or SaveIncremental, as
// opaque bytes for [Biography.LoadIncremental] on another replica. It returns nil when there
// are none.
func (b *Biography) SaveIncremental() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.doc.SaveIncremental()
}

// LoadIncremental applies changes produced by SaveIncremental (or Save) of another replica.
// Changes whose dependencies are missing are kept and applied once they arrive.
func (b *Biography) LoadIncremental(data []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.doc.LoadIncremental(data); err != nil {
		return fmt.Errorf("load changes: %w", err)
	}
	return nil
}

// Heads returns the hashes of the latest changes, which identify the document's state.
func (b *Biography) Heads() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	hs := b.doc.Heads()
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.String()
	}
	sort.Strings(out)
	return out
}

// Fork returns an independent copy with a new actor ID, for editing apart and merging later.
func (b *Biography) Fork() (*Biography, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	d, err := b.doc.Fork()
	if err != nil {
		return nil, fmt.Errorf("fork: %w", err)
	}
	return &Biography{doc: d, cat: b.cat, Now: b.Now, rand: b.rand}, nil
}

// Merge applies every change of other that b lacks.
func (b *Biography) Merge(other *Biography) error {
	if b == other {
		return nil
	}
	// Lock in address order so that concurrent a.Merge(b) and b.Merge(a) cannot deadlock.
	first, second := b, other
	if uintptr(unsafe.Pointer(first)) > uintptr(unsafe.Pointer(second)) {
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if _, err := b.doc.Merge(other.doc); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	return nil
}

// Actor returns the Automerge actor ID of this replica.
func (b *Biography) Actor() string { return b.doc.ActorID() }

// idEncoding writes entry IDs in lower-case base32 without padding: short, URL- and path-safe.
var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// newID returns a random entry ID of 80 bits, so that IDs made offline on different devices
// do not collide.
func (b *Biography) newID() (string, error) {
	var buf [10]byte
	if _, err := io.ReadFull(b.rand, buf[:]); err != nil {
		return "", fmt.Errorf("new entry ID: %w", err)
	}
	return idEncoding.EncodeToString(buf[:]), nil
}

func validID(id string) bool {
	if len(id) != 16 {
		return false
	}
	return strings.Trim(id, "abcdefghijklmnopqrstuvwxyz234567") == ""
}

// ChangesSince returns the changes made after the state identified by heads (as returned by
// [Biography.Heads]), encoded for [Biography.LoadIncremental]. With no heads it returns every
// change. The sync engine uses it to send a peer exactly what the peer lacks.
func (b *Biography) ChangesSince(heads []string) ([]byte, error) {
	hs := make([]automerge.ChangeHash, len(heads))
	for i, h := range heads {
		ch, err := automerge.NewChangeHash(h)
		if err != nil {
			return nil, fmt.Errorf("changes since: %w", err)
		}
		hs[i] = ch
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	changes, err := b.doc.Changes(hs...)
	if err != nil {
		return nil, fmt.Errorf("changes since: %w", err)
	}
	return automerge.SaveChanges(changes), nil
}
