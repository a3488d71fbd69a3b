package client

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

// snapshotPayload is the plaintext of a snapshot envelope: the whole document, and where each
// author's chain stood at the offset the snapshot covers, so that a reader who starts from the
// snapshot (a fresh device, or one that missed entries the relay since compacted) can check
// the chains from there on.
type snapshotPayload struct {
	Content []byte           `cbor:"1,keyasint"`
	Heads   []e2ee.ChainHead `cbor:"2,keyasint,omitempty"`
}

// maxSnapshotContent keeps a snapshot envelope within the relay's default frame limit.
const maxSnapshotContent = protocol.DefaultMaxFrameBytes - 64<<10

// snapshotLocked verifies and applies a snapshot the relay sends before the entries after it.
// ds.mu must be held.
func (c *Client) snapshotLocked(ds *docState, f protocol.SnapshotDeliver) {
	m := ds.membership()
	v, err := e2ee.Verify(f.Envelope, m)
	if err != nil {
		c.security(ds, e2ee.IdentityID{}, fmt.Errorf("snapshot: %w", err))
		return
	}
	h := v.Header()
	if h.Kind != e2ee.KindSnapshot {
		c.security(ds, h.Author, fmt.Errorf("snapshot: a %s envelope: %w", h.Kind, e2ee.ErrMalformed))
		return
	}
	if ds.keys == nil {
		return
	}
	key, err := ds.keys.Key(h.Epoch)
	if err != nil {
		c.security(ds, h.Author, fmt.Errorf("snapshot: %w", err))
		return
	}
	plain, err := keyring.Open(v, key)
	if err != nil {
		c.security(ds, h.Author, fmt.Errorf("snapshot: %w", err))
		return
	}
	var p snapshotPayload
	if err := e2ee.UnmarshalCanonical(plain, &p, "snapshot"); err != nil {
		c.security(ds, h.Author, fmt.Errorf("snapshot: %w", err))
		return
	}
	// Continue each author's chain from the snapshot where it is ahead of this replica: the
	// snapshot's author, a member, vouches for the entries it covers.
	heads := ds.chain.Heads()
	advanced := false
	for _, sh := range p.Heads {
		i := slices.IndexFunc(heads, func(x e2ee.ChainHead) bool { return x.Author == sh.Author })
		switch {
		case i < 0:
			heads = append(heads, sh)
			advanced = true
		case sh.Seq > heads[i].Seq:
			heads[i] = sh
			advanced = true
		}
	}
	if advanced {
		ds.chain = e2ee.NewChain(ds.id, heads...)
		ds.watch = e2ee.NewWithholding(ds.chain)
	}
	if err := ds.chain.Check(v); err != nil && !isReplay(err) {
		c.security(ds, h.Author, fmt.Errorf("snapshot: %w", err))
		return
	}
	if ds.doc != nil {
		if err := ds.doc.LoadIncremental(p.Content); err != nil {
			c.security(ds, h.Author, fmt.Errorf("snapshot: apply: %w", err))
			return
		}
		ds.doc.SaveIncremental()
	}
	ds.batch = append(ds.batch, p.Content)
	ds.batchAuthor = h.Author
	if f.Covers > ds.cursor {
		ds.sinceOwn += int(f.Covers - ds.cursor) // entries this replica received in one go
	}
	ds.batchSnap = max(ds.batchSnap, f.Covers)
	ds.batchCursor = max(ds.batchCursor, f.Covers, ds.cursor)
	ds.sync.maxOffset = max(ds.sync.maxOffset, f.Covers)
	ds.dirty = true
	// Entries held for a gap the snapshot closed.
	for hash, held := range ds.held {
		if next, _ := ds.chain.Next(held.v.Header().Author); held.v.Header().Seq < next {
			delete(ds.held, hash)
		}
	}
}

// maybeSnapshotLocked uploads a snapshot when enough entries arrived since the newest one,
// and this identity may write. It is called when the document is in sync, so the snapshot
// holds nothing the relay does not have. ds.mu must be held.
func (c *Client) maybeSnapshotLocked(ds *docState) {
	if c.cfg.SnapshotEvery < 0 || ds.sinceSnapshot < c.cfg.SnapshotEvery || ds.cursor <= ds.snapshotAt {
		return
	}
	if err := c.writableLocked(ds); err != nil {
		return
	}
	// The snapshot vouches for the chain heads and content up to Covers, so Covers must be
	// where the entries applied so far end: commit those not yet committed, which moves the
	// cursor past them. Otherwise a reader starting from the snapshot gets entries that the
	// heads already include and takes them for a relay's reordering.
	if err := c.flushLocked(ds.sync.s.ctx, ds); err != nil {
		c.log.Error("store remote changes before a snapshot", "doc", short(ds.id), "err", err)
		return
	}
	doc, err := c.docLocked(ds.sync.s.ctx, ds)
	if err != nil {
		c.log.Error("load document for a snapshot", "doc", short(ds.id), "err", err)
		return
	}
	content := doc.Save()
	if len(content) > maxSnapshotContent {
		c.log.Warn("document too large for a snapshot", "doc", short(ds.id), "bytes", len(content))
		ds.sinceSnapshot = 0
		return
	}
	plain, err := e2ee.MarshalCanonical(snapshotPayload{Content: content, Heads: ds.chain.Heads()})
	if err != nil {
		c.log.Error("encode snapshot", "doc", short(ds.id), "err", err)
		return
	}
	out, err := c.sealLocked(ds, e2ee.KindSnapshot, plain, ds.own)
	if err != nil {
		c.log.Error("seal snapshot", "doc", short(ds.id), "err", err)
		return
	}
	out.Covers = ds.cursor
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ds.sync.s.ctx), 30*time.Second)
	defer cancel()
	if err := c.store.CommitLocal(ctx, ds.id, nil, out); err != nil {
		c.log.Error("store snapshot", "doc", short(ds.id), "err", err)
		return
	}
	ds.own = e2ee.ChainHead{Author: c.id.ID(), Seq: out.Seq, Hash: out.Hash, Epoch: out.Epoch}
	ds.outbox = append(ds.outbox, out)
	ds.sinceSnapshot = 0
	c.pushNewLocked(ds)
}
