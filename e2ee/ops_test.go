package e2ee_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
)

func TestOpEncodeRefusesMalformed(t *testing.T) {
	w := newWorld(t)
	base := func() e2ee.Op {
		s, err := e2ee.DecodeSignedOp(w.add(w.owner, w.outsider, e2ee.RoleViewer))
		if err != nil {
			t.Fatal(err)
		}
		return s.Op
	}
	tests := []struct {
		name   string
		change func(op *e2ee.Op)
		want   error
	}{
		{"well-formed operation encodes", func(op *e2ee.Op) {}, nil},
		{"unknown version", func(op *e2ee.Op) { op.Version = 2 }, e2ee.ErrUnsupported},
		{"unknown type", func(op *e2ee.Op) { op.Type = 99 }, e2ee.ErrUnsupported},
		{"fields of another type", func(op *e2ee.Op) { op.Type = e2ee.OpRotate }, e2ee.ErrMalformed},
		{"fields of two types", func(op *e2ee.Op) { op.Rotate = &e2ee.RotateOp{} }, e2ee.ErrMalformed},
		{"sequence 1 that is no genesis", func(op *e2ee.Op) { op.Seq = 1 }, e2ee.ErrMalformed},
		{"no previous hash", func(op *e2ee.Op) { op.Prev = e2ee.Hash{} }, e2ee.ErrMalformed},
		{"no document", func(op *e2ee.Op) { op.Doc = e2ee.DocID{} }, e2ee.ErrMalformed},
		{"no time", func(op *e2ee.Op) { op.Time = 0 }, e2ee.ErrMalformed},
		{"unknown role", func(op *e2ee.Op) { op.Add.Role = 9 }, e2ee.ErrMalformed},
		{"lockbox without signature", func(op *e2ee.Op) { op.Add.Lockbox.Signature = nil }, e2ee.ErrMalformed},
		{"transfer without consent", func(op *e2ee.Op) {
			op.Type, op.Transfer = e2ee.OpTransfer, &e2ee.TransferOp{Identity: op.Add.Identity, Lockbox: op.Add.Lockbox}
			op.Add = nil
		}, e2ee.ErrMalformed},
		{"invite for an owner", func(op *e2ee.Op) {
			op.Type, op.Invite = e2ee.OpInvite, &e2ee.InviteOp{Verifier: e2ee.Hash{1}, Role: e2ee.RoleOwner, Expires: 1, Epoch: 1, Key: []byte{1}, Check: []byte{1}}
			op.Add = nil
		}, e2ee.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op := base()
			tt.change(&op)
			_, err := op.Encode()
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Fatalf("Encode() = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestDecodeSignedOpRejectsNonCanonical(t *testing.T) {
	w := newWorld(t)
	raw := w.log.Ops()[1]
	tests := []struct {
		name string
		b    []byte
		want error
	}{
		{"trailing byte", append(append([]byte(nil), raw...), 0), e2ee.ErrMalformed},
		{"truncated", raw[:len(raw)-1], e2ee.ErrMalformed},
		{"too large", make([]byte, e2ee.MaxOpSize+1), e2ee.ErrTooLarge},
		{"empty", nil, e2ee.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := e2ee.DecodeSignedOp(tt.b); !errors.Is(err, tt.want) {
				t.Fatalf("DecodeSignedOp() = %v, want %v", err, tt.want)
			}
		})
	}
}

// fuzzWorld is a log that fuzzed operations are appended to: genesis, add, invite, redeem,
// remove with rotation, transfer.
func fuzzWorld(f *testing.F) [][]byte {
	w := newWorld(f)
	proof := random(32)
	w.mustAppend(w.invite(w.owner, proof, 1<<40))
	ops := w.log.Ops()
	w.mustAppend(w.redeem(w.outsider, e2ee.OpHash(ops[len(ops)-1]), proof))
	w.mustAppend(w.remove(w.owner, w.viewer.id()))
	w.mustAppend(w.transfer(w.counsellor, newOpSigner(f), "consent-1"))
	return w.log.Ops()
}

func FuzzDecodeSignedOp(f *testing.F) {
	ops := fuzzWorld(f)
	for _, op := range ops {
		f.Add(op)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := e2ee.DecodeSignedOp(b)
		if err != nil {
			return
		}
		again, err := e2ee.EncodeSignedOp(s.OpBytes, s.Signature)
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("EncodeSignedOp(DecodeSignedOp(%x)) = %x, %v", b, again, err)
		}
		opBytes, err := s.Op.Encode()
		if err != nil || !bytes.Equal(opBytes, s.OpBytes) {
			t.Fatalf("Encode(DecodeOp(%x)) = %x, %v", s.OpBytes, opBytes, err)
		}
		// Verification of any operation, after any prefix of a valid log, must not panic.
		for i := range ops {
			e2ee.VerifyLog(append(ops[:i:i], b))
		}
	})
}

func FuzzDecodeLockbox(f *testing.F) {
	w := newWorld(f)
	for _, id := range []e2ee.IdentityID{w.owner.id(), w.counsellor.id()} {
		lb, _ := w.m().Lockbox(1, id)
		b, err := lb.Encode()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	m := w.m()
	f.Fuzz(func(t *testing.T, b []byte) {
		lb, err := e2ee.DecodeLockbox(b)
		if err != nil {
			return
		}
		again, err := lb.Encode()
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("Encode(DecodeLockbox(%x)) = %x, %v", b, again, err)
		}
		lb.Verify(m) // must not panic
	})
}

// BenchmarkVerifyLog replays a log of 64 operations (adds, invites, redemptions, rotations over
// about 30 members), as the relay does when it loads a document.
func BenchmarkVerifyLog(b *testing.B) {
	w := newWorld(b)
	for w.log.Len() < 64 {
		switch w.log.Len() % 4 {
		case 0:
			w.mustAppend(w.add(w.owner, newOpSigner(b), e2ee.RoleViewer))
		case 1:
			proof := random(32)
			w.mustAppend(w.invite(w.owner, proof, 1<<40))
			ops := w.log.Ops()
			w.mustAppend(w.redeem(newOpSigner(b), e2ee.OpHash(ops[len(ops)-1]), proof))
		default:
			w.mustAppend(w.rotate(w.owner))
		}
	}
	ops := w.log.Ops()
	for b.Loop() {
		if _, err := e2ee.VerifyLog(ops); err != nil {
			b.Fatal(err)
		}
	}
}
