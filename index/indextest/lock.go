package indextest

import (
	"sync"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// Lock returns the writer lock of ws, taken the first time a test asks for
// it and released when that test ends: the stages that write to a
// workspace take its lock as a parameter, and a test calls them again and
// again.
func Lock(t testing.TB, ws *corpus.Workspace) *corpus.Lock {
	t.Helper()
	if lk, ok := locks.Load(ws.Dir); ok {
		return lk.(*corpus.Lock)
	}
	lk, err := ws.Lock()
	if err != nil {
		t.Fatal(err)
	}
	locks.Store(ws.Dir, lk)
	t.Cleanup(func() {
		locks.Delete(ws.Dir)
		lk.Unlock()
	})
	return lk
}

var locks sync.Map // workspace directory → *corpus.Lock
