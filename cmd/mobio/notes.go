package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/mobio-sync/mobio/e2ee"
)

func init() { registerCommand(newNotesCmd) }

const (
	msgNotesCounsellorOnly msgID = 4500 + iota
	msgNotesExist
	msgNotesCreated
	msgNotesTitle
	msgNotesNone
	msgNotesNotHere
	msgNotesWrongBiography
	msgNotesAdded
	msgNotesEmptyList
	msgNotesEmpty
	msgNotesEnd
)

func init() {
	registerMessages(msgNotesCounsellorOnly, msgNotesEnd, map[msgID]schema.Text{
		msgNotesCounsellorOnly: T(
			"Fallnotizen führt die Beratung: nur eine Beratungsfachkraft dieser Biografie legt sie an (Ihre Rolle: %v).",
			"Case notes are the counsellor's: only a counsellor of this biography creates them (your role: %v).",
			"ملاحظات الحالة خاصة بالمرشد: لا ينشئها إلا مرشد لهذه السيرة الذاتية (دورك: %v).",
			"یادداشت‌های پرونده متعلق به مشاور است: فقط مشاورِ این زندگی‌نامه آن را ایجاد می‌کند (نقش شما: %v).",
			"Les notes de suivi appartiennent au conseiller : seul un conseiller de cette biographie les crée (votre rôle : %v)."),
		msgNotesExist: T(
			"Diese Biografie hat schon Fallnotizen: %v.",
			"This biography has case notes already: %v.",
			"لهذه السيرة الذاتية ملاحظات حالة بالفعل: %v.",
			"این زندگی‌نامه از قبل یادداشت پرونده دارد: %v.",
			"Cette biographie a déjà des notes de suivi : %v."),
		msgNotesCreated: T(
			"Fallnotizen zu %v angelegt; nur Sie sind Mitglied, die Person selbst nicht. Kolleginnen und Kollegen Ihrer Stelle fügen Sie mit mobio share add %v hinzu.",
			"Case notes on %v created; only you are a member, not the person. Add colleagues of your organisation with mobio share add %v.",
			"تم إنشاء ملاحظات الحالة الخاصة بـ %v؛ أنت العضو الوحيد، وليس الشخص نفسه. أضف زملاءك في جهتك بـ mobio share add %v.",
			"یادداشت‌های پرونده %v ایجاد شد؛ فقط شما عضو هستید، نه خود فرد. همکاران سازمان خود را با mobio share add %v اضافه کنید.",
			"Notes de suivi de %v créées ; vous seul en êtes membre, pas la personne. Ajoutez des collègues de votre organisme avec mobio share add %v."),
		msgNotesTitle: T("Fallnotizen %v", "Case notes %v", "ملاحظات الحالة %v", "یادداشت‌های پرونده %v", "Notes de suivi %v"),
		msgNotesNone: T(
			"Diese Biografie hat noch keine Fallnotizen: mobio notes new DOC.",
			"This biography has no case notes yet: mobio notes new DOC.",
			"لا توجد ملاحظات حالة لهذه السيرة الذاتية بعد: mobio notes new DOC.",
			"این زندگی‌نامه هنوز یادداشت پرونده ندارد: mobio notes new DOC.",
			"Cette biographie n'a pas encore de notes de suivi : mobio notes new DOC."),
		msgNotesNotHere: T(
			"Die Fallnotizen dieser Biografie sind nicht auf diesem Gerät: Mitglied sind nur die Beratungsfachkraft, die sie führt, und wen sie hinzufügt. Wurden Sie hinzugefügt, führen Sie mobio share join und mobio sync aus.",
			"The case notes of this biography are not on this device: only the counsellor who keeps them, and whoever they add, are members. If you were added, run mobio share join and mobio sync.",
			"ملاحظات الحالة لهذه السيرة الذاتية ليست على هذا الجهاز: أعضاؤها هم المرشد الذي يحتفظ بها ومن يضيفه فقط. إذا أُضفت، نفّذ mobio share join ثم mobio sync.",
			"یادداشت‌های پرونده این زندگی‌نامه روی این دستگاه نیست: فقط مشاوری که آن را نگه می‌دارد و کسانی که او اضافه می‌کند عضو هستند. اگر شما را اضافه کرده‌اند، mobio share join و mobio sync را اجرا کنید.",
			"Les notes de suivi de cette biographie ne sont pas sur cet appareil : seuls le conseiller qui les tient et les personnes qu'il ajoute en sont membres. Si vous avez été ajouté, lancez mobio share join puis mobio sync."),
		msgNotesWrongBiography: T(
			"Das verknüpfte Dokument %v sind nicht die Fallnotizen dieser Biografie.",
			"The linked document %v is not the case notes of this biography.",
			"المستند المرتبط %v ليس ملاحظات الحالة لهذه السيرة الذاتية.",
			"سند پیوندشده %v یادداشت‌های پرونده این زندگی‌نامه نیست.",
			"Le document lié %v n'est pas les notes de suivi de cette biographie."),
		msgNotesAdded:     T("Notiz hinzugefügt.", "Note added.", "تمت إضافة الملاحظة.", "یادداشت اضافه شد.", "Note ajoutée."),
		msgNotesEmptyList: T("Noch keine Notizen.", "No notes yet.", "لا توجد ملاحظات بعد.", "هنوز یادداشتی نیست.", "Pas encore de notes."),
		msgNotesEmpty:     T("Die Notiz ist leer.", "The note is empty.", "الملاحظة فارغة.", "یادداشت خالی است.", "La note est vide."),
	})
}

