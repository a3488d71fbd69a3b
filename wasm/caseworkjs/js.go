//go:build js

package caseworkjs

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"syscall/js"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/casework/disclosure"
	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/casework/report"
	"github.com/mobio-sync/mobio/casework/research"
	"github.com/mobio-sync/mobio/casework/translate"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// This file holds the bridge's plumbing: errors, and conversions between Go and JavaScript
// values. It follows package wasm's js.go (the sync engine's bridge) without the promises:
// these functions return at once.
//
// A Go function called from JavaScript cannot throw. So a failed call returns an Error object
// instead of its result, and js/casework.js throws it; the raw functions on
// globalThis.mobioCasework are not meant to be called directly.

// scriptError is an exception thrown by JavaScript code that Go called (a document method).
type scriptError struct{ msg string }

func (e *scriptError) Error() string { return e.msg }

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errInvalid, fmt.Sprintf(format, args...))
}

// guarded runs fn, turning a panic (an exception of a JavaScript call) into an error.
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
func try(fn func()) error {
	_, err := guarded(func() (any, error) { fn(); return nil, nil })
	return err
}

// fromJS describes the thrown value v.
func fromJS(v js.Value) error {
	if v.Type() == js.TypeObject {
		if m := v.Get("message"); m.Type() == js.TypeString {
			return &scriptError{m.String()}
		}
	}
	return &scriptError{v.String()}
}

// errorCodes are the values of an Error's code property, by the errors they stand for, so
// that the web app can branch on them. The first match wins.
var errorCodes = []struct {
	code string
	errs []error
}{
	{"invalid-argument", []error{errInvalid}},
	{"no-consent", []error{casework.ErrNoConsent}},
	{"no-operator", []error{consent.ErrNoOperator}},
	{"not-found", []error{consent.ErrNotFound, consent.ErrUnknownText, disclosure.ErrNoShare,
		disclosure.ErrAmbiguousShare, disclosure.ErrUnknownRecipient, disclosure.ErrNoSuchDocument,
		plan.ErrNoEntry, plan.ErrAmbiguous, plan.ErrNoPlan, plan.ErrNoAgreement}},
	{"already", []error{consent.ErrAlreadyWithdrawn, disclosure.ErrWithdrawn, plan.ErrAlreadySigned,
		plan.ErrPlanExists}},
	{"closed", []error{plan.ErrClosed}},
	{"changed", []error{translate.ErrChanged, plan.ErrPlanChanged}},
	{"bad-signature", []error{plan.ErrBadSignature, plan.ErrSameSigner, plan.ErrUnknownSigner}},
	{"expired", []error{disclosure.ErrExpired}},
	{"bad-link", []error{disclosure.ErrBadLink}},
	{"decrypt", []error{keyring.ErrDecrypt, disclosure.ErrMalformed}},
	{"empty", []error{disclosure.ErrEmpty, translate.ErrEmpty}},
	{"too-large", []error{disclosure.ErrTooLarge}},
	{"not-allowed", []error{translate.ErrNotAllowed}},
	{"translation", []error{translate.ErrUnsupported, translate.ErrAuth, translate.ErrQuota,
		translate.ErrUnavailable, translate.ErrSameLang}},
	{"invalid", []error{errValue, consent.ErrInvalid, disclosure.ErrNotOffered, disclosure.ErrUnknownPath,
		disclosure.ErrIncomplete, plan.ErrPeriodTooLong, plan.ErrReasonRequired, plan.ErrBadDate,
		plan.ErrMissing, plan.ErrUnknownCode, plan.ErrOutOfRange, plan.ErrOutcomeNeedsGoal,
		report.ErrDefinition, report.ErrPeriod, research.ErrKTooSmall, research.ErrQuasi, research.ErrNoLog}},
}

// errorCode returns the code of err: one of errorCodes, "script" for an exception of the
// document, else "error".
func errorCode(err error) string {
	for _, c := range errorCodes {
		for _, e := range c.errs {
			if errors.Is(err, e) {
				return c.code
			}
		}
	}
	var serr *scriptError
	if errors.As(err, &serr) {
		return "script"
	}
	return "error"
}

// jsError turns err into a JavaScript Error whose message is err's text and whose code is
// errorCode's. The errors of case work name the problem, never the document's content.
func jsError(err error) js.Value {
	e := js.Global().Get("Error").New(err.Error())
	e.Set("code", errorCode(err))
	return e
}

// fn is a function of the API: it returns its result as a Go value that toJS converts, or an
// error.
type fn func(args []js.Value) (any, error)

// export wraps f for JavaScript: its result converted, or an Error for its error or panic.
func export(f fn) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) any {
		v, err := guarded(func() (any, error) {
			v, err := f(args)
			if err != nil {
				return nil, err
			}
			return toJS(v)
		})
		if err != nil {
			return jsError(err)
		}
		return v
	})
}

// rawJSON is a result already encoded as JSON.
type rawJSON []byte

// toJS converts a result: js.Value, strings, numbers, booleans, nil and []byte (a Uint8Array)
// as they are, maps and slices of any element by element; anything else through its JSON
// encoding, so that Go types cross with their json tags.
func toJS(v any) (any, error) {
	switch v := v.(type) {
	case nil, js.Value, string, bool, int, float64:
		return v, nil
	case []byte:
		return bytesToJS(v), nil
	case rawJSON:
		return js.Global().Get("JSON").Call("parse", string(v)), nil
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			c, err := toJS(x)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return js.ValueOf(out), nil
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			c, err := toJS(x)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return js.ValueOf(out), nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode the result: %w", err)
	}
	return js.Global().Get("JSON").Call("parse", string(b)), nil
}

