package client_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/memstore"
	"github.com/mobio-sync/mobio/client/sqlitestore"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// The benchmarks use real biographies (package crdt over Automerge), as the program does; the
// engine itself never imports crdt.

// newBiography is the DocFactory of the program: an empty replica that receives a biography,
// or one loaded from saved bytes.
func newBiography(data []byte) (client.Doc, error) {
	if data == nil {
		return crdt.Empty()
	}
	return crdt.Load(data)
}

// fillBiography answers the catalogue's fields the way a newcomer and a counsellor would over
// a few meetings, and returns how many fields it set. With limit 0 it answers every field
// (two entries in every list), else the first limit scalar fields outside lists. Fields whose
// sample the schema refuses are left out.
func fillBiography(b *crdt.Biography, n, limit int) int {
	cat := schema.Default()
	prov := crdt.Provenance{Source: crdt.SourceSelf, By: "Amira"}
	entries := map[string][]string{}
	for _, s := range cat.Sections {
		for _, f := range s.Fields {
			if f.Type != schema.TypeList || limit > 0 {
				continue
			}
			for range 2 {
				if id, err := b.AddEntry(s.Key + "." + f.Key); err == nil {
					entries[s.Key+"."+f.Key] = append(entries[s.Key+"."+f.Key], id)
				}
			}
		}
	}
	set := 0
	fill := func(path string, f *schema.Field) {
		if limit > 0 && set >= limit {
			return
		}
		var err error
		switch f.Type {
		case schema.TypeText:
			err = b.SetText(path, fmt.Sprintf("Ich habe %d Jahre in einer Bäckerei in Aleppo gearbeitet.", 2+n%5), "de")
		case schema.TypeCodes, schema.TypeCode:
			list := cat.CodeList(f.CodeList)
			if list == nil || len(list.Codes) == 0 {
				return
			}
			code := list.Codes[n%len(list.Codes)].Code
			if f.Type == schema.TypeCodes {
				err = b.SetCodes(path, []string{code}, prov)
			} else {
				err = b.Set(path, crdt.Code(code), prov)
			}
		case schema.TypeRef, schema.TypeRefs:
			ids := entries[f.Ref]
			if len(ids) == 0 {
				return
			}
			if f.Type == schema.TypeRefs {
				err = b.SetCodes(path, ids[:1], prov)
			} else {
				err = b.Set(path, crdt.Ref(ids[0]), prov)
			}
		case schema.TypeString:
			v := fmt.Sprintf("Beispiel %s %d", f.Key, n)
			switch f.Pattern {
			case "":
			case "[0-9]{8}":
				v = "08226084"
			case "[0-9]{5}":
				v = "29302"
			default:
				return
			}
			err = b.Set(path, crdt.String(v), prov)
		case schema.TypeDate:
			err = b.Set(path, crdt.DateOf(crdt.Date{Year: 2017, Month: 3, Day: 15}), prov)
			if f.NotBefore != "" {
				err = b.Set(path, crdt.DateOf(crdt.Date{Year: 2021, Month: 7}), prov)
			}
		case schema.TypeTime:
			err = b.Set(path, crdt.TimeOf(time.Date(2026, 3, 2, 10, 30, 0, 0, time.UTC)), prov)
		case schema.TypeBool:
			err = b.Set(path, crdt.Bool(true), prov)
		case schema.TypeInt:
			err = b.Set(path, crdt.Int(max(f.Min, 3)), prov)
		default:
			return
		}
		if err == nil {
			set++
		}
	}
	for _, s := range cat.Sections {
		for i := range s.Fields {
			f := &s.Fields[i]
			path := s.Key + "." + f.Key
			if f.Type != schema.TypeList {
				fill(path, f)
				continue
			}
			for _, id := range entries[path] {
				for j := range f.Item {
					fill(path+"."+id+"."+f.Item[j].Key, &f.Item[j])
				}
			}
		}
	}
	return set
}

// BenchmarkOpenCaseload opens a counsellor's caseload of 200 biographies from the local
// SQLite store: the store, the client, the document list, and a read of each. "complete"
// biographies answer every field of the catalogue; "60-fields" ones the first 60. Each was
// created on the device and edited five times since. list-ms is the time until the document
// list is there.
func BenchmarkOpenCaseload(b *testing.B) {
	for _, bc := range []struct {
		name  string
		limit int
	}{
		{"complete", 0},
		{"60-fields", 60},
	} {
		b.Run(bc.name, func(b *testing.B) { benchmarkOpenCaseload(b, bc.limit) })
	}
}

