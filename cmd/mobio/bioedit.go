package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/spf13/cobra"
)

// Errors of bio edit that tests branch on.
var (
	errEditAborted = errors.New("edit aborted")
	errEditInvalid = errors.New("edited file has problems")
)

// entryIDKey is the key of an entry's ID in the edit view; field keys are never "id".
const entryIDKey = "id"

func newBioEditCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		e      editFlags
		format string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "edit DOC [SECTION]",
		Short: "Edit a biography (or one section) in $VISUAL or $EDITOR, as YAML or JSON",
		Long: `Open the fields of biography DOC (or of one SECTION) in your editor ($VISUAL, else $EDITOR,
else vi) as YAML, with each field's label in --lang as a comment, or as JSON with --format
json. When the editor closes, only what you changed is applied, as one change: a changed
value is set, an emptied one cleared, a list item without id is added, a deleted list item
is removed. A deleted field line changes nothing. Values are typed as for mobio bio set.

If something you wrote cannot be a value of its field, nothing is applied: on a terminal the
editor opens again with the problems listed at the top; otherwise the problems are reported,
each with its field's path.`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "yaml" && format != "json" {
				return &usageError{err: fmt.Errorf("--format %q: want yaml or json", format), cmd: cmd.CommandPath()}
			}
			return a.withSession(cmd.Context(), f, func(x *session) error {
				secs := schema.Default().Sections
				if len(args) == 2 {
					s, err := findSection(schema.Default(), args[1])
					if err != nil {
						return err
					}
					secs = []schema.Section{*s}
				}
				return a.editBiography(cmd.Context(), x, args[0], secs, format, e, asJSON)
			})
		},
	}
	e.register(cmd.Flags())
	cmd.Flags().StringVar(&format, "format", "yaml", "yaml or json")
	cmd.Flags().BoolVar(&asJSON, "json", false, "report the changes as JSON")
	return cmd
}

// editModel is the editable content of a biography: each field's value as a person types it.
type editModel struct {
	values  map[string]string   // scalar and free-text fields by path (with entry IDs)
	sets    map[string][]string // set fields by path, members sorted
	entries map[string][]string // list path → entry IDs in order; new entries are "+1", "+2", …
}

func newEditModel() *editModel {
	return &editModel{values: map[string]string{}, sets: map[string][]string{}, entries: map[string][]string{}}
}

// editProblem is something wrong in the edited file, at path.
type editProblem struct{ path, text string }

type editProblems struct {
	lang     string
	problems []editProblem
}

func (e *editProblems) Error() string {
	var b strings.Builder
	b.WriteString(msg(e.lang, msgEditProblems, len(e.problems)))
	for _, p := range e.problems {
		fmt.Fprintf(&b, "\n  %s: %s", p.path, p.text)
	}
	return b.String()
}

func (e *editProblems) Unwrap() error { return errEditInvalid }

// editChange is one change of a field or list entry that bio edit made.
type editChange struct {
	Change string `json:"change"` // "added", "changed", "cleared" or "removed"
	Path   string `json:"path"`
}

// printChanges reports the changes of an edit, one a line, or as JSON.
func printChanges(w io.Writer, lang string, changes []editChange, asJSON bool) error {
	if asJSON {
		return writeJSON(w, map[string][]editChange{"changes": append([]editChange{}, changes...)})
	}
	if len(changes) == 0 {
		_, err := fmt.Fprintln(w, msg(lang, msgNoChanges))
		return err
	}
	ids := map[string]msgID{"added": msgEditAdded, "changed": msgEditChanged, "cleared": msgEditCleared, "removed": msgEditRemoved}
	for _, c := range changes {
		if _, err := fmt.Fprintln(w, msg(lang, ids[c.Change], c.Path)); err != nil {
			return err
		}
	}
	return nil
}

