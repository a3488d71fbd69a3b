package cv

import (
	"testing"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/render"
)

func TestDates(t *testing.T) {
	v := func(s string) casework.Field { return casework.Field{Value: s, State: casework.StateValue} }
	about := func(s string) casework.Field { f := v(s); f.Uncertain = true; return f }
	unknown := casework.Field{State: casework.StateUnknown}
	declined := casework.Field{State: casework.StateDeclined}
	tests := []struct {
		name       string
		start, end casework.Field
		day, per   string
	}{
		{"full dates", v("1990-05-17"), v("1995-01-02"), "17.05.1990", "05/1990 – 01/1995"},
		{"months", v("2015-03"), v("2019-08"), "03/2015", "03/2015 – 08/2019"},
		{"years", v("2011"), v("2014"), "2011", "2011 – 2014"},
		{"uncertain start", about("2011"), v("2014"), "ca. 2011", "ca. 2011 – 2014"},
		{"open end", v("2024-02"), casework.Field{}, "02/2024", "ab 02/2024"},
		{"only the end", casework.Field{}, v("2019"), "", "bis 2019"},
		{"same month", v("2020-01-05"), v("2020-01-20"), "05.01.2020", "01/2020"},
		{"unknown start", unknown, v("2019"), "unbekannt", "unbekannt – 2019"},
		{"declined", declined, casework.Field{}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := day(tt.start); got != tt.day {
				t.Errorf("day = %q, want %q", got, tt.day)
			}
			if got := period(tt.start, tt.end); got != tt.per {
				t.Errorf("period = %q, want %q", got, tt.per)
			}
		})
	}
}

// textReader is a casework.Reader with one free-text field.
type textReader struct {
	casework.Reader
	t casework.Text
}

func (r textReader) Text(string) (casework.Text, error) { return r.t, nil }

func TestFreeTextInGerman(t *testing.T) {
	tr := func(text, source string, outdated bool) map[string]casework.Translation {
		return map[string]casework.Translation{"de": {Text: text, Source: source, Outdated: outdated}}
	}
	tests := []struct {
		name string
		in   casework.Text
		want render.Row
	}{
		{"German original", casework.Text{Text: "Kochen", Lang: "de"}, render.Row{Value: "Kochen"}},
		{"German with a region", casework.Text{Text: "Kochen", Lang: "de-AT"}, render.Row{Value: "Kochen"}},
		{"machine translation", casework.Text{Text: "طبخ", Lang: "ar", Translations: tr("Kochen", "machine", false)},
			render.Row{Value: "Kochen", Original: "طبخ", OriginalLang: "ar", Note: "maschinell übersetzt, Original auf Arabisch"}},
		{"human translation of Dari", casework.Text{Text: "آشپزی", Lang: "prs", Translations: tr("Kochen", "human", false)},
			render.Row{Value: "Kochen", Original: "آشپزی", OriginalLang: "prs", Note: "übersetzt, Original auf Dari"}},
		{"outdated translation", casework.Text{Text: "طبخ", Lang: "ar", Translations: tr("Kochen", "machine", true)},
			render.Row{Value: "Kochen", Original: "طبخ", OriginalLang: "ar", Note: "maschinell übersetzt, Original auf Arabisch; die Übersetzung ist möglicherweise veraltet"}},
		{"original already German", casework.Text{Text: "Kochen", Lang: "fa", Translations: tr("Kochen", "same", false)},
			render.Row{Value: "Kochen"}},
		{"no translation: the original, marked", casework.Text{Text: "ምግብ ማብሰል", Lang: "ti"},
			render.Row{Original: "ምግብ ማብሰል", OriginalLang: "ti", Note: "Original auf Tigrinya, nicht übersetzt"}},
		{"unknown language", casework.Text{Text: "Kochen"}, render.Row{Value: "Kochen"}},
		{"empty", casework.Text{Lang: "ar"}, render.Row{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &builder{r: textReader{t: tt.in}}
			if got := b.text("", "living.interests"); got != tt.want {
				t.Errorf("text = %+v, want %+v", got, tt.want)
			}
		})
	}
}
