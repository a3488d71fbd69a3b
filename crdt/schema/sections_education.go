package schema

// Sections E–K of DOMAIN.md §2.3: languages, schooling, vocational training and study, work
// experience, skills, goals and availability, documents.

// kldbPattern accepts a five-digit occupation code (Berufsgattung) of the KldB 2010.
const kldbPattern = `[0-9]{5}`

var kldbPatternHelp = T(
	"fünfstellige Kennziffer der KldB 2010, z. B. 81302",
	"five-digit KldB 2010 code, e.g. 81302",
	"رمز من خمسة أرقام وفق تصنيف KldB 2010، مثل 81302",
	"کد پنج‌رقمی طبقه‌بندی KldB 2010، مثلاً 81302",
	"code KldB 2010 à cinq chiffres, p. ex. 81302",
)

// eduDocument is the link from an entry to the document that proves it.
func eduDocument() Field {
	return Field{
		Key:   "document",
		Type:  TypeRef,
		Ref:   "documents.files",
		Label: T("Nachweis (Dokument)", "Supporting document", "الوثيقة الداعمة", "مدرک پیوست", "Pièce justificative"),
	}
}

// eduCountry is the country of an education or work entry; required for schools.
func eduCountry(required bool) Field {
	return Field{Key: "country", Type: TypeCode, CodeList: ListCountry, Required: required, Label: T("Land", "Country", "البلد", "کشور", "Pays")}
}

func eduStart() Field {
	return Field{Key: "start", Type: TypeDate, Label: T("Beginn", "Start", "البداية", "شروع", "Début")}
}

func eduEnd() Field {
	return Field{Key: "end", Type: TypeDate, NotBefore: "start", Label: T("Ende", "End", "النهاية", "پایان", "Fin")}
}

func educationSections() []Section {
	return []Section{
		languagesSection(),
		schoolingSection(),
		trainingSection(),
		workSection(),
		skillsSection(),
		aspirationsSection(),
		documentsSection(),
	}
}

func languagesSection() Section {
	return Section{
		Key:    "languages",
		Letter: "E",
		Label:  T("Sprachen", "Languages", "اللغات", "زبان‌ها", "Langues"),
		Help: T(
			"Welche Sprachen Sie sprechen, lesen und schreiben, und Ihre Deutschkurse und Deutschprüfungen.",
			"The languages you speak, read and write, and your German courses and exams.",
			"اللغات التي تتحدثها وتقرؤها وتكتبها، ودورات وامتحانات اللغة الألمانية التي قمت بها.",
			"زبان‌هایی که صحبت می‌کنید، می‌خوانید و می‌نویسید، و دوره‌ها و آزمون‌های زبان آلمانی شما.",
			"Les langues que vous parlez, lisez et écrivez, ainsi que vos cours et examens d'allemand.",
		),
		Fields: []Field{
			{
				Key: "mother_tongues", Type: TypeCodes, CodeList: ListLanguage,
				Label: T("Muttersprache(n)", "Mother tongue(s)", "اللغة الأم", "زبان مادری", "Langue(s) maternelle(s)"),
				Help: T(
					"Die Sprache(n), die Sie als Kind gelernt haben. Bei Kurdisch, Persisch oder Arabisch bitte die Variante wählen, z. B. Kurmandschi oder Sorani.",
					"The language(s) you learned as a child. For Kurdish, Persian or Arabic please choose the variety, e.g. Kurmanji or Sorani.",
					"اللغة أو اللغات التي تعلمتها في طفولتك. بالنسبة للكردية أو الفارسية أو العربية يُرجى اختيار اللهجة، مثل الكرمانجية أو السورانية.",
					"زبان یا زبان‌هایی که در کودکی یاد گرفته‌اید. برای کردی، فارسی یا عربی لطفاً گونهٔ آن را انتخاب کنید، مثلاً کرمانجی یا سورانی.",
					"La ou les langues apprises dans l'enfance. Pour le kurde, le persan ou l'arabe, choisissez la variante, p. ex. kurmandji ou sorani.",
				),
			},
			{
				Key: "literate_in_mother_tongue", Type: TypeBool,
				Label: T("Lesen und Schreiben in der Muttersprache", "Literate in the mother tongue", "يجيد القراءة والكتابة باللغة الأم", "خواندن و نوشتن به زبان مادری", "Sait lire et écrire sa langue maternelle"),
			},
			{
				Key: "scripts", Type: TypeCodes, CodeList: ListScript,
				Label: T("Schriften, in denen Sie lesen und schreiben", "Scripts you read and write", "أنظمة الكتابة التي تقرأ وتكتب بها", "خط‌هایی که با آن‌ها می‌خوانید و می‌نویسید", "Écritures que vous lisez et écrivez"),
				Help: T(
					"Zum Beispiel arabische, lateinische, kyrillische oder äthiopische Schrift.",
					"For example Arabic, Latin, Cyrillic or Ethiopic script.",
					"مثل الحروف العربية أو اللاتينية أو السيريلية أو الإثيوبية.",
					"مثلاً خط عربی، لاتین، سیریلیک یا اتیوپیایی.",
					"Par exemple l'écriture arabe, latine, cyrillique ou éthiopienne.",
				),
			},
			{
				Key: "latin_literacy", Type: TypeCode, CodeList: "latin_literacy",
				Label: T("Lesen und Schreiben in lateinischer Schrift", "Literacy in Latin script", "القراءة والكتابة بالحروف اللاتينية", "خواندن و نوشتن با خط لاتین", "Lecture et écriture en alphabet latin"),
				Help: T(
					"Entscheidet, ob ein Alphabetisierungskurs oder ein Kurs für Zweitschriftlernende passt.",
					"Decides between a literacy course and a course for learners of a second script.",
					"يحدد ما إذا كانت دورة محو الأمية أو دورة تعلم الكتابة بالحروف اللاتينية هي المناسبة.",
					"تعیین می‌کند که دورهٔ سوادآموزی مناسب است یا دورهٔ یادگیری خط دوم.",
					"Permet de choisir entre un cours d'alphabétisation et un cours pour apprenants d'une seconde écriture.",
				),
			},
			{
				Key: "other_languages", Type: TypeList,
				Label: T("Weitere Sprachen", "Other languages", "لغات أخرى", "زبان‌های دیگر", "Autres langues"),
				Help: T(
					"Sprachen außer Muttersprache und Deutsch. Deutsch bitte weiter unten angeben.",
					"Languages other than your mother tongue and German. Please enter German further below.",
					"اللغات الأخرى غير اللغة الأم والألمانية. يُرجى إدخال الألمانية في الأسفل.",
					"زبان‌هایی به‌جز زبان مادری و آلمانی. آلمانی را لطفاً پایین‌تر وارد کنید.",
					"Langues autres que la langue maternelle et l'allemand. Indiquez l'allemand plus bas.",
				),
				Item: []Field{
					{Key: "language", Type: TypeCode, CodeList: ListLanguage, Required: true, Label: T("Sprache", "Language", "اللغة", "زبان", "Langue")},
					{
						Key: "level", Type: TypeCode, CodeList: ListCEFR,
						Label: T("Niveau insgesamt", "Overall level", "المستوى العام", "سطح کلی", "Niveau global"),
						Help: T(
							"Selbsteinschätzung nach dem Gemeinsamen Europäischen Referenzrahmen (GER). Die Angaben je Fertigkeit sind freiwillig.",
							"Self-assessment on the Common European Framework of Reference (CEFR). The levels per skill are optional.",
							"تقييم ذاتي وفق الإطار الأوروبي المرجعي المشترك للغات. مستويات المهارات المنفردة اختيارية.",
							"خودارزیابی بر اساس چارچوب مرجع مشترک اروپایی برای زبان‌ها. سطح هر مهارت اختیاری است.",
							"Auto-évaluation selon le Cadre européen commun de référence (CECRL). Les niveaux par compétence sont facultatifs.",
						),
					},
					{Key: "listening", Type: TypeCode, CodeList: ListCEFR, Label: T("Hören", "Listening", "الاستماع", "شنیدن", "Écouter")},
					{Key: "reading", Type: TypeCode, CodeList: ListCEFR, Label: T("Lesen", "Reading", "القراءة", "خواندن", "Lire")},
					{Key: "spoken_interaction", Type: TypeCode, CodeList: ListCEFR, Label: T("An Gesprächen teilnehmen", "Spoken interaction", "التفاعل الشفهي", "گفت‌وگو", "Prendre part à une conversation")},
					{Key: "spoken_production", Type: TypeCode, CodeList: ListCEFR, Label: T("Zusammenhängendes Sprechen", "Spoken production", "التعبير الشفهي", "بیان شفاهی", "S'exprimer oralement en continu")},
					{Key: "writing", Type: TypeCode, CodeList: ListCEFR, Label: T("Schreiben", "Writing", "الكتابة", "نوشتن", "Écrire")},
				},
			},
			{
				Key: "german_level", Type: TypeCode, CodeList: ListCEFR,
				Label: T("Deutschkenntnisse (aktuelles Niveau)", "German: current level", "مستوى اللغة الألمانية الحالي", "سطح فعلی زبان آلمانی", "Niveau d'allemand actuel"),
			},
			{
				Key: "german_level_source", Type: TypeCode, CodeList: "language_level_source",
				Label: T("Grundlage der Einstufung", "Basis of the level", "أساس تحديد المستوى", "مبنای تعیین سطح", "Base de l'évaluation du niveau"),
				Help: T(
					"Woher das Niveau stammt: eigene Einschätzung, Einstufungstest oder Zertifikat.",
					"Where the level comes from: own assessment, placement test or certificate.",
					"مصدر المستوى: تقييم ذاتي أو اختبار تحديد المستوى أو شهادة.",
					"این سطح از کجا آمده است: خودارزیابی، آزمون تعیین سطح یا مدرک.",
					"Origine du niveau : auto-évaluation, test de positionnement ou certificat.",
				),
			},
			{
				Key: "german_certificates", Type: TypeList,
				Label: T("Deutschzertifikate", "German certificates", "شهادات اللغة الألمانية", "مدارک زبان آلمانی", "Certificats d'allemand"),
				Item: []Field{
					{Key: "exam", Type: TypeCode, CodeList: "german_exam", Label: T("Prüfung", "Exam", "الامتحان", "آزمون", "Examen")},
					{
						Key: "result", Type: TypeCode, CodeList: "german_exam_result",
						Label: T("Ergebnis", "Result", "النتيجة", "نتیجه", "Résultat"),
						Help: T(
							"Erreichtes Niveau, z. B. B1 beim DTZ, oder „bestanden“ beim Test „Leben in Deutschland“.",
							"Level reached, e.g. B1 in the DTZ, or “passed” for the “Life in Germany” test.",
							"المستوى الذي حققته، مثل B1 في امتحان DTZ، أو «ناجح» في اختبار «الحياة في ألمانيا».",
							"سطحی که به دست آورده‌اید، مثلاً B1 در آزمون DTZ، یا «قبول» در آزمون «زندگی در آلمان».",
							"Niveau atteint, p. ex. B1 au DTZ, ou « réussi » pour le test « Vivre en Allemagne ».",
						),
					},
					{Key: "date", Type: TypeDate, Label: T("Prüfungsdatum", "Exam date", "تاريخ الامتحان", "تاریخ آزمون", "Date de l'examen")},
					eduDocument(),
				},
			},
			{
				Key: "german_courses", Type: TypeList,
				Label: T("Deutschkurse", "German courses", "دورات اللغة الألمانية", "دوره‌های زبان آلمانی", "Cours d'allemand"),
				Item: []Field{
					{Key: "type", Type: TypeCode, CodeList: "german_course_type", Label: T("Kursart", "Course type", "نوع الدورة", "نوع دوره", "Type de cours")},
					{
						Key: "provider", Type: TypeString,
						Label: T("Kursträger", "Course provider", "الجهة المنظِّمة للدورة", "مؤسسهٔ برگزارکننده", "Organisme de formation"),
						Help: T(
							"z. B. Volkshochschule Heidelberg",
							"e.g. Volkshochschule Heidelberg",
							"مثل: Volkshochschule Heidelberg",
							"مثلاً: Volkshochschule Heidelberg",
							"p. ex. Volkshochschule Heidelberg",
						),
					},
					eduStart(),
					eduEnd(),
					{
						Key: "teaching_units", Type: TypeInt, Min: 0, Max: 2000,
						Label: T("Unterrichtseinheiten (UE)", "Teaching units (45 min)", "الوحدات الدراسية (45 دقيقة)", "جلسات درسی (۴۵ دقیقه‌ای)", "Unités d'enseignement (45 min)"),
					},
					{Key: "status", Type: TypeCode, CodeList: "course_status", Label: T("Stand", "Status", "الحالة", "وضعیت", "Statut")},
					{
						Key: "entitlement", Type: TypeCode, CodeList: "course_entitlement",
						Label: T("Berechtigung oder Verpflichtung", "Entitlement or obligation", "أهلية أو إلزام", "مجوز یا الزام", "Droit ou obligation"),
						Help: T(
							"Steht im Schreiben, mit dem Sie zum Kurs zugelassen oder verpflichtet wurden.",
							"As stated in the letter admitting you to the course or obliging you to attend it.",
							"كما ورد في الخطاب الذي يسمح لك بالمشاركة في الدورة أو يُلزمك بها.",
							"طبق نامه‌ای که به شما اجازهٔ شرکت در دوره داده یا شما را ملزم به شرکت کرده است.",
							"Selon le courrier qui vous autorise à suivre le cours ou vous y oblige.",
						),
					},
					{Key: "entitlement_issuer", Type: TypeCode, CodeList: "entitlement_issuer", Label: T("Ausgestellt von", "Issued by", "صادرة عن", "صادرشده توسط", "Délivré par")},
					eduDocument(),
				},
			},
		},
	}
}