func (a *app) editBiography(ctx context.Context, x *session, docArg string, secs []schema.Section, format string, e editFlags, asJSON bool) error {
	d, err := x.resolveDoc(ctx, docArg)
	if err != nil {
		return err
	}
	var (
		old  *editModel
		view []byte
	)
	if err := x.read(ctx, d.ID, func(b *crdt.Biography) error {
		old, err = readEditModel(b, secs)
		if err != nil {
			return err
		}
		view, err = renderEditView(old, secs, x.Lang, format, docTitle(x.Lang, d.Title))
		return err
	}); err != nil {
		return err
	}

	tmp, err := os.CreateTemp(x.DataDir, "edit-*."+format) // 0600, in the private data directory
	if err != nil {
		return fmt.Errorf("edit: %w", err)
	}
	name := tmp.Name()
	defer os.Remove(name)
	if _, err := tmp.Write(view); err != nil {
		tmp.Close()
		return fmt.Errorf("edit: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("edit: %w", err)
	}

	written := view // what the editor was last given
	for round := 0; ; round++ {
		if err := a.runEditor(ctx, x.Lang, name); err != nil {
			return err
		}
		saved, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("edit: %w", err)
		}
		if bytes.Equal(saved, view) {
			return printChanges(a.Stdout, x.Lang, nil, asJSON)
		}
		if len(bytes.TrimSpace(saved)) == 0 {
			return newUserError(errEditAborted, x.Lang, msgEditEmpty)
		}
		var report []editChange
		err = x.edit(ctx, d.ID, "edit", func(b *crdt.Biography) error {
			nw, probs := parseEditView(b, saved, secs, x.Lang)
			if nw == nil {
				return &editProblems{lang: x.Lang, problems: probs}
			}
			p, err := x.provenance(b, e)
			if err != nil {
				return err
			}
			// Apply what could be read even when something could not, to report every problem
			// at once; any problem makes Edit throw all of it away.
			report, err = applyEdit(b, x.Lang, old, nw, valueOpts{prov: p, inputLang: e.inputLang, uiLang: x.Lang})
			if ep, ok := errors.AsType[*editProblems](err); ok {
				probs = append(probs, ep.problems...)
			} else if err != nil {
				return err
			}
			if len(probs) > 0 {
				return &editProblems{lang: x.Lang, problems: probs}
			}
			return nil
		})
		ep, ok := errors.AsType[*editProblems](err)
		switch {
		case err == nil:
			return printChanges(a.Stdout, x.Lang, report, asJSON)
		case !ok:
			return err
		}
		// Re-open only for a person at a terminal, and only while they change the file:
		// closing the re-opened file unchanged gives up.
		if terminalPrompter(a.Stdin, a.Stderr) == nil || round > 0 && bytes.Equal(saved, written) {
			return err
		}
		written = withProblems(saved, ep, format)
		if err := os.WriteFile(name, written, 0o600); err != nil {
			return fmt.Errorf("edit: %w", err)
		}
		fmt.Fprintln(a.Stderr, err)
	}
}

// withProblems puts the problems as comments at the top of a YAML file, replacing those of an
// earlier round. JSON has no comments, so a JSON file is returned as it is.
func withProblems(saved []byte, ep *editProblems, format string) []byte {
	if format != "yaml" {
		return saved
	}
	const mark = "# !! "
	var buf bytes.Buffer
	for _, line := range strings.Split(ep.Error(), "\n") {
		buf.WriteString(mark + line + "\n")
	}
	for _, line := range bytes.SplitAfter(saved, []byte("\n")) {
		if !bytes.HasPrefix(line, []byte(mark)) {
			buf.Write(line)
		}
	}
	return buf.Bytes()
}

