// i18n.js: the app's own words (buttons, status, screens) in the five languages of the
// catalogue. The labels of sections, fields and codes come from the catalogue itself.

export const LANGS = ["de", "en", "ar", "fa", "fr"];
export const RTL = new Set(["ar", "fa"]);

// The name of each language in itself, for the language switch.
export const NATIVE = { de: "Deutsch", en: "English", ar: "العربية", fa: "فارسی", fr: "Français" };

// The short name of each language, shown in the header's language switch.
export const SHORT = { de: "DE", en: "EN", ar: "عربي", fa: "فارسی", fr: "FR" };

const S = {
  appTitle: { de: "Meine Biografie", en: "My biography", ar: "سيرتي الذاتية", fa: "زندگی‌نامهٔ من", fr: "Ma biographie" },
  language: { de: "Sprache", en: "Language", ar: "اللغة", fa: "زبان", fr: "Langue" },
  loading: { de: "Wird geladen …", en: "Loading …", ar: "جارٍ التحميل …", fa: "در حال بارگذاری …", fr: "Chargement …" },
  welcome: {
    de: "Willkommen. Legen Sie ein Passwort fest. Es schützt Ihre Daten auf diesem Gerät.",
    en: "Welcome. Choose a passphrase. It protects your data on this device.",
    ar: "مرحبًا. اختر كلمة مرور. إنها تحمي بياناتك على هذا الجهاز.",
    fa: "خوش آمدید. یک رمز عبور انتخاب کنید. این رمز از داده‌های شما روی این دستگاه محافظت می‌کند.",
    fr: "Bienvenue. Choisissez une phrase secrète. Elle protège vos données sur cet appareil.",
  },
  passphrase: { de: "Passwort", en: "Passphrase", ar: "كلمة المرور", fa: "رمز عبور", fr: "Phrase secrète" },
  passphraseAgain: { de: "Passwort wiederholen", en: "Passphrase again", ar: "أعد كتابة كلمة المرور", fa: "تکرار رمز عبور", fr: "Répétez la phrase secrète" },
  passphraseShort: {
    de: "Mindestens 8 Zeichen.",
    en: "At least 8 characters.",
    ar: "8 أحرف على الأقل.",
    fa: "دست‌کم ۸ نویسه.",
    fr: "Au moins 8 caractères.",
  },
  passphraseMismatch: {
    de: "Die Passwörter sind verschieden.",
    en: "The passphrases differ.",
    ar: "كلمتا المرور غير متطابقتين.",
    fa: "رمزها یکسان نیستند.",
    fr: "Les phrases secrètes diffèrent.",
  },
  createIdentity: { de: "Weiter", en: "Continue", ar: "متابعة", fa: "ادامه", fr: "Continuer" },
  unlockTitle: {
    de: "Geben Sie Ihr Passwort ein.",
    en: "Enter your passphrase.",
    ar: "أدخل كلمة المرور.",
    fa: "رمز عبور خود را وارد کنید.",
    fr: "Saisissez votre phrase secrète.",
  },
  unlock: { de: "Öffnen", en: "Open", ar: "فتح", fa: "باز کردن", fr: "Ouvrir" },
  unlocking: {
    de: "Wird geöffnet … Das dauert einen Moment.",
    en: "Opening … This takes a moment.",
    ar: "جارٍ الفتح … يستغرق ذلك لحظة.",
    fa: "در حال باز کردن … این کار لحظه‌ای طول می‌کشد.",
    fr: "Ouverture … Cela prend un instant.",
  },
  creatingIdentity: {
    de: "Ihr Schlüssel wird erstellt … Das dauert einen Moment.",
    en: "Creating your key … This takes a moment.",
    ar: "جارٍ إنشاء مفتاحك … يستغرق ذلك لحظة.",
    fa: "در حال ساختن کلید شما … این کار لحظه‌ای طول می‌کشد.",
    fr: "Création de votre clé … Cela prend un instant.",
  },
  wrongPassphrase: { de: "Falsches Passwort.", en: "Wrong passphrase.", ar: "كلمة المرور خاطئة.", fa: "رمز عبور نادرست است.", fr: "Phrase secrète incorrecte." },
  newBiography: { de: "Neue Biografie", en: "New biography", ar: "سيرة جديدة", fa: "زندگی‌نامهٔ جدید", fr: "Nouvelle biographie" },
  biographyName: { de: "Name (nur für Sie sichtbar)", en: "Name (only you see it)", ar: "الاسم (تراه أنت فقط)", fa: "نام (فقط شما می‌بینید)", fr: "Nom (visible par vous seul·e)" },
  create: { de: "Anlegen", en: "Create", ar: "إنشاء", fa: "ایجاد", fr: "Créer" },
  yourBiographies: { de: "Ihre Biografien", en: "Your biographies", ar: "سِيَرك", fa: "زندگی‌نامه‌های شما", fr: "Vos biographies" },
  back: { de: "Zurück", en: "Back", ar: "رجوع", fa: "بازگشت", fr: "Retour" },
  // The status in the header: a short word (it must fit a phone's header in one line) and a
  // sentence for its tooltip.
  offline: { de: "Offline", en: "Offline", ar: "غير متصل", fa: "آفلاین", fr: "Hors ligne" },
  syncing: { de: "Sendet", en: "Sending", ar: "إرسال", fa: "ارسال", fr: "Envoi" },
  saved: { de: "Gespeichert", en: "Saved", ar: "تم الحفظ", fa: "ذخیره شد", fr: "Enregistré" },
  offlineLong: {
    de: "Offline. Ihre Änderungen bleiben auf diesem Gerät und werden gesendet, sobald eine Verbindung besteht.",
    en: "Offline. Your changes stay on this device and are sent once there is a connection.",
    ar: "غير متصل. تبقى تغييراتك على هذا الجهاز وتُرسل عند توفر الاتصال.",
    fa: "آفلاین. تغییرات شما روی این دستگاه می‌ماند و با برقراری اتصال ارسال می‌شود.",
    fr: "Hors ligne. Vos modifications restent sur cet appareil et seront envoyées dès qu'une connexion existe.",
  },
  syncingLong: { de: "Wird synchronisiert …", en: "Syncing …", ar: "جارٍ المزامنة …", fa: "در حال همگام‌سازی …", fr: "Synchronisation …" },
  savedLong: { de: "Alle Änderungen gespeichert", en: "All changes saved", ar: "تم حفظ كل التغييرات", fa: "همهٔ تغییرات ذخیره شد", fr: "Toutes les modifications enregistrées" },
  pending: { de: "{n} ausstehend", en: "{n} pending", ar: "{n} بانتظار الإرسال", fa: "{n} در انتظار ارسال", fr: "{n} en attente" },
  pendingWord: { de: "ausstehend", en: "pending", ar: "بانتظار الإرسال", fa: "در انتظار ارسال", fr: "en attente" },
  add: { de: "Hinzufügen", en: "Add", ar: "إضافة", fa: "افزودن", fr: "Ajouter" },
  remove: { de: "Entfernen", en: "Remove", ar: "حذف", fa: "حذف", fr: "Supprimer" },
  entry: { de: "Eintrag", en: "Entry", ar: "إدخال", fa: "مورد", fr: "Entrée" },
  none: { de: "—", en: "—", ar: "—", fa: "—", fr: "—" },
  yes: { de: "Ja", en: "Yes", ar: "نعم", fa: "بله", fr: "Oui" },
  no: { de: "Nein", en: "No", ar: "لا", fa: "خیر", fr: "Non" },
  dateHint: { de: "JJJJ, JJJJ-MM oder JJJJ-MM-TT", en: "YYYY, YYYY-MM or YYYY-MM-DD", ar: "YYYY أو YYYY-MM أو YYYY-MM-DD", fa: "YYYY یا YYYY-MM یا YYYY-MM-DD", fr: "AAAA, AAAA-MM ou AAAA-MM-JJ" },
  invalid: { de: "Ungültige Angabe", en: "Invalid value", ar: "قيمة غير صالحة", fa: "مقدار نامعتبر", fr: "Valeur non valide" },
  writtenIn: { de: "Geschrieben auf", en: "Written in", ar: "مكتوب بـ", fa: "نوشته‌شده به", fr: "Écrit en" },
  share: { de: "Teilen", en: "Share", ar: "مشاركة", fa: "اشتراک‌گذاری", fr: "Partager" },
  members: { de: "Wer hat Zugriff", en: "Who has access", ar: "من يمكنه الوصول", fa: "چه کسانی دسترسی دارند", fr: "Qui a accès" },
  inviteCounsellor: { de: "Beratung einladen", en: "Invite a counsellor", ar: "دعوة مستشار", fa: "دعوت از مشاور", fr: "Inviter un conseiller" },
  inviteHelp: {
    de: "Der Link gilt 7 Tage und nur einmal. Geben Sie ihn nur Ihrer Beratung.",
    en: "The link works once, for 7 days. Give it only to your counsellor.",
    ar: "يعمل الرابط مرة واحدة ولمدة 7 أيام. أعطه لمستشارك فقط.",
    fa: "این پیوند فقط یک بار و به مدت ۷ روز کار می‌کند. آن را فقط به مشاور خود بدهید.",
    fr: "Le lien fonctionne une fois, pendant 7 jours. Ne le donnez qu'à votre conseiller.",
  },
  copy: { de: "Kopieren", en: "Copy", ar: "نسخ", fa: "کپی", fr: "Copier" },
  copied: { de: "Kopiert", en: "Copied", ar: "تم النسخ", fa: "کپی شد", fr: "Copié" },
  revoke: { de: "Zugriff entziehen", en: "Revoke access", ar: "إلغاء الوصول", fa: "لغو دسترسی", fr: "Retirer l'accès" },
  revokeQuestion: {
    de: "Zugriff wirklich entziehen? Neue Änderungen sieht diese Person dann nicht mehr.",
    en: "Really revoke access? This person will no longer see new changes.",
    ar: "هل تريد فعلًا إلغاء الوصول؟ لن يرى هذا الشخص التغييرات الجديدة بعد ذلك.",
    fa: "واقعاً دسترسی لغو شود؟ این شخص دیگر تغییرات تازه را نمی‌بیند.",
    fr: "Retirer vraiment l'accès ? Cette personne ne verra plus les nouvelles modifications.",
  },
  revokeConfirm: { de: "Ja, entziehen", en: "Yes, revoke", ar: "نعم، ألغِ الوصول", fa: "بله، لغو شود", fr: "Oui, retirer" },
  cancel: { de: "Abbrechen", en: "Cancel", ar: "إلغاء الأمر", fa: "انصراف", fr: "Annuler" },
  me: { de: "Sie", en: "You", ar: "أنت", fa: "شما", fr: "Vous" },
  role_owner: { de: "Inhaber·in", en: "Owner", ar: "المالك", fa: "مالک", fr: "Titulaire" },
  role_counsellor: { de: "Beratung", en: "Counsellor", ar: "مستشار", fa: "مشاور", fr: "Conseiller" },
  role_viewer: { de: "Lesezugriff", en: "Viewer", ar: "مشاهد", fa: "بیننده", fr: "Lecteur" },
  invited: { de: "Sie wurden zu einer Biografie eingeladen.", en: "You have been invited to a biography.", ar: "تمت دعوتك إلى سيرة ذاتية.", fa: "شما به یک زندگی‌نامه دعوت شده‌اید.", fr: "Vous avez été invité·e à une biographie." },
  accept: { de: "Einladung annehmen", en: "Accept the invitation", ar: "قبول الدعوة", fa: "پذیرفتن دعوت", fr: "Accepter l'invitation" },
  acceptNeedsNetwork: {
    de: "Zum Annehmen braucht es eine Verbindung.",
    en: "Accepting needs a connection.",
    ar: "يتطلب القبول اتصالًا بالإنترنت.",
    fa: "برای پذیرفتن به اتصال نیاز است.",
    fr: "Accepter nécessite une connexion.",
  },
  editing: { de: "{who} bearbeitet: {field}", en: "{who} is editing: {field}", ar: "{who} يحرّر: {field}", fa: "{who} در حال ویرایش: {field}", fr: "{who} modifie : {field}" },
  here: { de: "{who} ist hier", en: "{who} is here", ar: "{who} هنا", fa: "{who} اینجاست", fr: "{who} est ici" },
  upload: { de: "Datei hochladen", en: "Upload a file", ar: "رفع ملف", fa: "بارگذاری فایل", fr: "Téléverser un fichier" },
  takePhoto: { de: "Foto aufnehmen", en: "Take a photo", ar: "التقاط صورة", fa: "گرفتن عکس", fr: "Prendre une photo" },
  download: { de: "Herunterladen", en: "Download", ar: "تنزيل", fa: "دانلود", fr: "Télécharger" },
  preview: { de: "Ansehen", en: "Preview", ar: "معاينة", fa: "پیش‌نمایش", fr: "Aperçu" },
  notUploaded: { de: "Noch nicht hochgeladen", en: "Not uploaded yet", ar: "لم يُرفع بعد", fa: "هنوز بارگذاری نشده", fr: "Pas encore téléversé" },
  removed: {
    de: "Ihr Zugriff auf diese Biografie wurde beendet.",
    en: "Your access to this biography has ended.",
    ar: "انتهى وصولك إلى هذه السيرة.",
    fa: "دسترسی شما به این زندگی‌نامه پایان یافت.",
    fr: "Votre accès à cette biographie a pris fin.",
  },
  removedHelp: {
    de: "Sie gehören nicht mehr zu den Personen, die diese Biografie sehen dürfen. Neue Änderungen erreichen Sie nicht mehr, und Ihre Änderungen werden nicht mehr gesendet.",
    en: "You are no longer one of the people who may see this biography. New changes no longer reach you, and your changes are no longer sent.",
    ar: "لم تعد من الأشخاص المسموح لهم برؤية هذه السيرة. لن تصلك التغييرات الجديدة، ولن تُرسل تغييراتك.",
    fa: "شما دیگر جزو کسانی نیستید که اجازهٔ دیدن این زندگی‌نامه را دارند. تغییرات تازه به شما نمی‌رسد و تغییرات شما هم ارسال نمی‌شود.",
    fr: "Vous ne faites plus partie des personnes autorisées à voir cette biographie. Les nouvelles modifications ne vous parviennent plus et les vôtres ne sont plus envoyées.",
  },
  erased: {
    de: "Diese Biografie wurde von ihrer Inhaberin oder ihrem Inhaber gelöscht.",
    en: "The owner has erased this biography.",
    ar: "حذف المالك هذه السيرة.",
    fa: "مالک این زندگی‌نامه را پاک کرده است.",
    fr: "Le ou la titulaire a effacé cette biographie.",
  },
  toHome: { de: "Zu Ihren Biografien", en: "To your biographies", ar: "إلى سِيَرك", fa: "به زندگی‌نامه‌های شما", fr: "Vers vos biographies" },
  stateMenu: {
    de: "Unbekannt oder keine Angabe?",
    en: "Unknown or declined to answer?",
    ar: "غير معروف أو لا رغبة في الإجابة؟",
    fa: "نامعلوم یا بدون پاسخ؟",
    fr: "Inconnu ou refus de répondre ?",
  },
  state_unknown: { de: "Unbekannt", en: "Unknown", ar: "غير معروف", fa: "نامعلوم", fr: "Inconnu" },
  state_declined: { de: "Keine Angabe gewünscht", en: "Declined to answer", ar: "لا رغبة في الإجابة", fa: "تمایلی به پاسخ نیست", fr: "Ne souhaite pas répondre" },
  clearState: { de: "Aufheben", en: "Clear", ar: "إلغاء", fa: "برداشتن", fr: "Effacer" },
  // --- case work: navigation and loading ---------------------------------------------------------
  nav_send: { de: "Senden", en: "Send", ar: "إرسال", fa: "ارسال", fr: "Envoyer" },
  nav_consents: { de: "Einwilligungen", en: "Consents", ar: "الموافقات", fa: "رضایت‌ها", fr: "Consentements" },
  nav_plan: { de: "Plan", en: "Plan", ar: "الخطة", fa: "برنامه", fr: "Plan" },
  nav_cv: { de: "Lebenslauf", en: "CV", ar: "السيرة المهنية", fa: "رزومه", fr: "CV" },
  nav_translate: { de: "Übersetzen", en: "Translate", ar: "الترجمة", fa: "ترجمه", fr: "Traduire" },
  nav_reports: { de: "Berichte", en: "Reports", ar: "التقارير", fa: "گزارش‌ها", fr: "Rapports" },
  caseworkLoading: {
    de: "Fallarbeit wird geladen …",
    en: "Loading case work …",
    ar: "جارٍ تحميل متابعة الحالة …",
    fa: "در حال بارگذاری پیگیری پرونده …",
    fr: "Chargement du suivi …",
  },
  caseworkFailed: {
    de: "Die Fallarbeit ließ sich nicht laden: {msg}",
    en: "Case work could not be loaded: {msg}",
    ar: "تعذّر تحميل متابعة الحالة: {msg}",
    fa: "پیگیری پرونده بارگذاری نشد: {msg}",
    fr: "Le suivi n'a pas pu être chargé : {msg}",
  },
  retry: { de: "Noch einmal versuchen", en: "Try again", ar: "حاول مرة أخرى", fa: "دوباره امتحان کنید", fr: "Réessayer" },

  // --- case work: sending to an agency -----------------------------------------------------------
  sendTitle: { de: "An eine Stelle senden", en: "Send to an agency", ar: "إرسال إلى جهة", fa: "ارسال به یک نهاد", fr: "Envoyer à un organisme" },
  sendIntro: {
    de: "Wählen Sie, wer Ihre Angaben bekommt. Bevor Sie zustimmen, sehen Sie genau, was auf Deutsch gesendet wird. Die Stelle öffnet es mit einem Link; Sie können es jederzeit zurückziehen.",
    en: "Choose who receives your information. Before you agree, you see exactly what is sent, in German. The recipient opens it with a link; you can withdraw it at any time.",
    ar: "اختر من يستلم بياناتك. قبل أن توافق، ترى بالضبط ما سيُرسل باللغة الألمانية. تفتحه الجهة عبر رابط، ويمكنك سحبه في أي وقت.",
    fa: "انتخاب کنید چه کسی اطلاعات شما را دریافت کند. پیش از موافقت، دقیقاً می‌بینید چه چیزی به آلمانی فرستاده می‌شود. گیرنده آن را با یک پیوند باز می‌کند و شما هر زمان می‌توانید آن را پس بگیرید.",
    fr: "Choisissez qui reçoit vos informations. Avant d'accepter, vous voyez exactement ce qui est envoyé, en allemand. Le destinataire l'ouvre avec un lien ; vous pouvez le retirer à tout moment.",
  },
  recipientType: { de: "Empfänger", en: "Recipient", ar: "الجهة المستلمة", fa: "گیرنده", fr: "Destinataire" },
  recipientName: {
    de: "Name der Stelle (z. B. Bäckerei Schmidt)",
    en: "Name of the recipient (e.g. Bäckerei Schmidt)",
    ar: "اسم الجهة (مثلًا: Bäckerei Schmidt)",
    fa: "نام گیرنده (مثلاً Bäckerei Schmidt)",
    fr: "Nom du destinataire (p. ex. Bäckerei Schmidt)",
  },
  validDays: { de: "Gültig für (Tage)", en: "Valid for (days)", ar: "صالح لمدة (أيام)", fa: "مدت اعتبار (روز)", fr: "Valable pendant (jours)" },
  validUntil: { de: "Gültig bis {date}", en: "Valid until {date}", ar: "صالح حتى {date}", fa: "معتبر تا {date}", fr: "Valable jusqu'au {date}" },
  optionalItems: { de: "Zusätzlich senden (freiwillig)", en: "Also send (optional)", ar: "إرسال إضافي (اختياري)", fa: "ارسال اضافه (اختیاری)", fr: "Envoyer aussi (facultatif)" },
  documentsToSend: {
    de: "Dokumente mitsenden (nur angekreuzte)",
    en: "Documents to include (only those ticked)",
    ar: "المستندات المرفقة (المحدّدة فقط)",
    fa: "مدارک همراه (فقط موارد علامت‌خورده)",
    fr: "Documents à joindre (seulement ceux cochés)",
  },
  previewTitle: { de: "Das wird gesendet (auf Deutsch)", en: "What is sent (in German)", ar: "ما سيُرسل (بالألمانية)", fa: "آنچه فرستاده می‌شود (به آلمانی)", fr: "Ce qui est envoyé (en allemand)" },
  previewHelp: {
    de: "Entfernen Sie den Haken bei allem, was Sie nicht senden möchten.",
    en: "Untick anything you do not want to send.",
    ar: "أزل العلامة عن كل ما لا تريد إرساله.",
    fa: "تیک هر چیزی را که نمی‌خواهید بفرستید بردارید.",
    fr: "Décochez tout ce que vous ne voulez pas envoyer.",
  },
  previewEmpty: {
    de: "Für diese Stelle ist noch nichts ausgefüllt, das gesendet werden könnte.",
    en: "Nothing filled in yet that could go to this recipient.",
    ar: "لم يُملأ بعد أي شيء يمكن إرساله إلى هذه الجهة.",
    fa: "هنوز چیزی که بتوان برای این گیرنده فرستاد پر نشده است.",
    fr: "Rien n'est encore rempli qui pourrait être envoyé à ce destinataire.",
  },
  originalText: { de: "Original", en: "Original", ar: "النص الأصلي", fa: "متن اصلی", fr: "Original" },
  includeItem: { de: "Senden: {what}", en: "Send: {what}", ar: "إرسال: {what}", fa: "ارسال: {what}", fr: "Envoyer : {what}" },
  consentTitle: { de: "Einwilligung", en: "Consent", ar: "الموافقة", fa: "رضایت", fr: "Consentement" },
  consentLanguage: {
    de: "Sprache des Einwilligungstextes",
    en: "Language of the consent text",
    ar: "لغة نص الموافقة",
    fa: "زبان متن رضایت‌نامه",
    fr: "Langue du texte de consentement",
  },
  consentDraft: {
    de: "Noch nicht von einer Übersetzerin oder einem Übersetzer geprüft. Verbindlich ist der deutsche Text.",
    en: "Not yet reviewed by a translator. The German text is binding.",
    ar: "لم يراجعه مترجم بعد. النص الألماني هو الملزم.",
    fa: "هنوز توسط مترجم بررسی نشده است. متن آلمانی معتبر است.",
    fr: "Pas encore relu par un traducteur ou une traductrice. Le texte allemand fait foi.",
  },
  consentSummary: {
    de: "Empfänger: {who}. Abschnitte: {sections}. Gültig bis {date}.",
    en: "Recipient: {who}. Sections: {sections}. Valid until {date}.",
    ar: "الجهة المستلمة: {who}. الأقسام: {sections}. صالح حتى {date}.",
    fa: "گیرنده: {who}. بخش‌ها: {sections}. معتبر تا {date}.",
    fr: "Destinataire : {who}. Sections : {sections}. Valable jusqu'au {date}.",
  },
  noOperator: {
    de: "Die Stelle, die diesen Dienst betreibt, hat noch nicht eingetragen, wer für die Daten verantwortlich ist. Ohne diese Angabe kann keine Einwilligung aufgenommen und nichts gesendet werden.",
    en: "The organisation running this service has not yet entered who is responsible for the data. Without it, no consent can be recorded and nothing can be sent.",
    ar: "لم تُدخل الجهة التي تشغّل هذه الخدمة بعدُ المسؤولَ عن البيانات. بدون ذلك لا يمكن تسجيل موافقة ولا إرسال شيء.",
    fa: "سازمانی که این سرویس را اداره می‌کند هنوز مسئول داده‌ها را وارد نکرده است. بدون آن نه رضایتی ثبت می‌شود و نه چیزی فرستاده می‌شود.",
    fr: "L'organisme qui gère ce service n'a pas encore indiqué qui est responsable des données. Sans cela, aucun consentement ne peut être enregistré et rien ne peut être envoyé.",
  },
  agree: {
    de: "Ich habe den Text gelesen und bin einverstanden.",
    en: "I have read the text and agree.",
    ar: "قرأت النص وأوافق عليه.",
    fa: "متن را خوانده‌ام و موافقم.",
    fr: "J'ai lu le texte et je suis d'accord.",
  },
  sendButton: { de: "Senden", en: "Send", ar: "إرسال", fa: "ارسال", fr: "Envoyer" },
  sending: { de: "Wird gesendet …", en: "Sending …", ar: "جارٍ الإرسال …", fa: "در حال ارسال …", fr: "Envoi …" },
  sendNeedsNetwork: {
    de: "Zum Senden braucht es eine Verbindung.",
    en: "Sending needs a connection.",
    ar: "يتطلب الإرسال اتصالًا بالإنترنت.",
    fa: "برای ارسال به اتصال نیاز است.",
    fr: "L'envoi nécessite une connexion.",
  },
  sendNeedsName: {
    de: "Bitte geben Sie den Namen der Stelle ein.",
    en: "Please enter the recipient's name.",
    ar: "يرجى إدخال اسم الجهة.",
    fa: "لطفاً نام گیرنده را وارد کنید.",
    fr: "Veuillez saisir le nom du destinataire.",
  },
  sentTitle: { de: "Gesendet", en: "Sent", ar: "تم الإرسال", fa: "فرستاده شد", fr: "Envoyé" },
  sentHelp: {
    de: "Geben Sie diesen Link nur dieser Stelle. Er wird nur jetzt angezeigt. Wer ihn hat, kann die Angaben bis {date} lesen, solange Sie sie nicht zurückziehen.",
    en: "Give this link to this recipient only. It is shown only now. Whoever has it can read the information until {date}, unless you withdraw it.",
    ar: "أعطِ هذا الرابط لهذه الجهة فقط. يظهر الآن فقط. من يملكه يستطيع قراءة البيانات حتى {date}، ما لم تسحبها.",
    fa: "این پیوند را فقط به همین گیرنده بدهید. فقط همین حالا نمایش داده می‌شود. هر کس آن را داشته باشد تا {date} می‌تواند اطلاعات را بخواند، مگر اینکه آن را پس بگیرید.",
    fr: "Ne donnez ce lien qu'à ce destinataire. Il n'est affiché que maintenant. Qui l'a peut lire les informations jusqu'au {date}, sauf si vous les retirez.",
  },
  sendAnother: { de: "Noch einmal senden", en: "Send again", ar: "إرسال مرة أخرى", fa: "ارسال دوباره", fr: "Envoyer à nouveau" },
  sharesTitle: { de: "Gesendete Pakete", en: "Packages sent", ar: "الحزم المُرسلة", fa: "بسته‌های فرستاده‌شده", fr: "Envois effectués" },
  noShares: { de: "Noch nichts gesendet.", en: "Nothing sent yet.", ar: "لم يُرسل شيء بعد.", fa: "هنوز چیزی فرستاده نشده است.", fr: "Rien n'a encore été envoyé." },
  share_active: { de: "aktiv", en: "active", ar: "نشط", fa: "فعال", fr: "actif" },
  share_expired: { de: "abgelaufen", en: "expired", ar: "منتهي الصلاحية", fa: "منقضی", fr: "expiré" },
  share_withdrawn: { de: "zurückgezogen", en: "withdrawn", ar: "مسحوب", fa: "پس‌گرفته", fr: "retiré" },
  sentOn: { de: "Gesendet am {date}", en: "Sent on {date}", ar: "أُرسل في {date}", fa: "فرستاده‌شده در {date}", fr: "Envoyé le {date}" },
  withdrawnOn: { de: "Zurückgezogen am {date}", en: "Withdrawn on {date}", ar: "سُحب في {date}", fa: "پس‌گرفته در {date}", fr: "Retiré le {date}" },
  withdraw: { de: "Zurückziehen", en: "Withdraw", ar: "سحب", fa: "پس گرفتن", fr: "Retirer" },
  withdrawQuestion: {
    de: "Wirklich zurückziehen? Der Link funktioniert dann nicht mehr.",
    en: "Really withdraw? The link will stop working.",
    ar: "هل تريد فعلًا السحب؟ لن يعمل الرابط بعد ذلك.",
    fa: "واقعاً پس گرفته شود؟ پیوند دیگر کار نمی‌کند.",
    fr: "Retirer vraiment ? Le lien ne fonctionnera plus.",
  },
  withdrawConfirm: { de: "Ja, zurückziehen", en: "Yes, withdraw", ar: "نعم، اسحب", fa: "بله، پس گرفته شود", fr: "Oui, retirer" },

  // --- case work: consents ------------------------------------------------------------------------
  consentsTitle: { de: "Ihre Einwilligungen", en: "Your consents", ar: "موافقاتك", fa: "رضایت‌های شما", fr: "Vos consentements" },
  consentsNone: { de: "Noch keine Einwilligungen.", en: "No consents yet.", ar: "لا توجد موافقات بعد.", fa: "هنوز رضایتی ثبت نشده است.", fr: "Aucun consentement pour l'instant." },
  consentTo: { de: "An: {who}", en: "To: {who}", ar: "إلى: {who}", fa: "به: {who}", fr: "À : {who}" },
  consentShownIn: { de: "Text auf {lang}", en: "Text in {lang}", ar: "النص باللغة: {lang}", fa: "متن به زبان {lang}", fr: "Texte en {lang}" },
  consentGivenOn: { de: "Gegeben am {date}", en: "Given on {date}", ar: "أُعطيت في {date}", fa: "داده‌شده در {date}", fr: "Donné le {date}" },
  consentWithdrawnOn: { de: "Widerrufen am {date}", en: "Withdrawn on {date}", ar: "سُحبت في {date}", fa: "لغوشده در {date}", fr: "Retiré le {date}" },
  consent_active: { de: "gültig", en: "in force", ar: "سارية", fa: "معتبر", fr: "en vigueur" },
  consent_withdrawn: { de: "widerrufen", en: "withdrawn", ar: "مسحوبة", fa: "لغوشده", fr: "retiré" },
  withdrawConsent: { de: "Widerrufen", en: "Withdraw", ar: "سحب الموافقة", fa: "لغو رضایت", fr: "Retirer" },
  effectsIntro: { de: "Wenn Sie widerrufen:", en: "If you withdraw:", ar: "إذا سحبت الموافقة:", fa: "اگر رضایت را لغو کنید:", fr: "Si vous retirez votre consentement :" },
  effectNone: {
    de: "Die Einwilligung wird als widerrufen vermerkt; was bisher geschah, bleibt rechtmäßig.",
    en: "The consent is marked as withdrawn; what happened until now stays lawful.",
    ar: "تُسجَّل الموافقة على أنها مسحوبة؛ ويبقى ما حدث حتى الآن قانونيًا.",
    fa: "رضایت لغوشده ثبت می‌شود؛ آنچه تاکنون انجام شده قانونی می‌ماند.",
    fr: "Le consentement est noté comme retiré ; ce qui a eu lieu jusqu'ici reste licite.",
  },
  effectRevoke: {
    de: "{who} verliert den Zugriff auf diese Biografie.",
    en: "{who} loses access to this biography.",
    ar: "يفقد {who} الوصول إلى هذه السيرة.",
    fa: "{who} دسترسی به این زندگی‌نامه را از دست می‌دهد.",
    fr: "{who} perd l'accès à cette biographie.",
  },
  effectPackages: {
    de: "Gesendete Pakete werden zurückgezogen: {list}",
    en: "Packages sent are withdrawn: {list}",
    ar: "تُسحب الحزم المُرسلة: {list}",
    fa: "بسته‌های فرستاده‌شده پس گرفته می‌شوند: {list}",
    fr: "Les envois effectués sont retirés : {list}",
  },
  effectErase: { de: "Gelöscht wird: {list}", en: "Erased: {list}", ar: "يُحذف: {list}", fa: "پاک می‌شود: {list}", fr: "Effacé : {list}" },
  effectEraseDocument: {
    de: "Die ganze Biografie wird gelöscht, für alle, die Zugriff haben.",
    en: "The whole biography is erased, for everyone who has access.",
    ar: "تُحذف السيرة كاملةً لدى كل من لديه وصول إليها.",
    fa: "کل زندگی‌نامه برای همهٔ کسانی که دسترسی دارند پاک می‌شود.",
    fr: "Toute la biographie est effacée, pour toutes les personnes qui y ont accès.",
  },
  effectResearch: {
    de: "Ihre Angaben fließen in keine Auswertung für die Forschung mehr ein.",
    en: "Your information is left out of research evaluations from now on.",
    ar: "لن تدخل بياناتك بعد الآن في أي تقييم بحثي.",
    fa: "اطلاعات شما از این پس در هیچ ارزیابی پژوهشی به کار نمی‌رود.",
    fr: "Vos informations ne sont plus utilisées dans aucune évaluation de recherche.",
  },
  withdrawConsentConfirm: { de: "Ja, widerrufen", en: "Yes, withdraw", ar: "نعم، اسحب الموافقة", fa: "بله، لغو شود", fr: "Oui, retirer" },
  revokeNotOwner: {
    de: "Den Zugriff entzieht die Inhaberin oder der Inhaber der Biografie (Teilen).",
    en: "The biography's owner removes the access (Share).",
    ar: "يلغي مالك السيرة الوصول (مشاركة).",
    fa: "مالک زندگی‌نامه دسترسی را لغو می‌کند (اشتراک‌گذاری).",
    fr: "Le ou la titulaire de la biographie retire l'accès (Partager).",
  },
  // --- case work: the support-needs section's own consent (healthconsent.js) -----------------------
  healthConsentTitle: {
    de: "Einwilligung für den Unterstützungsbedarf",
    en: "Consent for the support-needs section",
    ar: "الموافقة على قسم احتياجات الدعم",
    fa: "رضایت برای بخش نیاز به حمایت",
    fr: "Consentement pour la section « besoins d'accompagnement »",
  },
  healthConsentIntro: {
    de: "Hier stehen Angaben zur Gesundheit, die für Ihren Plan wichtig sind. Sie sind freiwillig und brauchen vorher Ihre eigene Einwilligung: Bitte lesen Sie den Text. Sie können sie jederzeit unter „Einwilligungen“ widerrufen; dann wird dieser Abschnitt gelöscht.",
    en: "This section holds health information that matters for your plan. It is optional and needs your own consent first: please read the text. You can withdraw it at any time under Consents; this section is then erased.",
    ar: "يحتوي هذا القسم على معلومات صحية مهمة لخطتك. وهو اختياري ويتطلب موافقتك الخاصة أولًا: يرجى قراءة النص. يمكنك سحب الموافقة في أي وقت من «الموافقات»؛ وعندها يُحذف هذا القسم.",
    fa: "این بخش اطلاعات سلامتی را در بر دارد که برای برنامهٔ شما مهم است. پر کردن آن اختیاری است و پیش از آن به رضایت جداگانهٔ شما نیاز دارد: لطفاً متن را بخوانید. هر زمان می‌توانید آن را در «رضایت‌ها» لغو کنید؛ آن‌گاه این بخش پاک می‌شود.",
    fr: "Cette section contient des informations de santé utiles à votre plan. Elle est facultative et nécessite d'abord votre propre consentement : veuillez lire le texte. Vous pouvez le retirer à tout moment sous « Consentements » ; cette section est alors effacée.",
  },
  healthAgree: { de: "Ich stimme zu", en: "I agree", ar: "أوافق", fa: "موافقم", fr: "J'accepte" },
  aMember: { de: "Ein Mitglied", en: "A member", ar: "أحد الأعضاء", fa: "یکی از اعضا", fr: "Un membre" },
  error: { de: "Fehler: {msg}", en: "Error: {msg}", ar: "خطأ: {msg}", fa: "خطا: {msg}", fr: "Erreur : {msg}" },
};

