package research

import (
	"golang.org/x/text/language"
)

// regionGroup is a UN M49 region with its German name.
type regionGroup struct{ m49, name string }

// subregions and continents are the UN M49 groupings countries generalise to; the names are
// what the export shows.
var (
	subregions = []regionGroup{
		{"015", "Nordafrika"}, {"014", "Ostafrika"}, {"017", "Zentralafrika"}, {"018", "Südliches Afrika"}, {"011", "Westafrika"},
		{"029", "Karibik"}, {"013", "Mittelamerika"}, {"005", "Südamerika"}, {"021", "Nordamerika"},
		{"143", "Zentralasien"}, {"030", "Ostasien"}, {"035", "Südostasien"}, {"034", "Südasien"}, {"145", "Westasien"},
		{"151", "Osteuropa"}, {"154", "Nordeuropa"}, {"039", "Südeuropa"}, {"155", "Westeuropa"},
		{"053", "Australien und Neuseeland"}, {"054", "Melanesien"}, {"057", "Mikronesien"}, {"061", "Polynesien"},
	}
	continents = []regionGroup{
		{"002", "Afrika"}, {"019", "Amerika"}, {"142", "Asien"}, {"150", "Europa"}, {"009", "Ozeanien"},
	}
)

// Values of the nationality column that are not countries.
const (
	natStateless = "staatenlos_ungeklaert" // STATELESS and UNCLEAR, at every level above the code
	natOther     = "sonstige"              // a code that is in no M49 region (historic states)
)

// nationalityLevels returns the generalisations of a nationality code: the code, its
// subregion, its continent, "*".
func nationalityLevels(code string) []string {
	switch code {
	case "":
		return []string{unknown, unknown, unknown, top}
	case "STATELESS", "UNCLEAR":
		return []string{code, natStateless, natStateless, top}
	}
	r, err := language.ParseRegion(code)
	if err != nil || !r.IsCountry() {
		return []string{code, natOther, natOther, top}
	}
	return []string{code, containing(subregions, r), containing(continents, r), top}
}

func containing(groups []regionGroup, r language.Region) string {
	for _, g := range groups {
		if language.MustParseRegion(g.m49).Contains(r) {
			return g.name
		}
	}
	return natOther
}
