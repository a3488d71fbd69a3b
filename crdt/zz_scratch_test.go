//go:build crdtstub

package crdt

import (
	"fmt"
	"testing"
	"time"
)

func TestScratch(t *testing.T) {
	clock := func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	a, err := New(WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(a.Set("person.family_names", String("Haddad"), Provenance{Source: SourceSelf}))
	v, err := a.Parse("person.date_of_birth", "٠٠.٠٠.١٩٩٠")
	must(err)
	must(a.Set("person.date_of_birth", v.Uncertain(), Provenance{Source: SourceCounsellor, By: "ana"}))
	must(a.AddCode("person.nationalities", "SY", Provenance{Source: SourceSelf}))
	id, err := a.AddEntry("work.jobs")
	must(err)
	must(a.SetText("work.jobs."+id+".tasks", "طبخ وخبز", "ar"))
	must(a.SetTranslation("work.jobs."+id+".tasks", "de", Translation{Text: "Kochen und Backen", Source: "machine", Engine: "libretranslate"}))
	b, err := a.Fork()
	must(err)
	must(a.SpliceText("work.jobs."+id+".tasks", 0, 0, "X"))
	must(b.SpliceText("work.jobs."+id+".tasks", 8, 0, "Y"))
	must(a.Set("person.family_names", String("A"), Provenance{}))
	must(b.Set("person.family_names", String("B"), Provenance{}))
	must(a.Merge(b))
	must(b.Merge(a))
	fmt.Println(a.Heads(), b.Heads())
	ja, _ := a.JSON()
	jb, _ := b.JSON()
	fmt.Println(string(ja), string(ja) == string(jb))
	must(a.Set("work.jobs."+id+".start", DateOf(Date{2020, 5, 0}), Provenance{}))
	must(a.Set("work.jobs."+id+".end", DateOf(Date{2019, 5, 0}), Provenance{}))
	must(a.Clear("person.family_names"))
	for _, p := range a.Validate() {
		fmt.Println(p.Path, p.Code, p.Message.De, "|", p.Message.Ar)
	}
	c, err := Load(a.Save())
	must(err)
	jc, _ := c.JSON()
	fmt.Println(len(jc), len(a.Save()))
}
