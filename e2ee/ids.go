package e2ee

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"io"
)

// b32 is the text encoding of IDs: lower-case base32 without padding, safe in URLs, file names
// and spoken aloud.
var b32 = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// IdentityID identifies an identity: a hash of its two public keys.
type IdentityID [32]byte

// String returns the ID in lower-case base32.
func (id IdentityID) String() string { return b32.EncodeToString(id[:]) }

// Short returns the first 8 characters of String, for logs and lists; never for comparisons.
func (id IdentityID) Short() string { return id.String()[:8] }

// IsZero reports whether id is unset.
func (id IdentityID) IsZero() bool { return id == IdentityID{} }

// ParseIdentityID parses the form String returns.
func ParseIdentityID(s string) (IdentityID, error) {
	var id IdentityID
	b, err := b32.DecodeString(s)
	if err != nil || len(b) != len(id) {
		return id, fmt.Errorf("%w: identity ID", ErrMalformed)
	}
	copy(id[:], b)
	return id, nil
}

// DocID identifies a document. It is derived from the hash of the document's genesis
// membership operation (see [GenesisDocID]), so a client never merges into a re-created
// document that happens to reuse an ID.
type DocID [16]byte

// String returns the ID in lower-case base32.
func (d DocID) String() string { return b32.EncodeToString(d[:]) }

// IsZero reports whether d is unset.
func (d DocID) IsZero() bool { return d == DocID{} }

// ParseDocID parses the form String returns.
func ParseDocID(s string) (DocID, error) {
	var d DocID
	b, err := b32.DecodeString(s)
	if err != nil || len(b) != len(d) {
		return d, fmt.Errorf("%w: document ID", ErrMalformed)
	}
	copy(d[:], b)
	return d, nil
}

// Epoch numbers a document key. The first epoch is 1; every removal of a member starts a new
// one.
type Epoch uint32

// Hash is a SHA-256 hash of exact bytes: of an envelope, a membership operation.
type Hash [32]byte

// String returns the hash in hex.
func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// IsZero reports whether h is unset.
func (h Hash) IsZero() bool { return h == Hash{} }

// Equal compares in constant time.
func (h Hash) Equal(o Hash) bool { return subtle.ConstantTimeCompare(h[:], o[:]) == 1 }

// Role is what a member may do.
type Role uint8

// Roles. Do not reorder or reuse; add at the end.
const (
	RoleOwner      Role = 1 // the newcomer: everything, including removing members and erasing
	RoleCounsellor Role = 2 // edit; may add a successor counsellor during a transfer
	RoleViewer     Role = 3 // read
)

func (r Role) String() string {
	switch r {
	case RoleOwner:
		return "owner"
	case RoleCounsellor:
		return "counsellor"
	case RoleViewer:
		return "viewer"
	}
	return fmt.Sprintf("role(%d)", uint8(r))
}

// CanWrite reports whether the role may author updates and snapshots.
func (r Role) CanWrite() bool { return r == RoleOwner || r == RoleCounsellor }

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r >= RoleOwner && r <= RoleViewer }

// randomBytes fills b from r, or from crypto/rand when r is nil.
func randomBytes(r io.Reader, b []byte) error {
	if r == nil {
		r = rand.Reader
	}
	_, err := io.ReadFull(r, b)
	return err
}
