package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/disclosure"
	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

func init() { registerCommand(newSendCmd) }

// Sending to agencies: the limits of a package's lifetime.
const (
	// maxSendExpiry is the relay's default limit (protocol.DefaultMaxPackageLifetime): a link
	// lost or forgotten should not stay readable for long.
	maxSendExpiry = 90 * 24 * time.Hour
)

// Errors of mobio send that tests branch on.
var (
	errSendChoice = errors.New("bad choice of items")
	errNoPackage  = errors.New("no such package")
	errBadPackage = errors.New("package does not open")
)

// packageRelay is what mobio send needs of the relay: *client.Client is one.
type packageRelay interface {
	PutPackage(ctx context.Context, doc e2ee.DocID, id client.PackageID, ciphertext []byte, expires time.Time) error
	WithdrawPackage(ctx context.Context, doc e2ee.DocID, id client.PackageID) error
}

// sendRelay returns the relay of a session; tests replace it to see what would be uploaded.
var sendRelay = func(x *session) packageRelay { return x.c }

// fetchPackage fetches a package's ciphertext; tests replace it.
var fetchPackage = client.FetchPackage

// sendFlags are the flags that choose what goes into a package.
type sendFlags struct {
	to, name         string
	include, exclude []string
	documents        []string
	asJSON           bool
	consentLang      string
	consentEntry     string
	interpreter      string
	givenBy          string
	expires          string
	base             string
	noFiles          bool
}

func (s *sendFlags) registerChoice(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&s.to, "to", "", "recipient `TYPE`: jobcenter, agentur_fuer_arbeit, hwk, ihk, employer or language_course_provider")
	fl.StringVar(&s.name, "name", "", "the recipient organisation's `NAME`, such as \"Bäckerei Schmidt\"")
	fl.StringArrayVar(&s.include, "include", nil, "add an optional `PATH` the recipient type may get (repeatable)")
	fl.StringArrayVar(&s.exclude, "exclude", nil, "leave out `PATH`: a section, a field, a list entry (repeatable)")
	fl.StringArrayVar(&s.documents, "document", nil, "send the document `ENTRY` of documents.files (its ID or a unique beginning; repeatable)")
	fl.BoolVar(&s.asJSON, "json", false, "print as JSON")
	cmd.MarkFlagRequired("to")
}

func newSendCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	s := &sendFlags{}
	cmd := &cobra.Command{
		Use:   "send DOC --to TYPE --name NAME [--include PATH] [--exclude PATH] [--document ENTRY] [--expires 30d]",
		Short: "Send parts of a biography to an agency or employer, as a read-only link, after consent",
		Long: `Send the parts of a biography that a recipient needs, in German, as a read-only, signed and
encrypted package: to a Jobcenter (--to jobcenter), the Agentur für Arbeit
(agentur_fuer_arbeit), a Handwerkskammer (hwk), an IHK (ihk), an employer (employer) or a
language course provider (language_course_provider).

Each recipient type gets what it needs and no more: an employer, for instance, gets a CV view
and "Arbeitserlaubnis: ja/Art", but no residence status, family or date of birth unless the
person adds them. Nobody ever gets the support needs, counselling notes, file numbers or
benefits. mobio send preview shows exactly what would be sent; --exclude removes items,
--include adds optional ones, --document adds a document with its file.

mobio send shows the same preview and the consent text, and asks whether the person agrees
(or takes a consent recorded before: --consent ENTRY). It then records the consent, uploads
the package to the relay, records the share in the biography, and prints the link. The link
is a secret: it opens the package in a browser until it expires (--expires, at most 90 days)
or is withdrawn (mobio send withdraw). The recipient opens it in a browser, or with mobio
send open.`,
		Example: `  mobio send preview amina --to employer --name "Bäckerei Schmidt"
  mobio send preview amina --to employer --include person.date_of_birth --exclude work.jobs.k3x9
  mobio send amina --to employer --name "Bäckerei Schmidt" --document 7fq2 --expires 14d
  mobio send list amina
  mobio send withdraw amina q8r2
  mobio send open -        # paste a link: shows the package as the recipient sees it`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runSend(cmd, f, s, args[0])
		},
	}
	f.register(cmd.PersistentFlags())
	s.registerChoice(cmd)
	fl := cmd.Flags()
	fl.StringVar(&s.expires, "expires", "30d", "how long the link opens the package, such as 14d or 72h (at most 90d)")
	fl.StringVar(&s.consentEntry, "consent", "", "a SHARE_RECIPIENT consent recorded before (`ENTRY` of consents.consents) instead of asking")
	fl.StringVar(&s.consentLang, "consent-lang", "", "show the consent text in `LANG` (de en ar fa fr tr ps ti kmr uk; default: --lang)")
	fl.StringVar(&s.interpreter, "interpreter", "", "the language (ISO 639-3 `CODE`) an interpreter translated the consent text into")
	fl.StringVar(&s.givenBy, "given-by", "SELF", "who consents: SELF, LEGAL_GUARDIAN or LEGAL_CARER")
	fl.StringVar(&s.base, "base", "", "the web `URL` the link opens (default: the relay's address)")
	fl.BoolVar(&s.noFiles, "no-files", false, "send the chosen documents' descriptions without their files")
	cmd.AddCommand(newSendPreviewCmd(a, f), newSendListCmd(a, f), newSendWithdrawCmd(a, f), newSendOpenCmd(a, f))
	return cmd
}

