package research

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/consent"
)

// Values shared by several columns.
const (
	unknown = "unbekannt"
	top     = "*" // fully generalised
)

// Columns are the columns of a release, in order: everything a record may hold.
var Columns = []string{
	colID,
	colAge, colGender, colNationality, colRegion,
	colArrival, colAU, colIMStart, colIMEnd,
	colResidence, colHousehold,
	colSchooling, colSchoolYears, colQualification, colRecognition,
	colGerman, colCourses, colExams,
	colEmployment, colEmploymentStart, colBenefit,
	colContacts, colPlan, colGoals,
}

const (
	colID              = "forschungs_id"
	colAge             = "altersgruppe"
	colGender          = "geschlecht"
	colNationality     = "staatsangehoerigkeit"
	colRegion          = "region"
	colArrival         = "einreise_quartal"
	colAU              = "au_quartal"
	colIMStart         = "im_beginn"
	colIMEnd           = "im_ende"
	colResidence       = "aufenthaltsstatus_gruppe"
	colHousehold       = "haushaltstyp"
	colSchooling       = "schulbildung_isced"
	colSchoolYears     = "schuljahre"
	colQualification   = "berufsabschluss_isced"
	colRecognition     = "anerkennung"
	colGerman          = "deutsch_niveau"
	colCourses         = "deutschkurse"
	colExams           = "deutschpruefungen"
	colEmployment      = "erwerbsstatus"
	colEmploymentStart = "erwerbsstatus_beginn"
	colBenefit         = "leistungsbezug"
	colContacts        = "kontakte"
	colPlan            = "plan_vorhanden"
	colGoals           = "ziele"
)

// DefaultQuasi are the quasi-identifiers of DOMAIN.md §1.4: what someone who knows a person
// could know about them and look for in a release.
var DefaultQuasi = []string{colAge, colGender, colNationality, colRegion, colArrival, colResidence}

// QuasiCandidates are the columns that may be named as quasi-identifiers: every attribute
// with one value per person (lists such as the courses cannot be generalised step by step).
var QuasiCandidates = []string{
	colAge, colGender, colNationality, colRegion, colArrival, colAU, colIMStart, colIMEnd,
	colResidence, colHousehold, colSchooling, colSchoolYears, colQualification, colRecognition,
	colGerman, colEmployment, colEmploymentStart, colBenefit, colContacts, colPlan,
}

// ReadPaths are the only fields and lists ("*" standing for an entry ID) that the export
// reads. Tests hold the package to it.
var ReadPaths = []string{
	"person.date_of_birth", "person.gender", "person.nationalities", "person.municipality",
	"person.arrival_in_germany", "person.move_to_au_date",
	"residence.residence_status", // restricted: read only to map it to its group
	"family.household", "family.household.*.relation", "family.household.*.same_household",
	"schooling.schools", "schooling.schools.*.isced_level", "schooling.years_of_schooling",
	"training.qualifications", "training.qualifications.*.isced_level", "training.recognition_status",
	"languages.german_level",
	"languages.german_courses", "languages.german_courses.*.type", "languages.german_courses.*.start",
	"languages.german_courses.*.end", "languages.german_courses.*.status",
	"languages.german_certificates", "languages.german_certificates.*.exam", "languages.german_certificates.*.result",
	"work.jobs", "work.jobs.*.country", "work.jobs.*.start", "work.jobs.*.end", "work.jobs.*.employment_type",
	"living.benefits", // restricted: read only to map it to its type
	"plan.status", "plan.counselling_start", "plan.closure_date", "plan.goals", "plan.goals.*.field_of_action", "plan.goals.*.status",
	"contacts.contacts",
	"consents.consents", "consents.consents.*.*", // the consent records, read by package consent
}

// Subject is one person as the export sees them, read by [Extract]: for each column the
// values from the most precise to "*". It holds no name, date or text.
type Subject struct {
	consented bool
	levels    map[string][]string // column → generalisations, level 0 first
}

// Consented reports whether the person gave a valid research consent.
func (s *Subject) Consented() bool { return s.consented }

