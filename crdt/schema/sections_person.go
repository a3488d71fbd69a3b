package schema

// Sections A–D of the biography (DOMAIN.md §2.3: person, residence, family, living situation) and
// the optional, separately consented support-needs section (DOMAIN.md §2.5), with the code lists
// they introduce.

// nameAsInID is the help text of the name fields.
var nameAsInID = T(
	"In lateinischer Schrift, genau wie im Pass oder Ausweisdokument.",
	"In Latin letters, exactly as in your passport or ID document.",
	"بالأحرف اللاتينية، تمامًا كما هو مكتوب في جواز السفر أو وثيقة الهوية.",
	"با حروف لاتین، دقیقاً همان‌طور که در گذرنامه یا مدرک شناسایی نوشته شده است.",
	"En lettres latines, exactement comme dans votre passeport ou votre pièce d'identité.",
)

// onlyIfNeeded is the help text of the file-number fields.
var onlyIfNeeded = T(
	"Nur eintragen, wenn sie gebraucht wird. Sie wird nie ohne Ihre ausdrückliche Auswahl weitergegeben.",
	"Only enter it if it is needed. It is never shared unless you explicitly choose to share it.",
	"أدخله فقط عند الحاجة إليه. لا تتم مشاركته أبدًا إلا إذا اخترت ذلك صراحةً.",
	"فقط در صورت نیاز وارد کنید. این شماره هرگز بدون انتخاب صریح شما به اشتراک گذاشته نمی‌شود.",
	"À indiquer seulement si c'est nécessaire. Il n'est jamais transmis sans votre choix explicite.",
)

