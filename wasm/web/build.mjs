// build.mjs builds the web app into dist/ (or the directory given as the first argument),
// which `mobio serve --web DIR` serves:
//
//   mobio.wasm            the Go client, GOOS=js GOARCH=wasm go build ./wasm/cmd/mobio-wasm
//   wasm_exec.js          Go's loader, from $(go env GOROOT)/lib/wasm
//   schema.json           the catalogue, `go run ./cmd/mobio schema export`
//   app.js, app.css       src/ bundled by esbuild, with ../js/doc.js and @automerge/automerge
//   index.html, sw.js, manifest.webmanifest, icon.svg
//
// sw.js gets the hash of all the other files as its cache name, so that every change of the
// app reaches browsers that have it cached. Needs `npm ci` here and in ../ (for Automerge).
// MOBIO_WASM=path skips the Go build and copies that module instead.

import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const out = path.resolve(process.argv[2] ?? path.join(here, "dist"));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const go = (args, env = {}) =>
  execFileSync("go", args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });

const started = Date.now();
if (process.env.MOBIO_WASM) {
  copyFileSync(process.env.MOBIO_WASM, path.join(out, "mobio.wasm"));
} else {
  go(["build", "-trimpath", "-ldflags=-s -w", "-o", path.join(out, "mobio.wasm"), "./wasm/cmd/mobio-wasm"], {
    GOOS: "js",
    GOARCH: "wasm",
    CGO_ENABLED: "0",
  });
}
const goroot = execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
copyFileSync(path.join(goroot, "lib", "wasm", "wasm_exec.js"), path.join(out, "wasm_exec.js"));
go(["run", "./cmd/mobio", "schema", "export", "-o", path.join(out, "schema.json")]);

await build({
  entryPoints: { app: path.join(here, "src", "main.js") },
  outdir: out,
  bundle: true,
  format: "esm",
  target: ["es2022"],
  minify: true,
  sourcemap: false,
  legalComments: "linked",
  // Automerge's "browser" entry imports its .wasm as a module, which needs a bundler
  // plugin; the entry its exports map names for the "webpack" condition carries the module
  // inline (base64) and initialises it synchronously, which is what a plain bundle wants.
  conditions: ["webpack"],
  logLevel: "warning",
});
// app.css is imported by nothing: bundle it on its own.
await build({
  entryPoints: { app: path.join(here, "src", "app.css") },
  outdir: out,
  bundle: true,
  minify: true,
  logLevel: "warning",
});

for (const f of ["index.html", "manifest.webmanifest", "icon.svg"]) {
  copyFileSync(path.join(here, f), path.join(out, f));
}

const h = createHash("sha256");
for (const f of readdirSync(out).sort()) {
  h.update(f);
  h.update(readFileSync(path.join(out, f)));
}
const version = h.digest("hex").slice(0, 16);
writeFileSync(path.join(out, "sw.js"), readFileSync(path.join(here, "sw.js"), "utf8").replaceAll("__BUILD__", version));

console.log(`web app built into ${path.relative(process.cwd(), out) || "."} (build ${version}) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
