package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/index/web"
)

func init() { commands = append(commands, newServeCmd) }

func newServeCmd() *cobra.Command {
	var workspace, addr string
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
			if st, err := os.Stat(workspace); err != nil || !st.IsDir() {
				return usageError{fmt.Errorf("workspace %s is not a directory", workspace)}
			}
			ix, err := index.Open(&corpus.Workspace{Dir: workspace})
			if err != nil {
				return err
			}
			defer ix.Close()
			srv, err := web.New(ix, web.Options{
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
			err = web.Serve(cmd.Context(), ln, srv.Handler(), 10*time.Second)
			if err != nil {
				return err
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&workspace, "workspace", envDefault("WORKSPACE", "."), "workspace directory (env SCDEBATE_WORKSPACE)")
	f.StringVar(&addr, "addr", envDefault("ADDR", "127.0.0.1:8080"), "address to listen on (env SCDEBATE_ADDR)")
	return cmd
}
