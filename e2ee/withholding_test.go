package e2ee_test

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
)

func TestWithholdingMissing(t *testing.T) {
	a, b, c, d := newEnvSigner(t), newEnvSigner(t), newEnvSigner(t), newEnvSigner(t)
	doc := e2ee.DocID{4}
	m := e2ee.StaticMembership(doc, 1, a.member(e2ee.RoleOwner), b.member(e2ee.RoleCounsellor),
		c.member(e2ee.RoleViewer), d.member(e2ee.RoleCounsellor))

	// A writes four envelopes; the reader gets the first two of them.
	var aEnv []e2ee.VerifiedEnvelope
	prev := e2ee.Hash{}
	for seq := uint64(1); seq <= 4; seq++ {
		v := mustVerify(t, a.envelope(t, e2ee.Header{Doc: doc, Epoch: 1, Kind: e2ee.KindUpdate, Seq: seq, Prev: prev}), m)
		aEnv = append(aEnv, v)
		prev = v.Hash()
	}
	viewOf := func(s envSigner, kind e2ee.Kind, view ...e2ee.ViewEntry) e2ee.VerifiedEnvelope {
		slices.SortFunc(view, func(x, y e2ee.ViewEntry) int { return bytes.Compare(x.Author[:], y.Author[:]) })
		return mustVerify(t, s.envelope(t, e2ee.Header{Doc: doc, Epoch: 1, Kind: kind, Seq: 1, Time: 1, View: view}), m)
	}

	tests := []struct {
		name     string
		received int // how many of A's envelopes the reader's chain has
		observed []e2ee.VerifiedEnvelope
		want     []e2ee.Missing
	}{
		{
			name:     "nothing is missing without views",
			received: 2,
		},
		{
			name:     "a view at the reader's seq shows nothing missing",
			received: 2,
			observed: []e2ee.VerifiedEnvelope{viewOf(b, e2ee.KindUpdate, e2ee.ViewEntry{Author: a.id(), Seq: 2})},
		},
		{
			name:     "an update's view ahead of the reader shows the missing range",
			received: 2,
			observed: []e2ee.VerifiedEnvelope{viewOf(b, e2ee.KindUpdate, e2ee.ViewEntry{Author: a.id(), Seq: 4})},
			want:     []e2ee.Missing{{Author: a.id(), From: 3, To: 4, SeenBy: b.id()}},
		},
		{
			name:     "a silent member's receipt shows the missing range",
			received: 2,
			observed: []e2ee.VerifiedEnvelope{viewOf(c, e2ee.KindReceipt, e2ee.ViewEntry{Author: a.id(), Seq: 3})},
			want:     []e2ee.Missing{{Author: a.id(), From: 3, To: 3, SeenBy: c.id()}},
		},
		{
			name:     "the highest view wins",
			received: 1,
			observed: []e2ee.VerifiedEnvelope{
				viewOf(b, e2ee.KindUpdate, e2ee.ViewEntry{Author: a.id(), Seq: 3}),
				viewOf(c, e2ee.KindReceipt, e2ee.ViewEntry{Author: a.id(), Seq: 4}),
				viewOf(d, e2ee.KindUpdate, e2ee.ViewEntry{Author: a.id(), Seq: 2}),
			},
			want: []e2ee.Missing{{Author: a.id(), From: 2, To: 4, SeenBy: c.id()}},
		},
		{
			name:     "a member never heard from shows as missing from seq 1",
			received: 4,
			observed: []e2ee.VerifiedEnvelope{viewOf(b, e2ee.KindUpdate, e2ee.ViewEntry{Author: d.id(), Seq: 2})},
			want:     []e2ee.Missing{{Author: d.id(), From: 1, To: 2, SeenBy: b.id()}},
		},
		{
			name:     "a view of its own author is ignored",
			received: 0,
			observed: []e2ee.VerifiedEnvelope{viewOf(a, e2ee.KindUpdate, e2ee.ViewEntry{Author: a.id(), Seq: 9})},
		},
		{
			name:     "delivered envelopes are no longer missing",
			received: 4,
			observed: []e2ee.VerifiedEnvelope{viewOf(b, e2ee.KindUpdate, e2ee.ViewEntry{Author: a.id(), Seq: 4})},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := e2ee.NewChain(doc)
			for _, v := range aEnv[:tt.received] {
				if err := ch.Check(v); err != nil {
					t.Fatal(err)
				}
			}
			w := e2ee.NewWithholding(ch)
			for _, v := range tt.observed {
				if err := w.Observe(v); err != nil {
					t.Fatalf("Observe = %v", err)
				}
			}
			if got := w.Missing(); !slices.Equal(got, tt.want) {
				t.Errorf("Missing() = %v, want %v", got, tt.want)
			}
			if err := w.Err(); (err != nil) != (len(tt.want) > 0) || err != nil && !errors.Is(err, e2ee.ErrWithheld) {
				t.Errorf("Err() = %v, want ErrWithheld: %v", err, len(tt.want) > 0)
			}
		})
	}
}

func TestWithholdingRejectsOtherDocument(t *testing.T) {
	a := newEnvSigner(t)
	m := e2ee.StaticMembership(e2ee.DocID{5}, 1, a.member(e2ee.RoleOwner))
	v := mustVerify(t, a.envelope(t, e2ee.Header{Doc: m.Doc(), Epoch: 1, Kind: e2ee.KindUpdate, Seq: 1}), m)
	w := e2ee.NewWithholding(e2ee.NewChain(e2ee.DocID{6}))
	if err := w.Observe(v); !errors.Is(err, e2ee.ErrWrongDocument) {
		t.Errorf("Observe = %v, want ErrWrongDocument", err)
	}
}
