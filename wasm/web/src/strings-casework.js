// strings-casework.js: the words of the case-work screens (plan.js, cv.js, translate.js,
// reports.js) in the app's five languages, and the few helpers those screens share: calling
// the case-work module, dates and numbers in the UI language, error messages, and their
// styles. Output meant for German authorities (the agreement's canonical text, the CV, the
// reports) comes from the module in German; these are only the app's own words around it.

export const CW_LANGS = ["de", "en", "ar", "fa", "fr"];

const S = {
  // --- shared -----------------------------------------------------------------------------------
  loadingCasework: {
    de: "Fallarbeit wird geladen …",
    en: "Loading case work …",
    ar: "جارٍ تحميل متابعة الحالة …",
    fa: "در حال بارگذاری پیگیری پرونده …",
    fr: "Chargement du suivi …",
  },
  caseworkMissing: {
    de: "Diese Funktion fehlt in dieser Version der App ({0}).",
    en: "This function is missing from this version of the app ({0}).",
    ar: "هذه الوظيفة غير موجودة في هذا الإصدار من التطبيق ({0}).",
    fa: "این قابلیت در این نسخهٔ برنامه وجود ندارد ({0}).",
    fr: "Cette fonction manque dans cette version de l'application ({0}).",
  },
  error: { de: "Fehler: {0}", en: "Error: {0}", ar: "خطأ: {0}", fa: "خطا: {0}", fr: "Erreur : {0}" },
  errInvalid: {
    de: "Eine Angabe passt nicht: {0}",
    en: "Something entered does not fit: {0}",
    ar: "أحد المدخلات غير مناسب: {0}",
    fa: "یکی از مقادیر درست نیست: {0}",
    fr: "Une saisie ne convient pas : {0}",
  },
  errClosed: {
    de: "Der Fall ist abgeschlossen; der Plan ändert sich nicht mehr.",
    en: "The case is closed; the plan no longer changes.",
    ar: "الحالة مغلقة؛ لم تعد الخطة تتغير.",
    fa: "پرونده بسته شده است؛ برنامه دیگر تغییر نمی‌کند.",
    fr: "Le dossier est clos ; le plan ne change plus.",
  },
  errReadOnly: {
    de: "Sie können hier nur lesen.",
    en: "You can only read here.",
    ar: "يمكنك القراءة فقط هنا.",
    fa: "اینجا فقط می‌توانید بخوانید.",
    fr: "Vous pouvez seulement lire ici.",
  },
  errOffline: {
    de: "Keine Verbindung. Bitte versuchen Sie es wieder, wenn Sie online sind.",
    en: "No connection. Please try again when you are online.",
    ar: "لا يوجد اتصال. حاول مرة أخرى عندما تكون متصلًا.",
    fa: "اتصال برقرار نیست. وقتی آنلاین شدید دوباره امتحان کنید.",
    fr: "Pas de connexion. Réessayez quand vous serez en ligne.",
  },
  save: { de: "Speichern", en: "Save", ar: "حفظ", fa: "ذخیره", fr: "Enregistrer" },
  cancel: { de: "Abbrechen", en: "Cancel", ar: "إلغاء الأمر", fa: "انصراف", fr: "Annuler" },
  edit: { de: "Bearbeiten", en: "Edit", ar: "تعديل", fa: "ویرایش", fr: "Modifier" },
  saved: { de: "Gespeichert.", en: "Saved.", ar: "تم الحفظ.", fa: "ذخیره شد.", fr: "Enregistré." },
  close: { de: "Schließen", en: "Close", ar: "إغلاق", fa: "بستن", fr: "Fermer" },
  none: { de: "—", en: "—", ar: "—", fa: "—", fr: "—" },
  writtenIn: { de: "Geschrieben auf", en: "Written in", ar: "مكتوب باللغة", fa: "نوشته‌شده به زبان", fr: "Écrit en" },
  dateHint: { de: "JJJJ-MM-TT", en: "YYYY-MM-DD", ar: "سنة-شهر-يوم", fa: "سال-ماه-روز", fr: "AAAA-MM-JJ" },
  badDate: {
    de: "Bitte ein Datum wie 2026-05-31 eingeben.",
    en: "Please enter a date such as 2026-05-31.",
    ar: "أدخل تاريخًا مثل 2026-05-31.",
    fa: "لطفاً تاریخی مانند 2026-05-31 وارد کنید.",
    fr: "Saisissez une date comme 2026-05-31.",
  },
  required: {
    de: "Bitte ausfüllen: {0}",
    en: "Please fill in: {0}",
    ar: "يرجى ملء: {0}",
    fa: "لطفاً پر کنید: {0}",
    fr: "Veuillez remplir : {0}",
  },
  printOrPdf: {
    de: "Drucken oder als PDF speichern",
    en: "Print or save as PDF",
    ar: "طباعة أو حفظ بصيغة PDF",
    fa: "چاپ یا ذخیره به‌صورت PDF",
    fr: "Imprimer ou enregistrer en PDF",
  },
  popupBlocked: {
    de: "Das neue Fenster wurde blockiert; die Seite steht deshalb hier unten.",
    en: "The new window was blocked, so the page is shown below.",
    ar: "تم حظر النافذة الجديدة، لذا تظهر الصفحة في الأسفل.",
    fa: "پنجرهٔ جدید مسدود شد؛ به همین دلیل صفحه در پایین نشان داده می‌شود.",
    fr: "La nouvelle fenêtre a été bloquée ; la page s'affiche donc ci-dessous.",
  },

  // --- plan -------------------------------------------------------------------------------------
  planTitle: { de: "Integrationsplan", en: "Integration plan", ar: "خطة الاندماج", fa: "برنامهٔ ادغام", fr: "Plan d'intégration" },
  noPlanCounsellor: {
    de: "Für diese Person gibt es noch keinen Integrationsplan. Beginnen Sie ihn mit dem Beginn der Beratung.",
    en: "There is no integration plan for this person yet. Start it with the date counselling began.",
    ar: "لا توجد خطة اندماج لهذا الشخص بعد. ابدأها بتاريخ بدء الاستشارة.",
    fa: "هنوز برنامهٔ ادغامی برای این شخص وجود ندارد. آن را با تاریخ شروع مشاوره آغاز کنید.",
    fr: "Il n'y a pas encore de plan d'intégration pour cette personne. Commencez-le à la date du début de l'accompagnement.",
  },
  noPlanOwner: {
    de: "Es gibt noch keinen Integrationsplan. Ihre Beraterin oder Ihr Berater legt ihn mit Ihnen an.",
    en: "There is no integration plan yet. Your counsellor will draw it up with you.",
    ar: "لا توجد خطة اندماج بعد. سيضعها معك مستشارك أو مستشارتك.",
    fa: "هنوز برنامهٔ ادغامی وجود ندارد. مشاور شما آن را همراه با شما تنظیم می‌کند.",
    fr: "Il n'y a pas encore de plan d'intégration. Votre conseiller ou conseillère l'établira avec vous.",
  },
  readOnlyOwner: {
    de: "Ihre Beraterin oder Ihr Berater trägt den Plan ein. Sie sehen ihn hier und unterschreiben unten die Zielvereinbarung.",
    en: "Your counsellor enters the plan. You see it here and sign the agreement below.",
    ar: "يدوّن مستشارك الخطة. تراها هنا وتوقّع على اتفاقية الأهداف في الأسفل.",
    fa: "مشاور شما برنامه را وارد می‌کند. شما آن را اینجا می‌بینید و توافق‌نامهٔ اهداف را در پایین امضا می‌کنید.",
    fr: "Votre conseiller ou conseillère saisit le plan. Vous le voyez ici et signez l'accord d'objectifs ci-dessous.",
  },
  startPlan: { de: "Plan beginnen", en: "Start the plan", ar: "بدء الخطة", fa: "آغاز برنامه", fr: "Commencer le plan" },
  counsellingStart: {
    de: "Beginn der Beratung",
    en: "Start of counselling",
    ar: "بداية الاستشارة",
    fa: "آغاز مشاوره",
    fr: "Début de l'accompagnement",
  },
  phase: { de: "Phase", en: "Phase", ar: "المرحلة", fa: "مرحله", fr: "Phase" },
  status: { de: "Stand", en: "Status", ar: "الحالة", fa: "وضعیت", fr: "Statut" },
  period: { de: "Beratungszeitraum", en: "Counselling period", ar: "مدة الاستشارة", fa: "دورهٔ مشاوره", fr: "Période d'accompagnement" },
  periodRule: {
    de: "{0} bis {1} (36 Monate). Mit Begründung verlängerbar bis höchstens {2} (48 Monate).",
    en: "{0} to {1} (36 months). Can be extended with a reason to {2} at the latest (48 months).",
    ar: "من {0} إلى {1} (٣٦ شهرًا). يمكن تمديدها بمبرر حتى {2} كحد أقصى (٤٨ شهرًا).",
    fa: "از {0} تا {1} (۳۶ ماه). با ذکر دلیل حداکثر تا {2} (۴۸ ماه) قابل تمدید است.",
    fr: "Du {0} au {1} (36 mois). Prolongeable avec motif jusqu'au {2} au plus tard (48 mois).",
  },
  periodExtended: {
    de: "{0} bis {1}, verlängert (höchstens bis {2}). Begründung: {3}",
    en: "{0} to {1}, extended (at most to {2}). Reason: {3}",
    ar: "من {0} إلى {1}، ممددة (حتى {2} كحد أقصى). المبرر: {3}",
    fa: "از {0} تا {1}، تمدیدشده (حداکثر تا {2}). دلیل: {3}",
    fr: "Du {0} au {1}, prolongée (au plus tard {2}). Motif : {3}",
  },
  nextReview: { de: "Nächste Überprüfung", en: "Next review", ar: "المراجعة القادمة", fa: "بازبینی بعدی", fr: "Prochaine révision" },
  closedOn: {
    de: "Abgeschlossen am {0}: {1}",
    en: "Closed on {0}: {1}",
    ar: "أُغلقت في {0}: {1}",
    fa: "بسته‌شده در {0}: {1}",
    fr: "Clos le {0} : {1}",
  },
  extend: { de: "Verlängern", en: "Extend", ar: "تمديد", fa: "تمدید", fr: "Prolonger" },
  extendUntil: { de: "Neues Ende", en: "New end", ar: "النهاية الجديدة", fa: "پایان جدید", fr: "Nouvelle fin" },
  extendReason: { de: "Begründung", en: "Reason", ar: "المبرر", fa: "دلیل", fr: "Motif" },
  dueTitle: { de: "Fällig", en: "Due", ar: "المستحق", fa: "سررسیدها", fr: "Échéances" },
  dueNone: {
    de: "In den nächsten 14 Tagen ist nichts fällig.",
    en: "Nothing is due in the next 14 days.",
    ar: "لا شيء مستحق خلال الأيام الأربعة عشر القادمة.",
    fa: "در ۱۴ روز آینده چیزی سررسید ندارد.",
    fr: "Rien n'est dû dans les 14 prochains jours.",
  },
  overdueDays: {
    de: "seit {0} Tagen überfällig",
    en: "overdue by {0} days",
    ar: "متأخر منذ {0} يوم",
    fa: "{0} روز گذشته از موعد",
    fr: "en retard de {0} jours",
  },
  dueToday: { de: "heute fällig", en: "due today", ar: "مستحق اليوم", fa: "سررسید امروز", fr: "dû aujourd'hui" },
  dueInDays: { de: "in {0} Tagen", en: "in {0} days", ar: "خلال {0} يوم", fa: "تا {0} روز دیگر", fr: "dans {0} jours" },
  due_end_reached: {
    de: "Das geplante Ende der Beratung ist erreicht",
    en: "The planned end of counselling has come",
    ar: "حلّت النهاية المقررة للاستشارة",
    fa: "پایان برنامه‌ریزی‌شدهٔ مشاوره فرا رسیده است",
    fr: "La fin prévue de l'accompagnement est atteinte",
  },
  due_end_1_month: {
    de: "Die Beratung endet in einem Monat",
    en: "Counselling ends within a month",
    ar: "تنتهي الاستشارة خلال شهر",
    fa: "مشاوره ظرف یک ماه پایان می‌یابد",
    fr: "L'accompagnement se termine dans un mois",
  },
  due_end_3_months: {
    de: "Die Beratung endet in drei Monaten",
    en: "Counselling ends within three months",
    ar: "تنتهي الاستشارة خلال ثلاثة أشهر",
    fa: "مشاوره ظرف سه ماه پایان می‌یابد",
    fr: "L'accompagnement se termine dans trois mois",
  },
  due_review: { de: "Überprüfung des Plans", en: "Review of the plan", ar: "مراجعة الخطة", fa: "بازبینی برنامه", fr: "Révision du plan" },
  due_measure: { de: "Schritt", en: "Step", ar: "خطوة", fa: "گام", fr: "Étape" },
  due_goal: { de: "Zieldatum", en: "Target date", ar: "موعد الهدف", fa: "تاریخ هدف", fr: "Date cible" },
  dueCanExtend: {
    de: "Verlängern (mit Begründung) oder den Fall abschließen.",
    en: "Extend (with a reason) or close the case.",
    ar: "مدّد (مع ذكر المبرر) أو أغلق الحالة.",
    fa: "تمدید کنید (با ذکر دلیل) یا پرونده را ببندید.",
    fr: "Prolonger (avec un motif) ou clore le dossier.",
  },
  dueMustClose: {
    de: "Die Höchstdauer von 48 Monaten ist erreicht: bitte den Fall abschließen.",
    en: "The maximum of 48 months is reached: please close the case.",
    ar: "تم بلوغ الحد الأقصى البالغ ٤٨ شهرًا: يرجى إغلاق الحالة.",
    fa: "حداکثر مدت ۴۸ ماه به پایان رسیده است: لطفاً پرونده را ببندید.",
    fr: "La durée maximale de 48 mois est atteinte : veuillez clore le dossier.",
  },
  goals: { de: "Ziele", en: "Goals", ar: "الأهداف", fa: "اهداف", fr: "Objectifs" },
  noGoals: { de: "Noch keine Ziele.", en: "No goals yet.", ar: "لا توجد أهداف بعد.", fa: "هنوز هدفی نیست.", fr: "Pas encore d'objectifs." },
  fieldOfAction: { de: "Handlungsfeld", en: "Field of action", ar: "مجال العمل", fa: "حوزهٔ اقدام", fr: "Domaine d'action" },
  goalText: { de: "Ziel", en: "Goal", ar: "الهدف", fa: "هدف", fr: "Objectif" },
  targetDate: { de: "Zieldatum", en: "Target date", ar: "الموعد المستهدف", fa: "تاریخ هدف", fr: "Date cible" },
  addGoal: { de: "Ziel hinzufügen", en: "Add a goal", ar: "إضافة هدف", fa: "افزودن هدف", fr: "Ajouter un objectif" },
  goalStatus: { de: "Stand des Ziels", en: "Goal status", ar: "حالة الهدف", fa: "وضعیت هدف", fr: "État de l'objectif" },
  outcome: { de: "Ergebnis", en: "Outcome", ar: "النتيجة", fa: "نتیجه", fr: "Résultat" },
  setStatus: { de: "Stand setzen", en: "Set status", ar: "تحديد الحالة", fa: "تعیین وضعیت", fr: "Changer l'état" },
  achievedOn: { de: "erreicht am {0}", en: "achieved on {0}", ar: "تحقق في {0}", fa: "در {0} محقق شد", fr: "atteint le {0}" },
  measures: { de: "Schritte", en: "Steps", ar: "الخطوات", fa: "گام‌ها", fr: "Étapes" },
  noMeasures: { de: "Noch keine Schritte.", en: "No steps yet.", ar: "لا توجد خطوات بعد.", fa: "هنوز گامی نیست.", fr: "Pas encore d'étapes." },
  measureText: { de: "Was ist zu tun?", en: "What is to be done?", ar: "ما الذي يجب فعله؟", fa: "چه کاری باید انجام شود؟", fr: "Que faut-il faire ?" },
  forGoal: { de: "Zu Ziel", en: "For goal", ar: "للهدف", fa: "برای هدف", fr: "Pour l'objectif" },
  noGoal: { de: "– ohne Ziel –", en: "– no goal –", ar: "– بدون هدف –", fa: "– بدون هدف –", fr: "– sans objectif –" },
  responsible: { de: "Wer ist zuständig?", en: "Who is responsible?", ar: "من المسؤول؟", fa: "چه کسی مسئول است؟", fr: "Qui est responsable ?" },
  responsibleName: { de: "Name (freiwillig)", en: "Name (optional)", ar: "الاسم (اختياري)", fa: "نام (اختیاری)", fr: "Nom (facultatif)" },
  dueDate: { de: "Bis wann?", en: "By when?", ar: "حتى متى؟", fa: "تا چه زمانی؟", fr: "Pour quand ?" },
  responsibleIs: { de: "Zuständig: {0}", en: "Responsible: {0}", ar: "المسؤول: {0}", fa: "مسئول: {0}", fr: "Responsable : {0}" },
  dueOn: { de: "fällig am {0}", en: "due on {0}", ar: "مستحق في {0}", fa: "سررسید در {0}", fr: "pour le {0}" },
  addMeasure: { de: "Schritt hinzufügen", en: "Add a step", ar: "إضافة خطوة", fa: "افزودن گام", fr: "Ajouter une étape" },
  reviews: { de: "Überprüfungen", en: "Reviews", ar: "المراجعات", fa: "بازبینی‌ها", fr: "Révisions" },
  noReviews: { de: "Noch keine Überprüfung.", en: "No review yet.", ar: "لا توجد مراجعة بعد.", fa: "هنوز بازبینی نشده است.", fr: "Pas encore de révision." },
  reviewDate: { de: "Datum der Überprüfung", en: "Date of the review", ar: "تاريخ المراجعة", fa: "تاریخ بازبینی", fr: "Date de la révision" },
  comment: { de: "Kommentar", en: "Comment", ar: "تعليق", fa: "توضیح", fr: "Commentaire" },
  nextReviewDate: { de: "Nächste Überprüfung am", en: "Next review on", ar: "المراجعة القادمة في", fa: "بازبینی بعدی در", fr: "Prochaine révision le" },
  addReview: { de: "Überprüfung festhalten", en: "Record a review", ar: "تسجيل مراجعة", fa: "ثبت بازبینی", fr: "Enregistrer une révision" },
  closeCase: { de: "Fall abschließen", en: "Close the case", ar: "إغلاق الحالة", fa: "بستن پرونده", fr: "Clore le dossier" },
  closeReason: { de: "Grund", en: "Reason", ar: "السبب", fa: "دلیل", fr: "Motif" },
  closeDate: { de: "Datum", en: "Date", ar: "التاريخ", fa: "تاریخ", fr: "Date" },
  closeNote: {
    de: "Bemerkung (bei „Sonstiger Grund“ nötig)",
    en: "Note (needed for “other reason”)",
    ar: "ملاحظة (مطلوبة عند اختيار «سبب آخر»)",
    fa: "یادداشت (برای «دلیل دیگر» لازم است)",
    fr: "Remarque (obligatoire pour « autre motif »)",
  },
  closeConfirm: {
    de: "Den Fall wirklich abschließen? Danach ändert sich der Plan nicht mehr.",
    en: "Really close the case? The plan will not change afterwards.",
    ar: "هل تريد فعلًا إغلاق الحالة؟ لن تتغير الخطة بعد ذلك.",
    fa: "آیا واقعاً پرونده را می‌بندید؟ پس از آن برنامه دیگر تغییر نمی‌کند.",
    fr: "Vraiment clore le dossier ? Le plan ne changera plus ensuite.",
  },
  agreement: { de: "Zielvereinbarung", en: "Agreement on goals", ar: "اتفاقية الأهداف", fa: "توافق‌نامهٔ اهداف", fr: "Accord d'objectifs" },
  agreementHelp: {
    de: "Beide Seiten unterschreiben digital mit ihrem Schlüssel. Verbindlich ist der deutsche Text. Die Vereinbarung ist freiwillig.",
    en: "Both sides sign digitally with their key. The German text is the binding one. The agreement is voluntary.",
    ar: "يوقّع الطرفان رقميًا بمفتاحيهما. النص الألماني هو المُلزِم. الاتفاقية طوعية.",
    fa: "هر دو طرف به‌صورت دیجیتال با کلید خود امضا می‌کنند. متن آلمانی معتبر است. این توافق داوطلبانه است.",
    fr: "Les deux parties signent numériquement avec leur clé. Le texte allemand fait foi. L'accord est volontaire.",
  },
  agreementInYourLanguage: {
    de: "Oben steht der Plan in Ihrer Sprache.",
    en: "The plan in your language is shown above.",
    ar: "الخطة بلغتك معروضة في الأعلى.",
    fa: "برنامه به زبان شما در بالا آمده است.",
    fr: "Le plan dans votre langue figure ci-dessus.",
  },
  canonicalTitle: {
    de: "Deutscher Text, der unterschrieben wird",
    en: "The German text that is signed",
    ar: "النص الألماني الذي يتم التوقيع عليه",
    fa: "متن آلمانی که امضا می‌شود",
    fr: "Le texte allemand qui est signé",
  },
  signAsClient: {
    de: "Ich stimme zu und unterschreibe",
    en: "I agree and sign",
    ar: "أوافق وأوقّع",
    fa: "موافقم و امضا می‌کنم",
    fr: "J'accepte et je signe",
  },
  signAsCounsellor: {
    de: "Als Beratung unterschreiben",
    en: "Sign as counsellor",
    ar: "التوقيع بصفتي مستشارًا",
    fa: "امضا به‌عنوان مشاور",
    fr: "Signer en tant que conseiller",
  },
  signing: { de: "Wird unterschrieben …", en: "Signing …", ar: "جارٍ التوقيع …", fa: "در حال امضا …", fr: "Signature …" },
  sideClient: { de: "Neu zugewanderte Person", en: "Newcomer", ar: "الشخص القادم الجديد", fa: "فرد تازه‌وارد", fr: "Personne nouvellement arrivée" },
  sideCounsellor: { de: "Beratung", en: "Counsellor", ar: "المستشار", fa: "مشاور", fr: "Conseiller" },
  signedMark: { de: "unterschrieben", en: "signed", ar: "موقّع", fa: "امضاشده", fr: "signé" },
  notSignedMark: { de: "noch nicht unterschrieben", en: "not signed yet", ar: "لم يوقّع بعد", fa: "هنوز امضا نشده", fr: "pas encore signé" },
  agreementVersion: {
    de: "Fassung {0}",
    en: "Version {0}",
    ar: "النسخة {0}",
    fa: "نسخهٔ {0}",
    fr: "Version {0}",
  },
  agreedOn: { de: "vereinbart am {0}", en: "agreed on {0}", ar: "تم الاتفاق في {0}", fa: "توافق‌شده در {0}", fr: "convenu le {0}" },
  noAgreement: {
    de: "Noch keine Unterschrift.",
    en: "Nobody has signed yet.",
    ar: "لا يوجد توقيع بعد.",
    fa: "هنوز کسی امضا نکرده است.",
    fr: "Personne n'a encore signé.",
  },
  verify_valid: {
    de: "Gültig: Beide Seiten haben den Plan in dieser Fassung unterschrieben.",
    en: "Valid: both sides signed the plan as it is now.",
    ar: "صالحة: وقّع الطرفان على الخطة بصيغتها الحالية.",
    fa: "معتبر: هر دو طرف برنامه را در همین نسخه امضا کرده‌اند.",
    fr: "Valide : les deux parties ont signé le plan tel qu'il est.",
  },
  verify_outdated: {
    de: "Veraltet: Der Plan wurde geändert, seit er unterschrieben wurde.",
    en: "Outdated: the plan changed since it was signed.",
    ar: "قديمة: تغيّرت الخطة منذ التوقيع عليها.",
    fa: "منسوخ: برنامه پس از امضا تغییر کرده است.",
    fr: "Périmé : le plan a changé depuis sa signature.",
  },
  verify_incomplete: {
    de: "Unvollständig: Eine Unterschrift fehlt noch.",
    en: "Incomplete: one signature is still missing.",
    ar: "غير مكتملة: ما زال أحد التوقيعين ناقصًا.",
    fa: "ناقص: یکی از امضاها هنوز نیست.",
    fr: "Incomplet : il manque encore une signature.",
  },
  verify_invalid: {
    de: "Ungültig: Eine Unterschrift stimmt nicht.",
    en: "Invalid: a signature does not verify.",
    ar: "غير صالحة: أحد التوقيعين غير صحيح.",
    fa: "نامعتبر: یکی از امضاها درست نیست.",
    fr: "Invalide : une signature n'est pas correcte.",
  },
  signAgain: {
    de: "Der Plan hat sich geändert: Beide Seiten können die neue Fassung unterschreiben.",
    en: "The plan changed: both sides can sign the new version.",
    ar: "تغيّرت الخطة: يمكن للطرفين التوقيع على النسخة الجديدة.",
    fa: "برنامه تغییر کرده است: هر دو طرف می‌توانند نسخهٔ جدید را امضا کنند.",
    fr: "Le plan a changé : les deux parties peuvent signer la nouvelle version.",
  },
  youSigned: {
    de: "Sie haben diese Fassung unterschrieben.",
    en: "You signed this version.",
    ar: "لقد وقّعت على هذه النسخة.",
    fa: "شما این نسخه را امضا کرده‌اید.",
    fr: "Vous avez signé cette version.",
  },
  errPlanChanged: {
    de: "Der Plan hat sich geändert, während Sie ihn gelesen haben. Bitte lesen Sie ihn noch einmal.",
    en: "The plan changed while you were reading it. Please read it again.",
    ar: "تغيّرت الخطة أثناء قراءتك لها. يرجى قراءتها مرة أخرى.",
    fa: "برنامه هنگام خواندن شما تغییر کرد. لطفاً دوباره آن را بخوانید.",
    fr: "Le plan a changé pendant votre lecture. Veuillez le relire.",
  },
  errAlreadySigned: {
    de: "Diese Fassung ist schon unterschrieben.",
    en: "This version is signed already.",
    ar: "هذه النسخة موقّعة بالفعل.",
    fa: "این نسخه قبلاً امضا شده است.",
    fr: "Cette version est déjà signée.",
  },
  errSameSigner: {
    de: "Eine Person kann nicht für beide Seiten unterschreiben.",
    en: "One person cannot sign for both sides.",
    ar: "لا يمكن لشخص واحد التوقيع عن الطرفين.",
    fa: "یک نفر نمی‌تواند برای هر دو طرف امضا کند.",
    fr: "Une même personne ne peut pas signer pour les deux parties.",
  },
  errSign: {
    de: "Die Unterschrift wurde nicht angenommen: {0}",
    en: "The signature was not accepted: {0}",
    ar: "لم يُقبل التوقيع: {0}",
    fa: "امضا پذیرفته نشد: {0}",
    fr: "La signature n'a pas été acceptée : {0}",
  },

  // --- CV ---------------------------------------------------------------------------------------
  cvHelp: {
    de: "Der Lebenslauf entsteht aus Ihrer Biografie, auf Deutsch, für Arbeitgeber, Kammern und Ämter.",
    en: "The CV is made from your biography, in German, for employers, chambers and agencies.",
    ar: "تُنشأ السيرة الذاتية من سيرتك باللغة الألمانية، لأصحاب العمل والغرف المهنية والدوائر الرسمية.",
    fa: "رزومه از زندگی‌نامهٔ شما و به زبان آلمانی ساخته می‌شود، برای کارفرمایان، اتاق‌های صنفی و ادارات.",
    fr: "Le CV est tiré de votre biographie, en allemand, pour les employeurs, les chambres et les administrations.",
  },
  cvOptional: {
    de: "Zusätzliche Angaben",
    en: "Additional details",
    ar: "معلومات إضافية",
    fa: "اطلاعات بیشتر",
    fr: "Informations supplémentaires",
  },
  cvBirthDate: { de: "Geburtsdatum", en: "Date of birth", ar: "تاريخ الميلاد", fa: "تاریخ تولد", fr: "Date de naissance" },
  cvNationality: { de: "Staatsangehörigkeit", en: "Nationality", ar: "الجنسية", fa: "تابعیت", fr: "Nationalité" },
  cvWorkPermission: { de: "Arbeitserlaubnis", en: "Work permission", ar: "تصريح العمل", fa: "اجازهٔ کار", fr: "Autorisation de travail" },
  cvOptionalWhy: {
    de: "Diese Angaben sind zunächst aus. In Deutschland ist es üblich, sie wegzulassen: Alter und Herkunft sollen bei einer Bewerbung keine Rolle spielen (Allgemeines Gleichbehandlungsgesetz, AGG). Wählen Sie sie nur, wenn Sie es möchten oder eine Stelle danach fragt.",
    en: "These details are off at first. In Germany it is common to leave them out: age and origin should play no part in an application (General Equal Treatment Act, AGG). Choose them only if you want to or a job asks for them.",
    ar: "هذه المعلومات غير مفعّلة في البداية. من المعتاد في ألمانيا حذفها: يجب ألا يكون للعمر والأصل دور في طلب التوظيف (القانون العام للمساواة في المعاملة، AGG). اخترها فقط إذا أردت ذلك أو إذا طلبتها جهة العمل.",
    fa: "این اطلاعات در ابتدا خاموش است. در آلمان معمول است که آن‌ها را ننویسند: سن و اصلیت نباید در درخواست کار نقشی داشته باشد (قانون عمومی برابری رفتار، AGG). فقط اگر خودتان بخواهید یا محل کار درخواست کند، آن‌ها را انتخاب کنید.",
    fr: "Ces informations sont désactivées au départ. En Allemagne, on les omet habituellement : l'âge et l'origine ne doivent pas compter dans une candidature (loi générale sur l'égalité de traitement, AGG). Ne les choisissez que si vous le souhaitez ou si un poste les demande.",
  },
  cvOpen: { de: "Lebenslauf öffnen", en: "Open the CV", ar: "فتح السيرة الذاتية", fa: "باز کردن رزومه", fr: "Ouvrir le CV" },
  cvPrintHelp: {
    de: "Der Lebenslauf öffnet sich in einem neuen Fenster. Dort: „Drucken oder als PDF speichern“ und als Drucker „Als PDF speichern“ wählen. Der Browser setzt dabei auch arabische und persische Schrift richtig.",
    en: "The CV opens in a new window. There: “Print or save as PDF”, and choose “Save as PDF” as the printer. The browser sets Arabic and Persian script correctly, too.",
    ar: "تُفتح السيرة الذاتية في نافذة جديدة. هناك: «طباعة أو حفظ بصيغة PDF» ثم اختر «حفظ بصيغة PDF» كطابعة. يعرض المتصفح الخط العربي والفارسي بشكل صحيح.",
    fa: "رزومه در پنجره‌ای جدید باز می‌شود. آنجا: «چاپ یا ذخیره به‌صورت PDF» و به‌عنوان چاپگر «ذخیره به‌صورت PDF» را انتخاب کنید. مرورگر خط عربی و فارسی را هم درست نمایش می‌دهد.",
    fr: "Le CV s'ouvre dans une nouvelle fenêtre. Là : « Imprimer ou enregistrer en PDF », puis choisissez « Enregistrer au format PDF » comme imprimante. Le navigateur compose aussi correctement l'écriture arabe et persane.",
  },
  cvOpened: {
    de: "Der Lebenslauf ist in einem neuen Fenster geöffnet.",
    en: "The CV is open in a new window.",
    ar: "السيرة الذاتية مفتوحة في نافذة جديدة.",
    fa: "رزومه در پنجره‌ای جدید باز شد.",
    fr: "Le CV est ouvert dans une nouvelle fenêtre.",
  },

  // --- translation ------------------------------------------------------------------------------
  translate: { de: "Ins Deutsche übersetzen", en: "Translate into German", ar: "ترجمة إلى الألمانية", fa: "ترجمه به آلمانی", fr: "Traduire en allemand" },
  translateHelp: {
    de: "Die Freitexte dieser Biografie. Übersetzt wird nur, was Sie einzeln anfordern; vorher sehen Sie, was wohin geht.",
    en: "The free texts of this biography. Only what you ask for, one by one, is translated; first you see what goes where.",
    ar: "النصوص الحرة في هذه السيرة. لا يُترجم إلا ما تطلبه نصًا نصًا، وترى قبل ذلك ما الذي يُرسل وإلى أين.",
    fa: "متن‌های آزاد این زندگی‌نامه. فقط آنچه خودتان یکی‌یکی درخواست کنید ترجمه می‌شود؛ پیش از آن می‌بینید چه چیزی به کجا می‌رود.",
    fr: "Les textes libres de cette biographie. Seul ce que vous demandez, un par un, est traduit ; vous voyez d'abord ce qui part et où.",
  },
  noTranslateService: {
    de: "Für diese Beratungsstelle ist kein Übersetzungsdienst eingerichtet: Texte können hier nicht maschinell übersetzt werden.",
    en: "No translation service is set up for this counselling service: texts cannot be machine translated here.",
    ar: "لم تُعدّ خدمة ترجمة لمركز الاستشارة هذا: لا يمكن ترجمة النصوص آليًا هنا.",
    fa: "برای این مرکز مشاوره سرویس ترجمه‌ای تنظیم نشده است: متن‌ها اینجا ترجمهٔ ماشینی نمی‌شوند.",
    fr: "Aucun service de traduction n'est configuré pour ce service d'accompagnement : les textes ne peuvent pas être traduits automatiquement ici.",
  },
  noTexts: {
    de: "Die Biografie hat noch keine Freitexte.",
    en: "The biography has no free text yet.",
    ar: "لا تحتوي السيرة على نصوص حرة بعد.",
    fa: "زندگی‌نامه هنوز متن آزادی ندارد.",
    fr: "La biographie n'a pas encore de texte libre.",
  },
  translateTitle: {
    de: "Diesen Text übersetzen lassen?",
    en: "Have this text translated?",
    ar: "هل تريد ترجمة هذا النص؟",
    fa: "این متن ترجمه شود؟",
    fr: "Faire traduire ce texte ?",
  },
  translateLeaves: {
    de: "Genau dieser Text verlässt Ihr Gerät:",
    en: "Exactly this text leaves your device:",
    ar: "هذا النص بالضبط سيغادر جهازك:",
    fa: "دقیقاً همین متن از دستگاه شما خارج می‌شود:",
    fr: "Exactement ce texte quitte votre appareil :",
  },
  translateGoesTo: {
    de: "Er geht an den Übersetzungsdienst unter dieser Adresse:",
    en: "It goes to the translation service at this address:",
    ar: "ويُرسل إلى خدمة الترجمة على هذا العنوان:",
    fa: "به سرویس ترجمه در این نشانی فرستاده می‌شود:",
    fr: "Il est envoyé au service de traduction à cette adresse :",
  },
  translateNothingElse: {
    de: "Sonst nichts: kein Name, keine anderen Angaben. Die Übersetzung wird neben dem Original gespeichert und als „maschinell übersetzt“ markiert.",
    en: "Nothing else: no name, no other details. The translation is stored beside the original and marked “machine translated”.",
    ar: "لا شيء غير ذلك: لا اسم ولا معلومات أخرى. تُحفظ الترجمة بجانب الأصل وتُعلَّم بأنها «مترجمة آليًا».",
    fa: "چیز دیگری فرستاده نمی‌شود: نه نام و نه اطلاعات دیگر. ترجمه کنار متن اصلی ذخیره و با «ترجمهٔ ماشینی» مشخص می‌شود.",
    fr: "Rien d'autre : ni nom, ni autres informations. La traduction est enregistrée à côté de l'original et marquée « traduit automatiquement ».",
  },
  translateSend: { de: "Senden und übersetzen", en: "Send and translate", ar: "إرسال وترجمة", fa: "ارسال و ترجمه", fr: "Envoyer et traduire" },
  translating: { de: "Wird übersetzt …", en: "Translating …", ar: "جارٍ الترجمة …", fa: "در حال ترجمه …", fr: "Traduction …" },
  translationDe: { de: "Deutsche Übersetzung", en: "German translation", ar: "الترجمة الألمانية", fa: "ترجمهٔ آلمانی", fr: "Traduction allemande" },
  machineTranslated: {
    de: "maschinell übersetzt",
    en: "machine translated",
    ar: "مترجم آليًا",
    fa: "ترجمهٔ ماشینی",
    fr: "traduit automatiquement",
  },
  humanChecked: { de: "von einem Menschen geprüft", en: "checked by a person", ar: "راجعه إنسان", fa: "بررسی‌شده توسط انسان", fr: "vérifié par une personne" },
  translationOutdated: {
    de: "Das Original wurde seither geändert.",
    en: "The original has changed since.",
    ar: "تغيّر النص الأصلي منذ ذلك الحين.",
    fa: "متن اصلی از آن زمان تغییر کرده است.",
    fr: "L'original a changé depuis.",
  },
  confirmCorrect: { de: "Bestätigen / korrigieren", en: "Confirm / correct", ar: "تأكيد / تصحيح", fa: "تأیید / اصلاح", fr: "Confirmer / corriger" },
  confirmTranslation: { de: "Übersetzung bestätigen", en: "Confirm the translation", ar: "تأكيد الترجمة", fa: "تأیید ترجمه", fr: "Confirmer la traduction" },
  errTr429: {
    de: "Der Übersetzungsdienst hat gerade zu viele Anfragen. Bitte versuchen Sie es später noch einmal.",
    en: "The translation service has too many requests right now. Please try again later.",
    ar: "خدمة الترجمة تتلقى طلبات كثيرة الآن. يرجى المحاولة لاحقًا.",
    fa: "سرویس ترجمه اکنون درخواست‌های زیادی دارد. لطفاً بعداً دوباره امتحان کنید.",
    fr: "Le service de traduction reçoit trop de demandes. Veuillez réessayer plus tard.",
  },
  errTr403: {
    de: "Der Übersetzungsdienst lehnt die Anfrage ab (kein Zugang). Bitte wenden Sie sich an Ihre Beratungsstelle.",
    en: "The translation service refuses the request (no access). Please contact your counselling service.",
    ar: "ترفض خدمة الترجمة الطلب (لا صلاحية). يرجى التواصل مع مركز الاستشارة.",
    fa: "سرویس ترجمه درخواست را نمی‌پذیرد (بدون دسترسی). لطفاً با مرکز مشاورهٔ خود تماس بگیرید.",
    fr: "Le service de traduction refuse la demande (pas d'accès). Veuillez contacter votre service d'accompagnement.",
  },
  errTrNetwork: {
    de: "Der Übersetzungsdienst ist nicht erreichbar. Sind Sie online? Der Text hat Ihr Gerät nicht verlassen.",
    en: "The translation service cannot be reached. Are you online? The text has not left your device.",
    ar: "لا يمكن الوصول إلى خدمة الترجمة. هل أنت متصل بالإنترنت؟ لم يغادر النص جهازك.",
    fa: "به سرویس ترجمه دسترسی نیست. آیا آنلاین هستید؟ متن از دستگاه شما خارج نشده است.",
    fr: "Le service de traduction est injoignable. Êtes-vous en ligne ? Le texte n'a pas quitté votre appareil.",
  },
  errTrUnsupported: {
    de: "Diese Sprache kann der Dienst nicht ins Deutsche übersetzen.",
    en: "The service cannot translate this language into German.",
    ar: "لا تستطيع الخدمة ترجمة هذه اللغة إلى الألمانية.",
    fa: "سرویس نمی‌تواند این زبان را به آلمانی ترجمه کند.",
    fr: "Le service ne peut pas traduire cette langue en allemand.",
  },
  errTrService: {
    de: "Der Übersetzungsdienst hat einen Fehler gemeldet ({0}).",
    en: "The translation service reported an error ({0}).",
    ar: "أبلغت خدمة الترجمة عن خطأ ({0}).",
    fa: "سرویس ترجمه خطایی گزارش داد ({0}).",
    fr: "Le service de traduction a signalé une erreur ({0}).",
  },
  errTrEmpty: { de: "Das Feld ist leer.", en: "The field is empty.", ar: "الحقل فارغ.", fa: "این فیلد خالی است.", fr: "Le champ est vide." },
  errTrSameLang: {
    de: "Der Text ist schon auf Deutsch.",
    en: "The text is in German already.",
    ar: "النص مكتوب بالألمانية أصلًا.",
    fa: "متن از قبل به آلمانی است.",
    fr: "Le texte est déjà en allemand.",
  },
  errTrChanged: {
    de: "Der Text wurde inzwischen geändert. Bitte noch einmal übersetzen.",
    en: "The text has changed in the meantime. Please translate it again.",
    ar: "تغيّر النص في هذه الأثناء. يرجى ترجمته مرة أخرى.",
    fa: "متن در این فاصله تغییر کرده است. لطفاً دوباره ترجمه کنید.",
    fr: "Le texte a changé entre-temps. Veuillez le retraduire.",
  },

  // --- reports ----------------------------------------------------------------------------------
  counsellorOnly: {
    de: "Berichte erstellen Beraterinnen und Berater.",
    en: "Reports are made by counsellors.",
    ar: "يُعدّ المستشارون التقارير.",
    fa: "گزارش‌ها را مشاوران تهیه می‌کنند.",
    fr: "Les rapports sont établis par les conseillers.",
  },
  caseloadTitle: { de: "Fallzahlenbericht", en: "Caseload report", ar: "تقرير عدد الحالات", fa: "گزارش تعداد پرونده‌ها", fr: "Rapport d'activité" },
  caseloadHelp: {
    de: "Der Bericht wird auf diesem Gerät aus den Biografien berechnet, die Sie als Beratung lesen dürfen. Er enthält Zahlen, keine Namen und keine Freitexte, und ist auf Deutsch.",
    en: "The report is computed on this device from the biographies you may read as a counsellor. It holds numbers, no names and no free text, and is in German.",
    ar: "يُحسب التقرير على هذا الجهاز من السِّيَر التي يحق لك قراءتها كمستشار. يحتوي على أرقام فقط، بلا أسماء ولا نصوص حرة، وهو باللغة الألمانية.",
    fa: "گزارش روی همین دستگاه از زندگی‌نامه‌هایی محاسبه می‌شود که شما به‌عنوان مشاور اجازهٔ خواندنشان را دارید. فقط عدد دارد، بدون نام و متن آزاد، و به زبان آلمانی است.",
    fr: "Le rapport est calculé sur cet appareil à partir des biographies que vous pouvez lire en tant que conseiller. Il contient des chiffres, ni noms ni texte libre, et il est en allemand.",
  },
  periodFrom: { de: "Von", en: "From", ar: "من", fa: "از", fr: "Du" },
  periodTo: { de: "Bis", en: "To", ar: "إلى", fa: "تا", fr: "Au" },
  manager: {
    de: "Integrationsmanagerin / Integrationsmanager",
    en: "Integration manager",
    ar: "مدير/ة الاندماج",
    fa: "مدیر ادغام",
    fr: "Responsable de l'intégration",
  },
  casesCount: {
    de: "Biografien mit Ihrem Zugang als Beratung: {0}",
    en: "Biographies you can read as a counsellor: {0}",
    ar: "السِّيَر المتاحة لك كمستشار: {0}",
    fa: "زندگی‌نامه‌هایی که به‌عنوان مشاور به آن‌ها دسترسی دارید: {0}",
    fr: "Biographies accessibles en tant que conseiller : {0}",
  },
  readingDocs: { de: "Biografien werden gelesen …", en: "Reading biographies …", ar: "جارٍ قراءة السِّيَر …", fa: "در حال خواندن زندگی‌نامه‌ها …", fr: "Lecture des biographies …" },
  downloadCsv: { de: "CSV herunterladen", en: "Download CSV", ar: "تنزيل CSV", fa: "دانلود CSV", fr: "Télécharger le CSV" },
  openPrintable: { de: "Druckansicht öffnen", en: "Open the printable page", ar: "فتح صفحة الطباعة", fa: "باز کردن نسخهٔ چاپی", fr: "Ouvrir la version imprimable" },
  errPeriod: {
    de: "Das Ende liegt vor dem Beginn.",
    en: "The end lies before the start.",
    ar: "النهاية قبل البداية.",
    fa: "پایان پیش از آغاز است.",
    fr: "La fin précède le début.",
  },
  researchTitle: {
    de: "Forschungsexport (anonymisiert)",
    en: "Research export (anonymised)",
    ar: "تصدير للبحث العلمي (مجهول الهوية)",
    fa: "خروجی پژوهشی (ناشناس‌شده)",
    fr: "Export pour la recherche (anonymisé)",
  },
  researchHelp: {
    de: "Nur Personen, die in die Forschung eingewilligt haben. Jede Kombination der Merkmale (Alter, Geschlecht, Herkunft, Region, Ankunft, Aufenthalt) teilen mindestens k Personen; was seltener ist, wird vergröbert oder weggelassen.",
    en: "Only persons who consented to research. Every combination of attributes (age, gender, origin, region, arrival, residence) is shared by at least k persons; rarer ones are coarsened or left out.",
    ar: "فقط الأشخاص الذين وافقوا على البحث. كل تركيبة من الخصائص (العمر، الجنس، الأصل، المنطقة، الوصول، الإقامة) يشترك فيها k شخصًا على الأقل؛ وما هو أندر يُعمَّم أو يُحذف.",
    fa: "فقط افرادی که با پژوهش موافقت کرده‌اند. هر ترکیب از ویژگی‌ها (سن، جنسیت، اصلیت، منطقه، ورود، اقامت) دست‌کم بین k نفر مشترک است؛ موارد نادرتر کلی‌تر یا حذف می‌شوند.",
    fr: "Seules les personnes ayant consenti à la recherche. Chaque combinaison d'attributs (âge, genre, origine, région, arrivée, séjour) est partagée par au moins k personnes ; les plus rares sont généralisées ou omises.",
  },
  kLabel: { de: "k (mindestens 5)", en: "k (at least 5)", ar: "k (٥ على الأقل)", fa: "k (دست‌کم ۵)", fr: "k (au moins 5)" },
  errK: { de: "k muss mindestens 5 sein.", en: "k must be at least 5.", ar: "يجب أن تكون k خمسة على الأقل.", fa: "k باید دست‌کم ۵ باشد.", fr: "k doit valoir au moins 5." },
  researchExport: { de: "Exportieren …", en: "Export …", ar: "تصدير …", fa: "خروجی گرفتن …", fr: "Exporter …" },
  researchConfirm: {
    de: "Eine CSV-Datei mit {0} anonymisierten Datensätzen (k = {1}, {2} weggelassen) wird auf diesem Gerät gespeichert. Sie enthält keine Namen, keine genauen Daten, keine Freitexte und keine besonderen Kategorien. Der Export wird protokolliert: Zeit, k, Anzahl der Datensätze, weggelassene und die SHA-256-Prüfsumme der Datei.",
    en: "A CSV file with {0} anonymised records (k = {1}, {2} left out) will be saved on this device. It holds no names, no exact dates, no free text and no special categories. The export is logged: time, k, number of records, those left out and the file's SHA-256 checksum.",
    ar: "سيُحفظ على هذا الجهاز ملف CSV يحتوي على {0} سجلًا مجهول الهوية (k = {1}، وحُذف {2}). لا يحتوي على أسماء ولا تواريخ دقيقة ولا نصوص حرة ولا فئات خاصة. يُسجَّل التصدير: الوقت وk وعدد السجلات والمحذوف منها ومجموع التحقق SHA-256 للملف.",
    fa: "یک فایل CSV با {0} رکورد ناشناس‌شده (k = {1}، {2} حذف‌شده) روی این دستگاه ذخیره می‌شود. این فایل نام، تاریخ دقیق، متن آزاد و دسته‌های ویژه ندارد. خروجی ثبت می‌شود: زمان، k، تعداد رکوردها، حذف‌شده‌ها و چکیدهٔ SHA-256 فایل.",
    fr: "Un fichier CSV de {0} enregistrements anonymisés (k = {1}, {2} omis) sera enregistré sur cet appareil. Il ne contient ni noms, ni dates exactes, ni texte libre, ni catégories particulières. L'export est journalisé : heure, k, nombre d'enregistrements, omis et somme de contrôle SHA-256 du fichier.",
  },
  researchConfirmButton: {
    de: "Speichern und protokollieren",
    en: "Save and log",
    ar: "حفظ وتسجيل",
    fa: "ذخیره و ثبت",
    fr: "Enregistrer et journaliser",
  },
  researchDone: {
    de: "{0} Datensätze gespeichert, {1} weggelassen. SHA-256: {2}",
    en: "{0} records saved, {1} left out. SHA-256: {2}",
    ar: "حُفظ {0} سجلًا، وحُذف {1}. SHA-256: {2}",
    fa: "{0} رکورد ذخیره شد، {1} حذف شد. SHA-256: {2}",
    fr: "{0} enregistrements enregistrés, {1} omis. SHA-256 : {2}",
  },
  researchNone: {
    de: "Keine Person hat in die Forschung eingewilligt: nichts zu exportieren.",
    en: "Nobody consented to research: nothing to export.",
    ar: "لم يوافق أحد على البحث: لا يوجد ما يُصدَّر.",
    fa: "هیچ‌کس با پژوهش موافقت نکرده است: چیزی برای خروجی نیست.",
    fr: "Personne n'a consenti à la recherche : rien à exporter.",
  },
  exportLog: { de: "Exportprotokoll", en: "Export log", ar: "سجل التصدير", fa: "گزارش خروجی‌ها", fr: "Journal des exports" },
  exportLogEmpty: { de: "Noch kein Export.", en: "No export yet.", ar: "لا يوجد تصدير بعد.", fa: "هنوز خروجی‌ای نیست.", fr: "Pas encore d'export." },
  logTime: { de: "Zeit", en: "Time", ar: "الوقت", fa: "زمان", fr: "Heure" },
  logRows: { de: "Datensätze", en: "Records", ar: "السجلات", fa: "رکوردها", fr: "Enregistrements" },
  logSuppressed: { de: "weggelassen", en: "left out", ar: "المحذوف", fa: "حذف‌شده", fr: "omis" },
};

