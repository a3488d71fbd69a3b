//go:build js

// Package wasm is the browser client's bridge: it exposes mobio's sync engine (package client),
// its cryptography (e2ee, e2ee/keyring) and the IndexedDB store (wasm/idbstore) to JavaScript
// as globalThis.mobio, for the web app. The documents themselves stay in JavaScript, in
// @automerge/automerge (js/doc.js), behind the small document interface the engine needs.
//
// README.md beside this file documents the JavaScript API; the command wasm/cmd/mobio-wasm is
// the program the browser loads. The package builds only for js/wasm.
package wasm

import (
	"context"
	"errors"
	"sync"
	"syscall/js"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/wasm/idbstore"
)

// DefaultDB is the IndexedDB database the API uses when none is named.
const DefaultDB = "mobio"

// identities maps the handles of opened identities (the _handle of the objects openIdentity
// returns) to the identities, so that newClient finds the secret keys without JavaScript ever
// holding them.
var identities = struct {
	sync.Mutex
	next int
	m    map[int]*keyring.Identity
}{m: map[int]*keyring.Identity{}}

// Register installs the API on globalThis.mobio and returns it. The program must keep running
// afterwards (block forever) for the API to be callable.
func Register() js.Value {
	api := newObject()
	var fs funcs // never released: the API lives as long as the program
	fs.method(api, "createIdentity", createIdentity)
	fs.method(api, "storedIdentity", storedIdentity)
	fs.method(api, "openIdentity", openIdentity)
	fs.method(api, "newClient", newClient)
	fs.method(api, "fetchPackage", fetchPackage)
	api.Set("version", "1")
	js.Global().Set("mobio", api)
	return api
}

// dbName reads the db option of opts (an object or undefined).
func dbName(opts js.Value) (string, error) {
	if opts.Type() != js.TypeObject {
		return DefaultDB, nil
	}
	v := opts.Get("db")
	switch v.Type() {
	case js.TypeUndefined, js.TypeNull:
		return DefaultDB, nil
	case js.TypeString:
		if v.String() != "" {
			return v.String(), nil
		}
	}
	return "", invalid("db must be a non-empty string")
}

// passphrase reads the passphrase argument.
func passphrase(args []js.Value, i int) ([]byte, error) {
	p, err := str(args, i, "passphrase")
	if err != nil {
		return nil, err
	}
	if p == "" {
		return nil, invalid("passphrase is empty")
	}
	return []byte(p), nil
}

// createIdentity(passphrase, {db}) makes a new identity, seals it with the passphrase, stores
// the sealed identity in IndexedDB and resolves to its bytes.
func createIdentity(args []js.Value) any {
	pass, perr := passphrase(args, 0)
	db, derr := dbName(arg(args, 1))
	return promise(func() (any, error) {
		if err := errors.Join(perr, derr); err != nil {
			return nil, err
		}
		id, err := keyring.NewIdentity()
		if err != nil {
			return nil, err
		}
		sealed, err := id.Seal(pass)
		if err != nil {
			return nil, err
		}
		ctx := context.Background()
		s, err := idbstore.Open(ctx, db)
		if err != nil {
			return nil, err
		}
		defer s.Close()
		if err := s.SaveIdentity(ctx, sealed); err != nil {
			return nil, err
		}
		return bytesToJS(sealed), nil
	})
}

