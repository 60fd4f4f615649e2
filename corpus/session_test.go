package corpus

import (
	"errors"
	"slices"
	"testing"
)

func TestParseSessionRange(t *testing.T) {
	tests := []struct {
		in      string
		want    SessionRange
		wantErr bool
	}{
		{"75", SessionRange{75, 75}, false},
		{" 75-79 ", SessionRange{75, 79}, false},
		{"75-", SessionRange{75, 0}, false},
		{"-79", SessionRange{0, 79}, false},
		{"79-75", SessionRange{}, true},
		{"-", SessionRange{}, true},
		{"", SessionRange{}, true},
		{"seventy", SessionRange{}, true},
		{"0", SessionRange{}, true},
		{"75-79-80", SessionRange{}, true},
		{"99999", SessionRange{}, true},
		{"75 - 79", SessionRange{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSessionRange(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			var se *SessionError
			if err != nil && !errors.As(err, &se) {
				t.Fatalf("error %v is a %T, not a *SessionError", err, err)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParseSessions(t *testing.T) {
	tests := []struct {
		in      string
		want    []SessionRange
		wantErr bool
	}{
		{in: "79", want: []SessionRange{{79, 79}}},
		{in: "70-79", want: []SessionRange{{70, 79}}},
		{in: "70-72, 75", want: []SessionRange{{70, 72}, {75, 75}}},
		{in: " 60 ,", want: []SessionRange{{60, 60}}},
		{in: "", wantErr: true},
		{in: "79-70", wantErr: true},
		{in: "0", wantErr: true},
		{in: "-5", wantErr: true},
		{in: "7x", wantErr: true},
		{in: "70-", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSessions(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSessionRangeContains(t *testing.T) {
	tests := []struct {
		name    string
		r       SessionRange
		session int
		want    bool
	}{
		{"inside", SessionRange{70, 79}, 75, true},
		{"first", SessionRange{70, 79}, 70, true},
		{"last", SessionRange{70, 79}, 79, true},
		{"before", SessionRange{70, 79}, 69, false},
		{"after", SessionRange{70, 79}, 80, false},
		{"open end", SessionRange{75, 0}, 200, true},
		{"before open end", SessionRange{75, 0}, 74, false},
		{"open start", SessionRange{0, 79}, 1, true},
		{"after open start", SessionRange{0, 79}, 80, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Contains(tt.session); got != tt.want {
				t.Fatalf("%v.Contains(%d) = %v, want %v", tt.r, tt.session, got, tt.want)
			}
		})
	}
}

// FuzzParseSessions checks that whatever parses is a well-formed list of
// closed ranges and survives formatting and parsing again, and that every
// single range survives String and ParseSessionRange.
func FuzzParseSessions(f *testing.F) {
	for _, s := range []string{"79", "70-79", "1,2-3", "", "-", "75-", "-79", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if r, err := ParseSessionRange(s); err == nil {
			if again, err := ParseSessionRange(r.String()); err != nil || again != r {
				t.Fatalf("%q: string/parse round trip gives %v, %v", s, again, err)
			}
		}
		rs, err := ParseSessions(s)
		if err != nil {
			return
		}
		for _, r := range rs {
			if r.From < 1 || r.To < r.From {
				t.Fatalf("%q parsed to bad range %v", s, r)
			}
		}
		again, err := ParseSessions(FormatSessions(rs))
		if err != nil || !slices.Equal(again, rs) {
			t.Fatalf("%q: format/parse round trip gives %v, %v", s, again, err)
		}
	})
}
