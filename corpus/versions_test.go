package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// versionRecord is a record of symbol in lang, one speech long.
func versionRecord(symbol, lang string, session int) *Record {
	meeting := 3
	return &Record{
		Symbol: symbol, Kind: KindVerbatim, Language: lang, Session: &session, Meeting: &meeting, Date: "2024-10-21",
		AgendaItems: []AgendaItem{{Number: "29", Title: "Report of the Security Council"}},
		Source:      Source{Path: symbol + "." + lang + ".pdf", SHA256: Slug(symbol) + lang},
		Speeches:    []Speech{{Seq: 1, Name: "Mr. A", Paragraphs: []Paragraph{{N: 1, Text: "Text."}}}},
	}
}

func TestHeaderMatchesRecord(t *testing.T) {
	rec := versionRecord("A/79/PV.3", "en", 79)
	path, err := (&Store{Dir: t.TempDir()}).Put(rec)
	if err != nil {
		t.Fatal(err)
	}
	h, err := ReadHeader(path)
	if err != nil {
		t.Fatal(err)
	}
	if h.Path != path || h.Symbol != rec.Symbol || h.Language != "en" || *h.Session != 79 || *h.Meeting != 3 || h.Date != rec.Date ||
		h.Source != rec.Source || len(h.AgendaItems) != 1 || h.DocumentKey() != rec.DocumentKey() {
		t.Fatalf("header %+v does not match the record", h)
	}
}

func TestHeaderFieldsAfterSpeeches(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	data := `{"speeches": [{"seq": 1, "paragraphs": [{"n": 1, "text": "x"}]}], "symbol": "A/79/PV.3", "language": "fr",
		"session": 79, "source": {"path": "p", "sha256": "abc", "pages": 2}}`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := ReadHeader(path)
	if err != nil {
		t.Fatal(err)
	}
	if h.Symbol != "A/79/PV.3" || h.Language != "fr" || h.Session == nil || *h.Session != 79 || h.Source.SHA256 != "abc" {
		t.Fatalf("header %+v", h)
	}
}

func FuzzReadHeader(f *testing.F) {
	dir := f.TempDir()
	path, err := (&Store{Dir: dir}).Put(versionRecord("A/79/PV.3", "en", 79))
	if err != nil {
		f.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"symbol": 5}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"session": null, "meeting": "x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "r.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		h, err := ReadHeader(path)
		if err != nil {
			if !strings.Contains(err.Error(), "r.json") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		_ = h.DocumentKey()
	})
}

// TestChooseVersion: one language version per document, by the order
// asked for or the preferred order.
func TestChooseVersion(t *testing.T) {
	vs := Versions{{Language: "zh"}, {Language: "fr"}, {Language: "en"}}
	tests := []struct {
		name      string
		versions  Versions
		languages []string
		want      string // "" for none
	}{
		{"preferred order", vs, nil, "en"},
		{"the order asked for", vs, []string{"zh", "fr"}, "zh"},
		{"the first asked for that exists", vs, []string{"ar", "fr"}, "fr"},
		{"none of those asked for", vs, []string{"ar"}, ""},
		{"a language outside the preferred order", Versions{{Language: "de"}}, nil, "de"},
		{"the preferred before another", Versions{{Language: "de"}, {Language: "ar"}}, nil, "ar"},
		{"no versions", nil, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.versions.Choose(tt.languages)
			switch {
			case tt.want == "" && got != nil:
				t.Errorf("chose %s, want none", got.Language)
			case tt.want != "" && (got == nil || got.Language != tt.want):
				t.Errorf("chose %+v, want %s", got, tt.want)
			}
		})
	}
	if vs.In("fr") != vs[1] || vs.In("ru") != nil {
		t.Error("In finds the wrong version")
	}
}

// TestStoreDocuments groups the records of a store by document, in name
// order, and reports an unreadable record as ErrorFunc says.
func TestStoreDocuments(t *testing.T) {
	store := &Store{Dir: t.TempDir()}
	for _, rec := range []*Record{
		versionRecord("A/79/PV.3", "fr", 79),
		versionRecord("A/79/PV.3", "en", 79),
		versionRecord("A/78/PV.9", "zh", 78),
		{Kind: KindLetter, Language: "en", Date: "2021-03-01", Source: Source{SHA256: "abcdef0123456789"}},
	} {
		if _, err := store.Put(rec); err != nil {
			t.Fatal(err)
		}
	}
	bad := filepath.Join(store.Dir, "A_1_PV.1.en.json")
	if err := os.WriteFile(bad, []byte(`{"symbol": "A/1/PV.1", "sess`), 0o644); err != nil {
		t.Fatal(err)
	}
	var reported []string
	docs, err := store.Documents(context.Background(), func(item string, err error) error {
		reported = append(reported, item)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		var langs []string
		for _, h := range d.Versions {
			langs = append(langs, h.Language)
		}
		got = append(got, d.Key+" "+strings.Join(langs, ","))
	}
	want := []string{"A/78/PV.9 zh", "A/79/PV.3 en,fr", "letter|2021-03-01|abcdef0123456789 en"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("documents %q, want %q", got, want)
	}
	if len(reported) != 1 || reported[0] != bad {
		t.Errorf("reported %v, want %s", reported, bad)
	}
	if _, err := store.Documents(context.Background(), StopOnError); err == nil || !strings.Contains(err.Error(), "A_1_PV.1.en.json") {
		t.Errorf("StopOnError: %v, want the unreadable record's error", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := store.Documents(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
