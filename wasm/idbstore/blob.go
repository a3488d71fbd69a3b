//go:build js

package idbstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
)

// chunkSize is the size of the chunks an attachment's ciphertext is stored in: small enough
// that one chunk is a short transaction and a modest allocation, large enough that a 100 MiB
// attachment is a few hundred rows.
const chunkSize = 256 << 10

// staleStaging is the age after which chunks that no blob record refers to are taken for the
// leftovers of an interrupted PutBlob and deleted when a store opens. It is generous, so that
// another tab's PutBlob in progress is not mistaken for one.
const staleStaging = time.Hour

// blobMeta is the stored form of a blob record. Set names the chunk set holding its bytes.
type blobMeta struct {
	Size     int64  `json:"size"`
	Uploaded bool   `json:"uploaded,omitempty"`
	Set      string `json:"set"`
	Chunks   int    `json:"chunks"`
}

func blobKey(doc e2ee.DocID, blob e2ee.Hash) []any {
	return []any{docKey(doc), hex.EncodeToString(blob[:])}
}

func chunkKey(doc e2ee.DocID, blob e2ee.Hash, set string, i int) []any {
	return []any{docKey(doc), hex.EncodeToString(blob[:]), set, i}
}

// getBlob reads a blob's record in t; ok is false when there is none.
func getBlob(t *tx, doc e2ee.DocID, blob e2ee.Hash) (m blobMeta, ok bool, err error) {
	v, err := t.get(stBlobs, blobKey(doc, blob))
	if err != nil || v.IsUndefined() {
		return m, false, err
	}
	if err := json.Unmarshal([]byte(v.String()), &m); err != nil {
		return m, false, fmt.Errorf("stored blob record: %w", err)
	}
	return m, true, nil
}

func putBlob(t *tx, doc e2ee.DocID, blob e2ee.Hash, m blobMeta) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return t.put(stBlobs, string(b), blobKey(doc, blob))
}

// newSet names a new chunk set: the time it was started (for [Store.collectGarbage]) and
// random bits, so that concurrent PutBlobs of one blob write apart.
func newSet() string {
	var b [8]byte
	rand.Read(b[:])
	return fmt.Sprintf("%013d-%x", time.Now().UnixMilli(), b)
}

// setStarted returns when the chunk set was started.
func setStarted(set string) (time.Time, bool) {
	ms, _, ok := strings.Cut(set, "-")
	n, err := strconv.ParseInt(ms, 10, 64)
	if !ok || err != nil {
		return time.Time{}, false
	}
	return time.UnixMilli(n), true
}

// PutBlob implements [client.Store].
//
// An attachment may be far larger than what one transaction should hold, and r may be slow
// (a decrypting pipe); a transaction cannot wait for it. So the chunks are written one
// transaction each into a new chunk set that nothing refers to yet, and a last transaction
// stores the blob record that makes them the blob: before it, the blob does not exist; after
// it, it is complete and durable. A failed or cancelled PutBlob deletes its chunks; one that
// dies with the tab leaves them to [Store.collectGarbage].
func (s *Store) PutBlob(ctx context.Context, doc e2ee.DocID, blob e2ee.Hash, r io.Reader) error {
	if err := s.putBlob(ctx, doc, blob, r); err != nil {
		return fmt.Errorf("store blob %s of %s: %w", blob, doc, err)
	}
	return nil
}

func (s *Store) putBlob(ctx context.Context, doc e2ee.DocID, blob e2ee.Hash, r io.Reader) error {
	var stored bool
	err := s.read(ctx, []string{stDocs, stBlobs}, func(t *tx) error {
		if _, err := getMeta(t, doc); err != nil {
			return err
		}
		_, ok, err := getBlob(t, doc, blob)
		stored = ok
		return err
	})
	if err != nil {
		return err
	}
	if stored {
		// Read r to its end all the same, so that a writer feeding it through a pipe is not
		// left blocked.
		_, err := io.Copy(io.Discard, ctxReader{ctx, r})
		return err
	}

	set := newSet()
	size, chunks, err := s.stage(ctx, doc, blob, set, r)
	if err != nil {
		s.dropSet(doc, blob, set)
		return err
	}
	dropped := false
	err = s.write(ctx, []string{stDocs, stBlobs, stChunks}, func(t *tx) error {
		if _, err := getMeta(t, doc); err != nil {
			return err // deleted while r was read
		}
		_, ok, err := getBlob(t, doc, blob)
		if err != nil {
			return err
		}
		if ok {
			// Stored meanwhile by a concurrent PutBlob: the same bytes, as the ID is their hash.
			dropped = true
			return t.del(stChunks, prefixRange(docKey(doc), hex.EncodeToString(blob[:]), set))
		}
		return putBlob(t, doc, blob, blobMeta{Size: size, Set: set, Chunks: chunks})
	})
	if err != nil && !dropped {
		s.dropSet(doc, blob, set)
	}
	return err
}

