package analysis

import (
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/sample"
)

// benchCorpus builds records from the evaluation passages, grouped by
// language, ten paragraphs to a speech and ten speeches to a record, until
// each language has about 100 KB of text. It returns the records and their
// text size.
func benchCorpus(b *testing.B) ([]*corpus.Record, int) {
	b.Helper()
	byLang := map[string][]string{}
	for _, name := range []string{"dev.yaml", "heldout.yaml"} {
		for _, p := range loadEvalSet(&testing.T{}, name) {
			byLang[p.Lang] = append(byLang[p.Lang], p.Text)
		}
	}
	var recs []*corpus.Record
	size := 0
	for _, lang := range []string{"en", "fr", "es", "zh"} {
		texts := byLang[lang]
		langSize, k := 0, 0
		for langSize < 100<<10 {
			rec := &corpus.Record{Language: lang, Session: corpus.Int(75), Source: corpus.Source{SHA256: fmt.Sprint(len(recs))}}
			for s := 0; s < 10; s++ {
				sp := corpus.Speech{Seq: s + 1, Role: corpus.RoleMemberState, CountryCode: "CHE", OnBehalfOf: []string{"the ACT group"}}
				for n := 0; n < 10; n++ {
					text := texts[k%len(texts)] + " " + texts[(k+7)%len(texts)]
					k++
					sp.Paragraphs = append(sp.Paragraphs, corpus.Paragraph{N: n + 1, Text: text})
					langSize += len(text)
				}
				rec.Speeches = append(rec.Speeches, sp)
			}
			recs = append(recs, rec)
		}
		size += langSize
	}
	return recs, size
}

// BenchmarkAnalyzeCorpus codes the whole bench corpus per iteration with a
// pool of workers sharing one coder, with and without the part-of-speech
// key phrases.
func BenchmarkAnalyzeCorpus(b *testing.B) {
	c := newTestCoder(b)
	recs, size := benchCorpus(b)
	for _, phrases := range []bool{false, true} {
		b.Run(fmt.Sprintf("workers=%d/phrases=%v", runtime.NumCPU(), phrases), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size))
			for b.Loop() {
				codeAll(b, c, recs, phrases)
			}
			b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// BenchmarkAnalyzeSample codes the embedded sample corpus per iteration
// with a pool of workers sharing one coder, with and without key phrases, as
// AnalyzeWorkspace does (without the disk).
func BenchmarkAnalyzeSample(b *testing.B) {
	c := newTestCoder(b)
	recs, err := sample.Records()
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, r := range recs {
		for _, sp := range r.Speeches {
			for _, p := range sp.Paragraphs {
				size += len(p.Text)
			}
		}
	}
	for _, phrases := range []bool{false, true} {
		b.Run(fmt.Sprintf("phrases=%v", phrases), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size))
			for b.Loop() {
				codeAll(b, c, recs, phrases)
			}
			b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

func codeAll(b *testing.B, c *Coder, recs []*corpus.Record, phrases bool) {
	jobs := make(chan *corpus.Record)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rec := range jobs {
				if _, err := c.Code(b.Context(), rec); err != nil {
					b.Error(err)
				}
				if phrases && recordLanguage(rec) == "en" {
					recordKeyPhrases(rec)
				}
			}
		}()
	}
	for _, r := range recs {
		jobs <- r
	}
	close(jobs)
	wg.Wait()
}

// BenchmarkSentenceSplitting compares splitting English paragraphs with the
// shared Punkt model against prose.NewDocument, which reloads the model for
// every document it is given.
func BenchmarkSentenceSplitting(b *testing.B) {
	recs, _ := benchCorpus(b)
	var paras []string
	size := 0
	for _, r := range recs {
		if r.Language != "en" {
			continue
		}
		for _, sp := range r.Speeches {
			for _, p := range sp.Paragraphs {
				paras = append(paras, p.Text)
				size += len(p.Text)
			}
		}
	}
	paras, size = paras[:100], 0
	for _, p := range paras {
		size += len(p)
	}
	b.Run("shared-model", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, p := range paras {
				Sentences("en", p)
			}
		}
	})
	b.Run("prose-per-document", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, p := range paras {
				if _, err := prose.NewDocument(p, prose.WithTagging(false), prose.WithExtraction(false), prose.WithTokenization(false)); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkKeyPhrases compares counting the candidate phrases of English
// paragraphs (the n-grams EmergingTopics ranks) with tagging them with
// prose's part-of-speech tagger (its model loaded once), which found the
// noun phrases before.
func BenchmarkKeyPhrases(b *testing.B) {
	recs, _ := benchCorpus(b)
	var paras []string
	for _, sp := range recs[0].Speeches {
		for _, p := range sp.Paragraphs {
			paras = append(paras, p.Text)
		}
	}
	size := 0
	for _, p := range paras {
		size += len(p)
	}
	b.Run("n-grams", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, p := range paras {
				Phrases(p)
			}
		}
	})
	b.Run("prose-tagger", func(b *testing.B) {
		model := prose.ModelFromData("bench")
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, p := range paras {
				if _, err := prose.NewDocument(p, prose.UsingModel(model), prose.WithSegmentation(false), prose.WithExtraction(false)); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkDetectProposal reads every sentence of the bench corpus for the
// request it makes, language by language: the trigger lookup and the
// markers and guards the triggers let through.
func BenchmarkDetectProposal(b *testing.B) {
	recs, _ := benchCorpus(b)
	byLang := map[string][]string{}
	for _, r := range recs {
		for _, sp := range r.Speeches {
			for _, p := range sp.Paragraphs {
				byLang[r.Language] = append(byLang[r.Language], Sentences(r.Language, p.Text)...)
			}
		}
	}
	proposalMatchers() // compiled once, outside the timings
	for _, lang := range []string{"en", "fr", "es", "zh"} {
		sentences := byLang[lang]
		size := 0
		for _, s := range sentences {
			size += len(s)
		}
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, s := range sentences {
					DetectProposal(lang, s)
				}
			}
			b.ReportMetric(float64(len(sentences)*b.N)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}
