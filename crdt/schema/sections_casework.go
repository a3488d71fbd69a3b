package schema

// Case work: the integration plan (DOMAIN.md §1.2), counselling contacts and referrals, and the
// consents and shares (§2.3 L–O). These sections belong to the counsellor's work with the
// person; they are never part of a default share.

// Labels that several case-work fields and code lists share.
var (
	cwLabelFieldOfAction = T("Handlungsfeld", "Field of action", "المجال", "حوزه", "Domaine d'action")
	cwLabelDate          = T("Datum", "Date", "التاريخ", "تاریخ", "Date")
	cwLabelPriority      = T("Priorität", "Priority", "الأولوية", "اولویت", "Priorité")
	cwHelpPriority       = T(
		"1 = hoch, 2 = mittel, 3 = niedrig",
		"1 = high, 2 = medium, 3 = low",
		"1 = عالية، 2 = متوسطة، 3 = منخفضة",
		"۱ = زیاد، ۲ = متوسط، ۳ = کم",
		"1 = haute, 2 = moyenne, 3 = basse",
	)
	cwLabelStatus = T("Stand", "Status", "الحالة", "وضعیت", "État")
	cwLabelGoal   = T("Zugehöriges Ziel", "Related goal", "الهدف المرتبط", "هدف مربوط", "Objectif concerné")

	cwLabelInterpreterUsed = T("Mit Dolmetschung", "Interpreter used", "بحضور مترجم فوري", "با حضور مترجم شفاهی", "Avec interprète")
	cwLabelInterpreterLang = T("Sprache der Dolmetschung", "Interpreting language", "لغة الترجمة الفورية", "زبان ترجمه شفاهی", "Langue de l'interprétariat")

	cwLabelRecipientType = T("Art der Empfangsstelle", "Type of recipient", "نوع الجهة المستلمة", "نوع گیرنده", "Type de destinataire")
	cwLabelRecipientName = T("Name der Empfangsstelle", "Name of the recipient", "اسم الجهة المستلمة", "نام گیرنده", "Nom du destinataire")
	cwHelpRecipientName  = T(
		"z. B. Jobcenter Rhein-Neckar-Kreis oder der Name des Betriebs",
		"e.g. Jobcenter Rhein-Neckar-Kreis or the name of the company",
		"مثلًا: Jobcenter Rhein-Neckar-Kreis أو اسم الشركة",
		"مثلاً Jobcenter Rhein-Neckar-Kreis یا نام شرکت",
		"p. ex. Jobcenter Rhein-Neckar-Kreis ou le nom de l'entreprise",
	)
	cwLabelLanguageShown = T("Sprache der vorgelegten Fassung", "Language of the version shown", "لغة النسخة المعروضة", "زبان نسخه ارائه‌شده", "Langue de la version présentée")
)

// Labels of organisations that appear in several code lists.
var (
	cwOrgJobcenter  = T("Jobcenter", "Jobcentre", "مركز التوظيف (Jobcenter)", "مرکز کاریابی (Jobcenter)", "Jobcenter")
	cwOrgAgentur    = T("Agentur für Arbeit", "Employment agency (Agentur für Arbeit)", "وكالة العمل (Agentur für Arbeit)", "اداره کار (Agentur für Arbeit)", "Agence pour l'emploi (Agentur für Arbeit)")
	cwOrgIHK        = T("Industrie- und Handelskammer (IHK)", "Chamber of Industry and Commerce (IHK)", "غرفة الصناعة والتجارة (IHK)", "اتاق صنعت و بازرگانی (IHK)", "Chambre de commerce et d'industrie (IHK)")
	cwOrgHWK        = T("Handwerkskammer (HWK)", "Chamber of Skilled Crafts (HWK)", "غرفة الحرف اليدوية (HWK)", "اتاق اصناف و پیشه‌وران (HWK)", "Chambre des métiers (HWK)")
	cwOrgLangCourse = T("Sprachkursträger", "Language course provider", "مؤسسة دورات اللغة", "مؤسسه برگزارکننده دوره زبان", "Organisme de cours de langue")
	cwOrgSchool     = T("Schule", "School", "المدرسة", "مدرسه", "École")
	cwOrgKita       = T("Kindertageseinrichtung (Kita)", "Day-care centre (Kita)", "دار الحضانة (Kita)", "مهدکودک (Kita)", "Crèche ou jardin d'enfants (Kita)")
	cwOrgABH        = T("Ausländerbehörde", "Immigration office (Ausländerbehörde)", "دائرة شؤون الأجانب", "اداره اتباع خارجی", "Service des étrangers (Ausländerbehörde)")
	cwOrgVolunteers = T("Ehrenamtliche", "Volunteers", "المتطوعون", "داوطلبان", "Bénévoles")
	cwOrgVU         = T("Sozialberatung (vorläufige Unterbringung)", "Social counselling (initial accommodation)", "الإرشاد الاجتماعي (السكن المؤقت)", "مشاوره اجتماعی (اسکان موقت)", "Conseil social (hébergement provisoire)")
	cwOrgAU         = T("Integrationsmanagement (Anschlussunterbringung)", "Integration management (follow-up accommodation)", "إدارة الاندماج (السكن اللاحق)", "مدیریت ادغام (اسکان بعدی)", "Gestion de l'intégration (hébergement de suivi)")
	cwOrgOther      = T("Sonstige Stelle", "Other", "جهة أخرى", "سایر", "Autre")
)

func caseworkSections() []Section {
	return []Section{cwPlanSection(), cwContactsSection(), cwConsentsSection()}
}