// stage writes r in chunks into the chunk set, and returns its size and number of chunks.
func (s *Store) stage(ctx context.Context, doc e2ee.DocID, blob e2ee.Hash, set string, r io.Reader) (int64, int, error) {
	var size int64
	buf := make([]byte, chunkSize)
	for i := 0; ; i++ {
		n, err := io.ReadFull(ctxReader{ctx, r}, buf)
		if n > 0 {
			chunk := bytesToJS(buf[:n])
			werr := s.write(ctx, []string{stChunks}, func(t *tx) error {
				return t.put(stChunks, chunk, chunkKey(doc, blob, set, i))
			})
			if werr != nil {
				return 0, 0, werr
			}
			size += int64(n)
		}
		switch {
		case err == io.EOF, err == io.ErrUnexpectedEOF:
			return size, i + boolInt(n > 0), nil
		case err != nil:
			return 0, 0, err
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// dropSet deletes the chunks of an unfinished PutBlob, as far as it can: what it cannot
// delete, collectGarbage deletes later.
func (s *Store) dropSet(doc e2ee.DocID, blob e2ee.Hash, set string) {
	// Not the caller's context, which may be why the put failed. IndexedDB calls do not
	// hang, so no timeout either (a Go timer would keep a JavaScript timeout pending).
	_ = s.write(context.Background(), []string{stChunks}, func(t *tx) error {
		return t.del(stChunks, prefixRange(docKey(doc), hex.EncodeToString(blob[:]), set))
	})
}

// collectGarbage deletes chunk sets that no blob record refers to and that were started long
// ago: the leftovers of PutBlobs that died with their tab. Failing does no harm.
func (s *Store) collectGarbage(ctx context.Context) {
	_ = s.write(ctx, []string{stBlobs, stChunks}, func(t *tx) error {
		metas, err := t.call(stBlobs, "getAll")
		if err != nil {
			return err
		}
		live := map[string]bool{}
		for i := range metas.Length() {
			var m blobMeta
			if json.Unmarshal([]byte(metas.Index(i).String()), &m) == nil {
				live[m.Set] = true
			}
		}
		keys, err := t.call(stChunks, "getAllKeys")
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for i := range keys.Length() {
			k := keys.Index(i)
			doc, blob, set := k.Index(0).String(), k.Index(1).String(), k.Index(2).String()
			if live[set] || seen[set] {
				continue
			}
			seen[set] = true
			if started, ok := setStarted(set); ok && time.Since(started) < staleStaging {
				continue
			}
			if err := t.del(stChunks, prefixRange(doc, blob, set)); err != nil {
				return err
			}
		}
		return nil
	})
}

// ctxReader reads from r until ctx ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// OpenBlob implements [client.Store]. The reader reads one chunk at a time, each in its own
// transaction; it reads the blob as it was when opened (chunks are never rewritten) and fails
// if the blob's document is deleted meanwhile.
func (s *Store) OpenBlob(ctx context.Context, doc e2ee.DocID, blob e2ee.Hash) (io.ReadSeekCloser, int64, error) {
	var m blobMeta
	err := s.read(ctx, []string{stDocs, stBlobs}, func(t *tx) error {
		if _, err := getMeta(t, doc); err != nil {
			return err
		}
		var ok bool
		var err error
		if m, ok, err = getBlob(t, doc, blob); err == nil && !ok {
			err = client.ErrNotFound
		}
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("open blob %s of %s: %w", blob, doc, err)
	}
	return &blobReader{s: s, doc: doc, blob: blob, meta: m, chunk: -1}, m.Size, nil
}

// blobReader reads a stored blob chunk by chunk.
type blobReader struct {
	s    *Store
	doc  e2ee.DocID
	blob e2ee.Hash
	meta blobMeta
	pos  int64

	chunk int    // index of the chunk in data; -1 for none
	data  []byte // that chunk
}

var errBlobGone = errors.New("idbstore: blob deleted while it was read")

func (b *blobReader) Read(p []byte) (int, error) {
	if b.pos >= b.meta.Size {
		return 0, io.EOF
	}
	i := int(b.pos / chunkSize)
	if i != b.chunk {
		if err := b.load(i); err != nil {
			return 0, err
		}
	}
	off := b.pos - int64(i)*chunkSize
	if off >= int64(len(b.data)) {
		return 0, fmt.Errorf("idbstore: blob chunk %d holds %d bytes, want more than %d", i, len(b.data), off)
	}
	n := copy(p, b.data[off:])
	b.pos += int64(n)
	return n, nil
}

func (b *blobReader) load(i int) error {
	var data []byte
	err := b.s.read(context.Background(), []string{stChunks}, func(t *tx) error {
		v, err := t.get(stChunks, chunkKey(b.doc, b.blob, b.meta.Set, i))
		if err != nil {
			return err
		}
		if v.IsUndefined() {
			return errBlobGone
		}
		data, err = bytesFromJS(v)
		return err
	})
	if err != nil {
		return fmt.Errorf("read blob %s: %w", b.blob, err)
	}
	b.chunk, b.data = i, data
	return nil
}

func (b *blobReader) Seek(offset int64, whence int) (int64, error) {
	var abs int64
	switch whence {
	case io.SeekStart:
		abs = offset
	case io.SeekCurrent:
		abs = b.pos + offset
	case io.SeekEnd:
		abs = b.meta.Size + offset
	default:
		return 0, errors.New("idbstore: invalid whence")
	}
	if abs < 0 {
		return 0, errors.New("idbstore: negative position")
	}
	b.pos = abs
	return abs, nil
}

func (b *blobReader) Close() error {
	b.data, b.chunk = nil, -1
	return nil
}

// Blobs implements [client.Store], ordered by document, then blob ID.
func (s *Store) Blobs(ctx context.Context, doc e2ee.DocID) ([]client.BlobRecord, error) {
	var out []client.BlobRecord
	err := s.read(ctx, []string{stBlobs}, func(t *tx) error {
		var query []any
		if !doc.IsZero() {
			query = []any{prefixRange(docKey(doc))}
		}
		keys, err := t.call(stBlobs, "getAllKeys", query...)
		if err != nil {
			return err
		}
		vals, err := t.call(stBlobs, "getAll", query...)
		if err != nil {
			return err
		}
		for i := range keys.Length() {
			rec := client.BlobRecord{}
			k := keys.Index(i)
			if err := decodeHex(rec.Doc[:], k.Index(0).String()); err != nil {
				return err
			}
			if err := decodeHex(rec.ID[:], k.Index(1).String()); err != nil {
				return err
			}
			var m blobMeta
			if err := json.Unmarshal([]byte(vals.Index(i).String()), &m); err != nil {
				return fmt.Errorf("stored blob record: %w", err)
			}
			rec.Size, rec.Uploaded = m.Size, m.Uploaded
			out = append(out, rec)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list blobs of %s: %w", doc, err)
	}
	return out, nil
}

// BlobUploaded implements [client.Store].
func (s *Store) BlobUploaded(ctx context.Context, doc e2ee.DocID, blob e2ee.Hash) error {
	err := s.write(ctx, []string{stBlobs}, func(t *tx) error {
		m, ok, err := getBlob(t, doc, blob)
		if err != nil {
			return err
		}
		if !ok {
			return client.ErrNotFound
		}
		if m.Uploaded {
			return nil
		}
		m.Uploaded = true
		return putBlob(t, doc, blob, m)
	})
	if err != nil {
		return fmt.Errorf("mark blob %s of %s uploaded: %w", blob, doc, err)
	}
	return nil
}
