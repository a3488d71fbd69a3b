package e2ee

import (
	"crypto/sha256"
	"fmt"
	"unicode/utf8"
)

// OpVersion is the version of membership operations. Changelog:
//   - 1: 2026-11-25: first version.
const OpVersion = 1

// MaxOpSize bounds an encoded signed operation; decoders refuse larger input before parsing.
const MaxOpSize = 1 << 20

// MaxConsentIDSize bounds the consent record ID a transfer carries.
const MaxConsentIDSize = 256

// maxHistory bounds the sealed history of a rotation: 32 bytes per earlier epoch, for some
// thousands of epochs.
const maxHistory = 256 << 10

// OpType is what a membership operation does. Do not reorder or reuse; add at the end.
type OpType uint8

// Operation types.
const (
	OpCreate   OpType = 1 // genesis: the owner, a nonce, epoch 1 and the owner's lockbox
	OpAdd      OpType = 2 // an owner adds a member with a role
	OpRemove   OpType = 3 // an owner removes a member, or a member leaves; always rotates
	OpRotate   OpType = 4 // an owner starts a new epoch without removing anyone
	OpInvite   OpType = 5 // an owner creates an invite
	OpRedeem   OpType = 6 // an invitee redeems an invite and becomes a member
	OpTransfer OpType = 7 // a counsellor adds a successor counsellor, with the consent's ID
)

func (t OpType) valid() bool { return t >= OpCreate && t <= OpTransfer }

func (t OpType) String() string {
	switch t {
	case OpCreate:
		return "create"
	case OpAdd:
		return "add"
	case OpRemove:
		return "remove"
	case OpRotate:
		return "rotate"
	case OpInvite:
		return "invite"
	case OpRedeem:
		return "redeem"
	case OpTransfer:
		return "transfer"
	}
	return fmt.Sprintf("op(%d)", uint8(t))
}

// Op is one operation of a document's membership log. Exactly one of the type-specific fields
// is set, the one that Type names.
//
// Evolution rules as for [Header]: keys are never reused; new fields are optional; no floats;
// types are never renumbered; an unknown version or type is rejected.
type Op struct {
	Version uint8 `cbor:"1,keyasint"`
	// Doc is the document; zero in the genesis operation, whose hash makes the ID.
	Doc DocID `cbor:"2,keyasint"`
	// Seq numbers the operations of the log from 1 (the genesis) without gaps.
	Seq uint64 `cbor:"3,keyasint"`
	// Prev is the hash (see [OpHash]) of the previous signed operation; zero in the genesis.
	Prev   Hash       `cbor:"4,keyasint"`
	Author IdentityID `cbor:"5,keyasint"`
	Type   OpType     `cbor:"6,keyasint"`
	// Time is the author's clock in Unix milliseconds. Times never decrease along a log, so that
	// an invitee cannot date a redemption before the operations it follows.
	Time int64 `cbor:"7,keyasint"`

	Create   *CreateOp   `cbor:"8,keyasint,omitempty"`
	Add      *AddOp      `cbor:"9,keyasint,omitempty"`
	Remove   *RemoveOp   `cbor:"10,keyasint,omitempty"`
	Rotate   *RotateOp   `cbor:"11,keyasint,omitempty"`
	Invite   *InviteOp   `cbor:"12,keyasint,omitempty"`
	Redeem   *RedeemOp   `cbor:"13,keyasint,omitempty"`
	Transfer *TransferOp `cbor:"14,keyasint,omitempty"`
}

// CreateOp starts a document: its owner, a random nonce that makes every genesis (and so every
// document ID) unique, and the owner's lockbox of epoch 1.
type CreateOp struct {
	Owner   []byte   `cbor:"1,keyasint"` // public identity, [IdentityPublic.Bytes]
	Nonce   [16]byte `cbor:"2,keyasint"`
	Epoch   Epoch    `cbor:"3,keyasint"` // always 1
	Lockbox Lockbox  `cbor:"4,keyasint"` // zero DocID, see [Lockbox]
}

// NewCreateOp returns the fields of a genesis operation for owner with a fresh random nonce;
// lockbox is the owner's lockbox of the first key, made for the zero DocID.
func NewCreateOp(owner IdentityPublic, lockbox Lockbox) (*CreateOp, error) {
	c := &CreateOp{Owner: owner.Bytes(), Epoch: 1, Lockbox: lockbox}
	if err := randomBytes(nil, c.Nonce[:]); err != nil {
		return nil, fmt.Errorf("genesis nonce: %w", err)
	}
	return c, nil
}

// AddOp adds a member with a role and carries the member's lockbox of the current epoch. The
// history sealed under that epoch's key opens the earlier epochs.
type AddOp struct {
	Identity []byte  `cbor:"1,keyasint"`
	Role     Role    `cbor:"2,keyasint"`
	Lockbox  Lockbox `cbor:"3,keyasint"`
}

// Rotation starts a new epoch: a lockbox of the new key for every member of the new epoch, and
// History, the keys of all earlier epochs sealed under the new key (see keyring), so that a
// member who joins later reads the whole document.
type Rotation struct {
	Epoch     Epoch     `cbor:"1,keyasint"`
	Lockboxes []Lockbox `cbor:"2,keyasint"`
	History   []byte    `cbor:"3,keyasint"`
}

