package syncserver

import (
	"errors"
	"fmt"
	"time"

	"github.com/mobio-sync/mobio/protocol"
)

// ErrInvalidConfig is wrapped, with the field's name, by [Limits.Validate].
var ErrInvalidConfig = errors.New("invalid relay configuration")

// Defaults of the limits that only the relay has; the others are protocol's Default* values.
const (
	DefaultMaxBlobBytes      = 100 << 20
	DefaultSnapshotRetention = 30 * 24 * time.Hour
	DefaultPingInterval      = 30 * time.Second
	DefaultPingTimeout       = 15 * time.Second

	// DefaultMaxPackagesPerDoc bounds the packages of one document on the relay at once.
	DefaultMaxPackagesPerDoc = 100
	// DefaultPackageWritesPerSecond and DefaultPackageWriteBurst rate-limit the creations and
	// withdrawals of one document's packages: each is a person's deliberate act.
	DefaultPackageWritesPerSecond = 1
	DefaultPackageWriteBurst      = 20
)

// Limits bound what one client can make the relay do. Each refusal is answered with an error
// frame that names the limit.
type Limits struct {
	MaxFrameBytes      int           // largest WebSocket message accepted
	MaxDocsPerConn     int           // documents one connection may subscribe to
	PushesPerSecond    float64       // sustained pushes per connection
	PushBurst          int           // pushes allowed at once
	EphemeralPerSecond float64       // presence messages per connection
	EphemeralBurst     int           // presence messages allowed at once
	MaxDocBytes        int64         // bytes stored per document
	MaxConnsPerIP      int           // concurrent connections from one IP address
	AuthTimeout        time.Duration // time to authenticate after connecting
	SendQueue          int           // frames queued for a connection before it is dropped as slow
	MaxBlobBytes       int64         // size of one attachment
	// SnapshotRetention is how long entries covered by a newer snapshot are kept before
	// compaction may drop them, so that replicas a little behind still catch up entry by entry.
	SnapshotRetention time.Duration
	// PingInterval is the time between two WebSocket pings of an authenticated connection,
	// and PingTimeout how long the relay waits for the pong: a peer that does not answer (a
	// vanished phone, a half-open TCP connection) is closed and its resources freed.
	PingInterval time.Duration
	PingTimeout  time.Duration
	// MaxPackageBytes bounds one disclosure package's ciphertext, MaxPackageLifetime how far
	// ahead its expiry may lie, and MaxPackagesPerDoc how many packages of one document the
	// relay keeps at once. PackageWritesPerSecond and PackageWriteBurst rate-limit the
	// creations and withdrawals of one document's packages.
	MaxPackageBytes        int64
	MaxPackageLifetime     time.Duration
	MaxPackagesPerDoc      int
	PackageWritesPerSecond float64
	PackageWriteBurst      int
}

// DefaultLimits returns the default limits.
func DefaultLimits() Limits {
	return Limits{
		MaxFrameBytes:      protocol.DefaultMaxFrameBytes,
		MaxDocsPerConn:     protocol.DefaultMaxDocumentsPerConn,
		PushesPerSecond:    protocol.DefaultPushesPerSecond,
		PushBurst:          protocol.DefaultPushBurst,
		EphemeralPerSecond: protocol.DefaultEphemeralPerSecond,
		EphemeralBurst:     protocol.DefaultEphemeralBurst,
		MaxDocBytes:        protocol.DefaultMaxDocumentBytes,
		MaxConnsPerIP:      protocol.DefaultMaxConnectionsPerIP,
		AuthTimeout:        protocol.DefaultAuthTimeout,
		SendQueue:          protocol.DefaultSendQueueFrames,
		MaxBlobBytes:       DefaultMaxBlobBytes,
		SnapshotRetention:  DefaultSnapshotRetention,
		PingInterval:       DefaultPingInterval,
		PingTimeout:        DefaultPingTimeout,

		MaxPackageBytes:        protocol.DefaultMaxPackageBytes,
		MaxPackageLifetime:     protocol.DefaultMaxPackageLifetime,
		MaxPackagesPerDoc:      DefaultMaxPackagesPerDoc,
		PackageWritesPerSecond: DefaultPackageWritesPerSecond,
		PackageWriteBurst:      DefaultPackageWriteBurst,
	}
}

// Validate reports the first limit that cannot work, wrapping ErrInvalidConfig.
func (l Limits) Validate() error {
	checks := []struct {
		field string
		ok    bool
	}{
		{"MaxFrameBytes", l.MaxFrameBytes >= 4<<10},
		{"MaxDocsPerConn", l.MaxDocsPerConn >= 1},
		{"PushesPerSecond", l.PushesPerSecond > 0},
		{"PushBurst", l.PushBurst >= 1},
		{"EphemeralPerSecond", l.EphemeralPerSecond > 0},
		{"EphemeralBurst", l.EphemeralBurst >= 1},
		{"MaxDocBytes", l.MaxDocBytes >= int64(l.MaxFrameBytes)},
		{"MaxConnsPerIP", l.MaxConnsPerIP >= 1},
		{"AuthTimeout", l.AuthTimeout > 0},
		{"SendQueue", l.SendQueue >= 1},
		{"MaxBlobBytes", l.MaxBlobBytes >= 0},
		{"SnapshotRetention", l.SnapshotRetention >= 0},
		{"PingInterval", l.PingInterval > 0},
		{"PingTimeout", l.PingTimeout > 0},
		{"MaxPackageBytes", l.MaxPackageBytes >= 1},
		{"MaxPackageLifetime", l.MaxPackageLifetime > 0},
		{"MaxPackagesPerDoc", l.MaxPackagesPerDoc >= 1},
		{"PackageWritesPerSecond", l.PackageWritesPerSecond > 0},
		{"PackageWriteBurst", l.PackageWriteBurst >= 1},
	}
	for _, c := range checks {
		if !c.ok {
			return fmt.Errorf("%w: %s out of range", ErrInvalidConfig, c.field)
		}
	}
	return nil
}
