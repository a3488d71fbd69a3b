package e2ee

import (
	"bytes"
	"fmt"

	"github.com/fxamacker/cbor/v2"
)

// encMode writes CBOR in core deterministic encoding (RFC 8949 §4.2.1): one encoding per value.
var encMode = func() cbor.EncMode {
	m, err := cbor.CoreDetEncOptions().EncMode()
	if err != nil {
		panic(err)
	}
	return m
}()

// decMode reads CBOR strictly: no duplicate map keys, no indefinite lengths, no unknown fields,
// bounded nesting and sizes, so that a decoder of untrusted bytes cannot be made to allocate
// much before the size checks.
var decMode = func() cbor.DecMode {
	m, err := cbor.DecOptions{
		DupMapKey:         cbor.DupMapKeyEnforcedAPF,
		IndefLength:       cbor.IndefLengthForbidden,
		TagsMd:            cbor.TagsForbidden,
		MaxNestedLevels:   8,
		MaxArrayElements:  4096,
		MaxMapPairs:       4096,
		ExtraReturnErrors: cbor.ExtraDecErrorUnknownField,
		UTF8:              cbor.UTF8RejectInvalid,
	}.DecMode()
	if err != nil {
		panic(err)
	}
	return m
}()

// marshal encodes v deterministically.
func marshal(v any) ([]byte, error) { return encMode.Marshal(v) }

// MarshalCanonical encodes v in CBOR core deterministic encoding. Every signed or stored format
// of mobio (keyring's sealed identities, protocol frames) uses it and [UnmarshalCanonical], so
// that all follow one set of rules.
func MarshalCanonical(v any) ([]byte, error) { return marshal(v) }

// UnmarshalCanonical decodes b into v strictly (no duplicate keys, indefinite lengths, tags or
// unknown fields; bounded nesting and sizes) and demands that b is the canonical encoding of v.
// Failures wrap [ErrMalformed]; what names the structure in the message.
func UnmarshalCanonical(b []byte, v any, what string) error { return unmarshalCanonical(b, v, what) }

// unmarshalCanonical decodes b into v and demands that b is the one canonical encoding of v:
// re-encoding must give back the same bytes. Signed bytes thus have exactly one meaning and one
// form (no malleability).
func unmarshalCanonical(b []byte, v any, what string) error {
	if err := decMode.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrMalformed, what, err)
	}
	again, err := encMode.Marshal(v)
	if err != nil || !bytes.Equal(again, b) {
		return fmt.Errorf("%w: %s: not in canonical form", ErrMalformed, what)
	}
	return nil
}
