package main

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/e2ee"
)

// healthWrites are the ways of putting health data into a biography from the command line.
// Each returns the arguments of the command; dir is where the fake editor's answer goes.
var healthWrites = []struct {
	name string
	args func(t *testing.T, doc, dir string) []string
}{
	{"set a yes/no field", func(_ *testing.T, doc, _ string) []string {
		return []string{"bio", "set", doc, "support_needs.health_limitation", "yes"}
	}},
	{"set a number", func(_ *testing.T, doc, _ string) []string {
		return []string{"bio", "set", doc, "support_needs.disability_degree", "50"}
	}},
	{"set free text", func(_ *testing.T, doc, _ string) []string {
		return []string{"bio", "set", doc, "support_needs.accessibility_needs", "Rollstuhl", "--input-lang", "de"}
	}},
	{"record declined", func(_ *testing.T, doc, _ string) []string {
		return []string{"bio", "set", doc, "support_needs.severe_disability", "--declined"}
	}},
	{"bio edit of the section", func(t *testing.T, doc, dir string) []string {
		writeFile(t, filepath.Join(dir, "answer"), "person:\n  given_names: Amina\nsupport_needs:\n  other_support_needs: Rückenschmerzen\n")
		return []string{"bio", "edit", doc}
	}},
}

func TestHealthSectionNeedsItsConsent(t *testing.T) {
	t.Parallel()
	env, doc := bioHome(t)
	dir := t.TempDir()
	env = withOperator(with(env, "EDITOR", fakeEditor(t, dir)))

	refused := func(t *testing.T, stage string) {
		t.Helper()
		for _, w := range healthWrites {
			args := w.args(t, doc, dir)
			_, _, err := mobio(t, env, args...)
			if !errors.Is(err, errNoHealthConsent) {
				t.Errorf("%s: %s: %v, want errNoHealthConsent", stage, w.name, err)
				continue
			}
			want := "mobio consent give " + doc[:8] + " --purpose HEALTH_SECTION --scope support_needs --lang en"
			if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "support_needs.") {
				t.Errorf("%s: %s: error %q, want the field and how to give the consent: %q", stage, w.name, err, want)
			}
		}
		if v := exported(t, env, doc)["support_needs"]; v != nil && asJSON(v) != "{}" {
			t.Errorf("%s: support_needs = %s after refused writes, want empty", stage, asJSON(v))
		}
		if v := lookup(exported(t, env, doc), "person", "given_names"); v != nil {
			t.Errorf("%s: the refused bio edit kept person.given_names = %v, want nothing of it", stage, v)
		}
	}

	t.Run("refused without consent", func(t *testing.T) { refused(t, "no consent") })

	// Other sections do not need it; clearing is TestHealthGuardLetsDataBeRemoved (without the
	// consent, the command line cannot have put anything there to clear).
	mustMobio(t, env, "bio", "set", doc, "person.given_names", "Amina")
	mustMobio(t, env, "bio", "set", doc, "person.given_names", "")

	health := giveConsent(t, env, doc, "--purpose", "HEALTH_SECTION", "--scope", "support_needs", "--lang", "ar")
	t.Run("allowed with consent", func(t *testing.T) {
		for _, w := range healthWrites {
			if _, errOut, err := mobio(t, env, w.args(t, doc, dir)...); err != nil {
				t.Errorf("with consent: %s: %v\n%s", w.name, err, errOut)
			}
		}
		sn := exported(t, env, doc)["support_needs"]
		for _, f := range []string{"health_limitation", "disability_degree", "accessibility_needs", "severe_disability", "other_support_needs"} {
			if lookup(sn, f) == nil {
				t.Errorf("with consent: support_needs.%s not written: %s", f, asJSON(sn))
			}
		}
	})

	mustMobio(t, env, "consent", "withdraw", doc, health.ID)
	mustMobio(t, env, "bio", "set", doc, "person.given_names", "")
	t.Run("refused after withdrawal", func(t *testing.T) { refused(t, "withdrawn") })
}

func TestHealthMessageInEveryLanguage(t *testing.T) {
	t.Parallel()
	env, doc := bioHome(t)
	for _, lang := range []string{"de", "en", "ar", "fa", "fr"} {
		_, _, err := mobio(t, env, "bio", "set", doc, "support_needs.health_limitation", "yes", "--lang", lang)
		if !errors.Is(err, errNoHealthConsent) || !strings.Contains(err.Error(), "--lang "+lang) ||
			err.Error() != msg(lang, msgHealthConsentNeeded, "support_needs.health_limitation", doc[:8], lang) {
			t.Errorf("--lang %s: %v, want the message in %s", lang, err, lang)
		}
	}
}

// Data already in the section without a consent in force (written before the check existed,
// or arriving from another device) can always be cleared, but not changed.
func TestHealthGuardLetsDataBeRemoved(t *testing.T) {
	t.Parallel()
	x := &session{settings: &settings{Lang: "en"}}
	var id e2ee.DocID
	tests := []struct {
		name    string
		edit    func(b *crdt.Biography) error
		refused bool
	}{
		{"clear a field", func(b *crdt.Biography) error { return b.Clear("support_needs.health_limitation") }, false},
		{"clear a text", func(b *crdt.Biography) error { return b.Clear("support_needs.other_support_needs") }, false},
		{"erase the section", func(b *crdt.Biography) error {
			return consent.EraseSection(crdtdoc.Wrap(b), consent.SectionSupportNeeds)
		}, false},
		{"the same value again", func(b *crdt.Biography) error {
			return b.Set("support_needs.health_limitation", crdt.Bool(true), crdt.Provenance{Source: crdt.SourceCounsellor})
		}, false},
		{"another section", func(b *crdt.Biography) error {
			return b.SetText("person.given_names", "Amina", "de")
		}, false},
		{"change a value", func(b *crdt.Biography) error {
			return b.Set("support_needs.health_limitation", crdt.Bool(false), crdt.Provenance{})
		}, true},
		{"change a text", func(b *crdt.Biography) error {
			return b.SetText("support_needs.other_support_needs", "Knie", "de")
		}, true},
		{"add a translation", func(b *crdt.Biography) error {
			return b.SetTranslation("support_needs.other_support_needs", "en", crdt.Translation{Text: "back pain", Source: "human"})
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := crdt.New()
			if err != nil {
				t.Fatal(err)
			}
			if err := b.Set("support_needs.health_limitation", crdt.Bool(true), crdt.Provenance{}); err != nil {
				t.Fatal(err)
			}
			if err := b.SetText("support_needs.other_support_needs", "Rückenschmerzen", "de"); err != nil {
				t.Fatal(err)
			}
			err = x.guardHealth(id, b, tt.edit)
			if got := errors.Is(err, errNoHealthConsent); got != tt.refused {
				t.Errorf("guardHealth: %v, want refused = %v", err, tt.refused)
			}
		})
	}
}
