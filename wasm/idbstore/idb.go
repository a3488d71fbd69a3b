//go:build js

package idbstore

import (
	"errors"
	"fmt"
	"syscall/js"
)

// This file is the thin layer over the IndexedDB API: transactions, requests and errors. The
// rest of the package speaks Go.
//
// # Waiting inside a transaction
//
// An IndexedDB transaction commits by itself as soon as the task that handles its last request
// ends without making a new one. The store's methods wait for a request's result on a channel
// and then make the next request from the same goroutine. That is safe because of how Go's
// js/wasm runtime handles a call from JavaScript (the request's success handler): it runs the
// handler, then lets every goroutine that the handler woke run until all are blocked again, and
// only then returns to JavaScript. So the waiting goroutine continues inside the success event's
// dispatch, while the transaction is still active. A method therefore must not wait, inside a
// transaction, for anything but that transaction's own requests: a mutex or a reader could let
// the transaction commit half done.

// jsError is an exception thrown by a JavaScript call, or an IndexedDB error (a DOMException).
type jsError struct {
	name, msg string
}

func (e *jsError) Error() string {
	if e.msg == "" {
		return "indexeddb: " + e.name
	}
	return "indexeddb: " + e.name + ": " + e.msg
}

// errFromJS describes the DOMException or Error v.
func errFromJS(v js.Value) error {
	if v.IsNull() || v.IsUndefined() {
		return &jsError{name: "UnknownError"}
	}
	e := &jsError{name: "Error"}
	if n := v.Get("name"); n.Type() == js.TypeString {
		e.name = n.String()
	}
	if m := v.Get("message"); m.Type() == js.TypeString {
		e.msg = m.String()
	}
	return e
}

// try runs fn and turns an exception thrown by a JavaScript call into an error. syscall/js
// reports exceptions as panics with a js.Error.
func try(fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			jerr, ok := r.(js.Error)
			if !ok {
				panic(r)
			}
			err = errFromJS(jerr.Value)
		}
	}()
	fn()
	return nil
}

// await waits for the IndexedDB request req and returns its result. A failed request also
// aborts its transaction (its error event is not cancelled).
func await(req js.Value) (js.Value, error) {
	ch := make(chan bool, 1)
	ok := js.FuncOf(func(js.Value, []js.Value) any { ch <- true; return nil })
	fail := js.FuncOf(func(js.Value, []js.Value) any { ch <- false; return nil })
	defer ok.Release()
	defer fail.Release()
	req.Set("onsuccess", ok)
	req.Set("onerror", fail)
	if <-ch {
		return req.Get("result"), nil
	}
	return js.Undefined(), errFromJS(req.Get("error"))
}

// tx is one IndexedDB transaction.
type tx struct {
	v        js.Value
	done     chan error // receives nil once the transaction committed, or why it aborted
	complete js.Func
	abort    js.Func
	stores   map[string]js.Value
}

// begin starts a transaction over stores in mode "readonly" or "readwrite". Read-write
// transactions ask for strict durability: their complete event fires only once the data is on
// disk (browsers otherwise may report completion before flushing).
func begin(db js.Value, mode string, stores ...string) (*tx, error) {
	names := make([]any, len(stores))
	for i, s := range stores {
		names[i] = s
	}
	t := &tx{done: make(chan error, 1), stores: make(map[string]js.Value, len(stores))}
	err := try(func() {
		if mode == "readwrite" {
			t.v = db.Call("transaction", names, mode, map[string]any{"durability": "strict"})
		} else {
			t.v = db.Call("transaction", names, mode)
		}
	})
	if err != nil {
		return nil, err
	}
	t.complete = js.FuncOf(func(js.Value, []js.Value) any {
		t.finish(nil)
		return nil
	})
	t.abort = js.FuncOf(func(js.Value, []js.Value) any {
		err := t.v.Get("error")
		if err.IsNull() || err.IsUndefined() {
			t.finish(errAborted)
		} else {
			t.finish(errFromJS(err))
		}
		return nil
	})
	t.v.Set("oncomplete", t.complete)
	t.v.Set("onabort", t.abort)
	return t, nil
}

