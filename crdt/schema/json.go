package schema

import "encoding/json"

// The JSON form of the catalogue is what the web app renders its forms from. Its keys are
// lower snake case; optional attributes are left out when unset.

type jsonCatalogue struct {
	Version   int            `json:"version"`
	Languages []string       `json:"languages"`
	RTL       []string       `json:"rtl"`
	States    []string       `json:"states"`
	Sections  []jsonSection  `json:"sections"`
	CodeLists []jsonCodeList `json:"code_lists"`
}

type jsonSection struct {
	Key             string            `json:"key"`
	Letter          string            `json:"letter,omitempty"`
	Label           map[string]string `json:"label"`
	Help            map[string]string `json:"help,omitempty"`
	SpecialCategory bool              `json:"special_category,omitempty"`
	CaseWork        bool              `json:"case_work,omitempty"`
	Fields          []jsonField       `json:"fields"`
}

type jsonField struct {
	Key         string            `json:"key"`
	Type        Type              `json:"type"`
	CodeList    string            `json:"code_list,omitempty"`
	Ref         string            `json:"ref,omitempty"`
	Label       map[string]string `json:"label"`
	Help        map[string]string `json:"help,omitempty"`
	Required    bool              `json:"required,omitempty"`
	Restricted  bool              `json:"restricted,omitempty"`
	Secret      bool              `json:"secret,omitempty"`
	NoTranslate bool              `json:"no_translate,omitempty"`
	NotBefore   string            `json:"not_before,omitempty"`
	NotFuture   bool              `json:"not_future,omitempty"`
	Min         *int64            `json:"min,omitempty"`
	Max         *int64            `json:"max,omitempty"`
	Pattern     string            `json:"pattern,omitempty"`
	PatternHelp map[string]string `json:"pattern_help,omitempty"`
	Item        []jsonField       `json:"item,omitempty"`
}

type jsonCodeList struct {
	Key      string            `json:"key"`
	Standard string            `json:"standard,omitempty"`
	Label    map[string]string `json:"label"`
	Codes    []jsonCode        `json:"codes"`
}

type jsonCode struct {
	Code  string            `json:"code"`
	Label map[string]string `json:"label"`
}

// MarshalJSON encodes the catalogue for the web app and for `mobio schema export`.
func (c *Catalogue) MarshalJSON() ([]byte, error) {
	out := jsonCatalogue{
		Version:   c.Version,
		Languages: Languages,
		States:    []string{"unknown", "declined"},
	}
	for _, l := range Languages {
		if RightToLeft(l) {
			out.RTL = append(out.RTL, l)
		}
	}
	for _, s := range c.Sections {
		out.Sections = append(out.Sections, jsonSection{
			Key:             s.Key,
			Letter:          s.Letter,
			Label:           s.Label.Map(),
			Help:            optional(s.Help),
			SpecialCategory: s.SpecialCategory,
			CaseWork:        s.CaseWork,
			Fields:          jsonFields(s.Fields),
		})
	}
	for _, l := range c.CodeLists {
		jl := jsonCodeList{Key: l.Key, Standard: l.Standard, Label: l.Label.Map(), Codes: make([]jsonCode, len(l.Codes))}
		for i, code := range l.Codes {
			jl.Codes[i] = jsonCode{Code: code.Code, Label: code.Label.Map()}
		}
		out.CodeLists = append(out.CodeLists, jl)
	}
	return json.Marshal(out)
}

func jsonFields(fields []Field) []jsonField {
	out := make([]jsonField, len(fields))
	for i, f := range fields {
		jf := jsonField{
			Key: f.Key, Type: f.Type, CodeList: f.CodeList, Ref: f.Ref,
			Label: f.Label.Map(), Help: optional(f.Help),
			Required: f.Required, Restricted: f.Restricted, Secret: f.Secret, NoTranslate: f.NoTranslate,
			NotBefore: f.NotBefore, NotFuture: f.NotFuture,
			Pattern: f.Pattern, PatternHelp: optional(f.PatternHelp),
			Item: jsonFields(f.Item),
		}
		if f.Max > f.Min {
			jf.Min, jf.Max = &f.Min, &f.Max
		}
		out[i] = jf
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func optional(t Text) map[string]string {
	if t.IsZero() {
		return nil
	}
	return t.Map()
}
