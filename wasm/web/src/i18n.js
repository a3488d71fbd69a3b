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
  error: { de: "Fehler: {msg}", en: "Error: {msg}", ar: "خطأ: {msg}", fa: "خطا: {msg}", fr: "Erreur : {msg}" },
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

// digits writes the number n with the current language's digits.
export function digits(n) {
  return new Intl.NumberFormat(current === "ar" ? "ar-EG" : current).format(n);
}
