package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/research"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
)

func init() { registerCommand(newResearchCmd) }

// researchLogName is the export log in the data directory: one JSON line per export.
const researchLogName = "research-exports.log"

const (
	msgResearchKTooSmall msgID = 5500 + iota
	msgResearchBadQuasi
	msgResearchNeedOutput
	msgResearchLeaves
	msgResearchProceed
	msgResearchWritten
	msgResearchNothing
	msgResearchEnd
)

func init() {
	registerMessages(msgResearchKTooSmall, msgResearchEnd, map[msgID]schema.Text{
		msgResearchKTooSmall: T(
			"--k %v ist zu klein: jede veröffentlichte Gruppe muss mindestens 5 Personen umfassen (Standard 11).",
			"--k %v is too small: every released group must hold at least 5 persons (default 11).",
			"--k %v صغير جدًا: يجب أن تضم كل مجموعة منشورة 5 أشخاص على الأقل (الافتراضي 11).",
			"--k %v خیلی کوچک است: هر گروه منتشرشده باید دست‌کم ۵ نفر داشته باشد (پیش‌فرض ۱۱).",
			"--k %v est trop petit : chaque groupe publié doit compter au moins 5 personnes (11 par défaut).",
		),
		msgResearchBadQuasi: T(
			"--quasi %q: kein Quasi-Identifikator. Möglich sind: %v",
			"--quasi %q: not a quasi-identifier. Possible: %v",
			"--quasi %q: ليس معرّفًا شبه تعريفي. الممكن: %v",
			"--quasi %q: شبه‌شناسه نیست. ممکن: %v",
			"--quasi %q : pas un quasi-identifiant. Possibles : %v",
		),
		msgResearchNeedOutput: T(
			"Geben Sie die Datei an, in die der Export geschrieben wird: -o DATEI.csv",
			"Name the file the export is written to: -o FILE.csv",
			"حدّد الملف الذي سيُكتب فيه التصدير: -o FILE.csv",
			"فایلی را که خروجی در آن نوشته می‌شود مشخص کنید: -o FILE.csv",
			"Indiquez le fichier où écrire l’export : -o FICHIER.csv",
		),
		msgResearchLeaves: T(
			"Der Forschungsexport enthält einen anonymisierten Datensatz für jede Person mit gültiger Forschungseinwilligung (%v von %v Biografien): Altersgruppe, Geschlecht, Staatsangehörigkeit, Landkreis, Quartale von Einreise und Umzug, Aufenthaltsstatusgruppe, Bildung, Deutsch, Erwerb, Leistungen und Umfang der Beratung, mit einer neuen Zufallskennung. Keine Namen, keine genauen Daten, keine Freitexte, keine Dokumente, nichts zur Gesundheit. Jede Kombination von %v kommt mindestens %v-mal vor; seltenere werden vergröbert oder weggelassen. Die Datei verlässt dieses Gerät, sobald Sie sie weitergeben. Der Export wird in %v protokolliert (wann, wer, wie viele, Prüfsumme der Datei).",
			"The research export holds one anonymised record for each person with a valid research consent (%v of %v biographies): age group, gender, nationality, district, quarters of arrival and moves, residence status group, education, German, work, benefits and the extent of counselling, under a new random ID. No names, no exact dates, no free text, no documents, nothing about health. Every combination of %v occurs at least %v times; rarer ones are coarsened or left out. The file leaves this device once you pass it on. The export is logged in %v (when, who, how many, the file's checksum).",
			"يتضمن تصدير البحث سجلًا مجهول الهوية لكل شخص لديه موافقة بحثية صالحة (%v من %v سيرة ذاتية): الفئة العمرية، الجنس، الجنسية، المقاطعة، أرباع سنة الوصول والانتقال، مجموعة وضع الإقامة، التعليم، الألمانية، العمل، الإعانات ومدى الاستشارة، برمز عشوائي جديد. لا أسماء ولا تواريخ دقيقة ولا نصوص حرة ولا وثائق ولا شيء عن الصحة. كل تركيبة من %v تظهر %v مرات على الأقل؛ والأندر تُعمَّم أو تُحذف. يغادر الملف هذا الجهاز عندما تسلّمه. يُسجَّل التصدير في %v (متى، من، كم، مجموع التحقق للملف).",
			"خروجی پژوهشی برای هر فردی که رضایت پژوهشی معتبر دارد یک رکورد ناشناس دارد (%v از %v زندگی‌نامه): گروه سنی، جنسیت، تابعیت، شهرستان، فصل ورود و جابه‌جایی، گروه وضعیت اقامت، تحصیلات، آلمانی، کار، کمک‌هزینه‌ها و میزان مشاوره، با یک شناسه تصادفی تازه. بدون نام، بدون تاریخ دقیق، بدون متن آزاد، بدون مدرک، هیچ چیز درباره سلامت. هر ترکیب از %v دست‌کم %v بار می‌آید؛ ترکیب‌های نادرتر کلی‌تر یا حذف می‌شوند. فایل وقتی آن را بدهید این دستگاه را ترک می‌کند. خروجی در %v ثبت می‌شود (کی، چه کسی، چند تا، مجموع کنترلی فایل).",
			"L’export de recherche contient un enregistrement anonymisé pour chaque personne ayant un consentement de recherche valide (%v sur %v biographies) : tranche d’âge, sexe, nationalité, arrondissement, trimestres d’arrivée et de déménagement, groupe de statut de séjour, formation, allemand, emploi, prestations et intensité de l’accompagnement, sous un nouvel identifiant aléatoire. Aucun nom, aucune date exacte, aucun texte libre, aucun document, rien sur la santé. Chaque combinaison de %v apparaît au moins %v fois ; les plus rares sont généralisées ou omises. Le fichier quitte cet appareil dès que vous le transmettez. L’export est consigné dans %v (quand, qui, combien, somme de contrôle du fichier).",
		),
		msgResearchProceed: T("Exportieren? [j/N] ", "Export? [y/N] ", "هل تريد التصدير؟ [نعم/لا] ", "خروجی گرفته شود؟ [بله/خیر] ", "Exporter ? [o/N] "),
		msgResearchWritten: T(
			"%v Datensätze in %v geschrieben (k = %v; %v vergröbert, %v weggelassen). Protokolliert in %v.",
			"%v records written to %v (k = %v; %v coarsened, %v left out). Logged in %v.",
			"تمت كتابة %v سجلًا في %v (k = %v؛ %v معمَّمة، %v محذوفة). سُجِّل في %v.",
			"%v رکورد در %v نوشته شد (k = %v؛ %v کلی‌تر شده، %v حذف‌شده). ثبت‌شده در %v.",
			"%v enregistrements écrits dans %v (k = %v ; %v généralisés, %v omis). Consigné dans %v.",
		),
		msgResearchNothing: T(
			"Keine Biografie auf diesem Gerät hat eine gültige Forschungseinwilligung: nichts exportiert.",
			"No biography on this device has a valid research consent: nothing exported.",
			"لا توجد سيرة ذاتية على هذا الجهاز بموافقة بحثية صالحة: لم يُصدَّر شيء.",
			"هیچ زندگی‌نامه‌ای در این دستگاه رضایت پژوهشی معتبر ندارد: چیزی خروجی گرفته نشد.",
			"Aucune biographie sur cet appareil n’a de consentement de recherche valide : rien n’a été exporté.",
		),
	})
}

func newResearchCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	cmd := &cobra.Command{
		Use:   "research",
		Short: "Anonymised research export of the persons who consented to it",
		Args:  cobra.NoArgs,
	}
	f.register(cmd.PersistentFlags())
	cmd.AddCommand(newResearchExportCmd(a, f))
	return cmd
}

func newResearchExportCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		k      int
		quasi  []string
		output string
		force  bool
		yes    bool
	)
	cmd := &cobra.Command{
		Use:   "export -o FILE.csv",
		Short: "Write the anonymised research records (k-anonymous) of the persons who consented",
		Long: `Write one anonymised record for each biography on this device whose person gave a research
consent (purpose RESEARCH_ANON, not withdrawn): generalised attributes only (age group,
gender, nationality, district, quarters, residence status group, education, German, work,
benefits, extent of counselling) under a random ID that is new in every export. No names,
exact dates, free text, documents or support needs.

Every combination of the quasi-identifiers (--quasi; default altersgruppe, geschlecht,
staatsangehoerigkeit, region, einreise_quartal, aufenthaltsstatus_gruppe) occurs at least
--k times (default 11, never below 5): columns are coarsened step by step (age 5 → 10 → 20
years, country → region → continent, quarter → year, district → Land), and records still in
smaller groups are left out.

mobio says what leaves and asks first (--yes for scripts). Every export is logged, as one
JSON line in research-exports.log in the data directory: when, who, k, the counts and the
SHA-256 of the file, never its content.`,
		Example: `  mobio research export -o research-2026.csv
  mobio research export --k 15 --quasi altersgruppe,geschlecht,region -o research.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.loadSettings(f)
			if err != nil {
				return err
			}
			lang := s.Lang
			if k < research.MinK {
				return newUserError(research.ErrKTooSmall, lang, msgResearchKTooSmall, k)
			}
			for _, q := range quasi {
				if !slices.Contains(research.QuasiCandidates, q) {
					return newUserError(research.ErrQuasi, lang, msgResearchBadQuasi, q, strings.Join(research.QuasiCandidates, ", "))
				}
			}
			if output == "" || output == "-" {
				return &usageError{err: errors.New(msg(lang, msgResearchNeedOutput)), cmd: cmd.CommandPath()}
			}
			if !force {
				if _, err := os.Lstat(output); err == nil {
					return newUserError(os.ErrExist, lang, msgFileExists, output)
				}
			}
			if len(quasi) == 0 {
				quasi = research.DefaultQuasi
			}
			return a.withSession(cmd.Context(), f, func(x *session) error {
				now := time.Now().UTC()
				subjects, docs, err := x.researchSubjects(cmd.Context(), now)
				if err != nil {
					return err
				}
				consented := 0
				for _, s := range subjects {
					if s.Consented() {
						consented++
					}
				}
				if consented == 0 {
					fmt.Fprintln(a.Stderr, msg(lang, msgResearchNothing))
					return nil
				}
				logFile := filepath.Join(x.DataDir, researchLogName)
				fmt.Fprintln(a.Stderr, msg(lang, msgResearchLeaves, consented, docs, strings.Join(quasi, ", "), k, logFile))
				if !yes {
					if err := a.confirmed(lang, msgResearchProceed); err != nil {
						return err
					}
				}
				var logLine bytes.Buffer
				rel, err := research.ExportSubjects(subjects, research.Options{
					K: k, Quasi: quasi, Log: &logLine, Who: x.c.ID().String(), Now: func() time.Time { return now },
				})
				if err != nil {
					return err
				}
				if err := writePrivateFile(output, rel.CSV); err != nil {
					return fmt.Errorf("write %s: %w", output, err)
				}
				// An export that is not logged is not made: without the log line, the file goes.
				if err := appendLog(logFile, logLine.Bytes()); err != nil {
					return errors.Join(fmt.Errorf("log the research export: %w", err), os.Remove(output))
				}
				fmt.Fprintln(a.Stderr, msg(lang, msgResearchWritten, len(rel.Records), output, rel.K, rel.Generalised, rel.Suppressed, logFile))
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&k, "k", research.DefaultK, "every released combination of quasi-identifiers occurs at least `K` times (5 or more)")
	fl.StringSliceVar(&quasi, "quasi", nil, "the quasi-identifier `COLUMNS`, comma-separated (default "+strings.Join(research.DefaultQuasi, ",")+")")
	fl.StringVarP(&output, "output", "o", "", "write the records to `FILE` (CSV, readable by you only)")
	fl.BoolVar(&force, "force", false, "replace FILE if it exists")
	fl.BoolVarP(&yes, "yes", "y", false, "export without asking (for scripts)")
	return cmd
}

// researchSubjects reads every biography whose content is on this device, each inside its own
// read, and returns what the export needs of them and how many there were.
func (x *session) researchSubjects(ctx context.Context, now time.Time) ([]*research.Subject, int, error) {
	infos, err := x.c.Docs(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("list documents: %w", err)
	}
	var subjects []*research.Subject
	for _, d := range infos {
		err := x.read(ctx, d.ID, func(b *crdt.Biography) error {
			s, err := research.Extract(crdtdoc.Wrap(b), now)
			if err != nil {
				return err
			}
			subjects = append(subjects, s)
			return nil
		})
		switch {
		case errors.Is(err, errNoContent):
			continue
		case err != nil:
			return nil, 0, fmt.Errorf("read %s: %w", shortDocID(d.ID), err)
		}
	}
	return subjects, len(subjects), nil
}

// appendLog appends line to the log file, creating it readable by this user only, and syncs
// it: the line is the record that the export was made.
func appendLog(name string, line []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(line); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
