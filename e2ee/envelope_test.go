package e2ee_test

import (
	"bytes"
	"encoding/hex"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
)

func readEnvelopeVector(t testing.TB) (raw []byte, signer e2ee.IdentityPublic) {
	t.Helper()
	raw, err := os.ReadFile("testdata/v1/envelope.cbor")
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("testdata/v1/envelope.signer")
	if err != nil {
		t.Fatal(err)
	}
	signer, err = e2ee.ParseIdentityText(string(text))
	if err != nil {
		t.Fatal(err)
	}
	return raw, signer
}

// TestEnvelopeHeaderBytes pins the header of the committed envelope
// (testdata/v1/envelope.cbor, made by keyring's TestKnownAnswerEnvelopeOpens with -update from
// a seeded generator), byte by byte: CBOR core deterministic encoding of a map with integer keys
// in ascending order.
func TestEnvelopeHeaderBytes(t *testing.T) {
	raw, signer := readEnvelopeVector(t)
	env, err := e2ee.DecodeEnvelope(raw)
	if err != nil {
		t.Fatalf("DecodeEnvelope(committed vector) = %v", err)
	}
	annotated := []struct{ what, hex string }{
		{"map of 10 pairs (11, Time, is omitted when 0)", "aa"},
		{"1: Version 1", "01 01"},
		{"2: Doc, 16 bytes: \"mobio kat doc v1\"", "02 50 6d6f62696f206b617420646f63207631"},
		{"3: Epoch 1", "03 01"},
		{"4: Author, 32 bytes: the signer's identity ID", "04 5820 0f1739e7d067513108671a9675a7608a3de302aa23d824a9609a167e3cecd2d8"},
		{"5: Kind 1 (update)", "05 01"},
		{"6: Seq 3", "06 03"},
		{"7: Prev, 32 bytes: SHA-256 of \"mobio known-answer previous envelope\"", "07 5820 9aaf07fa8abec1d657ef014ee06c6571b407594f5729689ae1e938862451535a"},
		{"8: Size 284 (256-byte bucket + 12 nonce + 16 tag)", "08 19011c"},
		{"9: KeyCommit, 32 bytes: HMAC of the epoch key", "09 5820 4e020aa502d6886d233e4c04780a689d3f0e0e27cbaabe2874edf4ea7a828fd3"},
		{"10: View, array of 1", "0a 81"},
		{"  [Author, Seq] as an array of 2", "82"},
		{"  Author, 32 bytes: SHA-256 of \"mobio known-answer other author\"", "5820 c537c5bcdd7f867b27cfdea69b888e1457b90cf97dfd5d3cb372c39bdd2f7948"},
		{"  Seq 7", "07"},
	}
	rest := env.HeaderBytes
	for _, a := range annotated {
		want, err := hex.DecodeString(strings.ReplaceAll(a.hex, " ", ""))
		if err != nil {
			t.Fatalf("%s: %v", a.what, err)
		}
		if !bytes.HasPrefix(rest, want) {
			n := min(len(want), len(rest))
			t.Fatalf("%s: got %x, want %x", a.what, rest[:n], want)
		}
		rest = rest[len(want):]
	}
	if len(rest) != 0 {
		t.Errorf("header has %d bytes after the annotated ones: %x", len(rest), rest)
	}

	h := env.Header
	var doc e2ee.DocID
	copy(doc[:], "mobio kat doc v1")
	fields := []struct {
		name      string
		got, want any
	}{
		{"Version", h.Version, uint8(1)},
		{"Doc", h.Doc, doc},
		{"Epoch", h.Epoch, e2ee.Epoch(1)},
		{"Author", h.Author, signer.ID()},
		{"Kind", h.Kind, e2ee.KindUpdate},
		{"Seq", h.Seq, uint64(3)},
		{"Size", h.Size, uint32(len(env.Ciphertext))},
		{"View length", len(h.View), 1},
		{"View[0].Seq", h.View[0].Seq, uint64(7)},
		{"Time", h.Time, int64(0)},
	}
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%s = %v, want %v", f.name, f.got, f.want)
		}
	}

	m := e2ee.StaticMembership(doc, 1, e2ee.Member{Identity: signer, Role: e2ee.RoleOwner})
	if _, err := e2ee.Verify(raw, m); err != nil {
		t.Errorf("Verify(committed vector) = %v", err)
	}
}

