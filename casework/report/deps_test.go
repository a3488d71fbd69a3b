package report_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The report is computed in the browser too, over the JavaScript document, so it reads
// documents only through casework's view and carries no spreadsheet library (package
// report/xlsx does, natively).
func TestReportImportsNoDocumentLibraryOrEngine(t *testing.T) {
	for _, goos := range []string{"", "js"} {
		if goos == "js" {
			t.Setenv("GOOS", "js")
			t.Setenv("GOARCH", "wasm")
			t.Setenv("CGO_ENABLED", "0")
		}
		deptest.Forbid(t, "github.com/mobio-sync/mobio/casework/report", map[string]string{
			"github.com/mobio-sync/mobio/crdt":       "casework reads documents through casework.Reader",
			"github.com/automerge/automerge-go":      "casework reads documents through casework.Reader",
			"github.com/mobio-sync/mobio/client/...": "a report needs no sync engine",
			"github.com/xuri/excelize/v2":            "the browser build stays small; the workbook is written by report/xlsx",
			"database/sql":                           "a report reads documents, not a database",
		})
	}
}
