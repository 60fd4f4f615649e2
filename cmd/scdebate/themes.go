package main

import (
	"fmt"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

func newThemesCmd() *cobra.Command {
	var themesFile string
	var dump bool
	cmd := &cobra.Command{
		Use:   "themes",
		Short: "List the theme taxonomy: id, name and term counts per language",
		Long: `themes lists the taxonomy in use: each theme's id, name and the number of its
terms in each language. With --yaml it prints the built-in theme file, a
starting point for a file of your own (--themes FILE on classify and analyze).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out := cmd.OutOrStdout()
			if dump {
				_, err := out.Write(analysis.DefaultTaxonomyYAML())
				return err
			}
			tx, err := analysis.LoadTaxonomy(themesFile)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprint(tw, "ID\tNAME")
			for _, l := range corpus.Languages {
				fmt.Fprintf(tw, "\t%s", l)
			}
			fmt.Fprintln(tw, "\tREFS")
			for _, t := range tx.Themes {
				counts := t.TermCounts()
				fmt.Fprintf(tw, "%s\t%s", t.ID, t.Name("en"))
				for _, l := range corpus.Languages {
					fmt.Fprintf(tw, "\t%s", strconv.Itoa(counts[l]))
				}
				fmt.Fprintf(tw, "\t%d\n", len(t.References))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(out, "\n%d themes from %s, taxonomy hash %s\n", len(tx.Themes), tx.Source, tx.Hash())
			return nil
		},
	}
	cmd.Flags().StringVar(&themesFile, "themes", "", "theme file (YAML) to use instead of the built-in taxonomy")
	cmd.Flags().BoolVar(&dump, "yaml", false, "print the built-in theme file")
	return cmd
}
