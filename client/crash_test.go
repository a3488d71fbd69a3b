package client_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/memstore"
	"github.com/mobio-sync/mobio/client/sqlitestore"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// The crash test runs the client in a child process, the test binary itself: with
// crashChildEnv set, TestMain runs crashChild instead of the tests. The child learns its
// relay, document, round and data directory from the environment.
const (
	crashChildEnv = "MOBIO_CLIENT_CRASH_CHILD"
	crashRelayEnv = "MOBIO_CLIENT_CRASH_RELAY"
	crashDocEnv   = "MOBIO_CLIENT_CRASH_DOC"
	crashRoundEnv = "MOBIO_CLIENT_CRASH_ROUND"
	crashDirEnv   = "MOBIO_CLIENT_CRASH_DIR"
	// crashElem starts each line in which the child reports an edit that Edit committed.
	crashElem = "committed: "
	// crashChildLife ends a child that nobody killed.
	crashChildLife = 20 * time.Second
)

func TestMain(m *testing.M) {
	if os.Getenv(crashChildEnv) == "1" {
		os.Exit(crashChild())
	}
	os.Exit(m.Run())
}

// crashConfig is the writer's client configuration, in the child and in the test.
func crashConfig(c *client.Config) {
	c.SnapshotEvery = -1 // the reader at the end must apply every entry itself, once
	c.CompactEvery = 16  // compactions are among the things a kill may interrupt
	c.MinBackoff = 10 * time.Millisecond
	c.MaxBackoff = 50 * time.Millisecond
}

// crashChild edits the document in a loop while the client syncs in the background, and
// prints each element once Edit has returned, until it is killed.
func crashChild() int {
	fail := func(what string, err error) int {
		fmt.Fprintf(os.Stderr, "crash child: %s: %v\n", what, err)
		return 2
	}
	dir := os.Getenv(crashDirEnv)
	sealed, err := os.ReadFile(filepath.Join(dir, "identity"))
	if err != nil {
		return fail("read identity", err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "device-key"))
	if err != nil {
		return fail("read device key", err)
	}
	key, err := keyring.DeviceKeyFromBytes(raw)
	if err != nil {
		return fail("device key", err)
	}
	id, err := keyring.OpenIdentityWithKey(sealed, key)
	if err != nil {
		return fail("open identity", err)
	}
	doc, err := e2ee.ParseDocID(os.Getenv(crashDocEnv))
	if err != nil {
		return fail("document ID", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), crashChildLife)
	defer cancel()
	store, err := sqlitestore.Open(ctx, filepath.Join(dir, "client.db"))
	if err != nil {
		return fail("open store", err)
	}
	defer store.Close()
	cfg := client.Config{Identity: id, Store: store, NewDoc: newSetDoc, Relay: os.Getenv(crashRelayEnv), Software: "mobio-crash-child"}
	crashConfig(&cfg)
	c, err := client.New(cfg)
	if err != nil {
		return fail("new client", err)
	}
	defer c.Close()
	go c.Run(ctx)
	round := os.Getenv(crashRoundEnv)
	for i := 0; ctx.Err() == nil; i++ {
		elem := fmt.Sprintf("round %s edit %04d", round, i)
		err := c.Edit(ctx, doc, func(d client.Doc) error {
			d.(*setDoc).Add(elem)
			return nil
		})
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			return fail("edit", err)
		}
		fmt.Printf("%s%s\n", crashElem, elem)
	}
	return 0
}

// crashRun is one run of the child.
type crashRun struct {
	elems  []string // committed, as the child printed them
	stderr string
}

// runCrashChild starts the child and kills it with SIGKILL: after kill has passed since its
// first committed edit, or, with early, kill after its start, whatever it is doing then.
func runCrashChild(t *testing.T, env []string, kill time.Duration, early bool) crashRun {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatalf("find the test binary: %v", err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start the child: %v", err)
	}
	var (
		mu    sync.Mutex
		elems []string
		first = make(chan struct{})
		read  = make(chan struct{})
	)
	go func() {
		defer close(read)
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return // EOF, or a line cut by the kill: not a report of a committed edit
			}
			if elem, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), crashElem); ok {
				mu.Lock()
				if len(elems) == 0 {
					close(first)
				}
				elems = append(elems, elem)
				mu.Unlock()
			}
		}
	}()
	if !early {
		select {
		case <-first:
		case <-read:
			cmd.Wait()
			t.Fatalf("the child ended before its first edit:\n%s", stderr.String())
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("no edit from the child within 10s:\n%s", stderr.String())
		}
	}
	time.Sleep(kill) // the crash point, chosen at random; not a synchronisation
	if err := cmd.Process.Kill(); err != nil {
		t.Fatalf("kill the child: %v", err)
	}
	<-read
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != -1 {
		t.Fatalf("the child ended on its own (%v) instead of being killed:\n%s", err, stderr.String())
	}
	mu.Lock()
	defer mu.Unlock()
	return crashRun{elems: elems, stderr: stderr.String()}
}

