package research_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/research"
)

// secretMarker stands in names and free text; no release may contain it.
const secretMarker = "GEHEIM-7f3q"

var exportDay = time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)

// allowed is the record layout of DOMAIN.md §1.4, written out here rather than taken from
// the package, so that a column added there must be added here on purpose.
var allowed = []string{
	"forschungs_id", "altersgruppe", "geschlecht", "staatsangehoerigkeit", "region",
	"einreise_quartal", "au_quartal", "im_beginn", "im_ende", "aufenthaltsstatus_gruppe", "haushaltstyp",
	"schulbildung_isced", "schuljahre", "berufsabschluss_isced", "anerkennung",
	"deutsch_niveau", "deutschkurse", "deutschpruefungen",
	"erwerbsstatus", "erwerbsstatus_beginn", "leistungsbezug", "kontakte", "plan_vorhanden", "ziele",
}

// doc is an in-memory casework.Reader: fields by path, sets of codes, list entries.
type doc struct {
	fields  map[string]string
	codes   map[string][]string
	entries map[string][]string
	read    map[string]bool // paths read, entry IDs replaced by "*"
	texts   int
}

func newDoc() *doc {
	return &doc{fields: map[string]string{}, codes: map[string][]string{}, entries: map[string][]string{}}
}

func (d *doc) note(path string) {
	if d.read == nil {
		return
	}
	parts := strings.Split(path, ".")
	if len(parts) == 4 {
		parts[2] = "*"
	}
	if len(parts) == 4 && parts[0] == "consents" {
		parts[3] = "*" // package consent reads the whole record
	}
	d.read[strings.Join(parts, ".")] = true
}

func (d *doc) Field(path string) (casework.Field, error) {
	d.note(path)
	v, ok := d.fields[path]
	if !ok {
		return casework.Field{}, nil
	}
	return casework.Field{Value: v, State: casework.StateValue}, nil
}

func (d *doc) Text(path string) (casework.Text, error) {
	d.texts++
	return casework.Text{Text: secretMarker}, nil
}

func (d *doc) Codes(path string) ([]string, error) {
	d.note(path)
	return d.codes[path], nil
}

func (d *doc) Entries(list string) ([]string, error) {
	d.note(list)
	return d.entries[list], nil
}

func (d *doc) add(list string, fields map[string]string) {
	id := fmt.Sprintf("e%d", len(d.entries[list])+1)
	d.entries[list] = append(d.entries[list], id)
	for k, v := range fields {
		d.fields[list+"."+id+"."+k] = v
	}
}

// person describes the attributes of a synthetic person.
type person struct {
	dob, gender, nat, ags, arrival, residence string
	consent                                   string // "valid", "withdrawn", "other", ""
}

func (p person) doc() *doc {
	d := newDoc()
	d.fields["person.given_names"] = secretMarker
	d.fields["person.family_names"] = secretMarker
	d.fields["person.azr_number"] = secretMarker
	d.fields["support_needs.health_limitation"] = "true"
	set := func(path, v string) {
		if v != "" {
			d.fields[path] = v
		}
	}
	set("person.date_of_birth", p.dob)
	set("person.gender", p.gender)
	if p.nat != "" {
		d.codes["person.nationalities"] = []string{p.nat}
	}
	set("person.municipality", p.ags)
	set("person.arrival_in_germany", p.arrival)
	set("residence.residence_status", p.residence)
	set("plan.counselling_start", "2025-02-03")
	d.add("plan.goals", map[string]string{"field_of_action": "SPRACHE", "status": "achieved"})
	d.add("contacts.contacts", map[string]string{"date": "2025-03-03", "note": secretMarker})
	d.add("languages.german_courses", map[string]string{"type": "IK_ALLGEMEIN", "start": "2025-04-01", "end": "2025-12-15", "status": "abgeschlossen", "provider": secretMarker})
	d.add("work.jobs", map[string]string{"country": "DE", "employment_type": "minijob", "start": "2026-02", "employer": secretMarker})
	d.codes["living.benefits"] = []string{"SGB_II"}
	switch p.consent {
	case "valid":
		d.add("consents.consents", map[string]string{"purpose": "RESEARCH_ANON", "given_at": "2025-01-01T10:00:00Z"})
	case "withdrawn":
		d.add("consents.consents", map[string]string{"purpose": "RESEARCH_ANON", "given_at": "2025-01-01T10:00:00Z", "withdrawn_at": "2025-06-01T10:00:00Z"})
	case "other":
		d.add("consents.consents", map[string]string{"purpose": "SHARE_RECIPIENT", "given_at": "2025-01-01T10:00:00Z"})
	}
	return d
}

