package e2ee

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// Missing is a range of an author's stored envelopes, From to To inclusive, that another
// member (SeenBy) has seen and this reader has not received.
type Missing struct {
	Author   IdentityID
	From, To uint64
	SeenBy   IdentityID
}

func (m Missing) String() string {
	return fmt.Sprintf("author %s seqs %d to %d, seen by %s", m.Author.Short(), m.From, m.To, m.SeenBy.Short())
}

// Withholding detects a relay that keeps some members' envelopes from this reader. Every
// envelope's header carries its author's view: the highest stored sequence number the author
// has received from each other author, signed with the rest. Withholding collects these views
// from the verified envelopes the reader receives, receipts included (a receipt only publishes
// a view), and compares them with what the reader's [Chain] has accepted.
//
// A view ahead of the chain is normal for a moment, while envelopes are on their way; ask
// [Withholding.Missing] once the relay says the reader is up to date, and ask the relay for
// the missing range before concluding that it withholds. A member can make a false alarm by
// claiming a view it does not have, but cannot hide withholding from a reader who receives
// any envelope of an honest member who saw the withheld ones.
//
// A Withholding is not safe for concurrent use.
type Withholding struct {
	chain *Chain
	seen  map[IdentityID]witness // the highest sequence number any view names, per author
}

type witness struct {
	seq uint64
	by  IdentityID
}

// NewWithholding returns a detector that compares views with what c has accepted.
func NewWithholding(c *Chain) *Withholding {
	return &Withholding{chain: c, seen: map[IdentityID]witness{}}
}

// Observe records the view of v. An entry of a view that names its own author is ignored: an
// author's own progress is its sequence number, which the chain checks.
func (w *Withholding) Observe(v VerifiedEnvelope) error {
	if v.IsZero() {
		return fmt.Errorf("%w: zero VerifiedEnvelope", ErrMalformed)
	}
	h := v.Header()
	if h.Doc != w.chain.Doc() {
		return fmt.Errorf("observe view: %w: %s, chain is for %s", ErrWrongDocument, h.Doc, w.chain.Doc())
	}
	for _, e := range h.View {
		if e.Author == h.Author {
			continue
		}
		if e.Seq > w.seen[e.Author].seq {
			w.seen[e.Author] = witness{seq: e.Seq, by: h.Author}
		}
	}
	return nil
}

// Missing returns, sorted by author, the envelopes that some member's view shows and the
// chain has not accepted.
func (w *Withholding) Missing() []Missing {
	var out []Missing
	for author, s := range w.seen {
		if last, _ := w.chain.Last(author); s.seq > last {
			out = append(out, Missing{Author: author, From: last + 1, To: s.seq, SeenBy: s.by})
		}
	}
	slices.SortFunc(out, func(a, b Missing) int { return bytes.Compare(a.Author[:], b.Author[:]) })
	return out
}

// Err returns an error wrapping [ErrWithheld] that lists what [Withholding.Missing] returns,
// or nil when nothing is missing.
func (w *Withholding) Err() error {
	missing := w.Missing()
	if len(missing) == 0 {
		return nil
	}
	parts := make([]string, len(missing))
	for i, m := range missing {
		parts[i] = m.String()
	}
	return fmt.Errorf("%w: %s", ErrWithheld, strings.Join(parts, "; "))
}
