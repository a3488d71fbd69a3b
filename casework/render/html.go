package render

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/bidi"
)

//go:embed page.html.tmpl
var pageTemplate string

//go:embed page.css
var pageCSS string

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	// isolate reports whether a value needs bidirectional isolation: it holds right-to-left
	// text that would otherwise reorder the German text around it.
	"isolate": func(s string) bool { return hasRTL(s) },
	"css":     func() template.CSS { return template.CSS(pageCSS) },
}).Parse(pageTemplate))

// HTML writes d as one self-contained HTML page: no scripts, no external resources, an inline
// style sheet for screen and A4 print.
func HTML(w io.Writer, d Document) error {
	dir := "ltr"
	if rtlLang(d.Lang) {
		dir = "rtl"
	}
	if err := page.Execute(w, struct {
		Document
		Dir string
	}{d, dir}); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	return nil
}

// rtlLang reports whether the language tagged tag is written right to left in its usual
// script (ar, fa, prs, ps, ckb, ur, he …).
func rtlLang(tag string) bool {
	if tag == "" {
		return false
	}
	t, err := language.Parse(tag)
	if err != nil {
		return false
	}
	s, _ := t.Script()
	switch s.String() {
	case "Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr":
		return true
	}
	return false
}

// hasRTL reports whether s contains a right-to-left letter.
func hasRTL(s string) bool {
	for _, r := range s {
		switch class(r) {
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}
