package caseworkjs

import (
	"fmt"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/translate"
)

// The LibreTranslate call of casework/translate without net/http: the browser's fetch sends
// the request that translate.LibreTranslateRequest builds, and translate.LibreTranslateResult
// reads the answer.

// libreTranslateRequest returns the address and JSON body that translate q at the service
// baseURL, with an optional API key.
func libreTranslateRequest(baseURL, apiKey string, q translate.Request) (string, []byte, error) {
	endpoint, body, err := translate.LibreTranslateRequest(baseURL, apiKey, q)
	if err != nil {
		return "", nil, fmt.Errorf("%w: %w", errInvalid, err)
	}
	return endpoint, body, nil
}

// libreTranslateResult reads the service's answer (status and body) to q as a machine
// translation made at at.
func libreTranslateResult(q translate.Request, status int, body []byte, at time.Time) (casework.Translation, error) {
	text, err := translate.LibreTranslateResult(q, status, body)
	if err != nil {
		return casework.Translation{}, err
	}
	return casework.Translation{Text: text, Source: "machine", Engine: "libretranslate", At: at.UTC()}, nil
}
