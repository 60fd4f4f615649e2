// Package web serves a workspace's index over HTTP: the search page, the
// per-state pages, the passage pages with their language versions, and the
// JSON API. The server only reads: it opens the index read-only, serves
// its assets from the binary, and no request path is ever turned into a
// file path.
package web

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
)

//go:embed assets templates
var embedded embed.FS

// Server timeouts and caps.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 10 * time.Second
	WriteTimeout      = 60 * time.Second
	IdleTimeout       = 120 * time.Second
	maxHeaderBytes    = 16 << 10
	// DefaultMaxWorkbookPassages caps a workbook download.
	DefaultMaxWorkbookPassages = 20000
	searchTimeout              = 10 * time.Second
)

// WorkbookFunc writes the workbook of the passages matching a search;
// hits are those passages, without their text. It is the server's one
// way to the workbook: the command plugs in reports.SearchWorkbook, so
// that this package does not depend on the workbook's writer.
type WorkbookFunc func(ctx context.Context, w io.Writer, req *index.Request, hits []index.Passage) error

// Options configure a Server. The zero value serves search without
// workbook downloads.
type Options struct {
	// Workbook, when set, enables /api/report.xlsx.
	Workbook WorkbookFunc
	// MaxWorkbookPassages caps the passages of one workbook (default
	// 20,000); larger selections get a 400 asking to narrow the search.
	MaxWorkbookPassages int
	// MaxWorkbookBytes caps the size of one workbook (default 64 MiB).
	MaxWorkbookBytes int64
	// MaxConcurrent caps the requests served at once (default 64); the
	// rest wait up to QueueTimeout and then get a 503, so that a flood of
	// searches cannot exhaust memory.
	MaxConcurrent int
	// QueueTimeout is how long a request waits for its turn (default 5s).
	QueueTimeout time.Duration
	// ThemeName and GroupName, when set, name theme and group IDs on the
	// pages (the IDs are shown otherwise; the API always gives IDs).
	ThemeName func(id string) string
	GroupName func(id string) string
	// OnError, when set, is told about internal errors (the client only
	// sees that something failed).
	OnError func(r *http.Request, err error)
	// Vocabulary checks the filter values of every search (zero: the
	// built-in taxonomy and group table); see ResolveFilters.
	Vocabulary Vocabulary
}

// Server is the HTTP front end of an index.
type Server struct {
	ix    *index.Index
	opts  Options
	pages *template.Template
	mux   *http.ServeMux
	slots chan struct{}
}

// New returns a server for ix.
func New(ix *index.Index, opts Options) (*Server, error) {
	if opts.MaxWorkbookPassages <= 0 {
		opts.MaxWorkbookPassages = DefaultMaxWorkbookPassages
	}
	if opts.MaxWorkbookBytes <= 0 {
		opts.MaxWorkbookBytes = 64 << 20
	}
	if opts.MaxConcurrent <= 0 {
		opts.MaxConcurrent = 64
	}
	if opts.QueueTimeout <= 0 {
		opts.QueueTimeout = 5 * time.Second
	}
	if opts.ThemeName == nil {
		opts.ThemeName = func(id string) string { return id }
	}
	if opts.GroupName == nil {
		opts.GroupName = func(id string) string { return id }
	}
	funcs := template.FuncMap{
		"join":      strings.Join,
		"themeName": opts.ThemeName,
		"groupName": opts.GroupName,
		"stateName": stateName,
	}
	pages, err := template.New("").Funcs(funcs).ParseFS(embedded, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	s := &Server{ix: ix, opts: opts, pages: pages, mux: http.NewServeMux(), slots: make(chan struct{}, opts.MaxConcurrent)}
	assets, err := fs.Sub(embedded, "assets")
	if err != nil {
		return nil, err
	}
	s.mux.Handle("GET /assets/", http.StripPrefix("/assets/", s.filesOnly(assets)))
	s.mux.HandleFunc("GET /{$}", s.searchPage)
	s.mux.HandleFunc("GET /state/{code}", s.statePage)
	s.mux.HandleFunc("GET /passage/{id...}", s.passagePage)
	s.mux.HandleFunc("GET /api/search", s.apiSearch)
	s.mux.HandleFunc("GET /api/passage/{id...}", s.apiPassage)
	s.mux.HandleFunc("GET /api/report.xlsx", s.apiWorkbook)
	s.mux.HandleFunc("/", s.notFound)
	return s, nil
}

// Handler is the server's handler with its security headers.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			writeJSONError(w, http.StatusMethodNotAllowed, "the server is read-only: only GET and HEAD are allowed", "")
			return
		}
		wait := time.NewTimer(s.opts.QueueTimeout)
		defer wait.Stop()
		select {
		case s.slots <- struct{}{}:
			defer func() { <-s.slots }()
		case <-wait.C:
			h.Set("Retry-After", "5")
			writeJSONError(w, http.StatusServiceUnavailable, "the server is busy; try again shortly", "")
			return
		case <-r.Context().Done():
			return
		}
		s.mux.ServeHTTP(w, r)
	})
}

