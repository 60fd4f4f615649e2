// Package pipeline runs scdebate's stages in order on one workspace, as
// "scdebate run" does: ingest, analyze, index, report. It owns what no
// single stage can: the order of the stages and the one workspace lock
// held across them, the state that lets a run with nothing new leave the
// workbook alone (a digest of the workbook's inputs, the build among them,
// named by its ELF build ID), the choice of input (the files given, the
// records already in the workspace, or the embedded sample), and the facts
// of the run's summary.
//
// It lives under the command, not beside the stages: it imports every
// stage package, where corpus, below them all, is imported by every one,
// and nothing but the command runs the whole pipeline. The top level stays
// the stages themselves; the command only configures the run, draws its
// progress and prints its summary.
//
// Like the stages, the pipeline never prints. Run tells its caller what
// happens through the callbacks of Options — a stage starting and ending,
// the progress of its items, the items that failed — and returns a
// Summary of what every stage did.
package pipeline
