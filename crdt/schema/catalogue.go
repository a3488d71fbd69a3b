package schema

// sections lists the biography's sections in questionnaire order: A–K and the optional
// support-needs section (DOMAIN.md §2.3), then the case-work sections (§1.2, L–O).
func sections() []Section {
	var s []Section
	s = append(s, personSections()...)    // A person, B residence, C family, D living, support needs
	s = append(s, educationSections()...) // E languages, F schooling, G training, H work, I skills, J goals, K documents
	s = append(s, caseworkSections()...)  // integration plan, contacts and referrals, consents and shares
	return s
}

// codeLists gathers every code list. Each list is defined once, next to the sections that
// introduce it; lists several sections share are in codelists_std.go.
func codeLists() []*CodeList {
	var l []*CodeList
	l = append(l, standardCodeLists()...)
	l = append(l, personCodeLists()...)
	l = append(l, educationCodeLists()...)
	l = append(l, caseworkCodeLists()...)
	return l
}
