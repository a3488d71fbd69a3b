package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/translate"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
)

func init() { registerCommand(newTranslateCmd) }

const (
	msgTranslateNoService msgID = 6000 + iota
	msgTranslateLeaves
	msgTranslateProceed
	msgTranslateMachine
	msgTranslateConfirmed
	msgTranslateNotText
	msgTranslateEmpty
	msgTranslateSame
	msgTranslateChanged
	msgTranslateFailed
	msgTranslateBadLang
	msgTranslateNotAllowed
	msgTranslateEnd
)

func init() {
	registerMessages(msgTranslateNoService, msgTranslateEnd, map[msgID]schema.Text{
		msgTranslateNoService: T(
			"Kein Übersetzungsdienst eingerichtet: mobio config set translate_url https://… (den Dienst betreibt Ihre Stelle).",
			"No translation service configured: mobio config set translate_url https://… (your organisation runs the service).",
			"لم يتم إعداد خدمة ترجمة: mobio config set translate_url https://… (تشغّل جهتك هذه الخدمة).",
			"هیچ سرویس ترجمه‌ای تنظیم نشده است: mobio config set translate_url https://… (سازمان شما این سرویس را اجرا می‌کند).",
			"Aucun service de traduction configuré : mobio config set translate_url https://… (votre organisme gère ce service).",
		),
		msgTranslateLeaves: T(
			"Der Text des Feldes %v (%v Zeichen) verlässt dieses Gerät und geht zur maschinellen Übersetzung an %v.",
			"The text of the field %v (%v characters) leaves this device and goes to %v for machine translation.",
			"سيغادر نص الحقل %v (%v حرفًا) هذا الجهاز ويُرسل إلى %v للترجمة الآلية.",
			"متن فیلد %v (%v نویسه) این دستگاه را ترک می‌کند و برای ترجمه ماشینی به %v فرستاده می‌شود.",
			"Le texte du champ %v (%v caractères) quitte cet appareil et part vers %v pour une traduction automatique.",
		),
		msgTranslateProceed: T("Senden? [j/N] ", "Send it? [y/N] ", "هل تريد الإرسال؟ [نعم/لا] ", "ارسال شود؟ [بله/خیر] ", "Envoyer ? [o/N] "),
		msgTranslateMachine: T(
			"Maschinelle Übersetzung (%v), gespeichert neben dem Original; sie gilt als ungeprüft, bis jemand sie bestätigt:",
			"Machine translation (%v), stored beside the original; it counts as unchecked until someone confirms it:",
			"ترجمة آلية (%v)، محفوظة بجانب النص الأصلي؛ تُعدّ غير مُراجَعة حتى يؤكدها شخص ما:",
			"ترجمه ماشینی (%v)، کنار متن اصلی ذخیره شد؛ تا وقتی کسی آن را تأیید نکند، بررسی‌نشده به حساب می‌آید:",
			"Traduction automatique (%v), enregistrée à côté de l'original ; elle reste non vérifiée jusqu'à ce qu'une personne la confirme :",
		),
		msgTranslateConfirmed: T(
			"Übersetzung von %v nach %v als geprüft vermerkt.",
			"Translation of %v into %v recorded as checked.",
			"تم تسجيل ترجمة %v إلى %v على أنها مُراجَعة.",
			"ترجمه %v به %v به‌عنوان بررسی‌شده ثبت شد.",
			"Traduction de %v en %v enregistrée comme vérifiée.",
		),
		msgTranslateNotText: T(
			"%v ist kein Freitextfeld; nur Freitext wird übersetzt (Codes haben Bezeichnungen in jeder Sprache).",
			"%v is not a free-text field; only free text is translated (codes have labels in every language).",
			"%v ليس حقل نص حر؛ تُترجم النصوص الحرة فقط (للرموز تسميات بكل اللغات).",
			"%v فیلد متن آزاد نیست؛ فقط متن آزاد ترجمه می‌شود (کدها در همه زبان‌ها برچسب دارند).",
			"%v n'est pas un champ de texte libre ; seul le texte libre est traduit (les codes ont des libellés dans chaque langue).",
		),
		msgTranslateEmpty: T("%v ist leer.", "%v is empty.", "%v فارغ.", "%v خالی است.", "%v est vide."),
		msgTranslateSame: T(
			"%v ist schon auf %v geschrieben.",
			"%v is already written in %v.",
			"%v مكتوب أصلًا باللغة %v.",
			"%v از قبل به زبان %v نوشته شده است.",
			"%v est déjà rédigé en %v.",
		),
		msgTranslateChanged: T(
			"%v wurde während der Übersetzung geändert; nichts gespeichert. Bitte erneut übersetzen.",
			"%v changed while it was being translated; nothing was stored. Please translate it again.",
			"تغيّر %v أثناء الترجمة؛ لم يُحفظ شيء. يُرجى الترجمة من جديد.",
			"%v در حین ترجمه تغییر کرد؛ چیزی ذخیره نشد. لطفاً دوباره ترجمه کنید.",
			"%v a changé pendant la traduction ; rien n'a été enregistré. Veuillez traduire à nouveau.",
		),
		msgTranslateFailed: T(
			"Übersetzung fehlgeschlagen: %v",
			"Translation failed: %v",
			"فشلت الترجمة: %v",
			"ترجمه ناموفق بود: %v",
			"La traduction a échoué : %v",
		),
		msgTranslateNotAllowed: T(
			"%v wird nie an einen Übersetzungsdienst gesendet (Unterstützungsbedarf, Beratungsnotizen und Namen bleiben auf dem Gerät).",
			"%v is never sent to a translation service (support needs, counselling notes and names stay on the device).",
			"لا يُرسل %v أبدًا إلى خدمة ترجمة (الاحتياجات الداعمة وملاحظات الإرشاد والأسماء تبقى على الجهاز).",
			"%v هرگز به سرویس ترجمه فرستاده نمی‌شود (نیازهای حمایتی، یادداشت‌های مشاوره و نام‌ها روی دستگاه می‌مانند).",
			"%v n'est jamais envoyé à un service de traduction (besoins d'accompagnement, notes de conseil et noms restent sur l'appareil).",
		),
		msgTranslateBadLang: T(
			"%v ist keine der Sprachen de, en, ar, fa, fr.",
			"%v is not one of the languages de, en, ar, fa, fr.",
			"%v ليست إحدى اللغات de وen وar وfa وfr.",
			"%v یکی از زبان‌های de، en، ar، fa، fr نیست.",
			"%v n'est pas l'une des langues de, en, ar, fa, fr.",
		),
	})
}

