package consent_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/crdt/schema"
)

var update = flag.Bool("update", false, "rewrite testdata/digests.golden from the texts")

var testOperator = consent.Operator{
	Controller: "Landratsamt Musterkreis, Amt für Migration, Hauptstraße 1, 12345 Musterstadt",
	DPO:        "datenschutz@musterkreis.example",
}

// TestEveryTextExistsInEveryLanguage: the person must be able to read every text in any of the
// ten languages, and every language must say whether a human translator checked it.
func TestEveryTextExistsInEveryLanguage(t *testing.T) {
	metas := consent.Texts()
	if len(metas) == 0 {
		t.Fatal("no consent texts embedded")
	}
	placeholders := regexp.MustCompile(`\{\{[a-z]+\}\}`)
	for _, m := range metas {
		t.Run(fmt.Sprintf("%s v%d", m.ID, m.Version), func(t *testing.T) {
			de, err := consent.GetText(m.ID, m.Version, "de")
			if err != nil {
				t.Fatal(err)
			}
			wantPH := placeholders.FindAllString(de.Body, -1)
			if !slices.Contains(wantPH, "{{controller}}") || !slices.Contains(wantPH, "{{dpo}}") {
				t.Errorf("the German text names placeholders %v, want {{controller}} and {{dpo}}: every text says who is responsible", wantPH)
			}
			for _, lang := range consent.Languages() {
				r, ok := m.Languages[lang]
				if !ok {
					t.Errorf("no %s text", lang)
					continue
				}
				switch {
				case lang == "de" && r.Review != consent.ReviewReference:
					t.Errorf("German is %q, want reference (the legally binding version)", r.Review)
				case lang != "de" && r.Review != consent.ReviewDraft && r.Review != consent.ReviewReviewed:
					t.Errorf("%s is %q, want draft or reviewed", lang, r.Review)
				case r.Review == consent.ReviewReviewed && (r.Reviewer == "" || r.ReviewedOn == ""):
					t.Errorf("%s is reviewed without reviewer and date", lang)
				}
				tx, err := consent.GetText(m.ID, m.Version, lang)
				if err != nil || tx.Fallback || tx.Lang != lang {
					t.Errorf("GetText(%s) = lang %s fallback %v, %v; want the %s text", lang, tx.Lang, tx.Fallback, err, lang)
					continue
				}
				if tx.Title == "" || strings.Contains(tx.Title, "\n") {
					t.Errorf("%s: title %q", lang, tx.Title)
				}
				if got := placeholders.FindAllString(tx.Body, -1); !slices.Equal(got, wantPH) {
					t.Errorf("%s has placeholders %v, want those of German %v", lang, got, wantPH)
				}
				if tx.NeedsReview() != (r.Review == consent.ReviewDraft) || m.NeedsReview(lang) != tx.NeedsReview() {
					t.Errorf("%s: NeedsReview %v, Meta.NeedsReview %v for review state %q", lang, tx.NeedsReview(), m.NeedsReview(lang), r.Review)
				}
			}
		})
	}
}

// TestEveryPurposeWithATextHasOne: the six texts cover the purposes that lead to an
// action in mobio.
func TestEveryPurposeWithATextHasOne(t *testing.T) {
	want := map[string]string{
		"PROFILE_STORAGE":       "use",
		"COUNSELLING_ACCESS_VU": "counselling",
		"COUNSELLING_ACCESS_AU": "counselling",
		"TRANSFER_VU_TO_AU":     "transfer",
		"SHARE_RECIPIENT":       "share",
		"HEALTH_SECTION":        "support-needs",
		"RESEARCH_ANON":         "research",
	}
	for purpose, id := range want {
		m, err := consent.TextFor(purpose)
		if err != nil || m.ID != id {
			t.Errorf("TextFor(%s) = %q, %v; want %q", purpose, m.ID, err, id)
		}
	}
	if _, err := consent.TextFor("CONTACT_BY_MESSENGER"); !errors.Is(err, consent.ErrUnknownText) {
		t.Errorf("TextFor(CONTACT_BY_MESSENGER) = %v, want ErrUnknownText (no text written yet)", err)
	}
	health, _ := consent.TextFor("HEALTH_SECTION")
	for _, m := range consent.Texts() {
		if m.ID != health.ID && slices.Contains(m.Sections, consent.SectionSupportNeeds) {
			t.Errorf("text %s covers the support-needs section, which only the health text may", m.ID)
		}
	}
}

