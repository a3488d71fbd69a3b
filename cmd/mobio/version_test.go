package main

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/crdt/schema"
)

func TestVersion(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{name: "version prints mobio and Go versions", args: []string{"version"},
			want: []string{"mobio v0.0.0-test", runtime.Version()}},
		{name: "--version flag prints the version", args: []string{"--version"}, want: []string{"mobio version v0.0.0-test"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := mobio(t, nil, tt.args...)
			checkErr(t, tt.args, err, "")
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("mobio %s = %q, want it to contain %q", strings.Join(tt.args, " "), out, w)
				}
			}
		})
	}
}

func TestVersionJSON(t *testing.T) {
	out, _, err := mobio(t, nil, "version", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var got versionInfo
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("mobio version --json printed invalid JSON %q: %v", out, err)
	}
	want := versionInfo{Version: "v0.0.0-test", Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH, Schema: schema.Version}
	if got != want {
		t.Errorf("mobio version --json = %+v, want %+v", got, want)
	}
}

func TestBuildVersion(t *testing.T) {
	if got := buildVersion("v1.2.3"); got != "v1.2.3" {
		t.Errorf("buildVersion(v1.2.3) = %q, want v1.2.3", got)
	}
	if got := buildVersion("dev"); got == "" {
		t.Errorf(`buildVersion("dev") = "", want a version`)
	}
}