var errTranslate = errors.New("translation")

func newTranslateCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	var (
		to     string
		yes    bool
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "translate DOC PATH",
		Short: "Translate one free-text field by machine, after you agree to send it",
		Long: `Send the text of one free-text field of biography DOC to the machine translation service
your organisation runs (config key translate_url, a LibreTranslate API; its API key in the
file named by translate_key_file) and store the translation beside the original, marked as a
machine translation with the engine and the time. mobio first says what leaves the device and
where it goes, and asks. Nothing is translated without being asked for, field by field.

Authorities read German: --to de is the default. "mobio translate confirm" records that a
person checked (or corrected) a translation.`,
		Example: `  mobio config set translate_url https://translate.example.org
  mobio translate amina work.jobs.k3x9.tasks
  mobio translate confirm amina work.jobs.k3x9.tasks --text "Brot backen, Teig vorbereiten"`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withSession(cmd.Context(), f, func(x *session) error {
				return a.translateField(cmd.Context(), x, args[0], args[1], to, yes, asJSON)
			})
		},
	}
	f.register(cmd.PersistentFlags())
	cmd.Flags().StringVar(&to, "to", "de", "target `LANG`: de, en, ar, fa or fr")
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "send without asking (for scripts)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the stored translation as JSON")
	cmd.AddCommand(newTranslateConfirmCmd(a, f))
	return cmd
}