func cwPlanSection() Section {
	return Section{
		Key:      "plan",
		CaseWork: true,
		Label:    T("Integrationsplan", "Integration plan", "خطة الاندماج", "برنامه ادغام", "Plan d'intégration"),
		Help: T(
			"Ziele und Schritte, die Sie mit Ihrer Beratung vereinbaren, und wie sie vorankommen. Die Teilnahme ist freiwillig.",
			"The goals and steps you agree with your counsellor, and how they progress. Taking part is voluntary.",
			"الأهداف والخطوات التي تتفق عليها مع المرشد أو المرشدة، ومدى التقدم فيها. المشاركة طوعية.",
			"اهداف و گام‌هایی که با مشاور خود توافق می‌کنید و پیشرفت آن‌ها. شرکت در آن داوطلبانه است.",
			"Les objectifs et les étapes convenus avec votre conseiller ou conseillère, et leur avancement. La participation est volontaire.",
		),
		Fields: []Field{
			{
				Key: "phase", Type: TypeCode, CodeList: "stage",
				Label: T("Unterbringungsphase", "Accommodation phase", "مرحلة السكن", "مرحله اسکان", "Phase d'hébergement"),
				Help: T(
					"VU: vorläufige Unterbringung, Sozialberatung des Landratsamts. AU: Anschlussunterbringung, Integrationsmanagement der Gemeinde.",
					"VU: initial accommodation, social counselling of the district. AU: follow-up accommodation, integration management of the municipality.",
					"VU: السكن المؤقت، الإرشاد الاجتماعي التابع للمقاطعة. AU: السكن اللاحق، إدارة الاندماج التابعة للبلدية.",
					"VU: اسکان موقت، مشاوره اجتماعی اداره شهرستان. AU: اسکان بعدی، مدیریت ادغام شهرداری.",
					"VU : hébergement provisoire, conseil social de l'arrondissement. AU : hébergement de suivi, gestion de l'intégration de la commune.",
				),
			},
			{
				Key: "status", Type: TypeCode, CodeList: "plan_status",
				Label: T("Status des Plans", "Plan status", "حالة الخطة", "وضعیت برنامه", "Statut du plan"),
			},
			{
				Key: "counselling_start", Type: TypeDate,
				Label: T("Beratungsbeginn", "Start of counselling", "بداية الإرشاد", "شروع مشاوره", "Début de l'accompagnement"),
			},
			{
				Key: "counselling_end_planned", Type: TypeDate, NotBefore: "counselling_start",
				Label: T("Voraussichtliches Beratungsende", "Planned end of counselling", "الموعد المتوقع لانتهاء الإرشاد", "پایان پیش‌بینی‌شده مشاوره", "Fin prévue de l'accompagnement"),
				Help: T(
					"In der Regel 36 Monate nach Beratungsbeginn; in begründeten Fällen bis zu 48 Monate (Begründung angeben).",
					"Usually 36 months after the start of counselling; up to 48 months in justified cases (give the reason).",
					"عادةً بعد 36 شهرًا من بداية الإرشاد، وحتى 48 شهرًا في الحالات المبرَّرة (مع ذكر السبب).",
					"معمولاً ۳۶ ماه پس از شروع مشاوره؛ در موارد موجه تا ۴۸ ماه (دلیل آن را بنویسید).",
					"En général 36 mois après le début de l'accompagnement ; jusqu'à 48 mois dans des cas justifiés (indiquer le motif).",
				),
			},
			{
				Key: "extension_reason", Type: TypeText,
				Label: T("Begründung der Verlängerung", "Reason for extension", "سبب التمديد", "دلیل تمدید", "Motif de la prolongation"),
			},
			{
				Key: "next_review_due", Type: TypeDate,
				Label: T("Nächste Überprüfung fällig am", "Next review due", "موعد المراجعة القادمة", "موعد بازبینی بعدی", "Prochain réexamen prévu le"),
			},
			{
				Key: "closure_date", Type: TypeDate, NotBefore: "counselling_start",
				Label: T("Datum des Fallabschlusses", "Date the case was closed", "تاريخ إغلاق الملف", "تاریخ بستن پرونده", "Date de clôture du dossier"),
			},
			{
				Key: "closure_reason", Type: TypeCode, CodeList: "closure_reason",
				Label: T("Grund des Fallabschlusses", "Reason for closure", "سبب إغلاق الملف", "دلیل بستن پرونده", "Motif de clôture"),
			},
			{
				Key: "closure_note", Type: TypeText,
				Label: T("Bemerkung zum Abschluss", "Note on the closure", "ملاحظة حول الإغلاق", "یادداشت درباره بستن پرونده", "Remarque sur la clôture"),
			},
			{
				Key: "assessments", Type: TypeList,
				Label: T("Bedarfs- und Ressourcenanalyse", "Needs and resources assessment", "تحليل الاحتياجات والموارد", "بررسی نیازها و توانمندی‌ها", "Analyse des besoins et des ressources"),
				Help: T(
					"Ein Eintrag je Handlungsfeld: wie die Lage ist, was schon da ist und was noch gebraucht wird.",
					"One entry per field of action: the current situation, what is already there and what is still needed.",
					"إدخال واحد لكل مجال: الوضع الحالي، وما هو متوفر، وما لا يزال مطلوبًا.",
					"برای هر حوزه یک مورد: وضعیت فعلی، آنچه وجود دارد و آنچه هنوز لازم است.",
					"Une entrée par domaine d'action : la situation actuelle, ce qui existe déjà et ce qui manque encore.",
				),
				Item: []Field{
					{Key: "field_of_action", Type: TypeCode, CodeList: "field_of_action", Required: true, Label: cwLabelFieldOfAction},
					{
						Key: "situation", Type: TypeText,
						Label: T("Aktuelle Situation", "Current situation", "الوضع الحالي", "وضعیت فعلی", "Situation actuelle"),
					},
					{
						Key: "resources", Type: TypeText,
						Label: T("Ressourcen und Stärken", "Resources and strengths", "الموارد ونقاط القوة", "منابع و نقاط قوت", "Ressources et points forts"),
						Help: T(
							"Was hilft schon, z. B. Berufserfahrung, Kontakte, Sprachkenntnisse.",
							"What already helps, e.g. work experience, contacts, language skills.",
							"ما الذي يساعد بالفعل، مثل الخبرة المهنية أو المعارف أو المهارات اللغوية.",
							"چه چیزهایی از قبل کمک می‌کند، مثلاً سابقه کار، آشنایان، مهارت‌های زبانی.",
							"Ce qui aide déjà, p. ex. l'expérience professionnelle, les contacts, les langues.",
						),
					},
					{
						Key: "needs", Type: TypeText,
						Label: T("Bedarf", "Needs", "الاحتياجات", "نیازها", "Besoins"),
					},
					{Key: "priority", Type: TypeInt, Min: 1, Max: 3, Label: cwLabelPriority, Help: cwHelpPriority},
				},
			},
			{
				Key: "goals", Type: TypeList,
				Label: T("Ziele", "Goals", "الأهداف", "اهداف", "Objectifs"),
				Item: []Field{
					{Key: "field_of_action", Type: TypeCode, CodeList: "field_of_action", Required: true, Label: cwLabelFieldOfAction},
					{
						Key: "description", Type: TypeText,
						Label: T("Ziel", "Goal", "الهدف", "هدف", "Objectif"),
						Help: T(
							"Was Sie erreichen möchten, z. B. „Deutschprüfung B1 bis Juni bestehen“.",
							"What you want to achieve, e.g. “pass the B1 German exam by June”.",
							"ما تريد تحقيقه، مثلًا: «اجتياز امتحان اللغة الألمانية B1 قبل شهر يونيو».",
							"آنچه می‌خواهید به آن برسید، مثلاً «قبولی در آزمون آلمانی B1 تا ماه ژوئن».",
							"Ce que vous voulez atteindre, p. ex. « réussir l'examen d'allemand B1 d'ici juin ».",
						),
					},
					{
						Key: "target_date", Type: TypeDate,
						Label: T("Zieldatum", "Target date", "التاريخ المستهدف", "تاریخ هدف", "Date visée"),
					},
					{Key: "priority", Type: TypeInt, Min: 1, Max: 3, Label: cwLabelPriority, Help: cwHelpPriority},
					{Key: "status", Type: TypeCode, CodeList: "goal_status", Label: cwLabelStatus},
					{
						Key: "achieved_at", Type: TypeDate,
						Label: T("Erreicht am", "Achieved on", "تاريخ التحقيق", "تاریخ دستیابی", "Atteint le"),
					},
					{
						Key: "outcome", Type: TypeCode, CodeList: "outcome",
						Label: T("Erreichtes Ergebnis", "Outcome", "النتيجة المحقَّقة", "نتیجه به‌دست‌آمده", "Résultat obtenu"),
						Help: T(
							"Ein zählbarer Meilenstein, z. B. Prüfung bestanden oder Arbeit aufgenommen.",
							"A countable milestone, e.g. exam passed or job started.",
							"إنجاز يمكن عدّه، مثل اجتياز امتحان أو بدء عمل.",
							"یک دستاورد قابل شمارش، مثلاً قبولی در آزمون یا شروع کار.",
							"Une étape mesurable, p. ex. examen réussi ou emploi commencé.",
						),
					},
				},
			},
			{
				Key: "measures", Type: TypeList,
				Label: T("Schritte und Maßnahmen", "Steps and measures", "الخطوات والإجراءات", "گام‌ها و اقدامات", "Étapes et mesures"),
				Help: T(
					"Wer macht was bis wann, um ein Ziel zu erreichen.",
					"Who does what by when to reach a goal.",
					"مَن يفعل ماذا ومتى لتحقيق هدف ما.",
					"چه کسی، چه کاری را تا چه زمانی برای رسیدن به یک هدف انجام می‌دهد.",
					"Qui fait quoi et pour quand afin d'atteindre un objectif.",
				),
				Item: []Field{
					{Key: "goal", Type: TypeRef, Ref: "plan.goals", Label: cwLabelGoal},
					{
						Key: "description", Type: TypeText,
						Label: T("Schritt", "Step", "الخطوة", "گام", "Étape"),
					},
					{
						Key: "responsible_party", Type: TypeCode, CodeList: "responsible_party", Required: true,
						Label: T("Zuständig", "Responsible", "الجهة المسؤولة", "مسئول", "Responsable"),
					},
					{
						Key: "responsible_name", Type: TypeString,
						Label: T("Name der zuständigen Person oder Stelle", "Name of the responsible person or office", "اسم الشخص أو الجهة المسؤولة", "نام شخص یا نهاد مسئول", "Nom de la personne ou de l'organisme responsable"),
					},
					{
						Key: "due_date", Type: TypeDate,
						Label: T("Zu erledigen bis", "Due by", "الموعد النهائي", "مهلت انجام", "À faire avant le"),
					},
					{Key: "status", Type: TypeCode, CodeList: "measure_status", Label: cwLabelStatus},
					{
						Key: "done_at", Type: TypeDate,
						Label: T("Erledigt am", "Done on", "تاريخ الإنجاز", "تاریخ انجام", "Réalisé le"),
					},
					{
						Key: "referral", Type: TypeRef, Ref: "contacts.referrals",
						Label: T("Zugehöriger Verweis", "Related referral", "الإحالة المرتبطة", "ارجاع مربوط", "Orientation liée"),
					},
				},
			},
			{
				Key: "agreements", Type: TypeList,
				Label: T("Zielvereinbarungen", "Goal agreements", "اتفاقات الأهداف", "توافق‌نامه‌های اهداف", "Accords sur les objectifs"),
				Help: T(
					"Die Zielvereinbarung ist freiwillig. Es gibt keine Sanktionen, wenn ein Ziel nicht erreicht wird.",
					"The goal agreement is voluntary. There are no sanctions if a goal is not reached.",
					"اتفاق الأهداف طوعي، ولا توجد أي عقوبات إذا لم يتحقق هدف ما.",
					"توافق‌نامه اهداف داوطلبانه است. اگر به هدفی نرسید، هیچ مجازاتی در کار نیست.",
					"L'accord sur les objectifs est volontaire. Il n'y a aucune sanction si un objectif n'est pas atteint.",
				),
				Item: []Field{
					{
						Key: "plan_version", Type: TypeInt, Min: 1, Max: 1000,
						Label: T("Version des Plans", "Plan version", "نسخة الخطة", "نسخه برنامه", "Version du plan"),
					},
					{
						Key: "agreed_at", Type: TypeTime,
						Label: T("Vereinbart am", "Agreed on", "تاريخ الاتفاق", "تاریخ توافق", "Convenu le"),
					},
					{Key: "language_shown", Type: TypeCode, CodeList: "ui_language", Label: cwLabelLanguageShown},
					{Key: "interpreter_used", Type: TypeBool, Label: cwLabelInterpreterUsed},
					{Key: "interpreter_language", Type: TypeCode, CodeList: "language", Label: cwLabelInterpreterLang},
					{
						Key: "client_acknowledged", Type: TypeBool,
						Label: T("Von der Person bestätigt", "Confirmed by the person", "أكّده الشخص المعني", "تأییدشده توسط خود فرد", "Confirmé par la personne"),
					},
					{
						Key: "counsellor_signed", Type: TypeBool,
						Label: T("Von der Beratungsfachkraft unterzeichnet", "Signed by the counsellor", "وقّعه المرشد أو المرشدة", "امضاشده توسط مشاور", "Signé par le conseiller ou la conseillère"),
					},
					{
						Key: "plan_digest", Type: TypeString,
						Label: T("Prüfsumme des vereinbarten Plans", "Checksum of the agreed plan", "المجموع الاختباري للخطة المتفق عليها", "چکیده برنامه توافق‌شده", "Empreinte du plan convenu"),
					},
					{
						Key: "client_identity", Type: TypeString,
						Label: T("Identität der Person", "Identity of the person", "هوية الشخص", "هویت فرد", "Identité de la personne"),
					},
					{
						Key: "client_signature", Type: TypeString,
						Label: T("Signatur der Person", "Signature of the person", "توقيع الشخص", "امضای فرد", "Signature de la personne"),
					},
					{
						Key: "counsellor_identity", Type: TypeString,
						Label: T("Identität der Beratungsfachkraft", "Identity of the counsellor", "هوية المرشد", "هویت مشاور", "Identité du conseiller"),
					},
					{
						Key: "counsellor_signature", Type: TypeString,
						Label: T("Signatur der Beratungsfachkraft", "Signature of the counsellor", "توقيع المرشد", "امضای مشاور", "Signature du conseiller"),
					},
				},
			},
			{
				Key: "reviews", Type: TypeList,
				Label: T("Überprüfungen (Fortschreibung)", "Reviews", "المراجعات", "بازبینی‌ها", "Réexamens"),
				Item: []Field{
					{Key: "date", Type: TypeDate, Required: true, Label: cwLabelDate},
					{Key: "goal", Type: TypeRef, Ref: "plan.goals", Label: cwLabelGoal},
					{
						Key: "goal_status", Type: TypeCode, CodeList: "goal_status",
						Label: T("Neuer Stand des Ziels", "New goal status", "الحالة الجديدة للهدف", "وضعیت جدید هدف", "Nouvel état de l'objectif"),
					},
					{
						Key: "comment", Type: TypeText,
						Label: T("Kommentar", "Comment", "تعليق", "توضیحات", "Commentaire"),
					},
					{
						Key: "next_review_date", Type: TypeDate, NotBefore: "date",
						Label: T("Nächste Überprüfung", "Next review", "المراجعة القادمة", "بازبینی بعدی", "Prochain réexamen"),
					},
				},
			},
		},
	}
}

