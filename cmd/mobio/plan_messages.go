package main

import "github.com/mobio-sync/mobio/crdt/schema"

const (
	msgPlanNone msgID = 4000 + iota
	msgPlanExists
	msgPlanClosed
	msgPlanTooLong
	msgPlanReasonRequired
	msgPlanBadDate
	msgPlanMissing
	msgPlanOutOfRange
	msgPlanOutcomeNeedsAchieved
	msgPlanStarted
	msgPlanExtended
	msgPlanGoalAdded
	msgPlanGoalStatus
	msgPlanMeasureAdded
	msgPlanMeasureStatus
	msgPlanReviewAdded
	msgPlanClosedOn
	msgPlanContactAdded
	msgPlanReferralAdded
	msgPlanAssessed
	msgPlanNothingDue
	msgPlanDueMeasure
	msgPlanDueGoal
	msgPlanDueReview
	msgPlanDueEnd3
	msgPlanDueEnd1
	msgPlanDueEndExtend
	msgPlanDueEndClose
	msgPlanOverdue
	msgPlanInDays
	msgPlanToday
	msgPlanColDate
	msgPlanColWhen
	msgPlanColWhat
	msgPlanColDoc
	msgPlanHeading
	msgPlanNoGoalSteps
	msgPlanMonths
	msgPlanAgreeHeader
	msgPlanAgreeInLang
	msgPlanAgreeConfirm
	msgPlanAgreeRole
	msgPlanSignedWaiting
	msgPlanSignedComplete
	msgPlanAlreadySigned
	msgPlanSameSigner
	msgPlanChanged
	msgPlanNoAgreement
	msgPlanAgreementValid
	msgPlanAgreementOutdated
	msgPlanAgreementIncomplete
	msgPlanAgreementInvalid
	msgPlanAgreementUnknownSigner
	msgPlanSideClient
	msgPlanSideCounsellor
	msgPlanAgreementLabel
	msgPlanGoalEdited
	msgPlanGoalUnchanged
	msgPlanEnd
)

