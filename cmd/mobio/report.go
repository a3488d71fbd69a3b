package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/report"
	"github.com/mobio-sync/mobio/casework/report/xlsx"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
)

func init() { registerCommand(newReportCmd) }

// Messages of mobio report (block 5000) and mobio research (5500, research.go).
const (
	msgReportBadDate msgID = 5000 + iota
	msgReportBadPeriod
	msgReportBadFormat
	msgReportBadDefinition
	msgReportWritten
	msgReportSkipped
	msgReportEnd
)

func init() {
	registerMessages(msgReportBadDate, msgReportEnd, map[msgID]schema.Text{
		msgReportBadDate: T(
			"%v: %q ist kein Datum; schreiben Sie es als 2026-01-31 oder 31.01.2026.",
			"%v: %q is not a date; write it as 2026-01-31 or 31.01.2026.",
			"%v: %q ليس تاريخًا؛ اكتبه بالشكل 2026-01-31 أو 31.01.2026.",
			"%v: %q تاریخ نیست؛ آن را به شکل 2026-01-31 یا 31.01.2026 بنویسید.",
			"%v : %q n’est pas une date ; écrivez-la 2026-01-31 ou 31.01.2026.",
		),
		msgReportBadPeriod: T(
			"Der Zeitraum endet (%v) vor seinem Beginn (%v).",
			"The period ends (%v) before it starts (%v).",
			"تنتهي الفترة (%v) قبل بدايتها (%v).",
			"دوره (%v) پیش از آغازش (%v) تمام می‌شود.",
			"La période se termine (%v) avant de commencer (%v).",
		),
		msgReportBadFormat: T(
			"--format %q: wählen Sie csv, xlsx oder html.",
			"--format %q: choose csv, xlsx or html.",
			"--format %q: اختر csv أو xlsx أو html.",
			"--format %q: یکی از csv، xlsx یا html را انتخاب کنید.",
			"--format %q : choisissez csv, xlsx ou html.",
		),
		msgReportBadDefinition: T(
			"Die Auswertungsdefinition %v ist nicht verwendbar: %v",
			"The report definition %v cannot be used: %v",
			"لا يمكن استخدام تعريف التقرير %v: %v",
			"تعریف گزارش %v قابل استفاده نیست: %v",
			"La définition du bilan %v est inutilisable : %v",
		),
		msgReportWritten: T(
			"Auswertung %v für %v in %v geschrieben: %v beratene Personen aus %v Biografien. Sie enthält nur Zahlen, aber kleine Zahlen können auf Personen hinweisen: geben Sie sie nur an die zuständige Stelle.",
			"Report %v for %v written to %v: %v persons counselled, from %v biographies. It holds only counts, but small counts can point to persons: give it only to the authority it is for.",
			"تمت كتابة التقرير %v للفترة %v في %v: %v من الأشخاص الذين تمت استشارتهم من %v سيرة ذاتية. يحتوي على أرقام فقط، لكن الأرقام الصغيرة قد تدل على أشخاص: لا تسلّمه إلا للجهة المعنية.",
			"گزارش %v برای %v در %v نوشته شد: %v فرد مشاوره‌شده از %v زندگی‌نامه. فقط عدد دارد، اما عددهای کوچک ممکن است به افراد اشاره کنند: آن را فقط به نهاد مربوط بدهید.",
			"Bilan %v pour %v écrit dans %v : %v personnes accompagnées, sur %v biographies. Il ne contient que des nombres, mais de petits nombres peuvent désigner des personnes : ne le remettez qu’à l’autorité concernée.",
		),
		msgReportSkipped: T(
			"%v Biografien sind nicht mitgezählt, weil ihr Inhalt noch nicht auf diesem Gerät ist (mobio sync).",
			"%v biographies are not counted because their content has not reached this device yet (mobio sync).",
			"لم تُحتسب %v من السير الذاتية لأن محتواها لم يصل إلى هذا الجهاز بعد (mobio sync).",
			"%v زندگی‌نامه شمرده نشد، چون محتوای آن‌ها هنوز به این دستگاه نرسیده است (mobio sync).",
			"%v biographies ne sont pas comptées, car leur contenu n’est pas encore arrivé sur cet appareil (mobio sync).",
		),
	})
}

func newReportCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Reports for the funding authority, computed on this device",
		Long: `Reports that integration managers deliver, computed on this device over the biographies it
holds: the relay stores ciphertext only and cannot count anything. The output is German, as
the authority reads it, whatever --lang says.`,
		Args: cobra.NoArgs,
	}
	f.register(cmd.PersistentFlags())
	cmd.AddCommand(newReportCaseloadCmd(a, f), newReportDefinitionCmd(a))
	return cmd
}

func newReportCaseloadCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		from, to, definition, manager, format, output string
		force                                         bool
	)
	cmd := &cobra.Command{
		Use:   "caseload --from DATE --to DATE [-o FILE]",
		Short: "Count the caseload of a reporting period: persons, plans, goals, contacts, referrals, closures",
		Long: `Count the caseload of the reporting period --from to --to (both days included) over every
biography on this device whose content has arrived, by the indicators of the report
definition: persons new, ongoing and closed by gender, age group, nationality and residence
status group; plans; goals by field of action and status; contacts; referrals; closures and
outcomes, per municipality and integration manager.

A person is new when counselling started in the period, ongoing when it started before and
was not closed before the period began, closed when the closure date lies in the period.
Free text, the support needs and restricted fields other than the residence status are
never read.

--definition FILE uses a report definition of your own (JSON; mobio report definition
prints the default to start from), so that the official template can be matched without a
new mobio. --manager NAME is the name the cases are reported under (default: your identity).
--format is csv (semicolons, for German Excel), xlsx or html (printable, with charts);
without it, the ending of FILE decides, else csv.`,
		Example: `  mobio report caseload --from 2026-01-01 --to 2026-06-30 --manager "A. Berger" -o 2026-h1.xlsx
  mobio report caseload --from 01.01.2026 --to 30.06.2026 --format html -o 2026-h1.html
  mobio report definition > template.json   # edit, then --definition template.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.loadSettings(f)
			if err != nil {
				return err
			}
			lang := s.Lang
			p, err := parsePeriod(lang, from, to)
			if err != nil {
				return err
			}
			format, err = reportFormat(lang, format, output)
			if err != nil {
				return err
			}
			def := report.Default()
			if definition != "" {
				data, err := os.ReadFile(definition)
				if err != nil {
					return newUserError(err, lang, msgFileUnreadable, definition, err)
				}
				if def, err = report.ParseDefinition(data); err != nil {
					return newUserError(err, lang, msgReportBadDefinition, definition, strings.TrimPrefix(err.Error(), report.ErrDefinition.Error()+": "))
				}
			}
			toFile := output != "" && output != "-"
			if toFile && !force {
				if _, err := os.Lstat(output); err == nil {
					return newUserError(os.ErrExist, lang, msgFileExists, output)
				}
			}
			return a.withSession(cmd.Context(), f, func(x *session) error {
				if manager == "" {
					manager = x.c.ID().String()
				}
				cases, docs, skipped, err := x.caseload(cmd.Context(), manager)
				if err != nil {
					return err
				}
				// German whatever the person's language: the report goes to a German authority.
				res, err := report.Compute(def, p, cases, report.Options{Lang: "de"})
				if err != nil {
					return fmt.Errorf("compute the report: %w", err)
				}
				var out bytes.Buffer
				switch format {
				case "csv":
					err = report.WriteCSV(&out, res)
				case "xlsx":
					err = xlsx.Write(&out, res)
				case "html":
					err = report.WriteHTML(&out, res)
				}
				if err != nil {
					return err
				}
				if skipped > 0 {
					fmt.Fprintln(a.Stderr, msg(lang, msgReportSkipped, skipped))
				}
				if !toFile {
					_, err := a.Stdout.Write(out.Bytes())
					return err
				}
				if err := writePrivateFile(output, out.Bytes()); err != nil {
					return fmt.Errorf("write %s: %w", output, err)
				}
				fmt.Fprintln(a.Stderr, msg(lang, msgReportWritten, def.ID, res.FormatPeriod(), output, res.Counselled, docs))
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&from, "from", "", "first `DAY` of the period (2026-01-01 or 01.01.2026)")
	fl.StringVar(&to, "to", "", "last `DAY` of the period, included")
	fl.StringVar(&definition, "definition", "", "report definition `FILE` (JSON) instead of the built-in caseload-v1")
	fl.StringVar(&manager, "manager", "", "`NAME` of the integration manager the cases are reported under (default: your identity)")
	fl.StringVar(&format, "format", "", "csv, xlsx or html (default: from the ending of FILE, else csv)")
	fl.StringVarP(&output, "output", "o", "", "write to `FILE` (readable by you only) instead of standard output")
	fl.BoolVar(&force, "force", false, "replace FILE if it exists")
	_ = cmd.MarkFlagRequired("from")
	_ = cmd.MarkFlagRequired("to")
	return cmd
}

func newReportDefinitionCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "definition",
		Short: "Print the built-in report definition (JSON), to start a definition of your own",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := a.Stdout.Write(report.DefaultJSON())
			return err
		},
	}
}

// caseload reads what the report needs from every biography whose content is on this device,
// each inside its own read; it returns the cases, how many biographies they come from and how
// many were skipped because their content has not arrived.
func (x *session) caseload(ctx context.Context, manager string) (cases []*report.Case, docs, skipped int, err error) {
	infos, err := x.c.Docs(ctx)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("list documents: %w", err)
	}
	for _, d := range infos {
		err := x.read(ctx, d.ID, func(b *crdt.Biography) error {
			c, err := report.Extract(report.Input{Doc: crdtdoc.Wrap(b), Manager: manager})
			if err != nil {
				return err
			}
			cases = append(cases, c)
			return nil
		})
		switch {
		case errors.Is(err, errNoContent):
			skipped++
			continue
		case err != nil:
			return nil, 0, 0, fmt.Errorf("read %s: %w", shortDocID(d.ID), err)
		}
		docs++
	}
	return cases, docs, skipped, nil
}

// parsePeriod reads --from and --to.
func parsePeriod(lang, from, to string) (report.Period, error) {
	var p report.Period
	for _, x := range []struct {
		flag, s string
		dst     *time.Time
	}{{"--from", from, &p.From}, {"--to", to, &p.To}} {
		t, err := parseDay(x.s)
		if err != nil {
			return p, newUserError(errBadValue, lang, msgReportBadDate, x.flag, x.s)
		}
		*x.dst = t
	}
	if p.To.Before(p.From) {
		return p, newUserError(errBadValue, lang, msgReportBadPeriod, to, from)
	}
	return p, nil
}

// parseDay reads a day as 2026-01-31 or as Germans write it, 31.01.2026.
func parseDay(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Parse("02.01.2006", s)
}

// reportFormat is --format, else the ending of the output file, else csv.
func reportFormat(lang, format, output string) (string, error) {
	if format == "" {
		switch strings.ToLower(filepath.Ext(output)) {
		case ".xlsx":
			return "xlsx", nil
		case ".html", ".htm":
			return "html", nil
		}
		return "csv", nil
	}
	switch f := strings.ToLower(format); f {
	case "csv", "xlsx", "html":
		return f, nil
	}
	return "", newUserError(errBadValue, lang, msgReportBadFormat, format)
}
