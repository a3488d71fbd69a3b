//go:build js

package wasm

import (
	"context"
	"encoding/json"
	"syscall/js"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// This file holds what case work needs of this module: the identity's signature and the
// relay. The rules of case work run in the case-work module (wasm/caseworkjs), which prepares
// the bytes to sign or seal and records the result, and never holds the identity.

// labelPlanAgreement is casework/plan.LabelAgreement; this module does not link the plan
// package (and its schema catalogue), and a test holds the two equal.
const labelPlanAgreement = "mobio/v1/plan-agreement"

// signable are the labels identity.sign signs under, with the check of their parts. An
// identity's key signs envelopes, membership operations and packages under other labels;
// JavaScript must never obtain such a signature, so every other label is refused.
var signable = map[string]func(parts [][]byte) error{
	// The document ID, the SHA-256 digest of the plan's canonical rendering, the side.
	labelPlanAgreement: func(parts [][]byte) error {
		if len(parts) != 3 {
			return invalid("a plan agreement signs 3 parts: document ID, digest, role")
		}
		if _, err := e2ee.ParseDocID(string(parts[0])); err != nil {
			return invalid("the first part must be the document ID: %v", err)
		}
		if len(parts[1]) != 32 {
			return invalid("the second part must be the plan's 32-byte digest")
		}
		if r := string(parts[2]); r != "client" && r != "counsellor" {
			return invalid("the third part must be the role client or counsellor")
		}
		return nil
	},
}

// sign(label, parts) signs parts (Uint8Arrays) under label with the identity and resolves to
// the signature, for the labels in signable only: what the case-work module's agreementPayload
// returns.
func sign(id *keyring.Identity, args []js.Value) any {
	label, lerr := str(args, 0, "label")
	var parts [][]byte
	perr := partsArg(arg(args, 1), &parts)
	return promise(func() (any, error) {
		if lerr != nil {
			return nil, lerr
		}
		check, ok := signable[label]
		if !ok {
			return nil, invalid("the identity signs nothing under %q from JavaScript", label)
		}
		if perr != nil {
			return nil, perr
		}
		if err := check(parts); err != nil {
			return nil, err
		}
		sig, err := id.Sign(label, parts...)
		if err != nil {
			return nil, err
		}
		return bytesToJS(sig), nil
	})
}

// partsArg reads an array of Uint8Arrays.
func partsArg(v js.Value, parts *[][]byte) error {
	if v.Type() != js.TypeObject || !js.Global().Get("Array").Call("isArray", v).Bool() {
		return invalid("parts must be an array of Uint8Arrays")
	}
	for i := 0; i < v.Length(); i++ {
		b, err := bytesFromJS(v.Index(i))
		if err != nil || b == nil {
			return invalid("parts[%d] must be a Uint8Array", i)
		}
		*parts = append(*parts, b)
	}
	return nil
}

// packageIDArg parses a package ID argument (unpadded URL-safe base64).
func packageIDArg(args []js.Value, i int) (client.PackageID, error) {
	s, err := str(args, i, "package ID")
	if err != nil {
		return client.PackageID{}, err
	}
	id, err := client.ParsePackageID(s)
	if err != nil {
		return client.PackageID{}, invalid("package ID: %v", err)
	}
	return id, nil
}

// sealPackage(packageId, plaintext) signs and encrypts a package body that the case-work
// module's packagePlaintext made, and resolves to {packageId, key, ciphertext}: the
// ciphertext goes to the relay (putPackage), the key into the link's fragment and nowhere
// else. The body must name packageId: the identity seals disclosure packages only.
func (o *clientObject) sealPackage(args []js.Value) (any, error) {
	id, err := packageIDArg(args, 0)
	if err != nil {
		return nil, err
	}
	body, err := bytesFromJS(arg(args, 1))
	if err != nil || len(body) == 0 {
		return nil, invalid("plaintext must be a non-empty Uint8Array")
	}
	var head struct {
		Format int    `json:"format"`
		ID     string `json:"id"`
	}
	if err := json.Unmarshal(body, &head); err != nil || head.Format == 0 || head.ID != id.String() {
		return nil, invalid("plaintext must be the body of package %s, as packagePlaintext made it", id)
	}
	ct, key, err := keyring.SealPackage(o.id, id, body)
	if err != nil {
		return nil, err
	}
	return map[string]any{"packageId": id.String(), "key": bytesToJS(key[:]), "ciphertext": bytesToJS(ct)}, nil
}

// timeArg reads an instant: a Date, milliseconds since 1970 or an RFC 3339 string.
func timeArg(v js.Value, what string) (time.Time, error) {
	switch {
	case v.Type() == js.TypeNumber:
		return time.UnixMilli(int64(v.Float())), nil
	case v.Type() == js.TypeString:
		t, err := time.Parse(time.RFC3339Nano, v.String())
		if err != nil {
			return time.Time{}, invalid("%s must be an RFC 3339 time", what)
		}
		return t, nil
	case v.Type() == js.TypeObject && v.InstanceOf(js.Global().Get("Date")):
		return time.UnixMilli(int64(v.Call("getTime").Float())), nil
	}
	return time.Time{}, invalid("%s must be a Date, milliseconds or an RFC 3339 string", what)
}

// putPackage(doc, packageId, ciphertext, expires) stores a sealed package on the relay until
// expires. Needs the relay; a member who may write the document.
func (o *clientObject) putPackage(args []js.Value) (any, error) {
	doc, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	id, err := packageIDArg(args, 1)
	if err != nil {
		return nil, err
	}
	ct, err := bytesFromJS(arg(args, 2))
	if err != nil || len(ct) == 0 {
		return nil, invalid("ciphertext must be a non-empty Uint8Array")
	}
	expires, err := timeArg(arg(args, 3), "expires")
	if err != nil {
		return nil, err
	}
	return nil, o.c.PutPackage(o.ctx, doc, id, ct, expires)
}

// withdrawPackage(doc, packageId) withdraws a package: the relay deletes it before it answers.
func (o *clientObject) withdrawPackage(args []js.Value) (any, error) {
	doc, err := docID(args, 0)
	if err != nil {
		return nil, err
	}
	id, err := packageIDArg(args, 1)
	if err != nil {
		return nil, err
	}
	return nil, o.c.WithdrawPackage(o.ctx, doc, id)
}

// fetchPackage(relay, packageId) resolves to a package's ciphertext, fetched without an
// identity (the ID is the capability). relay is the relay's WebSocket URL or its http(s)
// address.
func fetchPackage(args []js.Value) any {
	relay, rerr := str(args, 0, "relay")
	id, ierr := packageIDArg(args, 1)
	return promise(func() (any, error) {
		if rerr != nil {
			return nil, rerr
		}
		if ierr != nil {
			return nil, ierr
		}
		b, err := client.FetchPackage(context.Background(), nil, relay, id)
		if err != nil {
			return nil, err
		}
		return bytesToJS(b), nil
	})
}
