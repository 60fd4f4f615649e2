package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/time/rate"
)

// Clock is the time source of a Client: rate limiting and backoff wait on
// it, so that tests can run them without real waits.
type Clock interface {
	Now() time.Time
	// Sleep waits for d or until ctx is done, whichever comes first.
	Sleep(ctx context.Context, d time.Duration) error
}

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// HTTPOptions configure a Client. The zero value is a polite client for
// the public services.
type HTTPOptions struct {
	// UserAgent names the tool and its version; empty: DefaultUserAgent().
	UserAgent string
	// Rate is the number of requests per second allowed to each host; 0
	// means 1, a negative value means no limit.
	Rate float64
	// ConnectTimeout bounds the TCP connection and TLS handshake; 0: 15s.
	ConnectTimeout time.Duration
	// HeaderTimeout bounds the wait for the response headers once the
	// request is sent; 0: 60s.
	HeaderTimeout time.Duration
	// BodyTimeout bounds one whole attempt, body included; 0: 10 minutes.
	BodyTimeout time.Duration
	// MaxBytes caps a response body; 0: 256 MiB.
	MaxBytes int64
	// MaxAttempts is the number of tries of one request; 0: 5.
	MaxAttempts int
	// BaseDelay is the first backoff delay, doubled at each retry up to
	// MaxDelay; 0: 1s and 60s.
	BaseDelay, MaxDelay time.Duration
	// MaxRetryAfter is the longest Retry-After honoured; a server asking
	// for longer fails the request at once. 0: 5 minutes.
	MaxRetryAfter time.Duration
	// Clock defaults to the system clock.
	Clock Clock
	// Proxy chooses the proxy of a request; nil: http.ProxyFromEnvironment
	// (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).
	Proxy func(*http.Request) (*url.URL, error)
	// Transport replaces the transport built from the options above.
	Transport http.RoundTripper
	// OnRetry, when set, is told about each retry before its wait.
	OnRetry func(Retry)
}

// Retry describes a retry about to happen.
type Retry struct {
	URL string
	// Attempt is the attempt that failed (1-based).
	Attempt int
	Delay   time.Duration
	Err     error
}

