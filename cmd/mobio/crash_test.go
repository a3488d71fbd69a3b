package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

// crashChildEnv, set in a child's environment, makes the test binary run mobio's main with
// its arguments instead of the tests: the crash test's relay is a real process it can kill.
const crashChildEnv = "MOBIO_CRASH_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(crashChildEnv) == "1" {
		main() // exits
	}
	os.Exit(m.Run())
}

// crashTimeout bounds every wait of the crash test: a frame, a log line, a process's exit.
const crashTimeout = 10 * time.Second

// crashRelay is `mobio serve` running as a child process.
type crashRelay struct {
	cmd    *exec.Cmd
	addr   string        // 127.0.0.1:PORT
	exited chan struct{} // closed when the process has exited and its stderr is read
	err    error         // Wait's error; read after exited

	mu     sync.Mutex
	stderr bytes.Buffer
}

// startCrashRelay starts the relay on dir and returns once it listens. The test's cleanup
// kills it if it still runs.
func startCrashRelay(t *testing.T, dir string) *crashRelay {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatalf("find the test binary: %v", err)
	}
	cmd := exec.Command(exe, "serve",
		"--addr", "127.0.0.1:0",
		"--data", dir,
		"--pushes-per-second", "1000000",
		"--push-burst", "1000000",
		"--drain-timeout", "5s",
		"--log-level", "warn",
	)
	cmd.Env = append(os.Environ(), crashChildEnv+"=1")
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatalf("stderr pipe: %v", err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start mobio serve: %v", err)
	}
	r := &crashRelay{cmd: cmd, exited: make(chan struct{})}
	listening := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			line := sc.Text()
			r.mu.Lock()
			r.stderr.WriteString(line + "\n")
			r.mu.Unlock()
			if rest, ok := strings.CutPrefix(line, "mobio relay listening on http://"); ok {
				select {
				case listening <- rest:
				default:
				}
			}
		}
		r.err = cmd.Wait() // after every read of the pipe, as os/exec wants
		close(r.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-r.exited:
		default:
			_ = cmd.Process.Kill()
			<-r.exited
		}
	})
	select {
	case r.addr = <-listening:
	case <-r.exited:
		t.Fatalf("mobio serve exited before listening: %v\n%s", r.err, r.log())
	case <-time.After(crashTimeout):
		t.Fatalf("mobio serve did not listen within %v\n%s", crashTimeout, r.log())
	}
	return r
}

func (r *crashRelay) log() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stderr.String()
}

// stop sends sig and waits for the process to exit, returning Wait's error.
func (r *crashRelay) stop(t *testing.T, sig syscall.Signal) error {
	t.Helper()
	if err := r.cmd.Process.Signal(sig); err != nil {
		t.Fatalf("signal %v: %v", sig, err)
	}
	select {
	case <-r.exited:
		return r.err
	case <-time.After(crashTimeout):
		t.Fatalf("mobio serve did not exit within %v of %v\n%s", crashTimeout, sig, r.log())
		return nil
	}
}

// wsClient is a minimal protocol client: one request at a time, answers read in line.
type wsClient struct {
	ws   *websocket.Conn
	next uint64
}

func dialRelay(ctx context.Context, addr string, id *keyring.Identity) (*wsClient, error) {
	ws, _, err := websocket.Dial(ctx, "ws://"+addr+"/sync", &websocket.DialOptions{Subprotocols: []string{protocol.Subprotocol}})
	if err != nil {
		return nil, fmt.Errorf("dial the relay: %w", err)
	}
	ws.SetReadLimit(16 << 20)
	c := &wsClient{ws: ws}
	if err := c.handshake(ctx, addr, id); err != nil {
		ws.CloseNow()
		return nil, err
	}
	return c, nil
}

func (c *wsClient) close() { c.ws.CloseNow() }

func (c *wsClient) send(ctx context.Context, f protocol.Frame) error {
	b, err := protocol.Encode(f)
	if err != nil {
		return fmt.Errorf("encode %s: %w", f.Type(), err)
	}
	return c.ws.Write(ctx, websocket.MessageBinary, b)
}

func (c *wsClient) read(ctx context.Context) (protocol.Frame, error) {
	ctx, cancel := context.WithTimeout(ctx, crashTimeout)
	defer cancel()
	_, b, err := c.ws.Read(ctx)
	if err != nil {
		return nil, fmt.Errorf("read a frame: %w", err)
	}
	return protocol.Decode(b, 16<<20)
}

