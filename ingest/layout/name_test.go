package layout_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/ingest/layout"
)

// TestErrorNamesFileOnOneLine quotes a file name that holds a newline.
func TestErrorNamesFileOnOneLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "A_79\nPV.29.pdf")
	if err := os.WriteFile(path, []byte("not a pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := layout.ExtractInProcess(context.Background(), path, layout.Options{})
	if err == nil || !oneLine.MatchString(err.Error()) || !strings.Contains(err.Error(), `A_79\nPV.29.pdf`) {
		t.Errorf("error %q is not one line naming the file", err)
	}
}
