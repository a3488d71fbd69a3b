// casework.js: the case-work module (mobio-casework.wasm), loaded on the first use of a
// case-work screen (sending to an agency, consents, plan, CV, translation, reports) and kept
// for the page's life. It is a second Go program beside mobio.wasm, started with the same
// wasm_exec.js (its own Go instance and memory); ../../js/casework.js wraps its functions so
// that they throw. The service worker keeps a copy, so case work opens offline too.

import { loadCasework } from "../../js/casework.js";

const MODULE = "mobio-casework.wasm";

let loading = null;
let loaded = null;

// casework resolves to the module's API, loading it on the first call. A failed load is
// forgotten, so that the next call tries again (after a network error, say).
export function casework() {
  loading ??= load().then(
    (api) => (loaded = api),
    (err) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

// caseworkLoaded is the API once loaded, else null: a screen can skip the "loading" state.
export function caseworkLoaded() {
  return loaded;
}

async function load() {
  try {
    return await loadCasework(MODULE);
  } catch (err) {
    // A cache or server that does not answer application/wasm cannot be compiled as it
    // streams in: compile from the bytes. (Any other failure fails this way too.)
    const resp = await fetch(MODULE);
    if (!resp.ok) throw new Error(`${MODULE}: ${resp.status}`, { cause: err });
    return loadCasework(new Uint8Array(await resp.arrayBuffer()));
  }
}
