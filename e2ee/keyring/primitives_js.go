//go:build js

package keyring

// The browser's build takes every primitive from primitives_std.go, which makes tink's bytes
// with the standard library: tink's packages would add about 1.8 MB (gzipped) of key-manager
// registries and protobuf runtime to the js/wasm module. The doc comments of the primitives are
// in primitives_tink.go, which every other build uses.

import "io"

// keysetHandle is how this build holds an identity's private keyset.
type keysetHandle = *stdKeyset

func newSigningKeyset() (*stdKeyset, signer, []byte, error) { return stdNewSigningKeyset() }

func signingFromKeyset(k *stdKeyset) (*stdKeyset, signer, []byte, error) {
	return stdSigningFromKeyset(k)
}

func newHPKEKeyset() (*stdKeyset, hybridDecrypter, []byte, error) { return stdNewHPKEKeyset() }

func hpkeFromKeyset(k *stdKeyset) (*stdKeyset, hybridDecrypter, []byte, error) {
	return stdHPKEFromKeyset(k)
}

func hpkeSeal(recipient, plaintext, info []byte) ([]byte, error) {
	return stdHPKESeal(recipient, plaintext, info)
}

func aesGCMSeal(key *[32]byte, plaintext, ad []byte) ([]byte, error) {
	return stdAESGCMSeal(key, plaintext, ad)
}

func aesGCMOpen(key *[32]byte, ciphertext, ad []byte) ([]byte, error) {
	return stdAESGCMOpen(key, ciphertext, ad)
}

func attachmentEncrypter(key *[32]byte, w io.Writer, ad []byte) (io.WriteCloser, error) {
	return stdAttachmentEncrypter(key, w, ad)
}

func attachmentDecrypter(key *[32]byte, r io.Reader, ad []byte) (io.Reader, error) {
	return stdAttachmentDecrypter(key, r, ad)
}

func sealKeyset(w io.Writer, k *stdKeyset, key *[32]byte, ad []byte) error {
	return stdSealKeyset(w, k, key, ad)
}

func openKeyset(r io.Reader, key *[32]byte, ad []byte) (*stdKeyset, error) {
	return stdOpenKeyset(r, key, ad)
}
