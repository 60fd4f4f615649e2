package fetch

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Target is one document to fetch in one language.
type Target struct {
	Symbol string
	Lang   string
	// Alternates are other URLs of the same file (the Digital Library's
	// file links), tried in order when the Official Document System does
	// not deliver it.
	Alternates []string
}

// Status is what fetching a target came to.
type Status string

// Outcomes of a target.
const (
	// StatusDownloaded: the file was not there and now is.
	StatusDownloaded Status = "downloaded"
	// StatusUpdated: a different version replaced the file.
	StatusUpdated Status = "updated"
	// StatusUnchanged: downloaded again, same sha256; the file was kept.
	StatusUnchanged Status = "unchanged"
	// StatusNotModified: the server answered 304 to a conditional request.
	StatusNotModified Status = "not-modified"
	// StatusPresent: the file is there with the manifest's sha256; no
	// request was made.
	StatusPresent Status = "present"
	// StatusFailed: see Result.Err.
	StatusFailed Status = "failed"
)

// Result is the outcome of one target.
type Result struct {
	Target Target
	// Path is the file in raw/ (empty when the target failed).
	Path   string
	Status Status
	// Entry is the file's manifest entry (nil when the target failed).
	Entry *ManifestEntry
	// Err is a *DocError when the target failed.
	Err error
}

// Report is the outcome of a batch.
type Report struct {
	Results []Result
}

// Failed returns the results that failed.
func (r *Report) Failed() []Result {
	var out []Result
	for _, res := range r.Results {
		if res.Status == StatusFailed {
			out = append(out, res)
		}
	}
	return out
}

// Paths returns the files of every target that did not fail.
func (r *Report) Paths() []string {
	var out []string
	for _, res := range r.Results {
		if res.Status != StatusFailed && res.Path != "" {
			out = append(out, res.Path)
		}
	}
	return out
}

// ProgressKind tells the stage a Progress event reports.
type ProgressKind int

// Stages of a target.
const (
	ProgressStart ProgressKind = iota
	ProgressBytes
	ProgressDone
)

// Progress reports on the target at Index (0-based) of Total.
type Progress struct {
	Kind   ProgressKind
	Index  int
	Total  int
	Target Target
	// Bytes received so far of Size (-1 when unknown); ProgressBytes only.
	Bytes, Size int64
	// Result is set on ProgressDone.
	Result *Result
}

// Options configure a Fetcher. Only RawDir is required.
type Options struct {
	// RawDir is the directory the files and the manifest go to
	// (a workspace's raw/).
	RawDir string
	// ODSBaseURL replaces https://documents.un.org, for a mirror or a test
	// server.
	ODSBaseURL string
	// Client defaults to NewClient(HTTPOptions{}).
	Client *Client
	// Refresh revalidates files already present with conditional requests
	// (If-None-Match, If-Modified-Since) instead of trusting them.
	Refresh bool
	// OnProgress, when set, is told about each target's start, bytes and
	// end.
	OnProgress func(Progress)
	// Languages, when set, reads the language of each downloaded file: a
	// file in another language than the one asked for is refused. Without
	// it only byte-identical files under two languages are caught.
	Languages LanguageReader
}

// LanguageReader tells which of the six official languages a file is in.
type LanguageReader interface {
	// FileLanguage returns the language code ("fr"), or "" when the file
	// does not tell (a scan without text).
	FileLanguage(ctx context.Context, path string) (string, error)
}

// Fetcher downloads documents into a raw/ directory.
type Fetcher struct {
	opts   Options
	client *Client
}

// New returns a Fetcher for opts.
func New(opts Options) *Fetcher {
	c := opts.Client
	if c == nil {
		c = NewClient(HTTPOptions{})
	}
	return &Fetcher{opts: opts, client: c}
}

// Planned is what Fetch would do for a target, as Plan sees it without a
// request.
type Planned struct {
	Target Target
	URL    string
	Path   string
	// State is "missing", "present" (with the manifest's sha256),
	// "changed" (present but not as the manifest records it: fetched
	// again) or "partial" (an interrupted download to resume).
	State string
}