func TestHeaderEncodeRefuses(t *testing.T) {
	ok := e2ee.Header{Version: e2ee.EnvelopeVersion, Doc: e2ee.DocID{1}, Epoch: 1, Kind: e2ee.KindUpdate, Seq: 1}
	with := func(change func(*e2ee.Header)) e2ee.Header {
		h := ok
		change(&h)
		return h
	}
	tests := []struct {
		name string
		h    e2ee.Header
		want error
	}{
		{"a complete header encodes", ok, nil},
		{"version 2", with(func(h *e2ee.Header) { h.Version = 2 }), e2ee.ErrUnsupported},
		{"kind 5", with(func(h *e2ee.Header) { h.Kind = 5 }), e2ee.ErrUnsupported},
		{"epoch 0", with(func(h *e2ee.Header) { h.Epoch = 0 }), e2ee.ErrMalformed},
		{"seq 0", with(func(h *e2ee.Header) { h.Seq = 0 }), e2ee.ErrMalformed},
		{"seq 1 with a previous hash", with(func(h *e2ee.Header) { h.Prev = e2ee.Hash{1} }), e2ee.ErrMalformed},
		{"ephemeral without time", with(func(h *e2ee.Header) { h.Kind = e2ee.KindEphemeral }), e2ee.ErrMalformed},
		{"ephemeral with a negative time", with(func(h *e2ee.Header) { h.Kind, h.Time = e2ee.KindEphemeral, -1 }), e2ee.ErrMalformed},
		{"ephemeral with a previous hash", with(func(h *e2ee.Header) { h.Kind, h.Time, h.Seq, h.Prev = e2ee.KindEphemeral, 1, 2, e2ee.Hash{1} }), e2ee.ErrMalformed},
		{"receipt without time", with(func(h *e2ee.Header) { h.Kind = e2ee.KindReceipt }), e2ee.ErrMalformed},
		{"receipt with time encodes", with(func(h *e2ee.Header) { h.Kind, h.Time = e2ee.KindReceipt, 1 }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.h.Encode()
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("Encode = %v, want %v", err, tt.want)
			}
			if err != nil {
				return
			}
			if _, err := e2ee.DecodeHeader(b); err != nil {
				t.Errorf("DecodeHeader(Encode()) = %v, want nil", err)
			}
		})
	}
}

// FuzzDecodeEnvelope checks that decoding never panics and that whatever decodes has exactly
// one encoding: the parts re-assemble to the same bytes and the header re-encodes to its own.
func FuzzDecodeEnvelope(f *testing.F) {
	raw, signer := readEnvelopeVector(f)
	f.Add(raw)
	f.Add(raw[:len(raw)/2])
	f.Add([]byte{0x83, 0x40, 0x40, 0x40})
	m := e2ee.StaticMembership(e2ee.DocID{}, 1, e2ee.Member{Identity: signer, Role: e2ee.RoleOwner})
	f.Fuzz(func(t *testing.T, b []byte) {
		env, err := e2ee.DecodeEnvelope(b)
		if err != nil {
			return
		}
		again, err := e2ee.EncodeEnvelope(env.HeaderBytes, env.Ciphertext, env.Signature)
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("EncodeEnvelope(DecodeEnvelope(%x)) = %x, %v; want the same bytes", b, again, err)
		}
		hb, err := env.Header.Encode()
		if err != nil || !bytes.Equal(hb, env.HeaderBytes) {
			t.Fatalf("header re-encodes to %x, %v; want %x", hb, err, env.HeaderBytes)
		}
		_, _ = e2ee.Verify(b, m) // must not panic
	})
}
