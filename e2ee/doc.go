// Package e2ee holds everything of mobio's end-to-end encryption that needs no secret: public
// identities and their fingerprints, document and identity IDs, envelope headers and their
// verification, per-author chains, and the membership log.
//
// The relay imports this package and never [github.com/mobio-sync/mobio/e2ee/keyring], which
// holds every secret key and every operation that needs one; a test of the import graph keeps
// it so. [Verify] is the only way to obtain a [VerifiedEnvelope], so code that stores or relays
// envelopes can only be handed bytes whose signature, author, document and epoch were checked.
//
// # Threat model
//
// The relay is honest but curious at best and malicious at worst: it may read, drop, reorder,
// replay or forge anything it stores or forwards. It cannot read content, cannot forge an
// envelope, a lockbox or a membership operation, and cannot redeem an invite. Withholding is
// detected through the signed views of other authors, not prevented. SECURITY.md has the whole
// model and what mobio does not claim.
//
// # Backwards compatibility
//
// Every signed structure starts with a version. Signatures are over exact bytes, never over
// re-encoded structures. Encodings are CBOR in core deterministic mode with integer keys; keys are
// never reused, new fields are optional, there are no floats, kinds are never renumbered, and an
// unknown version or kind is rejected, never guessed at. Domain-separation labels carry "v1".
package e2ee