func cwContactsSection() Section {
	return Section{
		Key:      "contacts",
		CaseWork: true,
		Label:    T("Beratungskontakte und Verweise", "Counselling contacts and referrals", "جلسات الإرشاد والإحالات", "جلسات مشاوره و ارجاع‌ها", "Entretiens de conseil et orientations"),
		Fields: []Field{
			{
				Key: "case_notes_document", Type: TypeString,
				Label: T("Dokument der Fallnotizen", "Case notes document", "مستند ملاحظات الحالة", "سند یادداشت‌های پرونده", "Document des notes de suivi"),
				Help: T(
					"Die Fallnotizen liegen in einem eigenen Dokument der Beratungsstelle; hier steht nur seine Kennung.",
					"Case notes live in a separate document of the counselling organisation; only its ID is kept here.",
					"ملاحظات الحالة محفوظة في مستند منفصل لدى جهة الإرشاد، وهنا معرّفه فقط.",
					"یادداشت‌های پرونده در سند جداگانه‌ای از نهاد مشاوره نگهداری می‌شوند؛ اینجا فقط شناسه آن است.",
					"Les notes de suivi se trouvent dans un document distinct de l'organisme de conseil ; seul son identifiant figure ici.",
				),
			},
			{
				Key: "contacts", Type: TypeList,
				Label: T("Beratungskontakte", "Counselling contacts", "جلسات الإرشاد", "جلسات مشاوره", "Entretiens de conseil"),
				Item: []Field{
					{Key: "date", Type: TypeDate, Required: true, Label: cwLabelDate},
					{
						Key: "mode", Type: TypeCode, CodeList: "contact_mode",
						Label: T("Art des Kontakts", "Type of contact", "نوع التواصل", "نوع تماس", "Type de contact"),
					},
					{
						Key: "duration_min", Type: TypeInt, Min: 0, Max: 600,
						Label: T("Dauer (Minuten)", "Duration (minutes)", "المدة (بالدقائق)", "مدت (دقیقه)", "Durée (minutes)"),
					},
					{
						Key: "topics", Type: TypeCodes, CodeList: "field_of_action",
						Label: T("Themen", "Topics", "المواضيع", "موضوعات", "Thèmes"),
					},
					{Key: "interpreter_used", Type: TypeBool, Label: cwLabelInterpreterUsed},
					{Key: "interpreter_language", Type: TypeCode, CodeList: "language", Label: cwLabelInterpreterLang},
					{
						Key: "note", Type: TypeText, Restricted: true,
						Label: T("Notiz", "Note", "ملاحظة", "یادداشت", "Note"),
						Help: T(
							"Nur für die Beratung. Die Notiz wird nie automatisch weitergegeben.",
							"For counselling only. The note is never shared by default.",
							"للإرشاد فقط. لا تتم مشاركة هذه الملاحظة تلقائيًا أبدًا.",
							"فقط برای مشاوره. این یادداشت هرگز به‌طور پیش‌فرض با کسی به اشتراک گذاشته نمی‌شود.",
							"Réservée à l'accompagnement. La note n'est jamais partagée par défaut.",
						),
					},
				},
			},
			{
				Key: "referrals", Type: TypeList,
				Label: T("Verweise an Regeldienste", "Referrals to services", "الإحالات إلى الجهات المختصة", "ارجاع به نهادهای تخصصی", "Orientations vers des services"),
				Item: []Field{
					{Key: "date", Type: TypeDate, Required: true, Label: cwLabelDate},
					{
						Key: "target_type", Type: TypeCode, CodeList: "referral_target",
						Label: T("Art der Stelle", "Type of service", "نوع الجهة", "نوع نهاد", "Type de service"),
					},
					{
						Key: "target_name", Type: TypeString,
						Label: T("Name der Stelle", "Name of the service", "اسم الجهة", "نام نهاد", "Nom du service"),
					},
					{
						Key: "purpose", Type: TypeText,
						Label: T("Anliegen", "Purpose", "الغرض", "هدف ارجاع", "Objet"),
					},
					{
						Key: "outcome", Type: TypeText,
						Label: T("Ergebnis", "Outcome", "النتيجة", "نتیجه", "Résultat"),
					},
				},
			},
		},
	}
}