func newSendPreviewCmd(a *app, f *homeFlags) *cobra.Command {
	s := &sendFlags{}
	cmd := &cobra.Command{
		Use:   "preview DOC --to TYPE [--name NAME] [--include PATH] [--exclude PATH] [--document ENTRY]",
		Short: "Show exactly what would be sent to a recipient, in German, with originals beside translations",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				prof, err := sendProfile(x.Lang, s.to)
				if err != nil {
					return err
				}
				pkg, docs, err := x.sendPreview(cmd.Context(), d, prof, s)
				if err != nil {
					return err
				}
				if s.asJSON {
					return writeJSON(a.Stdout, pkg)
				}
				fmt.Fprintln(a.Stdout, msg(x.Lang, msgSendPreviewHeader, recipientText(pkg.Recipient)))
				fmt.Fprintln(a.Stdout)
				renderPackage(a.Stdout, pkg, true)
				printSendHints(a.Stdout, x.Lang, prof, pkg, docs)
				return nil
			})
		},
	}
	s.registerChoice(cmd)
	return cmd
}

// sendProfile returns the profile of the recipient type --to names.
func sendProfile(lang, to string) (disclosure.Profile, error) {
	p, err := disclosure.ProfileFor(to)
	if err != nil {
		var types []string
		for _, p := range disclosure.Profiles() {
			types = append(types, strings.ToLower(p.RecipientType))
		}
		return p, newUserError(fmt.Errorf("%w: %w", errSendChoice, err), lang, msgSendBadRecipient, to, strings.Join(types, ", "))
	}
	return p, nil
}

// sendDoc is a document entry the person may select.
type sendDoc struct{ id, name string }

// sendPreview builds the package of d for prof with the choices of s, and lists the
// documents the person could add.
func (x *session) sendPreview(ctx context.Context, d client.DocInfo, prof disclosure.Profile, s *sendFlags) (disclosure.Package, []sendDoc, error) {
	var (
		pkg  disclosure.Package
		docs []sendDoc
	)
	err := x.read(ctx, d.ID, func(b *crdt.Biography) error {
		c := disclosure.Choices{Name: s.name, Include: s.include}
		for _, arg := range s.documents {
			id, err := resolveEntry(b, x.Lang, filesList, arg)
			if err != nil {
				return err
			}
			c.Documents = append(c.Documents, id)
		}
		for _, arg := range s.exclude {
			path, err := resolveEntryPath(b, x.Lang, arg)
			if err != nil {
				return err
			}
			c.Exclude = append(c.Exclude, path)
		}
		var err error
		if pkg, err = disclosure.Preview(crdtdoc.Wrap(b), prof, c); err != nil {
			return x.previewError(err, prof)
		}
		ids, err := b.Entries(filesList)
		if err != nil {
			return fmt.Errorf("list %s: %w", filesList, err)
		}
		for _, id := range ids {
			e, err := readFileEntry(b, id)
			if err != nil {
				return err
			}
			name := strings.TrimSpace(schema.Label("document_type", e.Type, "de") + " " + e.Title)
			docs = append(docs, sendDoc{id: id, name: name})
		}
		return nil
	})
	return pkg, docs, err
}

