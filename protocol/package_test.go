package protocol_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

func TestPackageIDTextForm(t *testing.T) {
	id := protocol.PackageID{0xfb, 0xff, 0x01, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0xff}
	const want = "-_8BAgMEBQYHCAkKCwwN_w"
	if got := id.String(); got != want {
		t.Fatalf("String() = %q, want %q", got, want)
	}
	back, err := protocol.ParsePackageID(want)
	if err != nil || back != id {
		t.Fatalf("ParsePackageID(%q) = %v, %v; want %v", want, back, err, id)
	}
	b, err := json.Marshal(struct{ ID protocol.PackageID }{id})
	if err != nil || string(b) != `{"ID":"`+want+`"}` {
		t.Errorf("json.Marshal = %s, %v", b, err)
	}
	var v struct{ ID protocol.PackageID }
	if err := json.Unmarshal(b, &v); err != nil || v.ID != id {
		t.Errorf("json.Unmarshal = %v, %v", v.ID, err)
	}
}

func TestParsePackageIDRefusesOtherForms(t *testing.T) {
	valid := protocol.NewPackageID().String()
	tests := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"too short", valid[:21]},
		{"too long", valid + "A"},
		{"padded", valid + "=="},
		{"standard base64 alphabet", "+/8BAgMEBQYHCAkKCwwN/w"},
		{"non-zero trailing bits", "-_8BAgMEBQYHCAkKCwwN_x"},
		{"hex", strings.Repeat("ab", 16)},
		{"space", " " + valid[1:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if id, err := protocol.ParsePackageID(tt.in); !errors.Is(err, protocol.ErrBadPackageID) {
				t.Errorf("ParsePackageID(%q) = %v, %v; want ErrBadPackageID", tt.in, id, err)
			}
		})
	}
}

func TestNewPackageIDIsRandom(t *testing.T) {
	seen := map[protocol.PackageID]bool{}
	for range 100 {
		id := protocol.NewPackageID()
		if id.IsZero() || seen[id] {
			t.Fatalf("NewPackageID() = %v, repeated or zero", id)
		}
		seen[id] = true
	}
}

func TestParseExpiry(t *testing.T) {
	tests := []struct {
		in   string
		want int64 // Unix seconds; -1 for an error
	}{
		{"1", 1},
		{"1767225600", 1767225600},
		{"253402300799", 253402300799},
		{"253402300800", -1}, // after year 9999
		{"", -1},
		{"0", -1},
		{"01767225600", -1},
		{"+1767225600", -1},
		{"-1", -1},
		{"1767225600.5", -1},
		{"1767225600 ", -1},
		{"1e9", -1},
		{"99999999999999999999", -1},
	}
	for _, tt := range tests {
		got, err := protocol.ParseExpiry(tt.in)
		if tt.want < 0 {
			if !errors.Is(err, protocol.ErrBadExpiry) {
				t.Errorf("ParseExpiry(%q) = %v, %v; want ErrBadExpiry", tt.in, got, err)
			}
			continue
		}
		if err != nil || got.Unix() != tt.want || protocol.FormatExpiry(got) != tt.in {
			t.Errorf("ParseExpiry(%q) = %v, %v; want %d", tt.in, got.Unix(), err, tt.want)
		}
	}
}

func TestParseContentHash(t *testing.T) {
	h := e2ee.Hash{0xab, 0xcd, 1}
	if got, err := protocol.ParseContentHash(h.String()); err != nil || got != h {
		t.Errorf("ParseContentHash(%q) = %v, %v", h.String(), got, err)
	}
	for _, in := range []string{"", strings.ToUpper(h.String()), h.String()[:63], h.String() + "0", "g" + h.String()[1:]} {
		if _, err := protocol.ParseContentHash(in); !errors.Is(err, protocol.ErrBadContentHash) {
			t.Errorf("ParseContentHash(%q) = %v, want ErrBadContentHash", in, err)
		}
	}
}

