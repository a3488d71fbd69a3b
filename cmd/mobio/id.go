package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/spf13/cobra"
)

// Errors of the identity commands that callers and tests branch on.
var (
	errNoIdentity     = errors.New("no identity")
	errIdentityExists = errors.New("identity exists")
	errNotPublicID    = errors.New("not a public identity")
)

// publicIDPrefix starts the text form of a public identity (e2ee.IdentityPublic.String).
const publicIDPrefix = "mobio-id1"

func newIDCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	cmd := &cobra.Command{
		Use:   "id",
		Short: "Create, show, back up and restore the identity of this device",
		Long: `Your identity is a pair of keys: one signs everything you write, one opens the documents
shared with you. It is stored in <config>/` + identityFileName + `, sealed with your passphrase
(argon2id), and never leaves the device in clear.

Others add you to a document by your public identity (mobio-id1…). Before they do, compare the
fingerprint in person or on a call: read the twelve groups of digits aloud, or scan the QR
payload. The recovery kit (mobio id export) restores the identity on a new device with the
same passphrase; without it and the passphrase, a lost identity is lost for good.

The passphrase is asked on the terminal, or read from the first line of --passphrase-file
(or $MOBIO_PASSPHRASE_FILE), never given as a flag's value.`,
		Example: `  mobio id new                          # asks for a new passphrase twice
  mobio id show
  mobio id fingerprint mobio-id1…       # a colleague's, to compare aloud
  mobio id fingerprint --qr | qrencode -t ansiutf8
  mobio id export -o recovery-kit.txt   # print it, keep it safe, delete the file
  mobio id import recovery-kit.txt      # on the new device`,
		Args: cobra.NoArgs,
	}
	f.register(cmd.PersistentFlags())
	cmd.AddCommand(newIDNewCmd(a, f), newIDShowCmd(a, f), newIDFingerprintCmd(a, f), newIDExportCmd(a, f), newIDImportCmd(a, f))
	return cmd
}

// identityJSON is what `mobio id new|show|import --json` print.
type identityJSON struct {
	ID          string `json:"id"`
	Public      string `json:"public"`
	Fingerprint string `json:"fingerprint"`
	QR          string `json:"qr"`
	File        string `json:"file,omitempty"`
}

func identityInfo(p e2ee.IdentityPublic, file string) identityJSON {
	return identityJSON{ID: p.ID().String(), Public: p.String(), Fingerprint: p.Fingerprint(), QR: p.QRPayload(), File: file}
}

