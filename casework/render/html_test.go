package render

import (
	"bytes"
	"strings"
	"testing"
)

func sample() Document {
	return Document{
		Title: "Lebenslauf", Subtitle: "Mohammed Ahmad", Lang: "de", Footer: "Stand: 11/2026",
		Sections: []Section{
			{Heading: "Persönliche Daten", Rows: []Row{
				{Label: "Name", Value: "Mohammed Ahmad", Original: "محمد أحمد", OriginalLang: "ar"},
				{Label: "Name (Persisch)", Value: "Ali Rezaei", Original: "علی رضایی", OriginalLang: "fa"},
				{Label: "Familienname", Value: "Müller"},
				{Label: "Leer"},
			}},
			{Heading: "Berufserfahrung", Items: []Item{{
				When:  "03/2015 – 08/2019",
				Title: Row{Value: "Koch"},
				Rows: []Row{
					{Label: "Arbeitgeber", Value: "مطعم السلام"},
					{Label: "Aufgaben", Value: "Speisen zubereiten", Original: "تحضير الطعام", OriginalLang: "ar", Note: "maschinell übersetzt"},
				},
			}}},
		},
	}
}

func TestHTML(t *testing.T) {
	tests := []struct {
		name string
		doc  func(*Document)
		want []string
		not  []string
	}{
		{name: "a German page is left to right with lang de",
			want: []string{`<html lang="de" dir="ltr">`, "<title>Lebenslauf – Mohammed Ahmad</title>", "<footer>Stand: 11/2026</footer>"}},
		{name: "original text is isolated with its own language",
			want: []string{`Mohammed Ahmad</span> <bdi class="original" dir="auto" lang="ar">محمد أحمد</bdi>`,
				`<bdi class="original" dir="auto" lang="fa">علی رضایی</bdi>`,
				`<span class="note">(maschinell übersetzt)</span>`}},
		{name: "a right-to-left value is isolated from the German around it",
			want: []string{`<span class="value"><bdi dir="auto">مطعم السلام</bdi></span>`}},
		{name: "rows without a value are left out", not: []string{"Leer"}},
		{name: "values are escaped",
			doc:  func(d *Document) { d.Sections[0].Rows[2].Value = `<script>alert("x")</script>` },
			want: []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"}, not: []string{"<script>"}},
		{name: "an Arabic page is right to left", doc: func(d *Document) { d.Lang = "ar" },
			want: []string{`<html lang="ar" dir="rtl">`}},
		{name: "the page loads nothing from elsewhere", not: []string{"<script", "<link", "src=", "http://", "https://", "@import"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sample()
			if tt.doc != nil {
				tt.doc(&d)
			}
			var b bytes.Buffer
			if err := HTML(&b, d); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("HTML lacks %q:\n%s", w, b.String())
				}
			}
			for _, n := range tt.not {
				if strings.Contains(b.String(), n) {
					t.Errorf("HTML contains %q", n)
				}
			}
		})
	}
}
