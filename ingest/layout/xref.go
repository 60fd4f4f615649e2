package layout

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// Damaged cross-reference data (offsets that point nowhere, a table cut
// by an editor, a /Prev chain that loops) is common in files passed
// around by mail and download. Readers then rebuild the table by scanning
// the file for objects; so does rebuildXref, and hands the library the
// file with a fresh table appended.

var (
	reObjHeader = regexp.MustCompile(`(?:^|[\r\n\t ])(\d{1,7})[\t ]+(\d{1,5})[\t ]+obj\b`)
	reCatalog   = regexp.MustCompile(`/Type\s*/Catalog\b`)
)

const maxRebuiltObjects = 1 << 20

// rebuildXref returns the file followed by a cross-reference table of
// every object found in it and a trailer naming the last catalog found;
// ok is false when there is no catalog to name.
func rebuildXref(r io.ReaderAt, size int64) (data []byte, ok bool) {
	data = make([]byte, size)
	if n, err := r.ReadAt(data, 0); int64(n) != size && err != nil {
		return nil, false
	}
	offsets := map[int]int{}
	gens := map[int]int{}
	root, maxID := -1, 0
	for _, m := range reObjHeader.FindAllSubmatchIndex(data, -1) {
		id, err1 := strconv.Atoi(string(data[m[2]:m[3]]))
		gen, err2 := strconv.Atoi(string(data[m[4]:m[5]]))
		if err1 != nil || err2 != nil || id <= 0 || id >= maxRebuiltObjects {
			continue
		}
		// A later definition replaces an earlier one, as an incremental
		// update does.
		offsets[id], gens[id] = m[2], gen
		maxID = max(maxID, id)
		body := data[m[1]:min(len(data), m[1]+4096)]
		if end := bytes.Index(body, []byte("endobj")); end >= 0 {
			body = body[:end]
		}
		if reCatalog.Match(body) {
			root = id
		}
	}
	if root < 0 {
		return nil, false
	}
	var tail bytes.Buffer
	tail.WriteString("\n")
	xref := len(data) + tail.Len()
	fmt.Fprintf(&tail, "xref\n0 %d\n0000000000 65535 f \n", maxID+1)
	for id := 1; id <= maxID; id++ {
		if off, found := offsets[id]; found {
			fmt.Fprintf(&tail, "%010d %05d n \n", off, gens[id])
		} else {
			tail.WriteString("0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&tail, "trailer\n<< /Size %d /Root %d %d R >>\nstartxref\n%d\n%%%%EOF\n", maxID+1, root, gens[root], xref)
	return append(data, tail.Bytes()...), true
}
