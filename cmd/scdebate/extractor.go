package main

import (
	"github.com/scdebate/scdebate/ingest"
	"github.com/scdebate/scdebate/ingest/layout"
)

// pdfExtractor returns the PDF extractor the commands use: each document
// in a child process of this binary (the hidden worker sub-command), so
// that a PDF that hangs or exhausts the library costs that document only.
// The per-document time limit of ingest cancels the child through ctx.
func pdfExtractor() ingest.Extractor { return layout.Extractor{} }
