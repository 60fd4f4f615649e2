package sample

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// These tests read the embedded text as a parser would, independently of
// the sources, so that a defect in the typesetting or the authored text
// shows up here.

var (
	fileNameRE = regexp.MustCompile(`^SAMPLE_A_(\d+)_PV\.(\d+)\.(en|zh)\.txt$`)
	symbolRE   = regexp.MustCompile(`^SAMPLE/A/\d+/PV\.\d+$`)
	// Speaker lines: "Mr. Brunner (Switzerland) (spoke in French):",
	// "Mr. Baek (Republic of Korea), President of the Security Council:",
	// "The Acting President:".
	speakerEN = regexp.MustCompile(`^(?:(?:Mr|Mrs|Ms)\. [^():]+ \(([^()]+)\)(?:, [^():]+)?|The (?:Acting )?President)(?: \(spoke in (\w+)\))?: \S`)
	speakerZH = regexp.MustCompile(`^(?:\p{Han}+(?:·\p{Han}+)?(?:先生|女士|夫人)（([^（）]+)）(?:，[^（）：]+)?|(?:代理)?主席)(?:（以(\p{Han}+)发言）)?：\S`)
)

type textFile struct {
	name, lang, symbol string
	pages              []string
	// turns are the delegations of the speaker lines, in order ("" for the
	// presiding officer).
	turns []string
}

func readTextFiles(t *testing.T) []textFile {
	t.Helper()
	names, err := fs.Glob(Files(), "*")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 4 {
		t.Fatalf("the sample holds %d files, want at least three English records and one Chinese", len(names))
	}
	var out []textFile
	for _, name := range names {
		m := fileNameRE.FindStringSubmatch(name)
		if m == nil {
			t.Errorf("%s: file name not of the form SAMPLE_A_<session>_PV.<meeting>.<lang>.txt", name)
			continue
		}
		data, err := fs.ReadFile(Files(), name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		f := textFile{name: name, lang: m[3], symbol: fmt.Sprintf("SAMPLE/A/%s/PV.%s", m[1], m[2])}
		if !strings.HasSuffix(text, "\f") {
			t.Errorf("%s: does not end with a form feed", name)
		}
		f.pages = strings.Split(strings.TrimSuffix(text, "\f"), "\f")
		speaker := speakerEN
		if f.lang == "zh" {
			speaker = speakerZH
		}
		for _, line := range strings.Split(text, "\n") {
			if sm := speaker.FindStringSubmatch(line); sm != nil {
				f.turns = append(f.turns, sm[1])
			}
		}
		out = append(out, f)
	}
	return out
}

func TestFilesCover(t *testing.T) {
	for _, f := range readTextFiles(t) {
		t.Run(f.name, func(t *testing.T) {
			cover := strings.Split(f.pages[0], "\n")
			if !symbolRE.MatchString(cover[0]) || cover[0] != f.symbol {
				t.Errorf("first line %q, want the symbol %s", cover[0], f.symbol)
			}
			want := map[string][]string{
				"en": {"United Nations", "General Assembly", "Official Records", "New York", "President:", Notice},
				"zh": {"联合国", "大会", "正式记录", "纽约", "主席：", NoticeZH},
			}[f.lang]
			head := strings.Join(cover[:min(len(cover), 24)], "\n")
			for _, w := range want {
				if !strings.Contains("\n"+head+"\n", "\n"+w+"\n") {
					t.Errorf("cover lacks the line %q", w)
				}
			}
			session := regexp.MustCompile(`(?m)^(?:[A-Z][a-z]+(?:-[a-z]+)? session|第\p{Han}+届会议)$`)
			meeting := regexp.MustCompile(`(?m)^(?:\d+(?:st|nd|rd|th) plenary meeting|第\d+次全体会议)$`)
			if !session.MatchString(head) || !meeting.MatchString(head) {
				t.Errorf("cover lacks the session or the meeting line:\n%s", head)
			}
			if !strings.Contains(f.pages[0], "Corrections should be submitted") && !strings.Contains(f.pages[0], "更正应只对原文提出") {
				t.Error("first page lacks the corrections notice")
			}
		})
	}
}

func TestFilesPages(t *testing.T) {
	for _, f := range readTextFiles(t) {
		t.Run(f.name, func(t *testing.T) {
			n := len(f.pages)
			if n < 3 {
				t.Fatalf("%d pages; a debate record runs to several", n)
			}
			for i, page := range f.pages[1:] {
				num := i + 2
				lines := strings.Split(strings.TrimRight(page, "\n"), "\n")
				head := lines[0] + " " + lines[2]
				if !strings.Contains(head, f.symbol) || !regexp.MustCompile(`\d\d/\d\d/\d{4}`).MatchString(head) {
					t.Errorf("page %d: running header %q lacks the symbol or the date", num, head)
				}
				folio := fmt.Sprintf("%d/%d", num, n)
				tail := strings.Join(lines[max(0, len(lines)-3):], " ")
				if !strings.Contains(tail, folio) {
					t.Errorf("page %d: footer %q lacks the folio %s", num, tail, folio)
				}
			}
		})
	}
}

// TestFilesSpeakers checks the speaker lines against the records authored
// for them and the delegations against the table of States.
func TestFilesSpeakers(t *testing.T) {
	recs, err := Records()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]int{}
	for i, r := range recs {
		byName[r.Source.Path] = i
	}
	for _, f := range readTextFiles(t) {
		t.Run(f.name, func(t *testing.T) {
			i, ok := byName[f.name]
			if !ok {
				t.Fatal("no record for the file")
			}
			rec := recs[i]
			if len(f.turns) != len(rec.Speeches) {
				t.Errorf("%d speaker lines in the text, %d speeches in the record", len(f.turns), len(rec.Speeches))
			}
			if n := len(rec.Speeches); n < 20 || n > 30 {
				t.Errorf("%d speeches, want 20–30", n)
			}
			for j, deleg := range f.turns {
				if deleg == "" {
					continue
				}
				if _, ok := delegationNamed(f.lang, deleg); !ok {
					t.Errorf("speaker line %d: %q is not a State or observer in the table", j+1, deleg)
				}
				if j < len(rec.Speeches) && rec.Speeches[j].Delegation != deleg {
					t.Errorf("speaker line %d: delegation %q, record says %q", j+1, deleg, rec.Speeches[j].Delegation)
				}
			}
		})
	}
}

