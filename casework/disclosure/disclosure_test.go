package disclosure_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/casework/disclosure"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

var update = flag.Bool("update", false, "rewrite the golden files and the test vector in testdata")

// leaf is a field of the schema that holds a value: a section's field or a list entry's.
type leaf struct {
	path    string // schema path, without entry IDs
	field   *schema.Field
	section *schema.Section
}

func leaves() []leaf {
	var out []leaf
	cat := schema.Default()
	for i := range cat.Sections {
		s := &cat.Sections[i]
		for j := range s.Fields {
			f := &s.Fields[j]
			if f.Type != schema.TypeList {
				out = append(out, leaf{s.Key + "." + f.Key, f, s})
				continue
			}
			for k := range f.Item {
				out = append(out, leaf{s.Key + "." + f.Key + "." + f.Item[k].Key, &f.Item[k], s})
			}
		}
	}
	return out
}

// neverLeaves states the rules of the deny list independently of its code: what may never go
// to recipientType, whatever the profile and the choices.
func neverLeaves(recipientType string, l leaf) bool {
	switch {
	case l.section.SpecialCategory, l.section.Key == "support_needs":
		return true
	case l.field.Secret:
		return true
	case l.path == "residence.residence_status":
		// DOMAIN.md §4: status for placement, entitlements and course eligibility only.
		return recipientType != "JOBCENTER" && recipientType != "AGENTUR_FUER_ARBEIT" && recipientType != "LANGUAGE_COURSE_PROVIDER"
	case l.path == "residence.residence_valid_until":
		return recipientType != "JOBCENTER" && recipientType != "AGENTUR_FUER_ARBEIT"
	case l.field.Restricted:
		return true
	case l.path == "person.azr_number", l.path == "person.bamf_file_number", l.path == "living.benefits":
		return true
	case l.section.CaseWork:
		return recipientType != "JOBCENTER" || !strings.HasPrefix(l.path, "plan.goals.")
	}
	return false
}

// schemaPathOf removes the entry ID from a list entry's field path.
func schemaPathOf(path string) string {
	parts := strings.Split(path, ".")
	if len(parts) == 4 {
		return parts[0] + "." + parts[1] + "." + parts[3]
	}
	return path
}

// TestDeniedFieldsNeverLeave fills every field of the schema with a sentinel and, for every
// profile with every optional path added and every document selected, checks that no field
// the deny list covers is in the preview or anywhere in the encoded package.
func TestDeniedFieldsNeverLeave(t *testing.T) {
	d := newDoc(t)
	entries := fillEverything(t, d)
	for _, p := range disclosure.Profiles() {
		t.Run(p.RecipientType, func(t *testing.T) {
			pkg, err := disclosure.Preview(d, p, disclosure.Choices{Include: p.Optional, Documents: entries["documents.files"]})
			if err != nil {
				t.Fatal(err)
			}
			pkg.ID, pkg.Document, pkg.Consent = disclosure.NewPackageID().String(), "doc", "consent"
			pkg.Created, pkg.Expires = time.Now(), time.Now().Add(time.Hour)
			body, err := pkg.Encode()
			if err != nil {
				t.Fatal(err)
			}
			sent := map[string]bool{}
			for _, it := range pkg.Items() {
				if it.DerivedFrom != "" {
					for _, src := range strings.Split(it.DerivedFrom, ",") {
						sent[src] = true
					}
					continue
				}
				sent[schemaPathOf(it.Path)] = true
			}
			for _, l := range leaves() {
				never := neverLeaves(p.RecipientType, l)
				if never != disclosure.Denied(p.RecipientType, l.path) && never {
					t.Errorf("Denied(%s, %s) = false, want true", p.RecipientType, l.path)
				}
				if !never {
					continue
				}
				if sent[l.path] {
					t.Errorf("%s was sent to %s", l.path, p.RecipientType)
				}
				if bytes.Contains(body, []byte(sentinel(l.path))) {
					t.Errorf("the sentinel of %s is in the package for %s", l.path, p.RecipientType)
				}
				// Neither can the person add it.
				if _, err := disclosure.Preview(d, p, disclosure.Choices{Include: []string{l.path}}); err == nil {
					if again, _ := disclosure.Preview(d, p, disclosure.Choices{Include: []string{l.path}}); containsPath(again, l.path) {
						t.Errorf("choosing %s sent it to %s", l.path, p.RecipientType)
					}
				}
			}
			// Plan goals go only to a Jobcenter, and only in SPRACHE, ARBEIT, AUSBILDUNG.
			for _, it := range pkg.Items() {
				if strings.HasPrefix(it.Path, "plan.goals.") && !strings.Contains(it.Path, entries["plan.goals"][0]) {
					t.Errorf("%s (a goal in WOHNEN) was sent to %s", it.Path, p.RecipientType)
				}
			}
		})
	}
	// Recipient types without a profile: everything the rules forbid is denied to them too.
	for _, c := range schema.Default().CodeList("recipient_type").Codes {
		for _, l := range leaves() {
			if neverLeaves(c.Code, l) && !disclosure.Denied(c.Code, l.path) {
				t.Errorf("Denied(%s, %s) = false, want true", c.Code, l.path)
			}
		}
	}
}

