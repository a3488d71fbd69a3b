package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// Errors of the commands that talk to the relay, which callers and tests branch on.
var (
	errNoRelay      = errors.New("no relay configured")
	errNotConfirmed = errors.New("not confirmed")
	errNoMember     = errors.New("no such member")
	errNoConsent    = errors.New("no consent recorded")
	errBadInvite    = errors.New("not an invite link")
	errNoFile       = errors.New("no file in the entry")
	errFileTooLarge = errors.New("file too large")
)

// clientError turns an error of the sync engine into one that says, in the person's
// language, what happened and what to do. Errors it does not know are returned as they are.
func (x *session) clientError(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := errors.AsType[*userError](err); ok {
		return err
	}
	if pe, ok := errors.AsType[*protocol.Error](err); ok {
		switch pe.Code {
		case protocol.CodeNotAllowed:
			return newUserError(err, x.Lang, msgNotAllowed)
		case protocol.CodeInviteInvalid:
			return newUserError(err, x.Lang, msgInviteRefused)
		case protocol.CodeNotMember:
			return newUserError(err, x.Lang, msgNotMember)
		case protocol.CodeErased:
			return newUserError(err, x.Lang, msgErased)
		}
	}
	switch {
	case errors.Is(err, client.ErrOffline) && x.Relay == "":
		return newUserError(fmt.Errorf("%w: %w", errNoRelay, err), x.Lang, msgNoRelay, "mobio")
	case errors.Is(err, client.ErrOffline):
		return newUserError(err, x.Lang, msgRelayUnreachable, x.Relay, offlineCause(err))
	case errors.Is(err, client.ErrNotMember):
		return newUserError(err, x.Lang, msgNotMember)
	case errors.Is(err, client.ErrReadOnly):
		return newUserError(err, x.Lang, msgReadOnly)
	case errors.Is(err, client.ErrErased):
		return newUserError(err, x.Lang, msgErased)
	case errors.Is(err, e2ee.ErrNotAllowed):
		return newUserError(err, x.Lang, msgNotAllowed)
	case errors.Is(err, context.DeadlineExceeded):
		return newUserError(err, x.Lang, msgTimedOut)
	}
	return err
}

// offlineCause is what went wrong with the connection, without the engine's prefixes.
func offlineCause(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, client.ErrOffline.Error()+": "); i >= 0 {
		s = s[i+len(client.ErrOffline.Error())+2:]
	}
	return s
}

// confirm asks the person at the terminal the question prompt and reports whether they
// answered yes. Without a terminal it fails, saying to use --yes: a script cannot have
// compared a fingerprint.
func (a *app) confirm(lang string, prompt msgID) (bool, error) {
	ask := terminalPrompter(a.Stdin, a.Stderr)
	if ask == nil {
		return false, newUserError(errNotConfirmed, lang, msgNeedYes)
	}
	answer, err := ask(msg(lang, prompt), true)
	if err != nil && !errors.Is(err, io.EOF) {
		return false, fmt.Errorf("read the answer: %w", err)
	}
	return isYes(string(answer)), nil
}

// isYes reports whether s is yes in one of the languages, or its first letter.
func isYes(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return false
	}
	for _, yes := range messages[msgYes].Map() {
		if s == strings.ToLower(yes) {
			return true
		}
	}
	switch s {
	case "y", "yes", "j", "o", "بلی":
		return true
	}
	return false
}
