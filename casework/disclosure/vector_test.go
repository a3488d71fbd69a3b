package disclosure_test

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework/disclosure"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// The test vector of FORMAT.md, for other implementations (the browser viewer's tests):
//
//	testdata/package-v1.link    the link, with the package ID and the key in the fragment
//	testdata/package-v1.sealed  the sealed package as the relay stores it
//	testdata/package-v1.json    the body it opens to, exactly (the signed bytes)
//	testdata/package-v1.sender  the sender's public identity, ID and fingerprint, as JSON
//
// go test -update writes a new vector; TestVectorOpens checks it with this package and, as
// FORMAT.md describes it, with the standard library alone.
const vectorBase = "testdata/package-v1"

type vectorSender struct {
	Public      string `json:"public"`
	ID          string `json:"id"`
	Fingerprint string `json:"fingerprint"`
}

func writeVector(t *testing.T) {
	d, ids := amina(t)
	created := time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)
	p, _ := disclosure.ProfileFor("EMPLOYER")
	pkg, err := disclosure.Preview(d, p, disclosure.Choices{Name: "Bäckerei Schmidt", Include: []string{"person.date_of_birth"}, Documents: []string{ids["cert"]}})
	must(t, err)
	must(t, pkg.AttachFile(ids["cert"], "dtz.pdf", "application/pdf", []byte("%PDF-1.7 (not a real certificate)")))
	pkg.ID, pkg.Document = disclosure.NewPackageID().String(), "7fq2k3x9amina0000000000000"
	pkg.Consent = giveConsent(t, d, "EMPLOYER", "Bäckerei Schmidt", created)
	pkg.Created, pkg.Expires = created, created.Add(30*24*time.Hour)
	sender, err := keyring.NewIdentity()
	must(t, err)
	s, err := disclosure.Seal(d, sender, pkg)
	must(t, err)
	body, err := s.Package.Encode()
	must(t, err)
	pub := sender.Public()
	info, err := json.MarshalIndent(vectorSender{Public: pub.String(), ID: pub.ID().String(), Fingerprint: pub.Fingerprint()}, "", "  ")
	must(t, err)
	for ext, b := range map[string][]byte{
		".link":   []byte(disclosure.Link("https://relay.example", s.ID, s.Key) + "\n"),
		".sealed": s.Ciphertext,
		".json":   body,
		".sender": append(info, '\n'),
	} {
		must(t, os.WriteFile(vectorBase+ext, b, 0o644))
	}
	seed := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", body)
	must(t, os.MkdirAll(filepath.Join("testdata", "fuzz", "FuzzDecode"), 0o755))
	must(t, os.WriteFile(filepath.Join("testdata", "fuzz", "FuzzDecode", "package-v1"), []byte(seed), 0o644))
}

func readVector(t *testing.T, ext string) []byte {
	t.Helper()
	b, err := os.ReadFile(vectorBase + ext)
	if err != nil {
		t.Fatalf("%v (go test -update writes the vector)", err)
	}
	return b
}

func TestVectorOpens(t *testing.T) {
	if *update {
		writeVector(t)
	}
	link := strings.TrimSpace(string(readVector(t, ".link")))
	sealedBytes, body := readVector(t, ".sealed"), readVector(t, ".json")
	var sender vectorSender
	must(t, json.Unmarshal(readVector(t, ".sender"), &sender))

	base, id, key, err := disclosure.ParseLink(link)
	must(t, err)
	if base != "https://relay.example" {
		t.Errorf("base = %q", base)
	}
	pkg, from, err := disclosure.Open(id, key, sealedBytes, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC))
	must(t, err)
	if from.String() != sender.Public || from.Fingerprint() != sender.Fingerprint || from.ID().String() != sender.ID {
		t.Errorf("the vector opens as sent by %s, want %s", from.ID(), sender.ID)
	}
	again, err := pkg.Encode()
	must(t, err)
	if !bytes.Equal(again, body) {
		t.Error("the vector's package does not re-encode to package-v1.json")
	}
	if len(pkg.Files) != 1 || pkg.Recipient.Name != "Bäckerei Schmidt" {
		t.Errorf("the vector holds %d files for %q, want one for Bäckerei Schmidt", len(pkg.Files), pkg.Recipient.Name)
	}

	// Step by step as FORMAT.md says, with the standard library only.
	frag := link[strings.Index(link, "#")+1:]
	idText, keyText, _ := strings.Cut(frag, ".")
	rawID, err := base64.RawURLEncoding.DecodeString(idText)
	must(t, err)
	rawKey, err := base64.RawURLEncoding.DecodeString(keyText)
	must(t, err)
	if sealedBytes[0] != 1 {
		t.Fatalf("version byte %d, want 1", sealedBytes[0])
	}
	ad := append([]byte("mobio/v1/package-ad\x00\x10"), rawID...)
	block, err := aes.NewCipher(rawKey)
	must(t, err)
	gcm, err := cipher.NewGCM(block)
	must(t, err)
	padded, err := gcm.Open(nil, sealedBytes[1:13], sealedBytes[13:], ad)
	must(t, err)
	n := binary.BigEndian.Uint32(padded)
	inner := padded[4 : 4+n]
	if !bytes.Equal(padded[4+n:], make([]byte, len(padded)-4-int(n))) {
		t.Error("padding is not zeros")
	}
	senderBytes, sig, gotBody := inner[:129], inner[129:193], inner[193:]
	if !bytes.Equal(gotBody, body) {
		t.Error("the body inside the vector is not package-v1.json")
	}
	msg := []byte("mobio/v1/package\x00")
	for _, part := range [][]byte{rawID, senderBytes, gotBody} {
		msg = binary.AppendUvarint(msg, uint64(len(part)))
		msg = append(msg, part...)
	}
	if senderBytes[0] != 1 || !ed25519.Verify(ed25519.PublicKey(senderBytes[1:33]), msg, sig) {
		t.Error("the signature does not verify as FORMAT.md says")
	}
	// The fingerprint, as FORMAT.md says: the identity ID, then 12 groups of five digits.
	idHash := sha256.Sum256(e2ee.SignedMessage("mobio/v1/identity-id", senderBytes[1:33], senderBytes[33:65]))
	if e2ee.IdentityID(idHash).String() != sender.ID {
		t.Error("the identity ID is not SHA-256 over the label and both keys")
	}
}
