package crdt

import (
	"errors"
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{"1990", Date{1990, 0, 0}, false},
		{"1990-03", Date{1990, 3, 0}, false},
		{"1990-03-15", Date{1990, 3, 15}, false},
		{"15.03.1990", Date{1990, 3, 15}, false},
		{"3.1990", Date{1990, 3, 0}, false},
		{"00.00.1990", Date{1990, 0, 0}, false},
		{"00.03.1990", Date{1990, 3, 0}, false},
		{"١٥.٠٣.١٩٩٠", Date{1990, 3, 15}, false}, // Arabic-Indic digits
		{"۱۳۹۰-۰۳-۱۵", Date{1390, 3, 15}, true},  // Persian digits: a solar-hijri year is not a Gregorian one
		{"۱۹۹۰-۰۳", Date{1990, 3, 0}, false},     // Persian digits
		{"2000-02-29", Date{2000, 2, 29}, false}, // leap year
		{"2019-02-29", Date{}, true},             // not a leap year
		{"2019-02-30", Date{}, true},
		{"2019-13", Date{}, true},
		{"2019-00-10", Date{}, true},
		{"90", Date{}, true},
		{"1990-3", Date{}, true},
		{"1990/03/15", Date{}, true},
		{"", Date{}, true},
		{"1990-03-15-01", Date{}, true},
		{"abcd", Date{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.wantErr {
			if err == nil {
				t.Errorf("ParseDate(%q) = %v, want error", tt.in, got)
			} else if !errors.Is(err, errDate) {
				t.Errorf("ParseDate(%q) error %v does not wrap errDate", tt.in, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestDateLess(t *testing.T) {
	tests := []struct {
		a, b Date
		want bool
	}{
		{Date{2019, 0, 0}, Date{2020, 0, 0}, true},
		{Date{2019, 4, 0}, Date{2019, 5, 0}, true},
		{Date{2019, 0, 0}, Date{2019, 5, 0}, false}, // same year, month unknown: not certainly before
		{Date{2019, 5, 0}, Date{2019, 5, 3}, false},
		{Date{2019, 5, 2}, Date{2019, 5, 3}, true},
		{Date{2019, 5, 3}, Date{2019, 5, 3}, false},
	}
	for _, tt := range tests {
		if got := tt.a.Less(tt.b); got != tt.want {
			t.Errorf("%v.Less(%v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNormalizeDigits(t *testing.T) {
	tests := map[string]string{
		"٠١٢٣٤٥٦٧٨٩":       "0123456789",
		"۰۱۲۳۴۵۶۷۸۹":       "0123456789",
		"+٤٩ ١٥١ ٢٣٤":      "+49 151 234",
		"٣٫٥":              "3.5",
		"no digits at all": "no digits at all",
		"Straße 12":        "Straße 12",
	}
	for in, want := range tests {
		if got := NormalizeDigits(in); got != want {
			t.Errorf("NormalizeDigits(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseValues(t *testing.T) {
	b := newTestBiography(t)
	tests := []struct {
		path, in string
		want     string // Value.Text()
		wantErr  error
	}{
		{"person.date_of_birth", "١٩٩٠-٠٣", "1990-03", nil},
		{"person.date_of_birth", "15.03.1990~", "1990-03-15", nil},
		{"person.date_of_birth", "unknown", "unknown", nil},
		{"person.date_of_birth", "Declined", "declined", nil},
		{"person.gender", "W", "w", nil},
		{"person.gender", "female", "", ErrUnknownCode},
		{"person.interpreter_needed", "ja", "true", nil},
		{"person.interpreter_needed", "non", "false", nil},
		{"person.interpreter_needed", "maybe", "", ErrWrongType},
		{"aspirations.hours_per_week", "۲۰", "20", nil},
		{"aspirations.hours_per_week", "twenty", "", ErrWrongType},
		{"person.municipality", "٠٨٢٢٦٠٨٤", "08226084", nil},
		{"person.no_such_field", "x", "", ErrNoField},
	}
	for _, tt := range tests {
		got, err := b.Parse(tt.path, tt.in)
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Parse(%s, %q) error = %v, want %v", tt.path, tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got.Text() != tt.want {
			t.Errorf("Parse(%s, %q) = %q, %v; want %q", tt.path, tt.in, got.Text(), err, tt.want)
		}
	}
	if v, _ := b.Parse("person.date_of_birth", "1990~"); !v.IsUncertain() {
		t.Error(`Parse("1990~") is not marked uncertain`)
	}
}

// What a person typed is personal data: an error says what is wrong with it, never repeats it,
// since errors end up in terminals, logs and bug reports.
func TestParseErrorsDoNotRepeatTheInput(t *testing.T) {
	b := newTestBiography(t)
	const secret = "Haddad-1990"
	for _, path := range []string{
		"person.gender",              // code
		"person.interpreter_needed",  // yes/no
		"aspirations.hours_per_week", // integer
		"person.date_of_birth",       // date
		"documents.files",            // a list
	} {
		_, err := b.Parse(path, secret)
		if err == nil {
			t.Errorf("Parse(%s, %q) succeeded, want an error", path, secret)
			continue
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("Parse(%s, …) error %q repeats the input", path, err)
		}
	}
	err := b.Set("person.gender", Code(secret), Provenance{})
	if !errors.Is(err, ErrUnknownCode) || strings.Contains(err.Error(), secret) {
		t.Errorf("Set(person.gender, unknown code) = %v, want ErrUnknownCode without the value", err)
	}
	err = b.SetCodes("person.nationalities", []string{secret}, Provenance{})
	if !errors.Is(err, ErrUnknownCode) || strings.Contains(err.Error(), secret) {
		t.Errorf("SetCodes(person.nationalities, unknown code) = %v, want ErrUnknownCode without the value", err)
	}
}

func TestSetRefusesValuesThatCanNeverBeValid(t *testing.T) {
	b := newTestBiography(t)
	id := mustAdd(t, b, "work.jobs")
	tests := []struct {
		name string
		path string
		v    Value
		want error
	}{
		{"code not in list", "person.gender", Code("female"), ErrUnknownCode},
		{"string into a date field", "person.date_of_birth", String("1990"), ErrWrongType},
		{"reference to a missing document", "work.jobs." + id + ".document", Ref("zzzzzzzzzzzzzzzz"), ErrNoEntry},
		{"field of a missing entry", "work.jobs.zzzzzzzzzzzzzzzz.job_title", String("Koch"), ErrNoEntry},
		{"malformed entry ID", "work.jobs.x.job_title", String("Koch"), ErrNoEntry},
		{"scalar set on a text field", "work.jobs." + id + ".tasks", String("Kochen"), ErrWrongType},
		{"unknown section", "religion.confession", String("x"), ErrNoField},
		{"empty value", "person.family_names", Value{}, ErrWrongType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := b.Set(tt.path, tt.v, Provenance{}); !errors.Is(err, tt.want) {
				t.Errorf("Set(%s) = %v, want %v", tt.path, err, tt.want)
			}
		})
	}
	if err := b.Set("person.gender", Code("w"), Provenance{}); err != nil {
		t.Errorf("Set of a valid code: %v", err)
	}
}

func TestParseCodeThatReadsLikeAState(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for input, want := range map[string]State{"DECLINED": StateValue, "declined": StateDeclined, "unknown": StateUnknown} {
		v, err := b.Parse("plan.closure_reason", input)
		if err != nil {
			t.Fatalf("Parse(%q): %v", input, err)
		}
		if v.State() != want {
			t.Errorf("Parse(%q) has state %q, want %q", input, v.State(), want)
		}
		if want == StateValue && v.Str() != "DECLINED" {
			t.Errorf("Parse(%q) = %q, want the code DECLINED", input, v.Str())
		}
	}
}

func TestClearingAnEmptyFieldIsNoChange(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	heads := b.Heads()
	if err := b.Clear("person.phone"); err != nil {
		t.Fatalf("Clear of an empty field: %v", err)
	}
	if got := b.Heads(); len(got) != len(heads) || got[0] != heads[0] {
		t.Errorf("clearing an empty field made a change: heads %v → %v", heads, got)
	}
}