// Client is an HTTP client for the UN services: rate limited per host,
// retrying, with timeouts and a body size cap. It is safe for concurrent use.
type Client struct {
	http *http.Client
	// direct answers a redirect with the redirect itself, for the callers
	// that look at where a service points before going there.
	direct        *http.Client
	userAgent     string
	limit         rate.Limit
	clock         Clock
	proxy         func(*http.Request) (*url.URL, error)
	bodyTimeout   time.Duration
	maxBytes      int64
	maxAttempts   int
	baseDelay     time.Duration
	maxDelay      time.Duration
	maxRetryAfter time.Duration
	onRetry       func(Retry)

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

// DefaultUserAgent names the tool, its version and where it comes from.
func DefaultUserAgent() string {
	v := "devel"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	return "scdebate/" + v + " (+https://github.com/scdebate/scdebate)"
}

// NewClient builds a Client from opts.
func NewClient(opts HTTPOptions) *Client {
	c := &Client{
		userAgent:     opts.UserAgent,
		limit:         rate.Limit(opts.Rate),
		clock:         opts.Clock,
		proxy:         opts.Proxy,
		bodyTimeout:   orDuration(opts.BodyTimeout, 10*time.Minute),
		maxBytes:      opts.MaxBytes,
		maxAttempts:   opts.MaxAttempts,
		baseDelay:     orDuration(opts.BaseDelay, time.Second),
		maxDelay:      orDuration(opts.MaxDelay, time.Minute),
		maxRetryAfter: orDuration(opts.MaxRetryAfter, 5*time.Minute),
		onRetry:       opts.OnRetry,
		limiters:      map[string]*rate.Limiter{},
	}
	if c.userAgent == "" {
		c.userAgent = DefaultUserAgent()
	}
	switch {
	case opts.Rate == 0:
		c.limit = 1
	case opts.Rate < 0:
		c.limit = rate.Inf
	}
	if c.clock == nil {
		c.clock = systemClock{}
	}
	if c.proxy == nil {
		c.proxy = http.ProxyFromEnvironment
	}
	if c.maxBytes <= 0 {
		c.maxBytes = 256 << 20
	}
	if c.maxAttempts <= 0 {
		c.maxAttempts = 5
	}
	transport := opts.Transport
	if transport == nil {
		connect := orDuration(opts.ConnectTimeout, 15*time.Second)
		transport = &http.Transport{
			Proxy:                 c.proxy,
			DialContext:           (&net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   connect,
			ResponseHeaderTimeout: orDuration(opts.HeaderTimeout, time.Minute),
			ExpectContinueTimeout: time.Second,
			MaxIdleConnsPerHost:   2,
			IdleConnTimeout:       90 * time.Second,
			ForceAttemptHTTP2:     true,
		}
	}
	c.http = &http.Client{
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 10 {
				return fmt.Errorf("stopped after %d redirects", len(via))
			}
			// A redirect is one more request to a host: it waits its turn.
			return c.wait(req.Context(), req.URL.Host)
		},
	}
	c.direct = &http.Client{
		Transport: transport,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	return c
}

func orDuration(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// MaxBytes is the body size cap.
func (c *Client) MaxBytes() int64 { return c.maxBytes }

// wait blocks until the rate limit for host allows one more request.
func (c *Client) wait(ctx context.Context, host string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.limit == rate.Inf {
		return nil
	}
	c.mu.Lock()
	lim, ok := c.limiters[host]
	if !ok {
		lim = rate.NewLimiter(c.limit, 1)
		c.limiters[host] = lim
	}
	c.mu.Unlock()
	now := c.clock.Now()
	r := lim.ReserveN(now, 1)
	d := r.DelayFrom(now)
	if d <= 0 {
		return nil
	}
	if err := c.clock.Sleep(ctx, d); err != nil {
		r.CancelAt(c.clock.Now())
		return err
	}
	return nil
}

// transientError marks an error worth another attempt at url.
type transientError struct {
	err error
	url string
}

func (e transientError) Error() string { return e.err.Error() }
func (e transientError) Unwrap() error { return e.err }

// retryStatus reports the statuses that are worth another attempt.
func retryStatus(code int) bool {
	switch code {
	case http.StatusRequestTimeout, http.StatusTooManyRequests,
		http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// Do sends the request newReq builds, rate limited, and passes the
// response to handle, which reads the body. Retryable statuses (429, 5xx)
// and network errors, including those handle meets while reading, are
// retried with exponential backoff and jitter, honouring Retry-After. A host
// that cannot be reached gives an *UnreachableError at once. newReq is
// called for each attempt with that attempt's context, so that it can adapt
// the request (a Range header after a partial body).
func (c *Client) Do(ctx context.Context, newReq func(ctx context.Context) (*http.Request, error), handle func(*http.Response) error) error {
	return c.do(ctx, c.http, newReq, handle)
}

// DoDirect is Do without following redirects: handle sees a 3xx answer
// and its Location.
func (c *Client) DoDirect(ctx context.Context, newReq func(ctx context.Context) (*http.Request, error), handle func(*http.Response) error) error {
	return c.do(ctx, c.direct, newReq, handle)
}

func (c *Client) do(ctx context.Context, hc *http.Client, newReq func(ctx context.Context) (*http.Request, error), handle func(*http.Response) error) error {
	for attempt := 1; ; attempt++ {
		retryAfter, err := c.attempt(ctx, hc, newReq, handle)
		if err == nil {
			return nil
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		var tr transientError
		if !errors.As(err, &tr) {
			return err
		}
		err = tr.err
		if attempt >= c.maxAttempts {
			return &AttemptsError{Attempts: attempt, Err: err}
		}
		delay := c.backoff(attempt)
		if retryAfter > 0 {
			if retryAfter > c.maxRetryAfter {
				return fmt.Errorf("the server asked to wait %s before retrying, longer than %s: %w", retryAfter, c.maxRetryAfter, err)
			}
			delay = retryAfter
		}
		if c.onRetry != nil {
			c.onRetry(Retry{URL: tr.url, Attempt: attempt, Delay: delay, Err: err})
		}
		if err := c.clock.Sleep(ctx, delay); err != nil {
			return err
		}
	}
}

// attempt makes one try; a retryable failure comes back as a
// transientError, with the server's Retry-After when it gave one.
func (c *Client) attempt(ctx context.Context, hc *http.Client, newReq func(ctx context.Context) (*http.Request, error), handle func(*http.Response) error) (time.Duration, error) {
	req, err := newReq(ctx)
	if err != nil {
		return 0, err
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	// The wait for the rate limit is not part of the attempt's time.
	if err := c.wait(ctx, req.URL.Host); err != nil {
		return 0, err
	}
	actx, cancel := context.WithTimeout(ctx, c.bodyTimeout)
	defer cancel()
	req = req.WithContext(actx)
	resp, err := hc.Do(req)
	if err != nil {
		return 0, c.classify(req, actx, err)
	}
	defer resp.Body.Close()
	if retryStatus(resp.StatusCode) {
		se := newStatusError(resp)
		se.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), c.clock.Now())
		return se.RetryAfter, transientError{se, se.URL}
	}
	if action := resp.Header.Get("X-Amzn-Waf-Action"); action != "" {
		return 0, &ChallengeError{URL: req.URL.Redacted(), Status: resp.StatusCode, Action: action}
	}
	if err := handle(resp); err != nil {
		if actx.Err() != nil && ctx.Err() == nil {
			return 0, transientError{fmt.Errorf("%s: no complete answer within %s: %w", req.URL.Redacted(), c.bodyTimeout, err), req.URL.Redacted()}
		}
		if ctx.Err() == nil && isNetworkError(err) {
			return 0, transientError{err, req.URL.Redacted()}
		}
		return 0, err
	}
	return 0, nil
}

// classify turns a transport error into an *UnreachableError, a retryable
// error, or the cancellation of ctx.
func (c *Client) classify(req *http.Request, actx context.Context, err error) error {
	if ctxErr := actx.Err(); ctxErr != nil {
		if errors.Is(ctxErr, context.DeadlineExceeded) {
			return transientError{fmt.Errorf("%s: no answer within %s: %w", req.URL.Redacted(), c.bodyTimeout, err), req.URL.Redacted()}
		}
		return ctxErr
	}
	if reason := unreachableReason(err); reason != "" {
		ue := &UnreachableError{Host: req.URL.Host, Reason: reason, Err: err}
		if p, perr := c.proxy(req); perr == nil && p != nil {
			ue.Proxy = p.Host
		}
		return ue
	}
	return transientError{err, req.URL.Redacted()}
}

// unreachableReason says why a host could not be reached, or "" when the
// error is something else (a reset connection, a timeout while talking).
func unreachableReason(err error) string {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return "cannot resolve the name"
	}
	var opErr *net.OpError
	if !errors.As(err, &opErr) || (opErr.Op != "dial" && opErr.Op != "proxyconnect") {
		return ""
	}
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return "no route to the host"
	case opErr.Timeout():
		return "connection timed out"
	}
	return "cannot connect"
}

// isNetworkError reports an error met while reading a body that another
// attempt may not meet: a reset or cut connection, a timeout.
func isNetworkError(err error) bool {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne)
}

// pause waits before another try that the caller, not Do, decided on,
// telling OnRetry about it.
func (c *Client) pause(ctx context.Context, u string, attempt int, err error) error {
	delay := c.backoff(attempt)
	if c.onRetry != nil {
		c.onRetry(Retry{URL: u, Attempt: attempt, Delay: delay, Err: err})
	}
	return c.clock.Sleep(ctx, delay)
}

// backoff is the wait before retry n (1-based): exponential, capped, with
// jitter over its upper half so that clients retrying together spread out.
func (c *Client) backoff(n int) time.Duration {
	d := c.baseDelay
	for i := 1; i < n && d < c.maxDelay; i++ {
		d *= 2
	}
	if d > c.maxDelay {
		d = c.maxDelay
	}
	half := d / 2
	if half <= 0 {
		return d
	}
	return half + rand.N(half+1)
}

// parseRetryAfter reads a Retry-After header: delay-seconds or an
// HTTP-date. It returns 0 when absent or unreadable.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		if secs > int64(24*time.Hour/time.Second) {
			secs = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(secs) * time.Second
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0
	}
	if d := t.Sub(now); d > 0 {
		return d
	}
	return 0
}

