// End-to-end tests of the web app: Debian's chromium, driven by playwright-core, against a
// real relay (`mobio serve --web`) on 127.0.0.1. Two browser profiles, each a fresh
// --user-data-dir, stand for two devices: a newcomer on a phone (Arabic) and a counsellor on
// a desktop (German).
//
//   1. the newcomer fills person, languages and one job in Arabic; the page is right-to-left;
//      a reload shows the data;
//   2. the counsellor accepts the invite link, sees the newcomer's edits live with presence,
//      and the newcomer sees the counsellor's edits;
//   3. offline edits (relay stopped, browser offline), a reload offline served by the service
//      worker, back online: the counsellor sees every offline edit;
//   4. an uploaded file downloads byte-identical in the other profile.
//
// Screenshots of every step go to $MOBIO_E2E_OUT (default ./out).
//
// Needs: chromium (apt-get install chromium; or $MOBIO_CHROMIUM), Go, and the app built into
// ../web/dist (node ../web/build.mjs; or $MOBIO_WEB_DIR). Run: npm ci && npm test

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const webDir = path.resolve(process.env.MOBIO_WEB_DIR ?? path.join(here, "..", "web", "dist"));
const outDir = path.resolve(process.env.MOBIO_E2E_OUT ?? path.join(here, "out"));
const work = mkdtempSync(path.join(tmpdir(), "mobio-e2e-"));

const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];
const TIMEOUT = 30_000;

function chromiumPath() {
  if (process.env.MOBIO_CHROMIUM) return process.env.MOBIO_CHROMIUM;
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(p)) return p;
  throw new Error("no chromium: apt-get install chromium, or set MOBIO_CHROMIUM");
}

// --- the relay ----------------------------------------------------------------------------------

const relay = { bin: path.join(work, "mobio"), data: path.join(work, "data"), proc: null, port: 0, url: "" };

