//go:build js

package caseworkjs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"syscall/js"
	"time"

	"github.com/mobio-sync/mobio/casework/disclosure"
	"github.com/mobio-sync/mobio/casework/render"
)

// Sending a package to an agency takes both modules, as `mobio send` does in one process:
//
//  1. sendPreview here shows exactly what would be sent;
//  2. consentGive records the person's consent (unless one in force covers it);
//  3. packagePlaintext here completes the package and checks the consent once more;
//  4. the sync engine's client.sealPackage signs and encrypts it, client.putPackage stores it;
//  5. recordShare here writes the share entry, and packageLink makes the link.

// profiles() → what each recipient type gets by default and may get on request.
func profiles(args []js.Value) (any, error) {
	type profileJSON struct {
		disclosure.Profile
		Label string `json:"label"`
	}
	var out []profileJSON
	for _, p := range disclosure.Profiles() {
		out = append(out, profileJSON{Profile: p, Label: p.Label()})
	}
	return out, nil
}

// choicesJSON are the person's changes to a profile's default.
type choicesJSON struct {
	Name      string   `json:"name"`
	Include   []string `json:"include"`
	Exclude   []string `json:"exclude"`
	Documents []string `json:"documents"`
}

// preview reads the document, recipient type and choices arguments and returns the package
// that would be sent.
func preview(args []js.Value) (*caseDoc, disclosure.Package, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, disclosure.Package{}, err
	}
	to, err := str(args, 1, "recipient type")
	if err != nil {
		return nil, disclosure.Package{}, err
	}
	var c choicesJSON
	if err := decode(args, 2, "choices", &c); err != nil {
		return nil, disclosure.Package{}, err
	}
	prof, err := disclosure.ProfileFor(to)
	if err != nil {
		return nil, disclosure.Package{}, err
	}
	p, err := disclosure.Preview(d, prof, disclosure.Choices{Name: c.Name, Include: c.Include, Exclude: c.Exclude, Documents: c.Documents})
	return d, p, err
}

