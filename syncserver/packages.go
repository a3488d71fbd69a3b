package syncserver

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
	"golang.org/x/time/rate"
)

// Disclosure packages. A member who may write a document (an owner or a counsellor) stores a
// package of it: ciphertext that the relay cannot read, under a random ID that the member's
// client drew, with an expiry. Anyone who has the ID fetches the ciphertext; the key is in
// the link's fragment and never reaches the relay. A member withdraws a package, or it
// expires: then its bytes are deleted, and its ID answers like one that never existed. An
// erasure of the document deletes its packages. See protocol/package.go for the requests.

// PackageStore is implemented by stores that keep disclosure packages. It is optional: a
// relay whose Store is not one answers package requests with 501 Not Implemented.
//
// A package's bytes count in its document's [DocumentStore.Usage] while they are kept, and
// [DocumentStore.Erase] deletes the document's packages with the rest of it. A package ID is
// used once: after a withdrawal or expiry the store remembers the ID (not the bytes) until
// [PackageStore.ExpirePackages] forgets it, so that a replayed creation cannot bring the
// package back.
type PackageStore interface {
	// PutPackage stores ciphertext as package id of doc, expiring at expires (kept to the
	// second), and reports whether it created it. The same bytes for the same document again
	// return false and nil and change nothing (a re-sent creation). ErrConflict: id holds
	// other bytes or another document's package, or was withdrawn or expired. ErrNotFound:
	// doc does not exist; ErrErased: it was erased.
	PutPackage(ctx context.Context, doc e2ee.DocID, id protocol.PackageID, ciphertext []byte, expires time.Time) (created bool, err error)

	// OpenPackage opens the ciphertext of package id for reading and returns what the store
	// knows of it. Reads through the reader use ctx; the caller closes it. ErrNotFound: no
	// such package, or it was withdrawn or its bytes expired. The store does not compare the
	// expiry with a clock; the relay does.
	OpenPackage(ctx context.Context, id protocol.PackageID) (io.ReadSeekCloser, PackageInfo, error)

	// WithdrawPackage deletes the bytes of package id of doc at once; withdrawing a package
	// withdrawn or expired before returns nil. ErrNotFound: doc has no package id (none at
	// all, or another document's). ErrErased: doc was erased.
	WithdrawPackage(ctx context.Context, doc e2ee.DocID, id protocol.PackageID) error

	// Packages returns the packages of doc whose bytes are kept, expired ones among them
	// until they are swept. ErrNotFound: doc does not exist; ErrErased: it was erased.
	Packages(ctx context.Context, doc e2ee.DocID) ([]PackageInfo, error)

	// ExpirePackages deletes the bytes of every package whose expiry is at or before now and
	// returns those packages; and it forgets the IDs of withdrawn or expired packages whose
	// expiry is before forgetBefore, after which the ID could be stored anew.
	ExpirePackages(ctx context.Context, now, forgetBefore time.Time) ([]PackageInfo, error)
}

// PackageInfo describes a stored package.
type PackageInfo struct {
	ID      protocol.PackageID
	Doc     e2ee.DocID
	Size    int64     // ciphertext bytes
	Expires time.Time // to the second
}

// ErrNoPackages is returned by [Server.SweepPackages] when the Store is not a [PackageStore].
var ErrNoPackages = errors.New("syncserver: the store keeps no packages")

// errNoSuchPackage answers a fetch of a package that is unknown, withdrawn or expired alike,
// so that the answer does not tell which.
var errNoSuchPackage = &protocol.Error{Code: protocol.CodeNoSuchDocument, Message: "no such package"}

// packageStore returns the store as a PackageStore, or answers 501 and returns nil.
func (s *Server) packageStore(w http.ResponseWriter) PackageStore {
	ps, ok := s.store.(PackageStore)
	if !ok {
		http.Error(w, "this relay keeps no packages", http.StatusNotImplemented)
	}
	return ps
}

// packageTarget parses the package ID of a request's path and, for member requests, the
// document it names.
func packageTarget(r *http.Request, withDoc bool) (protocol.PackageID, e2ee.DocID, error) {
	id, err := protocol.ParsePackageID(r.PathValue("id"))
	if err != nil {
		return id, e2ee.DocID{}, &protocol.Error{Code: protocol.CodeMalformed, Message: "bad package ID: want 22 characters of URL-safe base64"}
	}
	if !withDoc {
		return id, e2ee.DocID{}, nil
	}
	doc, err := e2ee.ParseDocID(r.Header.Get(protocol.HeaderDocument))
	if err != nil {
		return id, doc, &protocol.Error{Code: protocol.CodeMalformed, Message: "missing or bad " + protocol.HeaderDocument + " header"}
	}
	return id, doc, nil
}

