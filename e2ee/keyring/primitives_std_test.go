//go:build !js

package keyring

// The browser build uses primitives_std.go and every other build uses tink (primitives_tink.go),
// so a phone's lockbox, a CLI's recovery kit and a browser's attachment each cross from one to
// the other. These tests hold the two to the same bytes: what one makes, the other opens, and
// with the same random bytes (testing/cryptotest) both make identical output.

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"testing"
	"testing/cryptotest"

	"github.com/tink-crypto/tink-go/v2/insecurecleartextkeyset"
	"github.com/tink-crypto/tink-go/v2/keyset"
	"google.golang.org/protobuf/encoding/protowire"

	"github.com/mobio-sync/mobio/e2ee"
)

// crossKeyset is one private keyset held by both implementations.
type crossKeyset struct {
	tink *keyset.Handle
	std  *stdKeyset
}

var crossAD = []byte("mobio/test/keyset")

// tinkToStd moves a tink keyset to the standard-library implementation through its sealed form.
func tinkToStd(t *testing.T, h *keyset.Handle) *stdKeyset {
	t.Helper()
	key := testKey(1)
	var b bytes.Buffer
	if err := sealKeyset(&b, h, &key, crossAD); err != nil {
		t.Fatalf("tink sealKeyset = %v", err)
	}
	k, err := stdOpenKeyset(&b, &key, crossAD)
	if err != nil {
		t.Fatalf("stdOpenKeyset(sealed by tink) = %v", err)
	}
	return k
}

// stdToTink moves a standard-library keyset to tink through its sealed form.
func stdToTink(t *testing.T, k *stdKeyset) *keyset.Handle {
	t.Helper()
	key := testKey(1)
	var b bytes.Buffer
	if err := stdSealKeyset(&b, k, &key, crossAD); err != nil {
		t.Fatalf("stdSealKeyset = %v", err)
	}
	h, err := openKeyset(&b, &key, crossAD)
	if err != nil {
		t.Fatalf("tink openKeyset(sealed by std) = %v", err)
	}
	return h
}

func testKey(b byte) [32]byte {
	var k [32]byte
	for i := range k {
		k[i] = b + byte(i)
	}
	return k
}

// crossKeysets returns a signing and an HPKE keyset made by tink and one of each made by the
// standard library, each in both implementations.
func crossKeysets(t *testing.T) map[string]crossKeyset {
	t.Helper()
	ts, _, _, err := newSigningKeyset()
	if err != nil {
		t.Fatal(err)
	}
	th, _, _, err := newHPKEKeyset()
	if err != nil {
		t.Fatal(err)
	}
	ss, _, _, err := stdNewSigningKeyset()
	if err != nil {
		t.Fatal(err)
	}
	sh, _, _, err := stdNewHPKEKeyset()
	if err != nil {
		t.Fatal(err)
	}
	return map[string]crossKeyset{
		"signing keyset made by tink": {tink: ts, std: tinkToStd(t, ts)},
		"HPKE keyset made by tink":    {tink: th, std: tinkToStd(t, th)},
		"signing keyset made by std":  {tink: stdToTink(t, ss), std: ss},
		"HPKE keyset made by std":     {tink: stdToTink(t, sh), std: sh},
	}
}

