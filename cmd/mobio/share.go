package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/spf13/cobra"
)

// maxInviteTTL bounds how long an invite link stays valid: a link is a secret that may be
// lost, and its owner forgets it exists.
const maxInviteTTL = 30 * 24 * time.Hour

// shareSyncTimeout bounds the sync that share accept and share join run to fetch the content.
const shareSyncTimeout = time.Minute

// minMemberPrefix is the shortest beginning of an ID or fingerprint that names a member to
// remove: removing the wrong person by a typo costs them their access.
const minMemberPrefix = 4

func newShareCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	cmd := &cobra.Command{
		Use:   "share",
		Short: "Share a biography: invite links, members by public identity, removal and transfer",
		Long: `Share a biography with the people who work on it, and end the sharing.

A newcomer (the owner) or a counsellor gives access in one of two ways:
  - an invite link (mobio share link): a secret link, single-use and valid for --ttl, handed
    over in person or shown as a QR code; the other person runs mobio share accept;
  - by public identity (mobio share add): after both compared the fingerprint aloud, in
    person or on a call; the other person then runs mobio share join with the document's ID.

Removing a member (mobio share revoke) renews the document's keys: what is written after
does not reach them. A counsellor hands a biography over with mobio share transfer, citing
the newcomer's consent recorded in the biography.

Everything here but members needs the relay: --relay, $MOBIO_RELAY or config key relay.`,
		Example: `  mobio share link amina --role counsellor --ttl 24h
  mobio share link amina --qr | qrencode -t ansiutf8     # show the link as a QR code
  mobio share accept -                                    # paste the link, then Ctrl-D
  mobio share add amina colleague.pub --role counsellor   # asks to confirm the fingerprint
  mobio share join 7fq2…                                  # on the colleague's device
  mobio share members amina
  mobio share revoke amina 4k7d
  mobio share transfer amina manager.pub --consent q8r2`,
		Args: cobra.NoArgs,
	}
	f.register(cmd.PersistentFlags())
	cmd.AddCommand(
		newShareLinkCmd(a, f), newShareAcceptCmd(a, f), newShareAddCmd(a, f), newShareJoinCmd(a, f),
		newShareRevokeCmd(a, f), newShareMembersCmd(a, f), newShareTransferCmd(a, f),
	)
	return cmd
}

// relayOpts are the options of a session for cmd, which needs the relay.
func relayOpts(cmd *cobra.Command) sessionOpts {
	return sessionOpts{needRelay: true, cmd: cmd.CommandPath()}
}

// withRelaySession runs fn in a session that has a relay.
func (a *app) withRelaySession(cmd *cobra.Command, f *homeFlags, fn func(*session) error) error {
	return a.withSessionOpts(cmd.Context(), f, relayOpts(cmd), fn)
}

// otherIdentity reads a public identity from arg, as readPublicIdentity does, and refuses the
// session's own: a member to add or a successor is someone else.
func (x *session) otherIdentity(arg string) (e2ee.IdentityPublic, error) {
	pub, err := readPublicIdentity(arg, x.Lang)
	if err != nil {
		return pub, err
	}
	if pub.ID() == x.c.ID() {
		return e2ee.IdentityPublic{}, newUserError(errBadValue, x.Lang, msgThatIsYou)
	}
	return pub, nil
}

// confirmed asks the question prompt (confirm) and fails with errNotConfirmed unless the
// answer is yes.
func (a *app) confirmed(lang string, prompt msgID) error {
	ok, err := a.confirm(lang, prompt)
	if err != nil {
		return err
	}
	if !ok {
		return newUserError(errNotConfirmed, lang, msgCancelled)
	}
	return nil
}

// titleFlag registers --title, the local name of a biography.
func titleFlag(cmd *cobra.Command, title *string) {
	cmd.Flags().StringVar(title, "title", "", "local `NAME` of the biography, such as the newcomer's name")
}

// parseRole parses --role: counsellor or viewer (the owner is the one who created the document).
func parseRole(lang, s string) (e2ee.Role, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "counsellor", "counselor":
		return e2ee.RoleCounsellor, nil
	case "viewer":
		return e2ee.RoleViewer, nil
	}
	return 0, newUserError(errBadValue, lang, msgBadRole, s)
}