// authorizePackage checks a package request's signature headers: signed with
// protocol.LabelPackageRequest over the request's method, doc, id, expiry and content hash by
// a member of doc at the current epoch whose role may write, within the clock skew. It
// returns the document's state, held until the caller releases it.
func (s *Server) authorizePackage(r *http.Request, doc e2ee.DocID, id protocol.PackageID, expires int64, content e2ee.Hash) (*docState, error) {
	h, err := s.signedHeaders(r)
	if err != nil {
		return nil, err
	}
	ds, err := s.document(r.Context(), doc)
	if err != nil {
		return nil, err
	}
	err = func() error {
		m, err := readable(ds, h.who)
		if err != nil {
			return err
		}
		member, err := m.Member(m.Epoch(), h.who)
		if err != nil {
			return err
		}
		if !member.Identity.Verify(h.sig, protocol.LabelPackageRequest, protocol.PackageRequestPartsUnix(r.Method, doc, id, expires, content, h.ms)...) {
			return &protocol.Error{Code: protocol.CodeAuthFailed, Message: "bad signature"}
		}
		if !member.Role.CanWrite() {
			return &protocol.Error{Code: protocol.CodeNotAllowed, Message: fmt.Sprintf("a %s may not create or withdraw packages", member.Role)}
		}
		return nil
	}()
	if err != nil {
		s.release(ds)
		return nil, err
	}
	return ds, nil
}

// allowPackageWrite takes a token of ds's package rate limit, or returns the refusal.
func (s *Server) allowPackageWrite(ds *docState) error {
	now := s.now()
	ds.mu.Lock()
	if ds.pkgRate == nil {
		ds.pkgRate = rate.NewLimiter(rate.Limit(s.limits.PackageWritesPerSecond), s.limits.PackageWriteBurst)
	}
	r := ds.pkgRate.ReserveN(now, 1)
	delay := r.DelayFrom(now)
	if delay > 0 {
		r.CancelAt(now)
	}
	ds.mu.Unlock()
	if delay > 0 {
		return &protocol.Error{Code: protocol.CodeRateLimited, Message: "too many package requests for this document; try again shortly", RetryAfter: delay}
	}
	return nil
}

// servePackagePut stores a package: PUT /packages/{id} with the ciphertext as body and the
// document, expiry and the body's SHA-256 in headers. It answers 201 Created, or 200 OK for a
// package stored before with the same bytes.
func (s *Server) servePackagePut(w http.ResponseWriter, r *http.Request) {
	ps := s.packageStore(w)
	if ps == nil {
		return
	}
	id, doc, err := packageTarget(r, true)
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	expires, err := protocol.ParseExpiry(r.Header.Get(protocol.HeaderExpires))
	if err != nil {
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeMalformed, Message: "missing or bad " + protocol.HeaderExpires + " header: want a Unix time in seconds"})
		return
	}
	content, err := protocol.ParseContentHash(r.Header.Get(protocol.HeaderContentSHA256))
	if err != nil {
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeMalformed, Message: "missing or bad " + protocol.HeaderContentSHA256 + " header: want 64 lower-case hex digits"})
		return
	}
	maxBytes := s.limits.MaxPackageBytes
	tooLarge := &protocol.Error{Code: protocol.CodeFrameTooLarge, Message: fmt.Sprintf("package above the limit of %d bytes", maxBytes)}
	if r.ContentLength > maxBytes {
		s.httpError(w, r, tooLarge)
		return
	}
	now := s.now()
	// The signature's clock may run ahead of the relay's by the allowed skew; so may the expiry.
	latest := now.Add(s.limits.MaxPackageLifetime + protocol.DefaultMaxClockSkew)
	switch {
	case !expires.After(now):
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeMalformed, Message: "the package's expiry has passed"})
		return
	case expires.After(latest):
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeMalformed, Message: fmt.Sprintf("the package's expiry is more than %v ahead, the longest this relay keeps a package", s.limits.MaxPackageLifetime)})
		return
	}
	ds, err := s.authorizePackage(r, doc, id, expires.Unix(), content)
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	defer s.release(ds)
	if err := s.allowPackageWrite(ds); err != nil {
		s.httpError(w, r, err)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBytes+1))
	if err != nil {
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeMalformed, Message: "read body"})
		return
	}
	if int64(len(body)) > maxBytes {
		s.httpError(w, r, tooLarge)
		return
	}
	if sha256.Sum256(body) != content {
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeMalformed, Message: "the body does not match " + protocol.HeaderContentSHA256})
		return
	}
	ctx := r.Context()
	if err := s.checkPackageRoom(ctx, ps, ds, id, int64(len(body)), now); err != nil {
		s.httpError(w, r, err)
		return
	}
	created, err := ps.PutPackage(ctx, doc, id, body, expires)
	if errors.Is(err, ErrConflict) {
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeReplay, Message: "the package ID is taken: it holds other bytes or was withdrawn; draw a new ID"})
		return
	}
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	w.Header().Set(protocol.HeaderExpires, protocol.FormatExpiry(expires))
	if !created {
		w.WriteHeader(http.StatusOK)
		return
	}
	s.refreshUsage(ctx, ds)
	s.metrics.packagesCreated.Inc()
	s.log.Info("package created", keyDoc, shortDoc(doc), keyBytes, len(body), keyExpires, expires.UTC())
	w.WriteHeader(http.StatusCreated)
}

