package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/scdebate/scdebate/corpus"
)

// progress draws how far a stage has got as a bar on standard error when it
// is a terminal, and nothing otherwise. A command of several stages (run)
// uses one progress for all of them, so that the terminal shows a single
// bar, stage after stage, below the lines the finished stages printed.
type progress struct {
	w    io.Writer
	tty  bool
	desc string
	bar  *progressbar.ProgressBar
}

func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, tty: ok && term.IsTerminal(int(f.Fd()))}
}

// start begins a stage: the bar it draws is labelled desc.
func (p *progress) start(desc string) {
	p.done()
	p.desc = desc
}

// set reports done items of total (-1: not known yet); item, when given,
// names the one just finished.
func (p *progress) set(done, total int, item string) {
	if !p.tty {
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(p.desc),
			progressbar.OptionShowCount(),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	if total != p.bar.GetMax() {
		p.bar.ChangeMax(total)
	}
	if item != "" {
		p.bar.Describe(p.desc + " " + item)
	}
	_ = p.bar.Set(done)
}

// update draws a stage's progress event: the OnProgress of a stage's
// options.
func (p *progress) update(e corpus.Progress) { p.set(e.Done, e.Total, "") }

// println prints a line above the bar (or alone, when there is none).
func (p *progress) println(a ...any) {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
	fmt.Fprintln(p.w, a...)
}

// done removes the stage's bar.
func (p *progress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
}
