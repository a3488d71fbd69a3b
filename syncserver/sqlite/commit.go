package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/syncserver"
)

// groupCommitter is the one goroutine that writes appends: it takes every AppendVerified call
// waiting at the moment, applies them in one transaction, commits once (one sync of the WAL)
// and then answers each caller.
//
// A call is checked completely before any of it is written (the checks read the state the
// batch has built so far), so a refused call writes nothing and needs no savepoint; a failure
// while writing is an I/O error and fails the whole batch. Each document's row is read once
// and written once per batch.
type groupCommitter struct {
	s    *Store
	reqs chan *appendReq // closed by Close, under s.mu
	done chan struct{}   // closed when run returns, after answering every request
}

type appendReq struct {
	ctx  context.Context // the caller's; a request whose caller left is not applied
	doc  e2ee.DocID
	envs []e2ee.VerifiedEnvelope
	res  chan appendResult // buffered: the committer never waits for a caller
}

type appendResult struct {
	out []syncserver.Appended
	err error
}

// appendStmts are the statements of the append path, prepared once on the write connection:
// parsing SQL would otherwise cost more than executing it.
type appendStmts struct {
	doc, authorHead, entryAt, insert, updateDoc *sql.Stmt
}

func prepareAppendStmts(ctx context.Context, db *sql.DB) (*appendStmts, error) {
	var st appendStmts
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&st.doc, selectDoc},
		{&st.authorHead, "SELECT seq, hash FROM entries WHERE doc_id = ? AND author = ? ORDER BY seq DESC LIMIT 1"},
		{&st.entryAt, "SELECT off, hash FROM entries WHERE doc_id = ? AND author = ? AND seq = ?"},
		{&st.insert, "INSERT INTO entries (doc_id, off, author, seq, hash, stored_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?)"},
		{&st.updateDoc, "UPDATE documents SET head = ?, bytes = bytes + ? WHERE id = ?"},
	} {
		stmt, err := db.PrepareContext(ctx, p.sql)
		if err != nil {
			return nil, fmt.Errorf("prepare %q: %w", p.sql, err)
		}
		*p.dst = stmt
	}
	return &st, nil
}

// in returns the statements bound to tx.
func (st *appendStmts) in(ctx context.Context, tx *sql.Tx) *appendStmts {
	return &appendStmts{
		doc: tx.StmtContext(ctx, st.doc), authorHead: tx.StmtContext(ctx, st.authorHead),
		entryAt: tx.StmtContext(ctx, st.entryAt), insert: tx.StmtContext(ctx, st.insert),
		updateDoc: tx.StmtContext(ctx, st.updateDoc),
	}
}

func newGroupCommitter(s *Store) *groupCommitter {
	return &groupCommitter{s: s, reqs: make(chan *appendReq, s.opts.MaxBatch), done: make(chan struct{})}
}

// run commits batches until reqs is closed and drained.
func (g *groupCommitter) run() {
	defer close(g.done)
	for r := range g.reqs {
		batch := []*appendReq{r}
	more:
		for len(batch) < g.s.opts.MaxBatch {
			select {
			case r, ok := <-g.reqs:
				if !ok {
					break more
				}
				batch = append(batch, r)
			default:
				break more
			}
		}
		g.commit(batch)
	}
}

// commit applies batch in one transaction and answers every request in it.
func (g *groupCommitter) commit(batch []*appendReq) {
	s := g.s
	results := make([]appendResult, len(batch))
	failAll := func(err error) {
		for _, r := range batch {
			r.res <- appendResult{err: err}
		}
	}
	// The commit is not abandoned because one caller left: others wait for it.
	ctx := context.Background()
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		s.log.Error("begin append transaction", "err", err)
		failAll(fmt.Errorf("append: begin transaction: %w", err))
		return
	}
	now := s.now().UnixMilli()
	st := s.stmts.in(ctx, tx)
	docs := map[e2ee.DocID]*batchDoc{}
	for i, r := range batch {
		if err := r.ctx.Err(); err != nil {
			results[i].err = fmt.Errorf("append: %w", err)
			continue
		}
		bd, ok := docs[r.doc]
		if !ok {
			bd = loadBatchDoc(ctx, st, r.doc)
			docs[r.doc] = bd
		}
		out, err := bd.append(ctx, st, r.envs, now)
		var fatal *writeError
		if errors.As(err, &fatal) {
			tx.Rollback()
			s.log.Error("write appends", "err", err)
			failAll(err)
			return
		}
		results[i] = appendResult{out: out, err: err}
	}
	for _, bd := range docs {
		if err := bd.flush(ctx, st); err != nil {
			tx.Rollback()
			s.log.Error("write appends", "err", err)
			failAll(err)
			return
		}
	}
	if err := tx.Commit(); err != nil {
		s.log.Error("commit appends", "err", err, "calls", len(batch))
		failAll(fmt.Errorf("append: commit: %w", err))
		return
	}
	s.commits.Add(1)
	s.ckpt.committed()
	for i, r := range batch {
		r.res <- results[i]
	}
}

