// Package sqlitedbtest helps the tests of mobio's SQLite stores pin their schema: a database
// dumped as SQL text (a fixture that is a readable diff, with no database file committed),
// loaded back, and set to a schema version.
package sqlitedbtest

import (
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"testing"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Dump writes the database at path as SQL text: user_version, the schema in creation order,
// then every row of every table (SQLite's own, such as sqlite_sequence, apart), blobs in hex,
// ordered by rowid. [Load] reads it back.
func Dump(t testing.TB, path string) string {
	t.Helper()
	db := open(t, path)
	defer db.Close()
	var b strings.Builder
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "PRAGMA user_version = %d;\n", version)
	rows, err := db.Query("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var typ, name, stmt string
		if err := rows.Scan(&typ, &name, &stmt); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s;\n", stmt)
		if typ == "table" {
			tables = append(tables, name)
		}
	}
	rows.Close()
	for _, table := range tables {
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY rowid")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			lits := make([]string, len(vals))
			for i, v := range vals {
				lits[i] = literal(v)
			}
			fmt.Fprintf(&b, "INSERT INTO %s VALUES(%s);\n", table, strings.Join(lits, ","))
		}
		rows.Close()
	}
	return b.String()
}

// literal writes a value scanned from a row as an SQL literal.
func literal(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return "X'" + hex.EncodeToString(v) + "'"
	case string:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		if v {
			return "1"
		}
		return "0"
	}
	return fmt.Sprintf("'%v'", v)
}

// Load creates the database at path from a dump written by [Dump].
func Load(t testing.TB, path, dump string) {
	t.Helper()
	db := open(t, path)
	defer db.Close()
	if _, err := db.Exec(dump); err != nil {
		t.Fatalf("load fixture dump: %v", err)
	}
}

// SetVersion sets the schema version (user_version) of the closed database at path, as a
// program of that version would have left it.
func SetVersion(t testing.TB, path string, version int) {
	t.Helper()
	db := open(t, path)
	defer db.Close()
	if _, err := db.Exec("PRAGMA user_version = " + strconv.Itoa(version)); err != nil {
		t.Fatal(err)
	}
}

func open(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}
