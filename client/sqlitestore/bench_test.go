package sqlitestore

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
)

// benchEntry is outbox entry seq with an envelope and change of typical sizes for one edit
// of a field (a sealed envelope is padded to a size bucket).
func benchEntry(seq uint64) client.OutboxEntry {
	env := bytes.Repeat([]byte{byte(seq)}, 512)
	return client.OutboxEntry{Seq: seq, Hash: e2ee.Hash(sha256.Sum256(env)), Epoch: 1, Envelope: env, Change: bytes.Repeat([]byte{'c'}, 200)}
}

// BenchmarkCommitLocal measures one durable local edit (a change and its envelope, synced)
// on a document that already holds 1,000 changes.
func BenchmarkCommitLocal(b *testing.B) {
	s, _ := openTest(b)
	defer s.Close()
	id := e2ee.DocID{1}
	if err := s.CreateDoc(b.Context(), benchRecord(id, 1000)); err != nil {
		b.Fatal(err)
	}
	seq := uint64(20)
	for b.Loop() {
		seq++
		out := benchEntry(seq)
		if err := s.CommitLocal(b.Context(), id, out.Change, out); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDoc measures loading a document of 1,000 changes of 200 bytes, a 100 KB
// content, 20 outbox entries and 10 membership operations: opening a document.
func BenchmarkLoadDoc(b *testing.B) {
	s, _ := openTest(b)
	defer s.Close()
	id := e2ee.DocID{1}
	if err := s.CreateDoc(b.Context(), benchRecord(id, 1000)); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		rec, err := s.LoadDoc(b.Context(), id)
		if err != nil || len(rec.Changes) != 1000 {
			b.Fatalf("LoadDoc = %d changes, %v", len(rec.Changes), err)
		}
	}
}

// BenchmarkListDocs measures listing a caseload of 200 documents of 100 changes each.
func BenchmarkListDocs(b *testing.B) {
	s, _ := openTest(b)
	defer s.Close()
	for i := range 200 {
		rec := benchRecord(e2ee.DocID{1, byte(i >> 8), byte(i)}, 100)
		rec.Title = fmt.Sprintf("document %d", i)
		if err := s.CreateDoc(b.Context(), rec); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if l, err := s.ListDocs(b.Context()); err != nil || len(l) != 200 {
			b.Fatalf("ListDocs = %d, %v", len(l), err)
		}
	}
}

func benchRecord(id e2ee.DocID, changes int) client.DocRecord {
	rec := client.DocRecord{
		ID:      id,
		Title:   "bench",
		Content: bytes.Repeat([]byte{'d'}, 100_000),
		Own:     e2ee.ChainHead{Author: e2ee.IdentityID{1}, Seq: 0},
	}
	for i := range changes {
		rec.Changes = append(rec.Changes, bytes.Repeat([]byte{byte(i)}, 200))
	}
	for i := range 10 {
		rec.Log = append(rec.Log, bytes.Repeat([]byte{byte(i)}, 300))
	}
	if changes >= 20 {
		for seq := uint64(1); seq <= 20; seq++ {
			rec.Outbox = append(rec.Outbox, benchEntry(seq))
		}
		rec.Own.Seq, rec.Own.Hash = 20, benchEntry(20).Hash
	}
	return rec
}