var (
	errNotCounsellor = errors.New("not a counsellor of the biography")
	errNoNotes       = errors.New("no case notes")
)

// caseNotes returns the case notes in replica d of document id.
func (x *session) caseNotes(id e2ee.DocID, d client.Doc) (*crdt.Notes, error) {
	switch r := d.(type) {
	case *crdt.Notes:
		return r, nil
	case *crdt.Biography:
		n, err := crdt.NotesOf(r)
		switch {
		case err == nil:
			return n, nil
		case !errors.Is(err, crdt.ErrNotNotes):
			return nil, err
		}
		if _, verr := r.SchemaVersion(); r.Kind() == "" && verr != nil {
			return nil, newUserError(errNoContent, x.Lang, msgNoContentYet, shortDocID(id))
		}
	}
	return nil, newUserError(crdt.ErrNotNotes, x.Lang, msgNotesWrongBiography, shortDocID(id))
}

func newNotesCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	cmd := &cobra.Command{
		Use:   "notes",
		Short: "The counsellor's case notes on a biography, in a document of their own",
		Long: `Case notes (Fallnotizen) are what a counsellor writes down about a case. They live in a
document of their own that belongs to the counsellor's organisation: the newcomer is not a
member of it, and the biography only records its ID (contacts.case_notes_document). The
counsellor who creates the notes may add colleagues with mobio share add.`,
		Example: `  mobio notes new amina --org "Integrationsmanagement Musterstadt"
  mobio notes add amina "Erstgespräch; Sprachkurs gewünscht" --topics SPRACHE
  mobio notes list amina`,
		Args: cobra.NoArgs,
	}
	f.register(cmd.PersistentFlags())
	cmd.AddCommand(newNotesNewCmd(a, f), newNotesAddCmd(a, f), newNotesListCmd(a, f))
	return cmd
}

