// Command offline-shelter shows offline-first editing: a newcomer edits her biography on a
// shelter computer without a connection while her counsellor edits the same biography online;
// when the shelter computer reconnects, both replicas converge and no edit of either is lost.
//
// It starts its own relay on 127.0.0.1, prints what happens, checks the outcome and exits 0,
// or 1 with the reason.
//
//	go run ./examples/offline-shelter
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/memstore"
	"github.com/mobio-sync/mobio/client/sqlitestore"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/examples/demo"
)

func main() { demo.Main("offline-shelter", run) }

// edit is one change a person makes, and the check that it is in a replica.
type edit struct {
	what  string
	apply func(b *crdt.Biography) error
	check func(b *crdt.Biography) error
}

const interests = "living.interests" // the free-text field both edit at once

func run(ctx context.Context, r *demo.Relay) error {
	// The newcomer's shelter computer keeps its replica in SQLite, so that its offline edits
	// survive a restart; the counsellor's laptop keeps nothing (memstore).
	dir, err := os.MkdirTemp("", "mobio-example-shelter-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	dbPath := filepath.Join(dir, "newcomer.db")
	newcomerID, err := keyring.NewIdentity()
	if err != nil {
		return err
	}
	counsellorID, err := keyring.NewIdentity()
	if err != nil {
		return err
	}
	newcomer, err := openShelter(ctx, r.SyncURL, newcomerID, dbPath)
	if err != nil {
		return err
	}
	defer func() {
		if newcomer != nil {
			newcomer.Close()
		}
	}()
	counsellor, err := demo.NewDevice("counsellor", r.SyncURL, counsellorID, memstore.New())
	if err != nil {
		return err
	}
	defer counsellor.Close()

	// The newcomer starts her biography with what she knows by heart.
	first, err := crdt.New()
	if err != nil {
		return err
	}
	self := crdt.Provenance{Source: crdt.SourceSelf}
	err = errors.Join(
		first.Set("person.family_names", crdt.String("Haddad"), self),
		first.Set("person.given_names", crdt.String("Amira"), self),
		first.AddCode("person.nationalities", "SY", self),
		first.AddCode("languages.mother_tongues", "ara", self),
		first.Set("person.accommodation_stage", crdt.Code("VU"), self),
		first.SetText(interests, "Kochen", "de"),
	)
	if err != nil {
		return fmt.Errorf("first entries: %w", err)
	}
	doc, err := newcomer.Client.Create(ctx, "Amira H.", first)
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	if err := newcomer.Sync(ctx); err != nil {
		return err
	}
	fmt.Println("newcomer:   created her biography and synced it (the relay holds ciphertext only)")

	// After comparing fingerprints in person, she adds her counsellor.
	if err := newcomer.Add(ctx, doc, counsellor, e2ee.RoleCounsellor, "Amira H."); err != nil {
		return err
	}
	counsellor.Start()
	if err := counsellor.Events.Wait(ctx, "the counsellor's first catch-up", func() bool {
		return counsellor.Read(ctx, doc, demo.WantValue("person.given_names", "Amira")) == nil
	}); err != nil {
		return err
	}
	fmt.Println("counsellor: was added, joined and reads the biography (live connection)")

	// The shelter's Wi-Fi is down: the newcomer edits without a connection (no Run, no Sync)
	// while the counsellor keeps editing online. Both add to the same text and the same set.
	var job, course string
	newcomerEdits := []edit{
		{"German level A2",
			func(b *crdt.Biography) error { return b.Set("languages.german_level", crdt.Code("A2"), self) },
			demo.WantValue("languages.german_level", "A2")},
		{"a past job as a baker",
			func(b *crdt.Biography) (err error) {
				if job, err = b.AddEntry("work.jobs"); err != nil {
					return err
				}
				return errors.Join(
					b.Set("work.jobs."+job+".country", crdt.Code("SY"), self),
					b.Set("work.jobs."+job+".job_title", crdt.String("Bäckerin"), self),
				)
			},
			func(b *crdt.Biography) error { return demo.WantValue("work.jobs."+job+".job_title", "Bäckerin")(b) }},
		{"interests: appends to the text",
			func(b *crdt.Biography) error {
				return b.SpliceText(interests, len([]rune("Kochen")), 0, " und Fußball")
			},
			nil}, // checked with the counsellor's insertion below
		{"priority: learning German",
			func(b *crdt.Biography) error { return b.AddCode("aspirations.next_priorities", "Deutsch_lernen", self) },
			demo.WantCodes("aspirations.next_priorities", "Deutsch_lernen")},
		{"preferred language of the app: Arabic",
			func(b *crdt.Biography) error { return b.Set("person.preferred_ui_language", crdt.Code("ar"), self) },
			demo.WantValue("person.preferred_ui_language", "ar")},
		{"driving licence class B",
			func(b *crdt.Biography) error { return b.AddCode("living.driving_licence_classes", "B", self) },
			demo.WantCodes("living.driving_licence_classes", "B")},
	}
	byCounsellor := crdt.Provenance{Source: crdt.SourceCounsellor}
	counsellorEdits := []edit{
		{"municipality (official key)",
			func(b *crdt.Biography) error {
				return b.Set("person.municipality", crdt.String("08222000"), byCounsellor)
			},
			demo.WantValue("person.municipality", "08222000")},
		{"interests: inserts at the start of the text",
			func(b *crdt.Biography) error { return b.SpliceText(interests, 0, 0, "Chor, ") },
			nil},
		{"an integration course, registered",
			func(b *crdt.Biography) (err error) {
				if course, err = b.AddEntry("languages.german_courses"); err != nil {
					return err
				}
				return errors.Join(
					b.Set("languages.german_courses."+course+".type", crdt.Code("IK_ALLGEMEIN"), byCounsellor),
					b.Set("languages.german_courses."+course+".status", crdt.Code("angemeldet"), byCounsellor),
				)
			},
			func(b *crdt.Biography) error {
				return demo.WantValue("languages.german_courses."+course+".status", "angemeldet")(b)
			}},
		{"priority: recognition of her qualification",
			func(b *crdt.Biography) error {
				return b.AddCode("aspirations.next_priorities", "Anerkennung", byCounsellor)
			},
			demo.WantCodes("aspirations.next_priorities", "Anerkennung")},
		{"interpreter needed",
			func(b *crdt.Biography) error {
				return b.Set("person.interpreter_needed", crdt.Bool(true), byCounsellor)
			},
			demo.WantValue("person.interpreter_needed", "true")},
	}
	for i := range max(len(newcomerEdits), len(counsellorEdits)) {
		if i < len(newcomerEdits) {
			if err := newcomer.Edit(ctx, doc, newcomerEdits[i].apply); err != nil {
				return fmt.Errorf("%s: %w", newcomerEdits[i].what, err)
			}
		}
		if i < len(counsellorEdits) {
			if err := counsellor.Edit(ctx, doc, counsellorEdits[i].apply); err != nil {
				return fmt.Errorf("%s: %w", counsellorEdits[i].what, err)
			}
		}
	}
	if err := counsellor.Events.Wait(ctx, "the counsellor's edits to reach the relay", func() bool {
		return counsellor.Client.Status().Pending == 0
	}); err != nil {
		return err
	}
	st := newcomer.Client.Status()
	if st.Connected || st.Pending != len(newcomerEdits) {
		return fmt.Errorf("newcomer offline: status %+v, want not connected with %d pending", st, len(newcomerEdits))
	}
	fmt.Printf("newcomer:   %d edits offline, %d waiting in the outbox\n", len(newcomerEdits), st.Pending)
	fmt.Printf("counsellor: %d edits online, all acknowledged by the relay\n", len(counsellorEdits))

	// The shelter computer restarts before the Wi-Fi returns: the outbox is on disk.
	if err := newcomer.Close(); err != nil {
		return fmt.Errorf("close the shelter computer's client: %w", err)
	}
	if newcomer, err = openShelter(ctx, r.SyncURL, newcomerID, dbPath); err != nil {
		return err
	}
	info, err := newcomer.Client.Info(ctx, doc)
	if err != nil {
		return err
	}
	if info.Pending != len(newcomerEdits) {
		return fmt.Errorf("after a restart the newcomer has %d pending, want %d", info.Pending, len(newcomerEdits))
	}
	fmt.Printf("newcomer:   the computer restarted; still %d edits in the outbox\n", info.Pending)

	// The Wi-Fi is back.
	mark := counsellor.Events.Mark()
	t0 := time.Now()
	if err := newcomer.Sync(ctx); err != nil {
		return err
	}
	syncTook := time.Since(t0)
	if p := newcomer.Client.Status().Pending; p != 0 {
		return fmt.Errorf("newcomer: %d pending after sync, want 0", p)
	}
	var heads []string
	if err := counsellor.Events.Wait(ctx, "the counsellor to receive the offline edits", func() bool {
		hn, err1 := newcomer.Heads(ctx, doc)
		hc, err2 := counsellor.Heads(ctx, doc)
		heads = hn
		return err1 == nil && err2 == nil && slices.Equal(hn, hc)
	}); err != nil {
		return err
	}
	at, ok := counsellor.Events.FirstSince(mark, func(ev client.Event) bool {
		return ev.Kind == client.EventRemoteChange && ev.Doc == doc && ev.Author == newcomerID.ID()
	})
	if !ok {
		return errors.New("the counsellor saw no remote-change event from the newcomer")
	}
	arrived := at.Sub(t0)
	fmt.Printf("newcomer:   reconnected: Sync pushed and caught up in %v\n", syncTook.Round(time.Millisecond))
	fmt.Printf("counsellor: received the offline edits live (remote-change) %v after the reconnect began\n", arrived.Round(time.Millisecond))

	// Both replicas are the same document, and nothing is lost.
	jn, err := newcomer.JSON(ctx, doc)
	if err != nil {
		return err
	}
	jc, err := counsellor.JSON(ctx, doc)
	if err != nil {
		return err
	}
	if !bytes.Equal(jn, jc) {
		return errors.New("the replicas' JSON exports differ although their heads are equal")
	}
	checks := []func(*crdt.Biography) error{
		demo.WantValue("person.given_names", "Amira"),
		demo.WantValue("person.accommodation_stage", "VU"),
		demo.WantCodes("aspirations.next_priorities", "Deutsch_lernen", "Anerkennung"),
		demo.WantText(interests, "Chor, Kochen und Fußball"),
	}
	for _, e := range slices.Concat(newcomerEdits, counsellorEdits) {
		if e.check != nil {
			checks = append(checks, e.check)
		}
	}
	for _, d := range []*demo.Device{newcomer, counsellor} {
		for _, check := range checks {
			if err := d.Read(ctx, doc, check); err != nil {
				return fmt.Errorf("%s's replica: %w", d.Name, err)
			}
		}
		if err := demo.NoSecurityEvents(d); err != nil {
			return err
		}
	}
	var merged crdt.TextValue
	if err := counsellor.Read(ctx, doc, func(b *crdt.Biography) (err error) {
		merged, err = b.Text(interests)
		return err
	}); err != nil {
		return err
	}
	fmt.Printf("both:       same heads (%d), identical JSON export (%d bytes), all %d edits present\n",
		len(heads), len(jn), len(newcomerEdits)+len(counsellorEdits))
	fmt.Printf("both:       the text both typed into merged to %q\n", merged.Text)
	return nil
}

// openShelter opens the shelter computer's store and client (again, after a restart).
func openShelter(ctx context.Context, relayURL string, id *keyring.Identity, path string) (*demo.Device, error) {
	store, err := sqlitestore.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open the shelter computer's store: %w", err)
	}
	d, err := demo.NewDevice("newcomer", relayURL, id, store)
	if err != nil {
		store.Close()
		return nil, err
	}
	return d, nil
}
