package protocol

import "time"

// Limits that frames themselves carry. Decoders enforce them; they change only with [Version].
const (
	// NonceSize is the length of the challenge nonce in [Challenge].
	NonceSize = 32
	// MaxOriginBytes bounds [Auth.Origin].
	MaxOriginBytes = 512
	// MaxSoftwareBytes bounds the software name and version in [Hello].
	MaxSoftwareBytes = 64
	// MaxErrorMessageBytes bounds [Error.Message].
	MaxErrorMessageBytes = 512
	// MaxInviteProofBytes bounds [InviteFetch.Proof].
	MaxInviteProofBytes = 64
	// MaxOpsPerFrame bounds the operations one [LogEntries] carries; a longer log comes in
	// several frames, each but the last with More set.
	MaxOpsPerFrame = 1024
)

// Defaults of the limits a relay applies and may configure. Each refusal is an [Error] frame
// with the code named.
const (
	// DefaultMaxFrameBytes is the largest frame [Decode] accepts by default
	// ([CodeFrameTooLarge]). Envelopes, snapshots and operations must fit in one frame.
	DefaultMaxFrameBytes = 1 << 20
	// DefaultMaxDocumentsPerConn is how many documents one connection may subscribe to
	// ([CodeTooManyDocuments]); a counsellor's caseload of 200 documents fits.
	DefaultMaxDocumentsPerConn = 1024
	// DefaultPushesPerSecond and DefaultPushBurst rate-limit [Push], [SnapshotPut] and
	// [OpPush] per connection as a token bucket ([CodeRateLimited]).
	DefaultPushesPerSecond = 1000
	DefaultPushBurst       = 2000
	// DefaultEphemeralPerSecond and DefaultEphemeralBurst rate-limit [Ephemeral] per
	// connection ([CodeRateLimited]).
	DefaultEphemeralPerSecond = 20
	DefaultEphemeralBurst     = 40
	// DefaultMaxDocumentBytes bounds the stored bytes of one document: entries and its snapshot
	// ([CodeDocumentTooLarge]).
	DefaultMaxDocumentBytes = 256 << 20
	// DefaultMaxConnectionsPerIP bounds the connections from one address
	// ([CodeTooManyConnections]). Shelters put many devices behind one address, so it is high;
	// load tests raise it.
	DefaultMaxConnectionsPerIP = 1024
	// DefaultAuthTimeout is how long a connection may take from its opening to a valid [Auth]
	// ([CodeAuthTimeout]).
	DefaultAuthTimeout = 10 * time.Second
	// DefaultMaxClockSkew is how far [Auth.Time] may be from the relay's clock
	// ([CodeAuthFailed]); see [VerifyAuth].
	DefaultMaxClockSkew = 5 * time.Minute
	// DefaultSendQueueFrames bounds the frames queued for one connection; a connection that
	// falls further behind is closed with [CodeSlowConsumer] and resumes from its offsets.
	DefaultSendQueueFrames = 256
)
