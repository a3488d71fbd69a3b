//go:build js

package wasm_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// sealVectors makes the wasm-sealed vectors with the js/wasm build, as a client in the
// browser makes them: a new identity sealed under a device key, a new document, the owner's
// first envelope, and an attachment of one of its entries.
func sealVectors(t *testing.T) vectorFiles {
	t.Helper()
	id, err := keyring.NewIdentity()
	if err != nil {
		t.Fatal(err)
	}
	dk, err := vectorDeviceKey()
	if err != nil {
		t.Fatal(err)
	}
	var v vectorFiles
	if v.Identity, err = id.SealWithKey(dk); err != nil {
		t.Fatal(err)
	}
	genesis, doc, key, err := keyring.NewDocument(id)
	if err != nil {
		t.Fatal(err)
	}
	v.Genesis = genesis
	if v.Envelope, err = keyring.Seal(id, key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 1}, []byte(vectorPlaintext)); err != nil {
		t.Fatal(err)
	}
	ak := keyring.NewAttachmentKey()
	var ct bytes.Buffer
	blob, err := keyring.EncryptAttachment(&ct, bytes.NewReader(vectorAttachment()), ak, append(bytes.Clone(doc[:]), vectorEntry...))
	if err != nil {
		t.Fatal(err)
	}
	v.Attachment = ct.Bytes()
	if v.AttMeta.Key, err = ak.Export(); err != nil {
		t.Fatal(err)
	}
	v.AttMeta.ContentID, v.AttMeta.Size = blob.ContentID.String(), blob.Size
	return v
}

func writeVectors(t *testing.T, v vectorFiles) {
	t.Helper()
	meta, err := json.MarshalIndent(v.AttMeta, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(wasmSealedDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"identity.sealed": v.Identity,
		"genesis.hex":     []byte(hex.EncodeToString(v.Genesis) + "\n"),
		"envelope.cbor":   v.Envelope,
		"attachment.enc":  v.Attachment,
		"attachment.json": append(meta, '\n'),
	} {
		if err := os.WriteFile(filepath.Join(wasmSealedDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// What the browser seals opens as a client opens it. With -update, the vectors are written to
// testdata/wasm-sealed for the native build to open (vectors_test.go).
func TestWasmSealsWhatClientsOpen(t *testing.T) {
	fresh := sealVectors(t)
	if err := openVectors(fresh); err != nil {
		t.Errorf("vectors sealed now: %v", err)
	}
	if *update {
		writeVectors(t, fresh)
	}
	committed, err := readVectors()
	if err != nil {
		t.Fatalf("%v (write them with -update)", err)
	}
	if err := openVectors(committed); err != nil {
		t.Errorf("committed vectors of %s: %v", wasmSealedDir, err)
	}
}

// The native build's known-answer vectors open here through the same path a browser client
// takes: the membership log verifies, the owner's lockbox opens with the sealed owner
// identity, and every epoch key the owner holds is there. (make test-wasm runs e2ee's own
// known-answer tests in js/wasm as well.)
func TestNativeVectorsOpenInWasm(t *testing.T) {
	dir := filepath.Join("..", "e2ee", "testdata", "v1")
	logHex, err := os.ReadFile(filepath.Join(dir, "membership-log.hex"))
	if err != nil {
		t.Fatal(err)
	}
	var ops [][]byte
	for _, line := range bytes.Fields(logHex) {
		op, err := hex.DecodeString(string(line))
		if err != nil {
			t.Fatal(err)
		}
		ops = append(ops, op)
	}
	m, err := e2ee.VerifyLog(ops)
	if err != nil {
		t.Fatalf("VerifyLog(membership-log.hex) = %v", err)
	}
	sealed, err := os.ReadFile(filepath.Join(dir, "membership-owner.sealed"))
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 32)
	for i := range b {
		b[i] = byte(i + 1)
	}
	dk, err := keyring.DeviceKeyFromBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	owner, err := keyring.OpenIdentityWithKey(sealed, dk)
	if err != nil {
		t.Fatalf("OpenIdentityWithKey(membership-owner.sealed) = %v", err)
	}
	keys, err := keyring.OpenKeys(owner, m)
	if err != nil {
		t.Fatalf("OpenKeys(owner) = %v", err)
	}
	if got, want := len(keys.Epochs()), int(m.Epoch()); got != want {
		t.Errorf("the owner holds %d epoch keys, want %d (every epoch of the log)", got, want)
	}
	if keys.Primary().Epoch() != m.Epoch() {
		t.Errorf("primary key of epoch %d, log at epoch %d", keys.Primary().Epoch(), m.Epoch())
	}
}