// storedIdentity({db}) resolves to the sealed identity stored in IndexedDB, or null.
func storedIdentity(args []js.Value) any {
	db, derr := dbName(arg(args, 0))
	return promise(func() (any, error) {
		if derr != nil {
			return nil, derr
		}
		ctx := context.Background()
		s, err := idbstore.Open(ctx, db)
		if err != nil {
			return nil, err
		}
		defer s.Close()
		sealed, err := s.Identity(ctx)
		if errors.Is(err, client.ErrNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		return bytesToJS(sealed), nil
	})
}

// openIdentity(sealed, passphrase) opens a sealed identity and resolves to an object
// describing its public half, which newClient takes. A wrong passphrase rejects with code
// "wrong-passphrase".
func openIdentity(args []js.Value) any {
	sealed, serr := bytesFromJS(arg(args, 0))
	pass, perr := passphrase(args, 1)
	return promise(func() (any, error) {
		if err := errors.Join(serr, perr); err != nil {
			return nil, err
		}
		if sealed == nil {
			return nil, invalid("sealed identity must be a Uint8Array")
		}
		id, err := keyring.OpenIdentity(sealed, pass)
		if err != nil {
			return nil, err
		}
		identities.Lock()
		identities.next++
		h := identities.next
		identities.m[h] = id
		identities.Unlock()
		return identityObject(id, h), nil
	})
}

// identityObject describes an opened identity to JavaScript: public facts only, and the
// handle by which newClient finds it.
func identityObject(id *keyring.Identity, handle int) js.Value {
	pub := id.Public()
	o := newObject()
	o.Set("id", id.ID().String())
	o.Set("short", id.ID().Short())
	o.Set("fingerprint", pub.Fingerprint())
	o.Set("qr", pub.QRPayload())
	o.Set("publicKey", pub.String())
	o.Set("_handle", handle)
	var fs funcs // kept while the page lives, like the identity
	// recoveryKit(passphrase) resolves to the printable recovery kit text.
	fs.method(o, "recoveryKit", func(args []js.Value) any {
		pass, err := passphrase(args, 0)
		return promise(func() (any, error) {
			if err != nil {
				return nil, err
			}
			return id.RecoveryKit(pass)
		})
	})
	// sign(label, parts) resolves to the signature of parts under label, for the few labels
	// JavaScript may have signed (casework.go).
	fs.method(o, "sign", func(args []js.Value) any { return sign(id, args) })
	// seal(passphrase) resolves to the identity sealed under a (new) passphrase; it is not
	// stored.
	fs.method(o, "seal", func(args []js.Value) any {
		pass, err := passphrase(args, 0)
		return promise(func() (any, error) {
			if err != nil {
				return nil, err
			}
			sealed, err := id.Seal(pass)
			if err != nil {
				return nil, err
			}
			return bytesToJS(sealed), nil
		})
	})
	return o
}

// identityOf returns the identity behind an object openIdentity made.
func identityOf(v js.Value) (*keyring.Identity, error) {
	if v.Type() != js.TypeObject || v.Get("_handle").Type() != js.TypeNumber {
		return nil, invalid("identity must be an object from openIdentity")
	}
	identities.Lock()
	defer identities.Unlock()
	id, ok := identities.m[v.Get("_handle").Int()]
	if !ok {
		return nil, invalid("identity is unknown")
	}
	return id, nil
}

// newClient({identity, newDoc, relay, db, onEvent, software}) opens the IndexedDB store and
// resolves to a client object (see client.go).
func newClient(args []js.Value) any {
	opts := arg(args, 0)
	return promise(func() (any, error) {
		if opts.Type() != js.TypeObject {
			return nil, invalid("newClient takes an options object")
		}
		id, err := identityOf(opts.Get("identity"))
		if err != nil {
			return nil, err
		}
		newDoc := opts.Get("newDoc")
		if newDoc.Type() != js.TypeFunction {
			return nil, invalid("newDoc must be a function (bytes or null) → document object")
		}
		onEvent := opts.Get("onEvent")
		if t := onEvent.Type(); t != js.TypeFunction && t != js.TypeUndefined && t != js.TypeNull {
			return nil, invalid("onEvent must be a function")
		}
		relay := ""
		if v := opts.Get("relay"); v.Type() == js.TypeString {
			relay = v.String()
		} else if !v.IsUndefined() && !v.IsNull() {
			return nil, invalid("relay must be a WebSocket URL string")
		}
		software := "mobio-web"
		if v := opts.Get("software"); v.Type() == js.TypeString && v.String() != "" {
			software = v.String()
		}
		db, err := dbName(opts)
		if err != nil {
			return nil, err
		}
		store, err := idbstore.Open(context.Background(), db)
		if err != nil {
			return nil, err
		}
		cfg := client.Config{
			Identity: id,
			Store:    store,
			NewDoc:   docFactory(newDoc),
			Relay:    relay,
			Software: software,
		}
		if onEvent.Type() == js.TypeFunction {
			cfg.OnEvent = func(ev client.Event) { deliver(onEvent, ev) }
		}
		c, err := client.New(cfg)
		if err != nil {
			store.Close()
			return nil, err
		}
		return newClientObject(c, id, store), nil
	})
}

// deliver calls the JavaScript event handler with ev. An exception from the handler is the
// web app's bug; it is swallowed, so that the client's event goroutine survives it.
func deliver(onEvent js.Value, ev client.Event) {
	o := newObject()
	o.Set("kind", ev.Kind.String())
	if !ev.Doc.IsZero() {
		o.Set("doc", ev.Doc.String())
	}
	if !ev.Author.IsZero() {
		o.Set("author", ev.Author.String())
	}
	o.Set("pending", ev.Pending)
	if ev.Err != nil {
		o.Set("error", ev.Err.Error())
	}
	_ = try(func() { onEvent.Invoke(o) })
}

// identityIDArg parses an identity ID argument.
func identityIDArg(args []js.Value, i int) (e2ee.IdentityID, error) {
	s, err := str(args, i, "member ID")
	if err != nil {
		return e2ee.IdentityID{}, err
	}
	id, err := e2ee.ParseIdentityID(s)
	if err != nil {
		return e2ee.IdentityID{}, invalid("member ID: %v", err)
	}
	return id, nil
}

// publicArg parses a public identity in its text form (identity.publicKey).
func publicArg(args []js.Value, i int) (e2ee.IdentityPublic, error) {
	s, err := str(args, i, "public key")
	if err != nil {
		return e2ee.IdentityPublic{}, err
	}
	p, err := e2ee.ParseIdentityText(s)
	if err != nil {
		return e2ee.IdentityPublic{}, invalid("public key: %v", err)
	}
	return p, nil
}