func tinkCleartext(t *testing.T, h *keyset.Handle) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := insecurecleartextkeyset.Write(h, keyset.NewBinaryWriter(&b)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestStdSealedKeysetsAreTinksBytes(t *testing.T) {
	key, other := testKey(1), testKey(2)
	for name, ks := range crossKeysets(t) {
		t.Run(name, func(t *testing.T) {
			if got, want := ks.std.marshal(), tinkCleartext(t, ks.tink); !bytes.Equal(got, want) {
				t.Fatalf("std Keyset serialization differs from tink's:\n std %x\ntink %x", got, want)
			}
			// With the same random nonce, both seal to the same bytes.
			cryptotest.SetGlobalRandom(t, 7)
			var fromTink, fromStd bytes.Buffer
			if err := sealKeyset(&fromTink, ks.tink, &key, crossAD); err != nil {
				t.Fatal(err)
			}
			cryptotest.SetGlobalRandom(t, 7)
			if err := stdSealKeyset(&fromStd, ks.std, &key, crossAD); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(fromTink.Bytes(), fromStd.Bytes()) {
				t.Fatalf("sealed keysets differ:\n std %x\ntink %x", fromStd.Bytes(), fromTink.Bytes())
			}
			if !isEncryptedKeyset(fromStd.Bytes()) {
				t.Fatalf("std sealed keyset is not in the framing decodeSealed accepts")
			}
			sealed := fromStd.Bytes()
			tamper := bytes.Clone(sealed)
			tamper[len(tamper)-1] ^= 1
			for _, tt := range []struct {
				name   string
				sealed []byte
				key    *[32]byte
				ad     []byte
			}{
				{"wrong associated data", sealed, &key, []byte("mobio/test/other")},
				{"wrong key", sealed, &other, crossAD},
				{"changed byte", tamper, &key, crossAD},
				{"truncated", sealed[:len(sealed)-1], &key, crossAD},
				{"empty", nil, &key, crossAD},
			} {
				if _, err := openKeyset(bytes.NewReader(tt.sealed), tt.key, tt.ad); err != ErrDecrypt {
					t.Errorf("%s: tink openKeyset = %v, want ErrDecrypt", tt.name, err)
				}
				if _, err := stdOpenKeyset(bytes.NewReader(tt.sealed), tt.key, tt.ad); err != ErrDecrypt {
					t.Errorf("%s: stdOpenKeyset = %v, want ErrDecrypt", tt.name, err)
				}
			}
		})
	}
}

func TestStdSignaturesAreTinks(t *testing.T) {
	for name, ks := range crossKeysets(t) {
		if ks.std.keys[0].typeURL != ed25519PrivateKeyURL {
			continue
		}
		t.Run(name, func(t *testing.T) {
			_, ts, tpub, err := signingFromKeyset(ks.tink)
			if err != nil {
				t.Fatal(err)
			}
			_, ss, spub, err := stdSigningFromKeyset(ks.std)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(tpub, spub) {
				t.Fatalf("public keys differ: tink %x, std %x", tpub, spub)
			}
			for _, msg := range [][]byte{nil, []byte("m"), bytes.Repeat([]byte("mobio"), 1000)} {
				tsig, err := ts.Sign(msg)
				if err != nil {
					t.Fatal(err)
				}
				ssig, err := ss.Sign(msg)
				if err != nil {
					t.Fatal(err)
				}
				// Ed25519 is deterministic: one key and message, one signature.
				if !bytes.Equal(tsig, ssig) || !ed25519.Verify(spub, msg, ssig) {
					t.Fatalf("signature of %d bytes: tink %x, std %x (verifies: %v)", len(msg), tsig, ssig, ed25519.Verify(spub, msg, ssig))
				}
			}
		})
	}
}

func TestStdHPKEOpensTinksAndTinkOpensStds(t *testing.T) {
	info := []byte("mobio/test/lockbox info")
	for name, ks := range crossKeysets(t) {
		if ks.std.keys[0].typeURL != hpkePrivateKeyURL {
			continue
		}
		t.Run(name, func(t *testing.T) {
			_, tdec, tpub, err := hpkeFromKeyset(ks.tink)
			if err != nil {
				t.Fatal(err)
			}
			_, sdec, spub, err := stdHPKEFromKeyset(ks.std)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(tpub, spub) {
				t.Fatalf("public keys differ: tink %x, std %x", tpub, spub)
			}
			for _, size := range []int{0, 1, 32, 1000} {
				pt := pattern(size)
				// tink and crypto/hpke draw the ephemeral key differently, so the bytes differ
				// even under one seed; the layout does not: enc (32 bytes), ciphertext, tag.
				tct, err := hpkeSeal(spub, pt, info)
				if err != nil {
					t.Fatal(err)
				}
				sct, err := stdHPKESeal(spub, pt, info)
				if err != nil {
					t.Fatal(err)
				}
				if len(tct) != 32+size+16 || len(sct) != len(tct) {
					t.Errorf("%d bytes sealed to %d (tink) and %d (std), want %d", size, len(tct), len(sct), 32+size+16)
				}
				for _, c := range []struct {
					name string
					dec  hybridDecrypter
					ct   []byte
				}{{"std opens tink's", sdec, tct}, {"tink opens std's", tdec, sct}} {
					got, err := c.dec.Decrypt(c.ct, info)
					if err != nil || !bytes.Equal(got, pt) {
						t.Fatalf("%d bytes: %s: %x, %v", size, c.name, got, err)
					}
					if _, err := c.dec.Decrypt(c.ct, []byte("other info")); err == nil {
						t.Errorf("%d bytes: %s with other info: no error", size, c.name)
					}
					changed := bytes.Clone(c.ct)
					changed[len(changed)/2] ^= 0x80
					if _, err := c.dec.Decrypt(changed, info); err == nil {
						t.Errorf("%d bytes: %s with a changed byte: no error", size, c.name)
					}
					if _, err := c.dec.Decrypt(c.ct[:31], info); err == nil {
						t.Errorf("%d bytes: %s truncated: no error", size, c.name)
					}
				}
			}
			for _, bad := range [][]byte{nil, spub[:31], append(bytes.Clone(spub), 0)} {
				if _, err := hpkeSeal(bad, []byte("k"), info); err == nil {
					t.Errorf("tink hpkeSeal to a %d-byte key: no error", len(bad))
				}
				if _, err := stdHPKESeal(bad, []byte("k"), info); err == nil {
					t.Errorf("stdHPKESeal to a %d-byte key: no error", len(bad))
				}
			}
		})
	}
}

func TestStdAESGCMIsTinks(t *testing.T) {
	key, other := testKey(5), testKey(6)
	ad := []byte("header")
	type sealFunc func(*[32]byte, []byte, []byte) ([]byte, error)
	type openFunc func(*[32]byte, []byte, []byte) ([]byte, error)
	impls := []struct {
		name string
		seal sealFunc
		open openFunc
	}{{"tink", aesGCMSeal, aesGCMOpen}, {"std", stdAESGCMSeal, stdAESGCMOpen}}
	for _, size := range []int{0, 1, 16, 1000} {
		pt := pattern(size)
		var made [][]byte
		for _, im := range impls {
			cryptotest.SetGlobalRandom(t, 9)
			ct, err := im.seal(&key, pt, ad)
			if err != nil {
				t.Fatal(err)
			}
			if len(ct) != size+aesGCMOverhead {
				t.Errorf("%s: %d bytes sealed to %d, want %d", im.name, size, len(ct), size+aesGCMOverhead)
			}
			made = append(made, ct)
		}
		if !bytes.Equal(made[0], made[1]) {
			t.Errorf("%d bytes: with the same nonce, tink %x, std %x", size, made[0], made[1])
		}
		for i, seal := range impls {
			ct := made[i]
			for _, open := range impls {
				got, err := open.open(&key, ct, ad)
				if err != nil || !bytes.Equal(got, pt) {
					t.Fatalf("%d bytes: %s opens %s's: %x, %v", size, open.name, seal.name, got, err)
				}
				changed := bytes.Clone(ct)
				changed[0] ^= 1
				for _, bad := range []struct {
					name string
					key  *[32]byte
					ct   []byte
					ad   []byte
				}{
					{"wrong key", &other, ct, ad},
					{"wrong associated data", &key, ct, []byte("other")},
					{"changed nonce", &key, changed, ad},
					{"truncated", &key, ct[:len(ct)-1], ad},
					{"shorter than nonce and tag", &key, ct[:aesGCMOverhead-1], ad},
				} {
					if _, err := open.open(bad.key, bad.ct, bad.ad); err != ErrDecrypt {
						t.Errorf("%d bytes: %s opens %s's with %s: %v, want ErrDecrypt", size, open.name, seal.name, bad.name, err)
					}
				}
			}
		}
	}
}

type (
	streamEncrypter func(*[32]byte, io.Writer, []byte) (io.WriteCloser, error)
	streamDecrypter func(*[32]byte, io.Reader, []byte) (io.Reader, error)
)

var streamImpls = []struct {
	name string
	enc  streamEncrypter
	dec  streamDecrypter
}{
	{"tink", attachmentEncrypter, attachmentDecrypter},
	{"std", stdAttachmentEncrypter, stdAttachmentDecrypter},
}

// streamEncrypt encrypts pt, writing it in pieces of chunk bytes.
func streamEncrypt(t *testing.T, enc streamEncrypter, key *[32]byte, pt, ad []byte, chunk int) []byte {
	t.Helper()
	var ct bytes.Buffer
	w, err := enc(key, &ct, ad)
	if err != nil {
		t.Fatal(err)
	}
	for rest := pt; len(rest) > 0; {
		n := min(chunk, len(rest))
		if m, err := w.Write(rest[:n]); err != nil || m != n {
			t.Fatalf("Write = %d, %v", m, err)
		}
		rest = rest[n:]
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close = %v, want nil", err)
	}
	if _, err := w.Write([]byte("x")); err == nil {
		t.Fatalf("Write after Close: no error")
	}
	return ct.Bytes()
}

// streamDecrypt decrypts ct, reading in pieces of chunk bytes.
func streamDecrypt(dec streamDecrypter, key *[32]byte, ct, ad []byte, chunk int) ([]byte, error) {
	r, err := dec(key, bytes.NewReader(ct), ad)
	if err != nil {
		return nil, err
	}
	var out []byte
	buf := make([]byte, chunk)
	for {
		n, err := r.Read(buf)
		out = append(out, buf[:n]...)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
}

func TestStdAttachmentStreamIsTinks(t *testing.T) {
	key := testKey(11)
	ad := attachmentAD(testAD)
	sizes := []int{
		0, 1,
		attFirstPlain - 1, attFirstPlain, attFirstPlain + 1,
		attFirstPlain + attPlain - 1, attFirstPlain + attPlain, attFirstPlain + attPlain + 1,
		attFirstPlain + 2*attPlain - 1, attFirstPlain + 2*attPlain, // three segments, the last full
		attFirstPlain + 2*attPlain + 1234,
	}
	for _, size := range sizes {
		pt := pattern(size)
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			var made [][]byte
			for i, im := range streamImpls {
				cryptotest.SetGlobalRandom(t, 13)
				// Different pieces for each, so that the writers' buffering is crossed too.
				ct := streamEncrypt(t, im.enc, &key, pt, ad, []int{4093, attSegment + 7}[i])
				if len(ct) != attCiphertextSize(size) {
					t.Fatalf("%s: %d bytes encrypted to %d, want %d", im.name, size, len(ct), attCiphertextSize(size))
				}
				made = append(made, ct)
			}
			if !bytes.Equal(made[0], made[1]) {
				t.Fatalf("with the same salt and nonce prefix, tink and std streams differ")
			}
			// Fresh randomness, so that neither decrypts only what it could have made itself.
			ct := streamEncrypt(t, stdAttachmentEncrypter, &key, pt, ad, 1<<20)
			for _, src := range []struct {
				name string
				ct   []byte
			}{{"tink's", made[0]}, {"std's", ct}} {
				for _, im := range streamImpls {
					for _, chunk := range []int{1000, 1 << 20} {
						got, err := streamDecrypt(im.dec, &key, src.ct, ad, chunk)
						if err != nil || !bytes.Equal(got, pt) {
							t.Fatalf("%s decrypts %s in reads of %d: %d bytes, %v; want %d bytes", im.name, src.name, chunk, len(got), err, size)
						}
					}
				}
			}
		})
	}
}

