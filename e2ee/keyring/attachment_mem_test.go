//go:build !js

// The constant-memory test streams 300 MB through AES-GCM and SHA-256: under a second natively
// with -race, but 9 s or more under Node (10 to 35 MB/s measured), where the wasm build has
// neither AES nor SHA-256 in assembly. The js/wasm run keeps the round-trip and tamper tests
// of attachment_test.go.

package keyring

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"testing"
	"testing/cryptotest"
)

// allocated returns the bytes run allocates on the heap, all goroutines together.
func allocated(run func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	run()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// checkingWriter compares what it is given with the generator's pattern.
type checkingWriter struct {
	want generator
	n    int64
	bad  bool
	buf  []byte
}

func (c *checkingWriter) Write(p []byte) (int, error) {
	if len(c.buf) < len(p) {
		c.buf = make([]byte, len(p))
	}
	n, _ := io.ReadFull(&c.want, c.buf[:len(p)])
	if n != len(p) || !bytes.Equal(c.buf[:n], p) {
		c.bad = true
	}
	c.n += int64(len(p))
	return len(p), nil
}

// TestAttachmentOf100MBStreamsInConstantMemory encrypts and decrypts 100 MB and demands that
// each direction allocates less than 16 MB in total (so the heap cannot grow more): memory does
// not grow with the file's size. The two encryptions draw the same salt and nonce prefix from
// a seeded generator (cryptotest.SetGlobalRandom), so the second one streams, through a pipe,
// exactly the ciphertext whose content ID the first one computed.
func TestAttachmentOf100MBStreamsInConstantMemory(t *testing.T) {
	const size = 100 << 20
	const limit = 16 << 20
	key := NewAttachmentKey()

	cryptotest.SetGlobalRandom(t, 42)
	var blob Blob
	var err error
	enc := allocated(func() {
		blob, err = EncryptAttachment(io.Discard, &generator{n: size}, key, testAD)
	})
	if err != nil {
		t.Fatalf("EncryptAttachment(100 MB) = %v", err)
	}
	if want := int64(attCiphertextSize(size)); blob.Size != want {
		t.Errorf("Blob.Size = %d, want %d", blob.Size, want)
	}

	cryptotest.SetGlobalRandom(t, 42)
	out := &checkingWriter{want: generator{n: size}}
	dec := allocated(func() {
		pr, pw := io.Pipe()
		go func() {
			_, err := EncryptAttachment(pw, &generator{n: size}, key, testAD)
			pw.CloseWithError(err)
		}()
		err = DecryptAttachment(out, pr, key, testAD, blob.ContentID)
		pr.Close()
	})
	if err != nil {
		t.Fatalf("DecryptAttachment(100 MB) = %v", err)
	}
	if out.n != size || out.bad {
		t.Errorf("DecryptAttachment wrote %d bytes (differing from the file: %v), want the %d bytes encrypted", out.n, out.bad, size)
	}
	t.Logf("heap allocated for 100 MB: encrypt %s, encrypt+decrypt through a pipe %s", mib(enc), mib(dec))
	if enc > limit || dec > limit {
		t.Errorf("allocated encrypt %s, encrypt+decrypt %s for 100 MB, want each below %s", mib(enc), mib(dec), mib(limit))
	}
}

func mib(n uint64) string { return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20)) }
