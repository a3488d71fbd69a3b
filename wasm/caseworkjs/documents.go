//go:build js

package caseworkjs

import (
	"bytes"
	"fmt"
	"strings"
	"syscall/js"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/cv"
	"github.com/mobio-sync/mobio/casework/render"
	"github.com/mobio-sync/mobio/casework/report"
	"github.com/mobio-sync/mobio/casework/research"
	"github.com/mobio-sync/mobio/casework/translate"
)

// cvHTML(doc, {birth_date, nationality, work_permission, date}) → the German CV as a
// self-contained, printable HTML page. The options add what a CV for an employer leaves out.
func cvHTML(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	var o struct {
		BirthDate      bool     `json:"birth_date"`
		Nationality    bool     `json:"nationality"`
		WorkPermission bool     `json:"work_permission"`
		Date           jsonTime `json:"date"`
	}
	if err := decode(args, 1, "options", &o); err != nil {
		return nil, err
	}
	doc, err := cv.Build(d, cv.Options{BirthDate: o.BirthDate, Nationality: o.Nationality,
		WorkPermission: o.WorkPermission, Date: o.Date.Time})
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := render.HTML(&b, doc); err != nil {
		return nil, fmt.Errorf("render the CV: %w", err)
	}
	return b.String(), nil
}

// requestJSON is a translation asked for and not yet sent: what leaves the device.
type requestJSON struct {
	Path string `json:"path"`
	Text string `json:"text"`
	Lang string `json:"lang"`
	To   string `json:"to"`
}

func (r requestJSON) request() translate.Request {
	return translate.Request{Path: r.Path, Text: r.Text, Lang: r.Lang, To: r.To}
}

// translatePrepare(doc, path, to) → {path, text, lang, to}: what would be sent to the
// translation service, to show the person before anything leaves the device.
func translatePrepare(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	path, err := str(args, 1, "path")
	if err != nil {
		return nil, err
	}
	to, err := str(args, 2, "target language")
	if err != nil {
		return nil, err
	}
	q, err := translate.Prepare(d, path, to)
	if err != nil {
		return nil, err
	}
	return requestJSON{Path: q.Path, Text: q.Text, Lang: q.Lang, To: q.To}, nil
}

// translationIn is a translation argument: the service's answer, or a person's.
type translationIn struct {
	Text   string   `json:"text"`
	Source string   `json:"source"`
	Engine string   `json:"engine"`
	By     string   `json:"by"`
	At     jsonTime `json:"at"`
}

// The web app sends the text to the translation service itself (fetch): net/http's transport
// would double this module's size. translateRequest says what to send and translateResult
// reads the answer, as casework/translate's LibreTranslate provider does natively.

// translateRequest(serviceURL, apiKey, request) → {url, method, headers, body}: the
// LibreTranslate call for request, to pass to fetch. Only send it after the person agreed to
// the text leaving the device.
func translateRequest(args []js.Value) (any, error) {
	base, err := str(args, 0, "service URL")
	if err != nil {
		return nil, err
	}
	key, err := optStr(args, 1, "API key")
	if err != nil {
		return nil, err
	}
	var q requestJSON
	if err := decode(args, 2, "request", &q); err != nil {
		return nil, err
	}
	target, body, err := libreTranslateRequest(base, key, q.request())
	if err != nil {
		return nil, err
	}
	return map[string]any{"url": target, "method": "POST", "body": string(body),
		"headers": map[string]any{"Content-Type": "application/json", "Accept": "application/json"}}, nil
}

// translateResult(request, status, body, at) → {text, source, engine, at}: the machine
// translation in the service's answer (HTTP status and body text), not stored yet, or the
// service's refusal (code translation).
func translateResult(args []js.Value) (any, error) {
	var q requestJSON
	if err := decode(args, 0, "request", &q); err != nil {
		return nil, err
	}
	status := arg(args, 1)
	if status.Type() != js.TypeNumber {
		return nil, invalid("status must be the HTTP status code")
	}
	body, err := str(args, 2, "body")
	if err != nil {
		return nil, err
	}
	at, err := timeOf(arg(args, 3), "at", time.Now())
	if err != nil {
		return nil, err
	}
	tr, err := libreTranslateResult(q.request(), status.Int(), []byte(body), at)
	if err != nil {
		return nil, err
	}
	return translationJSON{Text: tr.Text, Source: tr.Source, Engine: tr.Engine, At: formatTime(tr.At)}, nil
}

// translateStore(doc, request, translation) stores the translation beside the original,
// unless the text changed since translatePrepare (code changed). A machine translation keeps
// source "machine" and its engine until a person confirms it.
func translateStore(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	var q requestJSON
	if err := decode(args, 1, "request", &q); err != nil {
		return nil, err
	}
	var tr translationIn
	if err := decode(args, 2, "translation", &tr); err != nil {
		return nil, err
	}
	if tr.Source == "" {
		tr.Source = "machine"
	}
	if tr.At.IsZero() {
		tr.At.Time = time.Now().UTC()
	}
	return nil, translate.Store(d, q.request(), castTranslation(tr))
}

