package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/spf13/cobra"
)

// versionInfo is what `mobio version --json` prints.
type versionInfo struct {
	Version string `json:"version"` // of mobio
	Go      string `json:"go"`      // the Go release that built the binary
	OS      string `json:"os"`
	Arch    string `json:"arch"`
	Schema  int    `json:"schema"` // the biography schema version new documents are written with
}

func newVersionCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version of mobio, of Go and of the biography schema",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v := versionInfo{
				Version: a.Version,
				Go:      runtime.Version(),
				OS:      runtime.GOOS,
				Arch:    runtime.GOARCH,
				Schema:  schema.Version,
			}
			if asJSON {
				return writeJSON(a.Stdout, v)
			}
			_, err := fmt.Fprintf(a.Stdout, "mobio %s (%s %s/%s, schema %d)\n", v.Version, v.Go, v.OS, v.Arch, v.Schema)
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// buildVersion returns v, or for a "dev" build installed with `go install …@version` the
// module version recorded in the binary.
func buildVersion(v string) string {
	if v != "dev" {
		return v
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return v
}
