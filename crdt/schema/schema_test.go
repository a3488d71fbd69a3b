package schema

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

func TestDefaultCatalogueIsConsistent(t *testing.T) {
	if _, err := build(Version, sections(), codeLists()); err != nil {
		t.Fatal(err)
	}
	c := Default()
	if c.Version != Version {
		t.Errorf("Default().Version = %d, want %d", c.Version, Version)
	}
	for _, letter := range []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"} {
		found := false
		for _, s := range c.Sections {
			found = found || s.Letter == letter
		}
		if !found {
			t.Errorf("no section with letter %s (DOMAIN.md §2.3)", letter)
		}
	}
}

func TestBuildReportsEveryProblem(t *testing.T) {
	l := T("x", "x", "x", "x", "x")
	secs := []Section{{Key: "s", Label: l, Fields: []Field{
		{Key: "a", Type: TypeCode, CodeList: "nope", Label: l},
		{Key: "a", Type: TypeString, Label: T("x", "", "x", "x", "x")},
		{Key: "Bad", Type: TypeString, Label: l},
		{Key: "r", Type: TypeRef, Ref: "s.missing", Label: l},
		{Key: "e", Type: TypeDate, NotBefore: "zz", Label: l},
	}}}
	lists := []*CodeList{{Key: "c", Label: l, Codes: []Code{{"x", l}, {"x", l}}}}
	_, err := build(1, secs, lists)
	if err == nil {
		t.Fatal("build of a broken catalogue succeeded")
	}
	for _, want := range []string{
		`unknown code list "nope"`,
		"s.a: defined twice",
		"label missing in [en]",
		"s.Bad: key must be lower snake case",
		`reference "s.missing" is not a list`,
		`NotBefore "zz" is not a sibling date field`,
		`code "x" twice`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("build error does not mention %q:\n%v", want, err)
		}
	}
}

func TestPatternsCompileAndHaveHelp(t *testing.T) {
	var check func(prefix string, fields []Field)
	check = func(prefix string, fields []Field) {
		for _, f := range fields {
			if f.Pattern != "" {
				if _, err := regexp.Compile("^(?:" + f.Pattern + ")$"); err != nil {
					t.Errorf("%s.%s: pattern: %v", prefix, f.Key, err)
				}
				if m := f.PatternHelp.missing(); len(m) > 0 {
					t.Errorf("%s.%s: pattern help missing in %v", prefix, f.Key, m)
				}
			}
			check(prefix+"."+f.Key, f.Item)
		}
	}
	for _, s := range Default().Sections {
		check(s.Key, s.Fields)
	}
}

// TestNoForbiddenCategories guards DOMAIN.md §2.5: religion, ethnicity, flight history and
// political opinion are not collected at all.
func TestNoForbiddenCategories(t *testing.T) {
	forbidden := []string{"religio", "ethni", "flight", "flucht", "asylum_reason", "political", "sexual", "criminal", "konfession"}
	var check func(prefix string, fields []Field)
	check = func(prefix string, fields []Field) {
		for _, f := range fields {
			for _, w := range forbidden {
				if strings.Contains(f.Key, w) || strings.Contains(strings.ToLower(f.Label.En), w) {
					t.Errorf("%s.%s looks like a forbidden category (%s)", prefix, f.Key, w)
				}
			}
			check(prefix+"."+f.Key, f.Item)
		}
	}
	special := 0
	for _, s := range Default().Sections {
		check(s.Key, s.Fields)
		if s.SpecialCategory {
			special++
		}
	}
	if special != 1 {
		t.Errorf("%d special-category sections, want exactly the support-needs section", special)
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		list, code, lang, want string
	}{
		{ListCountry, "SY", "de", "Syrien"},
		{ListCountry, "AF", "fr", "Afghanistan"},
		{ListCountry, "STATELESS", "de", "staatenlos"},
		{ListLanguage, "prs", "de", "Dari"},
		{ListLanguage, "kmr", "en", "Northern Kurdish (Kurmanji)"},
		{ListLanguage, "tir", "de", "Tigrinya"},
		{ListCEFR, "B1", "en", "B1 – intermediate"},
		{ListCountry, "XX", "de", ""},
		{"no_such_list", "SY", "de", ""},
	}
	for _, tt := range tests {
		if got := Label(tt.list, tt.code, tt.lang); got != tt.want {
			t.Errorf("Label(%q, %q, %q) = %q, want %q", tt.list, tt.code, tt.lang, got, tt.want)
		}
	}
}

func TestTextInFallsBackToGerman(t *testing.T) {
	x := T("Haus", "house", "بيت", "خانه", "maison")
	for lang, want := range map[string]string{"de": "Haus", "ar": "بيت", "fa-AF": "خانه", "fr": "maison", "tr": "Haus", "": "Haus"} {
		if got := x.In(lang); got != want {
			t.Errorf("In(%q) = %q, want %q", lang, got, want)
		}
	}
}

func TestCatalogueJSON(t *testing.T) {
	data, err := json.Marshal(Default())
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version  int      `json:"version"`
		RTL      []string `json:"rtl"`
		Sections []struct {
			Key    string            `json:"key"`
			Label  map[string]string `json:"label"`
			Fields []json.RawMessage `json:"fields"`
		} `json:"sections"`
		CodeLists []struct {
			Key   string `json:"key"`
			Codes []struct {
				Code  string            `json:"code"`
				Label map[string]string `json:"label"`
			} `json:"codes"`
		} `json:"code_lists"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != Version || strings.Join(got.RTL, ",") != "ar,fa" {
		t.Errorf("version %d, rtl %v; want %d, [ar fa]", got.Version, got.RTL, Version)
	}
	if len(got.Sections) != len(Default().Sections) || len(got.CodeLists) != len(Default().CodeLists) {
		t.Fatalf("%d sections and %d code lists in JSON, want %d and %d",
			len(got.Sections), len(got.CodeLists), len(Default().Sections), len(Default().CodeLists))
	}
	for _, s := range got.Sections {
		for _, l := range Languages {
			if s.Label[l] == "" {
				t.Errorf("section %s: no %s label in JSON", s.Key, l)
			}
		}
	}
}
