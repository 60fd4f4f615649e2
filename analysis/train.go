package analysis

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
	"gonum.org/v1/gonum/optimize"

	"github.com/scdebate/scdebate/corpus"
)

// Example is a labelled passage to train the learned layer on: a free
// passage (Text, read in Context), or a paragraph of a record (Record, Seq,
// N), read in its speech as analyze reads it — the form an expert's review
// of a workspace's passage takes.
type Example struct {
	Lang    string
	Text    string
	Context Context
	// Record, Seq and N name a paragraph of a record instead of Text.
	Record *corpus.Record
	Seq, N int
	// Themes are the passage's themes (none: the passage has none).
	Themes []string
	// Group names where the example comes from (a file, a record): the
	// cross-validation holds out whole groups, so that the thresholds are
	// chosen for text unlike the training data rather than for more of it.
	Group string
}

// TrainOptions control Train. The zero value trains with the defaults.
type TrainOptions struct {
	// L2 is the strength of the penalty on the weights, per example; 0
	// chooses it among L2Choices by cross-validation.
	L2 float64
	// MinCount is how many training passages a word or word pair must
	// occur in to become a feature (0: 2).
	MinCount int
	// Iterations bounds the optimiser's iterations per theme (0: 300).
	Iterations int
	// Folds is the number of cross-validation folds the penalty and the
	// decision thresholds are chosen on (0: 5); examples of one Group stay
	// in one fold, and with at most MaxGroupFolds groups each group is a
	// fold of its own.
	Folds int
	// OnProgress is told after each theme of each fold.
	OnProgress corpus.ProgressFunc
	// Previous, when set, is the model being replaced: its penalty and
	// thresholds are kept while they score within thresholdTolerance of
	// the best choice. The cross-validated F1 is flat over a range of
	// choices, and on real statements the choices of that range differ:
	// without this, a small change to the training data moves the
	// thresholds along the flat and changes what is coded on real text
	// for no gain the data can show.
	Previous *Model

	// variant holds the ways of fitting that the cross-validation of
	// model designs compares (cv_test.go); the zero value is the design
	// Train uses.
	variant fitVariant
}

// fitVariant is a design of the learned layer under comparison; the zero
// value is the design Train uses: the dictionary's verdict, the lexicon,
// words and word pairs, and every passage seen a second time with the
// verdict hidden, so that the words learn to find a theme where the
// dictionary did not — as on text unlike the training data, where the
// dictionary misses a third of the themes it finds on its own.
type fitVariant struct {
	noVerdict bool    // leave the dictionary's verdict out of the regression
	noLexicon bool    // leave the lexicon feature out
	noDropout bool    // see every passage once, with the verdict
	unigrams  bool    // words only, no word pairs
	posWeight float64 // weight of a positive example (0: 1)
}

// L2Choices are the penalties Train chooses from when none is given.
var L2Choices = []float64{0.0005, 0.002, 0.008, 0.032}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.MinCount == 0 {
		o.MinCount = 2
	}
	if o.Iterations == 0 {
		o.Iterations = 300
	}
	if o.Folds == 0 {
		o.Folds = 5
	}
	return o
}

// MaxGroupFolds is the most groups for which Train holds out one group at
// a time.
const MaxGroupFolds = 12

// trainItem is an example turned into features.
type trainItem struct {
	f      *passageFeatures
	labels []bool // per taxonomy theme
	fold   int
}

// themed reports whether the item is labelled with any theme: what the
// passage model learns.
func (it *trainItem) themed() bool { return slices.Contains(it.labels, true) }

// assignFolds puts every item in a fold: by group when the examples name
// groups (one fold per group when there are few), else round robin. It
// returns the number of folds.
func assignFolds(items []trainItem, examples []Example, folds int) int {
	var groups []string
	for _, ex := range examples {
		if ex.Group != "" && !slices.Contains(groups, ex.Group) {
			groups = append(groups, ex.Group)
		}
	}
	if len(groups) < 2 {
		for i := range items {
			items[i].fold = i % folds
		}
		return folds
	}
	sort.Strings(groups)
	n := folds
	if len(groups) <= MaxGroupFolds {
		n = len(groups)
	}
	for i, ex := range examples {
		items[i].fold = slices.Index(groups, ex.Group) % n
		if ex.Group == "" {
			items[i].fold = i % n
		}
	}
	return n
}

