// build.mjs builds the web app into dist/ (or the directory given as the first argument),
// which `mobio serve --web DIR` serves:
//
//   mobio.wasm            the Go client, GOOS=js GOARCH=wasm go build ./wasm/cmd/mobio-wasm
//   mobio-casework.wasm   the case-work rules, ./wasm/cmd/mobio-casework, loaded by the app on
//                         the first use of a case-work screen
//   wasm_exec.js          Go's loader, from $(go env GOROOT)/lib/wasm
//   schema.json           the catalogue, `go run ./cmd/mobio schema export`
//   app.js, app.css       src/ bundled by esbuild, with ../js/doc.js and @automerge/automerge/slim
//   automerge.wasm        Automerge's module, which main.js compiles while the app loads
//   index.html, sw.js, manifest.webmanifest, icon.svg
//   NAME.br, NAME.gz       brotli (quality 11) and gzip (level 9) copies of the large files,
//                          which the handler serves to browsers that accept them
//
// sw.js gets the hash of all the other files as its cache name, so that every change of the
// app reaches browsers that have it cached. Needs `npm ci` here and in ../ (for Automerge).
// MOBIO_WASM=path and MOBIO_CASEWORK_WASM=path skip the Go builds and copy those modules.
//
// The build fails when one of the app's words lacks a language (i18n.js, strings-casework.js)
// or a screen's module is missing (esbuild cannot resolve main.js's imports).
//
// Brotli at quality 11 takes most of a minute for mobio.wasm, so the compressed copies are
// also kept in $XDG_CACHE_HOME/mobio-web (~/.cache/mobio-web) under the hash of their input:
// a build whose module did not change reuses them. (Not in node_modules: `npm ci` empties it.)

import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const out = path.resolve(process.argv[2] ?? path.join(here, "dist"));

// Every word of the app in all five languages, before anything is built.
{
  const { missingTranslations, LANGS } = await import("./src/i18n.js");
  const missing = missingTranslations();
  const cw = await import("./src/strings-casework.js");
  for (const [key, text] of Object.entries(cw.strings ?? {})) {
    for (const l of LANGS) if (typeof text[l] !== "string" || text[l] === "") missing.push(`strings-casework.js ${key}.${l}`);
  }
  if (missing.length) {
    console.error(`build.mjs: words without a translation:\n  ${missing.join("\n  ")}`);
    process.exit(1);
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const go = (args, env = {}) =>
  execFileSync("go", args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });

const started = Date.now();

const modules = [
  ["mobio.wasm", "./wasm/cmd/mobio-wasm", process.env.MOBIO_WASM],
  ["mobio-casework.wasm", "./wasm/cmd/mobio-casework", process.env.MOBIO_CASEWORK_WASM],
];
for (const [name, pkg, prebuilt] of modules) {
  if (prebuilt) {
    copyFileSync(prebuilt, path.join(out, name));
    continue;
  }
  go(["build", "-trimpath", "-ldflags=-s -w", "-o", path.join(out, name), pkg], { GOOS: "js", GOARCH: "wasm", CGO_ENABLED: "0" });
}
const goroot = execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
copyFileSync(path.join(goroot, "lib", "wasm", "wasm_exec.js"), path.join(out, "wasm_exec.js"));
go(["run", "./cmd/mobio", "schema", "export", "-o", path.join(out, "schema.json")]);

// automergeSlim resolves doc.js's import of "@automerge/automerge" (the full entry, which
// Node's tests load) to the slim entry, which main.js initialises before the first use.
const automergeSlim = {
  name: "automerge-slim",
  setup(b) {
    b.onResolve({ filter: /^@automerge\/automerge$/ }, (args) =>
      b.resolve("@automerge/automerge/slim", { kind: args.kind, resolveDir: args.resolveDir }),
    );
  },
};
const automergeWasm = createRequire(path.join(root, "wasm", "js", "doc.js")).resolve("@automerge/automerge/automerge.wasm");

await build({
  entryPoints: { app: path.join(here, "src", "main.js") },
  outdir: out,
  bundle: true,
  format: "esm",
  target: ["es2022"],
  minify: true,
  sourcemap: false,
  legalComments: "linked",
  // Automerge's full entries carry its wasm inline (base64, most of the bundle, decoded before
  // the app starts) or import it as a module (which needs a bundler plugin). The bundle takes
  // the slim entry instead, for doc.js's import too, and main.js compiles automerge.wasm
  // (copied below) from its download while the rest of the app loads.
  plugins: [automergeSlim],
  logLevel: "warning",
});
// The slim entry's module, under the name main.js fetches.
copyFileSync(automergeWasm, path.join(out, "automerge.wasm"));
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

// --- precompressed copies -----------------------------------------------------------------------

// The files worth compressing: the app's large ones. index.html, sw.js and the icon are small,
// and a browser fetches sw.js on its own to look for updates.
const COMPRESS = ["mobio.wasm", "mobio-casework.wasm", "automerge.wasm", "app.js", "app.css", "wasm_exec.js", "schema.json"];
const cacheDir = path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "mobio-web");
mkdirSync(cacheDir, { recursive: true });

const encoders = {
  br: (buf) =>
    promisify(zlib.brotliCompress)(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_GENERIC,
      },
    }),
  gz: (buf) => promisify(zlib.gzip)(buf, { level: 9 }),
};

// compress writes out/name.ext, from the cache when the same input was compressed before.
// zlib's asynchronous calls run on libuv's thread pool, so the files compress in parallel.
async function compress(name, ext) {
  const input = readFileSync(path.join(out, name));
  const key = createHash("sha256").update(ext).update(input).digest("hex");
  const cached = path.join(cacheDir, `${key}.${ext}`);
  let data;
  try {
    data = readFileSync(cached);
  } catch {
    data = await encoders[ext](input);
    const tmp = `${cached}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, cached);
  }
  writeFileSync(path.join(out, `${name}.${ext}`), data);
  return { name, ext, key: path.basename(cached), plain: input.length, size: data.length };
}

const compressed = await Promise.all(COMPRESS.flatMap((name) => Object.keys(encoders).map((ext) => compress(name, ext))));
// The cache keeps the last build's copies only.
const keep = new Set(compressed.map((c) => c.key));
for (const f of readdirSync(cacheDir)) if (!keep.has(f) && !f.endsWith(".tmp")) rmSync(path.join(cacheDir, f), { force: true });
const sizeOf = (name, ext) => compressed.find((c) => c.name === name && c.ext === ext).size;
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
for (const [name] of modules) {
  const plain = compressed.find((c) => c.name === name).plain;
  console.log(
    `${name}: ${mb(plain)}, brotli ${mb(sizeOf(name, "br"))} (${sizeOf(name, "br")} bytes), ` +
      `gzip ${mb(sizeOf(name, "gz"))} (${sizeOf(name, "gz")} bytes)`,
  );
}
console.log(`app.js: ${mb(compressed.find((c) => c.name === "app.js").plain)}, brotli ${mb(sizeOf("app.js", "br"))}, gzip ${mb(sizeOf("app.js", "gz"))}`);
console.log(`web app built into ${path.relative(process.cwd(), out) || "."} (build ${version}) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
