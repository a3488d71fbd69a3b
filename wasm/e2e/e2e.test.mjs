// End-to-end tests of the web app: Debian's chromium, driven by playwright-core, against a
// real relay (`mobio serve --web`) on 127.0.0.1. Two browser profiles, each a fresh
// --user-data-dir, stand for two devices: a newcomer on a phone (Arabic) and a counsellor on
// a desktop (German).
//
//   1. the newcomer fills person, languages and one job in Arabic; the page is right-to-left;
//      a reload shows the data; mobio.wasm arrives compressed;
//   2. the header stays one line on the 390 px phone in all five languages;
//   3. the counsellor accepts the invite link, sees the newcomer's edits live with presence,
//      and the newcomer sees the counsellor's edits;
//   4. offline edits (relay stopped, browser offline): typing is one change per pause, and
//      what waits is committed when the page is hidden; a reload offline served by the service
//      worker, back online: the counsellor sees every offline edit;
//   5. an uploaded file downloads byte-identical in the other profile;
//   6. a field marked "declined" or "unknown" on one device shows so on the other, and clears;
//   7. the newcomer revokes the counsellor: the counsellor's page says access ended, and the
//      newcomer's next edit never reaches it.
//
// Screenshots of every step go to $MOBIO_E2E_OUT (default ./out).
//
// Needs: chromium (apt-get install chromium; or $MOBIO_CHROMIUM), Go, and the app built into
// ../web/dist (node ../web/build.mjs; or $MOBIO_WEB_DIR). Run: npm ci && npm test

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { Relay, device, expectValue, field, fill, prepare, section, shooter, unlock, waitSaved, webDir } from "./harness.mjs";

let work;
let relay;
const people = {};
const shot = shooter();

// headerProblems lists what breaks the header's single line: children not sharing one row,
// anything outside the viewport, and text cut off (ellipsis) in the title or the status.
async function headerProblems(page) {
  return page.evaluate(() => {
    const h = document.querySelector("header.top");
    const kids = [...h.children].filter((e) => getComputedStyle(e).display !== "none");
    const boxes = kids.map((e) => e.getBoundingClientRect());
    const problems = [];
    const name = (e) => e.id || e.className || e.tagName;
    if (Math.max(...boxes.map((b) => b.top)) >= Math.min(...boxes.map((b) => b.bottom))) {
      problems.push(`the header's items wrap: ${kids.map((e, i) => `${name(e)}@${Math.round(boxes[i].top)}`).join(" ")}`);
    }
    const tallest = Math.max(...boxes.map((b) => b.height));
    if (h.getBoundingClientRect().height > tallest + 20) problems.push(`header ${h.getBoundingClientRect().height}px high for items of ${tallest}px`);
    kids.forEach((e, i) => {
      if (boxes[i].left < -0.5 || boxes[i].right > window.innerWidth + 0.5) problems.push(`${name(e)} leaves the viewport`);
    });
    if (h.scrollWidth > h.clientWidth + 1) problems.push(`the header overflows: ${h.scrollWidth} > ${h.clientWidth}`);
    for (const e of h.querySelectorAll("#app-title, #status-text, .pending-count, #lang-short")) {
      if (e.scrollWidth > e.clientWidth + 1) problems.push(`${name(e)} is cut: ${JSON.stringify(e.textContent)}`);
    }
    return problems;
  });
}

// pending is the count of changes not yet acknowledged by the relay, as the status shows it.
async function pending(page) {
  return Number(await page.locator("#status").getAttribute("data-pending"));
}

// --- the story --------------------------------------------------------------------------------------

const NEWCOMER_PASS = "ورد الياسمين 2024";
const COUNSELLOR_PASS = "Beratung sicher 77";
const state = {};

before(async () => {
  work = prepare("e2e");
  relay = new Relay(work);
  await relay.start();
  people.newcomer = await device(work, "newcomer", { locale: "ar", viewport: { width: 390, height: 844 }, isMobile: true });
  people.counsellor = await device(work, "counsellor", { locale: "de-DE", viewport: { width: 1100, height: 900 }, isMobile: false });
});

