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
