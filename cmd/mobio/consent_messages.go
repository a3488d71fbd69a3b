package main

import "github.com/mobio-sync/mobio/crdt/schema"

// Messages of mobio consent and of the consent steps of mobio share (block 1000).
const (
	msgConsentReference msgID = 1000 + iota
	msgConsentReviewed
	msgConsentDraft
	msgConsentColVersion
	msgConsentColPurpose
	msgConsentColLanguages
	msgConsentColRecipient
	msgConsentColSections
	msgConsentColText
	msgConsentColGiven
	msgConsentColStatus
	msgConsentUnknownText
	msgConsentFallback
	msgConsentDraftWarning
	msgConsentReviewedBy
	msgConsentNoOperator
	msgConsentBadGivenBy
	msgConsentBadMethod
	msgConsentBadPurpose
	msgConsentNoSuchEntry
	msgConsentIdentity
	msgConsentConfirm
	msgConsentRefused
	msgConsentRecorded
	msgConsentNone
	msgConsentInForce
	msgConsentWithdrawnOn
	msgConsentWithdrawnNow
	msgConsentWasWithdrawn
	msgConsentSectionErased
	msgConsentResearchExcluded
	msgConsentRevokePending
	msgConsentMemberGone
	msgConsentMemberRevoked
	msgConsentPackagesHeader
	msgConsentPackageLine
	msgConsentPackagesPending
	msgConsentPackagesWithdrawn
	msgConsentOwnerMustErase
	msgConsentNotOwner
	msgConsentEraseHint
	msgConsentErased
	msgConsentNotInForce
	msgConsentNeedPurpose
	msgConsentEnd
)

func init() { registerMessages(msgConsentReference, msgConsentEnd, consentMessages) }