// webBase is the address of the web app that opens invite links: the relay's, over HTTP(S).
func webBase(relay string) string {
	u, err := url.Parse(relay)
	if err != nil {
		return ""
	}
	switch u.Scheme {
	case "wss":
		u.Scheme = "https"
	case "ws":
		u.Scheme = "http"
	}
	u.Path, u.RawQuery, u.Fragment = "/", "", ""
	return u.String()
}

// inviteJSON is what `mobio share link --json` prints.
type inviteJSON struct {
	Doc     string `json:"doc"`
	Role    string `json:"role"`
	Expires string `json:"expires"`
	Link    string `json:"link"`
}

func newShareLinkCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		role, base string
		ttl        time.Duration
		qr, asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "link DOC",
		Short: "Make a single-use invite link to the biography (a secret: hand it over in person)",
		Long: `Make an invite link for one person, with --role counsellor (may edit) or viewer (reads
only), valid for --ttl. Whoever opens the link first becomes a member: hand it over in
person, or show it as a QR code (--qr prints the link alone, for a QR encoder), and never
send it by e-mail or chat. The secret part of the link (after #) never reaches the relay.

The link opens the web app at --base, by default the relay's address; mobio share accept
takes it on a device with the command line.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withRelaySession(cmd, f, func(x *session) error {
				r, err := parseRole(x.Lang, role)
				if err != nil {
					return err
				}
				if ttl <= 0 || ttl > maxInviteTTL {
					return newUserError(errBadValue, x.Lang, msgBadTTL, ttl)
				}
				if base == "" {
					base = webBase(x.Relay)
				}
				d, err := x.resolveDoc(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				link, err := x.c.Invite(cmd.Context(), d.ID, r, ttl, base)
				if err != nil {
					return x.clientError(err)
				}
				expires := time.Now().Add(ttl).Truncate(time.Minute)
				fmt.Fprintln(a.Stderr, msg(x.Lang, msgInviteSecret))
				switch {
				case asJSON:
					return writeJSON(a.Stdout, inviteJSON{Doc: d.ID.String(), Role: r.String(), Expires: expires.UTC().Format(time.RFC3339), Link: link})
				case qr:
					_, err := fmt.Fprintln(a.Stdout, link)
					return err
				}
				// The explanation goes to standard error and the link alone to standard
				// output, so that `mobio share link DOC | mobio share accept -` works.
				fmt.Fprintln(a.Stderr, msg(x.Lang, msgInviteLink, docTitle(x.Lang, d.Title), msg(x.Lang, roleMsg(r)), expires.Format("2006-01-02 15:04")))
				_, err = fmt.Fprintln(a.Stdout, link)
				return err
			})
		},
	}
	cmd.Flags().StringVar(&role, "role", "counsellor", "the role of the person who accepts: counsellor (edits) or viewer (reads)")
	cmd.Flags().DurationVar(&ttl, "ttl", 72*time.Hour, "how long the link is valid, such as 24h or 30m (at most 720h)")
	cmd.Flags().StringVar(&base, "base", "", "the web app's `URL` the link opens (default: the relay's address)")
	cmd.Flags().BoolVar(&qr, "qr", false, "print only the link, for a QR encoder: mobio share link DOC --qr | qrencode -t ansiutf8")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// readSecretArg returns arg, or for "-" the first line of standard input: a link typed on
// the command line stays in the shell's history.
func (a *app) readSecretArg(arg string) (string, error) {
	if arg != "-" {
		return strings.TrimSpace(arg), nil
	}
	if a.Stdin == nil {
		return "", nil
	}
	line, err := readLine(a.Stdin)
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read standard input: %w", err)
	}
	return strings.TrimSpace(string(line)), nil
}

// joinedJSON is what `mobio share accept|join --json` print.
type joinedJSON struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Role   string `json:"role"`
	Synced bool   `json:"synced"`
}

// fetchJoined reports the outcome joinErr of accepting or joining document id, then syncs
// the document, so that its content is here, and reports it. A failed sync is not the
// command's failure: the next mobio sync fetches it.
func (a *app) fetchJoined(ctx context.Context, x *session, id e2ee.DocID, joinErr error, asJSON bool) error {
	switch {
	case errors.Is(joinErr, client.ErrExists):
		return newUserError(joinErr, x.Lang, msgAlreadyHaveDoc, shortDocID(id))
	case joinErr != nil:
		return x.clientError(joinErr)
	}
	sctx, cancel := context.WithTimeout(ctx, shareSyncTimeout)
	serr := x.c.Sync(sctx)
	cancel()
	info, err := x.c.Info(ctx, id)
	if err != nil {
		return fmt.Errorf("document %s: %w", shortDocID(id), err)
	}
	if asJSON {
		if err := writeJSON(a.Stdout, joinedJSON{ID: id.String(), Title: info.Title, Role: roleName(info.Role), Synced: serr == nil}); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(a.Stdout, id.String())
	}
	if serr != nil {
		fmt.Fprintln(a.Stderr, x.clientError(serr))
		fmt.Fprintln(a.Stderr, msg(x.Lang, msgFetchLater))
		return nil
	}
	if !info.Role.Valid() {
		return newUserError(client.ErrNotMember, x.Lang, msgNotMemberYet, shortDocID(id))
	}
	fmt.Fprintln(a.Stderr, msg(x.Lang, msgDocJoined, docTitle(x.Lang, info.Title), shortDocID(id), msg(x.Lang, roleMsg(info.Role))))
	return nil
}

func newShareAcceptCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		title  string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "accept LINK|-",
		Short: "Accept an invite link: the biography comes to this device",
		Long: `Redeem an invite link someone handed you, and fetch the biography. Give - to read the link
