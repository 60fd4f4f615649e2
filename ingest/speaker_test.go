package ingest

import (
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

func TestSpeakerGrammarEnglish(t *testing.T) {
	tests := []struct {
		name string
		line string
		want match
		sp   speakerLine
	}{
		{"delegate", "Mr. Kiboino (Kenya): Kenya’s delegation aligns itself",
			matched, speakerLine{Speaker: "Mr. Kiboino", Name: "Kiboino", Delegation: "Kenya", Rest: "Kenya’s delegation aligns itself"}},
		{"language note", "Mr. Mukongo (Democratic Republic of the Congo) (spoke in French): My",
			matched, speakerLine{Speaker: "Mr. Mukongo", Name: "Mukongo", Delegation: "Democratic Republic of the Congo", SpokeIn: "fr", Rest: "My"}},
		{"reversed note", "Mr. Hilale (spoke in French) (Morocco): Morocco",
			matched, speakerLine{Speaker: "Mr. Hilale", Name: "Hilale", Delegation: "Morocco", SpokeIn: "fr", Rest: "Morocco"}},
		{"older interpretation note", "Mr. CHIRILA (Romania) (interpretation from French):",
			matched, speakerLine{Speaker: "Mr. CHIRILA", Name: "CHIRILA", Delegation: "Romania", SpokeIn: "fr"}},
		{"no space before note", "Mr. Elaraby (Egypt)(interpretation from Arabic):",
			matched, speakerLine{Speaker: "Mr. Elaraby", Name: "Elaraby", Delegation: "Egypt", SpokeIn: "ar"}},
		{"capitals era with given name", "Mr. WU Chengjiang (China) (interpretation from Chinese): The",
			matched, speakerLine{Speaker: "Mr. WU Chengjiang", Name: "WU Chengjiang", Delegation: "China", SpokeIn: "zh", Rest: "The"}},
		{"capitals era president", "The PRESIDENT: I call on",
			matched, speakerLine{Speaker: "The President", Role: corpus.RolePresident, Rest: "I call on"}},
		{"president with note", "The President (spoke in Arabic): Thank you.",
			matched, speakerLine{Speaker: "The President", Role: corpus.RolePresident, SpokeIn: "ar", Rest: "Thank you."}},
		{"acting president", "The Acting President: We have heard the last speaker.",
			matched, speakerLine{Speaker: "The Acting President", Role: corpus.RoleActingPresident, Rest: "We have heard the last speaker."}},
		{"secretary-general", "The Secretary-General: I thank the Assembly.",
			matched, speakerLine{Speaker: "The Secretary-General", Role: corpus.RoleSecretariat, Rest: "I thank the Assembly."}},
		{"European Union", "Mr. Lagdameo (European Union): I speak",
			matched, speakerLine{Speaker: "Mr. Lagdameo", Name: "Lagdameo", Delegation: "European Union", Rest: "I speak"}},
		{"nested parentheses", "Mr. Llorentty Solíz (Bolivia (Plurinational State of)) (spoke in Spanish): We",
			matched, speakerLine{Speaker: "Mr. Llorentty Solíz", Name: "Llorentty Solíz", Delegation: "Bolivia (Plurinational State of)", SpokeIn: "es", Rest: "We"}},
		{"function after delegation", "Mr. Garayev (Azerbaijan), Rapporteur of the Third Committee: It is",
			matched, speakerLine{Speaker: "Mr. Garayev", Name: "Garayev", Delegation: "Azerbaijan", Capacity: "Rapporteur of the Third Committee", Rest: "It is"}},
		{"title Archbishop", "Archbishop Caccia (Holy See): The Holy See",
			matched, speakerLine{Speaker: "Archbishop Caccia", Name: "Caccia", Delegation: "Holy See", Rest: "The Holy See"}},
		{"Sir and given name", "Sir David HANNAY (United Kingdom): In 1943",
			matched, speakerLine{Speaker: "Sir David HANNAY", Name: "David HANNAY", Delegation: "United Kingdom", Rest: "In 1943"}},
		{"apostrophe and hyphen", "Ms. O’Keeffe-Smith (Australia): I",
			matched, speakerLine{Speaker: "Ms. O’Keeffe-Smith", Name: "O’Keeffe-Smith", Delegation: "Australia", Rest: "I"}},
		{"particle first", "Mr. de la Fuente Ramírez (Mexico) (spoke in Spanish): Mexico",
			matched, speakerLine{Speaker: "Mr. de la Fuente Ramírez", Name: "de la Fuente Ramírez", Delegation: "Mexico", SpokeIn: "es", Rest: "Mexico"}},
		{"particle inside name", "Mr. Ruiz de la Fuente (Mexico) (spoke in Spanish): Mexico",
			matched, speakerLine{Speaker: "Mr. Ruiz de la Fuente", Name: "Ruiz de la Fuente", Delegation: "Mexico", SpokeIn: "es", Rest: "Mexico"}},

		{"wrapped before note language", "Mr. VORONTSOV (Russian Federation) (interpretation", needMore, speakerLine{}},
		{"wrapped inside delegation", "Ms. Emelina-Sarte (Department for General Assembly and Conference", needMore, speakerLine{}},
		{"wrapped inside function", "Mr. Garayev (Azerbaijan), Rapporteur of the", needMore, speakerLine{}},
		{"wrapped before colon", "Mr. MORADI (Islamic Republic of Iran)", needMore, speakerLine{}},

		{"false start: President of the General Assembly", "The President of the General Assembly has called for", noMatch, speakerLine{}},
		{"false start: name in running text", "Mr. Blix has stated that the Agency", noMatch, speakerLine{}},
		{"false start: took a seat", "Mr. Al-Kidwa (Palestine) took a seat at the Council table.", noMatch, speakerLine{}},
		{"false start: chair change", "Mr. Nyakyi (United Republic of Tanzania), Vice-President, took the Chair.", noMatch, speakerLine{}},
		{"false start: President Clinton", "President Clinton, in his address to the General Assembly", noMatch, speakerLine{}},
		{"false start: Mr. President", "Mr. President: allow me", noMatch, speakerLine{}},
		{"false start: lower case", "the President (spoke in French): no", noMatch, speakerLine{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, got := englishGrammar.parseSpeaker(tt.line)
			if got != tt.want {
				t.Fatalf("parseSpeaker(%q) = %v, want %v (%+v)", tt.line, got, tt.want, sp)
			}
			if got == matched && sp != tt.sp {
				t.Errorf("parseSpeaker(%q)\n got %+v\nwant %+v", tt.line, sp, tt.sp)
			}
		})
	}
}

func TestResolveSpeaker(t *testing.T) {
	tests := []struct {
		name       string
		in         corpus.Speech
		role, code string
	}{
		{"member state", corpus.Speech{Delegation: "United Kingdom of Great Britain and Northern Ireland"}, corpus.RoleMemberState, "GBR"},
		{"variant name", corpus.Speech{Delegation: "Türkiye"}, corpus.RoleMemberState, "TUR"},
		{"Holy See", corpus.Speech{Delegation: "Holy See"}, corpus.RoleObserver, "VAT"},
		{"State of Palestine", corpus.Speech{Delegation: "State of Palestine"}, corpus.RoleObserver, "PSE"},
		{"European Union", corpus.Speech{Delegation: "European Union"}, corpus.RoleObserver, ""},
		{"Secretariat department", corpus.Speech{Delegation: "Department for General Assembly and Conference Management"}, corpus.RoleSecretariat, ""},
		{"UN official", corpus.Speech{Delegation: "Under-Secretary-General for Political and Peacebuilding Affairs"}, corpus.RoleSecretariat, ""},
		{"rapporteur speaks for the committee", corpus.Speech{Delegation: "Azerbaijan", Capacity: "Rapporteur of the Third Committee"}, corpus.RoleOther, ""},
		{"chair of a round table", corpus.Speech{Delegation: "Australia", Capacity: "Chairperson of round table 2"}, corpus.RoleOther, ""},
		{"rapporteur of a panel", corpus.Speech{Delegation: "Nigeria", Capacity: "Rapporteur of panel 4"}, corpus.RoleOther, ""},
		{"chair of a sanctions committee", corpus.Speech{Delegation: "Ireland", Capacity: "Chair of the Security Council Committee established pursuant to resolution 1718 (2006)"}, corpus.RoleOther, ""},
		{"French rapporteur", corpus.Speech{Delegation: "Azerbaïdjan", Capacity: "Rapporteur de la Troisième Commission"}, corpus.RoleOther, ""},
		{"Spanish committee chair", corpus.Speech{Delegation: "México", Capacity: "Presidente de la Tercera Comisión"}, corpus.RoleOther, ""},
		{"President of the Security Council", corpus.Speech{Delegation: "Albania", Capacity: "President of the Security Council"}, corpus.RoleMemberState, "ALB"},
		{"French President of the Security Council", corpus.Speech{Delegation: "Albanie", Capacity: "Président du Conseil de sécurité"}, corpus.RoleMemberState, "ALB"},
		{"other body", corpus.Speech{Delegation: "International Criminal Court"}, corpus.RoleOther, ""},
		{"president kept", corpus.Speech{Role: corpus.RolePresident}, corpus.RolePresident, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.in
			resolveSpeaker(&s, "en")
			if s.Role != tt.role || s.CountryCode != tt.code {
				t.Errorf("resolveSpeaker(%q) = %s %q, want %s %q", tt.in.Delegation, s.Role, s.CountryCode, tt.role, tt.code)
			}
		})
	}
}

