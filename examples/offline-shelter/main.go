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
)

func main() {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	err := run(ctx)
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, "offline-shelter: FAIL:", err)
		os.Exit(1)
	}
	fmt.Printf("offline-shelter: OK (%v)\n", time.Since(start).Round(time.Millisecond))
}

// edit is one change a person makes, and the check that it is in a replica.
type edit struct {
	what  string
	apply func(b *crdt.Biography) error
	check func(b *crdt.Biography) error
}

const interests = "living.interests" // the free-text field both edit at once

func run(ctx context.Context) (err error) {
	r, err := startRelay(ctx)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, r.Stop()) }()
	fmt.Println("relay:      listening on", r.SyncURL)

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
			newcomer.close()
		}
	}()
	counsellor, err := newDevice("counsellor", r.SyncURL, counsellorID, memstore.New())
	if err != nil {
		return err
	}
	defer counsellor.close()

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
	doc, err := newcomer.c.Create(ctx, "Amira H.", first)
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	if err := newcomer.sync(ctx); err != nil {
		return err
	}
	fmt.Println("newcomer:   created her biography and synced it (the relay holds ciphertext only)")

	// After comparing fingerprints in person, she adds her counsellor.
	if err := newcomer.c.Add(ctx, doc, counsellorID.Public(), e2ee.RoleCounsellor); err != nil {
		return fmt.Errorf("add the counsellor: %w", err)
	}
	if err := counsellor.c.Join(ctx, doc, "Amira H."); err != nil {
		return fmt.Errorf("join: %w", err)
	}
	counsellor.run()
	if err := counsellor.ev.wait(ctx, "the counsellor's first catch-up", func() bool {
		return counsellor.read(ctx, doc, wantValue("person.given_names", "Amira")) == nil
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
			wantValue("languages.german_level", "A2")},
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
			func(b *crdt.Biography) error { return wantValue("work.jobs."+job+".job_title", "Bäckerin")(b) }},
		{"interests: appends to the text",
			func(b *crdt.Biography) error {
				return b.SpliceText(interests, len([]rune("Kochen")), 0, " und Fußball")
			},
			nil}, // checked with the counsellor's insertion below
		{"priority: learning German",
			func(b *crdt.Biography) error { return b.AddCode("aspirations.next_priorities", "Deutsch_lernen", self) },
			wantCodes("aspirations.next_priorities", "Deutsch_lernen")},
		{"preferred language of the app: Arabic",
			func(b *crdt.Biography) error { return b.Set("person.preferred_ui_language", crdt.Code("ar"), self) },
			wantValue("person.preferred_ui_language", "ar")},
		{"driving licence class B",
			func(b *crdt.Biography) error { return b.AddCode("living.driving_licence_classes", "B", self) },
			wantCodes("living.driving_licence_classes", "B")},
	}
	byCounsellor := crdt.Provenance{Source: crdt.SourceCounsellor}
	counsellorEdits := []edit{
		{"municipality (official key)",
			func(b *crdt.Biography) error {
				return b.Set("person.municipality", crdt.String("08222000"), byCounsellor)
			},
			wantValue("person.municipality", "08222000")},
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
				return wantValue("languages.german_courses."+course+".status", "angemeldet")(b)
			}},
		{"priority: recognition of her qualification",
			func(b *crdt.Biography) error {
				return b.AddCode("aspirations.next_priorities", "Anerkennung", byCounsellor)
			},
			wantCodes("aspirations.next_priorities", "Anerkennung")},
		{"interpreter needed",
			func(b *crdt.Biography) error {
				return b.Set("person.interpreter_needed", crdt.Bool(true), byCounsellor)
			},
			wantValue("person.interpreter_needed", "true")},
	}
	for i := range max(len(newcomerEdits), len(counsellorEdits)) {
		if i < len(newcomerEdits) {
			if err := newcomer.edit(ctx, doc, newcomerEdits[i].apply); err != nil {
				return fmt.Errorf("%s: %w", newcomerEdits[i].what, err)
			}
		}
		if i < len(counsellorEdits) {
			if err := counsellor.edit(ctx, doc, counsellorEdits[i].apply); err != nil {
				return fmt.Errorf("%s: %w", counsellorEdits[i].what, err)
			}
		}
	}
	if err := counsellor.ev.wait(ctx, "the counsellor's edits to reach the relay", func() bool {
		return counsellor.c.Status().Pending == 0
	}); err != nil {
		return err
	}
	st := newcomer.c.Status()
	if st.Connected || st.Pending != len(newcomerEdits) {
		return fmt.Errorf("newcomer offline: status %+v, want not connected with %d pending", st, len(newcomerEdits))
	}
	fmt.Printf("newcomer:   %d edits offline, %d waiting in the outbox\n", len(newcomerEdits), st.Pending)
	fmt.Printf("counsellor: %d edits online, all acknowledged by the relay\n", len(counsellorEdits))

	// The shelter computer restarts before the Wi-Fi returns: the outbox is on disk.
	if err := newcomer.close(); err != nil {
		return fmt.Errorf("close the shelter computer's client: %w", err)
	}
	if newcomer, err = openShelter(ctx, r.SyncURL, newcomerID, dbPath); err != nil {
		return err
	}
	info, err := newcomer.c.Info(ctx, doc)
	if err != nil {
		return err
	}
	if info.Pending != len(newcomerEdits) {
		return fmt.Errorf("after a restart the newcomer has %d pending, want %d", info.Pending, len(newcomerEdits))
	}
	fmt.Printf("newcomer:   the computer restarted; still %d edits in the outbox\n", info.Pending)

	// The Wi-Fi is back.
	mark := counsellor.ev.mark()
	t0 := time.Now()
	if err := newcomer.sync(ctx); err != nil {
		return err
	}
	syncTook := time.Since(t0)
	if p := newcomer.c.Status().Pending; p != 0 {
		return fmt.Errorf("newcomer: %d pending after sync, want 0", p)
	}
	var heads []string
	if err := counsellor.ev.wait(ctx, "the counsellor to receive the offline edits", func() bool {
		hn, err1 := headsOf(ctx, newcomer, doc)
		hc, err2 := headsOf(ctx, counsellor, doc)
		heads = hn
		return err1 == nil && err2 == nil && slices.Equal(hn, hc)
	}); err != nil {
		return err
	}
	at, ok := counsellor.ev.firstSince(mark, func(ev client.Event) bool {
		return ev.Kind == client.EventRemoteChange && ev.Doc == doc && ev.Author == newcomerID.ID()
	})
	if !ok {
		return errors.New("the counsellor saw no remote-change event from the newcomer")
	}
	arrived := at.Sub(t0)
	fmt.Printf("newcomer:   reconnected: Sync pushed and caught up in %v\n", syncTook.Round(time.Millisecond))
	fmt.Printf("counsellor: received the offline edits live (remote-change) %v after the reconnect began\n", arrived.Round(time.Millisecond))

	// Both replicas are the same document, and nothing is lost.
	jn, err := jsonOf(ctx, newcomer, doc)
	if err != nil {
		return err
	}
	jc, err := jsonOf(ctx, counsellor, doc)
	if err != nil {
		return err
	}
	if !bytes.Equal(jn, jc) {
		return errors.New("the replicas' JSON exports differ although their heads are equal")
	}
	checks := []func(*crdt.Biography) error{
		wantValue("person.given_names", "Amira"),
		wantValue("person.accommodation_stage", "VU"),
		wantCodes("aspirations.next_priorities", "Deutsch_lernen", "Anerkennung"),
		wantText(interests, "Chor, Kochen und Fußball"),
	}
	for _, e := range slices.Concat(newcomerEdits, counsellorEdits) {
		if e.check != nil {
			checks = append(checks, e.check)
		}
	}
	for _, d := range []*device{newcomer, counsellor} {
		for _, check := range checks {
			if err := d.read(ctx, doc, check); err != nil {
				return fmt.Errorf("%s's replica: %w", d.name, err)
			}
		}
		if d.ev.since(0, func(ev client.Event) bool { return ev.Kind == client.EventSecurity }) {
			return fmt.Errorf("%s reported a security event", d.name)
		}
	}
	var merged crdt.TextValue
	if err := counsellor.read(ctx, doc, func(b *crdt.Biography) (err error) {
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
func openShelter(ctx context.Context, relayURL string, id *keyring.Identity, path string) (*device, error) {
	store, err := sqlitestore.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open the shelter computer's store: %w", err)
	}
	d, err := newDevice("newcomer", relayURL, id, store)
	if err != nil {
		store.Close()
		return nil, err
	}
	return d, nil
}

func headsOf(ctx context.Context, d *device, doc e2ee.DocID) ([]string, error) {
	var heads []string
	err := d.read(ctx, doc, func(b *crdt.Biography) error {
		heads = slices.Sorted(slices.Values(b.Heads()))
		return nil
	})
	return heads, err
}

func jsonOf(ctx context.Context, d *device, doc e2ee.DocID) ([]byte, error) {
	var out []byte
	err := d.read(ctx, doc, func(b *crdt.Biography) (err error) {
		out, err = b.JSON()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: export: %w", d.name, err)
	}
	return out, nil
}

// wantValue checks a scalar field's value as a person types it.
func wantValue(path, want string) func(*crdt.Biography) error {
	return func(b *crdt.Biography) error {
		v, err := b.Get(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if got := v.Text(); got != want {
			return fmt.Errorf("%s = %q, want %q", path, got, want)
		}
		return nil
	}
}

// wantCodes checks that a set field holds the codes (among others).
func wantCodes(path string, want ...string) func(*crdt.Biography) error {
	return func(b *crdt.Biography) error {
		got, err := b.Codes(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				return fmt.Errorf("%s = %v, want it to hold %q", path, got, w)
			}
		}
		return nil
	}
}

// wantText checks a free-text field's original text.
func wantText(path, want string) func(*crdt.Biography) error {
	return func(b *crdt.Biography) error {
		t, err := b.Text(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if t.Text != want {
			return fmt.Errorf("%s = %q, want %q", path, t.Text, want)
		}
		return nil
	}
}