func inputs(docs []*doc) []research.Input {
	var in []research.Input
	for _, d := range docs {
		in = append(in, research.Input{Doc: d})
	}
	return in
}

func export(t *testing.T, docs []*doc, o research.Options) (*research.Release, string) {
	t.Helper()
	var log bytes.Buffer
	o.Log, o.Who = &log, "mobio-id-test"
	o.Now = func() time.Time { return exportDay }
	rel, err := research.Export(inputs(docs), o)
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	return rel, log.String()
}

// parse reads a release's CSV back.
func parse(t *testing.T, rel *research.Release) (header []string, records [][]string) {
	t.Helper()
	all, err := csv.NewReader(bytes.NewReader(rel.CSV)).ReadAll()
	if err != nil {
		t.Fatalf("the release is not valid CSV: %v", err)
	}
	return all[0], all[1:]
}

// checkRelease asserts what must hold of every release: only the allowed columns, fresh
// well-formed IDs, no group over the quasi-identifiers smaller than k, no personal text, and
// every consenting person either released or counted as suppressed.
func checkRelease(t *testing.T, rel *research.Release, k int, quasi []string, consented int) {
	t.Helper()
	header, records := parse(t, rel)
	if !slices.Equal(header, allowed) {
		t.Fatalf("columns = %q, want exactly %q", header, allowed)
	}
	var qi []int
	for _, q := range quasi {
		qi = append(qi, slices.Index(header, q))
	}
	groups := map[string]int{}
	ids := map[string]bool{}
	for _, r := range records {
		if len(r) != len(allowed) {
			t.Fatalf("record with %d fields, want %d", len(r), len(allowed))
		}
		if len(r[0]) != 24 || ids[r[0]] {
			t.Errorf("research ID %q is not 24 hex digits or not unique", r[0])
		}
		if _, err := hex.DecodeString(r[0]); err != nil {
			t.Errorf("research ID %q is not hex", r[0])
		}
		ids[r[0]] = true
		var key []string
		for _, i := range qi {
			key = append(key, r[i])
		}
		groups[strings.Join(key, "\x00")]++
	}
	for g, n := range groups {
		if n < k {
			t.Errorf("group %q has %d records, fewer than k = %d", strings.ReplaceAll(g, "\x00", ", "), n, k)
		}
	}
	if strings.Contains(string(rel.CSV), secretMarker) {
		t.Error("the release contains a name or free text")
	}
	if len(records)+rel.Suppressed != consented || rel.Consented != consented {
		t.Errorf("released %d + suppressed %d, consented %d; want %d consented persons accounted for",
			len(records), rel.Suppressed, rel.Consented, consented)
	}
	sum := sha256.Sum256(rel.CSV)
	if rel.SHA256 != hex.EncodeToString(sum[:]) {
		t.Error("Release.SHA256 is not the hash of Release.CSV")
	}
}

var (
	nationalities  = []string{"SY", "AF", "IQ", "IR", "TR", "ER", "SO", "NG", "GM", "GN", "UA", "RU", "GE", "XK", "AL", "VE", "CO", "PK", "BD", "VN", "STATELESS", "UNCLEAR", "SUHH", ""}
	municipalities = []string{"08222000", "08226003", "08226009", "08226084", "08125005", "08215100", "09162000", "06411000", ""}
	residences     = []string{"GESTATTUNG", "AE_25_2_GFK", "AE_25_2_SUBSIDIAER", "AE_24", "DULDUNG_60A", "NIEDERLASSUNG", "AE_OTHER", ""}
	genders        = []string{"m", "w", "d", "ohne_angabe", ""}
	consents       = []string{"valid", "valid", "valid", "withdrawn", "other", ""}
)

