package keyring

import (
	"fmt"

	"github.com/mobio-sync/mobio/e2ee"
)

// Disclosure packages: a read-only snapshot of part of a biography that the newcomer sends to
// an agency (package casework/disclosure says what goes in). The package is signed by its
// sender and encrypted under a fresh key that travels only in the fragment of the package's
// link, so the relay that stores the blob cannot read it and the recipient, with nothing but a
// browser, can check who sent it. casework/disclosure/FORMAT.md describes the bytes for
// implementations in other languages (the browser viewer); the layout is:
//
//	blob   = 0x01 || nonce (12) || AES-256-GCM(key, nonce, padded, ad) (ciphertext || tag (16))
//	ad     = SignedMessage(LabelPackageAD, packageID)
//	padded = pad(inner): length (4 bytes big-endian) || inner || zeros up to the size bucket
//	inner  = sender (e2ee.IdentityPublicSize bytes) || signature (64) || body
//	signature = Ed25519 over SignedMessage(LabelPackage, packageID, sender, body)
//
// The key is used for one blob only, so the random nonce cannot repeat under it. AES-GCM is not
// key-committing; this format needs no commitment because one key opens one blob, and whoever
// could make a blob open differently under two keys is its sender, who signs either content
// anyway.
const (
	// LabelPackage labels the sender's signature over a package's body.
	LabelPackage = "mobio/v1/package"
	// LabelPackageAD labels the associated data that binds a package's ciphertext to its ID.
	LabelPackageAD = "mobio/v1/package-ad"

	// PackageVersion is the first byte of a sealed package.
	PackageVersion = 1

	// MaxPackageSize bounds a sealed package: the body (with any files the sender chose) and
	// the overhead. OpenPackage refuses a larger blob before it decrypts anything.
	MaxPackageSize = 16 << 20

	// packageSigSize is the size of an Ed25519 signature.
	packageSigSize = 64
)

// packageAD is the associated data of the package packageID.
func packageAD(packageID [16]byte) []byte {
	return e2ee.SignedMessage(LabelPackageAD, packageID[:])
}

// packageSigned is what the sender signs for the package packageID.
func packageSigned(packageID [16]byte, sender, body []byte) [][]byte {
	return [][]byte{packageID[:], sender, body}
}

// SealPackage signs plaintext as id's package packageID and encrypts it under a fresh random
// 256-bit key, which it returns: the key goes into the package link's fragment
// (casework/disclosure.Link) and nowhere else.
//
// Step 1. Sign the package ID, the sender's public identity and the plaintext.
// Step 2. Prefix the sender and the signature; pad to the size bucket.
// Step 3. Encrypt with AES-256-GCM under a fresh key, bound to the package ID as associated data.
func SealPackage(id *Identity, packageID [16]byte, plaintext []byte) (ciphertext []byte, key [32]byte, err error) {
	sender := id.Public().Bytes()
	if n := 1 + aesGCMOverhead + padBucket(padPrefix+len(sender)+packageSigSize+len(plaintext)); n > MaxPackageSize {
		return nil, key, fmt.Errorf("seal package: %w: %d bytes sealed, limit %d", e2ee.ErrTooLarge, n, MaxPackageSize)
	}

	// Step 1.
	sig, err := id.Sign(LabelPackage, packageSigned(packageID, sender, plaintext)...)
	if err != nil {
		return nil, key, fmt.Errorf("seal package: %w", err)
	}
	if len(sig) != packageSigSize {
		return nil, key, fmt.Errorf("seal package: signature of %d bytes", len(sig))
	}

	// Step 2.
	inner := make([]byte, 0, len(sender)+len(sig)+len(plaintext))
	inner = append(inner, sender...)
	inner = append(inner, sig...)
	inner = append(inner, plaintext...)
	padded := pad(inner)

	// Step 3.
	random(key[:])
	ct, err := aesGCMSeal(&key, padded, packageAD(packageID))
	if err != nil {
		return nil, [32]byte{}, fmt.Errorf("seal package: %w", err)
	}
	ciphertext = make([]byte, 0, 1+len(ct))
	ciphertext = append(ciphertext, PackageVersion)
	return append(ciphertext, ct...), key, nil
}

// OpenPackage decrypts the package packageID with key, checks the sender's signature, and
// returns the plaintext and the sender's public identity, whose fingerprint the recipient can
// compare with the sender's. Every failure (another package's ID, a wrong key, tampering, a bad
// signature, a malformed or oversized blob) is [ErrDecrypt].
//
// Step 1. Check the version and the size, then decrypt and unpad.
// Step 2. Split the sender, the signature and the body; parse the sender.
// Step 3. Verify the signature; only then return the body.
func OpenPackage(packageID [16]byte, key [32]byte, ciphertext []byte) (plaintext []byte, sender e2ee.IdentityPublic, err error) {
	// Step 1.
	if len(ciphertext) < 1+aesGCMOverhead || len(ciphertext) > MaxPackageSize || ciphertext[0] != PackageVersion {
		return nil, e2ee.IdentityPublic{}, ErrDecrypt
	}
	padded, err := aesGCMOpen(&key, ciphertext[1:], packageAD(packageID))
	if err != nil {
		return nil, e2ee.IdentityPublic{}, ErrDecrypt
	}
	inner, ok := unpad(padded)
	if !ok || len(inner) < e2ee.IdentityPublicSize+packageSigSize {
		return nil, e2ee.IdentityPublic{}, ErrDecrypt
	}

	// Step 2.
	senderBytes := inner[:e2ee.IdentityPublicSize]
	sig := inner[e2ee.IdentityPublicSize : e2ee.IdentityPublicSize+packageSigSize]
	body := inner[e2ee.IdentityPublicSize+packageSigSize:]
	sender, err = e2ee.ParseIdentityPublic(senderBytes)
	if err != nil {
		return nil, e2ee.IdentityPublic{}, ErrDecrypt
	}

	// Step 3.
	if !sender.Verify(sig, LabelPackage, packageSigned(packageID, senderBytes, body)...) {
		return nil, e2ee.IdentityPublic{}, ErrDecrypt
	}
	return body, sender, nil
}
