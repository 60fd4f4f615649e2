package ingest

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
)

func TestParseSeedLetter(t *testing.T) {
	path := fixtures.SeedLetter(t)
	rec, err := ParseFile(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec.Source.Path = filepath.Base(rec.Source.Path)
	checkGolden(t, filepath.Join("testdata", "golden", "seed-letter.json"), rec)

	if rec.Kind != corpus.KindLetter || rec.Language != "zh" || rec.Date != "2021-02-08" || rec.Body != "Security Council" {
		t.Errorf("kind %q language %q date %q body %q", rec.Kind, rec.Language, rec.Date, rec.Body)
	}
	l := rec.Letter
	if l == nil {
		t.Fatal("no letter part")
	}
	if l.Addressee != "安全理事会主席" || strings.Join(l.FromCodes, ",") != "NZL,CHE" {
		t.Errorf("addressee %q, from %q %q", l.Addressee, l.From, l.FromCodes)
	}
	if len(l.OnBehalfOf) != 1 || l.OnBehalfOf[0] != "加强问责制、一致性和透明度国家集团" {
		t.Errorf("on behalf of %q", l.OnBehalfOf)
	}
	wantMembers := "AUT,CHL,CRI,DNK,EST,FIN,GAB,GHA,HUN,IRL,JOR,LIE,LUX,MDV,NZL,NOR,PNG,PER,PRT,RWA,SAU,SVN,SWE,CHE,URY"
	if len(l.Members) != 25 || strings.Join(l.MemberCodes, ",") != wantMembers {
		t.Errorf("%d members %q\ncodes %s\nwant  %s", len(l.Members), l.Members, strings.Join(l.MemberCodes, ","), wantMembers)
	}
	var names []string
	for _, s := range l.Signatories {
		names = append(names, s.Name)
	}
	if strings.Join(names, "|") != "帕斯卡尔·贝里斯韦尔|克雷格·约翰·霍克" {
		t.Errorf("signatories %q", names)
	}
	if len(rec.Speeches) != 1 {
		t.Fatalf("%d speeches, want the letter's one voice", len(rec.Speeches))
	}
	paras := rec.Speeches[0].Paragraphs
	if len(paras) != 25 {
		t.Fatalf("%d paragraphs, want 7 paragraphs and 18 bullets", len(paras))
	}
	// Every bullet is its own paragraph, with its mark removed; headings,
	// the footnote and the signature block are not paragraphs.
	for _, p := range paras {
		if strings.HasPrefix(p.Text, "-") || strings.Contains(p.Text, "¹") || strings.Contains(p.Text, "签名") ||
			p.Text == "2019 冠状病毒病之后" || strings.Contains(p.Text, "成员：奥地利") {
			t.Errorf("paragraph %d = %q", p.N, p.Text)
		}
	}
	items := 0
	for _, p := range paras {
		if p.Item {
			items++
		}
	}
	if items != 18 {
		t.Errorf("%d paragraphs marked as list items, want the 18 bullets", items)
	}
	for n, starts := range map[int]string{5: "决定将安理会的虚拟会议作为正式会议", 14: "及时向广大会员国提供", 15: "加强问责制、一致性和透明度国家集团欢迎", 24: "改进安理会附属机构的工作方法"} {
		if !strings.HasPrefix(paras[n-1].Text, starts) {
			t.Errorf("paragraph %d = %.40q, want it to start %q", n, paras[n-1].Text, starts)
		}
	}
}

func TestParseEnglishLetter(t *testing.T) {
	text := `Letter dated 8 February 2021 from the Permanent Representatives of New Zealand and Switzerland to the United Nations addressed to the President of the Security Council

We write on behalf of the Accountability, Coherence and Transparency group¹ on the working methods of the Security Council.

The group requests the Council to:

- decide that virtual meetings are formal meetings
- agree on a procedure for voting in virtual meetings

(Signed) Pascale Baeriswyl
Ambassador
Permanent Representative of Switzerland

¹ The members of the group are Austria, Chile, Costa Rica, New Zealand, Switzerland and Uruguay.
`
	rec := parseText(t, []byte(text))
	l := rec.Letter
	if rec.Kind != corpus.KindLetter || rec.Date != "2021-02-08" || l == nil || strings.Join(l.FromCodes, ",") != "NZL,CHE" ||
		l.Addressee != "President of the Security Council" {
		t.Fatalf("letter %+v %+v", rec, l)
	}
	if strings.Join(l.OnBehalfOf, "|") != "Accountability, Coherence and Transparency group" {
		t.Errorf("on behalf of %q", l.OnBehalfOf)
	}
	if strings.Join(l.MemberCodes, ",") != "AUT,CHL,CRI,NZL,CHE,URY" {
		t.Errorf("members %q %q", l.Members, l.MemberCodes)
	}
	if len(rec.Speeches[0].Paragraphs) != 4 || len(l.Signatories) != 1 || l.Signatories[0].Name != "Pascale Baeriswyl" {
		t.Errorf("paragraphs %+v signatories %+v", rec.Speeches[0].Paragraphs, l.Signatories)
	}
}

// TestLetterSignatories checks that each signature's titles go to their
// signatory — after the name in "(Signed) Name" blocks, before it in
// "Name(签名)" ones — and that a title naming a delegation sets it.
func TestLetterSignatories(t *testing.T) {
	tests := []struct {
		name, title, block string
		want               []corpus.Signatory
	}{
		{
			name:  "English, names first",
			title: "Letter dated 8 February 2021 from the Permanent Representatives of New Zealand and Switzerland to the United Nations addressed to the President of the Security Council",
			block: "(Signed) Craig John Hawke\nAmbassador\nPermanent Representative of New Zealand to the United Nations\n\n(Signed) Pascale Baeriswyl\nAmbassador\nPermanent Representative of Switzerland to the United Nations",
			want: []corpus.Signatory{
				{Name: "Craig John Hawke", Title: "Ambassador Permanent Representative of New Zealand to the United Nations", Delegation: "New Zealand", CountryCode: "NZL"},
				{Name: "Pascale Baeriswyl", Title: "Ambassador Permanent Representative of Switzerland to the United Nations", Delegation: "Switzerland", CountryCode: "CHE"},
			},
		},
		{
			name:  "French, names first",
			title: "Lettre datée du 8 février 2021, adressée au Président du Conseil de sécurité par les Représentants permanents de la Nouvelle-Zélande et de la Suisse auprès de l’Organisation des Nations Unies",
			block: "(Signé) Pascale Baeriswyl\nReprésentante permanente de la Suisse auprès de l’Organisation des Nations Unies\n\n(Signé) Craig John Hawke\nReprésentant permanent de la Nouvelle-Zélande auprès de l’Organisation des Nations Unies",
			want: []corpus.Signatory{
				{Name: "Pascale Baeriswyl", Title: "Représentante permanente de la Suisse auprès de l’Organisation des Nations Unies", Delegation: "Suisse", CountryCode: "CHE"},
				{Name: "Craig John Hawke", Title: "Représentant permanent de la Nouvelle-Zélande auprès de l’Organisation des Nations Unies", Delegation: "Nouvelle-Zélande", CountryCode: "NZL"},
			},
		},
		{
			name:  "Spanish, names first",
			title: "Carta de fecha 8 de febrero de 2021 dirigida a la Presidencia del Consejo de Seguridad por los Representantes Permanentes de Nueva Zelandia y Suiza ante las Naciones Unidas",
			block: "(Firmado) Craig John Hawke\nEmbajador\nRepresentante Permanente de Nueva Zelandia ante las Naciones Unidas",
			want: []corpus.Signatory{
				{Name: "Craig John Hawke", Title: "Embajador Representante Permanente de Nueva Zelandia ante las Naciones Unidas", Delegation: "Nueva Zelandia", CountryCode: "NZL"},
			},
		},
		{
			name:  "Chinese, titles first, no delegation given",
			title: "2021年2月8日新西兰和瑞士常驻联合国代表给安全理事会主席的信",
			block: "常驻代表\n\n大使\n\n帕斯卡尔·贝里斯韦尔(签名)\n\n常驻代表\n\n大使\n\n克雷格·约翰·霍克(签名)",
			want: []corpus.Signatory{
				{Name: "帕斯卡尔·贝里斯韦尔", Title: "常驻代表 大使"},
				{Name: "克雷格·约翰·霍克", Title: "常驻代表 大使"},
			},
		},
		{
			name:  "English, one block names its delegation, the title the other's",
			title: "Letter dated 8 February 2021 from the Permanent Representatives of New Zealand and Switzerland to the United Nations addressed to the President of the Security Council",
			block: "(Signed) Pascale Baeriswyl\nAmbassador\n\n(Signed) Craig John Hawke\nAmbassador\nPermanent Representative of New Zealand to the United Nations",
			want: []corpus.Signatory{
				{Name: "Pascale Baeriswyl", Title: "Ambassador", Delegation: "Switzerland", CountryCode: "CHE"},
				{Name: "Craig John Hawke", Title: "Ambassador Permanent Representative of New Zealand to the United Nations", Delegation: "New Zealand", CountryCode: "NZL"},
			},
		},
		{
			name:  "English, one sender, one signatory",
			title: "Letter dated 8 February 2021 from the Permanent Representative of Switzerland to the United Nations addressed to the President of the Security Council",
			block: "(Signed) Pascale Baeriswyl\nAmbassador",
			want: []corpus.Signatory{
				{Name: "Pascale Baeriswyl", Title: "Ambassador", Delegation: "Switzerland", CountryCode: "CHE"},
			},
		},
		{
			name:  "Chinese, titles first, delegation given",
			title: "2021年2月8日新西兰和瑞士常驻联合国代表给安全理事会主席的信",
			block: "瑞士常驻联合国代表\n\n大使\n\n帕斯卡尔·贝里斯韦尔(签名)\n\n新西兰常驻联合国代表\n\n大使\n\n克雷格·约翰·霍克(签名)",
			want: []corpus.Signatory{
				{Name: "帕斯卡尔·贝里斯韦尔", Title: "瑞士常驻联合国代表 大使", Delegation: "瑞士", CountryCode: "CHE"},
				{Name: "克雷格·约翰·霍克", Title: "新西兰常驻联合国代表 大使", Delegation: "新西兰", CountryCode: "NZL"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.title + "\n\n" + letterBody(tt.title) + "\n\n" + tt.block + "\n"
			rec := parseText(t, []byte(text))
			if rec.Letter == nil {
				t.Fatalf("not a letter: %+v", rec)
			}
			if !reflect.DeepEqual(rec.Letter.Signatories, tt.want) {
				t.Errorf("signatories\n got %+v\nwant %+v", rec.Letter.Signatories, tt.want)
			}
		})
	}
}

// letterBody is a paragraph of a letter in the language of its title.
func letterBody(title string) string {
	switch {
	case strings.HasPrefix(title, "Lettre"):
		return "Nous avons l’honneur de vous écrire au nom du groupe Responsabilité, cohérence et transparence au sujet des méthodes de travail du Conseil de sécurité."
	case strings.HasPrefix(title, "Carta"):
		return "Tenemos el honor de dirigirnos a usted en nombre del grupo Rendición de Cuentas, Coherencia y Transparencia acerca de los métodos de trabajo del Consejo de Seguridad."
	case strings.Contains(title, "的信"):
		return "我们谨代表加强问责制、一致性和透明度国家集团，就安全理事会工作方法写信如下。"
	}
	return "We write on behalf of the Accountability, Coherence and Transparency group on the working methods of the Security Council."
}

// A letter is cited by the symbol its first page prints above the title;
// a symbol the body cites is not the letter's.
func TestLetterSymbol(t *testing.T) {
	title := "Letter dated 8 February 2021 from the Permanent Representatives of New Zealand and Switzerland to the United Nations addressed to the President of the Security Council"
	body := letterBody(title) + " We recall the note by the President (S/2017/507)."
	tests := []struct {
		name, head, want string
	}{
		{"masthead", "United Nations S/2021/131\nSecurity Council Distr.: General\n10 February 2021\nOriginal: English\n21-01822 (E)\n", "S/2021/131"},
		{"symbol alone", "S/2021/131/Corr.1\n", "S/2021/131/Corr.1"},
		{"none", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := parseText(t, []byte(tt.head+"\n"+title+"\n\n"+body+"\n\n(Signed) Craig John Hawke\n"))
			if rec.Kind != corpus.KindLetter || rec.Symbol != tt.want {
				t.Errorf("kind %q symbol %q, want a letter %q", rec.Kind, rec.Symbol, tt.want)
			}
		})
	}
}
