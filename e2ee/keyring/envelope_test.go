package keyring

import (
	"bytes"
	"crypto/aes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/cryptotest"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// epochKeyFromBytesForTest is the test seam of the known-answer vectors: production code never
// makes an epoch key from bytes it did not generate or unwrap.
func epochKeyFromBytesForTest(doc e2ee.DocID, epoch e2ee.Epoch, raw []byte) *EpochKey {
	k := &EpochKey{doc: doc, epoch: epoch, set: true}
	if copy(k.key[:], raw) != len(k.key) {
		panic("epochKeyFromBytesForTest: short key")
	}
	return k
}

// envFixture is a document of one epoch with an owner, a counsellor and a viewer.
type envFixture struct {
	doc                       e2ee.DocID
	key                       *EpochKey
	owner, counsellor, viewer *Identity
	members                   *e2ee.Membership
}

func newEnvFixture(t testing.TB) envFixture {
	t.Helper()
	f := envFixture{doc: e2ee.DocID{0xd0, 0xc1}}
	f.key = NewEpochKey(f.doc, 1)
	f.owner, f.counsellor, f.viewer = envIdentity(t), envIdentity(t), envIdentity(t)
	f.members = e2ee.StaticMembership(f.doc, 1,
		e2ee.Member{Identity: f.owner.Public(), Role: e2ee.RoleOwner},
		e2ee.Member{Identity: f.counsellor.Public(), Role: e2ee.RoleCounsellor},
		e2ee.Member{Identity: f.viewer.Public(), Role: e2ee.RoleViewer})
	return f
}

func envIdentity(t testing.TB) *Identity {
	t.Helper()
	id, err := NewIdentity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func envSeal(t testing.TB, author *Identity, key *EpochKey, h e2ee.Header, pt []byte) []byte {
	t.Helper()
	raw, err := Seal(author, key, h, pt)
	if err != nil {
		t.Fatalf("Seal = %v", err)
	}
	return raw
}

func envVerify(t testing.TB, raw []byte, m *e2ee.Membership) e2ee.VerifiedEnvelope {
	t.Helper()
	v, err := e2ee.Verify(raw, m)
	if err != nil {
		t.Fatalf("Verify = %v, want nil", err)
	}
	return v
}

// envResign replaces the header and ciphertext of an envelope and signs it again as signer: what
// an attacker who is a member can do.
func envResign(t testing.TB, signer *Identity, hb, ct []byte) []byte {
	t.Helper()
	sig, err := signer.Sign(e2ee.LabelEnvelope, e2ee.EnvelopeSigningParts(hb, ct)...)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := e2ee.EncodeEnvelope(hb, ct, sig)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestEnvelopePadBucket(t *testing.T) {
	tests := []struct{ n, want int }{
		{0, 256}, {4, 256}, {256, 256}, {257, 512}, {512, 512}, {513, 1024},
		{40000, 65536}, {65536, 65536}, {65537, 131072}, {131072, 131072}, {131073, 196608},
		{1 << 20, 1 << 20}, {1<<20 + 1, 1<<20 + 65536},
	}
	for _, tt := range tests {
		if got := padBucket(tt.n); got != tt.want {
			t.Errorf("padBucket(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}

func TestEnvelopeUnpadAcceptsOnlyWhatPadMakes(t *testing.T) {
	withLen := func(size int, n uint32, tail ...byte) []byte {
		b := make([]byte, size)
		binary.BigEndian.PutUint32(b, n)
		copy(b[size-len(tail):], tail)
		return b
	}
	tests := []struct {
		name   string
		padded []byte
		ok     bool
	}{
		{"padded empty plaintext opens", pad(nil), true},
		{"padded 200 bytes open", pad(bytes.Repeat([]byte{7}, 200)), true},
		{"padded 252 bytes fill the first bucket", pad(bytes.Repeat([]byte{7}, 252)), true},
		{"fewer than 4 bytes are rejected", []byte{0, 0, 0}, false},
		{"a length beyond the data is rejected", withLen(256, 253), false},
		{"a huge length is rejected", withLen(256, 0xffffffff), false},
		{"a non-zero padding byte is rejected", withLen(256, 10, 1), false},
		{"a size that is no bucket is rejected", withLen(300, 10), false},
		{"a bucket larger than the length needs is rejected", withLen(512, 10), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := unpad(tt.padded); ok != tt.ok {
				t.Errorf("unpad(%d bytes) ok = %v, want %v", len(tt.padded), ok, tt.ok)
			}
		})
	}
}

func TestEnvelopeSealOpenRoundTrip(t *testing.T) {
	f := newEnvFixture(t)
	tests := []struct {
		name     string
		author   *Identity
		kind     e2ee.Kind
		size     int
		wantSize uint32 // ciphertext size: bucket + nonce + tag
	}{
		{"empty update fills the first bucket", f.owner, e2ee.KindUpdate, 0, 256 + 28},
		{"200-byte update fills the first bucket", f.counsellor, e2ee.KindUpdate, 200, 256 + 28},
		{"252-byte update is the largest of the first bucket", f.owner, e2ee.KindUpdate, 252, 256 + 28},
		{"253-byte update takes the next bucket", f.owner, e2ee.KindUpdate, 253, 512 + 28},
		{"snapshot of 64 KiB takes two 64 KiB buckets", f.owner, e2ee.KindSnapshot, 64 << 10, 128<<10 + 28},
		{"snapshot of 1 MiB is padded to a multiple of 64 KiB", f.counsellor, e2ee.KindSnapshot, 1 << 20, 1<<20 + 64<<10 + 28},
		{"ephemeral message of a viewer", f.viewer, e2ee.KindEphemeral, 30, 256 + 28},
		{"receipt of a viewer", f.viewer, e2ee.KindReceipt, 0, 256 + 28},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pt := bytes.Repeat([]byte("biography "), tt.size/10+1)[:tt.size]
			h := e2ee.Header{Kind: tt.kind, Seq: 1}
			if tt.kind == e2ee.KindEphemeral || tt.kind == e2ee.KindReceipt {
				h.Time = 1764000000000
			}
			raw := envSeal(t, tt.author, f.key, h, pt)
			v := envVerify(t, raw, f.members)
			got := v.Header()
			if got.Size != tt.wantSize {
				t.Errorf("Size = %d, want %d", got.Size, tt.wantSize)
			}
			if got.Doc != f.doc || got.Epoch != 1 || got.Author != tt.author.ID() || got.KeyCommit != f.key.Commitment() || got.Version != e2ee.EnvelopeVersion {
				t.Errorf("header = %+v, want document, epoch, author, commitment and version filled in", got)
			}
			out, err := Open(v, f.key)
			if err != nil {
				t.Fatalf("Open = %v", err)
			}
			if !bytes.Equal(out, pt) {
				t.Errorf("Open = %d bytes, want the %d sealed", len(out), len(pt))
			}
		})
	}
}

func TestEnvelopeSealRefusesBadHeaders(t *testing.T) {
	f := newEnvFixture(t)
	sorted := []e2ee.ViewEntry{{Author: e2ee.IdentityID{1}, Seq: 1}, {Author: e2ee.IdentityID{2}, Seq: 1}}
	tests := []struct {
		name string
		h    e2ee.Header
		pt   []byte
		want error
	}{
		{"sequence 0", e2ee.Header{Kind: e2ee.KindUpdate}, nil, e2ee.ErrMalformed},
		{"sequence 1 with a previous hash", e2ee.Header{Kind: e2ee.KindUpdate, Seq: 1, Prev: e2ee.Hash{1}}, nil, e2ee.ErrMalformed},
		{"ephemeral without time", e2ee.Header{Kind: e2ee.KindEphemeral, Seq: 1}, nil, e2ee.ErrMalformed},
		{"ephemeral with a previous hash", e2ee.Header{Kind: e2ee.KindEphemeral, Seq: 2, Prev: e2ee.Hash{1}, Time: 1}, nil, e2ee.ErrMalformed},
		{"receipt without time", e2ee.Header{Kind: e2ee.KindReceipt, Seq: 1}, nil, e2ee.ErrMalformed},
		{"receipt with content", e2ee.Header{Kind: e2ee.KindReceipt, Seq: 1, Time: 1}, []byte("x"), e2ee.ErrMalformed},
		{"unknown kind", e2ee.Header{Kind: 9, Seq: 1}, nil, e2ee.ErrUnsupported},
		{"kind 0", e2ee.Header{Seq: 1}, nil, e2ee.ErrUnsupported},
		{"unknown version", e2ee.Header{Version: 2, Kind: e2ee.KindUpdate, Seq: 1}, nil, e2ee.ErrUnsupported},
		{"another document than the key's", e2ee.Header{Doc: e2ee.DocID{9}, Kind: e2ee.KindUpdate, Seq: 1}, nil, e2ee.ErrMalformed},
		{"another epoch than the key's", e2ee.Header{Epoch: 2, Kind: e2ee.KindUpdate, Seq: 1}, nil, e2ee.ErrMalformed},
		{"another author than the signer", e2ee.Header{Author: e2ee.IdentityID{9}, Kind: e2ee.KindUpdate, Seq: 1}, nil, e2ee.ErrMalformed},
		{"a key commitment of the caller", e2ee.Header{KeyCommit: e2ee.Hash{9}, Kind: e2ee.KindUpdate, Seq: 1}, nil, e2ee.ErrMalformed},
		{"an unsorted view", e2ee.Header{Kind: e2ee.KindUpdate, Seq: 1, View: []e2ee.ViewEntry{sorted[1], sorted[0]}}, nil, e2ee.ErrMalformed},
		{"a view naming an author twice", e2ee.Header{Kind: e2ee.KindUpdate, Seq: 1, View: []e2ee.ViewEntry{sorted[0], sorted[0]}}, nil, e2ee.ErrMalformed},
		{"content beyond the envelope limit", e2ee.Header{Kind: e2ee.KindSnapshot, Seq: 1}, make([]byte, e2ee.MaxEnvelopeSize-100), e2ee.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Seal(f.owner, f.key, tt.h, tt.pt); !errors.Is(err, tt.want) {
				t.Errorf("Seal = %v, want %v", err, tt.want)
			}
		})
	}
}

// Every bit of an envelope matters: flipped anywhere, the envelope fails to decode or verify.
func TestEnvelopeEveryFlippedBitIsRejected(t *testing.T) {
	t.Parallel()
	f := newEnvFixture(t)
	raw := envSeal(t, f.counsellor, f.key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 2, Prev: e2ee.Hash{5}}, []byte("Amal was born in 1994."))
	for i := range len(raw) * 8 {
		b := bytes.Clone(raw)
		b[i/8] ^= 1 << (i % 8)
		v, err := e2ee.Verify(b, f.members)
		if err == nil {
			if _, err = Open(v, f.key); err == nil {
				t.Fatalf("flipping bit %d of the envelope: Verify and Open succeed, want an error", i)
			}
		}
	}
}

// Open does not rely on the signature alone: a member who changes any bit of the header or the
// ciphertext and signs again still gets ErrDecrypt.
func TestEnvelopeResignedTamperFailsToOpen(t *testing.T) {
	t.Parallel()
	f := newEnvFixture(t)
	raw := envSeal(t, f.counsellor, f.key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 2, Prev: e2ee.Hash{5}}, []byte("Amal was born in 1994."))
	env, err := e2ee.DecodeEnvelope(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{"header", "ciphertext"} {
		t.Run(part, func(t *testing.T) {
			src := env.HeaderBytes
			if part == "ciphertext" {
				src = env.Ciphertext
			}
			verified := 0
			for i := range len(src) * 8 {
				b := bytes.Clone(src)
				b[i/8] ^= 1 << (i % 8)
				hb, ct := env.HeaderBytes, env.Ciphertext
				if part == "ciphertext" {
					ct = b
				} else {
					hb = b
				}
				v, err := e2ee.Verify(envResign(t, f.counsellor, hb, ct), f.members)
				if err != nil {
					continue // no longer a valid header of this document
				}
				verified++
				if _, err := Open(v, f.key); !errors.Is(err, ErrDecrypt) {
					t.Fatalf("bit %d of the %s flipped and signed again: Open = %v, want ErrDecrypt", i, part, err)
				}
			}
			if verified == 0 {
				t.Errorf("no tampered %s passed Verify; the test checked nothing of Open", part)
			}
		})
	}
}

func TestEnvelopeMovedToAnotherDocumentOrEpoch(t *testing.T) {
	f := newEnvFixture(t)
	raw := envSeal(t, f.owner, f.key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 1}, []byte("content"))
	env, err := e2ee.DecodeEnvelope(raw)
	if err != nil {
		t.Fatal(err)
	}
	owner := e2ee.Member{Identity: f.owner.Public(), Role: e2ee.RoleOwner}
	otherDoc := e2ee.DocID{0xee}
	reheader := func(change func(*e2ee.Header)) []byte {
		h := env.Header
		change(&h)
		hb, err := h.Encode()
		if err != nil {
			t.Fatal(err)
		}
		out, err := e2ee.EncodeEnvelope(hb, env.Ciphertext, env.Signature)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	tests := []struct {
		name string
		raw  []byte
		m    *e2ee.Membership
		want error
	}{
		{"unchanged envelope checked against another document", raw, e2ee.StaticMembership(otherDoc, 1, owner), e2ee.ErrWrongDocument},
		{"unchanged envelope checked against another epoch", raw, e2ee.StaticMembership(f.doc, 2, owner), e2ee.ErrWrongEpoch},
		{"header rewritten to another document", reheader(func(h *e2ee.Header) { h.Doc = otherDoc }), e2ee.StaticMembership(otherDoc, 1, owner), e2ee.ErrBadSignature},
		{"header rewritten to another epoch", reheader(func(h *e2ee.Header) { h.Epoch = 2 }), e2ee.StaticMembership(f.doc, 2, owner), e2ee.ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := e2ee.Verify(tt.raw, tt.m); !errors.Is(err, tt.want) {
				t.Errorf("Verify = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestEnvelopeVerifyRejectsAuthorsWithoutTheRight(t *testing.T) {
	f := newEnvFixture(t)
	stranger := envIdentity(t)
	tests := []struct {
		name   string
		author *Identity
		h      e2ee.Header
		want   error
	}{
		{"a stranger's update", stranger, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 1}, e2ee.ErrUnknownAuthor},
		{"a viewer's update", f.viewer, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 1}, e2ee.ErrNotAllowed},
		{"a viewer's snapshot", f.viewer, e2ee.Header{Kind: e2ee.KindSnapshot, Seq: 1}, e2ee.ErrNotAllowed},
		{"a viewer's receipt is accepted", f.viewer, e2ee.Header{Kind: e2ee.KindReceipt, Seq: 1, Time: 1}, nil},
		{"a viewer's ephemeral message is accepted", f.viewer, e2ee.Header{Kind: e2ee.KindEphemeral, Seq: 1, Time: 1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := envSeal(t, tt.author, f.key, tt.h, nil)
			if _, err := e2ee.Verify(raw, f.members); !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Errorf("Verify = %v, want %v", err, tt.want)
			}
		})
	}
	// A member of the document who is not a member at the envelope's epoch: StaticMembership
	// knows one epoch, so a membership at epoch 2 without the viewer stands for the rotation
	// that removed it.
	rotated := e2ee.StaticMembership(f.doc, 2, e2ee.Member{Identity: f.owner.Public(), Role: e2ee.RoleOwner})
	raw := envSeal(t, f.viewer, NewEpochKey(f.doc, 2), e2ee.Header{Kind: e2ee.KindReceipt, Seq: 1, Time: 1}, nil)
	if _, err := e2ee.Verify(raw, rotated); !errors.Is(err, e2ee.ErrUnknownAuthor) && !errors.Is(err, e2ee.ErrNotMember) {
		t.Errorf("Verify(removed member at the new epoch) = %v, want ErrNotMember or ErrUnknownAuthor", err)
	}
}

func TestEnvelopeOpenRejectsAnyOtherKey(t *testing.T) {
	f := newEnvFixture(t)
	v := envVerify(t, envSeal(t, f.owner, f.key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 1}, []byte("content")), f.members)
	var raw [32]byte
	copy(raw[:], f.key.key[:])
	tests := []struct {
		name string
		key  *EpochKey
	}{
		{"another key of the same epoch", NewEpochKey(f.doc, 1)},
		{"the same key bytes for another epoch", epochKeyFromBytesForTest(f.doc, 2, raw[:])},
		{"the same key bytes for another document", epochKeyFromBytesForTest(e2ee.DocID{0xee}, 1, raw[:])},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Open(v, tt.key); !errors.Is(err, ErrDecrypt) {
				t.Errorf("Open = %v, want ErrDecrypt", err)
			}
		})
	}
	if _, err := Open(e2ee.VerifiedEnvelope{}, f.key); !errors.Is(err, ErrDecrypt) {
		t.Errorf("Open(zero envelope) = %v, want ErrDecrypt", err)
	}
}

