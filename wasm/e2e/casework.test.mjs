// End-to-end tests of the web app's case-work screens (plan, CV, translation, reports):
// Debian's chromium, driven by playwright-core, against a real relay (`mobio serve --web
// --translate-url …`) on 127.0.0.1, with a stand-in LibreTranslate service on 127.0.0.1. Two
// browser profiles: a newcomer on a phone (Arabic) and a counsellor on a desktop (German).
//
//   0. every word of the case-work screens exists in the five languages, with the same
//      placeholders (no browser);
//   1. the newcomer fills in a name in Arabic script and a job, and invites the counsellor;
//   2. the counsellor starts the integration plan, adds a goal and a step; the due list
//      shows the step; the newcomer sees the plan read-only, right to left, within 390 px;
//   3. both sign the agreement: both see it valid;
//   4. the counsellor changes the goal: the newcomer sees the agreement outdated;
//   5. the CV opens in a new window with a print button and the name in Arabic script;
//   6. a free text goes to the translation service only after the dialog, is stored marked
//      "maschinell übersetzt", and a person confirms it; a refusing service (429) is said so;
//   7. the counsellor downloads the caseload report and runs the research export (nobody
//      consented: nothing leaves);
//   8. the counsellor records a review and closes the case; the newcomer sees it closed, in
//      Farsi too.
//
// Screenshots go to $MOBIO_E2E_OUT (default ./out), named cw-NN-….

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { Relay, createIdentity, device, fill, overflow, prepare, section, shooter, waitSaved, TIMEOUT } from "./harness.mjs";
import { strings, CW_LANGS } from "../web/src/strings-casework.js";

const shot = shooter("cw-");

// --- a stand-in LibreTranslate service -----------------------------------------------------------

// It answers POST /translate as LibreTranslate does (with CORS, as LibreTranslate sends it),
// records what it was sent, and refuses with 429 while translator.refuse is set.
const translator = { server: null, url: "", received: [], refuse: false };

function startTranslator() {
  translator.server = createServer((req, res) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Headers", "Content-Type, Accept");
    res.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
    if (req.method === "OPTIONS") return res.writeHead(204).end();
    let body = "";
    req.on("data", (b) => (body += b));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/translate") return res.writeHead(404).end();
      translator.received.push(JSON.parse(body));
      res.setHeader("Content-Type", "application/json");
      if (translator.refuse) return res.writeHead(429).end(JSON.stringify({ error: "Slowdown: 1 per 1 minute" }));
      res.writeHead(200).end(JSON.stringify({ translatedText: "Jeden Morgen arabisches Brot backen" }));
    });
  });
  return new Promise((resolve) =>
    translator.server.listen(0, "127.0.0.1", () => {
      translator.url = `http://127.0.0.1:${translator.server.address().port}`;
      resolve();
    }),
  );
}

// go opens an entry of the biography's navigation: a section or a case-work screen.
const go = section;

// agreementStatus waits until the agreement on page shows status, opening the plan again when
// a remote change has not re-rendered it.
async function agreementStatus(page, status) {
  const want = page.locator(`#agreement-status[data-status="${status}"]`);
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    try {
      await want.waitFor({ timeout: 3000 });
      return;
    } catch {
      await go(page, "plan");
      await page.locator("#plan").waitFor();
    }
  }
  assert.fail(`the agreement never showed ${status}; it shows ${await page.locator("#agreement-status").getAttribute("data-status").catch(() => "nothing")}`);
}

const NEWCOMER_PASS = "ورد الياسمين 2024";
const COUNSELLOR_PASS = "Beratung sicher 77";
const people = {};
const state = {};
let work;
let relay;

