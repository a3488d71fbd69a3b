package consent

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoadRefusesMalformedTexts: a text that would mislead (no German reference, a translation
// claimed as binding, a review without a reviewer, a placeholder nobody fills) never loads.
func TestLoadRefusesMalformedTexts(t *testing.T) {
	const good = `{"purposes":["RESEARCH_ANON"],"sections":["person"],"languages":{"de":{"review":"reference"},"en":{"review":"draft"}}}`
	const body = "# Titel\n\n{{controller}} {{dpo}}\n"
	tests := []struct {
		name  string
		files map[string]string
		want  string // in the error; "" for success
	}{
		{"well formed", map[string]string{"x/v1/manifest.json": good, "x/v1/de.md": body, "x/v1/en.md": body}, ""},
		{"CRLF line ends load as LF", map[string]string{"x/v1/manifest.json": good, "x/v1/de.md": strings.ReplaceAll(body, "\n", "\r\n"), "x/v1/en.md": body}, ""},
		{"no German", map[string]string{"x/v1/manifest.json": `{"purposes":["RESEARCH_ANON"],"sections":["person"],"languages":{"en":{"review":"draft"}}}`, "x/v1/en.md": body}, "no German reference"},
		{"German as draft", map[string]string{"x/v1/manifest.json": `{"purposes":["RESEARCH_ANON"],"sections":["person"],"languages":{"de":{"review":"draft"}}}`, "x/v1/de.md": body}, "German and only German"},
		{"a translation as reference", map[string]string{"x/v1/manifest.json": `{"purposes":["RESEARCH_ANON"],"sections":["person"],"languages":{"de":{"review":"reference"},"en":{"review":"reference"}}}`, "x/v1/de.md": body, "x/v1/en.md": body}, "German and only German"},
		{"reviewed without reviewer", map[string]string{"x/v1/manifest.json": `{"purposes":["RESEARCH_ANON"],"sections":["person"],"languages":{"de":{"review":"reference"},"en":{"review":"reviewed","reviewed_on":"2025-01-02"}}}`, "x/v1/de.md": body, "x/v1/en.md": body}, "names no reviewer"},
		{"unknown review state", map[string]string{"x/v1/manifest.json": `{"purposes":["RESEARCH_ANON"],"sections":["person"],"languages":{"de":{"review":"reference"},"en":{"review":"ok"}}}`, "x/v1/de.md": body, "x/v1/en.md": body}, "want reference, reviewed or draft"},
		{"not a consent language", map[string]string{"x/v1/manifest.json": `{"purposes":["RESEARCH_ANON"],"sections":["person"],"languages":{"de":{"review":"reference"},"ru":{"review":"draft"}}}`, "x/v1/de.md": body, "x/v1/ru.md": body}, "not a consent language"},
		{"unknown purpose", map[string]string{"x/v1/manifest.json": `{"purposes":["SELLING"],"sections":["person"],"languages":{"de":{"review":"reference"}}}`, "x/v1/de.md": body}, "not in code list consent_purpose"},
		{"unknown section", map[string]string{"x/v1/manifest.json": `{"purposes":["RESEARCH_ANON"],"sections":["religion"],"languages":{"de":{"review":"reference"}}}`, "x/v1/de.md": body}, "not in code list section"},
		{"unknown manifest key", map[string]string{"x/v1/manifest.json": `{"purpose":["RESEARCH_ANON"],"sections":["person"],"languages":{"de":{"review":"reference"}}}`, "x/v1/de.md": body}, "unknown field"},
		{"listed language without file", map[string]string{"x/v1/manifest.json": good, "x/v1/de.md": body}, "en.md"},
		{"file of an unlisted language", map[string]string{"x/v1/manifest.json": good, "x/v1/de.md": body, "x/v1/en.md": body, "x/v1/tr.md": body}, "tr.md is not a language listed"},
		{"no title", map[string]string{"x/v1/manifest.json": good, "x/v1/de.md": "Text\n", "x/v1/en.md": body}, "title"},
		{"unknown placeholder", map[string]string{"x/v1/manifest.json": good, "x/v1/de.md": body + "{{address}}", "x/v1/en.md": body}, "unknown placeholder {{address}}"},
		{"bad version directory", map[string]string{"x/1/manifest.json": good}, "not a version directory"},
		{"two texts for one purpose", map[string]string{
			"x/v1/manifest.json": good, "x/v1/de.md": body, "x/v1/en.md": body,
			"y/v1/manifest.json": good, "y/v1/de.md": body, "y/v1/en.md": body,
		}, "has two texts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, content := range tt.files {
				fsys["texts/"+name] = &fstest.MapFile{Data: []byte(content)}
			}
			c, err := load(fsys, "texts")
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if b := c.bodies[bodyKey{"x", 1, "de"}]; b != body {
					t.Errorf("German body %q, want %q", b, body)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("load = %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func TestEmbeddedTextsLoad(t *testing.T) {
	if _, err := load(textFiles, "texts"); err != nil {
		t.Fatal(err)
	}
	if _, err := GetText("use", 1, "de"); errors.Is(err, ErrUnknownText) {
		t.Fatal("the text of the use of mobio is missing")
	}
}
