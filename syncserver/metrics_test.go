package syncserver

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestMetricsAreServedWithoutIdentifyingLabels(t *testing.T) {
	m := newMetrics()
	m.connections.Inc()
	m.pushes.Add(3)
	m.observeAck(time.Now().Add(-2 * time.Millisecond))
	m.refused("not_member")

	rec := httptest.NewRecorder()
	m.handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, want := range []string{
		"mobio_relay_connections 1",
		"mobio_relay_pushes_total 3",
		"mobio_relay_ack_latency_seconds_count 1",
		`mobio_relay_refusals_total{code="not_member"} 1`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