// previewError says in the person's language what is wrong with their choice.
func (x *session) previewError(err error, prof disclosure.Profile) error {
	cause := fmt.Errorf("%w: %w", errSendChoice, err)
	detail := err.Error()
	if i := strings.LastIndex(detail, ": "); i >= 0 {
		detail = detail[i+2:]
	}
	switch {
	case errors.Is(err, disclosure.ErrNotOffered):
		return newUserError(cause, x.Lang, msgSendNotOffered, strings.Fields(detail)[0], prof.Label(), strings.Join(prof.Optional, ", "))
	case errors.Is(err, disclosure.ErrUnknownPath):
		return newUserError(cause, x.Lang, msgSendUnknownPath, detail)
	case errors.Is(err, disclosure.ErrEmpty):
		return newUserError(cause, x.Lang, msgSendEmpty, prof.Label())
	}
	return err
}

// resolveEntryPath completes the beginning of an entry ID in a path such as work.jobs.k3x9 or
// work.jobs.k3x9.tasks; other paths are returned as given.
func resolveEntryPath(b *crdt.Biography, lang, arg string) (string, error) {
	parts := strings.Split(strings.TrimSpace(arg), ".")
	if len(parts) < 3 {
		return arg, nil
	}
	list := parts[0] + "." + parts[1]
	f, err := schema.Default().Field(list)
	if err != nil || f.Type != schema.TypeList {
		return arg, nil
	}
	for _, it := range f.Item {
		if it.Key == parts[2] {
			return arg, nil // list.field: that field of every entry
		}
	}
	id, err := resolveEntry(b, lang, list, parts[2])
	if err != nil {
		return "", err
	}
	parts[2] = id
	return strings.Join(parts, "."), nil
}

// printSendHints lists what the person could add: the profile's optional paths not sent, and
// the documents not selected.
func printSendHints(w io.Writer, lang string, prof disclosure.Profile, pkg disclosure.Package, docs []sendDoc) {
	var optional []string
	for _, p := range prof.Optional {
		sent := false
		for _, it := range pkg.Items() {
			sent = sent || it.Path == p || strings.HasPrefix(it.Path, p+".")
		}
		if !sent {
			optional = append(optional, p)
		}
	}
	if len(optional) > 0 {
		fmt.Fprintln(w, msg(lang, msgSendOptional, strings.Join(optional, ", ")))
	}
	var more []string
	for _, d := range docs {
		if !slices.Contains(pkg.Documents, d.id) {
			more = append(more, shortEntryID(d.id)+" "+d.name)
		}
	}
	if len(more) > 0 {
		fmt.Fprintln(w, msg(lang, msgSendDocuments, strings.Join(more, "; ")))
	}
}

func recipientText(r disclosure.Recipient) string {
	if r.Name == "" {
		return r.Label
	}
	return r.Label + " – " + r.Name
}

// renderPackage prints the items of p in German as the recipient reads them: sections, list
// entries, and the original beside every translation. withPaths adds each item's path, for
// --exclude.
func renderPackage(w io.Writer, p disclosure.Package, withPaths bool) {
	for _, sec := range p.Sections {
		fmt.Fprintln(w, sec.Label)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		row := func(label, value, path string) {
			if withPaths && path != "" {
				fmt.Fprintf(tw, "%s\t%s\t[%s]\n", label, value, path)
			} else {
				fmt.Fprintf(tw, "%s\t%s\n", label, value)
			}
		}
		entry, n := "", map[string]int{}
		for _, it := range sec.Items {
			indent := "  "
			if it.Entry != "" {
				if it.Entry != entry {
					n[it.List]++
					// One cell, without tabs: a heading does not widen the columns.
					head := fmt.Sprintf("  %s %d", it.ListLabel, n[it.List])
					if withPaths {
						head += "  [" + it.List + "." + shortEntryID(it.Entry) + "]"
					}
					fmt.Fprintln(tw, head)
				}
				indent = "    "
			}
			entry = it.Entry
			value := oneLine(it.Value)
			t := it.Text
			switch {
			case t != nil && t.Translation == disclosure.TranslationNone:
				value += "  [" + t.Marker + "; " + t.LangLabel + "]"
			case t != nil && t.Translation != disclosure.TranslationSame:
				value += "  [" + t.Marker + "]"
			case it.SourceLabel != "":
				value += "  (" + it.SourceLabel + ")"
			}
			row(indent+it.Label+":", value, shortPath(it))
			if t != nil && t.Original != it.Value {
				row(indent+"  Original ("+t.LangLabel+"):", oneLine(t.Original), "")
			}
		}
		tw.Flush()
		fmt.Fprintln(w)
	}
	for _, f := range p.Files {
		fmt.Fprintf(w, "Datei: %s (%s, %s)\n", f.Name, f.MediaType, humanSize(int64(len(f.Data))))
	}
}

