// Package cv builds the German CV (Lebenslauf) of a newcomer from the biography, as a
// [render.Document] that package render prints as HTML or PDF.
//
// The CV says what an employer, a chamber or an agency needs to see of a person's working
// life and nothing else: name (as in the identity document, with the name in its original
// script beside it) and contact, work experience newest first, vocational training and study
// with the outcome of recognition, schooling, languages with their CEFR levels and German
// certificates, skills and driving licence, and availability and desired occupation.
//
// Date of birth, nationality and the work permission appear only when [Options] ask for them:
// following German anti-discrimination practice (AGG), a CV for an employer leaves out what
// reveals age and origin unless the person chooses otherwise. The CV never reads support
// needs, residence status and documents, family, housing, benefits, file numbers, the
// integration plan, counselling contacts or consents; the fields it may read are listed in
// one place (readable) and a test proves that it reads nothing else.
//
// Coded answers print with their German labels (schema.Label), dates German style (MM/YYYY
// for periods, DD.MM.YYYY for single days, partial dates as far as known, "ca." when
// uncertain). Free text prints in German: the German translation where there is one, marked
// "maschinell übersetzt" when a machine made it, with the original beside it; else the
// original, marked with its language.
package cv

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/render"
	"github.com/mobio-sync/mobio/crdt/schema"
)

// Options choose the optional parts of a CV. The zero value is the CV for an employer.
type Options struct {
	BirthDate      bool // print the date of birth
	Nationality    bool // print the nationalities
	WorkPermission bool // print "Arbeitserlaubnis" with the kind of permission
	// Date is the date the CV states it is current on ("Stand"); zero leaves it out.
	Date time.Time
}

// readable lists every field the CV may read, as paths without entry IDs. The optional ones
// are read only when their option is set.
var readable = map[string]bool{
	"person.family_names": true, "person.given_names": true, "person.name_original_script": true,
	"person.phone": true, "person.email": true, "person.postal_address": true,

	"work.jobs": true, "work.jobs.country": true, "work.jobs.employer": true, "work.jobs.sector": true,
	"work.jobs.job_title": true, "work.jobs.tasks": true, "work.jobs.start": true, "work.jobs.end": true,
	"work.jobs.employment_type": true, "work.jobs.hours": true,

	"training.qualifications": true, "training.qualifications.country": true,
	"training.qualifications.institution": true, "training.qualifications.type": true,
	"training.qualifications.isced_field": true, "training.qualifications.title": true,
	"training.qualifications.start": true, "training.qualifications.end": true,
	"training.qualifications.completed": true, "training.qualifications.duration_months": true,
	"training.reference_occupation": true, "training.recognition_status": true,
	"training.competent_body": true, "training.recognition_decided": true,

	"schooling.schools": true, "schooling.schools.country": true, "schooling.schools.school_type": true,
	"schooling.schools.isced_level": true, "schooling.schools.start_year": true,
	"schooling.schools.end_year": true, "schooling.schools.years_attended": true,
	"schooling.schools.completion": true, "schooling.schools.certificate_name": true,
	"schooling.schools.evidence": true, "schooling.years_of_schooling": true,
	"schooling.german_school_certificate": true, "schooling.school_recognition": true,
	"schooling.school_recognition_level": true,

	"languages.german_level": true, "languages.german_level_source": true,
	"languages.german_certificates": true, "languages.german_certificates.exam": true,
	"languages.german_certificates.result": true, "languages.german_certificates.date": true,
	"languages.german_courses": true, "languages.german_courses.type": true,
	"languages.german_courses.provider": true, "languages.german_courses.start": true,
	"languages.german_courses.end": true, "languages.german_courses.teaching_units": true,
	"languages.german_courses.status": true, "languages.mother_tongues": true,
	"languages.other_languages": true, "languages.other_languages.language": true,
	"languages.other_languages.level": true, "languages.other_languages.listening": true,
	"languages.other_languages.reading": true, "languages.other_languages.spoken_interaction": true,
	"languages.other_languages.spoken_production": true, "languages.other_languages.writing": true,

	"skills.occupational_skills": true, "skills.digital_communication": true,
	"skills.digital_office": true, "skills.digital_online_services": true, "skills.soft_skills": true,
	"skills.tests": true, "skills.tests.type": true, "skills.tests.occupation": true,
	"skills.tests.date": true, "skills.tests.result": true,
	"living.driving_licence_classes": true, "living.licence_conversion": true,
	"living.interests": true, "living.volunteering": true,

	"aspirations.desired_occupations": true, "aspirations.earliest_start": true,
	"aspirations.hours_per_week": true, "aspirations.shift_work_ok": true,
	"aspirations.radius_km": true, "aspirations.willing_to_move": true,

	// Read only when Options ask for them.
	"person.date_of_birth": true, "person.nationalities": true, "residence.work_permission": true,
}

