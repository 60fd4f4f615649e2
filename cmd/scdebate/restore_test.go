package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// TestRestoreCommand replaces a record by a damaged copy that still parses:
// ingest says how much it differs and prints the command that puts the
// previous version back, which restores the record byte for byte.
func TestRestoreCommand(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "ingest", "testdata", "text", "modern.txt"))
	if err != nil {
		t.Fatal(err)
	}
	speech := bytes.Index(b, []byte("Mr. Kiboino"))
	at := speech + bytes.Index(b[speech:], []byte("Council"))
	damaged := append([]byte(nil), b...)
	copy(damaged[at:], "Cxuncil")
	in, ws := t.TempDir(), filepath.Join(t.TempDir(), "ws")
	if r := runBinary(t, nil, "ingest", "--workspace", ws, writeInput(t, in, "good.txt", b)); r.code != 0 {
		t.Fatal(r)
	}
	record := filepath.Join(ws, corpus.RecordsDir, "A_77_PV.12.en.json")
	good, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	r := runBinary(t, nil, "ingest", "--workspace", ws, writeInput(t, in, "damaged.txt", damaged))
	line := regexp.MustCompile(`(?m)^replaced: .*13 → 13 speeches \(1 changed\), 15 → 15 paragraphs \(1 new, 1 gone\); the previous version is kept: scdebate restore --workspace (\S+) (\S+)$`).FindStringSubmatch(r.stderr)
	if r.code != 0 || line == nil {
		t.Fatalf("want a replaced line with the change and the restore command: %s", r)
	}
	if list := runBinary(t, nil, "restore", "--workspace", ws); list.code != 0 || !strings.HasPrefix(list.stdout, line[2]+"\tA/77/PV.12\ten\t13 speeches\t") {
		t.Errorf("restore lists: %s", list)
	}
	restored := runBinary(t, nil, "restore", "--workspace", line[1], line[2])
	if restored.code != 0 || !strings.Contains(restored.stdout, "the version it replaced is kept as A_77_PV.12.en.") {
		t.Fatal(restored)
	}
	if now, err := os.ReadFile(record); err != nil || !bytes.Equal(now, good) {
		t.Errorf("the restored record differs from the good one (%v)", err)
	}
	if r := runBinary(t, nil, "restore", "--workspace", ws, "A_77_PV.12.en.000000000000"); r.code != exitError || !strings.Contains(r.stderr, "no kept record version") {
		t.Errorf("restoring a version not kept: %s", r)
	}
}