func containsPath(p disclosure.Package, sp string) bool {
	for _, it := range p.Items() {
		if schemaPathOf(it.Path) == sp {
			return true
		}
	}
	return false
}

func TestProfilesCoverTheAgencyRecipientTypes(t *testing.T) {
	want := []string{"JOBCENTER", "AGENTUR_FUER_ARBEIT", "HWK", "IHK", "EMPLOYER", "LANGUAGE_COURSE_PROVIDER"}
	var got []string
	for _, p := range disclosure.Profiles() {
		got = append(got, p.RecipientType)
		if p.Label() == p.RecipientType {
			t.Errorf("%s has no German label", p.RecipientType)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("profiles for %v, want %v", got, want)
	}
	if _, err := disclosure.ProfileFor("employer"); err != nil {
		t.Errorf("ProfileFor(employer) = %v", err)
	}
	if _, err := disclosure.ProfileFor("RESEARCH"); !errors.Is(err, disclosure.ErrUnknownRecipient) {
		t.Errorf("ProfileFor(RESEARCH) = %v, want ErrUnknownRecipient", err)
	}
}

// idPattern matches entry IDs and package IDs in golden output.
var idPattern = regexp.MustCompile(`\b[0-9a-z]{12,}\b`)

// TestPreviewGolden pins what each recipient type gets by default from a realistic biography
// (testdata/preview-*.golden; -update rewrites them). Entry IDs are replaced by their names.
func TestPreviewGolden(t *testing.T) {
	d, ids := amina(t)
	names := map[string]string{}
	for name, id := range ids {
		names[id] = "<" + name + ">"
	}
	for _, p := range disclosure.Profiles() {
		t.Run(p.RecipientType, func(t *testing.T) {
			pkg, err := disclosure.Preview(d, p, disclosure.Choices{Name: "Empfänger GmbH", Documents: []string{ids["cert"]}})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			must(t, enc.Encode(pkg))
			got := idPattern.ReplaceAllStringFunc(buf.String(), func(s string) string {
				if n, ok := names[s]; ok {
					return n
				}
				return s
			})
			golden(t, filepath.Join("testdata", "preview-"+strings.ToLower(p.RecipientType)+".golden"), got)
		})
	}
}

func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		must(t, os.WriteFile(file, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", file, diffLines(string(want), got))
	}
}

// diffLines shows the first lines that differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n want " + a + "\n got  " + b
		}
	}
	return ""
}

// item returns the item at path in p, or nil.
func item(p disclosure.Package, path string) *disclosure.Item {
	for _, it := range p.Items() {
		if it.Path == path {
			return &it
		}
	}
	return nil
}

