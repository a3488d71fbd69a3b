package sqlitedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
)

// Chunks describes a value stored as rows of chunks, such as an attachment, for
// [NewChunkReader].
type Chunks struct {
	// Query selects the offset and the bytes of the chunk that holds a position: it is given
	// Args followed by the position, and returns the row of the greatest offset at or before
	// it, or no row once the value is gone.
	Query string
	Args  []any
	// Size is the value's length in bytes.
	Size int64
	// Name names the value in errors, such as "blob 5f3a…".
	Name string
	// ErrNotFound is wrapped by the error of a read whose chunk is missing, as when the value
	// was deleted while it was read.
	ErrNotFound error
}

// ChunkReader reads a value stored as rows of chunks, one chunk at a time, each with a query
// of its own (and so in a read transaction of its own). It is an [io.ReadSeekCloser]; like
// any reader, it is for one goroutine at a time.
type ChunkReader struct {
	// ctx is the context of the call that opened the value: the reader belongs to that call,
	// and its reads end with it.
	ctx context.Context
	db  *sql.DB
	c   Chunks

	pos      int64
	chunkOff int64  // offset of chunk in the value
	chunk    []byte // the chunk last read, nil before the first
	closed   bool
}

var _ io.ReadSeekCloser = (*ChunkReader)(nil)

// NewChunkReader returns a reader of the value c describes, reading from db under ctx.
func NewChunkReader(ctx context.Context, db *sql.DB, c Chunks) *ChunkReader {
	return &ChunkReader{ctx: ctx, db: db, c: c}
}

// Read implements [io.Reader].
func (r *ChunkReader) Read(p []byte) (int, error) {
	if r.closed {
		return 0, fmt.Errorf("read %s: reader closed", r.c.Name)
	}
	if r.pos >= r.c.Size {
		return 0, io.EOF
	}
	if r.chunk == nil || r.pos < r.chunkOff || r.pos >= r.chunkOff+int64(len(r.chunk)) {
		if err := r.load(); err != nil {
			return 0, err
		}
	}
	n := copy(p, r.chunk[r.pos-r.chunkOff:])
	r.pos += int64(n)
	return n, nil
}

// load reads the chunk holding r.pos.
func (r *ChunkReader) load() error {
	var off int64
	var data []byte
	args := append(r.c.Args[:len(r.c.Args):len(r.c.Args)], r.pos)
	err := r.db.QueryRowContext(r.ctx, r.c.Query, args...).Scan(&off, &data)
	if errors.Is(err, sql.ErrNoRows) {
		err = r.c.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("read %s at %d: %w", r.c.Name, r.pos, err)
	}
	if r.pos >= off+int64(len(data)) {
		return fmt.Errorf("read %s at %d: chunks end at %d: %w", r.c.Name, r.pos, off+int64(len(data)), r.c.ErrNotFound)
	}
	r.chunkOff, r.chunk = off, data
	return nil
}

// Seek implements [io.Seeker]. A position past the end reads as [io.EOF].
func (r *ChunkReader) Seek(offset int64, whence int) (int64, error) {
	var abs int64
	switch whence {
	case io.SeekStart:
		abs = offset
	case io.SeekCurrent:
		abs = r.pos + offset
	case io.SeekEnd:
		abs = r.c.Size + offset
	default:
		return 0, fmt.Errorf("seek %s: invalid whence", r.c.Name)
	}
	if abs < 0 {
		return 0, fmt.Errorf("seek %s: negative position", r.c.Name)
	}
	r.pos = abs
	return abs, nil
}

// Close implements [io.Closer]; reads after it fail.
func (r *ChunkReader) Close() error {
	r.closed = true
	r.chunk = nil
	return nil
}
