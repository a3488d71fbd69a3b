package crdt

// Case notes: what a counsellor writes down about a case, in a document of its own that the
// counsellor's organisation owns and the newcomer is not a member of. The biography only links
// to it (contacts.case_notes_document).
//
// # Document layout
//
// The root map holds "kind": "case_notes" (a biography has no "kind"), "notes_version", the
// ID of the biography the notes are about ("biography"), the organisation ("org"), and
// "notes": a map from entry ID to note, so that notes added concurrently all survive. A note is
// {"_created", "at": RFC 3339 instant, "author", "t": Text, "lang", "topics": {code: true}}.
//
// A note is kept apart from the biography on purpose: the root carries its kind, so that
// neither loader mistakes one kind of document for the other ([Load] refuses case notes with
// ErrNotBiography, [LoadNotes] refuses a biography with ErrNotNotes).

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/automerge/automerge-go"
)

// KindCaseNotes is the "kind" in the root of a case notes document.
const KindCaseNotes = "case_notes"

// NotesVersion is the layout version written into new case notes documents. Changelog:
//   - 1: 2026-11-27: notes with instant, author, text, input language and topics.
const NotesVersion = 1

// MaxNoteBytes bounds the text of one note; a note is a few paragraphs, not a file.
const MaxNoteBytes = 64 << 10

const (
	keyKind          = "kind"
	keyNotesVersion  = "notes_version"
	keyNotesBio      = "biography"
	keyNotesOrg      = "org"
	keyNotes         = "notes"
	keyNoteAt        = "at"
	keyNoteAuthor    = "author"
	keyNoteTopics    = "topics"
	notesTopicsCodes = "field_of_action"
)

// Errors of case notes documents that callers branch on.
var (
	ErrNotNotes    = errors.New("not a case notes document")
	ErrUnknownKind = errors.New("unknown document kind")
	ErrEmptyNote   = errors.New("empty note")
)

// Replica is one replica of a document of any kind this package knows: a *Biography or a
// *Notes. It is what the sync engine needs of a document (client.Doc has the same methods).
type Replica interface {
	Save() []byte
	SaveIncremental() []byte
	LoadIncremental(data []byte) error
	Heads() []string
}

var (
	_ Replica = (*Biography)(nil)
	_ Replica = (*Notes)(nil)
)

// LoadReplica opens a document of either kind from bytes written by Save: case notes as a
// *Notes, anything else as a *Biography (migrated, as by [Load]). A document of a kind this
// build does not know is refused with ErrUnknownKind. The sync engine's factory of replicas
// uses it, so that a store holding both kinds opens each as what it is.
func LoadReplica(data []byte, opts ...Option) (Replica, error) {
	doc, err := automerge.Load(data)
	if err != nil {
		return nil, fmt.Errorf("load document: %w", err)
	}
	b, err := newBiography(doc, opts)
	if err != nil {
		return nil, err
	}
	switch k := b.Kind(); k {
	case "":
		if err := b.Migrate(); err != nil {
			return nil, fmt.Errorf("load biography: %w", err)
		}
		return b, nil
	case KindCaseNotes:
		n := &Notes{b: b}
		if err := n.checkVersion(); err != nil {
			return nil, fmt.Errorf("load case notes: %w", err)
		}
		return n, nil
	default:
		return nil, fmt.Errorf("%w: %q", ErrUnknownKind, k)
	}
}

// Kind returns the kind recorded in the document's root: "" for a biography (and for a
// replica whose content has not arrived), [KindCaseNotes] for case notes. A replica made by
// [Empty] learns its kind from the first change it receives.
func (b *Biography) Kind() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.kindLocked()
}

func (b *Biography) kindLocked() string {
	v, err := b.doc.RootMap().Get(keyKind)
	if err != nil {
		return ""
	}
	return str(v)
}

// Notes is a counsellor's case notes on one person. It is safe for concurrent use.
type Notes struct {
	// b carries the replica machinery (document, lock, clock, entry IDs, batching) that both
	// kinds share; none of the biography's field methods is reachable through Notes.
	b *Biography
}

// Note is one case note.
type Note struct {
	ID     string
	At     time.Time // when the conversation or event took place
	Author string    // an identity ID or a display name
	Text   string
	Lang   string   // BCP 47 tag of the language the note is written in; may be empty
	Topics []string // codes of the code list field_of_action, sorted
}

