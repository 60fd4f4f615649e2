// Package fetch owns pulling documents from the UN document services into a
// workspace's raw/ directory.
//
// By symbol, a document comes from the Official Document System (ODS), whose
// API answers a symbol and a language with a redirect to the PDF; the file
// lands in raw/ as <slug>.<lang>.pdf with an entry in raw/manifest.json
// (sha256, size, validators). The service is met as it is reported to
// answer: the redirect's path is relative and may come in upper case where
// only the lower-case path serves the file (it is tried once more
// lower-cased); a symbol it does not have comes back as its HTML
// application page with status 200, or a redirect to its error page, which
// is tried once more and then reported as no such document. A file
// identical to another language's, or whose text is in another language,
// is refused. By session, the meetings that debated the General Assembly's
// item "Report of the Security Council" come from the embedded registry
// (registry.yaml, every fact with its source) merged with discovery in the
// UN Digital Library's MARCXML search, whose meeting records (191) and
// speech records (791) name the meetings; registry facts win and
// disagreements are reported, and a library out of reach leaves the registry
// to answer alone.
//
// The HTTP client is built for polite, unattended use: a User-Agent naming
// the tool, connect/header/body timeouts and a size cap, retries with
// exponential backoff and jitter that honour Retry-After, a rate limit per
// host, conditional requests, resumable downloads into a temporary file that
// is renamed only once complete and verified, proxies from the environment,
// and a base URL per service so that a mirror or a test server can stand in.
// A response that is not a PDF is an error naming the document and what came
// back; it never reaches raw/. A bot challenge (a web application
// firewall's x-amzn-waf-action answer) is reported, never worked around:
// the client names itself and sends nothing a browser would to pass it.
//
// The package never prints: progress and per-document outcomes reach the
// caller through callbacks and the returned report.
package fetch
