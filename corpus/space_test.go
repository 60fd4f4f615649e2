package corpus

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
)

func TestIsNoSpace(t *testing.T) {
	full := errors.New("no space")
	if f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0); err == nil {
		_, full = f.Write([]byte("x"))
		f.Close()
	}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"a write to a full device", full, true},
		{"wrapped", fmt.Errorf("store record x: %w", &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}), true},
		{"over quota", &os.PathError{Op: "write", Path: "x", Err: syscall.EDQUOT}, true},
		{"as text, the way bleve reports its background writes", errors.New("merging err: write /ws/index/gen-000002/bleve/store/000000000004.zap: no space left on device"), true},
		{"another error", &os.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, false},
		{"none", nil, false},
	}
	if full.Error() == "no space" {
		tests = tests[1:] // no /dev/full here
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsNoSpace(tt.err); got != tt.want {
				t.Errorf("IsNoSpace(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

// TestNoSpaceError names the workspace, what was written, the room needed
// and the room free.
func TestNoSpaceError(t *testing.T) {
	ws := &Workspace{Dir: t.TempDir()}
	err := ws.NoSpace(ws.Path(IndexDir), 570e6, &os.PathError{Op: "write", Path: "x.zap", Err: syscall.ENOSPC})
	var ns *NoSpaceError
	if !errors.As(err, &ns) || ns.Free < 0 {
		t.Fatalf("NoSpace = %#v", err)
	}
	for _, want := range []string{"workspace " + ws.Dir, ws.Path(IndexDir), "about 570.0 MB needed", " free", "make room"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
	other := errors.New("permission denied")
	if got := ws.NoSpace("x", 0, other); got != other {
		t.Errorf("another error became %v", got)
	}
}
