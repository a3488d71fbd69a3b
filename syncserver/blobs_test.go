package syncserver_test

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver"
)

// blobRequest makes a blob request signed by signer (unsigned when signer is nil).
func blobRequest(t *testing.T, e *env, method string, signer *keyring.Identity, id e2ee.Hash, offset, total int64, body []byte, header http.Header) *http.Response {
	t.Helper()
	url := fmt.Sprintf("%s/blobs/%s/%s", e.srv.URL, e.doc.id, hex.EncodeToString(id[:]))
	if method == http.MethodPut {
		url += fmt.Sprintf("?offset=%d&total=%d", offset, total)
	}
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if signer != nil {
		now := time.Now()
		sig, err := signer.Sign(e2ee.LabelBlobRequest, protocol.BlobRequestParts(method, e.doc.id, id, offset, now)...)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set(protocol.HeaderIdentity, signer.ID().String())
		req.Header.Set(protocol.HeaderTime, strconv.FormatInt(now.UnixMilli(), 10))
		req.Header.Set(protocol.HeaderSignature, base64.RawURLEncoding.EncodeToString(sig))
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func readBody(t *testing.T, resp *http.Response) []byte {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// An encrypted attachment is uploaded in chunks, resumed after an interruption, and
// downloaded byte for byte, also in ranges; requests not signed by a member are refused.
func TestBlobsUploadInChunksResumeAndDownload(t *testing.T) {
	e := newEnv(t)
	plain := make([]byte, 300<<10)
	rand.Read(plain)
	var ct bytes.Buffer
	key := keyring.NewAttachmentKey()
	blob, err := keyring.EncryptAttachment(&ct, bytes.NewReader(plain), key, e.doc.id[:])
	if err != nil {
		t.Fatal(err)
	}
	data, total := ct.Bytes(), int64(ct.Len())
	owner := e.doc.owner.id
	chunk := int64(128 << 10)

	put := func(offset, end int64) (*http.Response, protocol.BlobUpload) {
		t.Helper()
		resp := blobRequest(t, e, http.MethodPut, owner, blob.ContentID, offset, total, data[offset:end], nil)
		var up protocol.BlobUpload
		if err := json.Unmarshal(readBody(t, resp), &up); err != nil {
			t.Fatalf("PUT at %d: status %d, answer not JSON: %v", offset, resp.StatusCode, err)
		}
		return resp, up
	}
	if resp, up := put(0, chunk); resp.StatusCode != http.StatusOK || up.Received != chunk || up.Committed {
		t.Fatalf("first chunk: %d %+v", resp.StatusCode, up)
	}
	// Not readable before it is complete; the answer says where to resume.
	resp := blobRequest(t, e, http.MethodGet, owner, blob.ContentID, 0, 0, nil, nil)
	if resp.StatusCode != http.StatusNotFound || resp.Header.Get(protocol.HeaderReceived) != strconv.FormatInt(chunk, 10) {
		t.Errorf("GET during upload: %d received %q, want 404 with %d", resp.StatusCode, resp.Header.Get(protocol.HeaderReceived), chunk)
	}
	// An uploader that lost track starts over at 0 and learns where to resume.
	resp, up := put(0, chunk)
	if resp.StatusCode != http.StatusConflict || up.Received != chunk {
		t.Fatalf("repeated first chunk: %d %+v, want 409 with %d received", resp.StatusCode, up, chunk)
	}
	for off := up.Received; off < total; off += chunk {
		end := min(off+chunk, total)
		resp, up := put(off, end)
		if resp.StatusCode != http.StatusOK || up.Received != end || up.Committed != (end == total) {
			t.Fatalf("chunk at %d: %d %+v", off, resp.StatusCode, up)
		}
	}

	resp = blobRequest(t, e, http.MethodGet, e.viewer.id, blob.ContentID, 0, 0, nil, nil)
	got := readBody(t, resp)
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, data) {
		t.Fatalf("GET: %d, %d bytes, want 200 with the %d uploaded bytes", resp.StatusCode, len(got), len(data))
	}
	var back bytes.Buffer
	if err := keyring.DecryptAttachment(&back, bytes.NewReader(got), key, e.doc.id[:], blob.ContentID); err != nil || !bytes.Equal(back.Bytes(), plain) {
		t.Errorf("downloaded attachment does not decrypt to the file: %v", err)
	}
	resp = blobRequest(t, e, http.MethodGet, owner, blob.ContentID, 0, 0, nil, http.Header{"Range": {"bytes=1000-1999"}})
	if got := readBody(t, resp); resp.StatusCode != http.StatusPartialContent || !bytes.Equal(got, data[1000:2000]) {
		t.Errorf("range GET: %d, %d bytes, want 206 with bytes 1000-1999", resp.StatusCode, len(got))
	}

	stranger := newIdentity(t)
	refusals := []struct {
		name   string
		method string
		signer *keyring.Identity
		header http.Header
		want   int
	}{
		{"unsigned read", http.MethodGet, nil, nil, http.StatusUnauthorized},
		{"read by a stranger", http.MethodGet, stranger, nil, http.StatusForbidden},
		{"upload by a viewer", http.MethodPut, e.viewer.id, nil, http.StatusForbidden},
		{"read with a signature by another key", http.MethodGet, stranger, http.Header{protocol.HeaderIdentity: {owner.ID().String()}}, http.StatusUnauthorized},
	}
	for _, tt := range refusals {
		resp := blobRequest(t, e, tt.method, tt.signer, blob.ContentID, 0, total, data[:10], tt.header)
		if resp.StatusCode != tt.want {
			t.Errorf("%s: status %d, want %d: %s", tt.name, resp.StatusCode, tt.want, readBody(t, resp))
		}
	}
}

func TestBlobWhoseBytesDoNotMatchItsIDIsDiscarded(t *testing.T) {
	e := newEnv(t)
	data := []byte("not what the ID says")
	var wrong e2ee.Hash
	wrong[0] = 1
	resp := blobRequest(t, e, http.MethodPut, e.doc.owner.id, wrong, 0, int64(len(data)), data, nil)
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("status %d, want 400", resp.StatusCode)
	}
	resp = blobRequest(t, e, http.MethodGet, e.doc.owner.id, wrong, 0, 0, nil, nil)
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET after a hash mismatch: status %d, want 404", resp.StatusCode)
	}
}

func TestBlobAboveTheLimitIsRefused(t *testing.T) {
	e := newEnv(t)
	var id e2ee.Hash
	resp := blobRequest(t, e, http.MethodPut, e.doc.owner.id, id, 0, syncserver.DefaultMaxBlobBytes+1, []byte("x"), nil)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", resp.StatusCode)
	}
}
