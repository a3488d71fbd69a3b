package cv

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/render"
	"github.com/mobio-sync/mobio/crdt/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func build(t *testing.T, r casework.Reader, opts Options) render.Document {
	t.Helper()
	d, err := Build(r, opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return d
}

func html(t *testing.T, d render.Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := render.HTML(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var allOptions = Options{BirthDate: true, Nationality: true, WorkPermission: true, Date: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}

func TestGoldenHTML(t *testing.T) {
	tests := []struct {
		name string
		bio  func(*testing.T) *bio
		opts Options
	}{
		{"arabic-for-employer", arabicBio, Options{Date: allOptions.Date}},
		{"german-with-all-options", germanBio, allOptions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := html(t, build(t, tt.bio(t).d, tt.opts))
			file := filepath.Join("testdata", tt.name+".html")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("HTML differs from %s (run go test -update after checking the change):\n%s", file, got)
			}
		})
	}
}

func TestCVContent(t *testing.T) {
	d := build(t, arabicBio(t).d, Options{})
	page := html(t, d)
	tests := []struct {
		name string
		want []string
	}{
		{"the name of the identity document with the name in Arabic script beside it",
			[]string{`Mohammed Ahmad</span> <bdi class="original" dir="auto" lang="ar">محمد أحمد</bdi>`}},
		{"a machine translation is marked, the original beside it",
			[]string{"Zubereitung orientalischer Gerichte und Leitung der Küche</span> <bdi class=\"original\" dir=\"auto\" lang=\"ar\">تحضير الأطباق الشرقية وإدارة المطبخ</bdi> <span class=\"note\">(maschinell übersetzt, Original auf Arabisch)</span>"}},
		{"a human translation is marked as translated", []string{"Berufsdiplom Koch", "(übersetzt, Original auf Arabisch)"}},
		{"text without translation is the original marked with its language",
			[]string{`<bdi class="original" dir="auto" lang="ar">خبز الخبز العربي</bdi> <span class="note">(Original auf Arabisch, nicht übersetzt)</span>`}},
		{"codes read in German", []string{"Gastgewerbe", "angestellt, Vollzeit", "Syrien", "B1 – Fortgeschrittene Sprachverwendung", "Arabisch", "B – Pkw", "Teamfähigkeit"}},
		{"dates German style, uncertain ones with ca.", []string{"03/2015 – 08/2019", "ca. 2011 – 2014", "ab 02/2024", "01.01.2027", "2002 – 2011"}},
		{"recognition outcome with the competent body", []string{"teilweise gleichwertig", "IHK FOSA (Industrie- und Handelskammern), entschieden 05/2025"}},
		{"German certificate and course", []string{"Deutsch-Test für Zuwanderer (DTZ), B1 (03/2025)", "Integrationskurs (allgemein), abgeschlossen, 04/2024 – 03/2025, 700 Unterrichtseinheiten, VHS Heilbronn"}},
		{"school recognition with its level", []string{"anerkannt als Sekundarbereich II"}},
		{"driving licence with its conversion", []string{"Umschreibung in einen deutschen Führerschein: muss umgeschrieben werden"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("CV lacks %q", w)
				}
			}
		})
	}
	t.Run("jobs newest first", func(t *testing.T) {
		var titles []string
		for _, s := range d.Sections {
			if s.Heading == "Berufserfahrung" {
				for _, it := range s.Items {
					titles = append(titles, it.Title.Value)
				}
			}
		}
		if got, want := strings.Join(titles, ", "), "Küchenhilfe, Koch, Bäckereihelfer"; got != want {
			t.Errorf("jobs = %s, want %s", got, want)
		}
	})
	t.Run("programmes for refugees are not named", func(t *testing.T) {
		if strings.Contains(page, "PerF") || strings.Contains(page, "Flüchtlinge") {
			t.Error("CV names PerF")
		}
	})
}

func TestOptionalPersonalDetails(t *testing.T) {
	b := arabicBio(t)
	b.codes("person.nationalities", "ER") // Eritrea: named nowhere else in the biography
	tests := []struct {
		name string
		opts Options
		text string // what the option adds
	}{
		{"date of birth", Options{BirthDate: true}, "17.05.1990"},
		{"nationality", Options{Nationality: true}, "Eritrea"},
		{"work permission", Options{WorkPermission: true}, "Arbeitserlaubnis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if page := html(t, build(t, b.d, Options{})); strings.Contains(page, tt.text) {
				t.Errorf("the CV for an employer contains %q without the option", tt.text)
			}
			if page := html(t, build(t, b.d, tt.opts)); !strings.Contains(page, tt.text) {
				t.Errorf("the CV with the option lacks %q", tt.text)
			}
		})
	}
}

// recorder is a casework.Reader that remembers the paths read.
type recorder struct {
	casework.Reader
	paths map[string]bool
}