// population draws n persons; a skewed one puts most of them in a few groups and a few in
// rare ones.
func population(r *rand.Rand, n int, skewed bool) ([]*doc, int) {
	pick := func(list []string) string {
		if skewed && r.IntN(10) < 8 {
			return list[r.IntN(2)]
		}
		return list[r.IntN(len(list))]
	}
	var docs []*doc
	consented := 0
	for range n {
		p := person{
			gender: pick(genders), nat: pick(nationalities), ags: pick(municipalities), residence: pick(residences),
			consent: consents[r.IntN(len(consents))],
		}
		if r.IntN(20) > 0 {
			y := 1940 + r.IntN(86)
			if skewed && r.IntN(10) < 8 {
				y = 1990 + r.IntN(8)
			}
			p.dob = fmt.Sprintf("%04d-%02d-%02d", y, 1+r.IntN(12), 1+r.IntN(28))
			if r.IntN(10) == 0 {
				p.dob = fmt.Sprint(y) // year only
			}
		}
		if r.IntN(10) > 0 {
			p.arrival = fmt.Sprintf("%04d-%02d", 2014+r.IntN(13), 1+r.IntN(12))
		}
		if p.consent == "valid" {
			consented++
		}
		docs = append(docs, p.doc())
	}
	return docs, consented
}

// In every release of random populations (tiny, small, large, uniform and skewed), every
// group over the quasi-identifiers has at least k records and only the allowed columns appear.
func TestEveryReleasedGroupHasAtLeastK(t *testing.T) {
	wider := []string{"altersgruppe", "geschlecht", "staatsangehoerigkeit", "region", "einreise_quartal", "aufenthaltsstatus_gruppe", "im_beginn", "haushaltstyp"}
	for _, n := range []int{0, 1, 4, 10, 11, 12, 30, 150, 500} {
		for _, skewed := range []bool{false, true} {
			for seed := range uint64(2) {
				docs, consented := population(rand.New(rand.NewPCG(seed, uint64(n))), n, skewed)
				// Read each population once; every k and set of quasi-identifiers releases it anew.
				var subjects []*research.Subject
				for _, d := range docs {
					s, err := research.Extract(d, exportDay)
					if err != nil {
						t.Fatal(err)
					}
					subjects = append(subjects, s)
				}
				for _, k := range []int{5, 11, 25} {
					for _, quasi := range [][]string{nil, wider, {"staatsangehoerigkeit"}} {
						name := fmt.Sprintf("n=%d skewed=%v seed=%d k=%d quasi=%d", n, skewed, seed, k, len(quasi))
						t.Run(name, func(t *testing.T) {
							rel, err := research.ExportSubjects(subjects, research.Options{K: k, Quasi: quasi, Log: io.Discard, Who: "x"})
							if err != nil {
								t.Fatal(err)
							}
							if quasi == nil {
								quasi = research.DefaultQuasi
							}
							checkRelease(t, rel, k, quasi, consented)
							if consented < k && len(rel.Records) > 0 {
								t.Errorf("%d records released from %d consenting persons, fewer than k = %d", len(rel.Records), consented, k)
							}
						})
					}
				}
			}
		}
	}
}