func benchmarkOpenCaseload(b *testing.B, limit int) {
	const docs = 200
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "client.db")
	id, err := keyring.NewIdentity()
	if err != nil {
		b.Fatal(err)
	}
	st, err := sqlitestore.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	c, err := client.New(client.Config{Identity: id, Store: st, NewDoc: newBiography})
	if err != nil {
		b.Fatal(err)
	}
	fields := 0
	for i := range docs {
		bio, err := crdt.New()
		if err != nil {
			b.Fatal(err)
		}
		n := fillBiography(bio, i, limit)
		if n < 60 {
			b.Fatalf("filled %d fields of a biography, want at least 60", n)
		}
		fields += n
		doc, err := c.Create(ctx, fmt.Sprintf("Newcomer %03d", i), bio)
		if err != nil {
			b.Fatal(err)
		}
		for k := range 5 {
			err := c.Edit(ctx, doc, func(d client.Doc) error {
				return d.(*crdt.Biography).Set("person.given_names", crdt.String(fmt.Sprintf("Amira %d", k)), crdt.Provenance{Source: crdt.SourceSelf})
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	c.Close()
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	var list time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		st, err := sqlitestore.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		c, err := client.New(client.Config{Identity: id, Store: st, NewDoc: newBiography})
		if err != nil {
			b.Fatal(err)
		}
		infos, err := c.Docs(ctx)
		if err != nil || len(infos) != docs {
			b.Fatalf("Docs = %d documents, %v; want %d", len(infos), err, docs)
		}
		list += time.Since(start)
		for _, info := range infos {
			err := c.Read(ctx, info.ID, func(d client.Doc) error {
				_, err := d.(*crdt.Biography).Get("person.given_names")
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		c.Close()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(fields)/docs, "fields/doc")
	b.ReportMetric(float64(list.Milliseconds())/float64(b.N), "list-ms")
}

// BenchmarkCatchUp5000 measures a fresh device of a member catching up a biography with
// 5,000 changes through a relay on 127.0.0.1, into a new SQLite store: entry by entry, and
// from a snapshot.
func BenchmarkCatchUp5000(b *testing.B) {
	const changes = 5000
	paths := []string{"person.given_names", "person.family_names", "person.phone", "person.email"}
	lastEmail := changes - 2 // the last change that sets person.email
	for lastEmail%len(paths) != 3 {
		lastEmail--
	}
	ctx := context.Background()
	relay := syncservertest.NewServer(b, syncservertest.WithLimits(func(l *syncserver.Limits) {
		l.PushesPerSecond, l.PushBurst = 1e6, 1e6
	}))
	reader, err := keyring.NewIdentity()
	if err != nil {
		b.Fatal(err)
	}
	// prepare makes a document with the changes, shared with the reader; snapshotEvery
	// is the author's setting.
	prepare := func(snapshotEvery int) e2ee.DocID {
		id, err := keyring.NewIdentity()
		if err != nil {
			b.Fatal(err)
		}
		c, err := client.New(client.Config{Identity: id, Store: memstore.New(), NewDoc: newBiography, Relay: relay.SyncURL, SnapshotEvery: snapshotEvery})
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		bio, err := crdt.New()
		if err != nil {
			b.Fatal(err)
		}
		fillBiography(bio, 0, 60)
		doc, err := c.Create(ctx, "bio", bio)
		if err != nil {
			b.Fatal(err)
		}
		for i := range changes - 1 {
			err := c.Edit(ctx, doc, func(d client.Doc) error {
				return d.(*crdt.Biography).Set(paths[i%len(paths)], crdt.String(fmt.Sprintf("v%d", i)), crdt.Provenance{Source: crdt.SourceCounsellor})
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		if err := c.Sync(ctx); err != nil {
			b.Fatal(err)
		}
		if err := c.Add(ctx, doc, reader.Public(), e2ee.RoleViewer); err != nil {
			b.Fatal(err)
		}
		if snapshotEvery > 0 {
			// The author's own entries came back and count towards a snapshot, which it
			// uploads when in sync.
			for range 3 {
				if _, ok, err := relay.Store.Snapshot(ctx, doc); err != nil || ok {
					break
				}
				if err := c.Sync(ctx); err != nil {
					b.Fatal(err)
				}
			}
			snap, ok, err := relay.Store.Snapshot(ctx, doc)
			if err != nil || !ok || snap.Covers < changes-10 {
				b.Fatalf("snapshot covering %d entries, %v, %v; want one covering nearly %d", snap.Covers, ok, err, changes)
			}
		}
		return doc
	}
	for _, bc := range []struct {
		name          string
		snapshotEvery int
	}{
		{"log", -1},
		{"snapshot", 1000},
	} {
		doc := prepare(bc.snapshotEvery)
		b.Run(bc.name, func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				st, err := sqlitestore.Open(ctx, filepath.Join(b.TempDir(), "fresh.db"))
				if err != nil {
					b.Fatal(err)
				}
				c, err := client.New(client.Config{Identity: reader, Store: st, NewDoc: newBiography, Relay: relay.SyncURL, SnapshotEvery: -1})
				if err != nil {
					b.Fatal(err)
				}
				if err := c.Join(ctx, doc, "bio"); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := c.Sync(ctx); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				var got crdt.FieldValue
				err = c.Read(ctx, doc, func(d client.Doc) error {
					got, err = d.(*crdt.Biography).Get("person.email")
					return err
				})
				if want := fmt.Sprintf("v%d", lastEmail); err != nil || got.Str() != want {
					b.Fatalf("after catch-up person.email = %q, %v; want %s", got.Str(), err, want)
				}
				c.Close()
				st.Close()
				b.StartTimer()
			}
			b.ReportMetric(changes, "changes")
		})
	}
}
