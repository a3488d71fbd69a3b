package main

import "github.com/mobio-sync/mobio/crdt/schema"

// Messages of mobio send: block 2000.
const (
	msgSendPreviewHeader msgID = 2000 + iota
	msgSendOptional
	msgSendDocuments
	msgSendBadRecipient
	msgSendNotOffered
	msgSendUnknownPath
	msgSendEmpty
	msgSendNeedName
	msgSendBadExpires
	msgSendConsentHeader
	msgSendConsentDraft
	msgSendConfirmConsent
	msgSendNeedConsent
	msgSendNoOperator
	msgSendBadConsentLang
	msgSendConsentRefused
	msgSendConsentRecorded
	msgSendConsentInvalid
	msgSendFilesTooLarge
	msgSendSent
	msgSendLinkSecret
	msgSendNoShares
	msgSendColState
	msgSendColSent
	msgSendColUntil
	msgSendColRecipient
	msgSendStateActive
	msgSendStateExpired
	msgSendStateWithdrawn
	msgSendNoShare
	msgSendAlreadyWithdrawn
	msgSendWithdrawn
	msgSendBadLink
	msgSendPackageGone
	msgSendCannotOpen
	msgSendFileWritten
	msgSendEnd // not a message: one past the last
)

func init() {
	registerMessages(msgSendPreviewHeader, msgSendEnd, map[msgID]schema.Text{
		msgSendPreviewHeader: T(
			"Das würde an %v gesendet, auf Deutsch, genau so, wie die Stelle es sieht:",
			"This is what would be sent to %v, in German, exactly as the recipient sees it:",
			"هذا ما سيُرسَل إلى %v، باللغة الألمانية، تمامًا كما تراه الجهة المستلمة:",
			"این همان چیزی است که به %v فرستاده می‌شود، به آلمانی، دقیقاً همان‌طور که گیرنده می‌بیند:",
			"Voici ce qui serait envoyé à %v, en allemand, exactement tel que le destinataire le voit :"),
		msgSendOptional: T(
			"Auf Wunsch zusätzlich (--include PFAD): %v",
			"Can be added if the person wishes (--include PATH): %v",
			"يمكن إضافته إذا رغب الشخص (--include PATH): %v",
			"در صورت تمایل فرد قابل افزودن است (--include PATH): %v",
			"Peut être ajouté si la personne le souhaite (--include PATH) : %v"),
		msgSendDocuments: T(
			"Dokumente, die mitgesendet werden können (--document EINTRAG): %v",
			"Documents that can be sent along (--document ENTRY): %v",
			"مستندات يمكن إرسالها معه (--document ENTRY): %v",
			"مدارکی که می‌توان همراه فرستاد (--document ENTRY): %v",
			"Documents pouvant être joints (--document ENTRY) : %v"),
		msgSendBadRecipient: T(
			"%v ist keine Stelle, an die mobio sendet; möglich sind: %v.",
			"%v is not a recipient mobio sends to; choose one of: %v.",
			"%v ليست جهة يرسل إليها mobio؛ اختر واحدة من: %v.",
			"%v گیرنده‌ای نیست که mobio به آن بفرستد؛ یکی از این‌ها را انتخاب کنید: %v.",
			"%v n'est pas un destinataire auquel mobio envoie ; choisissez parmi : %v."),
		msgSendNotOffered: T(
			"%v wird an %v nicht gesendet. Auf Wunsch möglich sind nur: %v.",
			"%v is not sent to %v. Only these can be added: %v.",
			"%v لا يُرسَل إلى %v. يمكن إضافة هذه فقط: %v.",
			"%v به %v فرستاده نمی‌شود. فقط این‌ها قابل افزودن‌اند: %v.",
			"%v n'est pas envoyé à %v. Seuls ceux-ci peuvent être ajoutés : %v."),
		msgSendUnknownPath: T(
			"%v ist kein Feld der Biografie (mobio schema show zeigt die Felder).",
			"%v is not a field of the biography (mobio schema show lists the fields).",
			"%v ليس حقلًا في السيرة الذاتية (يعرض mobio schema show الحقول).",
			"%v فیلدی از زندگی‌نامه نیست (mobio schema show فیلدها را نشان می‌دهد).",
			"%v n'est pas un champ de la biographie (mobio schema show liste les champs)."),
		msgSendEmpty: T(
			"Es gäbe nichts zu senden: Die Biografie enthält keine der Angaben, die %v bekommt.",
			"There would be nothing to send: the biography holds none of the items %v gets.",
			"لن يكون هناك ما يُرسَل: لا تحتوي السيرة الذاتية على أي من البيانات التي تتلقاها %v.",
			"چیزی برای فرستادن نیست: زندگی‌نامه هیچ‌یک از مواردی را که %v دریافت می‌کند ندارد.",
			"Il n'y aurait rien à envoyer : la biographie ne contient aucun des éléments que reçoit %v."),
		msgSendNeedName: T(
			"--name fehlt: Die Einwilligung nennt die Stelle, etwa --name \"Bäckerei Schmidt\".",
			"--name is missing: the consent names the recipient, such as --name \"Bäckerei Schmidt\".",
			"--name مفقود: تذكر الموافقة اسم الجهة المستلمة، مثل --name \"Bäckerei Schmidt\".",
			"--name وارد نشده است: رضایت‌نامه نام گیرنده را ذکر می‌کند، مانند --name \"Bäckerei Schmidt\".",
			"--name manque : le consentement nomme le destinataire, par exemple --name \"Bäckerei Schmidt\"."),
		msgSendBadExpires: T(
			"--expires %v: erwartet wird eine Dauer von höchstens %v Tagen, etwa 30d oder 72h.",
			"--expires %v: want a duration of at most %v days, such as 30d or 72h.",
			"--expires %v: المطلوب مدة لا تزيد على %v يومًا، مثل 30d أو 72h.",
			"--expires %v: مدتی حداکثر %v روز لازم است، مانند 30d یا 72h.",
			"--expires %v : une durée d'au plus %v jours est attendue, comme 30d ou 72h."),
		msgSendConsentHeader: T(
			"Einwilligung zum Senden an %v (Abschnitte: %v). Bitte lesen Sie den Text mit der Person, in einer Sprache, die sie versteht:",
			"Consent to sending to %v (sections: %v). Read the text with the person, in a language they understand:",
			"الموافقة على الإرسال إلى %v (الأقسام: %v). اقرأ النص مع الشخص بلغة يفهمها:",
			"رضایت برای فرستادن به %v (بخش‌ها: %v). متن را با فرد، به زبانی که می‌فهمد، بخوانید:",
			"Consentement à l'envoi à %v (sections : %v). Lisez le texte avec la personne, dans une langue qu'elle comprend :"),
		msgSendConsentDraft: T(
			"Hinweis: Diese Übersetzung hat noch keine Übersetzerin und kein Übersetzer geprüft; verbindlich ist der deutsche Text (--consent-lang de).",
			"Note: no human translator has checked this translation yet; the German text is binding (--consent-lang de).",
			"ملاحظة: لم يراجع مترجم بشري هذه الترجمة بعد؛ النص الألماني هو الملزم (--consent-lang de).",
			"توجه: هنوز هیچ مترجمی این ترجمه را بررسی نکرده است؛ متن آلمانی معتبر است (--consent-lang de).",
			"Remarque : aucun traducteur n'a encore vérifié cette traduction ; le texte allemand fait foi (--consent-lang de)."),
		msgSendConfirmConsent: T(
			"Willigt die Person ein, genau diese Angaben zu senden? [j/N] ",
			"Does the person agree to sending exactly these items? [y/N] ",
			"هل يوافق الشخص على إرسال هذه البيانات بالضبط؟ [نعم/لا] ",
			"آیا فرد با فرستادن دقیقاً همین موارد موافق است؟ [بله/خیر] ",
			"La personne accepte-t-elle l'envoi exactement de ces éléments ? [o/N] "),
		msgSendNeedConsent: T(
			"Senden braucht die Einwilligung der Person, und hier ist kein Terminal, um sie zu fragen: Nichts wurde gesendet. Nehmen Sie die Einwilligung zuerst auf und nennen Sie sie mit --consent EINTRAG.",
			"Sending needs the person's consent, and there is no terminal here to ask for it: nothing was sent. Record the consent first and name it with --consent ENTRY.",
			"يحتاج الإرسال إلى موافقة الشخص، ولا توجد هنا طرفية لطلبها: لم يُرسَل شيء. سجّل الموافقة أولًا واذكرها بـ --consent ENTRY.",
			"فرستادن به رضایت فرد نیاز دارد و اینجا ترمینالی برای پرسیدن نیست: چیزی فرستاده نشد. ابتدا رضایت را ثبت کنید و با --consent ENTRY آن را نام ببرید.",
			"L'envoi exige le consentement de la personne, et il n'y a pas de terminal ici pour le demander : rien n'a été envoyé. Enregistrez d'abord le consentement et indiquez-le avec --consent ENTRY."),
		msgSendNoOperator: T(
			"Der Einwilligungstext nennt die verantwortliche Stelle und die Datenschutzbeauftragten, aber sie sind nicht eingerichtet ($MOBIO_CONTROLLER, $MOBIO_DPO): Nichts wurde gesendet.",
			"The consent text names the controller and the data protection officer, but they are not configured ($MOBIO_CONTROLLER, $MOBIO_DPO): nothing was sent.",
			"يذكر نص الموافقة الجهة المسؤولة ومسؤول حماية البيانات، لكنهما غير مُعدَّين ($MOBIO_CONTROLLER، $MOBIO_DPO): لم يُرسَل شيء.",
			"متن رضایت‌نامه مسئول پردازش و مسئول حفاظت از داده‌ها را نام می‌برد، اما تنظیم نشده‌اند ($MOBIO_CONTROLLER، $MOBIO_DPO): چیزی فرستاده نشد.",
			"Le texte de consentement nomme le responsable du traitement et le délégué à la protection des données, mais ils ne sont pas configurés ($MOBIO_CONTROLLER, $MOBIO_DPO) : rien n'a été envoyé."),
		msgSendBadConsentLang: T(
			"Den Einwilligungstext gibt es nicht in %v; vorhanden: %v.",
			"The consent text does not exist in %v; it exists in: %v.",
			"نص الموافقة غير موجود بـ %v؛ اللغات المتاحة: %v.",
			"متن رضایت‌نامه به %v وجود ندارد؛ زبان‌های موجود: %v.",
			"Le texte de consentement n'existe pas en %v ; il existe en : %v."),
		msgSendConsentRefused: T(
			"Die Einwilligung kann so nicht aufgenommen werden: %v",
			"The consent cannot be recorded like this: %v",
			"لا يمكن تسجيل الموافقة بهذا الشكل: %v",
			"رضایت را نمی‌توان این‌گونه ثبت کرد: %v",
			"Le consentement ne peut pas être enregistré ainsi : %v"),
		msgSendConsentRecorded: T(
			"Einwilligung aufgenommen (Eintrag %v).",
			"Consent recorded (entry %v).",
			"سُجّلت الموافقة (الإدخال %v).",
			"رضایت ثبت شد (مورد %v).",
			"Consentement enregistré (entrée %v)."),
		msgSendConsentInvalid: T(
			"Die Einwilligung %v gilt nicht für dieses Senden (widerrufen, für eine andere Stelle oder für weniger Abschnitte): Nichts wurde gesendet.",
			"The consent %v does not cover this sending (withdrawn, for another recipient or for fewer sections): nothing was sent.",
			"الموافقة %v لا تشمل هذا الإرسال (مسحوبة، أو لجهة أخرى، أو لأقسام أقل): لم يُرسَل شيء.",
			"رضایت %v شامل این فرستادن نمی‌شود (پس گرفته شده، برای گیرندهٔ دیگری یا برای بخش‌های کمتر): چیزی فرستاده نشد.",
			"Le consentement %v ne couvre pas cet envoi (retiré, pour un autre destinataire ou pour moins de sections) : rien n'a été envoyé."),
		msgSendFilesTooLarge: T(
			"Die gewählten Dateien sind zusammen größer als %v: Wählen Sie weniger Dokumente oder senden Sie sie ohne Dateien (--no-files).",
			"The chosen files together exceed %v: choose fewer documents, or send them without their files (--no-files).",
			"الملفات المختارة معًا أكبر من %v: اختر مستندات أقل أو أرسلها بدون ملفاتها (--no-files).",
			"فایل‌های انتخاب‌شده روی هم بیشتر از %v هستند: مدارک کمتری انتخاب کنید یا آن‌ها را بدون فایل بفرستید (--no-files).",
			"Les fichiers choisis dépassent ensemble %v : choisissez moins de documents ou envoyez-les sans leurs fichiers (--no-files)."),
		msgSendSent: T(
			"An %v gesendet: %v Angaben, gültig bis %v. Freigabe %v; zurückziehen mit: %v",
			"Sent to %v: %v items, valid until %v. Share %v; withdraw it with: %v",
			"أُرسل إلى %v: %v بندًا، صالح حتى %v. المشاركة %v؛ للسحب: %v",
			"به %v فرستاده شد: %v مورد، معتبر تا %v. اشتراک %v؛ برای پس گرفتن: %v",
			"Envoyé à %v : %v éléments, valable jusqu'au %v. Partage %v ; pour le retirer : %v"),
		msgSendLinkSecret: T(
			"Der Link ist geheim: Wer ihn hat, kann das Paket lesen, bis es abläuft. Geben Sie ihn nur der Stelle selbst, nie öffentlich.",
			"The link is a secret: whoever has it can read the package until it expires. Give it to the recipient only, never in public.",
			"الرابط سري: من يملكه يستطيع قراءة الحزمة حتى تنتهي صلاحيتها. أعطه للجهة المستلمة فقط، ولا تنشره أبدًا.",
			"پیوند محرمانه است: هر کس آن را داشته باشد تا پایان اعتبار بسته می‌تواند آن را بخواند. آن را فقط به گیرنده بدهید، هرگز در جای عمومی.",
			"Le lien est secret : qui le possède peut lire le paquet jusqu'à son expiration. Ne le donnez qu'au destinataire, jamais en public."),
		msgSendNoShares: T(
			"Aus dieser Biografie wurde nichts gesendet.",
			"Nothing was sent from this biography.",
			"لم يُرسَل شيء من هذه السيرة الذاتية.",
			"از این زندگی‌نامه چیزی فرستاده نشده است.",
			"Rien n'a été envoyé depuis cette biographie."),
		msgSendColState:     T("STAND", "STATE", "الحالة", "وضعیت", "ÉTAT"),
		msgSendColSent:      T("GESENDET", "SENT", "أُرسل", "فرستاده", "ENVOYÉ"),
		msgSendColUntil:     T("GÜLTIG BIS", "VALID UNTIL", "صالح حتى", "معتبر تا", "VALABLE JUSQU'AU"),
		msgSendColRecipient: T("EMPFÄNGER", "RECIPIENT", "المستلم", "گیرنده", "DESTINATAIRE"),
		msgSendStateActive:  T("gültig", "active", "سارٍ", "فعال", "actif"),
		msgSendStateExpired: T("abgelaufen", "expired", "منتهٍ", "منقضی", "expiré"),
		msgSendStateWithdrawn: T(
			"zurückgezogen", "withdrawn", "مسحوب", "پس گرفته", "retiré"),
		msgSendNoShare: T(
			"Keine Freigabe %v in „%v“: mobio send list %v zeigt sie.",
			"No share %v in “%v”: mobio send list %v shows them.",
			"لا توجد مشاركة %v في «%v»: يعرضها mobio send list %v.",
			"اشتراک %v در «%v» وجود ندارد: mobio send list %v آن‌ها را نشان می‌دهد.",
			"Aucun partage %v dans « %v » : mobio send list %v les affiche."),
		msgSendAlreadyWithdrawn: T(
			"Die Freigabe %v ist schon zurückgezogen.",
			"The share %v was withdrawn before.",
			"المشاركة %v مسحوبة من قبل.",
			"اشتراک %v پیش‌تر پس گرفته شده است.",
			"Le partage %v a déjà été retiré."),
		msgSendWithdrawn: T(
			"Freigabe %v an %v zurückgezogen: Das Paket ist gelöscht, der Link öffnet es nicht mehr.",
			"Share %v to %v withdrawn: the package is deleted, and the link no longer opens it.",
			"سُحبت المشاركة %v إلى %v: حُذفت الحزمة ولم يعد الرابط يفتحها.",
			"اشتراک %v با %v پس گرفته شد: بسته حذف شد و پیوند دیگر آن را باز نمی‌کند.",
			"Partage %v à %v retiré : le paquet est supprimé et le lien ne l'ouvre plus."),
		msgSendBadLink: T(
			"Das ist kein Paket-Link (er sieht so aus: https://…/p/#…).",
			"This is not a package link (one looks like https://…/p/#…).",
			"هذا ليس رابط حزمة (يبدو هكذا: https://…/p/#…).",
			"این پیوند بسته نیست (شکلش این است: https://…/p/#…).",
			"Ce n'est pas un lien de paquet (il ressemble à https://…/p/#…)."),
		msgSendPackageGone: T(
			"Das Paket gibt es nicht mehr: Es ist abgelaufen oder wurde zurückgezogen.",
			"The package is gone: it expired or was withdrawn.",
			"الحزمة لم تعد موجودة: انتهت صلاحيتها أو سُحبت.",
			"بسته دیگر وجود ندارد: منقضی شده یا پس گرفته شده است.",
			"Le paquet n'existe plus : il a expiré ou a été retiré."),
		msgSendCannotOpen: T(
			"Das Paket lässt sich nicht öffnen: Es ist beschädigt oder gehört nicht zu diesem Link.",
			"The package cannot be opened: it is damaged, or not the one of this link.",
			"تعذّر فتح الحزمة: إنها تالفة أو لا تخص هذا الرابط.",
			"بسته باز نمی‌شود: آسیب دیده یا متعلق به این پیوند نیست.",
			"Le paquet ne s'ouvre pas : il est endommagé ou n'est pas celui de ce lien."),
		msgSendFileWritten: T(
			"geschrieben: %v (nur für Sie lesbar)",
			"written: %v (readable by you only)",
			"كُتب: %v (لا يقرؤه سواك)",
			"نوشته شد: %v (فقط برای شما خوانا)",
			"écrit : %v (lisible par vous seul)"),
	})
}
