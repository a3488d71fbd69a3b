package keyring

import (
	"fmt"
	"log/slog"

	"github.com/mobio-sync/mobio/e2ee"
)

// Identity is a person's secret identity: the Ed25519 key that signs and the X25519 key that
// opens lockboxes. It is never written in clear (see [Identity.Seal]).
type Identity struct {
	_ [0]func() // not comparable: compare public identities instead

	signKeys keysetHandle
	signer   signer
	hpkeKeys keysetHandle
	decrypt  hybridDecrypter
	public   e2ee.IdentityPublic
}

// NewIdentity generates a fresh identity.
func NewIdentity() (*Identity, error) {
	sk, signer, signPub, err := newSigningKeyset()
	if err != nil {
		return nil, fmt.Errorf("new identity: %w", err)
	}
	hk, dec, hpkePub, err := newHPKEKeyset()
	if err != nil {
		return nil, fmt.Errorf("new identity: %w", err)
	}
	return assemble(sk, signer, signPub, hk, dec, hpkePub)
}

func assemble(sk keysetHandle, s signer, signPub []byte, hk keysetHandle, dec hybridDecrypter, hpkePub []byte) (*Identity, error) {
	sig, err := s.Sign(e2ee.SignedMessage(e2ee.LabelIdentityKey, hpkePub))
	if err != nil {
		return nil, fmt.Errorf("sign identity key: %w", err)
	}
	pub, err := e2ee.NewIdentityPublic(signPub, hpkePub, sig)
	if err != nil {
		return nil, err
	}
	return &Identity{signKeys: sk, signer: s, hpkeKeys: hk, decrypt: dec, public: pub}, nil
}

// Public returns the public half, to share with others.
func (id *Identity) Public() e2ee.IdentityPublic { return id.mustPublic() }

// ID returns the identity's ID.
func (id *Identity) ID() e2ee.IdentityID { return id.mustPublic().ID() }

// Sign signs [e2ee.SignedMessage](label, parts...) with the Ed25519 key.
func (id *Identity) Sign(label string, parts ...[]byte) ([]byte, error) {
	id.mustPublic()
	sig, err := id.signer.Sign(e2ee.SignedMessage(label, parts...))
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	return sig, nil
}

// openHPKE decrypts a ciphertext made by hpkeSeal to this identity.
func (id *Identity) openHPKE(ciphertext, info []byte) ([]byte, error) {
	id.mustPublic()
	pt, err := id.decrypt.Decrypt(ciphertext, info)
	if err != nil {
		return nil, ErrDecrypt
	}
	return pt, nil
}

// mustPublic panics on the zero Identity: using a key that was never made is a bug, not an
// error to handle.
func (id *Identity) mustPublic() e2ee.IdentityPublic {
	if id == nil || id.signer == nil {
		panic("keyring: use of a zero Identity")
	}
	return id.public
}

// LogValue keeps secret identities out of logs.
func (id *Identity) LogValue() slog.Value { return slog.StringValue("REDACTED") }

// String keeps secret identities out of fmt output.
func (id *Identity) String() string { return "keyring.Identity(REDACTED)" }
