package syncserver_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// fakeClock is a relay clock that tests move forward. It starts at the real time, so that
// clients authenticate against it as long as it is moved by less than the allowed skew.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{t: time.Now()} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// catchUpOffsets subscribes after offset after and returns the snapshot's Covers (0 for none)
// and the offsets delivered up to CaughtUp; it fails on any other frame.
func catchUpOffsets(t *testing.T, c *client, doc e2ee.DocID, after protocol.Offset) (protocol.Offset, []protocol.Offset) {
	t.Helper()
	var covers protocol.Offset
	var got []protocol.Offset
	for i, f := range c.subscribeCaughtUp(doc, after) {
		switch f := f.(type) {
		case protocol.SnapshotDeliver:
			if i != 0 || len(got) != 0 {
				t.Errorf("snapshot came as frame %d, after entries %v; want it first", i, got)
			}
			covers = f.Covers
		case protocol.Deliver:
			got = append(got, f.Offset)
		case protocol.CaughtUp:
		default:
			t.Fatalf("unexpected frame %s", describe(f))
		}
	}
	return covers, got
}

// offsets returns the offsets from, to (both included) without the ones in skip.
func offsets(from, to protocol.Offset, skip ...protocol.Offset) []protocol.Offset {
	var out []protocol.Offset
	for o := from; o <= to; o++ {
		if !slices.Contains(skip, o) {
			out = append(out, o)
		}
	}
	return out
}

// Once a snapshot is older than the retention, the scheduled compaction drops the entries it
// covers; replicas behind it get the snapshot, then every entry after it, without a gap.
func TestScheduledCompactionDropsCoveredEntriesAndCatchUpStillHasNoGap(t *testing.T) {
	clock := newFakeClock()
	srv := syncservertest.NewServer(t, func(c *syncserver.Config) {
		c.Now = clock.Now
		c.Limits.SnapshotRetention = time.Minute
		c.CompactInterval = 10 * time.Millisecond
	})
	a := dial(t, srv, newIdentity(t))
	doc := newDoc(t, a)
	joiner := newIdentity(t)
	doc.add(a, joiner, e2ee.RoleCounsellor)

	var first []byte
	for i := range 20 {
		env := doc.owner.update(fmt.Sprintf("entry %d", i))
		if i == 0 {
			first = env
		}
		a.push(doc.id, env)
	}
	const covers, snapOffset, head = 10, 21, 26
	id := a.reqID()
	if ack := requestAs[protocol.Ack](t, a, id, protocol.SnapshotPut{ReqID: id, Doc: doc.id, Covers: covers, Envelope: doc.owner.seal(e2ee.KindSnapshot, []byte("snapshot"))}); ack.Offset != covers {
		t.Fatalf("snapshot ack offset %d, want %d", ack.Offset, covers)
	}
	for i := range head - snapOffset {
		a.push(doc.id, doc.owner.update(fmt.Sprintf("after the snapshot %d", i)))
	}

	// Within the retention, passes run and drop nothing.
	waitFor(t, "two compaction passes", func() bool {
		return metricNumber(t, srv, "mobio_relay_compactions_total") >= 2
	})
	if n := metricNumber(t, srv, "mobio_relay_compacted_entries_total"); n != 0 {
		t.Fatalf("compacted %v entries within the retention, want 0", n)
	}

	clock.Advance(2 * time.Minute)
	waitFor(t, "the covered entries to be compacted", func() bool {
		return metricNumber(t, srv, "mobio_relay_compacted_entries_total") == covers
	})
	stored, err := srv.Store.ReadRange(t.Context(), doc.id, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var kept []protocol.Offset
	for _, e := range stored {
		kept = append(kept, protocol.Offset(e.Offset))
	}
	if want := offsets(covers+1, head); !slices.Equal(kept, want) {
		t.Errorf("store keeps entries %v, want %v", kept, want)
	}
	if logs := srv.Logs(); !containsAll(logs, `msg="compaction done"`, "docs=1", "entries=10") {
		t.Errorf("no log of the compaction's counts in\n%s", logs)
	}

	tests := []struct {
		name         string
		after        protocol.Offset
		wantSnapshot protocol.Offset
		want         []protocol.Offset
	}{
		{"late joiner from nothing", 0, covers, offsets(covers+1, head, snapOffset)},
		{"replica inside the dropped range", 5, covers, offsets(covers+1, head, snapOffset)},
		{"replica at the snapshot's cover", covers, 0, offsets(covers+1, head)},
		{"replica past the snapshot's cover", 15, 0, offsets(16, head)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := dial(t, srv, joiner)
			snap, got := catchUpOffsets(t, c, doc.id, tt.after)
			if snap != tt.wantSnapshot || !slices.Equal(got, tt.want) {
				t.Errorf("after %d: snapshot covering %d, entries %v; want snapshot %d, entries %v", tt.after, snap, got, tt.wantSnapshot, tt.want)
			}
		})
	}

	// The log goes on without a gap, and a compacted envelope sent again is still known.
	live := dial(t, srv, joiner)
	catchUpOffsets(t, live, doc.id, head)
	ack := a.push(doc.id, doc.owner.update("live"))
	if d := nextAs[protocol.Deliver](t, live); ack.Offset != head+1 || d.Offset != head+1 {
		t.Errorf("next entry acknowledged at %d, delivered at %d; want %d", ack.Offset, d.Offset, head+1)
	}
	if dup := a.push(doc.id, first); !dup.Duplicate || dup.Offset != 1 {
		t.Errorf("compacted envelope sent again: ack %+v, want a duplicate at offset 1", dup)
	}
}

// containsAll reports whether s contains every one of subs.
func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