func personSections() []Section {
	return []Section{
		{
			Key:    "person",
			Letter: "A",
			Label:  T("Angaben zur Person", "Personal details", "البيانات الشخصية", "مشخصات فردی", "Données personnelles"),
			Fields: []Field{
				{
					Key: "family_names", Type: TypeString, Required: true,
					Label: T("Familienname(n)", "Family name(s)", "اسم العائلة", "نام خانوادگی", "Nom(s) de famille"),
					Help:  nameAsInID,
				},
				{
					Key: "given_names", Type: TypeString, Required: true,
					Label: T("Vorname(n)", "Given name(s)", "الاسم الأول", "نام", "Prénom(s)"),
					Help:  nameAsInID,
				},
				{
					Key: "name_original_script", Type: TypeText, NoTranslate: true,
					Label: T("Name in Originalschrift", "Name in original script", "الاسم بالخط الأصلي", "نام به خط اصلی", "Nom dans l'écriture d'origine"),
					Help: T(
						"Ihr vollständiger Name in der Schrift Ihrer Sprache, z. B. arabisch oder kyrillisch.",
						"Your full name in the script of your language, e.g. Arabic or Cyrillic.",
						"اسمك الكامل بخط لغتك، مثلًا بالحروف العربية أو السيريلية.",
						"نام کامل شما به خط زبان خودتان، مثلاً فارسی، عربی یا سیریلیک.",
						"Votre nom complet dans l'écriture de votre langue, par exemple arabe ou cyrillique.",
					),
				},
				{
					Key: "name_script", Type: TypeCode, CodeList: ListScript,
					Label: T("Schrift des Namens", "Script of the name", "خط كتابة الاسم", "خط نام", "Écriture du nom"),
				},
				{
					Key: "date_of_birth", Type: TypeDate, Required: true, NotFuture: true,
					Label: T("Geburtsdatum", "Date of birth", "تاريخ الميلاد", "تاریخ تولد", "Date de naissance"),
					Help: T(
						"Wie im Ausweisdokument. Wenn Sie nur das Jahr oder Jahr und Monat kennen, reicht das. Ein unsicheres Datum können Sie als unsicher markieren.",
						"As in your ID document. If you only know the year, or the year and month, enter just that. You can mark a date as uncertain.",
						"كما في وثيقة الهوية. إذا كنت تعرف السنة فقط أو السنة والشهر، فيكفي إدخالهما. يمكنك وضع علامة على التاريخ غير المؤكد.",
						"مطابق مدرک شناسایی، به تاریخ میلادی. اگر فقط سال یا سال و ماه را می‌دانید، همان کافی است. می‌توانید تاریخ نامطمئن را علامت بزنید.",
						"Comme dans votre pièce d'identité. Si vous ne connaissez que l'année, ou l'année et le mois, cela suffit. Vous pouvez marquer une date comme incertaine.",
					),
				},
				{
					Key: "place_of_birth", Type: TypeString,
					Label: T("Geburtsort", "Place of birth", "مكان الولادة", "محل تولد", "Lieu de naissance"),
				},
				{
					Key: "country_of_birth", Type: TypeCode, CodeList: ListCountry,
					Label: T("Geburtsland", "Country of birth", "بلد الولادة", "کشور محل تولد", "Pays de naissance"),
				},
				{
					Key: "gender", Type: TypeCode, CodeList: "gender",
					Label: T("Geschlecht", "Gender", "الجنس", "جنسیت", "Sexe"),
					Help: T(
						"Wie im Ausweis oder Personenstandsregister eingetragen. „ohne Angabe“ ist ein eigener Registereintrag; das ist etwas anderes, als die Frage nicht zu beantworten.",
						"As recorded in your ID or the civil register. “No entry” is an option of the register itself; it is not the same as not answering.",
						"كما هو مسجل في وثيقة الهوية أو سجل الأحوال المدنية. «بدون تحديد» خيار مسجل رسميًا، وهو يختلف عن عدم الإجابة على السؤال.",
						"همان‌طور که در مدرک شناسایی یا دفتر ثبت احوال ثبت شده است. «بدون درج» یک گزینهٔ رسمی ثبت است و با پاسخ ندادن به سؤال فرق دارد.",
						"Tel qu'inscrit dans votre pièce d'identité ou à l'état civil. « Sans mention » est une option officielle de l'état civil ; ce n'est pas la même chose que ne pas répondre.",
					),
				},
				{
					Key: "nationalities", Type: TypeCodes, CodeList: ListCountry,
					Label: T("Staatsangehörigkeit(en)", "Nationality or nationalities", "الجنسية أو الجنسيات", "تابعیت(ها)", "Nationalité(s)"),
					Help: T(
						"Alle angeben. Auch „staatenlos“ oder „ungeklärt“ ist möglich.",
						"Select all that apply. “Stateless” and “unclear” can also be chosen.",
						"اختر كل الجنسيات. يمكن أيضًا اختيار «عديم الجنسية» أو «غير محددة».",
						"همهٔ تابعیت‌ها را انتخاب کنید. گزینه‌های «بی‌تابعیت» و «نامشخص» هم وجود دارد.",
						"Indiquez toutes vos nationalités. « Apatride » et « indéterminée » sont aussi possibles.",
					),
				},
				{
					Key: "phone", Type: TypeString,
					Label: T("Telefonnummer", "Phone number", "رقم الهاتف", "شماره تلفن", "Numéro de téléphone"),
					Help: T(
						"Mit Ländervorwahl, z. B. +49 151 12345678.",
						"With country code, e.g. +49 151 12345678.",
						"مع رمز الدولة، مثلًا +49 151 12345678.",
						"با پیش‌شمارهٔ کشور، مثلاً +49 151 12345678.",
						"Avec l'indicatif du pays, par ex. +49 151 12345678.",
					),
				},
				{
					Key: "email", Type: TypeString,
					Label: T("E-Mail-Adresse", "E-mail address", "عنوان البريد الإلكتروني", "نشانی ایمیل", "Adresse e-mail"),
				},
				{
					Key: "messenger", Type: TypeCode, CodeList: "messenger",
					Label: T("Bevorzugter Messenger", "Preferred messenger", "تطبيق المراسلة المفضل", "پیام‌رسان ترجیحی", "Messagerie préférée"),
					Help: T(
						"Für Nachrichten an Ihre Telefonnummer, z. B. WhatsApp oder Signal. Kontakt per Messenger gibt es nur mit Ihrer Einwilligung.",
						"For messages to your phone number, e.g. WhatsApp or Signal. Contact by messenger only with your consent.",
						"للرسائل على رقم هاتفك، مثلًا واتساب أو سيغنال. لا يتم التواصل عبر تطبيقات المراسلة إلا بموافقتك.",
						"برای پیام به شمارهٔ تلفن شما، مثلاً واتس‌اپ یا سیگنال. تماس از طریق پیام‌رسان فقط با رضایت شما انجام می‌شود.",
						"Pour les messages à votre numéro, par ex. WhatsApp ou Signal. Contact par messagerie uniquement avec votre consentement.",
					),
				},
				{
					Key: "postal_address", Type: TypeString,
					Label: T("Postanschrift in Deutschland", "Postal address in Germany", "العنوان البريدي في ألمانيا", "نشانی پستی در آلمان", "Adresse postale en Allemagne"),
					Help: T(
						"Straße und Hausnummer, Postleitzahl, Ort.",
						"Street and house number, postcode, town.",
						"الشارع ورقم المبنى، الرمز البريدي، المدينة.",
						"خیابان و پلاک، کد پستی، شهر.",
						"Rue et numéro, code postal, ville.",
					),
				},
				{
					Key: "preferred_ui_language", Type: TypeCode, CodeList: ListUILanguage,
					Label: T("Sprache der App", "App language", "لغة التطبيق", "زبان برنامه", "Langue de l'application"),
				},
				{
					Key: "preferred_communication_language", Type: TypeCode, CodeList: ListLanguage,
					Label: T("Bevorzugte Sprache für Gespräche", "Preferred language for conversations", "اللغة المفضلة للمحادثات", "زبان ترجیحی برای گفتگو", "Langue préférée pour les entretiens"),
				},
				{
					Key: "interpreter_needed", Type: TypeBool,
					Label: T("Dolmetscher/in benötigt", "Interpreter needed", "الحاجة إلى مترجم فوري", "نیاز به مترجم شفاهی", "Besoin d'un interprète"),
				},
				{
					Key: "interpreter_language", Type: TypeCode, CodeList: ListLanguage,
					Label: T("Sprache für die Verdolmetschung", "Language for interpreting", "لغة الترجمة الفورية", "زبان ترجمهٔ شفاهی", "Langue d'interprétation"),
				},
				{
					Key: "arrival_in_germany", Type: TypeDate, NotFuture: true,
					Label: T("Einreise nach Deutschland", "Arrival in Germany", "تاريخ الوصول إلى ألمانيا", "تاریخ ورود به آلمان", "Arrivée en Allemagne"),
					Help: T(
						"Monat und Jahr genügen.",
						"Month and year are enough.",
						"يكفي ذكر الشهر والسنة.",
						"ماه و سال کافی است.",
						"Le mois et l'année suffisent.",
					),
				},
				{
					Key: "allocation_date", Type: TypeDate,
					Label: T("Zuweisung an den Stadt- oder Landkreis (vorläufige Unterbringung)", "Allocation to the district (initial accommodation)", "تاريخ التوزيع على المقاطعة (السكن المؤقت)", "تاریخ تخصیص به شهرستان (اسکان موقت)", "Affectation à l'arrondissement (hébergement provisoire)"),
				},
				{
					Key: "move_to_au_date", Type: TypeDate,
					Label: T("Umzug in die Anschlussunterbringung", "Move to follow-up accommodation", "الانتقال إلى السكن اللاحق (Anschlussunterbringung)", "انتقال به اسکان بعدی (Anschlussunterbringung)", "Emménagement dans l'hébergement de suivi"),
				},
				{
					Key: "accommodation_stage", Type: TypeCode, CodeList: "stage",
					Label: T("Unterbringungsphase", "Accommodation stage", "مرحلة السكن", "مرحلهٔ اسکان", "Phase d'hébergement"),
				},
				{
					Key: "municipality", Type: TypeString, Pattern: `[0-9]{8}`,
					Label: T("Wohngemeinde (Amtlicher Gemeindeschlüssel)", "Municipality of residence (official municipality key)", "بلدية السكن (الرمز الرسمي للبلدية)", "شهر محل سکونت (کد رسمی AGS)", "Commune de résidence (code officiel de la commune)"),
					Help: T(
						"Wird meist von der Beratung eingetragen.",
						"Usually filled in by your counsellor.",
						"يُدخله المستشار عادةً.",
						"معمولاً مشاور آن را وارد می‌کند.",
						"Généralement renseigné par votre conseiller ou conseillère.",
					),
					PatternHelp: T(
						"Die 8 Ziffern des Amtlichen Gemeindeschlüssels (AGS), z. B. 08222000 für Mannheim.",
						"The 8 digits of the official municipality key (AGS), e.g. 08222000 for Mannheim.",
						"الأرقام الثمانية للرمز الرسمي للبلدية (AGS)، مثلًا 08222000 لمدينة مانهايم.",
						"کد رسمی هشت‌رقمی شهر (AGS)، مثلاً 08222000 برای مانهایم.",
						"Les 8 chiffres du code officiel de la commune (AGS), par ex. 08222000 pour Mannheim.",
					),
				},
				{
					Key: "azr_number", Type: TypeString, Restricted: true,
					Label: T("AZR-Nummer (Ausländerzentralregister)", "AZR number (Central Register of Foreigners)", "رقم السجل المركزي للأجانب (AZR)", "شمارهٔ ثبت مرکزی اتباع خارجی (AZR)", "Numéro AZR (registre central des étrangers)"),
					Help:  onlyIfNeeded,
				},
				{
					Key: "bamf_file_number", Type: TypeString, Restricted: true,
					Label: T("Aktenzeichen des BAMF", "BAMF file number", "رقم الملف لدى BAMF", "شمارهٔ پرونده در BAMF", "Numéro de dossier du BAMF"),
					Help:  onlyIfNeeded,
				},
			},
		},
		{
			Key:    "residence",
			Letter: "B",
			Label:  T("Aufenthalt und Arbeitserlaubnis", "Residence and permission to work", "الإقامة وإذن العمل", "اقامت و اجازهٔ کار", "Séjour et autorisation de travail"),
			Help: T(
				"Angaben zum Aufenthalt werden nur mit Ihrer Zustimmung und nur so weit nötig weitergegeben.",
				"Details of your residence are only shared with your consent and only as far as needed.",
				"لا تتم مشاركة بيانات الإقامة إلا بموافقتك وبالقدر اللازم فقط.",
				"اطلاعات اقامت فقط با رضایت شما و فقط به اندازهٔ لازم به اشتراک گذاشته می‌شود.",
				"Les informations sur votre séjour ne sont transmises qu'avec votre accord et seulement dans la mesure nécessaire.",
			),
			Fields: []Field{
				{
					Key: "residence_status", Type: TypeCode, CodeList: "residence_status", Restricted: true,
					Label: T("Aufenthaltsstatus", "Residence status", "وضع الإقامة", "وضعیت اقامت", "Statut de séjour"),
					Help: T(
						"Wie im aktuellen Aufenthaltsdokument angegeben.",
						"As stated in your current residence document.",
						"كما هو مذكور في وثيقة الإقامة الحالية.",
						"مطابق مدرک اقامت فعلی شما.",
						"Tel qu'indiqué sur votre document de séjour actuel.",
					),
				},
				{
					Key: "residence_valid_until", Type: TypeDate, Restricted: true,
					Label: T("Aufenthaltsdokument gültig bis", "Residence document valid until", "وثيقة الإقامة صالحة حتى", "اعتبار مدرک اقامت تا", "Document de séjour valable jusqu'au"),
					Help: T(
						"Damit rechtzeitig an die Verlängerung erinnert werden kann.",
						"So that you can be reminded in time to renew it.",
						"لتذكيرك بالتجديد في الوقت المناسب.",
						"برای یادآوری به‌موقع تمدید.",
						"Pour vous rappeler à temps de le faire renouveler.",
					),
				},
				{
					Key: "work_permission", Type: TypeCode, CodeList: "work_permission",
					Label: T("Erwerbstätigkeit", "Permission to work", "إذن العمل", "اجازهٔ کار", "Autorisation de travail"),
					Help: T(
						"Steht im Aufenthaltsdokument oder im Zusatzblatt, z. B. „Erwerbstätigkeit erlaubt“.",
						"Stated in your residence document or its supplementary sheet, e.g. “Erwerbstätigkeit erlaubt”.",
						"مذكور في وثيقة الإقامة أو في الورقة الملحقة بها، مثلًا «Erwerbstätigkeit erlaubt».",
						"در مدرک اقامت یا برگهٔ ضمیمهٔ آن نوشته شده است، مثلاً «Erwerbstätigkeit erlaubt».",
						"Indiqué sur votre document de séjour ou sa feuille complémentaire, par ex. « Erwerbstätigkeit erlaubt ».",
					),
				},
				{
					Key: "residence_obligation", Type: TypeBool, Restricted: true,
					Label: T("Wohnsitzregelung (§ 12a AufenthG)", "Residence rule (§ 12a AufenthG)", "إلزام السكن في مكان محدد (§ 12a AufenthG)", "الزام سکونت در محل معین (§ 12a AufenthG)", "Obligation de résidence (§ 12a AufenthG)"),
					Help: T(
						"Müssen Sie an einem bestimmten Ort wohnen (Wohnsitzauflage)?",
						"Are you required to live in a particular place?",
						"هل أنت ملزم بالسكن في مكان معين؟",
						"آیا موظف هستید در محل مشخصی زندگی کنید؟",
						"Êtes-vous tenu(e) de résider dans un lieu déterminé ?",
					),
				},
				{
					Key: "residence_obligation_place", Type: TypeString, Restricted: true,
					Label: T("Ort der Wohnsitzregelung", "Place you must live in", "المكان المحدد للسكن", "محل تعیین‌شده برای سکونت", "Lieu de résidence imposé"),
					Help: T(
						"Gemeinde, Kreis oder Bundesland, wie im Bescheid.",
						"Municipality, district or federal state, as in the decision.",
						"البلدية أو المقاطعة أو الولاية، كما في القرار.",
						"شهر، شهرستان یا ایالت، مطابق حکم.",
						"Commune, arrondissement ou Land, comme indiqué dans la décision.",
					),
				},
			},
		},
		{
			Key:    "family",
			Letter: "C",
			Label:  T("Familie und Haushalt", "Family and household", "العائلة والأسرة المعيشية", "خانواده و خانوار", "Famille et ménage"),
			Fields: []Field{
				{
					Key: "marital_status", Type: TypeCode, CodeList: "marital_status",
					Label: T("Familienstand", "Marital status", "الحالة الاجتماعية", "وضعیت تأهل", "Situation familiale"),
				},
				{
					Key: "household", Type: TypeList,
					Label: T("Familienangehörige in Deutschland", "Family members in Germany", "أفراد العائلة في ألمانيا", "اعضای خانواده در آلمان", "Membres de la famille en Allemagne"),
					Help: T(
						"Alle Familienangehörigen in Deutschland, auch wenn sie nicht bei Ihnen wohnen. Namen werden nicht gebraucht.",
						"All family members in Germany, even if they do not live with you. Names are not needed.",
						"جميع أفراد العائلة في ألمانيا، حتى إن لم يسكنوا معك. لا حاجة إلى ذكر الأسماء.",
						"همهٔ اعضای خانواده در آلمان، حتی اگر با شما زندگی نمی‌کنند. نوشتن نام لازم نیست.",
						"Tous les membres de la famille en Allemagne, même s'ils ne vivent pas avec vous. Les noms ne sont pas nécessaires.",
					),
					Item: []Field{
						{
							Key: "relation", Type: TypeCode, CodeList: "household_relation", Required: true,
							Label: T("Verwandtschaftsverhältnis", "Relationship", "صلة القرابة", "نسبت", "Lien de parenté"),
						},
						{
							Key: "birth_year", Type: TypeInt, Min: 1900, Max: 2100,
							Label: T("Geburtsjahr", "Year of birth", "سنة الميلاد", "سال تولد", "Année de naissance"),
						},
						{
							Key: "same_household", Type: TypeBool,
							Label: T("Lebt im selben Haushalt", "Lives in the same household", "يعيش في المنزل نفسه", "در همان خانوار زندگی می‌کند", "Vit dans le même ménage"),
						},
						{
							Key: "care_status", Type: TypeCode, CodeList: "child_care",
							Label: T("Betreuung oder Schule (bei Kindern)", "Childcare or school (for children)", "الرعاية أو المدرسة (للأطفال)", "مهدکودک یا مدرسه (برای کودکان)", "Garde ou école (pour les enfants)"),
						},
						{
							Key: "profile_link", Type: TypeString,
							Label: T("Eigenes mobio-Profil", "Own mobio profile", "ملف شخصي خاص في mobio", "پروفایل شخصی در mobio", "Profil mobio personnel"),
							Help: T(
								"Nur wenn die Person ein eigenes Profil hat und damit einverstanden ist.",
								"Only if the person has their own profile and agrees.",
								"فقط إذا كان للشخص ملف شخصي خاص به ووافق على ذلك.",
								"فقط اگر آن شخص پروفایل شخصی دارد و موافق است.",
								"Seulement si la personne a son propre profil et est d'accord.",
							),
						},
					},
				},
				{
					Key: "family_abroad", Type: TypeBool,
					Label: T("Familienangehörige außerhalb Deutschlands", "Family members outside Germany", "أفراد من العائلة خارج ألمانيا", "اعضای خانواده در خارج از آلمان", "Membres de la famille hors d'Allemagne"),
				},
				{
					Key: "family_reunification", Type: TypeCode, CodeList: "family_reunification",
					Label: T("Familiennachzug", "Family reunification", "لمّ شمل الأسرة", "پیوستن خانواده", "Regroupement familial"),
				},
				{
					Key: "care_responsibilities", Type: TypeBool,
					Label: T("Betreuungs- oder Pflegeaufgaben", "Care responsibilities", "مسؤوليات رعاية", "مسئولیت مراقبت", "Responsabilités de garde ou de soins"),
					Help: T(
						"Betreuen oder pflegen Sie Kinder oder Angehörige so, dass Sie weniger Zeit für Kurs oder Arbeit haben?",
						"Do you look after children or relatives in a way that limits your time for courses or work?",
						"هل ترعى أطفالًا أو أقارب بشكل يقلل وقتك المتاح للدورات أو العمل؟",
						"آیا از کودکان یا بستگان مراقبت می‌کنید، به‌طوری که وقت کمتری برای دوره یا کار دارید؟",
						"Vous occupez-vous d'enfants ou de proches au point d'avoir moins de temps pour un cours ou un travail ?",
					),
				},
				{
					Key: "care_hours_band", Type: TypeCode, CodeList: "care_hours_band",
					Label: T("Zeitaufwand für Betreuung pro Woche", "Time spent on care per week", "وقت الرعاية في الأسبوع", "زمان مراقبت در هفته", "Temps consacré aux soins par semaine"),
				},
			},
		},
		{
			Key:    "living",
			Letter: "D",
			Label:  T("Lebenssituation", "Living situation", "الوضع المعيشي", "وضعیت زندگی", "Conditions de vie"),
			Fields: []Field{
				{
					Key: "housing_type", Type: TypeCode, CodeList: "housing_type",
					Label: T("Wohnform", "Type of housing", "نوع السكن", "نوع مسکن", "Type de logement"),
				},
				{
					Key: "looking_for_housing", Type: TypeBool,
					Label: T("Auf Wohnungssuche", "Looking for housing", "البحث عن سكن", "در جستجوی مسکن", "À la recherche d'un logement"),
				},
				{
					Key: "benefits", Type: TypeCodes, CodeList: "benefit", Restricted: true,
					Label: T("Lebensunterhalt und Leistungen", "Livelihood and benefits", "مصادر المعيشة والإعانات", "منابع معیشت و کمک‌هزینه‌ها", "Moyens de subsistance et prestations"),
					Help: T(
						"Alles auswählen, was zutrifft. Diese Angabe wird nur weitergegeben, wenn es nötig ist.",
						"Select all that apply. This is only shared when it is needed.",
						"اختر كل ما ينطبق. لا تتم مشاركة هذه المعلومة إلا عند الحاجة.",
						"همهٔ موارد مربوط را انتخاب کنید. این اطلاعات فقط در صورت لزوم به اشتراک گذاشته می‌شود.",
						"Cochez tout ce qui s'applique. Cette information n'est transmise que si nécessaire.",
					),
				},
				{
					Key: "driving_licence_classes", Type: TypeCodes, CodeList: "driving_licence_class",
					Label: T("Führerscheinklassen", "Driving licence categories", "فئات رخصة القيادة", "رده‌های گواهینامهٔ رانندگی", "Catégories de permis de conduire"),
					Help: T(
						"Klassen wie im deutschen oder EU-Führerschein, z. B. B für Pkw.",
						"Categories as in a German or EU licence, e.g. B for cars.",
						"الفئات كما في رخصة القيادة الألمانية أو الأوروبية، مثلًا B للسيارات.",
						"رده‌ها مطابق گواهینامهٔ آلمانی یا اروپایی، مثلاً B برای خودروی سواری.",
						"Catégories comme sur un permis allemand ou européen, par ex. B pour les voitures.",
					),
				},
				{
					Key: "licence_country", Type: TypeCode, CodeList: ListCountry,
					Label: T("Ausstellungsland des Führerscheins", "Country that issued the licence", "بلد إصدار رخصة القيادة", "کشور صادرکنندهٔ گواهینامه", "Pays de délivrance du permis"),
				},
				{
					Key: "licence_conversion", Type: TypeCode, CodeList: "licence_conversion",
					Label: T("Umschreibung in einen deutschen Führerschein", "Conversion to a German licence", "تحويل الرخصة إلى رخصة ألمانية", "تبدیل به گواهینامهٔ آلمانی", "Conversion en permis allemand"),
					Help: T(
						"Ein Führerschein aus einem Staat außerhalb von EU und EWR gilt in Deutschland nur 6 Monate nach der Wohnsitznahme; danach muss er umgeschrieben werden.",
						"A licence from outside the EU and EEA is valid in Germany for only 6 months after you take up residence; after that it must be converted.",
						"رخصة القيادة الصادرة من خارج الاتحاد الأوروبي والمنطقة الاقتصادية الأوروبية صالحة في ألمانيا لمدة 6 أشهر فقط بعد الإقامة، وبعدها يجب تحويلها.",
						"گواهینامهٔ کشوری خارج از اتحادیهٔ اروپا و منطقهٔ اقتصادی اروپا فقط تا ۶ ماه پس از سکونت در آلمان معتبر است؛ پس از آن باید تبدیل شود.",
						"Un permis délivré hors de l'UE et de l'EEE n'est valable en Allemagne que 6 mois après l'installation ; ensuite, il doit être converti.",
					),
				},
				{
					Key: "public_transport_ticket", Type: TypeBool,
					Label: T("Fahrkarte für Bus und Bahn", "Public transport ticket", "تذكرة مواصلات عامة", "بلیت حمل‌ونقل عمومی", "Abonnement de transports en commun"),
					Help: T(
						"Zum Beispiel Deutschlandticket oder Monatskarte.",
						"For example a Deutschlandticket or a monthly pass.",
						"مثلًا تذكرة ألمانيا (Deutschlandticket) أو اشتراك شهري.",
						"مثلاً Deutschlandticket یا بلیت ماهانه.",
						"Par exemple le Deutschlandticket ou un abonnement mensuel.",
					),
				},
				{
					Key: "smartphone", Type: TypeBool,
					Label: T("Eigenes Smartphone", "Own smartphone", "هاتف ذكي خاص", "گوشی هوشمند شخصی", "Smartphone personnel"),
				},
				{
					Key: "laptop", Type: TypeBool,
					Label: T("Eigener Laptop oder Computer", "Own laptop or computer", "حاسوب محمول أو حاسوب خاص", "لپ‌تاپ یا رایانهٔ شخصی", "Ordinateur personnel"),
				},
				{
					Key: "internet_at_home", Type: TypeBool,
					Label: T("Internet zu Hause", "Internet at home", "إنترنت في المنزل", "اینترنت در خانه", "Internet à domicile"),
				},
				{
					Key: "email_account", Type: TypeBool,
					Label: T("Eigenes E-Mail-Konto", "Own e-mail account", "حساب بريد إلكتروني خاص", "حساب ایمیل شخصی", "Compte e-mail personnel"),
				},
				{
					Key: "interests", Type: TypeText,
					Label: T("Interessen und Hobbys", "Interests and hobbies", "الاهتمامات والهوايات", "علایق و سرگرمی‌ها", "Centres d'intérêt et loisirs"),
					Help: T(
						"Zum Beispiel Fußball, Kochen, Nähen, Musik.",
						"For example football, cooking, sewing, music.",
						"مثلًا كرة القدم، الطبخ، الخياطة، الموسيقى.",
						"مثلاً فوتبال، آشپزی، خیاطی، موسیقی.",
						"Par exemple football, cuisine, couture, musique.",
					),
				},
				{
					Key: "volunteering", Type: TypeText,
					Label: T("Ehrenamtliches Engagement", "Volunteering", "العمل التطوعي", "فعالیت داوطلبانه", "Bénévolat"),
					Help: T(
						"Was Sie ehrenamtlich tun oder gern tun würden, in Deutschland oder früher.",
						"What you do or would like to do as a volunteer, in Germany or before.",
						"ما تقوم به أو ترغب في القيام به تطوعًا، في ألمانيا أو سابقًا.",
						"کارهای داوطلبانه‌ای که انجام می‌دهید یا دوست دارید انجام دهید، در آلمان یا پیش از آن.",
						"Ce que vous faites ou aimeriez faire comme bénévole, en Allemagne ou auparavant.",
					),
				},
				{
					Key: "clubs", Type: TypeText,
					Label: T("Mitgliedschaft in Vereinen", "Club memberships", "العضوية في النوادي والجمعيات", "عضویت در باشگاه‌ها و انجمن‌ها", "Adhésion à des associations"),
					Help: T(
						"Nur die Art des Vereins, z. B. Sportverein oder Musikverein. Religiöse Gemeinschaften werden nicht erfasst.",
						"Only the kind of club, e.g. sports club or music society. Religious communities are not recorded.",
						"نوع النادي أو الجمعية فقط، مثلًا نادٍ رياضي أو جمعية موسيقية. لا تُسجَّل الجماعات الدينية.",
						"فقط نوع باشگاه یا انجمن را بنویسید، مثلاً باشگاه ورزشی یا انجمن موسیقی. جوامع دینی ثبت نمی‌شوند.",
						"Seulement le type d'association, par ex. club sportif ou société de musique. Les communautés religieuses ne sont pas enregistrées.",
					),
				},
			},
		},
		{
			Key:             "support_needs",
			SpecialCategory: true,
			Label:           T("Unterstützungsbedarf (freiwillig)", "Support needs (optional)", "احتياجات الدعم (اختياري)", "نیاز به حمایت (اختیاری)", "Besoins d'accompagnement (facultatif)"),
			Help: T(
				"Freiwillig. Diese Angaben werden nur mit Ihrer gesonderten Einwilligung gespeichert, sind nur für Sie und Ihre zuständige Beratung sichtbar und werden nie weitergegeben oder in Berichten verwendet. Geben Sie nur an, was für die Planung (Arbeit, Kurse, Wohnen) wichtig ist – keine Diagnosen.",
				"Optional. This information is stored only with your separate consent, is visible only to you and your counsellor, and is never shared or used in reports. Only state what matters for planning (work, courses, housing) – no diagnoses.",
				"اختياري. لا تُحفظ هذه البيانات إلا بموافقتك المنفصلة، ولا يراها سواك وسوى مستشارك المسؤول، ولا تُشارَك أبدًا ولا تُستخدم في التقارير. اذكر فقط ما يهم للتخطيط (العمل، الدورات، السكن)، دون ذكر تشخيصات طبية.",
				"اختیاری. این اطلاعات فقط با رضایت جداگانهٔ شما ذخیره می‌شود، فقط برای شما و مشاور مسئولتان قابل مشاهده است و هرگز با دیگران به اشتراک گذاشته نمی‌شود یا در گزارش‌ها به کار نمی‌رود. فقط آنچه را برای برنامه‌ریزی (کار، دوره‌ها، مسکن) مهم است بنویسید، بدون تشخیص پزشکی.",
				"Facultatif. Ces informations ne sont enregistrées qu'avec votre consentement distinct, ne sont visibles que par vous et votre conseiller ou conseillère, et ne sont jamais transmises ni utilisées dans des rapports. Indiquez seulement ce qui compte pour la planification (travail, cours, logement), sans diagnostic.",
			),
			Fields: []Field{
				{
					Key: "health_limitation", Type: TypeBool,
					Label: T("Gesundheitliche Einschränkung, die für Arbeit oder Kurs wichtig ist", "Health limitation relevant for work or courses", "قيود صحية مهمة للعمل أو الدورات", "محدودیت سلامتی مهم برای کار یا دوره", "Limitation de santé importante pour le travail ou les cours"),
					Help: T(
						"Nur ja oder nein, keine Diagnose. Sie müssen diese Frage nicht beantworten.",
						"Only yes or no, no diagnosis. You do not have to answer this question.",
						"نعم أو لا فقط، دون تشخيص. لست مضطرًا للإجابة عن هذا السؤال.",
						"فقط بله یا خیر، بدون تشخیص پزشکی. لازم نیست به این سؤال پاسخ دهید.",
						"Seulement oui ou non, sans diagnostic. Vous n'êtes pas obligé(e) de répondre à cette question.",
					),
				},
				{
					Key: "severe_disability", Type: TypeBool,
					Label: T("Schwerbehinderung anerkannt", "Recognised severe disability", "إعاقة شديدة معترف بها", "معلولیت شدید تأییدشده", "Handicap grave reconnu"),
					Help: T(
						"Mit Bescheid oder Schwerbehindertenausweis (ab einem Grad der Behinderung von 50).",
						"With an official notice or a severe disability card (degree of disability 50 or more).",
						"بموجب قرار رسمي أو بطاقة الإعاقة الشديدة (درجة إعاقة 50 أو أكثر).",
						"با حکم رسمی یا کارت معلولیت شدید (درجهٔ معلولیت ۵۰ یا بیشتر).",
						"Attesté par une décision officielle ou une carte de personne gravement handicapée (taux de 50 ou plus).",
					),
				},
				{
					Key: "disability_degree", Type: TypeInt, Min: 20, Max: 100,
					Label: T("Grad der Behinderung (GdB)", "Degree of disability (GdB)", "درجة الإعاقة (GdB)", "درجهٔ معلولیت (GdB)", "Taux de handicap (GdB)"),
					Help: T(
						"Wie im Bescheid angegeben: 20 bis 100 in Zehnerschritten.",
						"As in the official notice: 20 to 100 in steps of 10.",
						"كما في القرار الرسمي: من 20 إلى 100 بخطوات من 10.",
						"مطابق حکم رسمی: از ۲۰ تا ۱۰۰ در گام‌های ۱۰تایی.",
						"Comme indiqué dans la décision : de 20 à 100 par paliers de 10.",
					),
				},
				{
					Key: "accessibility_needs", Type: TypeText,
					Label: T("Bedarf an Barrierefreiheit", "Accessibility needs", "احتياجات إمكانية الوصول", "نیازهای دسترسی‌پذیری", "Besoins d'accessibilité"),
					Help: T(
						"Zum Beispiel stufenloser Zugang, Gebärdensprachdolmetschen, große Schrift.",
						"For example step-free access, sign language interpreting, large print.",
						"مثلًا مدخل بلا درجات، ترجمة بلغة الإشارة، خط كبير.",
						"مثلاً ورودی بدون پله، مترجم زبان اشاره، متن با حروف درشت.",
						"Par exemple accès de plain-pied, interprétation en langue des signes, gros caractères.",
					),
				},
				{
					Key: "other_support_needs", Type: TypeText,
					Label: T("Weiterer Unterstützungsbedarf für die Planung", "Other support needs relevant for planning", "احتياجات دعم أخرى مهمة للتخطيط", "سایر نیازهای حمایتی مهم برای برنامه‌ریزی", "Autres besoins d'accompagnement utiles à la planification"),
					Help: T(
						"Zum Beispiel nur vormittags möglich, kein schweres Heben. Bitte keine Diagnosen.",
						"For example only possible in the mornings, no heavy lifting. Please no diagnoses.",
						"مثلًا: ممكن في الصباح فقط، لا يمكن حمل أوزان ثقيلة. يُرجى عدم ذكر تشخيصات.",
						"مثلاً فقط صبح‌ها امکان‌پذیر است، یا بلند کردن بار سنگین ممکن نیست. لطفاً تشخیص پزشکی ننویسید.",
						"Par exemple possible seulement le matin, pas de port de charges lourdes. Merci de ne pas indiquer de diagnostic.",
					),
				},
			},
		},
	}
}

