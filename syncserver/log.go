package syncserver

import "github.com/mobio-sync/mobio/e2ee"

// Logging. The relay logs through the *slog.Logger of its [Config], with the attribute keys
// below and nothing else: never envelope or operation bytes, keys, signatures or invite
// proofs. Documents appear as their short ID (the first 8 characters of the ID's text form),
// identities as [e2ee.IdentityID.Short].
//
// Levels:
//   - DEBUG: for developers: every refused request, with its code.
//   - INFO: normal operation: the relay starts and stops, connections open and close.
//   - WARN: a problem that was handled or may be ignored once: a connection dropped as a slow
//     consumer, a failed write to a peer, a drain that timed out.
//   - ERROR: needs an operator: an internal error (the store failed), answered with
//     CodeInternal on the wire.
const (
	keyComponent = "component" // "relay"
	keyConn      = "conn"      // the connection's number, unique while the relay runs
	keyRemote    = "remote"    // the peer's IP address
	keyIdentity  = "identity"  // the authenticated identity, short
	keyDoc       = "doc"       // a document, short
	keyCode      = "code"      // a protocol error code's name
	keyFrame     = "frame"     // a frame type's name
	keyReq       = "req"       // a request ID
	keyErr       = "err"       // an error's text (which never holds content)
	keyAddr      = "addr"      // the listening address
	keyMethod    = "method"    // an HTTP method
	keyPath      = "path"      // an HTTP route's pattern, such as "GET /packages/{id}" (never a path with IDs)
	keyTimeout   = "timeout"   // a time limit that ran out
	keyDocs      = "docs"      // a count of documents
	keyEntries   = "entries"   // a count of entries
	keyFailed    = "failed"    // a count of failures
	keyTook      = "took"      // a duration
	keyBytes     = "bytes"     // a size in bytes
	keyExpires   = "expires"   // an expiry, as a time
	keyPackages  = "packages"  // a count of packages
)

// shortDoc returns the first 8 characters of d's text form, for logs.
func shortDoc(d e2ee.DocID) string { return d.String()[:8] }