// startRelay runs mobio serve on 127.0.0.1 (on relay.port once it has one, so that a restart
// keeps the address the pages know) and resolves when it listens.
function startRelay() {
  const proc = spawn(relay.bin, ["serve", "--addr", `127.0.0.1:${relay.port}`, "--data", relay.data, "--web", webDir, "--log-level", "warn"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  relay.proc = proc;
  let stderr = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mobio serve did not start:\n${stderr}`)), 20_000);
    proc.stderr.on("data", (b) => {
      stderr += b;
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(stderr);
      if (m && !relay.url) {
        relay.port = Number(m[1]);
        relay.url = `http://127.0.0.1:${relay.port}`;
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

async function stopRelay() {
  const proc = relay.proc;
  if (!proc || proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once("exit", r));
  proc.kill("SIGTERM");
  await exited;
}

// --- browsers -----------------------------------------------------------------------------------

const people = {};

async function device(name, { locale, viewport, isMobile }) {
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
  return { name, context, page, logs, shot: 0 };
}

let shotNo = 0;
async function shot(who, what) {
  const file = path.join(outDir, `${String(++shotNo).padStart(2, "0")}-${who.name}-${what}.png`);
  await who.page.screenshot({ path: file });
  return file;
}

const field = (page, p) => page.locator(`[data-path="${p}"]`);

// fill types value into the field at path and leaves it, so that it is saved at once.
async function fill(page, p, value) {
  const f = field(page, p);
  await f.fill(value);
  await f.blur();
}

async function section(page, key) {
  await page.locator(`#doc-nav [data-section="${key}"]`).click();
  await page.locator("#section-title").waitFor();
}

async function waitSaved(page) {
  await page.locator('#status[data-state="saved"]').waitFor({ timeout: TIMEOUT });
}

async function expectValue(page, p, value) {
  await page.waitForFunction(
    ([p, v]) => document.querySelector(`[data-path="${p}"]`)?.value === v,
    [p, value],
    { timeout: TIMEOUT },
  );
}

async function unlock(page, pass) {
  await page.locator("#pass").fill(pass);
  await page.locator("#unlock button[type=submit]").click();
}

// --- the story --------------------------------------------------------------------------------------

const NEWCOMER_PASS = "ورد الياسمين 2024";
const COUNSELLOR_PASS = "Beratung sicher 77";
const state = {};

before(async () => {
  mkdirSync(outDir, { recursive: true });
  if (!existsSync(path.join(webDir, "index.html"))) {
    execFileSync("node", [path.join(here, "..", "web", "build.mjs"), webDir], { stdio: "inherit" });
  }
  execFileSync("go", ["build", "-o", relay.bin, "./cmd/mobio"], { cwd: root, stdio: "inherit" });
  await startRelay();
  people.newcomer = await device("newcomer", { locale: "ar", viewport: { width: 390, height: 844 }, isMobile: true });
  people.counsellor = await device("counsellor", { locale: "de-DE", viewport: { width: 1100, height: 900 }, isMobile: false });
});

after(async () => {
  for (const p of Object.values(people)) {
    if (process.env.MOBIO_E2E_LOGS) console.log(`--- ${p.name} console\n${p.logs.join("\n")}`);
    await p.context.close().catch(() => {});
  }
  await stopRelay();
  rmSync(work, { recursive: true, force: true });
});

test("1. a newcomer fills person, languages and a job in Arabic; right-to-left; a reload keeps it", async () => {
  const { page } = people.newcomer;
  await page.goto(relay.url + "/");
  await page.locator("#create-identity").waitFor();
  await page.locator("#lang").selectOption("ar");
  assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
  await shot(people.newcomer, "welcome");
  await page.locator("#pass1").fill(NEWCOMER_PASS);
  await page.locator("#pass2").fill(NEWCOMER_PASS);
  await page.locator("#create-identity button[type=submit]").click();
  await page.locator("#bio-title").fill("سيرتي");
  await page.locator("#new-biography button[type=submit]").click();
  await page.locator("#section-title").waitFor();

  await section(page, "person");
  await fill(page, "person.given_names", "أمل");
  await fill(page, "person.family_names", "حداد");
  await fill(page, "person.date_of_birth", "١٩٩٢-٠٣-١٥"); // Arabic-Indic digits are read as digits
  await field(page, "person.country_of_birth").selectOption("SY");
  await fill(page, "person.name_original_script", "أمل حداد");
  await shot(people.newcomer, "person");

  await section(page, "languages");
  await page.locator('[data-path="languages.mother_tongues"] select').selectOption("ara");
  await page.locator('[data-path="languages.mother_tongues"] .chip input[value="ara"]').waitFor();
  await field(page, "languages.german_level").selectOption("A2");
  await shot(people.newcomer, "languages");

  await section(page, "work");
  await page.locator('[data-list-path="work.jobs"]').click();
  const job = page.locator('[data-list="work.jobs"] fieldset.entry').last();
  await job.waitFor();
  const jobPath = (await job.getAttribute("data-entry")) ?? "";
  state.job = jobPath;
  await fill(page, `${jobPath}.employer`, "مخبز الشام");
  await fill(page, `${jobPath}.job_title`, "خبّازة");
  await field(page, `${jobPath}.country`).selectOption("SY");
  await fill(page, `${jobPath}.tasks`, "خبز الخبز العربي كل صباح");
  await waitSaved(page);
  await shot(people.newcomer, "job");
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("main")).direction), "rtl");

  await page.reload();
  await unlock(page, NEWCOMER_PASS);
  await expectValue(page, `${jobPath}.employer`, "مخبز الشام");
  await expectValue(page, `${jobPath}.tasks`, "خبز الخبز العربي كل صباح");
  assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
  await section(page, "person");
  await expectValue(page, "person.given_names", "أمل");
  await expectValue(page, "person.date_of_birth", "1992-03-15");
  assert.equal(await field(page, "person.country_of_birth").inputValue(), "SY");
  await section(page, "languages");
  assert.equal(await field(page, "languages.german_level").inputValue(), "A2");
  await shot(people.newcomer, "after-reload");
});

