package analysis

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/scdebate/scdebate/corpus"
)

// modelFormat numbers the layout of a model file.
const modelFormat = 1

// Model is the learned layer beside the taxonomy: per theme, a logistic
// regression over the passage's words and word pairs, its cues (thanks,
// titles, explanations of vote, questions, requests), what it is about, the
// debate it was said in, and the dictionary's own verdict on the theme. It
// is trained in Go (Train) on labelled passages, and its decisions combine
// with the dictionary's: a theme coded by rule stays unless the model's
// probability falls below Keep; a theme the dictionary did not code is
// added when the probability reaches Add. The default model (DefaultModel)
// is embedded; a workspace may hold its own (ModelFile).
type Model struct {
	Format   int `json:"format"`
	Features int `json:"features"`
	// Digest identifies the training data and options the model was
	// trained from (see Train): the embedded model's test retrains when it
	// no longer matches.
	Digest string `json:"digest"`
	// Examples counts the training passages.
	Examples int `json:"examples"`
	// Read identifies what the dictionary made of the training passages:
	// the features the model learned from. A change to how the coder reads
	// a passage (a frame, a mention, a request shape) changes it while the
	// data and taxonomy stay the same.
	Read string `json:"read,omitempty"`
	// Data are the files of labelled passages a workspace's model was
	// trained on besides the project's written sets (left out when NoBase)
	// and its Reviews; ReviewDigest identifies those reviews, so that
	// "analyze --learn" trains again only when they changed.
	Data         []string `json:"data,omitempty"`
	NoBase       bool     `json:"no_base,omitempty"`
	Reviews      int      `json:"reviews,omitempty"`
	ReviewDigest string   `json:"review_digest,omitempty"`
	// L2 is the penalty the weights were fitted with.
	L2 float64 `json:"l2"`
	// Keep and Add are the decision thresholds, chosen by
	// cross-validation on the training data.
	Keep float64 `json:"keep"`
	Add  float64 `json:"add"`
	// Passage is the regression of whether a passage raises any theme at
	// all, read like a theme's (its theme features stand for all themes
	// together); a passage it scores below Drop, chosen by
	// cross-validation with Keep and Add, is given no theme, whatever the
	// dictionary coded. A model without it drops nothing.
	Passage *ThemeModel `json:"passage,omitempty"`
	Drop    float64     `json:"drop,omitempty"`
	// CrossValidation holds the micro-averaged figures of the
	// cross-validation that chose the thresholds; RulesOnly the
	// dictionary's alone on the same passages.
	CrossValidation Score `json:"cross_validation"`
	RulesOnly       Score `json:"rules_only"`
	// Vocab names the shared features; Themes weigh them.
	Vocab  []string     `json:"vocab"`
	Themes []ThemeModel `json:"themes"`

	index map[string]int32
	dense [][]float32 // per theme, a weight per Vocab entry
	// passageDense is the passage model's weight per Vocab entry.
	passageDense []float32
	byID         map[string]int
	hash         string
}

// Score is a micro-averaged precision, recall and F1.
type Score struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// ThemeModel is one theme's regression.
type ThemeModel struct {
	Theme string `json:"theme"`
	// Positives counts the training passages labelled with the theme.
	Positives int     `json:"positives"`
	Bias      float64 `json:"bias"`
	// Own weighs the theme features: coded by rule, words found but not
	// counted, another theme coded by rule.
	Own [nThemeFeatures]float64 `json:"own"`
	// Index and Weight are the non-zero weights of the shared features,
	// by Vocab index.
	Index  []int32   `json:"index"`
	Weight []float64 `json:"weight"`
}

//go:embed model.json
var defaultModelJSON []byte

var (
	defaultModelOnce sync.Once
	defaultModel     *Model
	defaultModelErr  error
)

// DefaultModel returns the embedded model, trained on the project's
// labelled data (see `go test ./analysis -run TestModel -update`).
func DefaultModel() (*Model, error) {
	defaultModelOnce.Do(func() {
		defaultModel, defaultModelErr = ReadModel(bytes.NewReader(defaultModelJSON))
	})
	return defaultModel, defaultModelErr
}

// MaxModelSize bounds a model file; a larger one is refused.
const MaxModelSize = 64 << 20