// newStatusError describes a response with an unwanted status, keeping the
// first bytes of its body for the message.
func newStatusError(resp *http.Response) *StatusError {
	head, _ := readHead(resp.Body, 256)
	u := ""
	if resp.Request != nil {
		u = resp.Request.URL.Redacted()
	}
	return &StatusError{URL: u, Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Head: head}
}

// readHead reads up to n bytes.
func readHead(r io.Reader, n int) ([]byte, error) {
	buf := make([]byte, n)
	k, err := io.ReadFull(r, buf)
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		err = nil
	}
	return buf[:k], err
}

// GetBody fetches url and returns its body, at most the client's size cap,
// after checking that the status is 200. accept is sent as the Accept
// header.
func (c *Client) GetBody(ctx context.Context, rawURL, accept string) ([]byte, http.Header, error) {
	var body []byte
	var hdr http.Header
	err := c.Do(ctx, func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
		if err != nil {
			return nil, err
		}
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		return req, nil
	}, func(resp *http.Response) error {
		if resp.StatusCode != http.StatusOK {
			return newStatusError(resp)
		}
		b, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBytes+1))
		if err != nil {
			return err
		}
		if int64(len(b)) > c.maxBytes {
			return fmt.Errorf("%s: %w (%d bytes)", rawURL, ErrBodyTooLarge, c.maxBytes)
		}
		body, hdr = b, resp.Header
		return nil
	})
	return body, hdr, err
}
