package report

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// ErrPeriod is returned for a period that ends before it starts.
var ErrPeriod = errors.New("report: the period ends before it starts")

// Period is a reporting period: two calendar days, both included.
type Period struct{ From, To time.Time }

func (p Period) contains(t time.Time) bool {
	return !t.IsZero() && !t.Before(p.From) && !t.After(p.To)
}

// Options are the settings of one computation.
type Options struct {
	// Lang is the language of headings and labels; default German, which the funding authority
	// reads. A label the definition lacks in Lang is German.
	Lang string
	// Now is the clock that dates the result; default time.Now.
	Now func() time.Time
}

// Result is a computed report.
type Result struct {
	DefinitionID string
	Title        string
	SummarySheet string
	Lang         string
	Period       Period
	Managers     []string  // the managers of the cases counted, sorted
	Created      time.Time // when the report was computed
	Counselled   int       // persons counselled in the period
	Tables       []Table
}

// Table is the result of one indicator: rows by the categories of its row dimension, columns
// by those of its column dimension, each with a total.
type Table struct {
	ID         string
	Title      string
	Note       string
	Sheet      string   // its own spreadsheet sheet, or ""
	RowHeading string   // heading of the label column
	Columns    []string // headings of the value columns; the last is the total
	Rows       []Row    // the last is the total
}

// Row is one line of a table.
type Row struct {
	Key    string // category key ("" for the total row)
	Label  string
	Values []int // one per column
	Total  bool
}

