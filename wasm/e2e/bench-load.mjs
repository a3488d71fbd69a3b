// bench-load.mjs: how soon the web app is usable, measured in headless chromium (harness.mjs's
// flags) against a real relay (`mobio serve --web`) on 127.0.0.1. `make bench-web` runs it; it
// is a benchmark that prints figures, not a test: nothing here passes or fails on a time.
//
// For BENCH_WEB_RUNS runs (default 5) each, median and max of:
//
//   (a) first visit, online (a fresh browser profile each run): navigation start → the
//       identity screen (#create-identity, the form the tests wait for) is painted; also when
//       the service worker is active, i.e. every file is cached and the app works offline;
//   (b) reload with the network off (context.setOffline) once the service worker is installed:
//       navigation start → the unlock screen (#unlock) is painted. The unlock itself (argon2id,
//       then opening the biography until its form is shown) is reported on its own line;
//   (c) then, still offline, a case-work screen (the CV) opens: click → the screen is shown,
//       and the part of it that is the case-work module (mobio-casework.wasm from the service
//       worker's cache, compiled, its Go program started).
//
// Times are the page's performance.now() (0 is the navigation's start), taken by an init
// script that watches the DOM and wraps WebAssembly.instantiateStreaming; "painted" is the
// first animation frame after the element appeared, plus one task. Everything runs twice: as
// it is, and with the page's CPU slowed 4× (CDP Emulation.setCPUThrottlingRate), which
// approximates a mid-range phone (only the page's main thread is slowed: not the service
// worker, nor the compiler's background threads). The relay is on the loopback interface: no
// network time is in these figures beyond the host's own.
//
// The figures also go to $MOBIO_E2E_OUT/bench-load.json.

import { rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { Relay, createIdentity, device, outDir, prepare, unlock } from "./harness.mjs";

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const WAIT = 300_000; // a slowed page on a busy 2-core machine compiles 14 MB modules slowly
const PASS = "Bench passphrase 2024";

const PROFILES = [
  { key: "cpu1x", label: "desktop viewport, CPU as is (1×)", rate: 1, viewport: { width: 1100, height: 900 }, isMobile: false },
  {
    key: "cpu4x",
    label: "PHONE APPROXIMATION: 390×844 viewport, CPU slowed 4× (CDP Emulation.setCPUThrottlingRate)",
    rate: 4,
    viewport: { width: 390, height: 844 },
    isMobile: true,
  },
];

// instrument runs in every page before the app's scripts: it records when the screens appear
// (window.__bench.marks, performance.now() milliseconds) without changing what the app does.
function instrument() {
  const marks = {};
  const wasm = [];
  window.__bench = { marks, wasm };
  const mark = (k, t = performance.now()) => {
    if (!(k in marks)) marks[k] = t;
  };
  const WATCH = {
    boot: "#main > p.loading", // app.js evaluated, boot() started (Automerge and mobio.wasm compile beside it)
    create: "#create-identity",
    unlock: "#unlock",
    home: "#new-biography",
    doc: "#section [data-path]",
    cwLoading: "#casework-loading",
    cv: "#cv",
  };
  const check = () => {
    for (const [k, sel] of Object.entries(WATCH)) {
      if (k in marks || !document.querySelector(sel)) continue;
      mark(k);
      requestAnimationFrame(() => setTimeout(() => mark(`${k}Painted`), 0));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener("submit", () => mark("submit"), true);
  document.addEventListener(
    "click",
    (ev) => {
      const s = ev.target.closest?.("[data-section]")?.dataset.section;
      if (s) mark(`nav:${s}`);
    },
    true,
  );
  const stream = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = function (source, imports) {
    const rec = { name: "?", start: performance.now(), done: null };
    wasm.push(rec);
    const p = stream.call(WebAssembly, source, imports);
    p.then(
      () => (rec.done = performance.now()),
      () => {},
    );
    Promise.resolve(source).then(
      (r) => (rec.name = new URL(r.url).pathname.split("/").pop()),
      () => {},
    );
    return p;
  };
  // The Go programs announce themselves through these callbacks: note when.
  for (const name of ["onMobioReady", "onMobioCaseworkReady"]) {
    let fn;
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get: () =>
        fn &&
        ((...args) => {
          mark(name);
          return fn(...args);
        }),
      set: (v) => {
        fn = v;
      },
    });
  }
  try {
    navigator.serviceWorker?.ready.then(() => mark("swActive"));
  } catch {
    /* about:blank */
  }
}

// collect reads the marks and the resource timings of the page.
function collect(page) {
  return page.evaluate(() => {
    const res = {};
    for (const e of performance.getEntriesByType("resource")) {
      const name = new URL(e.name).pathname.split("/").pop();
      if (!/^(app\.js|mobio\.wasm|mobio-casework\.wasm|schema\.json|wasm_exec\.js)$/.test(name) || res[name]) continue;
      res[name] = { start: e.startTime, end: e.responseEnd, encoded: e.encodedBodySize, decoded: e.decodedBodySize, transfer: e.transferSize };
    }
    return { marks: { ...window.__bench.marks }, wasm: window.__bench.wasm.map((w) => ({ ...w })), res, openIdentity: window.__benchOpenIdentity ?? null };
  });
}

async function open(work, name, prof) {
  const who = await device(work, name, { locale: "de-DE", viewport: prof.viewport, isMobile: prof.isMobile });
  await who.context.addInitScript(instrument);
  who.cdp = await who.context.newCDPSession(who.page);
  return who;
}

const throttle = (who, rate) => who.cdp.send("Emulation.setCPUThrottlingRate", { rate });

// calibrate times a fixed loop in the page: the slowdown the throttling gives.
const calibrate = (page) =>
  page.evaluate(() => {
    const t = performance.now();
    let x = 0;
    for (let i = 0; i < 3e7; i++) x = (x + i * 7) % 1000003;
    return performance.now() - t + (x < 0 ? 1 : 0);
  });

const waitMark = (page, k) => page.waitForFunction((k) => window.__bench?.marks[k] !== undefined, k, { timeout: WAIT, polling: 50 });

async function firstVisit(work, relay, prof, i) {
  const who = await open(work, `first-${prof.key}-${i}`, prof);
  try {
    await throttle(who, prof.rate);
    await who.page.goto(`${relay.url}/`);
    await waitMark(who.page, "createPainted");
    await waitMark(who.page, "swActive");
    return await collect(who.page);
  } finally {
    await who.context.close();
    rmSync(path.join(work, `profile-first-${prof.key}-${i}`), { recursive: true, force: true });
  }
}

async function offlineRuns(work, relay, prof) {
  const who = await open(work, `offline-${prof.key}`, prof);
  const { page, context } = who;
  const runs = [];
  try {
    // Set up at full speed: an identity, a biography, the service worker with every file.
    await page.goto(`${relay.url}/`);
    await createIdentity(page, PASS);
    await page.locator("#bio-title").fill("Bench");
    await page.locator("#new-biography button[type=submit]").click();
    await page.locator("#section [data-path]").first().waitFor({ timeout: WAIT });
    const section = await page.evaluate(() => mobioApp.section);
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const key = (await caches.keys()).find((k) => k.startsWith("mobio-app-"));
      const cache = await caches.open(key);
      return Boolean((await cache.match("mobio-casework.wasm")) && (await cache.match("mobio.wasm")) && (await cache.match("app.js")) && (await cache.match("automerge.wasm")));
    });
    if (!cached) throw new Error("the service worker has not cached the app");
    await context.setOffline(true);
    await throttle(who, prof.rate);
    for (let i = 0; i < RUNS; i++) {
      // The biography opens at a form section after the unlock, not at a case-work screen.
      await page.evaluate((s) => localStorage.setItem("mobio.section", s), section);
      const resp = await page.reload();
      if (!resp?.fromServiceWorker()) throw new Error("the offline reload was not served by the service worker");
      await waitMark(page, "unlockPainted");
      // Time the passphrase stretch on its own: wrap the API the app calls (through app.mobio).
      await page.evaluate(() => {
        const api = mobioApp.mobio;
        mobioApp.mobio = new Proxy(api, {
          get(target, prop) {
            const v = Reflect.get(target, prop);
            if (prop !== "openIdentity") return typeof v === "function" ? v.bind(target) : v;
            return async (...args) => {
              const t = performance.now();
              try {
                return await v.apply(target, args);
              } finally {
                window.__benchOpenIdentity = performance.now() - t;
              }
            };
          },
        });
      });
      await unlock(page, PASS);
      await waitMark(page, "docPainted");
      await page.locator('#doc-nav [data-section="cv"]').click();
      await waitMark(page, "cvPainted");
      runs.push(await collect(page));
    }
    return { runs, calibration: await calibrate(page) };
  } finally {
    await context.setOffline(false).catch(() => {});
    await context.close();
  }
}

// --- figures ------------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x == null || Number.isNaN(x) ? "–" : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);

