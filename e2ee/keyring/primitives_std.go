package keyring

// This file makes, with the standard library alone, the same bytes as every primitive that
// primitives_tink.go takes from tink-go: plain Ed25519, RFC 9180 HPKE, AES-256-GCM with a random
// nonce prefix, tink's AES-GCM-HKDF streaming format, and tink's encrypted binary keysets.
//
// It exists for the browser. Importing any of tink's packages runs init functions that register
// every key manager together with the protobuf runtime and protojson: that made up about 1.8 MB
// of the 5.25 MB (gzipped) js/wasm module. primitives_js.go wires this file in for js/wasm, so
// the browser links no tink and no protobuf runtime (only protowire, the wire-format encoder, for
// keysets). Natively tink stays the implementation; this file has no build tag so that the
// native tests (primitives_std_test.go) cross-check every primitive both ways against tink, and
// the known-answer vectors of e2ee/testdata pass in both builds (make test-wasm). A change here
// that makes other bytes than tink's fails those tests: no format changes with the build.
//
// Only what mobio's formats use is here: keysets of raw keys (no tink output prefix) of the two
// types identities hold, with the fixed parameters of primitives_tink.go.

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/hkdf"
	"crypto/hpke"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"google.golang.org/protobuf/encoding/protowire"
)

// The type URLs of the private keys of identity keysets.
const (
	ed25519PrivateKeyURL = "type.googleapis.com/google.crypto.tink.Ed25519PrivateKey"
	hpkePrivateKeyURL    = "type.googleapis.com/google.crypto.tink.HpkePrivateKey"
)

// Enum values of tink.proto and hpke.proto that identity keysets hold.
const (
	keyMaterialAsymmetricPrivate = 2 // KeyData.KeyMaterialType ASYMMETRIC_PRIVATE
	keyStatusEnabled             = 1 // KeyStatusType ENABLED
	outputPrefixRaw              = 3 // OutputPrefixType RAW
	hpkeKEMX25519HKDFSHA256      = 1 // HpkeKem DHKEM_X25519_HKDF_SHA256
	hpkeKDFHKDFSHA256            = 1 // HpkeKdf HKDF_SHA256
	hpkeAEADAES256GCM            = 2 // HpkeAead AES_256_GCM
)

// errProto is the error of a protobuf message that does not decode as this file expects.
var errProto = errors.New("keyring: malformed keyset protobuf")

// stdKeyset is a tink Keyset message as this file holds it. value is the serialized private
// key, a secret.
type stdKeyset struct {
	primaryID uint32
	keys      []stdKey
}

// stdKey is a Keyset.Key message with its KeyData flattened in.
type stdKey struct {
	typeURL  string
	value    []byte
	material uint64
	status   uint64
	id       uint32
	prefix   uint64
}

// Len is the number of keys, as keyset.Handle.Len counts them.
func (k *stdKeyset) Len() int { return len(k.keys) }

// newStdKeyset makes a keyset of one enabled, raw private key under a random key ID, as tink's
// keyset.Manager does.
func newStdKeyset(typeURL string, value []byte) *stdKeyset {
	var b [4]byte
	random(b[:])
	id := binary.BigEndian.Uint32(b[:])
	return &stdKeyset{primaryID: id, keys: []stdKey{{
		typeURL: typeURL, value: value, material: keyMaterialAsymmetricPrivate,
		status: keyStatusEnabled, id: id, prefix: outputPrefixRaw,
	}}}
}

// rawPrimary returns the primary key, and refuses a key of another type or one whose output
// carries a tink prefix, as rawPublicKey in primitives_tink.go does.
func (k *stdKeyset) rawPrimary(typeURL, what string) (stdKey, error) {
	for _, key := range k.keys {
		if key.id != k.primaryID {
			continue
		}
		if key.typeURL != typeURL || key.prefix != outputPrefixRaw {
			break
		}
		return key, nil
	}
	return stdKey{}, fmt.Errorf("keyring: keyset is not a raw %s key", what)
}