// Plan says what Fetch would do for targets, without a request.
func (f *Fetcher) Plan(targets []Target) ([]Planned, error) {
	m, err := LoadManifest(f.opts.RawDir)
	if err != nil {
		return nil, err
	}
	var out []Planned
	for _, t := range dedupTargets(targets) {
		name := FileName(t.Symbol, t.Lang)
		p := Planned{Target: t, URL: ODSURL(f.opts.ODSBaseURL, t.Symbol, t.Lang), Path: filepath.Join(f.opts.RawDir, name), State: "missing"}
		if sha, _, err := hashFile(p.Path); err == nil {
			p.State = "changed"
			if e := m.Lookup(name); e != nil && e.SHA256 == sha {
				p.State = "present"
			}
		} else if _, err := os.Stat(partPath(f.opts.RawDir, name)); err == nil {
			p.State = "partial"
		}
		out = append(out, p)
	}
	return out, nil
}

// Fetch downloads targets in order into RawDir, one at a time, updating the
// manifest after each. A target that fails is reported in its Result and
// the batch goes on; the error return is kept for what stops the batch:
// ctx cancelled, a host that cannot be reached (*UnreachableError), a
// manifest that cannot be read or written. The report holds the results so
// far in every case.
func (f *Fetcher) Fetch(ctx context.Context, targets []Target) (*Report, error) {
	report := &Report{}
	if f.opts.RawDir == "" {
		return report, errors.New("fetch: no raw directory given")
	}
	if err := os.MkdirAll(f.opts.RawDir, 0o755); err != nil {
		return report, err
	}
	m, err := LoadManifest(f.opts.RawDir)
	if err != nil {
		return report, err
	}
	targets = dedupTargets(targets)
	for i, t := range targets {
		if err := ctx.Err(); err != nil {
			return report, err
		}
		f.progress(Progress{Kind: ProgressStart, Index: i, Total: len(targets), Target: t})
		res, fatal := f.fetchOne(ctx, m, t, i, len(targets))
		report.Results = append(report.Results, res)
		f.progress(Progress{Kind: ProgressDone, Index: i, Total: len(targets), Target: t, Result: &report.Results[len(report.Results)-1]})
		if fatal != nil {
			return report, fatal
		}
	}
	return report, nil
}

func (f *Fetcher) progress(p Progress) {
	if f.opts.OnProgress != nil {
		f.opts.OnProgress(p)
	}
}

