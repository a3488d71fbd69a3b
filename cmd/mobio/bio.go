package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/spf13/cobra"
)

// Errors of the biography commands that callers and tests branch on.
var (
	errNoDoc        = errors.New("no such document")
	errAmbiguousDoc = errors.New("ambiguous document")
	errBadPath      = errors.New("bad field path")
	errBadValue     = errors.New("bad value")
	errProblems     = errors.New("the biography has problems")
	errNoContent    = errors.New("the document's content has not arrived")
)

func newBioCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	cmd := &cobra.Command{
		Use:   "bio",
		Short: "Create, read and edit the biographies on this device",
		Long: `Work with the biographies in this device's store. Every change is committed locally at once
(it works offline) and queued, sealed, for the relay; it reaches the other members at the
next sync.

DOC names a document by its full ID, a unique beginning of its ID, or its unique title (or
the beginning of it).
PATH names a field as section.field (person.given_names; the section's letter works too:
A.given_names) or, in a list, section.list.ENTRY.field (work.jobs.k3x9.employer), where
ENTRY is an entry's ID or a unique beginning of it. mobio schema show lists the fields.

Values are typed as a person writes them: dates as 1990, 1990-05, 1990-05-17 or 17.05.1990
(Arabic-Indic and Persian digits too; end a date with ~ when it is uncertain), yes/no as
yes, no, ja, nein, oui or non, codes by their code (mobio schema codes LIST) or their label
in any language. "unknown" and "declined" are answers of their own (--unknown, --declined).`,
		Example: `  mobio bio new --title "Amina K."
  mobio bio set amina person.given_names Amina --source self
  mobio bio set amina person.date_of_birth ١٩٩٠-٠٥ --source document --document 7fq2
  mobio bio set amina person.nationalities SY,IQ
  mobio bio add amina work.jobs country=SY employer="Bakery Haddad" start=2015
  mobio bio show amina --lang ar
  mobio bio edit amina                  # in $VISUAL or $EDITOR
  mobio bio export amina -o amina.json`,
		Args: cobra.NoArgs,
	}
	f.register(cmd.PersistentFlags())
	cmd.AddCommand(
		newBioNewCmd(a, f), newBioListCmd(a, f), newBioShowCmd(a, f), newBioCheckCmd(a, f),
		newBioSetCmd(a, f), newBioAddCmd(a, f), newBioRemoveCmd(a, f), newBioEditCmd(a, f),
		newBioExportCmd(a, f),
	)
	return cmd
}

// session is what a biography command works with: the settings, the unlocked identity, the
// local store and the sync engine over them.
type session struct {
	*settings
	id    *keyring.Identity
	store client.Store
	c     *client.Client
}

// sessionOpts are what some commands need of a session beyond the default.
type sessionOpts struct {
	// needRelay makes the session fail, before it asks for the passphrase, when no relay is
	// configured; cmd names the command in that error.
	needRelay bool
	cmd       string
	// onEvent receives the engine's events (client.Config.OnEvent).
	onEvent func(client.Event)
}

// openSession unlocks the identity and opens the local store and the engine.
func (a *app) openSession(ctx context.Context, f *homeFlags, o sessionOpts) (*session, error) {
	s, err := a.loadSettings(f)
	if err != nil {
		return nil, err
	}
	if o.needRelay && s.Relay == "" {
		return nil, newUserError(errNoRelay, s.Lang, msgNoRelay, o.cmd)
	}
	id, err := a.openIdentity(s)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(s.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create %s: %w", s.DataDir, err)
	}
	st, err := openLocalStore(ctx, s.dbFile())
	if err != nil {
		return nil, fmt.Errorf("open the local store %s: %w", s.dbFile(), err)
	}
	c, err := client.New(client.Config{
		Identity: id,
		Store:    st,
		NewDoc:   newBioDoc,
		Relay:    s.Relay,
		Software: "mobio-cli/" + a.Version,
		OnEvent:  o.onEvent,
	})
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("start the sync engine: %w", err)
	}
	return &session{settings: s, id: id, store: st, c: c}, nil
}

func (x *session) Close() error {
	err := x.c.Close()
	if errors.Is(err, client.ErrClosed) {
		err = nil
	}
	return errors.Join(err, x.store.Close())
}

