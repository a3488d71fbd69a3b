package caseworkjs

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/crdt/schema"
)

// This file is casework.Writer.Set's parsing and checking for the browser: what crdt's
// Biography.Parse and Biography.Set do natively (crdt/fields.go, crdt/value.go), so that a
// rule writing "2026-05-17" or "share_recipient" stores the same value from either client.
// value_test.go holds it to crdt's result input by input.

// scalar is a scalar field's value as a BiographyDoc stores it: setField's value, or
// setState's state.
type scalar struct {
	State     string // casework.StateValue, StateUnknown or StateDeclined
	Value     any    // string, int64 or bool
	Uncertain bool   // a date marked as uncertain
}

// errValue is a value that the field does not take. Messages never repeat the value: it is
// personal data.
var errValue = errors.New("invalid value")

// errInvalid: an argument from JavaScript is missing or malformed.
var errInvalid = errors.New("invalid argument")

// fieldOf returns the catalogue's field at path, a path of the document ("work.jobs.<id>.tasks")
// or of the catalogue ("work.jobs.tasks").
func fieldOf(cat *schema.Catalogue, path string) (*schema.Field, error) {
	parts := strings.Split(path, ".")
	if len(parts) == 4 {
		parts = append(parts[:2], parts[3])
	}
	return cat.Field(strings.Join(parts, "."))
}

// parseScalar parses input for field f as crdt does: surrounding space trimmed, a code in any
// letter case, "unknown" and "declined" as states, Arabic-Indic and Persian digits as ASCII,
// dates as ISO 8601 or German (with a trailing "~" or "?" for uncertain), instants as RFC 3339
// kept in UTC to the millisecond; then it checks the value against the field (code list,
// range, pattern, possible date). entryExists reports whether a ref's target entry exists.
func parseScalar(cat *schema.Catalogue, f *schema.Field, input string, entryExists func(list, id string) bool) (scalar, error) {
	s := strings.TrimSpace(input)
	// A code spelled exactly is that code, even where it reads like a state: closure reason
	// DECLINED is not the state "declined".
	if f.Type == schema.TypeCode && cat.CodeList(f.CodeList).Has(s) {
		return scalar{State: casework.StateValue, Value: s}, nil
	}
	switch strings.ToLower(s) {
	case casework.StateUnknown:
		return scalar{State: casework.StateUnknown}, nil
	case casework.StateDeclined:
		return scalar{State: casework.StateDeclined}, nil
	}
	v := scalar{State: casework.StateValue}
	switch f.Type {
	case schema.TypeString:
		if f.Pattern != "" {
			s = normalizeDigits(s)
			if !matches(f.Pattern, s) {
				return v, fmt.Errorf("%w: %s", errValue, f.PatternHelp.In("en"))
			}
		}
		v.Value = s
	case schema.TypeCode:
		l := cat.CodeList(f.CodeList)
		for _, c := range l.Codes {
			if strings.EqualFold(c.Code, s) {
				v.Value = c.Code
				return v, nil
			}
		}
		return v, fmt.Errorf("%w: the input is not in code list %s", errValue, f.CodeList)
	case schema.TypeRef:
		if entryExists == nil || !entryExists(f.Ref, s) {
			return v, fmt.Errorf("%w: it refers to an entry of %s that does not exist", errValue, f.Ref)
		}
		v.Value = s
	case schema.TypeInt:
		i, err := strconv.ParseInt(normalizeDigits(s), 10, 64)
		if err != nil {
			return v, fmt.Errorf("%w: not a whole number", errValue)
		}
		if f.Max > f.Min && (i < f.Min || i > f.Max) {
			return v, fmt.Errorf("%w: must be between %d and %d", errValue, f.Min, f.Max)
		}
		v.Value = i
	case schema.TypeBool:
		switch strings.ToLower(s) {
		case "true", "yes", "ja", "oui", "1", "y", "j":
			v.Value = true
		case "false", "no", "nein", "non", "0", "n":
			v.Value = false
		default:
			return v, fmt.Errorf("%w: not yes or no", errValue)
		}
	case schema.TypeDate:
		v.Uncertain = strings.HasSuffix(s, "~") || strings.HasSuffix(s, "?")
		d, err := parseDate(strings.TrimRight(s, "~?"))
		if err != nil {
			return v, err
		}
		v.Value = d
	case schema.TypeTime:
		t, err := time.Parse(time.RFC3339Nano, normalizeDigits(s))
		if err != nil {
			return v, fmt.Errorf("%w: not an RFC 3339 time", errValue)
		}
		v.Value = t.UTC().Truncate(time.Millisecond).Format(time.RFC3339Nano)
	default:
		return v, fmt.Errorf("%w: a %s field takes its own methods", errValue, f.Type)
	}
	return v, nil
}

// parseDate parses a partial date as crdt.ParseDate does and returns its ISO 8601 form.
func parseDate(s string) (string, error) {
	bad := fmt.Errorf("%w: not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD", errValue)
	s = strings.TrimSpace(normalizeDigits(s))
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
		return "", bad
	}
	var n [3]int
	for i, p := range parts {
		if i == 0 && len(p) != 4 || i > 0 && (len(p) < 1 || len(p) > 2 || !german && len(p) != 2) {
			return "", bad
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return "", bad
		}
		n[i] = v
	}
	y, m, d := n[0], n[1], n[2]
	if german && m == 0 {
		d = 0 // "00.00.1990": the day is as unknown as the month
	}
	if !german && (len(parts) > 1 && m == 0 || len(parts) > 2 && d == 0) {
		return "", fmt.Errorf("%w: not a valid date: leave out unknown parts instead of writing 00", errValue)
	}
	switch {
	case y < 1800 || y > 2200:
		return "", fmt.Errorf("%w: not a valid date: the year must lie between 1800 and 2200", errValue)
	case m > 12:
		return "", fmt.Errorf("%w: not a valid date: the month must lie between 1 and 12", errValue)
	case d > 0 && d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day():
		return "", fmt.Errorf("%w: not a valid date: that month has no such day", errValue)
	case m == 0:
		return fmt.Sprintf("%04d", y), nil
	case d == 0:
		return fmt.Sprintf("%04d-%02d", y, m), nil
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), nil
}

// normalizeDigits replaces Arabic-Indic and Persian digits and the Arabic separators, as
// crdt.NormalizeDigits.
func normalizeDigits(s string) string {
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

var patterns sync.Map // pattern → *regexp.Regexp

// matches reports whether s matches the catalogue's pattern in full.
func matches(pattern, s string) bool {
	re, ok := patterns.Load(pattern)
	if !ok {
		re, _ = patterns.LoadOrStore(pattern, regexp.MustCompile("^(?:"+pattern+")$"))
	}
	return re.(*regexp.Regexp).MatchString(s)
}
