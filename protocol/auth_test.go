package protocol_test

import (
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

func newIdentity(t *testing.T) *keyring.Identity {
	t.Helper()
	id, err := keyring.NewIdentity()
	if err != nil {
		t.Fatalf("NewIdentity: %v", err)
	}
	return id
}

func signAuth(t *testing.T, id *keyring.Identity, nonce [protocol.NonceSize]byte, origin string, at time.Time) protocol.Auth {
	t.Helper()
	// A client signs the parts of AuthMessage (see TestAuthMessageIsTheSignedMessage).
	sig, err := id.Sign(e2ee.LabelAuth, nonce[:], []byte(origin), msBytes(at))
	if err != nil {
		t.Fatalf("Sign: %v", err)
	}
	return protocol.Auth{Identity: id.Public(), Origin: origin, Time: at, Signature: sig}
}

func msBytes(t time.Time) []byte {
	ms := uint64(t.UnixMilli())
	return []byte{byte(ms >> 56), byte(ms >> 48), byte(ms >> 40), byte(ms >> 32), byte(ms >> 24), byte(ms >> 16), byte(ms >> 8), byte(ms)}
}

func TestAuthMessageIsTheSignedMessage(t *testing.T) {
	got := protocol.AuthMessage(testNonce, "wss://relay.example", testTime)
	want := e2ee.SignedMessage(e2ee.LabelAuth, testNonce[:], []byte("wss://relay.example"), msBytes(testTime))
	if string(got) != string(want) {
		t.Errorf("AuthMessage = %x, want %x", got, want)
	}
}

func TestVerifyAuth(t *testing.T) {
	alice, bob := newIdentity(t), newIdentity(t)
	now := time.Now()
	const origin = "wss://relay.example"
	otherNonce := testNonce
	otherNonce[0] ^= 1
	skew := protocol.DefaultMaxClockSkew

	tests := []struct {
		name  string
		auth  protocol.Auth
		nonce [protocol.NonceSize]byte
		ok    bool
	}{
		{"real signature authenticates its identity", signAuth(t, alice, testNonce, origin, now), testNonce, true},
		{"client clock just within the skew is accepted", signAuth(t, alice, testNonce, origin, now.Add(skew-time.Second)), testNonce, true},
		{"signature over another nonce is refused", signAuth(t, alice, otherNonce, origin, now), testNonce, false},
		{"origin changed after signing is refused", func() protocol.Auth {
			a := signAuth(t, alice, testNonce, origin, now)
			a.Origin = "wss://evil.example"
			return a
		}(), testNonce, false},
		{"time changed after signing is refused", func() protocol.Auth {
			a := signAuth(t, alice, testNonce, origin, now)
			a.Time = now.Add(time.Second)
			return a
		}(), testNonce, false},
		{"client clock ahead beyond the skew is refused", signAuth(t, alice, testNonce, origin, now.Add(skew+time.Second)), testNonce, false},
		{"client clock behind beyond the skew is refused", signAuth(t, alice, testNonce, origin, now.Add(-skew-time.Second)), testNonce, false},
		{"signature of another identity is refused", func() protocol.Auth {
			a := signAuth(t, bob, testNonce, origin, now)
			a.Identity = alice.Public()
			return a
		}(), testNonce, false},
		{"missing signature is refused", func() protocol.Auth {
			a := signAuth(t, alice, testNonce, origin, now)
			a.Signature = nil
			return a
		}(), testNonce, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Through the wire, as the relay sees it (when the frame encodes at all).
			a := tt.auth
			if b, err := protocol.Encode(a); err == nil {
				f, err := protocol.Decode(b, 0)
				if err != nil {
					t.Fatalf("Decode(Encode(auth)): %v", err)
				}
				a = f.(protocol.Auth)
			}
			id, err := protocol.VerifyAuth(a, tt.nonce, now, 0)
			if tt.ok {
				if err != nil {
					t.Fatalf("VerifyAuth = %v, want nil", err)
				}
				if !id.Equal(tt.auth.Identity) {
					t.Errorf("VerifyAuth = %s, want %s", id.ID().Short(), tt.auth.Identity.ID().Short())
				}
				return
			}
			if got := protocol.CodeOf(err); got != protocol.CodeAuthFailed {
				t.Errorf("VerifyAuth = %v, want code %s", err, protocol.CodeAuthFailed)
			}
			if !id.IsZero() {
				t.Errorf("VerifyAuth returned identity %s with an error", id.ID().Short())
			}
		})
	}
}

func TestVerifyErase(t *testing.T) {
	owner, counsellor, stranger := newIdentity(t), newIdentity(t), newIdentity(t)
	genesis, doc, _, err := keyring.NewDocument(owner)
	if err != nil {
		t.Fatal(err)
	}
	var log e2ee.Log
	if err := log.Append(genesis); err != nil {
		t.Fatal(err)
	}
	keys, err := keyring.OpenKeys(owner, log.Membership())
	if err != nil {
		t.Fatal(err)
	}
	add, err := keyring.AddMember(owner, log.Membership(), keys, counsellor.Public(), e2ee.RoleCounsellor)
	if err != nil {
		t.Fatal(err)
	}
	if err := log.Append(add); err != nil {
		t.Fatal(err)
	}
	m := log.Membership()

	erase := func(id *keyring.Identity, doc e2ee.DocID, head e2ee.Hash) protocol.Erase {
		t.Helper()
		sig, err := id.Sign(e2ee.LabelErase, doc[:], head[:])
		if err != nil {
			t.Fatal(err)
		}
		return protocol.Erase{ReqID: 1, Doc: doc, Head: head, Signature: sig}
	}
	otherDoc := doc
	otherDoc[0] ^= 1

	tests := []struct {
		name   string
		erase  protocol.Erase
		signer e2ee.IdentityID
		want   protocol.Code // 0: accepted
	}{
		{"owner erases at the current head", erase(owner, doc, m.Head()), owner.ID(), 0},
		{"erasure signed at an older head must be signed again", erase(owner, doc, e2ee.OpHash(genesis)), owner.ID(), protocol.CodeStaleHead},
		{"erasure of another document is refused", erase(owner, otherDoc, m.Head()), owner.ID(), protocol.CodeMalformed},
		{"counsellor may not erase", erase(counsellor, doc, m.Head()), counsellor.ID(), protocol.CodeNotAllowed},
		{"stranger may not erase", erase(stranger, doc, m.Head()), stranger.ID(), protocol.CodeNotMember},
		{"owner's name on a counsellor's signature is refused", erase(counsellor, doc, m.Head()), owner.ID(), protocol.CodeBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := protocol.VerifyErase(tt.erase, m, tt.signer)
			if got := protocol.CodeOf(err); got != tt.want {
				t.Errorf("VerifyErase = %v (code %s), want code %s", err, got, tt.want)
			}
		})
	}
	head := m.Head()
	if got, want := protocol.EraseMessage(doc, head), e2ee.SignedMessage(e2ee.LabelErase, doc[:], head[:]); string(got) != string(want) {
		t.Errorf("EraseMessage = %x, want %x", got, want)
	}
}
