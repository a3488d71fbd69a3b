package e2ee

import "errors"

// Errors of verification against the membership log and of per-author chains. Each names one
// thing a relay or a member may do wrong; clients report them as events and never apply the
// envelope.
var (
	ErrWrongDocument = errors.New("e2ee: envelope for another document")
	ErrWrongEpoch    = errors.New("e2ee: envelope for an unknown or wrong epoch")
	ErrUnknownAuthor = errors.New("e2ee: author was never a member")
	ErrNotMember     = errors.New("e2ee: author is not a member at that epoch")
	ErrNotAllowed    = errors.New("e2ee: the author's role does not allow this")
	ErrGap           = errors.New("e2ee: entries of an author are missing")
	ErrReplay        = errors.New("e2ee: envelope seen before")
	ErrFork          = errors.New("e2ee: two different envelopes with one sequence number")
	ErrReorder       = errors.New("e2ee: envelope out of order")
	ErrWithheld      = errors.New("e2ee: entries another member has seen were withheld")
)
