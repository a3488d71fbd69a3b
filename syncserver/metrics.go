package syncserver

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the relay's Prometheus metrics. They count and measure; no label ever carries a
// document ID, an identity or content.
type metrics struct {
	registry    *prometheus.Registry
	connections prometheus.Gauge
	documents   prometheus.Gauge
	pushes      prometheus.Counter
	duplicates  prometheus.Counter
	bytesIn     prometheus.Counter
	bytesOut    prometheus.Counter
	ackLatency  prometheus.Histogram
	refusals    *prometheus.CounterVec

	pings        prometheus.Counter
	pingTimeouts prometheus.Counter

	residentDocs     prometheus.Gauge
	evictedDocs      prometheus.Counter
	compactedEntries prometheus.Counter
	compactions      prometheus.Counter

	packagesCreated   prometheus.Counter
	packagesFetched   prometheus.Counter
	packagesWithdrawn prometheus.Counter
	packagesExpired   prometheus.Counter
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		connections: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "mobio_relay_connections", Help: "Open WebSocket connections.",
		}),
		documents: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "mobio_relay_documents", Help: "Documents with at least one subscriber.",
		}),
		pushes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_pushes_total", Help: "Envelopes stored and acknowledged.",
		}),
		duplicates: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_duplicate_pushes_total", Help: "Re-sent envelopes acknowledged again without storing.",
		}),
		bytesIn: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_received_bytes_total", Help: "Bytes of frames received.",
		}),
		bytesOut: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_sent_bytes_total", Help: "Bytes of frames sent.",
		}),
		ackLatency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "mobio_relay_ack_latency_seconds",
			Help:    "Time from receiving a push to sending its acknowledgement (durably stored).",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2, 16), // 0.1 ms … 3.3 s
		}),
		refusals: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mobio_relay_refusals_total", Help: "Requests refused, by error code.",
		}, []string{"code"}),
		pings: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_pings_total", Help: "Keepalive pings sent to connections.",
		}),
		pingTimeouts: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_ping_timeouts_total", Help: "Connections closed because they did not answer a ping in time.",
		}),
		residentDocs: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "mobio_relay_resident_documents", Help: "Documents whose state is in memory.",
		}),
		evictedDocs: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_evicted_documents_total", Help: "Document states evicted from memory, unused.",
		}),
		compactedEntries: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_compacted_entries_total", Help: "Entries whose envelope compaction dropped, covered by a snapshot.",
		}),
		compactions: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_compactions_total", Help: "Compaction passes over the documents.",
		}),
		packagesCreated: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_packages_created_total", Help: "Disclosure packages stored.",
		}),
		packagesFetched: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_packages_fetched_total", Help: "Disclosure packages served to a fetch.",
		}),
		packagesWithdrawn: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_packages_withdrawn_total", Help: "Disclosure packages withdrawn by a member and deleted.",
		}),
		packagesExpired: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "mobio_relay_packages_expired_total", Help: "Disclosure packages deleted at their expiry.",
		}),
	}
	m.registry.MustRegister(
		m.connections, m.documents, m.pushes, m.duplicates, m.bytesIn, m.bytesOut, m.ackLatency, m.refusals,
		m.pings, m.pingTimeouts, m.residentDocs, m.evictedDocs, m.compactedEntries, m.compactions,
		m.packagesCreated, m.packagesFetched, m.packagesWithdrawn, m.packagesExpired,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// handler serves the metrics in Prometheus' text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// observeAck records the latency of one acknowledgement.
func (m *metrics) observeAck(received time.Time) {
	m.ackLatency.Observe(time.Since(received).Seconds())
}

// refused counts a refusal by the name of its error code.
func (m *metrics) refused(code string) { m.refusals.WithLabelValues(code).Inc() }
