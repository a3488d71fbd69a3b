package protocol_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Fixed values, so that the golden files stay put.
var (
	testDoc   = e2ee.DocID{0xd0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	testHash  = e2ee.Hash(sha256.Sum256([]byte("envelope")))
	testHead  = e2ee.Hash(sha256.Sum256([]byte("head")))
	testNonce = [protocol.NonceSize]byte(bytes.Repeat([]byte{0x4e}, protocol.NonceSize))
	testTime  = time.UnixMilli(1_795_000_000_123).UTC() // 2026-11-18
	testEnv   = bytes.Repeat([]byte{0xe0}, 40)
	testOp    = bytes.Repeat([]byte{0x0b}, 24)
)

// fixedIdentity returns a deterministic public identity and its Ed25519 key, built with the
// standard library so that golden files do not change between runs. Real identities come from
// e2ee/keyring; see TestVerifyAuth.
func fixedIdentity(t testing.TB, seed byte) (e2ee.IdentityPublic, ed25519.PrivateKey) {
	t.Helper()
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
	hpke := bytes.Repeat([]byte{seed ^ 0xff}, 32)
	sig := ed25519.Sign(priv, e2ee.SignedMessage(e2ee.LabelIdentityKey, hpke))
	id, err := e2ee.NewIdentityPublic(priv.Public().(ed25519.PublicKey), hpke, sig)
	if err != nil {
		t.Fatalf("NewIdentityPublic: %v", err)
	}
	return id, priv
}

// goldenFrames returns one frame of each type, named as its golden file.
func goldenFrames(t testing.TB) []protocol.Frame {
	id, priv := fixedIdentity(t, 7)
	return []protocol.Frame{
		protocol.Hello{Version: protocol.Version, Software: "mobio-web", SoftwareVersion: "1.0.0"},
		protocol.Challenge{Nonce: testNonce, Time: testTime, Version: protocol.Version},
		protocol.Auth{Identity: id, Origin: "wss://relay.example", Time: testTime,
			Signature: ed25519.Sign(priv, protocol.AuthMessage(testNonce, "wss://relay.example", testTime))},
		protocol.AuthOK{ID: id.ID()},
		protocol.Subscribe{ReqID: 1, Doc: testDoc, After: 41},
		protocol.Subscribed{ReqID: 1, Doc: testDoc, Head: 50, Snapshot: 40, LogLen: 3},
		protocol.Unsubscribe{ReqID: 2, Doc: testDoc},
		protocol.Push{ReqID: 3, Doc: testDoc, Envelope: testEnv},
		protocol.Ack{ReqID: 3, Doc: testDoc, Offset: 51, Hash: testHash},
		protocol.Deliver{Doc: testDoc, Offset: 51, Envelope: testEnv},
		protocol.SnapshotPut{ReqID: 4, Doc: testDoc, Covers: 51, Envelope: testEnv},
		protocol.SnapshotDeliver{Doc: testDoc, Covers: 51, Envelope: testEnv},
		protocol.Ephemeral{Doc: testDoc, Envelope: testEnv},
		protocol.OpPush{ReqID: 5, Doc: testDoc, Op: testOp},
		protocol.OpAck{ReqID: 5, Doc: testDoc, Seq: 4},
		protocol.OpDeliver{Doc: testDoc, Seq: 4, Op: testOp},
		protocol.LogFetch{ReqID: 6, Doc: testDoc, After: 2},
		protocol.LogEntries{ReqID: 6, Doc: testDoc, Ops: [][]byte{testOp, testOp}, More: true},
		protocol.InviteFetch{ReqID: 7, Doc: testDoc, Proof: bytes.Repeat([]byte{0x9f}, 32)},
		protocol.Erase{ReqID: 8, Doc: testDoc, Head: testHead, Signature: ed25519.Sign(priv, protocol.EraseMessage(testDoc, testHead))},
		protocol.Erased{ReqID: 8, Doc: testDoc},
		protocol.Error{ReqID: 3, Code: protocol.CodeRateLimited, Message: "more than 1000 pushes per second", Doc: testDoc, RetryAfter: 250 * time.Millisecond},
		protocol.CaughtUp{Doc: testDoc, Offset: 51},
	}
}

func goldenPath(typ protocol.Type) string {
	return filepath.Join("testdata", typ.String()+".golden")
}

func TestEncodeMatchesGoldenFiles(t *testing.T) {
	frames := goldenFrames(t)
	seen := map[protocol.Type]bool{}
	for _, f := range frames {
		seen[f.Type()] = true
		t.Run(f.Type().String(), func(t *testing.T) {
			got, err := protocol.Encode(f)
			if err != nil {
				t.Fatalf("Encode(%#v): %v", f, err)
			}
			path := goldenPath(f.Type())
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden file (run go test ./protocol -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Encode(%s) =\n%x\nwant (%s)\n%x", f.Type(), got, path, want)
			}
			back, err := protocol.Decode(want, 0)
			if err != nil {
				t.Fatalf("Decode(%s): %v", path, err)
			}
			if !reflect.DeepEqual(back, f) {
				t.Errorf("Decode(%s) = %#v, want %#v", path, back, f)
			}
		})
	}
	for typ := protocol.Type(1); typ.Known(); typ++ {
		if !seen[typ] {
			t.Errorf("no golden frame of type %s", typ)
		}
	}
}

func TestEveryFrameRoundTrips(t *testing.T) {
	tests := []struct {
		name  string
		frame protocol.Frame
	}{
		{"hello without software version", protocol.Hello{Version: 1, Software: "mobio"}},
		{"hello with version 0 still decodes so the relay can refuse it", protocol.Hello{Software: "mobio"}},
		{"subscribe from the start", protocol.Subscribe{ReqID: 9, Doc: testDoc}},
		{"subscribed to a document without entries or snapshot", protocol.Subscribed{Doc: testDoc, LogLen: 1}},
		{"duplicate ack", protocol.Ack{ReqID: 1, Doc: testDoc, Offset: 1, Hash: testHash, Duplicate: true}},
		{"genesis op push has no document", protocol.OpPush{ReqID: 1, Op: testOp}},
		{"log entries, none left", protocol.LogEntries{Doc: testDoc}},
		{"log entries, last batch", protocol.LogEntries{ReqID: 2, Doc: testDoc, Ops: [][]byte{testOp}}},
		{"error with code only", protocol.Error{Code: protocol.CodeInternal}},
		{"error of a code added later", protocol.Error{Code: 999, Message: "new"}},
		{"error with the longest retry", protocol.Error{Code: protocol.CodeRateLimited, RetryAfter: 24 * time.Hour}},
		{"erased sent to other subscribers", protocol.Erased{Doc: testDoc}},
		{"caught up on an empty document", protocol.CaughtUp{Doc: testDoc}},
		{"large request ID", protocol.Push{ReqID: 1<<64 - 1, Doc: testDoc, Envelope: testEnv}},
	}
	for _, f := range goldenFrames(t) {
		tests = append(tests, struct {
			name  string
			frame protocol.Frame
		}{"golden " + f.Type().String(), f})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := protocol.Encode(tt.frame)
			if err != nil {
				t.Fatalf("Encode(%#v): %v", tt.frame, err)
			}
			got, err := protocol.Decode(b, len(b))
			if err != nil {
				t.Fatalf("Decode(%x): %v", b, err)
			}
			if !reflect.DeepEqual(got, tt.frame) {
				t.Errorf("Decode(Encode(f)) = %#v, want %#v", got, tt.frame)
			}
			again, err := protocol.Encode(got)
			if err != nil || !bytes.Equal(again, b) {
				t.Errorf("Encode(Decode(b)) = %x, %v, want %x", again, err, b)
			}
		})
	}
}