// sendPreview(doc, recipientType, choices) → the package as it would be sent: German labels
// and values, the original beside every translation. Its ID, document, consent and times are
// not filled in yet.
func sendPreview(args []js.Value) (any, error) {
	_, p, err := preview(args)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// packagePlaintext(doc, recipientType, choices, meta) → {package_id, plaintext, package}: the
// package completed with meta {document, consent, created, expires | ttl_seconds, files} and
// encoded, ready for client.sealPackage(package_id, plaintext). It fails with code no-consent
// unless consent meta.consent, recorded in doc, covers this recipient and these sections.
func packagePlaintext(args []js.Value) (any, error) {
	d, p, err := preview(args)
	if err != nil {
		return nil, err
	}
	meta := arg(args, 3)
	if meta.Type() != js.TypeObject {
		return nil, invalid("meta must be an object {document, consent, expires | ttl_seconds, files}")
	}
	if p.Document, err = propStr(meta, "document"); err != nil {
		return nil, err
	}
	if p.Consent, err = propStr(meta, "consent"); err != nil {
		return nil, err
	}
	if p.Created, err = timeOf(meta.Get("created"), "meta.created", time.Now()); err != nil {
		return nil, err
	}
	switch ttl := meta.Get("ttl_seconds"); {
	case ttl.Type() == js.TypeNumber:
		p.Expires = p.Created.Add(time.Duration(ttl.Float() * float64(time.Second)))
	case absent(meta.Get("expires")):
		return nil, invalid("meta needs expires or ttl_seconds")
	default:
		if p.Expires, err = timeOf(meta.Get("expires"), "meta.expires", time.Time{}); err != nil {
			return nil, err
		}
	}
	if files := meta.Get("files"); !absent(files) {
		if files.Type() != js.TypeObject || files.Length() < 0 {
			return nil, invalid("meta.files must be an array of {entry, name, media_type, data}")
		}
		for i := 0; i < files.Length(); i++ {
			f := files.Index(i)
			entry, err1 := propStr(f, "entry")
			name, err2 := propStr(f, "name")
			mt, err3 := propStr(f, "media_type")
			data, err4 := bytesFromJS(f.Get("data"), "meta.files[].data")
			for _, err := range []error{err1, err2, err3, err4} {
				if err != nil {
					return nil, err
				}
			}
			if err := p.AttachFile(entry, name, mt, data); err != nil {
				return nil, err
			}
		}
	}
	id := disclosure.NewPackageID()
	p.ID = id.String()
	if err := disclosure.CheckConsent(d, p); err != nil {
		return nil, err
	}
	body, err := p.Encode()
	if err != nil {
		return nil, err
	}
	// Decoding checks that the package is complete (what disclosure.Seal checks before it
	// seals), so that the sync engine is never asked to sign a package the viewer refuses.
	if _, err := disclosure.Decode(body); err != nil {
		return nil, err
	}
	return map[string]any{"package_id": p.ID, "plaintext": bytesToJS(body), "package": rawJSONValue(body)}, nil
}

// rawJSONValue parses JSON bytes into a JavaScript value.
func rawJSONValue(b []byte) js.Value { return js.Global().Get("JSON").Call("parse", string(b)) }

// propStr reads the string property key of object o.
func propStr(o js.Value, key string) (string, error) {
	if o.Type() != js.TypeObject || o.Get(key).Type() != js.TypeString {
		return "", invalid("%s must be a string", key)
	}
	return o.Get(key).String(), nil
}

// packageArg reads a package: the plaintext packagePlaintext returned (decoded strictly), or
// the package object.
func packageArg(args []js.Value, i int) (disclosure.Package, error) {
	v := arg(args, i)
	if v.Type() == js.TypeObject && v.InstanceOf(js.Global().Get("Uint8Array")) {
		b, err := bytesFromJS(v, "package")
		if err != nil {
			return disclosure.Package{}, err
		}
		return disclosure.Decode(b)
	}
	var p disclosure.Package
	if v.Type() != js.TypeObject {
		return p, invalid("the package must be an object or its plaintext bytes")
	}
	s := js.Global().Get("JSON").Call("stringify", v).String()
	if err := json.NewDecoder(strings.NewReader(s)).Decode(&p); err != nil {
		return p, invalid("package: %v", err)
	}
	return p, nil
}

// recordShare(doc, package, by) writes the share entry of a package stored on the relay and →
// its entry ID. Call it in client.edit after client.putPackage succeeded.
func recordShare(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	p, err := packageArg(args, 1)
	if err != nil {
		return nil, err
	}
	by, err := provArg(args, 2)
	if err != nil {
		return nil, err
	}
	return disclosure.RecordShare(d, p, by)
}

// packageLink(base, packageId, key) → the link for the recipient: the key (client.sealPackage's
// Uint8Array) in its fragment. The link is a secret.
func packageLink(args []js.Value) (any, error) {
	base, err := str(args, 0, "base")
	if err != nil {
		return nil, err
	}
	idText, err := str(args, 1, "package ID")
	if err != nil {
		return nil, err
	}
	id, err := disclosure.ParsePackageID(idText)
	if err != nil {
		return nil, invalid("package ID: %v", err)
	}
	kb, err := bytesFromJS(arg(args, 2), "key")
	if err != nil {
		return nil, err
	}
	var key disclosure.Key
	if len(kb) != len(key) {
		return nil, invalid("key must be %d bytes", len(key))
	}
	copy(key[:], kb)
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, invalid("base must be the relay's http(s) address")
	}
	return disclosure.Link(base, id, key), nil
}

// parsePackageLink(link) → {base, package_id, url}: where to fetch the ciphertext (GET url),
// without the key.
func parsePackageLink(args []js.Value) (any, error) {
	link, err := str(args, 0, "link")
	if err != nil {
		return nil, err
	}
	base, id, _, err := disclosure.ParseLink(link)
	if err != nil {
		return nil, err
	}
	return map[string]any{"base": base, "package_id": id.String(), "url": strings.TrimRight(base, "/") + "/packages/" + id.String()}, nil
}