func dedupTargets(targets []Target) []Target {
	seen := map[string]bool{}
	var out []Target
	for _, t := range targets {
		k := t.Symbol + "\x00" + t.Lang
		if !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}

// fetchOne fetches one target. fatal is set when the batch must stop.
func (f *Fetcher) fetchOne(ctx context.Context, m *Manifest, t Target, index, total int) (res Result, fatal error) {
	res = Result{Target: t, Status: StatusFailed}
	name := FileName(t.Symbol, t.Lang)
	final := filepath.Join(f.opts.RawDir, name)
	odsURL := ODSURL(f.opts.ODSBaseURL, t.Symbol, t.Lang)
	fail := func(u string, err error) (Result, error) {
		res.Err = &DocError{Symbol: t.Symbol, Lang: t.Lang, URL: u, Err: err}
		return res, nil
	}

	entry := m.Lookup(name)
	var cond *ManifestEntry
	existingSHA, _, err := hashFile(final)
	switch {
	case err == nil:
		if entry != nil && entry.SHA256 == existingSHA {
			if !f.opts.Refresh {
				e := *entry
				return Result{Target: t, Path: final, Status: StatusPresent, Entry: &e}, nil
			}
			cond = entry
		}
	case errors.Is(err, os.ErrNotExist):
		existingSHA = ""
	default:
		return fail(odsURL, err)
	}

	urls := append([]string{odsURL}, t.Alternates...)
	var dl *download
	var errs []error
	for i, u := range urls {
		if i == 0 {
			dl, err = f.fetchODS(ctx, t, u, name, cond, index, total)
		} else {
			dl, err = f.download(ctx, t, u, name, cond, index, total)
		}
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			res.Err = &DocError{Symbol: t.Symbol, Lang: t.Lang, URL: u, Err: ctx.Err()}
			return res, ctx.Err()
		}
		var ue *UnreachableError
		if errors.As(err, &ue) {
			res.Err = &DocError{Symbol: t.Symbol, Lang: t.Lang, URL: u, Err: err}
			return res, ue
		}
		if len(urls) > 1 {
			err = fmt.Errorf("%s: %w", u, err)
		}
		errs = append(errs, err)
		cond = nil // validators belong to the URL that gave them
	}
	if dl == nil {
		return fail(odsURL, errors.Join(errs...))
	}

	now := f.client.clock.Now().UTC().Truncate(time.Second)
	if dl.notModified {
		e := *cond
		e.FetchedAt = now
		m.Put(e)
		if err := m.Save(f.opts.RawDir); err != nil {
			res.Err = &DocError{Symbol: t.Symbol, Lang: t.Lang, URL: dl.url, Err: err}
			return res, err
		}
		return Result{Target: t, Path: final, Status: StatusNotModified, Entry: &e}, nil
	}
	if err := f.checkLanguage(ctx, m, t, dl); err != nil {
		removePart(dl.part)
		if ctx.Err() != nil {
			res.Err = &DocError{Symbol: t.Symbol, Lang: t.Lang, URL: dl.url, Err: ctx.Err()}
			return res, ctx.Err()
		}
		return fail(dl.url, err)
	}
	e := ManifestEntry{
		File: name, Symbol: t.Symbol, Lang: t.Lang,
		URL: dl.url, FinalURL: dl.finalURL, SHA256: dl.sha256, Size: dl.size,
		FetchedAt: now, ETag: dl.etag, LastModified: dl.lastModified, ContentType: dl.contentType,
	}
	status := StatusDownloaded
	switch {
	case existingSHA == dl.sha256:
		status = StatusUnchanged
		removePart(dl.part)
	default:
		if existingSHA != "" {
			status = StatusUpdated
		}
		if err := commitPart(dl.part, final); err != nil {
			return fail(dl.url, err)
		}
	}
	m.Put(e)
	if err := m.Save(f.opts.RawDir); err != nil {
		res.Err = &DocError{Symbol: t.Symbol, Lang: t.Lang, URL: dl.url, Err: err}
		return res, err
	}
	return Result{Target: t, Path: final, Status: status, Entry: &e}, nil
}

// checkLanguage refuses a downloaded file that is not in the language asked
// for: byte for byte the file of another language of the same symbol
// (services fall back to a language they have), or, with a
// LanguageReader, a file whose text is in another language. A file whose
// language cannot be read passes.
func (f *Fetcher) checkLanguage(ctx context.Context, m *Manifest, t Target, dl *download) error {
	for _, e := range m.Files {
		if e.Symbol == t.Symbol && e.Lang != t.Lang && e.SHA256 == dl.sha256 {
			return &LanguageError{Asked: t.Lang, SameAs: e.Lang, SHA256: dl.sha256}
		}
	}
	if f.opts.Languages == nil {
		return nil
	}
	got, err := f.opts.Languages.FileLanguage(ctx, dl.part)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil || got == "" || got == t.Lang {
		return nil
	}
	return &LanguageError{Asked: t.Lang, Got: got, SHA256: dl.sha256}
}

// download is a file received into its part file.
type download struct {
	url, finalURL string
	part          string
	sha256        string
	size          int64
	etag          string
	lastModified  string
	contentType   string
	notModified   bool
}

