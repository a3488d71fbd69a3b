// Package render prints the documents that case work hands to people and agencies — the CV
// (Lebenslauf), a disclosure package — from one small model, [Document], as self-contained
// HTML ([HTML]) and as PDF ([PDF]). The model carries text only: what a value says, in German,
// and beside it the original in its own language and script, so a name written in Arabic
// script or a job description in Dari appears as written and is never mangled by the
// German layout around it.
//
// # HTML
//
// The HTML page needs no network and no scripts: html/template escapes every value, the
// style sheet is inline and prints on A4, the page carries lang and dir, and every original
// text sits in <bdi dir="auto" lang="…">, so that right-to-left text keeps its order inside
// a German line and a screen reader reads it in its language.
//
// # PDF
//
// The PDF is written with github.com/signintech/gopdf, maintained since 2014 with regular
// releases, pure Go, with few dependencies, and buildable for js/wasm (the web app can print
// in the browser). The more common github.com/go-pdf/fpdf was archived in 2025;
// github.com/tdewolff/canvas shapes text with HarfBuzz logic but pulls in GUI and
// raster toolkits; github.com/carlos7ags/folio (a layout engine with HTML and right-to-left
// support) is young and several times larger.
//
// The font is DejaVu Sans, regular and bold, embedded from the Go module
// github.com/go-fonts/dejavu rather than as TTF files in this repository; gopdf embeds only
// the glyphs a document uses (its subsetting misses components of nested composite glyphs,
// which DejaVu uses for hamza and for many Arabic forms, so the font is flattened first:
// font.go). Compiled for js/wasm, this package adds about 1.3 MB gzipped (3.8 MB raw) to a
// module, most of it the two fonts. DejaVu Sans covers Latin, Greek, Cyrillic, Armenian, Georgian,
// Hebrew and Arabic with the presentation forms that Persian, Pashto and Urdu need (پ چ ژ گ ک
// ی ې). It has no Ethiopic (Tigrinya, Amharic): such text prints as a notice that the PDF
// cannot show the script, and stays readable in the HTML.
//
// gopdf, like the other simple PDF libraries, draws one glyph per character through the
// font's cmap and does no shaping. A full shaper (github.com/go-text/typesetting) yields glyph
// IDs that gopdf has no way to draw, so the renderer shapes Arabic script itself: every letter
// becomes its contextual presentation form (isolated, initial, medial, final) and lam-alef
// its ligature ([shapeArabic]), and each line is put into visual order with the Unicode
// bidirectional algorithm over the classes of golang.org/x/text/unicode/bidi
// ([visualOrder]). This is how most PDF generators without HarfBuzz print Arabic. Its limits:
// no ligatures beyond lam-alef and no mark positioning (harakat sit at the glyph's default
// place), and the Pashto letters ټ ځ څ ښ ګ ڼ, which Unicode gives no presentation forms,
// stand unjoined in their isolated shape. Text extraction from the PDF yields the
// presentation forms; their compatibility decomposition (NFKC) is the original text.
package render

// Document is a document to print: a title, sections of labelled values and repeated
// entries, and a footer.
type Document struct {
	Title    string
	Subtitle string
	// Lang is the BCP 47 tag of the document's language ("de"): the HTML lang attribute and
	// the reading direction of the page.
	Lang     string
	Sections []Section
	// Footer is printed at the bottom of every page of the PDF and at the end of the HTML.
	Footer string
}

// Section is a headed part of a document. Its paragraphs come first, then its rows, then its
// items.
type Section struct {
	Heading    string
	Paragraphs []string
	Rows       []Row
	// Items are repeated entries, such as the jobs of a work history.
	Items []Item
}

// Row is a labelled value. A value given in another language than the document's is the
// Original, with OriginalLang; when a translation exists, it is the Value and the original
// stands beside it. A row with neither Value nor Original is not printed.
type Row struct {
	Label string
	Value string
	// Original is the text in its original language and script, if it differs from Value.
	Original string
	// OriginalLang is the BCP 47 tag of Original's language ("ar", "prs"); "" if unknown.
	OriginalLang string
	// Note qualifies the value, e.g. "maschinell übersetzt".
	Note string
}

// Item is one repeated entry: its time span (When, e.g. "03/2015 – 08/2019"), a title and
// details.
type Item struct {
	When  string
	Title Row // Title.Label is not printed
	Rows  []Row
}

// empty reports whether r has nothing to print.
func (r Row) empty() bool { return r.Value == "" && r.Original == "" }
