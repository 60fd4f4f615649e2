package index

import "time"

// Refresh makes the index use the generation the workspace's index names
// now, as the next search would once the index next checks (searches check
// at most every quarter of a second, which spares a busy server a file
// read per search): after an Update in the same process, or to know that
// a search sees an update another process committed. Searches under way
// finish on the generation they started on. As a search does, Refresh
// keeps the generation in use when the new one cannot be opened; the
// error is for an index that has none to use.
func (ix *Index) Refresh() error {
	ix.mu.Lock()
	ix.checked = time.Time{} // long enough ago: acquire reads CURRENT again
	ix.mu.Unlock()
	g, err := ix.acquire()
	if err != nil {
		return err
	}
	g.release()
	return nil
}
