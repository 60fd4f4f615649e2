package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/sample"
)

// newGenerateCmd is the hidden sub-command that writes the benchmark
// corpus: the sample multiplied into as many sessions as asked, written as
// records straight into a workspace, ready for "scdebate run --out DIR".
func newGenerateCmd() *cobra.Command {
	var (
		out  string
		seed int64
		opts sample.Options
	)
	cmd := &cobra.Command{
		Use:    "generate --out DIR",
		Short:  "Write a large generated corpus of sample records for benchmarks",
		Hidden: true,
		Long: `generate multiplies the embedded sample into a corpus of the given size and
writes it as records into DIR/records: a meeting per record, sessions ×
meetings records of the given number of speeches. The same seed and sizes give
the same records, byte for byte. Every record is marked as a sample.`,
		Example: `  scdebate generate --out ./bench --sessions 30 --speeches 200 --seed 1
  scdebate run --out ./bench`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError{errors.New("--out: give the workspace directory")}
			}
			for _, n := range []struct {
				flag string
				v    int
			}{{"sessions", opts.Sessions}, {"meetings", opts.RecordsPerSession}, {"speeches", opts.SpeechesPerRecord}} {
				if n.v < 1 {
					return usageError{fmt.Errorf("--%s: must be at least 1", n.flag)}
				}
			}
			base, err := sample.Records()
			if err != nil {
				return err
			}
			recs, err := sample.Generate(seed, base, opts)
			if err != nil {
				return usageError{err}
			}
			lk, err := lockWorkspace(out, true)
			if err != nil {
				return err
			}
			defer lk.Unlock()
			ws := lk.Workspace()
			prog := newProgress(cmd.ErrOrStderr())
			prog.start("generate")
			defer prog.done()
			total := opts.Sessions * opts.RecordsPerSession
			var records, speeches, paragraphs, textBytes int
			for rec := range recs {
				if err := cmd.Context().Err(); err != nil {
					return err
				}
				if _, err := ws.Records().Put(rec); err != nil {
					return err
				}
				records++
				speeches += len(rec.Speeches)
				for _, sp := range rec.Speeches {
					paragraphs += len(sp.Paragraphs)
					for _, p := range sp.Paragraphs {
						textBytes += len(p.Text)
					}
				}
				prog.set(records, total, "")
			}
			prog.done()
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %d records to %s: %d speeches, %d paragraphs, %.1f MB of text\n",
				records, ws.Path(corpus.RecordsDir), speeches, paragraphs, float64(textBytes)/1e6)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&out, "out", "", "workspace directory to write the records into (env SCDEBATE_OUT)")
	f.Int64Var(&seed, "seed", 1, "seed of the generator: the same seed gives the same corpus")
	f.IntVar(&opts.Sessions, "sessions", 30, "General Assembly sessions")
	f.IntVar(&opts.FirstSession, "first-session", 0, "number of the first session (0: the last one is the seventy-eighth)")
	f.IntVar(&opts.RecordsPerSession, "meetings", 6, "meetings of the debate in each session")
	f.IntVar(&opts.SpeechesPerRecord, "speeches", 200, "floor turns in each meeting")
	f.StringVar(&opts.Language, "language", "en", "language of the generated records (en or zh)")
	return cmd
}