func newIDNewCmd(a *app, f *homeFlags) *cobra.Command {
	var force, asJSON bool
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Create a new identity for this device, sealed with a new passphrase",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.loadSettings(f)
			if err != nil {
				return err
			}
			if err := checkNoIdentity(s, force); err != nil {
				return err
			}
			pass, err := a.passphrase(s, passCreate)
			if err != nil {
				return err
			}
			defer clear(pass)
			id, err := keyring.NewIdentity()
			if err != nil {
				return fmt.Errorf("create identity: %w", err)
			}
			return a.storeIdentity(s, id, pass, asJSON, msgIdentityCreated)
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing identity (it is lost unless you have its recovery kit)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func newIDShowCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show",
		Short: "Print this device's identity: ID, public identity and fingerprint",
		Long: `Print the identity's ID, its public identity (mobio-id1…, to give to others) and its
fingerprint, grouped for reading aloud. It reads the public half from ` + publicFileName + `, which
mobio writes beside the sealed identity, so it needs no passphrase; every command that
unlocks the identity checks that file and rewrites it if it does not match.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.loadSettings(f)
			if err != nil {
				return err
			}
			pub, err := a.ownPublicIdentity(s)
			if err != nil {
				return err
			}
			info := identityInfo(pub, s.identityFile())
			if asJSON {
				return writeJSON(a.Stdout, info)
			}
			printIdentity(a.Stdout, s.Lang, info)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func newIDFingerprintCmd(a *app, f *homeFlags) *cobra.Command {
	var qr, asJSON bool
	cmd := &cobra.Command{
		Use:   "fingerprint [PUBLIC-ID|FILE]",
		Short: "Print the fingerprint of a public identity, or of your own, to compare in person",
		Long: `Print the fingerprint of the public identity PUBLIC-ID (mobio-id1…), of the one in FILE, or
without an argument of your own: twelve groups of five digits that two people compare aloud
before one adds the other to a document.

With --qr, print only the QR payload (mobio-fp1: and the identity ID), which a camera
compares in full; pipe it to a QR encoder to show it, such as qrencode -t ansiutf8.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.loadSettings(f)
			if err != nil {
				return err
			}
			var pub e2ee.IdentityPublic
			if len(args) == 1 {
				if pub, err = readPublicIdentity(args[0], s.Lang); err != nil {
					return err
				}
			} else if pub, err = a.ownPublicIdentity(s); err != nil {
				return err
			}
			info := identityInfo(pub, "")
			switch {
			case asJSON:
				return writeJSON(a.Stdout, info)
			case qr:
				_, err := fmt.Fprintln(a.Stdout, info.QR)
				return err
			}
			tw := newLabelWriter(a.Stdout)
			tw.row(msg(s.Lang, msgLabelID), info.ID)
			tw.rows(msg(s.Lang, msgLabelFingerprint), fingerprintLines(info.Fingerprint))
			return tw.flush()
		},
	}
	cmd.Flags().BoolVar(&qr, "qr", false, "print only the QR payload")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func newIDExportCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		output        string
		force, asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the printable recovery kit of your identity (secret!)",
		Long: `Write the recovery kit: a sheet of numbered lines that, with your passphrase, restores your
identity on a new device (mobio id import). Print it and keep it where you keep important
papers. Anyone who has the kit can try to guess your passphrase, so treat it as a secret:
do not send it by e-mail or chat, and delete the file once it is printed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.loadSettings(f)
			if err != nil {
				return err
			}
			toFile := output != "" && output != "-"
			if toFile && !force {
				if _, err := os.Lstat(output); err == nil {
					return newUserError(fs.ErrExist, s.Lang, msgFileExists, output)
				}
			}
			id, pass, err := a.unlockIdentity(s)
			if err != nil {
				return err
			}
			defer clear(pass)
			kit, err := id.RecoveryKit(pass)
			if err != nil {
				return fmt.Errorf("make recovery kit: %w", err)
			}
			fmt.Fprintln(a.Stderr, msg(s.Lang, msgKitSecret))
			if !toFile {
				if asJSON {
					return writeJSON(a.Stdout, map[string]string{"id": id.ID().String(), "kit": kit})
				}
				_, err := io.WriteString(a.Stdout, kit)
				return err
			}
			if err := writePrivateFile(output, []byte(kit)); err != nil {
				return fmt.Errorf("write recovery kit: %w", err)
			}
			if asJSON {
				return writeJSON(a.Stdout, map[string]string{"id": id.ID().String(), "file": output})
			}
			_, err = fmt.Fprintln(a.Stdout, msg(s.Lang, msgKitWritten, output))
			return err
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to `FILE` (readable by you only) instead of standard output")
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the ID and the kit (or its file) as JSON")
	return cmd
}

func newIDImportCmd(a *app, f *homeFlags) *cobra.Command {
	var force, asJSON bool
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Restore your identity from a recovery kit (FILE, or - for standard input)",
		Long: `Restore your identity on this device from its recovery kit, typed or scanned back into FILE