func (c *wsClient) handshake(ctx context.Context, addr string, id *keyring.Identity) error {
	if err := c.send(ctx, protocol.Hello{Version: protocol.Version, Software: "mobio-crash-test"}); err != nil {
		return fmt.Errorf("send hello: %w", err)
	}
	f, err := c.read(ctx)
	if err != nil {
		return err
	}
	ch, ok := f.(protocol.Challenge)
	if !ok {
		return fmt.Errorf("got %s, want a challenge", f.Type())
	}
	now := time.Now().Truncate(time.Millisecond)
	origin := "ws://" + addr
	sig, err := id.Sign(e2ee.LabelAuth, ch.Nonce[:], []byte(origin), binary.BigEndian.AppendUint64(nil, uint64(now.UnixMilli())))
	if err != nil {
		return fmt.Errorf("sign auth: %w", err)
	}
	if err := c.send(ctx, protocol.Auth{Identity: id.Public(), Origin: origin, Time: now, Signature: sig}); err != nil {
		return fmt.Errorf("send auth: %w", err)
	}
	if f, err = c.read(ctx); err != nil {
		return err
	}
	if _, ok := f.(protocol.AuthOK); !ok {
		return fmt.Errorf("got %s %+v, want auth-ok", f.Type(), f)
	}
	return nil
}

// request sends the frame made with a fresh request ID and returns its answer.
func (c *wsClient) request(ctx context.Context, build func(id uint64) protocol.Frame) (protocol.Frame, error) {
	c.next++
	id := c.next
	if err := c.send(ctx, build(id)); err != nil {
		return nil, err
	}
	for {
		f, err := c.read(ctx)
		if err != nil {
			return nil, err
		}
		switch a := f.(type) {
		case protocol.Ack:
			if a.ReqID == id {
				return a, nil
			}
		case protocol.OpAck:
			if a.ReqID == id {
				return a, nil
			}
		case protocol.LogEntries:
			if a.ReqID == id {
				return a, nil
			}
		case protocol.Subscribed:
			if a.ReqID == id {
				return a, nil
			}
		case protocol.Error:
			if a.ReqID == id || a.ReqID == 0 {
				return nil, fmt.Errorf("request refused: %w", &a)
			}
		}
	}
}

// storedEntry is an entry of a document's log, as acknowledged or as read back.
type storedEntry struct {
	offset protocol.Offset
	hash   e2ee.Hash
}

// crashWriter is one writer: its own identity and connection, its chain in one document.
type crashWriter struct {
	id     *keyring.Identity
	doc    int
	key    *keyring.EpochKey
	seq    uint64               // last acknowledged sequence number of its chain
	prev   e2ee.Hash            // hash of that envelope
	sealed map[e2ee.Hash]uint64 // every envelope sealed: its sequence number
	// pending is the envelope pushed (or about to be) without an acknowledgement yet.
	pending []byte
}

// crashDocs is the state the test keeps of its documents.
type crashDocs struct {
	ids  [2]e2ee.DocID
	logs [2]*e2ee.Log
	ops  [2][][]byte

	mu     sync.Mutex
	acked  map[e2ee.Hash]storedEntry // every acknowledged envelope
	ackDoc map[e2ee.Hash]int
}

func (d *crashDocs) record(t *testing.T, doc int, a protocol.Ack) {
	d.mu.Lock()
	defer d.mu.Unlock()
	e := storedEntry{offset: a.Offset, hash: a.Hash}
	if old, ok := d.acked[a.Hash]; ok && old != e {
		t.Errorf("envelope %x acknowledged at offset %d, before at %d", a.Hash[:6], a.Offset, old.offset)
	}
	d.acked[a.Hash] = e
	d.ackDoc[a.Hash] = doc
}

// push seals w's next envelope unless one is pending, pushes it and records its ack.
func (w *crashWriter) push(ctx context.Context, t *testing.T, c *wsClient, docs *crashDocs, n int) (protocol.Ack, error) {
	if w.pending == nil {
		raw, err := keyring.Seal(w.id, w.key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: w.seq + 1, Prev: w.prev}, fmt.Appendf(nil, "writer change %d", n))
		if err != nil {
			return protocol.Ack{}, fmt.Errorf("seal: %w", err)
		}
		w.sealed[sha256.Sum256(raw)] = w.seq + 1
		w.pending = raw
	}
	f, err := c.request(ctx, func(id uint64) protocol.Frame {
		return protocol.Push{ReqID: id, Doc: docs.ids[w.doc], Envelope: w.pending}
	})
	if err != nil {
		return protocol.Ack{}, err
	}
	a := f.(protocol.Ack)
	h := sha256.Sum256(w.pending)
	if a.Hash != h || a.Doc != docs.ids[w.doc] {
		t.Errorf("ack %+v does not match the envelope %x pushed to document %d", a, h[:6], w.doc)
	}
	docs.record(t, w.doc, a)
	w.seq, w.prev, w.pending = w.sealed[h], h, nil
	return a, nil
}

