package research

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/casework"
)

// Errors callers branch on.
var (
	// ErrKTooSmall is returned for k below [MinK].
	ErrKTooSmall = errors.New("research: k is below the minimum of 5")
	// ErrQuasi is returned for a quasi-identifier that is not a column of the release, or
	// named twice.
	ErrQuasi = errors.New("research: not a quasi-identifier")
	// ErrNoLog is returned when Options has no log or does not say who exports: an export
	// that is not logged is not made.
	ErrNoLog = errors.New("research: every export is logged: Options.Log and Options.Who are required")
)

const (
	// DefaultK is k when Options.K is zero.
	DefaultK = 11
	// MinK is the smallest k accepted.
	MinK = 5
	// DefaultMaxSuppression is Options.MaxSuppression when it is zero.
	DefaultMaxSuppression = 0.05
)

// Input is one biography offered for the export.
type Input struct {
	Doc casework.Reader
}

// Options are the settings of one export.
type Options struct {
	// K: every released combination of quasi-identifier values is shared by at least K
	// records. Zero means DefaultK; below MinK is refused.
	K int
	// Quasi are the quasi-identifiers, names from QuasiCandidates; nil means DefaultQuasi.
	Quasi []string
	// MaxSuppression is the share of records (0 to 1) that may be suppressed rather than
	// generalising a column further; zero means DefaultMaxSuppression.
	MaxSuppression float64
	// Log receives one JSON line about the export (never its content); Who is the identity
	// that exports. Both are required.
	Log io.Writer
	Who string
	// Now is the clock: ages are computed for its day, and the log line is dated by it;
	// default time.Now.
	Now func() time.Time
	// Rand is the source of research IDs; default crypto/rand.
	Rand io.Reader
}

// Release is the result of one export.
type Release struct {
	Columns []string   // Columns
	Records [][]string // one per released person, values in the order of Columns

	K          int
	Quasi      []string
	Levels     map[string]int // how far each quasi-identifier was generalised (0: not at all)
	Considered int            // persons offered
	Consented  int            // of them, with a valid research consent
	// Generalised counts released records whose quasi-identifiers were coarsened; Suppressed
	// counts consented persons left out because their group stayed smaller than K.
	Generalised int
	Suppressed  int

	CSV    []byte // the release as CSV: a header line, then the records
	SHA256 string // of CSV, hex
}

// LogEntry is the line an export writes to Options.Log.
type LogEntry struct {
	Time        time.Time      `json:"time"`
	Who         string         `json:"who"`
	K           int            `json:"k"`
	Quasi       []string       `json:"quasi_identifiers"`
	Levels      map[string]int `json:"levels"`
	Considered  int            `json:"considered"`
	Consented   int            `json:"consented"`
	Released    int            `json:"released"`
	Generalised int            `json:"generalised"`
	Suppressed  int            `json:"suppressed"`
	SHA256      string         `json:"sha256"`
}

// Export reads every input ([Extract]) and releases the persons who consented
// ([ExportSubjects]).
func Export(inputs []Input, o Options) (*Release, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	at := o.now()
	subjects := make([]*Subject, 0, len(inputs))
	for i, in := range inputs {
		s, err := Extract(in.Doc, at)
		if err != nil {
			return nil, fmt.Errorf("biography %d: %w", i+1, err)
		}
		subjects = append(subjects, s)
	}
	return ExportSubjects(subjects, o)
}

func (o *Options) now() time.Time {
	if o.Now == nil {
		return time.Now().UTC()
	}
	return o.Now().UTC()
}

// check validates o and fills in its defaults.
func (o *Options) check() error {
	if o.K == 0 {
		o.K = DefaultK
	}
	if o.K < MinK {
		return fmt.Errorf("%w (k = %d)", ErrKTooSmall, o.K)
	}
	if o.Quasi == nil {
		o.Quasi = DefaultQuasi
	}
	for i, q := range o.Quasi {
		if !slices.Contains(QuasiCandidates, q) {
			return fmt.Errorf("%w: %q (choose from %s)", ErrQuasi, q, strings.Join(QuasiCandidates, ", "))
		}
		if slices.Contains(o.Quasi[:i], q) {
			return fmt.Errorf("%w: %q is named twice", ErrQuasi, q)
		}
	}
	if o.MaxSuppression == 0 {
		o.MaxSuppression = DefaultMaxSuppression
	}
	if o.MaxSuppression < 0 || o.MaxSuppression > 1 {
		return fmt.Errorf("research: MaxSuppression %v is not between 0 and 1", o.MaxSuppression)
	}
	if o.Log == nil || o.Who == "" {
		return ErrNoLog
	}
	if o.Rand == nil {
		o.Rand = rand.Reader
	}
	return nil
}

