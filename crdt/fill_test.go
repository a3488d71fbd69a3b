package crdt

import (
	"fmt"
	"testing"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// persona is a newcomer writing in one of the five input languages.
type persona struct {
	lang         string // UI and input language
	actor        string // Automerge actor ID (hex)
	familyName   string // Latin, as in the ID document
	givenName    string
	originalName string // in the original script
	script       string // ISO 15924
	country      string // ISO 3166-1
	motherTongue string // ISO 639-3
	text         string // a sentence in lang for free-text fields
	german       string // its German translation
}

var personas = []persona{
	{"de", "de01", "Kovalenko", "Oleksandra", "Олександра Коваленко", "Cyrl", "UA", "ukr",
		"Ich habe fünf Jahre als Buchhalterin in Charkiw gearbeitet.", ""},
	{"ar", "a401", "Haddad", "Amira", "أميرة حداد", "Arab", "SY", "apc",
		"عملت ثلاث سنوات في مخبز في حلب وكنت أخبز الخبز والحلويات.",
		"Ich habe drei Jahre in einer Bäckerei in Aleppo gearbeitet und Brot und Süßigkeiten gebacken."},
	{"en", "e401", "Okafor", "Grace", "Grace Okafor", "Latn", "NG", "ibo",
		"I worked for four years as a nurse assistant in Enugu.",
		"Ich habe vier Jahre als Pflegehelferin in Enugu gearbeitet."},
	{"fa", "fa01", "Rezaei", "Ahmad", "احمد رضایی", "Arab", "AF", "prs",
		"شش سال در کابل به عنوان برقکار ساختمان کار کردم.",
		"Ich habe sechs Jahre in Kabul als Elektriker auf dem Bau gearbeitet."},
	{"fr", "f401", "Diallo", "Mamadou", "Mamadou Diallo", "Latn", "GN", "ful",
		"J'ai travaillé deux ans comme mécanicien automobile à Conakry.",
		"Ich habe zwei Jahre als Kfz-Mechaniker in Conakry gearbeitet."},
}

// fillComplete answers every field of the catalogue, as a newcomer and a counsellor would over
// several meetings: two entries in every list, every reference pointing at an entry.
func fillComplete(tb testing.TB, b *Biography, p persona) {
	tb.Helper()
	if err := fill(b, p); err != nil {
		tb.Fatal(err)
	}
}

func fill(b *Biography, p persona) error {
	cat := schema.Default()
	entries := map[string][]string{} // list path -> entry IDs
	for _, s := range cat.Sections {
		for _, f := range s.Fields {
			if f.Type != schema.TypeList {
				continue
			}
			path := s.Key + "." + f.Key
			for range 2 {
				id, err := b.AddEntry(path)
				if err != nil {
					return err
				}
				entries[path] = append(entries[path], id)
			}
		}
	}
	for _, s := range cat.Sections {
		for i := range s.Fields {
			f := &s.Fields[i]
			if f.Type != schema.TypeList {
				if err := fillField(b, p, s.Key+"."+f.Key, f, entries); err != nil {
					return err
				}
				continue
			}
			for _, id := range entries[s.Key+"."+f.Key] {
				for j := range f.Item {
					if err := fillField(b, p, s.Key+"."+f.Key+"."+id+"."+f.Item[j].Key, &f.Item[j], entries); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

func fillField(b *Biography, p persona, path string, f *schema.Field, entries map[string][]string) error {
	prov := Provenance{Source: SourceSelf, By: p.givenName}
	if f.Restricted {
		prov = Provenance{Source: SourceCounsellor, By: "Beratung Sinsheim"}
	}
	var v Value
	switch f.Type {
	case schema.TypeText:
		text, lang := p.text, p.lang
		if f.NoTranslate {
			text = p.originalName
		}
		if err := b.SetText(path, text, lang); err != nil {
			return err
		}
		if p.german != "" && !f.NoTranslate {
			return b.SetTranslation(path, "de", Translation{Text: p.german, Source: "machine", Engine: "libretranslate"})
		}
		return nil
	case schema.TypeCodes:
		list := schema.Default().CodeList(f.CodeList)
		codes := []string{list.Codes[0].Code}
		if len(list.Codes) > 1 {
			codes = append(codes, list.Codes[1].Code)
		}
		switch f.CodeList {
		case schema.ListCountry:
			codes = []string{p.country}
		case schema.ListLanguage:
			codes = []string{p.motherTongue}
		case schema.ListScript:
			codes = []string{p.script}
		}
		return b.SetCodes(path, codes, prov)
	case schema.TypeRefs:
		return b.SetCodes(path, entries[f.Ref][:1], prov)
	case schema.TypeRef:
		v = Ref(entries[f.Ref][0])
	case schema.TypeCode:
		list := schema.Default().CodeList(f.CodeList)
		code := list.Codes[len(list.Codes)/2].Code
		switch f.CodeList {
		case schema.ListCountry:
			code = p.country
		case schema.ListLanguage:
			code = p.motherTongue
		case schema.ListScript:
			code = p.script
		case schema.ListUILanguage:
			code = p.lang
		}
		v = Code(code)
	case schema.TypeString:
		v = String(sampleString(p, f))
	case schema.TypeDate:
		v = DateOf(Date{2017, 3, 15})
		switch {
		case f.NotBefore != "":
			v = DateOf(Date{2021, 7, 0})
		case f.Key == "date_of_birth":
			v = DateOf(Date{1994, 0, 0}).Uncertain()
		}
	case schema.TypeTime:
		v = TimeOf(testTime)
	case schema.TypeBool:
		v = Bool(true)
	case schema.TypeInt:
		v = Int(3)
		if f.Max > f.Min {
			v = Int(f.Min + (f.Max-f.Min)/2)
		}
	default:
		return fmt.Errorf("%s: no sample for type %s", path, f.Type)
	}
	return b.Set(path, v, prov)
}

func sampleString(p persona, f *schema.Field) string {
	switch f.Key {
	case "family_names":
		return p.familyName
	case "given_names":
		return p.givenName
	case "email":
		return "person@example.org"
	case "phone":
		return "+49 1512 3456789"
	case "content_key":
		return "AES256_GCM_HKDF_1MB:c2VjcmV0LWtleS1ub3QtZXhwb3J0ZWQ"
	case "blob_id":
		return "b3e1f0c29a7d4e18b6f5a2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b"
	case "media_type":
		return "application/pdf"
	case "file_name":
		return "zeugnis.pdf"
	}
	switch f.Pattern {
	case "":
		return "Beispiel " + f.Key
	case "[0-9]{8}":
		return "08226084" // Sinsheim
	case "[0-9]{5}":
		return "29302" // KldB: Bäckerei, fachlich ausgerichtete Tätigkeiten
	}
	return "unknown pattern " + f.Pattern
}

func TestCompleteBiographyHasNoProblems(t *testing.T) {
	for _, p := range personas {
		t.Run(p.lang, func(t *testing.T) {
			b := newTestBiography(t, WithActor(p.actor))
			fillComplete(t, b, p)
			for _, pr := range b.Validate() {
				t.Errorf("%s: %s (%s)", pr.Path, pr.Message.En, pr.Code)
			}
		})
	}
}