// Extract reads one biography. at is the day ages are computed for (the export's day).
func Extract(r casework.Reader, at time.Time) (*Subject, error) {
	x := &extractor{r: r}
	s := &Subject{levels: map[string][]string{}}
	s.consented = x.consented()

	s.levels[colAge] = ageLevels(x.date("person.date_of_birth", true), at)
	s.levels[colGender] = []string{or(x.value("person.gender"), "ohne_angabe"), top}
	s.levels[colNationality] = nationalityLevels(primaryNationality(x.codes("person.nationalities")))
	s.levels[colRegion] = regionLevels(x.value("person.municipality"))
	s.levels[colArrival] = quarterLevels(x.date("person.arrival_in_germany", false))
	s.levels[colAU] = quarterLevels(x.date("person.move_to_au_date", false))
	s.levels[colIMStart] = monthLevels(x.date("plan.counselling_start", false))
	s.levels[colIMEnd] = monthLevels(x.date("plan.closure_date", false))
	s.levels[colResidence] = []string{residenceGroup(x.value("residence.residence_status")), top}
	s.levels[colHousehold] = []string{x.household(), top}
	s.levels[colSchooling] = []string{x.highestISCED("schooling.schools", 0, 3, "keine_angabe"), top}
	s.levels[colSchoolYears] = []string{yearsBand(x.value("schooling.years_of_schooling")), top}
	s.levels[colQualification] = []string{x.highestISCED("training.qualifications", 4, 8, "keiner"), top}
	s.levels[colRecognition] = []string{or(x.value("training.recognition_status"), unknown), top}
	s.levels[colGerman] = []string{or(x.value("languages.german_level"), unknown), top}
	s.levels[colCourses] = []string{x.courses(), top}
	s.levels[colExams] = []string{x.exams(), top}
	status, since := x.employment()
	s.levels[colEmployment] = []string{status, top}
	s.levels[colEmploymentStart] = quarterLevels(since)
	s.levels[colBenefit] = []string{benefitType(x.codes("living.benefits")), top}
	s.levels[colContacts] = []string{contactsBand(len(x.entries("contacts.contacts"))), top}
	goals := x.goals()
	plan := "nein"
	if x.value("plan.status") != "" || goals != "" {
		plan = "ja"
	}
	s.levels[colPlan] = []string{plan, top}
	s.levels[colGoals] = []string{goals, top}
	if x.err != nil {
		return nil, x.err
	}
	return s, nil
}

// extractor reads fields and keeps the first error.
type extractor struct {
	r   casework.Reader
	err error
}

func (x *extractor) field(path string) casework.Field {
	if x.err != nil {
		return casework.Field{}
	}
	f, err := x.r.Field(path)
	if err != nil {
		x.err = fmt.Errorf("read %s: %w", path, err)
	}
	return f
}

func (x *extractor) value(path string) string { return x.field(path).Value }

func (x *extractor) codes(path string) []string {
	if x.err != nil {
		return nil
	}
	cs, err := x.r.Codes(path)
	if err != nil {
		x.err = fmt.Errorf("read %s: %w", path, err)
	}
	return cs
}

func (x *extractor) entries(list string) []string {
	if x.err != nil {
		return nil
	}
	ids, err := x.r.Entries(list)
	if err != nil {
		x.err = fmt.Errorf("read %s: %w", list, err)
	}
	return ids
}

func (x *extractor) date(path string, birth bool) time.Time {
	t, _ := parseDate(x.value(path), birth)
	return t
}

// consented applies the consent rule of package consent: a research consent in force.
func (x *extractor) consented() bool {
	if x.err != nil {
		return false
	}
	_, err := consent.Require(x.r, consent.PurposeResearchAnon, consent.Match{})
	switch {
	case errors.Is(err, casework.ErrNoConsent):
		return false
	case err != nil:
		x.err = fmt.Errorf("read the consents: %w", err)
		return false
	}
	return true
}

