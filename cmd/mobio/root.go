package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"

	"github.com/spf13/cobra"
)

// app is what the commands read and write. main fills it with the process's streams and
// environment; tests fill it with buffers and a map, and run commands in-process.
type app struct {
	Stdin   io.Reader // answers to prompts and confirmations, and FILE "-"; nil reads nothing
	Stdout  io.Writer
	Stderr  io.Writer
	Getenv  func(key string) string // the environment: MOBIO_* variables, LANG
	Version string                  // the version of this binary
	// OnListen, if set, is called by serve with the address it listens on, before it serves:
	// tests give --addr 127.0.0.1:0 and learn the port here.
	OnListen func(net.Addr)
}

// run executes the command line args, reports an error on Stderr and returns the exit code.
func (a *app) run(ctx context.Context, args []string) int {
	if err := a.execute(ctx, args); err != nil {
		fmt.Fprintf(a.Stderr, "mobio: %v\n", err)
		if u, ok := errors.AsType[*usageError](err); ok {
			fmt.Fprintf(a.Stderr, "Run '%s --help' for usage.\n", u.cmd)
		}
		return 1
	}
	return 0
}

// execute executes the command line args and returns the command's error.
func (a *app) execute(ctx context.Context, args []string) error {
	root := newRootCmd(a)
	root.SetArgs(args)
	return root.ExecuteContext(ctx)
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "mobio",
		Short: "Offline-first, end-to-end encrypted biographies of newcomers",
		Long: `mobio keeps the biography of a newcomer (a refugee or recent immigrant) as one document
that the newcomer and their counsellors edit together, on phones and shelter computers, with or
without a connection. Every change is encrypted and signed on the device; the relay that forwards
changes between devices stores ciphertext only and cannot read a biography.

mobio id creates the identity of this device (its keys, sealed with a passphrase), shows its
fingerprint to compare in person, and writes and reads its printable recovery kit. mobio bio
creates, shows and edits biographies in the local store: every edit is committed on the
device at once and reaches the relay, sealed, at the next sync. mobio config shows and sets
the relay, the language (de, en, ar, fa, fr) and the passphrase file; --home DIR (or
$MOBIO_HOME) keeps all of it in one directory.

mobio share hands a biography to others: an invite link to give in person, or a colleague
added by public identity after comparing fingerprints; it lists, removes and transfers
members. mobio sync sends what was written offline and fetches what others wrote, once or
(--watch) until Ctrl-C. mobio attach adds encrypted files (a passport scan, a certificate)
to a biography and gets them back. These need a relay: --relay, $MOBIO_RELAY or
mobio config set relay URL.

mobio serve runs the relay, with its database embedded; mobio admin backs it up and counts
what it holds. mobio schema prints the biography's schema: the sections, fields and code
lists, with labels in German, English, Arabic, Farsi and French.`,
		Example: `  mobio id new                   # your identity, sealed with a new passphrase
  mobio bio new --title "Amina K."
  mobio bio set amina person.date_of_birth 1990-05 --source document
  mobio bio edit amina           # in $EDITOR, as YAML
  mobio bio show amina --lang ar
  mobio config set relay https://relay.example
  mobio share link amina --role counsellor   # a secret link: hand it over in person
  mobio share accept -                       # on the counsellor's device, link on stdin
  mobio sync                     # send and receive; mobio sync --watch stays connected
  mobio attach add amina passport.pdf --type Pass
  mobio attach get amina k3x9 -o passport.pdf
  mobio serve                    # the relay on http://localhost:8080, database in ./data
  mobio admin stats --data ./data
  mobio schema show              # every section, labels in $MOBIO_LANG or German
  mobio schema show A --lang ar  # section A (person) in Arabic
  mobio schema codes cefr        # the codes of one code list
  mobio schema export -o schema.json`,
		SilenceUsage:  true, // an error is not a reason to print the whole usage
		SilenceErrors: true, // run prints errors once, prefixed with "mobio:"
		Version:       a.Version,
	}
	root.SetOut(a.Stdout)
	root.SetErr(a.Stderr)
	root.SetVersionTemplate("mobio version {{.Version}}\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{err: err, cmd: cmd.CommandPath()}
	})
	root.AddCommand(newVersionCmd(a), newServeCmd(a), newAdminCmd(a), newSchemaCmd(a), newBenchCmd(a), newIDCmd(a), newBioCmd(a), newConfigCmd(a),
		newShareCmd(a), newSyncCmd(a), newAttachCmd(a))
	for _, c := range moreCommands {
		root.AddCommand(c(a))
	}
	return root
}

// moreCommands are the commands that register themselves from their own files (the case work
// commands), so that adding one does not touch this file.
var moreCommands []func(a *app) *cobra.Command

// registerCommand adds a top-level command; call it from init.
func registerCommand(c func(a *app) *cobra.Command) { moreCommands = append(moreCommands, c) }

// usageError is a mistake in the flags of command cmd; run follows it with a hint to --help.
type usageError struct {
	err error
	cmd string
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// writeJSON writes v as indented JSON and a newline.
func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
