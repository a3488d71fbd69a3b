package disclosure

import (
	"fmt"

	"github.com/mobio-sync/mobio/casework"
)

// Derived items: what a recipient gets instead of the fields behind them.
const (
	// DerivedWorkPermitted is "Arbeitserlaubnis: ja/nein (Art)", from
	// residence.work_permission, for an employer, who needs to know whether the person may
	// work but not the residence status (DOMAIN.md §2.3 B, §4).
	DerivedWorkPermitted = "residence.work_permitted"
	// DerivedChildcareNeeded is "Kinderbetreuung benötigt: ja/nein", from the household, for a
	// language course provider, who plans parent courses and childcare but gets no family
	// details.
	DerivedChildcareNeeded = "family.childcare_needed"
)

// deriver computes one derived item from a document; ok is false when the document holds
// nothing to derive it from.
type deriver struct {
	label   string
	sources []string // the schema paths it reads: none may be denied to the recipient
	derive  func(r casework.Reader) (value, source string, ok bool, err error)
}

var derived = map[string]deriver{
	DerivedWorkPermitted: {
		label:   "Arbeitserlaubnis",
		sources: []string{"residence.work_permission"},
		derive:  deriveWorkPermitted,
	},
	DerivedChildcareNeeded: {
		label: "Kinderbetreuung benötigt",
		sources: []string{"family.household.relation", "family.household.care_status",
			"family.care_responsibilities"},
		derive: deriveChildcareNeeded,
	},
}

// deriveWorkPermitted reduces the work permission to yes or no with its kind.
func deriveWorkPermitted(r casework.Reader) (string, string, bool, error) {
	f, err := r.Field("residence.work_permission")
	if err != nil {
		return "", "", false, fmt.Errorf("read residence.work_permission: %w", err)
	}
	switch f.State {
	case casework.StateUnknown:
		return stateUnknown, f.Source, true, nil
	case casework.StateDeclined:
		return stateDeclined, f.Source, true, nil
	case casework.StateValue:
	default:
		return "", "", false, nil
	}
	kind := codeLabel("work_permission", f.Value)
	switch f.Value {
	case "NICHT_GESTATTET":
		return "nein (" + kind + ")", f.Source, true, nil
	case "ERWERBSTAETIGKEIT_GESTATTET", "BESCHAEFTIGUNG_MIT_ERLAUBNIS_ABH":
		return "ja (" + kind + ")", f.Source, true, nil
	}
	return kind, f.Source, true, nil
}

// childcareCovered are the care statuses under which a child is looked after during a course.
var childcareCovered = map[string]bool{
	"Kita": true, "Kindertagespflege": true, "Grundschule": true, "VKL": true,
	"weiterfuehrende_Schule": true, "VABO": true, "Berufsschule": true,
}

// deriveChildcareNeeded says yes when a child of the household has no care or school place
// (or one is being sought), or the person has care responsibilities that limit their time; no
// when the household's children are all looked after and no such responsibility is recorded.
func deriveChildcareNeeded(r casework.Reader) (string, string, bool, error) {
	ids, err := r.Entries("family.household")
	if err != nil {
		return "", "", false, fmt.Errorf("read family.household: %w", err)
	}
	known, needed := false, false
	for _, id := range ids {
		rel, err := r.Field("family.household." + id + ".relation")
		if err != nil {
			return "", "", false, fmt.Errorf("read family.household: %w", err)
		}
		if rel.Value != "Kind" {
			continue
		}
		care, err := r.Field("family.household." + id + ".care_status")
		if err != nil {
			return "", "", false, fmt.Errorf("read family.household: %w", err)
		}
		if !care.Has() {
			continue
		}
		known = true
		if !childcareCovered[care.Value] {
			needed = true
		}
	}
	resp, err := r.Field("family.care_responsibilities")
	if err != nil {
		return "", "", false, fmt.Errorf("read family.care_responsibilities: %w", err)
	}
	if resp.Has() {
		known = true
		if resp.Value == "true" {
			needed = true
		}
	}
	switch {
	case !known:
		return "", "", false, nil
	case needed:
		return "ja", "", true, nil
	}
	return "nein", "", true, nil
}
