package disclosure

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/crdt/schema"
)

// filesList is the list of a biography's documents (attachments).
const filesList = "documents.files"

// Choices are the newcomer's changes to a profile's default.
type Choices struct {
	// Name names the recipient organisation ("Bäckerei Schmidt"); it goes into the package.
	Name string
	// Include adds optional paths of the profile (Profile.Optional, or below one).
	Include []string
	// Exclude removes items: a schema path ("person.phone", "work.jobs.tasks", "languages")
	// removes every item at or below it, a path with an entry ID ("work.jobs.k3x9") one entry.
	Exclude []string
	// Documents selects entries of documents.files by ID: documents go only when selected.
	Documents []string
}

// Preview returns exactly the items that would be sent to a recipient of profile p from the
// biography r, after the person's choices c and the global deny list ([Denied]): German
// labels and values, and for free text the German text with its provenance beside the
// original. The package's ID, document, consent and times are left for the sender to fill in.
func Preview(r casework.Reader, p Profile, c Choices) (Package, error) {
	b := builder{r: r, p: p, recipient: p.RecipientType}
	for _, inc := range c.Include {
		inc = strings.TrimSpace(inc)
		if !validPath(inc) {
			return Package{}, fmt.Errorf("%w: %s", ErrUnknownPath, inc)
		}
		if !coveredBy(p.Optional, inc) {
			return Package{}, fmt.Errorf("%w: %s to %s", ErrNotOffered, inc, p.RecipientType)
		}
		b.include = append(b.include, inc)
	}
	for _, ex := range c.Exclude {
		ex = strings.TrimSpace(ex)
		if !validPath(schemaPath(ex)) {
			return Package{}, fmt.Errorf("%w: %s", ErrUnknownPath, ex)
		}
		b.exclude = append(b.exclude, ex)
	}
	docs, err := r.Entries(filesList)
	if err != nil {
		return Package{}, fmt.Errorf("read %s: %w", filesList, err)
	}
	for _, d := range c.Documents {
		if !slices.Contains(docs, d) {
			return Package{}, fmt.Errorf("%w: %s", ErrNoSuchDocument, d)
		}
	}
	for _, d := range docs { // in document order, each once
		if slices.Contains(c.Documents, d) && !b.excluded(filesList+"."+d, filesList) {
			b.docs = append(b.docs, d)
		}
	}

	pkg := Package{
		Format:    Format,
		Recipient: Recipient{Type: p.RecipientType, Label: p.Label(), Name: strings.TrimSpace(c.Name)},
		Language:  "de",
		Documents: b.docs,
	}
	for i := range schema.Default().Sections {
		sec := &schema.Default().Sections[i]
		items, err := b.section(sec)
		if err != nil {
			return Package{}, err
		}
		if len(items) > 0 {
			pkg.Sections = append(pkg.Sections, Section{Key: sec.Key, Label: sec.Label.De, Items: items})
		}
	}
	if len(pkg.Sections) == 0 {
		return Package{}, ErrEmpty
	}
	pkg.normalize()
	return pkg, nil
}

// builder collects the items of one preview.
type builder struct {
	r         casework.Reader
	p         Profile
	recipient string
	include   []string // optional paths the person added
	exclude   []string // paths the person removed, schema paths or with entry IDs
	docs      []string // selected documents
	items     []Item
}

// selected reports whether the schema path sp (a leaf field, or a derived item) goes to the
// recipient before the person's exclusions.
func (b *builder) selected(sp string) bool {
	if sectionOf(sp) == "documents" {
		return slices.Contains(profiles.DocumentFields, strings.TrimPrefix(sp, filesList+".")) &&
			!Denied(b.recipient, sp)
	}
	if !coveredBy(b.p.Include, sp) && !coveredBy(b.include, sp) {
		return false
	}
	if coveredBy(b.p.Exclude, sp) {
		return false
	}
	if d, ok := derived[sp]; ok {
		for _, src := range d.sources {
			if Denied(b.recipient, src) {
				return false
			}
		}
		return true
	}
	return !Denied(b.recipient, sp)
}

// excluded reports whether the person removed the item at path (with entry IDs) whose schema
// path is sp.
func (b *builder) excluded(path, sp string) bool {
	return coveredBy(b.exclude, path) || coveredBy(b.exclude, sp)
}

func (b *builder) section(sec *schema.Section) ([]Item, error) {
	b.items = nil
	if err := b.fields(sec.Key, sec.Key, sec.Fields, "", ""); err != nil {
		return nil, fmt.Errorf("preview %s: %w", sec.Key, err)
	}
	for _, key := range derivedIn(sec.Key) {
		if err := b.derivedItem(key); err != nil {
			return nil, fmt.Errorf("preview %s: %w", key, err)
		}
	}
	return b.items, nil
}

