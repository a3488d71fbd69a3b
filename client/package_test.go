package client_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// A member stores a package; anyone fetches it by its ID from the relay's WebSocket URL or
// its HTTP base, byte for byte; after the withdrawal nobody can.
func TestPackagePutFetchWithdraw(t *testing.T) {
	relay := newRelay(t)
	owner := newPeer(t, "newcomer", relay.SyncURL)
	doc := owner.create()
	owner.sync()
	ctx := context.Background()
	ciphertext := make([]byte, 200<<10+3)
	rand.Read(ciphertext)
	id := client.NewPackageID()
	expires := time.Now().Add(30 * 24 * time.Hour)

	if err := owner.c.PutPackage(ctx, doc, id, ciphertext, expires); err != nil {
		t.Fatalf("PutPackage = %v", err)
	}
	if err := owner.c.PutPackage(ctx, doc, id, ciphertext, expires); err != nil {
		t.Errorf("PutPackage of the same bytes again = %v, want nil", err)
	}
	for _, base := range []string{relay.SyncURL, relay.URL, relay.URL + "/"} {
		got, err := client.FetchPackage(ctx, nil, base, id)
		if err != nil || !bytes.Equal(got, ciphertext) {
			t.Errorf("FetchPackage(%s) = %d bytes, %v; want the %d stored", base, len(got), err, len(ciphertext))
		}
	}
	if err := owner.c.PutPackage(ctx, doc, id, ciphertext[:100], expires); !errors.Is(err, client.ErrPackageTaken) {
		t.Errorf("PutPackage of other bytes under the ID = %v, want ErrPackageTaken", err)
	}

	if err := owner.c.WithdrawPackage(ctx, doc, id); err != nil {
		t.Fatalf("WithdrawPackage = %v", err)
	}
	if _, err := client.FetchPackage(ctx, http.DefaultClient, relay.SyncURL, id); !errors.Is(err, client.ErrNoSuchPackage) {
		t.Errorf("FetchPackage after the withdrawal = %v, want ErrNoSuchPackage", err)
	}
	if err := owner.c.WithdrawPackage(ctx, doc, client.NewPackageID()); !errors.Is(err, client.ErrNoSuchPackage) {
		t.Errorf("WithdrawPackage of an unknown ID = %v, want ErrNoSuchPackage", err)
	}
}

// The relay's refusals reach the caller with their code and message.
func TestPackageRefusalsCarryTheRelaysCode(t *testing.T) {
	relay := newRelay(t)
	owner, counsellor, doc := shared(t, relay.SyncURL)
	viewer := newPeer(t, "viewer", relay.SyncURL)
	join(t, owner, viewer, doc, e2ee.RoleViewer)
	ctx := context.Background()
	expires := time.Now().Add(time.Hour)

	if err := counsellor.c.PutPackage(ctx, doc, client.NewPackageID(), []byte("sealed"), expires); err != nil {
		t.Errorf("PutPackage by a counsellor = %v, want nil", err)
	}
	tests := []struct {
		name string
		err  error
		code protocol.Code
	}{
		{"viewer", viewer.c.PutPackage(ctx, doc, client.NewPackageID(), []byte("sealed"), expires), protocol.CodeNotAllowed},
		{"expiry beyond the relay's limit", owner.c.PutPackage(ctx, doc, client.NewPackageID(), []byte("sealed"), time.Now().Add(100*24*time.Hour)), protocol.CodeMalformed},
		{"too large", owner.c.PutPackage(ctx, doc, client.NewPackageID(), make([]byte, protocol.DefaultMaxPackageBytes+1), expires), protocol.CodeFrameTooLarge},
	}
	for _, tt := range tests {
		var pe *protocol.Error
		if !errors.As(tt.err, &pe) || pe.Code != tt.code || pe.Message == "" {
			t.Errorf("%s: %v, want a *protocol.Error with code %v and a message", tt.name, tt.err, tt.code)
		}
	}
}

func TestPackageIDText(t *testing.T) {
	id := client.NewPackageID()
	s := id.String()
	if len(s) != 22 {
		t.Errorf("String() = %q, want 22 characters", s)
	}
	if back, err := client.ParsePackageID(s); err != nil || back != id {
		t.Errorf("ParsePackageID(%q) = %v, %v; want %v", s, back, err, id)
	}
	if _, err := client.ParsePackageID(s + "x"); err == nil {
		t.Error("ParsePackageID accepted a longer text")
	}
}

func TestFetchPackageRefusesOtherURLs(t *testing.T) {
	for _, u := range []string{"ftp://relay.example", "relay.example", "http://"} {
		if _, err := client.FetchPackage(context.Background(), nil, u, client.NewPackageID()); err == nil || errors.Is(err, client.ErrOffline) {
			t.Errorf("FetchPackage(%q) = %v, want an error about the URL", u, err)
		}
	}
}
