// Package report computes the caseload report that integration managers deliver for a
// reporting period (DOMAIN.md §1.3), on the counsellor's device, over the biographies the
// counsellor can read: the relay holds ciphertext only and cannot count anything.
//
// # Definitions are data
//
// What is counted and how it is broken down is a [Definition], read from JSON: the embedded
// default (definitions/caseload-v1.json, [Default]) or a file ([ParseDefinition]), so that the
// official template ("Auswertung Zeitraum" of the VwV Integrationsmanagement) can be matched
// by editing a file, not code. Each indicator names a population (persons new in the period,
// contacts in the period, …), a measure (count, distinct persons, minutes) and up to two
// breakdown dimensions (rows and columns). Age bands, the number of nationalities shown
// before "sonstige", the grouping of residence status codes, the closure duration bands and
// any heading or category label are part of the definition too.
//
// # Period semantics
//
// A period is two calendar dates, both included. A partial date counts as its first day
// ("2026-03" is 1 March 2026, "2026" is 1 January 2026), except a year-only date of birth,
// which counts as 1 July. With S = plan.counselling_start and C = plan.closure_date:
//
//   - new: S lies in the period;
//   - ongoing: S lies before the period, and C is empty or not before the period's start;
//   - counselled: new or ongoing (a person without S is not in counselling and is not counted);
//   - closed: C lies in the period (a closed person is also new or ongoing).
//
// Contacts, referrals, reviews and achieved goals count when their own date lies in the
// period. Goals and plans of counselled persons are counted with their current status (the
// document does not keep a goal's status at a past date). Ages are completed years at the
// period's last day. A person's nationality is the first of their nationalities other than
// German (codes sorted), so that each person counts once.
//
// # What is read
//
// Only the fields listed in [ReadPaths] are read; never free text, never the special-category
// section support_needs, and of the restricted fields only residence.residence_status, and
// only to map it to its group. The counts are exact: the report is not anonymous and goes to
// the funding authority as the template requires; package casework/research makes the
// anonymised export.
//
// # Output
//
// [Compute] returns a [Result]: tables with German headings (or those of Options.Lang, where
// the definition has them). [WriteCSV] writes them for German Excel (semicolons, UTF-8 with a
// byte order mark), [WriteHTML] as a printable page with inline SVG bar charts and no
// external assets; package casework/report/xlsx writes an Excel workbook (it is kept apart
// so that the browser build does not carry a spreadsheet library).
package report