func init() {
	registerMessages(msgPlanNone, msgPlanEnd, map[msgID]schema.Text{
		msgPlanNone: T(
			"Für diese Biografie ist noch kein Integrationsplan begonnen: mobio plan start DOC.",
			"No integration plan has been started for this biography yet: mobio plan start DOC.",
			"لم تبدأ خطة اندماج لهذه السيرة الذاتية بعد: mobio plan start DOC.",
			"هنوز برنامه ادغامی برای این زندگی‌نامه شروع نشده است: mobio plan start DOC.",
			"Aucun plan d'intégration n'a encore été commencé pour cette biographie : mobio plan start DOC."),
		msgPlanExists: T(
			"Der Integrationsplan ist schon begonnen (Beratungsbeginn %v).",
			"The integration plan has been started already (counselling started on %v).",
			"خطة الاندماج بدأت بالفعل (بدأ الإرشاد في %v).",
			"برنامه ادغام قبلاً شروع شده است (شروع مشاوره: %v).",
			"Le plan d'intégration est déjà commencé (début de l'accompagnement le %v)."),
		msgPlanClosed: T(
			"Der Fall ist abgeschlossen: der Plan ändert sich nicht mehr.",
			"The case is closed: the plan no longer changes.",
			"الملف مُغلق: لم تعد الخطة تتغير.",
			"پرونده بسته شده است: برنامه دیگر تغییر نمی‌کند.",
			"Le dossier est clôturé : le plan ne change plus."),
		msgPlanTooLong: T(
			"Die Beratung dauert höchstens 48 Monate, hier also bis %v.",
			"Counselling lasts at most 48 months, here until %v.",
			"يستمر الإرشاد 48 شهرًا كحد أقصى، أي هنا حتى %v.",
			"مشاوره حداکثر ۴۸ ماه طول می‌کشد، یعنی در اینجا تا %v.",
			"L'accompagnement dure au plus 48 mois, ici jusqu'au %v."),
		msgPlanReasonRequired: T(
			"Eine Begründung fehlt: bei einer Verlängerung --reason, beim Abschluss mit OTHER eine --note, die den Grund nennt.",
			"A reason is missing: for an extension --reason, for closing with OTHER a --note that names the reason.",
			"السبب مفقود: للتمديد --reason، وللإغلاق بالرمز OTHER ملاحظة --note تذكر السبب.",
			"دلیل وارد نشده است: برای تمدید --reason، و برای بستن با OTHER یک --note که دلیل را بگوید.",
			"Il manque un motif : pour une prolongation --reason, pour une clôture avec OTHER une --note qui le précise."),
		msgPlanBadDate: T(
			"Dieses Datum ist hier nicht möglich: Beginn und Abschluss brauchen ein vollständiges Datum, eine Verlängerung muss nach dem geplanten Ende liegen, und nichts liegt vor dem Beratungsbeginn.",
			"That date is not possible here: the start and the closure take a full date, an extension lies after the planned end, and nothing lies before the start of counselling.",
			"هذا التاريخ غير ممكن هنا: البداية والإغلاق يحتاجان إلى تاريخ كامل، والتمديد يقع بعد النهاية المخططة، ولا شيء يسبق بداية الإرشاد.",
			"این تاریخ در اینجا ممکن نیست: شروع و بستن پرونده تاریخ کامل می‌خواهند، تمدید باید بعد از پایان برنامه‌ریزی‌شده باشد، و هیچ چیز پیش از شروع مشاوره نیست.",
			"Cette date n'est pas possible ici : le début et la clôture demandent une date complète, une prolongation va au-delà de la fin prévue, et rien ne précède le début de l'accompagnement."),
		msgPlanMissing: T(
			"Eine nötige Angabe fehlt.",
			"A required value is missing.",
			"قيمة مطلوبة مفقودة.",
			"یک مقدار لازم وارد نشده است.",
			"Une valeur obligatoire manque."),
		msgPlanOutOfRange: T(
			"Außerhalb des Bereichs: Priorität 1 (hoch) bis 3 (niedrig); ein Kontakt dauert höchstens 600 Minuten.",
			"Out of range: priority 1 (high) to 3 (low); a contact lasts at most 600 minutes.",
			"خارج النطاق: الأولوية من 1 (عالية) إلى 3 (منخفضة)، والتواصل يستغرق 600 دقيقة كحد أقصى.",
			"خارج از محدوده: اولویت از ۱ (زیاد) تا ۳ (کم)؛ هر تماس حداکثر ۶۰۰ دقیقه است.",
			"Hors limites : priorité de 1 (haute) à 3 (basse) ; un contact dure au plus 600 minutes."),
		msgPlanOutcomeNeedsAchieved: T(
			"Ein Ergebnis wird nur für ein (ganz oder teilweise) erreichtes Ziel vermerkt: Stand achieved oder partly_achieved.",
			"An outcome is recorded only for a goal achieved in full or in part: status achieved or partly_achieved.",
			"تُسجَّل النتيجة فقط لهدف تحقق كليًا أو جزئيًا: الحالة achieved أو partly_achieved.",
			"نتیجه فقط برای هدفی ثبت می‌شود که کامل یا تا حدی محقق شده باشد: وضعیت achieved یا partly_achieved.",
			"Un résultat ne s'enregistre que pour un objectif atteint en tout ou en partie : état achieved ou partly_achieved."),
		msgPlanStarted: T(
			"Beratung begonnen am %v; geplantes Ende %v (36 Monate; mit Begründung bis %v).",
			"Counselling started on %v; planned end %v (36 months; with a reason up to %v).",
			"بدأ الإرشاد في %v؛ النهاية المخططة %v (36 شهرًا؛ ومع ذكر السبب حتى %v).",
			"مشاوره در %v شروع شد؛ پایان برنامه‌ریزی‌شده %v (۳۶ ماه؛ با ذکر دلیل تا %v).",
			"Accompagnement commencé le %v ; fin prévue le %v (36 mois ; avec un motif jusqu'au %v)."),
		msgPlanExtended: T(
			"Beratung verlängert bis %v.",
			"Counselling extended until %v.",
			"تم تمديد الإرشاد حتى %v.",
			"مشاوره تا %v تمدید شد.",
			"Accompagnement prolongé jusqu'au %v."),
		msgPlanGoalAdded:     T("Ziel %v hinzugefügt.", "Goal %v added.", "تمت إضافة الهدف %v.", "هدف %v اضافه شد.", "Objectif %v ajouté."),
		msgPlanGoalStatus:    T("Ziel %v: %v.", "Goal %v: %v.", "الهدف %v: %v.", "هدف %v: %v.", "Objectif %v : %v."),
		msgPlanMeasureAdded:  T("Schritt %v hinzugefügt.", "Step %v added.", "تمت إضافة الخطوة %v.", "گام %v اضافه شد.", "Étape %v ajoutée."),
		msgPlanMeasureStatus: T("Schritt %v: %v.", "Step %v: %v.", "الخطوة %v: %v.", "گام %v: %v.", "Étape %v : %v."),
		msgPlanReviewAdded: T(
			"Überprüfung vom %v vermerkt.",
			"Review of %v recorded.",
			"تم تسجيل مراجعة %v.",
			"بازبینی %v ثبت شد.",
			"Réexamen du %v enregistré."),
		msgPlanClosedOn: T(
			"Fall abgeschlossen am %v: %v.",
			"Case closed on %v: %v.",
			"أُغلق الملف في %v: %v.",
			"پرونده در %v بسته شد: %v.",
			"Dossier clôturé le %v : %v."),
		msgPlanContactAdded: T(
			"Beratungskontakt vom %v vermerkt.",
			"Counselling contact of %v recorded.",
			"تم تسجيل جلسة الإرشاد بتاريخ %v.",
			"جلسه مشاوره %v ثبت شد.",
			"Entretien du %v enregistré."),
		msgPlanReferralAdded: T(
			"Verweis vom %v vermerkt.",
			"Referral of %v recorded.",
			"تم تسجيل الإحالة بتاريخ %v.",
			"ارجاع %v ثبت شد.",
			"Orientation du %v enregistrée."),
		msgPlanAssessed: T(
			"Analyse für %v vermerkt.",
			"Assessment of %v recorded.",
			"تم تسجيل التحليل الخاص بـ %v.",
			"بررسی %v ثبت شد.",
			"Analyse de %v enregistrée."),
		msgPlanNothingDue: T(
			"In den nächsten %v Tagen ist nichts fällig.",
			"Nothing is due in the next %v days.",
			"لا شيء مستحق خلال الأيام الـ %v القادمة.",
			"در %v روز آینده هیچ کاری سررسید ندارد.",
			"Rien n'est à faire dans les %v prochains jours."),
		msgPlanDueMeasure: T(
			"Schritt: %v — %v",
			"Step: %v — %v",
			"خطوة: %v — %v",
			"گام: %v — %v",
			"Étape : %v — %v"),
		msgPlanDueGoal: T(
			"Zieldatum: %v",
			"Target date of the goal: %v",
			"الموعد المستهدف للهدف: %v",
			"تاریخ هدف: %v",
			"Date visée de l'objectif : %v"),
		msgPlanDueReview: T(
			"Überprüfung des Plans",
			"Review of the plan",
			"مراجعة الخطة",
			"بازبینی برنامه",
			"Réexamen du plan"),
		msgPlanDueEnd3: T(
			"Die Beratung endet in weniger als drei Monaten",
			"Counselling ends within three months",
			"ينتهي الإرشاد خلال أقل من ثلاثة أشهر",
			"مشاوره کمتر از سه ماه دیگر تمام می‌شود",
			"L'accompagnement se termine dans moins de trois mois"),
		msgPlanDueEnd1: T(
			"Die Beratung endet in weniger als einem Monat",
			"Counselling ends within a month",
			"ينتهي الإرشاد خلال أقل من شهر",
			"مشاوره کمتر از یک ماه دیگر تمام می‌شود",
			"L'accompagnement se termine dans moins d'un mois"),
		msgPlanDueEndExtend: T(
			"Ende des Beratungszeitraums: mit Begründung verlängern (mobio plan extend) oder den Fall abschließen (mobio plan close --reason MAX_DURATION_REACHED)",
			"End of the counselling period: extend it with a reason (mobio plan extend) or close the case (mobio plan close --reason MAX_DURATION_REACHED)",
			"نهاية فترة الإرشاد: مدّدها مع ذكر السبب (mobio plan extend) أو أغلق الملف (mobio plan close --reason MAX_DURATION_REACHED)",
			"پایان دوره مشاوره: با ذکر دلیل تمدید کنید (mobio plan extend) یا پرونده را ببندید (mobio plan close --reason MAX_DURATION_REACHED)",
			"Fin de la période d'accompagnement : la prolonger avec un motif (mobio plan extend) ou clôturer le dossier (mobio plan close --reason MAX_DURATION_REACHED)"),
		msgPlanDueEndClose: T(
			"Höchstdauer von 48 Monaten erreicht: den Fall abschließen (mobio plan close --reason MAX_DURATION_REACHED)",
			"Maximum counselling period of 48 months reached: close the case (mobio plan close --reason MAX_DURATION_REACHED)",
			"بلغت فترة الإرشاد حدها الأقصى وهو 48 شهرًا: أغلق الملف (mobio plan close --reason MAX_DURATION_REACHED)",
			"حداکثر مدت ۴۸ ماهه مشاوره به پایان رسید: پرونده را ببندید (mobio plan close --reason MAX_DURATION_REACHED)",
			"Durée maximale de 48 mois atteinte : clôturer le dossier (mobio plan close --reason MAX_DURATION_REACHED)"),
		msgPlanOverdue: T(
			"seit %v Tagen überfällig",
			"overdue by %v days",
			"متأخر %v يومًا",
			"%v روز دیرتر از موعد",
			"en retard de %v jours"),
		msgPlanInDays:  T("in %v Tagen", "in %v days", "بعد %v يومًا", "%v روز دیگر", "dans %v jours"),
		msgPlanToday:   T("heute", "today", "اليوم", "امروز", "aujourd'hui"),
		msgPlanColDate: T("DATUM", "DATE", "التاريخ", "تاریخ", "DATE"),
		msgPlanColWhen: T("WANN", "WHEN", "متى", "زمان", "QUAND"),
		msgPlanColWhat: T("WAS", "WHAT", "ماذا", "چه", "QUOI"),
		msgPlanColDoc:  T("BIOGRAFIE", "BIOGRAPHY", "السيرة الذاتية", "زندگی‌نامه", "BIOGRAPHIE"),
		msgPlanHeading: T(
			"Integrationsplan: %v",
			"Integration plan: %v",
			"خطة الاندماج: %v",
			"برنامه ادغام: %v",
			"Plan d'intégration : %v"),
		msgPlanNoGoalSteps: T(
			"Schritte ohne zugehöriges Ziel",
			"Steps without a goal",
			"خطوات غير مرتبطة بهدف",
			"گام‌های بدون هدف",
			"Étapes sans objectif"),
		msgPlanMonths: T("%v Monate", "%v months", "%v شهرًا", "%v ماه", "%v mois"),
		msgPlanAgreeHeader: T(
			"Dies ist die Zielvereinbarung, die Sie unterschreiben, auf Deutsch, wie sie aufbewahrt wird:",
			"This is the goal agreement you sign, in German, as it is kept:",
			"هذا هو اتفاق الأهداف الذي ستوقّعه، باللغة الألمانية كما يُحفظ:",
			"این توافق‌نامه اهدافی است که امضا می‌کنید، به زبان آلمانی، همان‌طور که نگهداری می‌شود:",
			"Voici l'accord sur les objectifs que vous signez, en allemand, tel qu'il est conservé :"),
		msgPlanAgreeInLang: T(
			"Derselbe Plan in Ihrer Sprache:",
			"The same plan in your language:",
			"الخطة نفسها بلغتك:",
			"همین برنامه به زبان شما:",
			"Le même plan dans votre langue :"),
		msgPlanAgreeConfirm: T(
			"Sind Sie mit diesem Plan einverstanden und unterschreiben ihn mit Ihrer Identität? Die Teilnahme ist freiwillig. [j/N] ",
			"Do you agree to this plan and sign it with your identity? Taking part is voluntary. [y/N] ",
			"هل توافق على هذه الخطة وتوقّعها بهويتك؟ المشاركة طوعية. [نعم/لا] ",
			"آیا با این برنامه موافقید و آن را با هویت خود امضا می‌کنید؟ شرکت داوطلبانه است. [بله/خیر] ",
			"Acceptez-vous ce plan et le signez-vous avec votre identité ? La participation est volontaire. [o/N] "),
		msgPlanAgreeRole: T(
			"Die Zielvereinbarung unterschreiben die Person selbst (Eigentümerin der Biografie) und eine Beratungsfachkraft; Ihre Rolle ist %v.",
			"The goal agreement is signed by the person (the biography's owner) and a counsellor; your role is %v.",
			"يوقّع اتفاق الأهداف الشخص نفسه (مالك السيرة الذاتية) ومرشد أو مرشدة؛ دورك هو %v.",
			"توافق‌نامه اهداف را خود فرد (مالک زندگی‌نامه) و یک مشاور امضا می‌کنند؛ نقش شما %v است.",
			"L'accord sur les objectifs est signé par la personne (propriétaire de la biographie) et un conseiller ; votre rôle est %v."),
		msgPlanSignedWaiting: T(
			"Unterschrieben als %v. Die Zielvereinbarung wartet auf die Unterschrift von %v.",
			"Signed as %v. The goal agreement waits for the signature of %v.",
			"تم التوقيع بصفة %v. ينتظر اتفاق الأهداف توقيع %v.",
			"به‌عنوان %v امضا شد. توافق‌نامه اهداف منتظر امضای %v است.",
			"Signé en tant que %v. L'accord attend la signature de %v."),
		msgPlanSignedComplete: T(
			"Unterschrieben als %v. Die Zielvereinbarung ist vollständig: beide Seiten haben Version %v des Plans unterschrieben.",
			"Signed as %v. The goal agreement is complete: both sides signed version %v of the plan.",
			"تم التوقيع بصفة %v. اتفاق الأهداف مكتمل: وقّع الطرفان النسخة %v من الخطة.",
			"به‌عنوان %v امضا شد. توافق‌نامه اهداف کامل است: هر دو طرف نسخه %v برنامه را امضا کرده‌اند.",
			"Signé en tant que %v. L'accord est complet : les deux parties ont signé la version %v du plan."),
		msgPlanAlreadySigned: T(
			"Sie haben diese Fassung des Plans schon unterschrieben.",
			"You have signed this version of the plan already.",
			"لقد وقّعت هذه النسخة من الخطة من قبل.",
			"شما این نسخه برنامه را قبلاً امضا کرده‌اید.",
			"Vous avez déjà signé cette version du plan."),
		msgPlanSameSigner: T(
			"Sie haben schon für die andere Seite unterschrieben; eine Person kann nicht für beide Seiten unterschreiben.",
			"You signed for the other side already; one person cannot sign for both sides.",
			"لقد وقّعت عن الطرف الآخر من قبل؛ لا يمكن لشخص واحد أن يوقّع عن الطرفين.",
			"شما قبلاً از طرف دیگر امضا کرده‌اید؛ یک نفر نمی‌تواند از هر دو طرف امضا کند.",
			"Vous avez déjà signé pour l'autre partie ; une même personne ne peut pas signer pour les deux."),
		msgPlanChanged: T(
			"Der Plan hat sich geändert, während Sie ihn gelesen haben; nichts wurde unterschrieben. Führen Sie mobio plan agree erneut aus.",
			"The plan changed while you were reading it; nothing was signed. Run mobio plan agree again.",
			"تغيّرت الخطة أثناء قراءتك لها؛ لم يُوقَّع شيء. نفّذ mobio plan agree مرة أخرى.",
			"برنامه هنگام خواندن شما تغییر کرد؛ چیزی امضا نشد. mobio plan agree را دوباره اجرا کنید.",
			"Le plan a changé pendant votre lecture ; rien n'a été signé. Relancez mobio plan agree."),
		msgPlanNoAgreement: T(
			"Es gibt noch keine Zielvereinbarung: mobio plan agree DOC.",
			"There is no goal agreement yet: mobio plan agree DOC.",
			"لا يوجد اتفاق أهداف بعد: mobio plan agree DOC.",
			"هنوز توافق‌نامه اهدافی وجود ندارد: mobio plan agree DOC.",
			"Il n'y a pas encore d'accord sur les objectifs : mobio plan agree DOC."),
		msgPlanAgreementValid: T(
			"Zielvereinbarung, Version %v vom %v: gültig. Unterschrieben von der Person (%v) und der Beratungsfachkraft (%v).",
			"Goal agreement, version %v of %v: valid. Signed by the person (%v) and the counsellor (%v).",
			"اتفاق الأهداف، النسخة %v بتاريخ %v: صالح. وقّعه الشخص (%v) والمرشد (%v).",
			"توافق‌نامه اهداف، نسخه %v مورخ %v: معتبر. امضاشده توسط خود فرد (%v) و مشاور (%v).",
			"Accord sur les objectifs, version %v du %v : valide. Signé par la personne (%v) et le conseiller (%v)."),
		msgPlanAgreementOutdated: T(
			"Zielvereinbarung, Version %v: veraltet — der Plan wurde nach der Unterschrift geändert. Beide Seiten unterschreiben neu mit mobio plan agree.",
			"Goal agreement, version %v: outdated — the plan changed after it was signed. Both sides sign again with mobio plan agree.",
			"اتفاق الأهداف، النسخة %v: قديم — تغيّرت الخطة بعد التوقيع. يوقّع الطرفان من جديد بـ mobio plan agree.",
			"توافق‌نامه اهداف، نسخه %v: قدیمی — برنامه پس از امضا تغییر کرده است. هر دو طرف با mobio plan agree دوباره امضا کنند.",
			"Accord sur les objectifs, version %v : périmé — le plan a changé après la signature. Les deux parties signent à nouveau avec mobio plan agree."),
		msgPlanAgreementIncomplete: T(
			"Zielvereinbarung, Version %v: wartet auf die Unterschrift von %v.",
			"Goal agreement, version %v: waiting for the signature of %v.",
			"اتفاق الأهداف، النسخة %v: بانتظار توقيع %v.",
			"توافق‌نامه اهداف، نسخه %v: در انتظار امضای %v.",
			"Accord sur les objectifs, version %v : en attente de la signature de %v."),
		msgPlanAgreementInvalid: T(
			"Zielvereinbarung, Version %v: UNGÜLTIG — eine Unterschrift passt nicht zum Plan oder zur genannten Person. Verlassen Sie sich nicht darauf; unterschreiben Sie neu.",
			"Goal agreement, version %v: INVALID — a signature does not match the plan or the person named. Do not rely on it; sign again.",
			"اتفاق الأهداف، النسخة %v: غير صالح — أحد التوقيعات لا يطابق الخطة أو الشخص المذكور. لا تعتمد عليه؛ وقّع من جديد.",
			"توافق‌نامه اهداف، نسخه %v: نامعتبر — یکی از امضاها با برنامه یا شخص نام‌برده مطابقت ندارد. به آن اعتماد نکنید؛ دوباره امضا کنید.",
			"Accord sur les objectifs, version %v : INVALIDE — une signature ne correspond pas au plan ou à la personne nommée. Ne vous y fiez pas ; signez à nouveau."),
		msgPlanAgreementUnknownSigner: T(
			"Zielvereinbarung, Version %v: nicht prüfbar — wer unterschrieben hat, ist nicht (mehr) in dieser Rolle Mitglied der Biografie. Unterschreiben Sie neu mit den heutigen Mitgliedern.",
			"Goal agreement, version %v: cannot be verified — a signer is not (or no longer) a member of this biography in that role. Sign again with the current members.",
			"اتفاق الأهداف، النسخة %v: لا يمكن التحقق منه — أحد الموقّعين ليس (أو لم يعد) عضوًا في هذه السيرة الذاتية بهذا الدور. وقّعوا من جديد مع الأعضاء الحاليين.",
			"توافق‌نامه اهداف، نسخه %v: قابل بررسی نیست — یکی از امضاکنندگان (دیگر) با این نقش عضو این زندگی‌نامه نیست. با اعضای فعلی دوباره امضا کنید.",
			"Accord sur les objectifs, version %v : invérifiable — un signataire n'est pas (ou plus) membre de cette biographie dans ce rôle. Signez à nouveau avec les membres actuels."),
		msgPlanSideClient:     T("die Person selbst", "the person", "الشخص نفسه", "خود فرد", "la personne"),
		msgPlanSideCounsellor: T("die Beratungsfachkraft", "the counsellor", "المرشد أو المرشدة", "مشاور", "le conseiller ou la conseillère"),
		msgPlanAgreementLabel: T("Zielvereinbarung", "Goal agreement", "اتفاق الأهداف", "توافق‌نامه اهداف", "Accord sur les objectifs"),
		msgPlanGoalEdited:     T("Ziel %v geändert.", "Goal %v changed.", "تم تعديل الهدف %v.", "هدف %v تغییر کرد.", "Objectif %v modifié."),
		msgPlanGoalUnchanged: T(
			"Ziel %v: nichts geändert, die Angaben sind schon so.",
			"Goal %v: nothing changed, it says so already.",
			"الهدف %v: لم يتغير شيء، فهو كذلك بالفعل.",
			"هدف %v: چیزی تغییر نکرد، از قبل همین است.",
			"Objectif %v : rien n'a changé, il est déjà ainsi."),
	})
}
