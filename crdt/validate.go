package crdt

import (
	"errors"
	"fmt"
	"time"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// Problem is one finding of [Biography.Validate].
type Problem struct {
	Path    string      // field path, with entry ID for list entries
	Code    string      // stable kind of problem, one of the Problem* constants
	Message schema.Text // what is wrong, in the five languages
}

// Kinds of problems.
const (
	ProblemRequired       = "required"         // a required field has no answer
	ProblemUnknownCode    = "unknown_code"     // a code not in the field's code list
	ProblemInvalidDate    = "invalid_date"     // a date that cannot be, such as 2019-02-30
	ProblemFutureDate     = "future_date"      // a birth, arrival or issue date in the future
	ProblemEndBeforeStart = "end_before_start" // an end date before its start date
	ProblemOutOfRange     = "out_of_range"     // a number outside the field's range
	ProblemPattern        = "pattern"          // a string not in the required form
	ProblemDanglingRef    = "dangling_ref"     // a link to an entry that was removed
	ProblemWrongType      = "wrong_type"       // a stored value of the wrong kind
)

func (p Problem) String() string { return p.Path + ": " + p.Message.En }

// Validate checks the whole biography and returns every problem at once, in catalogue order.
// A document with no problems returns nil.
func (b *Biography) Validate() []Problem {
	b.mu.Lock()
	defer b.mu.Unlock()
	v := validator{b: b, today: dateOf(b.Now())}
	for i := range b.cat.Sections {
		s := &b.cat.Sections[i]
		v.fields(ref{section: s}, s.Key, s.Fields)
	}
	return v.problems
}

type validator struct {
	b        *Biography
	today    Date
	problems []Problem
}

func (v *validator) add(path, code string, f *schema.Field, args ...any) {
	v.problems = append(v.problems, Problem{Path: path, Code: code, Message: message(code, f, args...)})
}

func (v *validator) fields(base ref, prefix string, fields []schema.Field) {
	dates := map[string]Date{}
	for i := range fields {
		f := &fields[i]
		r := base
		r.field = f
		r.path = prefix + "." + f.Key
		switch f.Type {
		case schema.TypeList:
			lr := ref{path: r.path, section: base.section, list: f}
			ids, err := v.b.entriesLocked(lr)
			if err != nil {
				v.add(r.path, ProblemWrongType, f)
				continue
			}
			for _, id := range ids {
				er := lr
				er.entry = id
				v.fields(er, r.path+"."+id, f.Item)
			}
		case schema.TypeText:
			tv, err := v.b.textLocked(r)
			if err != nil {
				v.add(r.path, ProblemWrongType, f)
			} else if f.Required && tv.Text == "" {
				v.add(r.path, ProblemRequired, f)
			}
		case schema.TypeCodes, schema.TypeRefs:
			members, err := v.b.codesLocked(r)
			if err != nil {
				v.add(r.path, ProblemWrongType, f)
				continue
			}
			if f.Required && len(members) == 0 {
				v.add(r.path, ProblemRequired, f)
			}
			for _, c := range members {
				if f.Type == schema.TypeCodes && !v.b.cat.CodeList(f.CodeList).Has(c) {
					v.add(r.path, ProblemUnknownCode, f, c)
				}
				if f.Type == schema.TypeRefs && !v.b.entryExists(f.Ref, c) {
					v.add(r.path, ProblemDanglingRef, f)
				}
			}
		default:
			fv, err := v.b.scalarLocked(r)
			if err != nil {
				if errors.Is(err, errDate) {
					v.add(r.path, ProblemInvalidDate, f)
				} else {
					v.add(r.path, ProblemWrongType, f)
				}
				continue
			}
			if fv.state == StateEmpty {
				if f.Required {
					v.add(r.path, ProblemRequired, f)
				}
				continue
			}
			if fv.state != StateValue {
				continue
			}
			v.value(r, fv.Value)
			if f.Type == schema.TypeDate {
				dates[f.Key] = fv.d
			}
		}
	}
	for i := range fields {
		f := &fields[i]
		if f.NotBefore == "" {
			continue
		}
		end, ok1 := dates[f.Key]
		start, ok2 := dates[f.NotBefore]
		if ok1 && ok2 && end.Less(start) {
			v.add(prefix+"."+f.Key, ProblemEndBeforeStart, f, fieldIn(fields, f.NotBefore))
		}
	}
}

func (v *validator) value(r ref, val Value) {
	f := r.field
	switch f.Type {
	case schema.TypeCode:
		if !v.b.cat.CodeList(f.CodeList).Has(val.s) {
			v.add(r.path, ProblemUnknownCode, f, val.s)
		}
	case schema.TypeDate:
		if err := val.d.check(); err != nil {
			v.add(r.path, ProblemInvalidDate, f)
		} else if f.NotFuture && v.today.Less(val.d) {
			v.add(r.path, ProblemFutureDate, f)
		}
	case schema.TypeInt:
		if f.Max > f.Min && (val.i < f.Min || val.i > f.Max) {
			v.add(r.path, ProblemOutOfRange, f, f.Min, f.Max)
		}
	case schema.TypeString:
		if f.Pattern != "" && !matches(f.Pattern, val.s) {
			v.add(r.path, ProblemPattern, f)
		}
	case schema.TypeRef:
		if !v.b.entryExists(f.Ref, val.s) {
			v.add(r.path, ProblemDanglingRef, f)
		}
	}
}

func dateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: int(m), Day: d}
}