func schoolingSection() Section {
	return Section{
		Key:    "schooling",
		Letter: "F",
		Label:  T("Schulbildung", "Schooling", "التعليم المدرسي", "تحصیلات مدرسه‌ای", "Scolarité"),
		Help: T(
			"Alle Schulen, die Sie besucht haben, in allen Ländern.",
			"All schools you attended, in every country.",
			"جميع المدارس التي التحقت بها، في جميع البلدان.",
			"همهٔ مدرسه‌هایی که در آن‌ها درس خوانده‌اید، در همهٔ کشورها.",
			"Toutes les écoles que vous avez fréquentées, dans tous les pays.",
		),
		Fields: []Field{
			{
				Key: "schools", Type: TypeList,
				Label: T("Schulbesuche", "Schools attended", "المدارس التي التحقت بها", "مدارس", "Écoles fréquentées"),
				Item: []Field{
					eduCountry(true),
					{
						Key: "school_type", Type: TypeString,
						Label: T("Schulart", "Type of school", "نوع المدرسة", "نوع مدرسه", "Type d'école"),
						Help: T(
							"So, wie sie in dem Land heißt, z. B. „Lycée“ oder „Mutawassita“.",
							"As it is called in that country, e.g. “Lycée” or “Mutawassita”.",
							"كما تُسمّى في ذلك البلد، مثل «ثانوية» أو «متوسطة».",
							"همان‌طور که در آن کشور نامیده می‌شود، مثلاً «دبیرستان» یا «راهنمایی».",
							"Comme elle s'appelle dans ce pays, p. ex. « lycée » ou « collège ».",
						),
					},
					{
						Key: "isced_level", Type: TypeCode, CodeList: ListISCEDLevel,
						Label: T("Bildungsstufe", "Level of education", "المرحلة التعليمية", "مقطع تحصیلی", "Niveau d'enseignement"),
						Help: T(
							"Nur Stufen 0 bis 3: frühkindliche Bildung, Grundschule, Sekundarbereich I oder II. Berufsausbildung und Studium gehören zu „Berufsausbildung & Studium“.",
							"Only levels 0 to 3: early childhood, primary, lower or upper secondary. Vocational training and university belong under “Vocational training & higher education”.",
							"المستويات من 0 إلى 3 فقط: التعليم المبكر أو الابتدائي أو الإعدادي أو الثانوي. التدريب المهني والدراسة الجامعية يُدخلان في قسم «التدريب المهني والدراسة الجامعية».",
							"فقط سطح ۰ تا ۳: پیش‌دبستانی، ابتدایی، دورهٔ اول یا دوم متوسطه. آموزش حرفه‌ای و دانشگاه در بخش «آموزش حرفه‌ای و تحصیلات دانشگاهی» وارد می‌شوند.",
							"Seulement les niveaux 0 à 3 : petite enfance, primaire, premier ou second cycle du secondaire. La formation professionnelle et les études vont dans « Formation professionnelle et études supérieures ».",
						),
					},
					{Key: "start_year", Type: TypeInt, Min: 1900, Max: 2100, Label: T("Beginn (Jahr)", "Start year", "سنة البدء", "سال شروع", "Année de début")},
					{Key: "end_year", Type: TypeInt, Min: 1900, Max: 2100, Label: T("Ende (Jahr)", "End year", "سنة الانتهاء", "سال پایان", "Année de fin")},
					{Key: "years_attended", Type: TypeInt, Min: 0, Max: 20, Label: T("Besuchte Schuljahre", "Years attended", "عدد السنوات الدراسية", "تعداد سال‌های تحصیل", "Années suivies")},
					{Key: "completion", Type: TypeCode, CodeList: "school_completion", Label: T("Abschluss", "Completion", "إتمام الدراسة", "اتمام تحصیل", "Achèvement")},
					{
						Key: "certificate_name", Type: TypeText,
						Label: T("Bezeichnung des Zeugnisses", "Name of the certificate", "اسم الشهادة", "نام مدرک", "Intitulé du diplôme"),
						Help: T(
							"z. B. „Baccalauréat“ oder „Abschlusszeugnis der Mittelstufe“",
							"e.g. “Baccalauréat” or “lower secondary school-leaving certificate”",
							"مثل «البكالوريا» أو «شهادة إتمام المرحلة المتوسطة»",
							"مثلاً «دیپلم» یا «گواهی پایان دورهٔ راهنمایی»",
							"p. ex. « baccalauréat » ou « brevet des collèges »",
						),
					},
					eduDocument(),
					{
						Key: "evidence", Type: TypeCode, CodeList: ListEvidence,
						Label: T("Nachweis", "Evidence", "الإثبات", "مدرک", "Justificatif"),
						Help: T(
							"Gibt es das Zeugnis im Original, als Kopie oder gar nicht?",
							"Is the certificate available as an original, as a copy, or not at all?",
							"هل الشهادة متوفرة بالأصل أو كنسخة أو غير متوفرة؟",
							"آیا اصل مدرک موجود است، کپی آن، یا هیچ‌کدام؟",
							"Le diplôme est-il disponible en original, en copie ou pas du tout ?",
						),
					},
				},
			},
			{
				Key: "years_of_schooling", Type: TypeInt, Min: 0, Max: 30,
				Label: T("Schuljahre insgesamt", "Total years of schooling", "مجموع سنوات الدراسة المدرسية", "مجموع سال‌های تحصیل در مدرسه", "Nombre total d'années de scolarité"),
				Help: T(
					"Alle Schuljahre zusammen, in allen Ländern, nach eigener Angabe.",
					"All school years together, in every country, as you state them.",
					"جميع السنوات الدراسية معًا، في جميع البلدان، حسب ما تذكره.",
					"همهٔ سال‌های مدرسه با هم، در همهٔ کشورها، طبق گفتهٔ خودتان.",
					"Toutes les années d'école ensemble, dans tous les pays, selon vos indications.",
				),
			},
			{
				Key: "german_school_certificate", Type: TypeCode, CodeList: "german_school_certificate",
				Label: T("Deutscher Schulabschluss oder anerkannte Gleichwertigkeit", "German school certificate or recognised equivalent", "شهادة مدرسية ألمانية أو ما يعادلها بعد الاعتراف", "مدرک مدرسهٔ آلمانی یا معادل به رسمیت شناخته‌شده", "Diplôme scolaire allemand ou équivalence reconnue"),
				Help: T(
					"Nur wenn Sie in Deutschland zur Schule gegangen sind oder Ihr Zeugnis anerkannt wurde.",
					"Only if you went to school in Germany or your certificate was recognised.",
					"فقط إذا درست في مدرسة في ألمانيا أو تم الاعتراف بشهادتك.",
					"فقط اگر در آلمان به مدرسه رفته‌اید یا مدرک شما به رسمیت شناخته شده است.",
					"Seulement si vous êtes allé(e) à l'école en Allemagne ou si votre diplôme a été reconnu.",
				),
			},
			{
				Key: "school_recognition", Type: TypeCode, CodeList: "school_recognition",
				Label: T("Anerkennung des ausländischen Schulzeugnisses", "Recognition of the foreign school certificate", "الاعتراف بالشهادة المدرسية الأجنبية", "ارزشیابی مدرک مدرسهٔ خارجی", "Reconnaissance du diplôme scolaire étranger"),
				Help: T(
					"In Baden-Württemberg zuständig: die Zeugnisanerkennungsstelle beim Regierungspräsidium Stuttgart.",
					"In Baden-Württemberg this is done by the certificate recognition office at the Regierungspräsidium Stuttgart.",
					"في بادن-فورتمبيرغ يتولى ذلك مكتب الاعتراف بالشهادات لدى الرئاسة الحكومية في شتوتغارت.",
					"در بادن-وورتمبرگ این کار را ادارهٔ ارزشیابی مدارک در فرمانداری منطقهٔ اشتوتگارت انجام می‌دهد.",
					"En Bade-Wurtemberg, c'est le service de reconnaissance des diplômes du Regierungspräsidium de Stuttgart qui en est chargé.",
				),
			},
			{
				Key: "school_recognition_level", Type: TypeCode, CodeList: ListISCEDLevel,
				Label: T("Anerkannt als Bildungsstufe", "Recognised as level", "معترف بها كمستوى", "معادل‌سازی‌شده با مقطع", "Reconnu au niveau"),
				Help: T(
					"Nur bei „anerkannt als“: die Stufe, der das Zeugnis gleichgestellt wurde.",
					"Only for “recognised as”: the level the certificate was found equal to.",
					"فقط عند «معترف بها كـ»: المستوى الذي اعتُبرت الشهادة معادلة له.",
					"فقط برای «معادل‌سازی‌شده به‌عنوان»: مقطعی که مدرک با آن برابر دانسته شده است.",
					"Seulement pour « reconnu comme » : le niveau auquel le diplôme a été jugé équivalent.",
				),
			},
		},
	}
}