// The consent texts' ten languages by their names in themselves (the texts exist in more
// languages than the app's interface).
export const CONSENT_NATIVE = {
  de: "Deutsch",
  en: "English",
  ar: "العربية",
  fa: "فارسی",
  fr: "Français",
  tr: "Türkçe",
  ps: "پښتو",
  ti: "ትግርኛ",
  kmr: "Kurmancî",
  uk: "Українська",
};

let current = "de";

export function setLang(lang) {
  current = LANGS.includes(lang) ? lang : "de";
  return current;
}

export function lang() {
  return current;
}

// t returns the app's word key in the current language, with {name} placeholders filled.
export function t(key, vars = {}) {
  const s = S[key]?.[current] ?? S[key]?.en ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));
}

// label picks a catalogue text ({de, en, ar, fa, fr}) in the current language.
export function label(text, fallback = "") {
  if (!text) return fallback;
  return text[current] || text.en || text.de || fallback;
}

// dateText writes an instant (a Date or an RFC 3339 string) as a date in the current
// language, in the Gregorian calendar, with its digits.
export function dateText(v) {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) return String(v ?? "");
  const locale = { de: "de-DE", en: "en-GB", ar: "ar-EG-u-ca-gregory", fa: "fa-IR-u-ca-gregory", fr: "fr-FR" }[current];
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(d);
}

// missingTranslations lists the app's words that lack one of the five languages (build.mjs
// refuses to build then).
export function missingTranslations() {
  const out = [];
  for (const [key, text] of Object.entries(S)) {
    for (const l of LANGS) if (typeof text[l] !== "string" || text[l] === "") out.push(`${key}.${l}`);
  }
  return out;
}

// digits writes the number n with the current language's digits.
export function digits(n) {
  return new Intl.NumberFormat(current === "ar" ? "ar-EG" : current).format(n);
}