// An attacker who is a member takes an envelope sealed under key A, commits its header to key
// B, and signs it again. Open with key B passes the commitment, but the associated data and
// the key differ, so AES-GCM fails: ErrDecrypt. Open with key A fails at the commitment.
func TestEnvelopeResignedUnderAnotherKeyFailsToOpen(t *testing.T) {
	f := newEnvFixture(t)
	keyA, keyB := f.key, NewEpochKey(f.doc, 1)
	env, err := e2ee.DecodeEnvelope(envSeal(t, f.owner, keyA, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 1}, []byte("what the owner wrote")))
	if err != nil {
		t.Fatal(err)
	}
	h := env.Header
	h.Author = f.counsellor.ID()
	h.KeyCommit = keyB.Commitment()
	hb, err := h.Encode()
	if err != nil {
		t.Fatal(err)
	}
	v := envVerify(t, envResign(t, f.counsellor, hb, env.Ciphertext), f.members)
	for name, key := range map[string]*EpochKey{"key B": keyB, "key A": keyA} {
		if _, err := Open(v, key); !errors.Is(err, ErrDecrypt) {
			t.Errorf("Open with %s = %v, want ErrDecrypt", name, err)
		}
	}
}

// A ciphertext crafted to open under two keys (GCM is not key-committing: the "invisible
// salamanders" construction) is rejected under the key its header does not commit to, so one
// envelope can never show two members two contents. The attacker is a member who gave two
// readers two different epoch keys.
func TestEnvelopeCiphertextOpeningUnderTwoKeysIsRejected(t *testing.T) {
	f := newEnvFixture(t)
	keyA, keyB := f.key, NewEpochKey(f.doc, 1)

	const dataLen = 200
	h := e2ee.Header{
		Version: e2ee.EnvelopeVersion, Doc: f.doc, Epoch: 1, Author: f.counsellor.ID(), Kind: e2ee.KindUpdate,
		Seq: 1, Size: 256 + aesGCMOverhead, KeyCommit: keyA.Commitment(),
	}
	hb, err := h.Encode()
	if err != nil {
		t.Fatal(err)
	}
	ad := e2ee.SignedMessage(e2ee.LabelEnvelopeAD, hb)
	wantA := pad(bytes.Repeat([]byte{'a'}, dataLen))
	ct := twoKeyCiphertext(t, &keyA.key, &keyB.key, wantA, 2, ad)

	// The construction works: the AES-GCM primitive alone opens it under both keys, to two
	// different plaintexts.
	ptA, errA := aesGCMOpen(&keyA.key, ct, ad)
	ptB, errB := aesGCMOpen(&keyB.key, ct, ad)
	if errA != nil || errB != nil || bytes.Equal(ptA, ptB) {
		t.Fatalf("crafted ciphertext: open under A = %v, under B = %v, plaintexts equal = %v; want two different plaintexts", errA, errB, bytes.Equal(ptA, ptB))
	}

	v := envVerify(t, envResign(t, f.counsellor, hb, ct), f.members)
	if got, err := Open(v, keyA); err != nil || !bytes.Equal(got, ptA[padPrefix:padPrefix+dataLen]) {
		t.Errorf("Open with the committed key = %q, %v; want the plaintext under A", got, err)
	}
	if _, err := Open(v, keyB); !errors.Is(err, ErrDecrypt) {
		t.Errorf("Open with the second key = %v, want ErrDecrypt", err)
	}
}

