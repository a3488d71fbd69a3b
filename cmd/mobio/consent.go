package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func init() { registerCommand(newConsentCmd) }

// withdrawPackageHook, when set, withdraws the packages that rested on a withdrawn consent:
// for each share it withdraws the package at the relay and sets the share's revoked_at in
// the biography. mobio consent withdraw calls it after recording the withdrawal; the sending
// command sets it from its own file (send.go, in init), since it owns packages and their relay
// calls. Without it, mobio consent withdraw lists the packages that are still out.
var withdrawPackageHook func(ctx context.Context, x *session, d client.DocInfo, shares []consent.Share) error

// consentNow is the clock consents are recorded with; tests replace it.
var consentNow = time.Now

// consentOperator returns who the consent texts name as controller and data protection
// officer: config keys controller and dpo, or $MOBIO_CONTROLLER and $MOBIO_DPO.
func consentOperator(s *settings) consent.Operator {
	return consent.Operator{Controller: s.Controller, DPO: s.DPO}
}

// consentRecorder is the provenance of what a consent command records: the newcomer's own
// when she owns the biography, else the counsellor's who records it with her.
func consentRecorder(x *session, d client.DocInfo) casework.Provenance {
	if d.Role == e2ee.RoleOwner {
		return casework.Provenance{Source: "self", By: x.id.ID().String()}
	}
	return casework.Provenance{Source: "counsellor", By: x.id.ID().String()}
}

func newConsentCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	cmd := &cobra.Command{
		Use:   "consent",
		Short: "Consent texts in ten languages, and the consents recorded in a biography",
		Long: `Show the consent texts, record a newcomer's consent in her biography, list the consents
and record a withdrawal, which takes effect at once.

Every share, transfer, sending to an agency and research export rests on a consent recorded
in the biography: for what, to whom, which sections, on which text, version and language,
and when. The texts exist in German (the legally binding version) and in English, Arabic,
Farsi, French, Turkish, Pashto, Tigrinya, Kurmanji and Ukrainian; mobio says when a
translation is a draft that no human translator has reviewed yet.

Here --lang is the language of the consent text; messages follow $MOBIO_LANG or config
(--ui-lang). The texts name the controller and the data protection officer from the
configuration (mobio config set controller "…"; mobio config set dpo "…") or
$MOBIO_CONTROLLER and $MOBIO_DPO.`,
		Example: `  mobio consent texts
  mobio consent show counselling --lang ar
  mobio consent give amina --purpose COUNSELLING_ACCESS_AU --recipient-identity colleague.pub --lang ar
  mobio consent give amina --purpose SHARE_RECIPIENT --recipient-type JOBCENTER \
      --recipient-name "Jobcenter Rhein-Neckar-Kreis" --scope person,languages,work --lang fa
  mobio consent list amina
  mobio consent withdraw amina q8r2`,
		Args: cobra.NoArgs,
	}
	registerConsentHomeFlags(cmd.PersistentFlags(), f)
	cmd.AddCommand(newConsentTextsCmd(a, f), newConsentShowCmd(a, f), newConsentGiveCmd(a, f),
		newConsentListCmd(a, f), newConsentWithdrawCmd(a, f))
	return cmd
}

// registerConsentHomeFlags registers the flags every command has, except that the language of
// messages is --ui-lang: under mobio consent, --lang is the language of a consent text, one of
// ten rather than one of the five of the interface.
func registerConsentHomeFlags(fs *pflag.FlagSet, f *homeFlags) {
	var all pflag.FlagSet
	f.register(&all)
	all.VisitAll(func(fl *pflag.Flag) {
		if fl.Name == "lang" {
			fs.StringVar(&f.lang, "ui-lang", "", fl.Usage)
			return
		}
		fs.AddFlag(fl)
	})
}

// textLangFlag registers --lang, the language of a consent text.
func textLangFlag(cmd *cobra.Command, lang *string) {
	cmd.Flags().StringVar(lang, "lang", "", "language of the consent text: "+strings.Join(consent.Languages(), ", ")+" (default: the language of messages)")
}

// reviewWord is a review state in lang.
func reviewWord(lang string, r consent.Review) string {
	switch r {
	case consent.ReviewReference:
		return msg(lang, msgConsentReference)
	case consent.ReviewReviewed:
		return msg(lang, msgConsentReviewed)
	}
	return msg(lang, msgConsentDraft)
}

