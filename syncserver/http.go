package syncserver

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// routes builds the relay's HTTP handler.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /sync", s.serveSync)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", s.serveReady)
	mux.Handle("GET /metrics", s.metrics.handler())
	mux.HandleFunc("PUT /blobs/{doc}/{id}", s.serveBlobPut)
	mux.HandleFunc("GET /blobs/{doc}/{id}", s.serveBlobGet)
	mux.HandleFunc("PUT /packages/{id}", s.servePackagePut)
	mux.HandleFunc("GET /packages/{id}", s.servePackageGet)
	mux.HandleFunc("DELETE /packages/{id}", s.servePackageDelete)
	if s.fallback != nil {
		// The relay's own paths stay its own, whatever the method: the fallback answers only
		// the others. (Without a fallback, the mux answers 404 and 405 itself.)
		for _, p := range []string{"/sync", "/healthz", "/readyz", "/metrics"} {
			mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
				http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			})
		}
		for _, p := range []string{"/blobs/", "/packages/"} {
			mux.HandleFunc(p, http.NotFound)
		}
		mux.Handle("/", s.fallback)
	}
	return mux
}

// serveReady answers 200 while the relay takes connections and its store answers.
func (s *Server) serveReady(w http.ResponseWriter, r *http.Request) {
	if s.isStopping() {
		http.Error(w, "stopping", http.StatusServiceUnavailable)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, _, err := s.store.Tombstone(ctx, e2ee.DocID{}); err != nil {
		s.log.Warn("readiness probe: store does not answer", keyErr, err)
		http.Error(w, "store unavailable", http.StatusServiceUnavailable)
		return
	}
	io.WriteString(w, "ok\n")
}

// httpError writes a refusal as JSON {"code": name, "message": text} with the HTTP status
// that fits its code. Errors outside the protocol's vocabulary are logged and answered as
// internal errors.
func (s *Server) httpError(w http.ResponseWriter, r *http.Request, err error) {
	pe := protocol.ErrorOf(refusal(err))
	if pe.Code == protocol.CodeInternal {
		s.log.Error("HTTP request failed", keyMethod, r.Method, keyPath, r.Pattern, keyErr, err)
	} else {
		s.log.Debug("HTTP request refused", keyMethod, r.Method, keyPath, r.Pattern, keyCode, pe.Code.String())
	}
	s.metrics.refused(pe.Code.String())
	status := http.StatusBadRequest
	switch pe.Code {
	case protocol.CodeInternal:
		status = http.StatusInternalServerError
	case protocol.CodeAuthFailed, protocol.CodeBadSignature:
		status = http.StatusUnauthorized
	case protocol.CodeNotMember, protocol.CodeNotAllowed:
		status = http.StatusForbidden
	case protocol.CodeNoSuchDocument:
		status = http.StatusNotFound
	case protocol.CodeErased:
		status = http.StatusGone
	case protocol.CodeDocumentTooLarge, protocol.CodeFrameTooLarge:
		status = http.StatusRequestEntityTooLarge
	case protocol.CodeReplay:
		status = http.StatusConflict
	case protocol.CodeRateLimited:
		status = http.StatusTooManyRequests
	}
	if pe.RetryAfter > 0 {
		// Whole seconds, rounded up: the header has no finer unit.
		w.Header().Set("Retry-After", strconv.FormatInt(int64((pe.RetryAfter+time.Second-1)/time.Second), 10))
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}{pe.Code.String(), pe.Message})
}

// blobTarget parses the document and content ID of a blob request's path.
func blobTarget(r *http.Request) (e2ee.DocID, e2ee.Hash, error) {
	doc, err := e2ee.ParseDocID(r.PathValue("doc"))
	if err != nil {
		return doc, e2ee.Hash{}, &protocol.Error{Code: protocol.CodeMalformed, Message: "bad document ID"}
	}
	var id e2ee.Hash
	b, err := hex.DecodeString(r.PathValue("id"))
	if err != nil || len(b) != len(id) {
		return doc, id, &protocol.Error{Code: protocol.CodeMalformed, Message: "bad content ID: want 64 hex digits"}
	}
	copy(id[:], b)
	return doc, id, nil
}

// authorizeBlob checks a blob request's signature headers for doc, id and offset: signed by a
// member at the current epoch, within the clock skew, and by a role that may write when write
// is set. It returns the document's state, held until the caller releases it.
func (s *Server) authorizeBlob(r *http.Request, doc e2ee.DocID, id e2ee.Hash, offset int64, write bool) (*docState, error) {
	h, err := s.signedHeaders(r)
	if err != nil {
		return nil, err
	}
	ds, err := s.document(r.Context(), doc)
	if err != nil {
		return nil, err
	}
	if err := authorizeMember(r, ds, h.who, h.sig, id, offset, h.ms, write); err != nil {
		s.release(ds)
		return nil, err
	}
	return ds, nil
}

// signed is what the signature headers of a member's HTTP request claim: who signed, when
// (Unix milliseconds), and the signature, not yet verified.
type signed struct {
	who e2ee.IdentityID
	ms  int64
	sig []byte
}