var consentMessages = map[msgID]schema.Text{
	msgConsentReference: T("verbindlich", "binding", "مُلزِمة", "الزام‌آور", "de référence"),
	msgConsentReviewed:  T("geprüft", "reviewed", "مُراجَعة", "بازبینی‌شده", "relu"),
	msgConsentDraft: T("Entwurf, nicht geprüft", "draft, not reviewed", "مسودة غير مُراجَعة", "پیش‌نویس، بازبینی‌نشده",
		"brouillon non relu"),
	msgConsentColVersion:   T("VERSION", "VERSION", "الإصدار", "نسخه", "VERSION"),
	msgConsentColPurpose:   T("ZWECK", "PURPOSE", "الغرض", "هدف", "FINALITÉ"),
	msgConsentColLanguages: T("SPRACHEN", "LANGUAGES", "اللغات", "زبان‌ها", "LANGUES"),
	msgConsentColRecipient: T("EMPFANG", "RECIPIENT", "المستلم", "گیرنده", "DESTINATAIRE"),
	msgConsentColSections:  T("ABSCHNITTE", "SECTIONS", "الأقسام", "بخش‌ها", "SECTIONS"),
	msgConsentColText:      T("TEXT", "TEXT", "النص", "متن", "TEXTE"),
	msgConsentColGiven:     T("ERTEILT", "GIVEN", "تاريخ الموافقة", "تاریخ رضایت", "DONNÉ LE"),
	msgConsentColStatus:    T("STAND", "STATUS", "الحالة", "وضعیت", "ÉTAT"),
	msgConsentUnknownText: T(
		"Einen Einwilligungstext %v gibt es nicht: mobio consent texts listet die Texte.",
		"There is no consent text %v: mobio consent texts lists the texts.",
		"لا يوجد نص موافقة %v: يعرض mobio consent texts النصوص.",
		"متن رضایت‌نامه‌ای با نام %v وجود ندارد: mobio consent texts متن‌ها را فهرست می‌کند.",
		"Il n'y a pas de texte de consentement %v : mobio consent texts liste les textes."),
	msgConsentFallback: T(
		"Diesen Text gibt es nicht auf %v: gezeigt wird die deutsche Fassung.",
		"This text does not exist in %v: the German version is shown.",
		"هذا النص غير متوفر بلغة %v: تُعرض النسخة الألمانية.",
		"این متن به زبان %v وجود ندارد: نسخهٔ آلمانی نشان داده می‌شود.",
		"Ce texte n'existe pas en %v : la version allemande est affichée."),
	msgConsentDraftWarning: T(
		"Achtung: Die Übersetzung (%v) ist ein maschinell erstellter Entwurf, den noch keine Übersetzerin und kein Übersetzer geprüft hat. Rechtlich verbindlich ist die deutsche Fassung. Lassen Sie die Übersetzung vor dem Einsatz prüfen, oder legen Sie die deutsche Fassung mit Dolmetschung vor.",
		"Caution: this translation (%v) is a machine-drafted text that no human translator has reviewed yet. The German version is the legally binding one. Have the translation reviewed before use, or present the German version with an interpreter.",
		"تنبيه: هذه الترجمة (%v) مسودة آلية لم يراجعها أي مترجم بعد. النسخة الألمانية هي المُلزِمة قانونًا. اطلب مراجعة الترجمة قبل استخدامها، أو اعرض النسخة الألمانية بمساعدة مترجم فوري.",
		"توجه: این ترجمه (%v) پیش‌نویسی ماشینی است که هنوز هیچ مترجمی آن را بازبینی نکرده است. نسخهٔ آلمانی از نظر حقوقی الزام‌آور است. پیش از استفاده ترجمه را بازبینی کنید، یا نسخهٔ آلمانی را با کمک مترجم شفاهی ارائه دهید.",
		"Attention : cette traduction (%v) est un brouillon produit par machine, qu'aucun traducteur n'a encore relu. Seule la version allemande fait foi. Faites relire la traduction avant de l'utiliser, ou présentez la version allemande avec un interprète."),
	msgConsentReviewedBy: T(
		"Übersetzung (%v) geprüft von %v am %v; rechtlich verbindlich ist die deutsche Fassung.",
		"Translation (%v) reviewed by %v on %v; the German version is the legally binding one.",
		"الترجمة (%v) راجعها %v بتاريخ %v؛ النسخة الألمانية هي المُلزِمة قانونًا.",
		"ترجمه (%v) را %v در تاریخ %v بازبینی کرده است؛ نسخهٔ آلمانی از نظر حقوقی الزام‌آور است.",
		"Traduction (%v) relue par %v le %v ; seule la version allemande fait foi."),
	msgConsentNoOperator: T(
		"Wer verantwortlich ist, ist nicht eingestellt: setzen Sie mit mobio config set controller und dpo (oder $MOBIO_CONTROLLER und $MOBIO_DPO) Name und Anschrift der verantwortlichen Stelle und wie die Datenschutzbeauftragten erreichbar sind. Ohne diese Angaben wird keine Einwilligung aufgenommen.",
		"Who is responsible is not configured: set them with mobio config set controller and dpo (or $MOBIO_CONTROLLER and $MOBIO_DPO): name and address of the controller, and how to reach the data protection officer. Without them no consent is recorded.",
		"لم تُحدَّد الجهة المسؤولة: اضبط $MOBIO_CONTROLLER (اسم الجهة المسؤولة وعنوانها) و$MOBIO_DPO (طريقة التواصل مع مسؤول حماية البيانات). بدونهما لا تُسجَّل أي موافقة.",
		"مسئول پردازش تنظیم نشده است: ‎$MOBIO_CONTROLLER (نام و نشانی مسئول پردازش) و ‎$MOBIO_DPO (راه تماس با مسئول حفاظت از داده‌ها) را تنظیم کنید. بدون این‌ها هیچ رضایتی ثبت نمی‌شود.",
		"Le responsable n'est pas configuré : définissez $MOBIO_CONTROLLER (nom et adresse du responsable du traitement) et $MOBIO_DPO (comment joindre le délégué à la protection des données). Sans eux, aucun consentement n'est enregistré."),
	msgConsentBadGivenBy: T(
		"--given-by %v: erwartet self (die Person selbst), guardian (Sorgeberechtigte oder Vormund) oder carer (rechtliche Betreuung).",
		"--given-by %v: want self (the person), guardian (parent or guardian of a minor) or carer (legal carer).",
		"‎--given-by %v: القيم المقبولة self (الشخص نفسه) أو guardian (وليّ الأمر أو الوصي) أو carer (الممثل القانوني).",
		"‎--given-by %v: مقدار مجاز self (خود فرد)، guardian (ولی یا سرپرست) یا carer (سرپرست قانونی) است.",
		"--given-by %v : attendu self (la personne), guardian (parent ou tuteur d'un mineur) ou carer (mandataire judiciaire)."),
	msgConsentBadMethod: T(
		"--method %v: erwartet electronic oder signed_paper_scan.",
		"--method %v: want electronic or signed_paper_scan.",
		"‎--method %v: القيم المقبولة electronic أو signed_paper_scan.",
		"‎--method %v: مقدار مجاز electronic یا signed_paper_scan است.",
		"--method %v : attendu electronic ou signed_paper_scan."),
	msgConsentBadPurpose: T(
		"%v ist kein Zweck einer Einwilligung; möglich sind: %v.",
		"%v is not a consent purpose; the purposes are: %v.",
		"%v ليس غرضًا للموافقة؛ الأغراض الممكنة: %v.",
		"%v هدف رضایت نیست؛ هدف‌های ممکن: %v.",
		"%v n'est pas une finalité de consentement ; les finalités sont : %v."),
	msgConsentNoSuchEntry: T(
		"Keine Einwilligung %v in %v: mobio consent list zeigt die Einwilligungen mit ihren IDs.",
		"No consent %v in %v: mobio consent list shows the consents with their IDs.",
		"لا توجد موافقة %v في %v: يعرض mobio consent list الموافقات ومعرّفاتها.",
		"رضایتی با %v در %v نیست: mobio consent list رضایت‌ها را با شناسه‌هایشان نشان می‌دهد.",
		"Aucun consentement %v dans %v : mobio consent list affiche les consentements avec leur ID."),
	msgConsentIdentity: T("Identität %v", "identity %v", "الهوية %v", "هویت %v", "identité %v"),
	msgConsentConfirm: T(
		"Hat die Person den Text gelesen (oder gedolmetscht bekommen) und willigt ein? [j/N] ",
		"Has the person read the text (or had it interpreted), and do they agree? [y/N] ",
		"هل قرأ الشخص النص (أو تُرجم له شفهيًا) ويوافق عليه؟ [نعم/لا] ",
		"آیا فرد متن را خوانده (یا برایش ترجمهٔ شفاهی شده) و موافق است؟ [بله/نه] ",
		"La personne a-t-elle lu le texte (ou se l'est-elle fait interpréter) et consent-elle ? [o/N] "),
	msgConsentRefused: T(
		"So kann die Einwilligung nicht aufgenommen werden: %v",
		"The consent cannot be recorded like this: %v",
		"لا يمكن تسجيل الموافقة بهذا الشكل: %v",
		"رضایت را نمی‌توان به این شکل ثبت کرد: %v",
		"Le consentement ne peut pas être enregistré ainsi : %v"),
	msgConsentRecorded: T(
		"Einwilligung %v aufgenommen: %v (Text %v, Version %v, %v).",
		"Consent %v recorded: %v (text %v, version %v, %v).",
		"سُجّلت الموافقة %v: %v (النص %v، الإصدار %v، %v).",
		"رضایت %v ثبت شد: %v (متن %v، نسخهٔ %v، %v).",
		"Consentement %v enregistré : %v (texte %v, version %v, %v)."),
	msgConsentNone: T(
		"In „%v“ ist keine Einwilligung aufgenommen.",
		"No consent is recorded in “%v”.",
		"لا توجد موافقة مسجّلة في «%v».",
		"هیچ رضایتی در «%v» ثبت نشده است.",
		"Aucun consentement n'est enregistré dans « %v »."),
	msgConsentInForce:     T("gilt", "in force", "سارية", "معتبر", "en vigueur"),
	msgConsentWithdrawnOn: T("widerrufen am %v", "withdrawn on %v", "سُحبت في %v", "پس گرفته‌شده در %v", "retiré le %v"),
	msgConsentWithdrawnNow: T(
		"Einwilligung %v widerrufen (%v).",
		"Consent %v withdrawn (%v).",
		"سُحبت الموافقة %v (%v).",
		"رضایت %v پس گرفته شد (%v).",
		"Consentement %v retiré (%v)."),
	msgConsentWasWithdrawn: T(
		"Einwilligung %v war schon widerrufen (%v); mobio setzt jetzt um, was noch aussteht.",
		"Consent %v was withdrawn before (%v); mobio now completes what is still pending.",
		"الموافقة %v سُحبت من قبل (%v)؛ يُكمل mobio الآن ما لم يُنفَّذ بعد.",
		"رضایت %v پیش‌تر پس گرفته شده بود (%v)؛ mobio اکنون آنچه را مانده انجام می‌دهد.",
		"Le consentement %v était déjà retiré (%v) ; mobio termine maintenant ce qui reste à faire."),
	msgConsentSectionErased: T(
		"Der Abschnitt „%v“ wurde geleert.",
		"The section “%v” was emptied.",
		"أُفرغ قسم «%v».",
		"بخش «%v» خالی شد.",
		"La section « %v » a été vidée."),
	msgConsentResearchExcluded: T(
		"Ab jetzt kommen die Angaben in keine Forschungsauswertung mehr.",
		"From now on the information is left out of every research export.",
		"من الآن لن تدخل المعلومات في أي تحليل بحثي.",
		"از این پس اطلاعات در هیچ خروجی پژوهشی قرار نمی‌گیرد.",
		"Désormais, les informations ne figurent plus dans aucune exportation pour la recherche."),
	msgConsentRevokePending: T(
		"Der Widerruf ist eingetragen, aber %v ist noch Mitglied: das Entfernen braucht das Relay. Führen Sie mobio consent withdraw %v %v mit Verbindung noch einmal aus.",
		"The withdrawal is recorded, but %v is still a member: removing them needs the relay. Run mobio consent withdraw %v %v again when connected.",
		"سُجّل سحب الموافقة، لكن %v لا يزال عضوًا: الإزالة تحتاج إلى الـ Relay. نفّذ mobio consent withdraw %v %v مرة أخرى عند توفر الاتصال.",
		"پس گرفتن رضایت ثبت شد، اما %v هنوز عضو است: حذف او به رله نیاز دارد. وقتی متصل هستید mobio consent withdraw %v %v را دوباره اجرا کنید.",
		"Le retrait est enregistré, mais %v est encore membre : le retirer nécessite le relais. Relancez mobio consent withdraw %v %v une fois connecté."),
	msgConsentMemberGone: T(
		"%v ist kein Mitglied mehr.",
		"%v is no longer a member.",
		"%v لم يعد عضوًا.",
		"%v دیگر عضو نیست.",
		"%v n'est plus membre."),
	msgConsentMemberRevoked: T(
		"%v aus „%v“ entfernt: die Schlüssel wurden erneuert, was ab jetzt geschrieben wird, erreicht die Beratung nicht mehr.",
		"%v removed from “%v”: the keys were renewed, so what is written from now on does not reach the counsellor.",
		"أُزيل %v من «%v»: جُدّدت المفاتيح، فلن يصل إلى المرشد ما يُكتب من الآن.",
		"%v از «%v» حذف شد: کلیدها نو شدند، پس آنچه از این پس نوشته شود به مشاور نمی‌رسد.",
		"%v retiré de « %v » : les clés ont été renouvelées, ce qui est écrit désormais ne parvient plus au conseiller."),
	msgConsentPackagesHeader: T(
		"Auf dieser Einwilligung beruhen diese gesendeten Pakete:",
		"These packages were sent on this consent:",
		"هذه الحزم أُرسلت بناءً على هذه الموافقة:",
		"این بسته‌ها بر پایهٔ این رضایت فرستاده شده‌اند:",
		"Ces paquets ont été envoyés sur la base de ce consentement :"),
	msgConsentPackageLine: T(
		"  Freigabe %v, Paket %v, an %v",
		"  share %v, package %v, to %v",
		"  المشاركة %v، الحزمة %v، إلى %v",
		"  اشتراک %v، بستهٔ %v، به %v",
		"  partage %v, paquet %v, à %v"),
	msgConsentPackagesPending: T(
		"Diese Pakete sind noch abrufbar, bis sie am Relay zurückgezogen sind; dieses mobio kann das noch nicht selbst.",
		"These packages can still be fetched until they are withdrawn at the relay; this mobio cannot do that itself yet.",
		"لا يزال بالإمكان جلب هذه الحزم إلى أن تُسحب من الـ Relay؛ لا يستطيع mobio هذا فعل ذلك بنفسه بعد.",
		"این بسته‌ها تا وقتی در رله پس گرفته نشوند هنوز قابل دریافت‌اند؛ این نسخهٔ mobio هنوز خودش نمی‌تواند این کار را بکند.",
		"Ces paquets restent récupérables tant qu'ils ne sont pas retirés du relais ; ce mobio ne sait pas encore le faire lui-même."),
	msgConsentPackagesWithdrawn: T(
		"%v Paket(e) zurückgezogen: die Links öffnen nichts mehr.",
		"%v package(s) withdrawn: the links open nothing any more.",
		"سُحبت %v حزمة (حزم): لم تعد الروابط تفتح شيئًا.",
		"%v بسته پس گرفته شد: لینک‌ها دیگر چیزی را باز نمی‌کنند.",
		"%v paquet(s) retiré(s) : les liens n'ouvrent plus rien."),
	msgConsentOwnerMustErase: T(
		"Damit endet die Einwilligung, das Profil überhaupt zu speichern: die Eigentümerin oder der Eigentümer der Biografie muss sie jetzt löschen.",
		"This ends the consent to keep the profile at all: the owner of the biography must now erase it.",
		"بهذا تنتهي الموافقة على حفظ الملف أصلًا: على مالك السيرة الذاتية حذفها الآن.",
		"با این کار رضایت برای نگهداری پروفایل به‌کلی پایان می‌یابد: مالک زندگی‌نامه اکنون باید آن را حذف کند.",
		"Cela met fin au consentement à conserver le profil : le propriétaire de la biographie doit maintenant l'effacer."),
	msgConsentNotOwner: T(
		"Nur die Eigentümerin oder der Eigentümer kann die Biografie löschen.",
		"Only the owner can erase the biography.",
		"لا يستطيع حذف السيرة الذاتية إلا مالكها.",
		"فقط مالک می‌تواند زندگی‌نامه را حذف کند.",
		"Seul le propriétaire peut effacer la biographie."),
	msgConsentEraseHint: T(
		"Damit endet die Einwilligung, das Profil überhaupt zu speichern. Löschen Sie die Biografie auf dem Relay und allen Geräten mit mobio consent withdraw %v %v --erase (das lässt sich nicht rückgängig machen).",
		"This ends the consent to keep the profile at all. Erase the biography on the relay and every device with mobio consent withdraw %v %v --erase (this cannot be undone).",
		"بهذا تنتهي الموافقة على حفظ الملف أصلًا. احذف السيرة الذاتية من الـ Relay ومن كل الأجهزة بـ mobio consent withdraw %v %v --erase (لا يمكن التراجع عن ذلك).",
		"با این کار رضایت برای نگهداری پروفایل به‌کلی پایان می‌یابد. زندگی‌نامه را در رله و همهٔ دستگاه‌ها با mobio consent withdraw %v %v --erase حذف کنید (قابل بازگشت نیست).",
		"Cela met fin au consentement à conserver le profil. Effacez la biographie du relais et de tous les appareils avec mobio consent withdraw %v %v --erase (irréversible)."),
	msgConsentErased: T(
		"„%v“ wurde gelöscht: auf dem Relay, und bei ihrem nächsten Abgleich auf den Geräten der anderen Mitglieder.",
		"“%v” was erased: on the relay, and on the other members' devices at their next sync.",
		"حُذفت «%v»: من الـ Relay، ومن أجهزة الأعضاء الآخرين عند مزامنتهم التالية.",
		"«%v» حذف شد: در رله، و در دستگاه‌های دیگر اعضا در همگام‌سازی بعدی‌شان.",
		"« %v » a été effacée : sur le relais, et sur les appareils des autres membres à leur prochaine synchronisation."),
	msgConsentNotInForce: T(
		"Die Einwilligung %v trägt diesen Schritt nicht: sie muss %v für %v erlauben und darf nicht widerrufen sein. Ohne --consent zeigt mobio den Einwilligungstext und nimmt eine neue Einwilligung auf.",
		"Consent %v does not cover this step: it must allow %v for %v and not be withdrawn. Without --consent, mobio shows the consent text and records a new consent.",
		"الموافقة %v لا تشمل هذه الخطوة: يجب أن تسمح بـ %v لـ %v وألا تكون مسحوبة. بدون --consent يعرض mobio نص الموافقة ويسجّل موافقة جديدة.",
		"رضایت %v این کار را پوشش نمی‌دهد: باید %v را برای %v مجاز کند و پس گرفته نشده باشد. بدون --consent، mobio متن رضایت‌نامه را نشان می‌دهد و رضایت تازه‌ای ثبت می‌کند.",
		"Le consentement %v ne couvre pas cette étape : il doit autoriser %v pour %v et ne pas être retiré. Sans --consent, mobio affiche le texte de consentement et enregistre un nouveau consentement."),
	msgConsentNeedPurpose: T(
		"Für welche Beratung ist der Zugang? Geben Sie --purpose vu (Sozialberatung, vorläufige Unterbringung) oder au (Integrationsmanagement, Anschlussunterbringung) an, oder tragen Sie person.accommodation_stage ein.",
		"Which counselling is the access for? Give --purpose vu (social counselling, initial accommodation) or au (integration management, follow-up accommodation), or fill in person.accommodation_stage.",
		"لأي إرشاد هذا الوصول؟ اكتب --purpose vu (الإرشاد الاجتماعي، السكن المؤقت) أو au (إدارة الاندماج، السكن اللاحق)، أو املأ person.accommodation_stage.",
		"این دسترسی برای کدام مشاوره است؟ ‎--purpose vu (مشاورهٔ اجتماعی، اسکان موقت) یا au (مدیریت ادغام، اسکان بعدی) را بدهید، یا person.accommodation_stage را پر کنید.",
		"Pour quel accompagnement est cet accès ? Indiquez --purpose vu (conseil social, hébergement provisoire) ou au (gestion de l'intégration, hébergement de suivi), ou remplissez person.accommodation_stage."),
}
