package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

func newClassifyCmd() *cobra.Command {
	var themesFile, lang, debate string
	var evidence bool
	cmd := &cobra.Command{
		Use:   "classify",
		Short: "Code passages read from standard input, one per line, with themes",
		Long: `classify reads UTF-8 passages from standard input, one per line, and writes one
JSON object per input line to standard output, in the same order:

  {"text": "...", "language": "en", "debate": "report", "themes": ["veto"],
   "codes": [{"theme": "veto", "source": "rule", "evidence": ["veto"], "score": 0.93}],
   "proposal": "must", ...}

Each line's language is detected unless --lang is given. Invalid UTF-8 is
replaced and an over-long line cut; both are noted in a "warning" field.

Each line is read as a passage of the debate named by --context: "report"
(the default: the Assembly's debate on the Council's report, where "the
report" and "this debate" name the Council's annual report and a passage is
about the Council unless it names another body), "reform", "working-methods",
or "other" (a passage from any other meeting: its theme words count only
when it names the Security Council). A joint debate is named by its debates
joined by commas, the leading one first: "report,reform" reads "the report"
as the annual report and "the negotiations" as those on Council reform.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if lang != "" && !isOfficialLanguage(lang) {
				return usageError{fmt.Errorf("--lang %q: expected one of %v", lang, corpus.Languages)}
			}
			ctx, err := analysis.ParseContext(debate)
			if err != nil {
				return usageError{fmt.Errorf("--context %w", err)}
			}
			tx, err := analysis.LoadTaxonomy(themesFile)
			if err != nil {
				return err
			}
			coder, err := analysis.NewCoder(tx, nil)
			if err != nil {
				return err
			}
			_, err = coder.ClassifyStream(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout(), analysis.StreamOptions{Language: lang, Evidence: evidence, Context: ctx})
			return err
		},
	}
	cmd.Flags().StringVar(&themesFile, "themes", "", "theme file (YAML) to use instead of the built-in taxonomy")
	cmd.Flags().StringVar(&lang, "lang", "", "language of the input (en, fr, es, zh, ar, ru); detected per line when empty")
	cmd.Flags().BoolVar(&evidence, "evidence", false, "add the terms that signalled each theme")
	cmd.Flags().StringVar(&debate, "context", analysis.DefaultDebate, "debate the passages come from: report, reform, working-methods or other, or a joint debate such as report,reform")
	return cmd
}

func isOfficialLanguage(lang string) bool {
	for _, l := range corpus.Languages {
		if l == lang {
			return true
		}
	}
	return false
}