// runEditor opens file in the person's editor and waits for it to close.
func (a *app) runEditor(ctx context.Context, lang, file string) error {
	editor := a.Getenv("VISUAL")
	if editor == "" {
		editor = a.Getenv("EDITOR")
	}
	if editor == "" {
		editor = "vi"
	}
	var cmd *exec.Cmd
	if runtime.GOOS == "windows" {
		args := strings.Fields(editor)
		cmd = exec.CommandContext(ctx, args[0], append(args[1:], file)...)
	} else {
		// Through the shell, as git does, so that EDITOR may carry arguments: "code --wait".
		cmd = exec.CommandContext(ctx, "sh", "-c", editor+` "$@"`, editor, file)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = a.Stdin, a.Stdout, a.Stderr
	if err := cmd.Run(); err != nil {
		return newUserError(fmt.Errorf("%w: %w", errEditAborted, err), lang, msgEditorFailed, editor, err)
	}
	return nil
}

// readEditModel reads the editable content of the sections secs of b.
func readEditModel(b *crdt.Biography, secs []schema.Section) (*editModel, error) {
	m := newEditModel()
	var walk func(prefix string, fields []schema.Field) error
	walk = func(prefix string, fields []schema.Field) error {
		for i := range fields {
			f := &fields[i]
			if f.Secret {
				continue
			}
			path := prefix + "." + f.Key
			switch f.Type {
			case schema.TypeList:
				ids, err := b.Entries(path)
				if err != nil {
					return err
				}
				m.entries[path] = ids
				for _, id := range ids {
					if err := walk(path+"."+id, f.Item); err != nil {
						return err
					}
				}
			case schema.TypeText:
				tv, err := b.Text(path)
				if err != nil {
					return err
				}
				m.values[path] = tv.Text
			case schema.TypeCodes, schema.TypeRefs:
				members, err := b.Codes(path)
				if err != nil {
					return err
				}
				m.sets[path] = members
			default:
				fv, err := b.Get(path)
				if err != nil {
					return err
				}
				m.values[path] = typedText(fv.Value)
			}
		}
		return nil
	}
	for i := range secs {
		if err := walk(secs[i].Key, secs[i].Fields); err != nil {
			return nil, fmt.Errorf("read %s: %w", secs[i].Key, err)
		}
	}
	return m, nil
}

// typedText renders a value as a person would type it, so that parsing it gives it back.
func typedText(v crdt.Value) string {
	s := v.Text()
	if v.IsUncertain() {
		s += "~"
	}
	return s
}

// renderEditView writes the edit view of m: YAML with labels as comments, or JSON.
func renderEditView(m *editModel, secs []schema.Section, lang, format, title string) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	for i := range secs {
		s := &secs[i]
		k := strNode(s.Key)
		k.HeadComment = s.Label.In(lang)
		if i > 0 {
			k.HeadComment = "\n" + k.HeadComment
		}
		root.Content = append(root.Content, k, fieldsNode(m, s.Key, s.Fields, lang))
	}
	if format == "json" {
		var buf bytes.Buffer
		writeNodeJSON(&buf, root, "")
		buf.WriteByte('\n')
		return buf.Bytes(), nil
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	doc.HeadComment = msg(lang, msgEditHeader, title)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("encode edit view: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode edit view: %w", err)
	}
	return buf.Bytes(), nil
}

func strNode(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func nullNode() *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"} }

// fieldsNode is the mapping of fields under prefix, each value with its label as a comment.
func fieldsNode(m *editModel, prefix string, fields []schema.Field, lang string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for i := range fields {
		f := &fields[i]
		if f.Secret {
			continue
		}
		path := prefix + "." + f.Key
		k := strNode(f.Key)
		comment := f.Label.In(lang)
		if f.CodeList != "" {
			comment += " [" + f.CodeList + "]"
		}
		var v *yaml.Node
		switch f.Type {
		case schema.TypeList:
			v = &yaml.Node{Kind: yaml.SequenceNode}
			for _, id := range m.entries[path] {
				e := fieldsNode(m, path+"."+id, f.Item, lang)
				e.Content = append([]*yaml.Node{strNode(entryIDKey), strNode(id)}, e.Content...)
				v.Content = append(v.Content, e)
			}
			if len(v.Content) == 0 {
				v.Style = yaml.FlowStyle
			}
			k.LineComment = comment
		case schema.TypeCodes, schema.TypeRefs:
			v = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			var labels []string
			for _, c := range m.sets[path] {
				v.Content = append(v.Content, strNode(c))
				if l := schema.Label(f.CodeList, c, lang); l != "" {
					labels = append(labels, l)
				}
			}
			if len(labels) > 0 {
				comment += ": " + strings.Join(labels, ", ")
			}
			v.LineComment = comment
		default:
			s := m.values[path]
			if s == "" {
				v = nullNode()
			} else {
				v = strNode(s)
				if strings.Contains(s, "\n") {
					v.Style = yaml.LiteralStyle
				}
			}
			if f.Type == schema.TypeCode {
				if l := schema.Label(f.CodeList, s, lang); l != "" {
					comment += ": " + l
				}
			}
			if v.Style == yaml.LiteralStyle {
				k.LineComment = comment
			} else {
				v.LineComment = comment
			}
		}
		n.Content = append(n.Content, k, v)
	}
	return n
}

// writeNodeJSON writes n as JSON, keeping the order of keys; every scalar is a string, and an
// empty field is null.
func writeNodeJSON(buf *bytes.Buffer, n *yaml.Node, indent string) {
	in := indent + "  "
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			buf.WriteString("{}")
			return
		}
		buf.WriteString("{\n")
		for i := 0; i < len(n.Content); i += 2 {
			buf.WriteString(in)
			writeJSONString(buf, n.Content[i].Value)
			buf.WriteString(": ")
			writeNodeJSON(buf, n.Content[i+1], in)
			if i+2 < len(n.Content) {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString(indent + "}")
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			buf.WriteString("[]")
			return
		}
		scalars := n.Content[0].Kind == yaml.ScalarNode
		if scalars {
			buf.WriteByte('[')
		} else {
			buf.WriteString("[\n")
		}
		for i, c := range n.Content {
			if !scalars {
				buf.WriteString(in)
			}
			writeNodeJSON(buf, c, in)
			if i+1 < len(n.Content) {
				buf.WriteByte(',')
				if scalars {
					buf.WriteByte(' ')
				}
			}
			if !scalars {
				buf.WriteByte('\n')
			}
		}
		if !scalars {
			buf.WriteString(indent)
		}
		buf.WriteByte(']')
	default:
		if n.Tag == "!!null" {
			buf.WriteString("null")
			return
		}
		writeJSONString(buf, n.Value)
	}
}