// NewNotes creates the case notes on the biography with document ID biographyDoc, kept by
// the organisation org (a name, or empty).
func NewNotes(biographyDoc, org string, opts ...Option) (*Notes, error) {
	if strings.TrimSpace(biographyDoc) == "" {
		return nil, errors.New("new case notes: the biography's document ID is required")
	}
	b, err := newBiography(automerge.New(), opts)
	if err != nil {
		return nil, err
	}
	root := b.doc.RootMap()
	for _, kv := range []struct {
		k string
		v any
	}{
		{keyKind, KindCaseNotes},
		{keyNotesVersion, int64(NotesVersion)},
		{keyNotesBio, biographyDoc},
		{keyNotesOrg, org},
		{keyNotes, automerge.NewMap()},
	} {
		if err := root.Set(kv.k, kv.v); err != nil {
			return nil, fmt.Errorf("new case notes: %w", err)
		}
	}
	if err := b.commit("create case notes"); err != nil {
		return nil, err
	}
	return &Notes{b: b}, nil
}

// EmptyNotes returns a replica without any content: the start of a device that receives
// existing case notes from others through LoadIncremental.
func EmptyNotes(opts ...Option) (*Notes, error) {
	b, err := Empty(opts...)
	if err != nil {
		return nil, err
	}
	return &Notes{b: b}, nil
}

// LoadNotes opens case notes from bytes written by [Notes.Save]. A biography is refused with
// ErrNotNotes, notes of a newer layout with ErrNewerSchema.
func LoadNotes(data []byte, opts ...Option) (*Notes, error) {
	doc, err := automerge.Load(data)
	if err != nil {
		return nil, fmt.Errorf("load case notes: %w", err)
	}
	b, err := newBiography(doc, opts)
	if err != nil {
		return nil, err
	}
	n := &Notes{b: b}
	if err := n.checkVersion(); err != nil {
		return nil, fmt.Errorf("load case notes: %w", err)
	}
	return n, nil
}

// NotesOf returns the case notes held by replica b, which the sync engine made before it
// knew the document's kind (a replica from [Empty] that then received case notes). It fails
// with ErrNotNotes when b holds anything else, including nothing yet. The two share one
// replica: what is written through either is in both.
func NotesOf(b *Biography) (*Notes, error) {
	n := &Notes{b: b}
	if err := n.checkVersion(); err != nil {
		return nil, err
	}
	return n, nil
}

// checkVersion checks that the replica holds case notes this build can read.
func (n *Notes) checkVersion() error {
	n.b.mu.Lock()
	defer n.b.mu.Unlock()
	return n.checkLocked()
}

func (n *Notes) checkLocked() error {
	if k := n.b.kindLocked(); k != KindCaseNotes {
		if k == "" {
			return ErrNotNotes
		}
		return fmt.Errorf("%w: kind %q", ErrNotNotes, k)
	}
	v, err := n.b.doc.RootMap().Get(keyNotesVersion)
	if err != nil {
		return err
	}
	ver, ok := integer(v)
	switch {
	case !ok || ver < 1:
		return fmt.Errorf("%w: no layout version", ErrNotNotes)
	case ver > NotesVersion:
		return fmt.Errorf("%w: case notes version %d, this build knows up to %d", ErrNewerSchema, ver, NotesVersion)
	}
	return nil
}

// Biography returns the document ID of the biography the notes are about.
func (n *Notes) Biography() string { return n.rootString(keyNotesBio) }

// Org returns the organisation that keeps the notes.
func (n *Notes) Org() string { return n.rootString(keyNotesOrg) }

func (n *Notes) rootString(key string) string {
	n.b.mu.Lock()
	defer n.b.mu.Unlock()
	v, err := n.b.doc.RootMap().Get(key)
	if err != nil {
		return ""
	}
	return str(v)
}