func TestPreviewWhatRecipientsSee(t *testing.T) {
	d, ids := amina(t)
	preview := func(rt string, c disclosure.Choices) disclosure.Package {
		t.Helper()
		p, err := disclosure.ProfileFor(rt)
		must(t, err)
		pkg, err := disclosure.Preview(d, p, c)
		must(t, err)
		return pkg
	}

	employer := preview("EMPLOYER", disclosure.Choices{})
	wp := item(employer, disclosure.DerivedWorkPermitted)
	if wp == nil || wp.Value != "ja (Erwerbstätigkeit erlaubt)" || wp.Label != "Arbeitserlaubnis" {
		t.Errorf("employer's work permission = %+v, want Arbeitserlaubnis: ja (Erwerbstätigkeit erlaubt)", wp)
	}
	for _, path := range []string{"person.date_of_birth", "person.nationalities", "residence.work_permission", "family.marital_status"} {
		if item(employer, path) != nil {
			t.Errorf("the employer gets %s by default", path)
		}
	}
	withDOB := preview("EMPLOYER", disclosure.Choices{Include: []string{"person.date_of_birth"}})
	if it := item(withDOB, "person.date_of_birth"); it == nil || it.Value != "17.05.1990" || it.SourceLabel != "durch Dokument belegt" {
		t.Errorf("employer with the date of birth added: %+v, want 17.05.1990, durch Dokument belegt", it)
	}

	// Free text: the German text, marked, with the original beside it.
	tasks := item(employer, "work.jobs."+ids["job"]+".tasks")
	if tasks == nil || tasks.Value != "Kleider nähen und Kleidung ändern" || tasks.Text == nil ||
		tasks.Text.Translation != disclosure.TranslationMachine || tasks.Text.Marker != "maschinell übersetzt" ||
		tasks.Text.Original != "خياطة الفساتين وتعديل الملابس" || tasks.Text.LangLabel != "Arabisch" {
		t.Errorf("tasks = %+v %+v, want the machine translation marked, with the Arabic original", tasks, tasks.Text)
	}
	if tasks.ListLabel != "Tätigkeiten" || tasks.Entry != ids["job"] {
		t.Errorf("tasks belong to %q entry %q, want Tätigkeiten, %s", tasks.ListLabel, tasks.Entry, ids["job"])
	}
	title := item(employer, "training.qualifications."+ids["training"]+".title")
	if title == nil || title.Text.Translation != disclosure.TranslationHuman || title.Text.Marker != "von einem Menschen übersetzt" {
		t.Errorf("qualification title = %+v, want a human translation", title)
	}
	if sk := item(employer, "skills.occupational_skills"); sk == nil || sk.Text.Translation != disclosure.TranslationSame {
		t.Errorf("skills written in German = %+v, want translation same", sk)
	}

	// The language course provider: family only as "Kinderbetreuung benötigt".
	lcp := preview("LANGUAGE_COURSE_PROVIDER", disclosure.Choices{})
	if cc := item(lcp, disclosure.DerivedChildcareNeeded); cc == nil || cc.Value != "ja" {
		t.Errorf("language course provider's childcare item = %+v, want ja (a child seeks a place)", cc)
	}
	for _, it := range lcp.Items() {
		if strings.HasPrefix(it.Path, "family.") && it.Path != disclosure.DerivedChildcareNeeded {
			t.Errorf("the language course provider gets %s", it.Path)
		}
		if strings.HasPrefix(it.Path, "work.") {
			t.Errorf("the language course provider gets the work history: %s", it.Path)
		}
	}

	// Documents go only when selected; a reference to an unselected document is left out.
	jc := preview("JOBCENTER", disclosure.Choices{})
	if len(jc.Documents) != 0 || item(jc, "languages.german_certificates."+ids["dtz"]+".document") != nil {
		t.Errorf("without a selection the Jobcenter gets documents %v or a reference to one", jc.Documents)
	}
	jc = preview("JOBCENTER", disclosure.Choices{Documents: []string{ids["cert"]}})
	ref := item(jc, "languages.german_certificates."+ids["dtz"]+".document")
	if ref == nil || ref.Value != "Sprachzertifikat „DTZ B1“" || item(jc, "documents.files."+ids["cert"]+".title") == nil {
		t.Errorf("with the certificate selected: reference %+v, want it named, and the document's entry sent", ref)
	}
	if item(jc, "documents.files."+ids["passport"]+".title") != nil || item(jc, "documents.files."+ids["cert"]+".blob_id") != nil {
		t.Error("the Jobcenter gets an unselected document, or a document's blob ID")
	}

	// Plan goals: only when added, only to a Jobcenter, only SPRACHE/ARBEIT/AUSBILDUNG.
	if item(jc, "plan.goals."+ids["goal_lang"]+".description") != nil {
		t.Error("the Jobcenter gets plan goals without the person adding them")
	}
	jc = preview("JOBCENTER", disclosure.Choices{Include: []string{"plan.goals"}})
	if item(jc, "plan.goals."+ids["goal_lang"]+".description") == nil || item(jc, "plan.goals."+ids["goal_home"]+".description") != nil {
		t.Error("with plan goals added, the Jobcenter should get the language goal and not the housing goal")
	}
}