// readBack subscribes to every document from offset 0 on a fresh connection and returns its
// entries by hash; it checks that the membership logs hold the operations acknowledged.
func readBack(ctx context.Context, t *testing.T, addr string, ws []*crashWriter, docs *crashDocs) [2]map[e2ee.Hash]storedEntry {
	t.Helper()
	var out [2]map[e2ee.Hash]storedEntry
	for d := range 2 {
		c, err := dialRelay(ctx, addr, ws[d].id)
		if err != nil {
			t.Fatalf("connect to read back: %v", err)
		}
		f, err := c.request(ctx, func(id uint64) protocol.Frame { return protocol.LogFetch{ReqID: id, Doc: docs.ids[d]} })
		if err != nil {
			t.Fatalf("fetch the membership log of document %d: %v", d, err)
		}
		if le := f.(protocol.LogEntries); len(le.Ops) != len(docs.ops[d]) || le.More {
			t.Fatalf("document %d: membership log has %d operations (more %v), want %d", d, len(le.Ops), le.More, len(docs.ops[d]))
		} else {
			for i := range le.Ops {
				if !bytes.Equal(le.Ops[i], docs.ops[d][i]) {
					t.Fatalf("document %d: membership operation %d differs from the one acknowledged", d, i+1)
				}
			}
		}
		if _, err := c.request(ctx, func(id uint64) protocol.Frame { return protocol.Subscribe{ReqID: id, Doc: docs.ids[d]} }); err != nil {
			t.Fatalf("subscribe to document %d: %v", d, err)
		}
		out[d] = map[e2ee.Hash]storedEntry{}
		last := protocol.Offset(0)
	catchUp:
		for {
			f, err := c.read(ctx)
			if err != nil {
				t.Fatalf("read document %d back: %v", d, err)
			}
			switch f := f.(type) {
			case protocol.Deliver:
				if f.Offset <= last {
					t.Fatalf("document %d: offset %d delivered after %d", d, f.Offset, last)
				}
				last = f.Offset
				h := sha256.Sum256(f.Envelope)
				if _, dup := out[d][h]; dup {
					t.Fatalf("document %d: envelope %x stored twice", d, h[:6])
				}
				out[d][h] = storedEntry{offset: f.Offset, hash: h}
			case protocol.CaughtUp:
				break catchUp
			case protocol.Error:
				t.Fatalf("document %d: error while catching up: %v", d, &f)
			}
		}
		c.close()
	}
	return out
}

