package report

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// ErrDefinition is wrapped by every error about a report definition.
var ErrDefinition = errors.New("report: invalid definition")

//go:embed definitions/caseload-v1.json
var defaultDefinition []byte

// Default returns the embedded default definition, caseload-v1.
func Default() *Definition {
	d, err := ParseDefinition(defaultDefinition)
	if err != nil {
		panic(err) // the package tests parse it
	}
	return d
}

// DefaultJSON returns the embedded default definition as JSON, a starting point for a
// definition of one's own.
func DefaultJSON() []byte { return bytes.Clone(defaultDefinition) }

// Definition says what a report counts and how it breaks the counts down.
type Definition struct {
	ID    string `json:"id"`
	Title Label  `json:"title"`
	// SummarySheet names the spreadsheet sheet that holds every table; default "Auswertung
	// Zeitraum", the sheet the funding authority asks for.
	SummarySheet string `json:"summary_sheet,omitempty"`

	// AgeBands are the age groups, youngest first, without gaps; the last may be open.
	AgeBands []AgeBand `json:"age_bands"`
	// NationalityTop is how many nationalities are shown by name (the most frequent among the
	// persons counselled in the period); the others are counted as "sonstige".
	NationalityTop int `json:"nationality_top"`
	// ResidenceGroups map residence status codes to the groups reported; a code in no group
	// counts as ResidenceOther.
	ResidenceGroups []ResidenceGroup `json:"residence_groups"`
	ResidenceOther  Label            `json:"residence_other"`
	// ClosureDurationBands group the months from counselling start to closure; the last may be
	// open.
	ClosureDurationBands []DurationBand `json:"closure_duration_bands"`
	// MunicipalityNames name municipalities by their official key (AGS); a key without a name
	// is shown as the key.
	MunicipalityNames map[string]string `json:"municipality_names,omitempty"`

	// DimensionLabels override the heading of a dimension (the key is a dimension name).
	DimensionLabels map[string]Label `json:"dimension_labels,omitempty"`
	// CategoryLabels override the label of a category: dimension name → category key → label.
	// Category keys are codes of the schema's code lists, residence group keys, "unknown"
	// (ohne Angabe) and "other" (sonstige).
	CategoryLabels map[string]map[string]Label `json:"category_labels,omitempty"`

	Indicators []Indicator `json:"indicators"`
}

// Label is a text in several UI languages; German ("de") is required and is the fallback.
type Label map[string]string

// In returns the label in lang, or in German.
func (l Label) In(lang string) string {
	if s := l[lang]; s != "" {
		return s
	}
	return l["de"]
}

// AgeBand is an age group in completed years, From to To inclusive; To nil for "and older".
type AgeBand struct {
	From  int   `json:"from"`
	To    *int  `json:"to,omitempty"`
	Label Label `json:"label,omitempty"` // default "18–24", "65+"
}

func (b AgeBand) label(lang string) string {
	if b.Label != nil {
		return b.Label.In(lang)
	}
	if b.To == nil {
		return fmt.Sprintf("%d+", b.From)
	}
	return fmt.Sprintf("%d–%d", b.From, *b.To)
}

// ResidenceGroup is a group of residence status codes (code list residence_status).
type ResidenceGroup struct {
	Key   string   `json:"key"`
	Label Label    `json:"label"`
	Codes []string `json:"codes"`
}

// DurationBand is a band of whole months up to MaxMonths inclusive; MaxMonths nil for the
// open last band.
type DurationBand struct {
	MaxMonths *int  `json:"max_months,omitempty"`
	Label     Label `json:"label"`
}

// Indicator is one table of the report.
type Indicator struct {
	ID    string `json:"id"`
	Label Label  `json:"label"`
	// Population names what is counted (see [Populations]).
	Population string `json:"population"`
	// Measure is "count" (the units of the population; the default), "persons" (the distinct
	// persons among them) or "minutes" (the duration of contacts).
	Measure string `json:"measure,omitempty"`
	// Rows and Columns name the dimensions the count is broken down by (see [Dimensions]);
	// either may be empty.
	Rows    string `json:"rows,omitempty"`
	Columns string `json:"columns,omitempty"`
	// Sheet, if set, also puts the table on a spreadsheet sheet of its own with this name.
	Sheet string `json:"sheet,omitempty"`
	// OmitEmptyRows leaves out rows whose total is zero.
	OmitEmptyRows bool  `json:"omit_empty_rows,omitempty"`
	Note          Label `json:"note,omitempty"`
}

