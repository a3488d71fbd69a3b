// Package demo is the setup that every program in examples/ shares: a relay on 127.0.0.1 with
// its SQLite store in a temporary directory, the document factory that makes
// [crdt.Biography] replicas, a recorder of client events to wait on, a device (an identity, a
// local store and a client over both) and checks of biography fields. Programs that use it
// print a short account of their scenario and exit 0, or 1 with the reason; see [Main].
//
// It uses only mobio's public packages, so that a program built on it can be copied out of
// the repository.
package demo

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt"
)

// logger shows warnings and errors of relay and clients on stderr; the narrative is on stdout.
var logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

// timeout bounds a whole scenario, so that a program that hangs still ends with a reason.
const timeout = 20 * time.Second

// Main runs the program called name: it starts a relay, prints its address and runs scenario
// against it, all within 20 seconds, then stops the relay. It prints "name: OK" with the time
// taken and returns, or prints "name: FAIL:" with the reason on stderr and exits with status 1.
func Main(name string, scenario func(ctx context.Context, r *Relay) error) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	err := run(ctx, scenario)
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, name+": FAIL:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: OK (%v)\n", name, time.Since(start).Round(time.Millisecond))
}

func run(ctx context.Context, scenario func(ctx context.Context, r *Relay) error) (err error) {
	r, err := StartRelay(ctx)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, r.Stop()) }()
	fmt.Println("relay:      listening on", r.SyncURL)
	return scenario(ctx, r)
}

// NewBiography is the clients' [client.DocFactory]: a biography replica from saved bytes, or
// an empty one that receives its content from the relay. It returns a nil interface, never a
// nil *crdt.Biography inside a non-nil client.Doc, on error.
func NewBiography(data []byte) (client.Doc, error) {
	var (
		b   *crdt.Biography
		err error
	)
	if len(data) == 0 {
		b, err = crdt.Empty()
	} else {
		b, err = crdt.Load(data)
	}
	if err != nil {
		return nil, err
	}
	return b, nil
}

// bio reads the biography inside a client.Doc made by [NewBiography].
func bio(d client.Doc) *crdt.Biography { return d.(*crdt.Biography) }
