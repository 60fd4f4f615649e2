// Package ingest owns turning source documents into records: PDF and plain
// text verbatim records and letters are extracted (PDF in a child process
// with a time limit, see package layout), parsed into the record structure —
// metadata, speaker turns, paragraphs, stage directions and votes — and
// stored in a workspace's corpus, one bad document never stopping a batch.
package ingest