// tr returns the string key in lang (English, then German when missing), with {0}, {1}, …
// replaced by args.
export function tr(lang, key, ...args) {
  const s = S[key]?.[lang] ?? S[key]?.en ?? S[key]?.de ?? key;
  return s.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ""));
}

// strings exposes the table to tests (every key in every language).
export const strings = S;

// langOf returns the UI language of ctx (a string or a function returning one).
export function langOf(ctx) {
  const l = typeof ctx.lang === "function" ? ctx.lang() : ctx.lang;
  return CW_LANGS.includes(l) ? l : "de";
}

// Arabic pages write numbers with Arabic-Indic digits, Persian ones with Persian digits, as the
// rest of the app does; dates stay in the Gregorian calendar the document uses.
const LOCALE = { de: "de-DE", en: "en-GB", ar: "ar-EG-u-ca-gregory", fa: "fa-IR-u-ca-gregory", fr: "fr-FR" };

export function num(lang, n) {
  return new Intl.NumberFormat(LOCALE[lang] ?? lang).format(n);
}

// fmtDate shows an ISO date of the document (YYYY, YYYY-MM or YYYY-MM-DD) or an RFC 3339
// instant in lang; anything else as it is.
export function fmtDate(lang, s) {
  if (!s) return "";
  const loc = LOCALE[lang] ?? lang;
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (m) {
    const [, y, mo, d] = m;
    const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
    const opts = d ? { dateStyle: "medium", timeZone: "UTC" } : mo ? { year: "numeric", month: "long", timeZone: "UTC" } : { year: "numeric", timeZone: "UTC" };
    return new Intl.DateTimeFormat(loc, opts).format(date);
  }
  m = Date.parse(s);
  if (!Number.isNaN(m)) return new Intl.DateTimeFormat(loc, { dateStyle: "medium", timeStyle: "short" }).format(new Date(m));
  return s;
}

