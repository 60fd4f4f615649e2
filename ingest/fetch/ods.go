package fetch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// Default base URLs of the services.
const (
	DefaultODSBaseURL     = "https://documents.un.org"
	DefaultLibraryBaseURL = "https://digitallibrary.un.org"
)

// ParseLangs reads a comma-separated list of language codes ("en,fr"),
// lower-casing and de-duplicating them.
func ParseLangs(s string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		l := strings.ToLower(strings.TrimSpace(part))
		if l == "" {
			continue
		}
		if !corpus.IsLanguage(l) {
			return nil, fmt.Errorf("unknown language %q: use one of %s", part, strings.Join(corpus.Languages, ", "))
		}
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no language given: use one of %s", strings.Join(corpus.Languages, ", "))
	}
	return out, nil
}

// symbolRE accepts UN document symbols: "A/75/PV.78", "S/2021/500",
// "A/C.1/75/PV.3", "A/75/L.1/Add.1", "A/ES-11/PV.1", "E/CN.4/2002/1", and
// those whose year or series note follows a space: "S/RES/2728 (2024)",
// "A/1775 (Supp)".
var symbolRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.()\-]*(?: [A-Za-z0-9.()\-]+)*(/[A-Za-z0-9.()\-]+(?: [A-Za-z0-9.()\-]+)*)*$`)

// NormalizeSymbol trims a document symbol, folds runs of spaces to one and
// checks its form, so that a typo or a path never becomes a request or a
// file name.
func NormalizeSymbol(s string) (string, error) {
	sym := strings.Join(strings.Fields(s), " ")
	if sym == "" {
		return "", fmt.Errorf("empty document symbol")
	}
	if len(sym) > 100 || !symbolRE.MatchString(sym) || strings.Contains(sym, "..") {
		return "", fmt.Errorf("%q is not a UN document symbol (expected a form like A/75/PV.78)", s)
	}
	return sym, nil
}

// ODSURL is the Official Document System's address of a document's PDF:
// base/api/symbol/access?s=<symbol>&l=<lang>&t=pdf. It answers with a
// redirect to the file.
//
// The symbol goes in the way the service's own document pages and other
// clients write it: slashes and parentheses as they are, a space as %20,
// anything else percent-encoded ("S/RES/2728 (2024)" →
// s=S/RES/2728%20(2024)).
func ODSURL(base, symbol, lang string) string {
	if base == "" {
		base = DefaultODSBaseURL
	}
	return strings.TrimRight(base, "/") + "/api/symbol/access?s=" + escapeSymbol(symbol) + "&l=" + url.QueryEscape(lang) + "&t=pdf"
}

// escapeSymbol percent-encodes a symbol for the query, keeping the
// unreserved characters, slashes and parentheses.
func escapeSymbol(symbol string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(symbol); i++ {
		c := symbol[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/', c == '(', c == ')':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// fetchODS fetches a target from the Official Document System the way the
// service answers (observed shapes, see the package documentation): the
// API redirects to the file's path, given relative to the service and
// sometimes in upper case where only the lower-case path serves the file;
// a symbol the service does not have comes back as its HTML application
// page with status 200, or as a redirect to its error page. A redirect
// target that fails is tried once more with its path lower-cased; an
// application page or error page is tried once more as a whole, then
// reported as a *NotFoundError.
func (f *Fetcher) fetchODS(ctx context.Context, t Target, apiURL, name string, cond *ManifestEntry, index, total int) (*download, error) {
	var err error
	for try := 1; ; try++ {
		var dl *download
		dl, err = f.fetchODSOnce(ctx, t, apiURL, name, cond, index, total)
		if err == nil {
			dl.url = apiURL
			return dl, nil
		}
		var nf *NotFoundError
		if !errors.As(err, &nf) || !nf.again || try == 2 || ctx.Err() != nil {
			return nil, err
		}
		if perr := f.client.pause(ctx, apiURL, try, fmt.Errorf("%s; asking once more", nf.Reason)); perr != nil {
			return nil, perr
		}
	}
}

func (f *Fetcher) fetchODSOnce(ctx context.Context, t Target, apiURL, name string, cond *ManifestEntry, index, total int) (*download, error) {
	target, err := f.locate(ctx, apiURL, cond)
	if err != nil {
		return nil, err
	}
	if target == apiURL {
		return f.download(ctx, t, apiURL, name, cond, index, total)
	}
	dl, err := f.download(ctx, t, target, name, cond, index, total)
	if err == nil || !worthLowerCase(ctx, err) {
		return dl, notFoundIfAppPage(target, err)
	}
	lower := lowerCasePath(target)
	if lower == target {
		return nil, notFoundIfAppPage(target, err)
	}
	dl, lerr := f.download(ctx, t, lower, name, cond, index, total)
	if lerr == nil {
		return dl, nil
	}
	if !worthLowerCase(ctx, lerr) {
		return nil, lerr
	}
	return nil, notFoundIfAppPage(target, fmt.Errorf("%s: %w; with the path lower-cased, %s: %v", target, err, lower, lerr))
}

// locate asks the API where a document is, without following the answer:
// it returns the redirect's target resolved against the API's address, or
// apiURL itself when the API serves the file (or a 304) at once, as a
// mirror may.
func (f *Fetcher) locate(ctx context.Context, apiURL string, cond *ManifestEntry) (string, error) {
	var target string
	err := f.client.DoDirect(ctx, func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiURL, nil)
		if err != nil {
			return nil, err
		}
		// The service varies its answer on Accept.
		req.Header.Set("Accept", "application/pdf")
		req.Header.Set("Accept-Encoding", "identity")
		if cond != nil && cond.ETag != "" {
			req.Header.Set("If-None-Match", cond.ETag)
		}
		if cond != nil && cond.LastModified != "" {
			req.Header.Set("If-Modified-Since", cond.LastModified)
		}
		return req, nil
	}, func(resp *http.Response) error {
		switch code := resp.StatusCode; {
		case code == http.StatusMovedPermanently, code == http.StatusFound, code == http.StatusSeeOther,
			code == http.StatusTemporaryRedirect, code == http.StatusPermanentRedirect:
			loc := resp.Header.Get("Location")
			if loc == "" {
				return fmt.Errorf("%s: HTTP %d without a Location", apiURL, code)
			}
			u, err := resp.Request.URL.Parse(loc)
			if err != nil {
				return fmt.Errorf("%s: HTTP %d to an unreadable Location %q: %v", apiURL, code, loc, err)
			}
			if strings.TrimRight(strings.ToLower(u.Path), "/") == "/error" {
				return &NotFoundError{URL: apiURL, again: true,
					Reason: fmt.Sprintf("the service redirected to its error page (%s): the symbol may be malformed, or the service refused the request", u.Redacted())}
			}
			target = u.String()
			return nil
		case code == http.StatusOK, code == http.StatusNotModified:
			if code == http.StatusOK {
				head, _ := bufio.NewReaderSize(resp.Body, pdfHeaderWindow).Peek(pdfHeaderWindow)
				ct := resp.Header.Get("Content-Type")
				if err := checkContentType(ct, head); err != nil {
					return notFoundIfAppPage(apiURL, withSize(err, resp.ContentLength))
				}
				if err := checkPDFHead(head, ct, resp.ContentLength); err != nil {
					return notFoundIfAppPage(apiURL, err)
				}
			}
			target = apiURL
			return nil
		case code == http.StatusNotFound, code == http.StatusGone:
			se := newStatusError(resp)
			return &NotFoundError{URL: apiURL, Reason: se.Error()}
		default:
			return newStatusError(resp)
		}
	})
	return target, err
}

// withSize completes a ContentError with the announced body size.
func withSize(err error, size int64) error {
	var ce *ContentError
	if errors.As(err, &ce) && ce.Size < 0 && size >= 0 {
		ce.Size = size
	}
	return err
}

// worthLowerCase tells whether a failed redirect target is worth another
// try under its lower-cased path: not when ctx is done, the host is out of
// reach, or a bot challenge stands in the way.
func worthLowerCase(ctx context.Context, err error) bool {
	var ue *UnreachableError
	var ce *ChallengeError
	return ctx.Err() == nil && !errors.As(err, &ue) && !errors.As(err, &ce)
}

// lowerCasePath lower-cases the path of a URL, leaving the rest as it is.
func lowerCasePath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Path = strings.ToLower(u.Path)
	u.RawPath = ""
	return u.String()
}

// notFoundIfAppPage turns an answer that is an HTML page or nothing at all
// instead of the file into a *NotFoundError; other errors pass unchanged.
func notFoundIfAppPage(u string, err error) error {
	var ce *ContentError
	if err == nil || !errors.As(err, &ce) {
		return err
	}
	var reason string
	switch {
	case ce.Size == 0:
		reason = "the service answered an empty body instead of the file"
	case isHTML(ce.Head):
		reason = "the service answered an HTML page instead of the file"
	default:
		return err
	}
	return &NotFoundError{URL: u, Reason: reason, Err: err, again: true}
}

// isHTML tells whether a body starts like an HTML page.
func isHTML(head []byte) bool {
	h := strings.ToLower(strings.TrimSpace(string(head[:min(len(head), 64)])))
	return strings.HasPrefix(h, "<!doctype html") || strings.HasPrefix(h, "<html")
}
