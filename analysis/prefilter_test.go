package analysis

import (
	"regexp"
	"strings"
	"testing"
)

func TestPrefilter(t *testing.T) {
	tests := []struct {
		name    string
		expr    string
		ofLower bool
		text    string
		// may is what mayMatch must say; the expression's own match is
		// checked against it too.
		may bool
	}{
		{name: "word present", expr: `(?i)\bthank(?:s|ed)? you\b`, ofLower: true, text: "We Thanked you all.", may: true},
		{name: "word absent", expr: `(?i)\bthank(?:s|ed)? you\b`, ofLower: true, text: "We are grateful to all.", may: false},
		{name: "one of each part", expr: `(?i)\b(?:held|convened)\s+(?:\w+\s+){0,3}?to\s+(?:discuss|review)\b`, ofLower: true, text: "The meeting was held in May to elect a chair.", may: false},
		{name: "both parts", expr: `(?i)\b(?:held|convened)\s+(?:\w+\s+){0,3}?to\s+(?:discuss|review)\b`, ofLower: true, text: "It was CONVENED in May to Review the text.", may: true},
		{name: "an alternative without words", expr: `(?i)\bthe report\b|^\W*\d+`, ofLower: true, text: "12 members spoke.", may: true},
		{name: "a long s folds to s but lowers apart", expr: `(?i)\bsession\b`, ofLower: true, text: "the ſeſſion opened", may: true},
		{name: "case kept without folding", expr: `(?:^|[^\p{L}])(?:must|should)(?:[^\p{L}]|$)`, ofLower: false, text: "the council should act", may: true},
		{name: "case kept, word absent", expr: `(?:^|[^\p{L}])(?:must|should)(?:[^\p{L}]|$)`, ofLower: false, text: "the council acted", may: false},
		{name: "letters around one whose cases lower apart", expr: `(?i)резолюци[яи]`, ofLower: true, text: "Резолюция 2334", may: true},
		{name: "letters around one whose cases lower apart, absent", expr: `(?i)резолюци[яи]`, ofLower: true, text: "the resolution", may: false},
		{name: "the rounded variant of a letter", expr: `(?i)резолюци[яи]`, ofLower: true, text: "рез\u1c82люция", may: true},
		{name: "a small class", expr: `(?i)\borgani[sz]ed by\b`, ofLower: true, text: "Organised by the presidency", may: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			re := regexp.MustCompile(tt.expr)
			p := newPrefilter(re, tt.ofLower)
			searched := tt.text
			if tt.ofLower {
				searched = strings.ToLower(tt.text)
			}
			got := p.mayMatch(searched, foldsLikeLower(tt.text))
			if got != tt.may {
				t.Errorf("mayMatch(%q) = %v, want %v (lists %q)", tt.text, got, tt.may, p.lists)
			}
			if re.MatchString(tt.text) && !got {
				t.Errorf("the expression matches %q, which its prefilter rejects", tt.text)
			}
		})
	}
}

// TestPrefiltersKeepEveryMatch runs every expression that has a prefilter
// over the sentences of the sets that may be tuned on, as written, upper-
// and lower-cased, and checks that the prefilter never rejects a sentence
// the expression matches: the prefilters must change no output.
func TestPrefiltersKeepEveryMatch(t *testing.T) {
	byLang := map[string][]string{}
	for _, name := range []string{"dev.yaml", "dev2.yaml"} {
		for _, p := range loadEvalSet(t, name) {
			byLang[p.Lang] = append(byLang[p.Lang], p.Text)
		}
	}
	for _, name := range []string{"speech.yaml", "speech2.yaml", "speech3.yaml", "speech6.yaml"} {
		for _, p := range loadSpeechSet(t, name) {
			byLang[p.Lang] = append(byLang[p.Lang], p.Text)
		}
	}
	type filtered struct {
		name    string
		re      *regexp.Regexp
		pre     prefilter
		ofLower bool
	}
	rejected := 0
	for lang, texts := range byLang {
		var all []filtered
		if cs, ok := cues()[lang]; ok {
			for _, e := range cs.cueExpr {
				all = append(all, filtered{"cue", e.re, e.ready().pre, true})
			}
			for _, fr := range cs.frames {
				all = append(all, filtered{"frame", fr.re, fr.fast.ready().pre, true})
				if fr.needs != nil {
					all = append(all, filtered{"frame needs", fr.needs, fr.needsFast.ready().pre, true})
				}
			}
		}
		for _, e := range []*fastExpr{scResolutionFast, resolutionWordFast, articleFast} {
			all = append(all, filtered{"reference", e.re, e.ready().pre, true})
		}
		if lm, ok := proposalMatchers()[lang]; ok {
			for _, km := range lm.kms {
				all = append(all, filtered{"marker", km.re, km.fast.ready().pre, false})
			}
			for _, g := range lm.guards {
				all = append(all, filtered{"guard", g.re, g.fast.ready().pre, false})
			}
		}
		for _, text := range texts {
			for _, s := range Sentences(lang, text) {
				for _, variant := range []string{s, strings.ToUpper(s), strings.ToLower(s)} {
					lower := strings.ToLower(variant)
					for _, f := range all {
						input, searched := lower, lower
						if f.ofLower {
							input = variant
						}
						may := f.pre.mayMatch(searched, foldsLikeLower(input))
						if !may {
							rejected++
						}
						if !may && f.re.MatchString(input) {
							t.Errorf("%s: %s %q matches %q, which its prefilter %q rejects", lang, f.name, f.re, input, f.pre.lists)
						}
					}
				}
			}
		}
	}
	if rejected == 0 {
		t.Error("no prefilter rejected any sentence")
	}
}

// TestFrameWordsHeldInOnePass checks the one pass that finds the frames'
// trigger words against a search for each word.
func TestFrameWordsHeldInOnePass(t *testing.T) {
	cs := cues()["en"]
	var texts []string
	for _, name := range []string{"speech.yaml", "speech3.yaml"} {
		for _, p := range loadSpeechSet(t, name) {
			texts = append(texts, strings.ToLower(p.Text))
		}
	}
	texts = append(texts, "", "a", "as", "item 27: the report", "e-10 e10 today’s list of speakers")
	for _, lower := range texts {
		held := make([]uint64, (len(cs.frameWords)+63)/64)
		cs.frameIndex.heldAll(lower, held)
		for w, word := range cs.frameWords {
			if len(word) < 2 {
				continue
			}
			if got, want := held[w/64]&(1<<(w%64)) != 0, strings.Contains(lower, word); got != want {
				t.Errorf("%q in %q: found %v, want %v", word, lower, got, want)
			}
		}
	}
}
