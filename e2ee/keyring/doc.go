// Package keyring holds secret keys and every operation that needs one: identities and their
// sealing at rest (argon2id passphrase or a caller's key), recovery kits, sealing and opening
// of envelopes, lockbox wrap and unwrap, epoch rotation, invite secrets, and streaming
// encryption of attachments.
//
// Keys are types, never byte slices in APIs; they are not comparable with ==, have
// constant-time Equal methods, panic when used as zero values, and log as "REDACTED". tink-go
// types never appear in exported signatures. Cleartext keyset handling stays in this package.
// The primitives*.go files hold every call into cryptographic libraries: tink-go in every build
// but the browser's, where the standard library makes the same bytes (primitives_std.go,
// cross-tested against tink) so that the js/wasm module links none of tink's registries.
package keyring