func writeJSONString(buf *bytes.Buffer, s string) {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	buf.Truncate(buf.Len() - 1)
}

// parseEditView reads an edited view (YAML, or JSON, which is YAML) of the sections secs.
// Fields left out of it are absent from the model, and so unchanged.
func parseEditView(b *crdt.Biography, data []byte, secs []schema.Section, lang string) (*editModel, []editProblem) {
	m := newEditModel()
	var probs []editProblem
	problem := func(path string, id msgID, args ...any) {
		probs = append(probs, editProblem{path: path, text: msg(lang, id, args...)})
	}
	var doc, more yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		// The parser's message names a line and what it expected, never a value.
		problem("-", msgEditSyntax, err)
		return nil, probs
	}
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		// A second document, or text after a JSON object's end, would be ignored silently.
		problem("-", msgEditTrailing)
		return nil, probs
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		problem("-", msgEditNotMapping)
		return nil, probs
	}
	var fields func(prefix string, n *yaml.Node, fs []schema.Field)
	fields = func(prefix string, n *yaml.Node, fs []schema.Field) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, v := n.Content[i].Value, n.Content[i+1]
			path := prefix + "." + key
			f := fieldByKey(fs, key)
			if f == nil || f.Secret {
				problem(path, msgEditUnknownField)
				continue
			}
			switch f.Type {
			case schema.TypeList:
				ids, ok := listItems(b, m, path, v, f, problem)
				if !ok {
					continue
				}
				m.entries[path] = nil
				for j, item := range v.Content {
					fields(path+"."+ids[j], item, f.Item)
					m.entries[path] = append(m.entries[path], ids[j])
				}
			case schema.TypeCodes, schema.TypeRefs:
				switch {
				case isNull(v):
					m.sets[path] = []string{}
				case v.Kind == yaml.ScalarNode:
					m.sets[path] = strings.FieldsFunc(v.Value, func(c rune) bool { return c == ',' || c == ' ' })
				case v.Kind == yaml.SequenceNode:
					var members []string
					for _, c := range v.Content {
						if c.Kind != yaml.ScalarNode {
							problem(path, msgEditWantList)
							continue
						}
						if !isNull(c) {
							members = append(members, c.Value)
						}
					}
					m.sets[path] = members
				default:
					problem(path, msgEditWantList)
				}
			default:
				switch {
				case isNull(v):
					m.values[path] = ""
				case v.Kind == yaml.ScalarNode:
					m.values[path] = v.Value
				default:
					problem(path, msgEditWantValue)
				}
			}
		}
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, v := root.Content[i].Value, root.Content[i+1]
		var sec *schema.Section
		for j := range secs {
			if secs[j].Key == key {
				sec = &secs[j]
			}
		}
		switch {
		case sec == nil:
			problem(key, msgEditUnknownSection)
		case isNull(v):
		case v.Kind != yaml.MappingNode:
			problem(key, msgEditWantMapping)
		default:
			fields(sec.Key, v, sec.Fields)
		}
	}
	return m, probs
}