// Units of populations.
const (
	unitPerson   = "person"
	unitGoal     = "goal"
	unitContact  = "contact"
	unitReferral = "referral"
)

// Populations are the populations an indicator may count, with the unit each consists of.
var Populations = map[string]string{
	"persons_counselled": unitPerson, // new or ongoing in the period
	"persons_new":        unitPerson,
	"persons_ongoing":    unitPerson,
	"persons_closed":     unitPerson,
	"plans_active":       unitPerson, // counselled persons with a plan (a status or a goal)
	"plans_agreed":       unitPerson, // plans whose first agreement lies in the period
	"plans_reviewed":     unitPerson, // plans with a review in the period
	"plans_closed":       unitPerson, // persons closed in the period who had a plan
	"goals":              unitGoal,   // goals of the persons counselled in the period
	"goals_achieved":     unitGoal,   // goals achieved (fully or partly) in the period
	"outcomes":           unitGoal,   // goals with an outcome code achieved in the period
	"contacts":           unitContact,
	"referrals":          unitReferral,
}

// Dimensions are the breakdowns, with the units they apply to ("" for every unit).
var Dimensions = map[string]string{
	"gender":           "",
	"age_group":        "",
	"nationality":      "",
	"residence_group":  "",
	"municipality":     "",
	"manager":          "",
	"phase":            "",
	"closure_reason":   unitPerson,
	"closure_duration": unitPerson,
	"field_of_action":  unitGoal,
	"goal_status":      unitGoal,
	"outcome":          unitGoal,
	"contact_mode":     unitContact,
	"topic":            unitContact,
	"interpreter":      unitContact,
	"referral_target":  unitReferral,
}

// ParseDefinition reads a definition from JSON and checks it. Unknown keys are refused, so
// that a typing mistake in a definition file does not silently change a report.
func ParseDefinition(data []byte) (*Definition, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d Definition
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDefinition, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: data after the definition", ErrDefinition)
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return &d, nil
}