func TestChoices(t *testing.T) {
	d, ids := amina(t)
	employer, _ := disclosure.ProfileFor("EMPLOYER")
	tests := []struct {
		name    string
		c       disclosure.Choices
		gone    []string
		kept    []string
		wantErr error
	}{
		{name: "a field", c: disclosure.Choices{Exclude: []string{"person.phone"}}, gone: []string{"person.phone"}, kept: []string{"person.email"}},
		{name: "a field of every entry", c: disclosure.Choices{Exclude: []string{"work.jobs.employer"}},
			gone: []string{"work.jobs." + ids["job"] + ".employer"}, kept: []string{"work.jobs." + ids["job"] + ".job_title"}},
		{name: "one entry", c: disclosure.Choices{Exclude: []string{"work.jobs." + ids["job"]}},
			gone: []string{"work.jobs." + ids["job"] + ".employer", "work.jobs." + ids["job"] + ".tasks"}},
		{name: "a section", c: disclosure.Choices{Exclude: []string{"languages"}}, gone: []string{"languages.german_level"}, kept: []string{"person.email"}},
		{name: "a derived item", c: disclosure.Choices{Exclude: []string{disclosure.DerivedWorkPermitted}}, gone: []string{disclosure.DerivedWorkPermitted}},
		{name: "an optional field", c: disclosure.Choices{Include: []string{"person.nationalities"}}, kept: []string{"person.nationalities"}},
		{name: "a field not offered", c: disclosure.Choices{Include: []string{"family.marital_status"}}, wantErr: disclosure.ErrNotOffered},
		{name: "a denied field", c: disclosure.Choices{Include: []string{"person.azr_number"}}, wantErr: disclosure.ErrNotOffered},
		{name: "an unknown path", c: disclosure.Choices{Exclude: []string{"person.shoe_size"}}, wantErr: disclosure.ErrUnknownPath},
		{name: "an unknown document", c: disclosure.Choices{Documents: []string{"nope"}}, wantErr: disclosure.ErrNoSuchDocument},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkg, err := disclosure.Preview(d, employer, tt.c)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Preview = %v, want %v", err, tt.wantErr)
				}
				return
			}
			must(t, err)
			for _, p := range tt.gone {
				if item(pkg, p) != nil {
					t.Errorf("%s is still in the package", p)
				}
			}
			for _, p := range tt.kept {
				if item(pkg, p) == nil {
					t.Errorf("%s is not in the package", p)
				}
			}
		})
	}
	if _, err := disclosure.Preview(newDoc(t), employer, disclosure.Choices{}); !errors.Is(err, disclosure.ErrEmpty) {
		t.Errorf("Preview of an empty biography = %v, want ErrEmpty", err)
	}
}

func TestGermanValues(t *testing.T) {
	d := newDoc(t)
	must(t, d.Set("person.given_names", "Amina", self))
	must(t, d.Set("person.date_of_birth", "1990-05~", self))
	must(t, d.Set("person.arrival_in_germany", "2016", self))
	must(t, d.Set("person.gender", "declined", self))
	must(t, d.Set("person.interpreter_needed", "ja", self))
	must(t, d.Set("residence.work_permission", "unknown", self))
	must(t, d.SetCodes("person.nationalities", []string{"SY", "IQ"}, self))
	must(t, d.SetText("skills.occupational_skills", "couture", "fr"))
	p, _ := disclosure.ProfileFor("JOBCENTER")
	pkg, err := disclosure.Preview(d, p, disclosure.Choices{})
	must(t, err)
	want := map[string]string{
		"person.date_of_birth":       "05.1990 (Angabe unsicher)",
		"person.arrival_in_germany":  "2016",
		"person.gender":              "keine Angabe",
		"person.interpreter_needed":  "ja",
		"residence.work_permission":  "unbekannt",
		"person.nationalities":       "Irak, Syrien",
		"skills.occupational_skills": "couture",
		"person.given_names":         "Amina",
	}
	for path, v := range want {
		if it := item(pkg, path); it == nil || it.Value != v {
			t.Errorf("%s = %+v, want %q", path, it, v)
		}
	}
	if it := item(pkg, "skills.occupational_skills"); it.Text.Translation != disclosure.TranslationNone || it.Text.Marker != "nicht ins Deutsche übersetzt" || it.Text.LangLabel != "Französisch" {
		t.Errorf("untranslated French text: %+v, want it marked as not translated, original language French", it.Text)
	}
}