func (x *extractor) household() string {
	partner, children, others := false, 0, 0
	for _, id := range x.entries("family.household") {
		p := "family.household." + id + "."
		if x.value(p+"same_household") == "false" {
			continue
		}
		switch x.value(p + "relation") {
		case "Ehepartner":
			partner = true
		case "Kind":
			children++
		default:
			others++
		}
	}
	var kids string
	switch {
	case children == 0:
	case children <= 2:
		kids = "_kinder_" + strconv.Itoa(children)
	default:
		kids = "_kinder_3plus"
	}
	switch {
	case partner && children > 0:
		return "paar" + kids
	case partner:
		return "paar_ohne_kinder"
	case children > 0:
		return "alleinerziehend" + kids
	case others > 0:
		return "mit_anderen"
	}
	return "allein"
}

// highestISCED is the highest ISCED level from lo to hi among the entries of list.
func (x *extractor) highestISCED(list string, lo, hi int, none string) string {
	best := -1
	for _, id := range x.entries(list) {
		if n, err := strconv.Atoi(x.value(list + "." + id + ".isced_level")); err == nil && n >= lo && n <= hi {
			best = max(best, n)
		}
	}
	if best < 0 {
		return none
	}
	return strconv.Itoa(best)
}

func (x *extractor) courses() string {
	var out []string
	for _, id := range x.entries("languages.german_courses") {
		p := "languages.german_courses." + id + "."
		out = append(out, strings.Join([]string{
			or(x.value(p+"type"), unknown),
			quarter(x.date(p+"start", false)),
			quarter(x.date(p+"end", false)),
			or(x.value(p+"status"), unknown),
		}, ":"))
	}
	slices.Sort(out)
	return strings.Join(out, "|")
}

func (x *extractor) exams() string {
	var out []string
	for _, id := range x.entries("languages.german_certificates") {
		p := "languages.german_certificates." + id + "."
		out = append(out, or(x.value(p+"exam"), unknown)+":"+or(x.value(p+"result"), unknown))
	}
	slices.Sort(out)
	return strings.Join(out, "|")
}

// employmentRank orders the employment statuses from the most to the least established; a
// person with several current jobs is reported with the first.
var employmentRank = []struct {
	status string
	types  []string
}{
	{"sv_pflichtig", []string{"sv_pflichtig", "angestellt"}},
	{"ausbildung", []string{"ausbildung"}},
	{"selbststaendig", []string{"selbststaendig"}},
	{"minijob", []string{"minijob"}},
	{"massnahme", []string{"praktikum", "freiwilligendienst"}},
	{"sonstige", []string{"familienbetrieb", "informell", ""}},
}

// employment is the current employment in Germany (a job without end, in Germany or with no
// country given) and when it began.
func (x *extractor) employment() (string, time.Time) {
	best, since := len(employmentRank), time.Time{}
	for _, id := range x.entries("work.jobs") {
		p := "work.jobs." + id + "."
		if c := x.value(p + "country"); c != "" && c != "DE" || x.value(p+"end") != "" {
			continue
		}
		t := x.value(p + "employment_type")
		for i, r := range employmentRank {
			if slices.Contains(r.types, t) && i < best {
				best, since = i, x.date(p+"start", false)
			}
		}
	}
	if best == len(employmentRank) {
		return "keine", time.Time{}
	}
	return employmentRank[best].status, since
}

