package protocol

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"strconv"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// Disclosure packages travel over HTTP beside blobs. A package is a read-only, signed,
// encrypted snapshot of a document's fields for one recipient (a Jobcenter, an employer), kept
// by the relay as an opaque blob until it expires or is withdrawn. Its link carries the
// [PackageID] in the path and the key in the fragment, which browsers never send, so the relay
// holds ciphertext only.
//
//	PUT    /packages/{id}  create: the ciphertext as body; member-signed
//	GET    /packages/{id}  fetch: anonymous, the ID is the capability
//	DELETE /packages/{id}  withdraw: member-signed; the bytes are deleted at once
//
// A PUT or DELETE names the document in [HeaderDocument] and is signed like a blob request
// ([HeaderIdentity], [HeaderTime], [HeaderSignature]) but with [LabelPackageRequest] over
// [PackageRequestParts], so that a signature made for a blob can never pass for one made for a
// package. A PUT also carries [HeaderExpires] and [HeaderContentSHA256], both signed.
const (
	// HeaderDocument names the package's document, in e2ee.DocID's text form.
	HeaderDocument = "Mobio-Document"
	// HeaderExpires is the package's expiry in Unix seconds, decimal ([FormatExpiry]). A GET
	// answers it too.
	HeaderExpires = "Mobio-Expires"
	// HeaderContentSHA256 is the SHA-256 of a PUT's body, 64 lower-case hex digits, so that
	// the relay checks the signature before it reads the body.
	HeaderContentSHA256 = "Mobio-Content-SHA256"
)

// LabelPackageRequest is the domain-separation label of a member's signed HTTP request for a
// package ([PackageRequestParts]). It differs from e2ee.LabelBlobRequest on purpose.
const LabelPackageRequest = "mobio/v1/package-request"

// Defaults of the package limits a relay applies and may configure.
const (
	// DefaultMaxPackageBytes bounds one package's ciphertext ([CodeFrameTooLarge], HTTP 413).
	DefaultMaxPackageBytes = 16 << 20
	// DefaultMaxPackageLifetime bounds how far ahead a package's expiry may lie
	// ([CodeMalformed], HTTP 400).
	DefaultMaxPackageLifetime = 90 * 24 * time.Hour
)

// PackageID names a disclosure package on the relay. The client draws it at random
// ([NewPackageID]): 128 bits that whoever holds them may use to fetch the package's ciphertext,
// and nobody can guess. Its text form is unpadded URL-safe base64 (22 characters).
type PackageID [16]byte

// pkgEnc is the text encoding of a PackageID: unpadded URL-safe base64, strict, so that every
// ID has exactly one text form.
var pkgEnc = base64.RawURLEncoding.Strict()

// ErrBadPackageID is returned by [ParsePackageID] for text that is not a package ID's.
var ErrBadPackageID = errors.New("protocol: bad package ID: want 22 characters of URL-safe base64")

// NewPackageID returns a fresh random package ID.
func NewPackageID() PackageID {
	var id PackageID
	rand.Read(id[:]) // never fails; see crypto/rand.Read
	return id
}

// String returns the ID's text form: 22 characters of unpadded URL-safe base64.
func (p PackageID) String() string { return pkgEnc.EncodeToString(p[:]) }

// IsZero reports whether p is unset.
func (p PackageID) IsZero() bool { return p == PackageID{} }

// ParsePackageID parses the form [PackageID.String] returns, and nothing else.
func ParsePackageID(s string) (PackageID, error) {
	var p PackageID
	if len(s) != pkgEnc.EncodedLen(len(p)) {
		return p, ErrBadPackageID
	}
	n, err := pkgEnc.Decode(p[:], []byte(s))
	if err != nil || n != len(p) {
		return PackageID{}, ErrBadPackageID
	}
	return p, nil
}

// MarshalText implements encoding.TextMarshaler with [PackageID.String].
func (p PackageID) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParsePackageID].
func (p *PackageID) UnmarshalText(b []byte) error {
	id, err := ParsePackageID(string(b))
	if err != nil {
		return err
	}
	*p = id
	return nil
}

// maxExpiry is the latest expiry [ParseExpiry] accepts: the end of year 9999, far beyond any
// relay's limit and within what every clock and database represents.
const maxExpiry = 253402300799

// ErrBadExpiry is returned by [ParseExpiry] for text that is not an expiry.
var ErrBadExpiry = errors.New("protocol: bad expiry: want a Unix time in seconds, decimal")

// FormatExpiry returns t as [HeaderExpires] carries it: Unix seconds, decimal.
func FormatExpiry(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }

// ParseExpiry parses [HeaderExpires]: a positive decimal number of Unix seconds without sign,
// leading zeros or anything else, at most the end of year 9999. Only the form [FormatExpiry]
// writes is accepted.
func ParseExpiry(s string) (time.Time, error) {
	if len(s) == 0 || len(s) > 12 || s[0] == '0' {
		return time.Time{}, ErrBadExpiry
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return time.Time{}, ErrBadExpiry
		}
		n = n*10 + int64(c-'0')
	}
	if n > maxExpiry {
		return time.Time{}, ErrBadExpiry
	}
	return time.Unix(n, 0), nil
}

// ErrBadContentHash is returned by [ParseContentHash] for text that is not a SHA-256 in hex.
var ErrBadContentHash = errors.New("protocol: bad content hash: want 64 lower-case hex digits")

// ParseContentHash parses [HeaderContentSHA256]: exactly 64 lower-case hex digits, the form
// e2ee.Hash.String writes.
func ParseContentHash(s string) (e2ee.Hash, error) {
	var h e2ee.Hash
	if len(s) != 2*len(h) {
		return h, ErrBadContentHash
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return h, ErrBadContentHash
		}
	}
	if _, err := hex.Decode(h[:], []byte(s)); err != nil {
		return e2ee.Hash{}, ErrBadContentHash
	}
	return h, nil
}

// PackageRequestParts returns the parts of e2ee.SignedMessage that a member signs with
// [LabelPackageRequest] to create (method "PUT") or withdraw ("DELETE") package id of doc: the
// method, the document ID, the package ID, the expiry in Unix seconds, the SHA-256 of the
// ciphertext, and the time in Unix milliseconds, numbers as 8 bytes big-endian. A DELETE signs
// a zero expiry and a zero hash. The relay accepts the signature within
// [DefaultMaxClockSkew] of its clock.
func PackageRequestParts(method string, doc e2ee.DocID, id PackageID, expires time.Time, content e2ee.Hash, t time.Time) [][]byte {
	var exp int64
	if !expires.IsZero() {
		exp = expires.Unix()
	}
	return PackageRequestPartsUnix(method, doc, id, exp, content, t.UnixMilli())
}

// PackageRequestPartsUnix is [PackageRequestParts] with the expiry in Unix seconds and the
// time in Unix milliseconds, as the relay reads them from the headers.
func PackageRequestPartsUnix(method string, doc e2ee.DocID, id PackageID, expires int64, content e2ee.Hash, ms int64) [][]byte {
	return [][]byte{
		[]byte(method), doc[:], id[:],
		binary.BigEndian.AppendUint64(nil, uint64(expires)),
		content[:],
		binary.BigEndian.AppendUint64(nil, uint64(ms)),
	}
}
