// Package caseworkjs is the browser's case work: the rules of package casework and its
// subpackages (consent, disclosure, plan, cv, translate, report, research) exposed to
// JavaScript as globalThis.mobioCasework, over the BiographyDoc objects of wasm/js/doc.js. It is
// the program wasm/cmd/mobio-casework, a second WebAssembly module that the web app loads only
// when a case-work screen or the package viewer opens: the schema catalogue, the consent texts
// and the renderers would make the sync engine's module (wasm/cmd/mobio-wasm) too large to load
// quickly.
//
// Every function is synchronous, so that it can run inside the sync engine's client.read and
// client.edit callbacks, which must be synchronous: it reads and writes the document object it
// is handed, and returns. The module never holds an identity. What needs the secret key
// (signing a plan agreement, sealing a package) or the network (storing and withdrawing
// packages) is the sync engine module's; this one prepares the bytes to sign or seal and
// records the result. The one exception is translate, which returns a Promise: the text goes to
// the operator's translation service through the browser's fetch.
//
// wasm/README.md ("Case work module") documents the JavaScript API, and wasm/js/casework.js
// loads the module and turns returned errors into exceptions. Values cross as JSON: the keys
// of data objects are the snake_case names of the schema and of the Go types' JSON (plan,
// disclosure packages); dates are ISO 8601 strings, instants RFC 3339 strings.
//
// The bridge builds only for js/wasm; the pure parts (value normalisation, the package's
// rendering model, the agreement record) build everywhere, so that they are tested natively
// against package crdt and casework/plan.
package caseworkjs