// Train fits the learned layer on examples, coding each with c's taxonomy
// as the coder would (so that the dictionary's verdicts are features), and
// chooses its thresholds by cross-validation. The same examples and options
// give the same model. ctx is checked between themes.
func Train(ctx context.Context, c *Coder, examples []Example, opts TrainOptions) (*Model, error) {
	opts = opts.withDefaults()
	if len(examples) == 0 {
		return nil, errors.New("train: no examples")
	}
	digest := examplesDigest(examples, c.tx, opts)
	items, err := featurize(ctx, c, examples)
	if err != nil {
		return nil, err
	}
	nt := len(c.tx.Themes)
	l2s := L2Choices
	if opts.L2 > 0 {
		l2s = []float64{opts.L2}
	}
	folds := assignFolds(items, examples, opts.Folds)
	steps, total := 0, (len(l2s)*folds+1)*nt
	progress := func() {
		steps++
		opts.OnProgress.Report(corpus.Progress{Done: steps, Total: total})
	}
	// Out-of-fold probabilities choose the penalty and the thresholds.
	var best, previous Score
	var keep, add, drop float64
	best.F1, previous.F1 = -1, -1
	for _, l2 := range l2s {
		o := opts
		o.L2 = l2
		probs, err := outOfFold(ctx, c.tx, items, folds, o, progress)
		if err != nil {
			return nil, err
		}
		all := thresholdChoices(items, probs)
		if k, a, d, score := chooseThresholds(all); score.F1 > best.F1 {
			best, keep, add, drop, opts.L2 = score, k, a, d, l2
		}
		if p := opts.Previous; p != nil && p.L2 == l2 {
			previous = scoreOf(all, p.Keep, p.Add, p.Drop)
		}
	}
	if p := opts.Previous; p != nil && previous.F1 >= best.F1-thresholdTolerance {
		best, keep, add, drop, opts.L2 = previous, p.Keep, p.Add, p.Drop, p.L2
	}
	all := make([]*trainItem, len(items))
	for i := range items {
		all[i] = &items[i]
	}
	m, err := fit(ctx, c.tx, all, opts, progress)
	if err != nil {
		return nil, err
	}
	m.L2 = opts.L2
	m.Keep, m.Add, m.Drop, m.CrossValidation, m.RulesOnly = keep, add, drop, best, rulesScore(items)
	m.Examples = len(items)
	m.Digest, m.Read = digest, readDigest(items)
	if err := m.prepare(); err != nil {
		return nil, err
	}
	return m, nil
}

// outOfFold gives every item the probabilities of a model trained on the
// other folds: one per theme, then the passage model's.
func outOfFold(ctx context.Context, tx *Taxonomy, items []trainItem, folds int, opts TrainOptions, progress func()) ([][]float64, error) {
	nt := len(tx.Themes)
	probs := make([][]float64, len(items))
	for i := range probs {
		probs[i] = make([]float64, nt+1)
	}
	for fold := 0; fold < folds; fold++ {
		var train []*trainItem
		for i := range items {
			if items[i].fold != fold {
				train = append(train, &items[i])
			}
		}
		m, err := fit(ctx, tx, train, opts, progress)
		if err != nil {
			return nil, err
		}
		for i := range items {
			if items[i].fold != fold {
				continue
			}
			vec := items[i].f.vector(m.index)
			for ti := range nt {
				probs[i][ti] = m.probability(ti, vec, items[i].f.themeVector(ti))
			}
			probs[i][nt] = m.passageProbability(vec, items[i].f.passageVector())
		}
	}
	return probs, nil
}

