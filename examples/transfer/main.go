// Command transfer shows the hand-over of a biography when a newcomer moves from temporary
// to follow-up accommodation: the newcomer records her consent in the biography, the
// counsellor of the temporary accommodation transfers the document to the integration
// manager and leaves, the integration manager reads the whole history, and what is written
// after the transfer is closed to the previous counsellor: her replica does not get it, her
// client reports the removal, and not even the ciphertext the relay stores opens with the
// keys she holds.
//
// It starts its own relay on 127.0.0.1, prints what happens, checks the outcome and exits 0,
// or 1 with the reason.
//
//	go run ./examples/transfer
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/examples/demo"
)

func main() { demo.Main("transfer", run) }

func run(ctx context.Context, r *demo.Relay) error {
	newcomer, err := demo.NewPerson("newcomer", r.SyncURL)
	if err != nil {
		return err
	}
	defer newcomer.Close()
	counsellor, err := demo.NewPerson("counsellor", r.SyncURL) // social counselling, temporary accommodation
	if err != nil {
		return err
	}
	defer counsellor.Close()
	manager, err := demo.NewPerson("manager", r.SyncURL) // integration management, follow-up accommodation
	if err != nil {
		return err
	}
	defer manager.Close()

	self := crdt.Provenance{Source: crdt.SourceSelf}
	byCounsellor := crdt.Provenance{Source: crdt.SourceCounsellor}
	today := crdt.DateOf(crdt.Date{Year: time.Now().Year(), Month: int(time.Now().Month()), Day: time.Now().Day()})

	// The newcomer's biography, shared with her counsellor at the shelter.
	first, err := crdt.New()
	if err != nil {
		return err
	}
	err = errors.Join(
		first.Set("person.family_names", crdt.String("Haddad"), self),
		first.Set("person.given_names", crdt.String("Amira"), self),
		first.Set("person.accommodation_stage", crdt.Code("VU"), self),
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
	if err := newcomer.Add(ctx, doc, counsellor, e2ee.RoleCounsellor, "Amira H."); err != nil {
		return err
	}
	if err := counsellor.Sync(ctx); err != nil {
		return err
	}
	fmt.Println("newcomer:   created her biography and added the shelter's counsellor")

	// The counsellor's case work at the shelter.
	var contact string
	err = counsellor.Edit(ctx, doc, func(b *crdt.Biography) (err error) {
		if contact, err = b.AddEntry("contacts.contacts"); err != nil {
			return err
		}
		return errors.Join(
			b.Set("contacts.contacts."+contact+".date", today, byCounsellor),
			b.Set("contacts.contacts."+contact+".mode", crdt.Code("in_person"), byCounsellor),
			b.AddCode("contacts.contacts."+contact+".topics", "WOHNEN", byCounsellor),
			b.Set("plan.phase", crdt.Code("VU"), byCounsellor),
		)
	})
	if err != nil {
		return err
	}
	if err := counsellor.Sync(ctx); err != nil {
		return err
	}
	fmt.Println("counsellor: recorded a counselling contact and the plan's phase (VU)")

	// Before she moves, the newcomer consents to the hand-over, in her own biography.
	var consentID string
	err = newcomer.Edit(ctx, doc, func(b *crdt.Biography) (err error) {
		if consentID, err = b.AddEntry("consents.consents"); err != nil {
			return err
		}
		c := "consents.consents." + consentID + "."
		return errors.Join(
			b.Set(c+"purpose", crdt.Code("TRANSFER_VU_TO_AU"), self),
			b.Set(c+"recipient_type", crdt.Code("COUNSELLOR_AU"), self),
			b.Set(c+"language_shown", crdt.Code("ar"), self),
			b.Set(c+"given_at", crdt.TimeOf(time.Now()), self),
			b.Set(c+"method", crdt.Code("electronic"), self),
			b.Set(c+"given_by", crdt.Code("SELF"), self),
		)
	})
	if err != nil {
		return err
	}
	if err := newcomer.Sync(ctx); err != nil {
		return err
	}
	fmt.Println("newcomer:   recorded her consent to the transfer (consents section)")

	// The counsellor finds the consent in the document and hands over.
	if err := counsellor.Sync(ctx); err != nil {
		return err
	}
	var found string
	if err := counsellor.Read(ctx, doc, func(b *crdt.Biography) error {
		found, err = transferConsent(b)
		return err
	}); err != nil {
		return err
	}
	if found != consentID {
		return fmt.Errorf("the counsellor found consent entry %q, the newcomer recorded %q", found, consentID)
	}
	before, err := counsellor.Client.Info(ctx, doc)
	if err != nil {
		return err
	}
	if err := counsellor.Client.Transfer(ctx, doc, manager.Identity.Public(), found, true); err != nil {
		return fmt.Errorf("transfer: %w", err)
	}
	after, err := counsellor.Client.Info(ctx, doc)
	if err != nil {
		return err
	}
	if after.Role != 0 || after.Epoch <= before.Epoch {
		return fmt.Errorf("counsellor after the transfer: role %v at epoch %d, want no role at an epoch after %d", after.Role, after.Epoch, before.Epoch)
	}
	fmt.Printf("counsellor: transferred to the integration manager citing the consent, and left (epoch %d -> %d)\n", before.Epoch, after.Epoch)

	// The integration manager joins and reads everything, history included. The newcomer's
	// phone is online from now on (Client.Run).
	newcomer.Start()
	if err := manager.Client.Join(ctx, doc, "Amira H."); err != nil {
		return fmt.Errorf("join: %w", err)
	}
	if err := manager.Sync(ctx); err != nil {
		return err
	}
	var members []client.MemberInfo
	if err := newcomer.Events.Wait(ctx, "the newcomer to learn of the transfer", func() bool {
		var err error
		members, err = newcomer.Client.Members(ctx, doc)
		return err == nil && slices.ContainsFunc(members, func(m client.MemberInfo) bool { return m.Identity.ID() == manager.Client.ID() })
	}); err != nil {
		return err
	}
	if slices.ContainsFunc(members, func(m client.MemberInfo) bool { return m.Identity.ID() == counsellor.Client.ID() }) {
		return errors.New("the previous counsellor is still a member")
	}
	if err := newcomer.Events.Wait(ctx, "the newcomer and the manager to converge", func() bool {
		hn, err1 := newcomer.Heads(ctx, doc)
		hm, err2 := manager.Heads(ctx, doc)
		return err1 == nil && err2 == nil && slices.Equal(hn, hm)
	}); err != nil {
		return err
	}
	jm, err := manager.JSON(ctx, doc)
	if err != nil {
		return err
	}
	jn, err := newcomer.JSON(ctx, doc)
	if err != nil {
		return err
	}
	if !bytes.Equal(jm, jn) {
		return errors.New("the integration manager's replica differs from the newcomer's")
	}
	if err := manager.Read(ctx, doc, func(b *crdt.Biography) error {
		return errors.Join(
			demo.WantValue("person.given_names", "Amira")(b),
			demo.WantValue("contacts.contacts."+contact+".mode", "in_person")(b),
			demo.WantValue("consents.consents."+consentID+".purpose", "TRANSFER_VU_TO_AU")(b),
		)
	}); err != nil {
		return fmt.Errorf("the integration manager's replica: %w", err)
	}
	fmt.Printf("manager:    joined and reads the whole biography, the shelter's case work included (%d bytes of JSON, same as the newcomer's)\n", len(jm))
	fmt.Printf("newcomer:   members now: %s\n", describe(members, map[e2ee.IdentityID]string{
		newcomer.Client.ID(): "newcomer", counsellor.Client.ID(): "counsellor", manager.Client.ID(): "manager",
	}))

	// After the move: the integration manager's first entries.
	err = manager.Edit(ctx, doc, func(b *crdt.Biography) error {
		return errors.Join(
			b.Set("person.accommodation_stage", crdt.Code("AU"), byCounsellor),
			b.Set("plan.phase", crdt.Code("AU"), byCounsellor),
		)
	})
	if err != nil {
		return err
	}
	var visit string
	err = manager.Edit(ctx, doc, func(b *crdt.Biography) (err error) {
		if visit, err = b.AddEntry("contacts.contacts"); err != nil {
			return err
		}
		return errors.Join(
			b.Set("contacts.contacts."+visit+".date", today, byCounsellor),
			b.Set("contacts.contacts."+visit+".mode", crdt.Code("in_person"), byCounsellor),
		)
	})
	if err != nil {
		return err
	}
	if err := manager.Sync(ctx); err != nil {
		return err
	}
	if err := newcomer.Events.Wait(ctx, "the newcomer to receive the manager's changes", func() bool {
		return newcomer.Read(ctx, doc, func(b *crdt.Biography) error {
			return errors.Join(demo.WantValue("plan.phase", "AU")(b), demo.WantValue("contacts.contacts."+visit+".mode", "in_person")(b))
		}) == nil
	}); err != nil {
		return err
	}
	fmt.Println("manager:    moved the plan to phase AU and recorded a first visit; the newcomer's phone receives both live")

	// The previous counsellor syncs once more.
	mark := counsellor.Events.Mark()
	serr := counsellor.Client.Sync(ctx)
	removed := counsellor.Events.Since(mark, func(ev client.Event) bool { return ev.Kind == client.EventRemoved && ev.Doc == doc })
	if !removed && !errors.Is(serr, client.ErrNotMember) {
		return fmt.Errorf("the previous counsellor's sync reported no removal (sync: %v)", serr)
	}
	if err := counsellor.Read(ctx, doc, func(b *crdt.Biography) error {
		if _, err := b.Get("contacts.contacts." + visit + ".mode"); !errors.Is(err, crdt.ErrNoEntry) {
			return fmt.Errorf("the manager's contact entry: %v, want crdt.ErrNoEntry", err)
		}
		return demo.WantValue("plan.phase", "VU")(b)
	}); err != nil {
		return fmt.Errorf("the previous counsellor's replica has changes made after the transfer: %w", err)
	}
	info, err := counsellor.Client.Info(ctx, doc)
	if err != nil {
		return err
	}
	if info.Role != 0 {
		return fmt.Errorf("the previous counsellor's role is %v, want none", info.Role)
	}
	eerr := counsellor.Edit(ctx, doc, func(b *crdt.Biography) error {
		return b.Set("plan.phase", crdt.Code("VU"), byCounsellor)
	})
	if !errors.Is(eerr, client.ErrNotMember) {
		return fmt.Errorf("the previous counsellor's edit: %v, want client.ErrNotMember", eerr)
	}
	how := "a removed event"
	if serr != nil {
		how = "an error"
	}
	fmt.Printf("counsellor: Sync reports the removal (%s); her replica has neither change; no role at epoch %d; Edit: ErrNotMember\n", how, info.Epoch)

	// The relay's copy: what was written after the transfer does not open with any key the
	// previous counsellor holds, while the integration manager's keys open it.
	closed, opened, err := relaySideCheck(ctx, r, doc, counsellor.Identity, manager.Identity)
	if err != nil {
		return err
	}
	fmt.Printf("relay side: %d entries sealed after the transfer; the previous counsellor holds keys of epochs %v only and opens none; the manager's keys open all\n", closed, opened)
	return nil
}

// transferConsent returns the ID of the newest consent entry to a transfer that was not
// withdrawn.
func transferConsent(b *crdt.Biography) (string, error) {
	ids, err := b.Entries("consents.consents")
	if err != nil {
		return "", err
	}
	for _, id := range slices.Backward(ids) {
		purpose, err1 := b.Get("consents.consents." + id + ".purpose")
		withdrawn, err2 := b.Get("consents.consents." + id + ".withdrawn_at")
		if err := errors.Join(err1, err2); err != nil {
			return "", err
		}
		if purpose.Str() == "TRANSFER_VU_TO_AU" && withdrawn.State() == crdt.StateEmpty {
			return id, nil
		}
	}
	return "", errors.New("no consent to a transfer in the biography")
}

// relaySideCheck reads the document as the relay stores it and tries to open every entry
// sealed after the previous counsellor left, with her keys and with the successor's. It
// returns how many such entries there are and the epochs the previous counsellor holds keys
// for.
func relaySideCheck(ctx context.Context, r *demo.Relay, doc e2ee.DocID, previous, successor *keyring.Identity) (int, []e2ee.Epoch, error) {
	ops, err := r.Store.Ops(ctx, doc, 0, 0)
	if err != nil {
		return 0, nil, fmt.Errorf("the relay's log: %w", err)
	}
	m, err := e2ee.VerifyLog(ops)
	if err != nil {
		return 0, nil, fmt.Errorf("the relay's log: %w", err)
	}
	entries, err := r.Store.ReadRange(ctx, doc, 0, 0)
	if err != nil {
		return 0, nil, fmt.Errorf("the relay's entries: %w", err)
	}
	prevKeys, err := keyring.OpenKeys(previous, m)
	if err != nil {
		return 0, nil, fmt.Errorf("the previous counsellor's keys of earlier epochs: %w", err)
	}
	nextKeys, err := keyring.OpenKeys(successor, m)
	if err != nil {
		return 0, nil, fmt.Errorf("the manager's keys: %w", err)
	}
	held := prevKeys.Epochs()
	closed := 0
	for _, e := range entries {
		v, err := e2ee.Verify(e.Envelope, m)
		if err != nil {
			return 0, nil, fmt.Errorf("entry %d does not verify: %w", e.Offset, err)
		}
		epoch := v.Header().Epoch
		if slices.Contains(held, epoch) {
			continue // written while she was a member
		}
		closed++
		if _, err := prevKeys.Key(epoch); err == nil {
			return 0, nil, fmt.Errorf("the previous counsellor holds the key of epoch %d", epoch)
		}
		for _, k := range held {
			key, err := prevKeys.Key(k)
			if err != nil {
				return 0, nil, err
			}
			if _, err := keyring.Open(v, key); !errors.Is(err, keyring.ErrDecrypt) {
				return 0, nil, fmt.Errorf("entry %d with the key of epoch %d: %v, want keyring.ErrDecrypt", e.Offset, k, err)
			}
		}
		key, err := nextKeys.Key(epoch)
		if err != nil {
			return 0, nil, fmt.Errorf("the manager lacks the key of epoch %d: %w", epoch, err)
		}
		if _, err := keyring.Open(v, key); err != nil {
			return 0, nil, fmt.Errorf("entry %d does not open with the manager's key: %w", e.Offset, err)
		}
	}
	if closed == 0 {
		return 0, nil, errors.New("the relay stores no entry written after the transfer")
	}
	return closed, held, nil
}

// describe lists members by name and role.
func describe(members []client.MemberInfo, names map[e2ee.IdentityID]string) string {
	var out []string
	for _, m := range members {
		out = append(out, names[m.Identity.ID()]+" ("+m.Role.String()+")")
	}
	slices.Sort(out)
	return fmt.Sprint(out)
}
