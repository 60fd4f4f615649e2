package index

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on a text query, so that hostile input cannot make a query
// expensive to parse or run.
const (
	MaxQueryLength = 1000
	maxQueryTerms  = 64
	maxQueryDepth  = 16
	maxFuzziness   = 2
)

// QueryError reports a malformed text query, with the byte offset of the
// problem.
type QueryError struct {
	Query string
	Pos   int
	Msg   string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("query %q: %s at position %d", truncate(e.Query, 80), e.Msg, e.Pos+1)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Node is a parsed text query. Terms next to each other must all match;
// OR, NOT (or a leading "-"), parentheses, "quoted phrases", trailing "*"
// for a prefix and trailing "~" or "~N" for a fuzzy term are understood.
type Node struct {
	Op       Op
	Children []*Node // OpAnd, OpOr: two or more; OpNot: one
	Text     string  // OpTerm, OpPhrase, OpPrefix: as typed
	Fuzzy    int     // OpTerm: edit distance, 0 for exact
}

// Op is the kind of a query node.
type Op int

// Kinds of query node.
const (
	OpTerm Op = iota
	OpPhrase
	OpPrefix
	OpAnd
	OpOr
	OpNot
)

// String renders the node in the query syntax, normalised.
func (n *Node) String() string {
	switch n.Op {
	case OpTerm:
		if n.Fuzzy > 0 {
			return n.Text + "~" + strconv.Itoa(n.Fuzzy)
		}
		return n.Text
	case OpPhrase:
		return `"` + n.Text + `"` // a phrase cannot contain quotation marks
	case OpPrefix:
		return n.Text + "*"
	case OpNot:
		return "NOT " + n.Children[0].String()
	}
	sep := " AND "
	if n.Op == OpOr {
		sep = " OR "
	}
	parts := make([]string, len(n.Children))
	for i, c := range n.Children {
		parts[i] = c.String()
	}
	return "(" + strings.Join(parts, sep) + ")"
}

type tokenKind int

const (
	tokWord tokenKind = iota
	tokPhrase
	tokLParen
	tokRParen
	tokAnd
	tokOr
	tokNot
	tokEOF
)

type token struct {
	kind tokenKind
	text string
	pos  int
}

// ParseQuery parses a free-text query. An empty query (only spaces) gives a
// nil node and no error: it matches everything.
func ParseQuery(q string) (*Node, error) {
	if len(q) > MaxQueryLength {
		return nil, &QueryError{Query: q, Pos: MaxQueryLength, Msg: fmt.Sprintf("longer than %d bytes", MaxQueryLength)}
	}
	if !utf8.ValidString(q) {
		return nil, &QueryError{Query: q, Msg: "not valid UTF-8"}
	}
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{q: q, toks: toks}
	if p.peek().kind == tokEOF {
		return nil, nil
	}
	n, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, p.errAt(t, "unexpected "+describe(t))
	}
	return n, nil
}

