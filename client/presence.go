package client

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

// Presence timing: a peer announces itself again every presenceRefresh while on a document
// and is gone when nothing was heard for presenceTTL; announcements older than presenceMaxAge
// (by their signed time) are refused as replays.
const (
	presenceRefresh = 20 * time.Second
	presenceTTL     = 60 * time.Second
	presenceMaxAge  = 2 * time.Minute
	maxFieldBytes   = 256
)

// presenceState is this client's presence on a document and what it heard of others.
type presenceState struct {
	set      bool
	field    string
	lastSeq  uint64
	lastSent time.Time

	// peers has its own lock so that Peers never waits for ds.mu, which a store write may
	// hold for a while (in the browser, a synchronous call into Go that waited would stop
	// the event loop the store write needs).
	peersMu sync.Mutex
	peers   map[e2ee.IdentityID]Peer
}

// presencePayload is the plaintext of an ephemeral envelope.
type presencePayload struct {
	Field string `cbor:"1,keyasint,omitempty"`
}

// SetPresence tells the document's other members which field this client is on (empty for
// none). It is sent when connected and re-sent while connected and after a reconnect.
func (c *Client) SetPresence(ctx context.Context, id e2ee.DocID, field string) error {
	if len(field) > maxFieldBytes {
		return fmt.Errorf("presence field name longer than %d bytes", maxFieldBytes)
	}
	ds, err := c.open(ctx, id)
	if err != nil {
		return err
	}
	defer ds.mu.Unlock()
	ds.presence.set, ds.presence.field = true, field
	ds.presence.lastSent = time.Time{}
	c.sendPresenceLocked(ds)
	return nil
}

// Peers returns the other members present on the document, freshest first.
func (c *Client) Peers(id e2ee.DocID) []Peer {
	ds := c.existing(id)
	if ds == nil {
		return nil
	}
	ds.presence.peersMu.Lock()
	defer ds.presence.peersMu.Unlock()
	now := c.cfg.Now()
	var out []Peer
	for _, p := range ds.presence.peers {
		if now.Sub(p.Seen) < presenceTTL {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b Peer) int { return b.Seen.Compare(a.Seen) })
	return out
}

// sendPresenceLocked announces this client on a live document, with the field it is on when
// one is set: on catch-up, when the field changes, when a peer arrives and now and then.
// ds.mu must be held.
func (c *Client) sendPresenceLocked(ds *docState) {
	s := ds.sync.s
	if s == nil || s.err() != nil || !ds.sync.caughtUp || ds.keys == nil {
		return
	}
	now := c.cfg.Now()
	// Sequence numbers of the ephemeral stream only go up, also across restarts: the clock
	// in microseconds, nudged past the last one.
	seq := max(uint64(now.UnixMicro()), ds.presence.lastSeq+1)
	plain, err := e2ee.MarshalCanonical(presencePayload{Field: ds.presence.field})
	if err != nil {
		return
	}
	env, err := keyring.Seal(c.id, ds.keys.Primary(), e2ee.Header{Kind: e2ee.KindEphemeral, Seq: seq, Time: now.UnixMilli()}, plain)
	if err != nil {
		c.log.Warn("seal presence", "doc", short(ds.id), "err", err)
		return
	}
	ds.presence.lastSeq, ds.presence.lastSent = seq, now
	go func() {
		if err := s.send(s.ctx, protocol.Ephemeral{Doc: ds.id, Envelope: env}); err != nil && !errors.Is(err, ErrOffline) {
			c.log.Debug("send presence", "doc", short(ds.id), "err", err)
		}
	}()
}

// refreshPresence re-sends presence that is about to expire at the others.
func (s *session) refreshPresence() {
	s.c.mu.Lock()
	docs := make([]*docState, 0, len(s.c.docs))
	for _, ds := range s.c.docs {
		docs = append(docs, ds)
	}
	s.c.mu.Unlock()
	now := s.c.cfg.Now()
	for _, ds := range docs {
		ds.mu.Lock()
		if ds.sync.s == s && ds.sync.caughtUp && now.Sub(ds.presence.lastSent) >= presenceRefresh {
			s.c.sendPresenceLocked(ds)
		}
		ds.mu.Unlock()
	}
}

// presenceLocked verifies and records another member's presence. ds.mu must be held.
func (c *Client) presenceLocked(ds *docState, raw []byte) {
	v, err := e2ee.Verify(raw, ds.membership())
	if err != nil {
		c.security(ds, e2ee.IdentityID{}, fmt.Errorf("presence: %w", err))
		return
	}
	h := v.Header()
	if h.Kind != e2ee.KindEphemeral || h.Author == c.id.ID() {
		return
	}
	if err := ds.chain.Check(v); err != nil {
		c.security(ds, h.Author, fmt.Errorf("presence: %w", err))
		return
	}
	now := c.cfg.Now()
	if age := now.Sub(time.UnixMilli(h.Time)); age > presenceMaxAge || age < -presenceMaxAge {
		c.security(ds, h.Author, fmt.Errorf("presence from %v ago: %w", age.Round(time.Second), e2ee.ErrReplay))
		return
	}
	if ds.keys == nil {
		return
	}
	key, err := ds.keys.Key(h.Epoch)
	if err != nil {
		return
	}
	plain, err := keyring.Open(v, key)
	if err != nil {
		c.security(ds, h.Author, fmt.Errorf("presence: %w", err))
		return
	}
	var p presencePayload
	if err := e2ee.UnmarshalCanonical(plain, &p, "presence"); err != nil || len(p.Field) > maxFieldBytes {
		c.security(ds, h.Author, fmt.Errorf("presence: malformed: %w", e2ee.ErrMalformed))
		return
	}
	ds.presence.peersMu.Lock()
	if ds.presence.peers == nil {
		ds.presence.peers = make(map[e2ee.IdentityID]Peer)
	}
	known, ok := ds.presence.peers[h.Author]
	ds.presence.peers[h.Author] = Peer{ID: h.Author, Field: p.Field, Seen: now}
	ds.presence.peersMu.Unlock()
	if (!ok || now.Sub(known.Seen) >= presenceTTL) && now.Sub(ds.presence.lastSent) >= time.Second {
		// A peer arrived: it missed what this client announced before, so answer it.
		c.sendPresenceLocked(ds)
	}
	c.emit(Event{Kind: EventPresence, Doc: ds.id, Author: h.Author})
}

// isReplay reports whether err is the chain's replay error.
func isReplay(err error) bool { return errors.Is(err, e2ee.ErrReplay) }