func (x *extractor) goals() string {
	var out []string
	for _, id := range x.entries("plan.goals") {
		p := "plan.goals." + id + "."
		out = append(out, or(x.value(p+"field_of_action"), unknown)+":"+or(x.value(p+"status"), "open"))
	}
	slices.Sort(out)
	return strings.Join(out, "|")
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// primaryNationality is the first nationality other than German, as in the caseload report.
func primaryNationality(codes []string) string {
	codes = slices.Sorted(slices.Values(codes))
	for _, c := range codes {
		if c != "DE" {
			return c
		}
	}
	if len(codes) > 0 {
		return codes[0]
	}
	return ""
}

// residenceGroup maps a residence status code to its group.
func residenceGroup(code string) string {
	switch code {
	case "":
		return unknown
	case "ANKUNFTSNACHWEIS", "GESTATTUNG":
		return "gestattung"
	case "AE_25_1", "AE_25_2_GFK", "AE_25_2_SUBSIDIAER", "AE_25_3":
		return "schutz_25"
	case "AE_24":
		return "ukraine_24"
	case "DULDUNG_60A", "DULDUNG_60C", "DULDUNG_60D":
		return "duldung"
	}
	return "sonstige"
}

// benefitType reduces the benefits received to the one that matters for research.
func benefitType(codes []string) string {
	for _, b := range []string{"AsylbLG", "SGB_II", "SGB_XII"} {
		if slices.Contains(codes, b) {
			return b
		}
	}
	switch {
	case len(codes) == 0:
		return unknown
	case slices.Contains(codes, "keine") || slices.Contains(codes, "eigenes_Einkommen"):
		return "keine"
	}
	return "sonstige"
}

func contactsBand(n int) string {
	switch {
	case n == 0:
		return "0"
	case n <= 5:
		return "1-5"
	case n <= 10:
		return "6-10"
	case n <= 20:
		return "11-20"
	}
	return "21+"
}

func yearsBand(s string) string {
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return unknown
	case n == 0:
		return "0"
	case n <= 4:
		return "1-4"
	case n <= 9:
		return "5-9"
	case n <= 12:
		return "10-12"
	}
	return "13+"
}

// ageLevels: 5-year band, 10-year band, 20-year band, "*"; ages of 80 and over are one band
// at every level, so that the oldest are not singled out.
func ageLevels(birth, at time.Time) []string {
	if birth.IsZero() || birth.After(at) {
		return []string{unknown, unknown, unknown, top}
	}
	age := at.Year() - birth.Year()
	if at.Month() < birth.Month() || at.Month() == birth.Month() && at.Day() < birth.Day() {
		age--
	}
	band := func(width int) string {
		if age >= 80 {
			return "80+"
		}
		lo := age / width * width
		return fmt.Sprintf("%d-%d", lo, min(lo+width-1, 79))
	}
	return []string{band(5), band(10), band(20), top}
}

// regionLevels: Landkreis (the first five digits of the municipality key), Land (the first
// two), "*".
func regionLevels(ags string) []string {
	if len(ags) != 8 {
		return []string{unknown, unknown, top}
	}
	return []string{ags[:5], ags[:2], top}
}

// quarterLevels: year and quarter, year, five-year period, "*".
func quarterLevels(t time.Time) []string {
	if t.IsZero() {
		return []string{unknown, unknown, unknown, top}
	}
	lo := t.Year() / 5 * 5
	return []string{quarter(t), strconv.Itoa(t.Year()), fmt.Sprintf("%d-%d", lo, lo+4), top}
}

// monthLevels: year-month, year and quarter, year, "*".
func monthLevels(t time.Time) []string {
	if t.IsZero() {
		return []string{unknown, unknown, unknown, top}
	}
	return []string{t.Format("2006-01"), quarter(t), strconv.Itoa(t.Year()), top}
}

func quarter(t time.Time) string {
	if t.IsZero() {
		return unknown
	}
	return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())+2)/3)
}

// parseDate reads a stored date (YYYY, YYYY-MM, YYYY-MM-DD) or instant (RFC 3339). A partial
// date counts as its first day, except a year-only date of birth, which counts as 1 July.
func parseDate(s string, birth bool) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		y, m, d := t.UTC().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return time.Time{}, false
	}
	nums := []int{0, 1, 1}
	if birth && len(parts) == 1 {
		nums[1] = 7
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return time.Time{}, false
		}
		nums[i] = n
	}
	if nums[1] < 1 || nums[1] > 12 || nums[2] < 1 || nums[2] > 31 {
		return time.Time{}, false
	}
	return time.Date(nums[0], time.Month(nums[1]), nums[2], 0, 0, 0, 0, time.UTC), true
}
