package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/spf13/cobra"
)

const langFlagHelp = "language of the labels: de, en, ar, fa or fr\n(default: $MOBIO_LANG, else config key lang, else the language of $LANG if it is one of these, else de)"

func newSchemaCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the biography's schema: sections, fields and code lists",
		Long: `The schema catalogue describes every section and field of a biography (its type, whether it
is required, which code list a choice field uses) and every code list, with labels in German,
English, Arabic, Farsi and French. Validation, exports and the web app's forms all use it.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newSchemaExportCmd(a), newSchemaShowCmd(a), newSchemaCodesCmd(a))
	return cmd
}

func newSchemaExportCmd(a *app) *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Print the schema catalogue as JSON, the form the web app renders",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := json.MarshalIndent(schema.Default(), "", "  ")
			if err != nil {
				return fmt.Errorf("encode schema: %w", err)
			}
			b = append(b, '\n')
			if output == "" || output == "-" {
				_, err := a.Stdout.Write(b)
				return err
			}
			return writeFileAtomic(output, b)
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to `FILE` (replaced atomically) instead of standard output")
	return cmd
}

func newSchemaShowCmd(a *app) *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "show [SECTION]",
		Short: "Print an outline of every section, or of one, with labels in one language",
		Long: `Print an outline of the biography's sections: for each section its letter, label and key, and
for each field its key, type (with its code list or referenced list), flags and label.
SECTION is a section key (person) or letter (A). Flags: * required, r restricted
(never part of a default share). Secret fields are not shown.`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeSections,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := a.language(lang)
			if err != nil {
				return err
			}
			cat := schema.Default()
			secs := cat.Sections
			if len(args) == 1 {
				s, err := findSection(cat, args[0])
				if err != nil {
					return err
				}
				secs = []schema.Section{*s}
			}
			return showSections(a.Stdout, secs, l)
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", langFlagHelp)
	return cmd
}

func newSchemaCodesCmd(a *app) *cobra.Command {
	var (
		lang   string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "codes [LIST]",
		Short: "Print the codes of a code list with their labels, or the code lists",
		Long: `Print the codes of the code list LIST, one a line with its label in one language.
