package sqlitestore

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// The crash and sharing tests run a real second process: the test binary itself, started with
// childEnv naming what to do and childDBEnv the database. TestMain runs that instead of the
// tests.
const (
	childEnv   = "MOBIO_CLIENTSTORE_TEST_CHILD" // "crash" or "share"
	childDBEnv = "MOBIO_CLIENTSTORE_TEST_DB"
)

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "":
		os.Exit(m.Run())
	case "crash":
		crashChild(os.Getenv(childDBEnv))
	case "share":
		shareChild(os.Getenv(childDBEnv))
	default:
		fmt.Fprintln(os.Stderr, "unknown child", os.Getenv(childEnv))
		os.Exit(2)
	}
}

// childTimeout bounds every wait for a child: a line of output, its exit.
const childTimeout = 10 * time.Second

var (
	crashDoc    = e2ee.DocID{0xc4, 0xa5, 0x40}
	crashAuthor = e2ee.IdentityID{0xaa}
	crashOther  = e2ee.IdentityID{0xbb}
)

// crashEntry is the child's outbox entry seq: the parent rebuilds it to check what is stored.
func crashEntry(seq uint64) client.OutboxEntry {
	env := fmt.Appendf(nil, "envelope %d", seq)
	return client.OutboxEntry{Seq: seq, Hash: e2ee.Hash(sha256.Sum256(env)), Epoch: 1, Envelope: env, Change: fmt.Appendf(nil, "local %d", seq)}
}

func crashRemote(off protocol.Offset) []byte { return fmt.Appendf(nil, "remote %d", off) }

func childFail(what string, err error) {
	fmt.Fprintf(os.Stderr, "child: %s: %v\n", what, err)
	os.Exit(2)
}

// crashChild writes to the crash document without end, going on from what is stored, and
// prints a line after each call has returned nil: "local SEQ", "remote OFFSET", "acked SEQ".
func crashChild(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		childFail("open", err)
	}
	rec, err := s.LoadDoc(ctx, crashDoc)
	if errors.Is(err, client.ErrNotFound) {
		rec = client.DocRecord{ID: crashDoc, Title: "crash", Own: e2ee.ChainHead{Author: crashAuthor}}
		err = s.CreateDoc(ctx, rec)
	}
	if err != nil {
		childFail("load", err)
	}
	say := func(format string, args ...any) {
		os.Stdout.WriteString(fmt.Sprintf(format, args...) + "\n") // unbuffered: the parent sees it at once
	}
	own, cursor := rec.Own.Seq, rec.Cursor
	for i := 0; ; i++ {
		switch i % 4 {
		case 0, 1:
			out := crashEntry(own + 1)
			if err := s.CommitLocal(ctx, crashDoc, out.Change, out); err != nil {
				childFail("CommitLocal", err)
			}
			own++
			say("local %d", own)
		case 2:
			b := client.RemoteBatch{
				Changes: [][]byte{crashRemote(cursor + 1)},
				Cursor:  cursor + 1,
				Heads:   []e2ee.ChainHead{{Author: crashOther, Seq: uint64(cursor + 1)}},
				Applied: 1,
			}
			if err := s.CommitRemote(ctx, crashDoc, b); err != nil {
				childFail("CommitRemote", err)
			}
			cursor++
			say("remote %d", cursor)
		case 3:
			if err := s.Acked(ctx, crashDoc, own-1); err != nil {
				childFail("Acked", err)
			}
			say("acked %d", own-1)
		}
	}
}

// A writer killed with SIGKILL at random moments loses nothing it reported done, stores
// nothing twice, and leaves the outbox and its own chain consistent: the parent reads the
// child's reports, kills it after a random number of them (while it goes on writing), reopens
// the database and compares.
func TestCrashLosesNoCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	path := filepath.Join(t.TempDir(), "client.db")
	var want []string // the changes stored: reported ones, and the one in flight at a kill
	var acked uint64  // the highest acknowledgement reported
	for round := range 4 {
		killAfter := 5 + rand.IntN(40) // small enough for a -race build, where SQLite is slow
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"=crash", childDBEnv+"="+path)
		cmd.Stderr = os.Stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// A child that hangs is killed, and the round fails, rather than the test hanging.
		watchdog := time.AfterFunc(childTimeout, func() { cmd.Process.Kill() })
		n := 0
		for r := bufio.NewReader(stdout); ; {
			line, err := r.ReadString('\n')
			if err != nil {
				break // a last line without its newline was cut short by the kill: it proves nothing
			}
			kind, num, _ := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
			v, err := strconv.ParseUint(num, 10, 64)
			if err != nil {
				t.Fatalf("round %d: child printed %q", round, line)
			}
			switch kind {
			case "local", "remote":
				want = append(want, kind+" "+num)
			case "acked":
				acked = v
			}
			if n++; n == killAfter {
				if err := cmd.Process.Kill(); err != nil {
					t.Fatalf("round %d: kill: %v", round, err)
				}
			}
		}
		cmd.Wait()
		if !watchdog.Stop() || n < killAfter {
			t.Fatalf("round %d: child made %d reports before it ended, want %d", round, n, killAfter)
		}

		s, err := Open(t.Context(), path)
		if err != nil {
			t.Fatalf("round %d: reopen after the kill: %v", round, err)
		}
		rec, err := s.LoadDoc(t.Context(), crashDoc)
		s.Close()
		if err != nil {
			t.Fatalf("round %d: LoadDoc after the kill: %v", round, err)
		}
		got := make([]string, len(rec.Changes))
		for i, c := range rec.Changes {
			got[i] = string(c)
		}
		want = checkCrashRecord(t, round, rec, got, want, acked)
		t.Logf("round %d: killed after %d reports; %d changes, outbox %d entries, own at %d", round, killAfter, len(got), len(rec.Outbox), rec.Own.Seq)
	}
}