// today returns the local date as YYYY-MM-DD.
export function today(d = new Date()) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// normalizeDate reads a date typed with any digits (Arabic-Indic, Persian) as YYYY[-MM[-DD]];
// "" for an empty input, null for one that is not a date.
export function normalizeDate(s) {
  const raw = String(s ?? "")
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
  if (raw === "") return "";
  return /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(raw) ? raw : null;
}

// --- the case-work module ----------------------------------------------------------------------

// caseworkOf resolves ctx.casework: the module object, or a Promise or function that loads it.
export async function caseworkOf(ctx) {
  let cw = ctx.casework;
  if (typeof cw === "function" && typeof cw.plan !== "function") cw = cw();
  cw = await cw;
  if (!cw) throw Object.assign(new Error("case-work module not loaded"), { code: "missing" });
  return cw;
}

// call calls function name of the case-work module. The module's raw functions return an Error
// instead of throwing (a Go function cannot throw); the loader's wrapper throws it; both are
// handled here.
export function call(cw, name, ...args) {
  const f = cw?.[name];
  if (typeof f !== "function") throw Object.assign(new Error(name), { code: "missing" });
  const r = f.apply(cw, args);
  if (r instanceof Error) throw r;
  return r;
}

// has reports whether the module offers function name.
export function has(cw, name) {
  return typeof cw?.[name] === "function";
}

