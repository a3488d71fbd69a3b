package keyring

import (
	"crypto/subtle"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/mobio-sync/mobio/e2ee"
)

// attachmentKeyPrefix starts the text form of an attachment key. The "1" names the whole
// format: AES-256-GCM-HKDF-SHA256 streaming with 64 KiB segments and the framing of the
// associated data by [e2ee.LabelAttachment]. Another format gets another prefix.
const attachmentKeyPrefix = "mobio-attkey1-"

// attachmentKeyText encodes attachment keys: lower-case base32 without padding, like IDs.
var attachmentKeyText = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// AttachmentKey is the key of one attachment: every file gets its own, made by
// [NewAttachmentKey], and the key travels inside the encrypted document (the content_key of the
// file's entry) in the text form of [AttachmentKey.Export].
//
// The key is 32 random bytes, the main key of tink's streaming AEAD; the parameters are fixed
// by the version in the text form, so no tink keyset (and no cleartext keyset) ever leaves
// this package. A key never changes and is safe for concurrent use.
type AttachmentKey struct {
	_   [0]func() // not comparable: use Equal
	key [32]byte
	set bool
}

// NewAttachmentKey generates a fresh key for one attachment.
func NewAttachmentKey() *AttachmentKey {
	k := &AttachmentKey{set: true}
	random(k.key[:])
	return k
}

// Export returns the key's text form, "mobio-attkey1-" followed by base32, to store in the
// encrypted document and nowhere else. It never fails for a key made by this package; the
// error is there so that the signature matches [encoding.TextMarshaler]'s.
func (k *AttachmentKey) Export() (string, error) {
	k.mustSet()
	return attachmentKeyPrefix + attachmentKeyText.EncodeToString(k.key[:]), nil
}

// ImportAttachmentKey parses the form [AttachmentKey.Export] returns. A text of another
// version is [e2ee.ErrUnsupported]; anything else that is not a key is [e2ee.ErrMalformed].
// Errors never repeat the text.
func ImportAttachmentKey(s string) (*AttachmentKey, error) {
	rest, ok := strings.CutPrefix(s, attachmentKeyPrefix)
	if !ok {
		if strings.HasPrefix(s, "mobio-attkey") {
			return nil, fmt.Errorf("%w: attachment key version", e2ee.ErrUnsupported)
		}
		return nil, fmt.Errorf("%w: attachment key must start with %s", e2ee.ErrMalformed, attachmentKeyPrefix)
	}
	k := &AttachmentKey{set: true}
	if len(rest) != attachmentKeyText.EncodedLen(len(k.key)) {
		return nil, fmt.Errorf("%w: attachment key length", e2ee.ErrMalformed)
	}
	n, err := attachmentKeyText.Decode(k.key[:], []byte(rest))
	if err != nil || n != len(k.key) || attachmentKeyText.EncodeToString(k.key[:]) != rest {
		// The last check rejects non-canonical trailing bits, so one key has one text.
		return nil, fmt.Errorf("%w: attachment key encoding", e2ee.ErrMalformed)
	}
	return k, nil
}

// Equal reports, in constant time, whether k and o are the same key.
func (k *AttachmentKey) Equal(o *AttachmentKey) bool {
	k.mustSet()
	o.mustSet()
	return subtle.ConstantTimeCompare(k.key[:], o.key[:]) == 1
}

func (k *AttachmentKey) mustSet() {
	if k == nil || !k.set {
		panic("keyring: use of a zero AttachmentKey")
	}
}

// LogValue keeps keys out of logs.
func (k *AttachmentKey) LogValue() slog.Value { return slog.StringValue("REDACTED") }

// String keeps keys out of fmt output.
func (k *AttachmentKey) String() string { return "keyring.AttachmentKey(REDACTED)" }

// GoString keeps keys out of %#v output.
func (k *AttachmentKey) GoString() string { return k.String() }

// Blob describes an encrypted attachment as the relay stores it.
type Blob struct {
	// Size is the length of the ciphertext in bytes: the plaintext's length, 40 bytes of header
	// and 16 bytes per 64 KiB segment. Attachments are not padded, so Size reveals the file's
	// length to the relay.
	Size int64
	// ContentID is the SHA-256 hash of the ciphertext: the blob's address on the relay, which
	// the relay can check on upload without any key.
	ContentID e2ee.Hash
}

// attachmentAD frames the caller's associated data, so that an attachment stream can never be
// taken for another use of the same key material.
func attachmentAD(ad []byte) []byte { return e2ee.SignedMessage(e2ee.LabelAttachment, ad) }