(spaces and letter case do not matter; a typo is reported with its line number). The kit's
passphrase also seals the identity on this device.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.loadSettings(f)
			if err != nil {
				return err
			}
			if err := checkNoIdentity(s, force); err != nil {
				return err
			}
			text, err := a.readInput(args[0])
			if err != nil {
				return newUserError(err, s.Lang, msgFileUnreadable, args[0], err)
			}
			pass, err := a.passphrase(s, passKit)
			if err != nil {
				return err
			}
			defer clear(pass)
			id, err := keyring.RestoreFromKit(string(text), pass)
			if kle, ok := errors.AsType[*keyring.KitLineError](err); ok {
				return newUserError(err, s.Lang, msgKitLine, kle.Line, kle.Reason)
			}
			switch {
			case errors.Is(err, keyring.ErrWrongPassphrase):
				return newUserError(err, s.Lang, msgKitWrongPassphrase)
			case errors.Is(err, e2ee.ErrMalformed):
				return newUserError(err, s.Lang, msgKitMalformed, args[0])
			case err != nil:
				return fmt.Errorf("restore identity: %w", err)
			}
			return a.storeIdentity(s, id, pass, asJSON, msgIdentityRestored)
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing identity (it is lost unless you have its recovery kit)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// checkNoIdentity fails when an identity exists and force is not set: replacing it loses
// access to every document shared with it.
func checkNoIdentity(s *settings, force bool) error {
	if force {
		return nil
	}
	if _, err := os.Lstat(s.identityFile()); err == nil {
		return newUserError(errIdentityExists, s.Lang, msgIdentityExists, s.identityFile())
	}
	return nil
}

// saveIdentity seals id with pass into the identity file, and writes its public half beside
// it.
func saveIdentity(s *settings, id *keyring.Identity, pass []byte) error {
	sealed, err := id.Seal(pass)
	if err != nil {
		return fmt.Errorf("seal identity: %w", err)
	}
	if err := os.MkdirAll(s.ConfigDir, 0o700); err != nil {
		return fmt.Errorf("create %s: %w", s.ConfigDir, err)
	}
	if err := writePrivateFile(s.identityFile(), sealed); err != nil {
		return fmt.Errorf("write identity: %w", err)
	}
	return writePublicIdentity(s, id.Public())
}

// writePublicIdentity writes the public identity file: public, so readable by all (0644).
func writePublicIdentity(s *settings, pub e2ee.IdentityPublic) error {
	if err := writePrivateFile(s.publicFile(), []byte(pub.String()+"\n")); err != nil {
		return fmt.Errorf("write public identity: %w", err)
	}
	if err := os.Chmod(s.publicFile(), 0o644); err != nil {
		return fmt.Errorf("write public identity: %w", err)
	}
	return nil
}

// ownPublicIdentity returns this device's public identity from the public identity file, and
// opens the sealed identity (with its passphrase) only when that file is missing or damaged,
// writing it again.
func (a *app) ownPublicIdentity(s *settings) (e2ee.IdentityPublic, error) {
	if _, err := os.Lstat(s.identityFile()); errors.Is(err, fs.ErrNotExist) {
		return e2ee.IdentityPublic{}, newUserError(errNoIdentity, s.Lang, msgNoIdentity, s.identityFile())
	}
	if b, err := os.ReadFile(s.publicFile()); err == nil {
		if pub, err := e2ee.ParseIdentityText(strings.TrimSpace(string(b))); err == nil {
			return pub, nil
		}
	}
	id, err := a.openIdentity(s) // rewrites the public identity file
	if err != nil {
		return e2ee.IdentityPublic{}, err
	}
	return id.Public(), nil
}

// openIdentity opens the identity of this device with its passphrase.
func (a *app) openIdentity(s *settings) (*keyring.Identity, error) {
	id, pass, err := a.unlockIdentity(s)
	clear(pass)
	return id, err
}

// checkPublicFile rewrites the public identity file when it is missing or names another
// identity than the sealed one (an identity file copied in by hand, or mobio before the file
// existed). A failure to write it only costs the passphrase at the next id show.
func checkPublicFile(s *settings, pub e2ee.IdentityPublic) {
	if b, err := os.ReadFile(s.publicFile()); err == nil && strings.TrimSpace(string(b)) == pub.String() {
		return
	}
	writePublicIdentity(s, pub)
}

