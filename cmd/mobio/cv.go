package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/cv"
	"github.com/mobio-sync/mobio/casework/render"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
)

func init() { registerCommand(newCVCmd) }

const (
	msgCVWritten msgID = 3000 + iota
	msgCVLeftOut
	msgCVEnd
)

func init() {
	registerMessages(msgCVWritten, msgCVEnd, map[msgID]schema.Text{
		msgCVWritten: T(
			"Lebenslauf geschrieben: %v (nur für Sie lesbar; er enthält persönliche Daten).",
			"CV written: %v (readable by you only; it holds personal data).",
			"تمت كتابة السيرة الذاتية: %v (يمكنك وحدك قراءتها؛ فهي تحتوي على بيانات شخصية).",
			"رزومه نوشته شد: %v (فقط شما می‌توانید آن را بخوانید؛ داده‌های شخصی دارد).",
			"CV écrit : %v (lisible par vous seul ; il contient des données personnelles)."),
		msgCVLeftOut: T(
			"Nicht enthalten: %v. Auf Wunsch der Person hinzufügen mit %v.",
			"Left out: %v. Add at the person's request with %v.",
			"غير مضمَّن: %v. يمكن إضافته بطلب من الشخص باستخدام %v.",
			"گنجانده نشده: %v. به درخواست خود شخص با %v اضافه کنید.",
			"Non inclus : %v. À ajouter à la demande de la personne avec %v."),
	})
}

// cvLeftOut names what the employer's CV leaves out, in each language, for msgCVLeftOut.
var cvLeftOut = map[string]schema.Text{
	"--with-birth-date":      T("Geburtsdatum", "date of birth", "تاريخ الميلاد", "تاریخ تولد", "date de naissance"),
	"--with-nationality":     T("Staatsangehörigkeit", "nationality", "الجنسية", "تابعیت", "nationalité"),
	"--with-work-permission": T("Arbeitserlaubnis", "work permission", "إذن العمل", "اجازه کار", "autorisation de travail"),
}

func newCVCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	var (
		format, output string
		force          bool
		opts           cv.Options
	)
	cmd := &cobra.Command{
		Use:   "cv DOC",
		Short: "Write the German CV (Lebenslauf) of a biography as PDF or HTML",
		Long: `Write the CV (Lebenslauf) of the person a biography describes, in German, for an employer,
a chamber or an agency: name (as in the identity document, with the name in its original script
beside it), contact, work experience, vocational training and study with the outcome of
recognition, schooling, languages, skills, driving licence, availability and desired
occupation. Coded answers print with their German labels; free text prints in its German
translation, marked when a machine made it, with the original beside it.

Following anti-discrimination practice (AGG), date of birth, nationality and the work
permission are left out unless the person asks for them (--with-birth-date,
--with-nationality, --with-work-permission). Support needs, residence details, family,
housing, benefits, file numbers and counselling data are never part of a CV.

The file is written readable by you only, named Lebenslauf-FAMILY-NAME.pdf (or .html) in the
current directory unless -o names another; -o - writes to standard output.`,
		Example: `  mobio cv amina                          # Lebenslauf-K.pdf
  mobio cv amina --format html -o cv.html
  mobio cv amina --with-work-permission --force`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "pdf" && format != "html" {
				return &usageError{err: fmt.Errorf("--format %q: want pdf or html", format), cmd: cmd.CommandPath()}
			}
			return a.withSession(cmd.Context(), f, func(x *session) error {
				d, err := x.resolveDoc(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				var doc render.Document
				var family string
				opts.Date = time.Now()
				if err := x.read(cmd.Context(), d.ID, func(b *crdt.Biography) error {
					if doc, err = cv.Build(crdtdoc.Wrap(b), opts); err != nil {
						return err
					}
					v, err := b.Get("person.family_names")
					if err == nil && v.State() == crdt.StateValue {
						family = v.Text()
					}
					return nil
				}); err != nil {
					return fmt.Errorf("cv: %w", err)
				}
				name := output
				if name == "" {
					name = cvFileName(family, format)
				}
				toFile := name != "-"
				if toFile && !force {
					if _, err := os.Lstat(name); err == nil {
						return newUserError(os.ErrExist, x.Lang, msgFileExists, name)
					}
				}
				var out bytes.Buffer
				if format == "pdf" {
					err = render.PDF(&out, doc)
				} else {
					err = render.HTML(&out, doc)
				}
				if err != nil {
					return fmt.Errorf("cv: %w", err)
				}
				if !toFile {
					_, err := a.Stdout.Write(out.Bytes())
					return err
				}
				if err := writePrivateFile(name, out.Bytes()); err != nil {
					return fmt.Errorf("cv: %w", err)
				}
				fmt.Fprintln(a.Stderr, msg(x.Lang, msgCVWritten, name))
				var left, flags []string
				for _, o := range []struct {
					flag string
					on   bool
				}{{"--with-birth-date", opts.BirthDate}, {"--with-nationality", opts.Nationality}, {"--with-work-permission", opts.WorkPermission}} {
					if !o.on {
						left, flags = append(left, cvLeftOut[o.flag].In(x.Lang)), append(flags, o.flag)
					}
				}
				if len(flags) > 0 {
					fmt.Fprintln(a.Stderr, msg(x.Lang, msgCVLeftOut, strings.Join(left, ", "), strings.Join(flags, " ")))
				}
				return nil
			})
		},
	}
	f.register(cmd.PersistentFlags())
	cmd.Flags().StringVar(&format, "format", "pdf", "pdf or html")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to `FILE` (- for standard output) instead of Lebenslauf-FAMILY-NAME.pdf")
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	cmd.Flags().BoolVar(&opts.BirthDate, "with-birth-date", false, "include the date of birth")
	cmd.Flags().BoolVar(&opts.Nationality, "with-nationality", false, "include the nationality")
	cmd.Flags().BoolVar(&opts.WorkPermission, "with-work-permission", false, `include "Arbeitserlaubnis" with its kind`)
	return cmd
}

// cvFileName is the default file name of a CV: Lebenslauf-FAMILY-NAME.EXT, with the family
// name reduced to letters, digits and hyphens so that it is a safe name on every system.
func cvFileName(family, ext string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(family) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		case r == '-' || unicode.IsSpace(r):
			if s := b.String(); s != "" && !strings.HasSuffix(s, "-") {
				b.WriteByte('-')
			}
		}
	}
	name := strings.TrimSuffix(b.String(), "-")
	if name == "" {
		return "Lebenslauf." + ext
	}
	return "Lebenslauf-" + name + "." + ext
}
