package analysis

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/scdebate/scdebate/corpus"
)

// AnnotationVersion is bumped whenever the coding changes in a way that makes
// stored annotations stale.
const AnnotationVersion = 4

// Annotation is the theme coding of one record, stored beside it in the
// workspace and keyed by the record's source sha256 and the taxonomy's hash,
// so that re-analysing an unchanged record with an unchanged taxonomy does no
// work. Field names are a contract for the index and the reports.
type Annotation struct {
	Version      int    `json:"version"`
	RecordSHA256 string `json:"record_sha256"`
	Symbol       string `json:"symbol"`
	Language     string `json:"language"`
	TaxonomyHash string `json:"taxonomy_hash"`
	// Debate is the debate the record is part of (corpus.Record.Debate:
	// "report", "reform", "working-methods", "other"), the context its
	// passages were coded in; reports mark and filter records by it.
	Debate string `json:"debate"`
	// Agenda lists every debate the record's agenda items belong to (a
	// joint debate on the report and on reform gives both).
	Agenda   []string           `json:"agenda,omitempty"`
	Speeches []SpeechAnnotation `json:"speeches"`
	// InputDigest is a digest of the record file and of the groups data
	// the annotation was made from: a record re-parsed from the same source,
	// or a change of group membership, makes the annotation stale.
	InputDigest string `json:"input_digest,omitempty"`
	// ReviewDigest identifies the experts' reviews of the record's passages
	// applied to the annotation (empty: none): a review change re-applies
	// the reviews to this annotation alone, without coding the record again.
	ReviewDigest string `json:"review_digest,omitempty"`
	// ReviewProblems are the record's reviews that do not apply as they
	// stand (stale, naming a theme the taxonomy lacks, a passage gone).
	ReviewProblems []ReviewProblem `json:"review_problems,omitempty"`
	// KeyPhrases counts the candidate phrases of the record's English text
	// (see Phrases and EmergingTopics); empty for other languages.
	KeyPhrases map[string]int `json:"key_phrases,omitempty"`
}

// SpeechAnnotation codes one speech (matched to the record by Seq).
type SpeechAnnotation struct {
	Seq    int      `json:"seq"`
	Themes []string `json:"themes"`
	// Groups are the groups the speaker spoke for, resolved to their
	// membership at the record's date.
	Groups     []GroupRef            `json:"groups,omitempty"`
	Paragraphs []ParagraphAnnotation `json:"paragraphs"`
}

// GroupRef is a group spoken for, with its members (ISO 3166-1 alpha-3) at
// the date of the speech.
type GroupRef struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Members []string `json:"members,omitempty"`
}

// ParagraphAnnotation codes one paragraph (matched by N).
type ParagraphAnnotation struct {
	N int `json:"n"`
	// Themes is the final list of the paragraph's themes.
	Themes []string `json:"themes"`
	// Codes gives each of Themes with where it came from: the taxonomy's
	// terms (rule, with the evidence), the learned classifier (model, with
	// its score) or an expert's review (reviewed).
	Codes []Code `json:"codes,omitempty"`
	// Removed lists the dictionary's codes the learned layer took away,
	// each with its evidence and the probability that decided it: the
	// passage model's when it found no theme raised in the paragraph
	// (below the model's Drop), the theme's own otherwise (below Keep).
	// They are not among Themes.
	Removed []Code `json:"removed,omitempty"`
	// Review is the expert's review applied to the paragraph, as typed
	// ("+veto -transparency", "none"); empty when none applies.
	Review string `json:"review,omitempty"`
	// Coder is what the coder decided before the review, when one applies.
	Coder      *CoderVerdict        `json:"coder,omitempty"`
	Proposal   bool                 `json:"proposal"`
	References []string             `json:"references,omitempty"`
	Sentences  []SentenceAnnotation `json:"sentences,omitempty"`
}

// SentenceAnnotation codes one sentence of a paragraph.
type SentenceAnnotation struct {
	Text   string   `json:"text"`
	Themes []string `json:"themes,omitempty"`
	// Proposal is the kind of request made ("call-on", "urge", "encourage",
	// "support", "should", ...; ProposalKinds); empty when the sentence
	// makes none.
	Proposal   string   `json:"proposal,omitempty"`
	References []string `json:"references,omitempty"`
	Entities   []string `json:"entities,omitempty"`
}

// Voice is one state's share in a speech: its own voice, or through a group
// it belongs to (Via is then the group's ID).
type Voice struct {
	CountryCode string `json:"country_code"`
	Via         string `json:"via,omitempty"`
}

// Voices lists the states a speech speaks for: the speaker's own state (if
// any), then every member of every group spoken for, marked by the group.
func Voices(sp *corpus.Speech, ann *SpeechAnnotation) []Voice {
	var out []Voice
	seen := map[Voice]bool{}
	add := func(v Voice) {
		if v.CountryCode != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	if sp != nil {
		add(Voice{CountryCode: sp.CountryCode})
	}
	if ann != nil {
		for _, g := range ann.Groups {
			for _, m := range g.Members {
				add(Voice{CountryCode: m, Via: g.ID})
			}
		}
	}
	return out
}

// AnnotationFile is where the annotation of the record with source hash
// recordSHA256 under taxonomy hash taxonomyHash is stored in a workspace.
func AnnotationFile(ws *corpus.Workspace, recordSHA256, taxonomyHash string) string {
	return ws.Path(corpus.AnnotationsDir, recordSHA256+"."+taxonomyHash+".json")
}

// WriteAnnotation stores a atomically.
func WriteAnnotation(ws *corpus.Workspace, a *Annotation) error {
	path := AnnotationFile(ws, a.RecordSHA256, a.TaxonomyHash)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return corpus.WriteFileAtomic(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(a)
	})
}

// ReadAnnotation loads the annotation of a record under a taxonomy; it
// returns an error satisfying errors.Is(err, os.ErrNotExist) when the record
// has not been analysed with that taxonomy.
func ReadAnnotation(ws *corpus.Workspace, recordSHA256, taxonomyHash string) (*Annotation, error) {
	path := AnnotationFile(ws, recordSHA256, taxonomyHash)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var a Annotation
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, fmt.Errorf("annotation %s: %w", path, err)
	}
	if a.Version != AnnotationVersion {
		return nil, fmt.Errorf("annotation %s: version %d, want %d: %w", path, a.Version, AnnotationVersion, os.ErrNotExist)
	}
	return &a, nil
}
