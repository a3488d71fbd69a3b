package disclosure

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// Profile is what one recipient type gets by default. Paths are schema paths without entry
// IDs: a section ("languages"), a list ("work.jobs"), a field ("person.phone") or a field of a
// list's entries ("work.jobs.employer"), or a derived item ([DerivedWorkPermitted],
// [DerivedChildcareNeeded]).
type Profile struct {
	// RecipientType is a code of the schema's recipient_type list.
	RecipientType string `json:"recipient_type"`
	// Include is sent unless the person removes it.
	Include []string `json:"include"`
	// Exclude is left out of what Include names (a field of an included list, say).
	Exclude []string `json:"exclude,omitempty"`
	// Optional is sent only when the person adds it.
	Optional []string `json:"optional,omitempty"`
}

// Label returns the recipient type's German name.
func (p Profile) Label() string { return recipientLabel(p.RecipientType) }

func recipientLabel(code string) string {
	if l := schema.Label("recipient_type", code, "de"); l != "" {
		return l
	}
	return code
}

// profileFile is profiles.json.
type profileFile struct {
	Format         int       `json:"format"`
	Comment        string    `json:"comment"`
	DocumentFields []string  `json:"document_fields"`
	Profiles       []Profile `json:"profiles"`
}

//go:embed profiles.json
var profilesJSON []byte

// profiles is profiles.json, decoded and checked against the schema at start.
var profiles = mustLoadProfiles(profilesJSON)

func mustLoadProfiles(b []byte) profileFile {
	pf, err := loadProfiles(b)
	if err != nil {
		panic(err) // the embedded file is tested; a broken one must not ship
	}
	return pf
}

// loadProfiles decodes a profile file and checks every path against the schema.
func loadProfiles(b []byte) (profileFile, error) {
	var pf profileFile
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&pf); err != nil {
		return pf, fmt.Errorf("disclosure: profiles.json: %w", err)
	}
	if pf.Format != 1 {
		return pf, fmt.Errorf("disclosure: profiles.json: format %d, want 1", pf.Format)
	}
	cat := schema.Default()
	files, err := cat.Field(filesList)
	if err != nil {
		return pf, fmt.Errorf("disclosure: profiles.json: %w", err)
	}
	for _, k := range pf.DocumentFields {
		if fieldByKey(files.Item, k) == nil {
			return pf, fmt.Errorf("disclosure: profiles.json: document field %q not in the schema", k)
		}
	}
	seen := map[string]bool{}
	for _, p := range pf.Profiles {
		if schema.Label("recipient_type", p.RecipientType, "de") == "" {
			return pf, fmt.Errorf("disclosure: profiles.json: %q is not a recipient type", p.RecipientType)
		}
		if seen[p.RecipientType] {
			return pf, fmt.Errorf("disclosure: profiles.json: %s twice", p.RecipientType)
		}
		seen[p.RecipientType] = true
		for _, path := range slices.Concat(p.Include, p.Exclude, p.Optional) {
			if !validPath(path) {
				return pf, fmt.Errorf("disclosure: profiles.json: %s: %q is not a schema path", p.RecipientType, path)
			}
		}
	}
	return pf, nil
}

// Profiles returns the profiles of every recipient type that has one, in the order of
// profiles.json.
func Profiles() []Profile {
	out := make([]Profile, len(profiles.Profiles))
	for i, p := range profiles.Profiles {
		out[i] = Profile{
			RecipientType: p.RecipientType,
			Include:       slices.Clone(p.Include),
			Exclude:       slices.Clone(p.Exclude),
			Optional:      slices.Clone(p.Optional),
		}
	}
	return out
}

// ProfileFor returns the profile of a recipient type code (any letter case).
func ProfileFor(recipientType string) (Profile, error) {
	for _, p := range Profiles() {
		if strings.EqualFold(p.RecipientType, strings.TrimSpace(recipientType)) {
			return p, nil
		}
	}
	return Profile{}, fmt.Errorf("%w: %q", ErrUnknownRecipient, recipientType)
}

// validPath reports whether path names a section, a field of the schema (without entry IDs) or
// a derived item.
func validPath(path string) bool {
	if _, ok := derived[path]; ok {
		return true
	}
	if schema.Default().Section(path) != nil {
		return true
	}
	_, err := schema.Default().Field(path)
	return err == nil
}

// covers reports whether path, a schema path, is pattern or lies below it.
func covers(pattern, path string) bool {
	return path == pattern || strings.HasPrefix(path, pattern+".")
}

// coveredBy reports whether any of patterns covers path.
func coveredBy(patterns []string, path string) bool {
	return slices.ContainsFunc(patterns, func(p string) bool { return covers(p, path) })
}

func fieldByKey(fields []schema.Field, key string) *schema.Field {
	for i := range fields {
		if fields[i].Key == key {
			return &fields[i]
		}
	}
	return nil
}