after(async () => {
  for (const p of Object.values(people)) {
    if (process.env.MOBIO_E2E_LOGS) console.log(`--- ${p.name} console\n${p.logs.join("\n")}`);
    await p.context.close().catch(() => {});
  }
  await relay?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("1. a newcomer fills person, languages and a job in Arabic; right-to-left; a reload keeps it", async () => {
  const { page } = people.newcomer;
  const wasm = page.waitForResponse((r) => new URL(r.url()).pathname === "/mobio.wasm");
  await page.goto(relay.url + "/");
  await page.locator("#create-identity").waitFor();
  // The first visit (no service worker yet) gets the module from the server, compressed.
  const wasmHeaders = await (await wasm).allHeaders();
  assert.match(wasmHeaders["content-encoding"] ?? "", /^(br|gzip)$/, `mobio.wasm came with Content-Encoding ${wasmHeaders["content-encoding"]}`);
  assert.equal(wasmHeaders["content-type"], "application/wasm");
  assert.equal(wasmHeaders["vary"], "Accept-Encoding");
  const sizes = { br: statSync(path.join(webDir, "mobio.wasm.br")).size, gzip: statSync(path.join(webDir, "mobio.wasm.gz")).size };
  assert.equal(Number(wasmHeaders["content-length"]), sizes[wasmHeaders["content-encoding"]]);
  console.log(`# mobio.wasm served ${wasmHeaders["content-encoding"]}: ${wasmHeaders["content-length"]} of ${statSync(path.join(webDir, "mobio.wasm")).size} bytes`);
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
  // The passphrase stretch holds the page's thread: the page says so before it starts.
  await page.locator("#unlock").waitFor();
  await page.evaluate(() => {
    new MutationObserver(() => {
      const w = document.querySelector("#unlock .working");
      if (w && !w.hidden) window.sawWorking = w.textContent;
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await unlock(page, NEWCOMER_PASS);
  await expectValue(page, `${jobPath}.employer`, "مخبز الشام");
  await expectValue(page, `${jobPath}.tasks`, "خبز الخبز العربي كل صباح");
  assert.match(await page.evaluate(() => window.sawWorking ?? ""), /جارٍ الفتح/, "the unlocking message was shown");
  assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
  await section(page, "person");
  await expectValue(page, "person.given_names", "أمل");
  await expectValue(page, "person.date_of_birth", "1992-03-15");
  assert.equal(await field(page, "person.country_of_birth").inputValue(), "SY");
  await section(page, "languages");
  assert.equal(await field(page, "languages.german_level").inputValue(), "A2");
  await shot(people.newcomer, "after-reload");
});

test("2. the header stays one line on a 390 px phone in all five languages", async () => {
  const { page } = people.newcomer;
  assert.deepEqual(page.viewportSize(), { width: 390, height: 844 });
  await section(page, "person");
  for (const lang of ["de", "en", "ar", "fa", "fr"]) {
    await page.locator("#lang").selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.locator("#status-text:not(:empty)").waitFor();
    assert.deepEqual(await headerProblems(page), [], `header in ${lang}`);
    assert.equal(await page.evaluate(() => document.documentElement.dir), lang === "ar" || lang === "fa" ? "rtl" : "ltr");
    await shot(people.newcomer, `header-${lang}`, { clip: { x: 0, y: 0, width: 390, height: 240 } });
  }
  await page.locator("#lang").selectOption("ar");
});

test("3. a counsellor accepts the invite link; both see each other's edits live, with presence", async () => {
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

test("4. offline edits survive an offline reload (service worker) and reach the counsellor", async () => {
  const n = people.newcomer.page;
  const c = people.counsellor.page;
  await n.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await section(n, "person");
  await relay.stop();
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
  // Offline with changes waiting, with the longest status: the header is still one line.
  assert.deepEqual(await headerProblems(n), [], "header offline with pending changes");
  await shot(people.newcomer, "offline-edits");

  // Typing is committed once per pause: a word typed key by key is one change, not one per
  // character.
  await section(n, "person");
  const before = await pending(n);
  await field(n, "person.postal_address").click();
  const address = "Hauptstraße 5, 68159 Mannheim";
  await n.keyboard.type(address, { delay: 40 });
  await field(n, "person.postal_address").blur();
  await n.waitForFunction((b) => Number(document.querySelector("#status").dataset.pending) > b, before);
  assert.equal(await n.evaluate(() => mobioApp.editsWaiting()), false);
  assert.equal(await pending(n), before + 1, `${address.length} keystrokes and a blur make one pending change`);

  // Keystrokes still waiting for the pause are committed when the page is hidden (a phone
  // switching apps), so that a page the system then discards loses nothing.
  // (Typed and hidden in one step, so that the pause cannot end first on a slow machine.)
  const beforeHide = await pending(n);
  const waitedForPause = await n.evaluate(() => {
    const input = document.querySelector('[data-path="person.place_of_birth"]');
    input.focus();
    input.value += " (Syrien)";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const waited = mobioApp.editsWaiting();
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    return waited;
  });
  assert.equal(waitedForPause, true, "the keystrokes waited for a pause");
  await n.waitForFunction((b) => Number(document.querySelector("#status").dataset.pending) > b, beforeHide);
  assert.equal(await n.evaluate(() => mobioApp.editsWaiting()), false);
  await n.evaluate(() => delete document.visibilityState);

  // The service worker keeps mobio.wasm decoded, whatever encoding the server sent.
  const cached = await n.evaluate(async () => {
    const key = (await caches.keys()).find((k) => k.startsWith("mobio-app-"));
    const resp = await (await caches.open(key)).match("mobio.wasm");
    const bytes = new Uint8Array(await resp.arrayBuffer());
    return { size: bytes.length, magic: [...bytes.slice(0, 4)] };
  });
  assert.deepEqual(cached, { size: statSync(path.join(webDir, "mobio.wasm")).size, magic: [0, 0x61, 0x73, 0x6d] });

  // Leaving the page right after typing (a reload within the pause): the browser asks first,
  // and staying lets the commit finish.
  const beforeLeave = await pending(n);
  await field(n, "person.email").click();
  await n.keyboard.type("amal@example.org", { delay: 10 });
  const asked = new Promise((resolve) => n.once("dialog", (d) => d.dismiss().then(() => resolve(d.type()))));
  await n.evaluate(() => setTimeout(() => location.reload(), 0));
  assert.equal(await asked, "beforeunload");
  await n.waitForFunction((b) => Number(document.querySelector("#status").dataset.pending) > b, beforeLeave);
  await field(n, "person.email").blur();

  // No relay and no network: only the service worker can serve the app.
  const resp = await n.reload();
  assert.ok(resp?.fromServiceWorker(), "the offline reload is served by the service worker");
  await unlock(n, NEWCOMER_PASS);
  await expectValue(n, "person.postal_address", address);
  await expectValue(n, "person.place_of_birth", "Damaskus (Syrien)");
  await expectValue(n, "person.email", "amal@example.org");
  await section(n, "work");
  await expectValue(n, `${job2Path}.employer`, "مطعم الياسمين");
  await n.locator('#status[data-state="offline"]:not([data-pending="0"])').waitFor();
  await shot(people.newcomer, "offline-reload");

  await relay.start();
  await people.newcomer.context.setOffline(false);
  await waitSaved(n);
  await shot(people.newcomer, "back-online");

  await section(c, "work");
  await expectValue(c, `${job2Path}.employer`, "مطعم الياسمين");
  await section(c, "person");
  await expectValue(c, "person.phone", "+49 170 1111111");
  await expectValue(c, "person.place_of_birth", "Damaskus (Syrien)");
  await shot(people.counsellor, "sees-offline-edits");
});

test("5. an uploaded file downloads byte-identical on the other device", async () => {
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

test("6. a field marked declined or unknown on one device shows so on the other, and clears", async () => {
  const n = people.newcomer.page;
  const c = people.counsellor.page;
  await section(n, "person");
  await section(c, "person");

  // The newcomer declines to give a gender.
  const gender = (page) => page.locator('.field[data-field="person.gender"]');
  await gender(n).locator('[data-action="state-menu"]').click();
  assert.equal(await gender(n).locator('[data-action="state-menu"]').getAttribute("aria-expanded"), "true");
  await gender(n).locator('[data-set-state="declined"]').click();
  await n.locator('.field[data-field="person.gender"][data-state="declined"] .state-badge').waitFor();
  assert.equal(await field(n, "person.gender").isVisible(), false, "the state replaces the control");
  await c.locator('.field[data-field="person.gender"][data-state="declined"] .state-badge', { hasText: "Keine Angabe gewünscht" }).waitFor();
  await gender(c).scrollIntoViewIfNeeded();
  await shot(people.counsellor, "sees-declined");
  assert.equal(
    await c.evaluate(() => mobioApp.client.read(mobioApp.docId, (d) => d.getField("person.gender")?.state)),
    "declined",
  );

  // The counsellor marks the arrival date unknown; the newcomer sees it, then clears it and
  // gives the date after all.
  const arrival = (page) => page.locator('.field[data-field="person.arrival_in_germany"]');
  await arrival(c).locator('[data-action="state-menu"]').click();
  await arrival(c).locator('[data-set-state="unknown"]').click();
  await n.locator('.field[data-field="person.arrival_in_germany"][data-state="unknown"] .state-badge', { hasText: "غير معروف" }).waitFor();
  await arrival(n).scrollIntoViewIfNeeded();
  await shot(people.newcomer, "sees-unknown");
  await arrival(n).locator('[data-action="clear-state"]').click();
  await n.locator('.field[data-field="person.arrival_in_germany"]:not([data-state])').waitFor();
  await fill(n, "person.arrival_in_germany", "2016");
  await c.locator('.field[data-field="person.arrival_in_germany"]:not([data-state])').waitFor();
  await expectValue(c, "person.arrival_in_germany", "2016");
  await waitSaved(n);
  await waitSaved(c);
});

test("7. the newcomer revokes the counsellor: access ends on the counsellor's page, later edits stay away", async () => {
  const n = people.newcomer.page;
  const c = people.counsellor.page;
  const docId = await c.evaluate(() => mobioApp.docId);
  await section(c, "person");
  await expectValue(c, "person.phone", "+49 170 1111111");

  await section(n, "share");
  await n.locator('#members li[data-role="counsellor"] [data-action="revoke"]').click();
  await n.locator('#members li[data-role="counsellor"] [data-action="confirm-revoke"]').click();
  await n.locator('#members li[data-role="counsellor"]').waitFor({ state: "detached" });
  await shot(people.newcomer, "revoked");

  const ended = c.locator('#access-ended[data-kind="removed"]');
  await ended.waitFor();
  assert.match(await ended.textContent(), /Ihr Zugriff auf diese Biografie wurde beendet/);
  assert.equal(await c.locator("#doc-nav").isVisible(), false);
  await shot(people.counsellor, "access-ended");

  await section(n, "person");
  await fill(n, "person.phone", "+49 160 9999999");
  await waitSaved(n);

  // Once the counsellor's client is in sync (a removed document counts as in sync), its copy
  // still holds the old number: the new one was sealed for the remaining members only.
  const phone = await c.evaluate(async (doc) => {
    await mobioApp.client.sync();
    return mobioApp.client.read(doc, (d) => d.getField("person.phone")?.value);
  }, docId);
  assert.equal(phone, "+49 170 1111111");
  assert.ok(!(await c.content()).includes("9999999"), "the new number is nowhere on the counsellor's page");
  assert.equal((await c.evaluate((doc) => mobioApp.client.info(doc), docId)).role, "");
  await c.locator("#to-home").click();
  await c.locator("#new-biography").waitFor();
  assert.equal(await c.locator(".docs .doc-link").count(), 0, "the biography is gone from the counsellor's list");
});