// optional maps the fields that need an option to whether opts allow them.
func optional(path string, opts Options) (needs, allowed bool) {
	switch path {
	case "person.date_of_birth":
		return true, opts.BirthDate
	case "person.nationalities":
		return true, opts.Nationality
	case "residence.work_permission":
		return true, opts.WorkPermission
	}
	return false, true
}

// Build returns the CV of the biography r in German.
func Build(r casework.Reader, opts Options) (render.Document, error) {
	b := &builder{r: r, opts: opts}
	name := strings.TrimSpace(b.str("person.given_names") + " " + b.str("person.family_names"))
	d := render.Document{Title: "Lebenslauf", Subtitle: name, Lang: "de"}
	for _, s := range []render.Section{
		b.personal(name), b.work(), b.training(), b.schooling(), b.languages(), b.skills(), b.availability(),
	} {
		if len(s.Rows) > 0 || len(s.Items) > 0 {
			d.Sections = append(d.Sections, s)
		}
	}
	d.Footer = "Lebenslauf"
	if name != "" {
		d.Footer += " von " + name
	}
	if !opts.Date.IsZero() {
		d.Footer += " · Stand: " + opts.Date.Format("02.01.2006")
	}
	if b.err != nil {
		return render.Document{}, fmt.Errorf("build cv: %w", b.err)
	}
	return d, nil
}

// builder reads the biography; the first error sticks and the reads after it return nothing.
type builder struct {
	r    casework.Reader
	opts Options
	err  error
}

// check guards every read: a path outside readable is a programming error here, never data.
func (b *builder) check(path string) bool {
	if b.err != nil {
		return false
	}
	key := schemaPath(path)
	if !readable[key] {
		b.err = fmt.Errorf("the CV does not read %s", key)
		return false
	}
	if needs, ok := optional(key, b.opts); needs && !ok {
		return false
	}
	return true
}

// schemaPath removes the entry ID from a list entry's field path: work.jobs.k3x9.tasks →
// work.jobs.tasks.
func schemaPath(path string) string {
	if parts := strings.Split(path, "."); len(parts) == 4 {
		return parts[0] + "." + parts[1] + "." + parts[3]
	}
	return path
}

func (b *builder) field(path string) casework.Field {
	if !b.check(path) {
		return casework.Field{}
	}
	f, err := b.r.Field(path)
	if err != nil {
		b.err = fmt.Errorf("read %s: %w", path, err)
	}
	return f
}

// str returns the value of a scalar field, "" unless it holds one.
func (b *builder) str(path string) string {
	f := b.field(path)
	if !f.Has() {
		return ""
	}
	return strings.TrimSpace(f.Value)
}

func (b *builder) codes(path string) []string {
	if !b.check(path) {
		return nil
	}
	c, err := b.r.Codes(path)
	if err != nil {
		b.err = fmt.Errorf("read %s: %w", path, err)
	}
	return c
}

func (b *builder) entries(list string) []string {
	if !b.check(list) {
		return nil
	}
	ids, err := b.r.Entries(list)
	if err != nil {
		b.err = fmt.Errorf("read %s: %w", list, err)
	}
	return ids
}

// rawText returns a free-text field's original text and language.
func (b *builder) rawText(path string) (text, lang string) {
	if !b.check(path) {
		return "", ""
	}
	t, err := b.r.Text(path)
	if err != nil {
		b.err = fmt.Errorf("read %s: %w", path, err)
		return "", ""
	}
	return strings.TrimSpace(t.Text), t.Lang
}

