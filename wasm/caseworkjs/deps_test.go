//go:build !js

package caseworkjs_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The case-work module runs the rules over documents kept in JavaScript: it links no sync
// engine (the other module's), no relay, no document library and no database; it prints HTML,
// so neither the PDF writer nor the spreadsheet writer, which the CLI uses.
func TestCaseworkModuleImportsNoEngineDocumentLibraryOrPrinters(t *testing.T) {
	t.Setenv("GOOS", "js")
	t.Setenv("GOARCH", "wasm")
	t.Setenv("CGO_ENABLED", "0")
	const documents = "documents are read in JavaScript (js/doc.js) through casework.Document"
	forbidden := map[string]string{
		"github.com/mobio-sync/mobio/client/...":           "the sync engine is the other module's (mobio.wasm)",
		"github.com/mobio-sync/mobio/syncserver/...":       "a client never links the relay",
		"github.com/mobio-sync/mobio/crdt":                 documents,
		"github.com/mobio-sync/mobio/crdt/notes":           documents,
		"github.com/automerge/automerge-go":                documents,
		"database/sql":                                     "the browser has no SQL database",
		"modernc.org/sqlite":                               "the browser has no SQL database",
		"github.com/xuri/excelize/v2":                      "the browser writes CSV and HTML reports; the spreadsheet is the CLI's",
		"github.com/mobio-sync/mobio/casework/report/xlsx": "the browser writes CSV and HTML reports; the spreadsheet is the CLI's",
	}
	for _, pkg := range []string{
		"github.com/mobio-sync/mobio/wasm/cmd/mobio-casework",
		"github.com/mobio-sync/mobio/wasm/caseworkjs",
	} {
		deptest.Forbid(t, pkg, forbidden)
	}
}

// The module prints HTML only; the PDF writer and its fonts are the CLI's.
func TestCaseworkModuleImportsNoPDFWriter(t *testing.T) {
	// casework/render keeps its PDF writer (gopdf, DejaVu fonts) in the package of its HTML
	// writer. The linker drops the fonts (nothing here calls render.PDF), but gopdf's package
	// initialisation comes along. Remove the skip once the PDF writer has a package of its own.
	t.Skip("casework/render imports gopdf beside its HTML writer")
	t.Setenv("GOOS", "js")
	t.Setenv("GOARCH", "wasm")
	t.Setenv("CGO_ENABLED", "0")
	deptest.Forbid(t, "github.com/mobio-sync/mobio/wasm/cmd/mobio-casework", map[string]string{
		"github.com/signintech/gopdf":    "the browser prints HTML (the print dialogue makes a PDF)",
		"github.com/go-fonts/dejavu/...": "the browser prints HTML (the print dialogue makes a PDF)",
	})
}