// Validate checks that d can be computed.
func (d *Definition) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrDefinition}, args...)...)
	}
	if d.ID == "" {
		return bad("id is missing")
	}
	if d.Title["de"] == "" {
		return bad("title has no German (de) text")
	}
	if d.SummarySheet != "" {
		if err := checkSheet(d.SummarySheet); err != nil {
			return bad("summary_sheet: %v", err)
		}
	}
	if len(d.AgeBands) == 0 {
		return bad("age_bands is empty")
	}
	for i, b := range d.AgeBands {
		switch {
		case i == 0 && b.From != 0:
			return bad("age band 1 starts at %d, want 0", b.From)
		case i > 0 && (d.AgeBands[i-1].To == nil || *d.AgeBands[i-1].To+1 != b.From):
			return bad("age band %d does not follow band %d without gap or overlap", i+1, i)
		case b.To != nil && *b.To < b.From:
			return bad("age band %d ends before it starts", i+1)
		case b.Label != nil && b.Label["de"] == "":
			return bad("age band %d has a label without German (de) text", i+1)
		}
	}
	if d.NationalityTop < 0 {
		return bad("nationality_top is negative")
	}
	statuses := schema.Default().CodeList("residence_status")
	seen := map[string]string{}
	for _, g := range d.ResidenceGroups {
		if g.Key == "" || g.Key == catUnknown || g.Key == catOther || g.Label["de"] == "" {
			return bad("residence group %q needs a key (not %q or %q) and a German label", g.Key, catUnknown, catOther)
		}
		for _, c := range g.Codes {
			if !statuses.Has(c) {
				return bad("residence group %s: %q is not a residence status code", g.Key, c)
			}
			if other, dup := seen[c]; dup {
				return bad("residence status %s is in groups %s and %s", c, other, g.Key)
			}
			seen[c] = g.Key
		}
	}
	if d.ResidenceOther["de"] == "" {
		return bad("residence_other has no German (de) text")
	}
	if len(d.ClosureDurationBands) == 0 {
		return bad("closure_duration_bands is empty")
	}
	for i, b := range d.ClosureDurationBands {
		last := i == len(d.ClosureDurationBands)-1
		switch {
		case b.Label["de"] == "":
			return bad("closure duration band %d has no German (de) label", i+1)
		case b.MaxMonths == nil && !last:
			return bad("closure duration band %d is open but not the last", i+1)
		case i > 0 && b.MaxMonths != nil && *b.MaxMonths <= *d.ClosureDurationBands[i-1].MaxMonths:
			return bad("closure duration bands are not in ascending order")
		}
	}
	for dim, l := range d.DimensionLabels {
		if _, ok := Dimensions[dim]; !ok {
			return bad("dimension_labels: no dimension %q", dim)
		}
		if l["de"] == "" {
			return bad("dimension_labels.%s has no German (de) text", dim)
		}
	}
	for dim, m := range d.CategoryLabels {
		if _, ok := Dimensions[dim]; !ok {
			return bad("category_labels: no dimension %q", dim)
		}
		for cat, l := range m {
			if l["de"] == "" {
				return bad("category_labels.%s.%s has no German (de) text", dim, cat)
			}
		}
	}
	if len(d.Indicators) == 0 {
		return bad("no indicators")
	}
	ids := map[string]bool{}
	sheets := map[string]bool{strings.ToLower(d.sheet()): true}
	for _, in := range d.Indicators {
		if in.ID == "" || ids[in.ID] {
			return bad("indicator ID %q is missing or used twice", in.ID)
		}
		ids[in.ID] = true
		if in.Label["de"] == "" {
			return bad("indicator %s has no German (de) label", in.ID)
		}
		unit, ok := Populations[in.Population]
		if !ok {
			return bad("indicator %s: no population %q", in.ID, in.Population)
		}
		switch in.Measure {
		case "", "count", "persons":
		case "minutes":
			if unit != unitContact {
				return bad("indicator %s: minutes are measured only for contacts", in.ID)
			}
		default:
			return bad("indicator %s: no measure %q (count, persons or minutes)", in.ID, in.Measure)
		}
		for _, dim := range []string{in.Rows, in.Columns} {
			if dim == "" {
				continue
			}
			u, ok := Dimensions[dim]
			if !ok {
				return bad("indicator %s: no dimension %q", in.ID, dim)
			}
			if u != "" && u != unit {
				return bad("indicator %s: dimension %s does not apply to population %s", in.ID, dim, in.Population)
			}
		}
		if in.Rows != "" && in.Rows == in.Columns {
			return bad("indicator %s: rows and columns are the same dimension", in.ID)
		}
		if in.Sheet != "" {
			if err := checkSheet(in.Sheet); err != nil {
				return bad("indicator %s: sheet: %v", in.ID, err)
			}
			if sheets[strings.ToLower(in.Sheet)] {
				return bad("indicator %s: sheet %q is used twice", in.ID, in.Sheet)
			}
			sheets[strings.ToLower(in.Sheet)] = true
		}
	}
	return nil
}

func (d *Definition) sheet() string {
	if d.SummarySheet == "" {
		return "Auswertung Zeitraum"
	}
	return d.SummarySheet
}

