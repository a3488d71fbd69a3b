package sqlite

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// docs/relay-betreiber.md tells a relay's operator, column by column, what the relay stores and
// whether they can read it. A column added to the schema without a line there would make that
// list silently wrong, so every column of every migration must be named in it.
func TestOperatorVisibilityListNamesEveryColumn(t *testing.T) {
	doc, err := os.ReadFile("../../docs/relay-betreiber.md")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("schema/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no migrations found: %v", err)
	}
	table := regexp.MustCompile(`(?is)CREATE TABLE (\w+) \((.*?)\n\)`)
	column := regexp.MustCompile(`(?m)^\s+(\w+)\s+(INTEGER|BLOB|TEXT|REAL)\b`)
	n := 0
	for _, f := range files {
		sql, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range table.FindAllStringSubmatch(string(sql), -1) {
			for _, c := range column.FindAllStringSubmatch(m[2], -1) {
				n++
				name := m[1] + "." + c[1]
				if !strings.Contains(string(doc), "`"+name+"`") {
					t.Errorf("docs/relay-betreiber.md does not describe the column %s (%s)", name, filepath.Base(f))
				}
			}
		}
	}
	if n < 20 {
		t.Errorf("found only %d columns in the migrations; the pattern no longer matches the schema files", n)
	}
}
