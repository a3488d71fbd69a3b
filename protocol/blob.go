package protocol

import (
	"encoding/binary"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// Attachments travel over HTTP, not in frames: PUT /blobs/{doc}/{id}?offset=N&total=M uploads
// a chunk, GET /blobs/{doc}/{id} downloads (with ranges), where {doc} is the document ID and
// {id} the blob's content ID in their text forms. A request is authorised by three headers:
// the requesting member's identity ID, the time, and the member's signature with
// e2ee.LabelBlobRequest over [BlobRequestParts].
const (
	HeaderIdentity  = "Mobio-Identity"  // e2ee.IdentityID in its text form
	HeaderTime      = "Mobio-Time"      // Unix milliseconds, decimal
	HeaderSignature = "Mobio-Signature" // Ed25519, base64url without padding
	// HeaderReceived answers an upload, and a GET of a blob not yet complete: the bytes
	// received so far, where an interrupted upload resumes.
	HeaderReceived = "Mobio-Received"
)

// MaxBlobChunk bounds the body of one upload request.
const MaxBlobChunk = 8 << 20

// BlobRequestParts returns the parts of e2ee.SignedMessage that a member signs with
// e2ee.LabelBlobRequest to request blob id of doc over HTTP: the method ("PUT", "GET" or
// "HEAD"), the document ID, the content ID, the upload offset (0 for reads) and the time in
// Unix milliseconds, both as 8 bytes big-endian. The relay accepts the signature within
// [DefaultMaxClockSkew] of its clock.
func BlobRequestParts(method string, doc e2ee.DocID, id e2ee.Hash, offset int64, t time.Time) [][]byte {
	return BlobRequestPartsMillis(method, doc, id, offset, t.UnixMilli())
}

// BlobRequestPartsMillis is [BlobRequestParts] with the time in Unix milliseconds, as the
// relay reads it from [HeaderTime].
func BlobRequestPartsMillis(method string, doc e2ee.DocID, id e2ee.Hash, offset int64, ms int64) [][]byte {
	return [][]byte{
		[]byte(method), doc[:], id[:],
		binary.BigEndian.AppendUint64(nil, uint64(offset)),
		binary.BigEndian.AppendUint64(nil, uint64(ms)),
	}
}

// BlobUpload is the JSON answer to an upload request.
type BlobUpload struct {
	Received  int64 `json:"received"`
	Total     int64 `json:"total"`
	Committed bool  `json:"committed"`
}