// shareOut is a share entry as the API returns it.
type shareOut struct {
	ID            string   `json:"id"`
	RecipientType string   `json:"recipient_type"`
	RecipientName string   `json:"recipient_name,omitempty"`
	Sections      []string `json:"sections"`
	Documents     []string `json:"documents"`
	Consent       string   `json:"consent"`
	Created       string   `json:"created_at"`
	Expires       string   `json:"expires_at"`
	Revoked       string   `json:"revoked_at,omitempty"`
	PackageID     string   `json:"package_id"`
	State         string   `json:"state"` // active, expired or withdrawn
}

func shareOf(s disclosure.Share, now time.Time) shareOut {
	out := shareOut{ID: s.ID, RecipientType: s.RecipientType, RecipientName: s.RecipientName,
		Sections: s.Sections, Documents: s.Documents, Consent: s.Consent, Created: formatTime(s.Created),
		Expires: formatTime(s.Expires), Revoked: formatTime(s.Revoked), PackageID: s.PackageID, State: s.State(now)}
	if out.Sections == nil {
		out.Sections = []string{}
	}
	if out.Documents == nil {
		out.Documents = []string{}
	}
	return out
}

// shares(doc, now) → the packages sent, oldest first, with their state at now.
func shares(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	now, err := timeOf(arg(args, 1), "now", time.Now())
	if err != nil {
		return nil, err
	}
	ss, err := disclosure.Shares(d)
	if err != nil {
		return nil, err
	}
	out := []shareOut{}
	for _, s := range ss {
		out = append(out, shareOf(s, now))
	}
	return out, nil
}

// withdrawShare(doc, shareId, at, by) records the withdrawal of a share (an entry ID or its
// beginning) and → the share; the caller withdraws its package_id at the relay with
// client.withdrawPackage.
func withdrawShare(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	prefix, err := str(args, 1, "share ID")
	if err != nil {
		return nil, err
	}
	at, err := timeOf(arg(args, 2), "at", time.Now())
	if err != nil {
		return nil, err
	}
	by, err := provArg(args, 3)
	if err != nil {
		return nil, err
	}
	s, err := disclosure.FindShare(d, prefix)
	if err != nil {
		return nil, err
	}
	if s, err = disclosure.Withdraw(d, s.ID, at, by); err != nil {
		return nil, err
	}
	return shareOf(s, at), nil
}

// openPackage(link, ciphertext, now) → {package, sender: {id, short, fingerprint, public_key}}:
// the package decrypted with the link's key and its signature verified. A wrong key or
// tampered bytes fail with code decrypt, an expired package with code expired.
func openPackage(args []js.Value) (any, error) {
	link, err := str(args, 0, "link")
	if err != nil {
		return nil, err
	}
	ct, err := bytesFromJS(arg(args, 1), "ciphertext")
	if err != nil {
		return nil, err
	}
	now, err := timeOf(arg(args, 2), "now", time.Now())
	if err != nil {
		return nil, err
	}
	_, id, key, err := disclosure.ParseLink(link)
	if err != nil {
		return nil, err
	}
	p, sender, err := disclosure.Open(id, key, ct, now)
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"package": p,
		"sender": map[string]any{"id": sender.ID().String(), "short": sender.ID().Short(),
			"fingerprint": sender.Fingerprint(), "public_key": sender.String()},
	}, nil
}

// renderPackageHTML(package, {sender}) → a self-contained, printable German HTML page of the
// package: every item with its source, the original beside every translation.
func renderPackageHTML(args []js.Value) (any, error) {
	p, err := packageArg(args, 0)
	if err != nil {
		return nil, err
	}
	var o struct {
		Sender string `json:"sender"` // the sender's fingerprint, as openPackage returned it
	}
	if err := decode(args, 1, "options", &o); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := render.HTML(&b, packageDocument(p, o.Sender)); err != nil {
		return nil, fmt.Errorf("render the package: %w", err)
	}
	return b.String(), nil
}
