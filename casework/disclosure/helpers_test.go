package disclosure_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
)

var (
	self       = casework.Provenance{Source: "self", By: "Amina"}
	counsellor = casework.Provenance{Source: "counsellor", By: "Beratung"}
	document   = casework.Provenance{Source: "document", By: "Beratung"}
)

// newDoc returns an empty biography seen as a casework.Document.
func newDoc(t testing.TB) casework.Document {
	t.Helper()
	b, err := crdt.New()
	if err != nil {
		t.Fatal(err)
	}
	return crdtdoc.Wrap(b)
}

// must fails the test on err.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// add adds an entry to list with the fields of kv (key, value, …) and returns its ID.
func add(t testing.TB, d casework.Document, list string, p casework.Provenance, kv ...string) string {
	t.Helper()
	id, err := d.AddEntry(list)
	must(t, err)
	for i := 0; i+1 < len(kv); i += 2 {
		must(t, d.Set(list+"."+id+"."+kv[i], kv[i+1], p))
	}
	return id
}

// sentinel is the value of every string and free-text field in fillEverything: it names the
// field, so that finding it in a package's bytes names the field that leaked.
func sentinel(schemaPath string) string { return "SENTINEL<" + schemaPath + ">" }

// fillEverything fills every field of the schema, in every section, with a value: strings and
// free text with their sentinel (free text also with a machine translation into German),
// codes with a code of their list, references with an entry of the list they name. Each list
// gets two entries; plan goals one in a field of action a Jobcenter may get (SPRACHE) and one
// it may not (WOHNEN). It returns the entry IDs of each list.
func fillEverything(t testing.TB, d casework.Document) map[string][]string {
	t.Helper()
	cat := schema.Default()
	entries := map[string][]string{}
	for _, s := range cat.Sections {
		for _, f := range s.Fields {
			if f.Type == schema.TypeList {
				lp := s.Key + "." + f.Key
				for range 2 {
					id, err := d.AddEntry(lp)
					must(t, err)
					entries[lp] = append(entries[lp], id)
				}
			}
		}
	}
	for _, s := range cat.Sections {
		for i := range s.Fields {
			f := &s.Fields[i]
			sp := s.Key + "." + f.Key
			if f.Type != schema.TypeList {
				fillField(t, d, sp, sp, f, entries, 0)
				continue
			}
			for n, id := range entries[sp] {
				for j := range f.Item {
					fillField(t, d, sp+"."+id+"."+f.Item[j].Key, sp+"."+f.Item[j].Key, &f.Item[j], entries, n)
				}
			}
		}
	}
	return entries
}

func fillField(t testing.TB, d casework.Document, path, sp string, f *schema.Field, entries map[string][]string, n int) {
	t.Helper()
	var input string
	switch f.Type {
	case schema.TypeText:
		must(t, d.SetText(path, sentinel(sp), "ar"))
		if !f.NoTranslate {
			must(t, d.SetTranslation(path, "de", casework.Translation{Text: sentinel(sp) + " (de)", Source: "machine", Engine: "libretranslate"}))
		}
		return
	case schema.TypeCodes:
		must(t, d.SetCodes(path, []string{schema.Default().CodeList(f.CodeList).Codes[0].Code}, self))
		return
	case schema.TypeRefs:
		must(t, d.SetCodes(path, entries[f.Ref][:1], self))
		return
	case schema.TypeString:
		switch f.Pattern {
		case "":
			input = sentinel(sp)
		case `[0-9]{8}`:
			input = "08222000"
		default:
			input = "12345"
		}
	case schema.TypeDate:
		input = "2020-03-04"
	case schema.TypeTime:
		input = "2020-03-04T10:00:00Z"
	case schema.TypeBool:
		input = "true"
	case schema.TypeInt:
		input = strconv.FormatInt(max(f.Min, min(f.Max, 2)), 10)
		if f.Max <= f.Min {
			input = "2"
		}
	case schema.TypeCode:
		input = schema.Default().CodeList(f.CodeList).Codes[0].Code
		if sp == "plan.goals.field_of_action" {
			input = []string{"SPRACHE", "WOHNEN"}[n]
		}
	case schema.TypeRef:
		input = entries[f.Ref][0]
	default:
		t.Fatalf("%s: type %s not filled", sp, f.Type)
	}
	if err := d.Set(path, input, self); err != nil {
		t.Fatalf("fill %s with %q: %v", path, input, err)
	}
}

