package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/mobio-sync/mobio/e2ee"
)

// The support-needs section holds health data (Art. 9 GDPR, DOMAIN.md §2.5): nothing may be
// written into it before the person gave the section's own consent (HEALTH_SECTION). Removing
// data stays allowed without it, so that a person can always take health data out again.

// errNoHealthConsent: a write to the support-needs section without a HEALTH_SECTION consent in
// force.
var errNoHealthConsent = fmt.Errorf("support needs: %w: %w", errNoConsent, casework.ErrNoConsent)

// Messages of the health-consent check (block 7000).
const (
	msgHealthConsentNeeded msgID = 7000 + iota
	msgHealthConsentEnd
)

func init() {
	registerMessages(msgHealthConsentNeeded, msgHealthConsentEnd, map[msgID]schema.Text{
		msgHealthConsentNeeded: T(
			"%v: Der Abschnitt „Unterstützungsbedarf“ enthält Gesundheitsdaten und braucht eine eigene Einwilligung, bevor etwas eingetragen wird. Die Person kann sie so geben: mobio consent give %v --purpose HEALTH_SECTION --scope support_needs --lang %v (Angaben löschen geht immer).",
			"%v: the support-needs section holds health data and needs its own consent before anything is entered. The person gives it with: mobio consent give %v --purpose HEALTH_SECTION --scope support_needs --lang %v (clearing entries is always possible).",
			"%v: يحتوي قسم «احتياجات الدعم» على بيانات صحية ويتطلب موافقة خاصة به قبل إدخال أي شيء. يعطي الشخص موافقته بالأمر: ‎mobio consent give %v --purpose HEALTH_SECTION --scope support_needs --lang %v (حذف البيانات ممكن دائمًا).",
			"%v: بخش «نیاز به حمایت» داده‌های سلامت را در بر دارد و پیش از وارد کردن هر چیزی به رضایت جداگانه نیاز دارد. فرد آن را با این فرمان می‌دهد: ‎mobio consent give %v --purpose HEALTH_SECTION --scope support_needs --lang %v (پاک کردن داده‌ها همیشه ممکن است).",
			"%v : la section « besoins d'accompagnement » contient des données de santé et exige un consentement propre avant toute saisie. La personne le donne avec : mobio consent give %v --purpose HEALTH_SECTION --scope support_needs --lang %v (effacer des données reste toujours possible)."),
	})
}

// guardHealth runs fn on b and refuses, with errNoHealthConsent, a run that put anything into
// the support-needs section while b holds no HEALTH_SECTION consent in force. It compares the
// section before and after fn rather than checking each write, so that every command editing a
// biography (set, add, edit, translate, ...) is covered by the one check.
func (x *session) guardHealth(id e2ee.DocID, b *crdt.Biography, fn func(*crdt.Biography) error) error {
	d := crdtdoc.Wrap(b)
	if _, ok := consent.Valid(d, consent.PurposeHealthSection, consent.Match{Sections: []string{consent.SectionSupportNeeds}}); ok {
		return fn(b)
	}
	sec := schema.Default().Section(consent.SectionSupportNeeds)
	if sec == nil {
		return fn(b)
	}
	before, err := sectionValues(d, sec.Key, sec.Fields)
	if err != nil {
		return err
	}
	if err := fn(b); err != nil {
		return err
	}
	after, err := sectionValues(d, sec.Key, sec.Fields)
	if err != nil {
		return err
	}
	if path := addedValue(before, after); path != "" {
		return newUserError(errNoHealthConsent, x.Lang, msgHealthConsentNeeded, path, shortDocID(id), x.Lang)
	}
	return nil
}

// sectionValues maps each piece of data held under prefix to its content: a scalar's state and
// value, a text in its language, each translation, each member of a set, each list entry. Keys
// begin with the field's path and a NUL, so that the path can be recovered; empty fields are
// absent.
func sectionValues(r casework.Reader, prefix string, fields []schema.Field) (map[string]string, error) {
	m := map[string]string{}
	for _, f := range fields {
		path := prefix + "." + f.Key
		switch f.Type {
		case schema.TypeList:
			ids, err := r.Entries(path)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", path, err)
			}
			for _, id := range ids {
				m[path+"."+id+"\x00"] = "entry"
				sub, err := sectionValues(r, path+"."+id, f.Item)
				if err != nil {
					return nil, err
				}
				for k, v := range sub {
					m[k] = v
				}
			}
		case schema.TypeCodes, schema.TypeRefs:
			codes, err := r.Codes(path)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", path, err)
			}
			for _, c := range codes {
				m[path+"\x00"+c] = "member"
			}
		case schema.TypeText:
			t, err := r.Text(path)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", path, err)
			}
			if t.Text != "" {
				m[path+"\x00"] = t.Lang + "\x00" + t.Text
			}
			for lang, tr := range t.Translations {
				if tr.Text != "" {
					m[path+"\x00@"+lang] = tr.Text
				}
			}
		default:
			v, err := r.Field(path)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", path, err)
			}
			if v.State != casework.StateEmpty {
				m[path+"\x00"] = fmt.Sprint(v.State, "\x00", v.Value, "\x00", v.Uncertain)
			}
		}
	}
	return m, nil
}

// addedValue returns the path of the first piece of data in after that before did not hold:
// new or changed, not removed.
func addedValue(before, after map[string]string) string {
	var paths []string
	for k, v := range after {
		if old, ok := before[k]; !ok || old != v {
			path, _, _ := strings.Cut(k, "\x00")
			paths = append(paths, path)
		}
	}
	if len(paths) == 0 {
		return ""
	}
	return slices.Min(paths)
}
