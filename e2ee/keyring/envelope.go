package keyring

import (
	"encoding/binary"
	"fmt"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// Padding of envelope plaintexts. A padded plaintext is the data's length as 4 bytes big-endian,
// the data, then zeros up to the size bucket of the whole: 256 bytes, then the powers of two up
// to 64 KiB, then multiples of 64 KiB. A keystroke and a paragraph thus give the same size, and
// a large snapshot leaks its size to within 64 KiB. The scheme is unambiguous (the length is
// explicit) and strict: an opener accepts only the one padding a sealer makes.
const (
	padPrefix    = 4
	padMinBucket = 256
	padMaxPower  = 64 << 10
)

// padBucket returns the padded size of n bytes of prefix and data.
func padBucket(n int) int {
	if n <= padMinBucket {
		return padMinBucket
	}
	if n <= padMaxPower {
		b := padMinBucket
		for b < n {
			b <<= 1
		}
		return b
	}
	return (n + padMaxPower - 1) / padMaxPower * padMaxPower
}

// pad returns plaintext with its length prefix and zero padding.
func pad(plaintext []byte) []byte {
	out := make([]byte, padBucket(padPrefix+len(plaintext)))
	binary.BigEndian.PutUint32(out, uint32(len(plaintext)))
	copy(out[padPrefix:], plaintext)
	return out
}

// unpad reverses pad and rejects any other form: a size that is not a bucket, a length beyond
// the data, a non-zero byte in the padding.
func unpad(padded []byte) ([]byte, bool) {
	if len(padded) < padPrefix {
		return nil, false
	}
	n := binary.BigEndian.Uint32(padded)
	if uint64(n) > uint64(len(padded)-padPrefix) || padBucket(padPrefix+int(n)) != len(padded) {
		return nil, false
	}
	var nonzero byte
	for _, c := range padded[padPrefix+int(n):] {
		nonzero |= c // no early exit: the time taken does not say where the padding goes wrong
	}
	if nonzero != 0 {
		return nil, false
	}
	return padded[padPrefix : padPrefix+int(n)], true
}

// Seal makes an envelope of plaintext for the document and epoch of key, authored and signed by
// author.
//
// The caller sets h.Kind, h.Seq, h.Prev, h.View and, for ephemeral envelopes and receipts,
// h.Time (see [e2ee.Chain.Next] and [e2ee.Chain.View]); Seal fills in Version, Doc, Epoch,
// Author, KeyCommit and Size, and refuses a header that names another document, epoch or author
// than key and author do. A receipt ([e2ee.KindReceipt]) has an empty plaintext (see [Receipt]).
//
// Step 1. Pad the plaintext to its size bucket.
// Step 2. Complete and encode the header; its exact bytes are the associated data.
// Step 3. Encrypt with AES-256-GCM under the epoch key.
// Step 4. Sign the header bytes and the ciphertext.
func Seal(author *Identity, key *EpochKey, h e2ee.Header, plaintext []byte) ([]byte, error) {
	id := author.ID()
	doc, epoch := key.Doc(), key.Epoch()
	switch {
	case h.Version != 0 && h.Version != e2ee.EnvelopeVersion:
		return nil, fmt.Errorf("seal envelope: %w: header version %d", e2ee.ErrUnsupported, h.Version)
	case !h.Doc.IsZero() && h.Doc != doc:
		return nil, fmt.Errorf("seal envelope: %w: header names document %s, key is for %s", e2ee.ErrMalformed, h.Doc, doc)
	case h.Epoch != 0 && h.Epoch != epoch:
		return nil, fmt.Errorf("seal envelope: %w: header names epoch %d, key is for epoch %d", e2ee.ErrMalformed, h.Epoch, epoch)
	case !h.Author.IsZero() && h.Author != id:
		return nil, fmt.Errorf("seal envelope: %w: header names author %s, signer is %s", e2ee.ErrMalformed, h.Author.Short(), id.Short())
	case !h.KeyCommit.IsZero():
		return nil, fmt.Errorf("seal envelope: %w: key commitment is set by Seal", e2ee.ErrMalformed)
	case h.Kind == e2ee.KindReceipt && len(plaintext) != 0:
		return nil, fmt.Errorf("seal envelope: %w: a receipt has no content", e2ee.ErrMalformed)
	case len(plaintext) > e2ee.MaxEnvelopeSize:
		return nil, fmt.Errorf("seal envelope: %w: %d bytes of content", e2ee.ErrTooLarge, len(plaintext))
	}

	// Step 1.
	padded := pad(plaintext)

	// Step 2.
	h.Version = e2ee.EnvelopeVersion
	h.Doc, h.Epoch, h.Author = doc, epoch, id
	h.KeyCommit = key.Commitment()
	h.Size = uint32(len(padded) + aesGCMOverhead)
	hb, err := h.Encode()
	if err != nil {
		return nil, fmt.Errorf("seal envelope: %w", err)
	}

	// Step 3.
	ct, err := aesGCMSeal(&key.key, padded, e2ee.SignedMessage(e2ee.LabelEnvelopeAD, hb))
	if err != nil {
		return nil, fmt.Errorf("seal envelope: %w", err)
	}
	if len(ct) != int(h.Size) {
		panic("keyring: AES-GCM output size differs from aesGCMOverhead")
	}

	// Step 4.
	sig, err := author.Sign(e2ee.LabelEnvelope, e2ee.EnvelopeSigningParts(hb, ct)...)
	if err != nil {
		return nil, fmt.Errorf("seal envelope: %w", err)
	}
	raw, err := e2ee.EncodeEnvelope(hb, ct, sig)
	if err != nil {
		return nil, fmt.Errorf("seal envelope: %w", err)
	}
	if len(raw) > e2ee.MaxEnvelopeSize {
		return nil, fmt.Errorf("seal envelope: %w: %d bytes, limit %d", e2ee.ErrTooLarge, len(raw), e2ee.MaxEnvelopeSize)
	}
	return raw, nil
}

// Open decrypts a verified envelope with the key of its document and epoch and returns the
// plaintext. Every failure, including a key of another document or epoch, is [ErrDecrypt].
//
// Step 1. The key must be for the header's document and epoch.
// Step 2. The header's key commitment must be the key's, compared in constant time before any
// decryption: AES-GCM is not key-committing, so without this check a ciphertext could be
// crafted to open under two keys to two contents.
// Step 3. Decrypt with the exact header bytes as associated data.
// Step 4. Remove the padding, accepting only the form [Seal] makes.
func Open(v e2ee.VerifiedEnvelope, key *EpochKey) ([]byte, error) {
	if v.IsZero() {
		return nil, ErrDecrypt
	}
	h := v.Header()

	// Step 1.
	if key.Doc() != h.Doc || key.Epoch() != h.Epoch {
		return nil, ErrDecrypt
	}

	// Step 2.
	if !key.Commitment().Equal(h.KeyCommit) {
		return nil, ErrDecrypt
	}

	// Step 3.
	padded, err := aesGCMOpen(&key.key, v.Ciphertext(), e2ee.SignedMessage(e2ee.LabelEnvelopeAD, v.HeaderBytes()))
	if err != nil {
		return nil, ErrDecrypt
	}

	// Step 4.
	pt, ok := unpad(padded)
	if !ok {
		return nil, ErrDecrypt
	}
	return pt, nil
}

// Receipt makes a receipt: an envelope without content whose header publishes author's view
// (typically [e2ee.Chain.View]), so that a member who writes nothing still shows the others what
// it has received. Receipts belong to the author's stored chain: seq and prev come from
// [e2ee.Chain.Next] like those of an update. A viewer may send receipts.
func Receipt(author *Identity, key *EpochKey, seq uint64, prev e2ee.Hash, view []e2ee.ViewEntry, now time.Time) ([]byte, error) {
	return Seal(author, key, e2ee.Header{
		Kind: e2ee.KindReceipt,
		Seq:  seq,
		Prev: prev,
		View: view,
		Time: now.UnixMilli(),
	}, nil)
}
