package crdt

import (
	"fmt"
	"testing"
)

// BenchmarkFillCompleteBiography answers every field of the catalogue (two entries in every
// list), one committed change per answer, as the forms do.
func BenchmarkFillCompleteBiography(b *testing.B) {
	var size int
	for b.Loop() {
		bio := newTestBiography(b, WithActor(personas[1].actor))
		fillComplete(b, bio, personas[1])
		size = len(bio.Save())
	}
	b.ReportMetric(float64(size), "doc-bytes")
}

// BenchmarkMerge1000ConcurrentChanges merges two replicas that made 500 changes each while
// apart: text typed character by character, scalar fields, and list entries.
func BenchmarkMerge1000ConcurrentChanges(b *testing.B) {
	base := newTestBiography(b)
	fillComplete(b, base, personas[0])
	newcomer, counsellor := mustForkB(b, base), mustForkB(b, base)
	edit500(b, newcomer, "ar")
	edit500(b, counsellor, "de")
	saved := newcomer.Save()
	for b.Loop() {
		b.StopTimer()
		target, err := Load(saved)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := target.Merge(counsellor); err != nil {
			b.Fatal(err)
		}
	}
}

func edit500(b *testing.B, bio *Biography, lang string) {
	b.Helper()
	id, err := bio.AddEntry("work.jobs")
	if err != nil {
		b.Fatal(err)
	}
	path := "work.jobs." + id + ".tasks"
	for i := 0; i < 400; i++ { // typing, one change per keystroke
		if err := bio.SpliceText(path, i, 0, "x"); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; i < 99; i++ {
		if err := bio.Set("person.phone", String(fmt.Sprintf("+49 151 %07d", i)), Provenance{Source: SourceSelf}); err != nil {
			b.Fatal(err)
		}
	}
	_ = lang
}

// BenchmarkLoadCaseload200 opens a counsellor's caseload: 200 complete biographies from their
// saved bytes, written with one change per answered field (as single-field edits produce) and
// with all answers in one change (as Batch produces).
func BenchmarkLoadCaseload200(b *testing.B) {
	for _, mode := range []struct {
		name    string
		batched bool
	}{{"change-per-field", false}, {"one-change", true}} {
		b.Run(mode.name, func(b *testing.B) {
			docs := make([][]byte, 200)
			for i := range docs {
				p := personas[i%len(personas)]
				bio := newTestBiography(b, WithActor(p.actor))
				if mode.batched {
					if err := bio.Batch("fill", func() error { return fill(bio, p) }); err != nil {
						b.Fatal(err)
					}
				} else {
					fillComplete(b, bio, p)
				}
				docs[i] = bio.Save()
			}
			for b.Loop() {
				for _, d := range docs {
					if _, err := Load(d); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

func mustForkB(b *testing.B, bio *Biography) *Biography {
	b.Helper()
	f, err := bio.Fork()
	if err != nil {
		b.Fatal(err)
	}
	return f
}