func lex(q string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(q) {
		r, size := utf8.DecodeRuneInString(q[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case r == '(':
			toks = append(toks, token{tokLParen, "(", i})
			i += size
		case r == ')':
			toks = append(toks, token{tokRParen, ")", i})
			i += size
		case r == '"' || r == '“' || r == '”':
			start := i
			i += size
			end := -1
			for j := i; j < len(q); {
				r2, s2 := utf8.DecodeRuneInString(q[j:])
				if r2 == '"' || r2 == '”' || r2 == '“' {
					end = j
					i = j + s2
					break
				}
				j += s2
			}
			if end < 0 {
				return nil, &QueryError{Query: q, Pos: start, Msg: "unterminated quotation mark"}
			}
			text := strings.TrimSpace(q[start+size : end])
			if text == "" {
				return nil, &QueryError{Query: q, Pos: start, Msg: "empty phrase"}
			}
			toks = append(toks, token{tokPhrase, text, start})
		case (r == '-' || r == '+') && i+1 < len(q) && !isBreak(q[i+1:]):
			kind := tokNot
			if r == '+' {
				kind = tokAnd
			}
			toks = append(toks, token{kind, string(r), i})
			i += size
		default:
			start := i
			for i < len(q) && !isBreak(q[i:]) {
				_, s := utf8.DecodeRuneInString(q[i:])
				i += s
			}
			word := q[start:i]
			switch word {
			case "AND", "&&":
				toks = append(toks, token{tokAnd, word, start})
			case "OR", "||":
				toks = append(toks, token{tokOr, word, start})
			case "NOT":
				toks = append(toks, token{tokNot, word, start})
			default:
				toks = append(toks, token{tokWord, word, start})
			}
		}
		if len(toks) > 4*maxQueryTerms {
			return nil, &QueryError{Query: q, Pos: i, Msg: "too many terms"}
		}
	}
	return append(toks, token{kind: tokEOF, pos: len(q)}), nil
}

// isBreak reports whether s starts with a character that ends a word.
func isBreak(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' || r == '“' || r == '”'
}

func describe(t token) string {
	switch t.kind {
	case tokEOF:
		return "end of query"
	case tokRParen:
		return "closing parenthesis"
	case tokLParen:
		return "opening parenthesis"
	}
	return strconv.Quote(t.text)
}

type parser struct {
	q     string
	toks  []token
	i     int
	terms int
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i++; return t }

func (p *parser) errAt(t token, msg string) error {
	return &QueryError{Query: p.q, Pos: t.pos, Msg: msg}
}

func (p *parser) or(depth int) (*Node, error) {
	left, err := p.and(depth)
	if err != nil {
		return nil, err
	}
	children := []*Node{left}
	for p.peek().kind == tokOr {
		p.next()
		right, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		children = append(children, right)
	}
	if len(children) == 1 {
		return left, nil
	}
	return &Node{Op: OpOr, Children: children}, nil
}

func (p *parser) and(depth int) (*Node, error) {
	var children []*Node
	for {
		t := p.peek()
		if t.kind == tokAnd {
			if len(children) == 0 && t.text != "+" {
				return nil, p.errAt(t, "AND needs a term before it")
			}
			p.next()
			if k := p.peek().kind; k == tokEOF || k == tokRParen || k == tokOr || k == tokAnd {
				return nil, p.errAt(p.peek(), "expected a term after "+strconv.Quote(t.text)+", found "+describe(p.peek()))
			}
			continue
		}
		if t.kind == tokEOF || t.kind == tokRParen || t.kind == tokOr {
			break
		}
		n, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		children = append(children, n)
	}
	if len(children) == 0 {
		t := p.peek()
		return nil, p.errAt(t, "expected a term, found "+describe(t))
	}
	if len(children) == 1 {
		return children[0], nil
	}
	return &Node{Op: OpAnd, Children: children}, nil
}

func (p *parser) unary(depth int) (*Node, error) {
	t := p.peek()
	if t.kind == tokNot {
		p.next()
		if depth >= maxQueryDepth {
			return nil, p.errAt(t, "query nested too deeply")
		}
		child, err := p.unary(depth + 1)
		if err != nil {
			return nil, err
		}
		if child.Op == OpNot {
			return child.Children[0], nil
		}
		return &Node{Op: OpNot, Children: []*Node{child}}, nil
	}
	return p.primary(depth)
}

func (p *parser) primary(depth int) (*Node, error) {
	t := p.next()
	switch t.kind {
	case tokLParen:
		if depth >= maxQueryDepth {
			return nil, p.errAt(t, "query nested too deeply")
		}
		n, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != tokRParen {
			return nil, p.errAt(t, "unbalanced parenthesis")
		}
		return n, nil
	case tokPhrase:
		if err := p.count(t); err != nil {
			return nil, err
		}
		return &Node{Op: OpPhrase, Text: t.text}, nil
	case tokWord:
		if err := p.count(t); err != nil {
			return nil, err
		}
		return p.word(t)
	}
	return nil, p.errAt(t, "expected a term, found "+describe(t))
}

func (p *parser) count(t token) error {
	p.terms++
	if p.terms > maxQueryTerms {
		return p.errAt(t, fmt.Sprintf("more than %d terms", maxQueryTerms))
	}
	return nil
}

func (p *parser) word(t token) (*Node, error) {
	w := t.text
	if base, ok := strings.CutSuffix(w, "*"); ok {
		if strings.ContainsAny(base, "*?~") {
			return nil, p.errAt(t, "a wildcard is only allowed at the end of a word")
		}
		if utf8.RuneCountInString(base) < 2 {
			return nil, p.errAt(t, "a prefix needs at least two characters before *")
		}
		return &Node{Op: OpPrefix, Text: base}, nil
	}
	if i := strings.LastIndexByte(w, '~'); i >= 0 {
		base, dist := w[:i], w[i+1:]
		fuzz := 1
		if dist != "" {
			d, err := strconv.Atoi(dist)
			if err != nil || d < 0 || d > maxFuzziness {
				return nil, p.errAt(t, fmt.Sprintf("fuzziness must be 0 to %d", maxFuzziness))
			}
			fuzz = d
		}
		if base == "" || strings.ContainsAny(base, "*~") {
			return nil, p.errAt(t, "malformed fuzzy term")
		}
		return &Node{Op: OpTerm, Text: base, Fuzzy: fuzz}, nil
	}
	if strings.Contains(w, "*") {
		return nil, p.errAt(t, "a wildcard is only allowed at the end of a word")
	}
	return &Node{Op: OpTerm, Text: w}, nil
}
