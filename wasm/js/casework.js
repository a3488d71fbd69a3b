// casework.js: loads the case-work module (mobio-casework.wasm) and makes its API throw.
//
// The module's functions are Go functions called synchronously from JavaScript, which cannot
// throw: a failed call returns an Error (with a code property) instead of its result. The
// object loadCasework resolves to wraps every function so that such an Error is thrown, and
// client.edit discards what the edit did. See wasm/README.md, "Case work module".
//
// Go's wasm_exec.js (globalThis.Go) must be loaded first, as for mobio.wasm. The module is a
// separate Go program with its own memory; load it once per page, when a case-work screen or
// the package viewer opens.

// wrapCasework returns the API of the raw object the module registers
// (globalThis.mobioCasework): the same functions, throwing the Errors they return.
export function wrapCasework(raw) {
  const api = { version: raw.version };
  for (const [name, fn] of Object.entries(raw)) {
    if (typeof fn !== "function") continue;
    api[name] = (...args) => {
      const r = fn(...args);
      if (r instanceof Error) throw r;
      return r;
    };
  }
  return Object.freeze(api);
}

// loadCasework starts the module and resolves to its API. source is the module: a URL (fetched
// and compiled while it streams), a Response, or its bytes.
export async function loadCasework(source, { Go = globalThis.Go } = {}) {
  if (typeof Go !== "function") throw new Error("load Go's wasm_exec.js before the case-work module");
  const go = new Go();
  const ready = new Promise((resolve) => {
    globalThis.onMobioCaseworkReady = resolve;
  });
  let instance;
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    ({ instance } = await WebAssembly.instantiate(source, go.importObject));
  } else {
    const response = typeof source === "string" || source instanceof URL ? fetch(source) : source;
    ({ instance } = await WebAssembly.instantiateStreaming(response, go.importObject));
  }
  go.run(instance); // runs while the page lives
  const raw = await ready;
  delete globalThis.onMobioCaseworkReady;
  return wrapCasework(raw);
}