// ReadModel reads a model file written by WriteModel.
func ReadModel(r io.Reader) (*Model, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxModelSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxModelSize {
		return nil, fmt.Errorf("model: more than %d bytes", MaxModelSize)
	}
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	if m.Format != modelFormat || m.Features != featureVersion {
		return nil, fmt.Errorf("model: format %d, features %d; this scdebate reads format %d, features %d (train it again)", m.Format, m.Features, modelFormat, featureVersion)
	}
	if err := m.prepare(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	m.hash = hex.EncodeToString(sum[:8])
	return &m, nil
}

// LoadModel reads a model file.
func LoadModel(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// maxModelWeights bounds the dense weight tables a model file may ask for
// (themes × vocabulary), so that a small file cannot claim gigabytes.
const maxModelWeights = 1 << 25

// prepare builds the lookup tables of a model read or trained.
func (m *Model) prepare() error {
	if len(m.Themes)*len(m.Vocab) > maxModelWeights {
		return fmt.Errorf("model: %d themes × %d features is more than the %d weights allowed", len(m.Themes), len(m.Vocab), maxModelWeights)
	}
	m.index = make(map[string]int32, len(m.Vocab))
	for i, v := range m.Vocab {
		m.index[v] = int32(i)
	}
	m.byID = map[string]int{}
	m.dense = make([][]float32, len(m.Themes))
	for ti := range m.Themes {
		d, err := m.denseWeights(&m.Themes[ti])
		if err != nil {
			return err
		}
		m.dense[ti] = d
		m.byID[m.Themes[ti].Theme] = ti
	}
	m.passageDense = nil
	if m.Passage != nil {
		d, err := m.denseWeights(m.Passage)
		if err != nil {
			return err
		}
		m.passageDense = d
	}
	return nil
}

// passageTheme names the passage model in the model file and in errors.
const passageTheme = "(any theme)"

// denseWeights spreads a regression's weights over the vocabulary.
func (m *Model) denseWeights(t *ThemeModel) ([]float32, error) {
	if len(t.Index) != len(t.Weight) {
		return nil, fmt.Errorf("model: theme %s: %d indexes, %d weights", t.Theme, len(t.Index), len(t.Weight))
	}
	d := make([]float32, len(m.Vocab))
	for k, i := range t.Index {
		if i < 0 || int(i) >= len(d) {
			return nil, fmt.Errorf("model: theme %s: index %d outside the vocabulary", t.Theme, i)
		}
		d[i] = float32(t.Weight[k])
	}
	return d, nil
}

// Hash identifies the model's content; annotations made with another model
// are stale.
func (m *Model) Hash() string { return m.hash }

// WriteModel writes m as JSON.
func WriteModel(w io.Writer, m *Model) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(m)
}

// ModelFile is where a workspace keeps its own model (`scdebate train
// --workspace DIR`); analyze uses it instead of the embedded one.
func ModelFile(ws *corpus.Workspace) string { return ws.Path("model.json") }

// SaveModel writes m to path atomically.
func SaveModel(path string, m *Model) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := corpus.WriteFileAtomic(path, func(w io.Writer) error { return WriteModel(w, m) }); err != nil {
		return err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(b)
	m.hash = hex.EncodeToString(sum[:8])
	return nil
}

// WorkspaceModel returns the workspace's own model, or nil when it has none.
func WorkspaceModel(ws *corpus.Workspace) (*Model, error) {
	m, err := LoadModel(ModelFile(ws))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return m, err
}

// probability is the model's probability of theme index mi for a passage
// whose shared features are vec.
func (m *Model) probability(mi int, vec []int32, own [nThemeFeatures]float64) float64 {
	return regression(&m.Themes[mi], m.dense[mi], vec, own)
}

// passageProbability is the passage model's probability that a passage
// raises any theme; 1 when the model has none.
func (m *Model) passageProbability(vec []int32, own [nThemeFeatures]float64) float64 {
	if m.Passage == nil {
		return 1
	}
	return regression(m.Passage, m.passageDense, vec, own)
}

// regression is the probability of a regression t, whose weights over the
// vocabulary are d, for shared features vec and theme features own.
func regression(t *ThemeModel, d []float32, vec []int32, own [nThemeFeatures]float64) float64 {
	z := t.Bias
	for _, i := range vec {
		z += float64(d[i])
	}
	for k, v := range own {
		z += t.Own[k] * v
	}
	return sigmoid(z)
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// decide combines the dictionary's codes of a passage with the model's
// probabilities: a passage the passage model scores below Drop gets no
// theme; otherwise rule codes the model scores below Keep are dropped, and
// themes it scores at Add or above are added where mayAdd allows.
// Themes the model does not know keep the dictionary's verdict. removed
// lists the rule codes taken away, each scored with the probability that
// decided it.
func (m *Model) decide(tx *Taxonomy, f *passageFeatures, codes []Code) (out, removed []Code) {
	vec := f.vector(m.index)
	if pp := m.passageProbability(vec, f.passageVector()); pp < m.Drop && f.droppable() {
		for _, cd := range codes {
			cd.Score = round3(pp)
			removed = append(removed, cd)
		}
		return nil, removed
	}
	for ti, t := range tx.Themes {
		mi, known := m.byID[t.ID]
		var rule *Code
		for i := range codes {
			if codes[i].Theme == t.ID {
				rule = &codes[i]
			}
		}
		if !known {
			if rule != nil {
				out = append(out, *rule)
			}
			continue
		}
		p := m.probability(mi, vec, f.themeVector(ti))
		switch {
		case rule != nil:
			cd := *rule
			cd.Score = round3(p)
			if p >= m.Keep {
				out = append(out, cd)
			} else {
				removed = append(removed, cd)
			}
		case f.mayAdd(ti) && p >= f.addThreshold(tx, ti, m.Add):
			out = append(out, Code{Theme: t.ID, Source: CodeModel, Score: round3(p)})
		}
	}
	return out, removed
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// applyCodes sets a paragraph's themes from its final codes, and keeps in
// each sentence only the themes that stayed.
func applyCodes(p *ParagraphAnnotation, codes []Code) {
	p.Codes = codes
	p.Themes = p.Themes[:0]
	for _, cd := range codes {
		p.Themes = append(p.Themes, cd.Theme)
	}
	for i := range p.Sentences {
		s := &p.Sentences[i]
		s.Themes = slices.DeleteFunc(s.Themes, func(th string) bool { return !slices.Contains(p.Themes, th) })
		if len(s.Themes) == 0 {
			s.Themes = nil
		}
	}
}
