package analysis

import (
	"bufio"
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestClassifyStream(t *testing.T) {
	c := newTestCoder(t)
	long := strings.Repeat("The right of veto must be restrained. ", 1<<15) // 1.2 MB
	in := "The veto must not be used to block action on atrocities.\n" +
		"\n" +
		"Nous demandons au Conseil de tenir davantage de débats publics.\r\n" +
		"bad \xff\xfe bytes about the annual report\n" +
		long + "\n" +
		"安理会应提高透明度。" // last line without a newline
	var out bytes.Buffer
	n, err := c.ClassifyStream(t.Context(), strings.NewReader(in), &out, StreamOptions{Evidence: true})
	if err != nil {
		t.Fatal(err)
	}
	var lines []StreamLine
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 4<<20)
	for sc.Scan() {
		var l StreamLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("output line %d: %v", len(lines)+1, err)
		}
		lines = append(lines, l)
	}
	if n != 6 || len(lines) != 6 {
		t.Fatalf("%d lines written, %d read, want 6", n, len(lines))
	}
	want := []struct {
		lang    string
		themes  []string
		warning string
	}{
		{"en", []string{"veto"}, ""},
		{"en", []string{}, ""},
		{"fr", []string{"open-debates"}, ""},
		{"en", []string{"annual-report"}, "invalid UTF-8"},
		{"en", []string{"veto"}, ""},
		{"zh", []string{"transparency"}, ""},
	}
	for i, w := range want {
		l := lines[i]
		if l.Language != w.lang || !slices.Equal(l.Themes, w.themes) || !strings.Contains(l.Warning, w.warning) || (w.warning == "" && l.Warning != "") {
			t.Errorf("line %d: language %q themes %v warning %q; want %q %v %q", i+1, l.Language, l.Themes, l.Warning, w.lang, w.themes, w.warning)
		}
	}
	if lines[2].Text != "Nous demandons au Conseil de tenir davantage de débats publics." || lines[2].Proposal != ProposalRequest {
		t.Errorf("line 3: %+v", lines[2])
	}
	if len(lines[0].Evidence["veto"]) == 0 {
		t.Errorf("no evidence for veto: %+v", lines[0])
	}
}

func TestReadLineCutsOverlongLines(t *testing.T) {
	in := strings.Repeat("é", 100) + "\nnext\n"
	br := bufio.NewReaderSize(strings.NewReader(in), 16)
	line, cut, err := readLine(br, 51)
	if err != nil || !cut || len(line) != 50 || !bytes.Equal(line, []byte(strings.Repeat("é", 25))) {
		t.Errorf("readLine = %q (%d bytes), cut %v, %v", line, len(line), cut, err)
	}
	line, cut, err = readLine(br, 51)
	if err != nil || cut || string(line) != "next" {
		t.Errorf("next line = %q, cut %v, %v", line, cut, err)
	}
}
