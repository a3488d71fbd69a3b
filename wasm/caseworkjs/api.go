//go:build js

package caseworkjs

import (
	"syscall/js"
)

// functions are the API's synchronous functions by their JavaScript names (README.md, "Case
// work module").
var functions = map[string]fn{
	// consent
	"consentLanguages":    consentLanguages,
	"consentTexts":        consentTexts,
	"consentText":         consentText,
	"consentCheck":        consentCheck,
	"consentGive":         consentGive,
	"consents":            consents,
	"consentValid":        consentValid,
	"consentEffects":      consentEffects,
	"consentWithdraw":     consentWithdraw,
	"consentEraseSection": consentEraseSection,
	// disclosure
	"profiles":          profiles,
	"sendPreview":       sendPreview,
	"packagePlaintext":  packagePlaintext,
	"recordShare":       recordShare,
	"packageLink":       packageLink,
	"parsePackageLink":  parsePackageLink,
	"shares":            shares,
	"withdrawShare":     withdrawShare,
	"openPackage":       openPackage,
	"renderPackageHTML": renderPackageHTML,
	// plan (and planEdits)
	"plan":             planRead,
	"planDue":          planDue,
	"agreementPayload": agreementPayload,
	"agreementRecord":  agreementRecord,
	"agreementVerify":  agreementVerify,
	// documents and translation
	"cvHTML":           cvHTML,
	"translatePrepare": translatePrepare,
	"translateRequest": translateRequest,
	"translateResult":  translateResult,
	"translateStore":   translateStore,
	"translateConfirm": translateConfirm,
	"reportCaseload":   reportCaseload,
	"researchExport":   researchExport,
}

// Version is the API's version; it goes up when a function changes incompatibly.
const Version = "1"

// Register installs the API on globalThis.mobioCasework and returns it. The program must keep
// running afterwards (block forever) for the API to be callable.
func Register() js.Value {
	api := js.Global().Get("Object").New()
	// The functions are never released: the API lives as long as the program.
	for name, f := range functions {
		api.Set(name, export(f))
	}
	for name, f := range planEdits {
		api.Set(name, export(f))
	}
	api.Set("version", Version)
	js.Global().Set("mobioCasework", api)
	return api
}