// text returns a free-text field as a row: in German where it can be (see the package doc).
func (b *builder) text(label, path string) render.Row {
	row := render.Row{Label: label}
	if !b.check(path) {
		return row
	}
	t, err := b.r.Text(path)
	if err != nil {
		b.err = fmt.Errorf("read %s: %w", path, err)
		return row
	}
	orig := strings.TrimSpace(t.Text)
	if orig == "" {
		return row
	}
	if t.Lang == "" || isGerman(t.Lang) {
		row.Value = orig
		return row
	}
	lang := langName(t.Lang)
	tr, ok := t.Translations["de"]
	if !ok || strings.TrimSpace(tr.Text) == "" {
		row.Original, row.OriginalLang = orig, t.Lang
		row.Note = "Original auf " + lang + ", nicht übersetzt"
		return row
	}
	row.Value = strings.TrimSpace(tr.Text)
	if tr.Source == "same" {
		return row
	}
	row.Original, row.OriginalLang = orig, t.Lang
	switch tr.Source {
	case "machine":
		row.Note = "maschinell übersetzt, Original auf " + lang
	default:
		row.Note = "übersetzt, Original auf " + lang
	}
	if tr.Outdated {
		row.Note += "; die Übersetzung ist möglicherweise veraltet"
	}
	return row
}

func isGerman(tag string) bool {
	t, err := language.Parse(tag)
	if err != nil {
		return false
	}
	base, _ := t.Base()
	return base.String() == "de"
}

// langName is the German name of the language tagged tag: from the catalogue (which knows
// Dari and the other languages of newcomers by the names counsellors use), else the tag.
func langName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	base, _ := t.Base()
	if l := schema.Label(schema.ListLanguage, base.ISO3(), "de"); l != "" {
		return l
	}
	return tag
}

func label(list, code string) string {
	if code == "" {
		return ""
	}
	if l := schema.Label(list, code, "de"); l != "" {
		return l
	}
	return code
}

// plainLabel is label without the code in front: "Gastgewerbe" for "I – Gastgewerbe".
func plainLabel(list, code string) string {
	l := label(list, code)
	if rest, ok := strings.CutPrefix(l, code+" – "); ok {
		return rest
	}
	return l
}

func labels(list string, codes []string) string {
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		out = append(out, label(list, c))
	}
	return strings.Join(out, ", ")
}

func row(lbl, value string) render.Row { return render.Row{Label: lbl, Value: value} }

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

func (b *builder) personal(name string) render.Section {
	s := render.Section{Heading: "Persönliche Daten"}
	n := row("Name", name)
	// The name in its own script is kept as written (never translated) beside the name of the
	// identity document.
	if orig, lang := b.rawText("person.name_original_script"); orig != "" && orig != name {
		n.Original, n.OriginalLang = orig, lang
	}
	s.Rows = append(s.Rows, n)
	if b.opts.BirthDate {
		s.Rows = append(s.Rows, row("Geburtsdatum", day(b.field("person.date_of_birth"))))
	}
	if b.opts.Nationality {
		s.Rows = append(s.Rows, row("Staatsangehörigkeit", labels(schema.ListCountry, b.codes("person.nationalities"))))
	}
	s.Rows = append(s.Rows,
		row("Anschrift", b.str("person.postal_address")),
		row("Telefon", b.str("person.phone")),
		row("E-Mail", b.str("person.email")),
	)
	if b.opts.WorkPermission {
		wp := b.str("residence.work_permission")
		v := label("work_permission", wp)
		if wp == "ERWERBSTAETIGKEIT_GESTATTET" {
			v = "ja – " + v
		}
		s.Rows = append(s.Rows, row("Arbeitserlaubnis", v))
	}
	return s
}

// dated is an item with the date it sorts by.
type dated struct {
	key  string
	item render.Item
}

// newestFirst sorts items by their start, newest first; items without a start keep their
// order after the others.
func newestFirst(items []dated) []render.Item {
	slices.SortStableFunc(items, func(a, b dated) int {
		switch {
		case a.key == "" && b.key == "":
			return 0
		case a.key == "":
			return 1
		case b.key == "":
			return -1
		}
		return strings.Compare(b.key, a.key)
	})
	out := make([]render.Item, len(items))
	for i, it := range items {
		out[i] = it.item
	}
	return out
}

