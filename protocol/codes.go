package protocol

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// Code is the stable reason of a refusal, sent in an [Error] frame. Clients branch on codes,
// never on messages.
type Code uint16

// Codes. Do not reorder or reuse; add at the end. Zero is no code.
const (
	CodeInternal           Code = 1  // the relay failed; details are in its log, not on the wire
	CodeUnsupported        Code = 2  // unknown protocol version or frame type
	CodeMalformed          Code = 3  // a frame, envelope or operation that does not decode or check
	CodeFrameTooLarge      Code = 4  // a frame above the relay's frame limit
	CodeUnauthenticated    Code = 5  // a frame other than Auth before AuthOK
	CodeAuthFailed         Code = 6  // Auth with a bad signature, wrong nonce or skewed clock
	CodeAuthTimeout        Code = 7  // no valid Auth within the authentication timeout
	CodeNotMember          Code = 8  // the identity is not a member of the document (at that epoch)
	CodeNotAllowed         Code = 9  // the member's role does not allow this
	CodeWrongEpoch         Code = 10 // an envelope for an epoch other than the current one
	CodeBadSignature       Code = 11 // a signature that does not verify
	CodeReplay             Code = 12 // a sequence number already used by a different envelope
	CodeSequenceGap        Code = 13 // a sequence number that skips entries of the author
	CodeStaleHead          Code = 14 // a membership operation based on an old log head: fetch the log and rebase
	CodeRateLimited        Code = 15 // too many frames per second; see Error.RetryAfter
	CodeTooManyDocuments   Code = 16 // more subscriptions than a connection may hold
	CodeDocumentTooLarge   Code = 17 // the document would exceed its storage limit
	CodeTooManyConnections Code = 18 // more connections from one address than allowed
	CodeNoSuchDocument     Code = 19 // the relay knows no such document
	CodeErased             Code = 20 // the owner erased the document; a tombstone remains
	CodeInviteInvalid      Code = 21 // no open invite matches, or it expired, was redeemed or is void
	CodeSlowConsumer       Code = 22 // the connection fell too far behind; reconnect and resume
	CodeShuttingDown       Code = 23 // the relay is stopping; reconnect later
)

// codeNames are the stable names of the codes: for logs and metric labels.
var codeNames = [...]string{
	CodeInternal:           "internal",
	CodeUnsupported:        "unsupported",
	CodeMalformed:          "malformed",
	CodeFrameTooLarge:      "frame_too_large",
	CodeUnauthenticated:    "unauthenticated",
	CodeAuthFailed:         "auth_failed",
	CodeAuthTimeout:        "auth_timeout",
	CodeNotMember:          "not_member",
	CodeNotAllowed:         "not_allowed",
	CodeWrongEpoch:         "wrong_epoch",
	CodeBadSignature:       "bad_signature",
	CodeReplay:             "replay",
	CodeSequenceGap:        "sequence_gap",
	CodeStaleHead:          "stale_head",
	CodeRateLimited:        "rate_limited",
	CodeTooManyDocuments:   "too_many_documents",
	CodeDocumentTooLarge:   "document_too_large",
	CodeTooManyConnections: "too_many_connections",
	CodeNoSuchDocument:     "no_such_document",
	CodeErased:             "erased",
	CodeInviteInvalid:      "invite_invalid",
	CodeSlowConsumer:       "slow_consumer",
	CodeShuttingDown:       "shutting_down",
}

// String returns the code's stable name, such as "not_member", or "code(N)" for a code this
// version does not know.
func (c Code) String() string {
	if int(c) < len(codeNames) && codeNames[c] != "" {
		return codeNames[c]
	}
	return fmt.Sprintf("code(%d)", uint16(c))
}

// Known reports whether this version of the package defines c. A peer may receive codes added
// later; it treats them as refusals of the request they answer.
func (c Code) Known() bool { return int(c) < len(codeNames) && codeNames[c] != "" }

// EndsConnection reports whether the relay closes the connection after an [Error] with code c.
// Every error before [AuthOK] ends the connection too. After it, all other codes refuse one
// request, and the connection stays usable.
func (c Code) EndsConnection() bool {
	switch c {
	case CodeFrameTooLarge, CodeUnauthenticated, CodeAuthFailed, CodeAuthTimeout,
		CodeTooManyConnections, CodeSlowConsumer, CodeShuttingDown:
		return true
	}
	return false
}