// AppendVerified implements [syncserver.LogStore]. It hands envs to the group committer and
// waits for the commit that includes them. If ctx ends while it waits, it returns ctx's
// error, and the envelopes may or may not have been stored (re-sending them is safe).
func (s *Store) AppendVerified(ctx context.Context, doc e2ee.DocID, envs []e2ee.VerifiedEnvelope) ([]syncserver.Appended, error) {
	if len(envs) == 0 {
		return nil, nil
	}
	r := &appendReq{ctx: ctx, doc: doc, envs: envs, res: make(chan appendResult, 1)}
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return nil, ErrClosed
	}
	select {
	case s.writer.reqs <- r:
	case <-ctx.Done():
		s.mu.RUnlock()
		return nil, fmt.Errorf("append to %s: %w", doc, ctx.Err())
	}
	s.mu.RUnlock()
	select {
	case res := <-r.res:
		return res.out, res.err
	case <-ctx.Done():
		return nil, fmt.Errorf("append to %s: %w (the envelopes may be stored)", doc, ctx.Err())
	}
}

// batchDoc is a document as a batch of appends sees it: its row as read at the batch's start,
// with the head and size the batch has reached, and the authors' heads it has looked up or
// moved.
type batchDoc struct {
	doc     e2ee.DocID
	row     docRow
	err     error // ErrNotFound or ErrErased (every append to the document fails with it), or a read error
	added   int64 // envelope bytes the batch appended
	authors map[e2ee.IdentityID]authorHead
}

type authorHead struct {
	seq  uint64
	hash e2ee.Hash
}

// writeError is a failure to write, after the checks passed: the transaction is unusable.
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

func loadBatchDoc(ctx context.Context, st *appendStmts, doc e2ee.DocID) *batchDoc {
	row, err := scanDoc(st.doc.QueryRowContext(ctx, doc[:]), true)
	return &batchDoc{doc: doc, row: row, err: err, authors: map[e2ee.IdentityID]authorHead{}}
}

// head returns the author's last stored sequence number and hash, as far as the batch knows.
func (bd *batchDoc) head(ctx context.Context, st *appendStmts, author e2ee.IdentityID) (authorHead, error) {
	if h, ok := bd.authors[author]; ok {
		return h, nil
	}
	var h authorHead
	var hash []byte
	switch err := st.authorHead.QueryRowContext(ctx, bd.row.id, author[:]).Scan(&h.seq, &hash); {
	case err == sql.ErrNoRows:
	case err != nil:
		return h, fmt.Errorf("read author head: %w", err)
	case len(hash) != len(h.hash):
		return h, fmt.Errorf("corrupt entry: hash of %d bytes", len(hash))
	default:
		h.hash = e2ee.Hash(hash)
	}
	bd.authors[author] = h
	return h, nil
}

