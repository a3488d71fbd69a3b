package report

import (
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// Headings of the block that opens every output.
var headings = map[string]schema.Text{
	"period":     schema.T("Zeitraum", "Period", "الفترة", "دوره", "Période"),
	"managers":   schema.T("Integrationsmanager/in", "Integration manager", "مدير/ة الاندماج", "مدیر ادغام", "Gestionnaire d’intégration"),
	"created":    schema.T("Erstellt am", "Created on", "تاريخ الإنشاء", "تاریخ تهیه", "Établi le"),
	"counselled": schema.T("Beratene Personen im Zeitraum", "Persons counselled in the period", "الأشخاص الذين تمت استشارتهم في الفترة", "افراد مشاوره‌شده در دوره", "Personnes accompagnées sur la période"),
	"definition": schema.T("Auswertungsdefinition", "Report definition", "تعريف التقرير", "تعریف گزارش", "Définition du bilan"),
}

// Heading returns the heading key ("period", "managers", "created", "counselled",
// "definition") in the result's language, for writers of other formats.
func (r *Result) Heading(key string) string { return headings[key].In(r.Lang) }

// FormatDate writes a day as Germans read it (17.05.2026), or as ISO 8601 for other
// languages.
func (r *Result) FormatDate(t time.Time) string {
	if r.Lang == "de" {
		return t.Format("02.01.2006")
	}
	return t.Format("2006-01-02")
}

// FormatPeriod writes the period as "01.01.2026 – 30.06.2026".
func (r *Result) FormatPeriod() string {
	return r.FormatDate(r.Period.From) + " – " + r.FormatDate(r.Period.To)
}

// Header returns the lines that open every output: heading and value.
func (r *Result) Header() [][2]string {
	return [][2]string{
		{r.Heading("period"), r.FormatPeriod()},
		{r.Heading("managers"), strings.Join(r.Managers, ", ")},
		{r.Heading("counselled"), strconv.Itoa(r.Counselled)},
		{r.Heading("created"), r.FormatDate(r.Created)},
		{r.Heading("definition"), r.DefinitionID},
	}
}

// WriteCSV writes the report as one CSV file for German spreadsheet programs: fields
// separated by semicolons (German Excel reads "," as the decimal separator and expects ";"),
// CRLF line ends, UTF-8 with a byte order mark (without it Excel reads umlauts as Windows-1252).
// The header block comes first, then each table under its title, tables separated by an empty
// line.
func WriteCSV(w io.Writer, r *Result) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	write := func(fields ...string) {
		for i, f := range fields {
			fields[i] = cellText(f)
		}
		_ = cw.Write(fields) // the error stays in cw, reported by Error
	}
	write(r.Title)
	for _, h := range r.Header() {
		write(h[0], h[1])
	}
	for _, t := range r.Tables {
		write()
		write(t.Title)
		if t.Note != "" {
			write(t.Note)
		}
		write(append([]string{t.RowHeading}, t.Columns...)...)
		for _, row := range t.Rows {
			fields := []string{row.Label}
			for _, v := range row.Values {
				fields = append(fields, strconv.Itoa(v))
			}
			write(fields...)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// cellText keeps a spreadsheet from reading a label as a formula: a text that begins with
// = + - or @ gets a leading apostrophe. Labels come from definition files and from the names
// callers give; counts are numbers and never begin so.
func cellText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// CellText is the text a spreadsheet cell gets for label s (see WriteCSV).
func CellText(s string) string { return cellText(s) }

// WriteHTML writes the report as one printable HTML page: the tables, each with a bar chart
// drawn as inline SVG, styles inline, no scripts and no external assets, so that it prints
// and archives as it is.
func WriteHTML(w io.Writer, r *Result) error {
	var b strings.Builder
	e := html.EscapeString
	dir := "ltr"
	if schema.RightToLeft(r.Lang) {
		dir = "rtl"
	}
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="%s" dir="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s – %s</title>
<style>
@page { size: A4; margin: 15mm; }
body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 10pt; color: #111; margin: 1.5em; }
h1 { font-size: 15pt; margin: 0 0 .5em; }
h2 { font-size: 11.5pt; margin: 1.6em 0 .4em; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .15em 1em; margin: 0 0 1em; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
section { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; margin: .3em 0 .6em; }
th, td { border: 1px solid #888; padding: .15em .5em; }
th { background: #e8e8e8; text-align: start; font-weight: bold; }
td.n { text-align: end; font-variant-numeric: tabular-nums; }
tr.total td, tr.total th { font-weight: bold; background: #f3f3f3; }
p.note { font-size: 9pt; color: #444; margin: 0 0 .3em; }
svg { display: block; max-width: 100%%; height: auto; }
svg text { font-family: inherit; font-size: 10px; fill: #111; }
</style>
</head>
<body>
<h1>%s</h1>
<dl class="meta">
`, e(r.Lang), dir, e(r.Title), e(r.FormatPeriod()), e(r.Title))
	for _, h := range r.Header() {
		fmt.Fprintf(&b, "<dt>%s</dt><dd>%s</dd>\n", e(h[0]), e(h[1]))
	}
	b.WriteString("</dl>\n")
	for _, t := range r.Tables {
		fmt.Fprintf(&b, "<section id=\"%s\">\n<h2>%s</h2>\n", e(t.ID), e(t.Title))
		if t.Note != "" {
			fmt.Fprintf(&b, "<p class=\"note\">%s</p>\n", e(t.Note))
		}
		b.WriteString("<table>\n<thead><tr>")
		fmt.Fprintf(&b, "<th scope=\"col\">%s</th>", e(t.RowHeading))
		for _, c := range t.Columns {
			fmt.Fprintf(&b, "<th scope=\"col\">%s</th>", e(c))
		}
		b.WriteString("</tr></thead>\n<tbody>\n")
		for _, row := range t.Rows {
			if row.Total {
				b.WriteString(`<tr class="total">`)
			} else {
				b.WriteString("<tr>")
			}
			fmt.Fprintf(&b, "<th scope=\"row\">%s</th>", e(row.Label))
			for _, v := range row.Values {
				fmt.Fprintf(&b, "<td class=\"n\">%d</td>", v)
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n")
		writeChart(&b, t)
		b.WriteString("</section>\n")
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// palette is told apart in print and by people with red-green colour blindness (Okabe–Ito).
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"}

// writeChart draws a horizontal bar per row of t (without the total row): one bar segment
// per column category when the table has columns, else one bar.
func writeChart(b *strings.Builder, t Table) {
	var rows []Row
	for _, r := range t.Rows {
		if !r.Total {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return
	}
	series := len(t.Columns) - 1 // the value columns without the total
	if series < 1 {
		series = 1
	}
	segments := func(r Row) []int { return r.Values[:series] }
	maxSum := 0
	for _, r := range rows {
		sum := 0
		for _, v := range segments(r) {
			sum += v
		}
		maxSum = max(maxSum, sum)
	}
	const (
		labelW, barW, rowH, numW = 230, 380, 18, 50
		width                    = labelW + barW + numW
	)
	legendH := 0
	if series > 1 {
		legendH = 20 * ((series + 3) / 4)
	}
	height := legendH + rowH*len(rows) + 4
	e := html.EscapeString
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="%s">`+"\n",
		width, height, width, height, e(t.Title))
	if series > 1 {
		for j := 0; j < series; j++ {
			x, y := 4+(j%4)*(width/4), 4+20*(j/4)
			fmt.Fprintf(b, `<rect x="%d" y="%d" width="10" height="10" fill="%s"/><text x="%d" y="%d">%s</text>`+"\n",
				x, y, palette[j%len(palette)], x+14, y+9, e(truncate(t.Columns[j], 22)))
		}
	}
	for i, r := range rows {
		y := legendH + i*rowH
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`, labelW-6, y+13, e(truncate(r.Label, 38)))
		x, sum := 0.0, 0
		for j, v := range segments(r) {
			sum += v
			if v == 0 || maxSum == 0 {
				continue
			}
			w := float64(v) / float64(maxSum) * barW
			fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>`, labelW+x, y+3, w, rowH-6, palette[j%len(palette)])
			x += w
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%d">%d</text>`+"\n", labelW+x+4, y+13, sum)
	}
	b.WriteString("</svg>\n")
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
