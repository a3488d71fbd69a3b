package schema

import "strings"

// Keys of the code lists that several sections share.
const (
	ListCountry           = "country"
	ListLanguage          = "language"
	ListScript            = "script"
	ListUILanguage        = "ui_language"
	ListCEFR              = "cefr"
	ListISCEDLevel        = "isced_level"
	ListISCEDField        = "isced_field"
	ListEvidence          = "evidence"
	ListSection           = "section"
	ListProvenance        = "provenance"
	ListTranslationSource = "translation_source"
)

func standardCodeLists() []*CodeList {
	return []*CodeList{
		countries(),
		languages(),
		scripts(),
		uiLanguages(),
		{
			Key:      ListCEFR,
			Standard: "CEFR",
			Label:    T("Sprachniveau (GER)", "Language level (CEFR)", "المستوى اللغوي (الإطار الأوروبي المرجعي)", "سطح زبان (چارچوب مرجع اروپایی)", "Niveau de langue (CECRL)"),
			Codes: []Code{
				{"none", T("keine Kenntnisse", "no knowledge", "لا معرفة", "بدون آشنایی", "aucune connaissance")},
				{"A1", T("A1 – Anfänger", "A1 – beginner", "A1 – مبتدئ", "A1 – مبتدی", "A1 – débutant")},
				{"A2", T("A2 – Grundlegende Kenntnisse", "A2 – elementary", "A2 – أساسي", "A2 – مقدماتی", "A2 – élémentaire")},
				{"B1", T("B1 – Fortgeschrittene Sprachverwendung", "B1 – intermediate", "B1 – متوسط", "B1 – متوسط", "B1 – intermédiaire")},
				{"B2", T("B2 – Selbständige Sprachverwendung", "B2 – upper intermediate", "B2 – فوق المتوسط", "B2 – بالاتر از متوسط", "B2 – intermédiaire supérieur")},
				{"C1", T("C1 – Fachkundige Sprachkenntnisse", "C1 – advanced", "C1 – متقدم", "C1 – پیشرفته", "C1 – avancé")},
				{"C2", T("C2 – Annähernd muttersprachliche Kenntnisse", "C2 – proficient", "C2 – متمكن", "C2 – در حد زبان مادری", "C2 – maîtrise")},
				{"native", T("Muttersprache", "native language", "اللغة الأم", "زبان مادری", "langue maternelle")},
			},
		},
		{
			Key:      ListISCEDLevel,
			Standard: "ISCED 2011",
			Label:    T("Bildungsstufe (ISCED 2011)", "Education level (ISCED 2011)", "المستوى التعليمي (ISCED 2011)", "سطح تحصیلات (ISCED 2011)", "Niveau d'éducation (CITE 2011)"),
			Codes: []Code{
				{"0", T("0 – Frühkindliche Bildung", "0 – Early childhood education", "0 – التعليم في الطفولة المبكرة", "0 – آموزش دوران کودکی", "0 – Éducation de la petite enfance")},
				{"1", T("1 – Primarbereich (Grundschule)", "1 – Primary education", "1 – التعليم الابتدائي", "1 – آموزش ابتدایی", "1 – Enseignement primaire")},
				{"2", T("2 – Sekundarbereich I", "2 – Lower secondary education", "2 – التعليم الإعدادي (الثانوي الأدنى)", "2 – دوره اول متوسطه", "2 – Premier cycle de l'enseignement secondaire")},
				{"3", T("3 – Sekundarbereich II", "3 – Upper secondary education", "3 – التعليم الثانوي", "3 – دوره دوم متوسطه", "3 – Deuxième cycle de l'enseignement secondaire")},
				{"4", T("4 – Postsekundarer nichttertiärer Bereich", "4 – Post-secondary non-tertiary education", "4 – التعليم ما بعد الثانوي غير العالي", "4 – آموزش پس از متوسطه غیر عالی", "4 – Enseignement post-secondaire non supérieur")},
				{"5", T("5 – Kurzes tertiäres Bildungsprogramm", "5 – Short-cycle tertiary education", "5 – التعليم العالي قصير المدى", "5 – آموزش عالی کوتاه‌مدت", "5 – Enseignement supérieur de cycle court")},
				{"6", T("6 – Bachelor oder gleichwertig", "6 – Bachelor's or equivalent", "6 – البكالوريوس أو ما يعادله", "6 – کارشناسی یا معادل آن", "6 – Licence ou équivalent")},
				{"7", T("7 – Master oder gleichwertig", "7 – Master's or equivalent", "7 – الماجستير أو ما يعادله", "7 – کارشناسی ارشد یا معادل آن", "7 – Master ou équivalent")},
				{"8", T("8 – Promotion", "8 – Doctoral or equivalent", "8 – الدكتوراه أو ما يعادلها", "8 – دکتری یا معادل آن", "8 – Doctorat ou équivalent")},
			},
		},
		{
			Key:      ListISCEDField,
			Standard: "ISCED-F 2013",
			Label:    T("Fachrichtung (ISCED-F 2013)", "Field of study (ISCED-F 2013)", "مجال الدراسة (ISCED-F 2013)", "رشته تحصیلی (ISCED-F 2013)", "Domaine d'études (CITE-F 2013)"),
			Codes: []Code{
				{"00", T("Allgemeine Bildungsgänge", "Generic programmes", "البرامج العامة", "برنامه‌های عمومی", "Programmes génériques")},
				{"01", T("Pädagogik", "Education", "التربية", "علوم تربیتی", "Éducation")},
				{"02", T("Geisteswissenschaften und Künste", "Arts and humanities", "الفنون والعلوم الإنسانية", "هنر و علوم انسانی", "Lettres et arts")},
				{"03", T("Sozialwissenschaften, Journalismus und Information", "Social sciences, journalism and information", "العلوم الاجتماعية والصحافة والإعلام", "علوم اجتماعی، روزنامه‌نگاری و اطلاع‌رسانی", "Sciences sociales, journalisme et information")},
				{"04", T("Wirtschaft, Verwaltung und Recht", "Business, administration and law", "الأعمال والإدارة والقانون", "بازرگانی، مدیریت و حقوق", "Commerce, administration et droit")},
				{"05", T("Naturwissenschaften, Mathematik und Statistik", "Natural sciences, mathematics and statistics", "العلوم الطبيعية والرياضيات والإحصاء", "علوم طبیعی، ریاضیات و آمار", "Sciences naturelles, mathématiques et statistiques")},
				{"06", T("Informations- und Kommunikationstechnologie", "Information and communication technologies", "تكنولوجيا المعلومات والاتصالات", "فناوری اطلاعات و ارتباطات", "Technologies de l'information et de la communication")},
				{"07", T("Ingenieurwesen, Fertigung und Bauwesen", "Engineering, manufacturing and construction", "الهندسة والتصنيع والبناء", "مهندسی، تولید و ساخت‌وساز", "Ingénierie, industries de transformation et construction")},
				{"08", T("Landwirtschaft, Forstwirtschaft, Fischerei und Tiermedizin", "Agriculture, forestry, fisheries and veterinary", "الزراعة والحراجة ومصايد الأسماك والطب البيطري", "کشاورزی، جنگلداری، شیلات و دامپزشکی", "Agriculture, sylviculture, halieutique et sciences vétérinaires")},
				{"09", T("Gesundheit und Sozialwesen", "Health and welfare", "الصحة والرعاية الاجتماعية", "بهداشت و رفاه اجتماعی", "Santé et protection sociale")},
				{"10", T("Dienstleistungen", "Services", "الخدمات", "خدمات", "Services")},
			},
		},
		{
			Key:   ListEvidence,
			Label: T("Nachweis", "Evidence", "الإثبات", "مدرک", "Justificatif"),
			Codes: []Code{
				{"original", T("Original vorhanden", "original available", "الأصل متوفر", "اصل مدرک موجود است", "original disponible")},
				{"kopie", T("Kopie vorhanden", "copy available", "نسخة متوفرة", "کپی موجود است", "copie disponible")},
				{"keine", T("kein Nachweis", "no evidence", "لا يوجد إثبات", "مدرکی موجود نیست", "aucun justificatif")},
			},
		},
		{
			Key:   ListProvenance,
			Label: T("Herkunft der Angabe", "Source of the entry", "مصدر المعلومة", "منبع اطلاعات", "Origine de l'information"),
			Codes: []Code{
				{"self", T("selbst angegeben", "stated by the person", "مُدخل من الشخص نفسه", "اظهار شده توسط خود فرد", "déclaré par la personne")},
				{"counsellor", T("von Beratung erfasst", "entered by a counsellor", "أدخله المستشار", "ثبت شده توسط مشاور", "saisi par un conseiller")},
				{"document", T("durch Dokument belegt", "verified by a document", "موثق بوثيقة", "تأیید شده با مدرک", "vérifié par un document")},
			},
		},
		{
			Key:   ListTranslationSource,
			Label: T("Art der Übersetzung", "Kind of translation", "نوع الترجمة", "نوع ترجمه", "Type de traduction"),
			Codes: []Code{
				{"human", T("von einem Menschen übersetzt", "translated by a person", "ترجمة بشرية", "ترجمه شده توسط انسان", "traduit par une personne")},
				{"machine", T("maschinell übersetzt", "machine-translated", "ترجمة آلية", "ترجمه ماشینی", "traduit automatiquement")},
				{"same", T("im Original bereits Deutsch", "original already in German", "النص الأصلي بالألمانية", "متن اصلی به آلمانی است", "original déjà en allemand")},
			},
		},
		sectionCodes(),
	}
}

