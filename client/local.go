package client

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

// Client is the sync engine of one identity over one local store. It is safe for concurrent
// use.
type Client struct {
	cfg   Config
	id    *keyring.Identity
	store Store
	log   *slog.Logger
	http  *http.Client

	mu     sync.Mutex // guards the fields below
	docs   map[e2ee.DocID]*docState
	live   *session // the session Run keeps; nil while disconnected
	closed bool
	stop   context.CancelFunc // ends Run's connection on Close

	events chan Event    // to the event goroutine; nil without OnEvent
	evDone chan struct{} // closed when the event goroutine ends
}

// New returns a client; it does not connect (see [Client.Run] and [Client.Sync]).
func New(cfg Config) (*Client, error) {
	switch {
	case cfg.Identity == nil:
		return nil, errors.New("client: Config.Identity is required")
	case cfg.Store == nil:
		return nil, errors.New("client: Config.Store is required")
	case cfg.NewDoc == nil:
		return nil, errors.New("client: Config.NewDoc is required")
	}
	if cfg.SnapshotEvery == 0 {
		cfg.SnapshotEvery = 500
	}
	if cfg.CompactEvery <= 0 {
		cfg.CompactEvery = 200
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = 250 * time.Millisecond
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 30 * time.Second
	}
	if cfg.Software == "" {
		cfg.Software = "mobio-client"
	}
	c := &Client{
		cfg:   cfg,
		id:    cfg.Identity,
		store: cfg.Store,
		log:   cfg.Logger,
		http:  cfg.HTTPClient,
		docs:  make(map[e2ee.DocID]*docState),
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.http == nil {
		c.http = http.DefaultClient
	}
	if cfg.OnEvent != nil {
		c.events = make(chan Event, 1024)
		c.evDone = make(chan struct{})
		go c.deliverEvents()
	}
	return c, nil
}

// deliverEvents calls OnEvent for each event, in order, on one goroutine, so that a slow
// handler delays events, never the engine (up to the channel's capacity).
func (c *Client) deliverEvents() {
	defer close(c.evDone)
	for ev := range c.events {
		c.cfg.OnEvent(ev)
	}
}

// emit reports an event. It blocks only when the event handler is 1024 events behind.
func (c *Client) emit(ev Event) {
	if c.events == nil {
		return
	}
	c.mu.Lock()
	closed := c.closed
	c.mu.Unlock()
	if !closed {
		c.events <- ev
	}
}

// Close stops the client's connection and event delivery; it does not close the Store.
func (c *Client) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	stop, live := c.stop, c.live
	c.mu.Unlock()
	if stop != nil {
		stop()
	}
	if live != nil {
		live.close(ErrClosed)
	}
	if c.events != nil {
		close(c.events)
		<-c.evDone
	}
	return nil
}

// ID returns the client's identity ID.
func (c *Client) ID() e2ee.IdentityID { return c.id.ID() }

// Status returns the connection state and the count of local changes and operations not yet
// acknowledged by the relay, over every local document (as the store has them).
func (c *Client) Status() Status {
	c.mu.Lock()
	st := Status{Connected: c.live != nil}
	c.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if sums, err := c.store.ListDocs(ctx); err == nil {
		for _, s := range sums {
			st.Pending += s.Pending
		}
	}
	return st
}