// checkSheet applies the rules spreadsheet programs have for sheet names.
func checkSheet(name string) error {
	if n := len([]rune(name)); n == 0 || n > 31 {
		return fmt.Errorf("%q: a sheet name has 1 to 31 characters", name)
	}
	if strings.ContainsAny(name, `[]:*?/\`) || strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") {
		return fmt.Errorf("%q: a sheet name has none of []:*?/\\ and does not begin or end with '", name)
	}
	return nil
}

// dimensionLabel is the heading of dimension dim.
func (d *Definition) dimensionLabel(dim, lang string) string {
	if l, ok := d.DimensionLabels[dim]; ok {
		return l.In(lang)
	}
	return defaultDimensionLabels[dim].In(lang)
}

var defaultDimensionLabels = map[string]schema.Text{
	"gender":           schema.T("Geschlecht", "Gender", "الجنس", "جنسیت", "Sexe"),
	"age_group":        schema.T("Altersgruppe", "Age group", "الفئة العمرية", "گروه سنی", "Tranche d’âge"),
	"nationality":      schema.T("Staatsangehörigkeit", "Nationality", "الجنسية", "تابعیت", "Nationalité"),
	"residence_group":  schema.T("Aufenthaltsstatus", "Residence status", "وضع الإقامة", "وضعیت اقامت", "Statut de séjour"),
	"municipality":     schema.T("Gemeinde", "Municipality", "البلدية", "شهر", "Commune"),
	"manager":          schema.T("Integrationsmanager/in", "Integration manager", "مدير/ة الاندماج", "مدیر ادغام", "Gestionnaire d’intégration"),
	"phase":            schema.T("Unterbringungsphase", "Accommodation stage", "مرحلة السكن", "مرحله اسکان", "Phase d’hébergement"),
	"closure_reason":   schema.T("Grund des Fallabschlusses", "Reason for closure", "سبب إغلاق الملف", "دلیل بستن پرونده", "Motif de clôture"),
	"closure_duration": schema.T("Beratungsdauer", "Duration of counselling", "مدة الاستشارة", "مدت مشاوره", "Durée de l’accompagnement"),
	"field_of_action":  schema.T("Handlungsfeld", "Field of action", "مجال العمل", "حوزه اقدام", "Domaine d’action"),
	"goal_status":      schema.T("Stand des Ziels", "Goal status", "حالة الهدف", "وضعیت هدف", "État de l’objectif"),
	"outcome":          schema.T("Ergebnis", "Outcome", "النتيجة", "نتیجه", "Résultat"),
	"contact_mode":     schema.T("Art des Kontakts", "Contact mode", "نوع التواصل", "نوع تماس", "Mode de contact"),
	"topic":            schema.T("Thema", "Topic", "الموضوع", "موضوع", "Thème"),
	"interpreter":      schema.T("Mit Dolmetschung", "With interpreter", "مع ترجمة شفوية", "با مترجم", "Avec interprète"),
	"referral_target":  schema.T("Art der Stelle", "Type of service", "نوع الجهة", "نوع نهاد", "Type de service"),
}

// codeLists are the schema code lists behind dimensions whose categories are codes.
var codeLists = map[string]string{
	"gender":          "gender",
	"phase":           "stage",
	"closure_reason":  "closure_reason",
	"field_of_action": "field_of_action",
	"topic":           "field_of_action",
	"goal_status":     "goal_status",
	"outcome":         "outcome",
	"contact_mode":    "contact_mode",
	"referral_target": "referral_target",
}

// Category keys that are not codes.
const (
	catUnknown = "unknown" // ohne Angabe
	catOther   = "other"   // sonstige
	catYes     = "yes"
	catNo      = "no"
)

var fixedLabels = map[string]schema.Text{
	catUnknown: schema.T("ohne Angabe", "not stated", "غير محدد", "نامشخص", "non renseigné"),
	catOther:   schema.T("sonstige", "other", "أخرى", "سایر", "autres"),
	catYes:     schema.T("ja", "yes", "نعم", "بله", "oui"),
	catNo:      schema.T("nein", "no", "لا", "خیر", "non"),
	"total":    schema.T("Insgesamt", "Total", "المجموع", "جمع", "Total"),
}

// categoryLabel is the label of category key of dimension dim, before overrides.
func (d *Definition) categoryLabel(dim, key, lang string) string {
	if l, ok := d.CategoryLabels[dim][key]; ok {
		return l.In(lang)
	}
	if dim == "residence_group" && key == catOther {
		return d.ResidenceOther.In(lang)
	}
	if t, ok := fixedLabels[key]; ok {
		return t.In(lang)
	}
	switch dim {
	case "nationality":
		if s := schema.Label(schema.ListCountry, key, lang); s != "" {
			return s
		}
	case "residence_group":
		for _, g := range d.ResidenceGroups {
			if g.Key == key {
				return g.Label.In(lang)
			}
		}
	case "municipality":
		if s := d.MunicipalityNames[key]; s != "" {
			return s
		}
	case "age_group":
		for i, b := range d.AgeBands {
			if key == fmt.Sprint(i) {
				return b.label(lang)
			}
		}
	case "closure_duration":
		for i, b := range d.ClosureDurationBands {
			if key == fmt.Sprint(i) {
				return b.Label.In(lang)
			}
		}
	}
	if list, ok := codeLists[dim]; ok {
		if s := schema.Label(list, key, lang); s != "" {
			return s
		}
	}
	return key
}

// residenceGroup returns the group key of a residence status code.
func (d *Definition) residenceGroup(code string) string {
	if code == "" {
		return catUnknown
	}
	for _, g := range d.ResidenceGroups {
		if slices.Contains(g.Codes, code) {
			return g.Key
		}
	}
	return catOther
}
