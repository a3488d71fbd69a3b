package crdt

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/automerge/automerge-go"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// writeV1Fixture writes a biography as schema version 1 stored it: dates as DD.MM.YYYY with 00
// for unknown parts, and without the sections added since.
func writeV1Fixture(t *testing.T, path string) {
	doc := automerge.New()
	mustDo(t, doc.SetActorID("0101"))
	root := doc.RootMap()
	mustDo(t, root.Set(keySchemaVersion, int64(1)))
	person := automerge.NewMap()
	mustDo(t, root.Set("person", person))
	for key, v := range map[string]string{
		"family_names":       "Haddad",
		"given_names":        "Amira",
		"date_of_birth":      "00.00.1990",
		"arrival_in_germany": "15.03.2016",
	} {
		mustDo(t, putObject(person, key, map[string]any{keyValue: v, keySource: "self", keyAt: "2019-05-13T10:00:00Z"}))
	}
	work := automerge.NewMap()
	mustDo(t, root.Set("work", work))
	jobs := automerge.NewMap()
	mustDo(t, work.Set("jobs", jobs))
	job := automerge.NewMap()
	mustDo(t, jobs.Set("aaaaaaaaaaaaaaaa", job))
	mustDo(t, job.Set(keyCreated, int64(1557741600000)))
	mustDo(t, putObject(job, "start", map[string]any{keyValue: "00.03.2012"}))
	mustDo(t, putObject(job, "end", map[string]any{keyValue: "12.2015"}))
	mustDo(t, putObject(job, "job_title", map[string]any{keyValue: "Bäcker"}))
	tasks := automerge.NewMap()
	mustDo(t, job.Set("tasks", tasks))
	mustDo(t, tasks.Set(keyText, automerge.NewText("خبز")))
	mustDo(t, tasks.Set(keyLang, "ar"))
	tm := testTime
	_, err := doc.Commit("schema 1 biography", automerge.CommitOptions{Time: &tm})
	mustDo(t, err)
	mustDo(t, os.WriteFile(path, doc.Save(), 0o644))
}

func TestMigrateVersion1Fixture(t *testing.T) {
	fixture := filepath.Join("testdata", "v1", "biography.automerge")
	golden := filepath.Join("testdata", "v1", "biography.migrated.json")
	if *update {
		mustDo(t, os.MkdirAll(filepath.Dir(fixture), 0o755))
		writeV1Fixture(t, fixture)
	}
	data, err := os.ReadFile(fixture)
	mustDo(t, err)
	b, err := Load(data, WithClock(testClock), WithRand(rand.NewChaCha8([32]byte{7})))
	mustDo(t, err)
	v, err := b.SchemaVersion()
	mustDo(t, err)
	if v != schema.Version {
		t.Errorf("SchemaVersion() = %d after load, want %d", v, schema.Version)
	}
	wantValue(t, b, "person.date_of_birth", "1990")
	wantValue(t, b, "person.arrival_in_germany", "2016-03-15")
	wantValue(t, b, "work.jobs.aaaaaaaaaaaaaaaa.start", "2012-03")
	wantValue(t, b, "work.jobs.aaaaaaaaaaaaaaaa.end", "2015-12")
	// Sections that version 1 lacked are usable at once.
	id := mustAdd(t, b, "plan.goals")
	mustDo(t, b.SetText("plan.goals."+id+".description", "B1-Prüfung bestehen", "de"))

	js := mustJSON(t, b)
	if *update {
		mustDo(t, os.WriteFile(golden, js, 0o644))
	}
	want, err := os.ReadFile(golden)
	mustDo(t, err)
	if !bytes.Equal(js, want) {
		t.Errorf("migrated JSON differs from %s:\n%s", golden, js)
	}

	// Migrating is idempotent: loading the migrated document changes nothing.
	again, err := Load(b.Save(), WithClock(testClock))
	mustDo(t, err)
	if h1, h2 := b.Heads(), again.Heads(); len(h1) != len(h2) || h1[0] != h2[0] {
		t.Errorf("loading a migrated document made new changes: heads %v, then %v", h1, h2)
	}
}

func TestLoadRefusesNewerSchema(t *testing.T) {
	doc := automerge.New()
	mustDo(t, doc.RootMap().Set(keySchemaVersion, int64(schema.Version+1)))
	_, err := Load(doc.Save())
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Load(version %d) = %v, want ErrNewerSchema", schema.Version+1, err)
	}
}

func TestLoadRefusesOtherDocuments(t *testing.T) {
	doc := automerge.New()
	mustDo(t, doc.RootMap().Set("title", "shopping list"))
	_, err := Load(doc.Save())
	if !errors.Is(err, ErrNotBiography) {
		t.Fatalf("Load(non-biography) = %v, want ErrNotBiography", err)
	}
}