// twoKeyCiphertext returns nonce, ciphertext and tag that AES-GCM opens under k1 to plaintext
// (except its block free, which the construction chooses) and under k2 to something else.
// The tag is the same under both keys when block free of the ciphertext solves one linear
// equation in GF(2^128).
func twoKeyCiphertext(t *testing.T, k1, k2 *[32]byte, plaintext []byte, free int, ad []byte) []byte {
	t.Helper()
	if len(plaintext)%16 != 0 {
		t.Fatal("plaintext must be whole blocks")
	}
	c1, err := aes.NewCipher(k1[:])
	if err != nil {
		t.Fatal(err)
	}
	c2, err := aes.NewCipher(k2[:])
	if err != nil {
		t.Fatal(err)
	}
	block := func(c interface{ Encrypt(dst, src []byte) }, in []byte) gf128 {
		var out [16]byte
		c.Encrypt(out[:], in)
		return gf128Bytes(out[:])
	}
	nonce := sha256.Sum256([]byte("two-key nonce"))
	counter := func(i uint32) []byte {
		b := make([]byte, 16)
		copy(b, nonce[:12])
		binary.BigEndian.PutUint32(b[12:], i)
		return b
	}
	zero := make([]byte, 16)
	h1, h2 := block(c1, zero), block(c2, zero)
	j1, j2 := block(c1, counter(1)), block(c2, counter(1))

	// Ciphertext blocks under k1; block free is set below.
	n := len(plaintext) / 16
	cblocks := make([]gf128, n)
	for i := range n {
		cblocks[i] = gf128Bytes(plaintext[16*i:]).add(block(c1, counter(uint32(2+i))))
	}
	cblocks[free] = gf128{}

	var blocks []gf128
	for i := 0; i < len(ad); i += 16 {
		var b [16]byte
		copy(b[:], ad[i:])
		blocks = append(blocks, gf128Bytes(b[:]))
	}
	adBlocks := len(blocks)
	blocks = append(blocks, cblocks...)
	blocks = append(blocks, gf128{uint64(len(ad)) * 8, uint64(len(plaintext)) * 8})
	m := len(blocks)
	// tag_k = E_k(J0) + sum_i blocks[i] * H_k^(m-i); solve tag_1 = tag_2 for the free block.
	p := m - (adBlocks + free)
	rhs := j1.add(j2).add(gf128Hash(h1, blocks)).add(gf128Hash(h2, blocks))
	cf := rhs.mul(h1.pow(p).add(h2.pow(p)).inv())
	blocks[adBlocks+free] = cf
	cblocks[free] = cf
	tag := j1.add(gf128Hash(h1, blocks))

	out := append([]byte{}, nonce[:12]...)
	for _, b := range cblocks {
		out = append(out, b.bytes()...)
	}
	return append(out, tag.bytes()...)
}

