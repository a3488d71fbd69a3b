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
	"slices"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/examples/demo"
)

// budget is the latency a person at the other screen still perceives as live.
const budget = time.Second

func main() { demo.Main("realtime", run) }

// turn is one field a person moves to and fills in, as typed.
type turn struct {
	field, input string
}

func run(ctx context.Context, r *demo.Relay) error {
	newcomer, err := demo.NewPerson("newcomer", r.SyncURL)
	if err != nil {
		return err
	}
	defer newcomer.Close()
	counsellor, err := demo.NewPerson("counsellor", r.SyncURL)
	if err != nil {
		return err
	}
	defer counsellor.Close()

	first, err := crdt.New()
	if err != nil {
		return err
	}
	doc, err := newcomer.Client.Create(ctx, "Amira H.", first)
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	if err := newcomer.Sync(ctx); err != nil {
		return err
	}
	if err := newcomer.Add(ctx, doc, counsellor, e2ee.RoleCounsellor, "Amira H."); err != nil {
		return err
	}
	for _, d := range []*demo.Device{newcomer, counsellor} {
		d.Start()
		if err := d.Events.Wait(ctx, d.Name+" to be live", func() bool {
			return d.Events.Since(0, func(ev client.Event) bool { return ev.Kind == client.EventSynced && ev.Doc == doc })
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
			i+1, writer.Name, t.field, reader.Name, ms(p), ms(e))
	}

	// Both replicas are the same document.
	hn, err := newcomer.Heads(ctx, doc)
	if err != nil {
		return err
	}
	hc, err := counsellor.Heads(ctx, doc)
	if err != nil {
		return err
	}
	if !slices.Equal(hn, hc) {
		return errors.New("the replicas' heads differ after the last turn")
	}
	if err := demo.NoSecurityEvents(newcomer, counsellor); err != nil {
		return err
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
func playTurn(ctx context.Context, doc e2ee.DocID, writer, reader *demo.Device, t turn, src crdt.Source) (presence, edit time.Duration, err error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()

	mark := reader.Events.Mark()
	t0 := time.Now()
	if err := writer.Client.SetPresence(ctx, doc, t.field); err != nil {
		return 0, 0, fmt.Errorf("%s: set presence: %w", writer.Name, err)
	}
	if err := reader.Events.Wait(ctx, reader.Name+" to see "+writer.Name+" on "+t.field, func() bool {
		return reader.Events.Since(mark, func(ev client.Event) bool {
			return ev.Kind == client.EventPresence && ev.Doc == doc && ev.Author == writer.Client.ID()
		}) && slices.ContainsFunc(reader.Client.Peers(doc), func(p client.Peer) bool {
			return p.ID == writer.Client.ID() && p.Field == t.field
		})
	}); err != nil {
		return 0, 0, err
	}
	presence = time.Since(t0)

	var want string
	mark = reader.Events.Mark()
	t0 = time.Now()
	err = writer.Edit(ctx, doc, func(b *crdt.Biography) error {
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
	if err := reader.Events.Wait(ctx, reader.Name+" to see "+writer.Name+"'s edit of "+t.field, func() bool {
		if !reader.Events.Since(mark, func(ev client.Event) bool {
			return ev.Kind == client.EventRemoteChange && ev.Doc == doc && ev.Author == writer.Client.ID()
		}) {
			return false
		}
		var got string
		err := reader.Read(ctx, doc, func(b *crdt.Biography) error {
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

func median(ds []time.Duration) time.Duration {
	s := slices.Sorted(slices.Values(ds))
	return s[len(s)/2]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }
