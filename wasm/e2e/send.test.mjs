// End-to-end test of sending to an agency: a newcomer (phone, Arabic, right-to-left) sends an
// employer package from the web app, and a second browser profile with no identity (the
// employer) opens the link in the package viewer at /p/ and reads only the employer's fields,
// in German. Against a real relay (`mobio serve --web --controller … --dpo …`) on 127.0.0.1.
//
//   1. the newcomer fills name, date of birth, nationality, residence status, work permission,
//      a job with a task in Arabic (translated into German) and support needs; the support-needs
//      section first shows its own consent text (Arabic, right to left, marked as a draft; any of
//      ten languages) and no form; "I agree" records the consent and shows the form, and what is
//      typed there syncs;
//   2. Send: the case-work module loads; the employer's preview lists work permission as
//      "Arbeitserlaubnis" and the task beside its Arabic original, and neither residence status,
//      date of birth (not in the employer's default) nor support needs; the screen fits a
//      390 px phone in all five languages; the consent text is shown right to left in Arabic,
//      marked as not yet reviewed; agreeing and sending gives a link and a QR code;
//   3. the employer opens the link: German labels, the job, the Arabic original beside the
//      translation, and nothing of residence status, date of birth or support needs;
//   4. the newcomer withdraws the package: the employer's reload says it is gone; the consent
//      is listed, and withdrawing it marks it so;
//   5. the send and consents screens fit a 390 px phone in all five languages;
//   6. offline, a reload (the service worker's copy) still opens case work, with the consent
//      text naming the controller; sending says it needs a connection and records nothing;
//   7. withdrawing the support-needs consent erases the section, which shows the text again.
//
// Screenshots of every step go to $MOBIO_E2E_OUT (default ./out), named send-NN-….

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { Relay, TIMEOUT, createIdentity, device, field, fill, overflow, prepare, section, shooter, unlock, waitSaved, webDir } from "./harness.mjs";

const CONTROLLER = "Landratsamt Musterkreis, Hauptstraße 1, 12345 Musterstadt";
const DPO = "datenschutz@musterkreis.example";
const PASS = "ورد الياسمين 2024";
const TASK_AR = "خبز الخبز العربي كل صباح";
const TASK_DE = "Jeden Morgen arabisches Brot backen";
const SUPPORT = "أحتاج إلى فترات راحة قصيرة";

let work;
let relay;
const people = {};
const state = {};
const shot = shooter("send-");

before(async () => {
  work = prepare("casework");
  relay = new Relay(work, ["--controller", CONTROLLER, "--dpo", DPO]);
  await relay.start();
  people.newcomer = await device(work, "newcomer", { locale: "ar", viewport: { width: 390, height: 844 }, isMobile: true });
  people.employer = await device(work, "employer", { locale: "de-DE", viewport: { width: 1000, height: 900 }, isMobile: false });
});

