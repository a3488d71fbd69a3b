package syncserver_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// pkgReq is a package request as a member's client makes it; tests change its fields to
// forge one.
type pkgReq struct {
	method  string
	id      protocol.PackageID
	doc     e2ee.DocID
	body    []byte
	expires time.Time
	signer  *keyring.Identity // nil: unsigned
	now     time.Time         // the signature's time; zero: the real clock
	label   string            // zero: protocol.LabelPackageRequest
	// signed, when set, replaces what is signed (parts of the request as another one).
	signed *pkgReq
	header http.Header // set after signing, overriding
}

// do sends the request to srv and returns the answer, its body read.
func (q pkgReq) do(t *testing.T, srv *syncservertest.Server) (*http.Response, []byte) {
	t.Helper()
	var body io.Reader
	if q.method == http.MethodPut {
		body = bytes.NewReader(q.body)
	}
	req, err := http.NewRequest(q.method, srv.URL+"/packages/"+q.id.String(), body)
	if err != nil {
		t.Fatal(err)
	}
	content := e2ee.Hash(sha256.Sum256(q.body))
	if q.method != http.MethodPut {
		content = e2ee.Hash{}
	}
	if q.signer != nil {
		now := q.now
		if now.IsZero() {
			now = time.Now()
		}
		label := q.label
		if label == "" {
			label = protocol.LabelPackageRequest
		}
		s := q
		if q.signed != nil {
			s = *q.signed
		}
		var sContent e2ee.Hash
		if s.method == http.MethodPut {
			sContent = sha256.Sum256(s.body)
		}
		var exp time.Time
		if s.method == http.MethodPut {
			exp = s.expires
		}
		sig, err := q.signer.Sign(label, protocol.PackageRequestParts(s.method, s.doc, s.id, exp, sContent, now)...)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set(protocol.HeaderIdentity, q.signer.ID().String())
		req.Header.Set(protocol.HeaderTime, strconv.FormatInt(now.UnixMilli(), 10))
		req.Header.Set(protocol.HeaderSignature, base64.RawURLEncoding.EncodeToString(sig))
	}
	if q.method != http.MethodGet {
		req.Header.Set(protocol.HeaderDocument, q.doc.String())
	}
	if q.method == http.MethodPut {
		req.Header.Set(protocol.HeaderExpires, protocol.FormatExpiry(q.expires))
		req.Header.Set(protocol.HeaderContentSHA256, content.String())
	}
	for k, v := range q.header {
		req.Header[k] = v
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// fetch GETs package id anonymously.
func fetch(t *testing.T, srv *syncservertest.Server, id protocol.PackageID) (*http.Response, []byte) {
	t.Helper()
	return pkgReq{method: http.MethodGet, id: id}.do(t, srv)
}

// newPackage returns a PUT of a fresh package of e's document by the owner: n random bytes,
// expiring in a day.
func newPackage(e *env, n int) pkgReq {
	body := make([]byte, n)
	rand.Read(body)
	return pkgReq{
		method: http.MethodPut, id: protocol.NewPackageID(), doc: e.doc.id, body: body,
		expires: time.Now().Add(24 * time.Hour), signer: e.doc.owner.id,
	}
}

// withdrawal returns the DELETE of put's package by signer.
func withdrawal(put pkgReq, signer *keyring.Identity) pkgReq {
	return pkgReq{method: http.MethodDelete, id: put.id, doc: put.doc, signer: signer}
}

// inStore reports whether the relay's store still holds bytes of each package of ids.
func inStore(t *testing.T, srv *syncservertest.Server, ids ...protocol.PackageID) []bool {
	t.Helper()
	out := make([]bool, len(ids))
	for i, id := range ids {
		rc, _, err := srv.Store.OpenPackage(t.Context(), id)
		switch {
		case err == nil:
			rc.Close()
			out[i] = true
		case !errors.Is(err, syncserver.ErrNotFound):
			t.Fatalf("store's OpenPackage = %v", err)
		}
	}
	return out
}

// A member who may write stores a package; anyone with its ID fetches the same bytes; after
// the withdrawal the ID answers like one never used, the store holds no bytes, and a replay
// of the creation cannot bring the package back.
func TestPackageCreateFetchWithdraw(t *testing.T) {
	e := newEnv(t)
	put := newPackage(e, 100<<10)
	if resp, b := put.do(t, e.srv); resp.StatusCode != http.StatusCreated {
		t.Fatalf("PUT = %d %s, want 201", resp.StatusCode, b)
	}
	resp, got := fetch(t, e.srv, put.id)
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, put.body) {
		t.Fatalf("GET = %d with %d bytes, want 200 with the %d stored", resp.StatusCode, len(got), len(put.body))
	}
	for header, want := range map[string]string{
		"Cache-Control":        "no-store",
		"Content-Type":         "application/octet-stream",
		protocol.HeaderExpires: protocol.FormatExpiry(put.expires),
	} {
		if v := resp.Header.Get(header); v != want {
			t.Errorf("GET answers %s: %q, want %q", header, v, want)
		}
	}
	if resp, b := put.do(t, e.srv); resp.StatusCode != http.StatusOK {
		t.Errorf("PUT of the same bytes again = %d %s, want 200", resp.StatusCode, b)
	}
	byCounsellor := newPackage(e, 10)
	byCounsellor.signer = e.counsellor.id
	if resp, b := byCounsellor.do(t, e.srv); resp.StatusCode != http.StatusCreated {
		t.Errorf("PUT by a counsellor = %d %s, want 201", resp.StatusCode, b)
	}
	if got := inStore(t, e.srv, put.id, byCounsellor.id); !got[0] || !got[1] {
		t.Errorf("store holds the packages: %v, want both", got)
	}

	if resp, b := withdrawal(put, e.counsellor.id).do(t, e.srv); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("DELETE = %d %s, want 204", resp.StatusCode, b)
	}
	withdrawnResp, withdrawnBody := fetch(t, e.srv, put.id)
	unknownResp, unknownBody := fetch(t, e.srv, protocol.NewPackageID())
	if withdrawnResp.StatusCode != http.StatusNotFound || unknownResp.StatusCode != http.StatusNotFound || !bytes.Equal(withdrawnBody, unknownBody) {
		t.Errorf("GET withdrawn = %d %s, GET unknown = %d %s; want the same 404", withdrawnResp.StatusCode, withdrawnBody, unknownResp.StatusCode, unknownBody)
	}
	if got := inStore(t, e.srv, put.id, byCounsellor.id); got[0] || !got[1] {
		t.Errorf("store holds the packages after the withdrawal: %v, want only the other one", got)
	}
	if resp, b := put.do(t, e.srv); resp.StatusCode != http.StatusConflict {
		t.Errorf("replayed PUT after withdrawal = %d %s, want 409", resp.StatusCode, b)
	}
	if resp, _ := fetch(t, e.srv, put.id); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET after the replayed PUT = %d, want 404", resp.StatusCode)
	}
	if resp, b := withdrawal(put, e.doc.owner.id).do(t, e.srv); resp.StatusCode != http.StatusNoContent {
		t.Errorf("DELETE again = %d %s, want 204", resp.StatusCode, b)
	}
	for name, want := range map[string]string{
		"mobio_relay_packages_created_total":   "2",
		"mobio_relay_packages_fetched_total":   "1",
		"mobio_relay_packages_withdrawn_total": "2",
	} {
		if got := metricValue(t, e.srv, name); got != want {
			t.Errorf("%s = %q, want %s", name, got, want)
		}
	}
	if logs := e.srv.Logs(); strings.Contains(logs, put.id.String()) {
		t.Error("the relay logged a package ID, which is the capability to fetch it")
	}
}

