// Command realtime shows live co-editing: a newcomer and her counsellor both keep a connection
// (Client.Run) and take turns; each sees which field the other is on (presence) and the
// other's edit (a remote-change event) within a second. It measures both latencies.
//
// It starts its own relay on 127.0.0.1, prints what happens, checks the outcome and exits 0,
// or 1 with the reason.
//
//	go run ./examples/realtime
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/memstore"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// budget is the latency a person at the other screen still perceives as live.
const budget = time.Second

func main() {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	err := run(ctx)
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, "realtime: FAIL:", err)
		os.Exit(1)
	}
	fmt.Printf("realtime: OK (%v)\n", time.Since(start).Round(time.Millisecond))
}

// turn is one field a person moves to and fills in, as typed.
type turn struct {
	field, input string
}

func run(ctx context.Context) (err error) {
	r, err := startRelay(ctx)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, r.Stop()) }()
	fmt.Println("relay:      listening on", r.SyncURL)

	newcomer, err := newPerson("newcomer", r.SyncURL)
	if err != nil {
		return err
	}
	defer newcomer.close()
	counsellor, err := newPerson("counsellor", r.SyncURL)
	if err != nil {
		return err
	}
	defer counsellor.close()

	first, err := crdt.New()
	if err != nil {
		return err
	}
	doc, err := newcomer.c.Create(ctx, "Amira H.", first)
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	if err := newcomer.sync(ctx); err != nil {
		return err
	}
	if err := newcomer.c.Add(ctx, doc, counsellor.id.Public(), e2ee.RoleCounsellor); err != nil {
		return fmt.Errorf("add the counsellor: %w", err)
	}
	if err := counsellor.c.Join(ctx, doc, "Amira H."); err != nil {
		return fmt.Errorf("join: %w", err)
	}
	for _, d := range []*device{newcomer, counsellor} {
		d.run()
		if err := d.ev.wait(ctx, d.name+" to be live", func() bool {
			return d.ev.since(0, func(ev client.Event) bool { return ev.Kind == client.EventSynced && ev.Doc == doc })
		}); err != nil {
			return err
		}
	}
	fmt.Println("both:       connected to the same biography (Client.Run)")

	newcomerTurns := []turn{
		{"person.given_names", "Amira"},
		{"person.family_names", "Haddad"},
		{"person.date_of_birth", "00.00.1990"},
		{"languages.german_level", "A2"},
		{"aspirations.hours_per_week", "30"},
	}
	counsellorTurns := []turn{
		{"person.accommodation_stage", "VU"},
		{"person.arrival_in_germany", "2023-05"},
		{"person.interpreter_needed", "yes"},
		{"plan.phase", "VU"},
		{"plan.status", "draft"},
	}
	var presence, edits []time.Duration
	for i := range len(newcomerTurns) + len(counsellorTurns) {
		writer, reader, t, src := newcomer, counsellor, newcomerTurns[i/2], crdt.SourceSelf
		if i%2 == 1 {
			writer, reader, t, src = counsellor, newcomer, counsellorTurns[i/2], crdt.SourceCounsellor
		}
		p, e, err := playTurn(ctx, doc, writer, reader, t, src)
		if err != nil {
			return err
		}
		presence, edits = append(presence, p), append(edits, e)
		fmt.Printf("turn %2d:    %-10s on %-27s -> %-10s sees it after %6s, the edit after %6s\n",
			i+1, writer.name, t.field, reader.name, ms(p), ms(e))
	}

	// Both replicas are the same document.
	var hn, hc []string
	if err := newcomer.read(ctx, doc, func(b *crdt.Biography) error { hn = slices.Sorted(slices.Values(b.Heads())); return nil }); err != nil {
		return err
	}
	if err := counsellor.read(ctx, doc, func(b *crdt.Biography) error { hc = slices.Sorted(slices.Values(b.Heads())); return nil }); err != nil {
		return err
	}
	if !slices.Equal(hn, hc) {
		return errors.New("the replicas' heads differ after the last turn")
	}
	for _, d := range []*device{newcomer, counsellor} {
		if d.ev.since(0, func(ev client.Event) bool { return ev.Kind == client.EventSecurity }) {
			return fmt.Errorf("%s reported a security event", d.name)
		}
	}
	fmt.Printf("presence:   min %s, median %s, max %s over %d turns\n", ms(slices.Min(presence)), ms(median(presence)), ms(slices.Max(presence)), len(presence))
	fmt.Printf("edits:      min %s, median %s, max %s over %d turns\n", ms(slices.Min(edits)), ms(median(edits)), ms(slices.Max(edits)), len(edits))
	if worst := max(slices.Max(presence), slices.Max(edits)); worst >= budget {
		return fmt.Errorf("the slowest turn took %v, want under %v", worst, budget)
	}
	return nil
}

// playTurn moves the writer to the turn's field and fills it in as src; it returns how long the
// reader took to see the writer there (presence) and to see the value (a remote change).
func playTurn(ctx context.Context, doc e2ee.DocID, writer, reader *device, t turn, src crdt.Source) (presence, edit time.Duration, err error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()

	mark := reader.ev.mark()
	t0 := time.Now()
	if err := writer.c.SetPresence(ctx, doc, t.field); err != nil {
		return 0, 0, fmt.Errorf("%s: set presence: %w", writer.name, err)
	}
	if err := reader.ev.wait(ctx, reader.name+" to see "+writer.name+" on "+t.field, func() bool {
		return reader.ev.since(mark, func(ev client.Event) bool {
			return ev.Kind == client.EventPresence && ev.Doc == doc && ev.Author == writer.c.ID()
		}) && slices.ContainsFunc(reader.c.Peers(doc), func(p client.Peer) bool {
			return p.ID == writer.c.ID() && p.Field == t.field
		})
	}); err != nil {
		return 0, 0, err
	}
	presence = time.Since(t0)

	var want string
	mark = reader.ev.mark()
	t0 = time.Now()
	err = writer.edit(ctx, doc, func(b *crdt.Biography) error {
		v, err := b.Parse(t.field, t.input)
		if err != nil {
			return err
		}
		want = v.Text()
		return b.Set(t.field, v, crdt.Provenance{Source: src})
	})
	if err != nil {
		return 0, 0, err
	}
	if err := reader.ev.wait(ctx, reader.name+" to see "+writer.name+"'s edit of "+t.field, func() bool {
		if !reader.ev.since(mark, func(ev client.Event) bool {
			return ev.Kind == client.EventRemoteChange && ev.Doc == doc && ev.Author == writer.c.ID()
		}) {
			return false
		}
		var got string
		err := reader.read(ctx, doc, func(b *crdt.Biography) error {
			v, err := b.Get(t.field)
			got = v.Text()
			return err
		})
		return err == nil && got == want
	}); err != nil {
		return 0, 0, err
	}
	return presence, time.Since(t0), nil
}

// newPerson makes a device with a fresh identity and an in-memory store.
func newPerson(name, relayURL string) (*device, error) {
	id, err := keyring.NewIdentity()
	if err != nil {
		return nil, err
	}
	return newDevice(name, relayURL, id, memstore.New())
}

func median(ds []time.Duration) time.Duration {
	s := slices.Sorted(slices.Values(ds))
	return s[len(s)/2]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }
