package keyring

import (
	"crypto/subtle"
	"log/slog"

	"github.com/mobio-sync/mobio/e2ee"
)

// EpochKey is the AES-256-GCM key of one document at one epoch.
type EpochKey struct {
	_     [0]func()
	key   [32]byte
	doc   e2ee.DocID
	epoch e2ee.Epoch
	set   bool
}

// NewEpochKey generates a fresh key for doc at epoch.
func NewEpochKey(doc e2ee.DocID, epoch e2ee.Epoch) *EpochKey {
	k := &EpochKey{doc: doc, epoch: epoch, set: true}
	random(k.key[:])
	return k
}

// Doc returns the document the key belongs to.
func (k *EpochKey) Doc() e2ee.DocID { k.mustSet(); return k.doc }

// Epoch returns the epoch the key belongs to.
func (k *EpochKey) Epoch() e2ee.Epoch { k.mustSet(); return k.epoch }

// Commitment returns the key commitment that headers of this epoch carry.
func (k *EpochKey) Commitment() e2ee.Hash { k.mustSet(); return keyCommitment(&k.key, k.doc, k.epoch) }

// Equal reports, in constant time, whether k and o are the same key for the same epoch.
func (k *EpochKey) Equal(o *EpochKey) bool {
	k.mustSet()
	o.mustSet()
	return subtle.ConstantTimeCompare(k.key[:], o.key[:]) == 1 && k.doc == o.doc && k.epoch == o.epoch
}

func (k *EpochKey) mustSet() {
	if k == nil || !k.set {
		panic("keyring: use of a zero EpochKey")
	}
}

// LogValue keeps keys out of logs.
func (k *EpochKey) LogValue() slog.Value { return slog.StringValue("REDACTED") }

// String keeps keys out of fmt output.
func (k *EpochKey) String() string { return "keyring.EpochKey(REDACTED)" }