func TestGeneraliseBeforeSuppress(t *testing.T) {
	same := person{dob: "1997-03-03", gender: "m", nat: "SY", ags: "08222000", arrival: "2016-02", residence: "AE_25_2_GFK", consent: "valid"}
	many := func(p person, n int) []*doc {
		var out []*doc
		for range n {
			out = append(out, p.doc())
		}
		return out
	}
	iraqi := same
	iraqi.nat = "IQ"
	noAge := same
	noAge.dob = ""
	tests := []struct {
		name           string
		docs           []*doc
		maxSuppression float64
		wantReleased   int
		wantSuppressed int
		wantLevels     map[string]int
		wantValue      map[string]string // column → value of every record
	}{
		{
			name: "one group of k is released as it is", docs: many(same, 11),
			wantReleased: 11, wantLevels: map[string]int{"staatsangehoerigkeit": 0, "altersgruppe": 0},
			wantValue: map[string]string{"staatsangehoerigkeit": "SY", "altersgruppe": "25-29", "region": "08222", "einreise_quartal": "2016-Q1"},
		},
		{
			name: "a lone nationality is generalised to its region", docs: append(many(same, 11), iraqi.doc()),
			wantReleased: 12, wantLevels: map[string]int{"staatsangehoerigkeit": 1, "altersgruppe": 0},
			wantValue: map[string]string{"staatsangehoerigkeit": "Westasien", "altersgruppe": "25-29"},
		},
		{
			name: "one outlier within the suppression budget is suppressed", docs: append(many(same, 11), noAge.doc()),
			maxSuppression: 0.1, wantReleased: 11, wantSuppressed: 1,
			wantLevels: map[string]int{"altersgruppe": 0},
			wantValue:  map[string]string{"altersgruppe": "25-29"},
		},
		{
			name: "fewer persons than k release nothing", docs: many(same, 10),
			wantReleased: 0, wantSuppressed: 10,
		},
		{
			name: "persons without a valid consent are not considered", docs: append(many(same, 11),
				person{dob: "1960", consent: "withdrawn"}.doc(), person{dob: "1961", consent: "other"}.doc(), person{dob: "1962"}.doc()),
			wantReleased: 11, wantLevels: map[string]int{"altersgruppe": 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rel, _ := export(t, tt.docs, research.Options{MaxSuppression: tt.maxSuppression})
			if len(rel.Records) != tt.wantReleased || rel.Suppressed != tt.wantSuppressed {
				t.Errorf("released %d, suppressed %d; want %d, %d", len(rel.Records), rel.Suppressed, tt.wantReleased, tt.wantSuppressed)
			}
			for q, want := range tt.wantLevels {
				if rel.Levels[q] != want {
					t.Errorf("level of %s = %d, want %d", q, rel.Levels[q], want)
				}
			}
			header, records := parse(t, rel)
			for col, want := range tt.wantValue {
				i := slices.Index(header, col)
				for _, r := range records {
					if r[i] != want {
						t.Errorf("%s = %q, want %q", col, r[i], want)
						break
					}
				}
			}
		})
	}
}

func TestRecordValues(t *testing.T) {
	d := person{dob: "1997-07-02", gender: "w", nat: "ER", ags: "08226084", arrival: "2015-11-20", residence: "AE_25_2_SUBSIDIAER", consent: "valid"}.doc()
	d.fields["person.move_to_au_date"] = "2016-08"
	d.fields["plan.closure_date"] = "2026-05-31"
	d.fields["schooling.years_of_schooling"] = "9"
	d.add("schooling.schools", map[string]string{"isced_level": "1"})
	d.add("schooling.schools", map[string]string{"isced_level": "2"})
	d.add("training.qualifications", map[string]string{"isced_level": "4"})
	d.fields["training.recognition_status"] = "beantragt"
	d.fields["languages.german_level"] = "B1"
	d.add("languages.german_certificates", map[string]string{"exam": "DTZ", "result": "B1", "date": "2025-12-12"})
	d.add("family.household", map[string]string{"relation": "Kind"})
	d.add("family.household", map[string]string{"relation": "Kind", "same_household": "true"})
	d.add("family.household", map[string]string{"relation": "Ehepartner", "same_household": "false"})
	var docs []*doc
	for range 5 {
		docs = append(docs, d)
	}
	rel, _ := export(t, docs, research.Options{K: 5})
	header, records := parse(t, rel)
	if len(records) != 5 {
		t.Fatalf("%d records, want 5", len(records))
	}
	want := map[string]string{
		"altersgruppe": "25-29", // 28 on 1 July 2026
		"geschlecht":   "w", "staatsangehoerigkeit": "ER", "region": "08226",
		"einreise_quartal": "2015-Q4", "au_quartal": "2016-Q3",
		"im_beginn": "2025-02", "im_ende": "2026-05",
		"aufenthaltsstatus_gruppe": "schutz_25",
		"haushaltstyp":             "alleinerziehend_kinder_2", // the partner lives elsewhere
		"schulbildung_isced":       "2", "schuljahre": "5-9", "berufsabschluss_isced": "4", "anerkennung": "beantragt",
		"deutsch_niveau": "B1", "deutschkurse": "IK_ALLGEMEIN:2025-Q2:2025-Q4:abgeschlossen", "deutschpruefungen": "DTZ:B1",
		"erwerbsstatus": "minijob", "erwerbsstatus_beginn": "2026-Q1", "leistungsbezug": "SGB_II",
		"kontakte": "1-5", "plan_vorhanden": "ja", "ziele": "SPRACHE:achieved",
	}
	for col, w := range want {
		if got := records[0][slices.Index(header, col)]; got != w {
			t.Errorf("%s = %q, want %q", col, got, w)
		}
	}
}