// sectionCodes lists the catalogue's sections as codes, for consent scopes and shares.
func sectionCodes() *CodeList {
	l := &CodeList{
		Key:   ListSection,
		Label: T("Abschnitt", "Section", "القسم", "بخش", "Section"),
	}
	for _, s := range sections() {
		l.Codes = append(l.Codes, Code{Code: s.Key, Label: s.Label})
	}
	return l
}

// cldrNames fills labels from CLDR names (golang.org/x/text/language/display, captured in
// cldr_names_gen.go for the five languages) and takes the hand-written labels in overrides
// where CLDR has no name or a misleading one. The names are generated rather than looked up at
// run time because display's tables hold every CLDR locale: linked into the browser's
// WebAssembly module they cost more than a megabyte, for the five languages mobio shows.
// TestCLDRNamesAreCurrent regenerates the table from display and compares.
func cldrNames(kind string, codes []string, overrides map[string]Text) []Code {
	out := make([]Code, 0, len(codes))
	for _, code := range codes {
		if t, ok := overrides[code]; ok {
			out = append(out, Code{Code: code, Label: t})
			continue
		}
		out = append(out, Code{Code: code, Label: cldrGenerated[kind+":"+code]})
	}
	return out
}

// Kinds of names in cldrGenerated, the prefix of its keys.
const (
	cldrRegion   = "region"
	cldrLanguage = "language"
	cldrScript   = "script"
	cldrTag      = "tag"
)