// Requests that are not a writing member's, or not signed for exactly this request, are
// refused with their status, and store nothing.
func TestPackageRefusals(t *testing.T) {
	e := newEnv(t, syncservertest.WithLimits(func(l *syncserver.Limits) { l.MaxPackageBytes = 1000 }))
	stranger := newIdentity(t)
	stored := newPackage(e, 10)
	if resp, b := stored.do(t, e.srv); resp.StatusCode != http.StatusCreated {
		t.Fatalf("PUT = %d %s", resp.StatusCode, b)
	}
	change := func(q pkgReq, f func(*pkgReq)) pkgReq { f(&q); return q }
	fresh := newPackage(e, 10)
	tests := []struct {
		name string
		req  pkgReq
		want int
		msg  string // in the answer's message
	}{
		{"create by a viewer", change(fresh, func(q *pkgReq) { q.signer = e.viewer.id }), http.StatusForbidden, "viewer"},
		{"create by a stranger", change(fresh, func(q *pkgReq) { q.signer = stranger }), http.StatusForbidden, ""},
		{"withdraw by a viewer", withdrawal(stored, e.viewer.id), http.StatusForbidden, "viewer"},
		{"withdraw by a stranger", withdrawal(stored, stranger), http.StatusForbidden, ""},
		{"unsigned create", change(fresh, func(q *pkgReq) { q.signer = nil }), http.StatusUnauthorized, ""},
		{"unsigned withdrawal", withdrawal(stored, nil), http.StatusUnauthorized, ""},
		{"a blob request's signature", change(fresh, func(q *pkgReq) { q.label = e2ee.LabelBlobRequest }), http.StatusUnauthorized, "bad signature"},
		{"signed by another key than the member's", change(fresh, func(q *pkgReq) {
			q.header = http.Header{protocol.HeaderIdentity: {e.doc.owner.id.ID().String()}}
			q.signer = stranger
		}), http.StatusUnauthorized, "bad signature"},
		{"signature for another package", change(fresh, func(q *pkgReq) {
			q.signed = &pkgReq{method: q.method, id: stored.id, doc: q.doc, body: q.body, expires: q.expires}
		}), http.StatusUnauthorized, "bad signature"},
		{"signature for other bytes", change(fresh, func(q *pkgReq) {
			q.signed = &pkgReq{method: q.method, id: q.id, doc: q.doc, body: []byte("other"), expires: q.expires}
		}), http.StatusUnauthorized, "bad signature"},
		{"signature for another expiry", change(fresh, func(q *pkgReq) {
			q.signed = &pkgReq{method: q.method, id: q.id, doc: q.doc, body: q.body, expires: q.expires.Add(time.Hour)}
		}), http.StatusUnauthorized, "bad signature"},
		{"a creation's signature replayed as a withdrawal", change(withdrawal(stored, e.doc.owner.id), func(q *pkgReq) { q.signed = &stored }), http.StatusUnauthorized, "bad signature"},
		{"a stale signature", change(fresh, func(q *pkgReq) { q.now = time.Now().Add(-time.Hour) }), http.StatusUnauthorized, "clock"},
		{"body other than its hash", change(fresh, func(q *pkgReq) {
			q.header = http.Header{protocol.HeaderContentSHA256: {e2ee.Hash{1}.String()}}
		}), http.StatusUnauthorized, "bad signature"},
		{"body other than its signed hash", change(fresh, func(q *pkgReq) {
			q.signed = &pkgReq{method: q.method, id: q.id, doc: q.doc, body: []byte("other"), expires: q.expires}
			q.header = http.Header{protocol.HeaderContentSHA256: {e2ee.Hash(sha256.Sum256([]byte("other"))).String()}}
		}), http.StatusBadRequest, "does not match"},
		{"missing document header", change(fresh, func(q *pkgReq) { q.header = http.Header{protocol.HeaderDocument: {""}} }), http.StatusBadRequest, protocol.HeaderDocument},
		{"bad expiry header", change(fresh, func(q *pkgReq) { q.header = http.Header{protocol.HeaderExpires: {"tomorrow"}} }), http.StatusBadRequest, protocol.HeaderExpires},
		{"expiry passed", change(fresh, func(q *pkgReq) { q.expires = time.Now().Add(-time.Minute) }), http.StatusBadRequest, "expiry has passed"},
		{"expiry beyond the relay's limit", change(fresh, func(q *pkgReq) { q.expires = time.Now().Add(91 * 24 * time.Hour) }), http.StatusBadRequest, "2160h"},
		{"body above the size limit", change(fresh, func(q *pkgReq) { q.body = make([]byte, 1001) }), http.StatusRequestEntityTooLarge, "1000 bytes"},
		{"other bytes under a stored ID", change(stored, func(q *pkgReq) { q.body = []byte("different") }), http.StatusConflict, "taken"},
		{"unknown document", change(fresh, func(q *pkgReq) { q.doc = e2ee.DocID{1} }), http.StatusNotFound, ""},
		{"withdrawal of an unknown package", withdrawal(fresh, e.doc.owner.id), http.StatusNotFound, "no such package"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, b := tt.req.do(t, e.srv)
			var answer struct{ Code, Message string }
			json.Unmarshal(b, &answer)
			if resp.StatusCode != tt.want || !strings.Contains(answer.Message, tt.msg) {
				t.Errorf("status %d %s, want %d with a message containing %q", resp.StatusCode, b, tt.want, tt.msg)
			}
		})
	}
	if got := inStore(t, e.srv, fresh.id); got[0] {
		t.Error("a refused package was stored")
	}
	if resp, got := fetch(t, e.srv, stored.id); resp.StatusCode != http.StatusOK || !bytes.Equal(got, stored.body) {
		t.Errorf("GET of the stored package after the refusals = %d, %q", resp.StatusCode, got)
	}
	resp, err := httpClient.Get(e.srv.URL + "/packages/not-an-id")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("GET of a malformed ID = %d, want 400", resp.StatusCode)
	}
}