// segments splits a stream after its header into its segments.
func segments(ct []byte) [][]byte {
	var segs [][]byte
	rest := ct[attHeader:]
	for n := attSegment - attHeader; len(rest) > n; n = attSegment {
		segs = append(segs, rest[:n])
		rest = rest[n:]
	}
	return append(segs, rest)
}

func TestStdAttachmentStreamRejectsWhatTinkRejects(t *testing.T) {
	key, other := testKey(11), testKey(12)
	ad := attachmentAD(testAD)
	pt := pattern(attFirstPlain + attPlain + 1234) // three segments
	ct := streamEncrypt(t, stdAttachmentEncrypter, &key, pt, ad, 1<<20)
	segs := segments(ct)
	if len(segs) != 3 {
		t.Fatalf("%d segments, want 3", len(segs))
	}
	header := ct[:attHeader]
	join := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	flip := func(b []byte, i int) []byte { b = bytes.Clone(b); b[i] ^= 1; return b }
	tests := []struct {
		name string
		ct   []byte
		key  *[32]byte
		ad   []byte
	}{
		{"wrong key", ct, &other, ad},
		{"wrong associated data", ct, &key, attachmentAD([]byte("other entry"))},
		{"last segment dropped", join(header, segs[0], segs[1]), &key, ad},
		{"cut one byte short", ct[:len(ct)-1], &key, ad},
		{"cut in the header", ct[:attHeader-1], &key, ad},
		{"header only", header, &key, ad},
		{"empty", nil, &key, ad},
		{"middle segments swapped", join(header, segs[0], segs[2], segs[1]), &key, ad},
		{"first segment repeated", join(header, segs[0], segs[0], segs[1], segs[2]), &key, ad},
		{"one byte appended", join(ct, []byte{0}), &key, ad},
		{"a changed salt byte", flip(ct, 1), &key, ad},
		{"a changed nonce prefix byte", flip(ct, attHeader-1), &key, ad},
		{"a changed byte in the second segment", flip(ct, attSegment+5), &key, ad},
		{"a header length of 41", flip(ct, 0), &key, ad},
	}
	for _, tt := range tests {
		for _, im := range streamImpls {
			if got, err := streamDecrypt(im.dec, tt.key, tt.ct, tt.ad, 1<<20); err == nil && bytes.Equal(got, pt) {
				t.Errorf("%s: %s decrypted the whole file", tt.name, im.name)
			} else if err == nil {
				t.Errorf("%s: %s returned %d bytes and no error", tt.name, im.name, len(got))
			}
		}
	}
}

