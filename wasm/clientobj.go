//go:build js

package wasm

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"syscall/js"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/wasm/idbstore"
)

// clientObject is the JavaScript face of one client.Client over its IndexedDB store.
type clientObject struct {
	c     *client.Client
	id    *keyring.Identity // the client's, which seals packages
	store *idbstore.Store
	obj   js.Value
	fs    funcs

	// ctx ends when the client is closed, and with it every call in progress.
	ctx    context.Context
	cancel context.CancelFunc

	mu      sync.Mutex // guards runStop and runDone
	runStop context.CancelFunc
	runDone chan struct{}
}

// newClientObject builds the client object whose methods README.md documents.
func newClientObject(c *client.Client, id *keyring.Identity, store *idbstore.Store) js.Value {
	o := &clientObject{c: c, id: id, store: store, obj: newObject()}
	o.ctx, o.cancel = context.WithCancel(context.Background())
	o.obj.Set("id", c.ID().String())

	o.async("create", o.create)
	o.async("docs", o.docs)
	o.async("info", o.info)
	o.async("setTitle", o.setTitle)
	o.async("read", o.read)
	o.async("edit", o.edit)
	o.async("applyLocal", o.applyLocal)
	o.async("sync", func(args []js.Value) (any, error) { return nil, c.Sync(o.ctx) })
	o.async("status", o.status)
	o.async("invite", o.invite)
	o.async("accept", o.accept)
	o.async("members", o.members)
	o.async("add", o.add)
	o.async("revoke", o.revoke)
	o.async("transfer", o.transfer)
	o.async("leave", o.leave)
	o.async("erase", o.erase)
	o.async("setPresence", o.setPresence)
	o.async("attach", o.attach)
	o.async("fetch", o.fetch)
	o.async("uploadPending", o.uploadPending)
	o.async("sealPackage", o.sealPackage)
	o.async("putPackage", o.putPackage)
	o.async("withdrawPackage", o.withdrawPackage)
	o.async("stop", o.stop)
	o.async("close", o.close)
	o.fs.method(o.obj, "run", o.run)
	o.fs.method(o.obj, "peers", o.peers)
	return o.obj
}

// async sets method name to one that returns a Promise settled by fn in a goroutine.
func (o *clientObject) async(name string, fn func(args []js.Value) (any, error)) {
	o.fs.method(o.obj, name, func(args []js.Value) any {
		return promise(func() (any, error) { return fn(args) })
	})
}

// docInfo describes a document to JavaScript.
func docInfo(i client.DocInfo) map[string]any {
	return map[string]any{
		"id":      i.ID.String(),
		"title":   i.Title,
		"role":    roleName(i.Role),
		"epoch":   int(i.Epoch),
		"members": i.Members,
		"pending": i.Pending,
		"cursor":  float64(i.Cursor),
		"created": i.Created,
	}
}

// create(title, initialBytes) creates a document owned by this identity whose first content
// is initialBytes (a saved Automerge document), and resolves to its ID. It works offline.
func (o *clientObject) create(args []js.Value) (any, error) {
	title, err := str(args, 0, "title")
	if err != nil {
		return nil, err
	}
	initial, err := bytesFromJS(arg(args, 1))
	if err != nil || len(initial) == 0 {
		return nil, invalid("initial content must be a non-empty Uint8Array (a saved document)")
	}
	id, err := o.c.Create(o.ctx, title, bytesDoc(initial))
	if err != nil {
		return nil, err
	}
	return id.String(), nil
}

func (o *clientObject) docs(args []js.Value) (any, error) {
	infos, err := o.c.Docs(o.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]any, len(infos))
	for i, info := range infos {
		out[i] = docInfo(info)
	}
	return out, nil
}

func (o *clientObject) info(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	info, err := o.c.Info(o.ctx, id)
	if err != nil {
		return nil, err
	}
	return docInfo(info), nil
}

func (o *clientObject) setTitle(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	title, err := str(args, 1, "title")
	if err != nil {
		return nil, err
	}
	return nil, o.c.SetTitle(o.ctx, id, title)
}

// callback reads the function argument args[i].
func callback(args []js.Value, i int, what string) (js.Value, error) {
	fn := arg(args, i)
	if fn.Type() != js.TypeFunction {
		return js.Value{}, invalid("%s must be a function", what)
	}
	return fn, nil
}

// callDoc calls the synchronous JavaScript function fn with the document object of d and
// returns its result; an exception becomes the error.
func callDoc(fn js.Value, d client.Doc) (js.Value, error) {
	jd, ok := d.(*jsDoc)
	if !ok {
		return js.Value{}, errors.New("document is not a JavaScript document")
	}
	var res js.Value
	if err := try(func() { res = fn.Invoke(jd.v) }); err != nil {
		return js.Value{}, err
	}
	if res.Type() == js.TypeObject && res.Get("then").Type() == js.TypeFunction {
		// The document is only the function's while it runs; an async function would go on
		// using it after the client moved on.
		return js.Value{}, invalid("the document function must be synchronous, not async")
	}
	return res, nil
}