// errorMessage turns an error of the module or the client into a sentence for the person. The
// module's messages name the problem in English; the codes get sentences of their own.
export function errorMessage(lang, err) {
  const msg = err?.message ?? String(err);
  switch (err?.code) {
    case "missing":
      return tr(lang, "caseworkMissing", msg);
    case "closed":
      return tr(lang, "errClosed");
    case "changed":
      return tr(lang, "errPlanChanged");
    case "read-only":
      return tr(lang, "errReadOnly");
    case "offline":
      return tr(lang, "errOffline");
    case "invalid":
    case "invalid-argument":
      return tr(lang, "errInvalid", msg);
  }
  return tr(lang, "error", msg);
}

// --- elements ------------------------------------------------------------------------------------

// el builds an element as form.js's el does (kept here so that the case-work screens stand
// on their own): attributes, "text", "class", on* listeners; false/null/undefined are left out.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on") && typeof v === "function") e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

let fieldNo = 0;

// field returns a labelled control: {wrap, control}.
export function field(labelText, control, help) {
  const id = control.id || `cw${++fieldNo}`;
  control.id = id;
  const wrap = el("div", { class: "cw-field" }, el("label", { for: id, text: labelText }), control);
  if (help) wrap.append(el("small", { class: "help", text: help }));
  return wrap;
}