// A sealed identity crosses between the CLI (tink) and the browser (std) as a recovery kit or a
// device-sealed file: each opens what the other sealed, under a passphrase or a device key.
func TestStdSealedIdentityCrossesBothWays(t *testing.T) {
	dk := NewDeviceKey()
	sealingKey := dk.sealingKey()

	t.Run("sealed by tink, opened by std", func(t *testing.T) {
		id := newTestIdentity(t)
		blob, err := id.SealWithKey(dk)
		if err != nil {
			t.Fatal(err)
		}
		s, pub, err := decodeSealed(blob)
		if err != nil {
			t.Fatal(err)
		}
		sk, err := stdOpenKeyset(bytes.NewReader(s.Sign), &sealingKey, keysetAD(keysetSign, s.Public))
		if err != nil {
			t.Fatal(err)
		}
		hk, err := stdOpenKeyset(bytes.NewReader(s.HPKE), &sealingKey, keysetAD(keysetHPKE, s.Public))
		if err != nil {
			t.Fatal(err)
		}
		// The browser's open step, with the browser's primitives.
		if _, err := stdOpenKeyset(bytes.NewReader(s.Sign), &sealingKey, keysetAD(keysetHPKE, s.Public)); err != ErrDecrypt {
			t.Fatalf("signing keyset opened as the HPKE keyset: %v, want ErrDecrypt", err)
		}
		_, signer, signPub, err := stdSigningFromKeyset(sk)
		if err != nil {
			t.Fatal(err)
		}
		_, dec, hpkePub, err := stdHPKEFromKeyset(hk)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(signPub, pub.SigningKey()) || !bytes.Equal(hpkePub, pub.HPKEKey()) {
			t.Fatalf("std opened other keys than the sealed identity's")
		}
		sig, err := signer.Sign(e2ee.SignedMessage("mobio/test/cross", []byte("m")))
		if err != nil || !pub.Verify(sig, "mobio/test/cross", []byte("m")) {
			t.Fatalf("std signature does not verify: %v", err)
		}
		ct, err := hpkeSeal(pub.HPKEKey(), []byte("epoch key"), []byte("info"))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := dec.Decrypt(ct, []byte("info")); err != nil || string(got) != "epoch key" {
			t.Fatalf("std HPKE open = %q, %v", got, err)
		}
	})

	t.Run("sealed by std, opened by tink", func(t *testing.T) {
		for _, kdf := range []string{kdfDeviceKey, kdfArgon2id} {
			blob := stdSealIdentity(t, kdf, &sealingKey)
			var id *Identity
			var err error
			if kdf == kdfDeviceKey {
				id, err = OpenIdentityWithKey(blob, dk)
			} else {
				id, err = OpenIdentity(blob, []byte("std passphrase"))
			}
			if err != nil {
				t.Fatalf("%s: tink cannot open the identity std sealed: %v", kdf, err)
			}
			checkSameIdentity(t, id, id)
			if _, err := OpenIdentityWithKey(blob, NewDeviceKey()); kdf == kdfDeviceKey && !errors.Is(err, ErrDecrypt) {
				t.Fatalf("%s: opened with another device key: %v", kdf, err)
			}
		}
	})
}