func trainingSection() Section {
	return Section{
		Key:    "training",
		Letter: "G",
		Label:  T("Berufsausbildung & Studium", "Vocational training & higher education", "التدريب المهني والدراسة الجامعية", "آموزش حرفه‌ای و تحصیلات دانشگاهی", "Formation professionnelle et études supérieures"),
		Help: T(
			"Berufsausbildungen, Studium und im Beruf Gelerntes, und ihre Anerkennung in Deutschland.",
			"Vocational training, studies and skills learned on the job, and their recognition in Germany.",
			"التدريب المهني والدراسة الجامعية وما تعلمته أثناء العمل، والاعتراف بها في ألمانيا.",
			"آموزش حرفه‌ای، تحصیلات دانشگاهی و آنچه در کار یاد گرفته‌اید، و ارزشیابی آن‌ها در آلمان.",
			"Formations professionnelles, études et savoir-faire acquis au travail, et leur reconnaissance en Allemagne.",
		),
		Fields: []Field{
			{
				Key: "qualifications", Type: TypeList,
				Label: T("Ausbildungen und Studiengänge", "Training and degrees", "التدريب المهني والدراسات", "دوره‌های آموزشی و تحصیلی", "Formations et études"),
				Item: []Field{
					eduCountry(false),
					{Key: "institution", Type: TypeString, Label: T("Bildungseinrichtung", "Institution", "المؤسسة التعليمية", "مؤسسهٔ آموزشی", "Établissement")},
					{Key: "type", Type: TypeCode, CodeList: "training_type", Label: T("Art", "Type", "النوع", "نوع", "Type")},
					{
						Key: "isced_level", Type: TypeCode, CodeList: ListISCEDLevel,
						Label: T("Bildungsstufe", "Level of education", "المرحلة التعليمية", "مقطع تحصیلی", "Niveau d'enseignement"),
						Help: T(
							"Stufen 4 bis 8: Abschlüsse nach der Schule.",
							"Levels 4 to 8: qualifications after school.",
							"المستويات من 4 إلى 8: المؤهلات بعد المدرسة.",
							"سطح ۴ تا ۸: مدارک پس از مدرسه.",
							"Niveaux 4 à 8 : qualifications obtenues après l'école.",
						),
					},
					{Key: "isced_field", Type: TypeCode, CodeList: ListISCEDField, Label: T("Fachrichtung", "Field of study", "التخصص", "رشته", "Domaine d'études")},
					{
						Key: "title", Type: TypeText,
						Label: T("Bezeichnung des Abschlusses", "Title of the qualification", "اسم المؤهل", "عنوان مدرک", "Intitulé de la qualification"),
						Help: T(
							"z. B. „Elektroinstallateur“ oder „Bachelor Bauingenieurwesen“",
							"e.g. “electrician” or “Bachelor of Civil Engineering”",
							"مثل «فني كهرباء» أو «بكالوريوس الهندسة المدنية»",
							"مثلاً «برق‌کار ساختمان» یا «کارشناسی مهندسی عمران»",
							"p. ex. « électricien » ou « licence en génie civil »",
						),
					},
					eduStart(),
					eduEnd(),
					{Key: "completed", Type: TypeBool, Label: T("Abgeschlossen", "Completed", "مكتمل", "به پایان رسیده", "Achevé")},
					{Key: "duration_months", Type: TypeInt, Min: 0, Max: 240, Label: T("Dauer in Monaten", "Duration in months", "المدة بالأشهر", "مدت به ماه", "Durée en mois")},
					eduDocument(),
				},
			},
			{
				Key: "reference_occupation", Type: TypeString, Pattern: kldbPattern, PatternHelp: kldbPatternHelp,
				Label: T("Deutscher Referenzberuf (KldB 2010)", "German reference occupation (KldB 2010)", "المهنة المرجعية الألمانية (KldB 2010)", "شغل مرجع آلمانی (KldB 2010)", "Profession de référence allemande (KldB 2010)"),
				Help: T(
					"Der deutsche Beruf, mit dem die ausländische Qualifikation bei der Anerkennung verglichen wird.",
					"The German occupation the foreign qualification is compared with in the recognition procedure.",
					"المهنة الألمانية التي يُقارَن بها المؤهل الأجنبي في إجراء الاعتراف.",
					"شغل آلمانی‌ای که مدرک خارجی در فرایند ارزشیابی با آن مقایسه می‌شود.",
					"La profession allemande à laquelle la qualification étrangère est comparée lors de la reconnaissance.",
				),
			},
			{
				Key: "isco_code", Type: TypeString,
				Label: T("Berufscode ISCO-08", "ISCO-08 occupation code", "رمز المهنة وفق ISCO-08", "کد شغل ISCO-08", "Code profession CITP-08 (ISCO-08)"),
				Help: T(
					"Internationale Berufsklassifikation, z. B. 2221 für Pflegefachkräfte",
					"International occupation classification, e.g. 2221 for nursing professionals",
					"التصنيف الدولي للمهن، مثل 2221 لاختصاصيي التمريض",
					"طبقه‌بندی بین‌المللی مشاغل، مثلاً 2221 برای پرستاران",
					"Classification internationale des professions, p. ex. 2221 pour le personnel infirmier",
				),
			},
			{
				Key: "regulated_profession", Type: TypeBool,
				Label: T("In Deutschland reglementierter Beruf", "Regulated profession in Germany", "مهنة منظَّمة قانونيًا في ألمانيا", "شغل نیازمند مجوز در آلمان", "Profession réglementée en Allemagne"),
				Help: T(
					"Für diese Berufe braucht man in Deutschland eine Anerkennung, um darin zu arbeiten, z. B. Ärztin, Pflegefachkraft, Lehrer.",
					"These occupations need recognition before you may work in them in Germany, e.g. doctor, nurse, teacher.",
					"تحتاج هذه المهن إلى الاعتراف بالمؤهل قبل مزاولتها في ألمانيا، مثل الطبيب والممرض والمعلم.",
					"برای کار در این شغل‌ها در آلمان به ارزشیابی مدرک نیاز است، مثلاً پزشک، پرستار، معلم.",
					"Ces professions exigent une reconnaissance pour être exercées en Allemagne, p. ex. médecin, infirmier, enseignant.",
				),
			},
			{Key: "recognition_status", Type: TypeCode, CodeList: "recognition_status", Label: T("Stand der Anerkennung", "Recognition status", "حالة الاعتراف بالمؤهل", "وضعیت ارزشیابی مدرک", "État de la reconnaissance")},
			{Key: "competent_body", Type: TypeCode, CodeList: "competent_body", Label: T("Zuständige Stelle", "Competent body", "الجهة المختصة", "مرجع مسئول", "Organisme compétent")},
			{Key: "recognition_applied", Type: TypeDate, Label: T("Anerkennung beantragt am", "Recognition applied for on", "تاريخ تقديم طلب الاعتراف", "تاریخ درخواست ارزشیابی", "Demande de reconnaissance déposée le")},
			{Key: "recognition_decided", Type: TypeDate, NotBefore: "recognition_applied", Label: T("Anerkennung entschieden am", "Recognition decided on", "تاريخ قرار الاعتراف", "تاریخ صدور حکم ارزشیابی", "Décision de reconnaissance rendue le")},
			{Key: "recognition_document", Type: TypeRef, Ref: "documents.files", Label: T("Anerkennungsbescheid", "Recognition decision", "قرار الاعتراف بالمؤهل", "حکم ارزشیابی مدرک", "Décision de reconnaissance")},
		},
	}
}

func workSection() Section {
	return Section{
		Key:    "work",
		Letter: "H",
		Label:  T("Berufserfahrung", "Work experience", "الخبرة المهنية", "سابقهٔ کار", "Expérience professionnelle"),
		Help: T(
			"Alle Tätigkeiten, auch ohne Vertrag, im Familienbetrieb oder als Praktikum.",
			"All work, including work without a contract, in a family business or as an internship.",
			"جميع الأعمال، حتى بدون عقد، أو في مشروع عائلي، أو كتدريب عملي.",
			"همهٔ کارها، حتی بدون قرارداد، در کسب‌وکار خانوادگی یا به‌صورت کارورزی.",
			"Toutes les activités, même sans contrat, dans l'entreprise familiale ou en stage.",
		),
		Fields: []Field{
			{
				Key: "jobs", Type: TypeList,
				Label: T("Tätigkeiten", "Jobs", "الوظائف", "مشاغل", "Emplois"),
				Item: []Field{
					eduCountry(false),
					{Key: "employer", Type: TypeString, Label: T("Arbeitgeber", "Employer", "صاحب العمل", "کارفرما", "Employeur")},
					{Key: "sector", Type: TypeCode, CodeList: "economic_sector", Label: T("Wirtschaftszweig", "Economic sector", "القطاع الاقتصادي", "بخش اقتصادی", "Secteur d'activité")},
					{Key: "job_title", Type: TypeString, Label: T("Berufsbezeichnung", "Job title", "المسمّى الوظيفي", "عنوان شغل", "Intitulé du poste")},
					{
						Key: "occupation_code", Type: TypeString, Pattern: kldbPattern, PatternHelp: kldbPatternHelp,
						Label: T("Berufskennziffer (KldB 2010)", "Occupation code (KldB 2010)", "رمز المهنة (KldB 2010)", "کد شغل (KldB 2010)", "Code profession (KldB 2010)"),
					},
					{
						Key: "tasks", Type: TypeText,
						Label: T("Aufgaben", "Tasks", "المهام", "وظایف", "Tâches"),
						Help: T(
							"Was Sie bei der Arbeit gemacht haben, z. B. Maschinen bedient, Kunden beraten, ein Team geleitet.",
							"What you did at work, e.g. operated machines, advised customers, led a team.",
							"ما كنت تقوم به في العمل، مثل تشغيل الآلات أو خدمة الزبائن أو قيادة فريق.",
							"کارهایی که در این شغل انجام می‌دادید، مثلاً کار با دستگاه، مشاوره به مشتری، سرپرستی گروه.",
							"Ce que vous faisiez au travail, p. ex. conduire des machines, conseiller des clients, diriger une équipe.",
						),
					},
					eduStart(),
					eduEnd(),
					{Key: "employment_type", Type: TypeCode, CodeList: "employment_type", Label: T("Art der Beschäftigung", "Type of employment", "نوع العمل", "نوع اشتغال", "Type d'emploi")},
					{Key: "hours", Type: TypeCode, CodeList: "working_hours", Label: T("Arbeitszeit", "Working hours", "ساعات العمل", "ساعات کار", "Temps de travail")},
					eduDocument(),
				},
			},
		},
	}
}

