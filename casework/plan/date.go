package plan

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date as the document stores it, possibly partial: Month and Day are 0
// when not known. A partial date covers a period ("2026-06" is all of June): it is due at its
// end and comes up at its beginning.
type Date struct {
	Year, Month, Day int
}

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, int(m), d}
}

// ParseDate parses the ISO 8601 forms the document stores: YYYY, YYYY-MM, YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	parts := strings.Split(strings.TrimSuffix(s, "~"), "-")
	var n [3]int
	if len(parts) > 3 {
		return Date{}, fmt.Errorf("%w: %q is not YYYY, YYYY-MM or YYYY-MM-DD", ErrBadDate, s)
	}
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || len(p) != []int{4, 2, 2}[i] {
			return Date{}, fmt.Errorf("%w: %q is not YYYY, YYYY-MM or YYYY-MM-DD", ErrBadDate, s)
		}
		n[i] = v
	}
	d := Date{n[0], n[1], n[2]}
	if d.Year < 1 || d.Month < 0 || d.Month > 12 || d.Day < 0 || (d.Day > 0 && d.Day > daysIn(d.Year, d.Month)) {
		return Date{}, fmt.Errorf("%w: %q is not a date", ErrBadDate, s)
	}
	return d, nil
}

// String formats d as YYYY, YYYY-MM or YYYY-MM-DD; the zero Date as "".
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Full reports whether d has a year, a month and a day.
func (d Date) Full() bool { return d.Year > 0 && d.Month > 0 && d.Day > 0 }

// First returns the first day d covers, at midnight UTC.
func (d Date) First() time.Time {
	m, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Last returns the last day d covers, at midnight UTC.
func (d Date) Last() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month), daysIn(d.Year, d.Month), 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

// Before reports whether d ends before e begins.
func (d Date) Before(e Date) bool { return d.Last().Before(e.First()) }

// AddMonths returns d moved by n months, keeping the day where the month has it and taking
// the month's last day otherwise (31 January + 1 month is 28 or 29 February), as periods in
// months are counted.
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	if d.Month == 0 {
		return Date{Year: d.Year + n/12}
	}
	m := d.Year*12 + (d.Month - 1) + n
	out := Date{Year: m / 12, Month: m%12 + 1, Day: d.Day}
	if out.Day > 0 {
		out.Day = min(out.Day, daysIn(out.Year, out.Month))
	}
	return out
}

// daysBetween returns the number of days from a to b (negative when b is earlier).
func daysBetween(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// MarshalText writes d as String does, so that JSON carries "2026-05" rather than its parts.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads what MarshalText writes; an empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