// gf128 is an element of GCM's GF(2^128), bit 0 being the most significant bit of hi.
type gf128 struct{ hi, lo uint64 }

func gf128Bytes(b []byte) gf128 {
	return gf128{binary.BigEndian.Uint64(b), binary.BigEndian.Uint64(b[8:])}
}

func (x gf128) bytes() []byte {
	return binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(nil, x.hi), x.lo)
}

func (x gf128) add(y gf128) gf128 { return gf128{x.hi ^ y.hi, x.lo ^ y.lo} }

func (x gf128) mul(y gf128) gf128 {
	var z gf128
	v := y
	for i := range 128 {
		var bit uint64
		if i < 64 {
			bit = x.hi >> (63 - i) & 1
		} else {
			bit = x.lo >> (127 - i) & 1
		}
		if bit == 1 {
			z = z.add(v)
		}
		lsb := v.lo & 1
		v.lo = v.lo>>1 | v.hi<<63
		v.hi >>= 1
		if lsb == 1 {
			v.hi ^= 0xe1 << 56
		}
	}
	return z
}

func (x gf128) pow(n int) gf128 {
	r := gf128{hi: 1 << 63}
	for range n {
		r = r.mul(x)
	}
	return r
}

// inv returns x^(2^128-2), the inverse of a non-zero x.
func (x gf128) inv() gf128 {
	r := gf128{hi: 1 << 63}
	for range 127 {
		r = r.mul(r).mul(x)
	}
	return r.mul(r)
}

