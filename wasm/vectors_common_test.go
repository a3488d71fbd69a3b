package wasm_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// wasmSealedDir holds what the js/wasm build sealed (vectors_js_test.go, with -update) and the
// native build opens (vectors_test.go): a sealed identity, a document's genesis with its
// lockbox, an envelope and an attachment. Together with e2ee/testdata/v1, which the native
// build sealed and the js/wasm build opens (make test-wasm), they show that the two builds
// read each other's bytes.
var wasmSealedDir = filepath.Join("testdata", "wasm-sealed")

// The fixed inputs of the wasm-sealed vectors.
const (
	vectorPlaintext = "Amal, geboren 1994 in Aleppo, arbeitet als Bäckerin. أمل"
	vectorEntry     = "aebagbafaydqqcik" // the document entry the attachment belongs to
)

// vectorDeviceKey seals identity.sealed: bytes 32 down to 1.
func vectorDeviceKey() (*keyring.DeviceKey, error) {
	b := make([]byte, 32)
	for i := range b {
		b[i] = byte(32 - i)
	}
	return keyring.DeviceKeyFromBytes(b)
}

// vectorAttachment is the attachment's plaintext: byte i is i*7 mod 256, over two
// streaming segments.
func vectorAttachment() []byte {
	b := make([]byte, 70_000)
	for i := range b {
		b[i] = byte(i * 7)
	}
	return b
}

// attachmentVector is attachment.json.
type attachmentVector struct {
	Key       string `json:"key"`
	ContentID string `json:"content_id"`
	Size      int64  `json:"size"`
}

// vectorFiles are the files of wasmSealedDir.
type vectorFiles struct {
	Identity   []byte // identity.sealed
	Genesis    []byte // genesis.hex, decoded
	Envelope   []byte // envelope.cbor
	Attachment []byte // attachment.enc
	AttMeta    attachmentVector
}

func readVectors() (vectorFiles, error) {
	var v vectorFiles
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(wasmSealedDir, name))
		if err != nil {
			panic(err)
		}
		return b
	}
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("read vectors: %v", r)
			}
		}()
		v.Identity = read("identity.sealed")
		v.Envelope = read("envelope.cbor")
		v.Attachment = read("attachment.enc")
		g, derr := hex.DecodeString(strings.TrimSpace(string(read("genesis.hex"))))
		if derr != nil {
			err = derr
			return
		}
		v.Genesis = g
		err = json.Unmarshal(read("attachment.json"), &v.AttMeta)
	}()
	return v, err
}

// openVectors opens the vectors as any member's client would: the identity with its device
// key, the membership log, the owner's lockbox, the envelope (verified, then opened) and the
// attachment. It returns an error naming the first step that fails.
func openVectors(v vectorFiles) error {
	dk, err := vectorDeviceKey()
	if err != nil {
		return err
	}
	id, err := keyring.OpenIdentityWithKey(v.Identity, dk)
	if err != nil {
		return fmt.Errorf("open identity.sealed: %w", err)
	}
	m, err := e2ee.VerifyLog([][]byte{v.Genesis})
	if err != nil {
		return fmt.Errorf("verify genesis: %w", err)
	}
	if doc, err := e2ee.GenesisDocID(v.Genesis); err != nil || doc != m.Doc() {
		return fmt.Errorf("genesis names document %v (%v), log says %v", doc, err, m.Doc())
	}
	keys, err := keyring.OpenKeys(id, m)
	if err != nil {
		return fmt.Errorf("open the owner's lockbox: %w", err)
	}
	ve, err := e2ee.Verify(v.Envelope, m)
	if err != nil {
		return fmt.Errorf("verify envelope.cbor: %w", err)
	}
	if ve.Header().Author != id.ID() || ve.Header().Seq != 1 {
		return fmt.Errorf("envelope by %s seq %d, want the owner's first", ve.Header().Author.Short(), ve.Header().Seq)
	}
	pt, err := keyring.Open(ve, keys.Primary())
	if err != nil {
		return fmt.Errorf("open envelope.cbor: %w", err)
	}
	if string(pt) != vectorPlaintext {
		return fmt.Errorf("envelope.cbor opened to %d bytes, not the vector's plaintext", len(pt))
	}
	key, err := keyring.ImportAttachmentKey(v.AttMeta.Key)
	if err != nil {
		return fmt.Errorf("attachment key: %w", err)
	}
	var want e2ee.Hash
	if n, err := hex.Decode(want[:], []byte(v.AttMeta.ContentID)); err != nil || n != len(want) {
		return fmt.Errorf("content_id is not 32 bytes of hex")
	}
	var got bytes.Buffer
	doc := m.Doc()
	ad := append(bytes.Clone(doc[:]), vectorEntry...)
	if err := keyring.DecryptAttachment(&got, bytes.NewReader(v.Attachment), key, ad, want); err != nil {
		return fmt.Errorf("decrypt attachment.enc: %w", err)
	}
	if !bytes.Equal(got.Bytes(), vectorAttachment()) || int64(len(v.Attachment)) != v.AttMeta.Size {
		return fmt.Errorf("attachment.enc decrypted to %d bytes, not the vector's plaintext", got.Len())
	}
	return nil
}
