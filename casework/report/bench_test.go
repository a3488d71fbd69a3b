package report_test

import (
	"io"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework/report"
)

// BenchmarkCaseload200 computes the default caseload report over 200 biographies (the 30
// hand-built cases, repeated) read through crdt, and writes it as CSV and HTML: what an
// integration manager's device does for `mobio report caseload`.
func BenchmarkCaseload200(b *testing.B) {
	base := caseloadInputs(b)
	var in []report.Input
	for len(in) < 200 {
		in = append(in, base[len(in)%len(base)])
	}
	opts := report.Options{Now: func() time.Time { return created }}
	b.ResetTimer()
	for b.Loop() {
		res, err := report.Run(report.Default(), period, in, opts)
		if err != nil {
			b.Fatal(err)
		}
		if err := report.WriteCSV(io.Discard, res); err != nil {
			b.Fatal(err)
		}
		if err := report.WriteHTML(io.Discard, res); err != nil {
			b.Fatal(err)
		}
	}
}
