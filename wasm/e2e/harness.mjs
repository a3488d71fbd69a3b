// harness.mjs: what the end-to-end tests share: the relay (`mobio serve --web`) on
// 127.0.0.1, browser profiles (Debian's chromium through playwright-core, each a fresh
// --user-data-dir standing for one device), screenshots, and the app's form controls.

import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "..", "..");
export const webDir = path.resolve(process.env.MOBIO_WEB_DIR ?? path.join(here, "..", "web", "dist"));
export const outDir = path.resolve(process.env.MOBIO_E2E_OUT ?? path.join(here, "out"));

// TIMEOUT bounds every wait for the page (a deadline, never a sleep). Generous because CI and
// developer machines with two cores load the two WebAssembly modules slowly when busy.
export const TIMEOUT = 60_000;
const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

function chromiumPath() {
  if (process.env.MOBIO_CHROMIUM) return process.env.MOBIO_CHROMIUM;
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(p)) return p;
  throw new Error("no chromium: apt-get install chromium, or set MOBIO_CHROMIUM");
}

// prepare makes the output directory and a work directory, builds the app when it is not
// built, and builds mobio; it returns the work directory.
export function prepare(name) {
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), `mobio-${name}-`));
  if (!existsSync(path.join(webDir, "index.html"))) {
    execFileSync("node", [path.join(here, "..", "web", "build.mjs"), webDir], { stdio: "inherit" });
  }
  execFileSync("go", ["build", "-o", path.join(work, "mobio"), "./cmd/mobio"], { cwd: root, stdio: "inherit" });
  return work;
}

// Relay runs mobio serve on 127.0.0.1 with the app (on the same port once it has one, so
// that a restart keeps the address the pages know).
export class Relay {
  constructor(work, extraArgs = []) {
    this.bin = path.join(work, "mobio");
    this.data = path.join(work, "data");
    this.extraArgs = extraArgs;
    this.proc = null;
    this.port = 0;
    this.url = "";
  }

  // start resolves when the relay listens.
  start() {
    const args = ["serve", "--addr", `127.0.0.1:${this.port}`, "--data", this.data, "--web", webDir, "--log-level", "warn", ...this.extraArgs];
    const proc = spawn(this.bin, args, { stdio: ["ignore", "ignore", "pipe"] });
    this.proc = proc;
    let stderr = "";
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`mobio serve did not start:\n${stderr}`)), 20_000);
      proc.stderr.on("data", (b) => {
        stderr += b;
        const m = /listening on http:\/\/[^:]+:(\d+)/.exec(stderr);
        if (m && !this.url) {
          this.port = Number(m[1]);
          this.url = `http://127.0.0.1:${this.port}`;
        }
        if (m) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`mobio serve exited with ${code}:\n${stderr}`));
      });
    });
  }

  async stop() {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once("exit", r));
    proc.kill("SIGTERM");
    await exited;
  }
}

// device opens a browser profile of its own: one person's device.
export async function device(work, name, { locale, viewport, isMobile }) {
  const dir = path.join(work, `profile-${name}`);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    locale,
    viewport,
    isMobile,
    hasTouch: isMobile,
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = context.pages()[0] ?? (await context.newPage());
  const logs = [];
  page.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => logs.push(`pageerror: ${e.message}`));
  return { name, context, page, logs };
}

// shooter returns shot(who, what, options): a screenshot of who's page, numbered in order,
// under outDir with the file name prefix.
export function shooter(prefix = "") {
  let n = 0;
  return async (who, what, options = {}) => {
    const file = path.join(outDir, `${prefix}${String(++n).padStart(2, "0")}-${who.name}-${what}.png`);
    await who.page.screenshot({ path: file, ...options });
    return file;
  };
}

export const field = (page, p) => page.locator(`[data-path="${p}"]`);

// fill types value into the field at path and leaves it, so that it is saved at once.
export async function fill(page, p, value) {
  const f = field(page, p);
  await f.fill(value);
  await f.blur();
}

export async function section(page, key) {
  await page.locator(`#doc-nav [data-section="${key}"]`).click();
  await page.locator("#section-title").waitFor();
}

export async function waitSaved(page) {
  await page.locator('#status[data-state="saved"]').waitFor({ timeout: TIMEOUT });
}

export async function expectValue(page, p, value) {
  await page.waitForFunction(
    ([p, v]) => document.querySelector(`[data-path="${p}"]`)?.value === v,
    [p, value],
    { timeout: TIMEOUT },
  );
}

export async function unlock(page, pass) {
  await page.locator("#pass").fill(pass);
  await page.locator("#unlock button[type=submit]").click();
}

// createIdentity makes the first identity of a fresh profile.
export async function createIdentity(page, pass) {
  await page.locator("#create-identity").waitFor();
  await page.locator("#pass1").fill(pass);
  await page.locator("#pass2").fill(pass);
  await page.locator("#create-identity button[type=submit]").click();
}

// overflow lists the elements under selector that stick out of the viewport's width, or
// whose own content is wider than they are (cut text), with the page scrolled horizontally
// as a whole: what breaks a 390 px phone's layout.
export async function overflow(page, selector = "main") {
  return page.evaluate((sel) => {
    const problems = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    }
    for (const e of document.querySelectorAll(`${sel} *`)) {
      const s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden" || e.closest("[hidden]")) continue;
      const b = e.getBoundingClientRect();
      if (b.width === 0) continue;
      if (b.left < -0.5 || b.right > window.innerWidth + 0.5) {
        problems.push(`${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}.${e.className} leaves the viewport (${Math.round(b.left)}–${Math.round(b.right)})`);
      }
    }
    return problems.slice(0, 10);
  }, selector);
}