func (b *builder) work() render.Section {
	s := render.Section{Heading: "Berufserfahrung"}
	var items []dated
	for _, id := range b.entries("work.jobs") {
		p := "work.jobs." + id + "."
		start, end := b.field(p+"start"), b.field(p+"end")
		sector := b.str(p + "sector")
		title := cmp.Or(b.str(p+"job_title"), plainLabel("economic_sector", sector), "Tätigkeit")
		it := render.Item{
			When:  period(start, end),
			Title: render.Row{Value: title},
			Rows: []render.Row{
				row("Arbeitgeber", b.str(p+"employer")),
				row("Land", label(schema.ListCountry, b.str(p+"country"))),
				row("Branche", plainLabel("economic_sector", sector)),
				row("Art der Tätigkeit", joinNonEmpty(", ",
					label("employment_type", b.str(p+"employment_type")), label("working_hours", b.str(p+"hours")))),
				b.text("Aufgaben", p+"tasks"),
			},
		}
		items = append(items, dated{key: start.Value, item: it})
	}
	s.Items = newestFirst(items)
	return s
}

// recognitionOutcomes are the recognition states that say something about the
// qualification; "not yet advised" and "advised" are steps of counselling, not of the CV.
var recognitionOutcomes = map[string]bool{
	"beantragt": true, "voll_gleichwertig": true, "teilweise_gleichwertig": true,
	"nicht_gleichwertig": true, "Qualifikationsanalyse": true, "ZAB_Zeugnisbewertung": true,
}