// docState is the client's working state of one document. Its mutex serialises everything
// done to the document: edits, remote changes, membership operations.
type docState struct {
	id e2ee.DocID
	mu sync.Mutex // guards the fields below

	loaded bool
	erased bool
	title  string
	doc    Doc
	log    *e2ee.Log
	keys   *keyring.Keys // nil when this identity holds no key (not a member)
	chain  *e2ee.Chain
	watch  *e2ee.Withholding

	pendingOps    [][]byte // signed operations the relay has not acknowledged
	outbox        []OutboxEntry
	own           e2ee.ChainHead
	cursor        protocol.Offset
	snapshotAt    protocol.Offset
	sinceSnapshot int
	changes       int // changes in the store since the last compaction
	sinceOwn      int // entries of others applied since this identity last wrote

	// Remote entries applied to doc but not yet committed to the store.
	batch        [][]byte
	batchApplied int
	batchCursor  protocol.Offset
	batchSnap    protocol.Offset
	batchAuthor  e2ee.IdentityID
	dirty        bool

	// held are stored envelopes that arrived before earlier ones of their author, keyed by
	// hash, to be checked again once the earlier ones arrive.
	held map[e2ee.Hash]heldEnvelope

	sync syncState // the live session's view of this document

	presence presenceState
}

// heldEnvelope is an envelope waiting for its author's earlier ones.
type heldEnvelope struct {
	v      e2ee.VerifiedEnvelope
	offset protocol.Offset
}

// maxHeld bounds the envelopes held per document while waiting for a gap to close.
const maxHeld = 4096

// pending counts local changes and operations not yet acknowledged. ds.mu must be held.
func (ds *docState) pending() int { return len(ds.outbox) + len(ds.pendingOps) }

// membership returns the document's membership as its log stands. ds.mu must be held.
func (ds *docState) membership() *e2ee.Membership {
	if m := ds.log.Membership(); m != nil {
		return m
	}
	return &e2ee.Membership{} // an empty log: no members yet
}

// state returns the document's working state, creating an unloaded one for a new ID.
func (c *Client) state(id e2ee.DocID) *docState {
	c.mu.Lock()
	defer c.mu.Unlock()
	ds, ok := c.docs[id]
	if !ok {
		ds = &docState{id: id}
		c.docs[id] = ds
	}
	return ds
}

// open returns the document's state, loaded from the store, with its mutex held; the caller
// unlocks it.
func (c *Client) open(ctx context.Context, id e2ee.DocID) (*docState, error) {
	ds := c.state(id)
	ds.mu.Lock()
	if ds.loaded {
		return ds, nil
	}
	if err := c.loadLocked(ctx, ds); err != nil {
		ds.mu.Unlock()
		if errors.Is(err, ErrNotFound) {
			c.mu.Lock()
			if c.docs[id] == ds {
				delete(c.docs, id)
			}
			c.mu.Unlock()
		}
		return nil, err
	}
	return ds, nil
}

// loadLocked (re)loads ds from the store. ds.mu must be held.
func (c *Client) loadLocked(ctx context.Context, ds *docState) error {
	rec, err := c.store.LoadDoc(ctx, ds.id)
	if err != nil {
		return fmt.Errorf("load document %s: %w", short(ds.id), err)
	}
	ops := rec.Log
	if len(ops) == 0 && len(rec.PendingOps) > 0 {
		ops = rec.PendingOps[:1] // created offline: the genesis is all the log there is
	}
	var log e2ee.Log
	for i, op := range ops {
		if err := log.Append(op); err != nil {
			return fmt.Errorf("load document %s: membership operation %d: %w", short(ds.id), i+1, err)
		}
	}
	ds.doc = nil // built from the store when first read or edited, see docLocked
	ds.log = &log
	ds.title = rec.Title
	ds.pendingOps = rec.PendingOps
	if len(rec.Log) == 0 && len(rec.PendingOps) > 0 {
		ds.pendingOps = rec.PendingOps
	}
	ds.outbox = rec.Outbox
	ds.own = rec.Own
	ds.cursor = rec.Cursor
	ds.snapshotAt = rec.SnapshotAt
	ds.sinceSnapshot = rec.SinceSnapshot
	ds.changes = len(rec.Changes)
	ds.chain = e2ee.NewChain(ds.id, rec.Heads...)
	ds.watch = e2ee.NewWithholding(ds.chain)
	ds.held = nil
	ds.batch, ds.batchApplied, ds.dirty = nil, 0, false
	ds.keys = nil
	if keys, err := keyring.OpenKeys(c.id, ds.membership()); log.Len() > 0 && err == nil {
		ds.keys = keys
	}
	ds.loaded = true
	return nil
}