// withSession runs fn in a session and closes it.
func (a *app) withSession(ctx context.Context, f *homeFlags, fn func(*session) error) error {
	return a.withSessionOpts(ctx, f, sessionOpts{}, fn)
}

// withSessionOpts runs fn in a session opened with o and closes it.
func (a *app) withSessionOpts(ctx context.Context, f *homeFlags, o sessionOpts, fn func(*session) error) (err error) {
	x, err := a.openSession(ctx, f, o)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, x.Close()) }()
	return fn(x)
}

// withDoc runs fn in a session opened with o, on the document that arg names (resolveDoc).
func (a *app) withDoc(ctx context.Context, f *homeFlags, o sessionOpts, arg string, fn func(*session, client.DocInfo) error) error {
	return a.withSessionOpts(ctx, f, o, func(x *session) error {
		d, err := x.resolveDoc(ctx, arg)
		if err != nil {
			return err
		}
		return fn(x, d)
	})
}

// newBioDoc is the engine's factory of document replicas: a biography loaded (and migrated to
// this build's schema) from saved bytes, or for none a replica without any content
// (crdt.Empty) rather than a fresh crdt.New: a member who joins receives the document as the
// creator's changes, and a fresh biography's own first change would create the same sections
// a second time; Automerge would keep one of the two for every section, on every replica,
// hiding the other's content.
func newBioDoc(data []byte) (client.Doc, error) {
	if len(data) == 0 {
		b, err := crdt.Empty()
		if err != nil {
			return nil, err // a nil interface, never a nil *crdt.Biography inside one
		}
		return b, nil
	}
	// A device holds biographies and, for counsellors, case-notes documents (crdt.Notes);
	// LoadReplica tells them apart by the kind in the document's root.
	r, err := crdt.LoadReplica(data)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// biography returns the biography in d, refusing a replica whose content has not arrived:
// editing it would create sections beside the creator's.
func (x *session) biography(id e2ee.DocID, d client.Doc) (*crdt.Biography, error) {
	b, ok := d.(*crdt.Biography)
	if !ok {
		return nil, fmt.Errorf("%w: the replica is a %T", crdt.ErrNotBiography, d)
	}
	if _, err := b.SchemaVersion(); err != nil {
		return nil, newUserError(errNoContent, x.Lang, msgNoContentYet, shortDocID(id))
	}
	return b, nil
}

// read runs fn on the biography id.
func (x *session) read(ctx context.Context, id e2ee.DocID, fn func(*crdt.Biography) error) error {
	return x.c.Read(ctx, id, func(d client.Doc) error {
		b, err := x.biography(id, d)
		if err != nil {
			return err
		}
		return fn(b)
	})
}

// edit runs fn on the biography id as one change, committed to the store and the outbox.
// When fn fails, nothing of it is committed; nor when it writes health data without its
// consent (guardHealth).
func (x *session) edit(ctx context.Context, id e2ee.DocID, what string, fn func(*crdt.Biography) error) error {
	err := x.c.Edit(ctx, id, func(d client.Doc) error {
		b, err := x.biography(id, d)
		if err != nil {
			return err
		}
		return b.Batch(what, func() error { return x.guardHealth(id, b, fn) })
	})
	return x.clientError(err)
}

// resolveDoc finds the document arg names: its full ID, else the one document whose ID starts
// with arg or whose title is arg, else the one whose title starts with arg (letter case does
// not matter for titles).
func (x *session) resolveDoc(ctx context.Context, arg string) (client.DocInfo, error) {
	docs, err := x.c.Docs(ctx)
	if err != nil {
		return client.DocInfo{}, fmt.Errorf("list documents: %w", err)
	}
	if id, err := e2ee.ParseDocID(strings.ToLower(arg)); err == nil {
		for _, d := range docs {
			if d.ID == id {
				return d, nil
			}
		}
	}
	var found []client.DocInfo
	prefix := strings.ToLower(arg)
	for _, d := range docs {
		if strings.HasPrefix(d.ID.String(), prefix) || strings.EqualFold(d.Title, arg) {
			found = append(found, d)
		}
	}
	if len(found) == 0 { // a title may be given by its beginning: "amina" for "Amina K."
		for _, d := range docs {
			if len(arg) <= len(d.Title) && strings.EqualFold(d.Title[:len(arg)], arg) {
				found = append(found, d)
			}
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return client.DocInfo{}, newUserError(errNoDoc, x.Lang, msgNoSuchDoc, arg)
	}
	var names []string
	for _, d := range found {
		names = append(names, shortDocID(d.ID)+" "+docTitle(x.Lang, d.Title))
	}
	return client.DocInfo{}, newUserError(errAmbiguousDoc, x.Lang, msgAmbiguousDoc, arg, strings.Join(names, "; "))
}

func shortDocID(id e2ee.DocID) string { return id.String()[:8] }

func shortEntryID(id string) string { return id[:min(len(id), 6)] }

func docTitle(lang, title string) string {
	if title == "" {
		return msg(lang, msgUntitled)
	}
	return title
}

func newBioNewCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		title  string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Create a biography owned by your identity and print its ID",
		Long: `Create an empty biography owned by your identity, and print its ID. The title is a local name
(such as the newcomer's name) kept on this device only; it is never sent to the relay.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withSession(cmd.Context(), f, func(x *session) error {
				b, err := crdt.New()
				if err != nil {
					return fmt.Errorf("create biography: %w", err)
				}
				id, err := x.c.Create(cmd.Context(), title, b)
				if err != nil {
					return fmt.Errorf("create biography: %w", err)
				}
				if asJSON {
					return writeJSON(a.Stdout, map[string]string{"id": id.String(), "title": title})
				}
				fmt.Fprintln(a.Stdout, id.String())
				fmt.Fprintln(a.Stderr, msg(x.Lang, msgDocCreated, docTitle(x.Lang, title)))
				return nil
			})
		},
	}
	titleFlag(cmd, &title)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// docJSON is an element of what `mobio bio list --json` prints.
type docJSON struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Role    string `json:"role"`
	Epoch   uint64 `json:"epoch"`
	Members int    `json:"members"`
	Pending int    `json:"pending"`
	Synced  bool   `json:"known_to_relay"`
}

func newBioListCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the biographies on this device: title, ID, your role, changes not yet sent",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withSession(cmd.Context(), f, func(x *session) error {
				docs, err := x.c.Docs(cmd.Context())
				if err != nil {
					return fmt.Errorf("list documents: %w", err)
				}
				if asJSON {
					out := []docJSON{}
					for _, d := range docs {
						out = append(out, docJSON{ID: d.ID.String(), Title: d.Title, Role: roleName(d.Role), Epoch: uint64(d.Epoch),
							Members: d.Members, Pending: d.Pending, Synced: d.Created})
					}
					return writeJSON(a.Stdout, out)
				}
				if len(docs) == 0 {
					fmt.Fprintln(a.Stdout, msg(x.Lang, msgNoDocs))
					return nil
				}
				tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", msg(x.Lang, msgColID), msg(x.Lang, msgColRole), msg(x.Lang, msgColPending), msg(x.Lang, msgColTitle))
				for _, d := range docs {
					// The title is last: it may be written right to left.
					fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", shortDocID(d.ID), msg(x.Lang, roleMsg(d.Role)), d.Pending, docTitle(x.Lang, d.Title))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func roleName(r e2ee.Role) string {
	if !r.Valid() {
		return ""
	}
	return r.String()
}

func roleMsg(r e2ee.Role) msgID {
	switch r {
	case e2ee.RoleOwner:
		return msgRoleOwner
	case e2ee.RoleCounsellor:
		return msgRoleCounsellor
	case e2ee.RoleViewer:
		return msgRoleViewer
	}
	return msgRoleNone
}

func newBioShowCmd(a *app, f *homeFlags) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "show DOC [SECTION]",
		Short: "Print a biography, or one section, readably, with labels in --lang",
		Long: `Print the answered fields of a biography (or of one SECTION, by key or letter) with their
labels in --lang, codes by their labels, where each value comes from, and at the end what
validation finds missing or wrong. List entries show the beginning of their ID, which
commands accept in paths.`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withSession(cmd.Context(), f, func(x *session) error {
				secs := schema.Default().Sections
				if len(args) == 2 {
					s, err := findSection(schema.Default(), args[1])
					if err != nil {
						return err
					}
					secs = []schema.Section{*s}
				}
				d, err := x.resolveDoc(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				return x.read(cmd.Context(), d.ID, func(b *crdt.Biography) error {
					return renderBiography(a.Stdout, b, x.Lang, d, secs)
				})
			})
		},
	}
	return cmd
}

// problemJSON is an element of what `mobio bio check --json` prints.
type problemJSON struct {
	Path    string `json:"path"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func problemsJSON(lang string, problems []crdt.Problem) []problemJSON {
	out := []problemJSON{}
	for _, p := range problems {
		out = append(out, problemJSON{Path: p.Path, Code: p.Code, Message: p.Message.In(lang)})
	}
	return out
}

// setJSON is what `mobio bio set --json` prints.
type setJSON struct {
	Path     string        `json:"path"`
	Problems []problemJSON `json:"problems"`
}

func newBioCheckCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "check DOC",
		Short: "Print what validation finds missing or wrong; fail when it finds something",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				var problems []crdt.Problem
				if err := x.read(cmd.Context(), d.ID, func(b *crdt.Biography) error {
					problems = b.Validate()
					return nil
				}); err != nil {
					return err
				}
				if asJSON {
					if err := writeJSON(a.Stdout, problemsJSON(x.Lang, problems)); err != nil {
						return err
					}
				} else {
					printProblems(a.Stdout, x.Lang, problems)
				}
				if len(problems) > 0 {
					return newUserError(errProblems, x.Lang, msgProblemsFound, len(problems))
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func newBioSetCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		e                                    editFlags
		unknown, declined, uncertain, asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "set DOC PATH VALUE",
		Short: "Set one field; VALUE is typed as a person writes it",
		Long: `Set the field PATH of biography DOC to VALUE, parsed as the field's type wants: a date may be
partial (1990, 1990-05, 17.05.1990, in any digits; ~ at the end or --uncertain marks it
uncertain), a code may be given by its label in any language, a set of codes is listed
with commas (SY,IQ) and replaces the set (mobio bio add adds to it), free text replaces the
text. An empty VALUE clears the field. --unknown and --declined, without VALUE, record that
the person does not know, or does not want to say.`,
		Example: `  mobio bio set amina person.date_of_birth 00.00.1990 --source document
  mobio bio set amina person.gender --declined
  mobio bio set amina languages.german_level b1 --source counsellor
  mobio bio set amina skills.occupational_skills "نجارة وتركيب الأثاث" --input-lang ar`,
		Args: cobra.RangeArgs(2, 3),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withSession(cmd.Context(), f, func(x *session) error {
				state := ""
				switch {
				case unknown && declined:
					return newUserError(errBadValue, x.Lang, msgUnknownAndDeclined)
				case unknown:
					state = string(crdt.StateUnknown)
				case declined:
					state = string(crdt.StateDeclined)
				}
				if state != "" && len(args) == 3 || state == "" && len(args) == 2 {
					return &usageError{err: errors.New(msg(x.Lang, msgSetArgs)), cmd: cmd.CommandPath()}
				}
				d, err := x.resolveDoc(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				var problems []crdt.Problem
				var r fieldRef
				err = x.edit(cmd.Context(), d.ID, "set "+args[1], func(b *crdt.Biography) error {
					if r, err = resolvePath(b, x.Lang, args[1]); err != nil {
						return err
					}
					p, err := x.provenance(b, e)
					if err != nil {
						return err
					}
					if state != "" {
						if r.field == nil || !r.field.Type.Scalar() {
							return newUserError(errBadValue, x.Lang, msgStateNotScalar, r.path)
						}
						v := crdt.Unknown
						if state == string(crdt.StateDeclined) {
							v = crdt.Declined
						}
						if err := b.Set(r.path, v, p); err != nil {
							return fieldError(x.Lang, r, err)
						}
					} else if err := setValue(b, x.Lang, r, args[2], valueOpts{prov: p, inputLang: e.inputLang, uiLang: x.Lang, uncertain: uncertain}); err != nil {
						return err
					}
					problems = problemsAt(b.Validate(), r.path)
					return nil
				})
				if err != nil {
					return err
				}
				if asJSON {
					return writeJSON(a.Stdout, setJSON{Path: r.path, Problems: problemsJSON(x.Lang, problems)})
				}
				fmt.Fprintln(a.Stdout, msg(x.Lang, msgFieldSet, r.path))
				printProblems(a.Stderr, x.Lang, problems)
				return nil
			})
		},
	}
	e.register(cmd.Flags())
	cmd.Flags().BoolVar(&unknown, "unknown", false, "record that the person does not know (no VALUE)")
	cmd.Flags().BoolVar(&declined, "declined", false, "record that the person does not want to say (no VALUE)")
	cmd.Flags().BoolVar(&uncertain, "uncertain", false, "mark a date as uncertain (estimated or fictitious)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the field's path and its problems as JSON")
	return cmd
}

func newBioAddCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		e      editFlags
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "add DOC LISTPATH [FIELD=VALUE ...] | add DOC SETPATH CODE ...",
		Short: "Add an entry to a list (and print its ID), or codes to a set",
		Long: `With a list's path (work.jobs), add an entry to it, set its fields from FIELD=VALUE
arguments (typed as for mobio bio set), and print the new entry's ID.
With a set's path (person.nationalities), add each CODE (or label, or entry ID for a set of
references) to it; additions made elsewhere at the same time all survive.`,
		Example: `  mobio bio add amina work.jobs country=SY employer="Bakery Haddad" start=2015 end=2019-08
  mobio bio add amina languages.other_languages language=eng level=B1 --source self
  mobio bio add amina person.nationalities SY`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				var (
					problems []crdt.Problem
					r        fieldRef
					entry    string
					err      error
				)
				err = x.edit(cmd.Context(), d.ID, "add "+args[1], func(b *crdt.Biography) error {
					if r, err = resolvePath(b, x.Lang, args[1]); err != nil {
						return err
					}
					p, err := x.provenance(b, e)
					if err != nil {
						return err
					}
					o := valueOpts{prov: p, inputLang: e.inputLang, uiLang: x.Lang}
					switch {
					case r.list != nil && r.entry == "":
						if entry, err = addEntry(b, x.Lang, r, args[2:], o); err != nil {
							return err
						}
						problems = problemsAt(b.Validate(), r.listPath+"."+entry)
					case r.field != nil && (r.field.Type == schema.TypeCodes || r.field.Type == schema.TypeRefs):
						if len(args) < 3 {
							return newUserError(errBadValue, x.Lang, msgAddNeedsCodes, r.path)
						}
						for _, s := range args[2:] {
							c, err := parseMember(b, x.Lang, r, s)
							if err != nil {
								return err
							}
							if err := b.AddCode(r.path, c, p); err != nil {
								return fieldError(x.Lang, r, err)
							}
						}
					default:
						return newUserError(errBadPath, x.Lang, msgNotListOrSet, r.path)
					}
					return nil
				})
				if err != nil {
					return err
				}
				if entry == "" {
					if asJSON {
						return writeJSON(a.Stdout, map[string]string{"path": r.path})
					}
					fmt.Fprintln(a.Stdout, msg(x.Lang, msgCodesAdded, r.path))
					return nil
				}
				if asJSON {
					return writeJSON(a.Stdout, map[string]string{"id": entry, "path": r.listPath + "." + entry})
				}
				fmt.Fprintln(a.Stdout, entry)
				printProblems(a.Stderr, x.Lang, problems)
				return nil
			})
		},
	}
	e.register(cmd.Flags())
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the new entry (or the set's path) as JSON")
	return cmd
}