// stdSealIdentity seals a fresh identity the way the browser does, with std keysets alone.
func stdSealIdentity(t *testing.T, kdf string, deviceSealingKey *[32]byte) []byte {
	t.Helper()
	sk, signer, signPub, err := stdNewSigningKeyset()
	if err != nil {
		t.Fatal(err)
	}
	hk, _, hpkePub, err := stdNewHPKEKeyset()
	if err != nil {
		t.Fatal(err)
	}
	sig, err := signer.Sign(e2ee.SignedMessage(e2ee.LabelIdentityKey, hpkePub))
	if err != nil {
		t.Fatal(err)
	}
	pub, err := e2ee.NewIdentityPublic(signPub, hpkePub, sig)
	if err != nil {
		t.Fatal(err)
	}
	s := sealedIdentity{Version: sealedVersion, KDF: sealedKDF{Name: kdf}, Public: pub.Bytes()}
	key := *deviceSealingKey
	if kdf == kdfArgon2id {
		s.KDF = sealedKDF{Name: kdf, Time: fastArgon2.Time, Memory: fastArgon2.Memory, Threads: fastArgon2.Threads, Salt: make([]byte, saltSize)}
		random(s.KDF.Salt)
		if key, err = stretch([]byte("std passphrase"), s.KDF.Salt, fastArgon2); err != nil {
			t.Fatal(err)
		}
	}
	var sign, hpke bytes.Buffer
	if err := stdSealKeyset(&sign, sk, &key, keysetAD(keysetSign, s.Public)); err != nil {
		t.Fatal(err)
	}
	if err := stdSealKeyset(&hpke, hk, &key, keysetAD(keysetHPKE, s.Public)); err != nil {
		t.Fatal(err)
	}
	s.Sign, s.HPKE = sign.Bytes(), hpke.Bytes()
	b, err := s.encode()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestStdKeysetRulesAreTinks seals hand-made Keyset messages and checks that std accepts the
// ones tink accepts and refuses the others at the step where tink does: opening (ErrDecrypt,
// which OpenIdentity reports as a wrong passphrase) or making the signer or decrypter (which it
// reports as malformed).
func TestStdKeysetRulesAreTinks(t *testing.T) {
	seed := bytes.Repeat([]byte{7}, 32)
	edPub := ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
	edGood := marshalEd25519PrivateKey(seed, edPub)
	xPriv := bytes.Repeat([]byte{9}, 32)
	xk, err := ecdh.X25519().NewPrivateKey(xPriv)
	if err != nil {
		t.Fatal(err)
	}
	xPub := xk.PublicKey().Bytes()
	hpkeGood := marshalHPKEPrivateKey(xPriv, xPub)
	flipped := func(b []byte) []byte { b = bytes.Clone(b); b[0] ^= 1; return b }
	keysetOf := func(primary uint32, keys ...stdKey) []byte {
		return (&stdKeyset{primaryID: primary, keys: keys}).marshal()
	}
	keyOf := func(url string, value []byte, change func(*stdKey)) stdKey {
		k := stdKey{typeURL: url, value: value, material: keyMaterialAsymmetricPrivate, status: keyStatusEnabled, id: 42, prefix: outputPrefixRaw}
		if change != nil {
			change(&k)
		}
		return k
	}
	ed := func(change func(*stdKey)) stdKey { return keyOf(ed25519PrivateKeyURL, edGood, change) }
	hp := func(value []byte) []byte { return keysetOf(42, keyOf(hpkePrivateKeyURL, value, nil)) }
	hpkeWith := func(kem, kdf, aead uint64) []byte {
		params := appendVarintField(appendVarintField(appendVarintField(nil, 1, kem), 2, kdf), 3, aead)
		pk := appendBytesField(appendMessageField(nil, 2, params), 3, xPub)
		return appendBytesField(appendMessageField(nil, 2, pk), 3, xPriv)
	}
	const (
		sign = iota
		hpkeKind
	)
	tests := []struct {
		name     string
		kind     int
		keyset   []byte
		openOK   bool // opening succeeds
		useOK    bool // and a signer or decrypter comes of it
		stricter bool // tink accepts it; std refuses it, and mobio never writes it
	}{
		{"one raw Ed25519 key", sign, keysetOf(42, ed(nil)), true, true, false},
		{"unknown fields are skipped", sign, append(keysetOf(42, ed(nil)), protowireUnknown()...), true, true, false},
		{"no key", sign, keysetOf(42), false, false, false},
		{"no primary key", sign, keysetOf(41, ed(nil)), false, false, false},
		{"disabled primary", sign, keysetOf(42, ed(func(k *stdKey) { k.status = 2 })), false, false, false},
		{"no status", sign, keysetOf(42, ed(func(k *stdKey) { k.status = 0 })), false, false, false},
		{"no output prefix type", sign, keysetOf(42, ed(func(k *stdKey) { k.prefix = 0 })), false, false, false},
		{"duplicate key IDs", sign, keysetOf(42, ed(nil), ed(nil)), false, false, false},
		{"tink prefix", sign, keysetOf(42, ed(func(k *stdKey) { k.prefix = 1 })), true, false, false},
		{"public key material type", sign, keysetOf(42, ed(func(k *stdKey) { k.material = 3 })), false, false, false},
		{"Ed25519 key under the HPKE type URL", sign, keysetOf(42, ed(func(k *stdKey) { k.typeURL = hpkePrivateKeyURL })), false, false, false},
		{"public key of another", sign, keysetOf(42, ed(func(k *stdKey) { k.value = marshalEd25519PrivateKey(seed, flipped(edPub)) })), false, false, false},
		{"short seed", sign, keysetOf(42, ed(func(k *stdKey) { k.value = marshalEd25519PrivateKey(seed[:31], edPub) })), false, false, false},
		{"key version 1", sign, keysetOf(42, ed(func(k *stdKey) { k.value = append(appendVarintField(nil, 1, 1), edGood...) })), false, false, false},
		{"public key twice", sign, keysetOf(42, ed(func(k *stdKey) {
			k.value = appendMessageField(bytes.Clone(edGood), 3, appendBytesField(nil, 2, edPub))
		})), true, true, true},
		{"not protobuf", sign, []byte{0x0a, 0xff}, false, false, false},
		{"HPKE key as a signing key", sign, hp(hpkeGood), true, false, false},
		{"one raw HPKE key", hpkeKind, hp(hpkeGood), true, true, false},
		{"HPKE public key of another", hpkeKind, hp(marshalHPKEPrivateKey(xPriv, flipped(xPub))), false, false, false},
		{"short HPKE private key", hpkeKind, hp(marshalHPKEPrivateKey(xPriv[:31], xPub)), false, false, false},
		{"HPKE with AES-128-GCM", hpkeKind, hp(hpkeWith(hpkeKEMX25519HKDFSHA256, hpkeKDFHKDFSHA256, 1)), true, true, true},
		{"HPKE with HKDF-SHA512", hpkeKind, hp(hpkeWith(hpkeKEMX25519HKDFSHA256, 3, hpkeAEADAES256GCM)), true, true, true},
		{"HPKE with the parameters of marshalHPKEPrivateKey", hpkeKind, hp(hpkeWith(hpkeKEMX25519HKDFSHA256, hpkeKDFHKDFSHA256, hpkeAEADAES256GCM)), true, true, false},
		{"Ed25519 key as an HPKE key", hpkeKind, keysetOf(42, ed(nil)), true, false, false},
	}
	key := testKey(3)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct, err := stdAESGCMSeal(&key, tt.keyset, crossAD)
			if err != nil {
				t.Fatal(err)
			}
			sealed := appendBytesField(nil, 2, ct)
			use := func(tink bool, open func() (any, error)) {
				t.Helper()
				name := map[bool]string{true: "tink", false: "std"}[tink]
				wantOpen, wantUse := tt.openOK, tt.useOK
				if tt.stricter && !tink {
					wantOpen, wantUse = false, false
				}
				h, err := open()
				if (err == nil) != wantOpen || (err != nil && err != ErrDecrypt) {
					t.Fatalf("%s open = %v, want success %v (else ErrDecrypt)", name, err, wantOpen)
				}
				if err != nil {
					return
				}
				switch h := h.(type) {
				case *keyset.Handle:
					if tt.kind == sign {
						_, _, _, err = signingFromKeyset(h)
					} else {
						_, _, _, err = hpkeFromKeyset(h)
					}
				case *stdKeyset:
					if tt.kind == sign {
						_, _, _, err = stdSigningFromKeyset(h)
					} else {
						_, _, _, err = stdHPKEFromKeyset(h)
					}
				}
				if (err == nil) != wantUse {
					t.Fatalf("%s signer or decrypter: %v, want success %v", name, err, wantUse)
				}
			}
			use(true, func() (any, error) { return openKeyset(bytes.NewReader(sealed), &key, crossAD) })
			use(false, func() (any, error) { return stdOpenKeyset(bytes.NewReader(sealed), &key, crossAD) })
		})
	}
}

