package layout

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// reverseRunes reverses a string character by character.
func reverseRunes(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}

// ltrRun is what stays in order inside a right-to-left line: Latin words
// and numbers with the separators inside them.
var ltrRun = regexp.MustCompile(`[A-Za-z0-9٠-٩]+(?:[/.\-][A-Za-z0-9٠-٩]+)*`)

// drawRTL is how a right-to-left paragraph's line without Latin spaces is
// drawn left to right: its characters reversed, its Latin words and
// numbers (with their inner separators) in their own order, and, as
// LibreOffice names them, brackets by the character they stand for.
func drawRTL(logical string) string {
	return ltrRun.ReplaceAllStringFunc(reverseRunes(logical), reverseRunes)
}

func runeUnits(s string) []string {
	var units []string
	for _, r := range s {
		units = append(units, string(r))
	}
	return units
}

func joinOrder(units []string, order []int, odd []bool, mirrored bool) string {
	var b strings.Builder
	for _, i := range order {
		u := units[i]
		if mirrored && odd[i] {
			if m, ok := mirrorPairs[u]; ok {
				u = m
			}
		}
		b.WriteString(u)
	}
	return b.String()
}

func TestReorder(t *testing.T) {
	arabicDoc := bidiMode{rtl: true}
	tests := []struct {
		name    string
		units   []string
		mode    bidiMode
		want    string
		wantRTL bool
	}{
		{
			name:    "pure Arabic",
			units:   runeUnits(drawRTL("تؤيد مصر البيانين اللذين أدلى بهما ممثل موريتانيا.")),
			want:    "تؤيد مصر البيانين اللذين أدلى بهما ممثل موريتانيا.",
			wantRTL: true,
		},
		{
			name:    "Arabic with a Latin symbol",
			units:   runeUnits(drawRTL("مذكرة من الأمين العام (A/79/198)")),
			want:    "مذكرة من الأمين العام (A/79/198)",
			wantRTL: true,
		},
		{
			name:    "Arabic with a Latin symbol ending a sentence",
			units:   runeUnits(drawRTL("الأساسي (انظر A/79/PV.26). وسأضيف")),
			want:    "الأساسي (انظر A/79/PV.26). وسأضيف",
			wantRTL: true,
		},
		{
			name:    "Arabic with numbers",
			units:   runeUnits(drawRTL("الثلاثاء، 29 تشرين الأول/أكتوبر 2024، الساعة 15/00")),
			want:    "الثلاثاء، 29 تشرين الأول/أكتوبر 2024، الساعة 15/00",
			wantRTL: true,
		},
		{
			name:    "Arabic with numbers side by side",
			units:   runeUnits(drawRTL("إلى القرارين 1593 (2005) و 1970 (2011).")),
			want:    "إلى القرارين 1593 (2005) و 1970 (2011).",
			wantRTL: true,
		},
		{
			name:    "Arabic with Arabic-Indic digits",
			units:   runeUnits(drawRTL("في عام ٢٠٢٥، الذي سيتناول")),
			want:    "في عام ٢٠٢٥، الذي سيتناول",
			wantRTL: true,
		},
		{
			name: "Arabic with a Latin run of several words",
			// The run keeps its spaces, commas and numbers in order.
			units:   runeUnits(reverseRunes("، هي") + ")United Nations, Treaty Series, vol. 2187, No. 38544(" + reverseRunes(" بموجب نظام روما الأساسي ")),
			mode:    arabicDoc,
			want:    " بموجب نظام روما الأساسي (United Nations, Treaty Series, vol. 2187, No. 38544)، هي",
			wantRTL: true,
		},
		{
			name: "Latin run broken by the line's end",
			// "(United Nations," goes on on the next line: the comma is
			// drawn against "Nations", the bracket at the run's right.
			units:   runeUnits("United Nations,(" + " " + reverseRunes("نظام روما الأساسي")),
			want:    "نظام روما الأساسي (United Nations,",
			wantRTL: true,
		},
		{
			name: "bracket pair at the Latin level",
			// In the paragraph, "(" follows the Latin "AB-0928": the pair
			// is drawn in Latin order, "(…)".
			units:   runeUnits(reverseRunes(" وستعاد") + "." + "(verbatimrecords@un.org)"),
			mode:    arabicDoc,
			want:    "(verbatimrecords@un.org). وستعاد",
			wantRTL: true,
		},
		{
			name:    "last line of an Arabic paragraph without Arabic letters",
			units:   runeUnits(".)A/79/PV.26"),
			mode:    arabicDoc,
			want:    "A/79/PV.26).",
			wantRTL: true,
		},
		{
			name:    "lam-alef ligature kept whole",
			units:   []string{"م", "م", "لأ", "ا", " ", "ة", "د", "ح", "ت", "م", "ل", "ا"},
			want:    "المتحدة الأمم",
			wantRTL: true,
		},
		{
			name:    "LTR line untouched",
			units:   runeUnits("Mr. Kiboino (Kenya): Kenya’s delegation aligns itself (see A/79/PV.26)."),
			mode:    arabicDoc,
			want:    "Mr. Kiboino (Kenya): Kenya’s delegation aligns itself (see A/79/PV.26).",
			wantRTL: false,
		},
		{
			name: "mixed line with more LTR than RTL",
			// A left-to-right line: only the Arabic run is reversed, and
			// the brackets around it, at the Latin level, stay.
			units:   runeUnits("Chief of the Verbatim Reporting Service, room AB-0928 (" + reverseRunes("دائرة التحرير") + ")."),
			want:    "Chief of the Verbatim Reporting Service, room AB-0928 (دائرة التحرير).",
			wantRTL: false,
		},
		{
			name:    "mixed line with more LTR than RTL, in an Arabic document",
			units:   runeUnits(reverseRunes(" الغرفة") + "AB-0928 (verbatimrecords@un.org) Verbatim Reporting Service"),
			mode:    arabicDoc,
			want:    "AB-0928 (verbatimrecords@un.org) Verbatim Reporting Service الغرفة",
			wantRTL: true,
		},
		{
			name: "brackets named by shape",
			// A producer whose /ToUnicode names the mirrored glyph: the
			// logical ")" is drawn, and named, as "(".
			units:   runeUnits("(A/79/198) " + reverseRunes("مذكرة من الأمين العام")),
			mode:    bidiMode{rtl: true, mirrored: true},
			want:    "مذكرة من الأمين العام (A/79/198)",
			wantRTL: true,
		},
		{
			name: "bracket closing a Latin run, brackets named by shape",
			// The pair is at the Latin level, but its drawing does not
			// say so: the ")" after "org" is taken into the run because
			// the run opened it.
			units:   runeUnits(reverseRunes("وستعاد") + " ." + "AB-0928 (verbatimrecords@un.org) " + reverseRunes("الغرفة")),
			mode:    bidiMode{rtl: true, mirrored: true},
			want:    "الغرفة AB-0928 (verbatimrecords@un.org). وستعاد",
			wantRTL: true,
		},
		{
			name:    "Arabic brackets named by shape",
			units:   runeUnits(":(" + reverseRunes("تكلم بالإنكليزية") + ") (" + reverseRunes("كينيا") + ") " + reverseRunes("السيد كيبوينو")),
			mode:    bidiMode{rtl: true, mirrored: true},
			want:    "السيد كيبوينو (كينيا) (تكلم بالإنكليزية):",
			wantRTL: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			order, rtl, odd := reorder(tt.units, tt.mode)
			if got := joinOrder(tt.units, order, odd, tt.mode.mirrored); got != tt.want {
				t.Errorf("reorder:\n got: %s\nwant: %s", got, tt.want)
			}
			if rtl != tt.wantRTL {
				t.Errorf("right to left = %v, want %v", rtl, tt.wantRTL)
			}
		})
	}
}

