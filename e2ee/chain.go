package e2ee

import (
	"bytes"
	"fmt"
	"slices"
)

// Chain checks, on the reading side, that each author's envelopes of one document arrive as
// the author wrote them: one after the other, each naming the hash of the one before, none
// twice, none left out. [Verify] has checked document, epoch, membership and signature; Chain
// adds what needs memory of earlier envelopes.
//
// Each author has two streams:
//   - The stored stream holds updates, snapshots and receipts. Sequence numbers run from 1
//     without gaps and each envelope's Prev is the hash of the author's previous one; epochs
//     never go down (the relay accepts writes only at the current epoch).
//   - The ephemeral stream holds presence messages, which the relay forwards but never stores,
//     so a reader misses those sent while it was away. Their sequence numbers only go up; gaps
//     are normal and they are not hash-chained (Prev is zero). Their Time says when they were
//     made; whether that is recent enough is for the caller to judge against its clock.
//
// Check reports each fault as its own error, wrapped with the author and sequence number:
//   - [GapError] (wraps [ErrGap]): a stored envelope arrived before earlier ones; it names them.
//     A stored envelope delivered early is thus a gap until the earlier ones arrive.
//   - [ErrReplay]: an envelope the chain has accepted before.
//   - [ErrFork]: a different envelope with a sequence number the chain has accepted, or one
//     whose Prev is not the hash of the author's previous envelope.
//   - [ErrReorder]: an ephemeral envelope older than the author's last one (and not one of the
//     recent ones, which would be a replay or a fork), or a stored envelope from before the head
//     the chain was resumed from.
//   - [ErrWrongEpoch]: an author's envelope at an epoch below that of its previous one.
//   - [ErrWrongDocument]: an envelope of another document.
//
// A rejected envelope leaves the chain as it was, so the caller may fetch what is missing and
// check the envelope again. An unknown author ([ErrUnknownAuthor]), an author who is not a
// member at the envelope's epoch ([ErrNotMember]), an epoch the log does not know
// ([ErrWrongEpoch]) and a role that may not write ([ErrNotAllowed]) are [Verify]'s to report,
// before an envelope reaches the chain.
//
// A Chain is not safe for concurrent use.
type Chain struct {
	doc       DocID
	stored    map[IdentityID]*storedStream
	ephemeral map[IdentityID]*ephemeralStream
}

// storedStream is one author's stored envelopes as far as the reader has them without a gap.
type storedStream struct {
	// base is the sequence number of the head the chain was resumed from (0 if it started at
	// the beginning); baseHash is that envelope's hash. Earlier hashes are not known.
	base     uint64
	baseHash Hash
	hashes   []Hash // hashes[i] is the hash of sequence number base+1+i
	epoch    Epoch  // epoch of the last envelope
}

func (s *storedStream) last() uint64 { return s.base + uint64(len(s.hashes)) }

func (s *storedStream) lastHash() Hash {
	if len(s.hashes) == 0 {
		return s.baseHash
	}
	return s.hashes[len(s.hashes)-1]
}

// ephemeralWindow is how many recent ephemeral envelopes per author Chain remembers to tell a
// replay from a reordering.
const ephemeralWindow = 32

type ephemeralStream struct {
	recent []seqHash // ascending by sequence number, at most ephemeralWindow
	epoch  Epoch
}

type seqHash struct {
	seq  uint64
	hash Hash
}

// ChainHead is where an author's stored stream stands: its last sequence number, that
// envelope's hash and epoch. Heads let a reader persist a chain and resume it (see [NewChain]).
type ChainHead struct {
	Author IdentityID
	Seq    uint64
	Hash   Hash
	Epoch  Epoch
}

// NewChain returns a chain for doc. With no heads, every author starts at sequence number 1.
// Heads resume authors from a state the caller trusts: one it saved from [Chain.Heads] or read
// from a snapshot. The envelopes before a head are not known to the chain; one arriving again
// is reported as [ErrReorder], since the chain cannot tell a replay from a fork there.
func NewChain(doc DocID, heads ...ChainHead) *Chain {
	c := &Chain{doc: doc, stored: map[IdentityID]*storedStream{}, ephemeral: map[IdentityID]*ephemeralStream{}}
	for _, h := range heads {
		if h.Seq > 0 {
			c.stored[h.Author] = &storedStream{base: h.Seq, baseHash: h.Hash, epoch: h.Epoch}
		}
	}
	return c
}

// Doc returns the document the chain belongs to.
func (c *Chain) Doc() DocID { return c.doc }

// GapError reports that an author's stored envelopes From to To (inclusive) are missing: the
// reader received a later one first. It wraps [ErrGap]. The caller asks the relay for the
// missing ones and checks the envelope again afterwards.
type GapError struct {
	Author   IdentityID
	From, To uint64
}

func (e *GapError) Error() string {
	if e.From == e.To {
		return fmt.Sprintf("%v: author %s, seq %d", ErrGap, e.Author.Short(), e.From)
	}
	return fmt.Sprintf("%v: author %s, seqs %d to %d", ErrGap, e.Author.Short(), e.From, e.To)
}

// Unwrap makes errors.Is(err, ErrGap) hold.
func (e *GapError) Unwrap() error { return ErrGap }

