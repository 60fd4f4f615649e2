package corpus

import (
	"fmt"
	"strconv"
	"strings"
)

// SessionRange is an inclusive range of General Assembly sessions. 0 leaves
// a side open: {75, 0} is the 75th session on, {0, 79} up to the 79th.
type SessionRange struct {
	From, To int
}

// String renders the range as ParseSessionRange reads it.
func (r SessionRange) String() string {
	switch {
	case r.From == r.To:
		return strconv.Itoa(r.From)
	case r.To == 0:
		return strconv.Itoa(r.From) + "-"
	case r.From == 0:
		return "-" + strconv.Itoa(r.To)
	}
	return strconv.Itoa(r.From) + "-" + strconv.Itoa(r.To)
}

// Contains tells whether session lies in the range.
func (r SessionRange) Contains(session int) bool {
	return session >= r.From && (r.To == 0 || session <= r.To)
}

// Closed tells whether both ends of the range are given.
func (r SessionRange) Closed() bool { return r.From > 0 && r.To > 0 }

// SessionError reports a session or range that does not parse.
type SessionError struct {
	Value string // the text given, trimmed
	Msg   string
}

func (e *SessionError) Error() string {
	return fmt.Sprintf("bad session %q: %s", e.Value, e.Msg)
}

const wantSession = "want a session number or a range such as 75-79"

// ParseSessionRange parses one session or range: "75", "75-79", or a range
// open on one side, "75-" or "-79". Session numbers have at most four
// digits, which keeps a hostile number from overflowing.
func ParseSessionRange(s string) (SessionRange, error) {
	s = strings.TrimSpace(s)
	bad := func(msg string) (SessionRange, error) {
		return SessionRange{}, &SessionError{Value: s, Msg: msg}
	}
	num := func(v string) (int, bool) {
		if v == "" || len(v) > 4 {
			return 0, false
		}
		n, err := strconv.Atoi(v)
		return n, err == nil && n > 0
	}
	from, to, isRange := strings.Cut(s, "-")
	if !isRange {
		n, ok := num(s)
		if !ok {
			return bad(wantSession)
		}
		return SessionRange{n, n}, nil
	}
	if from == "" && to == "" {
		return bad("empty range")
	}
	var r SessionRange
	var ok bool
	if from != "" {
		if r.From, ok = num(from); !ok {
			return bad(wantSession)
		}
	}
	if to != "" {
		if r.To, ok = num(to); !ok {
			return bad(wantSession)
		}
	}
	if r.To != 0 && r.From > r.To {
		return bad("the range runs backwards")
	}
	return r, nil
}

// ParseSessions parses a comma-separated list of sessions and closed ranges,
// "70-72,75", as the commands that enumerate sessions take them. Empty items
// are skipped; an empty list is an error.
func ParseSessions(s string) ([]SessionRange, error) {
	var out []SessionRange
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		r, err := ParseSessionRange(part)
		if err != nil {
			return nil, err
		}
		if !r.Closed() {
			return nil, &SessionError{Value: part, Msg: "want a session number or a closed range such as 75-79"}
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, &SessionError{Value: strings.TrimSpace(s), Msg: "no session given"}
	}
	return out, nil
}

// FormatSessions renders ranges as ParseSessions reads them.
func FormatSessions(rs []SessionRange) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = r.String()
	}
	return strings.Join(parts, ",")
}