func TestNormalizeRTL(t *testing.T) {
	tests := []struct {
		name   string
		pieces []string
		want   string
	}{
		{"presentation forms", []string{"ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ"}, "السلام عليكم"},
		{"lam-alef ligature", []string{"ﻻ", " ", "ﻳﻤﻜﻦ"}, "لا يمكن"},
		{"isolated vowel sign", []string{"ﺑ", "ﹰ"}, "بً"},
		{"kashida across pieces", []string{"يؤ", "ي", "ـ", "ـ", "د"}, "يؤيد"},
		{"kashida in a piece", []string{"المحكمـــة"}, "المحكمة"},
		{"tatweel ending a word", []string{"الـ", " ", "25"}, "الـ 25"},
		{"plain text", []string{"وفد كينيا"}, "وفد كينيا"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := slices.Clone(tt.pieces)
			normalizeRTL(p)
			if got := strings.Join(p, ""); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBracketVote(t *testing.T) {
	// LibreOffice names a mirrored glyph by its character: the brackets
	// pair up as printed. A font's cmap names it by its shape: they pair
	// up once mirrored.
	for _, tt := range []struct {
		name   string
		visual string
		mirror bool
	}{
		{"named by character", drawRTL("السيد كيبوينو (كينيا) (تكلم بالإنكليزية):"), false},
		{"named by shape", ":(" + reverseRunes("تكلم بالإنكليزية") + ") (" + reverseRunes("كينيا") + ") " + reverseRunes("السيد كيبوينو"), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			units := runeUnits(tt.visual)
			order, _, odd := reorder(units, bidiMode{rtl: true})
			asIs, mirrored := bracketPairs(units, order, odd)
			if (mirrored > asIs) != tt.mirror {
				t.Errorf("pairs as printed %d, mirrored %d: want mirrored=%v", asIs, mirrored, tt.mirror)
			}
		})
	}
}

func TestWordClusters(t *testing.T) {
	// "أيضاً" and "ونذكّر" as LibreOffice draws them, left to right with
	// each mark before its letter; and a mark ending a word's drawing.
	glyphs := []cluster{
		{text: "ً", x0: 182.1, x1: 182.1},
		{text: "ا", x0: 183.3, x1: 186.34},
		{text: "ر", x0: 336.79, x1: 342.85},
		{text: "ّ", x0: 341.6, x1: 341.6},
		{text: "ك", x0: 343, x1: 348.24},
		{text: "ن", x0: 350, x1: 353},
		{text: "ْ", x0: 351, x1: 351},
	}
	got := wordClusters(glyphs)
	want := []cluster{{text: "اً", x0: 183.3, x1: 186.34}, {text: "ر", x0: 336.79, x1: 342.85}, {text: "كّ", x0: 343, x1: 348.24}, {text: "نْ", x0: 350, x1: 353}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// FuzzReorder checks, on any line, that reordering is a permutation of
// the line's units and leaves a line without right-to-left letters alone.
func FuzzReorder(f *testing.F) {
	f.Add(drawRTL("مذكرة من الأمين العام (A/79/198)"), false, false)
	f.Add(".)A/79/PV.26", true, false)
	f.Add("(A/79/198) ماعلا", true, true)
	f.Add("Chief (ريرحتلا) ok", false, false)
	f.Fuzz(func(t *testing.T, s string, rtlDoc, mirrored bool) {
		if !utf8.ValidString(s) || len(s) > 4096 {
			return
		}
		units := runeUnits(s)
		order, rtl, odd := reorder(units, bidiMode{rtl: rtlDoc, mirrored: mirrored})
		if len(order) != len(units) || len(odd) != len(units) {
			t.Fatalf("%d units, order of %d, odd of %d", len(units), len(order), len(odd))
		}
		seen := make([]bool, len(units))
		for _, i := range order {
			if i < 0 || i >= len(units) || seen[i] {
				t.Fatalf("order %v is not a permutation", order)
			}
			seen[i] = true
		}
		if !hasRTL(s) && !rtl {
			for k, i := range order {
				if k != i {
					t.Fatalf("a line without right-to-left letters was reordered: %v", order)
				}
			}
		}
		pieces := slices.Clone(units)
		normalizeRTL(pieces)
	})
}
