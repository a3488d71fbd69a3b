package crdt

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// State is what is known of a field beyond its value.
type State string

// States of a field. Unknown and Declined are answers: a required field in either state is
// not missing.
const (
	StateEmpty    State = ""         // never answered
	StateValue    State = "value"    // has a value
	StateUnknown  State = "unknown"  // the person does not know
	StateDeclined State = "declined" // the person declined to answer
)

// Source says who vouches for a value.
type Source string

// Sources of a value (code list "provenance").
const (
	SourceSelf       Source = "self"       // stated by the newcomer
	SourceCounsellor Source = "counsellor" // entered by a counsellor
	SourceDocument   Source = "document"   // verified by a document (Provenance.Document)
)

// Provenance records where a value came from.
type Provenance struct {
	Source   Source
	By       string    // who entered it: an identity ID or a display name
	Document string    // entry ID in documents.files, when Source is SourceDocument
	At       time.Time // when; zero means the biography's clock at the time of writing
}

// Value is a typed scalar value. The zero Value is empty.
type Value struct {
	typ       schema.Type
	state     State
	uncertain bool // dates only
	s         string
	i         int64
	b         bool
	d         Date
	t         time.Time
}

// String returns a value for a string field.
func String(s string) Value { return Value{typ: schema.TypeString, state: StateValue, s: s} }

// Code returns a value for a code field.
func Code(c string) Value { return Value{typ: schema.TypeCode, state: StateValue, s: c} }

// Ref returns a value for a reference to a list entry.
func Ref(id string) Value { return Value{typ: schema.TypeRef, state: StateValue, s: id} }

// Int returns a value for an integer field.
func Int(i int64) Value { return Value{typ: schema.TypeInt, state: StateValue, i: i} }

// Bool returns a value for a yes/no field.
func Bool(b bool) Value { return Value{typ: schema.TypeBool, state: StateValue, b: b} }

// DateOf returns a value for a date field.
func DateOf(d Date) Value { return Value{typ: schema.TypeDate, state: StateValue, d: d} }

// TimeOf returns a value for an instant, kept in UTC to the millisecond.
func TimeOf(t time.Time) Value {
	return Value{typ: schema.TypeTime, state: StateValue, t: t.UTC().Truncate(time.Millisecond)}
}

// Unknown is the answer "I do not know", valid for every scalar field.
var Unknown = Value{state: StateUnknown}

// Declined is the answer "I do not want to say", valid for every scalar field.
var Declined = Value{state: StateDeclined}

// Uncertain returns a copy of a date value marked as uncertain (a fictitious or estimated
// date, common on refugees' documents).
func (v Value) Uncertain() Value { v.uncertain = true; return v }

// IsUncertain reports whether a date value is marked as uncertain.
func (v Value) IsUncertain() bool { return v.uncertain }

// State reports whether v holds a value, unknown, declined or nothing.
func (v Value) State() State { return v.state }

// Type is the field type the value belongs to, or "" for unknown, declined and empty.
func (v Value) Type() schema.Type { return v.typ }

// Str returns the value of a string, code or ref value.
func (v Value) Str() string { return v.s }

// Int returns the value of an integer value.
func (v Value) Int() int64 { return v.i }

// Bool returns the value of a yes/no value.
func (v Value) Bool() bool { return v.b }

// Date returns the value of a date value.
func (v Value) Date() Date { return v.d }

// Time returns the value of an instant.
func (v Value) Time() time.Time { return v.t }

// Text renders the value as a user types it: dates as ISO 8601, instants as RFC 3339, yes/no
// as "true"/"false". Unknown and declined render as their state names.
func (v Value) Text() string {
	switch v.state {
	case StateUnknown, StateDeclined:
		return string(v.state)
	case StateEmpty:
		return ""
	}
	switch v.typ {
	case schema.TypeInt:
		return strconv.FormatInt(v.i, 10)
	case schema.TypeBool:
		return strconv.FormatBool(v.b)
	case schema.TypeDate:
		return v.d.String()
	case schema.TypeTime:
		return v.t.Format(time.RFC3339Nano)
	}
	return v.s
}