// Compute computes the report d over the cases for period p.
func Compute(d *Definition, p Period, cases []*Case, o Options) (*Result, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if p.From.IsZero() || p.To.IsZero() || p.To.Before(p.From) {
		return nil, ErrPeriod
	}
	p = Period{From: day(p.From), To: day(p.To)}
	if o.Lang == "" {
		o.Lang = "de"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	c := &computation{def: d, period: p, lang: o.Lang, cases: cases}
	c.rankNationalities()
	res := &Result{
		DefinitionID: d.ID,
		Title:        d.Title.In(o.Lang),
		SummarySheet: d.sheet(),
		Lang:         o.Lang,
		Period:       p,
		Created:      o.Now(),
	}
	managers := map[string]bool{}
	for _, cs := range cases {
		if c.counselled(cs) {
			res.Counselled++
		}
		managers[cs.manager] = true
	}
	res.Managers = slices.Sorted(func(yield func(string) bool) {
		for m := range managers {
			if !yield(m) {
				return
			}
		}
	})
	for _, in := range d.Indicators {
		res.Tables = append(res.Tables, c.table(in))
	}
	return res, nil
}

// Run extracts every input ([Extract]) and computes the report ([Compute]).
func Run(d *Definition, p Period, inputs []Input, o Options) (*Result, error) {
	cases := make([]*Case, 0, len(inputs))
	for i, in := range inputs {
		c, err := Extract(in)
		if err != nil {
			return nil, fmt.Errorf("biography %d: %w", i+1, err)
		}
		cases = append(cases, c)
	}
	return Compute(d, p, cases, o)
}

func day(t time.Time) time.Time {
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

type computation struct {
	def    *Definition
	period Period
	lang   string
	cases  []*Case
	topNat map[string]bool // the nationalities shown by name
	natSeq []string        // those, most frequent first
}

// Person states in the period (see the package documentation).
func (c *computation) isNew(cs *Case) bool { return c.period.contains(cs.start) }

func (c *computation) ongoing(cs *Case) bool {
	return !cs.start.IsZero() && cs.start.Before(c.period.From) &&
		(cs.closure.IsZero() || !cs.closure.Before(c.period.From))
}

func (c *computation) counselled(cs *Case) bool { return c.isNew(cs) || c.ongoing(cs) }

func (c *computation) closed(cs *Case) bool { return c.period.contains(cs.closure) }

// rankNationalities picks the NationalityTop most frequent nationalities of the persons
// counselled; ties go to the lower code, so that the choice does not depend on input order.
func (c *computation) rankNationalities() {
	n := map[string]int{}
	for _, cs := range c.cases {
		if cs.nationality != "" && c.counselled(cs) {
			n[cs.nationality]++
		}
	}
	for code := range n {
		c.natSeq = append(c.natSeq, code)
	}
	slices.SortFunc(c.natSeq, func(a, b string) int {
		return cmp.Or(cmp.Compare(n[b], n[a]), cmp.Compare(a, b))
	})
	c.natSeq = c.natSeq[:min(len(c.natSeq), c.def.NationalityTop)]
	c.topNat = map[string]bool{}
	for _, code := range c.natSeq {
		c.topNat[code] = true
	}
}

// unit is one thing a population counts: a person, or one of their goals, contacts or
// referrals.
type unit struct {
	person   int // index into cases
	c        *Case
	goal     *goal
	contact  *contact
	referral *referral
}

func (c *computation) units(population string) []unit {
	var out []unit
	for i, cs := range c.cases {
		person := unit{person: i, c: cs}
		switch population {
		case "persons_counselled":
			if c.counselled(cs) {
				out = append(out, person)
			}
		case "persons_new":
			if c.isNew(cs) {
				out = append(out, person)
			}
		case "persons_ongoing":
			if c.ongoing(cs) {
				out = append(out, person)
			}
		case "persons_closed":
			if c.closed(cs) {
				out = append(out, person)
			}
		case "plans_active":
			if c.counselled(cs) && cs.hasPlan {
				out = append(out, person)
			}
		case "plans_agreed":
			if c.period.contains(cs.firstAgreement) {
				out = append(out, person)
			}
		case "plans_reviewed":
			if slices.ContainsFunc(cs.reviews, c.period.contains) {
				out = append(out, person)
			}
		case "plans_closed":
			if c.closed(cs) && cs.hasPlan {
				out = append(out, person)
			}
		case "goals":
			if c.counselled(cs) {
				for j := range cs.goals {
					out = append(out, unit{person: i, c: cs, goal: &cs.goals[j]})
				}
			}
		case "goals_achieved", "outcomes":
			for j, g := range cs.goals {
				achieved := g.status == "achieved" || g.status == "partly_achieved"
				if population == "outcomes" {
					achieved = g.outcome != ""
				}
				if achieved && c.period.contains(g.achieved) {
					out = append(out, unit{person: i, c: cs, goal: &cs.goals[j]})
				}
			}
		case "contacts":
			for j, k := range cs.contacts {
				if c.period.contains(k.date) {
					out = append(out, unit{person: i, c: cs, contact: &cs.contacts[j]})
				}
			}
		case "referrals":
			for j, r := range cs.referrals {
				if c.period.contains(r.date) {
					out = append(out, unit{person: i, c: cs, referral: &cs.referrals[j]})
				}
			}
		}
	}
	return out
}

// categories returns the category keys of unit u in dimension dim: one, or for a contact's
// topics any number.
func (c *computation) categories(dim string, u unit) []string {
	or := func(s string) []string {
		if s == "" {
			return []string{catUnknown}
		}
		return []string{s}
	}
	cs := u.c
	switch dim {
	case "gender":
		if cs.gender == "" {
			return []string{"ohne_angabe"} // the code list's own "not stated"
		}
		return []string{cs.gender}
	case "age_group":
		if cs.birth.IsZero() {
			return []string{catUnknown}
		}
		age := ageAt(cs.birth, c.period.To)
		for i, b := range c.def.AgeBands {
			if age >= b.From && (b.To == nil || age <= *b.To) {
				return []string{strconv.Itoa(i)}
			}
		}
		return []string{catUnknown} // born after the period
	case "nationality":
		switch {
		case cs.nationality == "":
			return []string{catUnknown}
		case c.topNat[cs.nationality]:
			return []string{cs.nationality}
		}
		return []string{catOther}
	case "residence_group":
		return []string{c.def.residenceGroup(cs.residence)}
	case "municipality":
		return or(cs.municipality)
	case "manager":
		return or(cs.manager)
	case "phase":
		return or(cs.phase)
	case "closure_reason":
		return or(cs.closureReason)
	case "closure_duration":
		if cs.start.IsZero() || cs.closure.IsZero() {
			return []string{catUnknown}
		}
		months := monthsBetween(cs.start, cs.closure)
		for i, b := range c.def.ClosureDurationBands {
			if b.MaxMonths == nil || months <= *b.MaxMonths {
				return []string{strconv.Itoa(i)}
			}
		}
		return []string{catUnknown}
	case "field_of_action":
		return or(u.goal.field)
	case "goal_status":
		return or(u.goal.status)
	case "outcome":
		return or(u.goal.outcome)
	case "contact_mode":
		return or(u.contact.mode)
	case "topic":
		if len(u.contact.topics) == 0 {
			return []string{catUnknown}
		}
		return u.contact.topics
	case "interpreter":
		return []string{u.contact.interpreter}
	case "referral_target":
		return or(u.referral.target)
	}
	return nil
}

// fixedCategories are the categories a dimension always shows, in order, even with a count of
// zero: a template has fixed rows. Categories found in the data are added after them.
func (c *computation) fixedCategories(dim string) []string {
	var keys []string
	switch dim {
	case "age_group":
		for i := range c.def.AgeBands {
			keys = append(keys, strconv.Itoa(i))
		}
	case "closure_duration":
		for i := range c.def.ClosureDurationBands {
			keys = append(keys, strconv.Itoa(i))
		}
	case "residence_group":
		for _, g := range c.def.ResidenceGroups {
			keys = append(keys, g.Key)
		}
		keys = append(keys, catOther)
	case "nationality":
		keys = append(keys, c.natSeq...)
		keys = append(keys, catOther)
	case "interpreter":
		keys = []string{catYes, catNo}
	default:
		if list := schema.Default().CodeList(codeLists[dim]); list != nil {
			for _, code := range list.Codes {
				keys = append(keys, code.Code)
			}
		}
	}
	return keys
}

// axis is the ordered categories of one dimension of a table.
type axis struct {
	dim  string
	keys []string
	pos  map[string]int
}

func (c *computation) axis(dim string, units []unit) axis {
	a := axis{dim: dim, pos: map[string]int{}}
	if dim == "" {
		return a
	}
	add := func(k string) {
		if _, ok := a.pos[k]; !ok {
			a.pos[k] = len(a.keys)
			a.keys = append(a.keys, k)
		}
	}
	for _, k := range c.fixedCategories(dim) {
		add(k)
	}
	var found []string
	for _, u := range units {
		for _, k := range c.categories(dim, u) {
			if _, ok := a.pos[k]; !ok && k != catUnknown && !slices.Contains(found, k) {
				found = append(found, k)
			}
		}
	}
	// Municipalities and managers come from the data: sort them by what is shown.
	slices.SortFunc(found, func(x, y string) int {
		return cmp.Compare(c.def.categoryLabel(dim, x, c.lang), c.def.categoryLabel(dim, y, c.lang))
	})
	for _, k := range found {
		add(k)
	}
	add(catUnknown) // last; dropped below when empty
	return a
}

func (c *computation) table(in Indicator) Table {
	units := c.units(in.Population)
	rows, cols := c.axis(in.Rows, units), c.axis(in.Columns, units)
	nr, nc := max(len(rows.keys), 1), max(len(cols.keys), 1)

	// Cells, row totals, column totals and the grand total, each counted once per unit (or per
	// distinct person, or summing minutes), so that a contact with two topics counts in two
	// rows but once in the total.
	type acc struct {
		n       int
		persons map[int]bool
	}
	cells := make([][]acc, nr+1)
	for i := range cells {
		cells[i] = make([]acc, nc+1)
	}
	add := func(a *acc, u unit) {
		switch in.Measure {
		case "persons":
			if a.persons == nil {
				a.persons = map[int]bool{}
			}
			if !a.persons[u.person] {
				a.persons[u.person] = true
				a.n++
			}
		case "minutes":
			a.n += u.contact.minutes
		default:
			a.n++
		}
	}
	index := func(ax axis, u unit) []int {
		if ax.dim == "" {
			return []int{0}
		}
		var out []int
		for _, k := range c.categories(ax.dim, u) {
			if i := ax.pos[k]; !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
		return out
	}
	for _, u := range units {
		ri, ci := index(rows, u), index(cols, u)
		for _, r := range ri {
			for _, col := range ci {
				add(&cells[r][col], u)
			}
			add(&cells[r][nc], u)
		}
		for _, col := range ci {
			add(&cells[nr][col], u)
		}
		add(&cells[nr][nc], u)
	}

	// Drop the "ohne Angabe" category where nothing fell into it.
	keepRow := func(i int) bool {
		if rows.dim == "" {
			return true
		}
		empty := cells[i][nc].n == 0
		return !(empty && (rows.keys[i] == catUnknown || in.OmitEmptyRows))
	}
	keepCol := func(j int) bool {
		return cols.dim == "" || cols.keys[j] != catUnknown || cells[nr][j].n != 0
	}

	t := Table{ID: in.ID, Title: in.Label.In(c.lang), Note: in.Note.In(c.lang), Sheet: in.Sheet}
	if rows.dim != "" {
		t.RowHeading = c.def.dimensionLabel(rows.dim, c.lang)
	}
	total := fixedLabels["total"].In(c.lang)
	for j := range nc {
		if !keepCol(j) {
			continue
		}
		if cols.dim == "" {
			t.Columns = append(t.Columns, measureLabels[cmp.Or(in.Measure, "count")].In(c.lang))
			break
		}
		t.Columns = append(t.Columns, c.def.categoryLabel(cols.dim, cols.keys[j], c.lang))
	}
	if cols.dim != "" {
		t.Columns = append(t.Columns, total)
	}
	values := func(i int) []int {
		var v []int
		for j := range nc {
			if keepCol(j) {
				v = append(v, cells[i][j].n)
			}
		}
		if cols.dim != "" {
			v = append(v, cells[i][nc].n)
		}
		return v
	}
	if rows.dim != "" {
		for i := range nr {
			if keepRow(i) {
				t.Rows = append(t.Rows, Row{Key: rows.keys[i], Label: c.def.categoryLabel(rows.dim, rows.keys[i], c.lang), Values: values(i)})
			}
		}
	}
	t.Rows = append(t.Rows, Row{Label: total, Values: values(nr), Total: true})
	return t
}

var measureLabels = map[string]schema.Text{
	"count":   schema.T("Anzahl", "Number", "العدد", "تعداد", "Nombre"),
	"persons": schema.T("Personen", "Persons", "الأشخاص", "افراد", "Personnes"),
	"minutes": schema.T("Minuten", "Minutes", "الدقائق", "دقیقه", "Minutes"),
}
