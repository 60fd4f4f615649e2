package corpus

import (
	"strconv"
	"strings"
)

// ASCIIDigits rewrites the digits records print in other scripts —
// Arabic-Indic (٠-٩), Eastern Arabic-Indic (۰-۹) and full-width (０-９) —
// as ASCII digits, leaving everything else as it is.
func ASCIIDigits(s string) string {
	return strings.Map(func(r rune) rune {
		for _, zero := range []rune{'٠', '۰', '０'} {
			if r >= zero && r <= zero+9 {
				return '0' + r - zero
			}
		}
		return r
	}, s)
}

var chineseDigits = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// ChineseNumber reads a positive number written in digits or in Chinese
// numerals up to the hundreds, as records number sessions, meetings and
// articles ("七十七" = 77, "一百一十一" = 111, "十二" = 12). ok is false for
// anything else.
func ChineseNumber(s string) (n int, ok bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, n > 0
	}
	total, cur := 0, 0
	for _, r := range s {
		switch r {
		case '十':
			total += max(cur, 1) * 10
			cur = 0
		case '百':
			total += max(cur, 1) * 100
			cur = 0
		default:
			d, ok := chineseDigits[r]
			if !ok {
				return 0, false
			}
			cur = d
		}
	}
	total += cur
	return total, total > 0
}

// Ordinal writes n as the Assembly numbers its sessions and meetings in
// English: "79th", "71st", "112th".
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