// message renders a problem in the five languages. args: the unknown code; the start field;
// the bounds of a range.
func message(code string, f *schema.Field, args ...any) schema.Text {
	tpl, ok := problemTemplates[code]
	if !ok {
		tpl = problemTemplates[ProblemWrongType]
	}
	var out schema.Text
	for _, lang := range schema.Languages {
		label := f.Label.In(lang)
		var s string
		switch code {
		case ProblemUnknownCode:
			s = fmt.Sprintf(tpl.In(lang), label, args[0])
		case ProblemEndBeforeStart:
			s = fmt.Sprintf(tpl.In(lang), label, args[0].(*schema.Field).Label.In(lang))
		case ProblemOutOfRange:
			s = fmt.Sprintf(tpl.In(lang), label, args[0], args[1])
		case ProblemPattern:
			s = fmt.Sprintf(tpl.In(lang), label, f.PatternHelp.In(lang))
		default:
			s = fmt.Sprintf(tpl.In(lang), label)
		}
		out.Set(lang, s)
	}
	return out
}

var problemTemplates = map[string]schema.Text{
	ProblemRequired: schema.T(
		"%s: Angabe fehlt",
		"%s: this is required",
		"%s: هذه المعلومة مطلوبة",
		"%s: این مورد الزامی است",
		"%s : information obligatoire"),
	ProblemUnknownCode: schema.T(
		"%s: unbekannter Wert %q",
		"%s: unknown value %q",
		"%s: قيمة غير معروفة %q",
		"%s: مقدار ناشناخته %q",
		"%s : valeur inconnue %q"),
	ProblemInvalidDate: schema.T(
		"%s: dieses Datum gibt es nicht",
		"%s: this date does not exist",
		"%s: هذا التاريخ غير موجود",
		"%s: این تاریخ وجود ندارد",
		"%s : cette date n'existe pas"),
	ProblemFutureDate: schema.T(
		"%s: das Datum liegt in der Zukunft",
		"%s: the date lies in the future",
		"%s: التاريخ في المستقبل",
		"%s: تاریخ در آینده است",
		"%s : la date est dans le futur"),
	ProblemEndBeforeStart: schema.T(
		"%s: liegt vor „%s“",
		"%s: is before “%s”",
		"%s: يقع قبل «%s»",
		"%s: قبل از «%s» است",
		"%s : est antérieur à « %s »"),
	ProblemOutOfRange: schema.T(
		"%s: muss zwischen %d und %d liegen",
		"%s: must be between %d and %d",
		"%s: يجب أن يكون بين %d و%d",
		"%s: باید بین %d و %d باشد",
		"%s : doit être compris entre %d et %d"),
	ProblemPattern: schema.T(
		"%s: %s",
		"%s: %s",
		"%s: %s",
		"%s: %s",
		"%s : %s"),
	ProblemDanglingRef: schema.T(
		"%s: verweist auf einen gelöschten Eintrag",
		"%s: refers to an entry that was removed",
		"%s: يشير إلى إدخال تم حذفه",
		"%s: به موردی اشاره دارد که حذف شده است",
		"%s : renvoie à une entrée supprimée"),
	ProblemWrongType: schema.T(
		"%s: gespeicherter Wert hat die falsche Art",
		"%s: the stored value has the wrong kind",
		"%s: القيمة المخزنة من نوع خاطئ",
		"%s: مقدار ذخیره‌شده از نوع نادرست است",
		"%s : la valeur enregistrée n'est pas du bon type"),
}