before(async () => {
  work = prepare("casework");
  await startTranslator();
  relay = new Relay(work, ["--translate-url", translator.url]);
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
  translator.server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("0. every case-work word exists in de, en, ar, fa and fr with the same placeholders", () => {
  const holes = (s) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(",");
  for (const [key, byLang] of Object.entries(strings)) {
    for (const l of CW_LANGS) {
      assert.equal(typeof byLang[l], "string", `${key} in ${l}`);
      assert.ok(byLang[l].trim(), `${key} in ${l} is empty`);
      assert.equal(holes(byLang[l]), holes(byLang.de), `${key} in ${l}: placeholders`);
    }
  }
});

test("1. the newcomer fills in a name in Arabic script and a job, and invites the counsellor", async () => {
  const n = people.newcomer.page;
  const c = people.counsellor.page;
  await n.goto(relay.url + "/");
  await n.locator("#create-identity").waitFor();
  await n.locator("#lang").selectOption("ar");
  await createIdentity(n, NEWCOMER_PASS);
  await n.locator("#bio-title").fill("سيرتي");
  await n.locator("#new-biography button[type=submit]").click();
  await n.locator("#doc-nav").waitFor();

  await go(n, "person");
  await fill(n, "person.given_names", "Amal");
  await fill(n, "person.family_names", "Haddad");
  await fill(n, "person.name_original_script", "أمل حداد");
  await fill(n, "person.date_of_birth", "1992-03-15");
  await go(n, "work");
  await n.locator('[data-list-path="work.jobs"]').click();
  const job = n.locator('[data-list="work.jobs"] fieldset.entry').last();
  await job.waitFor();
  state.job = (await job.getAttribute("data-entry")) ?? "";
  await fill(n, `${state.job}.employer`, "مخبز الشام");
  await fill(n, `${state.job}.job_title`, "خبّازة");
  await fill(n, `${state.job}.tasks`, "خبز الخبز العربي كل صباح");
  await waitSaved(n);

  await go(n, "share");
  await n.locator("#invite").click();
  const link = await n.locator("#invite-link").inputValue();
  await c.goto(link);
  await createIdentity(c, COUNSELLOR_PASS);
  await c.locator("#accept-title").fill("Amal Haddad");
  await c.locator("#accept button[type=submit]").click();
  await c.locator("#doc-nav").waitFor();
  await go(c, "person");
  await c.waitForFunction(() => document.querySelector('[data-path="person.name_original_script"]')?.value === "أمل حداد");
});

test("2. the counsellor starts the plan, adds a goal and a step; the newcomer reads it right to left", async () => {
  const c = people.counsellor.page;
  const n = people.newcomer.page;
  await go(c, "plan");
  await c.locator("#plan-start").waitFor();
  await shot(people.counsellor, "plan-empty");
  // Counselling began four weeks ago: 36 months from then, 48 at most.
  const start = new Date(Date.now() - 28 * 86400_000).toISOString().slice(0, 10);
  await c.locator("#plan-start-date").fill(start);
  await c.locator("#plan-phase").selectOption("AU");
  await c.locator("#plan-start button[type=submit]").click();
  await c.locator('#plan-summary[data-started="true"]').waitFor();
  assert.match(await c.locator("#plan-period").textContent(), /36 Monate.*48 Monate/);

  await c.locator("#form-goal summary").click();
  await c.locator("#goal-field").selectOption("SPRACHE");
  await c.locator("#goal-text").fill("Deutsch B1 erreichen und die DTZ-Prüfung ablegen");
  await c.locator("#goal-date").fill("2026-12-31");
  await c.locator("#add-goal button[type=submit]").click();
  const goal = c.locator("#plan-goal-list li[data-goal]");
  await goal.waitFor();
  state.goal = await goal.getAttribute("data-goal");
  assert.match(await goal.textContent(), /Sprache/);

  // A step due in three days: the due list shows it as coming up, not overdue.
  const due = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
  await c.locator("#form-measure summary").click();
  await c.locator("#measure-goal").selectOption(state.goal);
  await c.locator("#measure-text").fill("Zum Integrationskurs anmelden");
  await c.locator("#measure-responsible").selectOption("CLIENT");
  await c.locator("#measure-due").fill(due);
  await c.locator("#add-measure button[type=submit]").click();
  await c.locator("#plan-measure-list li[data-measure]").waitFor();
  await c.locator('#plan-due-list li[data-kind="measure"][data-overdue="false"]').waitFor();
  await waitSaved(c);
  await shot(people.counsellor, "plan-goal-measure", { fullPage: true });

  await go(n, "plan");
  await n.locator('#plan-summary[data-started="true"]').waitFor();
  await n.locator("#plan-goal-list li[data-goal]").waitFor();
  assert.equal(await n.locator("#plan-forms").isVisible(), false, "the newcomer has no forms");
  assert.equal(await n.locator("#plan-goal-list form").count(), 0);
  assert.equal(await n.evaluate(() => getComputedStyle(document.querySelector("#plan")).direction), "rtl");
  assert.match(await n.locator("#plan-goal-list").textContent(), /Deutsch B1/);
  assert.deepEqual(await overflow(n, "#plan"), [], "the plan fits a 390 px phone");
  await shot(people.newcomer, "plan-readonly", { fullPage: true });
});

test("3. both sign the agreement and both see it valid", async () => {
  const c = people.counsellor.page;
  const n = people.newcomer.page;
  // The newcomer reads the German text that is signed, and signs as the client.
  assert.match(await n.locator("#agreement-canonical").textContent(), /Deutsch B1 erreichen/);
  await n.locator('#agreement-sign[data-side="client"]').click();
  await n.locator("#agreement-signed-by-me").waitFor();
  await agreementStatus(n, "incomplete");
  await waitSaved(n);

  await agreementStatus(c, "incomplete");
  await c.locator('#agreement-sign[data-side="counsellor"]').click();
  await agreementStatus(c, "valid");
  await waitSaved(c);
  await shot(people.counsellor, "agreement-valid", { fullPage: true });
  await agreementStatus(n, "valid");
  assert.equal(await n.locator('.cw-side[data-side="client"]').getAttribute("data-signed"), "true");
  assert.equal(await n.locator('.cw-side[data-side="counsellor"]').getAttribute("data-signed"), "true");
  await n.locator("#agreement-status").scrollIntoViewIfNeeded();
  await shot(people.newcomer, "agreement-valid");
});

test("4. the counsellor changes the goal: the newcomer sees the agreement outdated", async () => {
  const c = people.counsellor.page;
  const n = people.newcomer.page;
  const goal = c.locator(`#plan-goal-list li[data-goal="${state.goal}"]`);
  await goal.locator("[data-action=edit-goal]").click();
  await goal.locator("textarea[name=text]").fill("Deutsch B2 erreichen und die DTB-Prüfung ablegen");
  await goal.locator("form[data-edit-goal] button[type=submit]").click();
  await agreementStatus(c, "outdated");
  await waitSaved(c);
  await agreementStatus(n, "outdated");
  assert.match(await n.locator("#plan-goal-list").textContent(), /Deutsch B2/);
  // The newcomer may sign the new version.
  await n.locator('#agreement-sign[data-side="client"]').waitFor();
  await n.locator("#agreement-status").scrollIntoViewIfNeeded();
  await shot(people.newcomer, "agreement-outdated");
});

test("5. the CV opens in a new window with a print button and the name in Arabic script", async () => {
  const n = people.newcomer.page;
  await go(n, "cv");
  await n.locator("#cv-open").waitFor();
  for (const id of ["#cv-birth-date", "#cv-nationality", "#cv-work-permission"]) assert.equal(await n.locator(id).isChecked(), false, `${id} is off by default`);
  assert.match(await n.locator("#cv-why").textContent(), /AGG/);
  await shot(people.newcomer, "cv-options", { fullPage: true });
  const [popup] = await Promise.all([n.context().waitForEvent("page"), n.locator("#cv-open").click()]);
  await popup.waitForLoadState();
  await popup.locator("#mobio-print").waitFor();
  const text = await popup.locator("body").textContent();
  assert.match(text, /Lebenslauf/);
  assert.match(text, /أمل حداد/);
  assert.match(text, /Haddad/);
  assert.doesNotMatch(text, /1992/, "no date of birth unless chosen");
  await shot({ name: "newcomer", page: popup }, "cv-window", { fullPage: true });
  await popup.close();
});

test("6. a text is translated only after the dialog, marked as machine translation, and confirmed", async () => {
  const c = people.counsellor.page;
  await go(c, "translate");
  const tasks = `${state.job}.tasks`;
  const box = c.locator(`.cw-tr[data-translate="${tasks}"]`);
  await box.locator("[data-action=translate]").click();
  const dialog = c.locator("#translate-dialog");
  await dialog.waitFor();
  assert.equal(await c.locator("#translate-text").textContent(), "خبز الخبز العربي كل صباح");
  assert.equal(await c.locator("#translate-url").textContent(), `${translator.url}/translate`);
  await shot(people.counsellor, "translate-dialog");
  // Cancel: nothing is sent.
  await dialog.locator("[data-action=cancel]").click();
  assert.equal(translator.received.length, 0);

  // A busy service says so, and nothing is stored.
  translator.refuse = true;
  await box.locator("[data-action=translate]").click();
  await c.locator("#translate-dialog [data-action=send]").click();
  await box.locator(".cw-msg", { hasText: "zu viele Anfragen" }).waitFor();
  assert.equal(await box.locator(".cw-badge").count(), 0);
  translator.refuse = false;

  await box.locator("[data-action=translate]").click();
  await c.locator("#translate-dialog [data-action=send]").click();
  await box.locator('.cw-badge[data-source="machine"]', { hasText: "maschinell übersetzt" }).waitFor();
  assert.deepEqual(translator.received.at(-1), { q: "خبز الخبز العربي كل صباح", source: "ar", target: "de", format: "text" });
  await shot(people.counsellor, "translated");

  await box.locator("[data-action=confirm-translation]").click();
  await box.locator("textarea[data-action=corrected]").fill("Jeden Morgen arabisches Brot gebacken");
  await box.locator("[data-action=confirm-save]").click();
  await box.locator('.cw-badge:not([data-source="machine"])').waitFor();
  assert.equal(await box.locator(".cw-tr-text").textContent(), "Jeden Morgen arabisches Brot gebacken");
  await waitSaved(c);
  await shot(people.counsellor, "translation-confirmed");
});

test("7. the counsellor downloads the caseload report; the research export releases nobody without consent", async () => {
  const c = people.counsellor.page;
  await go(c, "reports");
  await c.locator('#report-cases[data-count="1"]').waitFor();
  await c.locator("#report-from").fill(`${new Date().getFullYear() - 1}-01-01`);
  const [download] = await Promise.all([c.waitForEvent("download"), c.locator("#report-csv").click()]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.ok(csv.startsWith("\uFEFF"), "the CSV starts with a byte order mark for Excel");
  assert.match(csv, /;/);
  await c.locator("#research-k").fill("4");
  await c.locator("#research-export").click();
  await c.locator("#report-research .cw-msg[data-kind=error]").waitFor();
  await c.locator("#research-k").fill("11");
  await c.locator("#research-export").click();
  await c.locator("#report-research .cw-msg", { hasText: "eingewilligt" }).waitFor();
  assert.equal(await c.locator("#research-confirm").isVisible(), false, "nothing to confirm, nothing leaves");
  await shot(people.counsellor, "reports", { fullPage: true });
});

test("8. the counsellor records a review and closes the case; the newcomer sees it closed, in Farsi too", async () => {
  const c = people.counsellor.page;
  const n = people.newcomer.page;
  await go(c, "plan");
  await c.locator("#form-review summary").click();
  await c.locator("#review-goal").selectOption(state.goal);
  await c.locator("#review-status").selectOption("achieved");
  await c.locator("#review-comment").fill("Prüfung bestanden");
  await c.locator("#add-review button[type=submit]").click();
  await c.locator(`#plan-goal-list li[data-goal="${state.goal}"][data-status="achieved"]`).waitFor();
  await c.locator("#form-close summary").click();
  await c.locator("#close-reason").selectOption("GOALS_REACHED_SELF_RELIANT");
  await c.locator("[data-action=close-ask]").click();
  await c.locator("[data-action=close-confirm]").click();
  await c.locator('#plan-summary[data-status="closed"]').waitFor();
  assert.equal(await c.locator("#plan-forms").isVisible(), false, "a closed plan has no forms");
  assert.equal(await c.locator("#agreement-sign").count(), 0, "a closed plan is not signed");
  await waitSaved(c);
  await shot(people.counsellor, "plan-closed", { fullPage: true });

  await n.locator("#lang").selectOption("fa");
  await go(n, "plan");
  await n.locator('#plan-summary[data-status="closed"]').waitFor({ timeout: TIMEOUT });
  assert.match(await n.locator("#plan-closed").textContent(), /بسته‌شده/);
  assert.equal(await n.evaluate(() => getComputedStyle(document.querySelector("#plan")).direction), "rtl");
  assert.deepEqual(await overflow(n, "#plan"), [], "the plan fits a 390 px phone in Farsi");
  await shot(people.newcomer, "plan-closed-fa", { fullPage: true });
  await n.locator("#lang").selectOption("ar");
});
