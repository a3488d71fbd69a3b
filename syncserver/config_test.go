package syncserver

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestLimitsValidate(t *testing.T) {
	if err := DefaultLimits().Validate(); err != nil {
		t.Fatalf("default limits invalid: %v", err)
	}
	tests := []struct {
		name   string
		change func(*Limits)
		field  string
	}{
		{"frames too small to carry an envelope", func(l *Limits) { l.MaxFrameBytes = 100 }, "MaxFrameBytes"},
		{"no documents per connection", func(l *Limits) { l.MaxDocsPerConn = 0 }, "MaxDocsPerConn"},
		{"no pushes", func(l *Limits) { l.PushesPerSecond = 0 }, "PushesPerSecond"},
		{"document smaller than a frame", func(l *Limits) { l.MaxDocBytes = 10 }, "MaxDocBytes"},
		{"no authentication time", func(l *Limits) { l.AuthTimeout = 0 }, "AuthTimeout"},
		{"no send queue", func(l *Limits) { l.SendQueue = 0 }, "SendQueue"},
		{"no ping interval", func(l *Limits) { l.PingInterval = 0 }, "PingInterval"},
		{"negative ping timeout", func(l *Limits) { l.PingTimeout = -time.Second }, "PingTimeout"},
		{"no package bytes", func(l *Limits) { l.MaxPackageBytes = 0 }, "MaxPackageBytes"},
		{"negative package lifetime", func(l *Limits) { l.MaxPackageLifetime = -time.Hour }, "MaxPackageLifetime"},
		{"no package writes", func(l *Limits) { l.PackageWritesPerSecond = 0 }, "PackageWritesPerSecond"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := DefaultLimits()
			tt.change(&l)
			err := l.Validate()
			if !errors.Is(err, ErrInvalidConfig) || !strings.Contains(err.Error(), tt.field) {
				t.Errorf("Validate() = %v, want ErrInvalidConfig naming %s", err, tt.field)
			}
		})
	}
}
