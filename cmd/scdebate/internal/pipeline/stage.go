package pipeline

// Stage is one stage of the pipeline, in the order they run.
type Stage int

// The stages.
const (
	Ingest Stage = iota
	Analyze
	Index
	Report
)

// Stages is the number of stages.
const Stages = 4

func (s Stage) String() string {
	switch s {
	case Ingest:
		return "ingest"
	case Analyze:
		return "analyze"
	case Index:
		return "index"
	case Report:
		return "report"
	}
	return "stage?"
}