// derivedIn returns the derived items of a section, in a fixed order.
func derivedIn(section string) []string {
	var out []string
	for k := range derived {
		if sectionOf(k) == section {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func (b *builder) derivedItem(key string) error {
	if !b.selected(key) || b.excluded(key, key) {
		return nil
	}
	d := derived[key]
	value, source, ok, err := d.derive(b.r)
	if err != nil || !ok {
		return err
	}
	b.items = append(b.items, Item{
		Path: key, Label: d.label, Value: value, Source: source, SourceLabel: sourceLabel(source),
		DerivedFrom: strings.Join(d.sources, ","),
	})
	return nil
}

// fields adds the items of fields, whose paths start with prefix (with entry IDs) and whose
// schema paths start with sprefix; list and entry name the entry they belong to, if any.
func (b *builder) fields(prefix, sprefix string, fields []schema.Field, list, entry string) error {
	for i := range fields {
		f := &fields[i]
		path, sp := prefix+"."+f.Key, sprefix+"."+f.Key
		if f.Type == schema.TypeList {
			if err := b.list(f, path, sp); err != nil {
				return err
			}
			continue
		}
		if !b.selected(sp) || b.excluded(path, sp) {
			continue
		}
		it, ok, err := b.item(f, path)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if !ok {
			continue
		}
		if list != "" {
			it.List, it.Entry = list, entry
			if lf, err := schema.Default().Field(list); err == nil {
				it.ListLabel = lf.Label.De
			}
		}
		b.items = append(b.items, it)
	}
	return nil
}

func (b *builder) list(f *schema.Field, path, sp string) error {
	if path != sp {
		return nil // lists hold no lists
	}
	ids, err := b.r.Entries(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	for _, id := range ids {
		if path == filesList && !slices.Contains(b.docs, id) {
			continue
		}
		ep := path + "." + id
		if b.excluded(ep, sp) {
			continue
		}
		allowed := entryAllowed(b.recipient, path, func() string {
			v, err := b.r.Field(ep + ".field_of_action")
			if err != nil {
				return ""
			}
			return v.Value
		})
		if !allowed {
			continue
		}
		if err := b.fields(ep, sp, f.Item, path, id); err != nil {
			return err
		}
	}
	return nil
}

// item reads the field f at path as an item; ok is false when it holds nothing to send.
func (b *builder) item(f *schema.Field, path string) (Item, bool, error) {
	it := Item{Path: path, Label: f.Label.De}
	switch f.Type {
	case schema.TypeText:
		t, err := b.r.Text(path)
		if err != nil {
			return it, false, err
		}
		if strings.TrimSpace(t.Text) == "" {
			return it, false, nil
		}
		it.Value, it.Text = germanText(t, f.NoTranslate)
		return it, true, nil
	case schema.TypeCodes, schema.TypeRefs:
		codes, err := b.r.Codes(path)
		if err != nil {
			return it, false, err
		}
		var labels []string
		for _, c := range codes {
			if l, ok := b.codeOrRef(f, c); ok {
				labels = append(labels, l)
			}
		}
		if len(labels) == 0 {
			return it, false, nil
		}
		it.Value = strings.Join(labels, ", ")
		return it, true, nil
	}
	v, err := b.r.Field(path)
	if err != nil {
		return it, false, err
	}
	it.Source, it.SourceLabel = v.Source, sourceLabel(v.Source)
	switch v.State {
	case casework.StateUnknown:
		it.Value = stateUnknown
		return it, true, nil
	case casework.StateDeclined:
		it.Value = stateDeclined
		return it, true, nil
	case casework.StateValue:
	default:
		return it, false, nil
	}
	switch f.Type {
	case schema.TypeDate:
		it.Value = germanDate(v.Value, v.Uncertain)
	case schema.TypeTime:
		it.Value = germanTime(v.Value)
	case schema.TypeBool:
		it.Value = germanBool(v.Value)
	case schema.TypeCode:
		it.Value = codeLabel(f.CodeList, v.Value)
	case schema.TypeRef:
		l, ok := b.codeOrRef(f, v.Value)
		if !ok {
			return it, false, nil
		}
		it.Value = l
	default:
		it.Value = v.Value
	}
	return it, true, nil
}

// codeOrRef returns the German text of one code of a code field, or of one reference of a
// reference field: a reference goes only to a selected document, named by its type and title.
func (b *builder) codeOrRef(f *schema.Field, c string) (string, bool) {
	if f.Type == schema.TypeCode || f.Type == schema.TypeCodes {
		return codeLabel(f.CodeList, c), true
	}
	if f.Ref != filesList || !slices.Contains(b.docs, c) {
		return "", false
	}
	return documentName(b.r, c), true
}

// documentName names a document for a reference to it: its type and title.
func documentName(r casework.Reader, id string) string {
	var parts []string
	if t, err := r.Field(filesList + "." + id + ".type"); err == nil && t.Has() {
		parts = append(parts, codeLabel("document_type", t.Value))
	}
	if t, err := r.Field(filesList + "." + id + ".title"); err == nil && t.Has() {
		parts = append(parts, "„"+t.Value+"“")
	}
	if len(parts) == 0 {
		return "Dokument " + id
	}
	return strings.Join(parts, " ")
}

// schemaPath removes the entry IDs from a path: "work.jobs.k3x9.tasks" → "work.jobs.tasks".
func schemaPath(path string) string {
	parts := strings.Split(path, ".")
	if len(parts) < 3 {
		return path
	}
	if f, err := schema.Default().Field(parts[0] + "." + parts[1]); err == nil && f.Type == schema.TypeList && fieldByKey(f.Item, parts[2]) == nil {
		return strings.Join(append(parts[:2:2], parts[3:]...), ".")
	}
	return path
}
