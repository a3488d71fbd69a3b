// Package research makes the anonymised research export of DOMAIN.md §1.4: one record per
// person who consented to it, with generalised attributes only, released under k-anonymity
// over the quasi-identifiers, each export logged.
//
// # What a record holds
//
// A fresh random research ID (crypto/rand, new in every export, so records of two exports
// cannot be linked by it), then generalised attributes: age band, gender, nationality,
// Landkreis (never the municipality), quarters of arrival and of the move to follow-up
// accommodation, year-month of the start and end of integration management, residence
// status group, household type, schooling, qualification, recognition, German level and
// courses, employment status, benefit type and the intensity of counselling. [Columns] is the
// complete list. Never a name, a date, free text, a document, the support needs (Art. 9
// GDPR) or a restricted field other than the residence status and the benefits, which are
// read only to be mapped to their groups. [ReadPaths] lists every field read.
//
// # Who is exported
//
// Only persons with a research consent in force, as package casework/consent decides: an
// entry of consents.consents with purpose RESEARCH_ANON that was not withdrawn.
//
// # k-anonymity
//
// Over the quasi-identifiers (by default age band, gender, nationality, region, arrival
// quarter and residence status group), every combination of values that is released is
// shared by at least k records: k is 11 unless set, and never below 5 ([ErrKTooSmall]).
// Export first generalises whole columns one step at a time along their hierarchies (age
// 5 → 10 → 20 years → *, nationality country → region → continent → *, quarter → year →
// five years → *, Landkreis → Land → *, other attributes → *), each step taking the column
// whose generalisation leaves the fewest records in groups smaller than k, until at most
// Options.MaxSuppression of the records are left in such groups; then it suppresses (leaves
// out) those records. The [Release] says how far each column was generalised and how many
// records were generalised and suppressed.
//
// # Log
//
// Every export writes one JSON line to Options.Log: when, who, k, the quasi-identifiers and
// their levels, the counts, and the SHA-256 of the CSV released. Never a record's content.
package research