// append checks envs against the document and the batch so far, then writes them (see
// [syncserver.LogStore.AppendVerified]). A refusal writes nothing; a *writeError means the
// transaction must be rolled back.
func (bd *batchDoc) append(ctx context.Context, st *appendStmts, envs []e2ee.VerifiedEnvelope, now int64) ([]syncserver.Appended, error) {
	doc := bd.doc
	if bd.err != nil {
		return nil, fmt.Errorf("append to %s: %w", doc, bd.err)
	}
	// Check every envelope before writing any; heads and pending see the ones before it.
	heads := map[e2ee.IdentityID]authorHead{} // authors moved by this call
	pending := map[authorHead]uint64{}        // (seq, hash) appended by this call → offset
	out := make([]syncserver.Appended, len(envs))
	head := bd.row.head
	var writes []int // indexes of envs to insert
	for i, v := range envs {
		if v.IsZero() {
			return nil, fmt.Errorf("append to %s: envelope %d: %w: zero VerifiedEnvelope", doc, i, e2ee.ErrMalformed)
		}
		h := v.Header()
		switch {
		case h.Doc != doc:
			return nil, fmt.Errorf("append to %s: envelope %d: %w", doc, i, e2ee.ErrWrongDocument)
		case h.Kind == e2ee.KindEphemeral:
			return nil, fmt.Errorf("append to %s: envelope %d: %w: ephemeral envelopes are never stored", doc, i, e2ee.ErrNotAllowed)
		}
		last, ok := heads[h.Author]
		if !ok {
			var err error
			if last, err = bd.head(ctx, st, h.Author); err != nil {
				return nil, &writeError{fmt.Errorf("append to %s: %w", doc, err)}
			}
		}
		hash := v.Hash()
		switch {
		case h.Seq <= last.seq:
			if off, ok := pending[authorHead{h.Seq, hash}]; ok {
				out[i] = syncserver.Appended{Offset: off, Duplicate: true}
				continue
			}
			var off uint64
			var stored []byte
			if err := st.entryAt.QueryRowContext(ctx, bd.row.id, h.Author[:], h.Seq).Scan(&off, &stored); err == sql.ErrNoRows {
				// Not stored: appended by this call under another hash.
				return nil, fmt.Errorf("append to %s: author %s seq %d twice: %w", doc, h.Author.Short(), h.Seq, syncserver.ErrConflict)
			} else if err != nil {
				return nil, &writeError{fmt.Errorf("append to %s: read entry of author %s seq %d: %w", doc, h.Author.Short(), h.Seq, err)}
			}
			if !bytes.Equal(stored, hash[:]) {
				return nil, fmt.Errorf("append to %s: author %s seq %d: %w", doc, h.Author.Short(), h.Seq, syncserver.ErrConflict)
			}
			out[i] = syncserver.Appended{Offset: off, Duplicate: true}
			continue
		case h.Seq > last.seq+1:
			return nil, fmt.Errorf("append to %s: author %s seq %d after %d: %w", doc, h.Author.Short(), h.Seq, last.seq, syncserver.ErrSequenceGap)
		case last.seq > 0 && last.hash != h.Prev:
			return nil, fmt.Errorf("append to %s: author %s seq %d does not follow its previous envelope: %w", doc, h.Author.Short(), h.Seq, syncserver.ErrConflict)
		}
		head++
		heads[h.Author] = authorHead{h.Seq, hash}
		pending[authorHead{h.Seq, hash}] = head
		out[i] = syncserver.Appended{Offset: head}
		writes = append(writes, i)
	}
	// Write.
	for _, i := range writes {
		v := envs[i]
		h, hash, raw := v.Header(), v.Hash(), v.Bytes()
		if _, err := st.insert.ExecContext(ctx, bd.row.id, out[i].Offset, h.Author[:], h.Seq, hash[:], now, raw); err != nil {
			return nil, &writeError{fmt.Errorf("append to %s: insert entry: %w", doc, err)}
		}
		bd.added += int64(len(raw))
	}
	bd.row.head = head
	for a, h := range heads {
		bd.authors[a] = h
	}
	return out, nil
}

// flush writes the document's new head and size, if the batch appended to it.
func (bd *batchDoc) flush(ctx context.Context, st *appendStmts) error {
	if bd.err != nil || bd.added == 0 {
		return nil
	}
	if _, err := st.updateDoc.ExecContext(ctx, bd.row.head, bd.added, bd.row.id); err != nil {
		return &writeError{fmt.Errorf("append to %s: update head: %w", bd.doc, err)}
	}
	return nil
}

// appendTx appends envs to doc in tx outside the group committer (see
// [syncserver.LogStore.AppendVerified]); the caller rolls tx back on error.
func appendTx(ctx context.Context, st *appendStmts, doc e2ee.DocID, envs []e2ee.VerifiedEnvelope, now int64) ([]syncserver.Appended, error) {
	bd := loadBatchDoc(ctx, st, doc)
	out, err := bd.append(ctx, st, envs, now)
	if err != nil {
		return nil, err
	}
	return out, bd.flush(ctx, st)
}
