package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func version(sha string, paragraphs ...string) *Record {
	rec := &Record{Symbol: "A/77/PV.12", Kind: KindVerbatim, Language: "en", Source: Source{Path: sha + ".txt", SHA256: strings.Repeat(sha, 64/len(sha))}}
	sp := Speech{Seq: 1, Name: "Dupont", Delegation: "France"}
	for i, p := range paragraphs {
		sp.Paragraphs = append(sp.Paragraphs, Paragraph{N: i + 1, Text: p})
	}
	rec.Speeches = []Speech{sp, {Seq: 2, Name: "Smith", Paragraphs: []Paragraph{{N: 1, Text: "Unchanged."}}}}
	return rec
}

// TestReplaceKeepsPrevious replaces a record by one made from other
// content, then puts the first back: nothing is lost on the way, and the
// restore is itself undone the same way.
func TestReplaceKeepsPrevious(t *testing.T) {
	ws, err := OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	store := ws.Records()
	good, damaged := version("a1", "We ask for reform.", "The veto must be restrained."), version("b2", "We ask for reform.", "The vxto must be restrained.")
	path, kept, err := store.Replace(good)
	if err != nil || kept != nil {
		t.Fatalf("first version: kept %v, %v", kept, err)
	}
	original, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, kept, err := store.Replace(good); err != nil || kept != nil {
		t.Fatalf("same content again: kept %v, %v", kept, err)
	}
	_, kept, err = store.Replace(damaged)
	if err != nil || kept == nil {
		t.Fatalf("other content: kept %v, %v", kept, err)
	}
	if want := "A_77_PV.12.en." + strings.Repeat("a1", 6); kept.Name != want {
		t.Errorf("kept as %s, want %s", kept.Name, want)
	}
	if b, err := os.ReadFile(kept.Path); err != nil || !bytes.Equal(b, original) {
		t.Fatalf("kept file differs from the record it kept (%v)", err)
	}
	want := Change{SpeechesBefore: 2, Speeches: 2, SpeechesChanged: 1, ParagraphsBefore: 3, Paragraphs: 3, ParagraphsAdded: 1, ParagraphsRemoved: 1}
	if got := Compare(kept.Record, damaged); got != want {
		t.Errorf("change %+v, want %+v", got, want)
	}
	if paths, _ := store.List(); len(paths) != 1 {
		t.Errorf("the store lists %v: kept versions are no records", paths)
	}

	lk, err := ws.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Unlock()
	r, err := Restore(lk, kept.Name)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(r.Record); err != nil || !bytes.Equal(b, original) {
		t.Fatalf("restored record differs from the original (%v)", err)
	}
	if r.Kept == nil || r.Kept.Name != "A_77_PV.12.en."+strings.Repeat("b2", 6) || r.Change.SpeechesChanged != 1 {
		t.Errorf("restore kept %+v, change %+v", r.Kept, r.Change)
	}
	list, err := ws.Replaced(t.Context())
	if err != nil || len(list) != 1 || list[0].Name != r.Kept.Name || list[0].Record == nil || list[0].Record.Speeches[0].Paragraphs[1].Text != "The vxto must be restrained." {
		t.Errorf("kept versions after the restore: %+v, %v", list, err)
	}
	if _, err := Restore(lk, "A_77_PV.12.en.nothing"); err == nil || !strings.Contains(err.Error(), "restore --workspace") {
		t.Errorf("restoring what is not kept: %v", err)
	}
	if _, err := os.Stat(filepath.Join(ws.Dir, ReplacedDir, kept.Name+".json")); !os.IsNotExist(err) {
		t.Errorf("the restored version is still kept (%v)", err)
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name      string
		prev, rec *Record
		want      string
	}{
		{"same", version("a1", "One.", "Two."), version("b2", "One.", "Two."), "2 → 2 speeches (0 changed), 3 → 3 paragraphs (0 new, 0 gone)"},
		{"paragraph lost", version("a1", "One.", "Two."), version("b2", "One."), "2 → 2 speeches (1 changed), 3 → 2 paragraphs (0 new, 1 gone)"},
		{"repeated paragraph counted twice", version("a1", "One.", "One."), version("b2", "One.", "Two."), "2 → 2 speeches (1 changed), 3 → 3 paragraphs (1 new, 1 gone)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compare(tt.prev, tt.rec).String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
