package render

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// pdfInfo checks the structure of a PDF and returns its page count.
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.")) {
		t.Fatalf("PDF starts with %q", pdf[:min(len(pdf), 8)])
	}
	if !bytes.Contains(pdf[max(0, len(pdf)-32):], []byte("%%EOF")) {
		t.Fatalf("PDF does not end with %%%%EOF")
	}
	pages := len(regexp.MustCompile(`/Type /Page[^s]`).FindAll(pdf, -1))
	m := regexp.MustCompile(`/Type /Pages\s+/MediaBox \[[^\]]*\]\s+/Count (\d+)`).FindSubmatch(pdf)
	if m == nil {
		t.Fatalf("PDF has no page tree with a count")
	}
	if n, _ := strconv.Atoi(string(m[1])); n != pages {
		t.Fatalf("page tree counts %d pages, the PDF has %d", n, pages)
	}
	return pages
}

// pdfText extracts the text of pdf with pdftotext, skipping the test where it is not
// installed. Presentation forms are folded back to letters (NFKC) and format characters
// dropped, so the text compares with what was rendered.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, norm.NFKC.String(string(out)))
}

func renderPDF(t *testing.T, d Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := PDF(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPDFIsOneA4PageWithTheFontEmbedded(t *testing.T) {
	pdf := renderPDF(t, sample())
	if n := pdfPages(t, pdf); n != 1 {
		t.Errorf("pages = %d, want 1", n)
	}
	for _, want := range []string{"/FontFile2", "/BaseFont /DejaVuSans", "/ToUnicode", "/MediaBox [ 0 0 595.00 842.00 ]"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	if len(pdf) > 200<<10 {
		t.Errorf("PDF is %d bytes: the font is not subset", len(pdf))
	}
}

func TestPDFBreaksLongDocumentsIntoPages(t *testing.T) {
	d := sample()
	for i := range 120 {
		d.Sections[0].Rows = append(d.Sections[0].Rows, Row{Label: fmt.Sprintf("Zeile %d", i), Value: "Wert"})
	}
	d.Sections[1].Items[0].Rows[1].Value = strings.Repeat("Eine lange Beschreibung der Aufgaben. ", 300)
	pdf := renderPDF(t, d)
	n := pdfPages(t, pdf)
	if n < 3 {
		t.Fatalf("pages = %d, want at least 3", n)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"Zeile 119", fmt.Sprintf("Seite %d von %d", n, n), "Seite 1 von"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

func TestPDFTextOfNamesInArabicScript(t *testing.T) {
	text := pdfText(t, renderPDF(t, sample()))
	// pdftotext returns each right-to-left word in logical order; the order of the words of a
	// line depends on its own reading of the line, so words are compared one by one.
	for _, want := range []string{"Müller", "Mohammed Ahmad", "محمد", "أحمد", "علی", "رضایی", "مطعم", "السلام", "تحضير", "الطعام"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

func TestPDFNoticeForScriptsTheFontLacks(t *testing.T) {
	d := sample()
	d.Sections[0].Rows = append(d.Sections[0].Rows, Row{Label: "Name (Tigrinya)", Original: "ሰላም", OriginalLang: "ti"})
	text := pdfText(t, renderPDF(t, d))
	if !strings.Contains(text, "nicht darstellbar") {
		t.Errorf("text lacks the notice for Ethiopic script:\n%s", text)
	}
}