// textLanguagesLine summarises the languages of m: each review state with its languages.
func textLanguagesLine(lang string, m consent.Meta) string {
	var parts []string
	for _, r := range []consent.Review{consent.ReviewReference, consent.ReviewReviewed, consent.ReviewDraft} {
		var langs []string
		for _, l := range consent.Languages() {
			if m.Languages[l].Review == r {
				langs = append(langs, l)
			}
		}
		if len(langs) > 0 {
			parts = append(parts, strings.Join(langs, " ")+" ("+reviewWord(lang, r)+")")
		}
	}
	return strings.Join(parts, "; ")
}

// textJSON is an element of what `mobio consent texts --json` prints.
type textJSON struct {
	ID        string                  `json:"id"`
	Version   int                     `json:"version"`
	Purposes  []string                `json:"purposes"`
	Sections  []string                `json:"sections"`
	Languages map[string]textLangJSON `json:"languages"`
}

type textLangJSON struct {
	Review     consent.Review `json:"review"`
	Reviewer   string         `json:"reviewer,omitempty"`
	ReviewedOn string         `json:"reviewed_on,omitempty"`
	Direction  string         `json:"direction"`
	Script     string         `json:"script"`
}

func newConsentTextsCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "texts",
		Short: "List the consent texts: ID, version, purposes, languages and their review state",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.loadSettings(f)
			if err != nil {
				return err
			}
			metas := consent.Texts()
			if asJSON {
				out := []textJSON{}
				for _, m := range metas {
					j := textJSON{ID: m.ID, Version: m.Version, Purposes: m.Purposes, Sections: m.Sections, Languages: map[string]textLangJSON{}}
					for l, r := range m.Languages {
						j.Languages[l] = textLangJSON{Review: r.Review, Reviewer: r.Reviewer, ReviewedOn: r.ReviewedOn, Direction: consent.Direction(l), Script: consent.Script(l)}
					}
					out = append(out, j)
				}
				return writeJSON(a.Stdout, out)
			}
			tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", msg(s.Lang, msgColID), msg(s.Lang, msgConsentColVersion), msg(s.Lang, msgConsentColPurpose), msg(s.Lang, msgConsentColLanguages))
			for _, m := range metas {
				fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", m.ID, m.Version, strings.Join(m.Purposes, ", "), textLanguagesLine(s.Lang, m))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// findText returns the text that arg names, by its ID or by a purpose it serves, at version
// (0: newest) in lang.
func findText(uiLang, arg string, version int, lang string) (consent.Text, error) {
	id := arg
	if m, err := consent.TextFor(strings.ToUpper(arg)); err == nil {
		id = m.ID
	}
	t, err := consent.GetText(id, version, lang)
	if errors.Is(err, consent.ErrUnknownText) {
		name := arg
		if version != 0 {
			name = fmt.Sprintf("%s v%d", arg, version)
		}
		return t, newUserError(err, uiLang, msgConsentUnknownText, name)
	}
	return t, err
}

// warnAboutText tells, in the language of messages, what the person must know about the text
// shown: that German is shown instead of the language asked for, or that the translation is
// a draft no human translator has reviewed.
func (a *app) warnAboutText(uiLang string, t consent.Text) {
	switch {
	case t.Fallback:
		fmt.Fprintln(a.Stderr, msg(uiLang, msgConsentFallback, t.Requested))
	case t.NeedsReview():
		fmt.Fprintln(a.Stderr, msg(uiLang, msgConsentDraftWarning, t.Lang))
	case t.Review.Review == consent.ReviewReviewed:
		fmt.Fprintln(a.Stderr, msg(uiLang, msgConsentReviewedBy, t.Lang, t.Review.Reviewer, t.Review.ReviewedOn))
	}
}

// showJSON is what `mobio consent show --json` prints.
type showJSON struct {
	ID        string         `json:"id"`
	Version   int            `json:"version"`
	Lang      string         `json:"lang"`
	Requested string         `json:"requested"`
	Fallback  bool           `json:"fallback"`
	Review    consent.Review `json:"review"`
	Direction string         `json:"direction"`
	Script    string         `json:"script"`
	Title     string         `json:"title"`
	Text      string         `json:"text"`
	// Digest is the digest of Text as shown; empty while the operator is not configured.
	Digest string `json:"digest,omitempty"`
}

func newConsentShowCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		lang    string
		version int
		asJSON  bool
	)
	cmd := &cobra.Command{
		Use:   "show TEXT-ID|PURPOSE",
		Short: "Print a consent text in one of its ten languages",
		Long: `Print the consent text TEXT-ID (mobio consent texts lists them), or the text for the consent
purpose PURPOSE, in --lang, with the controller and data protection officer from the config
keys controller and dpo (or $MOBIO_CONTROLLER and $MOBIO_DPO). A translation that no human translator has reviewed is
marked as such: the German text is the legally binding one. A language the text lacks shows
the German text, and says so.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.loadSettings(f)
			if err != nil {
				return err
			}
			t, err := findText(s.Lang, args[0], version, cmp.Or(lang, s.Lang))
			if err != nil {
				return err
			}
			body, rerr := t.Render(consentOperator(s))
			digest := consent.Digest(body)
			if rerr != nil {
				// Shown all the same, to read and review; a consent cannot be recorded on it.
				body, digest = t.Body, ""
				fmt.Fprintln(a.Stderr, msg(s.Lang, msgConsentNoOperator))
			}
			if asJSON {
				return writeJSON(a.Stdout, showJSON{ID: t.ID, Version: t.Version, Lang: t.Lang, Requested: t.Requested, Fallback: t.Fallback,
					Review: t.Review.Review, Direction: consent.Direction(t.Lang), Script: consent.Script(t.Lang), Title: t.Title, Text: body, Digest: digest})
			}
			a.warnAboutText(s.Lang, t)
			_, err = fmt.Fprint(a.Stdout, body)
			return err
		},
	}
	textLangFlag(cmd, &lang)
	cmd.Flags().IntVar(&version, "version", 0, "the text's version (default: the newest)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON, with the text's direction (ltr or rtl) and script")
	return cmd
}

// parseGivenBy parses --given-by: self, guardian or carer, or a code of consent_giver.
func parseGivenBy(lang, s string) (string, error) {
	switch v := strings.ToUpper(strings.TrimSpace(s)); v {
	case "", "SELF":
		return "SELF", nil
	case "GUARDIAN", "LEGAL_GUARDIAN":
		return "LEGAL_GUARDIAN", nil
	case "CARER", "LEGAL_CARER":
		return "LEGAL_CARER", nil
	}
	return "", newUserError(errBadValue, lang, msgConsentBadGivenBy, s)
}

// parseMethod parses --method: electronic or signed_paper_scan.
func parseMethod(lang, s string) (string, error) {
	switch v := strings.ToLower(strings.TrimSpace(s)); v {
	case "", "electronic":
		return "electronic", nil
	case "signed_paper_scan", "paper":
		return "signed_paper_scan", nil
	}
	return "", newUserError(errBadValue, lang, msgConsentBadMethod, s)
}

// parsePurpose parses a consent purpose, a code of consent_purpose in any letter case.
func parsePurpose(lang, s string) (string, error) {
	p := strings.ToUpper(strings.TrimSpace(s))
	l := schema.Default().CodeList("consent_purpose")
	if !l.Has(p) {
		var codes []string
		for _, c := range l.Codes {
			codes = append(codes, c.Code)
		}
		return "", newUserError(errBadValue, lang, msgConsentBadPurpose, s, strings.Join(codes, ", "))
	}
	return p, nil
}

// recipientIdentity reads --recipient-identity: an identity ID as mobio share members
// prints it in full, or a public identity (mobio-id1…, or a file holding one).
func (x *session) recipientIdentity(arg string) (string, error) {
	if arg == "" {
		return "", nil
	}
	if id, err := e2ee.ParseIdentityID(strings.ToLower(strings.TrimSpace(arg))); err == nil {
		return id.String(), nil
	}
	pub, err := readPublicIdentity(arg, x.Lang)
	if err != nil {
		return "", err
	}
	return pub.ID().String(), nil
}

// findConsent returns the ID of the consent entry that arg begins.
func (x *session) findConsent(b *crdt.Biography, docArg, arg string) (string, error) {
	ids, err := b.Entries(consent.ListConsents)
	if err != nil {
		return "", fmt.Errorf("list %s: %w", consent.ListConsents, err)
	}
	var found []string
	for _, id := range ids {
		if arg != "" && strings.HasPrefix(id, strings.ToLower(strings.TrimSpace(arg))) {
			found = append(found, id)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", newUserError(errNoConsent, x.Lang, msgConsentNoSuchEntry, arg, docArg)
	}
	return "", newUserError(errNoConsent, x.Lang, msgAmbiguousEntry, arg, consent.ListConsents)
}

// recipientText describes to whom c goes, for the person at the terminal.
func consentRecipientText(lang string, c consent.Consent) string {
	var parts []string
	if c.RecipientType != "" {
		parts = append(parts, schema.Label("recipient_type", c.RecipientType, lang))
	}
	if c.RecipientName != "" {
		parts = append(parts, c.RecipientName)
	}
	if c.RecipientIdentity != "" {
		parts = append(parts, msg(lang, msgConsentIdentity, shortIdentity(c.RecipientIdentity)))
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, ", ")
}

func shortIdentity(id string) string { return id[:min(len(id), 8)] }

// presentConsent shows what the person agrees to, the text as rendered and what to know about
// its translation, and asks whether they agreed, unless yes. Everything goes to standard
// error: standard output carries the result alone.
func (a *app) presentConsent(x *session, c consent.Consent, t consent.Text, body string, yes bool) error {
	var sections []string
	for _, s := range c.Scope {
		sections = append(sections, schema.Label("section", s, x.Lang))
	}
	tw := newLabelWriter(a.Stderr)
	tw.row(msg(x.Lang, msgConsentColPurpose), schema.Label("consent_purpose", c.Purpose, x.Lang))
	tw.row(msg(x.Lang, msgConsentColRecipient), consentRecipientText(x.Lang, c))
	tw.row(msg(x.Lang, msgConsentColSections), strings.Join(sections, ", "))
	tw.row(msg(x.Lang, msgConsentColText), fmt.Sprintf("%s v%d, %s", t.ID, t.Version, t.Lang))
	tw.flush()
	fmt.Fprintln(a.Stderr)
	fmt.Fprintln(a.Stderr, strings.TrimSpace(body))
	fmt.Fprintln(a.Stderr)
	a.warnAboutText(x.Lang, t)
	if yes {
		return nil
	}
	if err := a.confirmed(x.Lang, msgConsentConfirm); err != nil {
		return fmt.Errorf("%w: %w", errNoConsent, err)
	}
	return nil
}

// giveConsent checks c, shows its text and asks, then records it in biography d; it returns
// the entry's ID. c.At is set to the moment of the answer.
func (a *app) giveConsent(ctx context.Context, x *session, d client.DocInfo, c consent.Consent, yes bool) (string, error) {
	op := consentOperator(x.settings)
	c.At = consentNow()
	c.Recorder = consentRecorder(x, d)
	c, err := consent.Check(c, op)
	switch {
	case errors.Is(err, consent.ErrNoOperator):
		return "", newUserError(err, x.Lang, msgConsentNoOperator)
	case errors.Is(err, consent.ErrInvalid):
		return "", newUserError(err, x.Lang, msgConsentRefused, strings.TrimPrefix(err.Error(), consent.ErrInvalid.Error()+": "))
	case err != nil:
		return "", err
	}
	t, err := consent.GetText(c.TextID, c.Version, c.Lang)
	if err != nil {
		return "", err
	}
	body, err := t.Render(op)
	if err != nil {
		return "", err
	}
	if err := a.presentConsent(x, c, t, body, yes); err != nil {
		return "", err
	}
	c.At = consentNow()
	var id string
	err = x.edit(ctx, d.ID, "consent: "+c.Purpose, func(b *crdt.Biography) (err error) {
		id, err = consent.Give(crdtdoc.Wrap(b), c, op)
		return err
	})
	if err != nil {
		return "", err
	}
	fmt.Fprintln(a.Stderr, msg(x.Lang, msgConsentRecorded, shortEntryID(id), schema.Label("consent_purpose", c.Purpose, x.Lang), t.ID, t.Version, t.Lang))
	return id, nil
}

// consentJSON is what `mobio consent give|list --json` print for a consent.
type consentJSON struct {
	ID                string   `json:"id"`
	Purpose           string   `json:"purpose"`
	Scope             []string `json:"scope"`
	RecipientType     string   `json:"recipient_type,omitempty"`
	RecipientName     string   `json:"recipient_name,omitempty"`
	RecipientIdentity string   `json:"recipient_identity,omitempty"`
	TextID            string   `json:"text_id"`
	TextVersion       int      `json:"text_version"`
	TextDigest        string   `json:"text_digest"`
	Language          string   `json:"language_shown"`
	Interpreter       string   `json:"interpreter_language,omitempty"`
	Method            string   `json:"method"`
	GivenBy           string   `json:"given_by"`
	GivenAt           string   `json:"given_at"`
	WithdrawnAt       string   `json:"withdrawn_at,omitempty"`
}

func toConsentJSON(r consent.Record) consentJSON {
	j := consentJSON{ID: r.ID, Purpose: r.Purpose, Scope: r.Scope, RecipientType: r.RecipientType, RecipientName: r.RecipientName,
		RecipientIdentity: r.RecipientIdentity, TextID: r.TextID, TextVersion: r.Version, TextDigest: r.Digest, Language: r.Lang,
		Interpreter: r.Interpreter, Method: r.Method, GivenBy: r.GivenBy, GivenAt: r.At.UTC().Format(time.RFC3339)}
	if j.Scope == nil {
		j.Scope = []string{}
	}
	if r.Withdrawn() {
		j.WithdrawnAt = r.WithdrawnAt.UTC().Format(time.RFC3339)
	}
	return j
}

func newConsentGiveCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		purpose, textID, recipientType, recipientName, recipientID string
		lang, interpreter, method, givenBy                         string
		scope                                                      []string
		version                                                    int
		yes, asJSON                                                bool
	)
	cmd := &cobra.Command{
		Use:   "give DOC --purpose PURPOSE [flags]",
		Short: "Show a consent text and record the newcomer's consent in the biography",
		Long: `Record a consent in the biography DOC: mobio shows what it is for, to whom and for which
sections, then the consent text in --lang, and asks whether the person read it (or had it
interpreted, --interpreter) and agreed. Only then is the consent recorded, with the text's
ID, version, language and the digest of the exact words shown. It prints the entry's ID,
which mobio share and mobio send take with --consent.

--purpose is a code of mobio schema codes consent_purpose. Access for a counsellor
(COUNSELLING_ACCESS_VU or _AU) and the handover (TRANSFER_VU_TO_AU) need the counsellor's
--recipient-identity; sending to an agency (SHARE_RECIPIENT) needs --recipient-type and
--recipient-name and usually --scope. The support-needs section has its own purpose,
HEALTH_SECTION. --scope defaults to every section the text covers.

In a script, where nobody can answer, --yes says that the person agreed.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				p, err := parsePurpose(x.Lang, purpose)
				if err != nil {
					return err
				}
				gb, err := parseGivenBy(x.Lang, givenBy)
				if err != nil {
					return err
				}
				m, err := parseMethod(x.Lang, method)
				if err != nil {
					return err
				}
				rid, err := x.recipientIdentity(recipientID)
				if err != nil {
					return err
				}
				c := consent.Consent{Purpose: p, Scope: scope, RecipientType: strings.ToUpper(recipientType), RecipientName: recipientName,
					RecipientIdentity: rid, TextID: textID, Version: version, Lang: strings.ToLower(cmp.Or(lang, x.Lang)),
					Interpreter: strings.ToLower(interpreter), Method: m, GivenBy: gb}
				id, err := a.giveConsent(cmd.Context(), x, d, c, yes)
				if err != nil {
					return err
				}
				if asJSON {
					var rec consent.Record
					if err := x.read(cmd.Context(), d.ID, func(b *crdt.Biography) (err error) {
						rec, err = consent.Find(crdtdoc.Wrap(b), id)
						return err
					}); err != nil {
						return err
					}
					return writeJSON(a.Stdout, toConsentJSON(rec))
				}
				_, err = fmt.Fprintln(a.Stdout, id)
				return err
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&purpose, "purpose", "", "what the consent is for: a code of mobio schema codes consent_purpose")
	fl.StringVar(&textID, "text", "", "the consent text's ID (default: the text for --purpose)")
	fl.IntVar(&version, "version", 0, "the text's version (default: the newest)")
	fl.StringSliceVar(&scope, "scope", nil, "the sections the consent covers, comma-separated (default: all the text covers)")
	fl.StringVar(&recipientType, "recipient-type", "", "the recipient's type: a code of mobio schema codes recipient_type")
	fl.StringVar(&recipientName, "recipient-name", "", "the recipient's name, such as \"Jobcenter Rhein-Neckar-Kreis\"")
	fl.StringVar(&recipientID, "recipient-identity", "", "the counsellor's identity: ID, public identity (mobio-id1…) or a FILE holding it")
	textLangFlag(cmd, &lang)
	fl.StringVar(&interpreter, "interpreter", "", "the language an interpreter used, as an ISO 639-3 code (kmr, tir, prs, …)")
	fl.StringVar(&method, "method", "electronic", "how the consent was given: electronic or signed_paper_scan")
	fl.StringVar(&givenBy, "given-by", "self", "who gave it: self, guardian (for a minor) or carer (a legal carer)")
	fl.BoolVarP(&yes, "yes", "y", false, "record without asking: the person read the text and agreed (for scripts)")
	fl.BoolVar(&asJSON, "json", false, "print the recorded consent as JSON")
	cmd.MarkFlagRequired("purpose")
	return cmd
}

func newConsentListCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list DOC",
		Short: "List the consents recorded in a biography, in force and withdrawn",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				var recs []consent.Record
				if err := x.read(cmd.Context(), d.ID, func(b *crdt.Biography) (err error) {
					recs, err = consent.List(crdtdoc.Wrap(b))
					return err
				}); err != nil {
					return err
				}
				if asJSON {
					out := []consentJSON{}
					for _, r := range recs {
						out = append(out, toConsentJSON(r))
					}
					return writeJSON(a.Stdout, out)
				}
				if len(recs) == 0 {
					_, err := fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentNone, docTitle(x.Lang, d.Title)))
					return err
				}
				tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", msg(x.Lang, msgColID), msg(x.Lang, msgConsentColPurpose), msg(x.Lang, msgConsentColText),
					msg(x.Lang, msgConsentColGiven), msg(x.Lang, msgConsentColStatus), msg(x.Lang, msgConsentColRecipient))
				for _, r := range recs {
					status := msg(x.Lang, msgConsentInForce)
					if r.Withdrawn() {
						status = msg(x.Lang, msgConsentWithdrawnOn, r.WithdrawnAt.Local().Format("2006-01-02"))
					}
					// The recipient is last: a name may be written right to left.
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", shortEntryID(r.ID), r.Purpose, r.TextID+" v"+strconv.Itoa(r.Version)+" "+r.Lang,
						r.At.Local().Format("2006-01-02"), status, consentRecipientText(x.Lang, r.Consent))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func newConsentWithdrawCmd(a *app, f *homeFlags) *cobra.Command {
	var erase bool
	cmd := &cobra.Command{
		Use:   "withdraw DOC CONSENT",
		Short: "Record that a consent was withdrawn, and end what rested on it",
		Long: `Record that the newcomer withdrew the consent CONSENT (its entry ID, or a unique beginning,
as mobio consent list shows it), and undo what rested on it:

  - access of a counsellor (or a handover): the counsellor is removed from the biography,
    which renews its keys, unless another consent in force still gives them access;
  - sending to an agency: the packages sent on this consent are withdrawn;
  - research: the person is left out of every research export from now on;
  - the support-needs section: its data are erased;
  - the use of mobio itself: the biography must be erased; the owner does it with --erase.

Recording the withdrawal works offline; removing a member and withdrawing packages need the
relay. When they fail, run the command again: a withdrawal recorded before is kept, and its
effects are completed.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				return a.withdrawConsent(cmd.Context(), x, d, args, erase)
			})
		},
	}
	cmd.Flags().BoolVar(&erase, "erase", false, "when the consent to use mobio is withdrawn: erase the biography on the relay and every device (owner only; cannot be undone)")
	return cmd
}

// withdrawConsent records the withdrawal of consent args[1] in biography d and carries out
// its effects.
func (a *app) withdrawConsent(ctx context.Context, x *session, d client.DocInfo, args []string, erase bool) error {
	var (
		id     string
		eff    consent.Effect
		before time.Time // when it was withdrawn before, if it was
	)
	now := consentNow()
	err := x.edit(ctx, d.ID, "consent: withdraw", func(b *crdt.Biography) error {
		w := crdtdoc.Wrap(b)
		var err error
		if id, err = x.findConsent(b, args[0], args[1]); err != nil {
			return err
		}
		if err = consent.Withdraw(w, id, now); errors.Is(err, consent.ErrAlreadyWithdrawn) {
			rec, ferr := consent.Find(w, id)
			if ferr != nil {
				return ferr
			}
			before = rec.WithdrawnAt
		} else if err != nil {
			return err
		}
		if eff, err = consent.Effects(w, id); err != nil {
			return err
		}
		// Erased in the same change as the withdrawal: no replica ever sees one without the other.
		for _, s := range eff.EraseSections {
			if err := consent.EraseSection(w, s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if before.IsZero() {
		fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentWithdrawnNow, shortEntryID(id), now.Local().Format("2006-01-02 15:04")))
	} else {
		fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentWasWithdrawn, shortEntryID(id), before.Local().Format("2006-01-02 15:04")))
	}
	for _, s := range eff.EraseSections {
		fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentSectionErased, schema.Label("section", s, x.Lang)))
	}
	if eff.ExcludeFromResearch {
		fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentResearchExcluded))
	}
	var errs []error
	if eff.RevokeMember != "" {
		errs = append(errs, a.revokeWithdrawn(ctx, x, d, eff.RevokeMember, args))
	}
	if len(eff.WithdrawPackages) > 0 {
		errs = append(errs, a.withdrawPackages(ctx, x, d, eff.WithdrawPackages))
	}
	if eff.EraseDocument {
		errs = append(errs, a.eraseWithdrawn(ctx, x, d, args, erase))
	}
	return errors.Join(errs...)
}

// revokeWithdrawn removes member, whose access rested on a withdrawn consent, from d.
func (a *app) revokeWithdrawn(ctx context.Context, x *session, d client.DocInfo, member string, args []string) error {
	short := shortIdentity(member)
	pending := func(cause error) error {
		fmt.Fprintln(a.Stderr, msg(x.Lang, msgConsentRevokePending, short, args[0], args[1]))
		return cause
	}
	if x.Relay == "" {
		return pending(newUserError(errNoRelay, x.Lang, msgNoRelay, "mobio consent withdraw"))
	}
	mid, err := e2ee.ParseIdentityID(member)
	if err != nil {
		return fmt.Errorf("the consent names a malformed identity: %w", err)
	}
	members, err := x.c.Members(ctx, d.ID)
	if err != nil {
		return pending(x.clientError(err))
	}
	if !slices.ContainsFunc(members, func(m client.MemberInfo) bool { return m.Identity.ID() == mid }) {
		fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentMemberGone, short))
		return nil
	}
	if err := x.c.Revoke(ctx, d.ID, mid); err != nil {
		return pending(x.clientError(err))
	}
	fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentMemberRevoked, short, docTitle(x.Lang, d.Title)))
	return nil
}

// withdrawPackages withdraws the packages of shares through withdrawPackageHook, or lists
// them as still out.
func (a *app) withdrawPackages(ctx context.Context, x *session, d client.DocInfo, shares []consent.Share) error {
	fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentPackagesHeader))
	for _, s := range shares {
		to := schema.Label("recipient_type", s.RecipientType, x.Lang)
		if s.RecipientName != "" {
			to += ", " + s.RecipientName
		}
		fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentPackageLine, shortEntryID(s.ID), cmp.Or(s.PackageID, "—"), to))
	}
	if withdrawPackageHook == nil {
		fmt.Fprintln(a.Stderr, msg(x.Lang, msgConsentPackagesPending))
		return nil
	}
	if err := withdrawPackageHook(ctx, x, d, shares); err != nil {
		return x.clientError(err)
	}
	fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentPackagesWithdrawn, len(shares)))
	return nil
}

// eraseWithdrawn erases biography d after the consent to keep it was withdrawn, when its
// owner asked for it with --erase; otherwise it says what has to happen.
func (a *app) eraseWithdrawn(ctx context.Context, x *session, d client.DocInfo, args []string, erase bool) error {
	switch {
	case d.Role != e2ee.RoleOwner:
		fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentOwnerMustErase))
		if erase {
			return newUserError(e2ee.ErrNotAllowed, x.Lang, msgConsentNotOwner)
		}
		return nil
	case !erase:
		fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentEraseHint, args[0], args[1]))
		return nil
	case x.Relay == "":
		return newUserError(errNoRelay, x.Lang, msgNoRelay, "mobio consent withdraw --erase")
	}
	if err := x.c.Erase(ctx, d.ID); err != nil {
		return x.clientError(err)
	}
	fmt.Fprintln(a.Stdout, msg(x.Lang, msgConsentErased, docTitle(x.Lang, d.Title)))
	return nil
}

// memberConsentFlags are the flags by which mobio share add and mobio share transfer take
// the consent that lets a counsellor in.
type memberConsentFlags struct {
	entry, purpose, lang, interpreter string
}

func (m *memberConsentFlags) register(cmd *cobra.Command, purposeHelp string) {
	fl := cmd.Flags()
	fl.StringVar(&m.entry, "consent", "", "the consents.consents `ENTRY` (its ID or a unique beginning) by which the newcomer agreed;\nwithout it, mobio shows the consent text and records the newcomer's consent")
	if purposeHelp != "" {
		fl.StringVar(&m.purpose, "purpose", "", purposeHelp)
	}
	fl.StringVar(&m.lang, "consent-lang", "", "language of the consent text shown: "+strings.Join(consent.Languages(), ", ")+" (default: the language of messages)")
	fl.StringVar(&m.interpreter, "interpreter", "", "the language an interpreter used for the consent text, as an ISO 639-3 code")
}

// memberPurpose returns the purpose of a counsellor's access to d: from --purpose (vu, au or
// the code), else from the accommodation stage recorded in the biography.
func (x *session) memberPurpose(ctx context.Context, d client.DocInfo, flag string) (string, error) {
	switch strings.ToUpper(strings.TrimSpace(flag)) {
	case "VU", consent.PurposeCounsellingVU:
		return consent.PurposeCounsellingVU, nil
	case "AU", consent.PurposeCounsellingAU:
		return consent.PurposeCounsellingAU, nil
	case "":
	default:
		return "", newUserError(errBadValue, x.Lang, msgConsentNeedPurpose)
	}
	var stage string
	if err := x.read(ctx, d.ID, func(b *crdt.Biography) error {
		f, err := crdtdoc.Wrap(b).Field("person.accommodation_stage")
		stage = f.Value
		return err
	}); err != nil {
		return "", err
	}
	switch stage {
	case "VU":
		return consent.PurposeCounsellingVU, nil
	case "AU":
		return consent.PurposeCounsellingAU, nil
	}
	return "", newUserError(errBadValue, x.Lang, msgConsentNeedPurpose)
}

// memberConsent returns the consent in force by which pub becomes a member of d: the entry
// --consent names, if its purpose is one of accept and it is in force for pub, else one the
// newcomer gives now for the purpose that purpose returns.
func (a *app) memberConsent(ctx context.Context, x *session, d client.DocInfo, docArg string, pub e2ee.IdentityPublic,
	accept []string, purpose func() (string, error), m memberConsentFlags, yes bool) (string, error) {
	if m.entry == "" {
		p, err := purpose()
		if err != nil {
			return "", err
		}
		return a.giveConsent(ctx, x, d, consent.Consent{
			Purpose: p, RecipientIdentity: pub.ID().String(),
			Lang: strings.ToLower(cmp.Or(m.lang, x.Lang)), Interpreter: strings.ToLower(m.interpreter),
		}, yes)
	}
	var labels []string
	for _, p := range accept {
		labels = append(labels, schema.Label("consent_purpose", p, x.Lang))
	}
	var id string
	err := x.read(ctx, d.ID, func(b *crdt.Biography) error {
		entry, err := x.findConsent(b, docArg, m.entry)
		if err != nil {
			return err
		}
		w := crdtdoc.Wrap(b)
		rec, err := consent.Find(w, entry)
		if err != nil {
			return err
		}
		if slices.Contains(accept, rec.Purpose) {
			id, err = consent.Require(w, rec.Purpose, consent.Match{Entry: entry, RecipientIdentity: pub.ID().String()})
		} else {
			err = casework.ErrNoConsent
		}
		if errors.Is(err, casework.ErrNoConsent) {
			return newUserError(fmt.Errorf("%w: %w", errNoConsent, err), x.Lang, msgConsentNotInForce, shortEntryID(entry), strings.Join(labels, " / "), pub.ID().Short())
		}
		return err
	})
	return id, err
}