// sealed returns a complete package of d for recipientType with a consent, sealed by a new
// identity.
func sealed(t *testing.T, d casework.Document, rt string) (disclosure.Sealed, *keyring.Identity) {
	t.Helper()
	now := time.Now()
	p, _ := disclosure.ProfileFor(rt)
	pkg, err := disclosure.Preview(d, p, disclosure.Choices{Name: "Stelle " + rt})
	must(t, err)
	pkg.ID, pkg.Document = disclosure.NewPackageID().String(), "7fq2doc"
	pkg.Consent = giveConsent(t, d, rt, "Stelle "+rt, now)
	pkg.Created, pkg.Expires = now, now.Add(30*24*time.Hour)
	sender, err := keyring.NewIdentity()
	must(t, err)
	s, err := disclosure.Seal(d, sender, pkg)
	must(t, err)
	return s, sender
}

func TestSealOpenRoundTrip(t *testing.T) {
	d, _ := amina(t)
	s, sender := sealed(t, d, "EMPLOYER")
	link := disclosure.Link("https://relay.example/", s.ID, s.Key)
	if !strings.HasPrefix(link, "https://relay.example/p/#"+s.ID.String()+".") {
		t.Errorf("Link = %q, want the viewer path with the ID in the fragment", link)
	}
	base, id, key, err := disclosure.ParseLink(link)
	must(t, err)
	if base != "https://relay.example" || id != s.ID || key != s.Key {
		t.Errorf("ParseLink = %q %v, want the base, ID and key Link was given", base, id)
	}
	got, from, err := disclosure.Open(id, key, s.Ciphertext, time.Now())
	must(t, err)
	if !from.Equal(sender.Public()) {
		t.Error("Open names another sender")
	}
	a, _ := json.Marshal(got)
	b, _ := json.Marshal(s.Package)
	if !bytes.Equal(a, b) {
		t.Errorf("Open returned another package:\n%s\nwant\n%s", a, b)
	}
	if _, _, err := disclosure.Open(id, key, s.Ciphertext, s.Package.Expires); !errors.Is(err, disclosure.ErrExpired) {
		t.Errorf("Open after expiry = %v, want ErrExpired", err)
	}
	if _, _, err := disclosure.Open(disclosure.NewPackageID(), key, s.Ciphertext, time.Now()); !errors.Is(err, keyring.ErrDecrypt) {
		t.Errorf("Open under another ID = %v, want ErrDecrypt", err)
	}
	if strings.Contains(string(s.Ciphertext), "Khalil") {
		t.Error("the ciphertext contains the name")
	}
	if strings.Contains(s.Key.String(), link[strings.LastIndex(link, ".")+1:]) {
		t.Error("Key.String shows the key")
	}
}

