package disclosure

import (
	"strings"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/crdt/schema"
)

// How values read in German, for authorities and employers.
const (
	stateUnknown   = "unbekannt"
	stateDeclined  = "keine Angabe"
	markUncertain  = "Angabe unsicher"
	markNone       = "nicht ins Deutsche übersetzt"
	markAsIs       = "wie geschrieben, nicht übersetzt"
	markOutdated   = "Übersetzung älter als der Originaltext"
	germanDateTime = "02.01.2006, 15:04 Uhr (UTC)"
)

// germanDate formats a stored partial date (YYYY, YYYY-MM, YYYY-MM-DD) the German way:
// 17.05.1990, 05.1990, 1990.
func germanDate(v string, uncertain bool) string {
	parts := strings.Split(v, "-")
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	out := strings.Join(parts, ".")
	if uncertain {
		out += " (" + markUncertain + ")"
	}
	return out
}

// germanTime formats a stored instant (RFC 3339) as a German date and time in UTC: a
// package is read anywhere, and the browser build may lack time zone data.
func germanTime(v string) string {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return v
	}
	return t.UTC().Format(germanDateTime)
}

func germanBool(v string) string {
	if v == "true" {
		return "ja"
	}
	return "nein"
}

// codeLabel returns the German label of code in list, or the code itself for one the
// catalogue lacks (a code from a newer schema).
func codeLabel(list, code string) string {
	if l := schema.Label(list, code, "de"); l != "" {
		return l
	}
	return code
}

// sourceLabel says in German who vouches for a value.
func sourceLabel(source string) string {
	if source == "" {
		return ""
	}
	return codeLabel(schema.ListProvenance, source)
}

// languageLabel returns the German name of a BCP 47 language tag.
func languageLabel(tag string) string {
	if tag == "" {
		return "unbekannte Sprache"
	}
	if l := schema.Label(schema.ListUILanguage, tag, "de"); l != "" {
		return l
	}
	if l := schema.Label(schema.ListLanguage, tag, "de"); l != "" {
		return l
	}
	return tag
}

// germanText returns the German value of a free-text field and its provenance: the text if it
// was written in German, else its German translation (marked as machine translation until a
// person checked it), else the original marked as not translated. The original and its
// language go beside it whenever it is not German.
func germanText(t casework.Text, noTranslate bool) (string, *Text) {
	out := &Text{Original: t.Text, Lang: t.Lang, LangLabel: languageLabel(t.Lang)}
	switch {
	case noTranslate:
		out.Translation, out.Marker = TranslationAsIs, markAsIs
		return t.Text, out
	case baseLang(t.Lang) == "de":
		out.Translation, out.Marker = TranslationSame, codeLabel(schema.ListTranslationSource, "same")
		return t.Text, out
	}
	tr, ok := t.Translations["de"]
	if !ok || strings.TrimSpace(tr.Text) == "" {
		out.Translation, out.Marker = TranslationNone, markNone
		return t.Text, out
	}
	switch tr.Source {
	case "human", "same":
		out.Translation = TranslationHuman
	default: // "machine", or anything unknown: never present it as checked by a person
		out.Translation, out.Engine = TranslationMachine, tr.Engine
	}
	out.Marker = codeLabel(schema.ListTranslationSource, out.Translation)
	if tr.Outdated {
		out.Outdated = true
		out.Marker += "; " + markOutdated
	}
	return tr.Text, out
}

// baseLang returns the base language of a BCP 47 tag: "de" for "de-AT".
func baseLang(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return base
}