// read(doc, fn) calls fn(document) and resolves to what it returns. fn must be synchronous
// and must not change the document.
func (o *clientObject) read(args []js.Value) (any, error) {
	return o.withDoc(args, "read", o.c.Read)
}

// edit(doc, fn) calls fn(document) to change it, then commits and seals what changed. When fn
// throws, nothing it changed is kept and the promise rejects with its error.
func (o *clientObject) edit(args []js.Value) (any, error) {
	return o.withDoc(args, "edit", o.c.Edit)
}

// withDoc runs the JS function args[1] on document args[0] through run (Client.Read or
// Client.Edit) and returns what the function returned.
func (o *clientObject) withDoc(args []js.Value, name string, run func(context.Context, e2ee.DocID, func(client.Doc) error) error) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	fn, err := callback(args, 1, name+"'s second argument")
	if err != nil {
		return nil, err
	}
	var res js.Value
	err = run(o.ctx, id, func(d client.Doc) error {
		res, err = callDoc(fn, d)
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// applyLocal(doc, changeBytes) commits changes made elsewhere on this device (a web app that
// keeps its own Automerge document and hands over Automerge.saveIncremental's bytes).
func (o *clientObject) applyLocal(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	change, err := bytesFromJS(arg(args, 1))
	if err != nil || len(change) == 0 {
		return nil, invalid("change must be a non-empty Uint8Array")
	}
	return nil, o.c.Edit(o.ctx, id, func(d client.Doc) error { return d.LoadIncremental(change) })
}

func (o *clientObject) status(args []js.Value) (any, error) {
	st := o.c.Status()
	return map[string]any{"connected": st.Connected, "pending": st.Pending}, nil
}

// run() keeps a connection to the relay in the background, until stop() or close(). It
// returns a Promise that resolves when the connection loop ends.
func (o *clientObject) run(args []js.Value) any {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.runDone != nil {
		return promise(func() (any, error) { return nil, invalid("the client is running already") })
	}
	ctx, stop := context.WithCancel(o.ctx)
	done := make(chan struct{})
	o.runStop, o.runDone = stop, done
	return promise(func() (any, error) {
		defer func() {
			o.mu.Lock()
			if o.runDone == done {
				o.runStop, o.runDone = nil, nil
			}
			o.mu.Unlock()
			close(done)
		}()
		err := o.c.Run(ctx)
		if ctx.Err() != nil || errors.Is(err, client.ErrClosed) {
			return nil, nil // stopped as asked
		}
		return nil, err
	})
}

// stop() ends run's connection and resolves once it ended.
func (o *clientObject) stop(args []js.Value) (any, error) {
	o.mu.Lock()
	stop, done := o.runStop, o.runDone
	o.mu.Unlock()
	if stop != nil {
		stop()
		<-done
	}
	return nil, nil
}

// close() stops the client and closes its store. The object is unusable afterwards.
func (o *clientObject) close(args []js.Value) (any, error) {
	o.stop(nil)
	o.cancel()
	err := errors.Join(o.c.Close(), o.store.Close())
	o.fs.release()
	return nil, err
}

// invite(doc, role, ttlSeconds, base) resolves to a single-use invite link under base whose
// secret is in the fragment. Needs the relay.
func (o *clientObject) invite(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	rs, err := str(args, 1, "role")
	if err != nil {
		return nil, err
	}
	role, err := parseRole(rs)
	if err != nil {
		return nil, err
	}
	ttl := arg(args, 2)
	if ttl.Type() != js.TypeNumber || ttl.Float() <= 0 {
		return nil, invalid("ttlSeconds must be a positive number")
	}
	base, err := str(args, 3, "base")
	if err != nil {
		return nil, err
	}
	return o.c.Invite(o.ctx, id, role, time.Duration(ttl.Float()*float64(time.Second)), base)
}

// accept(link, title) redeems an invite link and resolves to the document's ID.
func (o *clientObject) accept(args []js.Value) (any, error) {
	link, err := str(args, 0, "link")
	if err != nil {
		return nil, err
	}
	title, err := str(args, 1, "title")
	if err != nil {
		return nil, err
	}
	id, err := o.c.Accept(o.ctx, link, title)
	if err != nil {
		return nil, err
	}
	return id.String(), nil
}

func (o *clientObject) members(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	ms, err := o.c.Members(o.ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]any, len(ms))
	for i, m := range ms {
		out[i] = map[string]any{
			"id":          m.Identity.ID().String(),
			"role":        roleName(m.Role),
			"fingerprint": m.Identity.Fingerprint(),
			"publicKey":   m.Identity.String(),
			"me":          m.Me,
		}
	}
	return out, nil
}

// add(doc, publicKey, role) adds a member, after the caller compared its fingerprint in
// person.
func (o *clientObject) add(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	pub, err := publicArg(args, 1)
	if err != nil {
		return nil, err
	}
	rs, err := str(args, 2, "role")
	if err != nil {
		return nil, err
	}
	role, err := parseRole(rs)
	if err != nil {
		return nil, err
	}
	return nil, o.c.Add(o.ctx, id, pub, role)
}

func (o *clientObject) revoke(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	member, err := identityIDArg(args, 1)
	if err != nil {
		return nil, err
	}
	return nil, o.c.Revoke(o.ctx, id, member)
}

// transfer(doc, successorPublicKey, consentID, leave) hands the document to the next
// counsellor.
func (o *clientObject) transfer(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	pub, err := publicArg(args, 1)
	if err != nil {
		return nil, err
	}
	consent, err := str(args, 2, "consent ID")
	if err != nil {
		return nil, err
	}
	return nil, o.c.Transfer(o.ctx, id, pub, consent, arg(args, 3).Truthy())
}

func (o *clientObject) leave(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	return nil, o.c.Leave(o.ctx, id)
}

func (o *clientObject) erase(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	return nil, o.c.Erase(o.ctx, id)
}

// setPresence(doc, field) tells the other members which field this client is on ("" for
// none).
func (o *clientObject) setPresence(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	field := ""
	if v := arg(args, 1); !v.IsUndefined() && !v.IsNull() {
		if field, err = str(args, 1, "field"); err != nil {
			return nil, err
		}
	}
	return nil, o.c.SetPresence(o.ctx, id, field)
}

// peers(doc) returns, at once, the other members present on the document, freshest first:
// [{id, field, seen}] with seen in milliseconds since 1970; none for a document ID that is not
// one. (A Go function called from JavaScript cannot throw, and a panic would end the program.)
func (o *clientObject) peers(args []js.Value) any {
	id, err := docID(args, 0)
	if err != nil {
		return []any{}
	}
	ps := o.c.Peers(id)
	out := make([]any, len(ps))
	for i, p := range ps {
		out[i] = map[string]any{"id": p.ID.String(), "field": p.Field, "seen": float64(p.Seen.UnixMilli())}
	}
	return out
}

// progress adapts an optional JavaScript onProgress(done, total) to a client.Progress.
func progress(v js.Value) client.Progress {
	if v.Type() != js.TypeFunction {
		return nil
	}
	return func(done, total int64) {
		_ = try(func() { v.Invoke(float64(done), float64(total)) })
	}
}

// attachmentObject describes an attachment to JavaScript: what the document's file entry
// records (key is secret: it belongs inside the encrypted document only).
func attachmentObject(a client.Attachment) map[string]any {
	return map[string]any{"id": a.ID.String(), "size": float64(a.Size), "key": a.Key}
}

func attachmentArg(v js.Value) (client.Attachment, error) {
	var a client.Attachment
	if v.Type() != js.TypeObject || v.Get("id").Type() != js.TypeString || v.Get("key").Type() != js.TypeString || v.Get("size").Type() != js.TypeNumber {
		return a, invalid("attachment must be {id, size, key} as attach resolved")
	}
	if n, err := hex.Decode(a.ID[:], []byte(v.Get("id").String())); err != nil || n != len(a.ID) {
		return a, invalid("attachment id must be 64 hex digits")
	}
	a.Size, a.Key = int64(v.Get("size").Float()), v.Get("key").String()
	return a, nil
}

// attach(doc, entryID, bytes, onProgress) encrypts bytes as an attachment of the document's
// file entry, stores it and uploads it when a relay is reachable; it resolves to {id, size,
// key}, which the web app records in the entry.
func (o *clientObject) attach(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	entry, err := str(args, 1, "entry ID")
	if err != nil {
		return nil, err
	}
	data, err := bytesFromJS(arg(args, 2))
	if err != nil || data == nil {
		return nil, invalid("attachment content must be a Uint8Array")
	}
	if len(data) > client.MaxAttachmentBytes {
		return nil, invalid("attachment of %d bytes is over the limit of %d", len(data), client.MaxAttachmentBytes)
	}
	a, err := o.c.Attach(o.ctx, id, entry, bytes.NewReader(data), progress(arg(args, 3)))
	if err != nil {
		return nil, err
	}
	return attachmentObject(a), nil
}

// fetch(doc, entryID, attachment, onProgress) resolves to the attachment's content, from the
// store or else from the relay, after it verified.
func (o *clientObject) fetch(args []js.Value) (any, error) {
	id, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	entry, err := str(args, 1, "entry ID")
	if err != nil {
		return nil, err
	}
	a, err := attachmentArg(arg(args, 2))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := o.c.Fetch(o.ctx, id, entry, a, &buf, progress(arg(args, 3))); err != nil {
		return nil, fmt.Errorf("fetch attachment: %w", err)
	}
	return bytesToJS(buf.Bytes()), nil
}

// uploadPending(onProgress) uploads every stored attachment not yet on the relay.
func (o *clientObject) uploadPending(args []js.Value) (any, error) {
	return nil, o.c.UploadPending(o.ctx, progress(arg(args, 0)))
}