var errAborted = errors.New("indexeddb: transaction aborted")

func (t *tx) finish(err error) {
	select {
	case t.done <- err:
	default:
	}
}

// store returns the transaction's object store name.
func (t *tx) store(name string) js.Value {
	s, ok := t.stores[name]
	if !ok {
		s = t.v.Call("objectStore", name)
		t.stores[name] = s
	}
	return s
}

// request makes a request on store name and returns it without waiting. An exception (such as
// a transaction that is no longer active) is returned as an error.
func (t *tx) request(name, method string, args ...any) (req js.Value, err error) {
	err = try(func() { req = t.store(name).Call(method, args...) })
	if err != nil {
		err = fmt.Errorf("%s %s: %w", method, name, err)
	}
	return req, err
}

// call makes a request on store name and waits for its result.
func (t *tx) call(name, method string, args ...any) (js.Value, error) {
	req, err := t.request(name, method, args...)
	if err != nil {
		return js.Undefined(), err
	}
	res, err := await(req)
	if err != nil {
		return js.Undefined(), fmt.Errorf("%s %s: %w", method, name, err)
	}
	return res, nil
}

// get returns the value under key in store name, or undefined.
func (t *tx) get(name string, key any) (js.Value, error) { return t.call(name, "get", key) }

// put stores value under key in store name, without waiting: a failure aborts the transaction
// and shows in [tx.commit].
func (t *tx) put(name string, value, key any) error {
	_, err := t.request(name, "put", value, key)
	return err
}

// del deletes key or a key range from store name, without waiting.
func (t *tx) del(name string, key any) error {
	_, err := t.request(name, "delete", key)
	return err
}

// commit ends the transaction and waits until it is durable (read-write) or over (read-only).
func (t *tx) commit() error {
	defer t.release()
	// commit() makes the browser end the transaction now rather than after the current task;
	// older browsers lack it and commit on their own.
	if c := t.v.Get("commit"); c.Type() == js.TypeFunction {
		// An exception means that it is committing or aborted already: done says which.
		_ = try(func() { t.v.Call("commit") })
	}
	return <-t.done
}

// rollback aborts the transaction and waits for the abort, so that nothing of it happened.
func (t *tx) rollback() {
	defer t.release()
	if err := try(func() { t.v.Call("abort") }); err != nil {
		return // it finished already (committed or aborted): done has been sent
	}
	<-t.done
}

func (t *tx) release() {
	t.complete.Release()
	t.abort.Release()
}

// keyRange returns IDBKeyRange.bound(lower, upper), both inclusive.
func keyRange(lower, upper any) js.Value {
	return js.Global().Get("IDBKeyRange").Call("bound", lower, upper)
}

// prefixRange returns the range of every array key that starts with the elements of prefix.
// Arrays sort after every other key type, so [prefix..., []] is above every such key.
func prefixRange(prefix ...any) js.Value {
	upper := append(append([]any{}, prefix...), []any{})
	return keyRange(prefix, upper)
}

// bytesToJS copies b into a new Uint8Array.
func bytesToJS(b []byte) js.Value {
	a := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(a, b)
	return a
}

// bytesFromJS copies the Uint8Array v into a new slice; it returns nil for null or undefined.
func bytesFromJS(v js.Value) ([]byte, error) {
	if v.IsNull() || v.IsUndefined() {
		return nil, nil
	}
	if !v.InstanceOf(js.Global().Get("Uint8Array")) {
		return nil, errors.New("indexeddb: stored value is not bytes")
	}
	b := make([]byte, v.Get("byteLength").Int())
	js.CopyBytesToGo(b, v)
	return b, nil
}