// Date is a calendar date that may be partial: Month and Day are 0 when not known.
type Date struct {
	Year, Month, Day int
}

// String formats d as YYYY, YYYY-MM or YYYY-MM-DD.
func (d Date) String() string {
	switch {
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Less reports whether d certainly or possibly lies before e when both are compared at the
// precision they share: 2019 is not before 2019-05, 2019-04 is before 2019-05.
func (d Date) Less(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month == 0 || e.Month == 0 || d.Month == e.Month {
		if d.Month == 0 || e.Month == 0 || d.Day == 0 || e.Day == 0 {
			return false
		}
		return d.Day < e.Day
	}
	return d.Month < e.Month
}

// Errors about values never repeat the value: it is personal data, and errors end up in logs.

// errDate describes a date that is malformed or cannot be.
var errDate = errors.New("not a valid date")

// check reports whether d is a date that can be.
func (d Date) check() error {
	if d.Year < 1800 || d.Year > 2200 {
		return fmt.Errorf("%w: the year must lie between 1800 and 2200", errDate)
	}
	if d.Month < 0 || d.Month > 12 {
		return fmt.Errorf("%w: the month must lie between 1 and 12", errDate)
	}
	if d.Month == 0 && d.Day != 0 {
		return fmt.Errorf("%w: day without month", errDate)
	}
	if d.Day < 0 || d.Day > 0 && d.Day > daysIn(d.Year, d.Month) {
		return fmt.Errorf("%w: that month has no such day", errDate)
	}
	return nil
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ParseDate parses a partial date as ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD) or as Germans write
// it (DD.MM.YYYY, MM.YYYY), after turning Arabic-Indic and Persian digits into ASCII digits.
// The German forms accept 00 for an unknown day or month, as foreigners' authorities record
// unknown birth dates ("00.00.1990" is 1990).
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(NormalizeDigits(s))
	var parts []string
	german := strings.Contains(s, ".")
	if german {
		parts = strings.Split(s, ".")
		for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
			parts[i], parts[j] = parts[j], parts[i]
		}
	} else {
		parts = strings.Split(s, "-")
	}
	if len(parts) > 3 {
		return Date{}, fmt.Errorf("%w: use YYYY, YYYY-MM or YYYY-MM-DD", errDate)
	}
	var n [3]int
	for i, p := range parts {
		badLen := i == 0 && len(p) != 4 || i > 0 && (len(p) < 1 || len(p) > 2 || !german && len(p) != 2)
		if badLen {
			return Date{}, fmt.Errorf("%w: use YYYY, YYYY-MM or YYYY-MM-DD", errDate)
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Date{}, fmt.Errorf("%w: use YYYY, YYYY-MM or YYYY-MM-DD", errDate)
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: n[1], Day: n[2]}
	if german && d.Month == 0 {
		d.Day = 0 // "00.00.1990": the day is as unknown as the month
	}
	if !german && (len(parts) > 1 && d.Month == 0 || len(parts) > 2 && d.Day == 0) {
		return Date{}, fmt.Errorf("%w: leave out unknown parts instead of writing 00", errDate)
	}
	if err := d.check(); err != nil {
		return Date{}, err
	}
	return d, nil
}

// NormalizeDigits replaces Arabic-Indic (٠–٩) and Extended Arabic-Indic/Persian (۰–۹) digits
// with ASCII digits and the Arabic decimal and thousands separators with '.' and ','.
func NormalizeDigits(s string) string {
	if strings.IndexFunc(s, needsNormalizing) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + (r - '٠')
		case r >= '۰' && r <= '۹':
			return '0' + (r - '۰')
		case r == '٫':
			return '.'
		case r == '٬':
			return ','
		}
		return r
	}, s)
}

func needsNormalizing(r rune) bool {
	return r >= '٠' && r <= '٩' || r >= '۰' && r <= '۹' || r == '٫' || r == '٬'
}
