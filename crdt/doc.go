// Package crdt is the biography document over Automerge: typed access, validation,
// multilingual text, JSON export, schema version and migrations.
//
// A [Biography] wraps one Automerge document whose shape is described by the catalogue of
// package [schema]. Fields are addressed by paths: "person.given_names" for a field of a
// section, "work.jobs.<id>.tasks" for a field of a list entry, where <id> is the entry's stable
// random ID returned by [Biography.Add].
//
// # Document layout
//
// The root map holds "schema_version" and one map per section. Inside a section:
//
//   - a scalar field (string, date, time, bool, int, code, ref) is a map {"v": value, "state",
//     "src", "by", "doc", "at", "unc"} that is replaced as a whole on every write, so value and
//     provenance never mix across concurrent writers;
//   - a free-text field is a map {"t": Text, "lang": input language, "tr": translations}
//     created with its section or entry, so concurrent typing merges character by character;
//   - a set of codes or references is a map {"set": {code: true}, "src", "by", "at"}, so
//     concurrent additions all survive;
//   - a list is a map from entry ID to entry map, so concurrent additions all survive and an
//     entry is updated and removed by ID. Entries are ordered by creation time, then ID.
//
// Dates are ISO 8601 strings of year, year-month or full date; instants are RFC 3339 strings in
// UTC; integers are 64-bit integers (never floats, so JavaScript reads them exactly).
//
// # Concurrency
//
// When two replicas set the same scalar field concurrently, Automerge keeps one of the two
// writes, the same one on every replica, whatever the order of merging. When one replica removes
// a list entry that another edits concurrently, the removal wins. "Unknown" and "declined" are
// states of a field, distinct from each other and from an empty field.
//
// # Evolution
//
// The document carries its [schema.Version]. [Load] migrates older documents forward with the
// registered migrations and refuses documents written by a newer schema ([ErrNewerSchema]).
package crdt