// A package expires: from its expiry on, a fetch answers 404, and the sweep deletes its bytes
// from the store.
func TestPackageExpirySweep(t *testing.T) {
	clock := newFakeClock()
	e := newEnv(t, func(c *syncserver.Config) {
		c.Now = clock.Now
		c.PackageSweepInterval = -1 // swept by the test
	})
	short, long := newPackage(e, 100), newPackage(e, 100)
	short.now, long.now = clock.Now(), clock.Now()
	short.expires = clock.Now().Add(time.Hour)
	for _, q := range []pkgReq{short, long} {
		if resp, b := q.do(t, e.srv); resp.StatusCode != http.StatusCreated {
			t.Fatalf("PUT = %d %s", resp.StatusCode, b)
		}
	}
	if resp, _ := fetch(t, e.srv, short.id); resp.StatusCode != http.StatusOK {
		t.Fatalf("GET before the expiry = %d, want 200", resp.StatusCode)
	}
	if n, err := e.srv.SweepPackages(t.Context()); n != 0 || err != nil {
		t.Errorf("SweepPackages before the expiry = %d, %v; want 0", n, err)
	}
	clock.Advance(time.Hour)
	if resp, _ := fetch(t, e.srv, short.id); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET at the expiry, before the sweep = %d, want 404", resp.StatusCode)
	}
	if !inStore(t, e.srv, short.id)[0] {
		t.Fatal("the store lost the expired package before the sweep")
	}
	if n, err := e.srv.SweepPackages(t.Context()); n != 1 || err != nil {
		t.Fatalf("SweepPackages = %d, %v; want 1", n, err)
	}
	if got := inStore(t, e.srv, short.id, long.id); got[0] || !got[1] {
		t.Errorf("store holds the packages after the sweep: %v, want only the one not expired", got)
	}
	if resp, got := fetch(t, e.srv, long.id); resp.StatusCode != http.StatusOK || !bytes.Equal(got, long.body) {
		t.Errorf("GET of the package not expired = %d", resp.StatusCode)
	}
	if got := metricValue(t, e.srv, "mobio_relay_packages_expired_total"); got != "1" {
		t.Errorf("mobio_relay_packages_expired_total = %q, want 1", got)
	}
}