func TestSpeakerGrammarLanguages(t *testing.T) {
	tests := []struct {
		name string
		g    *grammar
		line string
		want match
		sp   speakerLine
	}{
		{"fr delegate", frenchGrammar, "M. Rivière (France) (parle en anglais) : Merci.",
			matched, speakerLine{Speaker: "M. Rivière", Name: "Rivière", Delegation: "France", SpokeIn: "en", Rest: "Merci."}},
		{"fr president", frenchGrammar, "Le Président : La séance est ouverte.",
			matched, speakerLine{Speaker: "Le Président", Role: corpus.RolePresident, Rest: "La séance est ouverte."}},
		{"fr acting president", frenchGrammar, "La Présidente par intérim (parle en espagnol) : Je",
			matched, speakerLine{Speaker: "La Présidente par intérim", Role: corpus.RoleActingPresident, SpokeIn: "es", Rest: "Je"}},
		{"fr interpretation", frenchGrammar, "Mme Dupont (Belgique) (interprétation de l’anglais) : Nous",
			matched, speakerLine{Speaker: "Mme Dupont", Name: "Dupont", Delegation: "Belgique", SpokeIn: "en", Rest: "Nous"}},
		{"fr false start", frenchGrammar, "Le Président de l’Assemblée générale a rappelé que", noMatch, speakerLine{}},
		{"es delegate", spanishGrammar, "Sr. García (España) (habla en inglés): Gracias.",
			matched, speakerLine{Speaker: "Sr. García", Name: "García", Delegation: "España", SpokeIn: "en", Rest: "Gracias."}},
		{"es president", spanishGrammar, "El Presidente: Tiene la palabra",
			matched, speakerLine{Speaker: "El Presidente", Role: corpus.RolePresident, Rest: "Tiene la palabra"}},
		{"es wrapped", spanishGrammar, "Sra. Llano (Nicaragua) (habla", needMore, speakerLine{}},
		{"ru president", russianGrammar, "Председатель (говорит по-английски): Слово",
			matched, speakerLine{Speaker: "Председатель", Role: corpus.RolePresident, SpokeIn: "en", Rest: "Слово"}},
		{"ru delegate", russianGrammar, "Г-н Небензя (Российская Федерация) (говорит по-русски): Мы",
			matched, speakerLine{Speaker: "Г-н Небензя", Name: "Небензя", Delegation: "Российская Федерация", SpokeIn: "ru", Rest: "Мы"}},
		{"zh president", chineseGrammar, "主席（以英语发言）：现在请",
			matched, speakerLine{Speaker: "主席", Role: corpus.RolePresident, SpokeIn: "en", Rest: "现在请"}},
		{"zh delegate", chineseGrammar, "某某先生（瑞士）（以法语发言）：我",
			matched, speakerLine{Speaker: "某某先生", Name: "某某", Delegation: "瑞士", SpokeIn: "fr", Rest: "我"}},
		{"zh transliterated name and function", chineseGrammar, "马尔祖基夫人（阿拉伯联合酋长国），安全理事会主席（以英语发言）：我",
			matched, speakerLine{Speaker: "马尔祖基夫人", Name: "马尔祖基", Delegation: "阿拉伯联合酋长国", Capacity: "安全理事会主席", SpokeIn: "en", Rest: "我"}},
		{"zh middle dot", chineseGrammar, "索拉诺·巴尔加斯先生（哥斯达黎加）：",
			matched, speakerLine{Speaker: "索拉诺·巴尔加斯先生", Name: "索拉诺·巴尔加斯", Delegation: "哥斯达黎加"}},
		{"zh false start", chineseGrammar, "主席团成员：", noMatch, speakerLine{}},
		{"zh sentence", chineseGrammar, "我们感谢先生们（和女士们）：", noMatch, speakerLine{}},
		{"ar delegate", arabicGrammar, "السيد محمود (مصر) (تكلم بالإنكليزية): تؤيد",
			matched, speakerLine{Speaker: "السيد محمود", Name: "محمود", Delegation: "مصر", SpokeIn: "en", Rest: "تؤيد"}},
		{"ar president", arabicGrammar, "الرئيس: أعطي الكلمة",
			matched, speakerLine{Speaker: "الرئيس", Role: corpus.RolePresident, Rest: "أعطي الكلمة"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, got := tt.g.parseSpeaker(tt.line)
			if got != tt.want {
				t.Fatalf("parseSpeaker(%q) = %v, want %v (%+v)", tt.line, got, tt.want, sp)
			}
			if got == matched && sp != tt.sp {
				t.Errorf("parseSpeaker(%q)\n got %+v\nwant %+v", tt.line, sp, tt.sp)
			}
		})
	}
}
