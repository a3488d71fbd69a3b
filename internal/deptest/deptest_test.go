package deptest

import (
	"fmt"
	"strings"
	"testing"
)

// recorder is a testing.TB that collects failures instead of failing the test.
type recorder struct {
	testing.TB
	errors []string
	fatal  string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) { r.fatal = fmt.Sprintf(format, args...) }

const self = "github.com/mobio-sync/mobio/internal/deptest"

func TestForbid(t *testing.T) {
	tests := []struct {
		name      string
		pkg       string
		forbidden map[string]string
		want      []string // substrings of the one failure expected per entry, in order
	}{
		{
			name:      "packages not imported pass",
			pkg:       self,
			forbidden: map[string]string{"net/http": "no I/O", "database/sql": "no storage"},
		},
		{
			name:      "the package itself does not count",
			pkg:       self,
			forbidden: map[string]string{self: "self", "github.com/mobio-sync/mobio/...": "nothing of mobio"},
		},
		{
			name:      "a direct import fails naming the reason",
			pkg:       self,
			forbidden: map[string]string{"os/exec": "no subprocesses", "net/http": "no I/O"},
			want:      []string{self + " imports os/exec: no subprocesses (" + self + " → os/exec)"},
		},
		{
			name:      "an indirect import fails naming the chain",
			pkg:       self,
			forbidden: map[string]string{"syscall": "no system calls"},
			want:      []string{self + " imports syscall: no system calls (" + self + " → "},
		},
		{
			name:      "a pattern forbids a whole tree",
			pkg:       self,
			forbidden: map[string]string{"encoding/...": "no encodings"},
			want:      []string{"imports encoding/json: no encodings"},
		},
		{
			name:      "a relative package path is reported by import path",
			pkg:       ".",
			forbidden: map[string]string{"os/exec": "no subprocesses"},
			want:      []string{self + " imports os/exec"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{TB: t}
			Forbid(r, tt.pkg, tt.forbidden)
			if r.fatal != "" {
				t.Fatalf("Forbid(%q) stopped: %s", tt.pkg, r.fatal)
			}
			if len(r.errors) < len(tt.want) || (len(tt.want) == 0 && len(r.errors) > 0) {
				t.Fatalf("Forbid(%q, %v) reported %q, want %d failure(s) containing %q", tt.pkg, tt.forbidden, r.errors, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.Contains(r.errors[i], w) {
					t.Errorf("failure %d = %q, want it to contain %q", i, r.errors[i], w)
				}
			}
		})
	}
}

func TestForbidUnknownPackageStops(t *testing.T) {
	r := &recorder{TB: t}
	Forbid(r, "github.com/mobio-sync/mobio/no/such/package", map[string]string{"net": "x"})
	if r.fatal == "" || !strings.Contains(r.fatal, "go list") {
		t.Errorf("Forbid of an unknown package: fatal = %q, want a go list failure", r.fatal)
	}
	if len(r.errors) > 0 {
		t.Errorf("Forbid of an unknown package reported %q, want no import failures", r.errors)
	}
}