// featurize codes every example as the coder would and keeps what the
// learned layer reads of it.
func featurize(ctx context.Context, c *Coder, examples []Example) ([]trainItem, error) {
	rules := c.WithModel(nil)
	items := make([]trainItem, len(examples))
	byRecord := map[*corpus.Record]map[[2]int]int{}
	for i, ex := range examples {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		labels := make([]bool, len(c.tx.Themes))
		for _, th := range ex.Themes {
			ti := c.tx.index(th)
			if ti < 0 {
				return nil, fmt.Errorf("train: example %d: unknown theme %q", i+1, th)
			}
			labels[ti] = true
		}
		items[i].labels = labels
		if ex.Record != nil {
			if byRecord[ex.Record] == nil {
				byRecord[ex.Record] = map[[2]int]int{}
			}
			byRecord[ex.Record][[2]int{ex.Seq, ex.N}] = i
			continue
		}
		lang := ex.Lang
		if lang == "" {
			lang = corpus.DetectLanguage(ex.Text)
		}
		text := strings.ToValidUTF8(ex.Text, "\uFFFD")
		_, items[i].f = rules.readParagraph(newReader(ex.Context, lang), 0, text, true)
	}
	recs := make([]*corpus.Record, 0, len(byRecord))
	for rec := range byRecord {
		recs = append(recs, rec)
	}
	for _, rec := range recs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		want := byRecord[rec]
		lang := recordLanguage(rec)
		rctx := RecordContext(rec)
		for _, sp := range rec.Speeches {
			r := newReader(rctx, lang)
			for _, para := range sp.Paragraphs {
				_, f := rules.readParagraph(r, para.N, para.Text, true)
				if i, ok := want[[2]int{sp.Seq, para.N}]; ok {
					items[i].f = f
				}
			}
		}
	}
	for i := range items {
		if items[i].f == nil {
			return nil, fmt.Errorf("train: example %d: %s has no paragraph %d in speech %d", i+1, examples[i].Record.Symbol, examples[i].N, examples[i].Seq)
		}
	}
	return items, nil
}

