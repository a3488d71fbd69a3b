package sqlite

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/syncserver/storetest"
)

// crashWriterEnv names the database the helper process writes to; unset, the helper is skipped.
const crashWriterEnv = "MOBIO_SQLITE_CRASH_WRITER_DB"

// TestHelperWriter is not a test: it is the child process of
// TestCrashLosesNoAcknowledgedEntry. It creates a document, then appends to it from several
// writers without end, printing "ack <offset> <hash>" for each append once AppendVerified has
// returned, until it is killed.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(crashWriterEnv)
	if path == "" {
		t.Skip("helper process of TestCrashLosesNoAcknowledgedEntry")
	}
	ctx := context.Background()
	s, err := Open(ctx, path, Options{Logger: discardLogger()})
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(2)
	}
	d := storetest.NewDoc(t, 4)
	d.Create(t, s)
	var mu sync.Mutex // orders whole lines on stdout
	println := func(line string) {
		mu.Lock()
		defer mu.Unlock()
		os.Stdout.WriteString(line + "\n") // unbuffered: the parent sees it at once
	}
	println("doc " + d.ID.String())
	var wg sync.WaitGroup
	for _, w := range d.Writers {
		wg.Go(func() {
			for {
				v := w.Next(t, e2ee.KindUpdate)
				out, err := s.AppendVerified(ctx, d.ID, []e2ee.VerifiedEnvelope{v})
				if err != nil {
					fmt.Fprintln(os.Stderr, "append:", err)
					os.Exit(2)
				}
				h := v.Hash()
				println(fmt.Sprintf("ack %d %s", out[0].Offset, hex.EncodeToString(h[:])))
			}
		})
	}
	wg.Wait()
}

// A writer killed with SIGKILL at a random moment loses no entry it acknowledged: the parent
// reads the child's acknowledgements from its stdout, kills it after a random number of them
// (while its writers keep committing), reopens the database and finds every one.
func TestCrashLosesNoAcknowledgedEntry(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	path := filepath.Join(t.TempDir(), "relay.db")
	type ack struct {
		doc    e2ee.DocID
		offset uint64
		hash   string
	}
	var acks []ack
	for round := range 3 {
		killAfter := 5 + rand.IntN(45) // small enough for a -race build, where SQLite is slow
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashWriterEnv+"="+path)
		cmd.Stderr = os.Stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// A child that hangs is killed, and the round fails, rather than the test hanging.
		watchdog := time.AfterFunc(5*time.Second, func() { cmd.Process.Kill() })
		var doc e2ee.DocID
		n, killed := 0, false
		for sc := bufio.NewScanner(stdout); sc.Scan(); {
			f := strings.Fields(sc.Text())
			switch {
			case len(f) == 2 && f[0] == "doc":
				if doc, err = e2ee.ParseDocID(f[1]); err != nil {
					t.Fatalf("round %d: child printed %q: %v", round, sc.Text(), err)
				}
			case len(f) == 3 && f[0] == "ack":
				off, err := strconv.ParseUint(f[1], 10, 64)
				if err != nil || len(f[2]) != 64 {
					// The last line may be cut short by the kill: it was not acknowledged
					// in full, so it proves nothing.
					continue
				}
				acks = append(acks, ack{doc, off, f[2]})
				if n++; n == killAfter && !killed {
					killed = true
					if err := cmd.Process.Kill(); err != nil {
						t.Fatalf("round %d: kill: %v", round, err)
					}
				}
			}
		}
		cmd.Wait()
		if !watchdog.Stop() {
			t.Fatalf("round %d: child made %d acknowledgements in 5 s, want %d", round, n, killAfter)
		}
		t.Logf("round %d: killed after %d acknowledgements, %d read in all", round, killAfter, n)

		// Every entry acknowledged in any round is there and readable.
		s, err := Open(t.Context(), path, Options{Logger: discardLogger()})
		if err != nil {
			t.Fatalf("round %d: reopen after the kill: %v", round, err)
		}
		byDoc := map[e2ee.DocID]map[uint64]string{}
		for _, a := range acks {
			if byDoc[a.doc] == nil {
				entries, err := s.ReadRange(t.Context(), a.doc, 0, 0)
				if err != nil {
					t.Fatalf("round %d: ReadRange: %v", round, err)
				}
				byDoc[a.doc] = map[uint64]string{}
				for i, e := range entries {
					if e.Offset != uint64(i+1) {
						t.Fatalf("round %d: entry %d at offset %d: offsets not dense", round, i, e.Offset)
					}
					h := sha256.Sum256(e.Envelope)
					byDoc[a.doc][e.Offset] = hex.EncodeToString(h[:])
				}
			}
			if got, ok := byDoc[a.doc][a.offset]; !ok || got != a.hash {
				t.Errorf("round %d: acknowledged entry %d of %s is missing or different after the kill", round, a.offset, a.doc)
			}
		}
		if err := s.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
}