func skillsSection() Section {
	return Section{
		Key:    "skills",
		Letter: "I",
		Label:  T("Kompetenzen", "Skills", "المهارات", "مهارت‌ها", "Compétences"),
		Fields: []Field{
			{
				Key: "occupational_skills", Type: TypeText,
				Label: T("Berufliche Fähigkeiten", "Occupational skills", "المهارات المهنية", "مهارت‌های شغلی", "Compétences professionnelles"),
				Help: T(
					"Was Sie beruflich können, z. B. schweißen, Haare schneiden, Lkw fahren, Buchhaltung.",
					"What you can do professionally, e.g. welding, cutting hair, driving a lorry, bookkeeping.",
					"ما تجيده مهنيًا، مثل اللحام أو قص الشعر أو قيادة الشاحنات أو المحاسبة.",
					"کارهایی که در حرفهٔ خود بلدید، مثلاً جوشکاری، آرایشگری، رانندگی کامیون، حسابداری.",
					"Ce que vous savez faire professionnellement, p. ex. souder, couper les cheveux, conduire un camion, tenir une comptabilité.",
				),
			},
			{
				Key: "digital_communication", Type: TypeCode, CodeList: "digital_level",
				Label: T("Digitale Kommunikation (Messenger, E-Mail, Videoanruf)", "Digital communication (messenger, e-mail, video call)", "التواصل الرقمي (تطبيقات المراسلة، البريد الإلكتروني، مكالمات الفيديو)", "ارتباط دیجیتال (پیام‌رسان، ایمیل، تماس تصویری)", "Communication numérique (messagerie, e-mail, appel vidéo)"),
			},
			{
				Key: "digital_office", Type: TypeCode, CodeList: "digital_level",
				Label: T("Büroprogramme (Textverarbeitung, Tabellen)", "Office software (word processing, spreadsheets)", "برامج المكتب (معالجة النصوص، الجداول)", "نرم‌افزارهای اداری (واژه‌پرداز، صفحه‌گسترده)", "Bureautique (traitement de texte, tableur)"),
			},
			{
				Key: "digital_online_services", Type: TypeCode, CodeList: "digital_level",
				Label: T("Online-Dienste (Formulare, Termine, Online-Banking)", "Online services (forms, appointments, online banking)", "الخدمات الإلكترونية (الاستمارات، المواعيد، الخدمات المصرفية عبر الإنترنت)", "خدمات آنلاین (فرم‌ها، نوبت‌گیری، بانکداری اینترنتی)", "Services en ligne (formulaires, rendez-vous, banque en ligne)"),
			},
			{Key: "soft_skills", Type: TypeCodes, CodeList: "soft_skill", Label: T("Persönliche Stärken", "Personal strengths", "نقاط القوة الشخصية", "توانایی‌های فردی", "Qualités personnelles")},
			{
				Key: "tests", Type: TypeList,
				Label: T("Tests und Kompetenzfeststellungen", "Tests and skills assessments", "الاختبارات وتقييمات الكفاءة", "آزمون‌ها و سنجش مهارت‌ها", "Tests et bilans de compétences"),
				Item: []Field{
					{Key: "type", Type: TypeCode, CodeList: "skill_test_type", Label: T("Art", "Type", "النوع", "نوع", "Type")},
					{Key: "occupation", Type: TypeString, Label: T("Beruf", "Occupation", "المهنة", "شغل", "Métier")},
					{Key: "date", Type: TypeDate, Label: T("Datum", "Date", "التاريخ", "تاریخ", "Date")},
					{
						Key: "result", Type: TypeText,
						Label: T("Ergebnis", "Result", "النتيجة", "نتیجه", "Résultat"),
						Help: T(
							"z. B. das Ergebnis je Handlungsfeld beim MYSKILLS-Test",
							"e.g. the result per field of activity in the MYSKILLS test",
							"مثل النتيجة في كل مجال عمل في اختبار MYSKILLS",
							"مثلاً نتیجهٔ هر حوزهٔ کاری در آزمون MYSKILLS",
							"p. ex. le résultat par domaine d'activité au test MYSKILLS",
						),
					},
					eduDocument(),
				},
			},
		},
	}
}

func aspirationsSection() Section {
	return Section{
		Key:    "aspirations",
		Letter: "J",
		Label:  T("Ziele & Wünsche", "Goals & wishes", "الأهداف والرغبات", "اهداف و خواسته‌ها", "Objectifs et souhaits"),
		Fields: []Field{
			{Key: "next_priorities", Type: TypeCodes, CodeList: "priority", Label: T("Nächste Ziele", "Next priorities", "الأولويات القادمة", "اولویت‌های بعدی", "Prochaines priorités")},
			{
				Key: "desired_occupations", Type: TypeText,
				Label: T("Wunschberufe", "Desired occupations", "المهن المرغوبة", "شغل‌های دلخواه", "Métiers souhaités"),
			},
			{Key: "earliest_start", Type: TypeDate, Label: T("Frühester Beginn", "Earliest start", "أقرب موعد للبدء", "زودترین زمان شروع", "Début au plus tôt")},
			{Key: "hours_per_week", Type: TypeInt, Min: 1, Max: 60, Label: T("Stunden pro Woche", "Hours per week", "عدد الساعات في الأسبوع", "ساعت در هفته", "Heures par semaine")},
			{Key: "shift_work_ok", Type: TypeBool, Label: T("Schichtarbeit möglich", "Shift work possible", "العمل بنظام الورديات ممكن", "امکان کار شیفتی", "Travail posté possible")},
			{
				Key: "radius_km", Type: TypeInt, Min: 0, Max: 1000,
				Label: T("Entfernung zum Arbeitsort (km)", "Distance to work (km)", "المسافة إلى مكان العمل (كم)", "فاصله تا محل کار (کیلومتر)", "Distance jusqu'au lieu de travail (km)"),
				Help: T(
					"Wie weit der Arbeits- oder Ausbildungsort höchstens entfernt sein darf.",
					"How far away the place of work or training may be at most.",
					"أقصى مسافة مقبولة إلى مكان العمل أو التدريب.",
					"حداکثر فاصلهٔ قابل‌قبول تا محل کار یا آموزش.",
					"Distance maximale acceptée jusqu'au lieu de travail ou de formation.",
				),
			},
			{Key: "willing_to_move", Type: TypeBool, Label: T("Bereit umzuziehen", "Willing to move", "مستعد للانتقال إلى مكان آخر", "آمادهٔ نقل مکان", "Prêt(e) à déménager")},
		},
	}
}

func documentsSection() Section {
	return Section{
		Key:    "documents",
		Letter: "K",
		Label:  T("Dokumente", "Documents", "الوثائق", "مدارک", "Documents"),
		Help: T(
			"Dateien werden auf Ihrem Gerät verschlüsselt; der Server kann sie nicht lesen.",
			"Files are encrypted on your device; the server cannot read them.",
			"تُشفَّر الملفات على جهازك، ولا يستطيع الخادم قراءتها.",
			"فایل‌ها روی دستگاه شما رمزگذاری می‌شوند و سرور نمی‌تواند آن‌ها را بخواند.",
			"Les fichiers sont chiffrés sur votre appareil ; le serveur ne peut pas les lire.",
		),
		Fields: []Field{
			{
				Key: "files", Type: TypeList,
				Label: T("Dateien", "Files", "الملفات", "فایل‌ها", "Fichiers"),
				Item: []Field{
					{
						Key: "blob_id", Type: TypeString, Required: true,
						Label: T("Datei-ID", "File ID", "معرّف الملف", "شناسهٔ فایل", "Identifiant du fichier"),
						Help: T(
							"Inhaltsadresse der verschlüsselten Datei auf dem Server; wird automatisch gesetzt.",
							"Content address of the encrypted file on the relay; set automatically.",
							"عنوان محتوى الملف المشفَّر على الخادم، يُعيَّن تلقائيًا.",
							"نشانی محتوای فایل رمزگذاری‌شده روی سرور؛ به‌طور خودکار تعیین می‌شود.",
							"Adresse de contenu du fichier chiffré sur le serveur ; définie automatiquement.",
						),
					},
					{Key: "title", Type: TypeString, Label: T("Titel", "Title", "العنوان", "عنوان", "Titre")},
					{Key: "type", Type: TypeCode, CodeList: "document_type", Required: true, Label: T("Dokumentart", "Document type", "نوع الوثيقة", "نوع مدرک", "Type de document")},
					{Key: "file_name", Type: TypeString, Label: T("Dateiname", "File name", "اسم الملف", "نام فایل", "Nom du fichier")},
					{
						Key: "media_type", Type: TypeString,
						Label: T("Dateiformat", "File format", "صيغة الملف", "قالب فایل", "Format du fichier"),
						Help: T(
							"MIME-Typ, z. B. application/pdf oder image/jpeg",
							"MIME type, e.g. application/pdf or image/jpeg",
							"نوع MIME، مثل application/pdf أو image/jpeg",
							"نوع MIME، مثلاً application/pdf یا image/jpeg",
							"type MIME, p. ex. application/pdf ou image/jpeg",
						),
					},
					// Max only makes Min effective: bounds apply when Max > Min.
					{Key: "size", Type: TypeInt, Min: 0, Max: 1 << 40, Label: T("Dateigröße (Byte)", "File size (bytes)", "حجم الملف (بايت)", "حجم فایل (بایت)", "Taille du fichier (octets)")},
					{
						Key: "content_key", Type: TypeString, Secret: true,
						Label: T("Dateischlüssel", "File key", "مفتاح الملف", "کلید فایل", "Clé du fichier"),
						Help: T(
							"Schlüssel nur für diese Datei; wird nie angezeigt.",
							"The key of this file only; never shown.",
							"مفتاح خاص بهذا الملف وحده، ولا يُعرض أبدًا.",
							"کلید مخصوص همین فایل؛ هرگز نمایش داده نمی‌شود.",
							"Clé propre à ce fichier ; jamais affichée.",
						),
					},
					{Key: "language", Type: TypeCode, CodeList: ListLanguage, Label: T("Sprache des Dokuments", "Language of the document", "لغة الوثيقة", "زبان مدرک", "Langue du document")},
					{
						Key: "translation", Type: TypeCode, CodeList: "translation_kind",
						Label: T("Übersetzung", "Translation", "الترجمة", "ترجمه", "Traduction"),
						Help: T(
							"Ist diese Datei eine Übersetzung? Beim Originaldokument „keine Übersetzung“ wählen.",
							"Is this file a translation? For the original document choose “no translation”.",
							"هل هذا الملف ترجمة؟ للوثيقة الأصلية اختر «بدون ترجمة».",
							"آیا این فایل ترجمه است؟ برای مدرک اصلی «بدون ترجمه» را انتخاب کنید.",
							"Ce fichier est-il une traduction ? Pour le document original, choisissez « pas de traduction ».",
						),
					},
					{
						Key: "translation_of", Type: TypeRef, Ref: "documents.files",
						Label: T("Übersetzung von", "Translation of", "ترجمة للوثيقة", "ترجمهٔ مدرک", "Traduction de"),
						Help: T(
							"Das Originaldokument, das diese Datei übersetzt.",
							"The original document that this file translates.",
							"الوثيقة الأصلية التي يترجمها هذا الملف.",
							"مدرک اصلی‌ای که این فایل ترجمهٔ آن است.",
							"Le document original que ce fichier traduit.",
						),
					},
					{Key: "original_seen", Type: TypeBool, Label: T("Original von der Beratung eingesehen", "Original seen by the counsellor", "اطّلع المستشار على الأصل", "اصل مدرک توسط مشاور دیده شده", "Original vu par le conseiller")},
					{Key: "original_seen_by", Type: TypeString, Label: T("Original eingesehen von", "Original seen by", "اطّلع على الأصل", "اصل مدرک را دیده است", "Original vu par")},
					{Key: "original_seen_at", Type: TypeDate, NotFuture: true, Label: T("Original eingesehen am", "Original seen on", "تاريخ الاطلاع على الأصل", "تاریخ رؤیت اصل مدرک", "Original vu le")},
					{Key: "issuer", Type: TypeString, Label: T("Ausstellende Stelle", "Issuing authority", "الجهة المُصدِرة", "مرجع صادرکننده", "Autorité de délivrance")},
					{Key: "issuing_country", Type: TypeCode, CodeList: ListCountry, Label: T("Ausstellungsstaat", "Issuing country", "بلد الإصدار", "کشور صادرکننده", "Pays de délivrance")},
					{Key: "issue_date", Type: TypeDate, NotFuture: true, Label: T("Ausstellungsdatum", "Date of issue", "تاريخ الإصدار", "تاریخ صدور", "Date de délivrance")},
					{Key: "valid_until", Type: TypeDate, NotBefore: "issue_date", Label: T("Gültig bis", "Valid until", "صالح حتى", "معتبر تا", "Valable jusqu'au")},
					{Key: "uploaded_at", Type: TypeTime, Label: T("Hochgeladen am", "Uploaded on", "تاريخ الرفع", "تاریخ بارگذاری", "Téléversé le")},
					{
						Key: "share_on_request_only", Type: TypeBool,
						Label: T("Nur auf ausdrückliche Auswahl teilen", "Share only when chosen", "المشاركة فقط عند اختيارها", "فقط در صورت انتخاب به اشتراک گذاشته شود", "Partager seulement si choisi"),
						Help: T(
							"Das Dokument wird nur dann weitergegeben, wenn Sie es beim Teilen ausdrücklich auswählen.",
							"The document is included in a share only when you choose it.",
							"لا تُضمَّن الوثيقة في المشاركة إلا إذا اخترتها بنفسك.",
							"این مدرک فقط وقتی به اشتراک گذاشته می‌شود که خودتان آن را انتخاب کنید.",
							"Le document n'est inclus dans un partage que si vous le choisissez.",
						),
					},
				},
			},
		},
	}
}

