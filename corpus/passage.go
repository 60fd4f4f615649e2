package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RecordKey is the key a record goes by in a workspace, the index and
// passage IDs: its store file name without ".json" ("A_79_PV.29.en").
func RecordKey(rec *Record) string {
	return strings.TrimSuffix(FileName(rec), ".json")
}

// PassageID names paragraph n of speech seq of the record with key
// recordKey: "A_79_PV.29.en#3.2". It is the search index's document ID and
// the key expert reviews are stored by.
func PassageID(recordKey string, seq, n int) string {
	return recordKey + "#" + strconv.Itoa(seq) + "." + strconv.Itoa(n)
}

// PassageIDError reports a string that is not a passage ID.
type PassageIDError struct {
	ID     string
	Reason string
}

func (e *PassageIDError) Error() string {
	return fmt.Sprintf("passage %q: %s (a passage ID is RECORD#SPEECH.PARAGRAPH, e.g. A_79_PV.29.en#3.2)", e.ID, e.Reason)
}

// ParsePassageID splits a passage ID into its record key, speech seq and
// paragraph n. The ID of a piece of a paragraph the index holds in pieces
// ("A_79_PV.29.en#3.2.2") names its paragraph.
func ParsePassageID(id string) (recordKey string, seq, n int, err error) {
	key, pos, ok := strings.Cut(strings.TrimSpace(id), "#")
	switch {
	case !ok:
		return "", 0, 0, &PassageIDError{ID: id, Reason: "no #SPEECH.PARAGRAPH after the record"}
	case key == "":
		return "", 0, 0, &PassageIDError{ID: id, Reason: "no record before #"}
	}
	s, p, ok := strings.Cut(pos, ".")
	if !ok {
		return "", 0, 0, &PassageIDError{ID: id, Reason: "no SPEECH.PARAGRAPH after #"}
	}
	if para, piece, ok := strings.Cut(p, "."); ok {
		if k, err := strconv.Atoi(piece); err != nil || k < 1 {
			return "", 0, 0, &PassageIDError{ID: id, Reason: "speech and paragraph must be numbers"}
		}
		p = para
	}
	seq, err1 := strconv.Atoi(s)
	n, err2 := strconv.Atoi(p)
	if err1 != nil || err2 != nil || seq < 0 || n < 0 {
		return "", 0, 0, &PassageIDError{ID: id, Reason: "speech and paragraph must be numbers"}
	}
	return key, seq, n, nil
}

// Paragraph returns paragraph n of speech seq, or nil.
func (r *Record) Paragraph(seq, n int) *Paragraph {
	for i := range r.Speeches {
		sp := &r.Speeches[i]
		if sp.Seq != seq {
			continue
		}
		for j := range sp.Paragraphs {
			if sp.Paragraphs[j].N == n {
				return &sp.Paragraphs[j]
			}
		}
	}
	return nil
}

// TextDigest identifies a paragraph's text, its spacing aside: a review
// made on one text is known stale when the record's paragraph reads
// otherwise. Words are hashed as they are found, joined by one space, so
// that a workbook of a million rows digests without allocating per word.
func TextDigest(text string) string {
	d := digester{h: sha256.New()}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				d.space()
				i++
				continue
			}
			j := i + 1
			for j < len(text) && text[j] < utf8.RuneSelf && !asciiSpace[text[j]] {
				j++
			}
			d.word(text[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			d.space()
		} else {
			d.word(text[i : i+size])
		}
		i += size
	}
	d.flush()
	return hex.EncodeToString(d.h.Sum(nil)[:8])
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// digester hashes words joined by one space through a buffer.
type digester struct {
	h              hash.Hash
	buf            [512]byte
	n              int
	started, apart bool
}

// space notes a space between words, if a word came before.
func (d *digester) space() { d.apart = d.started }

// word adds a piece of a word (a space between it and the last piece
// when one was noted).
func (d *digester) word(s string) {
	if d.apart {
		d.add(" ")
		d.apart = false
	}
	d.add(s)
	d.started = true
}

func (d *digester) add(s string) {
	if d.n+len(s) > len(d.buf) {
		d.flush()
		if len(s) > len(d.buf) {
			d.h.Write([]byte(s))
			return
		}
	}
	d.n += copy(d.buf[d.n:], s)
}

func (d *digester) flush() {
	d.h.Write(d.buf[:d.n])
	d.n = 0
}
