//go:build js

package wasm

import (
	"errors"
	"fmt"
	"syscall/js"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

// This file holds the bridge's plumbing: promises, errors and conversions between Go and
// JavaScript values.
//
// # Never block the event loop
//
// JavaScript calls into Go synchronously, and everything the client does waits for something
// that only the event loop delivers (IndexedDB, the WebSocket, fetch). A Go function called
// from JavaScript that waited for such a thing would wait forever. So every API function that
// may wait returns a Promise at once and does its work in a new goroutine, which settles the
// Promise when done. Only functions that read memory (peers, identity fields) return plain
// values.

// promise returns a Promise settled by fn, which runs in a new goroutine: resolved with its
// value (converted by js.ValueOf), or rejected with an Error for its error. A panic in fn
// (such as an exception thrown by a JavaScript callback) rejects the promise too.
func promise(fn func() (any, error)) js.Value {
	executor := js.FuncOf(func(this js.Value, args []js.Value) any {
		resolve, reject := args[0], args[1]
		go func() {
			v, err := guarded(fn)
			if err != nil {
				reject.Invoke(jsError(err))
				return
			}
			resolve.Invoke(v)
		}()
		return nil
	})
	// The Promise constructor calls the executor before it returns.
	p := js.Global().Get("Promise").New(executor)
	executor.Release()
	return p
}

// guarded runs fn, turning a panic into an error.
func guarded(fn func() (any, error)) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			if jerr, ok := r.(js.Error); ok {
				err = fromJS(jerr.Value)
				return
			}
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return fn()
}

// try runs fn and turns an exception thrown by a JavaScript call into an error.
func try(fn func()) (err error) {
	_, err = guarded(func() (any, error) { fn(); return nil, nil })
	return err
}

// scriptError is an exception thrown by JavaScript code that Go called, with its code
// property when that is a string (an Error of the case-work module, say).
type scriptError struct{ msg, code string }

func (e *scriptError) Error() string { return e.msg }

// fromJS describes the thrown value v.
func fromJS(v js.Value) error {
	if v.Type() == js.TypeObject {
		if m := v.Get("message"); m.Type() == js.TypeString {
			e := &scriptError{msg: m.String()}
			if c := v.Get("code"); c.Type() == js.TypeString {
				e.code = c.String()
			}
			return e
		}
	}
	return &scriptError{msg: v.String()}
}

// errorCodes are the values of a rejected Error's code property, by the sentinel error they
// stand for, so that the web app can branch on them.
var errorCodes = []struct {
	err  error
	code string
}{
	{client.ErrOffline, "offline"},
	{client.ErrClosed, "closed"},
	{client.ErrNotMember, "not-member"},
	{client.ErrReadOnly, "read-only"},
	{client.ErrErased, "erased"},
	{client.ErrNotFound, "not-found"},
	{client.ErrExists, "exists"},
	{client.ErrNoSuchPackage, "no-such-package"},
	{client.ErrPackageTaken, "package-taken"},
	{keyring.ErrWrongPassphrase, "wrong-passphrase"},
	{keyring.ErrDecrypt, "decrypt"},
	{errInvalid, "invalid-argument"},
}

// errInvalid: an argument from JavaScript is missing or malformed.
var errInvalid = errors.New("invalid argument")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errInvalid, fmt.Sprintf(format, args...))
}

// jsError turns err into a JavaScript Error whose message is err's text and whose code is one
// of errorCodes (or "error"), a relay's refusal's code ("relay-<n>"), or for an exception of a
// callback its own string code, else "script". Error texts of the client and keyring name the
// problem, never content or keys.
func jsError(err error) js.Value {
	e := js.Global().Get("Error").New(err.Error())
	code := "error"
	for _, c := range errorCodes {
		if errors.Is(err, c.err) {
			code = c.code
			break
		}
	}
	var perr *protocol.Error
	if code == "error" && errors.As(err, &perr) {
		code = fmt.Sprintf("relay-%d", perr.Code)
	}
	var serr *scriptError
	if code == "error" && errors.As(err, &serr) {
		code = "script"
		if serr.code != "" {
			code = serr.code
		}
	}
	e.Set("code", code)
	return e
}

// bytesToJS copies b into a new Uint8Array.
func bytesToJS(b []byte) js.Value {
	a := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(a, b)
	return a
}

// bytesFromJS copies the Uint8Array v; it returns nil for null or undefined.
func bytesFromJS(v js.Value) ([]byte, error) {
	if v.IsNull() || v.IsUndefined() {
		return nil, nil
	}
	if !v.InstanceOf(js.Global().Get("Uint8Array")) {
		return nil, fmt.Errorf("%w: want a Uint8Array, got a %s", errInvalid, v.Type())
	}
	b := make([]byte, v.Get("byteLength").Int())
	js.CopyBytesToGo(b, v)
	return b, nil
}

// arg returns args[i], or undefined when there are fewer arguments.
func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// str returns the string argument args[i], named what.
func str(args []js.Value, i int, what string) (string, error) {
	v := arg(args, i)
	if v.Type() != js.TypeString {
		return "", invalid("%s must be a string", what)
	}
	return v.String(), nil
}

func docID(args []js.Value, i int) (e2ee.DocID, error) {
	s, err := str(args, i, "document ID")
	if err != nil {
		return e2ee.DocID{}, err
	}
	id, err := e2ee.ParseDocID(s)
	if err != nil {
		return e2ee.DocID{}, invalid("document ID: %v", err)
	}
	return id, nil
}

func parseRole(s string) (e2ee.Role, error) {
	for _, r := range []e2ee.Role{e2ee.RoleOwner, e2ee.RoleCounsellor, e2ee.RoleViewer} {
		if r.String() == s {
			return r, nil
		}
	}
	return 0, invalid("role %q: want owner, counsellor or viewer", s)
}

// roleName is the role's name, or "" for none.
func roleName(r e2ee.Role) string {
	if !r.Valid() {
		return ""
	}
	return r.String()
}

// funcs is a JavaScript object's methods implemented in Go, kept so that they can be
// released.
type funcs []js.Func

// method sets obj[name] to fn and keeps it.
func (f *funcs) method(obj js.Value, name string, fn func(args []js.Value) any) {
	jf := js.FuncOf(func(this js.Value, args []js.Value) any { return fn(args) })
	*f = append(*f, jf)
	obj.Set(name, jf)
}

func (f *funcs) release() {
	for _, jf := range *f {
		jf.Release()
	}
	*f = nil
}

// newObject returns a new empty JavaScript object.
func newObject() js.Value { return js.Global().Get("Object").New() }