// EncryptAttachment reads the plaintext of an attachment from r until EOF and writes its
// ciphertext to w, in memory that does not grow with the file's size. It returns the
// ciphertext's size and content ID, computed while streaming.
//
// ad is bound to the ciphertext and must be given again to decrypt: pass the document's ID
// followed by the ID of the document entry that holds the file (doc[:] first: its fixed length
// makes the concatenation unambiguous), so that the relay cannot serve one attachment in place
// of another.
//
// On error, what was written to w is incomplete and must be thrown away.
func EncryptAttachment(w io.Writer, r io.Reader, key *AttachmentKey, ad []byte) (Blob, error) {
	key.mustSet()
	h := contentHash()
	out := &countingWriter{w: w, h: h}
	enc, err := attachmentEncrypter(&key.key, out, attachmentAD(ad))
	if err != nil {
		return Blob{}, fmt.Errorf("encrypt attachment: %w", err)
	}
	if _, err := io.Copy(enc, r); err != nil {
		return Blob{}, fmt.Errorf("encrypt attachment: %w", err)
	}
	if err := enc.Close(); err != nil {
		return Blob{}, fmt.Errorf("encrypt attachment: %w", err)
	}
	b := Blob{Size: out.n}
	h.Sum(b.ContentID[:0])
	return b, nil
}

// DecryptAttachment reads an attachment's ciphertext from r until EOF and writes the plaintext
// to w, in memory that does not grow with the file's size. It returns [ErrDecrypt] for a wrong
// key, wrong associated data, any changed byte, a truncated stream, swapped or repeated
// segments, bytes appended after the end, and a ciphertext whose SHA-256 is not want (the
// [Blob.ContentID] the file's entry names). Errors of r and w are returned wrapped.
//
// w receives the plaintext of each 64 KiB segment only after that segment authenticated, so
// every byte written is a true prefix of the file. Whether the file is complete and is the one
// want names is known only at the end, though: checking the hash first would take a second pass
// over the ciphertext, which a stream does not allow. So the caller must treat what was written
// to w as unusable unless DecryptAttachment returns nil: write to a temporary file and rename it
// into place on success, or discard the buffer.
func DecryptAttachment(w io.Writer, r io.Reader, key *AttachmentKey, ad []byte, want e2ee.Hash) error {
	key.mustSet()
	h := contentHash()
	in := &hashingReader{r: r, h: h}
	dec, err := attachmentDecrypter(&key.key, in, attachmentAD(ad))
	if err != nil {
		return in.failure()
	}
	out := &errorWriter{w: w}
	if _, err := io.Copy(out, dec); err != nil {
		if out.err != nil {
			return fmt.Errorf("decrypt attachment: write: %w", out.err)
		}
		if errors.Is(err, io.ErrShortWrite) {
			return fmt.Errorf("decrypt attachment: write: %w", err)
		}
		return in.failure()
	}
	// The last segment authenticated; anything after it still counts towards the hash, so
	// appended bytes make the content ID differ.
	if _, err := io.Copy(io.Discard, in); err != nil {
		return in.failure()
	}
	var got e2ee.Hash
	h.Sum(got[:0])
	if !got.Equal(want) {
		return ErrDecrypt
	}
	return nil
}

// countingWriter passes writes to w and to the content hash, counting bytes.
type countingWriter struct {
	w io.Writer
	h io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.h.Write(p[:n])
	c.n += int64(n)
	return n, err
}

// hashingReader hashes what it reads and remembers an error of the underlying reader, so that
// an I/O failure is not mistaken for tampering (nor tampering reported as I/O).
type hashingReader struct {
	r   io.Reader
	h   io.Writer
	err error
}

func (hr *hashingReader) Read(p []byte) (int, error) {
	n, err := hr.r.Read(p)
	hr.h.Write(p[:n])
	if err != nil && !errors.Is(err, io.EOF) && hr.err == nil {
		hr.err = err
	}
	return n, err
}

// failure is the error of a failed decryption: the reader's own error if it had one, and
// otherwise ErrDecrypt, whatever the stream decrypter said.
func (hr *hashingReader) failure() error {
	if hr.err != nil {
		return fmt.Errorf("decrypt attachment: read: %w", hr.err)
	}
	return ErrDecrypt
}

// errorWriter remembers an error of w, to tell it apart from decryption errors.
type errorWriter struct {
	w   io.Writer
	err error
}

func (ew *errorWriter) Write(p []byte) (int, error) {
	n, err := ew.w.Write(p)
	if err != nil && ew.err == nil {
		ew.err = err
	}
	return n, err
}