// docLocked returns the document's replica, building it from the store the first time: a
// client that only syncs a document (or lists it) never parses its content. ds.mu must be
// held.
func (c *Client) docLocked(ctx context.Context, ds *docState) (Doc, error) {
	if ds.doc != nil {
		return ds.doc, nil
	}
	// What was applied but not yet committed is in the store after this.
	if err := c.flushLocked(ctx, ds); err != nil {
		return nil, err
	}
	rec, err := c.store.LoadDoc(ctx, ds.id)
	if err != nil {
		return nil, fmt.Errorf("load document %s: %w", short(ds.id), err)
	}
	doc, err := c.cfg.NewDoc(rec.Content)
	if err != nil {
		return nil, fmt.Errorf("load document %s: %w", short(ds.id), err)
	}
	for i, ch := range rec.Changes {
		if err := doc.LoadIncremental(ch); err != nil {
			return nil, fmt.Errorf("load document %s: change %d: %w", short(ds.id), i+1, err)
		}
	}
	doc.SaveIncremental() // what is loaded is not a local change
	ds.doc = doc
	ds.changes = len(rec.Changes)
	return doc, nil
}

// Create creates a document owned by the client's identity, with title as its local name and
// initial as its first content (for a biography, a crdt.New with whatever the newcomer
// entered first). The whole of initial becomes the document's first update. Create works
// offline: the relay learns of the document at the next sync.
func (c *Client) Create(ctx context.Context, title string, initial Doc) (e2ee.DocID, error) {
	genesis, id, _, err := keyring.NewDocument(c.id)
	if err != nil {
		return e2ee.DocID{}, fmt.Errorf("create document: %w", err)
	}
	content := initial.Save()
	if err := c.store.CreateDoc(ctx, DocRecord{ID: id, Title: title, PendingOps: [][]byte{genesis}, Own: e2ee.ChainHead{Author: c.id.ID()}}); err != nil {
		return e2ee.DocID{}, fmt.Errorf("create document: %w", err)
	}
	ds, err := c.open(ctx, id)
	if err != nil {
		return e2ee.DocID{}, err
	}
	defer ds.mu.Unlock()
	doc, err := c.docLocked(ctx, ds)
	if err != nil {
		return e2ee.DocID{}, err
	}
	if err := doc.LoadIncremental(content); err != nil {
		return e2ee.DocID{}, fmt.Errorf("create document: %w", err)
	}
	doc.SaveIncremental()
	if err := c.commitLocalLocked(ctx, ds, content); err != nil {
		return e2ee.DocID{}, err
	}
	c.emit(Event{Kind: EventOutbox, Doc: id, Pending: ds.pending()})
	c.pushNewLocked(ds)
	return id, nil
}

// Docs lists the local documents.
func (c *Client) Docs(ctx context.Context) ([]DocInfo, error) {
	sums, err := c.store.ListDocs(ctx)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	infos := make([]DocInfo, 0, len(sums))
	for _, s := range sums {
		info, err := c.Info(ctx, s.ID)
		if errors.Is(err, ErrNotFound) {
			continue // deleted meanwhile
		}
		if err != nil {
			return nil, err
		}
		infos = append(infos, info)
	}
	return infos, nil
}

// Info describes one local document.
func (c *Client) Info(ctx context.Context, id e2ee.DocID) (DocInfo, error) {
	ds, err := c.open(ctx, id)
	if err != nil {
		return DocInfo{}, err
	}
	defer ds.mu.Unlock()
	m := ds.membership()
	info := DocInfo{
		ID:      id,
		Title:   ds.title,
		Epoch:   m.Epoch(),
		Members: len(m.Members(m.Epoch())),
		Pending: ds.pending(),
		Cursor:  ds.cursor,
		Created: ds.log.Len() > 0 && !ds.hasPendingGenesis(),
	}
	if me, err := m.Member(m.Epoch(), c.id.ID()); err == nil {
		info.Role = me.Role
	}
	return info, nil
}

