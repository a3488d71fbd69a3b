package syncserver_test

import (
	"bufio"
	"encoding/binary"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// A client may send its first frame in the same packet as its upgrade request: the relay
// reads it, although it arrived before the connection became a WebSocket connection.
func TestFrameSentWithTheUpgradeRequestIsRead(t *testing.T) {
	srv := syncservertest.NewServer(t)
	addr := strings.TrimPrefix(srv.URL, "http://")
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.SetDeadline(time.Now().Add(10 * time.Second))
	hello, err := protocol.Encode(protocol.Hello{Version: protocol.Version, Software: "raw-test"})
	if err != nil {
		t.Fatal(err)
	}
	req := "GET /sync HTTP/1.1\r\nHost: " + addr + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
		"Sec-WebSocket-Protocol: " + protocol.Subprotocol + "\r\n\r\n"
	if _, err := nc.Write(append([]byte(req), maskedFrame(hello)...)); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(nc)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSwitchingProtocols {
		t.Fatalf("upgrade answered %s, want 101", resp.Status)
	}
	f, err := protocol.Decode(readFrame(t, br), 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.(protocol.Challenge); !ok {
		t.Errorf("relay answered %s, want a challenge", describe(f))
	}
}

// maskedFrame is payload as a client's binary WebSocket frame (masked, as clients must).
func maskedFrame(payload []byte) []byte {
	b := []byte{0x82}
	switch n := len(payload); {
	case n < 126:
		b = append(b, 0x80|byte(n))
	default:
		b = append(b, 0x80|126)
		b = binary.BigEndian.AppendUint16(b, uint16(n))
	}
	mask := [4]byte{0x12, 0x34, 0x56, 0x78}
	b = append(b, mask[:]...)
	for i, c := range payload {
		b = append(b, c^mask[i%4])
	}
	return b
}

// readFrame reads one unfragmented, unmasked frame from the relay and returns its payload.
func readFrame(t *testing.T, r io.Reader) []byte {
	t.Helper()
	var h [2]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		t.Fatal(err)
	}
	n := uint64(h[1] & 0x7f)
	switch n {
	case 126:
		var l [2]byte
		if _, err := io.ReadFull(r, l[:]); err != nil {
			t.Fatal(err)
		}
		n = uint64(binary.BigEndian.Uint16(l[:]))
	case 127:
		var l [8]byte
		if _, err := io.ReadFull(r, l[:]); err != nil {
			t.Fatal(err)
		}
		n = binary.BigEndian.Uint64(l[:])
	}
	if h[0] != 0x82 || n > 1<<20 {
		t.Fatalf("frame header %x, length %d: want a final binary frame", h, n)
	}
	p := make([]byte, n)
	if _, err := io.ReadFull(r, p); err != nil {
		t.Fatal(err)
	}
	return p
}
