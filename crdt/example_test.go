package crdt_test

import (
	"fmt"

	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
)

// A newcomer fills in her biography on her phone while a counsellor edits the same biography
// on a laptop; the two replicas merge.
func Example() {
	phone, _ := crdt.New()
	self := crdt.Provenance{Source: crdt.SourceSelf}
	_ = phone.Set("person.family_names", crdt.String("Haddad"), self)
	_ = phone.Set("person.given_names", crdt.String("Amira"), self)
	dob, _ := phone.Parse("person.date_of_birth", "٠٠.٠٠.١٩٩٠") // Arabic-Indic digits, day and month unknown
	_ = phone.Set("person.date_of_birth", dob.Uncertain(), self)
	job, _ := phone.AddEntry("work.jobs")
	_ = phone.SetText("work.jobs."+job+".tasks", "خبز الخبز", "ar")

	laptop, _ := phone.Fork()
	_ = laptop.Set("person.gender", crdt.Code("w"), crdt.Provenance{Source: crdt.SourceCounsellor})
	_ = phone.AddCode("person.nationalities", "SY", self)

	_ = phone.Merge(laptop)
	gender, _ := phone.Get("person.gender")
	born, _ := phone.Get("person.date_of_birth")
	tasks, _ := phone.Text("work.jobs." + job + ".tasks")
	fmt.Println(schema.Label("gender", gender.Str(), "de"), born.Text(), born.IsUncertain(), tasks.Lang)
	fmt.Println(len(phone.Validate()), "problem(s)")
	// Output:
	// weiblich 1990 true ar
	// 0 problem(s)
}