// filesOnly serves the files of fsys, and no listing of its directories.
func (s *Server) filesOnly(fsys fs.FS) http.Handler {
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if st, err := fs.Stat(fsys, name); err != nil || !st.Mode().IsRegular() || name != r.URL.Path {
			s.notFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// ShutdownGrace is how long Serve gives the requests under way when it
// stops: half of it to finish, the rest to stop once cancelled.
const ShutdownGrace = 4 * time.Second

// Serve serves h on ln until ctx is cancelled, then shuts down: requests
// under way have half of grace to finish, then their contexts are
// cancelled, which stops the searches still running, and after grace the
// connections left are closed.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration) error {
	// Requests do not end with ctx itself, so that those under way may
	// finish while the server stops.
	requests, cancelRequests := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelRequests()
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		BaseContext:       func(net.Listener) context.Context { return requests },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	drained := time.AfterFunc(grace/2, cancelRequests)
	defer drained.Stop()
	if err := srv.Shutdown(shutdown); err != nil {
		srv.Close()
		return fmt.Errorf("web: shutdown: %w", err)
	}
	<-errc
	return nil
}

// errorBody is the JSON of an error response.
type errorBody struct {
	Error    string `json:"error"`
	Param    string `json:"param,omitempty"`
	Position int    `json:"position,omitempty"`
	// Suggestions are the known values nearest to an unknown filter value.
	Suggestions []string `json:"suggestions,omitempty"`
}

func writeJSONError(w http.ResponseWriter, status int, msg, param string) {
	writeJSON(w, status, errorBody{Error: msg, Param: param})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// classify maps an error to an HTTP status and a message safe to show.
func (s *Server) classify(r *http.Request, err error) (int, errorBody) {
	var re *index.RequestError
	var tm *index.TooManyError
	var qe *index.QueryError
	var nf *index.NotFoundError
	var uv *corpus.UnknownValueError
	switch {
	case errors.As(err, &uv):
		return http.StatusBadRequest, errorBody{Error: uv.Error(), Param: uv.Param, Suggestions: uv.Suggestions}
	case errors.As(err, &re):
		return http.StatusBadRequest, errorBody{Error: re.Error(), Param: re.Param}
	case errors.As(err, &tm):
		return http.StatusBadRequest, errorBody{Error: tm.Error(), Param: "selection"}
	case errors.As(err, &qe):
		return http.StatusBadRequest, errorBody{Error: qe.Error(), Param: "q", Position: qe.Pos + 1}
	case errors.As(err, &nf):
		return http.StatusNotFound, errorBody{Error: nf.Error()}
	case errors.Is(err, index.ErrNoIndex):
		return http.StatusServiceUnavailable, errorBody{Error: err.Error()}
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, errorBody{Error: "the search took too long; narrow it down"}
	case errors.Is(err, context.Canceled):
		return 499, errorBody{Error: "request cancelled"}
	}
	if s.opts.OnError != nil {
		s.opts.OnError(r, err)
	}
	return http.StatusInternalServerError, errorBody{Error: "internal error"}
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	status, body := s.classify(r, err)
	writeJSON(w, status, body)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSONError(w, http.StatusNotFound, "no such endpoint", "")
		return
	}
	s.render(w, r, http.StatusNotFound, "error.html", errorPage{Title: "Not found", Message: "There is no page at this address."})
}

var countryCode = regexp.MustCompile(`^[A-Za-z]{2,3}$`)

// stateName is the English short name of a state, or its code.
func stateName(code string) string {
	if c, ok := corpus.CountryByCode(code); ok {
		return c.Name("en")
	}
	return code
}

// parseRequest reads a search from the query parameters and resolves its
// filter values against the server's vocabulary.
func (s *Server) parseRequest(r *http.Request) (index.Request, error) {
	req, err := ParseRequest(r.URL.Query())
	if err != nil {
		return req, err
	}
	ctx, cancel := searchContext(r)
	defer cancel()
	return req, ResolveFilters(ctx, s.ix, &req, s.opts.Vocabulary)
}

// searchContext is the context of the searches of one request: the
// request's own, which ends when the client goes away or the server stops,
// within the search time limit.
func searchContext(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), searchTimeout)
}
