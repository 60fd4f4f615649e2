package sample

import (
	"fmt"
	"strings"
	"time"

	"github.com/scdebate/scdebate/corpus"
)

// The words a verbatim record prints around its content, in the record's
// language: the session in words, the meeting, the date and the times of
// opening and closing, the language notes of speaker lines.

var (
	unitOrdinals = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
		"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
		"eighteenth", "nineteenth"}
	tens        = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	tenOrdinals = []string{"", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
		"eightieth", "ninetieth"}
	zhDigits = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
)

// sessionWords is the cover's session line: "Seventy-seventh session",
// "第七十七届会议".
func sessionWords(lang string, session int) (string, error) {
	if session < 1 || session > 99 {
		return "", fmt.Errorf("session %d out of range 1–99", session)
	}
	if lang == "zh" {
		return "第" + zhNumber(session) + "届会议", nil
	}
	var w string
	switch t, u := session/10, session%10; {
	case session < 20:
		w = unitOrdinals[session]
	case u == 0:
		w = tenOrdinals[t]
	default:
		w = tens[t] + "-" + unitOrdinals[u]
	}
	return strings.ToUpper(w[:1]) + w[1:] + " session", nil
}

// zhNumber writes 1–99 in Chinese numerals (十二, 七十七).
func zhNumber(n int) string {
	t, u := n/10, n%10
	switch {
	case t == 0:
		return zhDigits[u]
	case t == 1:
		return "十" + zhDigits[u]
	}
	return zhDigits[t] + "十" + zhDigits[u]
}

// meetingWords is the cover's meeting line: "71st plenary meeting",
// "第71次全体会议".
func meetingWords(lang string, meeting int) string {
	if lang == "zh" {
		return fmt.Sprintf("第%d次全体会议", meeting)
	}
	return corpus.Ordinal(meeting) + " plenary meeting"
}

var zhWeekdays = []string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// dateLine is the cover's date and time: "Thursday, 8 June 2023, 10 a.m.",
// "2023年6月8日星期四上午10时".
func dateLine(lang string, day time.Time, start string) (string, error) {
	clock, err := clockWords(lang, start)
	if err != nil {
		return "", err
	}
	if lang == "zh" {
		return fmt.Sprintf("%d年%d月%d日%s%s", day.Year(), day.Month(), day.Day(), zhWeekdays[day.Weekday()], clock), nil
	}
	return fmt.Sprintf("%s, %d %s %d, %s", day.Weekday(), day.Day(), day.Month(), day.Year(), clock), nil
}

// clockWords writes a 24-hour "HH:MM" time the way records print it:
// "10 a.m.", "1.10 p.m.", "12 noon"; "上午10时", "下午1时10分", "中午12时".
func clockWords(lang, hhmm string) (string, error) {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		return "", fmt.Errorf("time %q: want HH:MM", hhmm)
	}
	h, m := t.Hour(), t.Minute()
	if lang == "zh" {
		part := "上午"
		switch {
		case h == 12:
			part = "中午"
		case h > 12:
			part, h = "下午", h-12
		}
		if m == 0 {
			return fmt.Sprintf("%s%d时", part, h), nil
		}
		return fmt.Sprintf("%s%d时%02d分", part, h, m), nil
	}
	if h == 12 && m == 0 {
		return "12 noon", nil
	}
	suffix := "a.m."
	if h >= 12 {
		suffix = "p.m."
		if h > 12 {
			h -= 12
		}
	}
	if m == 0 {
		return fmt.Sprintf("%d %s", h, suffix), nil
	}
	return fmt.Sprintf("%d.%02d %s", h, m, suffix), nil
}

// openingEvent and closingEvent are the stage directions that open and close
// every meeting.
func openingEvent(lang, hhmm string) (string, error) {
	clock, err := clockWords(lang, hhmm)
	if err != nil {
		return "", err
	}
	if lang == "zh" {
		return clock + "开会。", nil
	}
	return "The meeting was called to order at " + sentenceEnd(clock), nil
}

func closingEvent(lang, hhmm string) (string, error) {
	clock, err := clockWords(lang, hhmm)
	if err != nil {
		return "", err
	}
	if lang == "zh" {
		return clock + "散会。", nil
	}
	return "The meeting rose at " + sentenceEnd(clock), nil
}

// sentenceEnd ends a sentence that closes on a time: "10 a.m." takes no
// second full stop, "12 noon" takes one.
func sentenceEnd(clock string) string {
	if strings.HasSuffix(clock, ".") {
		return clock
	}
	return clock + "."
}

// languageNames are the names used in "(spoke in French)" and
// "（以法语发言）", by ISO 639-1 code.
var languageNames = map[string]map[string]string{
	"en": {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"},
	"zh": {"ar": "阿拉伯语", "zh": "中文", "en": "英语", "fr": "法语", "ru": "俄语", "es": "西班牙语"},
}

// languageNote is the note after a speaker's delegation: "(spoke in
// French)", "（以法语发言）".
func languageNote(lang, spokeIn string) (string, error) {
	name, ok := languageNames[lang][spokeIn]
	if !ok {
		return "", fmt.Errorf("no %s name for the language %q", lang, spokeIn)
	}
	if lang == "zh" {
		return "（以" + name + "发言）", nil
	}
	return "(spoke in " + name + ")", nil
}

// Per-language fixed texts of the record.
type recordWords struct {
	unitedNations, assembly, officialRecords, newYork, presidentLabel string
	notice                                                            string // the SAMPLE notice on the cover
	corrections                                                       string // the corrections notice on page 1
	agendaItem, agendaItems, and                                      string
	jobSuffix                                                         string
	president, actingPresident                                        string
}

var wordsByLanguage = map[string]recordWords{
	"en": {
		unitedNations:   "United Nations",
		assembly:        "General Assembly",
		officialRecords: "Official Records",
		newYork:         "New York",
		presidentLabel:  "President:",
		notice:          Notice,
		corrections: "This record contains the text of speeches delivered in English and of the translation of " +
			"speeches delivered in other languages. Corrections should be submitted to the original languages " +
			"only. They should be incorporated in a copy of the record and sent under the signature of a member " +
			"of the delegation concerned to the Chief of the Verbatim Reporting Service, room AB-0928 " +
			"(verbatimrecords@un.org). Corrected records will be reissued electronically on the Official " +
			"Document System of the United Nations (http://documents.un.org).",
		agendaItem:      "Agenda item ",
		agendaItems:     "Agenda items ",
		and:             " and ",
		jobSuffix:       " (E)",
		president:       "The President",
		actingPresident: "The Acting President",
	},
	"zh": {
		unitedNations:   "联合国",
		assembly:        "大会",
		officialRecords: "正式记录",
		newYork:         "纽约",
		presidentLabel:  "主席：",
		notice:          NoticeZH,
		corrections: "本记录包括中文发言的文本和其他语言发言的译文。更正应只对原文提出。更正应作在一份印发的记录上，" +
			"由有关代表团成员一人署名，送交逐字记录处处长（AB-0928室）（verbatimrecords@un.org）。" +
			"更正后的记录将以电子文本方式在联合国正式文件系统（http://documents.un.org）上重发。",
		agendaItem:      "议程项目",
		agendaItems:     "议程项目",
		and:             "和",
		jobSuffix:       " (C)",
		president:       "主席",
		actingPresident: "代理主席",
	},
}

// The notices every sample record carries on its cover.
const (
	Notice   = "SAMPLE — illustrative record written for scdebate; not an official United Nations document"
	NoticeZH = "样本——为 scdebate 编写的示例记录；并非联合国正式文件"
)