test("2. a counsellor accepts the invite link; both see each other's edits live, with presence", async () => {
  const n = people.newcomer.page;
  const c = people.counsellor.page;
  await section(n, "share");
  await n.locator("#invite").click();
  const link = await n.locator("#invite-link").inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#i=/);
  await n.locator("#invite-qr").waitFor();
  await shot(people.newcomer, "invite");

  await c.goto(link);
  await c.locator("#create-identity").waitFor();
  assert.equal(await c.evaluate(() => document.documentElement.lang), "de");
  await c.locator("#pass1").fill(COUNSELLOR_PASS);
  await c.locator("#pass2").fill(COUNSELLOR_PASS);
  await c.locator("#create-identity button[type=submit]").click();
  await c.locator("#accept-title").fill("Amal Haddad");
  await c.locator("#accept button[type=submit]").click();
  await c.locator("#section-title").waitFor();
  assert.equal(new URL(c.url()).hash, "", "the invite secret leaves the address bar");
  await section(c, "person");
  await expectValue(c, "person.given_names", "أمل");
  await shot(people.counsellor, "accepted");

  // The newcomer types in a field: the counsellor sees where, and then what.
  await section(n, "person");
  await field(n, "person.phone").focus();
  await c.locator('.field.peer-here[data-field="person.phone"]').waitFor();
  await c.locator("#presence-line").waitFor();
  await n.locator('[data-path="person.phone"]').fill("+49 151 2345678");
  await expectValue(c, "person.phone", "+49 151 2345678");
  await shot(people.counsellor, "presence-live");

  // The counsellor edits: the newcomer sees it, and sees the counsellor there.
  await field(n, "person.phone").blur();
  await field(c, "person.place_of_birth").focus();
  await n.locator('.field.peer-here[data-field="person.place_of_birth"]').waitFor();
  await c.locator('[data-path="person.place_of_birth"]').fill("Damaskus");
  await expectValue(n, "person.place_of_birth", "Damaskus");
  await field(c, "person.place_of_birth").blur();
  await shot(people.newcomer, "sees-counsellor");
  await waitSaved(c);
  await waitSaved(n);

  await section(n, "share");
  await n.locator('#members li[data-role="counsellor"]').waitFor();
  await shot(people.newcomer, "members");
});

test("3. offline edits survive an offline reload (service worker) and reach the counsellor", async () => {
  const n = people.newcomer.page;
  const c = people.counsellor.page;
  await n.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await section(n, "person");
  await stopRelay();
  await people.newcomer.context.setOffline(true);
  await n.locator('#status[data-state="offline"]').waitFor();

  await fill(n, "person.phone", "+49 170 1111111");
  await section(n, "work");
  await n.locator('[data-list-path="work.jobs"]').click();
  const job2 = n.locator('[data-list="work.jobs"] fieldset.entry').last();
  await job2.waitFor();
  const job2Path = (await job2.getAttribute("data-entry")) ?? "";
  assert.notEqual(job2Path, state.job);
  await fill(n, `${job2Path}.employer`, "مطعم الياسمين");
  await n.locator('#status[data-state="offline"]:not([data-pending="0"])').waitFor();
  await shot(people.newcomer, "offline-edits");

  // No relay and no network: only the service worker can serve the app.
  const resp = await n.reload();
  assert.ok(resp?.fromServiceWorker(), "the offline reload is served by the service worker");
  await unlock(n, NEWCOMER_PASS);
  await expectValue(n, `${job2Path}.employer`, "مطعم الياسمين");
  await n.locator('#status[data-state="offline"]:not([data-pending="0"])').waitFor();
  await shot(people.newcomer, "offline-reload");

  await startRelay();
  await people.newcomer.context.setOffline(false);
  await waitSaved(n);
  await shot(people.newcomer, "back-online");

  await section(c, "work");
  await expectValue(c, `${job2Path}.employer`, "مطعم الياسمين");
  await section(c, "person");
  await expectValue(c, "person.phone", "+49 170 1111111");
  await shot(people.counsellor, "sees-offline-edits");
});

test("4. an uploaded file downloads byte-identical on the other device", async () => {
  const n = people.newcomer.page;
  const c = people.counsellor.page;
  const content = randomBytes(300_000);
  await section(n, "documents");
  await n.locator("#upload-file").setInputFiles({ name: "شهادة.pdf", mimeType: "application/pdf", buffer: content });
  await n.locator("#upload-status", { hasText: "✓" }).waitFor();
  await waitSaved(n);
  await shot(people.newcomer, "uploaded");

  await section(c, "documents");
  const download = c.locator('[data-list="documents.files"] [data-action="download"]').first();
  await download.waitFor();
  const [dl] = await Promise.all([c.waitForEvent("download"), download.click()]);
  const got = readFileSync(await dl.path());
  assert.equal(dl.suggestedFilename(), "شهادة.pdf");
  assert.ok(Buffer.compare(got, content) === 0, `downloaded ${got.length} bytes differ from the ${content.length} uploaded`);
  await shot(people.counsellor, "downloaded");
});