func openClientStore(t *testing.T, path string) *sqlitestore.Store {
	t.Helper()
	st, err := sqlitestore.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return st
}

// TestKilledClientLosesNothingAndSendsEachEditOnce kills a client that edits and syncs over SQLite
// at random points, again and again. Every edit whose Edit call returned reaches the relay
// exactly once, and after a last sync the local store has nothing left to send and holds
// every change once.
func TestKilledClientLosesNothingAndSendsEachEditOnce(t *testing.T) {
	seed := faultSeed(t)
	rng := rand.New(rand.NewPCG(seed, 2))
	rounds := 6
	if testing.Short() {
		rounds = 3
	}
	relay := newRelay(t)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("relay log:\n%s", relay.Logs())
		}
	})
	owner := newPeer(t, "newcomer", relay.SyncURL)
	doc := owner.create()
	owner.sync()

	// The writer's identity, sealed for the child under a device key.
	dir := t.TempDir()
	wid := newIdentity(t)
	key := keyring.NewDeviceKey()
	sealed, err := wid.SealWithKey(key)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"identity": sealed, "device-key": key.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	dbPath := filepath.Join(dir, "client.db")
	st := openClientStore(t, dbPath)
	w := newPeerConfig(t, "writer", relay.SyncURL, wid, st, crashConfig)
	join(t, owner, w, doc, e2ee.RoleCounsellor)
	w.c.Close()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	printed := map[string]int{}
	for r := range rounds {
		early := rng.IntN(4) == 0
		kill := time.Duration(rng.IntN(250)) * time.Millisecond
		if early {
			kill = time.Duration(rng.IntN(80)) * time.Millisecond
		}
		run := runCrashChild(t, []string{
			crashChildEnv + "=1",
			crashRelayEnv + "=" + relay.SyncURL,
			crashDocEnv + "=" + doc.String(),
			crashRoundEnv + "=" + fmt.Sprint(r),
			crashDirEnv + "=" + dir,
		}, kill, early)
		if strings.Contains(run.stderr, "DATA RACE") {
			t.Fatalf("round %d: the child raced:\n%s", r, run.stderr)
		}
		t.Logf("round %d: killed %v after %s, %d edits committed", r, kill, map[bool]string{true: "the start", false: "the first edit"}[early], len(run.elems))
		for _, e := range run.elems {
			printed[e]++
		}
	}
	if len(printed) == 0 {
		t.Fatal("the child committed no edit in any round")
	}
	for e, n := range printed {
		if n != 1 {
			t.Fatalf("the child reported %q %d times", e, n)
		}
	}

	// The writer's device starts once more and syncs.
	st = openClientStore(t, dbPath)
	t.Cleanup(func() { st.Close() })
	w = newPeerConfig(t, "writer after the last kill", relay.SyncURL, wid, st, crashConfig)
	w.sync()
	rec, err := st.LoadDoc(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Outbox) != 0 || len(rec.PendingOps) != 0 {
		t.Errorf("after the last sync the store still holds %d outbox entries and %d operations", len(rec.Outbox), len(rec.PendingOps))
	}
	// Each change the store keeps, once: in the compacted content or in a later change.
	inStore := map[string]int{}
	for i, b := range append([][]byte{rec.Content}, rec.Changes...) {
		var elems []string
		if len(b) == 0 {
			continue
		}
		if err := json.Unmarshal(b, &elems); err != nil {
			t.Fatalf("stored change %d: %v", i, err)
		}
		for _, e := range elems {
			inStore[e]++
		}
	}
	for e, n := range inStore {
		if n != 1 {
			t.Errorf("the store holds %q %d times", e, n)
		}
	}
	for e := range printed {
		if inStore[e] != 1 {
			t.Errorf("committed edit %q is not in the writer's store", e)
		}
	}

	// Another member's new device reads the relay's whole log: every committed edit is in
	// it exactly once.
	applied := &applied{}
	reader := newPeerConfig(t, "reader", relay.SyncURL, newIdentity(t), applied.wrap(memstore.New()), nil)
	join(t, owner, reader, doc, e2ee.RoleViewer)
	var lost, twice []string
	for e := range printed {
		switch applied.count(e) {
		case 0:
			lost = append(lost, e)
		case 1:
		default:
			twice = append(twice, e)
		}
	}
	if len(lost) > 0 || len(twice) > 0 {
		t.Fatalf("of %d committed edits, the relay lost %q and holds %q more than once", len(printed), lost, twice)
	}
	if errs := append(w.securityErrs(), reader.securityErrs()...); len(errs) > 0 {
		t.Fatalf("security events: %v", errors.Join(errs...))
	}
	t.Logf("%d committed edits, each on the relay once", len(printed))
}
