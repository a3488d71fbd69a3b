package keyring

import (
	"crypto/subtle"
	"encoding/base32"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// InviteSecret is the secret of an invite: 32 random bytes that live only in the link's
// fragment, which browsers never send to a server. Everything an invite needs derives from it
// with its own label: the ID proof (whose hash the relay stores as verifier), the key that
// encrypts the epoch key in the invite, and the redeem-check key of the redemption's MAC.
type InviteSecret struct {
	_   [0]func()
	b   [32]byte
	set bool
}

// proof is the ID proof: a redemption reveals it, and its SHA-256 is the invite's verifier.
func (s *InviteSecret) proof() []byte { s.mustSet(); return derive(s.b[:], e2ee.LabelInviteID, 32) }

// Proof returns the invite's ID proof, which the invitee shows the relay (protocol.InviteFetch)
// to be handed the log it needs to redeem. The relay keeps only its hash, the verifier; the proof
// reveals neither the epoch key nor the redeem-check key, which come from other derivations.
func (s *InviteSecret) Proof() []byte { return s.proof() }

// keyKey encrypts the epoch key that the invite carries.
func (s *InviteSecret) keyKey() [32]byte {
	s.mustSet()
	return [32]byte(derive(s.b[:], e2ee.LabelInviteKey, 32))
}

// checkKey is the redeem-check key: it MACs a redemption, and the invite carries it under the
// epoch key for members.
func (s *InviteSecret) checkKey() []byte {
	s.mustSet()
	return derive(s.b[:], e2ee.LabelInviteProof, 32)
}

// Verifier returns what the relay stores for the invite: SHA-256 of the ID proof.
func (s *InviteSecret) Verifier() e2ee.Hash { return e2ee.InviteVerifier(s.proof()) }

// Equal reports, in constant time, whether s and o are the same secret.
func (s *InviteSecret) Equal(o *InviteSecret) bool {
	s.mustSet()
	o.mustSet()
	return subtle.ConstantTimeCompare(s.b[:], o.b[:]) == 1
}

func (s *InviteSecret) mustSet() {
	if s == nil || !s.set {
		panic("keyring: use of a zero InviteSecret")
	}
}

// LogValue keeps secrets out of logs.
func (s *InviteSecret) LogValue() slog.Value { return slog.StringValue("REDACTED") }

// String keeps secrets out of fmt output.
func (s *InviteSecret) String() string { return "keyring.InviteSecret(REDACTED)" }

func inviteKeyAD(doc e2ee.DocID, epoch e2ee.Epoch, verifier e2ee.Hash) []byte {
	return e2ee.SignedMessage(e2ee.LabelInviteKeyAD, doc[:], epochBytes(epoch), verifier[:])
}

func inviteCheckAD(doc e2ee.DocID, epoch e2ee.Epoch, verifier e2ee.Hash) []byte {
	return e2ee.SignedMessage(e2ee.LabelInviteCheckAD, doc[:], epochBytes(epoch), verifier[:])
}

func redeemMessage(invitee e2ee.IdentityID, invite e2ee.Hash) []byte {
	return e2ee.SignedMessage(e2ee.LabelRedeemMAC, invitee[:], invite[:])
}

// CreateInvite builds the operation by which author, an owner, invites someone as role
// (counsellor or viewer) until expires, and the invite's secret, which goes into the link (see
// [InviteLink]) and nowhere else. The invite carries the current epoch key under a key derived
// from the secret, so the relay cannot learn it, and the redeem-check key under the epoch key,
// so members, not the relay, can check a redemption. A rotation before the redemption voids
// the invite.
func CreateInvite(author *Identity, m *e2ee.Membership, keys *Keys, role e2ee.Role, expires time.Time) (op []byte, secret *InviteSecret, err error) {
	key, err := keys.Key(m.Epoch())
	if err != nil {
		return nil, nil, fmt.Errorf("create invite: %w", err)
	}
	secret = &InviteSecret{set: true}
	random(secret.b[:])
	verifier := secret.Verifier()
	kk := secret.keyKey()
	in := &e2ee.InviteOp{Verifier: verifier, Role: role, Expires: expires.UnixMilli(), Epoch: key.epoch}
	if in.Key, err = aesGCMSeal(&kk, key.key[:], inviteKeyAD(m.Doc(), key.epoch, verifier)); err != nil {
		return nil, nil, fmt.Errorf("create invite: %w", err)
	}
	if in.Check, err = aesGCMSeal(&key.key, secret.checkKey(), inviteCheckAD(m.Doc(), key.epoch, verifier)); err != nil {
		return nil, nil, fmt.Errorf("create invite: %w", err)
	}
	o := nextOp(author, m, e2ee.OpInvite)
	o.Invite = in
	if op, err = signOp(author, &o); err != nil {
		return nil, nil, err
	}
	return op, secret, nil
}

// RedeemInvite builds the operation by which invitee redeems the invite of secret in the log of
// m: it reveals the ID proof (the relay checks it against the verifier), MACs the invitee's ID
// and the invite with the redeem-check key (members check it, see [CheckRedemption]), and wraps
// the epoch key, opened from the invite, to the invitee itself, so that [OpenKeys] works for
// the invitee like for any member once the log accepted the operation.
//
// It fails with [e2ee.ErrInviteRedeemed], [e2ee.ErrInviteExpired] or [e2ee.ErrInviteVoid] when
// the log would refuse the redemption, and with [ErrDecrypt] when the invite does not open.
func RedeemInvite(invitee *Identity, m *e2ee.Membership, secret *InviteSecret) ([]byte, error) {
	verifier := secret.Verifier()
	in, ok := m.InviteByVerifier(verifier)
	if !ok {
		return nil, fmt.Errorf("redeem invite: %w: no invite of this document matches the secret", e2ee.ErrNotAllowed)
	}
	o := nextOp(invitee, m, e2ee.OpRedeem)
	switch {
	case !in.RedeemedBy.IsZero():
		return nil, fmt.Errorf("redeem invite: %w", e2ee.ErrInviteRedeemed)
	case o.Time > in.Expires:
		return nil, fmt.Errorf("redeem invite: %w", e2ee.ErrInviteExpired)
	case in.Epoch != m.Epoch():
		return nil, fmt.Errorf("redeem invite: %w", e2ee.ErrInviteVoid)
	}
	kk := secret.keyKey()
	pt, err := aesGCMOpen(&kk, in.Key, inviteKeyAD(m.Doc(), in.Epoch, verifier))
	if err != nil || len(pt) != 32 {
		return nil, ErrDecrypt
	}
	lb, err := wrapLockbox(invitee, m.Doc(), in.Epoch, (*[32]byte)(pt), invitee.Public())
	if err != nil {
		return nil, err
	}
	o.Redeem = &e2ee.RedeemOp{
		Invite:   in.Hash,
		Identity: invitee.Public().Bytes(),
		Proof:    secret.proof(),
		MAC:      redeemMAC(secret.checkKey(), redeemMessage(invitee.ID(), in.Hash)),
		Lockbox:  lb,
	}
	return signOp(invitee, &o)
}

// CheckRedemption checks, with the epoch key of the invite's epoch, that the redemption r of
// the log of m was made by someone who held the invite's secret: the relay, which knows the
// verifier and, after the redemption, the proof, cannot make a MAC that passes. Every failure
// to open or match is [ErrDecrypt].
func CheckRedemption(keys *Keys, m *e2ee.Membership, r e2ee.Redemption) error {
	in, ok := m.Invite(r.Invite)
	if !ok {
		return fmt.Errorf("check redemption: %w: unknown invite", e2ee.ErrMalformed)
	}
	key, err := keys.Key(in.Epoch)
	if err != nil {
		return fmt.Errorf("check redemption: %w", err)
	}
	ck, err := aesGCMOpen(&key.key, in.Check, inviteCheckAD(m.Doc(), in.Epoch, in.Verifier))
	if err != nil {
		return ErrDecrypt
	}
	if !macEqual(redeemMAC(ck, redeemMessage(r.Invitee, r.Invite)), r.MAC) {
		return ErrDecrypt
	}
	return nil
}

// inviteB32 is the text form of invite secrets and document IDs in links: lower-case base32
// without padding, as [e2ee.DocID.String].
var inviteB32 = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// inviteFragment starts the fragment of an invite link.
const inviteFragment = "#i="

// InviteLink returns the share link of an invite: base (the web app's address, such as
// "https://relay.example/") followed by "#i=", the document ID, a dot and the secret in base32.
// The secret is only in the fragment, which browsers never send to a server.
func InviteLink(base string, doc e2ee.DocID, secret *InviteSecret) string {
	secret.mustSet()
	return base + inviteFragment + doc.String() + "." + inviteB32.EncodeToString(secret.b[:])
}

// ParseInviteLink reads the document ID and the secret from a link [InviteLink] made. It
// accepts only the exact form InviteLink writes; errors never repeat the link.
func ParseInviteLink(link string) (e2ee.DocID, *InviteSecret, error) {
	i := strings.IndexByte(link, '#')
	if i < 0 || !strings.HasPrefix(link[i:], inviteFragment) {
		return e2ee.DocID{}, nil, fmt.Errorf("%w: invite link without an invite fragment", e2ee.ErrMalformed)
	}
	docText, secretText, ok := strings.Cut(link[i+len(inviteFragment):], ".")
	if !ok {
		return e2ee.DocID{}, nil, fmt.Errorf("%w: invite link without a secret", e2ee.ErrMalformed)
	}
	doc, err := e2ee.ParseDocID(docText)
	if err != nil || doc.String() != docText {
		return e2ee.DocID{}, nil, fmt.Errorf("%w: invite link document", e2ee.ErrMalformed)
	}
	s := &InviteSecret{set: true}
	b, err := inviteB32.DecodeString(secretText)
	if err != nil || len(b) != len(s.b) {
		return e2ee.DocID{}, nil, fmt.Errorf("%w: invite link secret", e2ee.ErrMalformed)
	}
	copy(s.b[:], b)
	// base32 decoding ignores stray bits in the last character: accept only the one spelling.
	if inviteB32.EncodeToString(s.b[:]) != secretText {
		return e2ee.DocID{}, nil, fmt.Errorf("%w: invite link secret", e2ee.ErrMalformed)
	}
	return doc, s, nil
}
