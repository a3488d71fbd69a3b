package keyring_test

import (
	"fmt"
	"log"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

func ExampleSeal() {
	owner, err := keyring.NewIdentity()
	if err != nil {
		log.Fatal(err)
	}
	doc := e2ee.DocID{1}
	key := keyring.NewEpochKey(doc, 1)
	members := e2ee.StaticMembership(doc, 1, e2ee.Member{Identity: owner.Public(), Role: e2ee.RoleOwner})
	chain := e2ee.NewChain(doc)

	// The author numbers its envelopes and links each to the one before.
	seq, prev := chain.Next(owner.ID())
	raw, err := keyring.Seal(owner, key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: seq, Prev: prev}, []byte("Born in Aleppo, 1994."))
	if err != nil {
		log.Fatal(err)
	}

	// The relay, and then every reader, verifies without a key that decrypts.
	v, err := e2ee.Verify(raw, members)
	if err != nil {
		log.Fatal(err)
	}
	// A reader checks the author's chain, then opens.
	if err := chain.Check(v); err != nil {
		log.Fatal(err)
	}
	plaintext, err := keyring.Open(v, key)
	if err != nil {
		log.Fatal(err)
	}
	h := v.Header()
	fmt.Printf("%s %d: %d bytes of ciphertext\n%s\n", h.Kind, h.Seq, h.Size, plaintext)
	// Output:
	// update 1: 284 bytes of ciphertext
	// Born in Aleppo, 1994.
}

// A counsellor who writes nothing publishes what it has received in a receipt. A reader whom
// the relay kept from the owner's second update learns from it that the update exists.
func ExampleReceipt() {
	owner, _ := keyring.NewIdentity()
	counsellor, _ := keyring.NewIdentity()
	doc := e2ee.DocID{2}
	key := keyring.NewEpochKey(doc, 1)
	members := e2ee.StaticMembership(doc, 1,
		e2ee.Member{Identity: owner.Public(), Role: e2ee.RoleOwner},
		e2ee.Member{Identity: counsellor.Public(), Role: e2ee.RoleCounsellor})

	// The owner writes two updates; the counsellor receives both.
	ownerChain, counsellorChain := e2ee.NewChain(doc), e2ee.NewChain(doc)
	var updates [][]byte
	for _, text := range []string{"first", "second"} {
		seq, prev := ownerChain.Next(owner.ID())
		raw, err := keyring.Seal(owner, key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: seq, Prev: prev}, []byte(text))
		if err != nil {
			log.Fatal(err)
		}
		v, _ := e2ee.Verify(raw, members)
		_ = ownerChain.Check(v)
		_ = counsellorChain.Check(v)
		updates = append(updates, raw)
	}
	seq, prev := counsellorChain.Next(counsellor.ID())
	receipt, err := keyring.Receipt(counsellor, key, seq, prev, counsellorChain.View(counsellor.ID()), time.Now())
	if err != nil {
		log.Fatal(err)
	}

	// The relay gives a third reader the first update and the receipt, not the second update.
	reader := e2ee.NewChain(doc)
	watch := e2ee.NewWithholding(reader)
	for _, raw := range [][]byte{updates[0], receipt} {
		v, err := e2ee.Verify(raw, members)
		if err != nil {
			log.Fatal(err)
		}
		if err := reader.Check(v); err != nil {
			log.Fatal(err)
		}
		_ = watch.Observe(v)
	}
	for _, m := range watch.Missing() {
		fmt.Printf("missing: owner's seqs %d to %d, seen by the counsellor: %v\n", m.From, m.To, m.Author == owner.ID() && m.SeenBy == counsellor.ID())
	}
	// Output:
	// missing: owner's seqs 2 to 2, seen by the counsellor: true
}