func (a *app) translateField(ctx context.Context, x *session, docArg, pathArg, to string, yes, asJSON bool) error {
	if !isUILanguage(to) {
		return newUserError(errBadValue, x.Lang, msgTranslateBadLang, to)
	}
	if x.TranslateURL == "" {
		return newUserError(errTranslate, x.Lang, msgTranslateNoService)
	}
	key := ""
	if x.TranslateKeyFile != "" {
		b, err := os.ReadFile(x.TranslateKeyFile)
		if err != nil {
			return fmt.Errorf("read the translation API key: %w", err)
		}
		key = strings.TrimSpace(string(b))
	}
	p, err := translate.NewLibreTranslate(x.TranslateURL, key, &http.Client{Timeout: 60 * time.Second})
	if err != nil {
		return err
	}
	d, err := x.resolveDoc(ctx, docArg)
	if err != nil {
		return err
	}
	var (
		q     translate.Request
		label string
	)
	err = x.read(ctx, d.ID, func(b *crdt.Biography) error {
		r, err := resolvePath(b, x.Lang, pathArg)
		if err != nil {
			return err
		}
		if r.field == nil || r.field.Type != schema.TypeText {
			return newUserError(errBadValue, x.Lang, msgTranslateNotText, r.path)
		}
		label = r.field.Label.In(x.Lang)
		q, err = translate.Prepare(crdtdoc.Wrap(b), r.path, to)
		return translateError(x.Lang, r.path, to, err)
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(a.Stderr, msg(x.Lang, msgTranslateLeaves, label, len([]rune(q.Text)), p.Service()))
	if !yes {
		ok, err := a.confirm(x.Lang, msgTranslateProceed)
		if err != nil {
			return err
		}
		if !ok {
			return newUserError(errNotConfirmed, x.Lang, msgCancelled)
		}
	}
	tr, err := q.Run(ctx, p, time.Now())
	if err != nil {
		return newUserError(errTranslate, x.Lang, msgTranslateFailed, err)
	}
	err = x.edit(ctx, d.ID, "translate "+q.Path, func(b *crdt.Biography) error {
		return translateError(x.Lang, q.Path, to, translate.Store(crdtdoc.Wrap(b), q, tr))
	})
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(a.Stdout, translationJSON(q.Path, to, tr))
	}
	fmt.Fprintln(a.Stdout, msg(x.Lang, msgTranslateMachine, tr.Engine))
	_, err = fmt.Fprintln(a.Stdout, tr.Text)
	return err
}

func newTranslateConfirmCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		lang, text string
		asJSON     bool
	)
	cmd := &cobra.Command{
		Use:   "confirm DOC PATH",
		Short: "Record that a person checked a translation, optionally correcting it",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withSession(cmd.Context(), f, func(x *session) error {
				if !isUILanguage(lang) {
					return newUserError(errBadValue, x.Lang, msgTranslateBadLang, lang)
				}
				d, err := x.resolveDoc(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				var (
					tr   casework.Translation
					path string
				)
				err = x.edit(cmd.Context(), d.ID, "confirm translation of "+args[1], func(b *crdt.Biography) error {
					r, err := resolvePath(b, x.Lang, args[1])
					if err != nil {
						return err
					}
					if r.field == nil || r.field.Type != schema.TypeText {
						return newUserError(errBadValue, x.Lang, msgTranslateNotText, r.path)
					}
					path = r.path
					tr, err = translate.Confirm(crdtdoc.Wrap(b), r.path, lang, x.id.ID().String(), text, time.Now())
					return err
				})
				if err != nil {
					return err
				}
				if asJSON {
					return writeJSON(a.Stdout, translationJSON(path, lang, tr))
				}
				_, err = fmt.Fprintln(a.Stdout, msg(x.Lang, msgTranslateConfirmed, path, lang))
				return err
			})
		},
	}
	cmd.Flags().StringVar(&lang, "lang-of-translation", "de", "the translation's `LANG`")
	cmd.Flags().StringVar(&text, "text", "", "the corrected translation; empty keeps the text as it is")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the stored translation as JSON")
	return cmd
}

func translateError(lang, path, to string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, translate.ErrEmpty):
		return newUserError(errBadValue, lang, msgTranslateEmpty, path)
	case errors.Is(err, translate.ErrSameLang):
		return newUserError(errBadValue, lang, msgTranslateSame, path, to)
	case errors.Is(err, translate.ErrNotAllowed):
		return newUserError(errBadValue, lang, msgTranslateNotAllowed, path)
	case errors.Is(err, translate.ErrChanged):
		return newUserError(errTranslate, lang, msgTranslateChanged, path)
	}
	return err
}

type translationOut struct {
	Path   string    `json:"path"`
	Lang   string    `json:"lang"`
	Text   string    `json:"text"`
	Source string    `json:"source"`
	Engine string    `json:"engine,omitempty"`
	By     string    `json:"by,omitempty"`
	At     time.Time `json:"at"`
}

func translationJSON(path, lang string, tr casework.Translation) translationOut {
	return translationOut{Path: path, Lang: lang, Text: tr.Text, Source: tr.Source, Engine: tr.Engine, By: tr.By, At: tr.At}
}

func isUILanguage(l string) bool { return slices.Contains(schema.Languages, l) }