// validate checks what tink checks before it makes a handle: at least one key, each with key
// data, a status and an output prefix type, unique key IDs, and one primary key, which is
// enabled (keyset.Validate); and that each key of the two types that identities hold decodes
// as one (tink parses every key of a type it knows as it reads a keyset).
func (k *stdKeyset) validate() error {
	if len(k.keys) == 0 {
		return errProto
	}
	ids := make(map[uint32]bool, len(k.keys))
	primaries := 0
	for _, key := range k.keys {
		if key.status == 0 || key.prefix == 0 || ids[key.id] {
			return errProto
		}
		if err := key.check(); err != nil {
			return err
		}
		ids[key.id] = true
		if key.id == k.primaryID {
			if key.status != keyStatusEnabled {
				return errProto
			}
			primaries++
		}
	}
	if primaries != 1 {
		return errProto
	}
	return nil
}

// check decodes a key of a type that identities hold: an Ed25519 or HPKE private key.
func (key stdKey) check() error {
	var err error
	switch key.typeURL {
	case ed25519PrivateKeyURL:
		_, _, err = parseEd25519Key(key)
	case hpkePrivateKeyURL:
		_, _, err = parseHPKEKey(key)
	}
	return err
}

// marshal serializes the keyset as proto.Marshal serializes tink's Keyset: fields in number
// order, zero scalars left out.
func (k *stdKeyset) marshal() []byte {
	b := appendVarintField(nil, 1, uint64(k.primaryID))
	for _, key := range k.keys {
		var kd []byte
		kd = appendBytesField(kd, 1, []byte(key.typeURL))
		kd = appendBytesField(kd, 2, key.value)
		kd = appendVarintField(kd, 3, key.material)
		var kb []byte
		kb = appendMessageField(kb, 1, kd)
		kb = appendVarintField(kb, 2, key.status)
		kb = appendVarintField(kb, 3, uint64(key.id))
		kb = appendVarintField(kb, 4, key.prefix)
		clear(kd)
		b = appendMessageField(b, 2, kb)
		clear(kb)
	}
	return b
}

