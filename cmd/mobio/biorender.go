package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"go.yaml.in/yaml/v3"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
)

// labelWriter prints "label:  value" rows with the values aligned.
type labelWriter struct{ tw *tabwriter.Writer }

func newLabelWriter(w io.Writer) *labelWriter {
	return &labelWriter{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
}

func (l *labelWriter) row(label, value string) { l.rows(label, []string{value}) }

// rows prints label with the first value and the other values below it.
func (l *labelWriter) rows(label string, values []string) {
	for i, v := range values {
		if i == 0 {
			fmt.Fprintf(l.tw, "%s:\t%s\n", label, v)
		} else {
			fmt.Fprintf(l.tw, "\t%s\n", v)
		}
	}
}

func (l *labelWriter) flush() error { return l.tw.Flush() }

// renderBiography prints the answered fields of the sections secs of b, for a person reading
// lang, then the problems validation finds in them.
func renderBiography(w io.Writer, b *crdt.Biography, lang string, d client.DocInfo, secs []schema.Section) error {
	fmt.Fprintf(w, "%s  (%s, %s)\n", docTitle(lang, d.Title), d.ID, msg(lang, roleMsg(d.Role)))
	r := renderer{b: b, lang: lang}
	any := false
	for i := range secs {
		s := &secs[i]
		r.rows = r.rows[:0]
		if err := r.fields(s.Key, s.Fields, "   "); err != nil {
			return fmt.Errorf("show %s: %w", s.Key, err)
		}
		if len(r.rows) == 0 {
			continue
		}
		any = true
		letter := s.Letter
		if letter == "" {
			letter = "-"
		}
		fmt.Fprintf(w, "\n%s  %s\n", letter, s.Label.In(lang))
		tw := newLabelWriter(w)
		for _, row := range r.rows {
			if row.header {
				fmt.Fprintf(tw.tw, "%s\n", row.label) // no tab: not part of the columns
				continue
			}
			tw.rows(row.label, row.values)
		}
		if err := tw.flush(); err != nil {
			return err
		}
	}
	if !any {
		fmt.Fprintf(w, "\n%s\n", msg(lang, msgEmptyBiography))
	}
	var problems []crdt.Problem
	for _, p := range b.Validate() {
		for i := range secs {
			if strings.HasPrefix(p.Path, secs[i].Key+".") {
				problems = append(problems, p)
			}
		}
	}
	if len(problems) > 0 {
		fmt.Fprintln(w)
		printProblems(w, lang, problems)
	}
	return nil
}

type renderRow struct {
	label  string
	values []string
	header bool // a list's label or an entry's line, without values
}

type renderer struct {
	b    *crdt.Biography
	lang string
	rows []renderRow
}

// fields adds the rows of the answered fields among fields, whose paths start with prefix.
func (r *renderer) fields(prefix string, fields []schema.Field, indent string) error {
	for i := range fields {
		f := &fields[i]
		if f.Secret {
			continue
		}
		path := prefix + "." + f.Key
		label := indent + f.Label.In(r.lang)
		switch f.Type {
		case schema.TypeList:
			ids, err := r.b.Entries(path)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				continue
			}
			r.rows = append(r.rows, renderRow{label: label + ":", header: true})
			for n, id := range ids {
				r.rows = append(r.rows, renderRow{label: fmt.Sprintf("%s  %d. [%s]", indent, n+1, shortEntryID(id)), header: true})
				if err := r.fields(path+"."+id, f.Item, indent+"     "); err != nil {
					return err
				}
			}
		case schema.TypeText:
			tv, err := r.b.Text(path)
			if err != nil {
				return err
			}
			if tv.Text == "" {
				continue
			}
			r.rows = append(r.rows, renderRow{label: label, values: r.text(tv)})
		case schema.TypeCodes, schema.TypeRefs:
			members, err := r.b.Codes(path)
			if err != nil {
				return err
			}
			if len(members) == 0 {
				continue
			}
			shown := make([]string, len(members))
			for i, m := range members {
				if f.Type == schema.TypeRefs {
					shown[i] = "[" + shortEntryID(m) + "]"
				} else {
					shown[i] = codeText(f.CodeList, m, r.lang)
				}
			}
			r.rows = append(r.rows, renderRow{label: label, values: []string{strings.Join(shown, ", ")}})
		default:
			fv, err := r.b.Get(path)
			if err != nil {
				return err
			}
			if fv.State() == crdt.StateEmpty {
				continue
			}
			r.rows = append(r.rows, renderRow{label: label, values: []string{r.scalar(f, fv)}})
		}
	}
	return nil
}