// bytesToJS copies b into a new Uint8Array.
func bytesToJS(b []byte) js.Value {
	a := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(a, b)
	return a
}

// bytesFromJS copies the Uint8Array v.
func bytesFromJS(v js.Value, what string) ([]byte, error) {
	if v.Type() != js.TypeObject || !v.InstanceOf(js.Global().Get("Uint8Array")) {
		return nil, invalid("%s must be a Uint8Array", what)
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

// absent reports whether v is undefined or null.
func absent(v js.Value) bool { return v.IsUndefined() || v.IsNull() }

// str returns the string argument args[i], named what.
func str(args []js.Value, i int, what string) (string, error) {
	v := arg(args, i)
	if v.Type() != js.TypeString {
		return "", invalid("%s must be a string", what)
	}
	return v.String(), nil
}

// optStr returns the string argument args[i], or "" when it is absent.
func optStr(args []js.Value, i int, what string) (string, error) {
	if absent(arg(args, i)) {
		return "", nil
	}
	return str(args, i, what)
}

// docArg returns the document argument args[i].
func docArg(args []js.Value, i int) (*caseDoc, error) { return newCaseDoc(arg(args, i)) }

// decode decodes the object argument args[i] into v through JSON; an absent argument leaves
// v as it is. Unknown keys are refused, so that a misspelt option is not silently ignored.
func decode(args []js.Value, i int, what string, v any) error {
	a := arg(args, i)
	if absent(a) {
		return nil
	}
	if a.Type() != js.TypeObject {
		return invalid("%s must be an object", what)
	}
	var s string
	if err := try(func() { s = js.Global().Get("JSON").Call("stringify", a).String() }); err != nil {
		return invalid("%s: %v", what, err)
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return invalid("%s: %v", what, err)
	}
	return nil
}

// timeOf reads an instant: a Date, milliseconds since 1970, or an RFC 3339 string. An absent
// value is def.
func timeOf(v js.Value, what string, def time.Time) (time.Time, error) {
	switch {
	case absent(v):
		return def, nil
	case v.Type() == js.TypeNumber:
		return time.UnixMilli(int64(v.Float())).UTC(), nil
	case v.Type() == js.TypeString:
		return parseTime(v.String(), what)
	case v.InstanceOf(js.Global().Get("Date")):
		return time.UnixMilli(int64(v.Call("getTime").Float())).UTC(), nil
	}
	return time.Time{}, invalid("%s must be a Date, milliseconds or an RFC 3339 string", what)
}

// parseTime reads an RFC 3339 instant, or a day (YYYY-MM-DD) as its midnight in UTC.
func parseTime(s, what string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, invalid("%s must be an RFC 3339 time or a date YYYY-MM-DD", what)
}

// jsonTime is an instant in a JSON argument: an RFC 3339 string or a day.
type jsonTime struct{ time.Time }

func (t *jsonTime) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return errors.New("a time must be an RFC 3339 string")
	}
	if s == "" {
		t.Time = time.Time{}
		return nil
	}
	v, err := parseTime(s, "time")
	t.Time = v
	return err
}

// provenance is a provenance argument: {source, by, at}.
type provenance struct {
	Source string   `json:"source"`
	By     string   `json:"by"`
	At     jsonTime `json:"at"`
}

func (p provenance) casework() casework.Provenance {
	return casework.Provenance{Source: p.Source, By: p.By, At: p.At.Time}
}

// provArg reads the provenance argument args[i]: who makes the change, as
// {source: "self" | "counsellor", by: identity ID}.
func provArg(args []js.Value, i int) (casework.Provenance, error) {
	var p provenance
	if err := decode(args, i, "by (the provenance {source, by})", &p); err != nil {
		return casework.Provenance{}, err
	}
	switch p.Source {
	case "self", "counsellor", "document":
	default:
		return casework.Provenance{}, invalid("by.source must be self, counsellor or document")
	}
	return p.casework(), nil
}

// textJSON is a free-text field as the API returns it.
type textJSON struct {
	Text         string                     `json:"text"`
	Lang         string                     `json:"lang,omitempty"`
	Translations map[string]translationJSON `json:"translations,omitempty"`
}

type translationJSON struct {
	Text     string `json:"text"`
	Source   string `json:"source,omitempty"`
	Engine   string `json:"engine,omitempty"`
	By       string `json:"by,omitempty"`
	At       string `json:"at,omitempty"`
	Outdated bool   `json:"outdated,omitempty"`
}

func textOf(t casework.Text) textJSON {
	out := textJSON{Text: t.Text, Lang: t.Lang}
	for lang, tr := range t.Translations {
		if out.Translations == nil {
			out.Translations = map[string]translationJSON{}
		}
		out.Translations[lang] = translationJSON{Text: tr.Text, Source: tr.Source, Engine: tr.Engine, By: tr.By,
			At: formatTime(tr.At), Outdated: tr.Outdated}
	}
	return out
}

// formatTime writes an instant as RFC 3339 in UTC, or "" for none.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