// translateConfirm(doc, path, lang, by, corrected, at) records that person by (an identity ID)
// checked the translation into lang; a non-empty corrected replaces its text. → the
// translation, now a human one.
func translateConfirm(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	path, err := str(args, 1, "path")
	if err != nil {
		return nil, err
	}
	lang, err := str(args, 2, "language")
	if err != nil {
		return nil, err
	}
	by, err := str(args, 3, "by")
	if err != nil {
		return nil, err
	}
	corrected, err := optStr(args, 4, "corrected text")
	if err != nil {
		return nil, err
	}
	at, err := timeOf(arg(args, 5), "at", time.Now())
	if err != nil {
		return nil, err
	}
	tr, err := translate.Confirm(d, path, lang, by, corrected, at)
	if err != nil {
		return nil, err
	}
	return translationJSON{Text: tr.Text, Source: tr.Source, Engine: tr.Engine, By: tr.By, At: formatTime(tr.At)}, nil
}

// docsArg reads an array of BiographyDoc objects.
func docsArg(args []js.Value, i int) ([]*caseDoc, error) {
	v := arg(args, i)
	if v.Type() != js.TypeObject || !js.Global().Get("Array").Call("isArray", v).Bool() {
		return nil, invalid("docs must be an array of BiographyDoc objects")
	}
	out := make([]*caseDoc, v.Length())
	for j := range out {
		d, err := newCaseDoc(v.Index(j))
		if err != nil {
			return nil, fmt.Errorf("docs[%d]: %w", j, err)
		}
		out[j] = d
	}
	return out, nil
}

// reportCaseload(docs, managers, from, to, format, {lang, definition, now}) → the caseload
// report for the period from–to (both days included) as "csv" or "html" text. managers names
// the integration manager of each document: an array beside docs, or one string for all.
// definition is a report definition's JSON (default: the embedded one); lang the language of
// headings (default German, which the funding authority reads).
func reportCaseload(args []js.Value) (any, error) {
	docs, err := docsArg(args, 0)
	if err != nil {
		return nil, err
	}
	managers := make([]string, len(docs))
	switch m := arg(args, 1); {
	case m.Type() == js.TypeString:
		for i := range managers {
			managers[i] = m.String()
		}
	case m.Type() == js.TypeObject && m.Length() == len(docs):
		for i := range managers {
			if m.Index(i).Type() != js.TypeString {
				return nil, invalid("managers[%d] must be a string", i)
			}
			managers[i] = m.Index(i).String()
		}
	case absent(m):
	default:
		return nil, invalid("managers must be a string or an array of strings beside docs")
	}
	from, err := timeOf(arg(args, 2), "from", time.Time{})
	if err != nil {
		return nil, err
	}
	to, err := timeOf(arg(args, 3), "to", time.Time{})
	if err != nil {
		return nil, err
	}
	if from.IsZero() || to.IsZero() {
		return nil, invalid("from and to are required")
	}
	format, err := str(args, 4, "format")
	if err != nil {
		return nil, err
	}
	var o struct {
		Lang       string   `json:"lang"`
		Definition string   `json:"definition"`
		Now        jsonTime `json:"now"`
	}
	if err := decode(args, 5, "options", &o); err != nil {
		return nil, err
	}
	def := report.Default()
	if o.Definition != "" {
		if def, err = report.ParseDefinition([]byte(o.Definition)); err != nil {
			return nil, err
		}
	}
	opts := report.Options{Lang: o.Lang}
	if !o.Now.IsZero() {
		opts.Now = func() time.Time { return o.Now.Time }
	}
	inputs := make([]report.Input, len(docs))
	for i, d := range docs {
		inputs[i] = report.Input{Doc: d, Manager: managers[i]}
	}
	res, err := report.Run(def, report.Period{From: from, To: to}, inputs, opts)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	switch format {
	case "csv":
		err = report.WriteCSV(&b, res)
	case "html":
		err = report.WriteHTML(&b, res)
	default:
		return nil, invalid("format must be csv or html (the spreadsheet is the CLI's)")
	}
	if err != nil {
		return nil, err
	}
	return b.String(), nil
}

// researchExport(docs, {who, k, quasi, max_suppression, now}) → the anonymised research
// release of the persons who consented: {csv, sha256, k, quasi, levels, considered,
// consented, released, generalised, suppressed, log}. log is the export log's JSON line,
// which the caller must keep (every export is logged); who is the exporting identity.
func researchExport(args []js.Value) (any, error) {
	docs, err := docsArg(args, 0)
	if err != nil {
		return nil, err
	}
	var o struct {
		Who            string   `json:"who"`
		K              int      `json:"k"`
		Quasi          []string `json:"quasi"`
		MaxSuppression float64  `json:"max_suppression"`
		Now            jsonTime `json:"now"`
	}
	if err := decode(args, 1, "options", &o); err != nil {
		return nil, err
	}
	var log strings.Builder
	opts := research.Options{K: o.K, Quasi: o.Quasi, MaxSuppression: o.MaxSuppression, Log: &log, Who: o.Who}
	if !o.Now.IsZero() {
		opts.Now = func() time.Time { return o.Now.Time }
	}
	inputs := make([]research.Input, len(docs))
	for i, d := range docs {
		inputs[i] = research.Input{Doc: d}
	}
	rel, err := research.Export(inputs, opts)
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"csv": string(rel.CSV), "sha256": rel.SHA256, "columns": rel.Columns, "k": rel.K, "quasi": rel.Quasi,
		"levels": rel.Levels, "considered": rel.Considered, "consented": rel.Consented, "released": len(rel.Records),
		"generalised": rel.Generalised, "suppressed": rel.Suppressed, "log": strings.TrimSpace(log.String()),
	}, nil
}

// castTranslation converts a translation argument.
func castTranslation(t translationIn) casework.Translation {
	return casework.Translation{Text: t.Text, Source: t.Source, Engine: t.Engine, By: t.By, At: t.At.Time}
}
