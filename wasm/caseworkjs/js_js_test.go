//go:build js

package caseworkjs

import (
	"errors"
	"fmt"
	"syscall/js"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/casework/disclosure"
	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// The web app branches on an Error's code, also when the error is wrapped on its way out.
func TestErrorsCarryTheCodeTheWebAppBranchesOn(t *testing.T) {
	tests := []struct {
		err  error
		code string
	}{
		{invalid("docs must be an array"), "invalid-argument"},
		{fmt.Errorf("consent x: %w", casework.ErrNoConsent), "no-consent"},
		{consent.ErrNoOperator, "no-operator"},
		{fmt.Errorf("open package: %w", keyring.ErrDecrypt), "decrypt"},
		{disclosure.ErrExpired, "expired"},
		{plan.ErrPlanChanged, "changed"},
		{plan.ErrPlanExists, "already"},
		{fmt.Errorf("%s: %w", "person.gender", errValue), "invalid"},
		{&scriptError{"doc threw"}, "script"},
		{errors.New("something else"), "error"},
	}
	for _, tt := range tests {
		e := jsError(tt.err)
		if got := e.Get("code").String(); got != tt.code {
			t.Errorf("%v: code %q, want %q", tt.err, got, tt.code)
		}
		if !e.InstanceOf(js.Global().Get("Error")) || e.Get("message").String() != tt.err.Error() {
			t.Errorf("%v: not an Error with its message", tt.err)
		}
	}
}

// A call that fails returns an Error instead of throwing, and an exception of the document
// becomes one too; js/casework.js throws them.
func TestExportedFunctionsReturnErrors(t *testing.T) {
	f := export(func(args []js.Value) (any, error) {
		d, err := docArg(args, 0)
		if err != nil {
			return nil, err
		}
		return d.Field("person.gender")
	})
	defer f.Release()
	throwing := js.Global().Get("Object").New()
	for _, m := range docMethods {
		throwing.Set(m, js.Global().Get("Function").New("throw new Error('boom')"))
	}
	for name, tt := range map[string]struct {
		arg  any
		code string
	}{"not a document": {42, "invalid-argument"}, "a document that throws": {throwing, "script"}} {
		r := f.Invoke(tt.arg)
		if !r.InstanceOf(js.Global().Get("Error")) || r.Get("code").String() != tt.code {
			t.Errorf("%s: returned %v, want an Error with code %s", name, r, tt.code)
		}
	}
}

// Instants come as Dates, milliseconds or RFC 3339 text, days as YYYY-MM-DD.
func TestTimesFromJavaScript(t *testing.T) {
	want := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	for _, v := range []js.Value{
		js.ValueOf("2026-11-20T10:30:00+01:00"),
		js.ValueOf(float64(want.UnixMilli())),
		js.Global().Get("Date").New(float64(want.UnixMilli())),
	} {
		got, err := timeOf(v, "t", time.Time{})
		if err != nil || !got.Equal(want) {
			t.Errorf("timeOf(%v) = %v, %v; want %v", v, got, err, want)
		}
	}
	if got, err := timeOf(js.ValueOf("2026-11-20"), "t", time.Time{}); err != nil || !got.Equal(want.Truncate(24*time.Hour)) {
		t.Errorf("a day: %v, %v", got, err)
	}
	if _, err := timeOf(js.ValueOf("tomorrow"), "t", time.Time{}); !errors.Is(err, errInvalid) {
		t.Errorf("tomorrow: %v, want errInvalid", err)
	}
	if got, _ := timeOf(js.Undefined(), "t", want); !got.Equal(want) {
		t.Errorf("absent: %v, want the default", got)
	}
}