// amina is a realistic biography for the golden previews: Amina K., from Syria, Arabic
// mother tongue, German B1, a tailor with a recognised qualification, two children.
func amina(t testing.TB) (casework.Document, map[string]string) {
	t.Helper()
	d := newDoc(t)
	ids := map[string]string{}
	set := func(path, v string, p casework.Provenance) { t.Helper(); must(t, d.Set(path, v, p)) }
	text := func(path, orig, lang, de, source string) {
		t.Helper()
		must(t, d.SetText(path, orig, lang))
		if de != "" {
			must(t, d.SetTranslation(path, "de", casework.Translation{Text: de, Source: source, Engine: map[bool]string{true: "libretranslate"}[source == "machine"]}))
		}
	}
	set("person.family_names", "Khalil", document)
	set("person.given_names", "Amina", document)
	text("person.name_original_script", "أمينة خليل", "ar", "", "")
	set("person.name_script", "Arab", document)
	set("person.date_of_birth", "1990-05-17", document)
	set("person.place_of_birth", "Aleppo", self)
	set("person.country_of_birth", "SY", document)
	set("person.gender", "w", self)
	must(t, d.SetCodes("person.nationalities", []string{"SY"}, document))
	set("person.phone", "+49 151 2345678", self)
	set("person.email", "amina@example.org", self)
	set("person.postal_address", "Hauptstraße 1, 74889 Sinsheim", self)
	set("person.preferred_communication_language", "ara", self)
	set("person.interpreter_needed", "false", self)
	set("person.arrival_in_germany", "2016-02", self)
	set("person.municipality", "08226082", counsellor)
	set("person.azr_number", "AZR-123456789", counsellor)
	set("person.bamf_file_number", "BAMF-7654321", counsellor)
	set("residence.residence_status", "AE_25_2_GFK", document)
	set("residence.residence_valid_until", "2027-01-31", document)
	set("residence.work_permission", "ERWERBSTAETIGKEIT_GESTATTET", document)
	set("family.marital_status", "verheiratet", self)
	ids["child"] = add(t, d, "family.household", self, "relation", "Kind", "birth_year", "2019", "same_household", "true", "care_status", "Platz_gesucht")
	// One entry per list that a default preview shows: entries made in the same millisecond
	// are ordered by their random IDs, which would make the golden files flaky.
	set("family.family_reunification", "geplant", self)
	must(t, d.SetCodes("living.benefits", []string{"SGB_II"}, counsellor))
	must(t, d.SetCodes("living.driving_licence_classes", []string{"B"}, self))
	set("living.licence_country", "SY", self)
	set("support_needs.health_limitation", "true", self)
	text("support_needs.other_support_needs", "ألم في الظهر", "ar", "Rückenschmerzen", "machine")
	must(t, d.SetCodes("languages.mother_tongues", []string{"apc"}, self))
	must(t, d.SetCodes("languages.scripts", []string{"Arab", "Latn"}, self))
	set("languages.latin_literacy", "ja", self)
	ids["english"] = add(t, d, "languages.other_languages", self, "language", "eng", "level", "A2")
	set("languages.german_level", "B1", document)
	set("languages.german_level_source", "zertifikat", document)
	ids["dtz"] = add(t, d, "languages.german_certificates", document, "exam", "DTZ", "result", "B1", "date", "2018-06-15")
	ids["course"] = add(t, d, "languages.german_courses", document, "type", "IK_ALLGEMEIN", "provider", "VHS Sinsheim",
		"start", "2017-09", "end", "2018-06", "status", "abgeschlossen", "entitlement", "BERECHTIGUNG", "entitlement_issuer", "BAMF")
	ids["school"] = add(t, d, "schooling.schools", self, "country", "SY", "school_type", "Mittelschule", "isced_level", "2",
		"start_year", "1996", "end_year", "2005", "years_attended", "9", "completion", "abgeschlossen", "evidence", "kopie")
	ids["training"] = add(t, d, "training.qualifications", self, "country", "SY", "type", "on_the_job", "start", "2006", "end", "2009", "completed", "true")
	text("training.qualifications."+ids["training"]+".title", "خياطة", "ar", "Schneiderin", "human")
	set("training.reference_occupation", "28222", counsellor)
	set("training.recognition_status", "teilweise_gleichwertig", document)
	ids["job"] = add(t, d, "work.jobs", self, "country", "SY", "employer", "Atelier Haddad", "job_title", "Schneiderin",
		"start", "2009-03", "end", "2015-08", "employment_type", "angestellt", "hours", "vollzeit")
	text("work.jobs."+ids["job"]+".tasks", "خياطة الفساتين وتعديل الملابس", "ar", "Kleider nähen und Kleidung ändern", "machine")
	text("skills.occupational_skills", "Nähen, Zuschnitt", "de", "", "")
	must(t, d.SetCodes("skills.soft_skills", []string{schema.Default().CodeList("soft_skill").Codes[0].Code}, self))
	must(t, d.SetCodes("aspirations.next_priorities", []string{"Arbeit"}, self))
	text("aspirations.desired_occupations", "Schneiderin, Änderungsschneiderei", "de", "", "")
	set("aspirations.earliest_start", "2025-09-01", self)
	set("aspirations.hours_per_week", "25", self)
	set("aspirations.shift_work_ok", "false", self)
	ids["cert"] = add(t, d, "documents.files", document, "blob_id", fmt.Sprintf("%064x", 1), "type", "Sprachzertifikat",
		"title", "DTZ B1", "file_name", "dtz.pdf", "media_type", "application/pdf", "issuer", "telc gGmbH", "issue_date", "2018-07-01")
	set("languages.german_certificates."+ids["dtz"]+".document", ids["cert"], document)
	ids["passport"] = add(t, d, "documents.files", document, "blob_id", fmt.Sprintf("%064x", 2), "type", "Pass", "title", "Reisepass")
	ids["goal_lang"] = add(t, d, "plan.goals", counsellor, "field_of_action", "SPRACHE", "status", "in_progress", "target_date", "2025-12")
	text("plan.goals."+ids["goal_lang"]+".description", "B2-Kurs abschließen", "de", "", "")
	ids["goal_home"] = add(t, d, "plan.goals", counsellor, "field_of_action", "WOHNEN", "status", "open")
	text("plan.goals."+ids["goal_home"]+".description", "Wohnung finden", "de", "", "")
	ids["contact"] = add(t, d, "contacts.contacts", counsellor, "date", "2025-01-10", "mode", "in_person")
	text("contacts.contacts."+ids["contact"]+".note", "vertrauliche Notiz", "de", "", "")
	return d, ids
}

// testOperator fills in the consent texts' controller and data protection officer.
var testOperator = consent.Operator{Controller: "Landratsamt Musterkreis, Hauptstraße 1, 12345 Musterstadt", DPO: "datenschutz@example.org"}

// giveConsent records a SHARE_RECIPIENT consent to a recipient of recipientType named name at
// at, with casework/consent, and returns its ID.
func giveConsent(t testing.TB, d casework.Document, recipientType, name string, at time.Time) string {
	t.Helper()
	id, err := consent.Give(d, consent.Consent{
		Purpose: consent.PurposeShareRecipient, RecipientType: recipientType, RecipientName: name,
		Lang: "ar", At: at,
	}, testOperator)
	must(t, err)
	return id
}