func personCodeLists() []*CodeList {
	return []*CodeList{
		{
			Key:   "gender",
			Label: T("Geschlecht", "Gender", "الجنس", "جنسیت", "Sexe"),
			Codes: []Code{
				{"m", T("männlich", "male", "ذكر", "مرد", "masculin")},
				{"w", T("weiblich", "female", "أنثى", "زن", "féminin")},
				{"d", T("divers", "diverse", "متنوع (divers)", "سایر (divers)", "divers")},
				{"ohne_angabe", T("ohne Angabe", "no entry", "بدون تحديد", "بدون درج", "sans mention")},
			},
		},
		{
			Key:   "messenger",
			Label: T("Messenger", "Messenger", "تطبيق المراسلة", "پیام‌رسان", "Messagerie"),
			Codes: []Code{
				{"WHATSAPP", T("WhatsApp", "WhatsApp", "واتساب", "واتس‌اپ", "WhatsApp")},
				{"SIGNAL", T("Signal", "Signal", "سيغنال", "سیگنال", "Signal")},
				{"TELEGRAM", T("Telegram", "Telegram", "تيليغرام", "تلگرام", "Telegram")},
				{"THREEMA", T("Threema", "Threema", "ثريما", "تریما", "Threema")},
				{"VIBER", T("Viber", "Viber", "فايبر", "وایبر", "Viber")},
				{"IMO", T("imo", "imo", "إيمو", "ایمو", "imo")},
				{"FACEBOOK_MESSENGER", T("Facebook Messenger", "Facebook Messenger", "ماسنجر فيسبوك", "مسنجر فیسبوک", "Facebook Messenger")},
				{"SMS", T("SMS", "text message (SMS)", "رسالة نصية (SMS)", "پیامک (SMS)", "SMS")},
				{"OTHER", T("anderer Messenger", "other messenger", "تطبيق آخر", "پیام‌رسان دیگر", "autre messagerie")},
			},
		},
		{
			Key:   "stage",
			Label: T("Unterbringungsphase", "Accommodation stage", "مرحلة السكن", "مرحلهٔ اسکان", "Phase d'hébergement"),
			Codes: []Code{
				{"VU", T("vorläufige Unterbringung (VU)", "initial accommodation (VU)", "السكن المؤقت (VU)", "اسکان موقت (VU)", "hébergement provisoire (VU)")},
				{"AU", T("Anschlussunterbringung (AU)", "follow-up accommodation (AU)", "السكن اللاحق (AU)", "اسکان بعدی (AU)", "hébergement de suivi (AU)")},
			},
		},
		{
			Key:   "residence_status",
			Label: T("Aufenthaltsstatus", "Residence status", "وضع الإقامة", "وضعیت اقامت", "Statut de séjour"),
			Codes: []Code{
				{"ANKUNFTSNACHWEIS", T(
					"Ankunftsnachweis (§ 63a AsylG)",
					"Proof of arrival (§ 63a AsylG)",
					"إثبات الوصول (§ 63a AsylG)",
					"گواهی ورود (§ 63a AsylG)",
					"Attestation d'arrivée (§ 63a AsylG)")},
				{"GESTATTUNG", T(
					"Aufenthaltsgestattung (§ 55 AsylG)",
					"Permission to reside during the asylum procedure (§ 55 AsylG)",
					"إذن الإقامة أثناء إجراءات اللجوء (§ 55 AsylG)",
					"اجازهٔ اقامت در طول روند پناهندگی (§ 55 AsylG)",
					"Autorisation de séjour pendant la procédure d'asile (§ 55 AsylG)")},
				{"AE_25_1", T(
					"Aufenthaltserlaubnis – Asylberechtigung (§ 25 Abs. 1 AufenthG)",
					"Residence permit – entitlement to asylum (§ 25 Abs. 1 AufenthG)",
					"تصريح إقامة – حق اللجوء (§ 25 Abs. 1 AufenthG)",
					"اجازهٔ اقامت – حق پناهندگی (§ 25 Abs. 1 AufenthG)",
					"Titre de séjour – droit d'asile (§ 25 Abs. 1 AufenthG)")},
				{"AE_25_2_GFK", T(
					"Aufenthaltserlaubnis – Flüchtlingseigenschaft nach der GFK (§ 25 Abs. 2 AufenthG)",
					"Residence permit – refugee status under the Geneva Convention (§ 25 Abs. 2 AufenthG)",
					"تصريح إقامة – صفة اللاجئ وفق اتفاقية جنيف (§ 25 Abs. 2 AufenthG)",
					"اجازهٔ اقامت – وضعیت پناهندگی طبق کنوانسیون ژنو (§ 25 Abs. 2 AufenthG)",
					"Titre de séjour – statut de réfugié selon la Convention de Genève (§ 25 Abs. 2 AufenthG)")},
				{"AE_25_2_SUBSIDIAER", T(
					"Aufenthaltserlaubnis – subsidiärer Schutz (§ 25 Abs. 2 AufenthG)",
					"Residence permit – subsidiary protection (§ 25 Abs. 2 AufenthG)",
					"تصريح إقامة – الحماية الفرعية (§ 25 Abs. 2 AufenthG)",
					"اجازهٔ اقامت – حمایت تکمیلی (§ 25 Abs. 2 AufenthG)",
					"Titre de séjour – protection subsidiaire (§ 25 Abs. 2 AufenthG)")},
				{"AE_25_3", T(
					"Aufenthaltserlaubnis – Abschiebungsverbot (§ 25 Abs. 3 AufenthG)",
					"Residence permit – ban on deportation (§ 25 Abs. 3 AufenthG)",
					"تصريح إقامة – حظر الترحيل (§ 25 Abs. 3 AufenthG)",
					"اجازهٔ اقامت – ممنوعیت اخراج (§ 25 Abs. 3 AufenthG)",
					"Titre de séjour – interdiction d'éloignement (§ 25 Abs. 3 AufenthG)")},
				{"AE_24", T(
					"Aufenthaltserlaubnis – vorübergehender Schutz (§ 24 AufenthG)",
					"Residence permit – temporary protection (§ 24 AufenthG)",
					"تصريح إقامة – الحماية المؤقتة (§ 24 AufenthG)",
					"اجازهٔ اقامت – حمایت موقت (§ 24 AufenthG)",
					"Titre de séjour – protection temporaire (§ 24 AufenthG)")},
				{"AE_22_23", T(
					"Aufenthaltserlaubnis – Aufnahme aus dem Ausland / Resettlement (§§ 22, 23 AufenthG)",
					"Residence permit – admission from abroad / resettlement (§§ 22, 23 AufenthG)",
					"تصريح إقامة – القبول من الخارج / إعادة التوطين (§§ 22, 23 AufenthG)",
					"اجازهٔ اقامت – پذیرش از خارج / اسکان مجدد (§§ 22, 23 AufenthG)",
					"Titre de séjour – admission depuis l'étranger / réinstallation (§§ 22, 23 AufenthG)")},
				{"AE_25A_25B", T(
					"Aufenthaltserlaubnis – Bleiberecht (§§ 25a, 25b AufenthG)",
					"Residence permit – right to remain for well-integrated persons (§§ 25a, 25b AufenthG)",
					"تصريح إقامة – حق البقاء للمندمجين جيدًا (§§ 25a, 25b AufenthG)",
					"اجازهٔ اقامت – حق ماندن به دلیل ادغام موفق (§§ 25a, 25b AufenthG)",
					"Titre de séjour – droit au maintien pour personnes bien intégrées (§§ 25a, 25b AufenthG)")},
				{"AE_104C", T(
					"Chancen-Aufenthaltsrecht (§ 104c AufenthG)",
					"Opportunity residence permit (§ 104c AufenthG)",
					"حق إقامة الفرصة (§ 104c AufenthG)",
					"حق اقامت فرصت (§ 104c AufenthG)",
					"Droit de séjour « opportunité » (§ 104c AufenthG)")},
				{"AE_OTHER", T(
					"sonstige Aufenthaltserlaubnis (z. B. Ausbildung, Beschäftigung, Familie)",
					"other residence permit (e.g. training, employment, family)",
					"تصريح إقامة آخر (مثلًا للتدريب أو العمل أو لأسباب عائلية)",
					"سایر اجازه‌های اقامت (مثلاً برای آموزش، کار یا خانواده)",
					"autre titre de séjour (par ex. formation, emploi, famille)")},
				{"DULDUNG_60A", T(
					"Duldung (§ 60a AufenthG)",
					"Toleration – temporary suspension of deportation (§ 60a AufenthG)",
					"تعليق مؤقت للترحيل – Duldung (§ 60a AufenthG)",
					"تعلیق موقت اخراج – Duldung (§ 60a AufenthG)",
					"Tolérance – suspension temporaire de l'éloignement (§ 60a AufenthG)")},
				{"DULDUNG_60C", T(
					"Ausbildungsduldung (§ 60c AufenthG)",
					"Toleration for vocational training (§ 60c AufenthG)",
					"تعليق الترحيل لأجل التدريب المهني (§ 60c AufenthG)",
					"تعلیق اخراج برای آموزش حرفه‌ای (§ 60c AufenthG)",
					"Tolérance pour formation professionnelle (§ 60c AufenthG)")},
				{"DULDUNG_60D", T(
					"Beschäftigungsduldung (§ 60d AufenthG)",
					"Toleration for employment (§ 60d AufenthG)",
					"تعليق الترحيل لأجل العمل (§ 60d AufenthG)",
					"تعلیق اخراج برای اشتغال (§ 60d AufenthG)",
					"Tolérance pour emploi (§ 60d AufenthG)")},
				{"NIEDERLASSUNG", T(
					"Niederlassungserlaubnis oder Daueraufenthalt – EU",
					"Settlement permit or EU long-term residence",
					"تصريح الاستقرار أو الإقامة الدائمة في الاتحاد الأوروبي",
					"اجازهٔ اقامت دائم یا اقامت بلندمدت اتحادیهٔ اروپا",
					"Permis d'établissement ou résident de longue durée – UE")},
				{"EINGEBUERGERT", T(
					"eingebürgert (deutsche Staatsangehörigkeit)",
					"naturalised (German citizen)",
					"حاصل على الجنسية الألمانية بالتجنس",
					"تابعیت آلمان را دریافت کرده است",
					"naturalisé(e) (nationalité allemande)")},
			},
		},
		{
			Key:   "work_permission",
			Label: T("Erlaubnis zur Erwerbstätigkeit", "Permission to work", "إذن العمل", "اجازهٔ کار", "Autorisation de travail"),
			Codes: []Code{
				{"ERWERBSTAETIGKEIT_GESTATTET", T("Erwerbstätigkeit erlaubt", "work permitted (employed or self-employed)", "العمل مسموح (بأجر أو لحسابك الخاص)", "اشتغال مجاز است", "activité professionnelle autorisée")},
				{"BESCHAEFTIGUNG_MIT_ERLAUBNIS_ABH", T("Beschäftigung nur mit Erlaubnis der Ausländerbehörde", "employment only with permission of the foreigners authority", "العمل فقط بإذن من دائرة الأجانب", "اشتغال فقط با اجازهٔ ادارهٔ اتباع خارجی", "emploi uniquement avec l'autorisation du service des étrangers")},
				{"NICHT_GESTATTET", T("Erwerbstätigkeit nicht erlaubt", "work not permitted", "العمل غير مسموح", "اشتغال مجاز نیست", "activité professionnelle non autorisée")},
			},
		},
		{
			Key:   "marital_status",
			Label: T("Familienstand", "Marital status", "الحالة الاجتماعية", "وضعیت تأهل", "Situation familiale"),
			Codes: []Code{
				{"ledig", T("ledig", "single", "أعزب / عزباء", "مجرد", "célibataire")},
				{"verheiratet", T("verheiratet", "married", "متزوج / متزوجة", "متأهل", "marié(e)")},
				{"eingetragene_Partnerschaft", T("eingetragene Lebenspartnerschaft", "registered civil partnership", "شراكة حياة مسجلة", "شراکت زندگی ثبت‌شده", "partenariat enregistré")},
				{"getrennt", T("getrennt lebend", "separated", "منفصل / منفصلة", "جدا زندگی می‌کند", "séparé(e)")},
				{"geschieden", T("geschieden", "divorced", "مطلق / مطلقة", "طلاق گرفته", "divorcé(e)")},
				{"verwitwet", T("verwitwet", "widowed", "أرمل / أرملة", "همسر فوت کرده", "veuf / veuve")},
			},
		},
		{
			Key:   "household_relation",
			Label: T("Verwandtschaftsverhältnis", "Relationship", "صلة القرابة", "نسبت خانوادگی", "Lien de parenté"),
			Codes: []Code{
				{"Ehepartner", T("Ehe- oder Lebenspartner/in", "spouse or partner", "الزوج / الزوجة أو الشريك", "همسر یا شریک زندگی", "conjoint(e) ou partenaire")},
				{"Kind", T("Kind", "child", "ابن / ابنة", "فرزند", "enfant")},
				{"Elternteil", T("Mutter oder Vater", "parent", "الأم أو الأب", "مادر یا پدر", "mère ou père")},
				{"Geschwister", T("Bruder oder Schwester", "brother or sister", "أخ أو أخت", "برادر یا خواهر", "frère ou sœur")},
				{"sonstige", T("sonstige Person", "other person", "شخص آخر", "شخص دیگر", "autre personne")},
			},
		},
		{
			Key:   "child_care",
			Label: T("Betreuung und Schule von Kindern", "Childcare and school of children", "رعاية الأطفال ومدرستهم", "مراقبت و مدرسهٔ کودکان", "Garde et scolarité des enfants"),
			Codes: []Code{
				{"Kita", T("Kita (Kindertageseinrichtung)", "day-care centre (Kita)", "حضانة أو روضة أطفال (Kita)", "مهدکودک (Kita)", "crèche ou jardin d'enfants (Kita)")},
				{"Kindertagespflege", T("Kindertagespflege (Tagesmutter oder Tagesvater)", "childminder (Kindertagespflege)", "رعاية نهارية لدى مربية أطفال (Kindertagespflege)", "مراقبت روزانه نزد پرستار کودک (Kindertagespflege)", "assistante maternelle (Kindertagespflege)")},
				{"Grundschule", T("Grundschule", "primary school", "المدرسة الابتدائية", "دبستان", "école primaire")},
				{"VKL", T("Vorbereitungsklasse (VKL)", "preparatory class (VKL)", "صف تحضيري (VKL)", "کلاس آمادگی (VKL)", "classe préparatoire (VKL)")},
				{"weiterfuehrende_Schule", T("weiterführende Schule", "secondary school", "المدرسة الثانوية", "مدرسهٔ متوسطه", "école secondaire")},
				{"VABO", T("VABO (Vorqualifizierungsjahr Arbeit/Beruf mit Schwerpunkt Deutsch)", "VABO (pre-vocational year focused on learning German)", "VABO (سنة تأهيل مهني مع التركيز على تعلم الألمانية)", "VABO (سال پیش‌حرفه‌ای با تمرکز بر یادگیری زبان آلمانی)", "VABO (année préprofessionnelle axée sur l'apprentissage de l'allemand)")},
				{"Berufsschule", T("Berufsschule", "vocational school", "المدرسة المهنية", "مدرسهٔ حرفه‌ای", "école professionnelle")},
				{"keine_Betreuung", T("keine Betreuung", "no childcare", "بلا رعاية", "بدون مراقبت", "pas de garde")},
				{"Platz_gesucht", T("Betreuungs- oder Schulplatz gesucht", "looking for a childcare or school place", "البحث عن مكان في حضانة أو مدرسة", "در جستجوی جا در مهدکودک یا مدرسه", "recherche d'une place en garde ou à l'école")},
			},
		},
		{
			Key:   "family_reunification",
			Label: T("Familiennachzug", "Family reunification", "لمّ شمل الأسرة", "پیوستن خانواده", "Regroupement familial"),
			Codes: []Code{
				{"nein", T("nicht geplant", "not planned", "غير مخطط له", "برنامه‌ای ندارم", "non prévu")},
				{"geplant", T("geplant", "planned", "مخطط له", "برنامه‌ریزی شده", "prévu")},
				{"beantragt", T("beantragt", "applied for", "تم تقديم الطلب", "درخواست داده شده", "demandé")},
				{"erfolgt", T("erfolgt", "completed", "تم لمّ الشمل", "انجام شده", "réalisé")},
			},
		},
		{
			Key:   "care_hours_band",
			Label: T("Zeitaufwand für Betreuung pro Woche", "Time spent on care per week", "وقت الرعاية في الأسبوع", "زمان مراقبت در هفته", "Temps consacré aux soins par semaine"),
			Codes: []Code{
				{"UP_TO_10", T("bis 10 Stunden pro Woche", "up to 10 hours a week", "حتى 10 ساعات أسبوعيًا", "تا ۱۰ ساعت در هفته", "jusqu'à 10 heures par semaine")},
				{"11_TO_20", T("11 bis 20 Stunden pro Woche", "11 to 20 hours a week", "من 11 إلى 20 ساعة أسبوعيًا", "۱۱ تا ۲۰ ساعت در هفته", "de 11 à 20 heures par semaine")},
				{"21_TO_30", T("21 bis 30 Stunden pro Woche", "21 to 30 hours a week", "من 21 إلى 30 ساعة أسبوعيًا", "۲۱ تا ۳۰ ساعت در هفته", "de 21 à 30 heures par semaine")},
				{"OVER_30", T("mehr als 30 Stunden pro Woche", "more than 30 hours a week", "أكثر من 30 ساعة أسبوعيًا", "بیش از ۳۰ ساعت در هفته", "plus de 30 heures par semaine")},
			},
		},
		{
			Key:   "housing_type",
			Label: T("Wohnform", "Type of housing", "نوع السكن", "نوع مسکن", "Type de logement"),
			Codes: []Code{
				{"GU_VU", T("Gemeinschaftsunterkunft (vorläufige Unterbringung)", "shared accommodation (initial accommodation)", "سكن جماعي (السكن المؤقت)", "اقامتگاه جمعی (اسکان موقت)", "hébergement collectif (hébergement provisoire)")},
				{"GU_AU", T("Gemeinschaftsunterkunft (Anschlussunterbringung)", "shared accommodation (follow-up accommodation)", "سكن جماعي (السكن اللاحق)", "اقامتگاه جمعی (اسکان بعدی)", "hébergement collectif (hébergement de suivi)")},
				{"Wohnung_kommunal", T("Wohnung der Gemeinde", "flat provided by the municipality", "شقة تابعة للبلدية", "آپارتمانی که شهرداری در اختیار گذاشته", "logement fourni par la commune")},
				{"Mietwohnung_privat", T("private Mietwohnung", "privately rented flat", "شقة مستأجرة من مالك خاص", "آپارتمان اجاره‌ای خصوصی", "logement loué sur le marché privé")},
				{"bei_Verwandten", T("bei Verwandten", "with relatives", "عند الأقارب", "نزد بستگان", "chez des proches")},
				{"sonstiges", T("sonstige Wohnform", "other housing", "سكن من نوع آخر", "سایر انواع مسکن", "autre type de logement")},
			},
		},
		{
			Key:   "benefit",
			Label: T("Lebensunterhalt und Leistungen", "Livelihood and benefits", "مصادر المعيشة والإعانات", "منابع معیشت و کمک‌هزینه‌ها", "Moyens de subsistance et prestations"),
			Codes: []Code{
				{"AsylbLG", T("Leistungen nach dem Asylbewerberleistungsgesetz (AsylbLG)", "benefits under the Asylum Seekers' Benefits Act (AsylbLG)", "إعانات وفق قانون إعانات طالبي اللجوء (AsylbLG)", "کمک‌هزینه طبق قانون مزایای پناه‌جویان (AsylbLG)", "prestations au titre de la loi sur les prestations aux demandeurs d'asile (AsylbLG)")},
				{"SGB_II", T("Bürgergeld (SGB II)", "citizen's benefit – Bürgergeld (SGB II)", "إعانة المواطن – Bürgergeld (SGB II)", "Bürgergeld – کمک‌هزینهٔ شهروندی (SGB II)", "revenu citoyen – Bürgergeld (SGB II)")},
				{"SGB_XII", T("Sozialhilfe oder Grundsicherung (SGB XII)", "social assistance or basic income support (SGB XII)", "المساعدة الاجتماعية أو الضمان الأساسي (SGB XII)", "کمک اجتماعی یا تأمین پایه (SGB XII)", "aide sociale ou minimum social (SGB XII)")},
				{"SGB_III", T("Arbeitslosengeld (SGB III)", "unemployment benefit (SGB III)", "إعانة البطالة (SGB III)", "بیمهٔ بیکاری (SGB III)", "allocation chômage (SGB III)")},
				{"BAfoeG_BAB", T("BAföG oder Berufsausbildungsbeihilfe (BAB)", "student grant (BAföG) or vocational training allowance (BAB)", "منحة BAföG أو إعانة التدريب المهني (BAB)", "کمک‌هزینهٔ تحصیلی (BAföG) یا کمک‌هزینهٔ آموزش حرفه‌ای (BAB)", "bourse d'études (BAföG) ou aide à la formation professionnelle (BAB)")},
				{"Kindergeld", T("Kindergeld", "child benefit (Kindergeld)", "إعانة الأطفال (Kindergeld)", "کمک‌هزینهٔ فرزند (Kindergeld)", "allocations familiales (Kindergeld)")},
				{"Wohngeld", T("Wohngeld", "housing benefit (Wohngeld)", "إعانة السكن (Wohngeld)", "کمک‌هزینهٔ مسکن (Wohngeld)", "aide au logement (Wohngeld)")},
				{"eigenes_Einkommen", T("eigenes Einkommen", "own income", "دخل خاص", "درآمد شخصی", "revenus propres")},
				{"keine", T("keine Leistungen", "no benefits", "لا توجد إعانات", "بدون کمک‌هزینه", "aucune prestation")},
			},
		},
		{
			Key:      "driving_licence_class",
			Standard: "EU Directive 2006/126/EC; FeV (L, T)",
			Label:    T("Führerscheinklasse", "Driving licence category", "فئة رخصة القيادة", "ردهٔ گواهینامهٔ رانندگی", "Catégorie de permis de conduire"),
			Codes: []Code{
				{"AM", T("AM – Moped, Kleinkraftrad", "AM – moped", "AM – دراجة نارية صغيرة (موبيد)", "AM – موتور گازی", "AM – cyclomoteur")},
				{"A1", T("A1 – Leichtkraftrad bis 125 cm³", "A1 – light motorcycle up to 125 cc", "A1 – دراجة نارية خفيفة حتى 125 سم³", "A1 – موتورسیکلت سبک تا ۱۲۵ سی‌سی", "A1 – motocyclette légère jusqu'à 125 cm³")},
				{"A2", T("A2 – Motorrad bis 35 kW", "A2 – motorcycle up to 35 kW", "A2 – دراجة نارية حتى 35 كيلوواط", "A2 – موتورسیکلت تا ۳۵ کیلووات", "A2 – moto jusqu'à 35 kW")},
				{"A", T("A – Motorrad", "A – motorcycle", "A – دراجة نارية", "A – موتورسیکلت", "A – moto")},
				{"B", T("B – Pkw", "B – car", "B – سيارة", "B – خودروی سواری", "B – voiture")},
				{"BE", T("BE – Pkw mit Anhänger", "BE – car with trailer", "BE – سيارة مع مقطورة", "BE – خودروی سواری با یدک", "BE – voiture avec remorque")},
				{"C1", T("C1 – Lkw bis 7,5 t", "C1 – lorry up to 7.5 t", "C1 – شاحنة حتى 7.5 طن", "C1 – کامیون تا ۷٫۵ تن", "C1 – camion jusqu'à 7,5 t")},
				{"C1E", T("C1E – C1 mit Anhänger", "C1E – C1 with trailer", "C1E – C1 مع مقطورة", "C1E – C1 با یدک", "C1E – C1 avec remorque")},
				{"C", T("C – Lkw", "C – lorry", "C – شاحنة", "C – کامیون", "C – poids lourd")},
				{"CE", T("CE – Lkw mit Anhänger", "CE – lorry with trailer", "CE – شاحنة مع مقطورة", "CE – کامیون با یدک", "CE – poids lourd avec remorque")},
				{"D1", T("D1 – Kleinbus", "D1 – minibus", "D1 – حافلة صغيرة", "D1 – مینی‌بوس", "D1 – minibus")},
				{"D1E", T("D1E – D1 mit Anhänger", "D1E – D1 with trailer", "D1E – D1 مع مقطورة", "D1E – D1 با یدک", "D1E – D1 avec remorque")},
				{"D", T("D – Bus", "D – bus", "D – حافلة", "D – اتوبوس", "D – autobus")},
				{"DE", T("DE – Bus mit Anhänger", "DE – bus with trailer", "DE – حافلة مع مقطورة", "DE – اتوبوس با یدک", "DE – autobus avec remorque")},
				{"L", T("L – Zugmaschine für Land- und Forstwirtschaft bis 40 km/h", "L – agricultural or forestry tractor up to 40 km/h", "L – جرار زراعي أو حراجي حتى 40 كم/س", "L – تراکتور کشاورزی یا جنگلداری تا ۴۰ کیلومتر در ساعت", "L – tracteur agricole ou forestier jusqu'à 40 km/h")},
				{"T", T("T – Zugmaschine für Land- und Forstwirtschaft bis 60 km/h", "T – agricultural or forestry tractor up to 60 km/h", "T – جرار زراعي أو حراجي حتى 60 كم/س", "T – تراکتور کشاورزی یا جنگلداری تا ۶۰ کیلومتر در ساعت", "T – tracteur agricole ou forestier jusqu'à 60 km/h")},
			},
		},
		{
			Key:   "licence_conversion",
			Label: T("Umschreibung des Führerscheins", "Conversion of the driving licence", "تحويل رخصة القيادة", "تبدیل گواهینامهٔ رانندگی", "Conversion du permis de conduire"),
			Codes: []Code{
				{"NOT_NEEDED", T("nicht erforderlich", "not needed", "غير مطلوب", "لازم نیست", "pas nécessaire")},
				{"TO_BE_CONVERTED", T("muss umgeschrieben werden", "to be converted", "يجب تحويلها", "باید تبدیل شود", "à convertir")},
				{"CONVERTED", T("umgeschrieben", "converted", "تم التحويل", "تبدیل شده", "converti")},
				{"NOT_POSSIBLE", T("Umschreibung nicht möglich", "conversion not possible", "التحويل غير ممكن", "تبدیل ممکن نیست", "conversion impossible")},
			},
		},
	}
}
