package indextest

import (
	"strings"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/sample"
)

// themeKeywords code a paragraph with a theme when it contains one of the
// theme's keywords (lower case). It is a stand-in for the analysis
// package's coding, good enough to give the index realistic theme facets.
var themeKeywords = map[string][]string{
	"burden-sharing":    {"penholder", "co-penholder", "elected members"},
	"veto":              {"veto"},
	"wrap-up-sessions":  {"wrap-up"},
	"annual-report":     {"annual report"},
	"open-debates":      {"open debate"},
	"informal-formats":  {"arria"},
	"transparency":      {"transparen"},
	"council-reform":    {"intergovernmental negotiations", "enlargement", "categories of membership"},
	"subsidiary-bodies": {"subsidiary bod"},
	"special-reports":   {"special report"},
	"virtual-meetings":  {"videoconferenc", "virtual meeting"},
	"note-507":          {"507", "informal working group on documentation"},
}

// proposalMarkers mark a paragraph as making a proposal.
var proposalMarkers = []string{"we call on", "we urge", "we encourage", "should", "must", "we propose", "请", "呼吁", "鼓励"}

// Annotate codes a record by keyword, in the shape of the analysis
// package's annotations, under TaxonomyHash.
func Annotate(rec *corpus.Record) *analysis.Annotation {
	a := &analysis.Annotation{Version: analysis.AnnotationVersion, RecordSHA256: rec.Source.SHA256,
		Symbol: rec.Symbol, Language: rec.Language, TaxonomyHash: TaxonomyHash}
	gs, _ := analysis.DefaultGroups()
	for _, sp := range rec.Speeches {
		sa := analysis.SpeechAnnotation{Seq: sp.Seq}
		if gs != nil {
			// The groups spoken for, resolved as the analysis resolves
			// them.
			sa.Groups = gs.ResolveSpeech(rec, &sp)
		}
		seen := map[string]bool{}
		for _, p := range sp.Paragraphs {
			low := strings.ToLower(p.Text)
			var themes []string
			for _, th := range ThemeIDsByKeyword() {
				for _, k := range themeKeywords[th] {
					if strings.Contains(low, k) {
						themes = append(themes, th)
						break
					}
				}
			}
			proposal := false
			for _, m := range proposalMarkers {
				proposal = proposal || strings.Contains(low, m)
			}
			for _, th := range themes {
				if !seen[th] {
					seen[th] = true
					sa.Themes = append(sa.Themes, th)
				}
			}
			sa.Paragraphs = append(sa.Paragraphs, analysis.ParagraphAnnotation{N: p.N, Themes: themes, Proposal: proposal})
		}
		a.Speeches = append(a.Speeches, sa)
	}
	return a
}

// ThemeIDsByKeyword lists the themes Annotate codes, sorted.
func ThemeIDsByKeyword() []string {
	return []string{"annual-report", "burden-sharing", "council-reform", "informal-formats", "note-507", "open-debates",
		"special-reports", "subsidiary-bodies", "transparency", "veto", "virtual-meetings", "wrap-up-sessions"}
}

// SampleDocs returns the embedded sample records with keyword annotations.
func SampleDocs() ([]Doc, error) {
	recs, err := sample.Records()
	if err != nil {
		return nil, err
	}
	docs := make([]Doc, len(recs))
	for i, r := range recs {
		docs[i] = Doc{Record: r, Annotation: Annotate(r)}
	}
	return docs, nil
}

// GeneratedSampleDocs multiplies the sample records into a large corpus
// with corpus/sample's generator (more than 200,000 paragraphs with the
// zero options) and annotates it by keyword.
func GeneratedSampleDocs(seed int64, opts sample.Options) ([]Doc, error) {
	base, err := sample.Records()
	if err != nil {
		return nil, err
	}
	recs, err := sample.Generate(seed, base, opts)
	if err != nil {
		return nil, err
	}
	var docs []Doc
	for r := range recs {
		docs = append(docs, Doc{Record: r, Annotation: Annotate(r)})
	}
	return docs, nil
}
