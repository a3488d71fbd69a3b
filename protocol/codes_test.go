package protocol_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

func TestErrorOf(t *testing.T) {
	rateLimited := &protocol.Error{Code: protocol.CodeRateLimited, Message: "slow down", Doc: testDoc}
	tests := []struct {
		name        string
		err         error
		wantCode    protocol.Code
		wantMessage string // "" to skip
	}{
		{"nil is no error", nil, 0, ""},
		{"a wrapped protocol error keeps its code, message and document", fmt.Errorf("push: %w", rateLimited), protocol.CodeRateLimited, "slow down"},
		{"non-member", fmt.Errorf("verify: %w", e2ee.ErrNotMember), protocol.CodeNotMember, ""},
		{"never a member", e2ee.ErrUnknownAuthor, protocol.CodeNotMember, ""},
		{"bad signature", fmt.Errorf("verify: %w", e2ee.ErrBadSignature), protocol.CodeBadSignature, ""},
		{"stale head tells the client to rebase", fmt.Errorf("append: %w", e2ee.ErrStaleHead), protocol.CodeStaleHead, ""},
		{"wrong epoch", e2ee.ErrWrongEpoch, protocol.CodeWrongEpoch, ""},
		{"role not allowed", e2ee.ErrNotAllowed, protocol.CodeNotAllowed, ""},
		{"redeemed invite is an invalid invite, not a role problem", e2ee.ErrInviteRedeemed, protocol.CodeInviteInvalid, ""},
		{"expired invite", fmt.Errorf("append: %w", e2ee.ErrInviteExpired), protocol.CodeInviteInvalid, ""},
		{"void invite", e2ee.ErrInviteVoid, protocol.CodeInviteInvalid, ""},
		{"fork is a replayed sequence number", e2ee.ErrFork, protocol.CodeReplay, ""},
		{"gap", e2ee.ErrGap, protocol.CodeSequenceGap, ""},
		{"malformed", fmt.Errorf("%w: header", e2ee.ErrMalformed), protocol.CodeMalformed, ""},
		{"unsupported envelope version", e2ee.ErrUnsupported, protocol.CodeUnsupported, ""},
		{"old protocol version", fmt.Errorf("%w: 0", protocol.ErrTooOldVersion), protocol.CodeUnsupported, ""},
		{"anything else is internal, without its details", errors.New("disk full at /var/lib/mobio"), protocol.CodeInternal, "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := protocol.ErrorOf(tt.err)
			if got.Code != tt.wantCode {
				t.Errorf("ErrorOf(%v).Code = %s, want %s", tt.err, got.Code, tt.wantCode)
			}
			if protocol.CodeOf(tt.err) != got.Code {
				t.Errorf("CodeOf(%v) = %s, want %s", tt.err, protocol.CodeOf(tt.err), got.Code)
			}
			if tt.wantMessage != "" && got.Message != tt.wantMessage {
				t.Errorf("ErrorOf(%v).Message = %q, want %q", tt.err, got.Message, tt.wantMessage)
			}
			if tt.err != nil && tt.err.Error() != got.Message && strings.Contains(got.Message, "e2ee:") {
				t.Errorf("ErrorOf(%v).Message = %q repeats the error's text", tt.err, got.Message)
			}
			if tt.err != nil {
				if _, err := protocol.Encode(got); err != nil {
					t.Errorf("Encode(ErrorOf(%v)) = %v, want a frame that encodes", tt.err, err)
				}
			}
		})
	}
	got := protocol.ErrorOf(rateLimited)
	got.ReqID = 7
	if rateLimited.ReqID != 0 {
		t.Error("changing the result of ErrorOf changed the original error")
	}
}

func TestCodeNamesAreStableAndDistinct(t *testing.T) {
	seen := map[string]protocol.Code{}
	n := 0
	for c := protocol.Code(1); c.Known(); c++ {
		n++
		name := c.String()
		if strings.HasPrefix(name, "code(") || strings.ContainsAny(name, " -") {
			t.Errorf("Code(%d).String() = %q, want a snake_case name", uint16(c), name)
		}
		if other, dup := seen[name]; dup {
			t.Errorf("codes %d and %d are both named %q", other, c, name)
		}
		seen[name] = c
	}
	if n != int(protocol.CodeShuttingDown) {
		t.Errorf("%d known codes, want %d (every code up to CodeShuttingDown)", n, protocol.CodeShuttingDown)
	}
	// Pin a few numbers: codes never move.
	for c, want := range map[protocol.Code]uint16{protocol.CodeInternal: 1, protocol.CodeNotMember: 8, protocol.CodeStaleHead: 14, protocol.CodeShuttingDown: 23} {
		if uint16(c) != want {
			t.Errorf("%s = %d, want %d", c, uint16(c), want)
		}
	}
	if got := protocol.Code(999).String(); got != "code(999)" {
		t.Errorf("Code(999).String() = %q, want code(999)", got)
	}
}

func TestEndsConnection(t *testing.T) {
	for c, want := range map[protocol.Code]bool{
		protocol.CodeSlowConsumer:  true,
		protocol.CodeShuttingDown:  true,
		protocol.CodeFrameTooLarge: true,
		protocol.CodeNotMember:     false,
		protocol.CodeRateLimited:   false,
		protocol.CodeStaleHead:     false,
		protocol.CodeMalformed:     false,
	} {
		if got := c.EndsConnection(); got != want {
			t.Errorf("%s.EndsConnection() = %v, want %v", c, got, want)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	e := &protocol.Error{Code: protocol.CodeErased, Message: "the owner erased it", Doc: testDoc}
	want := "protocol: erased: the owner erased it (document " + testDoc.String() + ")"
	if got := e.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestNegotiate(t *testing.T) {
	tests := []struct {
		name   string
		client uint
		want   uint
		err    error
	}{
		{"same version", protocol.Version, protocol.Version, nil},
		{"newer client speaks the relay's version", protocol.Version + 5, protocol.Version, nil},
		{"version 0 is unknown", 0, 0, protocol.ErrUnknownVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := protocol.Negotiate(tt.client)
			if got != tt.want || !errors.Is(err, tt.err) {
				t.Errorf("Negotiate(%d) = %d, %v, want %d, %v", tt.client, got, err, tt.want, tt.err)
			}
			if err != nil && protocol.CodeOf(err) != protocol.CodeUnsupported {
				t.Errorf("CodeOf(Negotiate(%d)) = %s, want %s", tt.client, protocol.CodeOf(err), protocol.CodeUnsupported)
			}
		})
	}
}

func TestCheckVersion(t *testing.T) {
	tests := []struct {
		name       string
		v, offered uint
		wantErr    error
	}{
		{"relay answers with the offered version", protocol.Version, protocol.Version, nil},
		{"relay answers with a version never offered", protocol.Version, protocol.Version - 1, protocol.ErrUnknownVersion},
		{"relay answers with a newer version", protocol.Version + 1, protocol.Version + 1, protocol.ErrUnknownVersion},
		{"relay answers with version 0", 0, protocol.Version, protocol.ErrUnknownVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := protocol.CheckVersion(tt.v, tt.offered); !errors.Is(err, tt.wantErr) {
				t.Errorf("CheckVersion(%d, %d) = %v, want %v", tt.v, tt.offered, err, tt.wantErr)
			}
		})
	}
}
