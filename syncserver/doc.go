// Package syncserver relays sealed envelopes between the members of a document without the
// ability to read them.
//
// # What the relay checks
//
// The relay imports [github.com/mobio-sync/mobio/e2ee] and never its keyring: it verifies
// what can be verified without a key that decrypts (the membership log, each envelope's
// signature, author, role and epoch, and each author's chain) and stores and forwards
// ciphertext. A test of the import graph keeps it that way.
//
// # Storage
//
// [Store] is everything the relay keeps: per document the membership log, the entries
// (verified envelopes numbered by offsets from 1), the newest snapshot, blobs and, after an
// erasure, the tombstone. It is small and defined here, by its consumer; the default
// implementation is syncserver/sqlite, and syncserver/storetest is the conformance suite
// every implementation must pass. Optional abilities ([Compactor], [Backuper], [Statser],
// [PackageStore]) are found by type assertion.
//
// # Disclosure packages
//
// A member who may write a document stores a disclosure package of it over HTTP (PUT
// /packages/{id}, signed like a blob request but under its own label); anyone who has the
// random package ID fetches the ciphertext (GET, anonymous, never cached); a member withdraws
// it (DELETE), and the relay deletes its bytes then, at its expiry ([Server.SweepPackages]),
// or when the document is erased. The key is in the link's fragment and never reaches the
// relay (packages.go).
//
// The division of work between relay and store: the relay verifies an envelope or
// operation against the membership (e2ee.Verify, e2ee.VerifyLog) and checks the current
// epoch; the store, in the same transaction as the write, assigns offsets, recognises a
// re-sent envelope or operation (stored once, acknowledged again), refuses a second envelope
// for one place in an author's chain ([ErrConflict]) or one that skips places
// ([ErrSequenceGap]), and refuses a membership operation built on an older head of the log
// ([ErrStaleHead]). Only the store can decide these without races, because concurrent
// connections may push for the same author and document.
//
// Invites and lockboxes are not stored apart: both are part of the membership log, and the
// relay finds them in the membership that e2ee.VerifyLog yields (Membership.InviteByVerifier,
// Membership.Lockbox).
//
// # Durability
//
// A write returns only after it is committed and synced to stable storage, and the relay
// acknowledges a push only after that, so a relay killed at any moment loses no
// acknowledged entry. Stores batch concurrent appends into one commit (group commit) so
// that concurrent pushes share one sync.
//
// # Memory and background work
//
// An idle authenticated connection holds one goroutine with a small stack and small buffers
// (conn.go, batchwrite.go); the relay pings it every [Limits.PingInterval] and closes it when
// the pong does not come (keepalive.go). The state of a document (its verified membership
// log, author heads, usage) stays in memory while the document is in use and for
// [Config.DocIdleTimeout] after, within [Config.MaxResidentDocs] (resident.go). [Server.Run]
// compacts documents whose snapshot is older than [Limits.SnapshotRetention] every
// [Config.CompactInterval] (compact.go), and deletes expired packages every
// [Config.PackageSweepInterval].
package syncserver
