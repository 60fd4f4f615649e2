package main

import "github.com/scdebate/scdebate/corpus"

// lockWorkspace takes the writer lock of the workspace at dir for a command
// that writes to it: one that brings records in creates the workspace
// (create), the others need one already there. The caller releases the
// lock, and reaches the workspace through it.
func lockWorkspace(dir string, create bool) (*corpus.Lock, error) {
	open := corpus.ExistingWorkspace
	if create {
		open = corpus.OpenWorkspace
	}
	ws, err := open(dir)
	if err != nil {
		return nil, err
	}
	return ws.Lock()
}