// checkPackageRoom refuses a new package of size bytes when the document has as many
// packages as it may keep, or would exceed its storage limit. A package already stored
// (a re-sent creation) always passes: the store answers it.
func (s *Server) checkPackageRoom(ctx context.Context, ps PackageStore, ds *docState, id protocol.PackageID, size int64, now time.Time) error {
	pkgs, err := ps.Packages(ctx, ds.id)
	if err != nil {
		return err
	}
	live := 0
	for _, p := range pkgs {
		if p.ID == id {
			return nil
		}
		if p.Expires.After(now) {
			live++
		}
	}
	if live >= s.limits.MaxPackagesPerDoc {
		return &protocol.Error{Code: protocol.CodeDocumentTooLarge, Message: fmt.Sprintf("the document has %d packages on the relay, the most it may keep; withdraw one first", live)}
	}
	if docUsage(ds)+size > s.limits.MaxDocBytes {
		return &protocol.Error{Code: protocol.CodeDocumentTooLarge, Message: fmt.Sprintf("the document would exceed %d bytes", s.limits.MaxDocBytes)}
	}
	return nil
}

// servePackageGet serves a package's ciphertext to anyone who names its ID: GET (or HEAD)
// /packages/{id}, with ranges. A package that is unknown, withdrawn or expired gets one and
// the same 404. Nothing is cached on the way: a withdrawn package must not linger in a cache.
func (s *Server) servePackageGet(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	ps, ok := s.store.(PackageStore)
	if !ok {
		s.httpError(w, r, errNoSuchPackage)
		return
	}
	id, _, err := packageTarget(r, false)
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	rc, info, err := ps.OpenPackage(r.Context(), id)
	if errors.Is(err, ErrNotFound) || errors.Is(err, ErrErased) {
		s.httpError(w, r, errNoSuchPackage)
		return
	}
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	defer rc.Close()
	if !info.Expires.After(s.now()) {
		s.httpError(w, r, errNoSuchPackage)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set(protocol.HeaderExpires, protocol.FormatExpiry(info.Expires))
	s.metrics.packagesFetched.Inc()
	s.log.Debug("package fetched", keyDoc, shortDoc(info.Doc), keyMethod, r.Method)
	http.ServeContent(w, r, "", time.Time{}, rc)
}

// servePackageDelete withdraws a package: DELETE /packages/{id} with the document in a
// header, signed by a member who may write. Its bytes are deleted before the answer, 204 No
// Content; a package withdrawn or expired before answers the same.
func (s *Server) servePackageDelete(w http.ResponseWriter, r *http.Request) {
	ps := s.packageStore(w)
	if ps == nil {
		return
	}
	id, doc, err := packageTarget(r, true)
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	ds, err := s.authorizePackage(r, doc, id, 0, e2ee.Hash{})
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	defer s.release(ds)
	if err := s.allowPackageWrite(ds); err != nil {
		s.httpError(w, r, err)
		return
	}
	ctx := r.Context()
	err = ps.WithdrawPackage(ctx, doc, id)
	if errors.Is(err, ErrNotFound) {
		s.httpError(w, r, errNoSuchPackage)
		return
	}
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	s.refreshUsage(ctx, ds)
	s.metrics.packagesWithdrawn.Inc()
	s.log.Info("package withdrawn", keyDoc, shortDoc(doc))
	w.WriteHeader(http.StatusNoContent)
}

// SweepPackages deletes, once, the bytes of every package whose expiry has passed by the
// server's clock, and forgets the IDs of packages that expired longer ago than the clock skew
// allowed to a signature (a creation signed before cannot be replayed then). It returns how
// many packages it deleted. [Server.Run] sweeps every [Config.PackageSweepInterval].
func (s *Server) SweepPackages(ctx context.Context) (int, error) {
	ps, ok := s.store.(PackageStore)
	if !ok {
		return 0, ErrNoPackages
	}
	now := s.now()
	expired, err := ps.ExpirePackages(ctx, now, now.Add(-protocol.DefaultMaxClockSkew))
	if err != nil {
		return 0, fmt.Errorf("sweep packages: %w", err)
	}
	if len(expired) == 0 {
		return 0, nil
	}
	s.metrics.packagesExpired.Add(float64(len(expired)))
	docs := make(map[e2ee.DocID]bool)
	for _, p := range expired {
		docs[p.Doc] = true
	}
	// The usage of documents in memory went down; a document not in memory reads it when
	// it is loaded.
	for doc := range docs {
		s.docsMu.Lock()
		ds := s.docs[doc]
		s.docsMu.Unlock()
		if ds != nil {
			s.refreshLoadedUsage(ctx, ds)
		}
	}
	s.log.Info("expired packages deleted", keyPackages, len(expired), keyDocs, len(docs))
	return len(expired), nil
}

// refreshLoadedUsage reads ds's usage from the store again if ds is loaded and not erased.
func (s *Server) refreshLoadedUsage(ctx context.Context, ds *docState) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if !ds.loaded || ds.erased.Load() {
		return
	}
	if u, err := s.store.Usage(ctx, ds.id); err == nil {
		ds.usage = u
	}
}