after(async () => {
  for (const p of Object.values(people)) {
    if (process.env.MOBIO_E2E_LOGS) console.log(`--- ${p.name} console\n${p.logs.join("\n")}`);
    await p.context.close().catch(() => {});
  }
  await relay?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("1. the newcomer fills person, residence, a job in Arabic and support needs", async () => {
  const { page } = people.newcomer;
  await page.goto(relay.url + "/");
  await page.locator("#lang").selectOption("ar");
  await createIdentity(page, PASS);
  await page.locator("#bio-title").fill("سيرتي");
  await page.locator("#new-biography button[type=submit]").click();
  await page.locator("#section-title").waitFor();

  await section(page, "person");
  await fill(page, "person.family_names", "Haddad");
  await fill(page, "person.given_names", "Amal");
  await fill(page, "person.date_of_birth", "1992-03-15");
  await page.locator('[data-path="person.nationalities"] select').selectOption("SY");
  await page.locator('[data-path="person.nationalities"] .chip input[value="SY"]').waitFor();
  await fill(page, "person.phone", "+49 151 2345678");

  await section(page, "residence");
  await field(page, "residence.residence_status").selectOption("GESTATTUNG");
  await field(page, "residence.work_permission").selectOption("ERWERBSTAETIGKEIT_GESTATTET");

  await section(page, "work");
  await page.locator('[data-list-path="work.jobs"]').click();
  const job = page.locator('[data-list="work.jobs"] fieldset.entry').last();
  await job.waitFor();
  state.job = (await job.getAttribute("data-entry")) ?? "";
  await fill(page, `${state.job}.employer`, "مخبز الشام");
  await fill(page, `${state.job}.job_title`, "خبّازة");
  await field(page, `${state.job}.country`).selectOption("SY");
  await fill(page, `${state.job}.tasks`, TASK_AR);
  // A translator's German version of the task (the translation screen's work).
  await page.evaluate(
    ([path, text]) =>
      mobioApp.client.edit(mobioApp.docId, (d) => d.setTranslation(path, "de", { text, source: "human", by: mobioApp.identity.id, at: new Date().toISOString() })),
    [`${state.job}.tasks`, TASK_DE],
  );

  // Health data: the section's own consent first, and no form before it.
  await section(page, "support_needs");
  const gate = page.locator("#health-consent");
  await gate.waitFor({ timeout: 120_000 }); // the case-work module loads here first
  assert.equal(await page.locator('#section [data-path^="support_needs"]').count(), 0, "no form before the consent");
  const text = page.locator("#health-consent-text");
  assert.equal(await page.locator("#health-consent-lang").inputValue(), "ar");
  assert.equal(await page.locator("#health-consent-lang option").count(), 10);
  assert.equal(await text.getAttribute("dir"), "rtl");
  assert.equal(await page.locator("#health-consent-draft").isVisible(), true, "the Arabic text is a draft translation");
  assert.ok((await text.textContent()).includes(CONTROLLER), "the text names the controller");
  await shot(people.newcomer, "health-consent-ar");
  await page.locator("#health-consent-lang").selectOption("de");
  await page.locator('#health-consent-text[lang="de"][dir="ltr"]').waitFor();
  assert.equal(await page.locator("#health-consent-draft").isVisible(), false, "German is the reference");
  await page.locator("#health-consent-lang").selectOption("ps");
  await page.locator('#health-consent-text[lang="ps"][dir="rtl"]').waitFor();
  await page.locator("#health-consent-lang").selectOption("ar");
  await page.locator('#health-consent-text[lang="ar"]').waitFor();
  await page.locator("#health-agree").click();
  await field(page, "support_needs.other_support_needs").waitFor();
  await fill(page, "support_needs.other_support_needs", SUPPORT);
  // Synced: the value is in the document and nothing of it waits for the relay any more.
  await page.waitForFunction(
    async (v) => mobioApp.pending === 0 && (await mobioApp.client.read(mobioApp.docId, (d) => d.getText("support_needs.other_support_needs")?.text)) === v,
    SUPPORT,
    { polling: 100, timeout: TIMEOUT },
  );
  assert.equal(
    await page.evaluate(() => mobioApp.client.read(mobioApp.docId, (d) => d.entries("consents.consents").length)),
    1,
    "the health consent is recorded",
  );
  await shot(people.newcomer, "support-needs");
});

test("2. Send: the employer's preview, the consent in Arabic, the link", async () => {
  const { page } = people.newcomer;
  const started = Date.now();
  await section(page, "send");
  // The case-work module loads on first use (14 MB to compile: on a busy 2-core machine it
  // takes a while); the screen says so meanwhile.
  await page.locator("#send-form").waitFor({ timeout: 120_000 });
  console.log(`# the send screen with the case-work module loaded after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.equal(await page.locator("#send-type").inputValue(), "EMPLOYER");
  await page.locator("#send-name").fill("Bäckerei Schmidt");
  await page.locator("#send-name").blur();
  const preview = page.locator("#send-preview");
  await preview.locator(".preview-item").first().waitFor();

  // What goes to an employer, and what never does.
  const item = (path) => preview.locator(`.preview-item[data-path="${path}"]`);
  assert.equal(await item("residence.work_permitted").locator(".item-label").textContent(), "Arbeitserlaubnis");
  assert.match(await item("residence.work_permitted").locator(".item-value").textContent(), /^ja/);
  assert.equal(await item(`${state.job}.tasks`).locator(".item-value").textContent(), TASK_DE);
  assert.equal(await item(`${state.job}.tasks`).locator(".item-original bdi").textContent(), TASK_AR);
  assert.equal(await item("person.given_names").locator(".item-label").textContent(), "Vorname(n)");
  for (const path of ["residence.residence_status", "person.date_of_birth", "person.nationalities"]) {
    assert.equal(await item(path).count(), 0, `${path} is not in the employer's default`);
  }
  assert.equal(await preview.locator('[data-path^="support_needs"], [data-section="support_needs"]').count(), 0, "support needs never leave");
  const text = await preview.textContent();
  for (const never of ["Aufenthaltsstatus", "Aufenthaltsgestattung", "Geburtsdatum", "1992", "Unterstützungsbedarf", SUPPORT]) {
    assert.ok(!text.includes(never), `the preview shows ${never}`);
  }
  // Nationality is the employer's optional item: offered, not ticked.
  assert.equal(await page.locator('[data-include="person.nationalities"]').isChecked(), false);
  assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
  await shot(people.newcomer, "preview");

  // The consent text in Arabic, right to left, marked as a draft translation.
  const consentText = page.locator("#consent-text");
  assert.equal(await page.locator("#consent-lang").inputValue(), "ar");
  assert.equal(await consentText.getAttribute("dir"), "rtl");
  assert.equal(await consentText.getAttribute("lang"), "ar");
  assert.equal(await page.locator("#consent-draft").isVisible(), true);
  assert.ok((await consentText.textContent()).includes(CONTROLLER), "the text names the controller from /config.json");
  assert.equal(await page.locator("#send-go").isDisabled(), true, "sending waits for the agreement");
  await page.locator("#send-consent").scrollIntoViewIfNeeded();
  await shot(people.newcomer, "consent-ar");
  // Tigrinya: the Ethiopic font stack; German: the reference text, no draft note.
  await page.locator("#consent-lang").selectOption("ti");
  await page.locator('#consent-text.ethiopic[lang="ti"]').waitFor();
  await page.locator("#consent-lang").selectOption("de");
  await page.locator('#consent-text[lang="de"][dir="ltr"]').waitFor();
  assert.equal(await page.locator("#consent-draft").isVisible(), false);
  await page.locator("#consent-lang").selectOption("ar");
  await page.locator('#consent-text[lang="ar"]').waitFor();

  await page.locator("#send-agree").check();
  await page.locator("#send-go").click();
  const linkInput = page.locator("#package-link");
  await linkInput.waitFor();
  state.link = await linkInput.inputValue();
  assert.match(state.link, new RegExp(`^${relay.url.replace(/[.]/g, "\\.")}/p/#[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}$`));
  await page.locator("#package-qr").waitFor();
  assert.deepEqual(await overflow(page), [], "the sent screen at 390 px");
  await shot(people.newcomer, "sent");
  await page.locator('#share-list li[data-state="active"]').waitFor();
  assert.equal(await page.locator("#share-list li").count(), 1);
});

test("3. the employer opens the link: German, only the employer's fields", async () => {
  const { page } = people.employer;
  await page.goto(state.link);
  await page.locator("#package h1").waitFor();
  const body = await page.locator("#package").textContent();
  assert.match(body, /Angaben zur Weitergabe an Arbeitgeber – Bäckerei Schmidt/);
  for (const want of ["Vorname(n)", "Amal", "Arbeitserlaubnis", "Berufserfahrung", "مخبز الشام", TASK_DE, TASK_AR]) {
    assert.ok(body.includes(want), `the package shows ${want}`);
  }
  assert.equal(await page.locator(".original span[lang=ar]").first().textContent(), TASK_AR, "the Arabic original beside the translation");
  for (const never of ["Aufenthaltsstatus", "Aufenthaltsgestattung", "Geburtsdatum", "1992", "Unterstützungsbedarf", SUPPORT]) {
    assert.ok(!body.includes(never), `the package shows ${never}`);
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
  await shot(people.employer, "package");
});

test("4. the newcomer withdraws: the link stops working; the consent is listed and withdrawn", async () => {
  const n = people.newcomer.page;
  const share = n.locator('#share-list li[data-state="active"]');
  await share.locator('[data-action="withdraw"]').click();
  await share.locator('[data-action="confirm-withdraw"]').click();
  await n.locator('#share-list li[data-state="withdrawn"]').waitFor();
  await shot(people.newcomer, "withdrawn");

  const e = people.employer.page;
  await e.reload();
  await e.locator("#package p.warn").waitFor();
  assert.match(await e.locator("#package").textContent(), /Dieses Paket gibt es nicht mehr/);
  await shot(people.employer, "gone");

  await section(n, "consents");
  const consent = n.locator('#consent-list li[data-purpose="SHARE_RECIPIENT"]');
  await consent.waitFor();
  assert.equal(await consent.getAttribute("data-state"), "active");
  assert.match(await consent.textContent(), /Bäckerei Schmidt/);
  assert.deepEqual(await overflow(n), [], "the consents screen at 390 px");
  await consent.locator('[data-action="withdraw-consent"]').click();
  await consent.locator(".effects li").first().waitFor();
  await shot(people.newcomer, "consent-effects");
  await consent.locator('[data-action="confirm-withdraw-consent"]').click();
  await n.locator('#consent-list li[data-purpose="SHARE_RECIPIENT"][data-state="withdrawn"]').waitFor();
  await waitSaved(n);
  await shot(people.newcomer, "consent-withdrawn");
});

test("5. the case-work screens fit a 390 px phone in all five languages", async () => {
  const { page } = people.newcomer;
  for (const key of ["send", "consents"]) {
    await section(page, key);
    for (const lang of ["de", "en", "ar", "fa", "fr"]) {
      await page.locator("#lang").selectOption(lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await page.locator(key === "send" ? "#send-form" : "#consent-list").waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dir), lang === "ar" || lang === "fa" ? "rtl" : "ltr");
      assert.deepEqual(await overflow(page), [], `${key} in ${lang}`);
      if (key === "send") await shot(people.newcomer, `send-${lang}`, { fullPage: true });
    }
  }
  await page.locator("#lang").selectOption("ar");
});

test("6. offline, after a reload, the case-work screens still open (the service worker's copy)", async () => {
  const { page, context } = people.newcomer;
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const cached = await page.evaluate(async () => {
    const key = (await caches.keys()).find((k) => k.startsWith("mobio-app-"));
    const cache = await caches.open(key);
    const wasm = new Uint8Array(await (await cache.match("mobio-casework.wasm")).arrayBuffer());
    const config = await (await cache.match("config.json")).json();
    return { size: wasm.length, magic: [...wasm.slice(0, 4)], config };
  });
  assert.equal(cached.size, statSync(path.join(webDir, "mobio-casework.wasm")).size);
  assert.deepEqual(cached.magic, [0, 0x61, 0x73, 0x6d]);
  assert.deepEqual(cached.config, { controller: CONTROLLER, dpo: DPO, translateURL: "" });

  await context.setOffline(true);
  try {
    const resp = await page.reload();
    assert.ok(resp?.fromServiceWorker(), "the offline reload is served by the service worker");
    await unlock(page, PASS);
    await section(page, "consents");
    await page.locator('#consent-list li[data-purpose="SHARE_RECIPIENT"][data-state="withdrawn"]').waitFor({ timeout: 120_000 });
    await section(page, "send");
    await page.locator("#consent-text").waitFor();
    assert.ok((await page.locator("#consent-text").textContent()).includes(CONTROLLER), "the consent text names the controller offline too");
    await page.locator("#send-name").fill("Sprachschule Mannheim");
    await page.locator("#send-agree").check();
    await page.locator("#send-go").click();
    assert.match(await page.locator("#send-error").textContent(), /اتصال/, "sending says it needs a connection");
    // Step 1's health consent and step 2's share: none for a package that cannot be sent.
    assert.equal(await page.evaluate(() => mobioApp.client.read(mobioApp.docId, (d) => d.entries("consents.consents").length)), 2, "no consent is recorded for a package that cannot be sent");
    await shot(people.newcomer, "offline-send");
  } finally {
    await context.setOffline(false);
  }
});

test("7. withdrawing the support-needs consent erases the section and shows the text again", async () => {
  const { page } = people.newcomer;
  await section(page, "consents");
  const consent = page.locator('#consent-list li[data-purpose="HEALTH_SECTION"]');
  await consent.locator('[data-action="withdraw-consent"]').click();
  await consent.locator(".effects li").nth(1).waitFor(); // "… is erased"
  await consent.locator('[data-action="confirm-withdraw-consent"]').click();
  await page.locator('#consent-list li[data-purpose="HEALTH_SECTION"][data-state="withdrawn"]').waitFor();
  await waitSaved(page);
  assert.equal(await page.evaluate(() => mobioApp.client.read(mobioApp.docId, (d) => d.getText("support_needs.other_support_needs")?.text ?? "")), "");
  await section(page, "support_needs");
  await page.locator("#health-consent").waitFor();
  assert.equal(await page.locator('#section [data-path^="support_needs"]').count(), 0, "no form after the withdrawal");
  await shot(people.newcomer, "health-withdrawn");
});
