//go:build !js

package caseworkjs

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/disclosure"
	"github.com/mobio-sync/mobio/casework/render"
)

// The printed package says in German who it is for and until when, shows each translation
// with the original in its script beside it, and nothing the employer must not get.
func TestPackagePrintsInGermanWithOriginals(t *testing.T) {
	b, f := buildFixture(t)
	prof, err := disclosure.ProfileFor("EMPLOYER")
	if err != nil {
		t.Fatal(err)
	}
	p, err := disclosure.Preview(crdtdoc.Wrap(b), prof, disclosure.Choices{Name: "Bäckerei Schmidt"})
	if err != nil {
		t.Fatal(err)
	}
	p.ID, p.Document, p.Consent = disclosure.NewPackageID().String(), agreementDoc, f.Consent.ID
	p.Created, p.Expires = fixtureTime, fixtureTime.Add(30*24*time.Hour)
	var out bytes.Buffer
	if err := render.HTML(&out, packageDocument(p, "ABCD EFGH")); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	for _, want := range []string{
		"Angaben zur Weitergabe an Arbeitgeber – Bäckerei Schmidt",
		"ABCD EFGH", "20.12.2026, 09:30 (UTC)",
		"Brot und Süßwaren backen", "خبز الخبز والحلويات", // the translation and its original
		`lang="de"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the printed package lacks %q", want)
		}
	}
	for _, never := range f.Never {
		if strings.Contains(page, never) {
			t.Errorf("the printed package for an employer contains %q", never)
		}
	}
}
