package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/analysis"
)

func newGroupsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "groups",
		Short: "List the groups states speak for: the IDs the --group filters take",
		Long: `groups lists the groups that speak jointly in the debate: each group's ID (what
--group takes on search, report and export, and the search page's group facet
shows), its name, the number of members recorded at the latest date, and the
names records print for it in English.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			gs, err := analysis.DefaultGroups()
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tMEMBERS\tPRINTED AS")
			for _, g := range gs.Groups {
				members := "not recorded"
				if n := len(g.MembersAt("")); n > 0 {
					members = fmt.Sprint(n)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", g.ID, g.Name, members, strings.Join(g.Aliases["en"], "; "))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(out, "\n%s; a filter takes an ID or a name in any of the six languages\n", count(len(gs.Groups), "group"))
			return nil
		},
	}
}