// addEntry adds an entry to the list r and sets its fields from FIELD=VALUE assignments.
func addEntry(b *crdt.Biography, lang string, r fieldRef, assignments []string, o valueOpts) (string, error) {
	type assignment struct {
		f     *schema.Field
		value string
	}
	var as []assignment
	for _, s := range assignments {
		key, value, ok := strings.Cut(s, "=")
		if !ok {
			return "", newUserError(errBadValue, lang, msgBadAssignment, s)
		}
		fld := fieldByKey(r.list.Item, strings.TrimSpace(key))
		if fld == nil || fld.Secret {
			return "", newUserError(errBadPath, lang, msgNoField, r.listPath+"."+key)
		}
		as = append(as, assignment{fld, value})
	}
	id, err := b.AddEntry(r.listPath)
	if err != nil {
		return "", fmt.Errorf("add to %s: %w", r.listPath, err)
	}
	for _, x := range as {
		fr := r
		fr.entry, fr.field, fr.path = id, x.f, r.listPath+"."+id+"."+x.f.Key
		if err := setValue(b, lang, fr, x.value, o); err != nil {
			return "", err
		}
	}
	return id, nil
}

func newBioRemoveCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "remove DOC PATH | remove DOC LISTPATH ENTRY | remove DOC SETPATH CODE ...",
		Short: "Clear a field, remove a list entry, or remove codes from a set",
		Example: `  mobio bio remove amina person.phone
  mobio bio remove amina work.jobs k3x9
  mobio bio remove amina person.nationalities IQ`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				var done string
				var change editChange
				err := x.edit(cmd.Context(), d.ID, "remove "+args[1], func(b *crdt.Biography) error {
					r, err := resolvePath(b, x.Lang, args[1])
					if err != nil {
						return err
					}
					switch {
					case r.list != nil && r.field == nil: // a list, or one of its entries
						if r.entry == "" {
							if len(args) != 3 {
								return newUserError(errBadPath, x.Lang, msgRemoveNeedsEntry, r.listPath)
							}
							if r.entry, err = resolveEntry(b, x.Lang, r.listPath, args[2]); err != nil {
								return err
							}
						} else if len(args) != 2 {
							return newUserError(errBadValue, x.Lang, msgTooManyArgs)
						}
						done = msg(x.Lang, msgEntryRemoved, r.listPath+"."+r.entry)
						change = editChange{"removed", r.listPath + "." + r.entry}
						return b.RemoveEntry(r.listPath, r.entry)
					case len(args) > 2 && (r.field.Type == schema.TypeCodes || r.field.Type == schema.TypeRefs):
						for _, s := range args[2:] {
							c, err := parseMember(b, x.Lang, r, s)
							if err != nil {
								return err
							}
							if err := b.RemoveCode(r.path, c); err != nil {
								return fieldError(x.Lang, r, err)
							}
						}
						done = msg(x.Lang, msgCodesRemoved, r.path)
						change = editChange{"changed", r.path}
						return nil
					case len(args) > 2:
						return newUserError(errBadValue, x.Lang, msgTooManyArgs)
					}
					done = msg(x.Lang, msgFieldCleared, r.path)
					change = editChange{"cleared", r.path}
					return clearField(b, r)
				})
				if err != nil {
					return err
				}
				if asJSON {
					return writeJSON(a.Stdout, map[string][]editChange{"changes": {change}})
				}
				fmt.Fprintln(a.Stdout, done)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "report the change as JSON")
	return cmd
}

func newBioExportCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		format, output string
		force          bool
	)
	cmd := &cobra.Command{
		Use:   "export DOC",
		Short: "Write the whole biography as JSON or YAML, coded values with German labels",
		Long: `Write the complete biography for the person it describes or for another program: every
section and field in catalogue order, coded values with their German label (label_de), free
text with its language and translations, and where each value comes from. Attachment keys
are never exported. The file holds personal data: it is written readable by you only.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withSession(cmd.Context(), f, func(x *session) error {
				if format != "json" && format != "yaml" {
					return &usageError{err: fmt.Errorf("--format %q: want json or yaml", format), cmd: cmd.CommandPath()}
				}
				toFile := output != "" && output != "-"
				if toFile && !force {
					if _, err := os.Lstat(output); err == nil {
						return newUserError(os.ErrExist, x.Lang, msgFileExists, output)
					}
				}
				d, err := x.resolveDoc(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				var out []byte
				if err := x.read(cmd.Context(), d.ID, func(b *crdt.Biography) error {
					out, err = b.JSON()
					return err
				}); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				if format == "yaml" {
					if out, err = jsonToYAML(out); err != nil {
						return fmt.Errorf("export: %w", err)
					}
				}
				if !toFile {
					_, err := a.Stdout.Write(out)
					return err
				}
				if err := writePrivateFile(output, out); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				fmt.Fprintln(a.Stderr, msg(x.Lang, msgExported, output))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "json or yaml")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to `FILE` (readable by you only) instead of standard output")
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	return cmd
}

// problemsAt returns the problems of the field or entry path, and of the fields inside it.
func problemsAt(problems []crdt.Problem, path string) []crdt.Problem {
	var out []crdt.Problem
	for _, p := range problems {
		if p.Path == path || strings.HasPrefix(p.Path, path+".") {
			out = append(out, p)
		}
	}
	return out
}