// listItems checks the items of the list at path and returns the entry ID of each: its id,
// which must be an entry of the list, or "+N" for a new entry.
func listItems(b *crdt.Biography, m *editModel, path string, v *yaml.Node, f *schema.Field, problem func(string, msgID, ...any)) ([]string, bool) {
	if isNull(v) {
		v.Kind, v.Content = yaml.SequenceNode, nil
	}
	if v.Kind != yaml.SequenceNode {
		problem(path, msgEditWantItems)
		return nil, false
	}
	existing, err := b.Entries(path)
	if err != nil {
		problem(path, msgEditWantItems)
		return nil, false
	}
	ids := make([]string, len(v.Content))
	seen := map[string]bool{}
	ok := true
	added := 0
	for j, item := range v.Content {
		if item.Kind != yaml.MappingNode {
			problem(path, msgEditWantItems)
			ok = false
			continue
		}
		id := ""
		for k := 0; k+1 < len(item.Content); k += 2 {
			if item.Content[k].Value == entryIDKey {
				id = item.Content[k+1].Value
				item.Content = slices.Delete(item.Content, k, k+2)
				break
			}
		}
		switch {
		case id == "":
			added++
			ids[j] = "+" + strconv.Itoa(added)
		case !slices.Contains(existing, id):
			problem(path+"."+id, msgEditUnknownEntry)
			ok = false
		case seen[id]:
			problem(path+"."+id, msgEditDuplicateEntry)
			ok = false
		default:
			seen[id] = true
			ids[j] = id
		}
	}
	return ids, ok
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || n.ShortTag() == "!!null")
}

// applyEdit applies the differences from old to nw to b and returns the changes made.
// Every value is tried, so that all problems are reported at once; any problem fails the
// whole edit.
func applyEdit(b *crdt.Biography, lang string, old, nw *editModel, o valueOpts) ([]editChange, error) {
	var (
		report []editChange
		probs  []editProblem
	)
	fail := func(path string, err error) {
		var ue *userError
		text := err.Error()
		if errors.As(err, &ue) {
			// userError texts name the field's path already; keep what follows it.
			text = strings.TrimPrefix(ue.text, path+": ")
		}
		probs = append(probs, editProblem{path: path, text: text})
	}
	// New entries first, so that their fields can be set.
	real := map[string]string{} // "work.jobs.+1" → "work.jobs.<id>"
	for _, listPath := range sortedKeys(nw.entries) {
		for _, id := range nw.entries[listPath] {
			if !strings.HasPrefix(id, "+") {
				continue
			}
			nid, err := b.AddEntry(listPath)
			if err != nil {
				fail(listPath, err)
				continue
			}
			real[listPath+"."+id] = listPath + "." + nid
			report = append(report, editChange{"added", listPath + "." + nid})
		}
	}
	realPath := func(p string) string {
		for from, to := range real {
			if strings.HasPrefix(p, from+".") {
				return to + strings.TrimPrefix(p, from)
			}
		}
		return p
	}
	for _, path := range sortedKeys(nw.values) {
		v := nw.values[path]
		if ov, ok := old.values[path]; ok && ov == v || !ok && v == "" {
			continue
		}
		rp := realPath(path)
		r, err := resolvePath(b, lang, rp)
		if err != nil {
			fail(path, err)
			continue
		}
		if err := setValue(b, lang, r, v, o); err != nil {
			fail(path, err)
			continue
		}
		if strings.TrimSpace(v) == "" {
			report = append(report, editChange{"cleared", rp})
		} else if rp == path {
			report = append(report, editChange{"changed", rp})
		}
	}
	for _, path := range sortedKeys(nw.sets) {
		rp := realPath(path)
		r, err := resolvePath(b, lang, rp)
		if err != nil {
			fail(path, err)
			continue
		}
		var members []string
		for _, s := range nw.sets[path] {
			c, err := parseMember(b, lang, r, s)
			if err != nil {
				fail(path, err)
				continue
			}
			if !slices.Contains(members, c) {
				members = append(members, c)
			}
		}
		slices.Sort(members)
		if slices.Equal(members, old.sets[path]) {
			continue
		}
		if err := b.SetCodes(rp, members, o.prov); err != nil {
			fail(path, fieldError(lang, r, err))
			continue
		}
		if rp == path {
			report = append(report, editChange{"changed", rp})
		}
	}
	for _, listPath := range sortedKeys(nw.entries) {
		for _, id := range old.entries[listPath] {
			if slices.Contains(nw.entries[listPath], id) {
				continue
			}
			if err := b.RemoveEntry(listPath, id); err != nil {
				fail(listPath+"."+id, err)
				continue
			}
			report = append(report, editChange{"removed", listPath + "." + id})
		}
	}
	if len(probs) > 0 {
		return nil, &editProblems{lang: lang, problems: probs}
	}
	return report, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
