// load.mjs: loads mobio.wasm in Node for the tests, the way a page loads it with Go's
// wasm_exec.js: an IndexedDB from fake-indexeddb (Node has none), then the Go program, which
// hands over its API (globalThis.mobio) through globalThis.onMobioReady. loadCaseworkModule
// does the same for the case-work module (mobio-casework.wasm) through casework.js.
//
// The wasm binaries are $MOBIO_WASM and $MOBIO_CASEWORK_WASM when set, else they are built
// once into a temporary directory with the go command (GOOS=js GOARCH=wasm go build
// ./wasm/cmd/mobio-wasm, ./wasm/cmd/mobio-casework).

import "fake-indexeddb/auto";
import { execFileSync } from "node:child_process";
import { readFileSync, mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { loadCasework } from "./casework.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, "..", "..");

const built = {};

// build builds the program cmd (a directory under wasm/cmd) once, unless env names a binary.
function build(env, cmd) {
  if (process.env[env]) return process.env[env];
  if (built[cmd]) return built[cmd];
  const out = path.join(mkdtempSync(path.join(tmpdir(), "mobio-wasm-")), cmd + ".wasm");
  execFileSync("go", ["build", "-o", out, "./wasm/cmd/" + cmd], {
    cwd: root,
    env: { ...process.env, GOOS: "js", GOARCH: "wasm", CGO_ENABLED: "0" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  built[cmd] = out;
  return out;
}

// wasmPath returns the path of mobio.wasm, building it when needed.
export function wasmPath() {
  return build("MOBIO_WASM", "mobio-wasm");
}

// caseworkWasmPath returns the path of mobio-casework.wasm, building it when needed.
export function caseworkWasmPath() {
  return build("MOBIO_CASEWORK_WASM", "mobio-casework");
}

let wasmExecLoaded = false;

async function loadWasmExec() {
  if (wasmExecLoaded) return;
  const goroot = execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
  const wasmExec = path.join(goroot, "lib", "wasm", "wasm_exec.js");
  if (!existsSync(wasmExec)) throw new Error(`no ${wasmExec}`);
  await import(pathToFileURL(wasmExec).href); // defines globalThis.Go
  wasmExecLoaded = true;
}

// loadCaseworkModule starts a new instance of the case-work module and resolves to its API
// (casework.js).
export async function loadCaseworkModule() {
  await loadWasmExec();
  return loadCasework(readFileSync(caseworkWasmPath()));
}

// loadMobio starts a new instance of the Go program and resolves to its API. Each call is a
// separate program with its own memory, as two browser tabs would be.
export async function loadMobio() {
  await loadWasmExec();
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
