package client

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

// MaxAttachmentBytes bounds an attachment's size (the relay's default blob limit).
const MaxAttachmentBytes = 100 << 20

// uploadChunk is the size of one upload request; an interrupted upload resumes at a chunk.
const uploadChunk = 1 << 20

// Attachment identifies an encrypted attachment: what the document's file entry records.
type Attachment struct {
	ID   e2ee.Hash // content ID: SHA-256 of the ciphertext
	Size int64     // ciphertext size
	Key  string    // the attachment key's text form (keyring.AttachmentKey.Export); secret
}

// attachmentAD binds an attachment's ciphertext to its document and file entry.
func attachmentAD(doc e2ee.DocID, entryID string) []byte {
	return append(doc[:len(doc):len(doc)], entryID...)
}

// Attach encrypts r as an attachment of the document's entry entryID (the file entry that
// records it), stores the ciphertext locally, and uploads it in resumable chunks when a relay
// is reachable, reporting progress. Offline, the upload waits for the next sync; the
// attachment is usable locally at once.
func (c *Client) Attach(ctx context.Context, id e2ee.DocID, entryID string, r io.Reader, progress Progress) (Attachment, error) {
	if entryID == "" {
		return Attachment{}, errors.New("attach: the file entry's ID is required")
	}
	ds, err := c.open(ctx, id)
	if err != nil {
		return Attachment{}, err
	}
	err = c.writableLocked(ds)
	ds.mu.Unlock()
	if err != nil {
		return Attachment{}, err
	}
	key := keyring.NewAttachmentKey()
	var buf bytes.Buffer
	blob, err := keyring.EncryptAttachment(&buf, io.LimitReader(r, MaxAttachmentBytes+1), key, attachmentAD(id, entryID))
	if err != nil {
		return Attachment{}, fmt.Errorf("attach: encrypt: %w", err)
	}
	if blob.Size > MaxAttachmentBytes {
		return Attachment{}, fmt.Errorf("attach: the file is larger than %d MiB", MaxAttachmentBytes>>20)
	}
	text, err := key.Export()
	if err != nil {
		return Attachment{}, fmt.Errorf("attach: %w", err)
	}
	if err := c.store.PutBlob(ctx, id, blob.ContentID, &buf); err != nil {
		return Attachment{}, fmt.Errorf("attach: store: %w", err)
	}
	a := Attachment{ID: blob.ContentID, Size: blob.Size, Key: text}
	if c.cfg.Relay == "" {
		return a, nil
	}
	if err := c.upload(ctx, id, a.ID, progress); err != nil {
		if errors.Is(err, ErrOffline) {
			return a, nil // uploaded at the next sync
		}
		return a, err
	}
	return a, nil
}

// UploadPending uploads every stored attachment not yet on the relay.
func (c *Client) UploadPending(ctx context.Context, progress Progress) error {
	blobs, err := c.store.Blobs(ctx, e2ee.DocID{})
	if err != nil {
		return fmt.Errorf("list attachments: %w", err)
	}
	for _, b := range blobs {
		if b.Uploaded {
			continue
		}
		if err := c.upload(ctx, b.Doc, b.ID, progress); err != nil {
			return err
		}
	}
	return nil
}

// uploadPendingQuietly uploads what waits, logging failures; a session starts it.
func (c *Client) uploadPendingQuietly(ctx context.Context) {
	if err := c.UploadPending(ctx, nil); err != nil && ctx.Err() == nil {
		c.log.Warn("upload attachments", "err", err)
	}
}

// blobURL is the relay's HTTP address of a blob.
func (c *Client) blobURL(doc e2ee.DocID, id e2ee.Hash) (string, error) {
	u, err := url.Parse(c.cfg.Relay)
	if err != nil {
		return "", fmt.Errorf("relay URL: %w", err)
	}
	switch u.Scheme {
	case "ws":
		u.Scheme = "http"
	case "wss":
		u.Scheme = "https"
	default:
		return "", fmt.Errorf("relay URL %q: want ws:// or wss://", c.cfg.Relay)
	}
	base := strings.TrimSuffix(u.Path, "/sync")
	u.Path = strings.TrimSuffix(base, "/") + "/blobs/" + doc.String() + "/" + hex.EncodeToString(id[:])
	u.RawQuery, u.Fragment = "", ""
	return u.String(), nil
}

// signBlob adds the headers that authorise a blob request.
func (c *Client) signBlob(req *http.Request, doc e2ee.DocID, id e2ee.Hash, offset int64) error {
	now := c.cfg.Now()
	sig, err := c.id.Sign(e2ee.LabelBlobRequest, protocol.BlobRequestParts(req.Method, doc, id, offset, now)...)
	if err != nil {
		return fmt.Errorf("sign blob request: %w", err)
	}
	req.Header.Set(protocol.HeaderIdentity, c.id.ID().String())
	req.Header.Set(protocol.HeaderTime, strconv.FormatInt(now.UnixMilli(), 10))
	req.Header.Set(protocol.HeaderSignature, base64.RawURLEncoding.EncodeToString(sig))
	return nil
}