// iso3166 lists the officially assigned ISO 3166-1 alpha-2 codes.
const iso3166 = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES
ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM
IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG
PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY
SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`

// XK (Kosovo) is a user-assigned code in ISO 3166 but used by the EU and German authorities.
var extraCountries = map[string]Text{
	"STATELESS": T("staatenlos", "stateless", "عديم الجنسية", "بی‌تابعیت", "apatride"),
	"UNCLEAR":   T("ungeklärt", "unclear", "غير محددة", "نامشخص", "indéterminée"),
	"SUHH":      T("Sowjetunion (bis 1991)", "Soviet Union (until 1991)", "الاتحاد السوفيتي (حتى 1991)", "اتحاد جماهیر شوروی (تا ۱۹۹۱)", "Union soviétique (jusqu'en 1991)"),
	"YUCS":      T("Jugoslawien (bis 2003)", "Yugoslavia (until 2003)", "يوغوسلافيا (حتى 2003)", "یوگسلاوی (تا ۲۰۰۳)", "Yougoslavie (jusqu'en 2003)"),
	"CSHH":      T("Tschechoslowakei (bis 1992)", "Czechoslovakia (until 1992)", "تشيكوسلوفاكيا (حتى 1992)", "چکسلواکی (تا ۱۹۹۲)", "Tchécoslovaquie (jusqu'en 1992)"),
	"SCG":       T("Serbien und Montenegro (2003–2006)", "Serbia and Montenegro (2003–2006)", "صربيا والجبل الأسود (2003–2006)", "صربستان و مونته‌نگرو (۲۰۰۳–۲۰۰۶)", "Serbie-et-Monténégro (2003–2006)"),
}

// countryCodes are the codes of the country list.
func countryCodes() []string {
	return append(strings.Fields(iso3166), "XK", "STATELESS", "UNCLEAR", "SUHH", "YUCS", "CSHH", "SCG")
}

func countries() *CodeList {
	codes := countryCodes()
	return &CodeList{
		Key:      ListCountry,
		Standard: "ISO 3166-1 alpha-2 (historic: ISO 3166-3)",
		Label:    T("Staat", "Country", "الدولة", "کشور", "Pays"),
		Codes:    cldrNames(cldrRegion, codes, extraCountries),
	}
}

// iso6393 lists the ISO 639-3 languages offered in forms: the languages of newcomers to
// Germany and the languages of Europe. Macrolanguages (ara, fas) stay next to their members
// (pes, prs) because people name either.
const iso6393 = `deu eng fra ara arz apc acm ary ayp fas pes prs tgk pus kmr ckb sdh tir tig amh orm som aar
ukr rus bel tur aze kat hye kaz kir uzb tuk urd hin pan ben nep sin tam tel mal zho vie tha kor jpn tgl
spa por ita pol ron bul hrv srp bos sqi mkd slv ell hun ces slk lit lav est fin swe nld dan nor isl heb
rom kur yor ibo hau ful wol man bam sus kri twi ewe lin swa kin run lug din nus bej mey fuv snk`

var languageOverrides = map[string]Text{
	"kmr": T("Nordkurdisch (Kurmandschi)", "Northern Kurdish (Kurmanji)", "الكردية الشمالية (الكرمانجية)", "کردی شمالی (کرمانجی)", "kurde du Nord (kurmandji)"),
	"ckb": T("Zentralkurdisch (Sorani)", "Central Kurdish (Sorani)", "الكردية الوسطى (السورانية)", "کردی مرکزی (سورانی)", "kurde central (sorani)"),
	"sdh": T("Südkurdisch", "Southern Kurdish", "الكردية الجنوبية", "کردی جنوبی", "kurde du Sud"),
	"kur": T("Kurdisch (ohne Angabe der Varietät)", "Kurdish (variety not stated)", "الكردية (دون تحديد اللهجة)", "کردی (بدون تعیین گویش)", "kurde (variété non précisée)"),
	"prs": T("Dari", "Dari", "الدارية", "دری", "dari"),
	"pes": T("Persisch (Iran)", "Iranian Persian", "الفارسية (إيران)", "فارسی (ایران)", "persan (Iran)"),
	"fas": T("Persisch", "Persian", "الفارسية", "فارسی", "persan"),
	"ara": T("Arabisch", "Arabic", "العربية", "عربی", "arabe"),
	"arz": T("Ägyptisch-Arabisch", "Egyptian Arabic", "العربية المصرية", "عربی مصری", "arabe égyptien"),
	"apc": T("Levantinisches Arabisch", "Levantine Arabic", "العربية الشامية", "عربی شامی", "arabe levantin"),
	"acm": T("Irakisches Arabisch", "Iraqi Arabic", "العربية العراقية", "عربی عراقی", "arabe irakien"),
	"ary": T("Marokkanisches Arabisch", "Moroccan Arabic", "العربية المغربية (الدارجة)", "عربی مراکشی", "arabe marocain"),
	"ayp": T("Nordmesopotamisches Arabisch", "North Mesopotamian Arabic", "العربية الشمال بلاد الرافدين", "عربی شمال بین‌النهرین", "arabe mésopotamien du Nord"),
	"man": T("Mandinka", "Mandingo", "الماندينغ", "ماندینگو", "mandingue"),
	"fuv": T("Fulfulde (Nigeria)", "Nigerian Fulfulde", "الفولفولدي النيجيرية", "فولفولده نیجریه", "foulfouldé du Nigeria"),
	"mey": T("Hassania-Arabisch", "Hassaniya Arabic", "الحسانية", "عربی حسانیه", "arabe hassanya"),
	"nus": T("Nuer", "Nuer", "النوير", "نوئر", "nuer"),
	"bej": T("Bedscha", "Beja", "البجاوية", "بجا", "bedja"),
	"din": T("Dinka", "Dinka", "الدينكا", "دینکا", "dinka"),
	"snk": T("Soninke", "Soninke", "السونينكية", "سونینکه", "soninké"),
	"sus": T("Susu", "Susu", "السوسو", "سوسو", "soussou"),
	"kri": T("Krio", "Krio", "الكريو", "کریو", "krio"),
	"rom": T("Romani", "Romani", "الرومانية الغجرية", "رومانی", "romani"),
	"twi": T("Twi", "Twi", "التوي", "توی", "twi"),
}

func languages() *CodeList {
	codes := strings.Fields(iso6393)
	return &CodeList{
		Key:      ListLanguage,
		Standard: "ISO 639-3",
		Label:    T("Sprache", "Language", "اللغة", "زبان", "Langue"),
		Codes:    cldrNames(cldrLanguage, codes, languageOverrides),
	}
}

var scriptCodes = []string{"Latn", "Arab", "Cyrl", "Ethi", "Grek", "Armn", "Geor", "Hebr", "Deva", "Beng", "Guru", "Taml", "Sinh", "Thai", "Hans", "Hant", "Jpan", "Kore", "Mymr", "Khmr"}

func scripts() *CodeList {
	return &CodeList{
		Key:      ListScript,
		Standard: "ISO 15924",
		Label:    T("Schrift", "Script", "نظام الكتابة", "خط", "Écriture"),
		Codes:    cldrNames(cldrScript, scriptCodes, nil),
	}
}

// uiLanguages are the BCP 47 tags of the five UI languages and the ten consent languages
// (DOMAIN.md §3).
var uiLanguageCodes = []string{"de", "en", "ar", "fa", "fr", "tr", "ps", "ti", "kmr", "uk"}

func uiLanguages() *CodeList {
	return &CodeList{
		Key:      ListUILanguage,
		Standard: "BCP 47",
		Label:    T("Sprache der Oberfläche", "Interface language", "لغة الواجهة", "زبان رابط کاربری", "Langue de l'interface"),
		Codes:    cldrNames(cldrTag, uiLanguageCodes, map[string]Text{"kmr": languageOverrides["kmr"]}),
	}
}
