package schema

import (
	"os"
	"strings"
	"testing"
)

// The data protection impact assessment lists the categories of data; a section added to the
// questionnaire without a line there would make the county's assessment silently incomplete.
func TestDPIANamesEverySection(t *testing.T) {
	b, err := os.ReadFile("../../docs/dsfa.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, s := range Default().Sections {
		if !strings.Contains(doc, "`"+s.Key+"`") {
			t.Errorf("docs/dsfa.md does not describe the section %q (%s)", s.Key, s.Label.De)
		}
	}
}