// AddNote adds a note written by author about what happened at at (zero: now), in language
// lang, on topics (codes of the code list field_of_action), and returns its ID. Notes added
// concurrently on different replicas all survive the merge.
func (n *Notes) AddNote(at time.Time, author, text, lang string, topics []string) (string, error) {
	if strings.TrimSpace(text) == "" {
		return "", ErrEmptyNote
	}
	if !utf8.ValidString(text) || len(text) > MaxNoteBytes {
		return "", fmt.Errorf("%w: a note is valid UTF-8 of at most %d bytes", ErrWrongType, MaxNoteBytes)
	}
	list := n.b.cat.CodeList(notesTopicsCodes)
	topicSet := map[string]bool{}
	for _, c := range topics {
		if list == nil || !list.Has(c) {
			return "", fmt.Errorf("%w: %q is not in %s", ErrUnknownCode, c, notesTopicsCodes)
		}
		topicSet[c] = true
	}
	n.b.mu.Lock()
	defer n.b.mu.Unlock()
	if err := n.checkLocked(); err != nil {
		return "", err
	}
	notes, err := childMap(n.b.doc.RootMap(), keyNotes)
	if err != nil {
		return "", err
	}
	if notes == nil { // never: NewNotes creates it; a replica that lost it recreates it
		notes = automerge.NewMap()
		if err := n.b.doc.RootMap().Set(keyNotes, notes); err != nil {
			return "", err
		}
	}
	id, err := n.b.newID()
	if err != nil {
		return "", err
	}
	if at.IsZero() {
		at = n.b.Now()
	}
	e := automerge.NewMap()
	if err := notes.Set(id, e); err != nil {
		return "", fmt.Errorf("add note: %w", err)
	}
	set := automerge.NewMap()
	for _, kv := range []struct {
		k string
		v any
	}{
		{keyCreated, n.b.Now().UnixMilli()},
		{keyNoteAt, at.UTC().Truncate(time.Millisecond).Format(time.RFC3339Nano)},
		{keyNoteAuthor, author},
		{keyLang, lang},
		{keyText, automerge.NewText(text)},
		{keyNoteTopics, set},
	} {
		if err := e.Set(kv.k, kv.v); err != nil {
			return "", fmt.Errorf("add note: %w", err)
		}
	}
	for c := range topicSet {
		if err := set.Set(c, true); err != nil {
			return "", fmt.Errorf("add note: %w", err)
		}
	}
	if err := n.b.commit("add note"); err != nil {
		return "", err
	}
	return id, nil
}

// Notes returns every note, in the order of when they happened, then of when they were
// written.
func (n *Notes) Notes() ([]Note, error) {
	n.b.mu.Lock()
	defer n.b.mu.Unlock()
	if err := n.checkLocked(); err != nil {
		return nil, err
	}
	notes, err := childMap(n.b.doc.RootMap(), keyNotes)
	if err != nil || notes == nil {
		return nil, err
	}
	vals, err := notes.Values()
	if err != nil {
		return nil, err
	}
	type sortable struct {
		Note
		created int64
	}
	var out []sortable
	for id, v := range vals {
		if v.Kind() != automerge.KindMap || !validID(id) {
			continue // not a note this version can read
		}
		ev, err := v.Map().Values()
		if err != nil {
			return nil, err
		}
		s := sortable{Note: Note{ID: id, Author: str(ev[keyNoteAuthor]), Lang: str(ev[keyLang])}}
		if c := ev[keyCreated]; c != nil {
			s.created, _ = integer(c)
		}
		if t, err := time.Parse(time.RFC3339Nano, str(ev[keyNoteAt])); err == nil {
			s.At = t.UTC()
		}
		if t := ev[keyText]; t != nil && t.Kind() == automerge.KindText {
			if s.Text, err = t.Text().Get(); err != nil {
				return nil, err
			}
		}
		if t := ev[keyNoteTopics]; t != nil && t.Kind() == automerge.KindMap {
			codes, err := t.Map().Values()
			if err != nil {
				return nil, err
			}
			for c, on := range codes {
				if on.Kind() == automerge.KindBool && on.Bool() {
					s.Topics = append(s.Topics, c)
				}
			}
			sort.Strings(s.Topics)
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.At.Equal(b.At) {
			return a.At.Before(b.At)
		}
		if a.created != b.created {
			return a.created < b.created
		}
		return a.ID < b.ID
	})
	res := make([]Note, len(out))
	for i, s := range out {
		res[i] = s.Note
	}
	return res, nil
}

// Save returns the whole document, compacted.
func (n *Notes) Save() []byte { return n.b.Save() }

// SaveIncremental returns the changes made since the previous Save or SaveIncremental, or nil.
func (n *Notes) SaveIncremental() []byte { return n.b.SaveIncremental() }

// LoadIncremental applies changes produced by SaveIncremental (or Save) of another replica.
func (n *Notes) LoadIncremental(data []byte) error { return n.b.LoadIncremental(data) }

// Heads returns the hashes of the latest changes, which identify the document's state.
func (n *Notes) Heads() []string { return n.b.Heads() }

// Merge applies every change of other that n lacks.
func (n *Notes) Merge(other *Notes) error { return n.b.Merge(other.b) }

// Fork returns an independent copy with a new actor ID, for editing apart and merging later.
func (n *Notes) Fork() (*Notes, error) {
	b, err := n.b.Fork()
	if err != nil {
		return nil, err
	}
	return &Notes{b: b}, nil
}