func newNotesNewCmd(a *app, f *homeFlags) *cobra.Command {
	var org, title string
	cmd := &cobra.Command{
		Use:   "new BIOGRAPHY",
		Short: "Create the case notes of a biography (counsellors only); prints their ID",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				if d.Role != e2ee.RoleCounsellor {
					return newUserError(errNotCounsellor, x.Lang, msgNotesCounsellorOnly, msg(x.Lang, roleMsg(d.Role)))
				}
				p, err := x.readPlan(cmd, d)
				if err != nil {
					return err
				}
				if p.CaseNotesDocument != "" {
					if id, err := e2ee.ParseDocID(p.CaseNotesDocument); err == nil {
						if _, err := x.c.Info(cmd.Context(), id); err == nil {
							return newUserError(client.ErrExists, x.Lang, msgNotesExist, p.CaseNotesDocument)
						}
					}
				}
				n, err := crdt.NewNotes(d.ID.String(), org)
				if err != nil {
					return err
				}
				if title == "" {
					title = msg(x.Lang, msgNotesTitle, docTitle(x.Lang, d.Title))
				}
				id, err := x.c.Create(cmd.Context(), title, n)
				if err != nil {
					return fmt.Errorf("create case notes: %w", err)
				}
				if err := x.editPlan(cmd, d, "link the case notes", func(e plan.Editor, _ plan.Plan) error {
					return e.SetCaseNotesDocument(id.String())
				}); err != nil {
					return err
				}
				fmt.Fprintln(a.Stdout, id.String())
				fmt.Fprintln(a.Stderr, msg(x.Lang, msgNotesCreated, docTitle(x.Lang, d.Title), shortDocID(id)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&org, "org", "", "the `ORGANISATION` that keeps the notes")
	cmd.Flags().StringVar(&title, "title", "", "local `NAME` of the notes document (default: case notes and the biography's title)")
	return cmd
}

// withNotes runs fn with the session, the biography that arg names and the ID of its case
// notes, which must be on this device.
func (a *app) withNotes(cmd *cobra.Command, f *homeFlags, arg string, fn func(x *session, bio client.DocInfo, notes e2ee.DocID) error) error {
	return a.withDoc(cmd.Context(), f, sessionOpts{}, arg, func(x *session, d client.DocInfo) error {
		p, err := x.readPlan(cmd, d)
		if err != nil {
			return err
		}
		if p.CaseNotesDocument == "" {
			return newUserError(errNoNotes, x.Lang, msgNotesNone)
		}
		id, err := e2ee.ParseDocID(p.CaseNotesDocument)
		if err != nil {
			return newUserError(fmt.Errorf("%w: %w", errNoNotes, err), x.Lang, msgNotesWrongBiography, p.CaseNotesDocument)
		}
		if _, err := x.c.Info(cmd.Context(), id); err != nil {
			if errors.Is(err, client.ErrNotFound) {
				return newUserError(err, x.Lang, msgNotesNotHere)
			}
			return err
		}
		return fn(x, d, id)
	})
}

// checkNotes makes sure n are the notes on biography bio: a link that points elsewhere must
// not make a note land in, or be read from, another person's notes.
func (x *session) checkNotes(n *crdt.Notes, bio client.DocInfo, id e2ee.DocID) error {
	if n.Biography() != bio.ID.String() {
		return newUserError(errNoNotes, x.Lang, msgNotesWrongBiography, shortDocID(id))
	}
	return nil
}

func newNotesAddCmd(a *app, f *homeFlags) *cobra.Command {
	var topics, on, textLang string
	cmd := &cobra.Command{
		Use:   "add BIOGRAPHY TEXT",
		Short: `Add a note to the case notes of a biography (TEXT "-" reads standard input)`,
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withNotes(cmd, f, args[0], func(x *session, bio client.DocInfo, id e2ee.DocID) error {
				text := args[1]
				if text == "-" {
					b, err := a.readInput("-")
					if err != nil {
						return err
					}
					text = strings.TrimRight(string(b), "\n")
				}
				if strings.TrimSpace(text) == "" {
					return newUserError(crdt.ErrEmptyNote, x.Lang, msgNotesEmpty)
				}
				at := planToday()
				if on != "" {
					d, err := dateFlag(x.Lang, "date", on, plan.Date{})
					if err != nil {
						return err
					}
					at = d.First()
				}
				var codes []string
				for _, t := range strings.FieldsFunc(topics, func(r rune) bool { return r == ',' || r == ' ' }) {
					c, err := codeFlag(x.Lang, "topics", "field_of_action", t)
					if err != nil {
						return err
					}
					codes = append(codes, c)
				}
				lang := textLang
				if lang == "" {
					lang = x.Lang
				}
				err := x.c.Edit(cmd.Context(), id, func(d client.Doc) error {
					n, err := x.caseNotes(id, d)
					if err != nil {
						return err
					}
					if err := x.checkNotes(n, bio, id); err != nil {
						return err
					}
					_, err = n.AddNote(at, x.id.ID().String(), text, lang, codes)
					return err
				})
				if err != nil {
					return x.clientError(err)
				}
				fmt.Fprintln(a.Stderr, msg(x.Lang, msgNotesAdded))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&topics, "topics", "", "fields of action the note is about, separated by commas")
	cmd.Flags().StringVar(&on, "date", "", "the `DATE` of what the note is about (default: now)")
	cmd.Flags().StringVar(&textLang, "text-lang", "", "the `LANGUAGE` the note is written in (default: --lang)")
	return cmd
}

// noteJSON is an element of what notes list --json prints.
type noteJSON struct {
	ID     string   `json:"id"`
	At     string   `json:"at"`
	Author string   `json:"author"`
	Lang   string   `json:"lang,omitempty"`
	Topics []string `json:"topics,omitempty"`
	Text   string   `json:"text"`
}

func newNotesListCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list BIOGRAPHY",
		Short: "Print the case notes of a biography, oldest first",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withNotes(cmd, f, args[0], func(x *session, bio client.DocInfo, id e2ee.DocID) error {
				var notes []crdt.Note
				err := x.c.Read(cmd.Context(), id, func(d client.Doc) error {
					n, err := x.caseNotes(id, d)
					if err != nil {
						return err
					}
					if err := x.checkNotes(n, bio, id); err != nil {
						return err
					}
					notes, err = n.Notes()
					return err
				})
				if err != nil {
					return x.clientError(err)
				}
				if asJSON {
					out := []noteJSON{}
					for _, n := range notes {
						out = append(out, noteJSON{ID: n.ID, At: n.At.Format(time.RFC3339), Author: n.Author, Lang: n.Lang, Topics: n.Topics, Text: n.Text})
					}
					return writeJSON(a.Stdout, out)
				}
				if len(notes) == 0 {
					fmt.Fprintln(a.Stdout, msg(x.Lang, msgNotesEmptyList))
					return nil
				}
				tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
				for _, n := range notes {
					topics := make([]string, len(n.Topics))
					for i, t := range n.Topics {
						topics[i] = codeText("field_of_action", t, x.Lang)
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\n", n.At.Local().Format("2006-01-02 15:04"), shortID(n.Author), strings.Join(topics, ", "))
					for _, line := range strings.Split(displayText(casework.Text{Text: n.Text, Lang: n.Lang}, x.Lang), " ⏎ ") {
						fmt.Fprintf(tw, "    %s\n", line)
					}
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}
