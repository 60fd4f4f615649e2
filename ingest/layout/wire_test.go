package layout

import (
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"testing"
)

// wireFixtures are documents that cover what the encoding carries: two
// columns, right-to-left lines, spans.
var wireFixtures = []string{
	filepath.Join("testdata", "columns", "record.pdf"),
	filepath.Join("testdata", "arabic", "record-2col.pdf"),
}

// TestWireRoundTrip: a document crosses from worker to parent unchanged,
// line by line, float by float.
func TestWireRoundTrip(t *testing.T) {
	docs := []*Document{
		{},
		{Info: Info{Title: "A/79/PV.29", Producer: "x"}, Pages: []Page{{N: 1, Err: "page 1: broken", Lines: []Line{{Text: "é\u200f", X: 0.1, Right: -3, Y: 1e300, Size: 12, Italic: true, Bold: true, Column: 2, ColumnLeft: 1, ColumnRight: 2, ParagraphStart: true, RTL: true,
			Spans: []Span{{Text: "é", Bold: true}, {Text: "\u200f", Italic: true}}}}, Furniture: []Line{{Text: "2/38"}}}}},
	}
	for _, path := range wireFixtures {
		doc, err := ExtractInProcess(context.Background(), path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	for i, want := range docs {
		got, we, err := decodeResponse(endFrame(appendDocument(newFrame(nil), want))[4:])
		if err != nil || we != nil {
			t.Fatalf("document %d: %v %v", i, we, err)
		}
		normalize(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("document %d changed on the way:\n%+v\nwant\n%+v", i, got, want)
		}
	}
	we := workerError{Reason: "too-large", Page: 3, Message: "too large: 2,000 pages"}
	doc, got, err := decodeResponse(we.append(nil))
	if err != nil || doc != nil || got == nil || *got != we {
		t.Errorf("error %+v, %v; want %+v", got, err, we)
	}
	req := workerRequest{Path: "/tmp/a b.pdf", MaxPages: 1000, MaxFileSize: 256 << 20, MemoryLimit: 2 << 30}
	if r, err := decodeRequest(req.append(nil)); err != nil || r != req {
		t.Errorf("request %+v, %v; want %+v", r, err, req)
	}
}

// normalize gives empty line lists the form the decoder gives them.
func normalize(doc *Document) {
	for i := range doc.Pages {
		p := &doc.Pages[i]
		if len(p.Lines) == 0 {
			p.Lines = nil
		}
		if len(p.Furniture) == 0 {
			p.Furniture = nil
		}
	}
}

// TestWireInvalidUTF8: the parent gets valid text, as it did from JSON.
func TestWireInvalidUTF8(t *testing.T) {
	doc := &Document{Info: Info{Title: "A\xff/79"}, Pages: []Page{{N: 1, Lines: []Line{{Text: "ab\xc3"}}}}}
	got, _, err := decodeResponse(appendDocument(nil, doc))
	if err != nil {
		t.Fatal(err)
	}
	if got.Info.Title != "A\uFFFD/79" || got.Pages[0].Lines[0].Text != "ab\uFFFD" {
		t.Errorf("got %q and %q", got.Info.Title, got.Pages[0].Lines[0].Text)
	}
}

// TestReadFrame: a frame over the limit or cut short is an error.
func TestReadFrame(t *testing.T) {
	frame := endFrame(append(newFrame(nil), "hello"...))
	if p, err := readFrame(bytes.NewReader(frame), nil, 16); err != nil || string(p) != "hello" {
		t.Errorf("%q, %v", p, err)
	}
	if _, err := readFrame(bytes.NewReader(frame), nil, 4); err == nil {
		t.Error("a frame over the limit was read")
	}
	if _, err := readFrame(bytes.NewReader(frame[:7]), nil, 16); err == nil {
		t.Error("a frame cut short was read")
	}
}

// FuzzDecodeResponse: whatever a worker sends, the parent neither panics
// nor allocates beyond what it received.
func FuzzDecodeResponse(f *testing.F) {
	f.Add(appendDocument(nil, &Document{Pages: []Page{{N: 1, Lines: []Line{{Text: "x", Spans: []Span{{Text: "x"}}}}}}}))
	f.Add(workerError{Reason: "not-pdf", Message: "not a PDF"}.append(nil))
	f.Add([]byte{tagDocument, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, we, err := decodeResponse(data)
		if err != nil {
			return
		}
		if (doc == nil) == (we == nil) {
			t.Fatalf("decoded both or neither: %v %v", doc, we)
		}
	})
}
