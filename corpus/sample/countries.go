package sample

// delegation is a delegation the sample records and the generator use: its
// short name as records print it in English and Chinese, its ISO 3166-1
// alpha-3 code (empty for the European Union, which is not a State), the
// official language its representatives usually speak at the United Nations
// (empty for English) and whether it takes part as an observer.
type delegation struct {
	en, zh, code, speaks string
	observer             bool
}

var delegations = []delegation{
	{en: "Albania", zh: "阿尔巴尼亚", code: "ALB"},
	{en: "Algeria", zh: "阿尔及利亚", code: "DZA", speaks: "ar"},
	{en: "Argentina", zh: "阿根廷", code: "ARG", speaks: "es"},
	{en: "Australia", zh: "澳大利亚", code: "AUS"},
	{en: "Austria", zh: "奥地利", code: "AUT"},
	{en: "Azerbaijan", zh: "阿塞拜疆", code: "AZE"},
	{en: "Bangladesh", zh: "孟加拉国", code: "BGD"},
	{en: "Belarus", zh: "白俄罗斯", code: "BLR", speaks: "ru"},
	{en: "Botswana", zh: "博茨瓦纳", code: "BWA"},
	{en: "Brazil", zh: "巴西", code: "BRA"},
	{en: "Cameroon", zh: "喀麦隆", code: "CMR", speaks: "fr"},
	{en: "Canada", zh: "加拿大", code: "CAN"},
	{en: "Chile", zh: "智利", code: "CHL", speaks: "es"},
	{en: "China", zh: "中国", code: "CHN", speaks: "zh"},
	{en: "Colombia", zh: "哥伦比亚", code: "COL", speaks: "es"},
	{en: "Costa Rica", zh: "哥斯达黎加", code: "CRI", speaks: "es"},
	{en: "Côte d’Ivoire", zh: "科特迪瓦", code: "CIV", speaks: "fr"},
	{en: "Cuba", zh: "古巴", code: "CUB", speaks: "es"},
	{en: "Democratic Republic of the Congo", zh: "刚果民主共和国", code: "COD", speaks: "fr"},
	{en: "Denmark", zh: "丹麦", code: "DNK"},
	{en: "Ecuador", zh: "厄瓜多尔", code: "ECU", speaks: "es"},
	{en: "Egypt", zh: "埃及", code: "EGY", speaks: "ar"},
	{en: "Estonia", zh: "爱沙尼亚", code: "EST"},
	{en: "Ethiopia", zh: "埃塞俄比亚", code: "ETH"},
	{en: "European Union", zh: "欧洲联盟", observer: true},
	{en: "Finland", zh: "芬兰", code: "FIN"},
	{en: "France", zh: "法国", code: "FRA", speaks: "fr"},
	{en: "Gabon", zh: "加蓬", code: "GAB", speaks: "fr"},
	{en: "Germany", zh: "德国", code: "DEU"},
	{en: "Ghana", zh: "加纳", code: "GHA"},
	{en: "Guatemala", zh: "危地马拉", code: "GTM", speaks: "es"},
	{en: "Guyana", zh: "圭亚那", code: "GUY"},
	{en: "Holy See", zh: "罗马教廷", code: "VAT", observer: true},
	{en: "Hungary", zh: "匈牙利", code: "HUN"},
	{en: "India", zh: "印度", code: "IND"},
	{en: "Indonesia", zh: "印度尼西亚", code: "IDN"},
	{en: "Iran (Islamic Republic of)", zh: "伊朗伊斯兰共和国", code: "IRN"},
	{en: "Ireland", zh: "爱尔兰", code: "IRL"},
	{en: "Italy", zh: "意大利", code: "ITA"},
	{en: "Jamaica", zh: "牙买加", code: "JAM"},
	{en: "Japan", zh: "日本", code: "JPN"},
	{en: "Jordan", zh: "约旦", code: "JOR", speaks: "ar"},
	{en: "Kazakhstan", zh: "哈萨克斯坦", code: "KAZ", speaks: "ru"},
	{en: "Kenya", zh: "肯尼亚", code: "KEN"},
	{en: "Kuwait", zh: "科威特", code: "KWT", speaks: "ar"},
	{en: "Liechtenstein", zh: "列支敦士登", code: "LIE"},
	{en: "Luxembourg", zh: "卢森堡", code: "LUX", speaks: "fr"},
	{en: "Malaysia", zh: "马来西亚", code: "MYS"},
	{en: "Maldives", zh: "马尔代夫", code: "MDV"},
	{en: "Malta", zh: "马耳他", code: "MLT"},
	{en: "Mexico", zh: "墨西哥", code: "MEX", speaks: "es"},
	{en: "Morocco", zh: "摩洛哥", code: "MAR", speaks: "ar"},
	{en: "Mozambique", zh: "莫桑比克", code: "MOZ"},
	{en: "Netherlands (Kingdom of the)", zh: "荷兰王国", code: "NLD"},
	{en: "New Zealand", zh: "新西兰", code: "NZL"},
	{en: "Nigeria", zh: "尼日利亚", code: "NGA"},
	{en: "Norway", zh: "挪威", code: "NOR"},
	{en: "Pakistan", zh: "巴基斯坦", code: "PAK"},
	{en: "Papua New Guinea", zh: "巴布亚新几内亚", code: "PNG"},
	{en: "Peru", zh: "秘鲁", code: "PER", speaks: "es"},
	{en: "Philippines", zh: "菲律宾", code: "PHL"},
	{en: "Poland", zh: "波兰", code: "POL"},
	{en: "Portugal", zh: "葡萄牙", code: "PRT"},
	{en: "Republic of Korea", zh: "大韩民国", code: "KOR"},
	{en: "Russian Federation", zh: "俄罗斯联邦", code: "RUS", speaks: "ru"},
	{en: "Rwanda", zh: "卢旺达", code: "RWA"},
	{en: "Saudi Arabia", zh: "沙特阿拉伯", code: "SAU", speaks: "ar"},
	{en: "Senegal", zh: "塞内加尔", code: "SEN", speaks: "fr"},
	{en: "Sierra Leone", zh: "塞拉利昂", code: "SLE"},
	{en: "Singapore", zh: "新加坡", code: "SGP"},
	{en: "Slovenia", zh: "斯洛文尼亚", code: "SVN"},
	{en: "South Africa", zh: "南非", code: "ZAF"},
	{en: "Spain", zh: "西班牙", code: "ESP", speaks: "es"},
	{en: "State of Palestine", zh: "巴勒斯坦国", code: "PSE", speaks: "ar", observer: true},
	{en: "Sweden", zh: "瑞典", code: "SWE"},
	{en: "Switzerland", zh: "瑞士", code: "CHE", speaks: "fr"},
	{en: "Syrian Arab Republic", zh: "阿拉伯叙利亚共和国", code: "SYR", speaks: "ar"},
	{en: "Trinidad and Tobago", zh: "特立尼达和多巴哥", code: "TTO"},
	{en: "Tunisia", zh: "突尼斯", code: "TUN", speaks: "ar"},
	{en: "Türkiye", zh: "土耳其", code: "TUR"},
	{en: "Uganda", zh: "乌干达", code: "UGA"},
	{en: "Ukraine", zh: "乌克兰", code: "UKR"},
	{en: "United Arab Emirates", zh: "阿拉伯联合酋长国", code: "ARE"},
	{en: "United Kingdom of Great Britain and Northern Ireland", zh: "大不列颠及北爱尔兰联合王国", code: "GBR"},
	{en: "United States of America", zh: "美利坚合众国", code: "USA"},
	{en: "Uruguay", zh: "乌拉圭", code: "URY", speaks: "es"},
	{en: "Viet Nam", zh: "越南", code: "VNM"},
}

// delegationNamed finds a delegation by its printed name in lang.
func delegationNamed(lang, name string) (delegation, bool) {
	for _, d := range delegations {
		if d.name(lang) == name {
			return d, true
		}
	}
	return delegation{}, false
}

func (d delegation) name(lang string) string {
	if lang == "zh" {
		return d.zh
	}
	return d.en
}
