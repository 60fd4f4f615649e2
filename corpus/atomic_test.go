package corpus

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
)

// deadPID returns the pid of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	return gone.Process.Pid
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// TestWriteFileAtomicFailure leaves neither a file under the final name
// nor a temporary file when the writer fails half-way.
func TestWriteFileAtomicFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "A_79_PV.29.en.json")
	boom := errors.New("disk on fire")
	err := WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, `{"symbol": "A/79/`)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want %v", err, boom)
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
}

// TestRemoveStaleTemps removes the temporary files of dead writers only:
// a live writer's file, other hidden files and data stay.
func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	dead := deadPID(t)
	files := map[string]bool{ // name → removed
		fmt.Sprintf(".A_79_PV.29.en.json.tmp-%d-123456", dead):             true,
		fmt.Sprintf(".followup.xlsx.tmp-%d-42", dead):                      true,
		fmt.Sprintf(".A_60_PV.25.en.json.tmp-%d-9", os.Getpid()):           false,
		".A_79_PV.29.pdf.part":                                             false,
		"A_79_PV.29.en.json":                                               false,
		fmt.Sprintf("A_79_PV.29.en.json.tmp-%d-1", dead):                   false,
		fmt.Sprintf(".notes.txt.tmp-%d-7", 1):                              false, // init runs
		fmt.Sprintf(".sub.json.tmp-%d-8", dead) + string(os.PathSeparator): false,
	}
	for name := range files {
		if name[len(name)-1] == os.PathSeparator {
			if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte("{"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n, err := RemoveStaleTemps(dir, "followup.xlsx")
	if err != nil || n != 1 {
		t.Fatalf("RemoveStaleTemps(followup.xlsx) = %d, %v; want 1", n, err)
	}
	n, err = RemoveStaleTemps(dir, "")
	if err != nil || n != 1 {
		t.Fatalf("RemoveStaleTemps = %d, %v; want 1", n, err)
	}
	left := map[string]bool{}
	for _, name := range names(t, dir) {
		left[name] = true
	}
	for name, removed := range files {
		name = filepath.Clean(name)
		if left[name] == removed {
			t.Errorf("%s: removed %v, want %v", name, !left[name], removed)
		}
	}
	if n, err := RemoveStaleTemps(filepath.Join(dir, "missing"), ""); n != 0 || err != nil {
		t.Errorf("missing dir: %d, %v", n, err)
	}
}

// TestLockClearsStaleTemps: the next writer of a workspace removes what a
// killed writer left, and the store never lists it meanwhile.
func TestLockClearsStaleTemps(t *testing.T) {
	ws, err := OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dead := deadPID(t)
	left := []string{
		ws.Path(RecordsDir, fmt.Sprintf(".S_PV.8422.en.json.tmp-%d-1", dead)),
		ws.Path(AnnotationsDir, fmt.Sprintf(".abc.def.json.tmp-%d-2", dead)),
		ws.Path(fmt.Sprintf(".report.xlsx.tmp-%d-3", dead)),
		ws.Path(fmt.Sprintf(".run.json.tmp-%d-4", dead)),
	}
	for _, p := range left {
		if err := os.WriteFile(p, []byte(`{"symbol": "S/PV.`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if paths, err := ws.Records().List(); err != nil || len(paths) != 0 {
		t.Errorf("List = %v, %v; want no records", paths, err)
	}
	lk, err := ws.Lock()
	if err != nil {
		t.Fatal(err)
	}
	lk.Unlock()
	for _, p := range left {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s still there (%v)", p, err)
		}
	}
}