func cwConsentsSection() Section {
	return Section{
		Key:      "consents",
		CaseWork: true,
		Label:    T("Einwilligungen und Freigaben", "Consents and shares", "الموافقات ومشاركة البيانات", "رضایت‌ها و اشتراک‌گذاری‌ها", "Consentements et partages"),
		Help: T(
			"Was Sie wem erlaubt haben. Sie können jede Einwilligung jederzeit widerrufen; die Beratung hängt nicht davon ab.",
			"What you have allowed, and to whom. You can withdraw any consent at any time; counselling does not depend on it.",
			"ما الذي سمحتَ به ولمَن. يمكنك سحب أي موافقة في أي وقت، ولا يتوقف الإرشاد على ذلك.",
			"چه اجازه‌ای به چه کسی داده‌اید. می‌توانید هر رضایتی را هر زمان پس بگیرید؛ مشاوره به آن وابسته نیست.",
			"Ce que vous avez autorisé, et à qui. Vous pouvez retirer chaque consentement à tout moment ; l'accompagnement n'en dépend pas.",
		),
		Fields: []Field{
			{
				Key: "consents", Type: TypeList,
				Label: T("Einwilligungen", "Consents", "الموافقات", "رضایت‌ها", "Consentements"),
				Item: []Field{
					{
						Key: "purpose", Type: TypeCode, CodeList: "consent_purpose", Required: true,
						Label: T("Zweck", "Purpose", "الغرض", "هدف", "Finalité"),
					},
					{
						Key: "scope", Type: TypeCodes, CodeList: "section",
						Label: T("Umfang (Abschnitte)", "Scope (sections)", "النطاق (الأقسام)", "دامنه (بخش‌ها)", "Portée (sections)"),
						Help: T(
							"Die Teile Ihres Profils, für die die Einwilligung gilt.",
							"The parts of your profile the consent covers.",
							"أجزاء ملفك الشخصي التي تشملها الموافقة.",
							"بخش‌هایی از پروفایل شما که این رضایت شامل آن‌ها می‌شود.",
							"Les parties de votre profil couvertes par le consentement.",
						),
					},
					{Key: "recipient_type", Type: TypeCode, CodeList: "recipient_type", Label: cwLabelRecipientType},
					{Key: "recipient_name", Type: TypeString, Label: cwLabelRecipientName, Help: cwHelpRecipientName},
					{
						Key: "text_id", Type: TypeString,
						Label: T("Kennung des Einwilligungstexts", "Consent text ID", "معرّف نص الموافقة", "شناسه متن رضایت‌نامه", "Identifiant du texte de consentement"),
					},
					{
						Key: "text_version", Type: TypeInt, Min: 1, Max: 1000,
						Label: T("Version des Einwilligungstexts", "Consent text version", "إصدار نص الموافقة", "نسخه متن رضایت‌نامه", "Version du texte de consentement"),
					},
					{
						Key: "language_shown", Type: TypeCode, CodeList: "ui_language", Required: true, Label: cwLabelLanguageShown,
						Help: T(
							"Die Sprache, in der Sie den Einwilligungstext gelesen haben.",
							"The language in which you read the consent text.",
							"اللغة التي قرأتَ بها نص الموافقة.",
							"زبانی که متن رضایت‌نامه را به آن خواندید.",
							"La langue dans laquelle vous avez lu le texte de consentement.",
						),
					},
					{Key: "interpreter_language", Type: TypeCode, CodeList: "language", Label: cwLabelInterpreterLang},
					{
						Key: "given_at", Type: TypeTime, Required: true,
						Label: T("Erteilt am", "Given on", "تاريخ إعطاء الموافقة", "تاریخ اعطای رضایت", "Donné le"),
					},
					{
						Key: "method", Type: TypeCode, CodeList: "consent_method",
						Label: T("Form der Einwilligung", "Form of consent", "طريقة الموافقة", "شیوه اعطای رضایت", "Forme du consentement"),
					},
					{
						Key: "given_by", Type: TypeCode, CodeList: "consent_giver",
						Label: T("Erteilt durch", "Given by", "مقدَّمة من", "اعطاشده توسط", "Donné par"),
					},
					{
						Key: "withdrawn_at", Type: TypeTime,
						Label: T("Widerrufen am", "Withdrawn on", "تاريخ سحب الموافقة", "تاریخ پس گرفتن رضایت", "Retiré le"),
					},
					{
						Key: "recipient_identity", Type: TypeString,
						Label: T("Identität des Empfängers", "Identity of the recipient", "هوية المستلم", "هویت گیرنده", "Identité du destinataire"),
						Help: T(
							"Bei einer Freigabe an eine Beratungsfachkraft: deren mobio-Identität.",
							"For access by a counsellor: their mobio identity.",
							"عند منح الوصول لمرشد: هويته في mobio.",
							"برای دسترسی یک مشاور: هویت mobio او.",
							"Pour l'accès d'un conseiller : son identité mobio.",
						),
					},
					{
						Key: "text_digest", Type: TypeString,
						Label: T("Prüfsumme des gezeigten Texts", "Checksum of the text shown", "المجموع الاختباري للنص المعروض", "چکیده متن نمایش‌داده‌شده", "Empreinte du texte affiché"),
					},
				},
			},
			{
				Key: "shares", Type: TypeList,
				Label: T("Freigaben", "Shares", "مشاركة البيانات", "اشتراک‌گذاری‌ها", "Partages"),
				Help: T(
					"Was Sie an wen weitergegeben haben. Eine Freigabe läuft ab und kann vorher zurückgezogen werden.",
					"What you have passed on, and to whom. A share expires and can be revoked before then.",
					"ما الذي شاركتَه ومع مَن. تنتهي صلاحية المشاركة، ويمكن إلغاؤها قبل ذلك.",
					"چه چیزی را با چه کسی به اشتراک گذاشته‌اید. هر اشتراک‌گذاری منقضی می‌شود و می‌توان آن را زودتر لغو کرد.",
					"Ce que vous avez transmis, et à qui. Un partage expire et peut être révoqué avant.",
				),
				Item: []Field{
					{Key: "recipient_type", Type: TypeCode, CodeList: "recipient_type", Required: true, Label: cwLabelRecipientType},
					{Key: "recipient_name", Type: TypeString, Label: cwLabelRecipientName, Help: cwHelpRecipientName},
					{
						Key: "sections", Type: TypeCodes, CodeList: "section",
						Label: T("Freigegebene Abschnitte", "Sections shared", "الأقسام التي تمت مشاركتها", "بخش‌های به‌اشتراک‌گذاشته‌شده", "Sections partagées"),
					},
					{
						Key: "documents", Type: TypeRefs, Ref: "documents.files",
						Label: T("Freigegebene Dokumente", "Documents shared", "المستندات التي تمت مشاركتها", "مدارک به‌اشتراک‌گذاشته‌شده", "Documents partagés"),
					},
					{
						Key: "consent", Type: TypeRef, Ref: "consents.consents",
						Label: T("Zugrunde liegende Einwilligung", "Consent it is based on", "الموافقة التي تستند إليها", "رضایت مبنای آن", "Consentement correspondant"),
					},
					{
						Key: "created_at", Type: TypeTime,
						Label: T("Erstellt am", "Created on", "تاريخ الإنشاء", "تاریخ ایجاد", "Créé le"),
					},
					{
						Key: "expires_at", Type: TypeTime,
						Label: T("Gültig bis", "Valid until", "صالحة حتى", "معتبر تا", "Valable jusqu'au"),
					},
					{
						Key: "revoked_at", Type: TypeTime,
						Label: T("Zurückgezogen am", "Revoked on", "تاريخ الإلغاء", "تاریخ لغو", "Révoqué le"),
					},
					{
						Key: "package_id", Type: TypeString,
						Label: T("Kennung des Pakets", "Package ID", "معرّف الحزمة", "شناسه بسته", "Identifiant du paquet"),
					},
				},
			},
		},
	}
}