// signedHeaders parses the signature headers of a blob or package request and checks that
// the time is within the clock skew of the relay's.
func (s *Server) signedHeaders(r *http.Request) (signed, error) {
	authFailed := func(msg string) error { return &protocol.Error{Code: protocol.CodeAuthFailed, Message: msg} }
	who, err := e2ee.ParseIdentityID(r.Header.Get(protocol.HeaderIdentity))
	if err != nil {
		return signed{}, authFailed("missing or bad " + protocol.HeaderIdentity + " header")
	}
	ms, err := strconv.ParseInt(r.Header.Get(protocol.HeaderTime), 10, 64)
	if err != nil || ms <= 0 {
		return signed{}, authFailed("missing or bad " + protocol.HeaderTime + " header")
	}
	if d := time.UnixMilli(ms).Sub(s.now()); d > protocol.DefaultMaxClockSkew || d < -protocol.DefaultMaxClockSkew {
		return signed{}, authFailed(fmt.Sprintf("clock differs from the relay's by more than %v", protocol.DefaultMaxClockSkew))
	}
	sig, err := base64.RawURLEncoding.DecodeString(r.Header.Get(protocol.HeaderSignature))
	if err != nil || len(sig) != 64 {
		return signed{}, authFailed("missing or bad " + protocol.HeaderSignature + " header")
	}
	return signed{who: who, ms: ms, sig: sig}, nil
}

// authorizeMember checks a blob request's signature by who, a member of ds at the current
// epoch whose role may write when write is set.
func authorizeMember(r *http.Request, ds *docState, who e2ee.IdentityID, sig []byte, id e2ee.Hash, offset, ms int64, write bool) error {
	m, err := readable(ds, who)
	if err != nil {
		return err
	}
	member, err := m.Member(m.Epoch(), who)
	if err != nil {
		return err
	}
	if !member.Identity.Verify(sig, e2ee.LabelBlobRequest, protocol.BlobRequestPartsMillis(r.Method, ds.id, id, offset, ms)...) {
		return &protocol.Error{Code: protocol.CodeAuthFailed, Message: "bad signature"}
	}
	if write && !member.Role.CanWrite() {
		return &protocol.Error{Code: protocol.CodeNotAllowed, Message: fmt.Sprintf("a %s may not upload", member.Role)}
	}
	return nil
}

// serveBlobPut stores one chunk of an upload: PUT /blobs/{doc}/{id}?offset=N&total=M with the
// chunk as body. The chunk that completes the blob commits it, checked against its content ID.
// The answer is a [BlobUpload]; a chunk at the wrong offset is refused with 409 and the
// received count in [protocol.HeaderReceived], where the upload resumes.
func (s *Server) serveBlobPut(w http.ResponseWriter, r *http.Request) {
	doc, id, err := blobTarget(r)
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	q := r.URL.Query()
	offset, err1 := strconv.ParseInt(q.Get("offset"), 10, 64)
	total, err2 := strconv.ParseInt(q.Get("total"), 10, 64)
	if err1 != nil || err2 != nil || offset < 0 || total <= 0 || offset > total {
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeMalformed, Message: "want offset=N&total=M with 0 <= N <= M, M > 0"})
		return
	}
	if total > s.limits.MaxBlobBytes {
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeDocumentTooLarge, Message: fmt.Sprintf("blob above the limit of %d bytes", s.limits.MaxBlobBytes)})
		return
	}
	ds, err := s.authorizeBlob(r, doc, id, offset, true)
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	defer s.release(ds)
	limit := min(total-offset, protocol.MaxBlobChunk)
	data, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeMalformed, Message: "read body"})
		return
	}
	if int64(len(data)) > limit {
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeFrameTooLarge, Message: fmt.Sprintf("chunk above %d bytes", limit)})
		return
	}
	if docUsage(ds)+int64(len(data)) > s.limits.MaxDocBytes {
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeDocumentTooLarge, Message: fmt.Sprintf("the document would exceed %d bytes", s.limits.MaxDocBytes)})
		return
	}
	ctx := r.Context()
	received, err := s.store.PutBlobChunk(ctx, doc, id, offset, data, total)
	s.refreshUsage(ctx, ds)
	if errors.Is(err, ErrUploadOffset) {
		w.Header().Set(protocol.HeaderReceived, strconv.FormatInt(received, 10))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusConflict)
		json.NewEncoder(w).Encode(protocol.BlobUpload{Received: received, Total: total})
		return
	}
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	up := protocol.BlobUpload{Received: received, Total: total}
	if received == total {
		switch err := s.store.CommitBlob(ctx, doc, id); {
		case errors.Is(err, ErrHashMismatch):
			s.refreshUsage(ctx, ds)
			s.httpError(w, r, &protocol.Error{Code: protocol.CodeMalformed, Message: "the bytes do not hash to the content ID; the upload was discarded"})
			return
		case err != nil:
			s.httpError(w, r, err)
			return
		}
		up.Committed = true
	}
	w.Header().Set(protocol.HeaderReceived, strconv.FormatInt(received, 10))
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(up)
}

// serveBlobGet serves a committed blob, with range requests: GET (or HEAD)
// /blobs/{doc}/{id}. For a blob still being uploaded it answers 404 with the received count
// in [protocol.HeaderReceived].
func (s *Server) serveBlobGet(w http.ResponseWriter, r *http.Request) {
	doc, id, err := blobTarget(r)
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	ds, err := s.authorizeBlob(r, doc, id, 0, false)
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	s.release(ds)
	ctx := r.Context()
	rc, _, err := s.store.OpenBlob(ctx, doc, id)
	if errors.Is(err, ErrNotFound) {
		if info, ierr := s.store.BlobInfo(ctx, doc, id); ierr == nil && !info.Committed {
			w.Header().Set(protocol.HeaderReceived, strconv.FormatInt(info.Received, 10))
		}
		s.httpError(w, r, &protocol.Error{Code: protocol.CodeNoSuchDocument, Message: "no such blob"})
		return
	}
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	defer rc.Close()
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("ETag", `"`+hex.EncodeToString(id[:])+`"`)
	w.Header().Set("Cache-Control", "private, max-age=31536000, immutable")
	http.ServeContent(w, r, "", time.Time{}, rc)
}