// scalar renders a scalar value with its provenance.
func (r *renderer) scalar(f *schema.Field, fv crdt.FieldValue) string {
	var s string
	switch fv.State() {
	case crdt.StateUnknown:
		s = "(" + msg(r.lang, msgStateUnknown) + ")"
	case crdt.StateDeclined:
		s = "(" + msg(r.lang, msgStateDeclined) + ")"
	default:
		switch f.Type {
		case schema.TypeCode:
			s = codeText(f.CodeList, fv.Str(), r.lang)
		case schema.TypeBool:
			s = msg(r.lang, msgNo)
			if fv.Bool() {
				s = msg(r.lang, msgYes)
			}
		case schema.TypeRef:
			s = "[" + shortEntryID(fv.Str()) + "]"
		default:
			s = oneLine(fv.Text())
		}
		if fv.IsUncertain() {
			s += " (" + msg(r.lang, msgUncertain) + ")"
		}
	}
	if src := fv.Provenance.Source; src != "" {
		p := schema.Label(schema.ListProvenance, string(src), r.lang)
		if fv.Provenance.Document != "" {
			p += " [" + shortEntryID(fv.Provenance.Document) + "]"
		}
		s += "   — " + p
	}
	return s
}

// text renders free text: the original, its language when that is not the reader's, and a
// translation into the reader's language when there is one.
func (r *renderer) text(tv crdt.TextValue) []string {
	lines := strings.Split(strings.TrimRight(tv.Text, "\n"), "\n")
	if tv.Lang != "" && baseLanguage(tv.Lang) != r.lang {
		lines[0] = "[" + tv.Lang + "] " + lines[0]
		if tr, ok := tv.Translations[r.lang]; ok && tr.Text != "" {
			note := schema.Label(schema.ListTranslationSource, tr.Source, r.lang)
			if tr.Outdated {
				note += ", " + msg(r.lang, msgOutdated)
			}
			lines = append(lines, "["+r.lang+"] "+oneLine(tr.Text)+"   — "+note)
		}
	}
	return lines
}

// codeText renders a code as its label, followed by the code itself, which is what commands
// take and what reads the same in every language.
func codeText(list, code, lang string) string {
	label := schema.Label(list, code, lang)
	if label == "" {
		return code
	}
	return label + " (" + code + ")"
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ⏎ ") }

// printProblems prints validation problems in lang, one a line with its path.
func printProblems(w io.Writer, lang string, problems []crdt.Problem) {
	if len(problems) == 0 {
		return
	}
	fmt.Fprintln(w, msg(lang, msgProblemsHeading, len(problems)))
	for _, p := range problems {
		fmt.Fprintf(w, "  %s: %s\n", p.Path, p.Message.In(lang))
	}
}

// jsonToYAML re-encodes a JSON document as block-style YAML, keeping the order of its keys.
func jsonToYAML(j []byte) ([]byte, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(j, &n); err != nil { // JSON is YAML
		return nil, err
	}
	var plain func(*yaml.Node)
	plain = func(n *yaml.Node) {
		n.Style = 0
		for _, c := range n.Content {
			plain(c)
		}
	}
	plain(&n)
	var buf strings.Builder
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return []byte(buf.String()), nil
}
