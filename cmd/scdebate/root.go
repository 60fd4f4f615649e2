package main

import (
	"os"

	"github.com/spf13/cobra"
)

// commands lists the sub-command constructors; each command file adds its
// own in an init function.
var commands []func() *cobra.Command

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "scdebate",
		Short: "Theme-coded evidence from the General Assembly's debate on the Security Council's report",
		Long: `scdebate ingests the verbatim records of the General Assembly's debate on the
Security Council's annual report (and other UN records and letters), codes every
comment by theme, indexes it for search and writes workbooks for the Council's
follow-up discussion.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	for _, c := range commands {
		root.AddCommand(c())
	}
	return root
}

// envDefault returns the value of the environment variable SCDEBATE_<name>,
// or def when it is unset, so that every flag can default from the
// environment.
func envDefault(name, def string) string {
	if v, ok := os.LookupEnv("SCDEBATE_" + name); ok {
		return v
	}
	return def
}