Without LIST, print the code lists: key, number of codes, label.`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeCodeLists,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := a.language(lang)
			if err != nil {
				return err
			}
			cat := schema.Default()
			if len(args) == 0 {
				return showCodeLists(a.Stdout, cat, l, asJSON)
			}
			list := cat.CodeList(args[0])
			if list == nil {
				return fmt.Errorf("unknown code list %q; valid code lists: %s", args[0], strings.Join(codeListKeys(cat), ", "))
			}
			return showCodes(a.Stdout, list, l, asJSON)
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", langFlagHelp)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// language returns the language for labels as the other commands choose it: flag if set,
// else $MOBIO_LANG, else lang in the configuration file, else the base language of $LANG if
// it is one of [schema.Languages], else German.
func (a *app) language(flag string) (string, error) {
	if flag != "" {
		return checkLanguage(flag, "--lang")
	}
	if env := a.Getenv("MOBIO_LANG"); env != "" {
		return checkLanguage(env, "$MOBIO_LANG")
	}
	// Only the language: a relay or passphrase file set wrong is no reason to refuse the schema.
	if dir, _, err := a.homeDirs(&homeFlags{}); err == nil {
		var c fileConfig
		name := filepath.Join(dir, configFileName)
		if err := readConfigFile(name, &c); err != nil {
			return "", err
		}
		if c.Lang != "" {
			return checkLanguage(c.Lang, "lang in "+name)
		}
	}
	if l := baseLanguage(a.Getenv("LANG")); slices.Contains(schema.Languages, l) {
		return l, nil
	}
	return "de", nil
}

func checkLanguage(tag, source string) (string, error) {
	l := baseLanguage(tag)
	if !slices.Contains(schema.Languages, l) {
		return "", fmt.Errorf("unknown language %q in %s; valid languages: %s", tag, source, strings.Join(schema.Languages, ", "))
	}
	return l, nil
}

// baseLanguage returns the lower-case language of a BCP 47 tag or POSIX locale:
// "ar_SY.UTF-8" and "ar-SY" are "ar".
func baseLanguage(tag string) string {
	if i := strings.IndexAny(tag, "-_.@"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}

// findSection returns the section with key name, or with letter name in any case.
func findSection(cat *schema.Catalogue, name string) (*schema.Section, error) {
	if s := cat.Section(name); s != nil {
		return s, nil
	}
	for i := range cat.Sections {
		if s := &cat.Sections[i]; s.Letter != "" && strings.EqualFold(s.Letter, name) {
			return s, nil
		}
	}
	var valid []string
	for _, s := range cat.Sections {
		if s.Letter != "" {
			valid = append(valid, s.Key+" ("+s.Letter+")")
		} else {
			valid = append(valid, s.Key)
		}
	}
	return nil, fmt.Errorf("unknown section %q; valid sections: %s", name, strings.Join(valid, ", "))
}

// showSections prints the outline of secs with labels in lang. The label is the last column,
// so that right-to-left labels do not disturb the alignment of the others.
func showSections(w io.Writer, secs []schema.Section, lang string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, s := range secs {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		letter := s.Letter
		if letter == "" {
			letter = "-"
		}
		notes := []string{s.Key}
		if s.CaseWork {
			notes = append(notes, "case work")
		}
		if s.SpecialCategory {
			notes = append(notes, "special category: own consent, never disclosed")
		}
		// A header line has no tabs: it is not part of the field columns.
		fmt.Fprintf(tw, "%s  %s  [%s]\n", letter, s.Label.In(lang), strings.Join(notes, "; "))
		showFields(tw, s.Fields, "   ", lang)
	}
	return tw.Flush()
}

func showFields(w io.Writer, fields []schema.Field, indent, lang string) {
	for _, f := range fields {
		if f.Secret {
			continue
		}
		fmt.Fprintf(w, "%s%s\t%s\t%s\t%s\n", indent, f.Key, fieldType(f), fieldFlags(f), f.Label.In(lang))
		if f.Type == schema.TypeList {
			showFields(w, f.Item, indent+"  ", lang)
		}
	}
}

// fieldType renders a field's type with its code list or the list it refers to: "codes:country".
func fieldType(f schema.Field) string {
	switch {
	case f.CodeList != "":
		return string(f.Type) + ":" + f.CodeList
	case f.Ref != "":
		return string(f.Type) + ":" + f.Ref
	}
	return string(f.Type)
}

func fieldFlags(f schema.Field) string {
	flags := ""
	if f.Required {
		flags += "*"
	}
	if f.Restricted {
		flags += "r"
	}
	return flags
}

// codesJSON is what `mobio schema codes LIST --json` prints.
type codesJSON struct {
	List     string     `json:"list"`
	Label    string     `json:"label"`
	Standard string     `json:"standard,omitempty"`
	Lang     string     `json:"lang"`
	Codes    []codeJSON `json:"codes"`
}

type codeJSON struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

func showCodes(w io.Writer, list *schema.CodeList, lang string, asJSON bool) error {
	if asJSON {
		out := codesJSON{List: list.Key, Label: list.Label.In(lang), Standard: list.Standard, Lang: lang, Codes: []codeJSON{}}
		for _, c := range list.Codes {
			out.Codes = append(out.Codes, codeJSON{Code: c.Code, Label: c.Label.In(lang)})
		}
		return writeJSON(w, out)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range list.Codes {
		fmt.Fprintf(tw, "%s\t%s\n", c.Code, c.Label.In(lang))
	}
	return tw.Flush()
}

// codeListJSON is an element of what `mobio schema codes --json` prints.
type codeListJSON struct {
	List     string `json:"list"`
	Label    string `json:"label"`
	Standard string `json:"standard,omitempty"`
	Codes    int    `json:"codes"`
}

func showCodeLists(w io.Writer, cat *schema.Catalogue, lang string, asJSON bool) error {
	if asJSON {
		out := []codeListJSON{}
		for _, l := range cat.CodeLists {
			out = append(out, codeListJSON{List: l.Key, Label: l.Label.In(lang), Standard: l.Standard, Codes: len(l.Codes)})
		}
		return writeJSON(w, out)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, l := range cat.CodeLists {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", l.Key, len(l.Codes), l.Label.In(lang))
	}
	return tw.Flush()
}

func codeListKeys(cat *schema.Catalogue) []string {
	keys := make([]string, len(cat.CodeLists))
	for i, l := range cat.CodeLists {
		keys[i] = l.Key
	}
	return keys
}

func completeSections(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, s := range schema.Default().Sections {
		out = append(out, cobra.CompletionWithDesc(s.Key, s.Label.In("en")))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func completeCodeLists(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, l := range schema.Default().CodeLists {
		out = append(out, cobra.CompletionWithDesc(l.Key, l.Label.In("en")))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// writeFileAtomic replaces the file name with data, so that a reader sees the old content
// or the new, never a part: it writes a temporary file in the same directory, syncs it and
// renames it over name.
func writeFileAtomic(name string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil { // CreateTemp makes 0600; the schema is public
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), name); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(name)); err == nil { // make the rename durable, where possible
		d.Sync()
		d.Close()
	}
	return nil
}