// dateInput is a text input for a date: left to right, numeric keyboard.
export function dateInput(lang, attrs = {}) {
  return el("input", { type: "text", inputmode: "numeric", dir: "ltr", autocomplete: "off", placeholder: tr(lang, "dateHint"), ...attrs });
}

// codeSelect is a select of a code list's codes with their labels ([{code, label}]).
export function codeSelect(codes, attrs = {}, { empty = true } = {}) {
  const s = el("select", attrs);
  if (empty) s.append(el("option", { value: "", text: "—" }));
  for (const c of codes ?? []) s.append(el("option", { value: c.code, text: c.label || c.code }));
  return s;
}

// download saves text as a file.
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// openPrintable opens html (a whole page, no scripts of its own) in a new window with a print
// button on top, which the opener wires up: the page's Content-Security-Policy, inherited by
// a blob: document, lets no inline script run there. When the browser blocks the window,
// the page goes into an iframe in fallback, with the print button beside it. Returns the
// window, or null when it went into the frame.
export function openPrintable(html, { lang, title, fallback }) {
  const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
  const w = window.open(url, "_blank");
  const label = tr(lang, "printOrPdf");
  if (w) {
    const decorate = () => {
      const d = w.document;
      if (!d?.body || d.getElementById("mobio-print")) return;
      const style = d.createElement("style");
      style.textContent =
        "#mobio-print-bar{position:sticky;top:0;display:flex;gap:.5rem;justify-content:flex-end;padding:.5rem;background:#f6f7f8;border-bottom:1px solid #d5dadf;font-family:system-ui,sans-serif}" +
        "#mobio-print-bar button{font:inherit;padding:.5rem 1rem;border-radius:.4rem;border:1px solid #1d5c63;background:#1d5c63;color:#fff;cursor:pointer}" +
        "@media print{#mobio-print-bar{display:none}}";
      const bar = d.createElement("div");
      bar.id = "mobio-print-bar";
      const b = d.createElement("button");
      b.type = "button";
      b.id = "mobio-print";
      b.textContent = label;
      b.dir = "auto"; // the page is German (left to right); the button speaks the UI language
      b.lang = lang;
      b.addEventListener("click", () => w.print());
      bar.append(b);
      d.head?.append(style);
      d.body.prepend(bar);
      if (title && !d.title) d.title = title;
    };
    if (w.document?.readyState === "complete" && w.location.href === url) decorate();
    w.addEventListener("load", decorate);
    setTimeout(() => URL.revokeObjectURL(url), 120_000);
    return w;
  }
  if (fallback) {
    const frame = el("iframe", { src: url, title: title ?? "", class: "cw-printable" });
    fallback.replaceChildren(
      el("p", { class: "help", text: tr(lang, "popupBlocked") }),
      el("button", { type: "button", class: "primary", text: label, onclick: () => frame.contentWindow?.print() }),
      frame,
    );
  }
  return null;
}