// TestDigestsArePinned fails when a legal text changes without a new version: consents
// recorded on the old words must keep naming them. Add a v<N+1> directory instead, then run
// go test ./casework/consent -update to pin its digests.
func TestDigestsArePinned(t *testing.T) {
	var lines []string
	for _, m := range consent.Texts() {
		for _, lang := range consent.Languages() {
			tx, err := consent.GetText(m.ID, m.Version, lang)
			if err != nil {
				t.Fatal(err)
			}
			if tx.Fallback {
				continue
			}
			lines = append(lines, fmt.Sprintf("%s v%d %s %s", m.ID, m.Version, lang, tx.Digest))
		}
	}
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("testdata", "digests.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantBytes, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSpace(string(wantBytes)), "\n")
	have := strings.Split(strings.TrimSpace(got), "\n")
	for _, w := range want {
		if !slices.Contains(have, w) {
			key := strings.Join(strings.Fields(w)[:3], " ")
			t.Errorf("%s: the text changed or disappeared (pinned %s). Texts are never edited: add a new version", key, strings.Fields(w)[3])
		}
	}
	for _, h := range have {
		if !slices.Contains(want, h) {
			t.Errorf("%s is not pinned in %s: run go test ./casework/consent -update once the new version is final", h, golden)
		}
	}
}

func TestGetTextFallsBackToGerman(t *testing.T) {
	tests := []struct {
		name, lang string
		wantLang   string
		fallback   bool
	}{
		{"a consent language", "ti", "ti", false},
		{"letter case and space do not matter", " FA ", "fa", false},
		{"not a consent language", "ru", "de", true},
		{"no language", "", "de", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tx, err := consent.GetText("use", 0, tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			if tx.Lang != tt.wantLang || tx.Fallback != tt.fallback {
				t.Errorf("GetText(use, %q) = %s fallback %v, want %s fallback %v", tt.lang, tx.Lang, tx.Fallback, tt.wantLang, tt.fallback)
			}
			if tx.Fallback && tx.NeedsReview() {
				t.Error("the German fallback is the reference, yet NeedsReview")
			}
		})
	}
	for _, tt := range []struct {
		id      string
		version int
	}{{"nonexistent", 0}, {"use", 99}} {
		if _, err := consent.GetText(tt.id, tt.version, "de"); !errors.Is(err, consent.ErrUnknownText) {
			t.Errorf("GetText(%s, %d) = %v, want ErrUnknownText", tt.id, tt.version, err)
		}
	}
}

func TestDirectionAndScript(t *testing.T) {
	tests := []struct{ lang, dir, script string }{
		{"de", "ltr", "Latn"}, {"en", "ltr", "Latn"}, {"fr", "ltr", "Latn"}, {"tr", "ltr", "Latn"},
		{"kmr", "ltr", "Latn"}, {"ar", "rtl", "Arab"}, {"fa", "rtl", "Arab"}, {"ps", "rtl", "Arab"},
		{"ti", "ltr", "Ethi"}, {"uk", "ltr", "Cyrl"},
	}
	if len(tests) != len(consent.Languages()) {
		t.Fatalf("table has %d languages, want all %d", len(tests), len(consent.Languages()))
	}
	for _, tt := range tests {
		if got := consent.Direction(tt.lang); got != tt.dir {
			t.Errorf("Direction(%s) = %s, want %s", tt.lang, got, tt.dir)
		}
		if got := consent.Script(tt.lang); got != tt.script {
			t.Errorf("Script(%s) = %s, want %s", tt.lang, got, tt.script)
		}
		if schema.RightToLeft(tt.lang) && tt.dir != "rtl" {
			t.Errorf("the schema writes %s right to left, the consent texts do not", tt.lang)
		}
	}
}

func TestRenderNamesTheController(t *testing.T) {
	tx, err := consent.GetText("share", 1, "ar")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		op      consent.Operator
		wantErr bool
	}{
		{"both configured", testOperator, false},
		{"no controller", consent.Operator{DPO: "x@example.org"}, true},
		{"no data protection officer", consent.Operator{Controller: "Landratsamt"}, true},
		{"only spaces", consent.Operator{Controller: "  ", DPO: "\t"}, true},
		{"a placeholder inside a value", consent.Operator{Controller: "{{dpo}}", DPO: "x"}, true},
		{"far too long", consent.Operator{Controller: strings.Repeat("x", 301), DPO: "x"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tx.Render(tt.op)
			if tt.wantErr {
				if !errors.Is(err, consent.ErrNoOperator) {
					t.Errorf("Render = %v, want ErrNoOperator", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(got, "{{") || !strings.Contains(got, tt.op.Controller) || !strings.Contains(got, tt.op.DPO) {
				t.Errorf("Render left a placeholder or lost the operator:\n%s", got)
			}
			if consent.Digest(got) == tx.Digest {
				t.Error("the rendered text has the template's digest")
			}
		})
	}
	multi := consent.Operator{Controller: "Landratsamt\n  Hauptstraße 1", DPO: "x@example.org"}
	if got, _ := tx.Render(multi); !strings.Contains(got, "Landratsamt Hauptstraße 1") {
		t.Error("Render keeps line breaks of a configured value, which would break the text's paragraphs")
	}
}

func TestDigestIsSHA256OfTheBytes(t *testing.T) {
	// sha256("") and sha256("abc"), FIPS 180-2.
	for in, want := range map[string]string{
		"":    "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"abc": "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	} {
		if got := consent.Digest(in); got != want {
			t.Errorf("Digest(%q) = %s, want %s", in, got, want)
		}
	}
}
