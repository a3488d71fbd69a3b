package syncserver

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// The WebSocket library flushes every frame to the socket: one system call per frame. Under
// load a connection's send queue holds many frames at once (the acknowledgements of a batch
// of pushes, the entries of a busy document), so the connection's writer collects the frames
// it finds queued and writes them in one system call (batchWriter). Frames are never held
// back: the batch is written as soon as the queue is empty.
//
// The buffers of a connection are kept small, because every open connection keeps them for
// its lifetime and most connections idle: the HTTP server's are 4 KiB each way; the batch's
// buffer is taken from a pool only while the writer runs.
const (
	connReadBuffer  = 2 << 10
	connWriteBuffer = 512
	// maxWriteBatch bounds the bytes collected before they are written.
	maxWriteBatch = 64 << 10
)

// batchWriter is what the WebSocket library's buffered writer flushes to. Between start and
// flush, flushed bytes are collected; otherwise (a ping from the keepalive, the closing
// handshake) they go to the socket at once. Frames reach the socket whole either way, and a
// control frame may go between two messages, so the order of the two paths does not matter.
type batchWriter struct {
	nc      net.Conn
	timeout time.Duration

	mu       sync.Mutex // guards the fields below
	batching bool
	buf      *bytes.Buffer // from batchBuffers while batching
}

var batchBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (b *batchWriter) Write(p []byte) (int, error) {
	b.mu.Lock()
	if b.batching {
		defer b.mu.Unlock()
		return b.buf.Write(p)
	}
	b.mu.Unlock()
	return b.nc.Write(p)
}

// start collects what is written from now on.
func (b *batchWriter) start() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.batching {
		b.batching = true
		b.buf = batchBuffers.Get().(*bytes.Buffer)
	}
}

// full reports whether the batch should be written before more is added.
func (b *batchWriter) full() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.batching && b.buf.Len() >= maxWriteBatch
}

// flush writes what was collected, within the write timeout, and stops collecting.
func (b *batchWriter) flush() error {
	b.mu.Lock()
	if !b.batching {
		b.mu.Unlock()
		return nil
	}
	buf := b.buf
	b.batching, b.buf = false, nil
	b.mu.Unlock()
	defer func() {
		if buf.Cap() <= maxWriteBatch*2 {
			buf.Reset()
			batchBuffers.Put(buf)
		}
	}()
	if buf.Len() == 0 {
		return nil
	}
	// A peer that does not read for the write timeout is disconnected. The deadline is
	// cleared after, so that it does not fail the writes of the keepalive.
	b.nc.SetWriteDeadline(time.Now().Add(b.timeout))
	_, err := b.nc.Write(buf.Bytes())
	b.nc.SetWriteDeadline(time.Time{})
	if err != nil {
		return fmt.Errorf("write frames: %w", err)
	}
	return nil
}

// upgrade is the ResponseWriter of an upgrade to the WebSocket protocol: when the WebSocket
// library hijacks the connection, it gets small buffers, writing through a batchWriter,
// instead of the HTTP server's.
type upgrade struct {
	http.ResponseWriter
	writeTimeout time.Duration
	out          *batchWriter // set by Hijack
}

func (w *upgrade) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *upgrade) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	h, ok := w.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("hijack: the response writer cannot")
	}
	nc, brw, err := h.Hijack()
	if err != nil {
		return nil, nil, fmt.Errorf("hijack: %w", err)
	}
	w.out = &batchWriter{nc: nc, timeout: w.writeTimeout}
	bw := bufio.NewWriterSize(w.out, connWriteBuffer)
	n := brw.Reader.Buffered()
	if n > connReadBuffer {
		return nc, bufio.NewReadWriter(brw.Reader, bw), nil
	}
	br := bufio.NewReaderSize(nc, connReadBuffer)
	if n > 0 {
		// Bytes the client sent right after its request: they go first, and into the new
		// buffer, where the WebSocket library looks for them.
		early, _ := brw.Reader.Peek(n)
		br = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(bytes.Clone(early)), nc), connReadBuffer)
		if _, err := br.Peek(n); err != nil {
			return nil, nil, fmt.Errorf("hijack: %w", err)
		}
	}
	return nc, bufio.NewReadWriter(br, bw), nil
}