func (r *recorder) Field(p string) (casework.Field, error) {
	r.paths[schemaPath(p)] = true
	return r.Reader.Field(p)
}
func (r *recorder) Text(p string) (casework.Text, error) {
	r.paths[schemaPath(p)] = true
	return r.Reader.Text(p)
}
func (r *recorder) Codes(p string) ([]string, error) {
	r.paths[schemaPath(p)] = true
	return r.Reader.Codes(p)
}
func (r *recorder) Entries(p string) ([]string, error) {
	r.paths[schemaPath(p)] = true
	return r.Reader.Entries(p)
}

func TestBuildReadsOnlyTheCVFields(t *testing.T) {
	b := arabicBio(t)
	for _, opts := range []Options{{}, allOptions} {
		rec := &recorder{Reader: b.d, paths: map[string]bool{}}
		build(t, rec, opts)
		for p := range rec.paths {
			if !readable[p] {
				t.Errorf("Build read %s, which is not a CV field", p)
			}
			if needs, ok := optional(p, opts); needs && !ok {
				t.Errorf("Build read %s without the option for it", p)
			}
		}
	}
}

// forbidden lists every string and free-text field of the catalogue that the CV must never
// show, with its list when it is a field of list entries.
func forbidden() (fields []string, lists map[string]string) {
	lists = map[string]string{}
	for _, sec := range schema.Default().Sections {
		for _, f := range sec.Fields {
			path := sec.Key + "." + f.Key
			if f.Type == schema.TypeList {
				for _, it := range f.Item {
					p := path + "." + it.Key
					if (it.Type == schema.TypeString || it.Type == schema.TypeText) && !readable[p] {
						fields, lists[p] = append(fields, p), path
					}
				}
				continue
			}
			if (f.Type == schema.TypeString || f.Type == schema.TypeText) && !readable[path] {
				fields = append(fields, path)
			}
		}
	}
	return fields, lists
}

func TestForbiddenFieldsAppearNowhere(t *testing.T) {
	b := arabicBio(t)
	fields, lists := forbidden()
	if len(fields) < 40 {
		t.Fatalf("only %d forbidden fields found: the catalogue walk is broken", len(fields))
	}
	entries := map[string]string{} // list → entry prefix
	sentinels := map[string]string{}
	for _, p := range fields {
		target := p
		if list, ok := lists[p]; ok {
			if entries[list] == "" {
				entries[list] = b.entry(list)
			}
			target = entries[list] + strings.TrimPrefix(p, list+".")
		}
		sentinel := "SENTINEL" + strings.NewReplacer(".", "X", "_", "Y").Replace(p)
		f, _ := schema.Default().Field(p)
		if f.Type == schema.TypeText {
			b.text(target, sentinel, "ar").translate(target, sentinel+"DE", "human")
		} else if err := b.d.Set(target, sentinel, self); err != nil {
			continue // a string with a pattern (a file number format): covered by the code checks below
		}
		sentinels[p] = sentinel
	}
	// Coded answers of forbidden fields, by their German labels.
	for path, code := range map[string]string{
		"person.gender": "w", "residence.residence_status": "GESTATTUNG", "family.marital_status": "geschieden",
		"living.housing_type": "GU_VU", "person.accommodation_stage": "VU",
	} {
		b.set(path, code)
		f, _ := schema.Default().Field(path)
		sentinels[path] = schema.Label(f.CodeList, code, "de")
	}
	b.codes("living.benefits", "AsylbLG")
	sentinels["living.benefits"] = "Asylbewerberleistungsgesetz"
	b.set("support_needs.severe_disability", "true").set("support_needs.disability_degree", "70")
	sentinels["support_needs.severe_disability"] = "Schwerbehinderung"
	sentinels["support_needs.disability_degree"] = "Behinderung"

	d := build(t, b.d, allOptions)
	page := html(t, d)
	var pdf bytes.Buffer
	if err := render.PDF(&pdf, d); err != nil {
		t.Fatal(err)
	}
	pdfText := extractPDF(t, pdf.Bytes())
	for p, s := range sentinels {
		if strings.Contains(page, s) {
			t.Errorf("the HTML CV contains %s (%q)", p, s)
		}
		if pdfText != "" && strings.Contains(pdfText, s) {
			t.Errorf("the PDF CV contains %s (%q)", p, s)
		}
	}
	if pdfText != "" && !strings.Contains(pdfText, "Mohammed Ahmad") {
		t.Errorf("the PDF text lacks the name: extraction failed")
	}
}

// extractPDF returns the text of pdf by pdftotext, NFKC-normalised, or "" where pdftotext is
// not installed.
func extractPDF(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext (poppler-utils) not installed: the PDF text is not checked")
		return ""
	}
	f := filepath.Join(t.TempDir(), "cv.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return norm.NFKC.String(string(out))
}