// hasPendingGenesis reports whether the relay has not yet acknowledged the document's
// genesis. ds.mu must be held.
func (ds *docState) hasPendingGenesis() bool {
	if len(ds.pendingOps) == 0 {
		return false
	}
	so, err := e2ee.DecodeSignedOp(ds.pendingOps[0])
	return err == nil && so.Op.Type == e2ee.OpCreate
}

// SetTitle changes a document's local title.
func (c *Client) SetTitle(ctx context.Context, id e2ee.DocID, title string) error {
	ds, err := c.open(ctx, id)
	if err != nil {
		return err
	}
	defer ds.mu.Unlock()
	if err := c.store.SetTitle(ctx, id, title); err != nil {
		return fmt.Errorf("set title: %w", err)
	}
	ds.title = title
	return nil
}

// Edit runs fn on the document and commits what it changed: the change is stored and sealed
// into the outbox before Edit returns, and pushed when a connection exists. When fn fails,
// nothing it changed is committed (the local replica is reloaded).
func (c *Client) Edit(ctx context.Context, id e2ee.DocID, fn func(Doc) error) error {
	ds, err := c.open(ctx, id)
	if err != nil {
		return err
	}
	defer ds.mu.Unlock()
	if err := c.writableLocked(ds); err != nil {
		return err
	}
	// Commit remote changes applied but not yet stored, so that the local change is
	// stored after the changes it depends on.
	if err := c.flushLocked(ctx, ds); err != nil {
		return err
	}
	doc, err := c.docLocked(ctx, ds)
	if err != nil {
		return err
	}
	if err := fn(doc); err != nil {
		if lerr := c.loadLocked(ctx, ds); lerr != nil {
			c.log.Error("reload after a failed edit", "doc", short(id), "err", lerr)
		}
		return err
	}
	change := doc.SaveIncremental()
	if len(change) == 0 {
		return nil
	}
	if err := c.commitLocalLocked(ctx, ds, change); err != nil {
		if lerr := c.loadLocked(ctx, ds); lerr != nil {
			c.log.Error("reload after a failed commit", "doc", short(id), "err", lerr)
		}
		return err
	}
	c.maybeCompactLocked(ctx, ds)
	c.emit(Event{Kind: EventOutbox, Doc: id, Pending: ds.pending()})
	c.pushNewLocked(ds)
	return nil
}

// writableLocked returns nil when this identity may change the document. ds.mu must be held.
func (c *Client) writableLocked(ds *docState) error {
	if ds.erased {
		return fmt.Errorf("document %s: %w", short(ds.id), ErrErased)
	}
	m := ds.membership()
	me, err := m.Member(m.Epoch(), c.id.ID())
	if err != nil || ds.keys == nil {
		return fmt.Errorf("document %s: %w", short(ds.id), ErrNotMember)
	}
	if !me.Role.CanWrite() {
		return fmt.Errorf("document %s as %s: %w", short(ds.id), me.Role, ErrReadOnly)
	}
	return nil
}