from standard input (paste it, then press Enter), which keeps the secret out of the shell's
history. The title is a local name for the biography, kept on this device only.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withRelaySession(cmd, f, func(x *session) error {
				link, err := a.readSecretArg(args[0])
				if err != nil {
					return err
				}
				if _, _, err := keyring.ParseInviteLink(link); err != nil {
					return newUserError(fmt.Errorf("%w: %w", errBadInvite, err), x.Lang, msgBadInviteLink)
				}
				id, err := x.c.Accept(cmd.Context(), link, title)
				return a.fetchJoined(cmd.Context(), x, id, err, asJSON)
			})
		},
	}
	titleFlag(cmd, &title)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// confirmFingerprint shows pub's fingerprint for comparing in person and asks whether it was
// compared; yes (--yes) skips the question.
func (a *app) confirmFingerprint(x *session, pub e2ee.IdentityPublic, yes bool) error {
	fmt.Fprintln(a.Stderr, msg(x.Lang, msgCompareFingerprint))
	tw := newLabelWriter(a.Stderr)
	tw.row(msg(x.Lang, msgLabelID), pub.ID().String())
	tw.rows(msg(x.Lang, msgLabelFingerprint), fingerprintLines(pub.Fingerprint()))
	tw.flush()
	if yes {
		return nil
	}
	return a.confirmed(x.Lang, msgConfirmCompared)
}

func newShareAddCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		role string
		yes  bool
		mc   memberConsentFlags
	)
	cmd := &cobra.Command{
		Use:   "add DOC PUBLIC-ID|FILE",
		Short: "Add a member by public identity, after comparing fingerprints in person",
		Long: `Add the identity PUBLIC-ID (mobio-id1…, or the first one in FILE) to the biography with
--role counsellor or viewer. mobio shows the identity's fingerprint: compare it with the
person, in person or on a call (they run mobio id fingerprint), and confirm. Without the
comparison, whoever handed you the public identity could have swapped it for their own.
In a script, where nobody can answer, --yes confirms that the comparison was made.

Access for a counsellor rests on the newcomer's consent (COUNSELLING_ACCESS_VU or _AU,
--purpose vu or au; by default the biography's accommodation stage): mobio shows the consent
text in --consent-lang and records the consent in the biography before adding the member,
or takes a consent recorded before (mobio consent give) with --consent ENTRY.

The new member then runs mobio share join with the document's full ID, which this command
prints.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withRelaySession(cmd, f, func(x *session) error {
				r, err := parseRole(x.Lang, role)
				if err != nil {
					return err
				}
				pub, err := x.otherIdentity(args[1])
				if err != nil {
					return err
				}
				d, err := x.resolveDoc(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				members, err := x.c.Members(cmd.Context(), d.ID)
				if err != nil {
					return x.clientError(err)
				}
				for _, m := range members {
					if m.Identity.ID() == pub.ID() {
						return newUserError(errBadValue, x.Lang, msgAlreadyMember, pub.ID().Short(), msg(x.Lang, roleMsg(m.Role)))
					}
				}
				if err := a.confirmFingerprint(x, pub, yes); err != nil {
					return err
				}
				if _, err := a.memberConsent(cmd.Context(), x, d, args[0], pub,
					[]string{consent.PurposeCounsellingVU, consent.PurposeCounsellingAU},
					func() (string, error) { return x.memberPurpose(cmd.Context(), d, mc.purpose) }, mc, yes); err != nil {
					return err
				}
				if err := x.c.Add(cmd.Context(), d.ID, pub, r); err != nil {
					return x.clientError(err)
				}
				_, err = fmt.Fprintln(a.Stdout, msg(x.Lang, msgMemberAdded, pub.ID().Short(), msg(x.Lang, roleMsg(r)), d.ID.String()))
				return err
			})
		},
	}
	cmd.Flags().StringVar(&role, "role", "counsellor", "the new member's role: counsellor (edits) or viewer (reads)")
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "confirm without asking that the fingerprint was compared in person\nand that the newcomer read the consent text and agreed (for scripts)")
	mc.register(cmd, "the counselling the access is for: vu or au (default: the biography's person.accommodation_stage)")
	return cmd
}

func newShareJoinCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		title  string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "join DOC-ID",
		Short: "Fetch a biography you were added to by public identity (mobio share add)",
		Long: `Fetch the biography DOC-ID to this device after a member added your public identity to it
(mobio share add, which printed the full ID). The title is a local name for it, kept on this
device only.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withRelaySession(cmd, f, func(x *session) error {
				id, err := e2ee.ParseDocID(strings.ToLower(strings.TrimSpace(args[0])))
				if err != nil {
					return newUserError(errNoDoc, x.Lang, msgBadDocID, args[0])
				}
				return a.fetchJoined(cmd.Context(), x, id, x.c.Join(cmd.Context(), id, title), asJSON)
			})
		},
	}
	titleFlag(cmd, &title)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// memberJSON is an element of what `mobio share members --json` prints.
type memberJSON struct {
	ID          string `json:"id"`
	Public      string `json:"public"`
	Fingerprint string `json:"fingerprint"`
	Role        string `json:"role"`
	You         bool   `json:"you"`
}

func newShareMembersCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "members DOC",
		Short: "List the members of a biography: role, ID, fingerprint",
		Long: `List the members of the biography as this device last heard from the relay (mobio sync
brings it up to date): their role, the beginning of their identity ID and their
fingerprint. mobio share revoke takes a member by the beginning of either.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				members, err := x.c.Members(cmd.Context(), d.ID)
				if err != nil {
					return x.clientError(err)
				}
				if asJSON {
					out := []memberJSON{}
					for _, m := range members {
						out = append(out, memberJSON{ID: m.Identity.ID().String(), Public: m.Identity.String(),
							Fingerprint: m.Identity.Fingerprint(), Role: roleName(m.Role), You: m.Me})
					}
					return writeJSON(a.Stdout, out)
				}
				tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintf(tw, "%s\t%s\t%s\t\n", msg(x.Lang, msgColRole), msg(x.Lang, msgColID), msg(x.Lang, msgColFingerprint))
				for _, m := range members {
					you := ""
					if m.Me {
						you = "← " + msg(x.Lang, msgYou)
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", msg(x.Lang, roleMsg(m.Role)), m.Identity.ID().Short(), m.Identity.Fingerprint(), you)
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// findMember returns the one member whose identity ID, or whose fingerprint (spaces left
// out), starts with arg.
func (x *session) findMember(d client.DocInfo, members []client.MemberInfo, arg string) (client.MemberInfo, error) {
	key := strings.ToLower(strings.Join(strings.Fields(arg), ""))
	if len([]rune(key)) < minMemberPrefix {
		return client.MemberInfo{}, newUserError(errNoMember, x.Lang, msgMemberPrefixShort, minMemberPrefix)
	}
	var found []client.MemberInfo
	for _, m := range members {
		fp := strings.Join(strings.Fields(m.Identity.Fingerprint()), "")
		if strings.HasPrefix(m.Identity.ID().String(), key) || strings.HasPrefix(fp, key) {
			found = append(found, m)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return client.MemberInfo{}, newUserError(errNoMember, x.Lang, msgNoMember, arg, docTitle(x.Lang, d.Title), shortDocID(d.ID))
	}
	var names []string
	for _, m := range found {
		names = append(names, m.Identity.ID().Short())
	}
	return client.MemberInfo{}, newUserError(errNoMember, x.Lang, msgAmbiguousMember, arg, strings.Join(names, ", "))
}

func newShareRevokeCmd(a *app, f *homeFlags) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "revoke DOC MEMBER",
		Short: "Remove a member; what is written afterwards does not reach them",
		Long: `Remove MEMBER from the biography: MEMBER is the beginning (at least four characters) of the