// The signed parts bind every field: changing any one changes the signed message, and a
// package request's message never equals a blob request's.
func TestPackageRequestPartsBindEveryField(t *testing.T) {
	doc := e2ee.DocID{1}
	id := protocol.PackageID{2}
	exp := time.Unix(1767225600, 0)
	content := e2ee.Hash{3}
	now := time.UnixMilli(1760000000123)
	msg := func(parts [][]byte) []byte { return e2ee.SignedMessage(protocol.LabelPackageRequest, parts...) }
	base := msg(protocol.PackageRequestParts("PUT", doc, id, exp, content, now))
	variants := map[string][]byte{
		"method":  msg(protocol.PackageRequestParts("DELETE", doc, id, exp, content, now)),
		"doc":     msg(protocol.PackageRequestParts("PUT", e2ee.DocID{9}, id, exp, content, now)),
		"id":      msg(protocol.PackageRequestParts("PUT", doc, protocol.PackageID{9}, exp, content, now)),
		"expires": msg(protocol.PackageRequestParts("PUT", doc, id, exp.Add(time.Second), content, now)),
		"content": msg(protocol.PackageRequestParts("PUT", doc, id, exp, e2ee.Hash{9}, now)),
		"time":    msg(protocol.PackageRequestParts("PUT", doc, id, exp, content, now.Add(time.Millisecond))),
		"label":   e2ee.SignedMessage(e2ee.LabelBlobRequest, protocol.PackageRequestParts("PUT", doc, id, exp, content, now)...),
	}
	for name, v := range variants {
		if bytes.Equal(v, base) {
			t.Errorf("changing the %s leaves the signed message unchanged", name)
		}
	}
	unix := msg(protocol.PackageRequestPartsUnix("PUT", doc, id, exp.Unix(), content, now.UnixMilli()))
	if !bytes.Equal(unix, base) {
		t.Error("PackageRequestPartsUnix differs from PackageRequestParts for the same values")
	}
	if del := protocol.PackageRequestParts("DELETE", doc, id, time.Time{}, e2ee.Hash{}, now); !bytes.Equal(del[3], make([]byte, 8)) {
		t.Errorf("a DELETE without expiry signs %x, want zero", del[3])
	}
}

// FuzzParsePackageID: never panics, and an ID that parses has exactly the text it came from.
func FuzzParsePackageID(f *testing.F) {
	f.Add("-_8BAgMEBQYHCAkKCwwN_w")
	f.Add("AAAAAAAAAAAAAAAAAAAAAA")
	f.Fuzz(func(t *testing.T, s string) {
		id, err := protocol.ParsePackageID(s)
		if err != nil {
			if !errors.Is(err, protocol.ErrBadPackageID) {
				t.Fatalf("ParsePackageID(%q) error %v, want ErrBadPackageID", s, err)
			}
			return
		}
		if id.String() != s {
			t.Fatalf("ParsePackageID(%q).String() = %q, want the input", s, id.String())
		}
	})
}

// FuzzParseExpiry: never panics, and an expiry that parses formats back to its input.
func FuzzParseExpiry(f *testing.F) {
	f.Add("1767225600")
	f.Add("253402300799")
	f.Fuzz(func(t *testing.T, s string) {
		exp, err := protocol.ParseExpiry(s)
		if err != nil {
			if !errors.Is(err, protocol.ErrBadExpiry) {
				t.Fatalf("ParseExpiry(%q) error %v, want ErrBadExpiry", s, err)
			}
			return
		}
		if got := protocol.FormatExpiry(exp); got != s || exp.Unix() <= 0 {
			t.Fatalf("FormatExpiry(ParseExpiry(%q)) = %q, want the input", s, got)
		}
	})
}

// FuzzParseContentHash: never panics, and a hash that parses prints as its input.
func FuzzParseContentHash(f *testing.F) {
	f.Add("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
	f.Fuzz(func(t *testing.T, s string) {
		h, err := protocol.ParseContentHash(s)
		if err != nil {
			if !errors.Is(err, protocol.ErrBadContentHash) {
				t.Fatalf("ParseContentHash(%q) error %v, want ErrBadContentHash", s, err)
			}
			return
		}
		if h.String() != s {
			t.Fatalf("ParseContentHash(%q).String() = %q, want the input", s, h.String())
		}
	})
}