// partMeta sits beside a part file and holds what a resumed request needs.
type partMeta struct {
	URL          string `json:"url"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	ContentType  string `json:"content_type,omitempty"`
	FinalURL     string `json:"final_url,omitempty"`
}

func partPath(dir, name string) string { return filepath.Join(dir, "."+name+".part") }

// validator returns the If-Range value for a resumed request: a strong
// ETag, else Last-Modified; "" when the part cannot be resumed safely.
func (pm *partMeta) validator() string {
	if pm.ETag != "" && !strings.HasPrefix(pm.ETag, "W/") {
		return pm.ETag
	}
	return pm.LastModified
}

// download fetches u into the part file of name, resuming a previous part
// when the server supports it, and checks that the result is a complete
// PDF. With cond set, it sends a conditional request and reports a 304 as
// notModified.
func (f *Fetcher) download(ctx context.Context, t Target, u, name string, cond *ManifestEntry, index, total int) (*download, error) {
	tr := f.newTransfer(t, u, name, cond, index, total)
	if err := f.client.Do(ctx, tr.request, tr.receive); err != nil {
		return nil, err
	}
	dl := tr.dl
	if dl.notModified {
		return dl, nil
	}
	if err := CheckPDFFile(tr.part, dl.contentType); err != nil {
		removePart(tr.part)
		return nil, err
	}
	sha, size, err := hashFile(tr.part)
	if err != nil {
		return nil, err
	}
	dl.sha256, dl.size = sha, size
	return dl, nil
}

// transfer is one download into a part file, over as many requests as
// the client makes: what resuming needs, and what was received.
type transfer struct {
	f            *Fetcher
	t            Target
	url          string
	part         string
	metaPath     string
	meta         partMeta
	cond         *ManifestEntry
	index, total int
	maxBytes     int64
	dl           *download
}

// newTransfer starts a transfer, from the part file left by an earlier one
// when it can be resumed safely.
func (f *Fetcher) newTransfer(t Target, u, name string, cond *ManifestEntry, index, total int) *transfer {
	part := partPath(f.opts.RawDir, name)
	tr := &transfer{
		f: f, t: t, url: u, part: part, metaPath: part + ".json", cond: cond,
		index: index, total: total, maxBytes: f.client.MaxBytes(),
		dl: &download{url: u, part: part},
	}
	if b, err := os.ReadFile(tr.metaPath); err == nil {
		if json.Unmarshal(b, &tr.meta) != nil || tr.meta.URL != u {
			tr.meta = partMeta{}
		}
	}
	if tr.meta.URL == "" || tr.meta.validator() == "" {
		// Nothing to resume from safely.
		os.Remove(part)
	}
	return tr
}

// request asks for the rest of the part file when there is one to resume,
// else for the whole file, conditionally when the transfer has a manifest
// entry to compare with.
func (tr *transfer) request(ctx context.Context) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, tr.url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/pdf")
	// Byte ranges and sizes refer to the file itself, not a compressed
	// rendering of it.
	req.Header.Set("Accept-Encoding", "identity")
	if st, err := os.Stat(tr.part); err == nil && st.Size() > 0 && tr.meta.validator() != "" {
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-", st.Size()))
		req.Header.Set("If-Range", tr.meta.validator())
	} else if tr.cond != nil {
		if tr.cond.ETag != "" {
			req.Header.Set("If-None-Match", tr.cond.ETag)
		}
		if tr.cond.LastModified != "" {
			req.Header.Set("If-Modified-Since", tr.cond.LastModified)
		}
	}
	return req, nil
}

// receive takes a response into the part file.
func (tr *transfer) receive(resp *http.Response) error {
	offset, ct, err := tr.accept(resp)
	if err != nil || tr.dl.notModified {
		return err
	}
	if resp.ContentLength > 0 && offset+resp.ContentLength > tr.maxBytes {
		return fmt.Errorf("%w: %d bytes announced, the limit is %d", ErrBodyTooLarge, offset+resp.ContentLength, tr.maxBytes)
	}
	br := bufio.NewReaderSize(resp.Body, 64<<10)
	if offset == 0 {
		if err := tr.begin(resp, br, ct); err != nil {
			return err
		}
	}
	if err := tr.write(resp, br, offset); err != nil {
		return err
	}
	dl := tr.dl
	dl.finalURL = tr.meta.FinalURL
	if offset == 0 || dl.finalURL == "" {
		dl.finalURL = resp.Request.URL.String()
	}
	dl.etag, dl.lastModified, dl.contentType = tr.meta.ETag, tr.meta.LastModified, ct
	return nil
}

// accept reads a response's status: where its body goes in the part file
// and its content type; a 304 marks the download not modified.
func (tr *transfer) accept(resp *http.Response) (offset int64, ct string, err error) {
	ct = resp.Header.Get("Content-Type")
	switch resp.StatusCode {
	case http.StatusNotModified:
		if tr.cond == nil {
			return 0, "", newStatusError(resp)
		}
		tr.dl.notModified = true
		return 0, ct, nil
	case http.StatusOK:
		return 0, ct, nil
	case http.StatusPartialContent:
		st, err := os.Stat(tr.part)
		if err != nil {
			return 0, "", err
		}
		start, ok := contentRangeStart(resp.Header.Get("Content-Range"))
		if !ok || start != st.Size() {
			os.Remove(tr.part)
			return 0, "", transientError{fmt.Errorf("%s: the server resumed at the wrong offset (%q); starting over", tr.url, resp.Header.Get("Content-Range")), tr.url}
		}
		return start, tr.meta.ContentType, nil
	case http.StatusRequestedRangeNotSatisfiable:
		os.Remove(tr.part)
		return 0, "", transientError{fmt.Errorf("%s: the server cannot resume the partial file; starting over", tr.url), tr.url}
	}
	return 0, "", newStatusError(resp)
}

// begin checks that a response from the file's start is a PDF, and notes
// what a later request needs to resume it.
func (tr *transfer) begin(resp *http.Response, br *bufio.Reader, ct string) error {
	head, _ := br.Peek(pdfHeaderWindow)
	if err := checkContentType(ct, head); err != nil {
		return err
	}
	if err := checkPDFHead(head, ct, resp.ContentLength); err != nil {
		return err
	}
	tr.meta = partMeta{URL: tr.url, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"), ContentType: ct, FinalURL: resp.Request.URL.String()}
	return writeJSON(tr.metaPath, &tr.meta)
}

// write writes a body into the part file at offset, synced, within the
// size limit.
func (tr *transfer) write(resp *http.Response, br *bufio.Reader, offset int64) error {
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if offset > 0 {
		flags = os.O_WRONLY | os.O_APPEND
	}
	out, err := os.OpenFile(tr.part, flags, 0o644)
	if err != nil {
		return err
	}
	size := int64(-1)
	if resp.ContentLength >= 0 {
		size = offset + resp.ContentLength
	}
	n, copyErr := tr.f.copyBody(out, io.LimitReader(br, tr.maxBytes-offset+1), offset, size, tr.t, tr.index, tr.total)
	syncErr := out.Sync()
	closeErr := out.Close()
	if copyErr != nil {
		return copyErr
	}
	if offset+n > tr.maxBytes {
		removePart(tr.part)
		return fmt.Errorf("%w (%d bytes)", ErrBodyTooLarge, tr.maxBytes)
	}
	if syncErr != nil {
		return syncErr
	}
	return closeErr
}

// copyBody copies a body into the part file, reporting progress.
func (f *Fetcher) copyBody(w io.Writer, r io.Reader, offset, size int64, t Target, index, total int) (int64, error) {
	buf := make([]byte, 64<<10)
	var n int64
	for {
		k, err := r.Read(buf)
		if k > 0 {
			if _, werr := w.Write(buf[:k]); werr != nil {
				return n, werr
			}
			n += int64(k)
			f.progress(Progress{Kind: ProgressBytes, Index: index, Total: total, Target: t, Bytes: offset + n, Size: size})
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// contentRangeStart reads the first byte position of "bytes 100-199/200".
func contentRangeStart(v string) (int64, bool) {
	v, ok := strings.CutPrefix(strings.TrimSpace(v), "bytes ")
	if !ok {
		return 0, false
	}
	dash := strings.IndexByte(v, '-')
	if dash <= 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(v[:dash], 10, 64)
	return n, err == nil
}

// commitPart moves a verified part file to its final name: the rename is
// atomic, so the final name only ever holds a complete file.
func commitPart(part, final string) error {
	if err := os.Rename(part, final); err != nil {
		return err
	}
	os.Remove(part + ".json")
	if d, err := os.Open(filepath.Dir(final)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

func removePart(part string) {
	os.Remove(part)
	os.Remove(part + ".json")
}

func writeJSON(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// hashFile returns the sha256 (hex) and size of a file.
func hashFile(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}