// parseStdKeyset decodes a Keyset message. The values are copies: b may be cleared after.
func parseStdKeyset(b []byte) (*stdKeyset, error) {
	k := new(stdKeyset)
	err := walkProto(b, func(f protoField) error {
		switch f.num {
		case 1:
			v, err := f.uint()
			k.primaryID = uint32(v)
			return err
		case 2:
			m, err := f.message()
			if err != nil {
				return err
			}
			key, err := parseStdKey(m)
			k.keys = append(k.keys, key)
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return k, nil
}

// parseStdKey decodes a Keyset.Key message with its KeyData.
func parseStdKey(b []byte) (stdKey, error) {
	var key stdKey
	var data protoOnce
	err := walkProto(b, func(f protoField) error {
		var err error
		var v uint64
		switch f.num {
		case 1:
			var m []byte
			if m, err = data.message(f); err != nil {
				return err
			}
			return walkProto(m, func(f protoField) error {
				var err error
				switch f.num {
				case 1:
					var s []byte
					s, err = f.bytes()
					key.typeURL = string(s)
				case 2:
					var s []byte
					s, err = f.bytes()
					key.value = bytes.Clone(s)
				case 3:
					key.material, err = f.uint()
				}
				return err
			})
		case 2:
			key.status, err = f.uint()
		case 3:
			v, err = f.uint()
			key.id = uint32(v)
		case 4:
			key.prefix, err = f.uint()
		}
		return err
	})
	if err == nil && !data.seen {
		err = errProto
	}
	return key, err
}

// stdSigner signs with an Ed25519 private key. tink's Ed25519 signer of a raw key makes the
// same signatures: plain RFC 8032 Ed25519.
type stdSigner struct{ key ed25519.PrivateKey }

func (s stdSigner) Sign(msg []byte) ([]byte, error) { return ed25519.Sign(s.key, msg), nil }

// stdNewSigningKeyset is newSigningKeyset on the standard library.
func stdNewSigningKeyset() (*stdKeyset, signer, []byte, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, nil, err
	}
	return stdSigningFromKeyset(newStdKeyset(ed25519PrivateKeyURL, marshalEd25519PrivateKey(priv.Seed(), pub)))
}

// stdSigningFromKeyset is signingFromKeyset on the standard library.
func stdSigningFromKeyset(k *stdKeyset) (*stdKeyset, signer, []byte, error) {
	key, err := k.rawPrimary(ed25519PrivateKeyURL, "Ed25519")
	if err != nil {
		return nil, nil, nil, err
	}
	priv, pub, err := parseEd25519Key(key)
	if err != nil {
		return nil, nil, nil, err
	}
	return k, stdSigner{key: priv}, pub, nil
}

// parseEd25519Key decodes an Ed25519 private key and checks that its public key is its own.
func parseEd25519Key(key stdKey) (ed25519.PrivateKey, []byte, error) {
	if key.material != keyMaterialAsymmetricPrivate {
		return nil, nil, errProto
	}
	seed, pub, err := parseEd25519PrivateKey(key.value)
	if err != nil {
		return nil, nil, err
	}
	priv := ed25519.NewKeyFromSeed(seed)
	if !bytes.Equal(priv.Public().(ed25519.PublicKey), pub) {
		return nil, nil, errors.New("keyring: Ed25519 public key does not match the private key")
	}
	return priv, bytes.Clone(pub), nil
}

// marshalEd25519PrivateKey serializes tink's Ed25519PrivateKey message (version 0):
//
//	2: key_value (the 32-byte seed), 3: public_key { 2: key_value }
func marshalEd25519PrivateKey(seed, pub []byte) []byte {
	pk := appendBytesField(nil, 2, pub)
	b := appendBytesField(nil, 2, seed)
	return appendMessageField(b, 3, pk)
}

// parseEd25519PrivateKey decodes an Ed25519PrivateKey message and checks its version and sizes.
func parseEd25519PrivateKey(b []byte) (seed, pub []byte, err error) {
	var version, pubVersion uint64
	var pubOnce protoOnce
	err = walkProto(b, func(f protoField) error {
		var err error
		switch f.num {
		case 1:
			version, err = f.uint()
		case 2:
			seed, err = f.bytes()
		case 3:
			var m []byte
			if m, err = pubOnce.message(f); err != nil {
				return err
			}
			return walkProto(m, func(f protoField) error {
				var err error
				switch f.num {
				case 1:
					pubVersion, err = f.uint()
				case 2:
					pub, err = f.bytes()
				}
				return err
			})
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	if version != 0 || pubVersion != 0 || len(seed) != ed25519.SeedSize || len(pub) != ed25519.PublicKeySize {
		return nil, nil, errors.New("keyring: not a version 0 Ed25519 private key")
	}
	return seed, pub, nil
}

// stdHPKEDecrypter opens single-shot HPKE base-mode ciphertexts (enc || ciphertext, info as the
// context, empty associated data), which is what tink's HPKE HybridDecrypt of a raw key opens.
type stdHPKEDecrypter struct{ key hpke.PrivateKey }

func (d stdHPKEDecrypter) Decrypt(ciphertext, contextInfo []byte) ([]byte, error) {
	return hpke.Open(d.key, hpke.HKDFSHA256(), hpke.AES256GCM(), contextInfo, ciphertext)
}

// stdNewHPKEKeyset is newHPKEKeyset on the standard library.
func stdNewHPKEKeyset() (*stdKeyset, hybridDecrypter, []byte, error) {
	priv, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, nil, err
	}
	return stdHPKEFromKeyset(newStdKeyset(hpkePrivateKeyURL, marshalHPKEPrivateKey(priv.Bytes(), priv.PublicKey().Bytes())))
}

// stdHPKEFromKeyset is hpkeFromKeyset on the standard library.
func stdHPKEFromKeyset(k *stdKeyset) (*stdKeyset, hybridDecrypter, []byte, error) {
	key, err := k.rawPrimary(hpkePrivateKeyURL, "X25519 HPKE")
	if err != nil {
		return nil, nil, nil, err
	}
	priv, pub, err := parseHPKEKey(key)
	if err != nil {
		return nil, nil, nil, err
	}
	hk, err := hpke.NewDHKEMPrivateKey(priv)
	if err != nil {
		return nil, nil, nil, err
	}
	return k, stdHPKEDecrypter{key: hk}, pub, nil
}

// parseHPKEKey decodes an X25519 HPKE private key and checks that its public key is its own.
func parseHPKEKey(key stdKey) (*ecdh.PrivateKey, []byte, error) {
	if key.material != keyMaterialAsymmetricPrivate {
		return nil, nil, errProto
	}
	privBytes, pub, err := parseHPKEPrivateKey(key.value)
	if err != nil {
		return nil, nil, err
	}
	priv, err := ecdh.X25519().NewPrivateKey(privBytes)
	if err != nil {
		return nil, nil, fmt.Errorf("keyring: X25519 private key: %w", err)
	}
	if !bytes.Equal(priv.PublicKey().Bytes(), pub) {
		return nil, nil, errors.New("keyring: X25519 public key does not match the private key")
	}
	return priv, bytes.Clone(pub), nil
}

// marshalHPKEPrivateKey serializes tink's HpkePrivateKey message (version 0) for X25519,
// HKDF-SHA256 and AES-256-GCM:
//
//	2: public_key { 2: params { 1: kem, 2: kdf, 3: aead }, 3: public_key }, 3: private_key
func marshalHPKEPrivateKey(priv, pub []byte) []byte {
	params := appendVarintField(nil, 1, hpkeKEMX25519HKDFSHA256)
	params = appendVarintField(params, 2, hpkeKDFHKDFSHA256)
	params = appendVarintField(params, 3, hpkeAEADAES256GCM)
	pk := appendMessageField(nil, 2, params)
	pk = appendBytesField(pk, 3, pub)
	b := appendMessageField(nil, 2, pk)
	return appendBytesField(b, 3, priv)
}

// parseHPKEPrivateKey decodes an HpkePrivateKey message and checks its version, its parameters
// (those of marshalHPKEPrivateKey and nothing else) and its sizes.
func parseHPKEPrivateKey(b []byte) (priv, pub []byte, err error) {
	var version, pubVersion, kem, kdf, aead uint64
	var pubOnce, paramsOnce protoOnce
	err = walkProto(b, func(f protoField) error {
		var err error
		switch f.num {
		case 1:
			version, err = f.uint()
		case 2:
			var m []byte
			if m, err = pubOnce.message(f); err != nil {
				return err
			}
			return walkProto(m, func(f protoField) error {
				var err error
				switch f.num {
				case 1:
					pubVersion, err = f.uint()
				case 2:
					var m []byte
					if m, err = paramsOnce.message(f); err != nil {
						return err
					}
					return walkProto(m, func(f protoField) error {
						var err error
						switch f.num {
						case 1:
							kem, err = f.uint()
						case 2:
							kdf, err = f.uint()
						case 3:
							aead, err = f.uint()
						}
						return err
					})
				case 3:
					pub, err = f.bytes()
				}
				return err
			})
		case 3:
			priv, err = f.bytes()
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	if version != 0 || pubVersion != 0 || kem != hpkeKEMX25519HKDFSHA256 || kdf != hpkeKDFHKDFSHA256 || aead != hpkeAEADAES256GCM || len(priv) != 32 || len(pub) != 32 {
		return nil, nil, errors.New("keyring: not a version 0 X25519 HKDF-SHA256 AES-256-GCM HPKE private key")
	}
	return priv, pub, nil
}

// stdHPKESeal is hpkeSeal on the standard library: enc || ciphertext, with info as the HPKE
// context and empty associated data, as tink's HybridEncrypt of a raw key makes it.
func stdHPKESeal(recipient, plaintext, info []byte) ([]byte, error) {
	pk, err := hpke.DHKEM(ecdh.X25519()).NewPublicKey(recipient)
	if err != nil {
		return nil, fmt.Errorf("keyring: recipient key: %w", err)
	}
	return hpke.Seal(pk, hpke.HKDFSHA256(), hpke.AES256GCM(), info, plaintext)
}

// stdAESGCMSeal is aesGCMSeal on the standard library: nonce || ciphertext || tag, as tink's
// AES-GCM without prefix makes it.
func stdAESGCMSeal(key *[32]byte, plaintext, ad []byte) ([]byte, error) {
	a, err := newRandomNonceGCM(key)
	if err != nil {
		return nil, err
	}
	return a.Seal(nil, nil, plaintext, ad), nil
}

// stdAESGCMOpen is aesGCMOpen on the standard library; every failure is ErrDecrypt.
func stdAESGCMOpen(key *[32]byte, ciphertext, ad []byte) ([]byte, error) {
	a, err := newRandomNonceGCM(key)
	if err != nil {
		return nil, ErrDecrypt
	}
	pt, err := a.Open(nil, nil, ciphertext, ad)
	if err != nil {
		return nil, ErrDecrypt
	}
	return pt, nil
}

func newRandomNonceGCM(key *[32]byte) (cipher.AEAD, error) {
	b, err := aes.NewCipher(key[:])
	if err != nil {
		return nil, err
	}
	return cipher.NewGCMWithRandomNonce(b)
}

// stdSealKeyset is sealKeyset on the standard library: tink's EncryptedKeyset as its binary
// writer writes it, field 2 (encrypted_keyset) alone, holding AES-256-GCM under key of the
// serialized Keyset with ad as associated data.
func stdSealKeyset(w io.Writer, k *stdKeyset, key *[32]byte, ad []byte) error {
	pt := k.marshal()
	defer clear(pt)
	ct, err := stdAESGCMSeal(key, pt, ad)
	if err != nil {
		return err
	}
	_, err = w.Write(appendBytesField(nil, 2, ct))
	return err
}

// stdOpenKeyset is openKeyset on the standard library; every failure is ErrDecrypt, as every
// failure of tink's keyset.ReadWithAssociatedData is there.
func stdOpenKeyset(r io.Reader, key *[32]byte, ad []byte) (*stdKeyset, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, ErrDecrypt
	}
	var ct []byte
	if err := walkProto(b, func(f protoField) error {
		if f.num != 2 {
			return nil
		}
		var err error
		ct, err = f.bytes()
		return err
	}); err != nil {
		return nil, ErrDecrypt
	}
	pt, err := stdAESGCMOpen(key, ct, ad)
	if err != nil {
		return nil, ErrDecrypt
	}
	defer clear(pt)
	k, err := parseStdKeyset(pt)
	if err != nil || k.validate() != nil {
		return nil, ErrDecrypt
	}
	return k, nil
}

// Tink's AES-GCM-HKDF streaming format, as attachments use it (attachmentStream in
// primitives_tink.go): a header of
//
//	header length (1 byte, 40) || salt (32 bytes) || nonce prefix (7 bytes)
//
// then segments of attachmentSegmentSize bytes of ciphertext (the first one 40 bytes shorter,
// for the header), the last one shorter or equal, each AES-256-GCM under the stream key
// HKDF-SHA256(main key, salt, info = associated data) with the nonce
//
//	nonce prefix || segment index (4 bytes, big-endian) || 1 for the last segment, else 0
//
// and no associated data. Every stream has a last segment, an empty one for an empty file.
const (
	streamKeySize         = 32
	streamNoncePrefixSize = 7
	streamNonceSize       = 12
	streamTagSize         = 16
	streamHeaderSize      = 1 + streamKeySize + streamNoncePrefixSize
	streamPlainSegment    = attachmentSegmentSize - streamTagSize
)

// streamCipher derives the AES-GCM of one stream from the main key, its salt and ad.
func streamCipher(key *[32]byte, salt, ad []byte) (cipher.AEAD, error) {
	k, err := hkdf.Key(sha256.New, key[:], salt, string(ad), streamKeySize)
	if err != nil {
		return nil, err
	}
	defer clear(k)
	b, err := aes.NewCipher(k)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}

// streamNonce is the nonce of segment i; tink refuses a stream of 2^32-1 segments or more.
func streamNonce(nonce *[streamNonceSize]byte, prefix []byte, i uint64, last bool) error {
	if i >= math.MaxUint32 {
		return errors.New("keyring: too many segments")
	}
	copy(nonce[:], prefix)
	binary.BigEndian.PutUint32(nonce[streamNoncePrefixSize:], uint32(i))
	nonce[streamNonceSize-1] = 0
	if last {
		nonce[streamNonceSize-1] = 1
	}
	return nil
}

// stdStreamWriter encrypts a stream. It holds back a full segment until more plaintext comes,
// because only then is it known not to be the last one, as tink's writer does.
type stdStreamWriter struct {
	w      io.Writer
	aead   cipher.AEAD
	prefix [streamNoncePrefixSize]byte
	seg    uint64 // segments written
	pt     []byte // plaintext of the segment being filled
	ptLen  int
	ct     []byte
	closed bool
}

// stdAttachmentEncrypter is attachmentEncrypter on the standard library. It writes the header
// to w before it returns.
func stdAttachmentEncrypter(key *[32]byte, w io.Writer, ad []byte) (io.WriteCloser, error) {
	var header [streamHeaderSize]byte
	header[0] = streamHeaderSize
	// Salt, then nonce prefix, in two draws as tink makes them: under a seeded generator
	// (testing/cryptotest) both implementations then write the same bytes.
	random(header[1 : 1+streamKeySize])
	random(header[1+streamKeySize:])
	a, err := streamCipher(key, header[1:1+streamKeySize], ad)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(header[:]); err != nil {
		return nil, err
	}
	sw := &stdStreamWriter{w: w, aead: a, pt: make([]byte, streamPlainSegment)}
	copy(sw.prefix[:], header[1+streamKeySize:])
	return sw, nil
}

// limit is the plaintext size of the segment being filled.
func (sw *stdStreamWriter) limit() int {
	if sw.seg == 0 {
		return streamPlainSegment - streamHeaderSize
	}
	return streamPlainSegment
}

func (sw *stdStreamWriter) Write(p []byte) (int, error) {
	if sw.closed {
		return 0, errors.New("keyring: write on closed stream")
	}
	pos := 0
	for {
		n := copy(sw.pt[sw.ptLen:sw.limit()], p[pos:])
		sw.ptLen += n
		pos += n
		if pos == len(p) {
			return pos, nil
		}
		if err := sw.flush(false); err != nil {
			return pos, err
		}
	}
}

// flush encrypts and writes the segment being filled.
func (sw *stdStreamWriter) flush(last bool) error {
	var nonce [streamNonceSize]byte
	if err := streamNonce(&nonce, sw.prefix[:], sw.seg, last); err != nil {
		return err
	}
	sw.ct = sw.aead.Seal(sw.ct[:0], nonce[:], sw.pt[:sw.ptLen], nil)
	if _, err := sw.w.Write(sw.ct); err != nil {
		return err
	}
	sw.ptLen = 0
	sw.seg++
	return nil
}

// Close writes the last segment. Closing again does nothing.
func (sw *stdStreamWriter) Close() error {
	if sw.closed {
		return nil
	}
	if err := sw.flush(true); err != nil {
		return err
	}
	sw.closed = true
	return nil
}

// stdStreamReader decrypts a stream. It reads one byte past each segment, to know whether the
// segment is the last one, as tink's reader does; a segment's plaintext is released only after
// it authenticated.
type stdStreamReader struct {
	r      io.Reader
	aead   cipher.AEAD
	prefix [streamNoncePrefixSize]byte
	seg    uint64 // segments decrypted
	ct     []byte // a segment and the byte after it
	ctLen  int    // bytes of ct already read: the byte after the previous segment
	pt     []byte
	ptPos  int
	done   bool // the last segment authenticated
}

// stdAttachmentDecrypter is attachmentDecrypter on the standard library. It reads the header
// from r before it returns.
func stdAttachmentDecrypter(key *[32]byte, r io.Reader, ad []byte) (io.Reader, error) {
	var header [streamHeaderSize]byte
	if _, err := io.ReadFull(r, header[:1]); err != nil {
		return nil, err
	}
	if header[0] != streamHeaderSize {
		return nil, errors.New("keyring: invalid stream header length")
	}
	if _, err := io.ReadFull(r, header[1:]); err != nil {
		return nil, err
	}
	a, err := streamCipher(key, header[1:1+streamKeySize], ad)
	if err != nil {
		return nil, err
	}
	sr := &stdStreamReader{r: r, aead: a, ct: make([]byte, attachmentSegmentSize+1)}
	copy(sr.prefix[:], header[1+streamKeySize:])
	return sr, nil
}

func (sr *stdStreamReader) Read(p []byte) (int, error) {
	if sr.ptPos < len(sr.pt) {
		n := copy(p, sr.pt[sr.ptPos:])
		sr.ptPos += n
		return n, nil
	}
	if sr.done {
		return 0, io.EOF
	}
	sr.pt, sr.ptPos = sr.pt[:0], 0
	lim := len(sr.ct)
	if sr.seg == 0 {
		lim -= streamHeaderSize
	}
	n, err := io.ReadFull(sr.r, sr.ct[sr.ctLen:lim])
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return 0, err
	}
	last := err != nil
	size := sr.ctLen + n // the segment, and the byte after it unless last
	if !last {
		size--
	}
	if size < 0 {
		return 0, errors.New("keyring: stream segment too short")
	}
	var nonce [streamNonceSize]byte
	if err := streamNonce(&nonce, sr.prefix[:], sr.seg, last); err != nil {
		return 0, err
	}
	pt, err := sr.aead.Open(sr.pt[:0], nonce[:], sr.ct[:size], nil)
	if err != nil {
		return 0, err
	}
	sr.pt = pt
	if last {
		sr.done = true
	} else {
		sr.ct[0] = sr.ct[size]
		sr.ctLen = 1
	}
	sr.seg++
	n = copy(p, sr.pt)
	sr.ptPos = n
	return n, nil
}

// protoField is one field of a protobuf message: a varint or a length-delimited value.
type protoField struct {
	num   protowire.Number
	typ   protowire.Type
	value uint64
	data  []byte
}

// uint returns a varint field's value; another wire type is an error.
func (f protoField) uint() (uint64, error) {
	if f.typ != protowire.VarintType {
		return 0, errProto
	}
	return f.value, nil
}

// bytes returns a length-delimited field's bytes; another wire type is an error.
func (f protoField) bytes() ([]byte, error) {
	if f.typ != protowire.BytesType {
		return nil, errProto
	}
	return f.data, nil
}

// message returns an embedded message's bytes.
func (f protoField) message() ([]byte, error) { return f.bytes() }

// protoOnce refuses a second occurrence of a singular embedded message, which protobuf would
// merge into the first: tink never writes one, and merging is not worth its code here.
type protoOnce struct{ seen bool }

func (o *protoOnce) message(f protoField) ([]byte, error) {
	if o.seen {
		return nil, errProto
	}
	o.seen = true
	return f.message()
}

// walkProto calls f with each field of the protobuf message b, in order. Fixed-width and group
// fields, which none of the messages read here has, are skipped as unknown fields are.
func walkProto(b []byte, f func(protoField) error) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return errProto
		}
		b = b[n:]
		field := protoField{num: num, typ: typ}
		switch typ {
		case protowire.VarintType:
			field.value, n = protowire.ConsumeVarint(b)
		case protowire.BytesType:
			field.data, n = protowire.ConsumeBytes(b)
		default:
			n = protowire.ConsumeFieldValue(num, typ, b)
		}
		if n < 0 {
			return errProto
		}
		b = b[n:]
		if typ != protowire.VarintType && typ != protowire.BytesType {
			continue
		}
		if err := f(field); err != nil {
			return err
		}
	}
	return nil
}

// appendVarintField appends a proto3 scalar field, which is left out when zero.
func appendVarintField(b []byte, num protowire.Number, v uint64) []byte {
	if v == 0 {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.VarintType)
	return protowire.AppendVarint(b, v)
}

// appendBytesField appends a proto3 bytes or string field, which is left out when empty.
func appendBytesField(b []byte, num protowire.Number, v []byte) []byte {
	if len(v) == 0 {
		return b
	}
	return appendMessageField(b, num, v)
}

// appendMessageField appends an embedded message, which is there even when empty.
func appendMessageField(b []byte, num protowire.Number, m []byte) []byte {
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return protowire.AppendBytes(b, m)
}
