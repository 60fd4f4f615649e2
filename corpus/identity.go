package corpus

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
)

// identityFile holds a workspace's identity.
const identityFile = "workspace-id"

// ID returns the workspace's identity, a random name made the first time it
// is asked for and kept in DIR/workspace-id. Workbooks are stamped with it,
// so that reviews typed into a workbook go back only to the workspace it
// was written from. Two processes asking at once get the same identity: it
// is written to a temporary file and linked into place, which fails for
// the second.
func (w *Workspace) ID() (string, error) {
	path := w.Path(identityFile)
	if id, err := readID(path); err == nil || !errors.Is(err, os.ErrNotExist) {
		return id, err
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	id := hex.EncodeToString(b)
	f, err := os.CreateTemp(w.Dir, ".workspace-id.tmp-*")
	if err != nil {
		return "", fmt.Errorf("workspace %s: identity: %w", w.Dir, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	_, err = f.WriteString(id + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("workspace %s: identity: %w", w.Dir, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return "", err
	}
	if err := os.Link(tmp, path); err != nil && !errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("workspace %s: identity: %w", w.Dir, err)
	}
	return readID(path)
}

func readID(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	id := strings.TrimSpace(string(b))
	if id == "" {
		return "", fmt.Errorf("%s is empty", path)
	}
	return id, nil
}
