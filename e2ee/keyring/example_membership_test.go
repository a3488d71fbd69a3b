package keyring_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// A newcomer creates a biography, adds a counsellor, and later removes the counsellor: the
// removal starts epoch 2, whose key the counsellor cannot open.
func ExampleRemoveMember() {
	newcomer, _ := keyring.NewIdentity()
	counsellor, _ := keyring.NewIdentity()

	var log e2ee.Log
	genesis, _, _, _ := keyring.NewDocument(newcomer)
	log.Append(genesis)
	keys, _ := keyring.OpenKeys(newcomer, log.Membership())

	add, _ := keyring.AddMember(newcomer, log.Membership(), keys, counsellor.Public(), e2ee.RoleCounsellor)
	log.Append(add)

	remove, next, _ := keyring.RemoveMember(newcomer, log.Membership(), keys, counsellor.ID())
	if err := log.Append(remove); err == nil {
		keys = next // the new key is used only once the log holds the rotation
	}
	fmt.Println("epoch:", log.Membership().Epoch(), "primary:", keys.Primary().Epoch())

	theirs, _ := keyring.OpenKeys(counsellor, log.Membership())
	fmt.Println("counsellor holds epochs:", theirs.Epochs())
	// Output:
	// epoch: 2 primary: 2
	// counsellor holds epochs: [1]
}

// An owner invites a viewer with a link; the secret travels only in the link's fragment. The
// invitee redeems it, and members check that the redemption was made with the secret.
func ExampleCreateInvite() {
	owner, _ := keyring.NewIdentity()
	var log e2ee.Log
	genesis, doc, _, _ := keyring.NewDocument(owner)
	log.Append(genesis)
	keys, _ := keyring.OpenKeys(owner, log.Membership())

	op, secret, _ := keyring.CreateInvite(owner, log.Membership(), keys, e2ee.RoleViewer, time.Now().Add(48*time.Hour))
	log.Append(op)
	link := keyring.InviteLink("https://relay.example/", doc, secret)
	fmt.Println(strings.HasPrefix(link, "https://relay.example/#i="+doc.String()+"."))

	// On the invitee's phone:
	invitee, _ := keyring.NewIdentity()
	_, parsed, _ := keyring.ParseInviteLink(link)
	redeem, _ := keyring.RedeemInvite(invitee, log.Membership(), parsed)
	fmt.Println("redeem:", log.Append(redeem))
	mem, _ := log.Membership().Member(1, invitee.ID())
	fmt.Println("role:", mem.Role)

	// On a member's device:
	for _, r := range log.Membership().Redemptions() {
		fmt.Println("made with the secret:", keyring.CheckRedemption(keys, log.Membership(), r) == nil)
	}
	// A second redemption of the same link fails.
	_, err := keyring.RedeemInvite(invitee, log.Membership(), parsed)
	fmt.Println(err)
	// Output:
	// true
	// redeem: <nil>
	// role: viewer
	// made with the secret: true
	// redeem invite: e2ee: the author's role does not allow this: invite redeemed before
}
