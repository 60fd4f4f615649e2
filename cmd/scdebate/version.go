package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version: the module version and the revision it was built from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bi, _ := debug.ReadBuildInfo()
			fmt.Fprintln(cmd.OutOrStdout(), versionLine(bi))
			return nil
		},
	}
}

// versionLine says which scdebate this is: the module version the Go
// tool stamped (a tag, or a pseudo-version from the commit), the
// version-control revision and time it was built from, whether the
// working tree had changes, and the Go release. A binary built without
// version-control information (go run, -buildvcs=false) says so.
func versionLine(bi *debug.BuildInfo) string {
	if bi == nil {
		return "scdebate: no build information in this binary"
	}
	version := bi.Main.Version
	if version == "" || version == "(devel)" {
		version = "devel"
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	var parts []string
	if rev := settings["vcs.revision"]; rev != "" {
		vcs := "revision " + rev
		if t := settings["vcs.time"]; t != "" {
			vcs += " of " + t
		}
		if settings["vcs.modified"] == "true" {
			vcs += ", with uncommitted changes"
		}
		parts = append(parts, vcs)
	} else {
		parts = append(parts, "built without version-control information (go run, or go build -buildvcs=false)")
	}
	if bi.GoVersion != "" {
		parts = append(parts, bi.GoVersion)
	}
	return "scdebate " + version + " (" + strings.Join(parts, "; ") + ")"
}