// The scheduled sweep runs without being asked.
func TestScheduledPackageSweep(t *testing.T) {
	clock := newFakeClock()
	e := newEnv(t, func(c *syncserver.Config) {
		c.Now = clock.Now
		c.PackageSweepInterval = 10 * time.Millisecond
	})
	q := newPackage(e, 100)
	q.now, q.expires = clock.Now(), clock.Now().Add(time.Minute)
	if resp, b := q.do(t, e.srv); resp.StatusCode != http.StatusCreated {
		t.Fatalf("PUT = %d %s", resp.StatusCode, b)
	}
	clock.Advance(time.Minute)
	waitFor(t, "the sweep to delete the expired package", func() bool { return !inStore(t, e.srv, q.id)[0] })
}

// The owner's erasure of a document deletes its packages.
func TestErasureDeletesPackages(t *testing.T) {
	e := newEnv(t)
	q := newPackage(e, 1000)
	if resp, b := q.do(t, e.srv); resp.StatusCode != http.StatusCreated {
		t.Fatalf("PUT = %d %s", resp.StatusCode, b)
	}
	erase(t, e.owner, e.doc)
	if resp, _ := fetch(t, e.srv, q.id); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET after the erasure = %d, want 404", resp.StatusCode)
	}
	if inStore(t, e.srv, q.id)[0] {
		t.Error("store holds the package after the erasure")
	}
	if resp, b := newPackage(e, 10).do(t, e.srv); resp.StatusCode != http.StatusGone {
		t.Errorf("PUT after the erasure = %d %s, want 410", resp.StatusCode, b)
	}
}

