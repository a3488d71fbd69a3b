package crdt

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// replicas is a base document and two forks edited apart, as a newcomer's phone and a
// counsellor's laptop are while one of them is offline.
type replicas struct {
	newcomer, counsellor *Biography
	ids                  map[string]string // entry IDs made during setup
}

func TestConcurrentEditsConverge(t *testing.T) {
	sp := Provenance{Source: SourceSelf}
	cp := Provenance{Source: SourceCounsellor}
	tests := []struct {
		name       string
		setup      func(t *testing.T, b *Biography, ids map[string]string)
		newcomer   func(t *testing.T, r *replicas)
		counsellor func(t *testing.T, r *replicas)
		want       func(t *testing.T, merged *Biography, r *replicas)
	}{
		{
			name: "edits of different fields both survive",
			newcomer: func(t *testing.T, r *replicas) {
				mustDo(t, r.newcomer.Set("person.family_names", String("Haddad"), sp))
			},
			counsellor: func(t *testing.T, r *replicas) {
				mustDo(t, r.counsellor.Set("person.gender", Code("w"), cp))
			},
			want: func(t *testing.T, m *Biography, r *replicas) {
				wantValue(t, m, "person.family_names", "Haddad")
				wantValue(t, m, "person.gender", "w")
			},
		},
		{
			name: "the same name set on both sides keeps one of the two with its own provenance",
			newcomer: func(t *testing.T, r *replicas) {
				mustDo(t, r.newcomer.Set("person.family_names", String("Haddad"), sp))
			},
			counsellor: func(t *testing.T, r *replicas) {
				mustDo(t, r.counsellor.Set("person.family_names", String("Hadad"), cp))
			},
			want: func(t *testing.T, m *Biography, r *replicas) {
				fv, err := m.Get("person.family_names")
				mustDo(t, err)
				switch {
				case fv.Str() == "Haddad" && fv.Provenance.Source == SourceSelf:
				case fv.Str() == "Hadad" && fv.Provenance.Source == SourceCounsellor:
				default:
					t.Errorf("family_names = %q from %q, want one write whole", fv.Str(), fv.Provenance.Source)
				}
			},
		},
		{
			name: "unknown on one side and declined on the other keeps one of the two answers",
			newcomer: func(t *testing.T, r *replicas) {
				mustDo(t, r.newcomer.Set("person.date_of_birth", Declined, sp))
			},
			counsellor: func(t *testing.T, r *replicas) {
				mustDo(t, r.counsellor.Set("person.date_of_birth", Unknown, cp))
			},
			want: func(t *testing.T, m *Biography, r *replicas) {
				fv, err := m.Get("person.date_of_birth")
				mustDo(t, err)
				if fv.State() != StateDeclined && fv.State() != StateUnknown {
					t.Errorf("date_of_birth state = %q, want declined or unknown", fv.State())
				}
			},
		},
		{
			name: "typing in the same text on both sides merges character by character",
			setup: func(t *testing.T, b *Biography, ids map[string]string) {
				ids["job"] = mustAdd(t, b, "work.jobs")
				mustDo(t, b.SetText("work.jobs."+ids["job"]+".tasks", "Brot backen", "de"))
			},
			newcomer: func(t *testing.T, r *replicas) {
				mustDo(t, r.newcomer.SetText("work.jobs."+r.ids["job"]+".tasks", "Brot und Kuchen backen", ""))
			},
			counsellor: func(t *testing.T, r *replicas) {
				mustDo(t, r.counsellor.SetText("work.jobs."+r.ids["job"]+".tasks", "Brot backen, Teig kneten", ""))
			},
			want: func(t *testing.T, m *Biography, r *replicas) {
				tv, err := m.Text("work.jobs." + r.ids["job"] + ".tasks")
				mustDo(t, err)
				if tv.Text != "Brot und Kuchen backen, Teig kneten" {
					t.Errorf("tasks = %q, want both insertions", tv.Text)
				}
			},
		},
		{
			name: "jobs added on both sides both survive",
			newcomer: func(t *testing.T, r *replicas) {
				id := mustAdd(t, r.newcomer, "work.jobs")
				mustDo(t, r.newcomer.Set("work.jobs."+id+".job_title", String("Bäcker"), sp))
			},
			counsellor: func(t *testing.T, r *replicas) {
				id := mustAdd(t, r.counsellor, "work.jobs")
				mustDo(t, r.counsellor.Set("work.jobs."+id+".job_title", String("Koch"), cp))
			},
			want: func(t *testing.T, m *Biography, r *replicas) {
				ids, err := m.Entries("work.jobs")
				mustDo(t, err)
				var titles []string
				for _, id := range ids {
					fv, err := m.Get("work.jobs." + id + ".job_title")
					mustDo(t, err)
					titles = append(titles, fv.Str())
				}
				slices.Sort(titles)
				if !slices.Equal(titles, []string{"Bäcker", "Koch"}) {
					t.Errorf("job titles = %q, want both", titles)
				}
			},
		},
		{
			name: "a job removed on one side stays removed although the other side edited it",
			setup: func(t *testing.T, b *Biography, ids map[string]string) {
				ids["job"] = mustAdd(t, b, "work.jobs")
				ids["keep"] = mustAdd(t, b, "work.jobs")
			},
			newcomer: func(t *testing.T, r *replicas) {
				mustDo(t, r.newcomer.RemoveEntry("work.jobs", r.ids["job"]))
			},
			counsellor: func(t *testing.T, r *replicas) {
				mustDo(t, r.counsellor.Set("work.jobs."+r.ids["job"]+".job_title", String("Koch"), cp))
				mustDo(t, r.counsellor.SetText("work.jobs."+r.ids["job"]+".tasks", "Kochen", "de"))
			},
			want: func(t *testing.T, m *Biography, r *replicas) {
				ids, err := m.Entries("work.jobs")
				mustDo(t, err)
				if !slices.Equal(ids, []string{r.ids["keep"]}) {
					t.Errorf("jobs = %v, want only %v", ids, r.ids["keep"])
				}
			},
		},
		{
			name: "nationalities added on both sides are both kept",
			newcomer: func(t *testing.T, r *replicas) {
				mustDo(t, r.newcomer.AddCode("person.nationalities", "SY", sp))
			},
			counsellor: func(t *testing.T, r *replicas) {
				mustDo(t, r.counsellor.AddCode("person.nationalities", "IQ", cp))
			},
			want: func(t *testing.T, m *Biography, r *replicas) {
				got, err := m.Codes("person.nationalities")
				mustDo(t, err)
				if !slices.Equal(got, []string{"IQ", "SY"}) {
					t.Errorf("nationalities = %v, want [IQ SY]", got)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := newTestBiography(t)
			r := &replicas{ids: map[string]string{}}
			if tt.setup != nil {
				tt.setup(t, base, r.ids)
			}
			var err error
			r.newcomer, err = base.Fork()
			mustDo(t, err)
			r.counsellor, err = base.Fork()
			mustDo(t, err)
			tt.newcomer(t, r)
			tt.counsellor(t, r)

			// Merge in both orders: newcomer ← counsellor, counsellor ← newcomer.
			ab := mustFork(t, r.newcomer)
			mustDo(t, ab.Merge(r.counsellor))
			ba := mustFork(t, r.counsellor)
			mustDo(t, ba.Merge(r.newcomer))
			if h1, h2 := ab.Heads(), ba.Heads(); !slices.Equal(h1, h2) {
				t.Fatalf("heads differ after merge: %v vs %v", h1, h2)
			}
			j1, j2 := mustJSON(t, ab), mustJSON(t, ba)
			if !bytes.Equal(j1, j2) {
				t.Fatalf("JSON differs after merging in both orders:\n%s\nvs\n%s", j1, j2)
			}
			// Exchanging incremental changes gives the same result as merging documents.
			inc, err := Load(r.newcomer.Save())
			mustDo(t, err)
			mustDo(t, inc.LoadIncremental(r.counsellor.Save()))
			if j3 := mustJSON(t, inc); !bytes.Equal(j1, j3) {
				t.Fatalf("JSON after LoadIncremental differs from Merge:\n%s\nvs\n%s", j3, j1)
			}
			tt.want(t, ab, r)
		})
	}
}

func mustFork(t *testing.T, b *Biography) *Biography {
	t.Helper()
	f, err := b.Fork()
	mustDo(t, err)
	return f
}

func mustAdd(t *testing.T, b *Biography, list string) string {
	t.Helper()
	id, err := b.AddEntry(list)
	mustDo(t, err)
	return id
}

func mustJSON(t *testing.T, b *Biography) []byte {
	t.Helper()
	j, err := b.JSON()
	mustDo(t, err)
	return j
}

func wantValue(t *testing.T, b *Biography, path, want string) {
	t.Helper()
	fv, err := b.Get(path)
	mustDo(t, err)
	if got := fv.Text(); got != want {
		t.Errorf("%s = %q, want %q", path, got, want)
	}
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

var _ = strings.Contains

func TestChangesSinceCarriesExactlyWhatThePeerLacks(t *testing.T) {
	a := newTestBiography(t)
	peer := mustFork(t, a)
	heads := peer.Heads()
	mustDo(t, a.Set("person.family_names", String("Haddad"), Provenance{Source: SourceSelf}))
	mustDo(t, a.SetText("living.interests", "Fußball", "de"))
	delta, err := a.ChangesSince(heads)
	mustDo(t, err)
	if all, _ := a.ChangesSince(nil); len(delta) >= len(all) {
		t.Errorf("delta of %d bytes is not smaller than all changes (%d bytes)", len(delta), len(all))
	}
	mustDo(t, peer.LoadIncremental(delta))
	if !bytes.Equal(mustJSON(t, peer), mustJSON(t, a)) {
		t.Error("peer differs after applying ChangesSince")
	}
	if _, err := a.ChangesSince([]string{"not-a-hash"}); err == nil {
		t.Error("ChangesSince accepted a malformed head")
	}
}