func caseworkCodeLists() []*CodeList {
	return []*CodeList{
		{
			Key:   "plan_status",
			Label: T("Status des Integrationsplans", "Integration plan status", "حالة خطة الاندماج", "وضعیت برنامه ادغام", "Statut du plan d'intégration"),
			Codes: []Code{
				{"draft", T("Entwurf", "draft", "مسودة", "پیش‌نویس", "brouillon")},
				{"agreed", T("vereinbart", "agreed", "متَّفق عليها", "توافق‌شده", "convenu")},
				{"in_review", T("in Überprüfung", "under review", "قيد المراجعة", "در حال بازبینی", "en cours de réexamen")},
				{"closed", T("abgeschlossen", "closed", "مُغلقة", "بسته‌شده", "clôturé")},
			},
		},
		{
			Key:   "field_of_action",
			Label: T("Handlungsfeld", "Field of action", "مجال الاندماج", "حوزه اقدام", "Domaine d'action"),
			Codes: []Code{
				{"SPRACHE", T("Sprache und Spracherwerb", "Language and language learning", "اللغة وتعلّمها", "زبان و یادگیری زبان", "Langue et apprentissage de la langue")},
				{"BILDUNG", T("Bildung (Schule, Weiterbildung, Studium)", "Education (school, further training, university)", "التعليم (المدرسة، التدريب المستمر، الدراسة الجامعية)", "آموزش (مدرسه، آموزش تکمیلی، دانشگاه)", "Éducation (école, formation continue, études)")},
				{"AUSBILDUNG", T("Berufsausbildung", "Vocational training", "التدريب المهني", "آموزش حرفه‌ای", "Formation professionnelle")},
				{"ARBEIT", T("Arbeit und Beruf (einschließlich Anerkennung)", "Work and occupation (including recognition)", "العمل والمهنة (بما في ذلك الاعتراف بالشهادات)", "کار و شغل (از جمله به رسمیت شناختن مدارک)", "Travail et profession (y compris la reconnaissance)")},
				{"WOHNEN", T("Wohnen", "Housing", "السكن", "مسکن", "Logement")},
				{"GESUNDHEIT", T("Gesundheit", "Health", "الصحة", "سلامت", "Santé")},
				{"FAMILIE", T("Familie, Kinderbetreuung, Familiennachzug", "Family, childcare, family reunification", "الأسرة ورعاية الأطفال ولمّ الشمل", "خانواده، مراقبت از کودکان، پیوستن خانواده", "Famille, garde d'enfants, regroupement familial")},
				{"AUFENTHALT", T("Aufenthalt und Behörden", "Residence and authorities", "الإقامة والدوائر الرسمية", "اقامت و ادارات", "Séjour et administrations")},
				{"FINANZEN", T("Existenzsicherung und Finanzen", "Livelihood and finances", "تأمين المعيشة والشؤون المالية", "تأمین معاش و امور مالی", "Moyens de subsistance et finances")},
				{"TEILHABE", T("Gesellschaftliche Teilhabe, Ehrenamt, Freizeit, Vereine", "Social participation, volunteering, leisure, clubs", "المشاركة المجتمعية والتطوع وأوقات الفراغ والجمعيات", "مشارکت اجتماعی، کار داوطلبانه، اوقات فراغت، انجمن‌ها", "Participation sociale, bénévolat, loisirs, associations")},
				{"MOBILITAET", T("Mobilität (ÖPNV, Führerschein)", "Mobility (public transport, driving licence)", "التنقّل (المواصلات العامة، رخصة القيادة)", "رفت‌وآمد (حمل‌ونقل عمومی، گواهینامه رانندگی)", "Mobilité (transports en commun, permis de conduire)")},
				{"ORIENTIERUNG", T("Alltag, Orientierung, Digitales", "Everyday life, orientation, digital skills", "الحياة اليومية والتوجّه والمهارات الرقمية", "زندگی روزمره، آشنایی با محیط، مهارت‌های دیجیتال", "Vie quotidienne, orientation, numérique")},
			},
		},
		{
			Key:   "goal_status",
			Label: T("Stand des Ziels", "Goal status", "حالة الهدف", "وضعیت هدف", "État de l'objectif"),
			Codes: []Code{
				{"open", T("offen", "open", "لم يبدأ بعد", "هنوز شروع نشده", "ouvert")},
				{"in_progress", T("in Bearbeitung", "in progress", "قيد التنفيذ", "در حال انجام", "en cours")},
				{"achieved", T("erreicht", "achieved", "تحقَّق", "محقق شد", "atteint")},
				{"partly_achieved", T("teilweise erreicht", "partly achieved", "تحقَّق جزئيًا", "تا حدی محقق شد", "partiellement atteint")},
				{"not_achieved", T("nicht erreicht", "not achieved", "لم يتحقق", "محقق نشد", "non atteint")},
				{"dropped", T("aufgegeben", "dropped", "تم التخلي عنه", "کنار گذاشته شد", "abandonné")},
			},
		},
		{
			Key:   "outcome",
			Label: T("Ergebnis (Meilenstein)", "Outcome (milestone)", "النتيجة (إنجاز)", "نتیجه (دستاورد)", "Résultat (étape franchie)"),
			Codes: []Code{
				{"DTZ_A2_PASSED", T("Deutsch-Test für Zuwanderer (DTZ) auf A2 bestanden", "German Test for Immigrants (DTZ) passed at A2", "اجتياز اختبار اللغة الألمانية للمهاجرين (DTZ) بمستوى A2", "قبولی در آزمون آلمانی برای مهاجران (DTZ) در سطح A2", "Test d'allemand pour immigrés (DTZ) réussi au niveau A2")},
				{"DTZ_B1_PASSED", T("Deutsch-Test für Zuwanderer (DTZ) auf B1 bestanden", "German Test for Immigrants (DTZ) passed at B1", "اجتياز اختبار اللغة الألمانية للمهاجرين (DTZ) بمستوى B1", "قبولی در آزمون آلمانی برای مهاجران (DTZ) در سطح B1", "Test d'allemand pour immigrés (DTZ) réussi au niveau B1")},
				{"LID_PASSED", T("Test „Leben in Deutschland“ bestanden", "“Life in Germany” test passed", "اجتياز اختبار «الحياة في ألمانيا»", "قبولی در آزمون «زندگی در آلمان»", "Test « Vivre en Allemagne » réussi")},
				{"DTB_B2_PASSED", T("Deutsch-Test für den Beruf (DTB) B2 bestanden", "German for the Workplace test (DTB) passed at B2", "اجتياز اختبار اللغة الألمانية المهنية (DTB) بمستوى B2", "قبولی در آزمون آلمانی شغلی (DTB) در سطح B2", "Test d'allemand professionnel (DTB) réussi au niveau B2")},
				{"DTB_C1_PASSED", T("Deutsch-Test für den Beruf (DTB) C1 bestanden", "German for the Workplace test (DTB) passed at C1", "اجتياز اختبار اللغة الألمانية المهنية (DTB) بمستوى C1", "قبولی در آزمون آلمانی شغلی (DTB) در سطح C1", "Test d'allemand professionnel (DTB) réussi au niveau C1")},
				{"COURSE_STARTED", T("Kurs begonnen (Sprache oder Qualifizierung)", "Course started (language or qualification)", "بدء دورة (لغة أو تأهيل)", "شروع دوره (زبان یا مهارت‌آموزی)", "Cours commencé (langue ou qualification)")},
				{"COURSE_COMPLETED", T("Kurs abgeschlossen (Sprache oder Qualifizierung)", "Course completed (language or qualification)", "إتمام دورة (لغة أو تأهيل)", "پایان دوره (زبان یا مهارت‌آموزی)", "Cours terminé (langue ou qualification)")},
				{"SCHOOL_CERTIFICATE_OBTAINED", T("Schulabschluss erworben", "School leaving certificate obtained", "الحصول على شهادة مدرسية", "دریافت مدرک پایان تحصیلات مدرسه", "Diplôme de fin d'études scolaires obtenu")},
				{"RECOGNITION_GRANTED", T("Ausländischer Abschluss anerkannt (volle Gleichwertigkeit)", "Foreign qualification recognised (full equivalence)", "الاعتراف بالشهادة الأجنبية (معادلة كاملة)", "به رسمیت شناخته شدن مدرک خارجی (هم‌ارزی کامل)", "Diplôme étranger reconnu (équivalence totale)")},
				{"RECOGNITION_PARTIAL", T("Ausländischer Abschluss teilweise anerkannt (teilweise Gleichwertigkeit)", "Foreign qualification partly recognised (partial equivalence)", "الاعتراف الجزئي بالشهادة الأجنبية (معادلة جزئية)", "به رسمیت شناخته شدن بخشی از مدرک خارجی (هم‌ارزی جزئی)", "Diplôme étranger partiellement reconnu (équivalence partielle)")},
				{"ENTRY_QUALIFICATION_STARTED", T("Einstiegsqualifizierung (EQ) begonnen", "Entry qualification (EQ) started", "بدء التأهيل التمهيدي للتدريب المهني (EQ)", "شروع دوره مقدماتی کارآموزی (EQ)", "Qualification d'entrée en apprentissage (EQ) commencée")},
				{"TRAINING_STARTED", T("Berufsausbildung begonnen", "Vocational training started", "بدء التدريب المهني", "شروع آموزش حرفه‌ای", "Formation professionnelle commencée")},
				{"TRAINING_COMPLETED", T("Berufsausbildung abgeschlossen", "Vocational training completed", "إتمام التدريب المهني", "پایان آموزش حرفه‌ای", "Formation professionnelle terminée")},
				{"STUDY_STARTED", T("Studium begonnen", "University studies started", "بدء الدراسة الجامعية", "شروع تحصیل در دانشگاه", "Études supérieures commencées")},
				{"STUDY_COMPLETED", T("Studium abgeschlossen", "University studies completed", "إتمام الدراسة الجامعية", "پایان تحصیل در دانشگاه", "Études supérieures terminées")},
				{"EMPLOYMENT_STARTED", T("Sozialversicherungspflichtige Beschäftigung aufgenommen", "Job with social insurance started", "بدء عمل خاضع للتأمين الاجتماعي", "شروع کار با بیمه اجتماعی", "Emploi soumis aux cotisations sociales commencé")},
				{"MINIJOB_STARTED", T("Minijob aufgenommen", "Mini-job started", "بدء عمل بسيط (Minijob)", "شروع مینی‌جاب (Minijob)", "Mini-job commencé")},
				{"SELF_EMPLOYMENT_STARTED", T("Selbständige Tätigkeit aufgenommen", "Self-employment started", "بدء عمل حر", "شروع کار آزاد (خویش‌فرمایی)", "Activité indépendante commencée")},
				{"DRIVING_LICENCE_OBTAINED", T("Führerschein erworben", "Driving licence obtained", "الحصول على رخصة القيادة", "دریافت گواهینامه رانندگی", "Permis de conduire obtenu")},
				{"CHILDCARE_PLACE_OBTAINED", T("Betreuungsplatz für ein Kind erhalten", "Childcare place obtained", "الحصول على مكان لرعاية طفل", "دریافت جا برای نگهداری کودک", "Place de garde d'enfant obtenue")},
				{"HOUSING_MOVED_OUT_OF_GU", T("Aus der Gemeinschaftsunterkunft in eine eigene Wohnung gezogen", "Moved out of shared accommodation into own flat", "الانتقال من السكن الجماعي إلى شقة خاصة", "نقل مکان از اقامتگاه جمعی به خانه شخصی", "Passage du foyer collectif à un logement propre")},
				{"VOLUNTEERING_STARTED", T("Ehrenamt oder Vereinsmitgliedschaft begonnen", "Volunteering or club membership started", "بدء عمل تطوعي أو عضوية في جمعية", "شروع کار داوطلبانه یا عضویت در انجمن", "Bénévolat ou adhésion à une association commencé")},
				{"OTHER", T("Sonstiges Ergebnis", "Other outcome", "نتيجة أخرى", "نتیجه دیگر", "Autre résultat")},
			},
		},
		{
			Key:   "responsible_party",
			Label: T("Zuständige Stelle", "Responsible party", "الجهة المسؤولة", "طرف مسئول", "Responsable"),
			Codes: []Code{
				{"CLIENT", T("die Person selbst", "the person themselves", "الشخص نفسه", "خود فرد", "la personne elle-même")},
				{"IM", T("Integrationsmanagement", "Integration management", "إدارة الاندماج", "مدیریت ادغام", "Gestion de l'intégration")},
				{"SOZIALBERATUNG_VU", cwOrgVU},
				{"EHRENAMT", cwOrgVolunteers},
				{"JOBCENTER", cwOrgJobcenter},
				{"AGENTUR_FUER_ARBEIT", cwOrgAgentur},
				{"SPRACHKURSTRAEGER", cwOrgLangCourse},
				{"SCHULE", cwOrgSchool},
				{"KITA", cwOrgKita},
				{"ABH", cwOrgABH},
				{"IHK", cwOrgIHK},
				{"HWK", cwOrgHWK},
				{"BERATUNGSSTELLE", T("Beratungsstelle", "Advice centre", "مركز استشارات", "مرکز مشاوره", "Centre de conseil")},
				{"OTHER", cwOrgOther},
			},
		},
		{
			Key:   "measure_status",
			Label: T("Stand des Schritts", "Step status", "حالة الخطوة", "وضعیت گام", "État de l'étape"),
			Codes: []Code{
				{"OPEN", T("offen", "open", "لم يبدأ بعد", "هنوز شروع نشده", "à faire")},
				{"IN_PROGRESS", T("in Bearbeitung", "in progress", "قيد التنفيذ", "در حال انجام", "en cours")},
				{"DONE", T("erledigt", "done", "تم الإنجاز", "انجام شد", "réalisé")},
				{"NOT_DONE", T("nicht erledigt", "not done", "لم يُنجَز", "انجام نشد", "non réalisé")},
				{"CANCELLED", T("entfallen", "cancelled", "أُلغيت", "لغو شد", "annulé")},
			},
		},
		{
			Key:   "closure_reason",
			Label: T("Grund des Fallabschlusses", "Reason for closure", "سبب إغلاق الملف", "دلیل بستن پرونده", "Motif de clôture"),
			Codes: []Code{
				{"GOALS_REACHED_SELF_RELIANT", T("Ziele erreicht, kommt selbständig zurecht", "Goals reached, self-reliant", "تحققت الأهداف، ويعتمد على نفسه", "اهداف محقق شد، به‌طور مستقل از عهده کارها برمی‌آید", "Objectifs atteints, autonome")},
				{"MOVED_WITHIN_DISTRICT", T("Umzug innerhalb des Landkreises", "Moved within the district", "الانتقال داخل المقاطعة", "نقل مکان در داخل شهرستان", "Déménagement dans l'arrondissement")},
				{"MOVED_AWAY", T("Wegzug aus dem Landkreis", "Moved out of the district", "الانتقال إلى خارج المقاطعة", "نقل مکان به خارج از شهرستان", "Départ hors de l'arrondissement")},
				{"MAX_DURATION_REACHED", T("Höchstdauer der Beratung erreicht", "Maximum counselling period reached", "بلوغ المدة القصوى للإرشاد", "پایان حداکثر مدت مشاوره", "Durée maximale de l'accompagnement atteinte")},
				{"CONTACT_LOST", T("Kontakt abgebrochen", "Contact lost", "انقطاع التواصل", "قطع ارتباط", "Contact perdu")},
				{"DECLINED", T("Beratung nicht mehr gewünscht", "Counselling no longer wanted", "لم يعد يرغب في الإرشاد", "عدم تمایل به ادامه مشاوره", "Accompagnement plus souhaité")},
				{"LEFT_GERMANY", T("Ausreise aus Deutschland", "Left Germany", "مغادرة ألمانيا", "خروج از آلمان", "Départ d'Allemagne")},
				{"DECEASED", T("verstorben", "deceased", "متوفى", "درگذشته", "décédé")},
				{"OTHER", T("Sonstiger Grund", "Other reason", "سبب آخر", "دلیل دیگر", "Autre motif")},
			},
		},
		{
			Key:   "contact_mode",
			Label: T("Art des Kontakts", "Type of contact", "نوع التواصل", "نوع تماس", "Type de contact"),
			Codes: []Code{
				{"in_person", T("persönlich", "in person", "حضوريًا", "حضوری", "en personne")},
				{"phone", T("telefonisch", "by phone", "هاتفيًا", "تلفنی", "par téléphone")},
				{"video", T("per Video", "by video call", "عبر مكالمة فيديو", "تماس تصویری", "par visioconférence")},
				{"messenger", T("per Messenger", "by messenger app", "عبر تطبيق مراسلة", "از طریق پیام‌رسان", "par messagerie instantanée")},
				{"outreach", T("aufsuchend (z. B. Hausbesuch)", "outreach (e.g. home visit)", "زيارة ميدانية (مثل زيارة منزلية)", "مراجعه به محل (مثلاً بازدید از منزل)", "démarche de proximité (p. ex. visite à domicile)")},
			},
		},
		{
			Key:   "referral_target",
			Label: T("Art der Stelle", "Type of service", "نوع الجهة", "نوع نهاد", "Type de service"),
			Codes: []Code{
				{"JOBCENTER", cwOrgJobcenter},
				{"AGENTUR_FUER_ARBEIT", cwOrgAgentur},
				{"ABH", cwOrgABH},
				{"SOZIALAMT", T("Sozialamt oder Leistungsbehörde", "Social welfare office", "مكتب الشؤون الاجتماعية", "اداره امور اجتماعی", "Service d'aide sociale")},
				{"FAMILIENKASSE", T("Familienkasse", "Family benefits office (Familienkasse)", "صندوق الأسرة (Familienkasse)", "صندوق خانواده (Familienkasse)", "Caisse d'allocations familiales (Familienkasse)")},
				{"JUGENDAMT", T("Jugendamt", "Youth welfare office", "مكتب رعاية الشباب (Jugendamt)", "اداره رفاه کودکان و نوجوانان (Jugendamt)", "Service d'aide à l'enfance et à la jeunesse (Jugendamt)")},
				{"MIGRATIONSBERATUNG", T("Migrationsberatung (MBE, JMD)", "Migration advice service (MBE, JMD)", "استشارات الهجرة (MBE، JMD)", "مشاوره مهاجرت (MBE، JMD)", "Conseil aux migrants (MBE, JMD)")},
				{"ANERKENNUNGSBERATUNG", T("Anerkennungsberatung", "Recognition advice", "استشارات الاعتراف بالشهادات", "مشاوره به رسمیت شناختن مدارک", "Conseil en reconnaissance des diplômes")},
				{"SPRACHKURSTRAEGER", cwOrgLangCourse},
				{"SCHULE", cwOrgSchool},
				{"KITA", cwOrgKita},
				{"BILDUNGSTRAEGER", T("Bildungs- oder Weiterbildungsträger", "Education or training provider", "مؤسسة تعليم أو تدريب", "مؤسسه آموزشی یا آموزش تکمیلی", "Organisme de formation")},
				{"HOCHSCHULE", T("Hochschule", "University", "جامعة", "دانشگاه", "Établissement d'enseignement supérieur")},
				{"IHK", cwOrgIHK},
				{"HWK", cwOrgHWK},
				{"WOHNUNGSAMT", T("Wohnungsamt oder Wohnraumvermittlung", "Housing office or housing agency", "مكتب السكن أو جهة توفير المساكن", "اداره مسکن یا نهاد واگذاری مسکن", "Office du logement ou service d'aide au logement")},
				{"SCHULDNERBERATUNG", T("Schuldnerberatung", "Debt counselling", "استشارات الديون", "مشاوره بدهی", "Conseil en surendettement")},
				{"GESUNDHEITSWESEN", T("Gesundheitswesen (Arztpraxis, Gesundheitsamt)", "Health services (doctor, public health office)", "الخدمات الصحية (عيادة طبيب، مكتب الصحة)", "خدمات بهداشتی و درمانی (مطب پزشک، اداره بهداشت)", "Services de santé (médecin, service de santé publique)")},
				{"RECHTSBERATUNG", T("Rechtsberatung", "Legal advice", "استشارات قانونية", "مشاوره حقوقی", "Conseil juridique")},
				{"EHRENAMT", cwOrgVolunteers},
				{"VEREIN", T("Verein oder Migrantenorganisation", "Club or migrant organisation", "جمعية أو منظمة مهاجرين", "انجمن یا سازمان مهاجران", "Association ou organisation de migrants")},
				{"OTHER", cwOrgOther},
			},
		},
		{
			Key:   "consent_purpose",
			Label: T("Zweck der Einwilligung", "Purpose of consent", "الغرض من الموافقة", "هدف رضایت", "Finalité du consentement"),
			Codes: []Code{
				{"PROFILE_STORAGE", T("Speicherung des Profils", "Storing the profile", "حفظ الملف الشخصي", "ذخیره پروفایل", "Conservation du profil")},
				{"COUNSELLING_ACCESS_VU", T("Zugriff der Sozialberatung (vorläufige Unterbringung)", "Access by social counselling (initial accommodation)", "اطّلاع الإرشاد الاجتماعي على البيانات (السكن المؤقت)", "دسترسی مشاوره اجتماعی (اسکان موقت)", "Accès du conseil social (hébergement provisoire)")},
				{"COUNSELLING_ACCESS_AU", T("Zugriff des Integrationsmanagements (Anschlussunterbringung)", "Access by integration management (follow-up accommodation)", "اطّلاع إدارة الاندماج على البيانات (السكن اللاحق)", "دسترسی مدیریت ادغام (اسکان بعدی)", "Accès de la gestion de l'intégration (hébergement de suivi)")},
				{"TRANSFER_VU_TO_AU", T("Übergabe von der vorläufigen Unterbringung an die Anschlussunterbringung", "Handover from initial to follow-up accommodation", "نقل الملف من السكن المؤقت إلى السكن اللاحق", "انتقال پرونده از اسکان موقت به اسکان بعدی", "Transmission de l'hébergement provisoire à l'hébergement de suivi")},
				{"SHARE_RECIPIENT", T("Weitergabe an eine Stelle", "Sharing with a recipient", "مشاركة البيانات مع جهة", "اشتراک‌گذاری با یک نهاد", "Transmission à un destinataire")},
				{"HEALTH_SECTION", T("Abschnitt Unterstützungsbedarf (Gesundheit)", "Support needs section (health)", "قسم احتياجات الدعم (الصحة)", "بخش نیازهای حمایتی (سلامت)", "Section besoins de soutien (santé)")},
				{"RESEARCH_ANON", T("Anonymisierte Auswertung für die Forschung", "Anonymised use for research", "الاستخدام لأغراض البحث بعد إخفاء الهوية", "استفاده بی‌نام برای پژوهش", "Utilisation anonymisée pour la recherche")},
				{"CONTACT_BY_MESSENGER", T("Kontakt per Messenger", "Contact by messenger app", "التواصل عبر تطبيق مراسلة", "تماس از طریق پیام‌رسان", "Contact par messagerie instantanée")},
			},
		},
		{
			Key:   "consent_method",
			Label: T("Form der Einwilligung", "Form of consent", "طريقة الموافقة", "شیوه اعطای رضایت", "Forme du consentement"),
			Codes: []Code{
				{"electronic", T("elektronisch", "electronic", "إلكترونيًا", "الکترونیکی", "électronique")},
				{"signed_paper_scan", T("auf Papier unterschrieben (Scan)", "signed on paper (scan)", "موقَّعة على الورق (نسخة ممسوحة ضوئيًا)", "امضاشده روی کاغذ (اسکن)", "signé sur papier (numérisé)")},
			},
		},
		{
			Key:   "consent_giver",
			Label: T("Einwilligung erteilt durch", "Consent given by", "الموافقة مقدَّمة من", "رضایت داده‌شده توسط", "Consentement donné par"),
			Codes: []Code{
				{"SELF", T("die Person selbst", "the person themselves", "الشخص نفسه", "خود فرد", "la personne elle-même")},
				{"LEGAL_GUARDIAN", T("Sorgeberechtigte oder Vormund (bei Minderjährigen)", "Parent with custody or guardian (for minors)", "وليّ الأمر أو الوصي (للقاصرين)", "ولی یا سرپرست قانونی (برای افراد زیر ۱۸ سال)", "Titulaire de l'autorité parentale ou tuteur (pour les mineurs)")},
				{"LEGAL_CARER", T("Rechtliche Betreuerin oder rechtlicher Betreuer (bei Volljährigen)", "Court-appointed legal carer (for adults)", "الممثل القانوني المعيَّن من المحكمة (للبالغين)", "سرپرست قانونی منصوب دادگاه (برای بزرگسالان)", "Mandataire judiciaire (pour les majeurs)")},
			},
		},
		{
			Key:   "recipient_type",
			Label: cwLabelRecipientType,
			Codes: []Code{
				{"JOBCENTER", cwOrgJobcenter},
				{"AGENTUR_FUER_ARBEIT", cwOrgAgentur},
				{"HWK", cwOrgHWK},
				{"IHK", cwOrgIHK},
				{"EMPLOYER", T("Arbeitgeber", "Employer", "صاحب العمل", "کارفرما", "Employeur")},
				{"LANGUAGE_COURSE_PROVIDER", cwOrgLangCourse},
				{"COUNSELLOR_VU", cwOrgVU},
				{"COUNSELLOR_AU", cwOrgAU},
				{"RESEARCH", T("Forschung (anonymisiert)", "Research (anonymised)", "البحث العلمي (بعد إخفاء الهوية)", "پژوهش (بی‌نام)", "Recherche (anonymisée)")},
				{"OTHER", cwOrgOther},
			},
		},
	}
}
