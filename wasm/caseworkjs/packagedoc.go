package caseworkjs

import (
	"fmt"
	"time"

	"github.com/mobio-sync/mobio/casework/disclosure"
	"github.com/mobio-sync/mobio/casework/render"
)

// packageDocument lays a disclosure package out for render, as the package viewer
// (casework/disclosure/viewer) shows it: German throughout, who it is for and who sent it,
// each section with its items (a list's entries under a numbered heading), the source of every
// value, the marker of every translation with the original beside it, and the files' names.
// sender is the sender's fingerprint, "" when not known.
func packageDocument(p disclosure.Package, sender string) render.Document {
	title := "Angaben zur Weitergabe an " + p.Recipient.Label
	if p.Recipient.Name != "" {
		title += " – " + p.Recipient.Name
	}
	meta := render.Section{Heading: "Zum Paket"}
	if sender != "" {
		meta.Rows = append(meta.Rows, render.Row{Label: "Absender (Fingerabdruck)", Value: sender})
	}
	meta.Rows = append(meta.Rows,
		render.Row{Label: "Erstellt am", Value: germanDateTime(p.Created)},
		render.Row{Label: "Gültig bis", Value: germanDateTime(p.Expires)})
	meta.Paragraphs = []string{"Nur lesbar. Die Person hat diese Angaben zur Weitergabe an Sie freigegeben. " +
		"Übersetzungen sind mit ihrer Herkunft gekennzeichnet; der Originaltext steht daneben."}
	d := render.Document{Title: title, Lang: "de", Sections: []render.Section{meta},
		Footer: "mobio – Paket " + p.ID}
	for _, s := range p.Sections {
		sec := render.Section{Heading: s.Label}
		count := map[string]int{}
		entry := ""
		for _, it := range s.Items {
			row := itemRow(it)
			if it.Entry == "" {
				entry = ""
				sec.Rows = append(sec.Rows, row)
				continue
			}
			if it.Entry != entry {
				entry = it.Entry
				count[it.List]++
				title := fmt.Sprintf("%s %d", it.ListLabel, count[it.List])
				sec.Items = append(sec.Items, render.Item{Title: render.Row{Value: title}})
			}
			last := &sec.Items[len(sec.Items)-1]
			last.Rows = append(last.Rows, row)
		}
		d.Sections = append(d.Sections, sec)
	}
	if len(p.Files) > 0 {
		files := render.Section{Heading: "Dateien"}
		for _, f := range p.Files {
			files.Rows = append(files.Rows, render.Row{Label: f.Name, Value: fmt.Sprintf("%s, %d Bytes", f.MediaType, len(f.Data))})
		}
		d.Sections = append(d.Sections, files)
	}
	return d
}

// itemRow is one item: its German value, and the original when the value is a translation.
func itemRow(it disclosure.Item) render.Row {
	row := render.Row{Label: it.Label, Value: it.Value}
	t := it.Text
	switch {
	case t == nil:
		if it.SourceLabel != "" {
			row.Note = it.SourceLabel
		}
	case t.Translation == disclosure.TranslationSame:
		row.Note = it.SourceLabel
	case t.Translation == disclosure.TranslationNone, t.Translation == disclosure.TranslationAsIs:
		// The value is the original: it stands in its own language and script.
		row.Value, row.Original, row.OriginalLang = "", t.Original, t.Lang
		row.Note = t.Marker + "; " + t.LangLabel
	default:
		row.Note = t.Marker
		if t.Original != it.Value {
			row.Original, row.OriginalLang = t.Original, t.Lang
		}
	}
	return row
}

// germanDateTime writes an instant as the viewer does: "27.11.2026, 14:05 (UTC)".
func germanDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("02.01.2006, 15:04") + " (UTC)"
}
