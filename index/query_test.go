package index

import (
	"errors"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "   ", "<nil>"},
		{"implicit and", "veto reform", "(veto AND reform)"},
		{"explicit operators", "veto AND reform OR penholdership", "((veto AND reform) OR penholdership)"},
		{"phrase", `"wrap-up sessions" monthly`, `("wrap-up sessions" AND monthly)`},
		{"curly quotes", "“open debates”", `"open debates"`},
		{"not and minus", "veto NOT conduct -code", "(veto AND NOT conduct AND NOT code)"},
		{"plus", "+veto +reform", "(veto AND reform)"},
		{"double negation", "NOT NOT veto", "veto"},
		{"prefix", "penhold*", "penhold*"},
		{"fuzzy default", "penholdrship~", "penholdrship~1"},
		{"fuzzy distance", "penholdrship~2", "penholdrship~2"},
		{"groups", "(veto OR reform) AND -arria", "((veto OR reform) AND NOT arria)"},
		{"hyphenated word", "wrap-up", "wrap-up"},
		{"lower-case operators are words", "veto and reform", "(veto AND and AND reform)"},
		{"negation alone", "-veto", "NOT veto"},
		{"chinese", "否决权", "否决权"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ParseQuery(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := "<nil>"
			if n != nil {
				got = n.String()
			}
			if got != tt.want {
				t.Errorf("ParseQuery(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct {
		name, in, msg string
	}{
		{"unterminated quote", `"wrap-up sessions`, "unterminated quotation mark"},
		{"empty phrase", `veto ""`, "empty phrase"},
		{"unbalanced open", "(veto OR reform", "unbalanced parenthesis"},
		{"unbalanced close", "veto)", "unexpected closing parenthesis"},
		{"dangling or", "veto OR", "expected a term"},
		{"leading and", "AND veto", "AND needs a term before it"},
		{"dangling not", "veto NOT", "expected a term"},
		{"empty group", "()", "expected a term"},
		{"inner wildcard", "pen*holder", "only allowed at the end"},
		{"short prefix", "p*", "at least two characters"},
		{"bad fuzziness", "veto~5", "fuzziness must be 0 to 2"},
		{"too long", strings.Repeat("a", MaxQueryLength+1), "longer than"},
		{"too many terms", strings.Repeat("veto ", maxQueryTerms+1), "more than 64 terms"},
		{"too deep", strings.Repeat("(", maxQueryDepth+2) + "veto" + strings.Repeat(")", maxQueryDepth+2), "nested too deeply"},
		{"invalid utf-8", "veto \xff", "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseQuery(tt.in)
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("err = %v, want *QueryError", err)
			}
			if !strings.Contains(qe.Msg, tt.msg) {
				t.Errorf("message %q, want it to contain %q", qe.Msg, tt.msg)
			}
			if qe.Pos < 0 || qe.Pos > len(tt.in) {
				t.Errorf("position %d outside the query", qe.Pos)
			}
		})
	}
}

func TestParseSessionRange(t *testing.T) {
	tests := []struct {
		in      string
		want    corpus.SessionRange
		wantErr bool
	}{
		{"75", corpus.SessionRange{From: 75, To: 75}, false},
		{"75-79", corpus.SessionRange{From: 75, To: 79}, false},
		{"75-", corpus.SessionRange{From: 75, To: 0}, false},
		{"-79", corpus.SessionRange{From: 0, To: 79}, false},
		{"79-75", corpus.SessionRange{}, true},
		{"-", corpus.SessionRange{}, true},
		{"seventy", corpus.SessionRange{}, true},
		{"0", corpus.SessionRange{}, true},
		{"75-79-80", corpus.SessionRange{}, true},
		{"99999", corpus.SessionRange{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSessionRange(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"veto", `"wrap-up sessions" OR penhold* -arria`, "(a OR (b AND NOT c~2))", "否决权", `"`, "((", "a~x", "+-+"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		n, err := ParseQuery(q)
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("error %v is not a *QueryError", err)
			}
			return
		}
		if n == nil {
			return
		}
		// The normalised form parses to itself.
		again, err := ParseQuery(n.String())
		if err != nil {
			t.Fatalf("normalised %q does not parse: %v", n.String(), err)
		}
		if again.String() != n.String() {
			t.Fatalf("normalised form unstable: %q -> %q", n.String(), again.String())
		}
		for _, lang := range []string{"en", "fr", "zh", "ar"} {
			compileForLanguage(n, lang, true)
		}
	})
}
