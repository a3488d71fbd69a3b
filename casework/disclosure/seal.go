package disclosure

import (
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// PackageID names a package on the relay: 128 random bits. Its text form, in links and share
// entries, is unpadded URL-safe base64 (22 characters), as the relay's.
type PackageID [16]byte

// NewPackageID returns a fresh random package ID.
func NewPackageID() PackageID {
	var id PackageID
	rand.Read(id[:]) // never fails; see crypto/rand.Read
	return id
}

// String returns the text form.
func (id PackageID) String() string { return b64.EncodeToString(id[:]) }

// ParsePackageID parses the text form [PackageID.String] returns, and no other.
func ParsePackageID(s string) (PackageID, error) {
	var id PackageID
	b, err := b64.DecodeString(s)
	if err != nil || len(b) != len(id) {
		return id, fmt.Errorf("%w: package ID", ErrBadLink)
	}
	copy(id[:], b)
	return id, nil
}

// Key is the key of one package. It lives in the link's fragment and nowhere else; it is
// never logged or stored.
type Key [32]byte

// ErrBadLink is returned for a link that is not a package link.
var ErrBadLink = errors.New("disclosure: not a package link")

// linkPath is what precedes the fragment of a package link, after the relay's base address:
// the viewer page. Browsers never send the fragment to the server.
const linkPath = "/p/#"

// Link returns the link to package id with its key: base (the relay's http(s) address, with
// or without a trailing slash) + "/p/#" + ID + "." + key, both in unpadded URL-safe base64.
// The link is a secret: whoever holds it reads the package until it expires or is withdrawn.
func Link(base string, id PackageID, key Key) string {
	return strings.TrimRight(base, "/") + linkPath + id.String() + "." + b64.EncodeToString(key[:])
}

// ParseLink reads the relay's base address, the package ID and the key from a link that
// [Link] made. It accepts only that form; errors never repeat the link.
func ParseLink(link string) (base string, id PackageID, key Key, err error) {
	link = strings.TrimSpace(link)
	i := strings.Index(link, linkPath)
	if i < 0 || !strings.HasPrefix(link, "http://") && !strings.HasPrefix(link, "https://") {
		return "", id, key, ErrBadLink
	}
	idText, keyText, ok := strings.Cut(link[i+len(linkPath):], ".")
	if !ok {
		return "", id, key, ErrBadLink
	}
	if id, err = ParsePackageID(idText); err != nil {
		return "", PackageID{}, key, err
	}
	kb, err := b64.DecodeString(keyText)
	if err != nil || len(kb) != len(key) {
		return "", PackageID{}, key, fmt.Errorf("%w: key", ErrBadLink)
	}
	copy(key[:], kb)
	return link[:i], id, key, nil
}

// Sealed is a package ready for the relay.
type Sealed struct {
	ID         PackageID
	Key        Key    // goes into the link only
	Ciphertext []byte // goes to the relay
	Package    Package
}

// Seal checks that p is complete and rests on a valid consent recorded in r (the biography
// it was built from; see [CheckConsent]), then signs it as sender's and encrypts it under a
// fresh key (keyring.SealPackage). It fails with casework.ErrNoConsent when the consent is
// missing, withdrawn, or for another purpose, recipient or scope.
func Seal(r casework.Reader, sender *keyring.Identity, p Package) (Sealed, error) {
	if err := p.check(); err != nil {
		return Sealed{}, fmt.Errorf("seal package: %w", err)
	}
	id, _ := ParsePackageID(p.ID) // check parsed it
	if err := CheckConsent(r, p); err != nil {
		return Sealed{}, fmt.Errorf("seal package: %w", err)
	}
	body, err := p.Encode()
	if err != nil {
		return Sealed{}, fmt.Errorf("seal package: %w", err)
	}
	ct, key, err := keyring.SealPackage(sender, id, body)
	if err != nil {
		return Sealed{}, err
	}
	return Sealed{ID: id, Key: key, Ciphertext: ct, Package: p}, nil
}

// Open decrypts and verifies a package fetched from the relay and decodes it. It returns the
// sender's public identity, whose fingerprint the recipient may compare with the sender's.
// It fails with keyring.ErrDecrypt when the bytes do not open with the key or the signature
// does not verify, with [ErrMalformed] when what opened is not a package, and with
// [ErrExpired] when the package's own expiry has passed at now.
func Open(id PackageID, key Key, ciphertext []byte, now time.Time) (Package, e2ee.IdentityPublic, error) {
	body, sender, err := keyring.OpenPackage(id, key, ciphertext)
	if err != nil {
		return Package{}, e2ee.IdentityPublic{}, fmt.Errorf("open package: %w", err)
	}
	p, err := Decode(body)
	if err != nil {
		return Package{}, e2ee.IdentityPublic{}, fmt.Errorf("open package: %w", err)
	}
	if p.ID != id.String() {
		// The signature covers the ID too, so only the sender could have done this.
		return Package{}, e2ee.IdentityPublic{}, fmt.Errorf("open package: %w: the package names another ID", ErrMalformed)
	}
	if !now.Before(p.Expires) {
		return p, sender, ErrExpired
	}
	return p, sender, nil
}

// ErrExpired is returned by [Open] for a package past its expiry; the package is returned too.
var ErrExpired = errors.New("disclosure: package expired")

// String keeps keys out of fmt output.
func (Key) String() string { return "disclosure.Key(REDACTED)" }

// LogValue keeps keys out of logs.
func (Key) LogValue() slog.Value { return slog.StringValue("REDACTED") }