// commitLocalLocked seals change as this identity's next update and commits both to the
// store. ds.mu must be held.
func (c *Client) commitLocalLocked(ctx context.Context, ds *docState, change []byte) error {
	out, err := c.sealLocked(ds, e2ee.KindUpdate, change, ds.own)
	if err != nil {
		return err
	}
	err = c.store.CommitLocal(ctx, ds.id, change, out)
	if err != nil && !errors.Is(err, ErrNotFound) {
		// Another process sealed on this document meanwhile: continue its chain.
		rec, lerr := c.store.LoadDoc(ctx, ds.id)
		if lerr == nil && rec.Own.Seq != ds.own.Seq {
			ds.own = rec.Own
			ds.outbox = rec.Outbox
			if out, err = c.sealLocked(ds, e2ee.KindUpdate, change, ds.own); err == nil {
				err = c.store.CommitLocal(ctx, ds.id, change, out)
			}
		}
	}
	if err != nil {
		return fmt.Errorf("commit change to %s: %w", short(ds.id), err)
	}
	ds.own = e2ee.ChainHead{Author: c.id.ID(), Seq: out.Seq, Hash: out.Hash, Epoch: out.Epoch}
	ds.outbox = append(ds.outbox, out)
	ds.changes++
	ds.sinceOwn = 0
	return nil
}

// sealLocked seals plaintext as the envelope after prev in this identity's stored chain, at
// the current epoch. ds.mu must be held.
func (c *Client) sealLocked(ds *docState, kind e2ee.Kind, plaintext []byte, prev e2ee.ChainHead) (OutboxEntry, error) {
	if ds.keys == nil {
		return OutboxEntry{}, fmt.Errorf("document %s: %w", short(ds.id), ErrNotMember)
	}
	key := ds.keys.Primary()
	h := e2ee.Header{Kind: kind, Seq: prev.Seq + 1, Prev: prev.Hash, View: ds.chain.View(c.id.ID())}
	if kind == e2ee.KindReceipt {
		h.Time = c.cfg.Now().UnixMilli()
	}
	env, err := keyring.Seal(c.id, key, h, plaintext)
	if err != nil {
		return OutboxEntry{}, fmt.Errorf("seal change to %s: %w", short(ds.id), err)
	}
	out := OutboxEntry{Seq: h.Seq, Hash: e2ee.Hash(sha256.Sum256(env)), Epoch: ds.membership().Epoch(), Envelope: env}
	if kind == e2ee.KindUpdate {
		out.Change = plaintext
	}
	return out, nil
}

// Read runs fn on the document; fn must not change it.
func (c *Client) Read(ctx context.Context, id e2ee.DocID, fn func(Doc) error) error {
	ds, err := c.open(ctx, id)
	if err != nil {
		return err
	}
	defer ds.mu.Unlock()
	doc, err := c.docLocked(ctx, ds)
	if err != nil {
		return err
	}
	return fn(doc)
}

// Members lists the document's members at the current epoch.
func (c *Client) Members(ctx context.Context, id e2ee.DocID) ([]MemberInfo, error) {
	ds, err := c.open(ctx, id)
	if err != nil {
		return nil, err
	}
	defer ds.mu.Unlock()
	m := ds.membership()
	var out []MemberInfo
	for _, mem := range m.Members(m.Epoch()) {
		out = append(out, MemberInfo{Identity: mem.Identity, Role: mem.Role, Me: mem.ID() == c.id.ID()})
	}
	return out, nil
}

// maybeCompactLocked rewrites the stored content when enough changes piled up since the
// last compaction. The content comes from the store, not from ds.doc, so that changes another
// process committed are never dropped. ds.mu must be held.
func (c *Client) maybeCompactLocked(ctx context.Context, ds *docState) {
	if ds.changes < c.cfg.CompactEvery {
		return
	}
	if err := c.compact(ctx, ds.id); err != nil {
		c.log.Warn("compact local document", "doc", short(ds.id), "err", err)
		return
	}
	ds.changes = 0
}

// compact rewrites a document's stored content from the store's own record.
func (c *Client) compact(ctx context.Context, id e2ee.DocID) error {
	rec, err := c.store.LoadDoc(ctx, id)
	if err != nil {
		return err
	}
	doc, err := c.cfg.NewDoc(rec.Content)
	if err != nil {
		return err
	}
	for _, ch := range rec.Changes {
		if err := doc.LoadIncremental(ch); err != nil {
			return err
		}
	}
	return c.store.Compact(ctx, id, doc.Save(), len(rec.Changes))
}