// protowireUnknown is field 15, which no Keyset message has, in each wire type.
func protowireUnknown() []byte {
	var b []byte
	b = protowire.AppendVarint(protowire.AppendTag(b, 15, protowire.VarintType), 1)
	b = protowire.AppendFixed64(protowire.AppendTag(b, 15, protowire.Fixed64Type), 2)
	b = protowire.AppendBytes(protowire.AppendTag(b, 15, protowire.BytesType), []byte("hi"))
	return protowire.AppendFixed32(protowire.AppendTag(b, 15, protowire.Fixed32Type), 3)
}

// FuzzStdAttachmentStreamMatchesTink feeds the same ciphertext to both stream decrypters: they
// must agree on whether it opens and on every byte it opens to.
func FuzzStdAttachmentStreamMatchesTink(f *testing.F) {
	key := testKey(21)
	ad := attachmentAD(testAD)
	for _, size := range []int{0, 1, 100} {
		var ct bytes.Buffer
		w, err := stdAttachmentEncrypter(&key, &ct, ad)
		if err != nil {
			f.Fatal(err)
		}
		if _, err := w.Write(pattern(size)); err != nil {
			f.Fatal(err)
		}
		if err := w.Close(); err != nil {
			f.Fatal(err)
		}
		f.Add(ct.Bytes())
	}
	seeds, err := filepath.Glob("testdata/fuzz/FuzzStdAttachmentStreamMatchesTink/*")
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no committed seeds: %v", err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tpt, terr := streamDecrypt(attachmentDecrypter, &key, b, ad, 1<<20)
		spt, serr := streamDecrypt(stdAttachmentDecrypter, &key, b, ad, 1<<20)
		if (terr == nil) != (serr == nil) || !bytes.Equal(tpt, spt) {
			t.Fatalf("tink: %d bytes, %v; std: %d bytes, %v", len(tpt), terr, len(spt), serr)
		}
	})
}
