package main

import (
	"bytes"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"unicode/utf8"

	"golang.org/x/term"
)

// minPassphraseRunes is the shortest passphrase accepted for a new identity. The sealed
// identity file and the recovery kit are as strong as the passphrase; argon2id slows guessing
// but cannot save a passphrase of four letters.
const minPassphraseRunes = 8

// maxPassphraseFile bounds what is read of a passphrase file, which should be one line.
const maxPassphraseFile = 64 << 10

// Sentinel errors of passphrase input, which tests and callers branch on.
var (
	errNoPassphrase       = errors.New("no passphrase")
	errPassphraseMismatch = errors.New("passphrases differ")
	errWeakPassphrase     = errors.New("passphrase too short")
)

// passPurpose says what a passphrase is asked for, which decides the prompt and the checks.
type passPurpose int

const (
	passUnlock passPurpose = iota // open the identity of this device
	passCreate                    // seal a new identity: asked twice, at least minPassphraseRunes
	passKit                       // open a recovery kit, whose passphrase then seals the identity here
)

// prompter asks the person at the terminal: without echo for a secret, with echo for an
// answer such as yes or no.
type prompter func(prompt string, echo bool) ([]byte, error)

// terminalPrompter returns a prompter that writes its prompts to w and reads from in, or nil
// when in is not a terminal. Tests replace it to stand in for a person at a terminal.
var terminalPrompter = func(in io.Reader, w io.Writer) prompter {
	f, ok := in.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	fd := int(f.Fd())
	return func(prompt string, echo bool) ([]byte, error) {
		fmt.Fprint(w, prompt)
		if echo {
			return readLine(f)
		}
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(w) // the newline the person typed was not echoed
		return b, err
	}
}

// readLine reads one line from r without reading ahead, so that what follows stays for the
// next reader.
func readLine(r io.Reader) ([]byte, error) {
	var line []byte
	b := make([]byte, 1)
	for len(line) < maxPassphraseFile {
		n, err := r.Read(b)
		if n == 1 {
			if b[0] == '\n' {
				return bytes.TrimSuffix(line, []byte("\r")), nil
			}
			line = append(line, b[0])
		}
		if err != nil {
			if err == io.EOF && len(line) > 0 {
				return line, nil
			}
			return line, err
		}
	}
	return line, nil
}

// userError is an error whose text is written for the person at the terminal, in their
// language, saying what went wrong and what to do; err is the cause callers branch on.
type userError struct {
	text string
	err  error
}

func (e *userError) Error() string { return e.text }
func (e *userError) Unwrap() error { return e.err }

func newUserError(cause error, lang string, id msgID, args ...any) error {
	return &userError{text: msg(lang, id, args...), err: cause}
}

// passphrase returns the passphrase for purpose: the first line of the passphrase file when
// one is configured, else what the person types on the terminal (twice for a new identity).
// A passphrase is never taken from a flag's value, which would show in the shell's history
// and the process list. The caller clears the result after use.
func (a *app) passphrase(s *settings, purpose passPurpose) ([]byte, error) {
	var (
		p   []byte
		err error
	)
	if s.PassphraseFile != "" {
		p, err = a.readPassphraseFile(s)
	} else {
		p, err = a.promptPassphrase(s.Lang, purpose)
	}
	if err != nil {
		return nil, err
	}
	if len(p) == 0 {
		return nil, newUserError(errNoPassphrase, s.Lang, msgPassphraseEmpty)
	}
	if purpose == passCreate && utf8.RuneCount(p) < minPassphraseRunes {
		clear(p)
		return nil, newUserError(errWeakPassphrase, s.Lang, msgPassphraseTooShort, minPassphraseRunes)
	}
	return p, nil
}

func (a *app) readPassphraseFile(s *settings) ([]byte, error) {
	f, err := os.Open(s.PassphraseFile)
	if err != nil {
		return nil, newUserError(err, s.Lang, msgPassphraseFileUnreadable, s.PassphraseFile, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 {
		fmt.Fprintln(a.Stderr, msg(s.Lang, msgPassphraseFileOpen, s.PassphraseFile))
	}
	b, err := io.ReadAll(io.LimitReader(f, maxPassphraseFile))
	if err != nil {
		return nil, newUserError(err, s.Lang, msgPassphraseFileUnreadable, s.PassphraseFile, err)
	}
	line, _, _ := bytes.Cut(b, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	p := bytes.Clone(line)
	clear(b)
	if len(p) == 0 {
		return nil, newUserError(errNoPassphrase, s.Lang, msgPassphraseFileEmpty, s.PassphraseFile)
	}
	return p, nil
}

func (a *app) promptPassphrase(lang string, purpose passPurpose) ([]byte, error) {
	ask := terminalPrompter(a.Stdin, a.Stderr)
	if ask == nil {
		return nil, newUserError(errNoPassphrase, lang, msgNoPassphrase)
	}
	prompt := msgPromptPassphrase
	switch purpose {
	case passCreate:
		prompt = msgPromptNewPassphrase
	case passKit:
		prompt = msgPromptKitPassphrase
	}
	p, err := ask(msg(lang, prompt), false)
	if err != nil {
		return nil, fmt.Errorf("read passphrase: %w", err)
	}
	if purpose != passCreate {
		return p, nil
	}
	again, err := ask(msg(lang, msgPromptPassphraseAgain), false)
	if err != nil {
		clear(p)
		return nil, fmt.Errorf("read passphrase: %w", err)
	}
	defer clear(again)
	if subtle.ConstantTimeCompare(p, again) != 1 {
		clear(p)
		return nil, newUserError(errPassphraseMismatch, lang, msgPassphraseMismatch)
	}
	return p, nil
}