func (b *builder) training() render.Section {
	s := render.Section{Heading: "Berufsausbildung und Studium"}
	var items []dated
	for _, id := range b.entries("training.qualifications") {
		p := "training.qualifications." + id + "."
		start, end := b.field(p+"start"), b.field(p+"end")
		kind := label("training_type", b.str(p+"type"))
		title := b.text("", p+"title")
		if title.Value == "" && title.Original == "" {
			title.Value = cmp.Or(kind, "Ausbildung")
		}
		completed := ""
		switch b.str(p + "completed") {
		case "true":
			completed = "abgeschlossen"
		case "false":
			completed = "nicht abgeschlossen"
		}
		months := ""
		if m := b.str(p + "duration_months"); m != "" {
			months = m + " Monate"
		}
		items = append(items, dated{key: start.Value, item: render.Item{
			When:  period(start, end),
			Title: title,
			Rows: []render.Row{
				row("Art", kind),
				row("Bildungseinrichtung", b.str(p+"institution")),
				row("Land", label(schema.ListCountry, b.str(p+"country"))),
				row("Fachrichtung", plainLabel(schema.ListISCEDField, b.str(p+"isced_field"))),
				row("Abschluss", completed),
				row("Dauer", months),
			},
		}})
	}
	s.Items = newestFirst(items)
	// The catalogue has the KldB 2010 code of the reference occupation but not its name.
	s.Rows = append(s.Rows, row("Deutscher Referenzberuf", prefixed("KldB 2010: ", b.str("training.reference_occupation"))))
	if st := b.str("training.recognition_status"); recognitionOutcomes[st] {
		r := row("Anerkennung in Deutschland", label("recognition_status", st))
		r.Note = joinNonEmpty(", ",
			label("competent_body", b.str("training.competent_body")),
			prefixed("entschieden ", month(b.field("training.recognition_decided"))))
		s.Rows = append(s.Rows, r)
	}
	return s
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

func (b *builder) schooling() render.Section {
	s := render.Section{Heading: "Schulbildung"}
	var items []dated
	for _, id := range b.entries("schooling.schools") {
		p := "schooling.schools." + id + "."
		from, to := b.str(p+"start_year"), b.str(p+"end_year")
		when := from
		switch {
		case from != "" && to != "" && from != to:
			when = from + " – " + to
		case from == "" && to != "":
			when = "bis " + to
		}
		level := plainLabel(schema.ListISCEDLevel, b.str(p+"isced_level"))
		years := ""
		if y := b.str(p + "years_attended"); y != "" {
			years = y
		}
		items = append(items, dated{key: from, item: render.Item{
			When:  when,
			Title: render.Row{Value: cmp.Or(b.str(p+"school_type"), level, "Schule")},
			Rows: []render.Row{
				row("Land", label(schema.ListCountry, b.str(p+"country"))),
				row("Bildungsstufe", level),
				row("Abschluss", label("school_completion", b.str(p+"completion"))),
				b.text("Zeugnis", p+"certificate_name"),
				row("Schuljahre", years),
				row("Nachweis", label(schema.ListEvidence, b.str(p+"evidence"))),
			},
		}})
	}
	s.Items = newestFirst(items)
	s.Rows = append(s.Rows,
		row("Schuljahre insgesamt", b.str("schooling.years_of_schooling")),
		row("Deutscher Schulabschluss", label("german_school_certificate", b.str("schooling.german_school_certificate"))),
	)
	if rec := b.str("schooling.school_recognition"); rec != "" {
		v := label("school_recognition", rec)
		if lvl := b.str("schooling.school_recognition_level"); rec == "anerkannt_als" && lvl != "" {
			v = strings.TrimSuffix(v, " …") + " " + plainLabel(schema.ListISCEDLevel, lvl)
		}
		s.Rows = append(s.Rows, row("Anerkennung des Schulzeugnisses", v))
	}
	return s
}

func (b *builder) languages() render.Section {
	s := render.Section{Heading: "Sprachkenntnisse"}
	german := row("Deutsch", label(schema.ListCEFR, b.str("languages.german_level")))
	if src := b.str("languages.german_level_source"); src != "" && german.Value != "" {
		german.Note = "Grundlage: " + label("language_level_source", src)
	}
	s.Rows = append(s.Rows, german)
	for _, id := range b.entries("languages.german_certificates") {
		p := "languages.german_certificates." + id + "."
		v := joinNonEmpty(", ", label("german_exam", b.str(p+"exam")), label("german_exam_result", b.str(p+"result")))
		if m := month(b.field(p + "date")); m != "" && v != "" {
			v += " (" + m + ")"
		}
		s.Rows = append(s.Rows, row("Deutschzertifikat", v))
	}
	for _, id := range b.entries("languages.german_courses") {
		p := "languages.german_courses." + id + "."
		units := ""
		if u := b.str(p + "teaching_units"); u != "" {
			units = u + " Unterrichtseinheiten"
		}
		s.Rows = append(s.Rows, row("Deutschkurs", joinNonEmpty(", ",
			label("german_course_type", b.str(p+"type")),
			label("course_status", b.str(p+"status")),
			period(b.field(p+"start"), b.field(p+"end")),
			units,
			b.str(p+"provider"))))
	}
	if mt := b.codes("languages.mother_tongues"); len(mt) > 0 {
		s.Rows = append(s.Rows, row("Muttersprache", labels(schema.ListLanguage, mt)))
	}
	for _, id := range b.entries("languages.other_languages") {
		p := "languages.other_languages." + id + "."
		lang := label(schema.ListLanguage, b.str(p+"language"))
		level := label(schema.ListCEFR, b.str(p+"level"))
		if level == "" { // the level of each skill, where only those were assessed
			var skills []string
			for _, sk := range []struct{ key, name string }{
				{"listening", "Hören"}, {"reading", "Lesen"}, {"spoken_interaction", "Gespräche"},
				{"spoken_production", "Sprechen"}, {"writing", "Schreiben"},
			} {
				if v := b.str(p + sk.key); v != "" {
					skills = append(skills, sk.name+" "+v)
				}
			}
			level = strings.Join(skills, ", ")
		}
		if lang != "" {
			s.Rows = append(s.Rows, row(lang, level))
		}
	}
	return s
}

// publicTests are the kinds of skill test a CV names. PerF and PerjuF are programmes for
// refugees: naming them tells an employer the residence status, which the CV leaves out.
var publicTests = map[string]bool{"MYSKILLS": true, "KOMPETENZFESTSTELLUNG": true, "QUALIFIKATIONSANALYSE": true, "OTHER": true}

func (b *builder) skills() render.Section {
	s := render.Section{Heading: "Kenntnisse und Fähigkeiten"}
	s.Rows = append(s.Rows, b.text("Berufliche Fähigkeiten", "skills.occupational_skills"))
	for _, d := range []struct{ key, name string }{
		{"digital_communication", "Digitale Kommunikation"},
		{"digital_office", "Büroprogramme"},
		{"digital_online_services", "Online-Dienste"},
	} {
		s.Rows = append(s.Rows, row(d.name, label("digital_level", b.str("skills."+d.key))))
	}
	s.Rows = append(s.Rows, row("Persönliche Stärken", labels("soft_skill", b.codes("skills.soft_skills"))))
	for _, id := range b.entries("skills.tests") {
		p := "skills.tests." + id + "."
		kind := b.str(p + "type")
		if !publicTests[kind] {
			continue
		}
		r := b.text(label("skill_test_type", kind), p+"result")
		r.Value = joinNonEmpty(": ", joinNonEmpty(", ", b.str(p+"occupation"), month(b.field(p+"date"))), r.Value)
		s.Rows = append(s.Rows, r)
	}
	licence := row("Führerschein", labels("driving_licence_class", b.codes("living.driving_licence_classes")))
	if conv := b.str("living.licence_conversion"); licence.Value != "" && conv != "" && conv != "NOT_NEEDED" {
		licence.Note = "Umschreibung in einen deutschen Führerschein: " + label("licence_conversion", conv)
	}
	s.Rows = append(s.Rows, licence,
		b.text("Interessen", "living.interests"),
		b.text("Ehrenamtliches Engagement", "living.volunteering"))
	return s
}

func (b *builder) availability() render.Section {
	s := render.Section{Heading: "Verfügbarkeit und Wunschberuf"}
	hours := ""
	if h := b.str("aspirations.hours_per_week"); h != "" {
		hours = h + " Stunden pro Woche"
	}
	radius := ""
	if km := b.str("aspirations.radius_km"); km != "" {
		radius = "bis " + km + " km"
	}
	s.Rows = append(s.Rows,
		b.text("Wunschberuf", "aspirations.desired_occupations"),
		row("Verfügbar ab", day(b.field("aspirations.earliest_start"))),
		row("Arbeitszeit", hours),
		row("Schichtarbeit", yesNo(b.str("aspirations.shift_work_ok"), "möglich", "nicht möglich")),
		row("Arbeitsweg", radius),
		row("Umzug", yesNo(b.str("aspirations.willing_to_move"), "möglich", "nicht möglich")),
	)
	return s
}

func yesNo(v, yes, no string) string {
	switch v {
	case "true":
		return yes
	case "false":
		return no
	}
	return ""
}

// day formats a partial date German style: 17.05.1990, 05/1990 or 1990; "ca." when
// uncertain, "unbekannt" when known to be unknown.
func day(f casework.Field) string {
	return dateText(f, true)
}

// month formats a partial date to the month: 05/1990 or 1990.
func month(f casework.Field) string {
	return dateText(f, false)
}

func dateText(f casework.Field, withDay bool) string {
	if f.State == casework.StateUnknown {
		return "unbekannt"
	}
	if !f.Has() {
		return ""
	}
	parts := strings.Split(f.Value, "-")
	if _, err := strconv.Atoi(parts[0]); err != nil {
		return f.Value // not a date this package knows: shown as stored
	}
	var s string
	switch {
	case len(parts) >= 3 && withDay:
		s = parts[2] + "." + parts[1] + "." + parts[0]
	case len(parts) >= 2:
		s = parts[1] + "/" + parts[0]
	default:
		s = parts[0]
	}
	if f.Uncertain {
		s = "ca. " + s
	}
	return s
}

// period formats a time span to the month: "03/2015 – 08/2019", "ab 03/2015", "bis 2019".
func period(start, end casework.Field) string {
	a, z := month(start), month(end)
	switch {
	case a != "" && z != "" && a != z:
		return a + " – " + z
	case a != "" && z == a:
		return a
	case a != "":
		return "ab " + a
	case z != "":
		return "bis " + z
	}
	return ""
}
