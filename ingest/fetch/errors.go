package fetch

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// DocError is the failure of one document in one language. The batch goes
// on without it.
type DocError struct {
	Symbol string
	Lang   string
	URL    string
	Err    error
}

func (e *DocError) Error() string {
	return fmt.Sprintf("%s (%s): %v", e.Symbol, e.Lang, e.Err)
}

func (e *DocError) Unwrap() error { return e.Err }

// ContentError reports an answer that is not the PDF that was asked for: an
// HTML error page, an empty body, a truncated file.
type ContentError struct {
	Reason      string
	ContentType string
	// Size is the number of bytes received (-1 when the body was not read
	// to its end).
	Size int64
	// Head holds the first bytes of the body.
	Head []byte
}

func (e *ContentError) Error() string {
	var b strings.Builder
	b.WriteString("not a PDF: ")
	b.WriteString(e.Reason)
	ct := e.ContentType
	if ct == "" {
		ct = "no Content-Type"
	}
	fmt.Fprintf(&b, " (got %s", ct)
	if e.Size >= 0 {
		fmt.Fprintf(&b, ", %d bytes", e.Size)
	}
	if len(e.Head) > 0 {
		fmt.Fprintf(&b, ", starting %s", quoteHead(e.Head))
	}
	b.WriteString(")")
	return b.String()
}

// StatusError is an HTTP answer other than success, after any retries.
type StatusError struct {
	URL         string
	Status      int
	ContentType string
	Head        []byte
	// RetryAfter is what the server asked to wait, when it said.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("HTTP %d from %s", e.Status, e.URL)
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (Retry-After %s)", e.RetryAfter)
	}
	if len(e.Head) > 0 {
		msg += ": " + quoteHead(e.Head)
	}
	return msg
}

// UnreachableError reports a host that could not be reached at all: its
// name does not resolve, nothing listens, or there is no route. It stops a
// batch, since every other request to the host would fail the same way.
type UnreachableError struct {
	// Host is the host the request was for.
	Host string
	// Proxy is the proxy the request went through, if any; it is then the
	// proxy that could not be reached.
	Proxy string
	// Reason says what failed: "cannot resolve the name", "connection
	// refused", "no route to the host", "connection timed out".
	Reason string
	Err    error
}

func (e *UnreachableError) Error() string {
	if e.Proxy != "" {
		return fmt.Sprintf("cannot reach %s through the proxy %s: %s (%v)", e.Host, e.Proxy, e.Reason, e.Err)
	}
	return fmt.Sprintf("cannot reach %s: %s (%v)", e.Host, e.Reason, e.Err)
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// ChallengeError reports a bot challenge (a web application firewall's
// "x-amzn-waf-action" answer) instead of the resource: the service wants a
// browser to run a script first.
type ChallengeError struct {
	URL    string
	Status int
	Action string
}

func (e *ChallengeError) Error() string {
	return fmt.Sprintf("%s answered with a bot challenge (HTTP %d, x-amzn-waf-action: %s) instead of the resource; try again later or use a mirror", e.URL, e.Status, e.Action)
}

// AttemptsError wraps the last error of a request that failed every
// attempt.
type AttemptsError struct {
	Attempts int
	Err      error
}

func (e *AttemptsError) Error() string {
	return fmt.Sprintf("gave up after %d attempts: %v", e.Attempts, e.Err)
}

func (e *AttemptsError) Unwrap() error { return e.Err }

// ErrNoSuchDocument is what a *NotFoundError is: the service has no
// document under the symbol and language asked for.
var ErrNoSuchDocument = errors.New("no such document")

// NotFoundError reports that a service has no such document, in whatever
// way it says so: the Official Document System answers a symbol it does not
// know with its HTML application page (status 200) or a redirect to its
// error page, rather than a 404.
type NotFoundError struct {
	URL string
	// Reason says what the service answered.
	Reason string
	// Err is the underlying failure, if any.
	Err error
	// again marks an answer a busy service also gives: worth one more try
	// before the document is called missing.
	again bool
}

func (e *NotFoundError) Error() string {
	msg := "no such document: " + e.Reason
	if e.Err != nil {
		msg += " (" + e.Err.Error() + ")"
	}
	return msg
}

func (e *NotFoundError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrNoSuchDocument) hold.
func (e *NotFoundError) Is(target error) bool { return target == ErrNoSuchDocument }

// LanguageError reports a downloaded file that is not in the language asked
// for. The file is not kept.
type LanguageError struct {
	Asked string
	// Got is the language the file's text is in, when that was read.
	Got string
	// SameAs is the language of the same symbol whose file is byte for
	// byte this one.
	SameAs string
	SHA256 string
}

func (e *LanguageError) Error() string {
	if e.SameAs != "" {
		return fmt.Sprintf("the %s file is identical to the %s file of the same symbol (sha256 %s): the service sent one file for two languages; not kept", e.Asked, e.SameAs, shortHash(e.SHA256))
	}
	return fmt.Sprintf("the file is in %s, not %s as asked (sha256 %s): the service sent another language; not kept", languageName(e.Got), languageName(e.Asked), shortHash(e.SHA256))
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// languageName names a language code for a message: "French (fr)".
func languageName(code string) string {
	names := map[string]string{"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}
	if n, ok := names[code]; ok {
		return n + " (" + code + ")"
	}
	return code
}

// ErrBodyTooLarge reports a response larger than the configured cap.
var ErrBodyTooLarge = errors.New("response body exceeds the size limit")

// quoteHead renders the first bytes of a body for an error message.
func quoteHead(b []byte) string {
	const max = 64
	s := string(b)
	cut := len(s) > max
	if cut {
		s = s[:max]
	}
	q := fmt.Sprintf("%q", s)
	if cut {
		q += "…"
	}
	return q
}