// unlockIdentity opens the identity of this device and returns it with the passphrase, which
// the caller clears.
func (a *app) unlockIdentity(s *settings) (*keyring.Identity, []byte, error) {
	sealed, err := os.ReadFile(s.identityFile())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, newUserError(errNoIdentity, s.Lang, msgNoIdentity, s.identityFile())
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read identity: %w", err)
	}
	pass, err := a.passphrase(s, passUnlock)
	if err != nil {
		return nil, nil, err
	}
	id, err := keyring.OpenIdentity(sealed, pass)
	switch {
	case errors.Is(err, keyring.ErrWrongPassphrase):
		clear(pass)
		return nil, nil, newUserError(err, s.Lang, msgWrongPassphrase, s.identityFile())
	case err != nil:
		clear(pass)
		return nil, nil, fmt.Errorf("open identity %s: %w", s.identityFile(), err)
	}
	checkPublicFile(s, id.Public())
	return id, pass, nil
}

// readPublicIdentity parses arg as a public identity, or reads one from the file arg: the
// first word of the file that starts like one.
func readPublicIdentity(arg, lang string) (e2ee.IdentityPublic, error) {
	if strings.HasPrefix(arg, publicIDPrefix) {
		p, err := e2ee.ParseIdentityText(arg)
		if err != nil {
			return p, newUserError(errNotPublicID, lang, msgBadPublicID)
		}
		return p, nil
	}
	b, err := os.ReadFile(arg)
	if err != nil {
		return e2ee.IdentityPublic{}, newUserError(errNotPublicID, lang, msgNotPublicIDArg, arg)
	}
	for _, w := range strings.Fields(string(b)) {
		if strings.HasPrefix(w, publicIDPrefix) {
			p, err := e2ee.ParseIdentityText(w)
			if err != nil {
				return p, newUserError(errNotPublicID, lang, msgBadPublicID)
			}
			return p, nil
		}
	}
	return e2ee.IdentityPublic{}, newUserError(errNotPublicID, lang, msgNoPublicIDInFile, arg)
}

// readInput reads the file name, or standard input for "-".
func (a *app) readInput(name string) ([]byte, error) {
	if name == "-" {
		if a.Stdin == nil {
			return nil, nil
		}
		return io.ReadAll(bufio.NewReader(a.Stdin))
	}
	return os.ReadFile(filepath.Clean(name))
}

func printIdentity(w io.Writer, lang string, info identityJSON) {
	tw := newLabelWriter(w)
	tw.row(msg(lang, msgLabelID), info.ID)
	tw.row(msg(lang, msgLabelPublic), info.Public)
	tw.rows(msg(lang, msgLabelFingerprint), fingerprintLines(info.Fingerprint))
	tw.flush()
}

// fingerprintLines breaks a fingerprint into lines of four groups, to read aloud a line at a
// time.
func fingerprintLines(fp string) []string {
	groups := strings.Fields(fp)
	var lines []string
	for len(groups) > 0 {
		n := min(4, len(groups))
		lines = append(lines, strings.Join(groups[:n], " "))
		groups = groups[n:]
	}
	return lines
}

// storeIdentity seals id with pass into the identity file and reports it, with done as the
// closing message (created, restored).
func (a *app) storeIdentity(s *settings, id *keyring.Identity, pass []byte, asJSON bool, done msgID) error {
	if err := saveIdentity(s, id, pass); err != nil {
		return err
	}
	info := identityInfo(id.Public(), s.identityFile())
	if asJSON {
		return writeJSON(a.Stdout, info)
	}
	printIdentity(a.Stdout, s.Lang, info)
	fmt.Fprintln(a.Stdout)
	fmt.Fprintln(a.Stdout, msg(s.Lang, done, s.identityFile()))
	return nil
}