// shortPath is an item's path with a short entry ID, as --exclude accepts it.
func shortPath(it disclosure.Item) string {
	if it.Entry == "" {
		return it.Path
	}
	return strings.Replace(it.Path, "."+it.Entry+".", "."+shortEntryID(it.Entry)+".", 1)
}

// parseExpiry parses --expires: a number of days ("30d") or a Go duration ("72h").
func parseExpiry(lang, s string) (time.Duration, error) {
	var d time.Duration
	var err error
	if n, ok := strings.CutSuffix(strings.TrimSpace(s), "d"); ok {
		var days int
		days, err = strconv.Atoi(n)
		d = time.Duration(days) * 24 * time.Hour
	} else {
		d, err = time.ParseDuration(s)
	}
	if err != nil || d < time.Minute || d > maxSendExpiry {
		return 0, newUserError(errBadValue, lang, msgSendBadExpires, s, int(maxSendExpiry/(24*time.Hour)))
	}
	return d, nil
}

// sendJSON is what `mobio send --json` prints.
type sendJSON struct {
	Share     string `json:"share"`
	PackageID string `json:"package_id"`
	Recipient string `json:"recipient"`
	Name      string `json:"name"`
	Expires   string `json:"expires"`
	Consent   string `json:"consent"`
	Link      string `json:"link"`
}

func (a *app) runSend(cmd *cobra.Command, f *homeFlags, s *sendFlags, docArg string) error {
	ctx := cmd.Context()
	return a.withDoc(ctx, f, relayOpts(cmd), docArg, func(x *session, d client.DocInfo) error {
		prof, err := sendProfile(x.Lang, s.to)
		if err != nil {
			return err
		}
		if strings.TrimSpace(s.name) == "" {
			return &usageError{err: errors.New(msg(x.Lang, msgSendNeedName)), cmd: cmd.CommandPath()}
		}
		ttl, err := parseExpiry(x.Lang, s.expires)
		if err != nil {
			return err
		}
		pkg, _, err := x.sendPreview(ctx, d, prof, s)
		if err != nil {
			return err
		}
		fmt.Fprintln(a.Stderr, msg(x.Lang, msgSendPreviewHeader, recipientText(pkg.Recipient)))
		fmt.Fprintln(a.Stderr)
		renderPackage(a.Stderr, pkg, false)

		// Step 1. The consent: one recorded before, or asked for now and recorded.
		now := time.Now()
		consentID, err := a.sendConsent(ctx, x, d, s, pkg, now)
		if err != nil {
			return err
		}

		// Step 2. Complete the package, with the files of the chosen documents.
		id := disclosure.NewPackageID()
		pkg.ID, pkg.Document, pkg.Consent = id.String(), d.ID.String(), consentID
		pkg.Created, pkg.Expires = now, now.Add(ttl)
		if !s.noFiles {
			if err := x.attachFiles(ctx, d, &pkg); err != nil {
				return err
			}
		}

		// Step 3. Seal it, after checking the consent against the biography once more.
		var sealed disclosure.Sealed
		if err := x.read(ctx, d.ID, func(b *crdt.Biography) error {
			sealed, err = disclosure.Seal(crdtdoc.Wrap(b), x.id, pkg)
			return err
		}); err != nil {
			if errors.Is(err, casework.ErrNoConsent) {
				return newUserError(fmt.Errorf("%w: %w", errNoConsent, err), x.Lang, msgSendConsentInvalid, shortEntryID(consentID))
			}
			return fmt.Errorf("seal the package: %w", err)
		}

		// Step 4. Upload it; the relay must know the document and the sender's membership.
		sctx, cancel := context.WithTimeout(ctx, shareSyncTimeout)
		serr := x.c.Sync(sctx)
		cancel()
		if serr != nil {
			return x.clientError(serr)
		}
		relay := sendRelay(x)
		if err := relay.PutPackage(ctx, d.ID, client.PackageID(sealed.ID), sealed.Ciphertext, sealed.Package.Expires); err != nil {
			return x.clientError(err)
		}

		// Step 5. Record the share; without the record the package could not be withdrawn.
		prov := x.sendProvenance(d)
		var shareID string
		if err := x.edit(ctx, d.ID, "send to "+prof.RecipientType, func(b *crdt.Biography) error {
			shareID, err = disclosure.RecordShare(crdtdoc.Wrap(b), sealed.Package, prov)
			return err
		}); err != nil {
			werr := relay.WithdrawPackage(ctx, d.ID, client.PackageID(sealed.ID))
			return errors.Join(fmt.Errorf("record the share: %w", err), werr)
		}

		base := s.base
		if base == "" {
			base = webBase(x.Relay)
		}
		link := disclosure.Link(base, sealed.ID, sealed.Key)
		expires := sealed.Package.Expires.Local().Format("2006-01-02 15:04")
		fmt.Fprintln(a.Stderr, msg(x.Lang, msgSendSent, recipientText(pkg.Recipient), len(pkg.Items()), expires,
			shortEntryID(shareID), "mobio send withdraw "+docArg+" "+shortEntryID(shareID)))
		fmt.Fprintln(a.Stderr, msg(x.Lang, msgSendLinkSecret))
		if s.asJSON {
			return writeJSON(a.Stdout, sendJSON{Share: shareID, PackageID: sealed.ID.String(), Recipient: prof.RecipientType,
				Name: pkg.Recipient.Name, Expires: sealed.Package.Expires.Format(time.RFC3339), Consent: consentID, Link: link})
		}
		// The link alone on standard output: it is a secret, never logged or mixed with the
		// explanation above.
		_, err = fmt.Fprintln(a.Stdout, link)
		return err
	})
}