function rows(first, offline) {
  const wasmOf = (r, name) => r.wasm.find((w) => w.name === name);
  const f = (fn) => first.map(fn);
  const o = (fn) => offline.map(fn);
  return [
    ["(a) first visit online: nav start → identity screen painted", f((r) => r.marks.createPainted)],
    ["    … app.js downloaded (responseEnd)", f((r) => r.res["app.js"]?.end)],
    ["    … app.js evaluated, boot() starts", f((r) => r.marks.boot)],
    ["    … mobio.wasm compiled+instantiated (streaming)", f((r) => wasmOf(r, "mobio.wasm")?.done)],
    ["    … mobio.wasm Go program ready", f((r) => r.marks.onMobioReady)],
    ["(a') first visit: nav start → service worker active (offline-ready)", f((r) => r.marks.swActive)],
    ["(b) offline reload (SW): nav start → unlock screen painted", o((r) => r.marks.unlockPainted)],
    ["    … app.js evaluated, boot() starts", o((r) => r.marks.boot)],
    ["    … mobio.wasm Go program ready", o((r) => r.marks.onMobioReady)],
    ["unlock: submit → biography form painted", o((r) => r.marks.docPainted - r.marks.submit)],
    ["    … of which openIdentity (argon2id)", o((r) => r.openIdentity)],
    ["(c) offline: click CV → case-work screen painted", o((r) => r.marks.cvPainted - r.marks["nav:cv"])],
    ["    … module: fetch (SW cache) → Go program ready", o((r) => r.marks.onMobioCaseworkReady - wasmOf(r, "mobio-casework.wasm")?.start)],
    ["    … of which compile+instantiate (streaming)", o((r) => wasmOf(r, "mobio-casework.wasm")?.done - wasmOf(r, "mobio-casework.wasm")?.start)],
  ];
}

function table(title, rs) {
  const w = Math.max(...rs.map(([n]) => n.length));
  const lines = [title, `${"".padEnd(w)}  ${"median".padStart(8)}  ${"max".padStart(8)}   runs`];
  for (const [name, xs] of rs) {
    const v = xs.filter((x) => typeof x === "number" && !Number.isNaN(x));
    lines.push(`${name.padEnd(w)}  ${ms(v.length ? median(v) : null).padStart(8)}  ${ms(v.length ? Math.max(...v) : null).padStart(8)}   ${xs.map(ms).join(", ")}`);
  }
  return lines.join("\n");
}

// --- main ---------------------------------------------------------------------------------------

const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");
const loadBefore = load();
const work = prepare("bench");
const relay = new Relay(work);
const results = {};
try {
  await relay.start();
  for (const prof of PROFILES) {
    const first = [];
    for (let i = 0; i < RUNS; i++) {
      first.push(await firstVisit(work, relay, prof, i));
      process.stderr.write(`bench-web: ${prof.key} first visit ${i + 1}/${RUNS}\n`);
    }
    const off = await offlineRuns(work, relay, prof);
    process.stderr.write(`bench-web: ${prof.key} offline runs done\n`);
    results[prof.key] = { label: prof.label, first, offline: off.runs, calibration: off.calibration };
  }
} finally {
  await relay.stop();
  rmSync(work, { recursive: true, force: true });
}

const sizes = results.cpu1x.first[0].res;
const kb = (n) => `${(n / 1e6).toFixed(2)} MB`;
console.log(`\nmobio web app load times: headless chromium, relay on 127.0.0.1, ${RUNS} runs each (median, max)`);
// A shared machine's other work slows every figure: say how busy it was.
console.log(`host: ${cpus().length} cores, load average (1, 5, 15 min) ${loadBefore} before, ${load()} after`);
console.log(
  `first visit transfers: ${Object.entries(sizes)
    .map(([n, s]) => `${n} ${kb(s.encoded)} (${kb(s.decoded)} decoded)`)
    .join(", ")}`,
);
const base = results.cpu1x.calibration;
for (const prof of PROFILES) {
  const r = results[prof.key];
  console.log(`\n${table(`== ${r.label} \n   a fixed JS loop took ${ms(r.calibration)} here, ${(r.calibration / base).toFixed(1)}× the 1× run: the slowdown obtained on this host`, rows(r.first, r.offline))}`);
}
console.log("\n(DESIGN.md's target: usable offline within 1.5 s of load.)");
const file = path.join(outDir, "bench-load.json");
writeFileSync(file, JSON.stringify(results, null, 1));
console.log(`raw figures: ${path.relative(process.cwd(), file)}`);
