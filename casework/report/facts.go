package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/casework"
)

// Input is one biography with what the caller knows about it.
type Input struct {
	Doc casework.Reader
	// Manager is the integration manager the case is reported under: the counsellor's name or
	// identity, as the caller knows it. The document does not say who counsels the person.
	Manager string
}

// ReadPaths are the only fields (and lists, "*" standing for an entry ID) that the report
// reads. Tests hold the package to it.
var ReadPaths = []string{
	"person.gender", "person.date_of_birth", "person.nationalities", "person.municipality",
	"residence.residence_status",
	"plan.phase", "plan.status", "plan.counselling_start", "plan.closure_date", "plan.closure_reason",
	"plan.goals", "plan.goals.*.field_of_action", "plan.goals.*.status", "plan.goals.*.achieved_at", "plan.goals.*.outcome",
	"plan.agreements", "plan.agreements.*.agreed_at",
	"plan.reviews", "plan.reviews.*.date",
	"contacts.contacts", "contacts.contacts.*.date", "contacts.contacts.*.mode", "contacts.contacts.*.topics",
	"contacts.contacts.*.interpreter_used", "contacts.contacts.*.duration_min",
	"contacts.referrals", "contacts.referrals.*.date", "contacts.referrals.*.target_type",
}

// Case is what the report needs of one biography, read by [Extract]: codes and dates, no
// names and no free text. Holding Cases rather than documents lets a caller read each
// document once, inside whatever access its store grants, and compute afterwards.
type Case struct {
	manager      string
	gender       string
	birth        time.Time // zero when unknown
	nationality  string
	residence    string // residence status code
	municipality string
	phase        string

	start, closure time.Time // zero when empty
	closureReason  string
	hasPlan        bool
	firstAgreement time.Time
	reviews        []time.Time

	goals     []goal
	contacts  []contact
	referrals []referral
}

type goal struct {
	field, status, outcome string
	achieved               time.Time
}

type contact struct {
	date        time.Time
	mode        string
	topics      []string
	interpreter string // catYes, catNo or catUnknown
	minutes     int
}

type referral struct {
	date   time.Time
	target string
}

// Extract reads what the report needs from one biography.
func Extract(in Input) (*Case, error) {
	r := in.Doc
	c := &Case{manager: in.Manager}
	var err error
	value := func(path string) string {
		if err != nil {
			return ""
		}
		var f casework.Field
		if f, err = r.Field(path); err != nil {
			err = fmt.Errorf("read %s: %w", path, err)
			return ""
		}
		return f.Value // empty unless the field holds a value
	}
	date := func(path string, birth bool) time.Time {
		t, _ := parseDate(value(path), birth)
		return t
	}
	entries := func(list string) []string {
		if err != nil {
			return nil
		}
		var ids []string
		if ids, err = r.Entries(list); err != nil {
			err = fmt.Errorf("read %s: %w", list, err)
		}
		return ids
	}
	codes := func(path string) []string {
		if err != nil {
			return nil
		}
		var cs []string
		if cs, err = r.Codes(path); err != nil {
			err = fmt.Errorf("read %s: %w", path, err)
		}
		return cs
	}

	c.gender = value("person.gender")
	c.birth = date("person.date_of_birth", true)
	c.nationality = primaryNationality(codes("person.nationalities"))
	c.municipality = value("person.municipality")
	c.residence = value("residence.residence_status")
	c.phase = value("plan.phase")
	c.start = date("plan.counselling_start", false)
	c.closure = date("plan.closure_date", false)
	c.closureReason = value("plan.closure_reason")
	c.hasPlan = value("plan.status") != ""
	for _, id := range entries("plan.goals") {
		p := "plan.goals." + id + "."
		c.goals = append(c.goals, goal{
			field:    value(p + "field_of_action"),
			status:   value(p + "status"),
			outcome:  value(p + "outcome"),
			achieved: date(p+"achieved_at", false),
		})
	}
	c.hasPlan = c.hasPlan || len(c.goals) > 0
	for _, id := range entries("plan.agreements") {
		t := date("plan.agreements."+id+".agreed_at", false)
		if !t.IsZero() && (c.firstAgreement.IsZero() || t.Before(c.firstAgreement)) {
			c.firstAgreement = t
		}
	}
	for _, id := range entries("plan.reviews") {
		if t := date("plan.reviews."+id+".date", false); !t.IsZero() {
			c.reviews = append(c.reviews, t)
		}
	}
	for _, id := range entries("contacts.contacts") {
		p := "contacts.contacts." + id + "."
		k := contact{date: date(p+"date", false), mode: value(p + "mode"), topics: codes(p + "topics")}
		switch value(p + "interpreter_used") {
		case "true":
			k.interpreter = catYes
		case "false":
			k.interpreter = catNo
		default:
			k.interpreter = catUnknown
		}
		k.minutes, _ = strconv.Atoi(value(p + "duration_min"))
		c.contacts = append(c.contacts, k)
	}
	for _, id := range entries("contacts.referrals") {
		p := "contacts.referrals." + id + "."
		c.referrals = append(c.referrals, referral{date: date(p+"date", false), target: value(p + "target_type")})
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// primaryNationality is the first nationality other than German, so that a person counts
// under one nationality; German when that is the only one.
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

// parseDate reads a stored date (YYYY, YYYY-MM, YYYY-MM-DD) or instant (RFC 3339) as a
// calendar day in UTC. A partial date counts as its first day, except a year-only date of
// birth, which counts as 1 July so that an age computed from it is off by half a year at most.
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

// ageAt is the age in completed years on day at.
func ageAt(birth, at time.Time) int {
	age := at.Year() - birth.Year()
	if at.Month() < birth.Month() || at.Month() == birth.Month() && at.Day() < birth.Day() {
		age--
	}
	return age
}

// monthsBetween is the number of whole months from a to b.
func monthsBetween(a, b time.Time) int {
	m := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		m--
	}
	return m
}