func educationCodeLists() []*CodeList {
	return []*CodeList{
		{
			Key:   "latin_literacy",
			Label: T("Lesen und Schreiben in lateinischer Schrift", "Literacy in Latin script", "القراءة والكتابة بالحروف اللاتينية", "خواندن و نوشتن با خط لاتین", "Lecture et écriture en alphabet latin"),
			Codes: []Code{
				{"ja", T("ja", "yes", "نعم", "بله", "oui")},
				{"teilweise", T("teilweise", "partly", "جزئيًا", "تا حدی", "en partie")},
				{"nein", T("nein", "no", "لا", "خیر", "non")},
			},
		},
		{
			Key:   "language_level_source",
			Label: T("Grundlage der Einstufung", "Basis of the level", "أساس تحديد المستوى", "مبنای تعیین سطح", "Base de l'évaluation du niveau"),
			Codes: []Code{
				{"selbsteinschaetzung", T("Selbsteinschätzung", "self-assessment", "تقييم ذاتي", "خودارزیابی", "auto-évaluation")},
				{"einstufungstest", T("Einstufungstest", "placement test", "اختبار تحديد المستوى", "آزمون تعیین سطح", "test de positionnement")},
				{"zertifikat", T("Zertifikat", "certificate", "شهادة", "مدرک رسمی زبان", "certificat")},
			},
		},
		{
			Key:   "german_exam",
			Label: T("Deutschprüfung", "German exam", "امتحان اللغة الألمانية", "آزمون زبان آلمانی", "Examen d'allemand"),
			Codes: []Code{
				{"DTZ", T("Deutsch-Test für Zuwanderer (DTZ)", "German Test for Immigrants (DTZ)", "اختبار اللغة الألمانية للمهاجرين (DTZ)", "آزمون آلمانی برای مهاجران (DTZ)", "Test d'allemand pour immigrés (DTZ)")},
				{"LiD", T("Test „Leben in Deutschland“ (LiD)", "“Life in Germany” test (LiD)", "اختبار «الحياة في ألمانيا» (LiD)", "آزمون «زندگی در آلمان» (LiD)", "Test « Vivre en Allemagne » (LiD)")},
				{"DTB", T("Deutsch-Test für den Beruf (DTB)", "German Test for the Workplace (DTB)", "اختبار اللغة الألمانية المهنية (DTB)", "آزمون آلمانی شغلی (DTB)", "Test d'allemand professionnel (DTB)")},
				{"telc", T("telc Deutsch", "telc German", "امتحان telc للغة الألمانية", "آزمون آلمانی telc", "telc allemand")},
				{"Goethe", T("Goethe-Zertifikat", "Goethe-Zertifikat", "شهادة معهد غوته", "مدرک مؤسسهٔ گوته", "Goethe-Zertifikat")},
				{"OeSD", T("ÖSD-Zertifikat", "ÖSD certificate", "شهادة ÖSD", "مدرک ÖSD", "certificat ÖSD")},
				{"TestDaF", T("TestDaF", "TestDaF", "TestDaF", "TestDaF", "TestDaF")},
				{"DSH", T("Deutsche Sprachprüfung für den Hochschulzugang (DSH)", "German language exam for university entrance (DSH)", "امتحان اللغة الألمانية للقبول الجامعي (DSH)", "آزمون زبان آلمانی برای ورود به دانشگاه (DSH)", "Examen d'allemand pour l'accès à l'université (DSH)")},
				{"other", T("andere Prüfung", "other exam", "امتحان آخر", "آزمون دیگر", "autre examen")},
			},
		},
		{
			Key:   "german_exam_result",
			Label: T("Prüfungsergebnis", "Exam result", "نتيجة الامتحان", "نتیجهٔ آزمون", "Résultat de l'examen"),
			Codes: []Code{
				{"unter_A2", T("unter A2", "below A2", "دون مستوى A2", "پایین‌تر از A2", "inférieur à A2")},
				{"A1", T("A1", "A1", "A1", "A1", "A1")},
				{"A2", T("A2", "A2", "A2", "A2", "A2")},
				{"B1", T("B1", "B1", "B1", "B1", "B1")},
				{"B2", T("B2", "B2", "B2", "B2", "B2")},
				{"C1", T("C1", "C1", "C1", "C1", "C1")},
				{"C2", T("C2", "C2", "C2", "C2", "C2")},
				{"TDN_3", T("TDN 3", "TDN 3", "TDN 3", "TDN 3", "TDN 3")},
				{"TDN_4", T("TDN 4", "TDN 4", "TDN 4", "TDN 4", "TDN 4")},
				{"TDN_5", T("TDN 5", "TDN 5", "TDN 5", "TDN 5", "TDN 5")},
				{"DSH_1", T("DSH-1", "DSH-1", "DSH-1", "DSH-1", "DSH-1")},
				{"DSH_2", T("DSH-2", "DSH-2", "DSH-2", "DSH-2", "DSH-2")},
				{"DSH_3", T("DSH-3", "DSH-3", "DSH-3", "DSH-3", "DSH-3")},
				{"bestanden", T("bestanden", "passed", "ناجح", "قبول", "réussi")},
				{"nicht_bestanden", T("nicht bestanden", "not passed", "غير ناجح", "قبول نشده", "non réussi")},
			},
		},
		{
			Key:   "german_course_type",
			Label: T("Art des Deutschkurses", "Type of German course", "نوع دورة اللغة الألمانية", "نوع دورهٔ زبان آلمانی", "Type de cours d'allemand"),
			Codes: []Code{
				{"IK_ALLGEMEIN", T("Integrationskurs (allgemein)", "Integration course (general)", "دورة الاندماج (عامة)", "دورهٔ ادغام (عمومی)", "Cours d'intégration (général)")},
				{"IK_ALPHA", T("Integrationskurs mit Alphabetisierung", "Integration course with literacy training", "دورة الاندماج مع محو الأمية", "دورهٔ ادغام همراه با سوادآموزی", "Cours d'intégration avec alphabétisation")},
				{"IK_ZWEITSCHRIFT", T("Integrationskurs für Zweitschriftlernende", "Integration course for second-script learners", "دورة الاندماج لمتعلمي الكتابة بحروف جديدة", "دورهٔ ادغام برای یادگیرندگان خط دوم", "Cours d'intégration pour apprenants d'une seconde écriture")},
				{"IK_JUGEND", T("Jugendintegrationskurs", "Integration course for young people", "دورة الاندماج للشباب", "دورهٔ ادغام برای جوانان", "Cours d'intégration pour jeunes")},
				{"IK_ELTERN_FRAUEN", T("Eltern- oder Frauenintegrationskurs", "Integration course for parents or for women", "دورة الاندماج للآباء والأمهات أو للنساء", "دورهٔ ادغام برای والدین یا زنان", "Cours d'intégration pour parents ou pour femmes")},
				{"IK_INTENSIV", T("Intensivkurs", "Intensive integration course", "دورة الاندماج المكثفة", "دورهٔ ادغام فشرده", "Cours d'intégration intensif")},
				{"IK_FOERDER", T("Förderkurs", "Integration course with extra support", "دورة الاندماج مع دعم إضافي", "دورهٔ ادغام تقویتی", "Cours d'intégration de soutien")},
				{"IK_WIEDERHOLUNG", T("Wiederholung im Integrationskurs (300 UE)", "Integration course repetition (300 lessons)", "إعادة دورة الاندماج (300 وحدة دراسية)", "تکرار دورهٔ ادغام (۳۰۰ جلسهٔ درسی)", "Répétition du cours d'intégration (300 unités)")},
				{"BSK_BASIS_B2", T("Berufssprachkurs Basismodul B2", "Job-related German course, basic module B2", "دورة اللغة المهنية – الوحدة الأساسية B2", "دورهٔ زبان شغلی – ماژول پایهٔ B2", "Cours d'allemand professionnel – module de base B2")},
				{"BSK_BASIS_C1", T("Berufssprachkurs Basismodul C1", "Job-related German course, basic module C1", "دورة اللغة المهنية – الوحدة الأساسية C1", "دورهٔ زبان شغلی – ماژول پایهٔ C1", "Cours d'allemand professionnel – module de base C1")},
				{"BSK_BASIS_C2", T("Berufssprachkurs Basismodul C2", "Job-related German course, basic module C2", "دورة اللغة المهنية – الوحدة الأساسية C2", "دورهٔ زبان شغلی – ماژول پایهٔ C2", "Cours d'allemand professionnel – module de base C2")},
				{"BSK_SPEZIAL_A2", T("Berufssprachkurs Spezialmodul A2", "Job-related German course, special module A2", "دورة اللغة المهنية – الوحدة الخاصة A2", "دورهٔ زبان شغلی – ماژول ویژهٔ A2", "Cours d'allemand professionnel – module spécial A2")},
				{"BSK_SPEZIAL_B1", T("Berufssprachkurs Spezialmodul B1", "Job-related German course, special module B1", "دورة اللغة المهنية – الوحدة الخاصة B1", "دورهٔ زبان شغلی – ماژول ویژهٔ B1", "Cours d'allemand professionnel – module spécial B1")},
				{"BSK_FACH", T("Berufssprachkurs Fachsprache (z. B. für die Anerkennung)", "Job-related German course for a profession (e.g. for recognition)", "دورة اللغة المهنية التخصصية (مثلًا للاعتراف بالمؤهل)", "دورهٔ زبان تخصصی شغلی (مثلاً برای ارزشیابی مدرک)", "Cours d'allemand professionnel spécialisé (p. ex. pour la reconnaissance)")},
				{"ERSTORIENTIERUNG", T("Erstorientierungskurs", "Initial orientation course", "دورة التوجيه الأولي", "دورهٔ آشنایی اولیه", "Cours d'orientation initiale")},
				{"VWV_DEUTSCH_BW", T("Deutschkurs nach VwV Deutsch (Baden-Württemberg)", "German course under the “VwV Deutsch” programme (Baden-Württemberg)", "دورة ألمانية ضمن برنامج VwV Deutsch (بادن-فورتمبيرغ)", "دورهٔ آلمانی طبق برنامهٔ VwV Deutsch (بادن-وورتمبرگ)", "Cours d'allemand du programme « VwV Deutsch » (Bade-Wurtemberg)")},
				{"EHRENAMTLICH", T("ehrenamtlicher Deutschkurs", "volunteer-run German course", "دورة ألمانية تطوعية", "دورهٔ آلمانی داوطلبانه", "cours d'allemand bénévole")},
				{"SCHULE_VKL_VABO", T("Deutsch in der Schule (VKL, VABO)", "German at school (preparatory class, VABO)", "الألمانية في المدرسة (صف تحضيري، VABO)", "آلمانی در مدرسه (کلاس آمادگی، VABO)", "Allemand à l'école (classe préparatoire, VABO)")},
				{"OTHER", T("anderer Kurs", "other course", "دورة أخرى", "دورهٔ دیگر", "autre cours")},
			},
		},
		{
			Key:   "course_status",
			Label: T("Kursstatus", "Course status", "حالة الدورة", "وضعیت دوره", "Statut du cours"),
			Codes: []Code{
				{"angemeldet", T("angemeldet", "registered", "مسجَّل", "ثبت‌نام‌شده", "inscrit")},
				{"warteliste", T("auf der Warteliste", "on the waiting list", "على قائمة الانتظار", "در فهرست انتظار", "sur liste d'attente")},
				{"laufend", T("läuft", "in progress", "جارية", "در حال برگزاری", "en cours")},
				{"abgeschlossen", T("abgeschlossen", "completed", "مكتملة", "به پایان رسیده", "terminé")},
				{"abgebrochen", T("abgebrochen", "dropped out", "انقطع عنها", "نیمه‌کاره رها شده", "abandonné")},
				{"unterbrochen", T("unterbrochen", "interrupted", "متوقفة مؤقتًا", "موقتاً متوقف", "interrompu")},
			},
		},
		{
			Key:   "course_entitlement",
			Label: T("Berechtigung oder Verpflichtung", "Entitlement or obligation", "أهلية أو إلزام", "مجوز یا الزام", "Droit ou obligation"),
			Codes: []Code{
				{"BERECHTIGUNG", T("Berechtigung zur Teilnahme", "entitled to attend", "يحق له المشاركة", "مجاز به شرکت", "autorisé(e) à participer")},
				{"VERPFLICHTUNG", T("Verpflichtung zur Teilnahme", "obliged to attend", "مُلزَم بالمشاركة", "ملزم به شرکت", "obligé(e) de participer")},
			},
		},
		{
			Key:   "entitlement_issuer",
			Label: T("Ausstellende Stelle", "Issuing body", "الجهة المُصدِرة", "مرجع صادرکننده", "Organisme émetteur"),
			Codes: []Code{
				{"BAMF", T("Bundesamt für Migration und Flüchtlinge (BAMF)", "Federal Office for Migration and Refugees (BAMF)", "المكتب الاتحادي للهجرة واللاجئين (BAMF)", "ادارهٔ فدرال مهاجرت و پناهندگان (BAMF)", "Office fédéral des migrations et des réfugiés (BAMF)")},
				{"ABH", T("Ausländerbehörde", "Immigration office (Ausländerbehörde)", "دائرة الأجانب", "ادارهٔ امور اتباع خارجی", "Service des étrangers (Ausländerbehörde)")},
				{"JOBCENTER", T("Jobcenter", "Jobcenter", "مركز التوظيف (Jobcenter)", "جاب‌سنتر (Jobcenter)", "Jobcenter")},
				{"AGENTUR_FUER_ARBEIT", T("Agentur für Arbeit", "Employment agency (Agentur für Arbeit)", "وكالة العمل (Agentur für Arbeit)", "ادارهٔ کار (Agentur für Arbeit)", "Agence pour l'emploi (Agentur für Arbeit)")},
			},
		},
		{
			Key:   "school_completion",
			Label: T("Abschluss der Schule", "School completion", "إتمام الدراسة", "اتمام تحصیل", "Achèvement de la scolarité"),
			Codes: []Code{
				{"abgeschlossen", T("abgeschlossen", "completed", "مكتملة", "تمام‌شده", "achevée")},
				{"abgebrochen", T("abgebrochen", "left before the end", "انقطع قبل الإتمام", "نیمه‌کاره رها شده", "interrompue avant la fin")},
				{"laufend", T("besucht die Schule noch", "still attending", "لا يزال يدرس", "هنوز در حال تحصیل", "toujours en cours")},
			},
		},
		{
			Key:   "german_school_certificate",
			Label: T("Deutscher Schulabschluss", "German school-leaving qualification", "الشهادة المدرسية الألمانية", "مدرک پایان تحصیلات مدرسه‌ای آلمان", "Diplôme scolaire allemand"),
			Codes: []Code{
				{"ohne_Abschluss", T("ohne Abschluss", "no school-leaving qualification", "بدون شهادة", "بدون مدرک", "sans diplôme")},
				{"Hauptschulabschluss", T("Hauptschulabschluss", "Hauptschulabschluss (lower secondary, 9 years)", "شهادة المدرسة الأساسية (Hauptschulabschluss، 9 سنوات)", "مدرک هاوپت‌شوله (Hauptschulabschluss، ۹ سال)", "Hauptschulabschluss (premier cycle, 9 ans)")},
				{"Werkrealschulabschluss", T("Werkrealschulabschluss", "Werkrealschulabschluss (lower secondary, 10 years)", "شهادة Werkrealschule (10 سنوات)", "مدرک ورک‌رئال‌شوله (۱۰ سال)", "Werkrealschulabschluss (premier cycle, 10 ans)")},
				{"Realschulabschluss_Mittlere_Reife", T("Realschulabschluss (Mittlere Reife)", "Realschulabschluss (intermediate school certificate)", "شهادة المدرسة المتوسطة (Mittlere Reife)", "مدرک رئال‌شوله (Mittlere Reife)", "Realschulabschluss (Mittlere Reife)")},
				{"Fachhochschulreife", T("Fachhochschulreife", "Fachhochschulreife (entrance qualification for universities of applied sciences)", "شهادة الأهلية للدراسة في الجامعات التطبيقية (Fachhochschulreife)", "دیپلم ورود به دانشگاه علوم کاربردی (Fachhochschulreife)", "Fachhochschulreife (accès aux hautes écoles spécialisées)")},
				{"fachgebundene_Hochschulreife", T("fachgebundene Hochschulreife", "subject-restricted university entrance qualification", "شهادة الأهلية الجامعية في تخصصات محددة", "دیپلم ورود به دانشگاه در رشته‌های معین", "accès à l'université limité à certaines filières")},
				{"Allgemeine_Hochschulreife", T("Allgemeine Hochschulreife (Abitur)", "general university entrance qualification (Abitur)", "شهادة الثانوية العامة الألمانية (Abitur)", "دیپلم کامل متوسطهٔ آلمان (Abitur)", "baccalauréat allemand (Abitur)")},
				{"VABO", T("VABO (Vorqualifizierungsjahr Arbeit/Beruf mit Schwerpunkt Deutsch)", "VABO (pre-vocational year focused on German)", "VABO (سنة تأهيل مهني مع التركيز على اللغة الألمانية)", "VABO (سال پیش‌حرفه‌ای با تمرکز بر زبان آلمانی)", "VABO (année préprofessionnelle axée sur l'allemand)")},
				{"AVdual", T("AVdual (Ausbildungsvorbereitung dual)", "AVdual (dual pre-apprenticeship programme)", "AVdual (برنامج التحضير المزدوج للتدريب المهني)", "AVdual (دورهٔ دوگانهٔ آمادگی برای آموزش حرفه‌ای)", "AVdual (préparation à l'apprentissage en alternance)")},
				{"VKL", T("VKL (Vorbereitungsklasse)", "VKL (preparatory class)", "VKL (صف تحضيري)", "VKL (کلاس آمادگی)", "VKL (classe préparatoire)")},
			},
		},
		{
			Key:   "school_recognition",
			Label: T("Anerkennung des Schulzeugnisses", "Recognition of the school certificate", "الاعتراف بالشهادة المدرسية", "ارزشیابی مدرک مدرسه", "Reconnaissance du diplôme scolaire"),
			Codes: []Code{
				{"nicht_beantragt", T("nicht beantragt", "not applied for", "لم يُقدَّم طلب", "درخواست نشده", "pas demandée")},
				{"beantragt", T("beantragt", "applied for", "قُدِّم الطلب", "درخواست شده", "demandée")},
				{"anerkannt_als", T("anerkannt als …", "recognised as …", "معترف بها كـ…", "معادل‌سازی‌شده به‌عنوان …", "reconnu comme …")},
			},
		},
		{
			Key:   "training_type",
			Label: T("Art der Ausbildung", "Type of training", "نوع التدريب أو الدراسة", "نوع آموزش", "Type de formation"),
			Codes: []Code{
				{"formal_vocational", T("Berufsausbildung mit Abschluss", "formal vocational training", "تدريب مهني نظامي", "آموزش حرفه‌ای رسمی", "formation professionnelle diplômante")},
				{"on_the_job", T("im Beruf angelernt (informell)", "learned on the job (informal)", "تعلُّم أثناء العمل (غير نظامي)", "یادگیری حین کار (غیررسمی)", "appris sur le tas (informel)")},
				{"short_cycle_tertiary", T("kurzes Studium (z. B. zweijähriges Diplom)", "short-cycle tertiary education (e.g. two-year diploma)", "تعليم عالٍ قصير المدى (مثل دبلوم سنتين)", "آموزش عالی کوتاه‌مدت (مثلاً کاردانی)", "études supérieures courtes (p. ex. diplôme en deux ans)")},
				{"bachelor", T("Bachelor oder gleichwertig", "bachelor's or equivalent", "بكالوريوس أو ما يعادله", "کارشناسی یا معادل آن", "licence ou équivalent")},
				{"master", T("Master oder gleichwertig", "master's or equivalent", "ماجستير أو ما يعادله", "کارشناسی ارشد یا معادل آن", "master ou équivalent")},
				{"doctorate", T("Promotion", "doctorate", "دكتوراه", "دکتری", "doctorat")},
			},
		},
		{
			Key:   "recognition_status",
			Label: T("Stand der Anerkennung", "Recognition status", "حالة الاعتراف بالمؤهل", "وضعیت ارزشیابی مدرک", "État de la reconnaissance"),
			Codes: []Code{
				{"nicht_beraten", T("noch nicht beraten", "not yet advised", "لم يحصل على استشارة بعد", "هنوز مشاوره نگرفته", "pas encore conseillé")},
				{"beraten", T("beraten (z. B. IQ-Anerkennungsberatung)", "advised (e.g. IQ recognition counselling)", "حصل على استشارة (مثل استشارة الاعتراف لدى IQ)", "مشاوره گرفته (مثلاً مشاورهٔ ارزشیابی IQ)", "conseillé (p. ex. conseil en reconnaissance IQ)")},
				{"beantragt", T("Anerkennung beantragt", "application submitted", "قُدِّم طلب الاعتراف", "درخواست ارزشیابی ثبت شده", "demande déposée")},
				{"voll_gleichwertig", T("voll gleichwertig", "fully equivalent", "معادل بالكامل", "کاملاً معادل", "pleinement équivalent")},
				{"teilweise_gleichwertig", T("teilweise gleichwertig (Anpassungsqualifizierung möglich)", "partly equivalent (adaptation training possible)", "معادل جزئيًا (التأهيل التكميلي ممكن)", "تا حدی معادل (امکان دورهٔ تکمیلی)", "partiellement équivalent (formation complémentaire possible)")},
				{"nicht_gleichwertig", T("nicht gleichwertig", "not equivalent", "غير معادل", "معادل نیست", "non équivalent")},
				{"Qualifikationsanalyse", T("Qualifikationsanalyse (praktischer Nachweis)", "skills analysis (practical proof)", "تحليل المؤهلات (إثبات عملي)", "تحلیل صلاحیت (اثبات عملی)", "analyse des qualifications (preuve pratique)")},
				{"ZAB_Zeugnisbewertung", T("Zeugnisbewertung der ZAB", "ZAB statement of comparability", "تقييم الشهادة من قبل ZAB", "ارزیابی مدرک توسط ZAB", "attestation de comparabilité de la ZAB")},
			},
		},
		{
			Key:   "competent_body",
			Label: T("Zuständige Stelle", "Competent body", "الجهة المختصة", "مرجع مسئول", "Organisme compétent"),
			Codes: []Code{
				{"IHK_FOSA", T("IHK FOSA (Industrie- und Handelskammern)", "IHK FOSA (chambers of commerce and industry)", "IHK FOSA (غرف الصناعة والتجارة)", "IHK FOSA (اتاق‌های بازرگانی و صنایع)", "IHK FOSA (chambres de commerce et d'industrie)")},
				{"HWK", T("Handwerkskammer (HWK)", "chamber of crafts (HWK)", "غرفة الحرف اليدوية (HWK)", "اتاق اصناف و پیشه‌وران (HWK)", "chambre des métiers (HWK)")},
				{"RP", T("Regierungspräsidium oder andere Landesbehörde", "regional council or other state authority", "الرئاسة الحكومية الإقليمية أو سلطة أخرى في الولاية", "فرمانداری منطقه یا ادارهٔ ایالتی دیگر", "Regierungspräsidium ou autre autorité du Land")},
				{"ZAB", T("Zentralstelle für ausländisches Bildungswesen (ZAB)", "Central Office for Foreign Education (ZAB)", "المكتب المركزي للتعليم الأجنبي (ZAB)", "ادارهٔ مرکزی امور آموزش خارجی (ZAB)", "Office central de l'enseignement étranger (ZAB)")},
				{"other", T("andere Stelle", "other body", "جهة أخرى", "مرجع دیگر", "autre organisme")},
			},
		},
		{
			Key:      "economic_sector",
			Standard: "WZ 2008 (NACE Rev. 2), Abschnitte",
			Label:    T("Wirtschaftszweig (WZ 2008)", "Economic sector (NACE Rev. 2)", "القطاع الاقتصادي (NACE Rev. 2)", "بخش اقتصادی (NACE Rev. 2)", "Secteur d'activité (NACE Rév. 2)"),
			Codes: []Code{
				{"A", T("A – Land- und Forstwirtschaft, Fischerei", "A – Agriculture, forestry and fishing", "A – الزراعة والحراجة وصيد الأسماك", "A – کشاورزی، جنگلداری و ماهیگیری", "A – Agriculture, sylviculture et pêche")},
				{"B", T("B – Bergbau und Gewinnung von Steinen und Erden", "B – Mining and quarrying", "B – التعدين واستغلال المحاجر", "B – معدن و استخراج", "B – Industries extractives")},
				{"C", T("C – Verarbeitendes Gewerbe", "C – Manufacturing", "C – الصناعة التحويلية", "C – صنعت و تولید", "C – Industrie manufacturière")},
				{"D", T("D – Energieversorgung", "D – Electricity, gas, steam and air conditioning supply", "D – إمدادات الكهرباء والغاز والبخار وتكييف الهواء", "D – تأمین برق، گاز، بخار و تهویهٔ هوا", "D – Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné")},
				{"E", T("E – Wasserversorgung, Abwasser- und Abfallentsorgung", "E – Water supply, sewerage and waste management", "E – إمدادات المياه والصرف الصحي وإدارة النفايات", "E – آب‌رسانی، فاضلاب و مدیریت پسماند", "E – Eau, assainissement et gestion des déchets")},
				{"F", T("F – Baugewerbe", "F – Construction", "F – البناء والتشييد", "F – ساختمان‌سازی", "F – Construction")},
				{"G", T("G – Handel; Instandhaltung und Reparatur von Kraftfahrzeugen", "G – Wholesale and retail trade; repair of motor vehicles", "G – تجارة الجملة والتجزئة وإصلاح المركبات", "G – عمده‌فروشی و خرده‌فروشی؛ تعمیر خودرو", "G – Commerce ; réparation d'automobiles et de motocycles")},
				{"H", T("H – Verkehr und Lagerei", "H – Transportation and storage", "H – النقل والتخزين", "H – حمل‌ونقل و انبارداری", "H – Transports et entreposage")},
				{"I", T("I – Gastgewerbe", "I – Accommodation and food service", "I – الفنادق والمطاعم", "I – هتلداری و رستوران‌داری", "I – Hébergement et restauration")},
				{"J", T("J – Information und Kommunikation", "J – Information and communication", "J – المعلومات والاتصالات", "J – اطلاعات و ارتباطات", "J – Information et communication")},
				{"K", T("K – Finanz- und Versicherungsdienstleistungen", "K – Financial and insurance activities", "K – الأنشطة المالية والتأمين", "K – خدمات مالی و بیمه", "K – Activités financières et d'assurance")},
				{"L", T("L – Grundstücks- und Wohnungswesen", "L – Real estate activities", "L – الأنشطة العقارية", "L – املاک و مستغلات", "L – Activités immobilières")},
				{"M", T("M – Freiberufliche, wissenschaftliche und technische Dienstleistungen", "M – Professional, scientific and technical activities", "M – الأنشطة المهنية والعلمية والتقنية", "M – خدمات حرفه‌ای، علمی و فنی", "M – Activités spécialisées, scientifiques et techniques")},
				{"N", T("N – Sonstige wirtschaftliche Dienstleistungen", "N – Administrative and support service activities", "N – الخدمات الإدارية وخدمات الدعم", "N – خدمات اداری و پشتیبانی", "N – Activités de services administratifs et de soutien")},
				{"O", T("O – Öffentliche Verwaltung, Verteidigung; Sozialversicherung", "O – Public administration and defence; compulsory social security", "O – الإدارة العامة والدفاع والضمان الاجتماعي الإلزامي", "O – ادارهٔ عمومی، دفاع و تأمین اجتماعی اجباری", "O – Administration publique et défense ; sécurité sociale obligatoire")},
				{"P", T("P – Erziehung und Unterricht", "P – Education", "P – التعليم", "P – آموزش", "P – Enseignement")},
				{"Q", T("Q – Gesundheits- und Sozialwesen", "Q – Human health and social work", "Q – الصحة والعمل الاجتماعي", "Q – بهداشت، درمان و مددکاری اجتماعی", "Q – Santé humaine et action sociale")},
				{"R", T("R – Kunst, Unterhaltung und Erholung", "R – Arts, entertainment and recreation", "R – الفنون والترفيه والتسلية", "R – هنر، سرگرمی و تفریح", "R – Arts, spectacles et activités récréatives")},
				{"S", T("S – Sonstige Dienstleistungen", "S – Other service activities", "S – أنشطة الخدمات الأخرى", "S – سایر خدمات", "S – Autres activités de services")},
				{"T", T("T – Private Haushalte mit Hauspersonal", "T – Households as employers", "T – الأسر المعيشية كصاحبة عمل", "T – خانوارها به‌عنوان کارفرما", "T – Ménages en tant qu'employeurs")},
				{"U", T("U – Exterritoriale Organisationen und Körperschaften", "U – Extraterritorial organisations and bodies", "U – المنظمات والهيئات الخارجة عن الولاية الإقليمية", "U – سازمان‌ها و نهادهای برون‌مرزی", "U – Activités extraterritoriales")},
			},
		},
		{
			Key:   "employment_type",
			Label: T("Art der Beschäftigung", "Type of employment", "نوع العمل", "نوع اشتغال", "Type d'emploi"),
			Codes: []Code{
				{"angestellt", T("angestellt", "employed", "موظف", "کارمند", "salarié")},
				{"selbststaendig", T("selbstständig", "self-employed", "عمل حر", "خویش‌فرما", "indépendant")},
				{"familienbetrieb", T("im Familienbetrieb", "in the family business", "في مشروع عائلي", "در کسب‌وکار خانوادگی", "dans l'entreprise familiale")},
				{"informell", T("informell (ohne Vertrag)", "informal (no contract)", "غير رسمي (بدون عقد)", "غیررسمی (بدون قرارداد)", "informel (sans contrat)")},
				{"ausbildung", T("Ausbildung", "apprenticeship", "تدريب مهني", "کارآموزی حرفه‌ای", "apprentissage")},
				{"praktikum", T("Praktikum", "internship", "تدريب عملي", "کارورزی", "stage")},
				{"minijob", T("Minijob", "mini-job (marginal employment)", "عمل بسيط (Minijob)", "مینی‌جاب (کار با درآمد کم)", "mini-job (emploi marginal)")},
				{"sv_pflichtig", T("sozialversicherungspflichtig beschäftigt", "employment subject to social insurance", "عمل خاضع للتأمين الاجتماعي", "اشتغال مشمول بیمهٔ اجتماعی", "emploi soumis aux cotisations sociales")},
				{"freiwilligendienst", T("Freiwilligendienst", "voluntary service", "خدمة تطوعية", "خدمت داوطلبانه", "service volontaire")},
			},
		},
		{
			Key:   "working_hours",
			Label: T("Arbeitszeit", "Working hours", "ساعات العمل", "ساعات کار", "Temps de travail"),
			Codes: []Code{
				{"vollzeit", T("Vollzeit", "full-time", "دوام كامل", "تمام‌وقت", "temps plein")},
				{"teilzeit", T("Teilzeit", "part-time", "دوام جزئي", "پاره‌وقت", "temps partiel")},
			},
		},
		{
			Key:   "digital_level",
			Label: T("Digitale Kenntnisse", "Digital skills", "المهارات الرقمية", "مهارت‌های دیجیتال", "Compétences numériques"),
			Codes: []Code{
				{"NONE", T("keine Kenntnisse", "none", "لا توجد معرفة", "بدون آشنایی", "aucune")},
				{"BASIC", T("Grundkenntnisse", "basic", "أساسية", "مقدماتی", "de base")},
				{"INTERMEDIATE", T("gute Kenntnisse", "intermediate", "متوسطة", "متوسط", "intermédiaire")},
				{"ADVANCED", T("sehr gute Kenntnisse", "advanced", "متقدمة", "پیشرفته", "avancé")},
			},
		},
		{
			Key:   "soft_skill",
			Label: T("Persönliche Stärke", "Personal strength", "نقطة قوة شخصية", "توانایی فردی", "Qualité personnelle"),
			Codes: []Code{
				{"TEAMWORK", T("Teamfähigkeit", "teamwork", "العمل ضمن فريق", "کار گروهی", "esprit d'équipe")},
				{"COMMUNICATION", T("Kommunikationsfähigkeit", "communication", "مهارات التواصل", "مهارت ارتباطی", "communication")},
				{"RELIABILITY", T("Zuverlässigkeit und Pünktlichkeit", "reliability and punctuality", "الموثوقية والالتزام بالمواعيد", "مسئولیت‌پذیری و وقت‌شناسی", "fiabilité et ponctualité")},
				{"INDEPENDENT_WORK", T("selbstständiges Arbeiten", "working independently", "العمل باستقلالية", "کار مستقل", "autonomie")},
				{"PROBLEM_SOLVING", T("Problemlösung", "problem solving", "حل المشكلات", "حل مسئله", "résolution de problèmes")},
				{"FLEXIBILITY", T("Flexibilität", "flexibility", "المرونة", "انعطاف‌پذیری", "flexibilité")},
				{"WILLINGNESS_TO_LEARN", T("Lernbereitschaft", "willingness to learn", "الرغبة في التعلم", "علاقه به یادگیری", "envie d'apprendre")},
				{"RESILIENCE", T("Belastbarkeit", "resilience under pressure", "تحمّل ضغط العمل", "تحمل فشار کاری", "résistance au stress")},
				{"EMPATHY", T("Einfühlungsvermögen", "empathy", "التعاطف", "همدلی", "empathie")},
				{"CUSTOMER_ORIENTATION", T("Kundenorientierung", "customer focus", "التوجه نحو العملاء", "مشتری‌مداری", "sens du service client")},
				{"ORGANISATION", T("Organisationstalent", "organisational skills", "مهارات التنظيم", "مهارت سازمان‌دهی", "sens de l'organisation")},
				{"LEADERSHIP", T("Führungsfähigkeit", "leadership", "القيادة", "رهبری", "leadership")},
				{"INTERCULTURAL", T("interkulturelle Kompetenz", "intercultural competence", "الكفاءة بين الثقافات", "مهارت بین‌فرهنگی", "compétence interculturelle")},
			},
		},
		{
			Key:   "skill_test_type",
			Label: T("Art des Tests", "Type of assessment", "نوع الاختبار", "نوع آزمون", "Type d'évaluation"),
			Codes: []Code{
				{"MYSKILLS", T("MYSKILLS (Test der Bundesagentur für Arbeit)", "MYSKILLS (Federal Employment Agency test)", "MYSKILLS (اختبار الوكالة الاتحادية للعمل)", "MYSKILLS (آزمون آژانس فدرال کار)", "MYSKILLS (test de l'Agence fédérale pour l'emploi)")},
				{"PerF", T("PerF – Perspektiven für Flüchtlinge", "PerF – Perspectives for Refugees", "PerF – آفاق للاجئين", "PerF – چشم‌انداز برای پناهندگان", "PerF – Perspectives pour les réfugiés")},
				{"PerjuF", T("PerjuF – Perspektiven für junge Flüchtlinge", "PerjuF – Perspectives for Young Refugees", "PerjuF – آفاق للاجئين الشباب", "PerjuF – چشم‌انداز برای پناهندگان جوان", "PerjuF – Perspectives pour les jeunes réfugiés")},
				{"KOMPETENZFESTSTELLUNG", T("Kompetenzfeststellung bei einem Bildungsträger", "skills assessment by a training provider", "تقييم الكفاءات لدى جهة تدريب", "سنجش مهارت‌ها نزد یک مؤسسهٔ آموزشی", "bilan de compétences chez un organisme de formation")},
				{"QUALIFIKATIONSANALYSE", T("Qualifikationsanalyse (im Anerkennungsverfahren)", "skills analysis (in the recognition procedure)", "تحليل المؤهلات (ضمن إجراء الاعتراف)", "تحلیل صلاحیت (در فرایند ارزشیابی)", "analyse des qualifications (procédure de reconnaissance)")},
				{"OTHER", T("anderer Test", "other assessment", "اختبار آخر", "آزمون دیگر", "autre évaluation")},
			},
		},
		{
			Key:   "priority",
			Label: T("Ziel", "Priority", "الأولوية", "اولویت", "Priorité"),
			Codes: []Code{
				{"Deutsch_lernen", T("Deutsch lernen", "learn German", "تعلّم اللغة الألمانية", "یادگیری زبان آلمانی", "apprendre l'allemand")},
				{"Schulabschluss", T("Schulabschluss", "school-leaving qualification", "الحصول على شهادة مدرسية", "گرفتن مدرک مدرسه", "diplôme scolaire")},
				{"Ausbildung", T("Ausbildung", "vocational training", "التدريب المهني", "آموزش حرفه‌ای", "formation professionnelle")},
				{"Studium", T("Studium", "university studies", "الدراسة الجامعية", "تحصیل در دانشگاه", "études supérieures")},
				{"Arbeit", T("Arbeit", "work", "العمل", "کار", "travail")},
				{"Anerkennung", T("Anerkennung von Abschlüssen", "recognition of qualifications", "الاعتراف بالشهادات", "ارزشیابی مدارک", "reconnaissance des diplômes")},
				{"Selbststaendigkeit", T("Selbstständigkeit", "self-employment", "العمل الحر", "خویش‌فرمایی", "travail indépendant")},
				{"Weiterbildung", T("Weiterbildung", "further training", "التدريب المستمر", "آموزش تکمیلی", "formation continue")},
			},
		},
		{
			Key:   "document_type",
			Label: T("Dokumentart", "Document type", "نوع الوثيقة", "نوع مدرک", "Type de document"),
			Codes: []Code{
				{"Pass", T("Reisepass", "passport", "جواز السفر", "گذرنامه", "passeport")},
				{"Passersatz", T("Passersatzpapier", "passport substitute", "وثيقة بديلة عن جواز السفر", "سند جایگزین گذرنامه", "document tenant lieu de passeport")},
				{"Aufenthaltsdokument", T("Aufenthaltsdokument", "residence document", "وثيقة الإقامة", "مدرک اقامت", "document de séjour")},
				{"Ankunftsnachweis", T("Ankunftsnachweis", "proof of arrival (Ankunftsnachweis)", "إثبات الوصول (Ankunftsnachweis)", "گواهی ورود (Ankunftsnachweis)", "attestation d'arrivée (Ankunftsnachweis)")},
				{"Geburtsurkunde", T("Geburtsurkunde", "birth certificate", "شهادة الميلاد", "گواهی تولد", "acte de naissance")},
				{"Heiratsurkunde", T("Heiratsurkunde", "marriage certificate", "وثيقة الزواج", "سند ازدواج", "acte de mariage")},
				{"Schulzeugnis", T("Schulzeugnis", "school certificate", "شهادة مدرسية", "مدرک مدرسه", "bulletin ou diplôme scolaire")},
				{"Berufsabschluss", T("Berufsabschluss", "vocational qualification", "شهادة مهنية", "مدرک حرفه‌ای", "diplôme professionnel")},
				{"Hochschulabschluss", T("Hochschulabschluss", "university degree", "شهادة جامعية", "مدرک دانشگاهی", "diplôme universitaire")},
				{"Arbeitszeugnis_Nachweis", T("Arbeitszeugnis oder Nachweis der Berufserfahrung", "employer reference or proof of work experience", "شهادة خبرة أو إثبات الخبرة المهنية", "گواهی کار یا مدرک سابقهٔ کار", "certificat de travail ou preuve d'expérience")},
				{"Sprachzertifikat", T("Sprachzertifikat", "language certificate", "شهادة لغة", "مدرک زبان", "certificat de langue")},
				{"Kursbescheinigung", T("Kursbescheinigung", "course certificate", "شهادة حضور دورة", "گواهی شرکت در دوره", "attestation de cours")},
				{"Anerkennungsbescheid", T("Anerkennungsbescheid", "recognition decision", "قرار الاعتراف بالمؤهل", "حکم ارزشیابی مدرک", "décision de reconnaissance")},
				{"Fuehrerschein", T("Führerschein", "driving licence", "رخصة القيادة", "گواهینامهٔ رانندگی", "permis de conduire")},
				{"Lebenslauf", T("Lebenslauf", "CV", "السيرة الذاتية", "رزومه", "CV")},
				{"Uebersetzung_beglaubigt", T("beglaubigte Übersetzung", "certified translation", "ترجمة معتمدة", "ترجمهٔ رسمی", "traduction certifiée")},
				{"Bescheid_Leistungen", T("Leistungsbescheid", "benefits notice", "قرار الإعانات", "حکم مستمری و کمک‌هزینه", "avis de prestations")},
				{"Sonstiges", T("Sonstiges", "other", "أخرى", "سایر", "autre")},
			},
		},
		{
			Key:   "translation_kind",
			Label: T("Art der Übersetzung", "Kind of translation", "نوع الترجمة", "نوع ترجمه", "Type de traduction"),
			Codes: []Code{
				{"none", T("keine Übersetzung", "no translation", "بدون ترجمة", "بدون ترجمه", "pas de traduction")},
				{"simple", T("einfache Übersetzung", "simple translation", "ترجمة عادية", "ترجمهٔ ساده", "traduction simple")},
				{"certified", T("beglaubigte Übersetzung", "certified translation", "ترجمة معتمدة", "ترجمهٔ رسمی", "traduction certifiée")},
			},
		},
	}
}
