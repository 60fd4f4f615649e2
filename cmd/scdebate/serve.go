package main

import (
	"fmt"
	"net"
	"net/http"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/index/web"
	"github.com/scdebate/scdebate/reports"
)

func newServeCmd() *cobra.Command {
	var workspace, addr, themesFile string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the search page and the JSON API",
		Long: `serve answers searches over the workspace's index in a browser (/), per state
(/state/NZL) and as JSON (/api/search). It only reads the workspace and binds
to the loopback interface unless --addr says otherwise. A new index built by
"scdebate index" is picked up without a restart. SIGTERM or Ctrl-C stops it
gracefully.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ws, err := corpus.ExistingWorkspace(workspace)
			if err != nil {
				return err
			}
			ix, err := index.Open(ws)
			if err != nil {
				return err
			}
			defer ix.Close()
			tx, err := analysis.LoadTaxonomy(themesFile)
			if err != nil {
				return usageError{err}
			}
			groups, err := analysis.DefaultGroups()
			if err != nil {
				return err
			}
			srv, err := web.New(ix, web.Options{
				Workbook: reports.SearchWorkbook(ws),
				ThemeName: func(id string) string {
					if t, ok := tx.Theme(id); ok {
						return t.Name("en")
					}
					return id
				},
				GroupName: func(id string) string {
					if g, ok := groups.Group(id); ok && g.Name != "" {
						return g.Name
					}
					return id
				},
				Vocabulary: web.Vocabulary{Taxonomy: tx, Groups: groups},
				OnError: func(r *http.Request, err error) {
					fmt.Fprintf(cmd.ErrOrStderr(), "scdebate: %s %s: %v\n", r.Method, r.URL.Path, err)
				},
			})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usageError{fmt.Errorf("listen on %s: %w", addr, err)}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "serving %s on http://%s/\n", workspace, ln.Addr())
			if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
				fmt.Fprintf(cmd.ErrOrStderr(), "scdebate: warning: %s is reachable from other machines; the server has no authentication\n", ln.Addr())
			}
			err = web.Serve(cmd.Context(), ln, srv.Handler(), web.ShutdownGrace)
			if err != nil {
				return err
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&workspace, "workspace", corpus.DefaultWorkspace, "workspace directory (env SCDEBATE_WORKSPACE)")
	f.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (env SCDEBATE_ADDR)")
	f.StringVar(&themesFile, "themes", "", "theme file (YAML) whose theme names the pages show, instead of the built-in taxonomy (env SCDEBATE_THEMES)")
	return cmd
}