// sendProvenance is the provenance of what mobio send writes: the newcomer's own (the owner's)
// or a counsellor's.
func (x *session) sendProvenance(d client.DocInfo) casework.Provenance {
	if d.Role == e2ee.RoleOwner {
		return casework.Provenance{Source: "self", By: x.id.ID().String()}
	}
	return casework.Provenance{Source: "counsellor", By: x.id.ID().String()}
}

// sendConsent returns the consent the sending rests on: the entry --consent names, if it is
// in force for this recipient and these sections, else one the person gives now, after
// reading the consent text, which is recorded in the biography.
func (a *app) sendConsent(ctx context.Context, x *session, d client.DocInfo, s *sendFlags, pkg disclosure.Package, now time.Time) (string, error) {
	match := consent.Match{RecipientType: pkg.Recipient.Type, RecipientName: pkg.Recipient.Name, Sections: pkg.SectionKeys()}
	if s.consentEntry != "" {
		var id string
		err := x.read(ctx, d.ID, func(b *crdt.Biography) error {
			var err error
			if match.Entry, err = resolveEntry(b, x.Lang, consent.ListConsents, s.consentEntry); err != nil {
				return err
			}
			id, err = consent.Require(crdtdoc.Wrap(b), consent.PurposeShareRecipient, match)
			return err
		})
		if errors.Is(err, casework.ErrNoConsent) {
			return "", newUserError(fmt.Errorf("%w: %w", errNoConsent, err), x.Lang, msgSendConsentInvalid, s.consentEntry)
		}
		return id, err
	}

	lang := s.consentLang
	if lang == "" {
		lang = x.Lang
	}
	meta, err := consent.TextFor(consent.PurposeShareRecipient)
	if err != nil {
		return "", fmt.Errorf("the consent text: %w", err)
	}
	text, err := consent.GetText(meta.ID, meta.Version, lang)
	if err != nil {
		return "", newUserError(fmt.Errorf("%w: %w", errBadValue, err), x.Lang, msgSendBadConsentLang, lang, strings.Join(consent.Languages(), " "))
	}
	op := consentOperator(x.settings)
	body, err := text.Render(op)
	if errors.Is(err, consent.ErrNoOperator) {
		return "", newUserError(err, x.Lang, msgSendNoOperator)
	} else if err != nil {
		return "", err
	}
	if terminalPrompter(a.Stdin, a.Stderr) == nil {
		return "", newUserError(fmt.Errorf("%w: %w", errNoConsent, errNotConfirmed), x.Lang, msgSendNeedConsent)
	}
	fmt.Fprintln(a.Stderr, msg(x.Lang, msgSendConsentHeader, recipientText(pkg.Recipient), strings.Join(pkg.SectionKeys(), ", ")))
	fmt.Fprintln(a.Stderr)
	fmt.Fprintln(a.Stderr, strings.TrimSpace(body))
	fmt.Fprintln(a.Stderr)
	if text.Fallback || text.NeedsReview() {
		fmt.Fprintln(a.Stderr, msg(x.Lang, msgSendConsentDraft))
	}
	if err := a.confirmed(x.Lang, msgSendConfirmConsent); err != nil {
		return "", fmt.Errorf("%w: %w", errNoConsent, err)
	}
	var id string
	err = x.edit(ctx, d.ID, "consent to send to "+pkg.Recipient.Type, func(b *crdt.Biography) error {
		var err error
		id, err = consent.Give(crdtdoc.Wrap(b), consent.Consent{
			Purpose:       consent.PurposeShareRecipient,
			Scope:         pkg.SectionKeys(),
			RecipientType: pkg.Recipient.Type,
			RecipientName: pkg.Recipient.Name,
			TextID:        text.ID,
			Version:       text.Version,
			Lang:          text.Lang,
			Interpreter:   s.interpreter,
			GivenBy:       strings.ToUpper(s.givenBy),
			At:            now,
			Recorder:      x.sendProvenance(d),
		}, op)
		return err
	})
	if errors.Is(err, consent.ErrInvalid) {
		return "", newUserError(err, x.Lang, msgSendConsentRefused, err)
	} else if err != nil {
		return "", err
	}
	fmt.Fprintln(a.Stderr, msg(x.Lang, msgSendConsentRecorded, shortEntryID(id)))
	return id, nil
}