// fit trains one regression per theme on items.
func fit(ctx context.Context, tx *Taxonomy, items []*trainItem, opts TrainOptions, progress func()) (*Model, error) {
	vocab := trainVocabulary(items, opts)
	m := &Model{Format: modelFormat, Features: featureVersion, Vocab: vocab}
	m.index = make(map[string]int32, len(vocab))
	for i, v := range vocab {
		m.index[v] = int32(i)
	}
	vecs := make([][]int32, len(items))
	for i, it := range items {
		vecs[i] = it.f.vector(m.index)
	}
	for ti, t := range tx.Themes {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		label := func(it *trainItem) bool { return it.labels[ti] }
		own := func(f *passageFeatures) [nThemeFeatures]float64 { return f.themeVector(ti) }
		tm, err := newThemeProblem(items, vecs, label, own, len(vocab), opts).fit(t.ID, opts.Iterations)
		if err != nil {
			return nil, err
		}
		m.Themes = append(m.Themes, tm)
		progress()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pm, err := newThemeProblem(items, vecs, (*trainItem).themed, (*passageFeatures).passageVector, len(vocab), opts).fit(passageTheme, opts.Iterations)
	if err != nil {
		return nil, err
	}
	m.Passage = &pm
	if err := m.prepare(); err != nil {
		return nil, err
	}
	return m, nil
}

// trainVocabulary is the model's vocabulary: the named features, and the
// words and pairs found in at least MinCount passages, in sorted order.
func trainVocabulary(items []*trainItem, opts TrainOptions) []string {
	count := map[string]int{}
	for _, it := range items {
		for _, t := range it.f.terms() {
			if opts.variant.unigrams && strings.HasPrefix(t, "p:") {
				continue
			}
			count[t]++
		}
	}
	vocab := namedFeatures()
	var words []string
	for t, n := range count {
		if n >= opts.MinCount {
			words = append(words, t)
		}
	}
	sort.Strings(words)
	return append(vocab, words...)
}

// themeProblem is the logistic regression of one theme (or of the passage
// model, whose label is any theme): its rows are the passages, each seen twice (the second time without the dictionary's
// verdict) unless the variant says otherwise.
type themeProblem struct {
	vecs  [][]int32 // the passages' vocabulary features
	items int       // passages
	rows  int
	own   [][nThemeFeatures]float64 // the theme's features per row
	y, wt []float64                 // label and weight per row
	pos   int                       // passages labelled with the theme
	nv    int                       // vocabulary size
	l2    float64
}

func newThemeProblem(items []*trainItem, vecs [][]int32, label func(*trainItem) bool, own func(*passageFeatures) [nThemeFeatures]float64, nv int, opts TrainOptions) *themeProblem {
	v := opts.variant
	rows := len(items)
	if !v.noDropout {
		rows *= 2
	}
	p := &themeProblem{vecs: vecs, items: len(items), rows: rows, nv: nv, l2: opts.L2,
		own: make([][nThemeFeatures]float64, rows), y: make([]float64, rows), wt: make([]float64, rows)}
	for r := range rows {
		it := items[r%len(items)]
		p.own[r] = own(it.f)
		if v.noVerdict || r >= len(items) {
			p.own[r][tfRule], p.own[r][tfDropped], p.own[r][tfOther] = 0, 0, 0
		}
		if v.noLexicon {
			p.own[r][tfLexicon] = 0
		}
		p.wt[r] = 1
		if label(it) {
			p.y[r] = 1
			if r < len(items) {
				p.pos++
			}
			if v.posWeight > 0 {
				p.wt[r] = v.posWeight
			}
		}
	}
	return p
}

// dim is the number of weights: the vocabulary's, then the theme
// features', then the bias (not penalised).
func (p *themeProblem) dim() int { return p.nv + nThemeFeatures + 1 }

// lossGrad is the penalised mean log loss at x, and its gradient into
// grad unless grad is nil.
func (p *themeProblem) lossGrad(grad, x []float64) float64 {
	dim, nv := p.dim(), p.nv
	n := float64(p.rows)
	if grad != nil {
		clear(grad)
	}
	loss := 0.0
	for i := range p.rows {
		vec := p.vecs[i%p.items]
		z := x[dim-1]
		for _, j := range vec {
			z += x[j]
		}
		for k, v := range p.own[i] {
			z += x[nv+k] * v
		}
		// log(1+e^z) - y*z, computed stably
		if z > 0 {
			loss += p.wt[i] * (z + math.Log1p(math.Exp(-z)) - p.y[i]*z)
		} else {
			loss += p.wt[i] * (math.Log1p(math.Exp(z)) - p.y[i]*z)
		}
		if grad != nil {
			g := p.wt[i] * (sigmoid(z) - p.y[i]) / n
			for _, j := range vec {
				grad[j] += g
			}
			for k, v := range p.own[i] {
				grad[nv+k] += g * v
			}
			grad[dim-1] += g
		}
	}
	loss /= n
	for j := 0; j < dim-1; j++ {
		loss += p.l2 / 2 * x[j] * x[j]
		if grad != nil {
			grad[j] += p.l2 * x[j]
		}
	}
	return loss
}

// fit minimises the loss and keeps the weights that count.
func (p *themeProblem) fit(theme string, iterations int) (ThemeModel, error) {
	dim, nv := p.dim(), p.nv
	prob := optimize.Problem{
		Func: func(x []float64) float64 { return p.lossGrad(nil, x) },
		Grad: func(grad, x []float64) { p.lossGrad(grad, x) },
	}
	x0 := make([]float64, dim)
	res, err := optimize.Minimize(prob, x0, &optimize.Settings{MajorIterations: iterations, GradientThreshold: 1e-6, Concurrent: 1}, &optimize.LBFGS{})
	if err != nil && res == nil {
		return ThemeModel{}, fmt.Errorf("train: theme %s: %w", theme, err)
	}
	x := res.X
	tm := ThemeModel{Theme: theme, Positives: p.pos, Bias: round6(x[dim-1])}
	for k := range nThemeFeatures {
		tm.Own[k] = round6(x[nv+k])
	}
	for j := 0; j < nv; j++ {
		if w := round4(x[j]); math.Abs(w) >= minWeight {
			tm.Index = append(tm.Index, int32(j))
			tm.Weight = append(tm.Weight, w)
		}
	}
	return tm, nil
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// minWeight is the smallest word weight kept: the many near-zero weights an
// L2 penalty leaves change no decision and would triple the model's size.
const minWeight = 0.005

// thresholdChoice is a choice of Keep, Add and Drop and its
// cross-validated score.
type thresholdChoice struct {
	keep, add, drop float64
	s               Score
}

// thresholdChoices scores every choice of Keep, Add and Drop on a grid
// of 0.05 against out-of-fold probabilities (per theme, then the passage
// model's last).
func thresholdChoices(items []trainItem, probs [][]float64) []thresholdChoice {
	var all []thresholdChoice
	for d := 0; d <= 10; d++ {
		dv := float64(d) / 20
		for k := 0; k <= 10; k++ {
			kv := float64(k) * 0.05
			// 21 × 0.05 is above any probability: never add.
			for a := 1; a <= 21; a++ {
				av := float64(a) * 0.05
				s := scoreDecisions(items, func(i, ti int) bool {
					f, p := items[i].f, probs[i]
					if p[len(p)-1] < dv && f.droppable() {
						return false
					}
					return (f.rule[ti] && p[ti] >= kv) || (!f.rule[ti] && f.mayAdd(ti) && p[ti] >= av)
				})
				all = append(all, thresholdChoice{kv, av, dv, s})
			}
		}
	}
	return all
}

// scoreOf is the score of the choice at keep, add and drop; its F1 is -1
// when they are not on the grid.
func scoreOf(all []thresholdChoice, keep, add, drop float64) Score {
	const near = 1e-9
	for _, c := range all {
		if math.Abs(c.keep-keep) < near && math.Abs(c.add-add) < near && math.Abs(c.drop-drop) < near {
			return c.s
		}
	}
	return Score{F1: -1}
}

// chooseThresholds picks Keep, Add and Drop among all for the best
// micro-F1 over all themes. The F1 is flat over a range of thresholds;
// within thresholdTolerance of the best, the choice with the highest
// recall is taken: on text unlike the training data the dictionary finds
// fewer of the themes than in cross-validation, so the layer that adds
// them is worth more there. Drop is then raised as far as it goes without
// lowering that F1: on such text the dictionary also codes far more
// passages that raise no theme (about half of them, against 2 % here), so
// the passage model's veto is worth more there than cross-validation can
// show.
func chooseThresholds(all []thresholdChoice) (keep, add, drop float64, best Score) {
	top := -1.0
	for _, c := range all {
		top = max(top, c.s.F1)
	}
	best.F1 = -1
	for _, c := range all {
		if c.s.F1 >= top-thresholdTolerance && (best.F1 < 0 || c.s.Recall > best.Recall) {
			keep, add, drop, best = c.keep, c.add, c.drop, c.s
		}
	}
	f1 := best.F1
	for _, c := range all {
		if c.keep == keep && c.add == add && c.drop > drop && c.s.F1 >= f1 {
			drop, best = c.drop, c.s
		}
	}
	return keep, add, drop, best
}

// thresholdTolerance is how far below the best cross-validated F1 a pair of
// thresholds may score and still be chosen for its recall.
const thresholdTolerance = 0.002

// rulesScore is the dictionary's own micro-averaged score on items.
func rulesScore(items []trainItem) Score {
	return scoreDecisions(items, func(i, ti int) bool { return items[i].f.rule[ti] })
}

// scoreDecisions is the micro-averaged score of coding theme index ti of
// item i when got(i, ti).
func scoreDecisions(items []trainItem, got func(i, ti int) bool) Score {
	var tp, fp, fn int
	for i, it := range items {
		for ti, want := range it.labels {
			switch g := got(i, ti); {
			case g && want:
				tp++
			case g:
				fp++
			case want:
				fn++
			}
		}
	}
	return microScore(tp, fp, fn)
}

func microScore(tp, fp, fn int) Score {
	var s Score
	if tp+fp > 0 {
		s.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.Recall = float64(tp) / float64(tp+fn)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	s.Precision, s.Recall, s.F1 = round3(s.Precision), round3(s.Recall), round3(s.F1)
	return s
}

// examplesDigest identifies the training data and options: the examples'
// text, context and labels, the taxonomy and the way features are made.
func examplesDigest(examples []Example, tx *Taxonomy, opts TrainOptions) string {
	h := sha256.New()
	fmt.Fprintf(h, "features %d taxonomy %s l2 %g %v min %d iter %d folds %d\n", featureVersion, tx.Hash(), opts.L2, L2Choices, opts.MinCount, opts.Iterations, opts.Folds)
	for _, ex := range examples {
		text := ex.Text
		if ex.Record != nil {
			text = fmt.Sprintf("%s %d %d %s", ex.Record.Source.SHA256, ex.Seq, ex.N, paragraphText(ex.Record, ex.Seq, ex.N))
		}
		themes := slices.Clone(ex.Themes)
		slices.Sort(themes)
		fmt.Fprintf(h, "%s\x00%s\x00%v\x00%v\x00%s\x00%q\x00%s\n", ex.Lang, ex.Context.debate(), ex.Context.Reform, ex.Context.CouncilRecord, text, themes, ex.Group)
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// readDigest identifies the features of items: what the dictionary and
// the cues made of each training passage.
func readDigest(items []trainItem) string {
	h := sha256.New()
	for _, it := range items {
		f := it.f
		fmt.Fprintf(h, "%s %s %q %q %v %v", f.lang, f.debate, f.words, f.named, f.rule, f.dropped)
		for _, x := range f.lexicon {
			fmt.Fprintf(h, " %.6g", x)
		}
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

func paragraphText(rec *corpus.Record, seq, n int) string {
	for _, sp := range rec.Speeches {
		if sp.Seq != seq {
			continue
		}
		for _, p := range sp.Paragraphs {
			if p.N == n {
				return p.Text
			}
		}
	}
	return ""
}

// MaxExamplesSize bounds a file of labelled passages.
const MaxExamplesSize = 64 << 20

// ReadExamples reads labelled passages: a YAML list of {lang, themes, text,
// context}, or a mapping whose "passages" key holds that list. context is
// "report" (the default), "reform", "working-methods" or "other"; name
// names the source in errors.
func ReadExamples(name string, r io.Reader) ([]Example, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxExamplesSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > MaxExamplesSize {
		return nil, fmt.Errorf("%s: more than %d bytes", name, MaxExamplesSize)
	}
	type passage struct {
		Lang    string   `yaml:"lang"`
		Context string   `yaml:"context"`
		Themes  []string `yaml:"themes"`
		Text    string   `yaml:"text"`
	}
	var list []passage
	if err := yaml.Unmarshal(b, &list); err != nil {
		var doc struct {
			Passages []passage `yaml:"passages"`
		}
		if err2 := yaml.Unmarshal(b, &doc); err2 != nil {
			return nil, fmt.Errorf("%s: expected a list of passages (lang, themes, text, context) or a passages: list: %v", name, err)
		}
		list = doc.Passages
	}
	out := make([]Example, 0, len(list))
	for i, p := range list {
		if strings.TrimSpace(p.Text) == "" {
			return nil, fmt.Errorf("%s: passage %d: no text", name, i+1)
		}
		if p.Lang != "" && !corpus.IsLanguage(p.Lang) {
			return nil, fmt.Errorf("%s: passage %d: unknown language %q", name, i+1, p.Lang)
		}
		var x Context
		if p.Context != "" {
			var err error
			if x, err = ParseContext(p.Context); err != nil {
				return nil, fmt.Errorf("%s: passage %d: context %w", name, i+1, err)
			}
			x.CouncilRecord = x.Debate == corpus.DebateWorkingMethods
		}
		out = append(out, Example{Lang: p.Lang, Text: p.Text, Themes: p.Themes, Group: name, Context: x})
	}
	return out, nil
}

// The written training sets, embedded so that `scdebate train` can learn
// from them beside a user's own data.
//
//go:embed testdata/eval/dev.yaml testdata/eval/dev2.yaml testdata/eval/speech.yaml testdata/eval/speech2.yaml testdata/eval/speech3.yaml testdata/eval/speech4.yaml
var baseSets embed.FS

// BaseExamples returns the project's written training sets (dev.yaml,
// dev2.yaml, speech.yaml, speech2.yaml, speech3.yaml and speech4.yaml of
// analysis/testdata/eval). The embedded model
// learned from them and from the labelled paragraphs of the development
// part of the real records, which live outside the repository.
func BaseExamples() ([]Example, error) {
	var out []Example
	for _, name := range []string{"dev.yaml", "dev2.yaml", "speech.yaml", "speech2.yaml", "speech3.yaml", "speech4.yaml"} {
		f, err := baseSets.Open("testdata/eval/" + name)
		if err != nil {
			return nil, err
		}
		exs, err := ReadExamples(name, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, exs...)
	}
	return out, nil
}
