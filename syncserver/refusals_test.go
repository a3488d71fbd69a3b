package syncserver_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// env is a relay with a document: an owner connected, a counsellor and a viewer (members,
// not connected).
type env struct {
	srv        *syncservertest.Server
	owner      *client
	doc        *testDoc
	counsellor *member
	viewer     *member
}

func newEnv(t *testing.T, opts ...syncservertest.Option) *env {
	t.Helper()
	srv := syncservertest.NewServer(t, opts...)
	owner := dial(t, srv, newIdentity(t))
	doc := newDoc(t, owner)
	return &env{
		srv:        srv,
		owner:      owner,
		doc:        doc,
		counsellor: doc.add(owner, newIdentity(t), e2ee.RoleCounsellor),
		viewer:     doc.add(owner, newIdentity(t), e2ee.RoleViewer),
	}
}

func subscribeFrame(c *client, doc e2ee.DocID) (uint64, protocol.Frame) {
	id := c.reqID()
	return id, protocol.Subscribe{ReqID: id, Doc: doc}
}

func pushFrame(c *client, doc e2ee.DocID, envelope []byte) (uint64, protocol.Frame) {
	id := c.reqID()
	return id, protocol.Push{ReqID: id, Doc: doc, Envelope: envelope}
}

// strangerEnvelope seals an update for doc by an identity that is no member, with a key of
// its own making.
func strangerEnvelope(t *testing.T, stranger *keyring.Identity, doc e2ee.DocID) []byte {
	t.Helper()
	raw, err := keyring.Seal(stranger, keyring.NewEpochKey(doc, 1), e2ee.Header{Kind: e2ee.KindUpdate, Seq: 1}, []byte("hello"))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// Every refusal gets its error code; the connection stays usable unless the code ends it.
func TestRefusalsGetTheirCodeAndKeepTheConnectionWhereTheProtocolSays(t *testing.T) {
	tests := []struct {
		name string
		opts []syncservertest.Option
		// run makes a request that the relay refuses, and returns the connection and the
		// error frame.
		run  func(t *testing.T, e *env) (*client, protocol.Error)
		want protocol.Code
	}{
		{
			name: "stranger subscribing is not a member",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				c := dial(t, e.srv, newIdentity(t))
				id, f := subscribeFrame(c, e.doc.id)
				return c, refused(t, c, id, f)
			},
			want: protocol.CodeNotMember,
		},
		{
			name: "stranger pushing is not a member",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				s := newIdentity(t)
				c := dial(t, e.srv, s)
				id, f := pushFrame(c, e.doc.id, strangerEnvelope(t, s, e.doc.id))
				return c, refused(t, c, id, f)
			},
			want: protocol.CodeNotMember,
		},
		{
			name: "removed member subscribing after the rotation is not a member",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				e.doc.remove(e.owner, e.counsellor.id.ID())
				c := dial(t, e.srv, e.counsellor.id)
				id, f := subscribeFrame(c, e.doc.id)
				return c, refused(t, c, id, f)
			},
			want: protocol.CodeNotMember,
		},
		{
			name: "removed member writing under its old epoch is refused for the epoch",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				old := e.counsellor.update("written before the removal")
				e.doc.remove(e.owner, e.counsellor.id.ID())
				c := dial(t, e.srv, e.counsellor.id)
				id, f := pushFrame(c, e.doc.id, old)
				return c, refused(t, c, id, f)
			},
			want: protocol.CodeWrongEpoch,
		},
		{
			name: "envelope of a past epoch is refused for the epoch",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				op, _, err := keyring.Rotate(e.doc.owner.id, e.doc.log.Membership(), e.doc.keys(e.doc.owner.id))
				if err != nil {
					t.Fatal(err)
				}
				e.doc.apply(e.owner, op)
				m := e.doc.owner
				stale := m.sealAt(1, e2ee.Header{Kind: e2ee.KindUpdate, Seq: m.seq + 1, Prev: m.prev}, []byte("old key"))
				id, f := pushFrame(e.owner, e.doc.id, stale)
				return e.owner, refused(t, e.owner, id, f)
			},
			want: protocol.CodeWrongEpoch,
		},
		{
			name: "bad signature",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				env := e.doc.owner.update("tampered")
				env[len(env)-1] ^= 1 // the last byte is the signature's
				id, f := pushFrame(e.owner, e.doc.id, env)
				return e.owner, refused(t, e.owner, id, f)
			},
			want: protocol.CodeBadSignature,
		},
		{
			name: "different envelope with a used sequence number is a replay",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				m := e.doc.owner
				e.owner.push(e.doc.id, m.update("first"))
				other := m.sealAt(0, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 1}, []byte("another first"))
				id, f := pushFrame(e.owner, e.doc.id, other)
				return e.owner, refused(t, e.owner, id, f)
			},
			want: protocol.CodeReplay,
		},
		{
			name: "sequence number that skips entries is a gap",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				m := e.doc.owner
				e.owner.push(e.doc.id, m.update("first"))
				skip := m.sealAt(0, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 3, Prev: m.prev}, []byte("third"))
				id, f := pushFrame(e.owner, e.doc.id, skip)
				return e.owner, refused(t, e.owner, id, f)
			},
			want: protocol.CodeSequenceGap,
		},
		{
			name: "envelope of another author",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				id, f := pushFrame(e.owner, e.doc.id, e.counsellor.update("by the counsellor"))
				return e.owner, refused(t, e.owner, id, f)
			},
			want: protocol.CodeNotAllowed,
		},
		{
			name: "viewer writing an update",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				c := dial(t, e.srv, e.viewer.id)
				id, f := pushFrame(c, e.doc.id, e.viewer.update("viewers only read"))
				return c, refused(t, c, id, f)
			},
			want: protocol.CodeNotAllowed,
		},
		{
			name: "snapshot in a push frame",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				id, f := pushFrame(e.owner, e.doc.id, e.doc.owner.seal(e2ee.KindSnapshot, []byte("snap")))
				return e.owner, refused(t, e.owner, id, f)
			},
			want: protocol.CodeMalformed,
		},
		{
			name: "unknown document",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				id, f := subscribeFrame(e.owner, e2ee.DocID{1, 2, 3})
				return e.owner, refused(t, e.owner, id, f)
			},
			want: protocol.CodeNoSuchDocument,
		},
		{
			name: "membership operation built on a stale head",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				m, keys := e.doc.log.Membership(), e.doc.keys(e.doc.owner.id)
				first, err := keyring.AddMember(e.doc.owner.id, m, keys, newIdentity(t).Public(), e2ee.RoleViewer)
				if err != nil {
					t.Fatal(err)
				}
				second, err := keyring.AddMember(e.doc.owner.id, m, keys, newIdentity(t).Public(), e2ee.RoleViewer)
				if err != nil {
					t.Fatal(err)
				}
				e.doc.apply(e.owner, first)
				id := e.owner.reqID()
				return e.owner, refused(t, e.owner, id, protocol.OpPush{ReqID: id, Doc: e.doc.id, Op: second})
			},
			want: protocol.CodeStaleHead,
		},
		{
			name: "too many documents on one connection",
			opts: []syncservertest.Option{syncservertest.WithLimits(func(l *syncserver.Limits) { l.MaxDocsPerConn = 1 })},
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				e.owner.subscribeCaughtUp(e.doc.id, 0)
				other := newDoc(t, e.owner)
				id, f := subscribeFrame(e.owner, other.id)
				return e.owner, refused(t, e.owner, id, f)
			},
			want: protocol.CodeTooManyDocuments,
		},
		{
			name: "pushes beyond the rate",
			opts: []syncservertest.Option{syncservertest.WithLimits(func(l *syncserver.Limits) {
				l.PushesPerSecond, l.PushBurst = 0.01, 3 // the owner's setup takes 3
			})},
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				c := dial(t, e.srv, e.counsellor.id) // a connection of its own: a fresh bucket
				for i := range 3 {
					c.push(e.doc.id, e.counsellor.update(fmt.Sprint("update ", i)))
				}
				id, f := pushFrame(c, e.doc.id, e.counsellor.update("one too many"))
				got := refused(t, c, id, f)
				if got.RetryAfter <= 0 {
					t.Errorf("RetryAfter = %v, want a wait", got.RetryAfter)
				}
				return c, got
			},
			want: protocol.CodeRateLimited,
		},
		{
			name: "document beyond its size limit",
			opts: []syncservertest.Option{syncservertest.WithLimits(func(l *syncserver.Limits) {
				l.MaxFrameBytes, l.MaxDocBytes = 4<<10, 4<<10
			})},
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				for range 100 {
					id, f := pushFrame(e.owner, e.doc.id, e.doc.owner.update("fill"))
					switch a := e.owner.request(id, f).(type) {
					case protocol.Ack:
					case protocol.Error:
						return e.owner, a
					}
				}
				t.Fatal("no refusal after 100 pushes")
				return nil, protocol.Error{}
			},
			want: protocol.CodeDocumentTooLarge,
		},
		{
			name: "erased document",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				erase(t, e.owner, e.doc)
				id, f := subscribeFrame(e.owner, e.doc.id)
				return e.owner, refused(t, e.owner, id, f)
			},
			want: protocol.CodeErased,
		},
		{
			name: "erasure by a counsellor",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				c := dial(t, e.srv, e.counsellor.id)
				id := c.reqID()
				return c, refused(t, c, id, eraseFrame(t, e.counsellor.id, e.doc, id))
			},
			want: protocol.CodeNotAllowed,
		},
		{
			name: "invite fetch with a wrong proof",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				c := dial(t, e.srv, newIdentity(t))
				id := c.reqID()
				return c, refused(t, c, id, protocol.InviteFetch{ReqID: id, Doc: e.doc.id, Proof: bytes.Repeat([]byte{7}, 32)})
			},
			want: protocol.CodeInviteInvalid,
		},
		{
			name: "oversize frame",
			opts: []syncservertest.Option{syncservertest.WithLimits(func(l *syncserver.Limits) { l.MaxFrameBytes = 4 << 10 })},
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				if err := e.owner.sendRaw(make([]byte, 5<<10)); err != nil {
					t.Fatal(err)
				}
				return e.owner, nextAs[protocol.Error](t, e.owner)
			},
			want: protocol.CodeFrameTooLarge,
		},
		{
			name: "frame before authentication",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				c := connect(t, e.srv)
				id, f := subscribeFrame(c, e.doc.id)
				c.t = t
				c.send(f)
				_ = id
				return c, nextAs[protocol.Error](t, c)
			},
			want: protocol.CodeUnauthenticated,
		},
		{
			name: "auth with a bad signature",
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				c := connect(t, e.srv)
				c.send(protocol.Hello{Version: protocol.Version, Software: "mobio-test"})
				ch := nextAs[protocol.Challenge](t, c)
				auth := signAuth(newIdentity(t), ch.Nonce, "ws://relay.test", time.Now())
				auth.Identity = e.doc.owner.id.Public() // someone else's identity
				c.send(auth)
				return c, nextAs[protocol.Error](t, c)
			},
			want: protocol.CodeAuthFailed,
		},
		{
			name: "auth for another relay's origin",
			opts: []syncservertest.Option{func(c *syncserver.Config) { c.Origins = []string{"ws://relay.test"} }},
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				c := connect(t, e.srv)
				c.send(protocol.Hello{Version: protocol.Version, Software: "mobio-test"})
				ch := nextAs[protocol.Challenge](t, c)
				id := newIdentity(t)
				c.send(signAuth(id, ch.Nonce, "wss://other.example", time.Now()))
				return c, nextAs[protocol.Error](t, c)
			},
			want: protocol.CodeAuthFailed,
		},
		{
			name: "no auth within the timeout",
			opts: []syncservertest.Option{syncservertest.WithLimits(func(l *syncserver.Limits) { l.AuthTimeout = 300 * time.Millisecond })},
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				c := connect(t, e.srv)
				c.send(protocol.Hello{Version: protocol.Version, Software: "mobio-test"})
				nextAs[protocol.Challenge](t, c)
				return c, nextAs[protocol.Error](t, c)
			},
			want: protocol.CodeAuthTimeout,
		},
		{
			name: "too many connections from one address",
			opts: []syncservertest.Option{syncservertest.WithLimits(func(l *syncserver.Limits) { l.MaxConnsPerIP = 2 })},
			run: func(t *testing.T, e *env) (*client, protocol.Error) {
				dial(t, e.srv, e.counsellor.id)
				c := connect(t, e.srv)
				return c, nextAs[protocol.Error](t, c)
			},
			want: protocol.CodeTooManyConnections,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.opts...)
			c, got := tt.run(t, e)
			if got.Code != tt.want {
				t.Fatalf("refused with %v, want code %v", &got, tt.want)
			}
			if got.Message == "" {
				t.Error("error frame without a message")
			}
			if tt.want.EndsConnection() {
				c.expectClosed(t)
				return
			}
			// The connection still answers requests.
			c.t = t
			id, f := subscribeFrame(c, e2ee.DocID{9})
			if still := refused(t, c, id, f); still.Code != protocol.CodeNoSuchDocument {
				t.Fatalf("after the refusal: %v, want no_such_document", &still)
			}
		})
	}
}

// eraseFrame returns an Erase of doc at its current head signed by signer.
func eraseFrame(t *testing.T, signer *keyring.Identity, doc *testDoc, reqID uint64) protocol.Erase {
	t.Helper()
	head := doc.log.Membership().Head()
	sig, err := signer.Sign(e2ee.LabelErase, doc.id[:], head[:])
	if err != nil {
		t.Fatal(err)
	}
	return protocol.Erase{ReqID: reqID, Doc: doc.id, Head: head, Signature: sig}
}

// erase erases doc as its owner through c.
func erase(t *testing.T, c *client, doc *testDoc) {
	t.Helper()
	id := c.reqID()
	requestAs[protocol.Erased](t, c, id, eraseFrame(t, doc.owner.id, doc, id))
}