// TestFilesLanguageVersionsAlign checks that every Chinese record has its
// English counterpart with the same speaker lines in the same order.
func TestFilesLanguageVersionsAlign(t *testing.T) {
	files := readTextFiles(t)
	en := map[string]textFile{}
	for _, f := range files {
		if f.lang == "en" {
			en[f.symbol] = f
		}
	}
	chinese := 0
	for _, f := range files {
		if f.lang != "zh" {
			continue
		}
		chinese++
		t.Run(f.name, func(t *testing.T) {
			g, ok := en[f.symbol]
			if !ok {
				t.Fatalf("no English version of %s", f.symbol)
			}
			if len(f.turns) != len(g.turns) {
				t.Fatalf("%d speaker lines, the English version has %d", len(f.turns), len(g.turns))
			}
			for i := range f.turns {
				if code(t, "zh", f.turns[i]) != code(t, "en", g.turns[i]) {
					t.Errorf("speaker line %d: %q, the English version has %q", i+1, f.turns[i], g.turns[i])
				}
			}
		})
	}
	if chinese == 0 {
		t.Error("the sample has no Chinese record")
	}
}

// code maps a delegation to a comparable key across languages.
func code(t *testing.T, lang, deleg string) string {
	if deleg == "" {
		return "(chair)"
	}
	d, ok := delegationNamed(lang, deleg)
	if !ok {
		t.Errorf("unknown delegation %q", deleg)
	}
	return d.Name("en")
}