func gf128Hash(h gf128, blocks []gf128) gf128 {
	var x gf128
	for _, b := range blocks {
		x = x.add(b).mul(h)
	}
	return x
}

// TestEnvelopeWithholdingDetectedFromAnotherMembersView runs the relay attack end to end: A writes
// three updates; B receives them all and publishes its view, once in an update and once in a
// receipt; the relay hides A's third update from reader C, who sees from B's view that it is
// missing.
func TestEnvelopeWithholdingDetectedFromAnotherMembersView(t *testing.T) {
	for _, how := range []string{"an update", "a receipt"} {
		t.Run("view in "+how, func(t *testing.T) {
			f := newEnvFixture(t)
			a, b := f.owner, f.counsellor // the reader C is f.viewer
			chainA, chainB := e2ee.NewChain(f.doc), e2ee.NewChain(f.doc)

			var fromA [][]byte
			for i := range 3 {
				seq, prev := chainA.Next(a.ID())
				raw := envSeal(t, a, f.key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: seq, Prev: prev}, []byte{byte('1' + i)})
				if err := chainA.Check(envVerify(t, raw, f.members)); err != nil {
					t.Fatal(err)
				}
				if err := chainB.Check(envVerify(t, raw, f.members)); err != nil {
					t.Fatal(err)
				}
				fromA = append(fromA, raw)
			}

			seq, prev := chainB.Next(b.ID())
			var fromB []byte
			if how == "an update" {
				fromB = envSeal(t, b, f.key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: seq, Prev: prev, View: chainB.View(b.ID())}, []byte("B's edit"))
			} else {
				var err error
				fromB, err = Receipt(b, f.key, seq, prev, chainB.View(b.ID()), time.UnixMilli(1764000000000))
				if err != nil {
					t.Fatal(err)
				}
			}

			// The relay delivers A's first two updates and B's envelope to C.
			chainC := e2ee.NewChain(f.doc)
			watch := e2ee.NewWithholding(chainC)
			deliver := func(raw []byte) {
				t.Helper()
				v := envVerify(t, raw, f.members)
				if err := chainC.Check(v); err != nil {
					t.Fatalf("C's chain: %v", err)
				}
				if err := watch.Observe(v); err != nil {
					t.Fatal(err)
				}
				if _, err := Open(v, f.key); err != nil {
					t.Fatalf("C opens: %v", err)
				}
			}
			deliver(fromA[0])
			deliver(fromA[1])
			deliver(fromB)

			want := []e2ee.Missing{{Author: a.ID(), From: 3, To: 3, SeenBy: b.ID()}}
			if got := watch.Missing(); len(got) != 1 || got[0] != want[0] {
				t.Errorf("Missing() = %v, want %v", got, want)
			}
			if err := watch.Err(); !errors.Is(err, e2ee.ErrWithheld) {
				t.Errorf("Err() = %v, want ErrWithheld", err)
			}

			// Once the relay hands over what it withheld, nothing is missing.
			deliver(fromA[2])
			if got := watch.Missing(); len(got) != 0 {
				t.Errorf("after delivery Missing() = %v, want none", got)
			}
		})
	}
}

