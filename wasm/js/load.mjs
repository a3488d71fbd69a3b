// load.mjs: loads mobio.wasm in Node for the tests, the way a page loads it with Go's
// wasm_exec.js: an IndexedDB from fake-indexeddb (Node has none), then the Go program, which
// hands over its API (globalThis.mobio) through globalThis.onMobioReady.
//
// The wasm binary is $MOBIO_WASM when set, else it is built once into a temporary directory
// with the go command (GOOS=js GOARCH=wasm go build ./wasm/cmd/mobio-wasm).

import "fake-indexeddb/auto";
import { execFileSync } from "node:child_process";
import { readFileSync, mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, "..", "..");

let built;

// wasmPath returns the path of mobio.wasm, building it when needed.
export function wasmPath() {
  if (process.env.MOBIO_WASM) return process.env.MOBIO_WASM;
  if (built) return built;
  const out = path.join(mkdtempSync(path.join(tmpdir(), "mobio-wasm-")), "mobio.wasm");
  execFileSync("go", ["build", "-o", out, "./wasm/cmd/mobio-wasm"], {
    cwd: root,
    env: { ...process.env, GOOS: "js", GOARCH: "wasm", CGO_ENABLED: "0" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  built = out;
  return out;
}

let wasmExecLoaded = false;

// loadMobio starts a new instance of the Go program and resolves to its API. Each call is a
// separate program with its own memory, as two browser tabs would be.
export async function loadMobio() {
  if (!wasmExecLoaded) {
    const goroot = execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
    const wasmExec = path.join(goroot, "lib", "wasm", "wasm_exec.js");
    if (!existsSync(wasmExec)) throw new Error(`no ${wasmExec}`);
    await import(pathToFileURL(wasmExec).href); // defines globalThis.Go
    wasmExecLoaded = true;
  }
  const go = new globalThis.Go();
  const ready = new Promise((resolve) => {
    globalThis.onMobioReady = resolve;
  });
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath()), go.importObject);
  go.run(instance); // runs until the page (here: the test) ends
  const api = await ready;
  delete globalThis.onMobioReady;
  return api;
}
