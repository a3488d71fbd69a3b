package protocol_test

import (
	"testing"

	"github.com/mobio-sync/mobio/protocol"
)

// benchFrames are the frames of the relay's hot path. A sealed 100-byte update is an envelope
// of about 400 bytes (header, ciphertext padded to its bucket, signature).
func benchFrames() []protocol.Frame {
	env := make([]byte, 400)
	return []protocol.Frame{
		protocol.Push{ReqID: 12345, Doc: testDoc, Envelope: env},
		protocol.Ack{ReqID: 12345, Doc: testDoc, Offset: 123456, Hash: testHash},
		protocol.Deliver{Doc: testDoc, Offset: 123456, Envelope: env},
	}
}

func BenchmarkEncode(b *testing.B) {
	for _, f := range benchFrames() {
		b.Run(f.Type().String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := protocol.Encode(f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, f := range benchFrames() {
		enc, err := protocol.Encode(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(f.Type().String(), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(enc)))
			for b.Loop() {
				if _, err := protocol.Decode(enc, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