// Package creations of one document are rate-limited and bounded in number, each with a
// clear refusal.
func TestPackageLimits(t *testing.T) {
	t.Run("rate", func(t *testing.T) {
		e := newEnv(t, syncservertest.WithLimits(func(l *syncserver.Limits) {
			l.PackageWritesPerSecond = 0.001
			l.PackageWriteBurst = 2
		}))
		for i := range 2 {
			if resp, b := newPackage(e, 10).do(t, e.srv); resp.StatusCode != http.StatusCreated {
				t.Fatalf("PUT %d = %d %s", i, resp.StatusCode, b)
			}
		}
		resp, b := newPackage(e, 10).do(t, e.srv)
		if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(b), "too many package requests") {
			t.Errorf("PUT beyond the burst = %d (Retry-After %q) %s, want 429 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"), b)
		}
	})
	t.Run("count", func(t *testing.T) {
		e := newEnv(t, syncservertest.WithLimits(func(l *syncserver.Limits) { l.MaxPackagesPerDoc = 1 }))
		first := newPackage(e, 10)
		if resp, b := first.do(t, e.srv); resp.StatusCode != http.StatusCreated {
			t.Fatalf("PUT = %d %s", resp.StatusCode, b)
		}
		if resp, b := first.do(t, e.srv); resp.StatusCode != http.StatusOK {
			t.Errorf("PUT of the same package at the limit = %d %s, want 200", resp.StatusCode, b)
		}
		resp, b := newPackage(e, 10).do(t, e.srv)
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), "withdraw one first") {
			t.Errorf("PUT beyond the count = %d %s, want 413 saying to withdraw one", resp.StatusCode, b)
		}
		if resp, b := withdrawal(first, e.doc.owner.id).do(t, e.srv); resp.StatusCode != http.StatusNoContent {
			t.Fatalf("DELETE = %d %s", resp.StatusCode, b)
		}
		if resp, b := newPackage(e, 10).do(t, e.srv); resp.StatusCode != http.StatusCreated {
			t.Errorf("PUT after a withdrawal = %d %s, want 201", resp.StatusCode, b)
		}
	})
}

// With a fallback, every path the relay does not serve goes to it; the relay's own paths stay
// the relay's whatever the method.
func TestFallbackServesEveryOtherPath(t *testing.T) {
	fallback := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "app "+r.URL.Path) })
	with := syncservertest.NewServer(t, func(c *syncserver.Config) { c.Fallback = fallback })
	without := syncservertest.NewServer(t)
	tests := []struct {
		srv    *syncservertest.Server
		method string
		path   string
		status int
		body   string
	}{
		{with, "GET", "/", 200, "app /"},
		{with, "GET", "/view/index.html", 200, "app /view/index.html"},
		{with, "GET", "/healthz", 200, "ok"},
		{with, "GET", "/sync", 426, ""},
		{with, "POST", "/sync", 405, ""},
		{with, "GET", "/packages/" + protocol.NewPackageID().String(), 404, "no such package"},
		{with, "GET", "/packages/a/b", 404, ""},
		{with, "POST", "/blobs/x/y", 404, ""},
		{without, "GET", "/", 404, ""},
		{without, "GET", "/healthz", 200, "ok"},
	}
	for _, tt := range tests {
		req, err := http.NewRequestWithContext(context.Background(), tt.method, tt.srv.URL+tt.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := httpClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(string(b), tt.body) || (tt.status != 200 && strings.Contains(string(b), "app ")) {
			t.Errorf("%s %s = %d %q, want %d containing %q", tt.method, tt.path, resp.StatusCode, b, tt.status, tt.body)
		}
	}
}