// attachFiles adds the files of the package's documents; a document entry without a file
// goes with its description only.
func (x *session) attachFiles(ctx context.Context, d client.DocInfo, pkg *disclosure.Package) error {
	var entries []fileEntry
	if err := x.read(ctx, d.ID, func(b *crdt.Biography) error {
		for _, id := range pkg.Documents {
			e, err := readFileEntry(b, id)
			if err != nil {
				return err
			}
			entries = append(entries, e)
		}
		return nil
	}); err != nil {
		return err
	}
	total := int64(0)
	for _, e := range entries {
		att, ok := e.attachment()
		if !ok {
			continue
		}
		if total += att.Size; total > disclosure.MaxFileBytes+int64(len(entries))*1024 {
			return newUserError(disclosure.ErrTooLarge, x.Lang, msgSendFilesTooLarge, humanSize(disclosure.MaxFileBytes))
		}
		var buf bytes.Buffer
		if err := x.c.Fetch(ctx, d.ID, e.ID, att, &buf, nil); err != nil {
			return x.clientError(fmt.Errorf("fetch the file of %s: %w", shortEntryID(e.ID), err))
		}
		name := e.FileName
		if name == "" {
			name = e.ID
		}
		if err := pkg.AttachFile(e.ID, name, e.MediaType, buf.Bytes()); errors.Is(err, disclosure.ErrTooLarge) {
			return newUserError(err, x.Lang, msgSendFilesTooLarge, humanSize(disclosure.MaxFileBytes))
		} else if err != nil {
			return err
		}
	}
	return nil
}

// shareJSON is an element of what `mobio send list --json` prints.
type shareJSON struct {
	ID        string   `json:"id"`
	State     string   `json:"state"`
	Recipient string   `json:"recipient"`
	Name      string   `json:"name"`
	Sections  []string `json:"sections"`
	Documents []string `json:"documents"`
	Consent   string   `json:"consent"`
	Created   string   `json:"created"`
	Expires   string   `json:"expires"`
	Revoked   string   `json:"revoked,omitempty"`
	PackageID string   `json:"package_id"`
}

func newSendListCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list DOC",
		Short: "List the packages sent from a biography: recipient, state, expiry",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				var shares []disclosure.Share
				if err := x.read(cmd.Context(), d.ID, func(b *crdt.Biography) (err error) {
					shares, err = disclosure.Shares(crdtdoc.Wrap(b))
					return err
				}); err != nil {
					return err
				}
				now := time.Now()
				if asJSON {
					out := []shareJSON{}
					for _, s := range shares {
						j := shareJSON{ID: s.ID, State: s.State(now), Recipient: s.RecipientType, Name: s.RecipientName,
							Sections: s.Sections, Documents: s.Documents, Consent: s.Consent, PackageID: s.PackageID,
							Created: s.Created.Format(time.RFC3339), Expires: s.Expires.Format(time.RFC3339)}
						if !s.Revoked.IsZero() {
							j.Revoked = s.Revoked.Format(time.RFC3339)
						}
						out = append(out, j)
					}
					return writeJSON(a.Stdout, out)
				}
				if len(shares) == 0 {
					fmt.Fprintln(a.Stdout, msg(x.Lang, msgSendNoShares))
					return nil
				}
				tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", msg(x.Lang, msgColID), msg(x.Lang, msgSendColState),
					msg(x.Lang, msgSendColSent), msg(x.Lang, msgSendColUntil), msg(x.Lang, msgSendColRecipient))
				for _, s := range shares {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", shortEntryID(s.ID), msg(x.Lang, shareStateMsg(s.State(now))),
						s.Created.Local().Format("2006-01-02"), s.Expires.Local().Format("2006-01-02"),
						schema.Label("recipient_type", s.RecipientType, x.Lang)+" "+s.RecipientName)
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func shareStateMsg(state string) msgID {
	switch state {
	case disclosure.StateWithdrawn:
		return msgSendStateWithdrawn
	case disclosure.StateExpired:
		return msgSendStateExpired
	}
	return msgSendStateActive
}

func newSendWithdrawCmd(a *app, f *homeFlags) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "withdraw DOC SHARE",
		Short: "Withdraw a package sent: the relay deletes it, and its link no longer opens",
		Long: `Withdraw the package of SHARE (its ID or a unique beginning, as mobio send list shows it):
the relay deletes it at once, so that its link no longer opens, and the biography records
the withdrawal. What the recipient saved before (a printout, their own file) stays with them;
the person may ask them to delete it.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return a.withDoc(ctx, f, relayOpts(cmd), args[0], func(x *session, d client.DocInfo) error {
				var sh disclosure.Share
				if err := x.read(ctx, d.ID, func(b *crdt.Biography) (err error) {
					sh, err = disclosure.FindShare(crdtdoc.Wrap(b), args[1])
					return err
				}); err != nil {
					if errors.Is(err, disclosure.ErrNoShare) || errors.Is(err, disclosure.ErrAmbiguousShare) {
						return newUserError(err, x.Lang, msgSendNoShare, args[1], docTitle(x.Lang, d.Title), args[0])
					}
					return err
				}
				if !sh.Revoked.IsZero() {
					return newUserError(disclosure.ErrWithdrawn, x.Lang, msgSendAlreadyWithdrawn, shortEntryID(sh.ID))
				}
				if err := x.withdrawShare(ctx, d, sh.ID, sh.PackageID); err != nil {
					return err
				}
				_, err := fmt.Fprintln(a.Stdout, msg(x.Lang, msgSendWithdrawn, shortEntryID(sh.ID), recipientText(disclosure.Recipient{
					Label: schema.Label("recipient_type", sh.RecipientType, x.Lang), Name: sh.RecipientName})))
				return err
			})
		},
	}
	return cmd
}

// withdrawShare withdraws the package of share shareID of biography d at the relay, then
// records the withdrawal in the share: the relay first, because the record without the
// deletion would claim what is not so.
func (x *session) withdrawShare(ctx context.Context, d client.DocInfo, shareID, packageID string) error {
	pid, err := client.ParsePackageID(packageID)
	if err != nil {
		return fmt.Errorf("share %s: package ID: %w", shortEntryID(shareID), err)
	}
	if err := sendRelay(x).WithdrawPackage(ctx, d.ID, pid); err != nil && !errors.Is(err, client.ErrNoSuchPackage) {
		return x.clientError(err)
	}
	return x.edit(ctx, d.ID, "withdraw share "+shareID, func(b *crdt.Biography) error {
		_, err := disclosure.Withdraw(crdtdoc.Wrap(b), shareID, time.Now(), x.sendProvenance(d))
		if errors.Is(err, disclosure.ErrWithdrawn) {
			return nil // withdrawn on another device meanwhile
		}
		return err
	})
}

// A withdrawn consent to send withdraws the packages that rest on it (mobio consent withdraw).
func init() {
	withdrawPackageHook = func(ctx context.Context, x *session, d client.DocInfo, shares []consent.Share) error {
		for _, s := range shares {
			if err := x.withdrawShare(ctx, d, s.ID, s.PackageID); err != nil {
				return err
			}
		}
		return nil
	}
}

// openJSON is what `mobio send open --json` prints.
type openJSON struct {
	Sender      string             `json:"sender"`
	Fingerprint string             `json:"fingerprint"`
	Package     disclosure.Package `json:"package"`
}

func newSendOpenCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		asJSON   bool
		filesDir string
	)
	cmd := &cobra.Command{
		Use:   "open LINK|-",
		Short: "Open a package link: fetch, check the sender's signature, decrypt and show it in German",
		Long: `Open a package link as its recipient does: fetch the package from the relay, check that
it opens with the link's key and that its sender signed it, and print it in German, with the
sender's fingerprint to compare with the sender's own (mobio id fingerprint). Give - to read
the link from standard input, which keeps it out of the shell's history. --files DIR writes
the attached files into DIR. No identity is needed.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.loadSettings(f)
			if err != nil {
				return err
			}
			link, err := a.readSecretArg(args[0])
			if err != nil {
				return err
			}
			base, id, key, err := disclosure.ParseLink(link)
			if err != nil {
				return newUserError(err, s.Lang, msgSendBadLink)
			}
			ct, err := fetchPackage(cmd.Context(), &http.Client{Timeout: time.Minute}, base, client.PackageID(id))
			switch {
			case errors.Is(err, client.ErrNoSuchPackage):
				return newUserError(fmt.Errorf("%w: %w", errNoPackage, err), s.Lang, msgSendPackageGone)
			case err != nil:
				return newUserError(err, s.Lang, msgRelayUnreachable, base, offlineCause(err))
			}
			p, sender, err := disclosure.Open(id, key, ct, time.Now())
			switch {
			case errors.Is(err, disclosure.ErrExpired):
				return newUserError(fmt.Errorf("%w: %w", errNoPackage, err), s.Lang, msgSendPackageGone)
			case errors.Is(err, keyring.ErrDecrypt), errors.Is(err, disclosure.ErrMalformed):
				return newUserError(fmt.Errorf("%w: %w", errBadPackage, err), s.Lang, msgSendCannotOpen)
			case err != nil:
				return err
			}
			if filesDir != "" {
				if err := writePackageFiles(a.Stderr, s.Lang, filesDir, p.Files); err != nil {
					return err
				}
			}
			if asJSON {
				return writeJSON(a.Stdout, openJSON{Sender: sender.ID().String(), Fingerprint: sender.Fingerprint(), Package: p})
			}
			printOpened(a.Stdout, p, sender)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	cmd.Flags().StringVar(&filesDir, "files", "", "write the attached files into `DIR` (readable by you only)")
	return cmd
}

// printOpened prints a package for its recipient, in German.
func printOpened(w io.Writer, p disclosure.Package, sender e2ee.IdentityPublic) {
	lw := newLabelWriter(w)
	lw.row("Empfänger", recipientText(p.Recipient))
	lw.rows("Absender (Fingerabdruck)", fingerprintLines(sender.Fingerprint()))
	lw.row("Erstellt am", p.Created.UTC().Format("02.01.2006, 15:04 Uhr (UTC)"))
	lw.row("Gültig bis", p.Expires.UTC().Format("02.01.2006, 15:04 Uhr (UTC)"))
	lw.flush()
	fmt.Fprintln(w, "Nur lesbar: Angaben der Person, von ihr zur Weitergabe an Sie freigegeben; Übersetzungen mit Herkunft, Original daneben.")
	fmt.Fprintln(w)
	renderPackage(w, p, false)
}

// writePackageFiles writes the files of a package into dir, each readable by the user only,
// never replacing a file.
func writePackageFiles(w io.Writer, lang, dir string, files []disclosure.File) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	for _, f := range files {
		name := filepath.Base(filepath.Clean("/" + f.Name)) // no directories from the package
		if name == "/" || name == "." {
			name = f.Entry
		}
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); err == nil {
			return newUserError(os.ErrExist, lang, msgFileExists, path)
		}
		if err := writePrivateFile(path, f.Data); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		fmt.Fprintln(w, msg(lang, msgSendFileWritten, path))
	}
	return nil
}