member's identity ID or fingerprint, as mobio share members shows them. The document's keys
are renewed, so that the removed member cannot read what is written after; what they read
before stays on their devices. MEMBER may be you: you leave the biography, after your
changes not yet sent reach the relay.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, relayOpts(cmd), args[0], func(x *session, d client.DocInfo) error {
				members, err := x.c.Members(cmd.Context(), d.ID)
				if err != nil {
					return x.clientError(err)
				}
				m, err := x.findMember(d, members, args[1])
				if err != nil {
					return err
				}
				if m.Me && !yes {
					// Leaving is not undone by oneself: only a remaining member can add one back.
					fmt.Fprintln(a.Stderr, msg(x.Lang, msgLeaveWarning, docTitle(x.Lang, d.Title)))
					if err := a.confirmed(x.Lang, msgConfirmLeave); err != nil {
						return err
					}
				}
				if err := x.c.Revoke(cmd.Context(), d.ID, m.Identity.ID()); err != nil {
					return x.clientError(err)
				}
				if m.Me {
					_, err = fmt.Fprintln(a.Stdout, msg(x.Lang, msgTransferLeft))
					return err
				}
				_, err = fmt.Fprintln(a.Stdout, msg(x.Lang, msgRevoked, m.Identity.ID().Short(), docTitle(x.Lang, d.Title)))
				return err
			})
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "when MEMBER is you: leave without asking (for scripts)")
	return cmd
}

func newShareTransferCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		mc        memberConsentFlags
		stay, yes bool
	)
	cmd := &cobra.Command{
		Use:   "transfer DOC SUCCESSOR-PUBLIC-ID|FILE",
		Short: "Hand the biography to the next counsellor, citing the newcomer's consent, and leave",
		Long: `Hand the biography over to the counsellor who takes over (when the newcomer moves on, for
instance from temporary to follow-up accommodation): the successor becomes a counsellor,
and the transfer cites the newcomer's consent (TRANSFER_VU_TO_AU), an entry of
consents.consents in the biography. With the newcomer present, mobio shows the consent text
in --consent-lang and records the consent; a consent recorded before for this successor
(mobio consent give DOC --purpose TRANSFER_VU_TO_AU --recipient-identity FILE) is given
with --consent ENTRY.

By default you then leave the biography: the keys are renewed, and what is written after
the transfer does not reach you. --stay keeps you a member (for a hand-over period); leave
later with mobio share revoke DOC YOUR-ID.

As with mobio share add, compare the successor's fingerprint in person first.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withRelaySession(cmd, f, func(x *session) error {
				pub, err := x.otherIdentity(args[1])
				if err != nil {
					return err
				}
				d, err := x.resolveDoc(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				if err := a.confirmFingerprint(x, pub, yes); err != nil {
					return err
				}
				consentID, err := a.memberConsent(cmd.Context(), x, d, args[0], pub, []string{consent.PurposeTransfer},
					func() (string, error) { return consent.PurposeTransfer, nil }, mc, yes)
				if err != nil {
					return err
				}
				if err := x.c.Transfer(cmd.Context(), d.ID, pub, consentID, !stay); err != nil {
					return x.clientError(err)
				}
				fmt.Fprintln(a.Stdout, msg(x.Lang, msgTransferred, docTitle(x.Lang, d.Title), pub.ID().Short(), shortEntryID(consentID)))
				if stay {
					fmt.Fprintln(a.Stdout, msg(x.Lang, msgTransferStayed))
				} else {
					fmt.Fprintln(a.Stdout, msg(x.Lang, msgTransferLeft))
				}
				return nil
			})
		},
	}
	mc.register(cmd, "")
	cmd.Flags().BoolVar(&stay, "stay", false, "stay a member after the transfer instead of leaving")
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "confirm without asking that the fingerprint was compared in person\nand that the newcomer read the consent text and agreed (for scripts)")
	return cmd
}