// Check accepts v as the next envelope of its author's stream or reports why not. A rejected
// envelope does not change the chain.
func (c *Chain) Check(v VerifiedEnvelope) error {
	if v.IsZero() {
		return fmt.Errorf("%w: zero VerifiedEnvelope", ErrMalformed)
	}
	h := v.Header()
	if h.Doc != c.doc {
		return fmt.Errorf("check chain: %w: %s, chain is for %s", ErrWrongDocument, h.Doc, c.doc)
	}
	if h.Kind == KindEphemeral {
		return c.checkEphemeral(h, v.Hash())
	}
	return c.checkStored(h, v.Hash())
}

func (c *Chain) checkStored(h Header, hash Hash) error {
	s := c.stored[h.Author]
	if s == nil {
		s = &storedStream{}
	}
	next := s.last() + 1
	switch {
	case h.Seq > next:
		return &GapError{Author: h.Author, From: next, To: h.Seq - 1}
	case h.Seq <= s.base:
		return fmt.Errorf("check chain: %w: author %s seq %d precedes the chain's start at %d", ErrReorder, h.Author.Short(), h.Seq, s.base+1)
	case h.Seq < next:
		if s.hashes[h.Seq-s.base-1].Equal(hash) {
			return fmt.Errorf("check chain: %w: author %s seq %d", ErrReplay, h.Author.Short(), h.Seq)
		}
		return fmt.Errorf("check chain: %w: author %s seq %d differs from the one received before", ErrFork, h.Author.Short(), h.Seq)
	}
	// h.Seq == next. Header.check has made Prev zero for seq 1, which lastHash also is then.
	if !h.Prev.Equal(s.lastHash()) {
		return fmt.Errorf("check chain: %w: author %s seq %d does not follow the seq %d received", ErrFork, h.Author.Short(), h.Seq, h.Seq-1)
	}
	if h.Epoch < s.epoch {
		return fmt.Errorf("check chain: %w: author %s seq %d at epoch %d after epoch %d", ErrWrongEpoch, h.Author.Short(), h.Seq, h.Epoch, s.epoch)
	}
	if c.stored[h.Author] == nil {
		c.stored[h.Author] = s
	}
	s.hashes = append(s.hashes, hash)
	s.epoch = h.Epoch
	return nil
}

func (c *Chain) checkEphemeral(h Header, hash Hash) error {
	s := c.ephemeral[h.Author]
	if s == nil {
		s = &ephemeralStream{}
	}
	if n := len(s.recent); n > 0 && h.Seq <= s.recent[n-1].seq {
		i, found := slices.BinarySearchFunc(s.recent, h.Seq, func(e seqHash, seq uint64) int {
			switch {
			case e.seq < seq:
				return -1
			case e.seq > seq:
				return 1
			}
			return 0
		})
		switch {
		case found && s.recent[i].hash.Equal(hash):
			return fmt.Errorf("check chain: %w: author %s ephemeral seq %d", ErrReplay, h.Author.Short(), h.Seq)
		case found:
			return fmt.Errorf("check chain: %w: author %s ephemeral seq %d differs from the one received before", ErrFork, h.Author.Short(), h.Seq)
		}
		return fmt.Errorf("check chain: %w: author %s ephemeral seq %d after seq %d", ErrReorder, h.Author.Short(), h.Seq, s.recent[n-1].seq)
	}
	if h.Epoch < s.epoch {
		return fmt.Errorf("check chain: %w: author %s ephemeral seq %d at epoch %d after epoch %d", ErrWrongEpoch, h.Author.Short(), h.Seq, h.Epoch, s.epoch)
	}
	if c.ephemeral[h.Author] == nil {
		c.ephemeral[h.Author] = s
	}
	if len(s.recent) == ephemeralWindow {
		s.recent = slices.Delete(s.recent, 0, 1)
	}
	s.recent = append(s.recent, seqHash{seq: h.Seq, hash: hash})
	s.epoch = h.Epoch
	return nil
}

// Last returns the sequence number and hash of the last stored envelope of author the chain
// accepted, or 0 and the zero hash.
func (c *Chain) Last(author IdentityID) (uint64, Hash) {
	s := c.stored[author]
	if s == nil {
		return 0, Hash{}
	}
	return s.last(), s.lastHash()
}

// Next returns the Seq and Prev of author's next stored envelope, for a writer whose own
// envelopes pass through its chain.
func (c *Chain) Next(author IdentityID) (seq uint64, prev Hash) {
	last, h := c.Last(author)
	return last + 1, h
}

// View returns the highest stored sequence number received from each author other than self,
// sorted by author: the View of self's next envelope or receipt.
func (c *Chain) View(self IdentityID) []ViewEntry {
	var view []ViewEntry
	for id, s := range c.stored {
		if id != self && s.last() > 0 {
			view = append(view, ViewEntry{Author: id, Seq: s.last()})
		}
	}
	slices.SortFunc(view, func(a, b ViewEntry) int { return bytes.Compare(a.Author[:], b.Author[:]) })
	return view
}

// Heads returns where each author's stored stream stands, sorted by author, to persist and
// pass to [NewChain] later.
func (c *Chain) Heads() []ChainHead {
	var heads []ChainHead
	for id, s := range c.stored {
		if s.last() > 0 {
			heads = append(heads, ChainHead{Author: id, Seq: s.last(), Hash: s.lastHash(), Epoch: s.epoch})
		}
	}
	slices.SortFunc(heads, func(a, b ChainHead) int { return bytes.Compare(a.Author[:], b.Author[:]) })
	return heads
}
