package crdt

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func newTestNotes(t *testing.T) *Notes {
	t.Helper()
	n, err := NewNotes("bioabc", "Integrationsmanagement Musterstadt",
		WithClock(testClock), WithRand(rand.NewChaCha8([32]byte{2})), WithActor("bb01"))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestNotesAddAndListInOrderOfWhenTheyHappened(t *testing.T) {
	n := newTestNotes(t)
	if n.Biography() != "bioabc" || n.Org() != "Integrationsmanagement Musterstadt" {
		t.Fatalf("Biography, Org = %q, %q", n.Biography(), n.Org())
	}
	later := time.Date(2026, 11, 5, 10, 0, 0, 0, time.UTC)
	earlier := time.Date(2026, 11, 1, 14, 0, 0, 0, time.UTC)
	if _, err := n.AddNote(later, "counsellor-1", "Termin beim Jobcenter vorbereitet.", "de", []string{"ARBEIT"}); err != nil {
		t.Fatal(err)
	}
	if _, err := n.AddNote(earlier, "counsellor-1", "Erstgespräch; Sprachkurs gewünscht.", "de", []string{"SPRACHE", "ARBEIT"}); err != nil {
		t.Fatal(err)
	}
	got, err := n.Notes()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("Notes() = %d notes, want 2", len(got))
	}
	if !got[0].At.Equal(earlier) || got[0].Text != "Erstgespräch; Sprachkurs gewünscht." ||
		!slices.Equal(got[0].Topics, []string{"ARBEIT", "SPRACHE"}) || got[0].Lang != "de" || got[0].Author != "counsellor-1" {
		t.Errorf("first note = %+v", got[0])
	}
	if !got[1].At.Equal(later) {
		t.Errorf("second note at %v, want %v", got[1].At, later)
	}
}

func TestNotesRefuseWhatIsNotANote(t *testing.T) {
	n := newTestNotes(t)
	tests := []struct {
		name    string
		text    string
		topics  []string
		wantErr error
	}{
		{name: "empty text", text: "  ", wantErr: ErrEmptyNote},
		{name: "unknown topic", text: "x", topics: []string{"RELIGION"}, wantErr: ErrUnknownCode},
		{name: "invalid UTF-8", text: "\xff", wantErr: ErrWrongType},
		{name: "too long", text: string(make([]byte, MaxNoteBytes+1)), wantErr: ErrWrongType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := n.AddNote(time.Time{}, "c", tt.text, "de", tt.topics); !errors.Is(err, tt.wantErr) {
				t.Errorf("AddNote = %v, want %v", err, tt.wantErr)
			}
		})
	}
	if got, _ := n.Notes(); len(got) != 0 {
		t.Errorf("refused notes were stored: %+v", got)
	}
}

func TestNotesAndBiographyAreNeverConfused(t *testing.T) {
	n := newTestNotes(t)
	b := newTestBiography(t)
	tests := []struct {
		name    string
		load    func() error
		wantErr error
	}{
		{name: "Load refuses case notes", load: func() error { _, err := Load(n.Save()); return err }, wantErr: ErrNotBiography},
		{name: "LoadNotes refuses a biography", load: func() error { _, err := LoadNotes(b.Save()); return err }, wantErr: ErrNotNotes},
		{name: "NotesOf refuses a biography", load: func() error { _, err := NotesOf(b); return err }, wantErr: ErrNotNotes},
		{name: "NotesOf refuses a replica without content", load: func() error {
			e, _ := Empty()
			_, err := NotesOf(e)
			return err
		}, wantErr: ErrNotNotes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.load(); !errors.Is(err, tt.wantErr) {
				t.Errorf("got %v, want %v", err, tt.wantErr)
			}
		})
	}

	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{name: "biography", data: b.Save(), want: "*crdt.Biography"},
		{name: "case notes", data: n.Save(), want: "*crdt.Notes"},
	} {
		t.Run("LoadReplica opens a "+tt.name, func(t *testing.T) {
			r, err := LoadReplica(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if got := typeName(r); got != tt.want {
				t.Errorf("LoadReplica = %s, want %s", got, tt.want)
			}
		})
	}
}

func typeName(r Replica) string {
	switch r.(type) {
	case *Biography:
		return "*crdt.Biography"
	case *Notes:
		return "*crdt.Notes"
	}
	return "other"
}

func TestNotesReachAReplicaThatDidNotKnowItsKind(t *testing.T) {
	n := newTestNotes(t)
	if _, err := n.AddNote(time.Time{}, "c", "Erstgespräch", "de", nil); err != nil {
		t.Fatal(err)
	}
	// The sync engine makes an empty replica before it knows what arrives.
	e, err := Empty()
	if err != nil {
		t.Fatal(err)
	}
	if err := e.LoadIncremental(n.Save()); err != nil {
		t.Fatal(err)
	}
	if e.Kind() != KindCaseNotes {
		t.Fatalf("Kind() = %q, want %q", e.Kind(), KindCaseNotes)
	}
	if _, err := e.SchemaVersion(); err == nil {
		t.Error("the replica of case notes reads as a biography")
	}
	view, err := NotesOf(e)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := view.AddNote(time.Time{}, "c2", "Rückruf", "de", nil); err != nil {
		t.Fatal(err)
	}
	// What was written through the view is a change of the replica, for the engine to send.
	if err := n.LoadIncremental(e.SaveIncremental()); err != nil {
		t.Fatal(err)
	}
	got, err := n.Notes()
	if err != nil || len(got) != 2 {
		t.Fatalf("Notes() = %+v, %v; want both notes after the merge", got, err)
	}
}

func TestNotesAddedConcurrentlyAllSurvive(t *testing.T) {
	a := newTestNotes(t)
	b, err := a.Fork()
	if err != nil {
		t.Fatal(err)
	}
	b.b.rand = rand.NewChaCha8([32]byte{3})
	if _, err := a.AddNote(time.Time{}, "a", "from a", "de", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddNote(time.Time{}, "b", "from b", "de", nil); err != nil {
		t.Fatal(err)
	}
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	if err := b.Merge(a); err != nil {
		t.Fatal(err)
	}
	na, _ := a.Notes()
	nb, _ := b.Notes()
	if len(na) != 2 || !slices.EqualFunc(na, nb, func(x, y Note) bool { return x.ID == y.ID && x.Text == y.Text }) {
		t.Errorf("after merging: %+v and %+v, want the same two notes", na, nb)
	}
}

func TestNotesOfANewerLayoutAreRefused(t *testing.T) {
	n := newTestNotes(t)
	if err := n.b.doc.RootMap().Set(keyNotesVersion, int64(NotesVersion+1)); err != nil {
		t.Fatal(err)
	}
	if err := n.b.commit("future"); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadNotes(n.Save()); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("LoadNotes = %v, want ErrNewerSchema", err)
	}
	if _, err := LoadReplica(n.Save()); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("LoadReplica = %v, want ErrNewerSchema", err)
	}
}

func TestLoadReplicaRefusesAnUnknownKind(t *testing.T) {
	b := newTestBiography(t)
	if err := b.doc.RootMap().Set(keyKind, "something_else"); err != nil {
		t.Fatal(err)
	}
	if err := b.commit("kind"); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadReplica(b.Save()); !errors.Is(err, ErrUnknownKind) {
		t.Errorf("LoadReplica = %v, want ErrUnknownKind", err)
	}
}
