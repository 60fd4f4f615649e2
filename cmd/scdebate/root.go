package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "scdebate",
		Short: "Theme-coded evidence from the General Assembly's debate on the Security Council's report",
		Long: `scdebate ingests the verbatim records of the General Assembly's debate on the
Security Council's annual report (and other UN records and letters), codes every
comment by theme, indexes it for search and writes workbooks for the Council's
follow-up discussion.

Every flag can be set from the environment: --max-rows from SCDEBATE_MAX_ROWS,
--workspace from SCDEBATE_WORKSPACE; a flag on the command line wins.`,
		SilenceUsage:               true,
		SilenceErrors:              true,
		SuggestionsMinimumDistance: 2,
		// An unknown command is a mistake in the command line, with the
		// commands it may have meant.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			msg := fmt.Sprintf("unknown command %q", args[0])
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += "; did you mean " + orList(s) + "?"
			}
			return usageError{fmt.Errorf("%s (scdebate --help lists the commands)", msg)}
		},
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return applyEnv(cmd.Flags())
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		// The pipeline, whole and stage by stage.
		newRunCmd(),
		newFetchCmd(),
		newIngestCmd(),
		newParseCmd(),
		newAnalyzeCmd(),
		newIndexCmd(),
		newReportCmd(),
		newExportCmd(),
		// Searching.
		newSearchCmd(),
		newServeCmd(),
		// The experts' reviews and the learned layer.
		newReviewCmd(),
		newTrainCmd(),
		newClassifyCmd(),
		// The workspace and the reference data.
		newRestoreCmd(),
		newThemesCmd(),
		newGroupsCmd(),
		newVersionCmd(),
		// Hidden: the benchmark corpus, and the PDF worker.
		newGenerateCmd(),
		newWorkerCmd(),
	)
	for _, c := range root.Commands() {
		markUsage(c)
	}
	return root
}

// markUsage makes a command's argument errors usage errors, and says in
// each flag's help which variable sets it.
func markUsage(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		}
	}
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name != "help" && !strings.Contains(f.Usage, "(env ") {
			f.Usage += " (env " + envName(f.Name) + ")"
		}
	})
	for _, sub := range c.Commands() {
		markUsage(sub)
	}
}

// envName is the environment variable of a flag: SCDEBATE_ and its name
// in upper case, dashes as underscores.
func envName(flag string) string {
	return "SCDEBATE_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// applyEnv sets every flag not given on the command line from its
// environment variable, when that is set. A list flag of paths
// (--corpus) reads the variable as a list like PATH; a value the flag
// does not accept is a usage error naming the variable.
func applyEnv(flags *pflag.FlagSet) error {
	var err error
	flags.VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed || f.Name == "help" {
			return
		}
		name := envName(f.Name)
		v, ok := os.LookupEnv(name)
		if !ok {
			return
		}
		values := []string{v}
		if f.Value.Type() == "stringArray" {
			values = filepath.SplitList(v)
		}
		for _, x := range values {
			if serr := flags.Set(f.Name, x); serr != nil {
				err = usageError{fmt.Errorf("%s=%q: %w", name, v, serr)}
				return
			}
		}
	})
	return err
}

// orList joins "a", "b" and "c" as "a, b or c".
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// count says n things in the right number: "1 document", "3 documents",
// "1 speech", "2 speeches".
func count(n int, one string) string {
	many := one + "s"
	if strings.HasSuffix(one, "ch") || strings.HasSuffix(one, "sh") || strings.HasSuffix(one, "s") {
		many = one + "es"
	}
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
