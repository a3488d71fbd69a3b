package main

import (
	"fmt"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// msgID names a message of the commands id, bio and config to the person at the terminal.
// Every message exists in the five languages of schema.Languages (a test checks it), and its
// arguments are formatted with %v, indexed (%[2]v) where a language orders them differently.
type msgID int

// msg returns message id in lang (German for a language the catalogue lacks) with args.
func msg(lang string, id msgID, args ...any) string {
	t, ok := messages[id]
	if !ok {
		panic(fmt.Sprintf("message %d missing from the catalogue", id))
	}
	return fmt.Sprintf(t.In(lang), args...)
}

const (
	msgAddNeedsCodes msgID = iota + 1
	msgAmbiguousDoc
	msgAmbiguousEntry
	msgBadAssignment
	msgBadPath
	msgBadPublicID
	msgBadSource
	msgCodesAdded
	msgCodesRemoved
	msgColID
	msgColPending
	msgColRole
	msgColTitle
	msgConfigUnknownKey
	msgConfigWritten
	msgDocCreated
	msgDocumentNeedsSource
	msgEditAdded
	msgEditChanged
	msgEditCleared
	msgEditDuplicateEntry
	msgEditEmpty
	msgEditHeader
	msgEditNotMapping
	msgEditProblems
	msgEditRemoved
	msgEditSyntax
	msgEditTrailing
	msgEditUnknownEntry
	msgEditUnknownField
	msgEditUnknownSection
	msgEditWantItems
	msgEditWantList
	msgEditWantMapping
	msgEditWantValue
	msgEditorFailed
	msgEmptyBiography
	msgEntryRemoved
	msgExported
	msgFieldCleared
	msgFieldSet
	msgFileExists
	msgFileUnreadable
	msgHintBool
	msgHintCode
	msgHintDate
	msgHintInt
	msgHintIntRange
	msgHintString
	msgHintTime
	msgIdentityCreated
	msgIdentityExists
	msgIdentityRestored
	msgInvalidValue
	msgIsAList
	msgKitLine
	msgKitMalformed
	msgKitSecret
	msgKitWritten
	msgKitWrongPassphrase
	msgLabelFingerprint
	msgLabelID
	msgLabelPublic
	msgNo
	msgNoChanges
	msgNoDocs
	msgNoEntry
	msgNoEntryRef
	msgNoField
	msgNoHome
	msgNoIdentity
	msgNoPassphrase
	msgNoPublicIDInFile
	msgNoSection
	msgNoSuchDoc
	msgNotACode
	msgNotAList
	msgNotListOrSet
	msgNotPublicIDArg
	msgOutdated
	msgPassphraseEmpty
	msgPassphraseFileEmpty
	msgPassphraseFileOpen
	msgPassphraseFileUnreadable
	msgPassphraseMismatch
	msgPassphraseTooShort
	msgProblemsFound
	msgProblemsHeading
	msgPromptKitPassphrase
	msgPromptNewPassphrase
	msgPromptPassphrase
	msgPromptPassphraseAgain
	msgRemoveNeedsEntry
	msgRoleCounsellor
	msgRoleNone
	msgRoleOwner
	msgRoleViewer
	msgSetArgs
	msgStateDeclined
	msgStateNotScalar
	msgStateUnknown
	msgTooManyArgs
	msgUncertain
	msgUncertainNotDate
	msgUnknownAndDeclined
	msgUntitled
	msgWrongPassphrase
	msgYes
)

// T's arguments are in the order of schema.Languages: German, English, Arabic, Farsi, French.
var T = schema.T

// messages is the catalogue. Commands, paths, codes and flags stay as typed in every language.
var messages = map[msgID]schema.Text{
	msgAddNeedsCodes: T(
		"%v ist eine Menge: nennen Sie danach die Codes, die hinzukommen sollen.",
		"%v is a set: name the codes to add after it.",
		"%v مجموعة: اذكر بعدها الرموز المراد إضافتها.",
		"%v یک مجموعه است: پس از آن کدهایی را که باید افزوده شوند بنویسید.",
		"%v est un ensemble : indiquez ensuite les codes à ajouter."),
	msgAmbiguousDoc: T(
		"%v passt zu mehreren Biografien: %v. Geben Sie mehr von der ID an.",
		"%v matches several biographies: %v. Give more of the ID.",
		"%v يطابق عدة سير ذاتية: %v. اكتب جزءًا أطول من المعرّف.",
		"%v با چند زندگی‌نامه مطابقت دارد: %v. بخش بیشتری از شناسه را بنویسید.",
		"%v correspond à plusieurs biographies : %v. Donnez une plus grande partie de l'ID."),
	msgAmbiguousEntry: T(
		"%v passt zu mehreren Einträgen von %v: geben Sie mehr von der ID des Eintrags an (mobio bio show).",
		"%v matches several entries of %v: give more of the entry's ID (mobio bio show).",
		"%v يطابق عدة إدخالات في %v: اكتب جزءًا أطول من معرّف الإدخال (mobio bio show).",
		"%v با چند مورد در %v مطابقت دارد: بخش بیشتری از شناسهٔ مورد را بنویسید (mobio bio show).",
		"%v correspond à plusieurs entrées de %v : donnez une plus grande partie de l'ID de l'entrée (mobio bio show)."),
	msgBadAssignment: T(
		"%v: erwartet wird FELD=WERT.",
		"%v: want FIELD=VALUE.",
		"%v: الصيغة المطلوبة FIELD=VALUE.",
		"%v: قالب درست FIELD=VALUE است.",
		"%v : la forme attendue est CHAMP=VALEUR."),
	msgBadPath: T(
		"%v ist kein Feldpfad: erwartet wird abschnitt.feld oder abschnitt.liste.EINTRAG.feld (siehe mobio schema show).",
		"%v is not a field path: want section.field or section.list.ENTRY.field (see mobio schema show).",
		"%v ليس مسار حقل: الصيغة المطلوبة section.field أو section.list.ENTRY.field (انظر mobio schema show).",
		"%v مسیر یک فیلد نیست: قالب درست section.field یا section.list.ENTRY.field است (نگاه کنید به mobio schema show).",
		"%v n'est pas un chemin de champ : la forme attendue est section.champ ou section.liste.ENTRÉE.champ (voir mobio schema show)."),
	msgBadPublicID: T(
		"Das ist keine gültige öffentliche Identität (mobio-id1…): prüfen Sie, ob sie vollständig kopiert wurde.",
		"That is not a valid public identity (mobio-id1…): check that it was copied whole.",
		"هذه ليست هوية عامة صالحة (mobio-id1…): تأكد من أنها نُسخت كاملة.",
		"این یک هویت عمومی معتبر نیست (mobio-id1…): بررسی کنید که کامل کپی شده باشد.",
		"Ce n'est pas une identité publique valide (mobio-id1…) : vérifiez qu'elle a été copiée en entier."),
	msgBadSource: T(
		"--source %v: erwartet wird self, counsellor oder document.",
		"--source %v: want self, counsellor or document.",
		"--source %v: القيم المسموح بها self أو counsellor أو document.",
		"--source %v: مقدار مجاز self یا counsellor یا document است.",
		"--source %v : valeurs possibles self, counsellor ou document."),
	msgCodesAdded: T(
		"zu %v hinzugefügt",
		"added to %v",
		"أضيف إلى %v",
		"به %v افزوده شد",
		"ajouté à %v"),
	msgCodesRemoved: T(
		"aus %v entfernt",
		"removed from %v",
		"حُذف من %v",
		"از %v حذف شد",
		"retiré de %v"),
	msgColID:      T("ID", "ID", "المعرّف", "شناسه", "ID"),
	msgColPending: T("UNGESENDET", "UNSENT", "غير مُرسل", "ارسال‌نشده", "NON ENVOYÉ"),
	msgColRole:    T("ROLLE", "ROLE", "الدور", "نقش", "RÔLE"),
	msgColTitle:   T("TITEL", "TITLE", "العنوان", "عنوان", "TITRE"),
	msgConfigUnknownKey: T(
		"unbekannter Konfigurationsschlüssel %v; gültig sind: %v",
		"unknown configuration key %v; valid keys: %v",
		"مفتاح إعدادات غير معروف %v؛ المفاتيح الصالحة: %v",
		"کلید پیکربندی ناشناخته %v؛ کلیدهای معتبر: %v",
		"clé de configuration inconnue %v ; clés valides : %v"),
	msgConfigWritten: T(
		"%v in %v geschrieben",
		"%v written to %v",
		"كُتب %v في %v",
		"%v در %v نوشته شد",
		"%v écrit dans %v"),
	msgDocCreated: T(
		"Biografie „%v“ angelegt. Sie ist auf diesem Gerät gespeichert und erreicht das Relay beim nächsten Abgleich.",
		"Biography “%v” created. It is stored on this device and reaches the relay at the next sync.",
		"أُنشئت السيرة الذاتية «%v». حُفظت على هذا الجهاز وتصل إلى خادم الترحيل عند المزامنة التالية.",
		"زندگی‌نامهٔ «%v» ساخته شد. روی این دستگاه ذخیره شده و در همگام‌سازی بعدی به رله می‌رسد.",
		"Biographie « %v » créée. Elle est enregistrée sur cet appareil et parvient au relais à la prochaine synchronisation."),
	msgDocumentNeedsSource: T(
		"--document gehört zu --source document.",
		"--document goes with --source document.",
		"--document يُستخدم مع --source document.",
		"--document همراه با --source document به کار می‌رود.",
		"--document va avec --source document."),
	msgEditAdded: T(
		"hinzugefügt  %v",
		"added    %v",
		"أضيف  %v",
		"افزوده شد  %v",
		"ajouté   %v"),
	msgEditChanged: T(
		"geändert     %v",
		"changed  %v",
		"تغيّر  %v",
		"تغییر کرد  %v",
		"modifié  %v"),
	msgEditCleared: T(
		"geleert      %v",
		"cleared  %v",
		"أُفرغ  %v",
		"پاک شد  %v",
		"vidé     %v"),
	msgEditDuplicateEntry: T(
		"dieser Eintrag steht zweimal in der Datei",
		"this entry appears twice",
		"هذا الإدخال مكرر",
		"این مورد دو بار آمده است",
		"cette entrée apparaît deux fois"),
	msgEditEmpty: T(
		"Die Datei ist leer: nichts wurde geändert.",
		"The file is empty: nothing was changed.",
		"الملف فارغ: لم يتغير شيء.",
		"فایل خالی است: چیزی تغییر نکرد.",
		"Le fichier est vide : rien n'a été modifié."),
	msgEditHeader: T(
		"Biografie: %v\n"+
			"Werte ändern und speichern; ohne Speichern schließen ändert nichts.\n"+
			"Ein geleerter Wert löscht das Feld; eine gelöschte Feldzeile ändert nichts.\n"+
			"In einer Liste wird ein Eintrag ohne id hinzugefügt, ein gelöschter Eintrag entfernt.\n"+
			"\"unknown\" (unbekannt) und \"declined\" (keine Angabe) sind Antworten; ein unsicheres Datum endet mit ~.\n"+
			"Codes: mobio schema codes LISTE zeigt die Codes der Liste in [Klammern].",
		"Biography: %v\n"+
			"Change values and save; closing without saving changes nothing.\n"+
			"An emptied value clears its field; a deleted field line changes nothing.\n"+
			"In a list, an item without id is added, a deleted item is removed.\n"+
			"\"unknown\" and \"declined\" are answers too; end an uncertain date with ~.\n"+
			"Codes: mobio schema codes LIST shows the codes of the list in [brackets].",
		"السيرة الذاتية: %v\n"+
			"غيّر القيم واحفظ؛ الإغلاق دون حفظ لا يغير شيئًا.\n"+
			"القيمة المُفرغة تمسح حقلها؛ حذف سطر حقل لا يغير شيئًا.\n"+
			"في القائمة يُضاف العنصر الذي بلا id، ويُزال العنصر المحذوف.\n"+
			"\"unknown\" (غير معروف) و\"declined\" (رفض الإجابة) إجابتان أيضًا؛ اختم التاريخ غير المؤكد بـ ~.\n"+
			"الرموز: mobio schema codes LIST يعرض رموز القائمة المذكورة بين [قوسين].",
		"زندگی‌نامه: %v\n"+
			"مقادیر را تغییر دهید و ذخیره کنید؛ بستن بدون ذخیره چیزی را تغییر نمی‌دهد.\n"+
			"مقدار خالی‌شده فیلدش را پاک می‌کند؛ حذف سطر یک فیلد چیزی را تغییر نمی‌دهد.\n"+
			"در یک فهرست، مورد بدون id افزوده و مورد حذف‌شده برداشته می‌شود.\n"+
			"\"unknown\" (نامعلوم) و \"declined\" (بی‌پاسخ) هم پاسخ‌اند؛ تاریخ نامطمئن را با ~ تمام کنید.\n"+
			"کدها: mobio schema codes LIST کدهای فهرستِ داخل [کروشه] را نشان می‌دهد.",
		"Biographie : %v\n"+
			"Modifiez les valeurs et enregistrez ; fermer sans enregistrer ne change rien.\n"+
			"Une valeur vidée efface son champ ; une ligne de champ supprimée ne change rien.\n"+
			"Dans une liste, un élément sans id est ajouté, un élément supprimé est retiré.\n"+
			"\"unknown\" (inconnu) et \"declined\" (refus de répondre) sont aussi des réponses ; terminez une date incertaine par ~.\n"+
			"Codes : mobio schema codes LISTE affiche les codes de la liste indiquée entre [crochets]."),
	msgEditNotMapping: T(
		"die Datei muss die Abschnitte als Schlüssel enthalten (person:, work:, …)",
		"the file must hold the sections as keys (person:, work:, …)",
		"يجب أن يحتوي الملف على الأقسام كمفاتيح (person:، work:، …)",
		"فایل باید بخش‌ها را به‌صورت کلید داشته باشد (person:، work:، …)",
		"le fichier doit contenir les sections comme clés (person:, work:, …)"),
	msgEditProblems: T(
		"Nichts wurde geändert; die bearbeitete Datei hat %v Problem(e):",
		"Nothing was changed; the edited file has %v problem(s):",
		"لم يتغير شيء؛ في الملف المعدَّل مشكلات عددها %v:",
		"چیزی تغییر نکرد؛ فایل ویرایش‌شده %v مشکل دارد:",
		"Rien n'a été modifié ; le fichier modifié a %v problème(s) :"),
	msgEditRemoved: T(
		"entfernt     %v",
		"removed  %v",
		"أُزيل  %v",
		"حذف شد  %v",
		"retiré   %v"),
	msgEditSyntax: T(
		"kein gültiges YAML oder JSON: %v",
		"not valid YAML or JSON: %v",
		"ليس YAML أو JSON صالحًا: %v",
		"YAML یا JSON معتبر نیست: %v",
		"YAML ou JSON non valide : %v"),
	msgEditTrailing: T(
		"nach dem Ende des Inhalts steht noch Text (ein zweites Dokument?)",
		"there is text after the end of the content (a second document?)",
		"يوجد نص بعد نهاية المحتوى (مستند ثانٍ؟)",
		"پس از پایان محتوا هنوز متنی هست (سند دوم؟)",
		"il reste du texte après la fin du contenu (un second document ?)"),
	msgEditUnknownEntry: T(
		"kein solcher Eintrag; für einen neuen Eintrag id weglassen",
		"no such entry; leave out id to add a new entry",
		"لا يوجد إدخال كهذا؛ احذف id لإضافة إدخال جديد",
		"چنین موردی وجود ندارد؛ برای افزودن مورد تازه id را ننویسید",
		"entrée inexistante ; omettez id pour ajouter une nouvelle entrée"),
	msgEditUnknownField: T(
		"kein solches Feld (mobio schema show zeigt die Felder)",
		"no such field (mobio schema show lists the fields)",
		"لا يوجد حقل كهذا (mobio schema show يعرض الحقول)",
		"چنین فیلدی وجود ندارد (mobio schema show فیلدها را نشان می‌دهد)",
		"champ inexistant (mobio schema show liste les champs)"),
	msgEditUnknownSection: T(
		"kein solcher Abschnitt (mobio schema show zeigt die Abschnitte)",
		"no such section (mobio schema show lists the sections)",
		"لا يوجد قسم كهذا (mobio schema show يعرض الأقسام)",
		"چنین بخشی وجود ندارد (mobio schema show بخش‌ها را نشان می‌دهد)",
		"section inexistante (mobio schema show liste les sections)"),
	msgEditWantItems: T(
		"erwartet wird eine Liste von Einträgen (- feld: wert)",
		"want a list of entries (- field: value)",
		"المطلوب قائمة إدخالات (- field: value)",
		"فهرستی از موردها لازم است (- field: value)",
		"une liste d'entrées est attendue (- champ: valeur)"),
	msgEditWantList: T(
		"erwartet wird eine Liste von Codes, etwa [SY, IQ]",
		"want a list of codes, such as [SY, IQ]",
		"المطلوب قائمة رموز، مثل [SY, IQ]",
		"فهرستی از کدها لازم است، مانند [SY, IQ]",
		"une liste de codes est attendue, comme [SY, IQ]"),
	msgEditWantMapping: T(
		"erwartet werden die Felder des Abschnitts (feld: wert)",
		"want the section's fields (field: value)",
		"المطلوب حقول القسم (field: value)",
		"فیلدهای بخش لازم است (field: value)",
		"les champs de la section sont attendus (champ: valeur)"),
	msgEditWantValue: T(
		"erwartet wird ein einzelner Wert",
		"want a single value",
		"المطلوب قيمة واحدة",
		"یک مقدار تکی لازم است",
		"une valeur unique est attendue"),
	msgEditorFailed: T(
		"Der Editor %v ist fehlgeschlagen (%v): nichts wurde geändert. Setzen Sie $VISUAL oder $EDITOR auf einen Editor, der wartet, bis Sie die Datei schließen.",
		"The editor %v failed (%v): nothing was changed. Set $VISUAL or $EDITOR to an editor that waits until you close the file.",
		"فشل المحرر %v (%v): لم يتغير شيء. اضبط $VISUAL أو $EDITOR على محرر ينتظر حتى تغلق الملف.",
		"ویرایشگر %v ناموفق بود (%v): چیزی تغییر نکرد. $VISUAL یا $EDITOR را روی ویرایشگری بگذارید که تا بستن فایل منتظر بماند.",
		"L'éditeur %v a échoué (%v) : rien n'a été modifié. Réglez $VISUAL ou $EDITOR sur un éditeur qui attend la fermeture du fichier."),
	msgEmptyBiography: T(
		"Noch nichts ausgefüllt. mobio bio edit füllt mehrere Felder auf einmal aus.",
		"Nothing filled in yet. mobio bio edit fills in several fields at once.",
		"لم يُملأ شيء بعد. mobio bio edit يملأ عدة حقول دفعة واحدة.",
		"هنوز چیزی پر نشده است. mobio bio edit چند فیلد را یک‌جا پر می‌کند.",
		"Rien n'est encore rempli. mobio bio edit remplit plusieurs champs à la fois."),
	msgEntryRemoved: T(
		"%v entfernt",
		"removed %v",
		"أُزيل %v",
		"%v حذف شد",
		"%v retiré"),
	msgExported: T(
		"in %v geschrieben. Die Datei enthält personenbezogene Daten: nur Sie können sie lesen; löschen Sie sie, wenn sie nicht mehr gebraucht wird.",
		"written to %v. The file holds personal data: only you can read it; delete it when it is no longer needed.",
		"كُتب في %v. يحتوي الملف على بيانات شخصية: لا يقرؤه سواك؛ احذفه عندما لا تعود بحاجة إليه.",
		"در %v نوشته شد. فایل دادهٔ شخصی دارد: فقط شما می‌توانید آن را بخوانید؛ وقتی دیگر لازم نیست پاکش کنید.",
		"écrit dans %v. Le fichier contient des données personnelles : vous seul pouvez le lire ; supprimez-le quand il n'est plus utile."),
	msgFieldCleared: T(
		"%v geleert",
		"cleared %v",
		"أُفرغ %v",
		"%v پاک شد",
		"%v vidé"),
	msgFieldSet: T(
		"%v gesetzt",
		"set %v",
		"عُيّن %v",
		"%v ثبت شد",
		"%v enregistré"),
	msgFileExists: T(
		"%v gibt es schon: wählen Sie eine andere Datei oder ersetzen Sie sie mit --force.",
		"%v exists already: choose another file, or add --force to replace it.",
		"%v موجود مسبقًا: اختر ملفًا آخر، أو أضف --force لاستبداله.",
		"%v از قبل وجود دارد: فایل دیگری انتخاب کنید یا برای جایگزینی --force را بیفزایید.",
		"%v existe déjà : choisissez un autre fichier, ou ajoutez --force pour le remplacer."),
	msgFileUnreadable: T(
		"%v kann nicht gelesen werden: %v",
		"cannot read %v: %v",
		"تعذرت قراءة %v: %v",
		"خواندن %v ممکن نیست: %v",
		"impossible de lire %v : %v"),
	msgHintBool: T("ja oder nein", "yes or no", "نعم أو لا (yes/no)", "بله یا نه (yes/no)", "oui ou non"),
	msgHintCode: T(
		"einen Code der Liste %[1]v (mobio schema codes %[1]v)",
		"a code of the list %[1]v (mobio schema codes %[1]v)",
		"رمزًا من القائمة %[1]v (mobio schema codes %[1]v)",
		"کدی از فهرست %[1]v (mobio schema codes %[1]v)",
		"un code de la liste %[1]v (mobio schema codes %[1]v)"),
	msgHintDate: T(
		"ein Datum: JJJJ, JJJJ-MM, JJJJ-MM-TT oder TT.MM.JJJJ",
		"a date: YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY",
		"تاريخًا: YYYY أو YYYY-MM أو YYYY-MM-DD أو DD.MM.YYYY",
		"یک تاریخ میلادی: YYYY یا YYYY-MM یا YYYY-MM-DD یا DD.MM.YYYY",
		"une date : AAAA, AAAA-MM, AAAA-MM-JJ ou JJ.MM.AAAA"),
	msgHintInt: T("eine ganze Zahl", "a whole number", "عددًا صحيحًا", "یک عدد صحیح", "un nombre entier"),
	msgHintIntRange: T(
		"eine ganze Zahl von %v bis %v",
		"a whole number from %v to %v",
		"عددًا صحيحًا من %v إلى %v",
		"یک عدد صحیح از %v تا %v",
		"un nombre entier de %v à %v"),
	msgHintString: T("Text", "text", "نصًا", "متن", "du texte"),
	msgHintTime: T(
		"einen Zeitpunkt wie 2025-03-01T14:30:00Z",
		"a time such as 2025-03-01T14:30:00Z",
		"وقتًا مثل 2025-03-01T14:30:00Z",
		"زمانی مانند 2025-03-01T14:30:00Z",
		"un instant comme 2025-03-01T14:30:00Z"),
	msgIdentityCreated: T(
		"Ihre Identität ist in %v gespeichert, versiegelt mit Ihrer Passphrase.\n"+
			"Als Nächstes: Notfallblatt erstellen (mobio id export -o notfallblatt.txt), ausdrucken und sicher aufbewahren. Ohne Blatt und Passphrase ist die Identität mit dem Gerät verloren.",
		"Your identity is saved in %v, sealed with your passphrase.\n"+
			"Next: make the recovery kit (mobio id export -o recovery-kit.txt), print it and keep it safe. Without the kit and the passphrase, a lost device means a lost identity.",
		"حُفظت هويتك في %v، مختومة بعبارة المرور الخاصة بك.\n"+
			"الخطوة التالية: أنشئ مجموعة الاسترداد (mobio id export -o recovery-kit.txt)، واطبعها واحفظها في مكان آمن. من دونها ومن دون عبارة المرور يضيع الهوية مع ضياع الجهاز.",
		"هویت شما در %v ذخیره شد و با عبارت عبور شما مهر شده است.\n"+
			"گام بعد: برگهٔ بازیابی را بسازید (mobio id export -o recovery-kit.txt)، چاپ کنید و در جای امن نگه دارید. بدون برگه و عبارت عبور، با گم شدن دستگاه هویت هم از دست می‌رود.",
		"Votre identité est enregistrée dans %v, scellée par votre phrase secrète.\n"+
			"Ensuite : créez le kit de récupération (mobio id export -o kit-recuperation.txt), imprimez-le et gardez-le en lieu sûr. Sans le kit et la phrase secrète, un appareil perdu signifie une identité perdue."),
	msgIdentityExists: T(
		"In %v gibt es schon eine Identität. Wer sie ersetzt, verliert den Zugang zu allen mit ihr geteilten Dokumenten, außer mit ihrem Notfallblatt; um sie trotzdem zu ersetzen, --force angeben.",
		"An identity exists already in %v. Replacing it loses access to every document shared with it, unless you have its recovery kit; to replace it anyway, add --force.",
		"توجد هوية مسبقًا في %v. استبدالها يُفقدك الوصول إلى كل المستندات المشتركة معها ما لم تملك مجموعة استردادها؛ للاستبدال رغم ذلك أضف --force.",
		"در %v از قبل یک هویت هست. جایگزینی آن دسترسی به همهٔ سندهای مشترک با آن را از بین می‌برد، مگر برگهٔ بازیابی‌اش را داشته باشید؛ برای جایگزینی در هر حال --force را بیفزایید.",
		"Une identité existe déjà dans %v. La remplacer fait perdre l'accès à tous les documents partagés avec elle, sauf si vous avez son kit de récupération ; pour la remplacer quand même, ajoutez --force."),
	msgIdentityRestored: T(
		"Identität wiederhergestellt und in %v gespeichert, versiegelt mit der Passphrase des Notfallblatts.",
		"Identity restored and saved in %v, sealed with the kit's passphrase.",
		"استُعيدت الهوية وحُفظت في %v، مختومة بعبارة مرور مجموعة الاسترداد.",
		"هویت بازیابی شد و در %v ذخیره شد، مهرشده با عبارت عبور برگهٔ بازیابی.",
		"Identité restaurée et enregistrée dans %v, scellée par la phrase secrète du kit."),
	msgInvalidValue: T(
		"%v: kein gültiger Wert; das Feld erwartet %v.",
		"%v: not a valid value; the field takes %v.",
		"%v: قيمة غير صالحة؛ يقبل الحقل %v.",
		"%v: مقدار نامعتبر؛ این فیلد %v می‌پذیرد.",
		"%v : valeur non valide ; le champ attend %v."),
	msgIsAList: T(
		"%v ist eine Liste: Einträge mit mobio bio add hinzufügen und mit mobio bio remove entfernen.",
		"%v is a list: add entries with mobio bio add, remove them with mobio bio remove.",
		"%v قائمة: أضف الإدخالات بـ mobio bio add واحذفها بـ mobio bio remove.",
		"%v یک فهرست است: موردها را با mobio bio add بیفزایید و با mobio bio remove حذف کنید.",
		"%v est une liste : ajoutez des entrées avec mobio bio add, retirez-les avec mobio bio remove."),
	msgKitLine: T(
		"Notfallblatt, Zeile %v: %v. Vergleichen Sie diese Zeile mit dem gedruckten Blatt und korrigieren Sie sie.",
		"Recovery kit line %v: %v. Compare that line with the printed kit and correct it.",
		"مجموعة الاسترداد، السطر %v: %v. قارن هذا السطر بالنسخة المطبوعة وصحّحه.",
		"برگهٔ بازیابی، سطر %v: %v. این سطر را با برگهٔ چاپی مقایسه و درست کنید.",
		"Kit de récupération, ligne %v : %v. Comparez cette ligne au kit imprimé et corrigez-la."),
	msgKitMalformed: T(
		"%v ist kein vollständiges mobio-Notfallblatt: prüfen Sie, ob alle nummerierten Zeilen und die Zeile END da sind.",
		"%v is not a complete mobio recovery kit: check that every numbered line and the END line are there.",
		"%v ليس مجموعة استرداد mobio كاملة: تأكد من وجود كل الأسطر المرقمة وسطر END.",
		"%v برگهٔ بازیابی کامل mobio نیست: بررسی کنید همهٔ سطرهای شماره‌دار و سطر END موجود باشند.",
		"%v n'est pas un kit de récupération mobio complet : vérifiez que toutes les lignes numérotées et la ligne END sont présentes."),
	msgKitSecret: T(
		"Achtung: Das Notfallblatt ist geheim. Wer es hat, kann versuchen, Ihre Passphrase zu erraten. Drucken Sie es aus, bewahren Sie es sicher auf und senden Sie es nie per E-Mail oder Chat.",
		"Warning: the recovery kit is secret. Whoever has it can try to guess your passphrase. Print it, keep it safe, and never send it by e-mail or chat.",
		"تنبيه: مجموعة الاسترداد سرية. من يملكها يستطيع محاولة تخمين عبارة المرور. اطبعها واحفظها في مكان آمن ولا ترسلها أبدًا بالبريد الإلكتروني أو في محادثة.",
		"هشدار: برگهٔ بازیابی محرمانه است. هر کس آن را داشته باشد می‌تواند برای حدس زدن عبارت عبور شما تلاش کند. آن را چاپ کنید، در جای امن نگه دارید و هرگز با ایمیل یا پیام‌رسان نفرستید.",
		"Attention : le kit de récupération est secret. Qui le possède peut tenter de deviner votre phrase secrète. Imprimez-le, gardez-le en lieu sûr et ne l'envoyez jamais par e-mail ni par messagerie."),
	msgKitWritten: T(
		"Notfallblatt in %v geschrieben (nur für Sie lesbar). Drucken Sie es aus und löschen Sie dann die Datei.",
		"Recovery kit written to %v (readable by you only). Print it, then delete the file.",
		"كُتبت مجموعة الاسترداد في %v (لا يقرؤها سواك). اطبعها ثم احذف الملف.",
		"برگهٔ بازیابی در %v نوشته شد (فقط برای شما خواناست). آن را چاپ و سپس فایل را پاک کنید.",
		"Kit de récupération écrit dans %v (lisible par vous seul). Imprimez-le, puis supprimez le fichier."),
	msgKitWrongPassphrase: T(
		"Falsche Passphrase für dieses Notfallblatt (oder das Blatt ist beschädigt): nehmen Sie die Passphrase, die die Identität hatte, als das Blatt erstellt wurde.",
		"Wrong passphrase for this recovery kit (or the kit is damaged): use the passphrase the identity had when the kit was made.",
		"عبارة مرور خاطئة لمجموعة الاسترداد هذه (أو أن المجموعة تالفة): استخدم عبارة المرور التي كانت للهوية عند إنشاء المجموعة.",
		"عبارت عبور این برگهٔ بازیابی نادرست است (یا برگه آسیب دیده): عبارت عبوری را به کار ببرید که هنگام ساختن برگه برای هویت داشتید.",
		"Phrase secrète erronée pour ce kit (ou kit endommagé) : utilisez la phrase secrète qu'avait l'identité lors de la création du kit."),
	msgLabelFingerprint: T("Fingerabdruck", "Fingerprint", "البصمة", "اثر انگشت", "Empreinte"),
	msgLabelID:          T("ID", "ID", "المعرّف", "شناسه", "ID"),
	msgLabelPublic:      T("Öffentliche Identität", "Public identity", "الهوية العامة", "هویت عمومی", "Identité publique"),
	msgNo:               T("nein", "no", "لا", "نه", "non"),
	msgNoChanges:        T("keine Änderungen", "no changes", "لا تغييرات", "بدون تغییر", "aucune modification"),
	msgNoDocs: T(
		"Noch keine Biografien auf diesem Gerät. Eine neue anlegen: mobio bio new --title NAME",
		"No biographies on this device yet. Create one with: mobio bio new --title NAME",
		"لا توجد سير ذاتية على هذا الجهاز بعد. أنشئ واحدة بـ: mobio bio new --title NAME",
		"هنوز زندگی‌نامه‌ای روی این دستگاه نیست. یکی بسازید با: mobio bio new --title NAME",
		"Pas encore de biographie sur cet appareil. Créez-en une avec : mobio bio new --title NOM"),
	msgNoEntry: T(
		"kein Eintrag %v in %v: mobio bio show zeigt die IDs der Einträge.",
		"no entry %v in %v: mobio bio show shows the entries' IDs.",
		"لا يوجد إدخال %v في %v: mobio bio show يعرض معرّفات الإدخالات.",
		"موردی با %v در %v نیست: mobio bio show شناسهٔ موردها را نشان می‌دهد.",
		"pas d'entrée %v dans %v : mobio bio show affiche les ID des entrées."),
	msgNoEntryRef: T(
		"%v verweist auf einen Eintrag, den es nicht gibt.",
		"%v refers to an entry that does not exist.",
		"%v يشير إلى إدخال غير موجود.",
		"%v به موردی اشاره می‌کند که وجود ندارد.",
		"%v renvoie à une entrée qui n'existe pas."),
	msgNoField: T(
		"kein Feld %v: mobio schema show zeigt die Felder.",
		"no field %v: mobio schema show lists the fields.",
		"لا يوجد حقل %v: mobio schema show يعرض الحقول.",
		"فیلد %v وجود ندارد: mobio schema show فیلدها را نشان می‌دهد.",
		"pas de champ %v : mobio schema show liste les champs."),
	msgNoHome: T(
		"Ihr Home-Verzeichnis ist nicht zu finden: setzen Sie HOME oder geben Sie --home VERZEICHNIS (oder $MOBIO_HOME) an.",
		"Cannot find your home directory: set HOME, or give --home DIR (or $MOBIO_HOME).",
		"تعذر العثور على المجلد الرئيسي: اضبط HOME أو استخدم --home DIR (أو $MOBIO_HOME).",
		"پوشهٔ خانهٔ شما پیدا نشد: HOME را تنظیم کنید یا --home DIR (یا $MOBIO_HOME) را بدهید.",
		"Répertoire personnel introuvable : définissez HOME, ou indiquez --home DOSSIER (ou $MOBIO_HOME)."),
	msgNoIdentity: T(
		"Keine Identität auf diesem Gerät (%v). Legen Sie eine an mit mobio id new oder stellen Sie Ihre wieder her mit mobio id import NOTFALLBLATT.",
		"No identity on this device (%v). Create one with mobio id new, or restore yours with mobio id import KIT.",
		"لا توجد هوية على هذا الجهاز (%v). أنشئ واحدة بـ mobio id new، أو استعد هويتك بـ mobio id import KIT.",
		"هیچ هویتی روی این دستگاه نیست (%v). با mobio id new یکی بسازید یا هویت خود را با mobio id import KIT بازیابی کنید.",
		"Aucune identité sur cet appareil (%v). Créez-en une avec mobio id new, ou restaurez la vôtre avec mobio id import KIT."),
	msgNoPassphrase: T(
		"Keine Passphrase: Die Standardeingabe ist kein Terminal, auf dem gefragt werden könnte. Schreiben Sie die Passphrase in die erste Zeile einer Datei, die nur Sie lesen können, und geben Sie --passphrase-file DATEI an (oder setzen Sie $MOBIO_PASSPHRASE_FILE oder passphrase_file in der Konfiguration).",
		"No passphrase: standard input is not a terminal to ask on. Put the passphrase in the first line of a file only you can read, and give --passphrase-file FILE (or set $MOBIO_PASSPHRASE_FILE, or passphrase_file in the configuration).",
		"لا توجد عبارة مرور: الإدخال القياسي ليس طرفية يمكن السؤال فيها. اكتب عبارة المرور في السطر الأول من ملف لا يقرؤه سواك، واستخدم --passphrase-file FILE (أو اضبط $MOBIO_PASSPHRASE_FILE، أو passphrase_file في الإعدادات).",
		"عبارت عبور نیست: ورودی استاندارد ترمینالی نیست که بتوان در آن پرسید. عبارت عبور را در سطر اول فایلی بنویسید که فقط شما می‌توانید بخوانید و --passphrase-file FILE را بدهید (یا $MOBIO_PASSPHRASE_FILE یا passphrase_file را در پیکربندی تنظیم کنید).",
		"Pas de phrase secrète : l'entrée standard n'est pas un terminal où la demander. Écrivez la phrase secrète sur la première ligne d'un fichier que vous seul pouvez lire, et indiquez --passphrase-file FICHIER (ou définissez $MOBIO_PASSPHRASE_FILE, ou passphrase_file dans la configuration)."),
	msgNoPublicIDInFile: T(
		"%v enthält keine öffentliche Identität (mobio-id1…).",
		"%v holds no public identity (mobio-id1…).",
		"لا يحتوي %v على هوية عامة (mobio-id1…).",
		"%v هیچ هویت عمومی‌ای ندارد (mobio-id1…).",
		"%v ne contient aucune identité publique (mobio-id1…)."),
	msgNoSection: T(
		"kein Abschnitt %v: mobio schema show zeigt die Abschnitte.",
		"no section %v: mobio schema show lists the sections.",
		"لا يوجد قسم %v: mobio schema show يعرض الأقسام.",
		"بخش %v وجود ندارد: mobio schema show بخش‌ها را نشان می‌دهد.",
		"pas de section %v : mobio schema show liste les sections."),
	msgNoSuchDoc: T(
		"Keine Biografie %v auf diesem Gerät: mobio bio list zeigt sie.",
		"No biography %v on this device: mobio bio list shows them.",
		"لا توجد سيرة ذاتية %v على هذا الجهاز: mobio bio list يعرضها.",
		"زندگی‌نامهٔ %v روی این دستگاه نیست: mobio bio list آن‌ها را نشان می‌دهد.",
		"Pas de biographie %v sur cet appareil : mobio bio list les affiche."),
	msgNotACode: T(
		"%[1]v: kein Code der Liste %[2]v; mobio schema codes %[2]v zeigt sie.",
		"%[1]v: not a code of the list %[2]v; mobio schema codes %[2]v lists them.",
		"%[1]v: ليس رمزًا من القائمة %[2]v؛ mobio schema codes %[2]v يعرضها.",
		"%[1]v: کدی از فهرست %[2]v نیست؛ mobio schema codes %[2]v آن‌ها را نشان می‌دهد.",
		"%[1]v : pas un code de la liste %[2]v ; mobio schema codes %[2]v les liste."),
	msgNotAList: T(
		"%v ist keine Liste: sein Pfad ist abschnitt.feld.",
		"%v is not a list: its path is section.field.",
		"%v ليس قائمة: مساره section.field.",
		"%v فهرست نیست: مسیرش section.field است.",
		"%v n'est pas une liste : son chemin est section.champ."),
	msgNotListOrSet: T(
		"%v ist weder eine Liste noch eine Menge von Codes: nehmen Sie mobio bio set.",
		"%v is neither a list nor a set of codes: use mobio bio set.",
		"%v ليس قائمة ولا مجموعة رموز: استخدم mobio bio set.",
		"%v نه فهرست است نه مجموعهٔ کد: از mobio bio set استفاده کنید.",
		"%v n'est ni une liste ni un ensemble de codes : utilisez mobio bio set."),
	msgNotPublicIDArg: T(
		"%v ist weder eine öffentliche Identität (mobio-id1…) noch eine lesbare Datei.",
		"%v is neither a public identity (mobio-id1…) nor a file that can be read.",
		"%v ليس هوية عامة (mobio-id1…) ولا ملفًا يمكن قراءته.",
		"%v نه هویت عمومی است (mobio-id1…) و نه فایلی خواندنی.",
		"%v n'est ni une identité publique (mobio-id1…) ni un fichier lisible."),
	msgOutdated: T("veraltet", "outdated", "قديمة", "قدیمی", "périmée"),
	msgPassphraseEmpty: T(
		"Die Passphrase ist leer.",
		"The passphrase is empty.",
		"عبارة المرور فارغة.",
		"عبارت عبور خالی است.",
		"La phrase secrète est vide."),
	msgPassphraseFileEmpty: T(
		"Die erste Zeile der Passphrase-Datei %v ist leer.",
		"The first line of the passphrase file %v is empty.",
		"السطر الأول من ملف عبارة المرور %v فارغ.",
		"سطر اول فایل عبارت عبور %v خالی است.",
		"La première ligne du fichier de phrase secrète %v est vide."),
	msgPassphraseFileOpen: T(
		"Achtung: Die Passphrase-Datei %[1]v können andere Benutzer lesen; machen Sie sie privat: chmod 600 %[1]v",
		"Warning: other users can read the passphrase file %[1]v; make it private: chmod 600 %[1]v",
		"تنبيه: يستطيع مستخدمون آخرون قراءة ملف عبارة المرور %[1]v؛ اجعله خاصًا: chmod 600 %[1]v",
		"هشدار: کاربران دیگر می‌توانند فایل عبارت عبور %[1]v را بخوانند؛ آن را خصوصی کنید: chmod 600 %[1]v",
		"Attention : d'autres utilisateurs peuvent lire le fichier de phrase secrète %[1]v ; rendez-le privé : chmod 600 %[1]v"),
	msgPassphraseFileUnreadable: T(
		"Die Passphrase-Datei %v kann nicht gelesen werden: %v",
		"Cannot read the passphrase file %v: %v",
		"تعذرت قراءة ملف عبارة المرور %v: %v",
		"خواندن فایل عبارت عبور %v ممکن نیست: %v",
		"Impossible de lire le fichier de phrase secrète %v : %v"),
	msgPassphraseMismatch: T(
		"Die beiden Passphrasen sind verschieden: nichts wurde angelegt. Bitte noch einmal.",
		"The two passphrases differ: nothing was created. Please try again.",
		"عبارتا المرور مختلفتان: لم يُنشأ شيء. حاول مرة أخرى.",
		"دو عبارت عبور یکسان نیستند: چیزی ساخته نشد. دوباره تلاش کنید.",
		"Les deux phrases secrètes diffèrent : rien n'a été créé. Veuillez réessayer."),
	msgPassphraseTooShort: T(
		"Die Passphrase ist zu kurz: nehmen Sie mindestens %v Zeichen, zum Beispiel mehrere Wörter.",
		"The passphrase is too short: use at least %v characters, for instance several words.",
		"عبارة المرور قصيرة جدًا: استخدم %v أحرف على الأقل، مثلًا عدة كلمات.",
		"عبارت عبور خیلی کوتاه است: دست‌کم %v نویسه به کار ببرید، مثلاً چند واژه.",
		"La phrase secrète est trop courte : utilisez au moins %v caractères, par exemple plusieurs mots."),
	msgProblemsFound: T(
		"%v Problem(e) gefunden",
		"%v problem(s) found",
		"وُجدت مشكلات عددها %v",
		"%v مشکل پیدا شد",
		"%v problème(s) trouvé(s)"),
	msgProblemsHeading: T(
		"Zu prüfen (%v):",
		"To check (%v):",
		"للمراجعة (%v):",
		"برای بررسی (%v):",
		"À vérifier (%v) :"),
	msgPromptKitPassphrase:   T("Passphrase des Notfallblatts: ", "Passphrase of the recovery kit: ", "عبارة مرور مجموعة الاسترداد: ", "عبارت عبور برگهٔ بازیابی: ", "Phrase secrète du kit : "),
	msgPromptNewPassphrase:   T("Neue Passphrase: ", "New passphrase: ", "عبارة مرور جديدة: ", "عبارت عبور تازه: ", "Nouvelle phrase secrète : "),
	msgPromptPassphrase:      T("Passphrase: ", "Passphrase: ", "عبارة المرور: ", "عبارت عبور: ", "Phrase secrète : "),
	msgPromptPassphraseAgain: T("Passphrase wiederholen: ", "Passphrase again: ", "أعد عبارة المرور: ", "تکرار عبارت عبور: ", "Répétez la phrase secrète : "),
	msgRemoveNeedsEntry: T(
		"Nennen Sie den Eintrag, der aus %[1]v entfernt werden soll: mobio bio remove DOC %[1]v EINTRAG",
		"Name the entry to remove from %[1]v: mobio bio remove DOC %[1]v ENTRY",
		"حدد الإدخال المراد حذفه من %[1]v: mobio bio remove DOC %[1]v ENTRY",
		"موردی را که باید از %[1]v حذف شود نام ببرید: mobio bio remove DOC %[1]v ENTRY",
		"Indiquez l'entrée à retirer de %[1]v : mobio bio remove DOC %[1]v ENTRÉE"),
	msgRoleCounsellor: T("Beratung", "counsellor", "مستشار", "مشاور", "conseiller"),
	msgRoleNone:       T("kein Mitglied", "not a member", "غير عضو", "غیرعضو", "non membre"),
	msgRoleOwner:      T("Inhaber/in", "owner", "المالك", "مالک", "titulaire"),
	msgRoleViewer:     T("nur lesen", "viewer", "قارئ", "بیننده", "lecteur"),
	msgSetArgs: T(
		"Geben Sie DOC PFAD WERT an, oder DOC PFAD mit --unknown oder --declined.",
		"Give DOC PATH VALUE, or DOC PATH with --unknown or --declined.",
		"اكتب DOC PATH VALUE، أو DOC PATH مع --unknown أو --declined.",
		"DOC PATH VALUE را بدهید، یا DOC PATH را همراه --unknown یا --declined.",
		"Donnez DOC CHEMIN VALEUR, ou DOC CHEMIN avec --unknown ou --declined."),
	msgStateDeclined: T("keine Angabe", "declined to answer", "رفض الإجابة", "تمایل به پاسخ ندارد", "refus de répondre"),
	msgStateNotScalar: T(
		"%v: --unknown und --declined gelten nur für Felder mit einem einzelnen Wert.",
		"%v: --unknown and --declined apply to single-value fields only.",
		"%v: ‏--unknown و--declined لا ينطبقان إلا على الحقول ذات القيمة الواحدة.",
		"%v: ‏--unknown و --declined فقط برای فیلدهای تک‌مقداری است.",
		"%v : --unknown et --declined ne valent que pour les champs à valeur unique."),
	msgStateUnknown: T("unbekannt", "unknown", "غير معروف", "نامعلوم", "inconnu"),
	msgTooManyArgs: T(
		"Zu viele Argumente.",
		"Too many arguments.",
		"عدد كبير جدًا من الوسائط.",
		"آرگومان‌ها بیش از حد است.",
		"Trop d'arguments."),
	msgUncertain: T("unsicher", "uncertain", "غير مؤكد", "نامطمئن", "incertain"),
	msgUncertainNotDate: T(
		"%v ist kein Datum: --uncertain gilt nur für Daten.",
		"%v is not a date: --uncertain applies to dates only.",
		"%v ليس تاريخًا: ‏--uncertain ينطبق على التواريخ فقط.",
		"%v تاریخ نیست: ‏--uncertain فقط برای تاریخ‌هاست.",
		"%v n'est pas une date : --uncertain ne vaut que pour les dates."),
	msgUnknownAndDeclined: T(
		"--unknown und --declined schließen einander aus.",
		"--unknown and --declined exclude each other.",
		"‏--unknown و--declined لا يجتمعان.",
		"‏--unknown و --declined با هم به کار نمی‌روند.",
		"--unknown et --declined s'excluent."),
	msgUntitled: T("(ohne Titel)", "(untitled)", "(بلا عنوان)", "(بی‌عنوان)", "(sans titre)"),
	msgWrongPassphrase: T(
		"Falsche Passphrase für die Identität in %v (oder die Datei ist beschädigt).",
		"Wrong passphrase for the identity in %v (or the file is damaged).",
		"عبارة مرور خاطئة للهوية في %v (أو أن الملف تالف).",
		"عبارت عبور هویت در %v نادرست است (یا فایل آسیب دیده).",
		"Phrase secrète erronée pour l'identité dans %v (ou fichier endommagé)."),
	msgYes: T("ja", "yes", "نعم", "بله", "oui"),
}
