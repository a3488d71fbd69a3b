package e2ee_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
)

// fixedPublicIdentity builds a public identity from a fixed seed, without keyring: an Ed25519
// key from the seed, an arbitrary 32-byte HPKE key, and the binding signature.
func fixedPublicIdentity(t testing.TB, seed byte) (e2ee.IdentityPublic, ed25519.PrivateKey) {
	t.Helper()
	sk := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
	hpke := sha256.Sum256([]byte{seed})
	sig := ed25519.Sign(sk, e2ee.SignedMessage(e2ee.LabelIdentityKey, hpke[:]))
	p, err := e2ee.NewIdentityPublic(sk.Public().(ed25519.PublicKey), hpke[:], sig)
	if err != nil {
		t.Fatalf("NewIdentityPublic() = %v", err)
	}
	return p, sk
}

func TestParseIdentityPublicRoundTrip(t *testing.T) {
	p, _ := fixedPublicIdentity(t, 1)
	tests := []struct {
		name  string
		parse func() (e2ee.IdentityPublic, error)
	}{
		{"binary form", func() (e2ee.IdentityPublic, error) { return e2ee.ParseIdentityPublic(p.Bytes()) }},
		{"text form", func() (e2ee.IdentityPublic, error) { return e2ee.ParseIdentityText(p.String()) }},
		{"text form pasted with spaces and a line break around it", func() (e2ee.IdentityPublic, error) {
			return e2ee.ParseIdentityText("  " + p.String() + "\n")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.parse()
			if err != nil {
				t.Fatalf("parse = %v", err)
			}
			if !got.Equal(p) || got.ID() != p.ID() || got.Fingerprint() != p.Fingerprint() {
				t.Fatalf("parse = %v, want %v", got, p)
			}
		})
	}
	if len(p.Bytes()) != e2ee.IdentityPublicSize {
		t.Errorf("len(Bytes()) = %d, want %d", len(p.Bytes()), e2ee.IdentityPublicSize)
	}
	if !strings.HasPrefix(p.String(), "mobio-id1") {
		t.Errorf("String() = %q, want the prefix mobio-id1", p.String())
	}
}

func TestParseIdentityPublicRejects(t *testing.T) {
	p, _ := fixedPublicIdentity(t, 2)
	other, _ := fixedPublicIdentity(t, 3)
	good := p.Bytes()
	with := func(change func(b []byte) []byte) []byte { return change(bytes.Clone(good)) }
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, e2ee.ErrMalformed},
		{"one byte short", good[:len(good)-1], e2ee.ErrMalformed},
		{"one byte too many", append(bytes.Clone(good), 0), e2ee.ErrMalformed},
		{"version 0", with(func(b []byte) []byte { b[0] = 0; return b }), e2ee.ErrUnsupported},
		{"version 2", with(func(b []byte) []byte { b[0] = 2; return b }), e2ee.ErrUnsupported},
		{"signing key changed", with(func(b []byte) []byte { b[1] ^= 1; return b }), e2ee.ErrBadSignature},
		{"HPKE key changed", with(func(b []byte) []byte { b[40] ^= 1; return b }), e2ee.ErrBadSignature},
		{"signature changed", with(func(b []byte) []byte { b[len(b)-1] ^= 1; return b }), e2ee.ErrBadSignature},
		{"HPKE key of another identity", with(func(b []byte) []byte { copy(b[33:65], other.HPKEKey()); return b }), e2ee.ErrBadSignature},
		{"all zeros", make([]byte, e2ee.IdentityPublicSize), e2ee.ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := e2ee.ParseIdentityPublic(tt.in)
			if !errors.Is(err, tt.want) || !got.IsZero() {
				t.Fatalf("ParseIdentityPublic(%x) = %v, %v, want a zero identity, %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseIdentityTextRejects(t *testing.T) {
	p, _ := fixedPublicIdentity(t, 4)
	s := p.String()
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", e2ee.ErrMalformed},
		{"prefix only", "mobio-id1", e2ee.ErrMalformed},
		{"no prefix", strings.TrimPrefix(s, "mobio-id1"), e2ee.ErrMalformed},
		{"identity ID instead of identity", "mobio-id1" + p.ID().String(), e2ee.ErrMalformed},
		{"character outside base32", s[:20] + "1" + s[21:], e2ee.ErrMalformed},
		{"last character cut off", s[:len(s)-1], e2ee.ErrMalformed},
		{"one character changed", s[:30] + map[bool]string{true: "b", false: "a"}[s[30] == 'a'] + s[31:], e2ee.ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := e2ee.ParseIdentityText(tt.in)
			if !errors.Is(err, tt.want) || !got.IsZero() {
				t.Fatalf("ParseIdentityText(%q) = %v, %v, want a zero identity, %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func isIdentityError(err error) bool {
	return errors.Is(err, e2ee.ErrMalformed) || errors.Is(err, e2ee.ErrUnsupported) || errors.Is(err, e2ee.ErrBadSignature)
}

// FuzzParseIdentityPublic: the binary form never panics, and what parses re-encodes to the
// same bytes and survives the text form.
func FuzzParseIdentityPublic(f *testing.F) {
	p, _ := fixedPublicIdentity(f, 5)
	f.Add(p.Bytes())
	f.Add(make([]byte, e2ee.IdentityPublicSize))
	f.Add([]byte{1})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := e2ee.ParseIdentityPublic(b)
		if err != nil {
			if !isIdentityError(err) {
				t.Fatalf("ParseIdentityPublic() = %v, which is none of the sentinels", err)
			}
			return
		}
		if !bytes.Equal(p.Bytes(), b) {
			t.Fatalf("Bytes() = %x, want %x", p.Bytes(), b)
		}
		q, err := e2ee.ParseIdentityText(p.String())
		if err != nil || !q.Equal(p) {
			t.Fatalf("ParseIdentityText(String()) = %v, %v, want %v", q, err, p)
		}
	})
}

// FuzzParseIdentityText: the text form never panics; it tolerates white space around the
// text and line breaks inside it (as pasted from a chat), so the property is that what parses
// has one canonical text, which parses to the same identity and equals the input once the
// tolerated differences are removed, except for the unused low bits of the last character.
func FuzzParseIdentityText(f *testing.F) {
	p, _ := fixedPublicIdentity(f, 6)
	f.Add(p.String())
	f.Add(" " + p.String()[:100] + "\n" + p.String()[100:] + "\n")
	f.Add("mobio-id1")
	f.Add("mobio-id1aaaa")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := e2ee.ParseIdentityText(s)
		if err != nil {
			if !isIdentityError(err) {
				t.Fatalf("ParseIdentityText() = %v, which is none of the sentinels", err)
			}
			return
		}
		canon := p.String()
		q, err := e2ee.ParseIdentityText(canon)
		if err != nil || !q.Equal(p) || q.String() != canon {
			t.Fatalf("ParseIdentityText(%q) = %v, %v, want %v", canon, q, err, p)
		}
		typed := strings.NewReplacer("\n", "", "\r", "").Replace(strings.TrimSpace(s))
		if len(typed) != len(canon) || typed[:len(typed)-1] != canon[:len(canon)-1] {
			t.Fatalf("ParseIdentityText(%q) accepted text that differs from the canonical %q", s, canon)
		}
	})
}
