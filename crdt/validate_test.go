package crdt

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestValidateReportsEveryProblemAtOnce(t *testing.T) {
	b := newTestBiography(t)
	p := Provenance{Source: SourceCounsellor}
	mustDo(t, b.Set("person.given_names", String("Amira"), p))
	mustDo(t, b.Set("person.date_of_birth", DateOf(Date{2031, 1, 0}), p)) // in the future
	job := mustAdd(t, b, "work.jobs")
	mustDo(t, b.Set("work.jobs."+job+".start", DateOf(Date{2015, 6, 0}), p))
	mustDo(t, b.Set("work.jobs."+job+".end", DateOf(Date{2014, 0, 0}), p))
	doc := mustAdd(t, b, "documents.files")
	mustDo(t, b.Set("work.jobs."+job+".document", Ref(doc), p))
	mustDo(t, b.RemoveEntry("documents.files", doc))

	got := map[string]string{}
	for _, pr := range b.Validate() {
		got[pr.Path] = pr.Code
		for _, lang := range []string{"de", "en", "ar", "fa", "fr"} {
			if strings.TrimSpace(pr.Message.In(lang)) == "" {
				t.Errorf("%s: no %s message", pr.Path, lang)
			}
		}
	}
	want := map[string]string{
		"person.family_names":            ProblemRequired,
		"person.date_of_birth":           ProblemFutureDate,
		"work.jobs." + job + ".end":      ProblemEndBeforeStart,
		"work.jobs." + job + ".document": ProblemDanglingRef,
	}
	for path, code := range want {
		if got[path] != code {
			t.Errorf("problem at %s = %q, want %q", path, got[path], code)
		}
	}
}

func TestUnknownAndDeclinedAreAnswers(t *testing.T) {
	b := newTestBiography(t)
	mustDo(t, b.Set("person.family_names", Declined, Provenance{Source: SourceSelf}))
	mustDo(t, b.Set("person.date_of_birth", Unknown, Provenance{Source: SourceSelf}))
	for _, pr := range b.Validate() {
		if pr.Path == "person.family_names" || pr.Path == "person.date_of_birth" {
			t.Errorf("%s reported as %s although answered", pr.Path, pr.Code)
		}
	}
	fv, err := b.Get("person.family_names")
	mustDo(t, err)
	if fv.State() != StateDeclined {
		t.Errorf("family_names state = %q, want declined", fv.State())
	}
	js := string(mustJSON(t, b))
	if !strings.Contains(js, `"state": "declined"`) || !strings.Contains(js, `"state": "unknown"`) {
		t.Errorf("JSON does not tell unknown from declined:\n%s", js)
	}
}

func TestValidateReportsCodesWrittenByOtherClients(t *testing.T) {
	b := newTestBiography(t)
	// A browser or a newer build may write a code this build does not know.
	person, err := b.sectionMap("person", false)
	mustDo(t, err)
	mustDo(t, putObject(person, "gender", map[string]any{keyValue: "x-unknown"}))
	mustDo(t, b.commit("test"))
	var codes []string
	for _, pr := range b.Validate() {
		if pr.Path == "person.gender" {
			codes = append(codes, pr.Code)
		}
	}
	if !slices.Equal(codes, []string{ProblemUnknownCode}) {
		t.Errorf("problems at person.gender = %v, want [unknown_code]", codes)
	}
}

func TestTranslationsKnowWhenTheyAreOutdated(t *testing.T) {
	b := newTestBiography(t)
	mustDo(t, b.SetText("living.interests", "كرة القدم", "ar"))
	mustDo(t, b.SetTranslation("living.interests", "de", Translation{Text: "Fußball", Source: "machine", Engine: "libretranslate"}))
	tv, err := b.Text("living.interests")
	mustDo(t, err)
	if tv.Lang != "ar" || tv.Translations["de"].Text != "Fußball" || tv.Translations["de"].Outdated {
		t.Fatalf("Text = %+v, want Arabic original with a current German translation", tv)
	}
	mustDo(t, b.SpliceText("living.interests", 9, 0, " والطبخ"))
	tv, err = b.Text("living.interests")
	mustDo(t, err)
	if tv.Text != "كرة القدم والطبخ" || !tv.Translations["de"].Outdated {
		t.Errorf("after editing the original: %+v, want translation marked outdated", tv)
	}
	if err := b.SetTranslation("living.interests", "de", Translation{Text: "x", Source: "guess"}); err == nil {
		t.Error("SetTranslation accepted an unknown source")
	}
}

func TestEntriesKeepCreationOrder(t *testing.T) {
	b := newTestBiography(t)
	var want []string
	for i := 0; i < 5; i++ {
		want = append(want, mustAdd(t, b, "schooling.schools"))
	}
	got, err := b.Entries("schooling.schools")
	mustDo(t, err)
	// All were created at the same fixed test time, so the order is by ID; with a real clock
	// it is by creation time.
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("Entries = %v, want %v", got, want)
	}
	mustDo(t, b.RemoveEntry("schooling.schools", want[2]))
	if err := b.RemoveEntry("schooling.schools", want[2]); err == nil {
		t.Error("removing an entry twice succeeded")
	}
	got, _ = b.Entries("schooling.schools")
	if len(got) != 4 || slices.Contains(got, want[2]) {
		t.Errorf("after removal Entries = %v", got)
	}
}

func TestBatchRecordsOneChange(t *testing.T) {
	b := newTestBiography(t)
	before, err := b.doc.Changes()
	mustDo(t, err)
	err = b.Batch("save page", func() error {
		if err := b.Set("person.family_names", String("Haddad"), Provenance{Source: SourceSelf}); err != nil {
			return err
		}
		return b.Set("person.given_names", String("Amira"), Provenance{Source: SourceSelf})
	})
	mustDo(t, err)
	after, err := b.doc.Changes()
	mustDo(t, err)
	if n := len(after) - len(before); n != 1 {
		t.Errorf("Batch made %d changes, want 1", n)
	}
	wantValue(t, b, "person.given_names", "Amira")
}

func TestBatchWithoutEditsOrWithAFailingFn(t *testing.T) {
	errForm := errors.New("the form is incomplete")
	self := Provenance{Source: SourceSelf}
	tests := []struct {
		name        string
		fn          func(b *Biography) error
		wantErr     error // nil for success
		wantChanges int
	}{
		{name: "no edits", fn: func(*Biography) error { return nil }},
		{name: "no edits, then a failure", fn: func(*Biography) error { return errForm }, wantErr: errForm},
		{name: "a refused edit only", fn: func(b *Biography) error {
			return b.Set("person.nationalities_note", String("x"), self)
		}, wantErr: ErrNoField},
		{name: "an edit, then a failure", fn: func(b *Biography) error {
			if err := b.Set("person.given_names", String("Amira"), self); err != nil {
				return err
			}
			return errForm
		}, wantErr: errForm, wantChanges: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newTestBiography(t)
			before, err := b.doc.Changes()
			mustDo(t, err)
			err = b.Batch("save page", func() error { return tt.fn(b) })
			switch {
			case tt.wantErr == nil && err != nil:
				t.Fatalf("Batch: %v, want no error", err)
			case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
				t.Fatalf("Batch: %v, want fn's error %v", err, tt.wantErr)
			}
			after, err := b.doc.Changes()
			mustDo(t, err)
			if n := len(after) - len(before); n != tt.wantChanges {
				t.Errorf("Batch made %d changes, want %d", n, tt.wantChanges)
			}
			// The biography still takes edits, outside a batch.
			mustDo(t, b.Set("person.family_names", String("Haddad"), self))
		})
	}
}