// RemoveOp removes a member and always rotates.
type RemoveOp struct {
	Member   IdentityID `cbor:"1,keyasint"`
	Rotation Rotation   `cbor:"2,keyasint"`
}

// RotateOp starts a new epoch without removing anyone, for instance after a counsellor left
// (the leaver made the key of the epoch its leaving started).
type RotateOp struct {
	Rotation Rotation `cbor:"1,keyasint"`
}

// InviteOp creates an invite for a role. The relay stores Verifier and checks redemptions
// against it; it cannot open Key or Check.
type InviteOp struct {
	// Verifier is SHA-256 of the invite's ID proof; see [InviteVerifier].
	Verifier Hash `cbor:"1,keyasint"`
	Role     Role `cbor:"2,keyasint"`
	// Expires is the last Unix millisecond at which a redemption may be dated.
	Expires int64 `cbor:"3,keyasint"`
	// Epoch is the epoch whose key Key holds; a rotation before the redemption voids the invite.
	Epoch Epoch `cbor:"4,keyasint"`
	// Key is the epoch key encrypted under a key derived from the invite secret.
	Key []byte `cbor:"5,keyasint"`
	// Check is the redeem-check key, derived from the invite secret, encrypted under the epoch
	// key: members, not the relay, check a redemption's MAC with it.
	Check []byte `cbor:"6,keyasint"`
}

// RedeemOp is authored and signed by the invitee, who becomes a member. Proof is the invite's ID
// proof (its SHA-256 is the invite's verifier), MAC proves to members that the invitee held the
// secret, and Lockbox wraps the epoch key (taken from the invite) to the invitee itself, so that
// it can open its keys again on another device.
type RedeemOp struct {
	Invite   Hash    `cbor:"1,keyasint"` // the invite operation's hash
	Identity []byte  `cbor:"2,keyasint"`
	Proof    []byte  `cbor:"3,keyasint"`
	MAC      []byte  `cbor:"4,keyasint"`
	Lockbox  Lockbox `cbor:"5,keyasint"`
}

// TransferOp adds a successor counsellor when a newcomer moves on; ConsentID names the consent
// record in the document by which the newcomer agreed.
type TransferOp struct {
	Identity  []byte  `cbor:"1,keyasint"`
	ConsentID string  `cbor:"2,keyasint"`
	Lockbox   Lockbox `cbor:"3,keyasint"`
}

// Encode returns the canonical bytes of op. It refuses an operation that is not well formed.
func (op *Op) Encode() ([]byte, error) {
	if err := op.check(); err != nil {
		return nil, err
	}
	return marshal(op)
}

// DecodeOp parses canonical operation bytes (the first element of a signed operation).
func DecodeOp(b []byte) (Op, error) {
	var op Op
	if err := unmarshalCanonical(b, &op, "membership operation"); err != nil {
		return Op{}, err
	}
	if err := op.check(); err != nil {
		return Op{}, err
	}
	return op, nil
}

// check verifies the structure of op: what can be seen without the log.
func (op *Op) check() error {
	if op.Version != OpVersion || !op.Type.valid() {
		return fmt.Errorf("%w: operation version %d type %d", ErrUnsupported, op.Version, op.Type)
	}
	set := 0
	for _, p := range []bool{op.Create != nil, op.Add != nil, op.Remove != nil, op.Rotate != nil, op.Invite != nil, op.Redeem != nil, op.Transfer != nil} {
		if p {
			set++
		}
	}
	if set != 1 || op.fieldsOf() == nil {
		return fmt.Errorf("%w: %s operation must carry its fields and no others", ErrMalformed, op.Type)
	}
	genesis := op.Type == OpCreate
	if op.Seq == 0 || genesis != (op.Seq == 1) || genesis != op.Prev.IsZero() || genesis != op.Doc.IsZero() {
		return fmt.Errorf("%w: %s operation with sequence %d", ErrMalformed, op.Type, op.Seq)
	}
	if op.Author.IsZero() || op.Time <= 0 {
		return fmt.Errorf("%w: operation without author or time", ErrMalformed)
	}
	switch op.Type {
	case OpCreate:
		c := op.Create
		if c.Epoch != 1 {
			return fmt.Errorf("%w: genesis epoch %d", ErrMalformed, c.Epoch)
		}
		return c.Lockbox.check()
	case OpAdd:
		if !op.Add.Role.Valid() {
			return fmt.Errorf("%w: %s", ErrMalformed, op.Add.Role)
		}
		return op.Add.Lockbox.check()
	case OpRemove:
		if op.Remove.Member.IsZero() {
			return fmt.Errorf("%w: removal without member", ErrMalformed)
		}
		return op.Remove.Rotation.check()
	case OpRotate:
		return op.Rotate.Rotation.check()
	case OpInvite:
		in := op.Invite
		if in.Role != RoleCounsellor && in.Role != RoleViewer {
			return fmt.Errorf("%w: invite for %s", ErrMalformed, in.Role)
		}
		if in.Verifier.IsZero() || in.Epoch == 0 || len(in.Key) == 0 || len(in.Check) == 0 || len(in.Key) > 1024 || len(in.Check) > 1024 {
			return fmt.Errorf("%w: invite fields", ErrMalformed)
		}
	case OpRedeem:
		r := op.Redeem
		if r.Invite.IsZero() || len(r.Proof) != 32 || len(r.MAC) != 32 {
			return fmt.Errorf("%w: redemption fields", ErrMalformed)
		}
		return r.Lockbox.check()
	case OpTransfer:
		t := op.Transfer
		if t.ConsentID == "" || len(t.ConsentID) > MaxConsentIDSize || !utf8.ValidString(t.ConsentID) {
			return fmt.Errorf("%w: consent ID of %d bytes", ErrMalformed, len(t.ConsentID))
		}
		return t.Lockbox.check()
	}
	return nil
}

// fieldsOf returns the type-specific fields that op.Type names, or nil when they are unset.
func (op *Op) fieldsOf() any {
	switch op.Type {
	case OpCreate:
		if op.Create != nil {
			return op.Create
		}
	case OpAdd:
		if op.Add != nil {
			return op.Add
		}
	case OpRemove:
		if op.Remove != nil {
			return op.Remove
		}
	case OpRotate:
		if op.Rotate != nil {
			return op.Rotate
		}
	case OpInvite:
		if op.Invite != nil {
			return op.Invite
		}
	case OpRedeem:
		if op.Redeem != nil {
			return op.Redeem
		}
	case OpTransfer:
		if op.Transfer != nil {
			return op.Transfer
		}
	}
	return nil
}

func (r *Rotation) check() error {
	if r.Epoch < 2 || len(r.Lockboxes) == 0 || len(r.History) == 0 || len(r.History) > maxHistory {
		return fmt.Errorf("%w: rotation to epoch %d with %d lockboxes", ErrMalformed, r.Epoch, len(r.Lockboxes))
	}
	for i := range r.Lockboxes {
		if err := r.Lockboxes[i].check(); err != nil {
			return err
		}
	}
	return nil
}

// SignedOp is a decoded but unverified signed operation. Only a [Log] verifies one.
type SignedOp struct {
	OpBytes   []byte // exact, as signed
	Op        Op
	Signature []byte
}

type wireSignedOp struct {
	_         struct{} `cbor:",toarray"`
	Op        []byte
	Signature []byte
}

// OpSigningParts are the parts of [SignedMessage] an author signs with [LabelOp]: the exact
// operation bytes.
func OpSigningParts(opBytes []byte) [][]byte { return [][]byte{opBytes} }

// EncodeSignedOp assembles a signed operation, [op bytes, signature], from its parts.
func EncodeSignedOp(opBytes, signature []byte) ([]byte, error) {
	return marshal(wireSignedOp{Op: opBytes, Signature: signature})
}

// DecodeSignedOp parses a signed operation without verifying it. Only a [Log] makes it count.
func DecodeSignedOp(raw []byte) (SignedOp, error) {
	if len(raw) > MaxOpSize {
		return SignedOp{}, fmt.Errorf("%w: operation of %d bytes, limit %d", ErrTooLarge, len(raw), MaxOpSize)
	}
	var w wireSignedOp
	if err := unmarshalCanonical(raw, &w, "signed operation"); err != nil {
		return SignedOp{}, err
	}
	if len(w.Signature) != 64 {
		return SignedOp{}, fmt.Errorf("%w: operation signature of %d bytes", ErrMalformed, len(w.Signature))
	}
	op, err := DecodeOp(w.Op)
	if err != nil {
		return SignedOp{}, err
	}
	return SignedOp{OpBytes: w.Op, Op: op, Signature: w.Signature}, nil
}

// OpHash is the hash of a signed operation's exact bytes, which the next operation names as
// Prev and a redemption names as its invite.
func OpHash(signed []byte) Hash { return sha256.Sum256(signed) }

// GenesisDocID returns the ID of the document that a signed genesis operation creates: the
// first 16 bytes of SHA-256 over [LabelGenesis] and the genesis operation's exact bytes.
// Changing any byte of the genesis changes the ID, and every later operation and envelope names
// the ID, so nothing can be carried from one document into a re-created one.
func GenesisDocID(signedGenesis []byte) (DocID, error) {
	s, err := DecodeSignedOp(signedGenesis)
	if err != nil {
		return DocID{}, err
	}
	if s.Op.Type != OpCreate {
		return DocID{}, fmt.Errorf("%w: genesis is a %s operation", ErrMalformed, s.Op.Type)
	}
	return genesisDocID(s.OpBytes), nil
}

func genesisDocID(opBytes []byte) DocID {
	h := sha256.Sum256(SignedMessage(LabelGenesis, opBytes))
	var d DocID
	copy(d[:], h[:])
	return d
}

// InviteVerifier is what the relay stores for an invite: SHA-256 of the ID proof that the
// invite secret derives. A redemption reveals the proof; the verifier alone does not give it.
func InviteVerifier(proof []byte) Hash { return sha256.Sum256(proof) }
