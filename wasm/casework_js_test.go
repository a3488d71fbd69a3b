//go:build js

package wasm

import (
	"errors"
	"testing"

	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// JavaScript may have the identity sign a plan agreement and nothing else: the label is the
// plan package's, and the parts must be an agreement's.
func TestIdentitySignsOnlyPlanAgreementsFromJavaScript(t *testing.T) {
	if len(signable) != 1 || signable[plan.LabelAgreement] == nil {
		t.Fatalf("signable labels %v, want only %q", signable, plan.LabelAgreement)
	}
	check := signable[plan.LabelAgreement]
	doc := []byte("aebagbafaydqqcikbmga2dqpca")
	digest := make([]byte, 32)
	tests := []struct {
		name  string
		parts [][]byte
		ok    bool
	}{
		{"an agreement", [][]byte{doc, digest, []byte("client")}, true},
		{"the counsellor's side", [][]byte{doc, digest, []byte("counsellor")}, true},
		{"another role", [][]byte{doc, digest, []byte("owner")}, false},
		{"not a document ID", [][]byte{[]byte("x"), digest, []byte("client")}, false},
		{"a short digest", [][]byte{doc, digest[:31], []byte("client")}, false},
		{"more parts", [][]byte{doc, digest, []byte("client"), {}}, false},
	}
	for _, tt := range tests {
		if err := check(tt.parts); (err == nil) != tt.ok || err != nil && !errors.Is(err, errInvalid) {
			t.Errorf("%s: %v, want ok %v", tt.name, err, tt.ok)
		}
	}
	for _, label := range []string{keyring.LabelPackage, "mobio/v1/envelope", ""} {
		if _, ok := signable[label]; ok {
			t.Errorf("JavaScript may sign under %q", label)
		}
	}
}