func TestExportReadsOnlyWhatItNeeds(t *testing.T) {
	docs, _ := population(rand.New(rand.NewPCG(1, 2)), 30, false)
	for _, d := range docs {
		d.read = map[string]bool{} // record what is read
	}
	export(t, docs, research.Options{})
	allow := map[string]bool{}
	for _, p := range research.ReadPaths {
		allow[p] = true
		if strings.HasPrefix(p, "support_needs.") || strings.HasPrefix(p, "person.azr") || strings.HasSuffix(p, ".note") {
			t.Errorf("ReadPaths has %s, which never leaves", p)
		}
	}
	for _, d := range docs {
		if d.texts > 0 {
			t.Error("the export read free text")
		}
		for p := range d.read {
			if !allow[p] {
				t.Errorf("the export read %s, which is not in ReadPaths", p)
			}
		}
	}
}

func TestResearchIDsAreFreshInEveryExport(t *testing.T) {
	docs, _ := population(rand.New(rand.NewPCG(7, 7)), 100, true)
	a, _ := export(t, docs, research.Options{K: 5})
	b, _ := export(t, docs, research.Options{K: 5})
	if len(a.Records) == 0 {
		t.Fatal("nothing released")
	}
	seen := map[string]bool{}
	for _, r := range a.Records {
		seen[r[0]] = true
	}
	for _, r := range b.Records {
		if seen[r[0]] {
			t.Fatalf("research ID %s appears in two exports", r[0])
		}
	}
}

func TestEveryExportIsLoggedWithoutContent(t *testing.T) {
	docs, consented := population(rand.New(rand.NewPCG(3, 3)), 200, true)
	rel, log := export(t, docs, research.Options{})
	lines := strings.Split(strings.TrimSuffix(log, "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("the log has %d lines, want 1", len(lines))
	}
	var e research.LogEntry
	if err := json.Unmarshal([]byte(lines[0]), &e); err != nil {
		t.Fatalf("the log line is not JSON: %v", err)
	}
	want := research.LogEntry{
		Time: exportDay, Who: "mobio-id-test", K: 11, Quasi: research.DefaultQuasi, Levels: rel.Levels,
		Considered: 200, Consented: consented, Released: len(rel.Records), Generalised: rel.Generalised,
		Suppressed: rel.Suppressed, SHA256: rel.SHA256,
	}
	if fmt.Sprint(e) != fmt.Sprint(want) {
		t.Errorf("log entry = %+v, want %+v", e, want)
	}
	for _, r := range rel.Records {
		if strings.Contains(log, r[0]) {
			t.Fatal("the log contains a research ID")
		}
	}
}

func TestOptionsRefused(t *testing.T) {
	tests := []struct {
		name string
		o    research.Options
		want error
	}{
		{"k below 5", research.Options{K: 4, Log: io.Discard, Who: "x"}, research.ErrKTooSmall},
		{"negative k", research.Options{K: -11, Log: io.Discard, Who: "x"}, research.ErrKTooSmall},
		{"unknown quasi-identifier", research.Options{Quasi: []string{"name"}, Log: io.Discard, Who: "x"}, research.ErrQuasi},
		{"research ID as quasi-identifier", research.Options{Quasi: []string{"forschungs_id"}, Log: io.Discard, Who: "x"}, research.ErrQuasi},
		{"quasi-identifier twice", research.Options{Quasi: []string{"region", "region"}, Log: io.Discard, Who: "x"}, research.ErrQuasi},
		{"no log", research.Options{Who: "x"}, research.ErrNoLog},
		{"nobody", research.Options{Log: io.Discard}, research.ErrNoLog},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := research.Export(nil, tt.o); !errors.Is(err, tt.want) {
				t.Errorf("Export: %v, want %v", err, tt.want)
			}
		})
	}
}

// A failing log stops the export: an export that is not logged is not made.
func TestExportFailsWhenTheLogFails(t *testing.T) {
	_, err := research.Export(nil, research.Options{Log: failWriter{}, Who: "x"})
	if err == nil {
		t.Error("Export succeeded although the log could not be written")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }
