package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/index/web"
)

func newSearchCmd() *cobra.Command {
	var (
		workspace string
		req       index.Request
		sessions  []string
		asJSON    bool
		noSamples bool
	)
	cmd := &cobra.Command{
		Use:   "search [flags] QUERY...",
		Short: "Search the indexed statements",
		Long: `search finds passages in the workspace's index. All words must appear; OR,
NOT (or -word), "quoted phrases", prefix* and word~ (near spellings) are
understood. Filters narrow the search; values of one filter are alternatives.`,
		Example: `  scdebate search --workspace ./ws "penholdership" --country NZL --theme burden-sharing --session 75-79
  scdebate search --workspace ./ws '"wrap-up sessions" OR "programme of work"' --sort date --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			req.Query = strings.Join(args, " ")
			for _, s := range sessions {
				r, err := index.ParseSessionRange(s)
				if err != nil {
					return usageError{err}
				}
				req.Sessions = append(req.Sessions, r)
			}
			req.ExcludeSamples = noSamples
			req.Facets = asJSON
			req.Highlight = true
			if err := req.Validate(); err != nil {
				return usageError{err}
			}
			ws, err := corpus.ExistingWorkspace(workspace)
			if err != nil {
				return err
			}
			ix, err := index.Open(ws)
			if err != nil {
				return err
			}
			defer ix.Close()
			if err := web.ResolveFilters(cmd.Context(), ix, &req, web.Vocabulary{}); err != nil {
				return err
			}
			res, err := ix.Search(cmd.Context(), &req)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(web.NewSearchResponse(res))
			}
			bold := false
			if f, ok := out.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
				bold = true
			}
			printHits(out, res, &req, bold)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&workspace, "workspace", corpus.DefaultWorkspace, "workspace directory (env SCDEBATE_WORKSPACE)")
	f.StringSliceVar(&req.Countries, "country", nil, "state speaking in its own voice (a code such as NZL, or its name in any official language), repeatable")
	f.StringSliceVar(&req.Voices, "voice", nil, "state speaking in its own voice or through a group it belongs to")
	f.StringSliceVar(&req.Themes, "theme", nil, "theme ID or name (scdebate themes lists them), repeatable")
	f.StringSliceVar(&req.Groups, "group", nil, "group spoken for, by ID or name (scdebate groups lists them), repeatable")
	f.StringSliceVar(&req.Languages, "lang", nil, "language (en, fr, es, ru, ar, zh), repeatable")
	f.StringSliceVar(&req.Agenda, "agenda", nil, "debate of the record: report (the debate on the Council's report, joint or not), reform, working-methods or other, repeatable")
	f.StringSliceVar(&req.Symbols, "symbol", nil, "document symbol, repeatable")
	f.StringSliceVar(&req.Kinds, "kind", nil, "record kind (verbatim-record, letter)")
	f.StringSliceVar(&sessions, "session", nil, "session or range: 75, 75-79, 75-, -79")
	f.StringVar(&req.DateFrom, "from-date", "", "earliest record date (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.StringVar(&req.DateTo, "to-date", "", "latest record date")
	f.BoolVar(&req.Proposals, "proposals", false, "only passages that make a proposal")
	f.BoolVar(&noSamples, "no-samples", false, "leave out the illustrative sample records")
	f.BoolVar(&req.Fuzzy, "fuzzy", false, "let words match near spellings")
	f.StringVar(&req.Sort, "sort", "", "relevance, date (newest first) or date-asc")
	f.IntVar(&req.From, "from", 0, "skip this many hits")
	f.IntVar(&req.Size, "size", 20, fmt.Sprintf("hits to show (at most %d)", index.MaxPageSize))
	f.BoolVar(&asJSON, "json", false, "print the result as JSON (the /api/search format)")
	return cmd
}

// printHits prints a readable table: citation, date, state, speaker and
// the best fragment.
func printHits(w io.Writer, res *index.Result, req *index.Request, bold bool) {
	if res.Total == 0 {
		fmt.Fprintln(w, "no passages found")
		return
	}
	if len(res.Hits) == 0 {
		if req.From > 0 && uint64(req.From) >= res.Total {
			fmt.Fprintf(w, "%s match; --from %d is past the last of them (--from 0 to %d shows them)\n", count(int(res.Total), "passage"), req.From, res.Total-1)
		} else {
			fmt.Fprintf(w, "%s match\n", count(int(res.Total), "passage"))
		}
		return
	}
	before, after := "«", "»"
	if bold {
		before, after = "\x1b[1m", "\x1b[0m"
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CITATION\tDATE\tSTATE\tSPEAKER\tPASSAGE")
	for _, h := range res.Hits {
		frag := h.Fragment.Plain(before, after)
		if frag == "" {
			frag = clip(h.Text, 160)
		}
		frag = strings.Join(strings.Fields(frag), " ")
		cite := h.Citation()
		if h.Sample {
			cite += " [sample]"
		}
		if len(h.Agenda) > 0 && !h.DebateOnReport() {
			cite += " [not the debate on the report: " + strings.Join(h.Agenda, ", ") + "]"
		}
		state := h.CountryCode()
		if state == "" {
			state = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", cite, h.Date, state, clip(h.Speaker, 30), frag)
	}
	tw.Flush()
	last := req.From + len(res.Hits)
	fmt.Fprintf(w, "%d–%d of %s (%s)\n", req.From+1, last, count(int(res.Total), "passage"), res.Took.Round(1000))
	fmt.Fprintln(w, citationLegend)
}

// citationLegend says what a citation's numbers count.
const citationLegend = "p. is the page of the record where the passage starts; para. counts the paragraphs of the speaker's statement (or of the letter) from 1."

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