// blobError turns a relay's error answer into an error.
func blobError(resp *http.Response) error {
	// The relay answers {"code": "not_member", "message": …}: the code by its name.
	var body struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if json.Unmarshal(raw, &body) == nil && body.Code != "" {
		return &protocol.Error{Code: codeNamed(body.Code), Message: body.Message}
	}
	return fmt.Errorf("relay answered %s", resp.Status)
}

// upload sends a stored blob to the relay, resuming where an earlier upload stopped.
func (c *Client) upload(ctx context.Context, doc e2ee.DocID, id e2ee.Hash, progress Progress) error {
	rc, total, err := c.store.OpenBlob(ctx, doc, id)
	if err != nil {
		return fmt.Errorf("upload: %w", err)
	}
	defer rc.Close()
	target, err := c.blobURL(doc, id)
	if err != nil {
		return err
	}
	var offset int64
	chunk := make([]byte, uploadChunk)
	for attempt := 0; ; attempt++ {
		if attempt > 64+int(total/uploadChunk) {
			return fmt.Errorf("upload: the relay keeps refusing chunks")
		}
		if _, err := rc.Seek(offset, io.SeekStart); err != nil {
			return fmt.Errorf("upload: %w", err)
		}
		n, err := io.ReadFull(rc, chunk[:min(int64(len(chunk)), total-offset)])
		if err != nil {
			return fmt.Errorf("upload: read stored blob: %w", err)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPut, target+"?offset="+strconv.FormatInt(offset, 10)+"&total="+strconv.FormatInt(total, 10), bytes.NewReader(chunk[:n]))
		if err != nil {
			return err
		}
		if err := c.signBlob(req, doc, id, offset); err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err != nil {
			return fmt.Errorf("%w: upload: %w", ErrOffline, err)
		}
		var up protocol.BlobUpload
		switch resp.StatusCode {
		case http.StatusOK, http.StatusConflict:
			err = json.NewDecoder(io.LimitReader(resp.Body, 4096)).Decode(&up)
			resp.Body.Close()
			if err != nil {
				return fmt.Errorf("upload: the relay's answer: %w", err)
			}
		default:
			err := blobError(resp)
			resp.Body.Close()
			return fmt.Errorf("upload: %w", err)
		}
		if up.Received < 0 || up.Received > total {
			return fmt.Errorf("upload: the relay reports %d of %d bytes", up.Received, total)
		}
		offset = up.Received // where the relay wants the next chunk, also after a conflict
		if progress != nil {
			progress(offset, total)
		}
		if up.Committed {
			if err := c.store.BlobUploaded(ctx, doc, id); err != nil {
				return fmt.Errorf("upload: %w", err)
			}
			return nil
		}
	}
}

// Fetch reads the attachment a of the document's entry entryID, from the local store or else
// from the relay (keeping the ciphertext locally), decrypts and verifies it, and writes the
// plaintext to w. Nothing is written when the attachment does not verify.
func (c *Client) Fetch(ctx context.Context, id e2ee.DocID, entryID string, a Attachment, w io.Writer, progress Progress) error {
	key, err := keyring.ImportAttachmentKey(a.Key)
	if err != nil {
		return fmt.Errorf("fetch attachment: %w", err)
	}
	rc, _, err := c.store.OpenBlob(ctx, id, a.ID)
	if errors.Is(err, ErrNotFound) {
		if err := c.download(ctx, id, a, progress); err != nil {
			return err
		}
		rc, _, err = c.store.OpenBlob(ctx, id, a.ID)
	}
	if err != nil {
		return fmt.Errorf("fetch attachment: %w", err)
	}
	defer rc.Close()
	// Decrypt into memory first: DecryptAttachment checks the content ID only at the end.
	var plain bytes.Buffer
	if err := keyring.DecryptAttachment(&plain, rc, key, attachmentAD(id, entryID), a.ID); err != nil {
		return fmt.Errorf("fetch attachment: %w", err)
	}
	_, err = plain.WriteTo(w)
	return err
}

// download fetches a blob's ciphertext from the relay into the local store.
func (c *Client) download(ctx context.Context, doc e2ee.DocID, a Attachment, progress Progress) error {
	target, err := c.blobURL(doc, a.ID)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return err
	}
	if err := c.signBlob(req, doc, a.ID, 0); err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%w: download: %w", ErrOffline, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("download: %w", blobError(resp))
	}
	body := io.Reader(io.LimitReader(resp.Body, MaxAttachmentBytes+1))
	if progress != nil {
		body = &progressReader{r: body, total: a.Size, report: progress}
	}
	if err := c.store.PutBlob(ctx, doc, a.ID, body); err != nil {
		return fmt.Errorf("download: %w", err)
	}
	return c.store.BlobUploaded(ctx, doc, a.ID)
}

// progressReader reports bytes read.
type progressReader struct {
	r      io.Reader
	done   int64
	total  int64
	report Progress
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.done += int64(n)
	p.report(p.done, p.total)
	return n, err
}
