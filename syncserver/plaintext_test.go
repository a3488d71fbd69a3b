package syncserver_test

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

// The relay never sees plaintext: after members sync updates, a snapshot, presence and an
// attachment that all contain a unique marker (and read it back, so the marker was there),
// neither the database files (the WAL included), nor the relay's logs, nor /metrics contain it.
func TestRelayNeverSeesPlaintext(t *testing.T) {
	e := newEnv(t)
	marker := "MOBIO-PLAINTEXT-MARKER-" + hex.EncodeToString(randomBytes(t, 12))
	b := dial(t, e.srv, e.counsellor.id)
	e.owner.subscribeCaughtUp(e.doc.id, 0)
	b.subscribeCaughtUp(e.doc.id, 0)

	for i := range 20 {
		e.owner.push(e.doc.id, e.doc.owner.update(marker+" Name: Amal, entry "+string(rune('a'+i))))
	}
	for range 20 {
		if got := nextAs[protocol.Deliver](t, b); !strings.Contains(e.counsellor.open(got.Envelope), marker) {
			t.Fatal("the counsellor did not read the marker")
		}
	}
	b.push(e.doc.id, e.counsellor.update("Counsellor notes "+marker))
	id := e.owner.reqID()
	requestAs[protocol.Ack](t, e.owner, id, protocol.SnapshotPut{ReqID: id, Doc: e.doc.id, Covers: 21, Envelope: e.doc.owner.seal(e2ee.KindSnapshot, []byte("snapshot "+marker))})
	e.owner.send(protocol.Ephemeral{Doc: e.doc.id, Envelope: e.doc.owner.ephemeral("editing " + marker)})
	for {
		if _, ok := b.next().(protocol.Ephemeral); ok {
			break
		}
	}

	var ct bytes.Buffer
	blob, err := keyring.EncryptAttachment(&ct, strings.NewReader(strings.Repeat(marker+"\n", 1000)), keyring.NewAttachmentKey(), e.doc.id[:])
	if err != nil {
		t.Fatal(err)
	}
	if resp := blobRequest(t, e, http.MethodPut, e.doc.owner.id, blob.ContentID, 0, int64(ct.Len()), ct.Bytes(), nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("upload: %d", resp.StatusCode)
	}

	files, err := filepath.Glob(filepath.Join(e.srv.Dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	sawWAL := false
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sawWAL = sawWAL || strings.HasSuffix(f, "-wal") && len(data) > 0
		if bytes.Contains(data, []byte(marker)) {
			t.Errorf("%s contains the plaintext marker", filepath.Base(f))
		}
	}
	if !sawWAL {
		t.Errorf("no WAL among %v: the check did not cover the log of recent writes", files)
	}
	if logs := e.srv.Logs(); logs == "" || strings.Contains(logs, marker) {
		t.Errorf("the relay's logs are empty or contain the marker")
	}
	if m := metricsText(t, e.srv); strings.Contains(m, marker) {
		t.Error("/metrics contains the marker")
	}
}

func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	rand.Read(b)
	return b
}