// Error is a refusal: the [Error] frame, and an error value that the relay's handlers return.
// The relay sends only these; [ErrorOf] turns any other error into one. Message is written for
// people and never contains document content, keys or invite secrets.
type Error struct {
	ReqID      uint64 // the request refused; 0 for an error that answers none
	Code       Code
	Message    string
	Doc        e2ee.DocID    // the document concerned; zero when none
	RetryAfter time.Duration // when set, the client may retry after this long (rounded up to ms)
}

// Errorf returns an [Error] with code and a message formatted from format and args. The
// message goes on the wire: never pass content, keys or secrets.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Error returns "protocol: " followed by the code's name and the message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("protocol: ")
	b.WriteString(e.Code.String())
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if !e.Doc.IsZero() {
		b.WriteString(" (document ")
		b.WriteString(e.Doc.String())
		b.WriteString(")")
	}
	return b.String()
}

// mapping is the one table from the errors of e2ee and of this package to codes, most specific
// first: the invite errors also match e2ee.ErrNotAllowed.
var mapping = []struct {
	err     error
	code    Code
	message string
}{
	{ErrTooOldVersion, CodeUnsupported, "protocol version too old"},
	{ErrUnknownVersion, CodeUnsupported, "unknown protocol version"},
	{e2ee.ErrUnsupported, CodeUnsupported, "unsupported version or kind"},
	{e2ee.ErrInviteRedeemed, CodeInviteInvalid, "invite redeemed before"},
	{e2ee.ErrInviteExpired, CodeInviteInvalid, "invite expired"},
	{e2ee.ErrInviteVoid, CodeInviteInvalid, "invite made before the last rotation"},
	{e2ee.ErrNotMember, CodeNotMember, "not a member at that epoch"},
	{e2ee.ErrUnknownAuthor, CodeNotMember, "not a member of the document"},
	{e2ee.ErrNotAllowed, CodeNotAllowed, "the role does not allow this"},
	{e2ee.ErrWrongEpoch, CodeWrongEpoch, "wrong epoch"},
	{e2ee.ErrBadSignature, CodeBadSignature, "bad signature"},
	{e2ee.ErrStaleHead, CodeStaleHead, "operation based on an older head of the membership log"},
	{e2ee.ErrFork, CodeReplay, "sequence number already used by a different envelope"},
	{e2ee.ErrReplay, CodeReplay, "seen before"},
	{e2ee.ErrGap, CodeSequenceGap, "entries of the author are missing"},
	{e2ee.ErrReorder, CodeSequenceGap, "out of sequence"},
	{e2ee.ErrWrongDocument, CodeMalformed, "for another document"},
	{e2ee.ErrBrokenLog, CodeMalformed, "operation does not follow the membership log"},
	{e2ee.ErrTooLarge, CodeMalformed, "too large"},
	{e2ee.ErrMalformed, CodeMalformed, "malformed"},
}

// ErrorOf returns the [Error] that refuses a request which failed with err: err's own when it
// wraps an [*Error]; a code and a fixed message for the sentinel errors of e2ee and of this
// package (e2ee.ErrNotMember gives [CodeNotMember], e2ee.ErrStaleHead [CodeStaleHead], …); and
// [CodeInternal] with the message "internal error" for everything else, whose details belong in
// the relay's log. The messages never repeat err's text, which may hold details the peer need
// not learn. ErrorOf(nil) is the zero Error. The result is a copy the caller may change.
func ErrorOf(err error) Error {
	if err == nil {
		return Error{}
	}
	if pe, ok := errors.AsType[*Error](err); ok && pe != nil {
		return *pe
	}
	for _, m := range mapping {
		if errors.Is(err, m.err) {
			return Error{Code: m.code, Message: m.message}
		}
	}
	return Error{Code: CodeInternal, Message: "internal error"}
}

// CodeOf returns the code of [ErrorOf](err): 0 for nil.
func CodeOf(err error) Code { return ErrorOf(err).Code }
