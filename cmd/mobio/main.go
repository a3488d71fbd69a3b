// Command mobio is mobio's one binary: the relay (mobio serve) and its administration
// (mobio admin); the device's identity, biographies, sharing, sync and attachments (mobio id,
// bio, share, sync, attach); the biography's schema catalogue and the version.
//
// Flags, MOBIO_* environment variables and configuration are read here and nowhere else.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time: go build -ldflags "-X main.version=v1.2.3" (see the Makefile).
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	a := &app{
		Stdin:   os.Stdin,
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Getenv:  os.Getenv,
		Version: buildVersion(version),
	}
	code := a.run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}