// The known-answer vector: an envelope sealed once by v1 code, committed, and opened by every
// later version. `go test ./e2ee/keyring -run KnownAnswerEnvelope -update` makes it again from a
// seeded generator; e2ee's TestEnvelopeHeaderBytes pins its header byte by byte.
const (
	envKATPlaintext = "Amal, born 1994 in Aleppo, came to Hamburg in 2016. She trains as a nurse."
	envKATDir       = "../testdata/v1"
)

func envKATHeader() e2ee.Header {
	return e2ee.Header{
		Kind: e2ee.KindUpdate,
		Seq:  3,
		Prev: sha256.Sum256([]byte("mobio known-answer previous envelope")),
		View: []e2ee.ViewEntry{{Author: sha256.Sum256([]byte("mobio known-answer other author")), Seq: 7}},
	}
}

func envKATDoc() e2ee.DocID {
	var d e2ee.DocID
	copy(d[:], "mobio kat doc v1")
	return d
}

func TestKnownAnswerEnvelopeOpens(t *testing.T) {
	if *update {
		writeEnvelopeKAT(t)
	}
	read := func(name string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(envKATDir, name))
		if err != nil {
			t.Fatalf("%v (run with -update to create)", err)
		}
		return b
	}
	raw := read("envelope.cbor")
	signer, err := e2ee.ParseIdentityText(string(read("envelope.signer")))
	if err != nil {
		t.Fatalf("envelope.signer: %v", err)
	}
	rawKey, err := hex.DecodeString(strings.TrimSpace(string(read("envelope.key"))))
	if err != nil || len(rawKey) != 32 {
		t.Fatalf("envelope.key: %d bytes, %v", len(rawKey), err)
	}
	if got := string(read("envelope.txt")); got != envKATPlaintext {
		t.Fatalf("envelope.txt = %q, want %q", got, envKATPlaintext)
	}

	m := e2ee.StaticMembership(envKATDoc(), 1, e2ee.Member{Identity: signer, Role: e2ee.RoleOwner})
	v := envVerify(t, raw, m)
	key := epochKeyFromBytesForTest(envKATDoc(), 1, rawKey)
	if got := v.Header().KeyCommit; got != key.Commitment() {
		t.Errorf("KeyCommit = %v, want %v", got, key.Commitment())
	}
	want := envKATHeader()
	if got := v.Header(); got.Seq != want.Seq || got.Prev != want.Prev || got.Kind != want.Kind || len(got.View) != 1 || got.View[0] != want.View[0] || got.Author != signer.ID() {
		t.Errorf("header = %+v, want %+v by %s", got, want, signer.ID().Short())
	}
	pt, err := Open(v, key)
	if err != nil {
		t.Fatalf("Open(committed envelope) = %v", err)
	}
	if string(pt) != envKATPlaintext {
		t.Errorf("Open(committed envelope) = %q, want %q", pt, envKATPlaintext)
	}
}