// --- styles ----------------------------------------------------------------------------------------

// The bundle's CSS comes from app.css alone (build.mjs builds it on its own), so the
// case-work screens bring their styles with them, once. Logical properties only: the layout
// mirrors for Arabic and Farsi.
const CSS = `
.cw { display: flex; flex-direction: column; gap: 1rem; }
.cw h3 { margin-block: 0.25rem 0.5rem; }
.cw-field { display: flex; flex-direction: column; gap: 0.25rem; margin-block-end: 0.5rem; }
.cw-field > label { font-weight: 600; }
.cw-row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.cw-row > * { flex: 1 1 12rem; }
.cw-row > button, .cw-row > strong, .cw-row > .cw-badge { flex: 0 0 auto; }
.cw .card > button { align-self: flex-start; }
.cw-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.75rem; margin: 0; }
.cw-facts dt { color: var(--muted, #5b6570); }
.cw-facts dd { margin: 0; }
.cw-list { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 0.5rem; }
.cw-list > li { border: 1px solid var(--line, #d5dadf); border-radius: 0.5rem; padding: 0.6rem; background: var(--card, #fff); display: flex; flex-direction: column; gap: 0.3rem; }
.cw-meta { color: var(--muted, #5b6570); font-size: 0.85rem; }
.cw-code { font-size: 0.8rem; color: var(--muted, #5b6570); }
.cw-due li[data-overdue="true"] { border-color: var(--bad, #b3261e); color: var(--bad, #b3261e); }
.cw-due li[data-overdue="true"] .cw-when { font-weight: 700; }
.cw-due li[data-overdue="false"] .cw-when { color: var(--warn, #b26a00); }
.cw-empty { color: var(--muted, #5b6570); font-style: italic; }
.cw-msg { margin: 0; }
.cw-msg[data-kind="error"] { color: var(--bad, #b3261e); }
.cw-msg[data-kind="ok"] { color: var(--ok, #2e7d32); }
.cw-msg:empty { display: none; }
.cw details > summary { cursor: pointer; font-weight: 600; min-height: 2.75rem; display: flex; align-items: center; }
.cw-canonical { white-space: pre-wrap; font-family: ui-monospace, "Noto Sans Mono", monospace; font-size: 0.8rem; background: var(--bg, #f6f7f8); border: 1px solid var(--line, #d5dadf); border-radius: 0.4rem; padding: 0.6rem; max-height: 24rem; overflow: auto; text-align: start; }
.cw-verify { padding: 0.5rem 0.75rem; border-radius: 0.4rem; border: 1px solid var(--line, #d5dadf); font-weight: 600; }
.cw-verify[data-status="valid"] { border-color: var(--ok, #2e7d32); color: var(--ok, #2e7d32); background: #edf7ee; }
.cw-verify[data-status="outdated"] { border-color: var(--warn, #b26a00); color: var(--warn, #b26a00); background: #fff4e5; }
.cw-verify[data-status="incomplete"] { border-color: var(--line, #d5dadf); color: var(--fg, #1b1f23); background: var(--bg, #f6f7f8); }
.cw-verify[data-status="invalid"] { border-color: var(--bad, #b3261e); color: var(--bad, #b3261e); background: #fdecea; }
.cw-sides { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
.cw-side[data-signed="true"]::before { content: "✓ "; color: var(--ok, #2e7d32); }
.cw-side[data-signed="false"]::before { content: "○ "; }
.cw-check { display: flex; gap: 0.5rem; align-items: flex-start; }
.cw-check input { width: auto; min-height: 1.4rem; margin-block-start: 0.15rem; flex: none; }
.cw-printable { width: 100%; height: 32rem; border: 1px solid var(--line, #d5dadf); border-radius: 0.4rem; background: #fff; }
.cw-tr { display: flex; flex-direction: column; gap: 0.35rem; margin-block-start: 0.35rem; }
.cw-tr:empty { display: none; }
.cw-tr-text { background: var(--bg, #f6f7f8); border-inline-start: 3px solid var(--accent, #1d5c63); padding: 0.4rem 0.6rem; white-space: pre-wrap; }
.cw-badge { display: inline-block; font-size: 0.75rem; padding: 0.1rem 0.5rem; border-radius: 0.6rem; background: #e8eef9; color: #24408e; }
.cw-badge[data-source="machine"] { background: #fff4e5; color: var(--warn, #b26a00); }
.cw-badge[data-outdated="true"] { background: #fdecea; color: var(--bad, #b3261e); }
.cw-tr button { align-self: flex-start; min-height: 2.4rem; font-size: 0.9rem; }
dialog.cw-dialog { max-width: min(36rem, 94vw); border: 1px solid var(--line, #d5dadf); border-radius: 0.6rem; padding: 1rem; }
dialog.cw-dialog::backdrop { background: rgb(0 0 0 / 0.35); }
.cw-dialog blockquote { margin: 0; padding: 0.5rem 0.75rem; background: var(--bg, #f6f7f8); border-inline-start: 3px solid var(--warn, #b26a00); white-space: pre-wrap; max-height: 12rem; overflow: auto; }
.cw-dialog code { word-break: break-all; }
.cw-dialog .cw-row { justify-content: flex-end; margin-block-start: 0.75rem; }
.cw-table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
.cw-table th, .cw-table td { border-block-end: 1px solid var(--line, #d5dadf); padding: 0.3rem 0.4rem; text-align: start; }
.cw-table td.cw-hash { font-family: ui-monospace, monospace; word-break: break-all; font-size: 0.75rem; }
`;

let styled = false;

// injectStyle adds the case-work styles to the page once.
export function injectStyle() {
  if (styled || typeof document === "undefined") return;
  styled = true;
  document.head.append(el("style", { id: "casework-style", text: CSS }));
}