// checkCrashRecord checks the record after a kill and returns the changes it holds, which the
// next round starts from.
func checkCrashRecord(t *testing.T, round int, rec client.DocRecord, got, want []string, acked uint64) []string {
	t.Helper()
	// Every reported change is there, once, in order; at most one more may follow: the
	// call that committed before the kill but had not printed yet.
	if len(got) < len(want) || !slices.Equal(got[:len(want)], want) || len(got) > len(want)+1 {
		t.Fatalf("round %d: stored changes %q, want %q and at most one more", round, got, want)
	}
	var locals, remotes []uint64
	for _, c := range got {
		kind, num, _ := strings.Cut(c, " ")
		v, _ := strconv.ParseUint(num, 10, 64)
		if kind == "local" {
			locals = append(locals, v)
		} else {
			remotes = append(remotes, v)
		}
	}
	for i, v := range locals {
		if v != uint64(i+1) {
			t.Fatalf("round %d: local changes %v: not 1, 2, 3, … once each", round, locals)
		}
	}
	for i, v := range remotes {
		if v != uint64(i+1) {
			t.Fatalf("round %d: remote changes %v: not 1, 2, 3, … once each", round, remotes)
		}
	}
	// Own is the last local change's envelope; the reading state is the last remote's.
	own := uint64(len(locals))
	if rec.Own.Seq != own || (own > 0 && rec.Own.Hash != crashEntry(own).Hash) || rec.Own.Author != crashAuthor {
		t.Errorf("round %d: Own = %d %s, want %d after %d local changes", round, rec.Own.Seq, rec.Own.Hash, own, own)
	}
	if rec.Cursor != protocol.Offset(len(remotes)) || rec.SinceSnapshot != len(remotes) ||
		(len(remotes) > 0 && (len(rec.Heads) != 1 || rec.Heads[0].Seq != uint64(len(remotes)))) {
		t.Errorf("round %d: Cursor %d, SinceSnapshot %d, Heads %+v; want %d after %d remote changes", round, rec.Cursor, rec.SinceSnapshot, rec.Heads, len(remotes), len(remotes))
	}
	// The outbox holds the entries after the acknowledged ones up to Own, each as sealed.
	for i, e := range rec.Outbox {
		want := crashEntry(e.Seq)
		if e.Seq <= acked || (i > 0 && e.Seq != rec.Outbox[i-1].Seq+1) || e.Hash != want.Hash || string(e.Envelope) != string(want.Envelope) || string(e.Change) != string(want.Change) {
			t.Errorf("round %d: outbox entry %d = seq %d %q; want consecutive entries after the acknowledged %d", round, i, e.Seq, e.Envelope, acked)
		}
	}
	if n := len(rec.Outbox); own > 0 && (n == 0 || rec.Outbox[n-1].Seq != own) {
		t.Errorf("round %d: outbox ends before Own %d (%d entries)", round, own, n)
	}
	return got
}

// shareChild commits shareCommits local changes to document {2}, which the parent created,
// then prints "done".
func shareChild(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		childFail("open", err)
	}
	defer s.Close()
	if err := shareWrite(ctx, s, e2ee.DocID{2}); err != nil {
		childFail("write", err)
	}
	os.Stdout.WriteString("done\n")
}

const shareCommits = 40

func shareWrite(ctx context.Context, s *Store, id e2ee.DocID) error {
	for seq := uint64(1); seq <= shareCommits; seq++ {
		out := crashEntry(seq)
		if err := s.CommitLocal(ctx, id, out.Change, out); err != nil {
			return err
		}
		if seq%10 == 0 {
			if _, err := s.ListDocs(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// Two processes write to one database at the same time (`mobio sync --watch` beside `mobio
// bio set`), neither fails with a busy error, and both see everything.
func TestTwoProcessesShareOneFile(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "client.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, id := range []e2ee.DocID{{1}, {2}} {
		if err := s.CreateDoc(t.Context(), client.DocRecord{ID: id}); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(t.Context(), childTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=share", childDBEnv+"="+path)
	cmd.Stderr = os.Stderr
	var childOut []byte
	var childErr error
	var wg sync.WaitGroup
	wg.Go(func() { childOut, childErr = cmd.Output() })
	if err := shareWrite(ctx, s, e2ee.DocID{1}); err != nil {
		t.Errorf("parent's writes: %v", err)
	}
	wg.Wait()
	if childErr != nil || string(childOut) != "done\n" {
		t.Fatalf("child = %q, %v; want done", childOut, childErr)
	}
	docs, err := s.ListDocs(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Changes != shareCommits || d.Pending != shareCommits {
			t.Errorf("document %s: %d changes, %d pending; want %d of each", d.ID, d.Changes, d.Pending, shareCommits)
		}
	}
}
