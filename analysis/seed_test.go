package analysis

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus/fixtures"
)

// The seed letter's bullets, in order, each with the theme its request is
// about and, where the request touches a second theme, that one too.
var seedBulletThemes = []struct {
	about string
	also  []string
}{
	{"virtual-meetings", nil},
	{"virtual-voting", nil},
	{"remote-participation", []string{"open-debates"}},
	{"civil-society", nil},
	{"press-elements", nil},
	{"consultations", nil},
	{"programme-of-work", []string{"wrap-up-sessions"}},
	{"wrap-up-sessions", nil},
	{"programme-of-work", nil},
	{"pandemic", nil},
	{"remote-participation", nil},
	{"remote-participation", nil},
	{"compilation-letters", nil},
	{"note-507", nil},
	{"programme-of-work", nil},
	{"annual-report", nil},
	{"burden-sharing", nil},
	{"subsidiary-bodies", nil},
}

func TestSeedLetterBullets(t *testing.T) {
	b, err := os.ReadFile(fixtures.SeedLetter(t))
	if err != nil {
		t.Fatal(err)
	}
	var bullets []string
	for _, line := range strings.Split(string(b), "\n") {
		if l := strings.TrimSpace(line); strings.HasPrefix(l, "- ") {
			bullets = append(bullets, l)
		}
	}
	if len(bullets) != len(seedBulletThemes) {
		t.Fatalf("found %d bullets in the seed letter, want %d", len(bullets), len(seedBulletThemes))
	}
	c := newTestCoder(t)
	for i, bullet := range bullets {
		want := seedBulletThemes[i]
		got := c.Classify("zh", bullet).Themes
		t.Logf("bullet %2d: want %s%v got %v", i+1, want.about, want.also, got)
		if !slices.Contains(got, want.about) {
			t.Errorf("bullet %d: %q not coded %s (got %v)", i+1, bullet, want.about, got)
		}
		for _, g := range got {
			if g != want.about && !slices.Contains(want.also, g) {
				t.Errorf("bullet %d: %q also coded %s", i+1, bullet, g)
			}
		}
	}
}