// TestCrashKeepsEveryAcknowledgedEntry runs the relay as a process, has four writers push to
// two documents, kills the relay with SIGKILL after a random number of acknowledgements,
// restarts it on the same data directory and checks that every acknowledged entry is stored
// at its offset; the writers then continue their chains. A last round stops it with SIGTERM,
// which must drain and exit with status 0.
func TestCrashKeepsEveryAcknowledgedEntry(t *testing.T) {
	if testing.Short() {
		t.Skip("starts relay processes")
	}
	ctx := t.Context()
	dir := filepath.Join(t.TempDir(), "data")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, seed))

	docs := &crashDocs{acked: map[e2ee.Hash]storedEntry{}, ackDoc: map[e2ee.Hash]int{}}
	writers := make([]*crashWriter, 4)
	for i := range writers {
		id, err := keyring.NewIdentity()
		if err != nil {
			t.Fatalf("NewIdentity: %v", err)
		}
		writers[i] = &crashWriter{id: id, doc: i % 2, sealed: map[e2ee.Hash]uint64{}}
	}

	relay := startCrashRelay(t, dir)
	// Writers 0 and 1 own the documents; 2 and 3 join them as counsellors.
	for d := range 2 {
		owner := writers[d]
		c, err := dialRelay(ctx, relay.addr, owner.id)
		if err != nil {
			t.Fatalf("connect the owner: %v", err)
		}
		genesis, docID, _, err := keyring.NewDocument(owner.id)
		if err != nil {
			t.Fatalf("NewDocument: %v", err)
		}
		docs.ids[d], docs.logs[d] = docID, &e2ee.Log{}
		apply := func(docID e2ee.DocID, op []byte) {
			if _, err := c.request(ctx, func(id uint64) protocol.Frame { return protocol.OpPush{ReqID: id, Doc: docID, Op: op} }); err != nil {
				t.Fatalf("push a membership operation: %v", err)
			}
			if err := docs.logs[d].Append(op); err != nil {
				t.Fatalf("append the operation: %v", err)
			}
			docs.ops[d] = append(docs.ops[d], op)
		}
		apply(e2ee.DocID{}, genesis)
		keys, err := keyring.OpenKeys(owner.id, docs.logs[d].Membership())
		if err != nil {
			t.Fatalf("OpenKeys: %v", err)
		}
		op, err := keyring.AddMember(owner.id, docs.logs[d].Membership(), keys, writers[d+2].id.Public(), e2ee.RoleCounsellor)
		if err != nil {
			t.Fatalf("AddMember: %v", err)
		}
		apply(docID, op)
		c.close()
	}
	for _, w := range writers {
		keys, err := keyring.OpenKeys(w.id, docs.logs[w.doc].Membership())
		if err != nil {
			t.Fatalf("OpenKeys: %v", err)
		}
		w.key = keys.Primary()
	}

	const killRounds = 3
	for round := range killRounds + 1 {
		sig := syscall.SIGKILL
		if round == killRounds {
			sig = syscall.SIGTERM
		}
		stopAfter := int64(20 + rng.IntN(181))
		var acks atomic.Int64
		reached := make(chan struct{})
		var reachedOnce sync.Once
		var wg sync.WaitGroup
		for _, w := range writers {
			c, err := dialRelay(ctx, relay.addr, w.id)
			if err != nil {
				t.Fatalf("round %d: connect a writer: %v", round, err)
			}
			wg.Go(func() {
				defer c.close()
				for n := 0; ; n++ {
					if _, err := w.push(ctx, t, c, docs, n); err != nil {
						return // the relay went away
					}
					if acks.Add(1) == stopAfter {
						reachedOnce.Do(func() { close(reached) })
					}
				}
			})
		}
		select {
		case <-reached:
		case <-time.After(crashTimeout):
			t.Fatalf("round %d: %d of %d acknowledgements within %v\n%s", round, acks.Load(), stopAfter, crashTimeout, relay.log())
		}
		err := relay.stop(t, sig)
		wg.Wait()
		switch {
		case sig == syscall.SIGTERM && err != nil:
			t.Fatalf("round %d: mobio serve exited with %v after SIGTERM, want status 0\n%s", round, err, relay.log())
		case sig == syscall.SIGKILL && err == nil:
			t.Fatalf("round %d: mobio serve exited with status 0 after SIGKILL", round)
		}
		t.Logf("round %d: %v after %d acknowledgements (stop at %d; %d in all)", round, sig, acks.Load(), stopAfter, len(docs.acked))

		relay = startCrashRelay(t, dir)
		stored := readBack(ctx, t, relay.addr, writers, docs)
		for h, want := range docs.acked {
			d := docs.ackDoc[h]
			got, ok := stored[d][h]
			switch {
			case !ok:
				t.Errorf("round %d: acknowledged envelope %x at offset %d of document %d is lost", round, h[:6], want.offset, d)
			case got != want:
				t.Errorf("round %d: envelope %x acknowledged at offset %d is stored at %d", round, h[:6], want.offset, got.offset)
			}
		}
		if t.Failed() {
			t.FailNow()
		}
		var again, dups int
		// Each writer resumes after the store's head of its chain; its unacknowledged envelope,
		// pushed again, is acknowledged: stored now or, when it was stored before, a duplicate.
		for i, w := range writers {
			var head uint64
			var headEntry storedEntry
			for h, e := range stored[w.doc] {
				if seq, ok := w.sealed[h]; ok && seq > head {
					head, headEntry = seq, e
				}
			}
			if head < w.seq || (w.pending == nil && head != w.seq) || head > w.seq+1 {
				t.Fatalf("round %d: writer %d: the store's head is %d, acknowledged %d, pending %v", round, i, head, w.seq, w.pending != nil)
			}
			if w.pending == nil {
				continue
			}
			c, err := dialRelay(ctx, relay.addr, w.id)
			if err != nil {
				t.Fatalf("round %d: reconnect writer %d: %v", round, i, err)
			}
			ph := sha256.Sum256(w.pending)
			storedBefore := headEntry.hash == ph
			a, err := w.push(ctx, t, c, docs, -1)
			if err != nil {
				t.Fatalf("round %d: writer %d: push the unacknowledged envelope again: %v", round, i, err)
			}
			c.close()
			again++
			if a.Duplicate {
				dups++
			}
			if a.Duplicate != storedBefore || (storedBefore && a.Offset != headEntry.offset) {
				t.Fatalf("round %d: writer %d: pushed again, acknowledged %+v; stored before: %v at offset %d", round, i, a, storedBefore, headEntry.offset)
			}
		}
		t.Logf("round %d: %d unacknowledged envelopes pushed again, %d of them duplicates", round, again, dups)
	}
	if err := relay.stop(t, syscall.SIGTERM); err != nil {
		t.Fatalf("final SIGTERM: %v\n%s", err, relay.log())
	}
}