func writeEnvelopeKAT(t *testing.T) {
	t.Helper()
	// A seeded crypto/rand makes identity, key and nonce, and so the vector, reproducible while
	// the Go release's generator stays the same.
	cryptotest.SetGlobalRandom(t, 1)
	id := envIdentity(t)
	key := NewEpochKey(envKATDoc(), 1)
	raw := envSeal(t, id, key, envKATHeader(), []byte(envKATPlaintext))
	files := map[string][]byte{
		"envelope.cbor":   raw,
		"envelope.signer": []byte(id.Public().String() + "\n"),
		"envelope.key":    []byte(hex.EncodeToString(key.key[:]) + "\n"),
		"envelope.txt":    []byte(envKATPlaintext),
	}
	if err := os.MkdirAll(envKATDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(envKATDir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func benchEnvelope(b *testing.B) (envFixture, []byte, []byte) {
	f := newEnvFixture(b)
	pt := bytes.Repeat([]byte("x"), 200)
	return f, pt, envSeal(b, f.counsellor, f.key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 9, Prev: e2ee.Hash{1}}, pt)
}

func BenchmarkSealSign200B(b *testing.B) {
	f, pt, _ := benchEnvelope(b)
	h := e2ee.Header{Kind: e2ee.KindUpdate, Seq: 9, Prev: e2ee.Hash{1}}
	for b.Loop() {
		if _, err := Seal(f.counsellor, f.key, h, pt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifyOpen200B(b *testing.B) {
	f, _, raw := benchEnvelope(b)
	for b.Loop() {
		v, err := e2ee.Verify(raw, f.members)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Open(v, f.key); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyOnly200B is the relay's work per pushed envelope.
func BenchmarkVerifyOnly200B(b *testing.B) {
	f, _, raw := benchEnvelope(b)
	for b.Loop() {
		if _, err := e2ee.Verify(raw, f.members); err != nil {
			b.Fatal(err)
		}
	}
}