// ExportSubjects releases the subjects who consented, k-anonymous over o.Quasi, and logs
// the export.
func ExportSubjects(subjects []*Subject, o Options) (*Release, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	rel := &Release{Columns: slices.Clone(Columns), K: o.K, Quasi: slices.Clone(o.Quasi), Considered: len(subjects)}
	var consented []*Subject
	for _, s := range subjects {
		if s.consented {
			consented = append(consented, s)
		}
	}
	rel.Consented = len(consented)

	levels := anonymise(consented, o.Quasi, o.K, o.MaxSuppression)
	rel.Levels = map[string]int{}
	for i, q := range o.Quasi {
		rel.Levels[q] = levels[i]
	}
	groups := map[string]int{}
	for _, s := range consented {
		groups[key(s, o.Quasi, levels)]++
	}
	for _, s := range consented {
		if groups[key(s, o.Quasi, levels)] < o.K {
			rel.Suppressed++
			continue
		}
		if key(s, o.Quasi, levels) != key(s, o.Quasi, make([]int, len(levels))) {
			rel.Generalised++
		}
		id, err := researchID(o.Rand)
		if err != nil {
			return nil, err
		}
		rec := make([]string, len(Columns))
		for i, c := range Columns {
			switch {
			case c == colID:
				rec[i] = id
			default:
				level := 0
				if j := slices.Index(o.Quasi, c); j >= 0 {
					level = levels[j]
				}
				rec[i] = s.value(c, level)
			}
		}
		rel.Records = append(rel.Records, rec)
	}
	// The order of the records would otherwise follow the order of the documents.
	slices.SortFunc(rel.Records, func(a, b []string) int { return strings.Compare(a[0], b[0]) })

	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(rel.Columns) // errors stay in w, reported by Error
	_ = w.WriteAll(rel.Records)
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("research: write CSV: %w", err)
	}
	rel.CSV = buf.Bytes()
	sum := sha256.Sum256(rel.CSV)
	rel.SHA256 = hex.EncodeToString(sum[:])

	line, err := json.Marshal(LogEntry{
		Time: o.now(), Who: o.Who, K: rel.K, Quasi: rel.Quasi, Levels: rel.Levels,
		Considered: rel.Considered, Consented: rel.Consented, Released: len(rel.Records),
		Generalised: rel.Generalised, Suppressed: rel.Suppressed, SHA256: rel.SHA256,
	})
	if err != nil {
		return nil, fmt.Errorf("research: log: %w", err)
	}
	if _, err := o.Log.Write(append(line, '\n')); err != nil {
		return nil, fmt.Errorf("research: log the export: %w", err)
	}
	return rel, nil
}

// researchID is 96 random bits in hex: unrelated to any document, identity or earlier export.
func researchID(r io.Reader) (string, error) {
	var b [12]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return "", fmt.Errorf("research: random ID: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// value is the subject's value of column c generalised to level (the most general when level
// is beyond the column's hierarchy).
func (s *Subject) value(c string, level int) string {
	v := s.levels[c]
	if len(v) == 0 {
		return unknown
	}
	return v[min(level, len(v)-1)]
}

// key is the subject's combination of quasi-identifier values at levels.
func key(s *Subject, quasi []string, levels []int) string {
	var b strings.Builder
	for i, q := range quasi {
		b.WriteString(s.value(q, levels[i]))
		b.WriteByte(0)
	}
	return b.String()
}

// anonymise chooses how far to generalise each quasi-identifier: step by step, the column
// whose next level leaves the fewest records in groups smaller than k, until at most
// maxSuppression of the records are in such groups or every column is fully generalised.
func anonymise(subjects []*Subject, quasi []string, k int, maxSuppression float64) []int {
	// Values as small integers per column and level, so that grouping compares bytes.
	codes := make([][][]uint32, len(subjects)) // subject → quasi-identifier → level → value
	top := make([]int, len(quasi))
	for qi, q := range quasi {
		intern := map[string]uint32{}
		for si, s := range subjects {
			if qi == 0 {
				codes[si] = make([][]uint32, len(quasi))
			}
			for _, v := range s.levels[q] {
				id, ok := intern[v]
				if !ok {
					id = uint32(len(intern))
					intern[v] = id
				}
				codes[si][qi] = append(codes[si][qi], id)
			}
			top[qi] = max(top[qi], len(s.levels[q])-1)
		}
	}
	levels := make([]int, len(quasi))
	buf := make([]byte, 4*len(quasi))
	small := func(levels []int) int {
		index := map[string]int{}
		var count []int
		group := make([]int, len(subjects))
		for si := range subjects {
			for qi := range quasi {
				c := codes[si][qi]
				binary.LittleEndian.PutUint32(buf[4*qi:], c[min(levels[qi], len(c)-1)])
			}
			g, ok := index[string(buf)]
			if !ok {
				g = len(count)
				index[string(buf)] = g
				count = append(count, 0)
			}
			count[g]++
			group[si] = g
		}
		n := 0
		for _, g := range group {
			if count[g] < k {
				n++
			}
		}
		return n
	}
	budget := int(maxSuppression * float64(len(subjects)))
	for current := small(levels); current > budget; {
		best, bestSmall := -1, current+1
		for i := range quasi {
			if levels[i] >= top[i] {
				continue
			}
			levels[i]++
			if n := small(levels); n < bestSmall {
				best, bestSmall = i, n
			}
			levels[i]--
		}
		if best < 0 {
			break // everything is "*": what is still in small groups is suppressed
		}
		levels[best]++
		current = bestSmall
	}
	return levels
}
