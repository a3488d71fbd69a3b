package keyring

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// setClock makes the builders date operations at ms until the test ends.
func setClock(t *testing.T, ms int64) {
	t.Helper()
	old := nowMillis
	nowMillis = func() int64 { return ms }
	t.Cleanup(func() { nowMillis = old })
}

// invite appends an invite of the owner's and returns its secret.
func (d *testDoc) invite(role e2ee.Role, expires time.Time) *InviteSecret {
	d.t.Helper()
	op, secret, err := CreateInvite(d.owner, d.m(), d.keys, role, expires)
	d.mustAppend(op, err)
	return secret
}

// resign moves a signed operation onto the log's head (and lets change alter it), signed again
// by author: how a client that skips the builder's checks would write it.
func (d *testDoc) resign(author *Identity, signed []byte, change func(*e2ee.Op)) []byte {
	d.t.Helper()
	s, err := e2ee.DecodeSignedOp(signed)
	if err != nil {
		d.t.Fatal(err)
	}
	op := s.Op
	op.Seq, op.Prev = d.m().Seq()+1, d.m().Head()
	if change != nil {
		change(&op)
	}
	raw, err := signOp(author, &op)
	if err != nil {
		d.t.Fatal(err)
	}
	return raw
}

func TestInviteRoundTrip(t *testing.T) {
	d := newTestDoc(t)
	d.rotated(Rotate(d.owner, d.m(), d.keys)) // so that the invitee needs the history too
	secret := d.invite(e2ee.RoleViewer, time.Now().Add(time.Hour))

	link := InviteLink("https://relay.example/", d.m().Doc(), secret)
	base, _, _ := strings.Cut(link, "#")
	if base != "https://relay.example/" {
		t.Fatalf("link sends %q to the server, want only the base", base)
	}
	doc, parsed, err := ParseInviteLink(link)
	if err != nil || doc != d.m().Doc() || !parsed.Equal(secret) {
		t.Fatalf("ParseInviteLink() = %v, %v, want the document and the secret", doc, err)
	}

	invitee := newTestIdentity(t)
	d.mustAppend(RedeemInvite(invitee, d.m(), parsed))
	m := d.m()
	if mem, err := m.Member(2, invitee.ID()); err != nil || mem.Role != e2ee.RoleViewer {
		t.Fatalf("invitee Member() = %v, %v, want viewer", mem.Role, err)
	}
	checkSameKeys(t, d.keysOf(invitee), d.keys, 1, 2)
	rs := m.Redemptions()
	if len(rs) != 1 || rs[0].Invitee != invitee.ID() {
		t.Fatalf("Redemptions() = %v, want one by the invitee", rs)
	}
	if err := CheckRedemption(d.keys, m, rs[0]); err != nil {
		t.Fatalf("CheckRedemption() = %v", err)
	}
	if err := CheckRedemption(d.keysOf(invitee), m, rs[0]); err != nil {
		t.Fatalf("CheckRedemption() by the invitee = %v", err)
	}
	if _, err := e2ee.VerifyLog(d.log.Ops()); err != nil {
		t.Fatalf("VerifyLog() = %v", err)
	}
}

func TestInviteReusedRejected(t *testing.T) {
	d := newTestDoc(t)
	secret := d.invite(e2ee.RoleCounsellor, time.Now().Add(time.Hour))
	open := d.m()
	d.mustAppend(RedeemInvite(newTestIdentity(t), d.m(), secret))

	second := newTestIdentity(t)
	if _, err := RedeemInvite(second, d.m(), secret); !errors.Is(err, e2ee.ErrInviteRedeemed) {
		t.Fatalf("RedeemInvite() again = %v, want %v", err, e2ee.ErrInviteRedeemed)
	}
	// A client that skips the check: the log refuses.
	op, err := RedeemInvite(second, open, secret)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.log.Append(d.resign(second, op, nil)); !errors.Is(err, e2ee.ErrInviteRedeemed) {
		t.Fatalf("Append(second redemption) = %v, want %v", err, e2ee.ErrInviteRedeemed)
	}
}

func TestInviteExpiredRejected(t *testing.T) {
	const made = 1_800_000_000_000
	setClock(t, made)
	d := newTestDoc(t)
	expires := time.UnixMilli(made + 60_000)
	secret := d.invite(e2ee.RoleViewer, expires)
	invitee := newTestIdentity(t)

	setClock(t, made+60_001)
	if _, err := RedeemInvite(invitee, d.m(), secret); !errors.Is(err, e2ee.ErrInviteExpired) {
		t.Fatalf("RedeemInvite() after expiry = %v, want %v", err, e2ee.ErrInviteExpired)
	}
	// A client that skips the check: the log refuses.
	setClock(t, made+60_000)
	op, err := RedeemInvite(invitee, d.m(), secret)
	if err != nil {
		t.Fatalf("RedeemInvite() at the expiry = %v", err)
	}
	late := d.resign(invitee, op, func(op *e2ee.Op) { op.Time = made + 60_001 })
	if err := d.log.Append(late); !errors.Is(err, e2ee.ErrInviteExpired) {
		t.Fatalf("Append(late redemption) = %v, want %v", err, e2ee.ErrInviteExpired)
	}
	if err := d.log.Append(op); err != nil {
		t.Fatalf("Append(redemption at the expiry) = %v", err)
	}
}

func TestInviteVoidAfterRotation(t *testing.T) {
	d := newTestDoc(t)
	secret := d.invite(e2ee.RoleViewer, time.Now().Add(time.Hour))
	d.rotated(Rotate(d.owner, d.m(), d.keys))
	if _, err := RedeemInvite(newTestIdentity(t), d.m(), secret); !errors.Is(err, e2ee.ErrInviteVoid) {
		t.Fatalf("RedeemInvite() after a rotation = %v, want %v", err, e2ee.ErrInviteVoid)
	}
}

// TestRelayCannotRedeem: the relay knows the verifier and, once someone redeemed, the proof.
// Without the secret it finds no invite to open, and a redemption of its own, which the log's
// public checks may accept if it withheld the real one, fails the members' check.
func TestRelayCannotRedeem(t *testing.T) {
	d := newTestDoc(t)
	secret := d.invite(e2ee.RoleCounsellor, time.Now().Add(time.Hour))
	relay := newTestIdentity(t)

	guess := &InviteSecret{set: true}
	random(guess.b[:])
	if _, err := RedeemInvite(relay, d.m(), guess); !errors.Is(err, e2ee.ErrNotAllowed) {
		t.Fatalf("RedeemInvite(guessed secret) = %v, want %v", err, e2ee.ErrNotAllowed)
	}

	// The real invitee's redemption reveals the proof; the relay withholds it and writes its own.
	real, err := RedeemInvite(newTestIdentity(t), d.m(), secret)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := e2ee.DecodeSignedOp(real)
	forged := d.resign(relay, real, func(op *e2ee.Op) {
		r := *op.Redeem
		r.Identity = relay.Public().Bytes()
		r.MAC = make([]byte, 32) // the relay has no redeem-check key
		lb, err := wrapLockbox(relay, d.m().Doc(), 1, &[32]byte{}, relay.Public())
		if err != nil {
			t.Fatal(err)
		}
		r.Lockbox = lb
		op.Author, op.Redeem = relay.ID(), &r
	})
	d.mustAppend(forged, nil)
	rs := d.m().Redemptions()
	if err := CheckRedemption(d.keys, d.m(), rs[0]); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("CheckRedemption(relay's redemption) = %v, want %v", err, ErrDecrypt)
	}
	// With the real MAC but the relay's identity, the check fails too: the MAC names the invitee.
	rs[0].MAC = s.Op.Redeem.MAC
	if err := CheckRedemption(d.keys, d.m(), rs[0]); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("CheckRedemption(real MAC, relay's identity) = %v, want %v", err, ErrDecrypt)
	}
	// The owner's next rotation refuses to wrap the new key for the relay.
	if _, _, err := Rotate(d.owner, d.m(), d.keys); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("Rotate() with the relay's redemption in the log = %v, want %v", err, ErrDecrypt)
	}
	// And the relay's lockbox holds no key of the document.
	if k, err := OpenKeys(relay, d.m()); err != nil || k.Primary().Equal(d.keys.Primary()) {
		t.Fatalf("relay's OpenKeys() = %v; it must not hold the document's key", err)
	}
}

func TestParseInviteLink(t *testing.T) {
	doc := e2ee.DocID{1, 2, 3}
	secret := &InviteSecret{set: true}
	random(secret.b[:])
	good := InviteLink("https://relay.example/app", doc, secret)
	frag := good[strings.IndexByte(good, '#'):]
	tests := []struct {
		name string
		link string
		ok   bool
	}{
		{"link InviteLink made", good, true},
		{"link without a base", frag, true},
		{"link without a fragment", "https://relay.example/app", false},
		{"link with another fragment", "https://relay.example/#x=" + frag[3:], false},
		{"link without a secret", "https://relay.example/#i=" + doc.String(), false},
		{"link with a short secret", good[:len(good)-2], false},
		{"link with upper-case letters", strings.ToUpper(good), false},
		{"link with a stray bit in the secret", good[:len(good)-1] + "b", false},
		{"link with a padded secret", good + "====", false},
		{"link with a bad document", "https://relay.example/#i=xyz." + good[strings.LastIndexByte(good, '.')+1:], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gotDoc, gotSecret, err := ParseInviteLink(tt.link)
			if (err == nil) != tt.ok {
				t.Fatalf("ParseInviteLink() = %v, want ok %v", err, tt.ok)
			}
			if err != nil {
				if !errors.Is(err, e2ee.ErrMalformed) {
					t.Fatalf("ParseInviteLink() = %v, want %v", err, e2ee.ErrMalformed)
				}
				return
			}
			if gotDoc != doc || !gotSecret.Equal(secret) {
				t.Fatalf("ParseInviteLink() = %v and another secret, want %v", gotDoc, doc)
			}
		})
	}
}

func TestInviteSecretRedacted(t *testing.T) {
	secret := &InviteSecret{set: true}
	random(secret.b[:])
	for _, got := range []string{secret.String(), fmt.Sprint(secret), secret.LogValue().String()} {
		if !strings.Contains(got, "REDACTED") {
			t.Fatalf("secret printed as %q", got)
		}
	}
}

func FuzzParseInviteLink(f *testing.F) {
	secret := &InviteSecret{set: true}
	random(secret.b[:])
	f.Add(InviteLink("https://relay.example/", e2ee.DocID{7}, secret))
	f.Add("#i=aaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
	f.Add("https://x/#i=.")
	f.Fuzz(func(t *testing.T, link string) {
		doc, s, err := ParseInviteLink(link)
		if err != nil {
			return
		}
		base, _, _ := strings.Cut(link, "#")
		if again := InviteLink(base, doc, s); again != link {
			t.Fatalf("InviteLink(ParseInviteLink(%q)) = %q", link, again)
		}
	})
}