func TestSealNeedsAValidConsent(t *testing.T) {
	d, _ := amina(t)
	now := time.Now()
	p, _ := disclosure.ProfileFor("EMPLOYER")
	pkg, err := disclosure.Preview(d, p, disclosure.Choices{Name: "Bäckerei Schmidt"})
	must(t, err)
	pkg.ID, pkg.Document = disclosure.NewPackageID().String(), "doc"
	pkg.Created, pkg.Expires = now, now.Add(time.Hour)
	sender, err := keyring.NewIdentity()
	must(t, err)

	other := giveConsent(t, d, "JOBCENTER", "Bäckerei Schmidt", now)
	otherName := giveConsent(t, d, "EMPLOYER", "Firma X", now)
	wrongPurpose := add(t, d, "consents.consents", self, "purpose", "RESEARCH_ANON", "recipient_type", "EMPLOYER",
		"recipient_name", "Bäckerei Schmidt", "language_shown", "de", "given_at", now.UTC().Format(time.RFC3339))
	withdrawn := giveConsent(t, d, "EMPLOYER", "Bäckerei Schmidt", now)
	must(t, consent.Withdraw(d, withdrawn, now))
	later := giveConsent(t, d, "EMPLOYER", "Bäckerei Schmidt", now.Add(time.Hour))
	narrow, err := consent.Give(d, consent.Consent{Purpose: consent.PurposeShareRecipient, RecipientType: "EMPLOYER",
		RecipientName: "Bäckerei Schmidt", Scope: []string{"person"}, Lang: "de", At: now}, testOperator)
	must(t, err)
	good := giveConsent(t, d, "EMPLOYER", "bäckerei  schmidt", now)
	tests := []struct {
		name, consent string
		wantErr       error
	}{
		{"no consent", "", disclosure.ErrIncomplete},
		{"an unknown entry", "zzzz", casework.ErrNoConsent},
		{"for another recipient type", other, casework.ErrNoConsent},
		{"for another recipient", otherName, casework.ErrNoConsent},
		{"for another purpose", wrongPurpose, casework.ErrNoConsent},
		{"withdrawn", withdrawn, casework.ErrNoConsent},
		{"given after the package", later, casework.ErrNoConsent},
		{"for fewer sections", narrow, casework.ErrNoConsent},
		{"valid", good, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkg := pkg
			pkg.Consent = tt.consent
			_, err := disclosure.Seal(d, sender, pkg)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Errorf("Seal = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestParseLinkRefuses(t *testing.T) {
	id, key := disclosure.NewPackageID(), disclosure.Key{1, 2, 3}
	good := disclosure.Link("https://relay.example", id, key)
	frag := good[strings.Index(good, "#")+1:]
	idText, keyText, _ := strings.Cut(frag, ".")
	for _, link := range []string{
		"", "https://relay.example/p/", "https://relay.example/#" + frag, "ftp://relay.example/p/#" + frag,
		"https://relay.example/p/#" + idText, "https://relay.example/p/#" + idText + "." + keyText + "=",
		"https://relay.example/p/#" + idText + "." + keyText[:len(keyText)-1],
		"https://relay.example/p/#" + idText[1:] + "." + keyText,
		"https://relay.example/p/#" + idText + "." + strings.ReplaceAll(keyText, keyText[:1], "+"),
	} {
		if _, _, _, err := disclosure.ParseLink(link); !errors.Is(err, disclosure.ErrBadLink) {
			t.Errorf("ParseLink(%q) = %v, want ErrBadLink", link, err)
		}
	}
}

func TestDecodeAcceptsOnlyTheCanonicalForm(t *testing.T) {
	d, _ := amina(t)
	s, _ := sealed(t, d, "HWK")
	body, err := s.Package.Encode()
	must(t, err)
	if _, err := disclosure.Decode(body); err != nil {
		t.Fatalf("Decode of Encode = %v", err)
	}
	variants := map[string]string{
		"white space":        strings.Replace(string(body), `{"format":1,`, `{"format": 1,`, 1),
		"another time zone":  regexp.MustCompile(`"created":"([^"]*)Z"`).ReplaceAllString(string(body), `"created":"${1}+00:00"`),
		"null for a list":    strings.Replace(string(body), `"files":[]`, `"files":null`, 1),
		"an unknown key":     strings.Replace(string(body), `{"format":1,`, `{"format":1,"x":1,`, 1),
		"a duplicate key":    strings.Replace(string(body), `{"format":1,`, `{"format":1,"format":1,`, 1),
		"another format":     strings.Replace(string(body), `{"format":1,`, `{"format":2,`, 1),
		"trailing data":      string(body) + " ",
		"a trailing package": string(body) + string(body),
		"no consent":         regexp.MustCompile(`"consent":"[^"]*"`).ReplaceAllString(string(body), `"consent":""`),
	}
	for name, v := range variants {
		if v == string(body) {
			t.Fatalf("variant %q did not change the body", name)
		}
		if _, err := disclosure.Decode([]byte(v)); err == nil {
			t.Errorf("Decode accepted %s", name)
		}
	}
}

func TestRecordShareAndWithdraw(t *testing.T) {
	d, ids := amina(t)
	s, _ := sealed(t, d, "JOBCENTER")
	pkg := s.Package
	pkg.Documents = []string{ids["cert"]}
	id, err := disclosure.RecordShare(d, pkg, self)
	must(t, err)
	shares, err := disclosure.Shares(d)
	must(t, err)
	if len(shares) != 1 {
		t.Fatalf("Shares = %+v, want one", shares)
	}
	sh := shares[0]
	if sh.ID != id || sh.RecipientType != "JOBCENTER" || sh.PackageID != pkg.ID || sh.Consent != pkg.Consent ||
		!sh.Created.Equal(pkg.Created) || !sh.Expires.Equal(pkg.Expires) || !slices.Equal(sh.Documents, pkg.Documents) ||
		!slices.Contains(sh.Sections, "languages") || slices.Contains(sh.Sections, "support_needs") {
		t.Errorf("share entry = %+v, want the package's recipient, ID, consent, times, documents and sections", sh)
	}
	if st := sh.State(time.Now()); st != disclosure.StateActive {
		t.Errorf("state = %s, want active", st)
	}
	if st := sh.State(pkg.Expires); st != disclosure.StateExpired {
		t.Errorf("state at expiry = %s, want expired", st)
	}
	w, err := disclosure.Withdraw(d, id[:6], time.Now(), self)
	must(t, err)
	if w.PackageID != pkg.ID || w.Revoked.IsZero() {
		t.Errorf("Withdraw = %+v, want the package ID and the time", w)
	}
	again, err := disclosure.FindShare(d, id)
	must(t, err)
	if again.State(time.Now()) != disclosure.StateWithdrawn {
		t.Errorf("after Withdraw the share is %s, want withdrawn", again.State(time.Now()))
	}
	if _, err := disclosure.Withdraw(d, id, time.Now(), self); !errors.Is(err, disclosure.ErrWithdrawn) {
		t.Errorf("second Withdraw = %v, want ErrWithdrawn", err)
	}
	if _, err := disclosure.Withdraw(d, "zzzz", time.Now(), self); !errors.Is(err, disclosure.ErrNoShare) {
		t.Errorf("Withdraw of an unknown share = %v, want ErrNoShare", err)
	}
}

func TestAttachFile(t *testing.T) {
	d, ids := amina(t)
	p, _ := disclosure.ProfileFor("IHK")
	pkg, err := disclosure.Preview(d, p, disclosure.Choices{Documents: []string{ids["cert"]}})
	must(t, err)
	if err := pkg.AttachFile(ids["passport"], "pass.pdf", "application/pdf", []byte("x")); !errors.Is(err, disclosure.ErrNoSuchDocument) {
		t.Errorf("attaching an unselected document = %v, want ErrNoSuchDocument", err)
	}
	must(t, pkg.AttachFile(ids["cert"], "dtz.pdf", "application/pdf", []byte("%PDF-1.7")))
	if err := pkg.AttachFile(ids["cert"], "dtz.pdf", "application/pdf", []byte("x")); err == nil {
		t.Error("attaching the same document twice succeeded")
	}
	big, _ := disclosure.Preview(d, p, disclosure.Choices{Documents: []string{ids["cert"]}})
	if err := big.AttachFile(ids["cert"], "dtz.pdf", "application/pdf", make([]byte, disclosure.MaxFileBytes+1)); !errors.Is(err, disclosure.ErrTooLarge) {
		t.Errorf("attaching %d bytes = %v, want ErrTooLarge", disclosure.MaxFileBytes+1, err)
	}
}

// FuzzDecode decodes arbitrary bodies: never a panic, and what decodes re-encodes to the
// same bytes.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"package-v1.json"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(bytes.TrimSpace(b))
		}
	}
	f.Add([]byte(`{"format":1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := disclosure.Decode(b)
		if err != nil {
			return
		}
		again, err := p.Encode()
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("Decode accepted a body that re-encodes differently:\n%q\n%q", b, again)
		}
	})
}

// FuzzParseLink parses arbitrary links: never a panic, and what parses makes the same link.
func FuzzParseLink(f *testing.F) {
	f.Add(disclosure.Link("https://relay.example", disclosure.PackageID{1}, disclosure.Key{2}))
	f.Add("http://127.0.0.1:8080/p/#AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
	f.Fuzz(func(t *testing.T, link string) {
		base, id, key, err := disclosure.ParseLink(link)
		if err != nil {
			return
		}
		if again := disclosure.Link(base, id, key); again != strings.TrimSpace(link) && !strings.HasSuffix(base, "/") {
			t.Fatalf("ParseLink(%q) then Link = %q", link, again)
		}
	})
}
