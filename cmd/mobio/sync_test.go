package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// closedAddr returns an address of 127.0.0.1 where nothing listens.
func closedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestSyncWithTheRelayUnreachableSaysWhatToDo(t *testing.T) {
	t.Parallel()
	env, doc := bioHome(t)
	mustMobio(t, env, "bio", "set", doc, "person.given_names", "Amina")
	env = with(env, "MOBIO_RELAY", "http://"+closedAddr(t))
	err := mobioErr(t, env, "Check --relay", "sync")
	if !errors.Is(err, client.ErrOffline) {
		t.Errorf("sync: %v, want client.ErrOffline", err)
	}
	if !strings.Contains(err.Error(), "kept on this device") {
		t.Errorf("sync: %q, want it to say the edits are kept", err)
	}
	var docs []docJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "bio", "list", "--json")), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Pending == 0 {
		t.Errorf("bio list after the failed sync: %+v, want the edits still pending", docs)
	}
	mobioErr(t, env, "No biography", "sync", "nosuchdoc")
}

// lockedBuffer is a bytes.Buffer safe for a command writing while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startMobio runs mobio in the background until stop, which returns its error.
func startMobio(t *testing.T, env map[string]string, args ...string) (out *lockedBuffer, stop func() error) {
	t.Helper()
	out = &lockedBuffer{}
	ctx, cancel := context.WithCancel(t.Context())
	a := &app{Stdout: out, Stderr: &lockedBuffer{}, Getenv: func(k string) string { return env[k] }, Version: "test"}
	done := make(chan error, 1)
	go func() { done <- a.execute(ctx, args) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() { cancel(); err = <-done })
		return err
	}
	t.Cleanup(func() { stop() })
	return out, stop
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSyncWatchPrintsEventsUntilStopped(t *testing.T) {
	t.Parallel()
	relay := syncservertest.NewServer(t)
	newcomer, nid := relayHome(t, relay)
	counsellor, _ := relayHome(t, relay)
	mustMobio(t, newcomer, "bio", "new", "--title", "Amina K.")
	mustMobio(t, newcomer, "sync")
	link := strings.TrimSpace(mustMobio(t, newcomer, "share", "link", "amina", "--qr"))
	mustMobio(t, counsellor, "share", "accept", link, "--title", "Amina")

	human, stopHuman := startMobio(t, counsellor, "sync", "--watch")
	machine, stopMachine := startMobio(t, counsellor, "sync", "--watch", "--json")
	waitFor(t, "both watchers to be up to date", func() bool {
		return strings.Contains(human.String(), "up to date") && strings.Contains(machine.String(), `"synced"`)
	})
	mustMobio(t, newcomer, "bio", "set", "amina", "person.given_names", "Amina")
	mustMobio(t, newcomer, "sync")
	waitFor(t, "the change to be reported", func() bool {
		return strings.Contains(human.String(), "changes from "+nid.ID[:8]) && strings.Contains(machine.String(), nid.ID)
	})
	if err := errors.Join(stopHuman(), stopMachine()); err != nil {
		t.Fatalf("sync --watch stopped with %v, want no error", err)
	}
	if strings.Contains(human.String(), "Amina\n") {
		t.Errorf("sync --watch printed content:\n%s", human)
	}
	kinds := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(machine.String()), "\n") {
		var ev eventJSON
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("sync --watch --json printed %q, not one JSON object a line: %v", line, err)
		}
		if _, err := time.Parse(time.RFC3339Nano, ev.Time); err != nil {
			t.Errorf("event %q: time %q: %v", line, ev.Time, err)
		}
		kinds[ev.Event] = true
	}
	for _, k := range []string{"connected", "synced", "remote-change"} {
		if !kinds[k] {
			t.Errorf("sync --watch --json printed no %q event:\n%s", k, machine)
		}
	}
}

func TestSyncJSONEndsWithASummary(t *testing.T) {
	t.Parallel()
	relay := syncservertest.NewServer(t)
	env, _ := relayHome(t, relay)
	mustMobio(t, env, "bio", "new", "--title", "Amina K.")
	mustMobio(t, env, "bio", "new", "--title", "Bilal M.")
	lines := strings.Split(strings.TrimSpace(mustMobio(t, env, "sync", "bilal", "--json")), "\n")
	var last eventJSON
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &last); err != nil {
		t.Fatal(err)
	}
	if last.Event != "summary" || last.Docs == nil || *last.Docs != 1 || last.Pending == nil || *last.Pending != 0 {
		t.Errorf("the last line of sync --json is %s, want a summary of one document with nothing pending", lines[len(lines)-1])
	}
}

func TestSyncUploadsFilesAttachedOffline(t *testing.T) {
	t.Parallel()
	relay := syncservertest.NewServer(t)
	env, _ := relayHome(t, relay)
	mustMobio(t, env, "bio", "new", "--title", "Amina K.")
	mustMobio(t, env, "sync")
	offline := with(env, "MOBIO_RELAY", "http://"+closedAddr(t))
	file := writeTemp(t, "cv.txt", "Curriculum vitae\n")
	_, errOut, err := mobio(t, offline, "attach", "add", "amina", file, "--type", "CV")
	if err != nil {
		t.Fatalf("attach add offline: %v", err)
	}
	if !strings.Contains(errOut, "next mobio sync") {
		t.Errorf("attach add offline said %q, want the upload at the next sync", errOut)
	}
	if out := mustMobio(t, env, "attach", "ls", "amina"); !strings.Contains(out, " no ") {
		t.Errorf("attach ls before the sync:\n%s\nwant the file not uploaded", out)
	}
	mustMobio(t, env, "sync")
	var files []fileEntry
	if err := json.Unmarshal([]byte(mustMobio(t, env, "attach", "ls", "amina", "--json")), &files); err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || !files[0].Uploaded || !files[0].OnDevice || files[0].Type != "Lebenslauf" {
		t.Errorf("attach ls --json after the sync: %+v, want the CV uploaded", files)
	}
}
