package corpus

// The contract every stage of the pipeline keeps with its caller (ingest,
// analyze, index, report): its options carry an OnProgress and an OnError
// callback of the types below, its result embeds Result, and a stage that
// writes to a workspace takes the workspace's *Lock.

// Progress reports an item a stage has finished, whatever became of it.
type Progress struct {
	// Done items of Total are finished; Total is -1 while it is not known.
	Done, Total int
	// Item names the item just finished: a file's or a record's path, or a
	// document's symbol.
	Item string
}

// ProgressFunc is told about each item a stage finishes, from one
// goroutine at a time.
type ProgressFunc func(Progress)

// Report calls f, when set.
func (f ProgressFunc) Report(p Progress) {
	if f != nil {
		f(p)
	}
}

// ErrorFunc is told about an item (a file, a record) that a stage could
// not process, from one goroutine at a time, with the error that names
// it. Returning nil skips the item: the stage goes on without it and
// counts it in Result.Failed. Returning an error stops the stage, which
// returns that error. A nil ErrorFunc skips every such item: one bad
// document never aborts a batch unless the caller says so.
type ErrorFunc func(item string, err error) error

// Report hands the failure of item to f, and returns what the stage is to
// do: nil to skip the item and go on, an error to stop.
func (f ErrorFunc) Report(item string, err error) error {
	if f == nil {
		return nil
	}
	return f(item, err)
}

// StopOnError is the ErrorFunc that stops a stage at the first item that
// fails, with that item's error.
func StopOnError(_ string, err error) error { return err }

// Result counts what a stage did with its items. Every item counts once:
// Total = Written + Unchanged + Failed, and more where a stage's result
// counts other outcomes besides (a record whose reviews alone were applied
// again, one removed from the index).
type Result struct {
	// Total is the number of items the stage was given or found.
	Total int
	// Written counts the items the stage wrote something for: a record
	// stored, an annotation coded, a record indexed.
	Written int
	// Unchanged counts the items already up to date, left as they were.
	Unchanged int
	// Failed counts the items reported to the ErrorFunc and skipped.
	Failed int
}
