package disclosure

import (
	"slices"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// The global deny list. It applies after every profile and every choice of the person, so
// that neither a mistake in profiles.json nor a flag typed by hand sends what never leaves:
//
//   - the support-needs section (special category data, Art. 9 GDPR), and any other section
//     the schema marks SpecialCategory;
//   - every field the schema marks Restricted (file numbers, residence details, benefits,
//     counselling notes) or Secret (attachment keys), except the residence status for the
//     recipients whose task needs it (restrictedFor; DOMAIN.md §4: Jobcenter and Agentur für
//     Arbeit for placement and entitlements, language course providers for eligibility and
//     cost exemption) — never for employers, chambers or anyone else;
//   - the file numbers by name, whatever the schema says of them;
//   - the case-work sections (integration plan, counselling contacts and referrals, consents
//     and shares), except the goals of the integration plan in the fields of action SPRACHE,
//     ARBEIT and AUSBILDUNG for a Jobcenter, when the person adds them;
//   - benefits (living.benefits) by name, whatever the schema says of them: which benefits a
//     person receives goes to no recipient as data (a benefit notice, where a language course
//     provider needs one for a fee waiver, goes as a document the person selects).
var deniedByName = []string{
	"support_needs",
	"person.azr_number",
	"person.bamf_file_number",
	"living.benefits",
	"documents.files.content_key",
	"documents.files.blob_id",
}

// restrictedFor names the Restricted fields that some recipient types may receive.
var restrictedFor = map[string][]string{
	"residence.residence_status":      {"JOBCENTER", "AGENTUR_FUER_ARBEIT", "LANGUAGE_COURSE_PROVIDER"},
	"residence.residence_valid_until": {"JOBCENTER", "AGENTUR_FUER_ARBEIT"},
}

// planGoalFields are the fields of a plan goal a Jobcenter may receive.
var planGoalFields = []string{
	"plan.goals.field_of_action", "plan.goals.description", "plan.goals.target_date",
	"plan.goals.priority", "plan.goals.status", "plan.goals.achieved_at", "plan.goals.outcome",
}

// planGoalFieldsOfAction are the fields of action whose goals a Jobcenter may receive.
var planGoalFieldsOfAction = []string{"SPRACHE", "ARBEIT", "AUSBILDUNG"}

// Denied reports whether the schema path path (without entry IDs) may never be sent to
// recipientType, whatever the profile and the person's choices say.
func Denied(recipientType, path string) bool {
	if coveredBy(deniedByName, path) {
		return true
	}
	cat := schema.Default()
	sec := cat.Section(sectionOf(path))
	if sec == nil || sec.SpecialCategory {
		return true // unknown paths are denied: only what the schema describes can be vetted
	}
	if sec.CaseWork {
		return recipientType != "JOBCENTER" || !slices.Contains(planGoalFields, path)
	}
	if path == sec.Key {
		return false
	}
	f, err := cat.Field(path)
	if err != nil {
		return true
	}
	if f.Secret {
		return true
	}
	if f.Restricted {
		return !slices.Contains(restrictedFor[path], recipientType)
	}
	// A list is denied when every field of its entries is: there is nothing to send.
	if f.Type == schema.TypeList {
		for i := range f.Item {
			if !Denied(recipientType, path+"."+f.Item[i].Key) {
				return false
			}
		}
		return true
	}
	return false
}

// entryAllowed reports whether the entry of listPath whose fields r reads may go to
// recipientType: the deny list's filter of plan goals by field of action.
func entryAllowed(recipientType, listPath string, fieldOfAction func() string) bool {
	if listPath != "plan.goals" {
		return true
	}
	return recipientType == "JOBCENTER" && slices.Contains(planGoalFieldsOfAction, fieldOfAction())
}

// sectionOf returns the section key of a path.
func sectionOf(path string) string {
	for i := 0; i < len(path); i++ {
		if path[i] == '.' {
			return path[:i]
		}
	}
	return path
}