func TestEncodeAcceptsErrorPointer(t *testing.T) {
	e := protocol.Errorf(protocol.CodeNotMember, "not a member")
	fromPtr, err := protocol.Encode(e)
	if err != nil {
		t.Fatal(err)
	}
	fromValue, err := protocol.Encode(*e)
	if err != nil || !bytes.Equal(fromPtr, fromValue) {
		t.Errorf("Encode(*Error) = %x, Encode(Error) = %x, %v; want equal", fromPtr, fromValue, err)
	}
}

func TestRetryAfterRoundsUpToMilliseconds(t *testing.T) {
	b, err := protocol.Encode(protocol.Error{Code: protocol.CodeRateLimited, RetryAfter: time.Microsecond})
	if err != nil {
		t.Fatal(err)
	}
	f, err := protocol.Decode(b, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.(protocol.Error).RetryAfter; got != time.Millisecond {
		t.Errorf("RetryAfter 1µs decodes as %v, want 1ms", got)
	}
}

// enc encodes v canonically, for hand-made frames.
func enc(t testing.TB, v any) []byte {
	t.Helper()
	em, err := cbor.CoreDetEncOptions().EncMode()
	if err != nil {
		t.Fatal(err)
	}
	b, err := em.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustEncode(t testing.TB, f protocol.Frame) []byte {
	t.Helper()
	b, err := protocol.Encode(f)
	if err != nil {
		t.Fatalf("Encode(%#v): %v", f, err)
	}
	return b
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeRefuses(t *testing.T) {
	push := mustEncode(t, protocol.Push{ReqID: 1, Doc: testDoc, Envelope: []byte{1}})
	// push is 83 08 01 a2 01 50 <16 bytes doc> 02 41 01.
	doc := testDoc[:]
	badIdentity, _ := fixedIdentity(t, 3)
	idBytes := badIdentity.Bytes()
	idBytes[len(idBytes)-1] ^= 1 // breaks the signature that binds the HPKE key

	tests := []struct {
		name    string
		in      []byte
		maxSize int
		want    protocol.Code
	}{
		{"input above the limit is refused before parsing", bytes.Repeat([]byte{0xff}, protocol.DefaultMaxFrameBytes+1), 0, protocol.CodeFrameTooLarge},
		{"frame one byte above a configured limit", push, len(push) - 1, protocol.CodeFrameTooLarge},
		{"empty input", nil, 0, protocol.CodeMalformed},
		{"trailing bytes", append(bytes.Clone(push), 0x00), 0, protocol.CodeMalformed},
		{"truncated frame", push[:len(push)-1], 0, protocol.CodeMalformed},
		{"not an array", enc(t, map[int]int{1: 1}), 0, protocol.CodeMalformed},
		{"array of two", enc(t, []any{8, 1}), 0, protocol.CodeMalformed},
		{"array of four", enc(t, []any{8, 1, map[int]any{1: doc, 2: []byte{1}}, 0}), 0, protocol.CodeMalformed},
		{"unknown frame type", enc(t, []any{999, 0, map[int]any{}}), 0, protocol.CodeUnsupported},
		{"frame type 0", enc(t, []any{0, 0, map[int]any{}}), 0, protocol.CodeUnsupported},
		{"frame type beyond 16 bits", enc(t, []any{1<<16 + 8, 1, map[int]any{1: doc, 2: []byte{1}}}), 0, protocol.CodeUnsupported},
		{"body not a map", enc(t, []any{8, 1, []any{doc, []byte{1}}}), 0, protocol.CodeMalformed},
		{"unknown field", enc(t, []any{8, 1, map[int]any{1: doc, 2: []byte{1}, 3: 0}}), 0, protocol.CodeMalformed},
		{"text key instead of integer key", enc(t, []any{8, 1, map[any]any{"1": doc, 2: []byte{1}}}), 0, protocol.CodeMalformed},
		{"missing required field", enc(t, []any{8, 1, map[int]any{1: doc}}), 0, protocol.CodeMalformed},
		{"document ID of the wrong length", enc(t, []any{8, 1, map[int]any{1: doc[:15], 2: []byte{1}}}), 0, protocol.CodeMalformed},
		{"request ID not in shortest form", unhex(t, "83 08 1801"+hex.EncodeToString(push[3:])), 0, protocol.CodeMalformed},
		{"map keys out of order", unhex(t, "83 08 01 a2 02 41 01 01 50"+hex.EncodeToString(doc)), 0, protocol.CodeMalformed},
		{"indefinite-length body", unhex(t, "83 08 01 bf 01 50"+hex.EncodeToString(doc)+"02 41 01 ff"), 0, protocol.CodeMalformed},
		{"duplicate map key", unhex(t, "83 08 01 a3 01 50"+hex.EncodeToString(doc)+"01 50"+hex.EncodeToString(doc)+"02 41 01"), 0, protocol.CodeMalformed},
		{"tagged value", unhex(t, "83 08 01 a2 01 c2 50"+hex.EncodeToString(doc)+"02 41 01"), 0, protocol.CodeMalformed},
		{"optional field present with its zero value", enc(t, []any{9, 1, map[int]any{1: doc, 2: 1, 3: testHash[:], 4: false}}), 0, protocol.CodeMalformed},
		{"request ID on a frame that takes none", enc(t, []any{10, 5, map[int]any{1: doc, 2: 1, 3: []byte{1}}}), 0, protocol.CodeMalformed},
		{"empty envelope", enc(t, []any{8, 1, map[int]any{1: doc, 2: []byte{}}}), 0, protocol.CodeMalformed},
		{"zero document", enc(t, []any{8, 1, map[int]any{1: make([]byte, 16), 2: []byte{1}}}), 0, protocol.CodeMalformed},
		{"genesis op push with an explicit zero document", enc(t, []any{14, 1, map[int]any{1: make([]byte, 16), 2: []byte{1}}}), 0, protocol.CodeMalformed},
		{"negative offset", enc(t, []any{10, 0, map[int]any{1: doc, 2: -1, 3: []byte{1}}}), 0, protocol.CodeMalformed},
		{"float offset", enc(t, []any{10, 0, map[int]any{1: doc, 2: 1.0, 3: []byte{1}}}), 0, protocol.CodeMalformed},
		{"invalid UTF-8", enc(t, []any{1, 0, map[int]any{1: 1, 2: string([]byte{0xff})}}), 0, protocol.CodeMalformed},
		{"control character in software name", enc(t, []any{1, 0, map[int]any{1: 1, 2: "mobio\n"}}), 0, protocol.CodeMalformed},
		{"short nonce", enc(t, []any{2, 0, map[int]any{1: []byte{1}, 2: 1, 3: 1}}), 0, protocol.CodeMalformed},
		{"challenge time before 1970", enc(t, []any{2, 0, map[int]any{1: testNonce[:], 2: -5, 3: 1}}), 0, protocol.CodeMalformed},
		{"identity whose keys are not bound", enc(t, []any{3, 0, map[int]any{1: idBytes, 2: "o", 3: 1, 4: make([]byte, 64)}}), 0, protocol.CodeMalformed},
		{"short signature", enc(t, []any{3, 0, map[int]any{1: badIdentity.Bytes(), 2: "o", 3: 1, 4: make([]byte, 63)}}), 0, protocol.CodeMalformed},
		{"error code 0", enc(t, []any{22, 0, map[int]any{1: 0}}), 0, protocol.CodeMalformed},
		{"error code beyond 16 bits", enc(t, []any{22, 0, map[int]any{1: 70000}}), 0, protocol.CodeMalformed},
		{"retry after more than a day", enc(t, []any{22, 0, map[int]any{1: 15, 4: uint64(1) << 62}}), 0, protocol.CodeMalformed},
		{"more log entries promised after none", enc(t, []any{18, 0, map[int]any{1: doc, 3: true}}), 0, protocol.CodeMalformed},
		{"empty operation in log entries", enc(t, []any{18, 0, map[int]any{1: doc, 2: [][]byte{{}}}}), 0, protocol.CodeMalformed},
		{"snapshot beyond the head", enc(t, []any{6, 0, map[int]any{1: doc, 2: 1, 3: 2, 4: 1}}), 0, protocol.CodeMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := protocol.Decode(tt.in, tt.maxSize)
			if err == nil {
				t.Fatalf("Decode(%.64x) = %#v, want error %s", tt.in, f, tt.want)
			}
			pe, ok := err.(*protocol.Error)
			if !ok {
				t.Fatalf("Decode(%.64x) error %T %v, want *protocol.Error", tt.in, err, err)
			}
			t.Log(err)
			if pe.Code != tt.want {
				t.Errorf("Decode(%.64x) = %v, want code %s", tt.in, err, tt.want)
			}
		})
	}
}

func TestDecodedFrameDoesNotAliasInput(t *testing.T) {
	b := mustEncode(t, protocol.Deliver{Doc: testDoc, Offset: 1, Envelope: testEnv})
	f, err := protocol.Decode(b, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range b {
		b[i] = 0
	}
	if got := f.(protocol.Deliver).Envelope; !bytes.Equal(got, testEnv) {
		t.Errorf("envelope changed with the input buffer: %x", got)
	}
}

func TestDecodeAcceptsFrameAtTheLimit(t *testing.T) {
	b := mustEncode(t, protocol.Push{ReqID: 1, Doc: testDoc, Envelope: make([]byte, 1000)})
	if _, err := protocol.Decode(b, len(b)); err != nil {
		t.Errorf("Decode(%d bytes, limit %d) = %v, want nil", len(b), len(b), err)
	}
}

func TestDecodeErrorsNameTheRequest(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want protocol.Code
	}{
		{"unknown frame type", enc(t, []any{999, 42, map[int]any{}}), protocol.CodeUnsupported},
		{"push without envelope", enc(t, []any{8, 42, map[int]any{1: testDoc[:], 2: []byte{}}}), protocol.CodeMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := protocol.Decode(tt.in, 0)
			if got := protocol.ErrorOf(err); got.Code != tt.want || got.ReqID != 42 {
				t.Errorf("Decode(%x) = %+v, want %s for request 42", tt.in, got, tt.want)
			}
		})
	}
}

func TestEncodeRefusesInvalidFrames(t *testing.T) {
	id, _ := fixedIdentity(t, 1)
	tests := []struct {
		name  string
		frame protocol.Frame
	}{
		{"nil frame", nil},
		{"nil error pointer", (*protocol.Error)(nil)},
		{"hello without software", protocol.Hello{Version: 1}},
		{"hello with an overlong software version", protocol.Hello{Version: 1, Software: "m", SoftwareVersion: strings.Repeat("x", protocol.MaxSoftwareBytes+1)}},
		{"challenge without nonce", protocol.Challenge{Time: testTime, Version: 1}},
		{"challenge without time", protocol.Challenge{Nonce: testNonce, Version: 1}},
		{"auth without identity", protocol.Auth{Origin: "o", Time: testTime, Signature: make([]byte, 64)}},
		{"auth without origin", protocol.Auth{Identity: id, Time: testTime, Signature: make([]byte, 64)}},
		{"auth with an overlong origin", protocol.Auth{Identity: id, Origin: strings.Repeat("o", protocol.MaxOriginBytes+1), Time: testTime, Signature: make([]byte, 64)}},
		{"auth without signature", protocol.Auth{Identity: id, Origin: "o", Time: testTime}},
		{"auth ok without ID", protocol.AuthOK{}},
		{"push without document", protocol.Push{Envelope: testEnv}},
		{"push without envelope", protocol.Push{Doc: testDoc}},
		{"ack at offset 0", protocol.Ack{Doc: testDoc, Hash: testHash}},
		{"ack without hash", protocol.Ack{Doc: testDoc, Offset: 1}},
		{"deliver at offset 0", protocol.Deliver{Doc: testDoc, Envelope: testEnv}},
		{"snapshot covering nothing", protocol.SnapshotPut{Doc: testDoc, Envelope: testEnv}},
		{"op push without operation", protocol.OpPush{Doc: testDoc}},
		{"op ack of sequence 0", protocol.OpAck{Doc: testDoc}},
		{"too many log entries", protocol.LogEntries{Doc: testDoc, Ops: make([][]byte, protocol.MaxOpsPerFrame+1)}},
		{"invite fetch without proof", protocol.InviteFetch{Doc: testDoc}},
		{"invite fetch with an overlong proof", protocol.InviteFetch{Doc: testDoc, Proof: make([]byte, protocol.MaxInviteProofBytes+1)}},
		{"erase without head", protocol.Erase{Doc: testDoc, Signature: make([]byte, 64)}},
		{"error without code", protocol.Error{Message: "x"}},
		{"error with a negative retry", protocol.Error{Code: protocol.CodeRateLimited, RetryAfter: -time.Second}},
		{"error with an overlong message", protocol.Error{Code: protocol.CodeInternal, Message: strings.Repeat("x", protocol.MaxErrorMessageBytes+1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := protocol.Encode(tt.frame)
			if err == nil {
				t.Fatalf("Encode(%#v) = %x, want error", tt.frame, b)
			}
			if got := protocol.CodeOf(err); got != protocol.CodeMalformed {
				t.Errorf("Encode(%#v) = %v, want code %s", tt.frame, err, protocol.CodeMalformed)
			}
		})
	}
}
