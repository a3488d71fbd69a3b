package cv

import (
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/crdt"
)

// bio is a biography under construction in a test.
type bio struct {
	t *testing.T
	d *crdtdoc.Doc
}

func newBio(t *testing.T) *bio {
	t.Helper()
	b, err := crdt.New()
	if err != nil {
		t.Fatal(err)
	}
	return &bio{t: t, d: crdtdoc.Wrap(b)}
}

var self = casework.Provenance{Source: "self"}

func (b *bio) set(path, value string) *bio {
	b.t.Helper()
	if err := b.d.Set(path, value, self); err != nil {
		b.t.Fatalf("set %s = %q: %v", path, value, err)
	}
	return b
}

func (b *bio) text(path, text, lang string) *bio {
	b.t.Helper()
	if err := b.d.SetText(path, text, lang); err != nil {
		b.t.Fatalf("set text %s: %v", path, err)
	}
	return b
}

func (b *bio) translate(path, text, source string) *bio {
	b.t.Helper()
	tr := casework.Translation{Text: text, Source: source, By: "test", At: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
	if source == "machine" {
		tr.Engine = "libretranslate"
	}
	if err := b.d.SetTranslation(path, "de", tr); err != nil {
		b.t.Fatalf("translate %s: %v", path, err)
	}
	return b
}

func (b *bio) codes(path string, codes ...string) *bio {
	b.t.Helper()
	if err := b.d.SetCodes(path, codes, self); err != nil {
		b.t.Fatalf("set codes %s: %v", path, err)
	}
	return b
}

// entry adds an entry to list and returns the path prefix of its fields.
func (b *bio) entry(list string) string {
	b.t.Helper()
	id, err := b.d.AddEntry(list)
	if err != nil {
		b.t.Fatalf("add entry to %s: %v", list, err)
	}
	return list + "." + id + "."
}

// arabicBio is a biography entered in Arabic: names in Arabic script, free text in Arabic
// with German translations made by a machine, a person or not at all.
func arabicBio(t *testing.T) *bio {
	b := newBio(t)
	b.set("person.family_names", "Ahmad").set("person.given_names", "Mohammed").
		text("person.name_original_script", "محمد أحمد", "ar").
		set("person.date_of_birth", "1990-05-17").
		codes("person.nationalities", "SY").
		set("person.phone", "+49 170 1234567").set("person.email", "m.ahmad@example.org").
		set("person.postal_address", "Hauptstraße 5, 74072 Heilbronn").
		set("residence.work_permission", "ERWERBSTAETIGKEIT_GESTATTET")

	job := b.entry("work.jobs")
	b.set(job+"country", "SY").set(job+"employer", "Restaurant Al-Salam, Damaskus").set(job+"sector", "I").
		set(job+"job_title", "Koch").set(job+"start", "2015-03").set(job+"end", "2019-08").
		set(job+"employment_type", "angestellt").set(job+"hours", "vollzeit").
		text(job+"tasks", "تحضير الأطباق الشرقية وإدارة المطبخ", "ar").
		translate(job+"tasks", "Zubereitung orientalischer Gerichte und Leitung der Küche", "machine")
	older := b.entry("work.jobs")
	b.set(older+"country", "SY").set(older+"employer", "مخبز حداد").set(older+"job_title", "Bäckereihelfer").
		set(older+"start", "2011~").set(older+"end", "2014").set(older+"employment_type", "familienbetrieb").
		text(older+"tasks", "خبز الخبز العربي", "ar")
	newest := b.entry("work.jobs")
	b.set(newest+"country", "DE").set(newest+"employer", "Gasthaus Krone, Heilbronn").set(newest+"job_title", "Küchenhilfe").
		set(newest+"start", "2024-02").set(newest+"employment_type", "minijob").set(newest+"hours", "teilzeit")

	q := b.entry("training.qualifications")
	b.set(q+"country", "SY").set(q+"institution", "Berufsschule für Gastronomie Damaskus").set(q+"type", "formal_vocational").
		set(q+"isced_field", "10").
		text(q+"title", "دبلوم الطبخ المهني", "ar").translate(q+"title", "Berufsdiplom Koch", "human").
		set(q+"start", "2012-09").set(q+"end", "2014-06").set(q+"completed", "true").set(q+"duration_months", "24")
	b.set("training.reference_occupation", "29302").set("training.recognition_status", "teilweise_gleichwertig").
		set("training.competent_body", "IHK_FOSA").set("training.recognition_decided", "2025-05-12")

	s := b.entry("schooling.schools")
	b.set(s+"country", "SY").set(s+"school_type", "Sekundarschule").set(s+"isced_level", "3").
		set(s+"start_year", "2002").set(s+"end_year", "2011").set(s+"completion", "abgeschlossen").
		text(s+"certificate_name", "الشهادة الثانوية", "ar").set(s+"evidence", "original")
	b.set("schooling.years_of_schooling", "12").
		set("schooling.school_recognition", "anerkannt_als").set("schooling.school_recognition_level", "3")

	b.set("languages.german_level", "B1").set("languages.german_level_source", "zertifikat").
		codes("languages.mother_tongues", "ara")
	c := b.entry("languages.german_certificates")
	b.set(c+"exam", "DTZ").set(c+"result", "B1").set(c+"date", "2025-03-20")
	course := b.entry("languages.german_courses")
	b.set(course+"type", "IK_ALLGEMEIN").set(course+"status", "abgeschlossen").set(course+"start", "2024-04").
		set(course+"end", "2025-03").set(course+"teaching_units", "700").set(course+"provider", "VHS Heilbronn")
	en := b.entry("languages.other_languages")
	b.set(en+"language", "eng").set(en+"level", "A2")

	b.text("skills.occupational_skills", "طبخ المأكولات الشرقية والمشاوي", "ar").
		set("skills.digital_communication", "ADVANCED").set("skills.digital_office", "BASIC").
		codes("skills.soft_skills", "TEAMWORK", "RELIABILITY")
	test := b.entry("skills.tests")
	b.set(test+"type", "MYSKILLS").set(test+"occupation", "Koch/Köchin").set(test+"date", "2024-11").
		text(test+"result", "Sehr gute Kenntnisse in 6 von 8 Handlungsfeldern", "de")
	perf := b.entry("skills.tests")
	b.set(perf+"type", "PerF").set(perf+"occupation", "Gastronomie")
	b.codes("living.driving_licence_classes", "B").set("living.licence_conversion", "TO_BE_CONVERTED").
		text("living.interests", "كرة القدم والطبخ", "ar").translate("living.interests", "Fußball, Kochen", "machine")

	b.text("aspirations.desired_occupations", "طباخ في مطعم", "ar").
		translate("aspirations.desired_occupations", "Koch in einem Restaurant", "machine").
		set("aspirations.earliest_start", "2027-01-01").set("aspirations.hours_per_week", "39").
		set("aspirations.shift_work_ok", "true").set("aspirations.radius_km", "30").set("aspirations.willing_to_move", "false")
	return b
}

// germanBio is a biography entered in German by a person from Ukraine: the name in Cyrillic,
// the free text in German.
func germanBio(t *testing.T) *bio {
	b := newBio(t)
	b.set("person.family_names", "Schewtschenko").set("person.given_names", "Olha").
		text("person.name_original_script", "Ольга Шевченко", "uk").
		set("person.date_of_birth", "1985").
		codes("person.nationalities", "UA").
		set("person.email", "olha.s@example.org").
		set("residence.work_permission", "ERWERBSTAETIGKEIT_GESTATTET")
	job := b.entry("work.jobs")
	b.set(job+"country", "UA").set(job+"employer", "Stadtkrankenhaus Charkiw").set(job+"sector", "Q").
		set(job+"job_title", "Krankenschwester").set(job+"start", "2008-09").set(job+"end", "2022-02").
		set(job+"employment_type", "angestellt").set(job+"hours", "vollzeit").
		text(job+"tasks", "Pflege auf der Inneren Station,\nAnleitung von Auszubildenden", "de")
	q := b.entry("training.qualifications")
	b.set(q+"country", "UA").set(q+"type", "short_cycle_tertiary").
		text(q+"title", "Krankenschwester (Medizinisches College)", "de").
		set(q+"start", "2004").set(q+"end", "2008").set(q+"completed", "true")
	b.set("training.reference_occupation", "81302").set("training.recognition_status", "beantragt").
		set("training.competent_body", "RP")
	b.set("languages.german_level", "B2").set("languages.german_level_source", "einstufungstest").
		codes("languages.mother_tongues", "ukr", "rus")
	en := b.entry("languages.other_languages")
	b.set(en+"language", "eng").set(en+"listening", "B1").set(en+"reading", "B2")
	b.text("aspirations.desired_occupations", "Pflegefachfrau im Krankenhaus", "de").
		set("aspirations.earliest_start", "2026-12").set("aspirations.shift_work_ok", "true")
	return b
}
