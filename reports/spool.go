package reports

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/scdebate/scdebate/corpus"
)

// proposalSpool keeps the requests for the Proposals sheet on disk while
// the documents stream past: the sheet lists them by theme and kind, with
// counts known only at the end, and holding every request's text until
// then made the report's memory grow with the corpus. In memory stays one
// small entry per request: its theme and kind, and where its row is in
// the spool file.
type proposalSpool struct {
	dir string
	f   *os.File
	w   *bufio.Writer
	off int64
	buf []byte
	err error

	entries []spooled
	keys    map[[2]string]uint32 // theme and kind → key
	names   [][2]string          // key → theme and kind
	recs    []*corpus.Record     // the documents' headers, by index
	recIdx  map[*corpus.Record]uint32
}

// spooled is one request: its theme and kind (key), and its row's place in
// the spool file.
type spooled struct {
	key uint32
	n   uint32
	off int64
}

// newProposalSpool spools requests to a file made in dir when the first
// comes.
func newProposalSpool(dir string) *proposalSpool {
	return &proposalSpool{dir: dir, keys: map[[2]string]uint32{}, recIdx: map[*corpus.Record]uint32{}}
}

// add spools one request.
func (sp *proposalSpool) add(p proposal) {
	if sp.err != nil {
		return
	}
	if sp.f == nil {
		f, err := os.CreateTemp(sp.dir, "proposals-*")
		if err != nil {
			sp.err = fmt.Errorf("proposals spool: %w", err)
			return
		}
		sp.f, sp.w = f, bufio.NewWriterSize(f, 64<<10)
	}
	k := [2]string{p.theme, p.kind}
	key, ok := sp.keys[k]
	if !ok {
		key = uint32(len(sp.names))
		sp.keys[k] = key
		sp.names = append(sp.names, k)
	}
	ri, ok := sp.recIdx[p.rec]
	if !ok {
		ri = uint32(len(sp.recs))
		sp.recIdx[p.rec] = ri
		sp.recs = append(sp.recs, p.rec)
	}
	b := sp.buf[:0]
	for _, s := range []string{p.text, p.state, p.code, p.speaker, p.speakingFor} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(ri))
	b = binary.AppendVarint(b, int64(p.page))
	b = binary.AppendVarint(b, int64(p.paragraph))
	sp.buf = b
	if _, err := sp.w.Write(b); err != nil {
		sp.err = fmt.Errorf("proposals spool: %w", err)
		return
	}
	sp.entries = append(sp.entries, spooled{key: key, n: uint32(len(b)), off: sp.off})
	sp.off += int64(len(b))
}

// len is the number of requests spooled.
func (sp *proposalSpool) len() int { return len(sp.entries) }

// each calls fn with every request, ordered by theme and kind as compare
// orders them (stable: in the order they came within one theme and kind).
func (sp *proposalSpool) each(compare func(a, b [2]string) int, fn func(proposal) error) error {
	if sp.err != nil {
		return sp.err
	}
	if sp.f == nil {
		return nil
	}
	if err := sp.w.Flush(); err != nil {
		return fmt.Errorf("proposals spool: %w", err)
	}
	order := make([]int, len(sp.names))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return compare(sp.names[a], sp.names[b]) })
	ranks := make([]int, len(sp.names))
	for r, i := range order {
		ranks[i] = r
	}
	slices.SortStableFunc(sp.entries, func(a, b spooled) int {
		return cmp.Compare(ranks[a.key], ranks[b.key])
	})
	var buf []byte
	for _, e := range sp.entries {
		buf = slices.Grow(buf[:0], int(e.n))[:e.n]
		if _, err := sp.f.ReadAt(buf, e.off); err != nil {
			return fmt.Errorf("proposals spool: %w", err)
		}
		p, err := sp.decode(buf)
		if err != nil {
			return err
		}
		p.theme, p.kind = sp.names[e.key][0], sp.names[e.key][1]
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

var errSpool = errors.New("proposals spool: corrupt entry")

func (sp *proposalSpool) decode(b []byte) (proposal, error) {
	var p proposal
	str := func() string {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			b = nil
			return ""
		}
		s := string(b[k : k+int(n)])
		b = b[k+int(n):]
		return s
	}
	p.text, p.state, p.code, p.speaker, p.speakingFor = str(), str(), str(), str(), str()
	ri, k := binary.Uvarint(b)
	if k <= 0 || ri >= uint64(len(sp.recs)) {
		return p, errSpool
	}
	b = b[k:]
	var ints [2]int
	for i := range ints {
		v, k := binary.Varint(b)
		if k <= 0 {
			return p, errSpool
		}
		ints[i], b = int(v), b[k:]
	}
	p.rec, p.page, p.paragraph = sp.recs[ri], ints[0], ints[1]
	return p, nil
}

// close removes the spool file.
func (sp *proposalSpool) close() {
	if sp.f != nil {
		sp.f.Close()
		os.Remove(sp.f.Name())
		sp.f = nil
	}
}
