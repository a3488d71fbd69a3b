// The case-work module (mobio-casework.wasm) beside the sync engine (mobio.wasm), in Node: the
// same rules as the CLI over BiographyDoc objects. The biography in testdata/casework.automerge
// was written natively by the CLI's rules (wasm/caseworkjs/fixture_test.go), and
// testdata/casework.json says what they recorded.
//
// Run: cd wasm && npm ci && node --test js/   (builds both modules unless MOBIO_WASM and
// MOBIO_CASEWORK_WASM name them)

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { loadMobio, loadCaseworkModule } from "./load.mjs";
import { BiographyDoc } from "./doc.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const testdata = path.join(here, "..", "testdata");
const catalogue = JSON.parse(readFileSync(path.join(testdata, "catalogue.json"), "utf8"));
const fixture = JSON.parse(readFileSync(path.join(testdata, "casework.json"), "utf8"));
const goBytes = readFileSync(path.join(testdata, "casework.automerge"));
const goWritten = () => BiographyDoc.load(goBytes, { catalogue });
const operator = fixture.operator;
const docID = "aebagbafaydqqcikbmga2dqpca"; // any document ID, for what is signed offline

let mobio;
let cw;
before(async () => {
  mobio = await loadMobio();
  cw = await loadCaseworkModule();
});

function throwsCode(fn, code) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof Error, `threw ${err}, want an Error`);
    assert.equal(err.code, code, `error ${JSON.stringify(err.message)} has code ${err.code}, want ${code}`);
    return true;
  });
}

async function rejectsCode(promise, code) {
  await assert.rejects(promise, (err) => {
    assert.equal(err.code, code, `error ${JSON.stringify(err.message)} has code ${err.code}, want ${code}`);
    return true;
  });
}

const consentFields = [
  "purpose", "recipient_type", "recipient_name", "recipient_identity", "text_id", "text_version", "text_digest",
  "language_shown", "interpreter_language", "given_at", "method", "given_by", "withdrawn_at",
];

test("a consent given in the browser is the entry the CLI writes, field by field", () => {
  const js = BiographyDoc.create({ catalogue });
  const id = cw.consentGive(js, fixture.consent.input, operator);
  assert.match(id, /^[a-z2-7]{16}$/);
  const go = goWritten();
  for (const f of consentFields) {
    assert.deepEqual(
      js.getField(`consents.consents.${id}.${f}`),
      go.getField(`consents.consents.${fixture.consent.id}.${f}`),
      f,
    );
  }
  assert.deepEqual(js.codes(`consents.consents.${id}.scope`), go.codes(`consents.consents.${fixture.consent.id}.scope`));
  const [mine] = cw.consents(js);
  const [theirs] = cw.consents(go);
  assert.deepEqual({ ...mine, id: "" }, { ...theirs, id: "" });
  assert.equal(mine.language_shown, "ar");

  // The text shown is the one whose digest was recorded, right to left, and marked a draft.
  const text = cw.consentText("SHARE_RECIPIENT", 0, "ar", operator);
  assert.equal(text.digest, mine.text_digest);
  assert.equal(text.direction, "rtl");
  assert.equal(text.needs_review, true);
  assert.ok(text.text.includes(operator.controller));
  assert.equal(cw.consentTexts().length > 0, true);
  assert.equal(cw.consentLanguages()[0].lang, "de");

  // Rules broken and missing configuration throw with a code; nothing is written.
  throwsCode(() => cw.consentGive(js, { ...fixture.consent.input, purpose: "NOPE" }, operator), "invalid");
  throwsCode(() => cw.consentGive(js, fixture.consent.input, {}), "no-operator");
  throwsCode(() => cw.consentGive(js, { ...fixture.consent.input, colour: "red" }, operator), "invalid-argument");
  throwsCode(() => cw.consentGive({}, fixture.consent.input, operator), "invalid-argument");
  assert.equal(cw.consents(js).length, 1);

  // Withdrawing says what to undo: the packages sent on it.
  assert.equal(cw.consentValid(js, "SHARE_RECIPIENT", { recipient_type: "EMPLOYER" }), id);
  const effects = cw.consentWithdraw(js, id, "2026-11-21T10:00:00Z");
  assert.equal(effects.purpose, "SHARE_RECIPIENT");
  assert.deepEqual(effects.withdraw_packages, []);
  assert.equal(cw.consentValid(js, "SHARE_RECIPIENT", { recipient_type: "EMPLOYER" }), null);
  assert.equal(cw.consentWithdraw(js, id, "2026-11-22T10:00:00Z").already_withdrawn, true);
  assert.equal(cw.consents(js)[0].withdrawn_at, "2026-11-21T10:00:00Z");
});

test("what an employer is sent leaves out residence status, support needs and file numbers", () => {
  const go = goWritten();
  const p = cw.sendPreview(go, "EMPLOYER", { name: "Bäckerei Schmidt" });
  assert.equal(p.recipient.label, "Arbeitgeber");
  assert.equal(p.language, "de");
  const items = p.sections.flatMap((s) => s.items);
  assert.ok(items.length > 5, `only ${items.length} items`);
  for (const it of items) {
    assert.ok(!it.path.startsWith("residence.residence_"), it.path);
    assert.ok(!it.path.startsWith("support_needs"), it.path);
    assert.ok(!/file_number|azr_number/.test(it.path), it.path);
  }
  const all = JSON.stringify(p);
  for (const never of fixture.never) assert.ok(!all.includes(never), `the preview contains ${never}`);
  // The employer learns whether the person may work, in German, not the status behind it.
  const permitted = items.find((it) => it.path === "residence.work_permitted");
  assert.ok(permitted && permitted.value.startsWith("ja"), JSON.stringify(permitted));
  // A translated text goes in German with its original beside it.
  const tasks = items.find((it) => it.path.endsWith(".tasks"));
  assert.equal(tasks.value, "Brot und Süßwaren backen");
  assert.equal(tasks.text.original, "خبز الخبز والحلويات");
  // Support needs cannot be asked for either.
  throwsCode(() => cw.sendPreview(go, "EMPLOYER", { name: "x", include: ["support_needs"] }), "invalid");
  throwsCode(() => cw.sendPreview(go, "NOBODY", {}), "not-found");
  assert.ok(cw.profiles().some((pr) => pr.recipient_type === "EMPLOYER" && pr.label === "Arbeitgeber"));
});

test("a package sealed by the sync engine opens in the case-work module", async () => {
  const db = "casework-package";
  const identity = await mobio.openIdentity(await mobio.createIdentity("pass phrase two", { db }), "pass phrase two");
  const client = await mobio.newClient({ identity, db, newDoc: BiographyDoc.factory({ catalogue }) });
  try {
    const id = await client.create("Amal H.", goBytes);
    const meta = { document: id, consent: fixture.consent.id, ttl_seconds: 7 * 86400 };
    const pt = await client.read(id, (doc) => cw.packagePlaintext(doc, "EMPLOYER", { name: "Bäckerei Schmidt" }, meta));
    assert.equal(pt.package.id, pt.package_id);
    assert.equal(pt.package.document, id);

    const sealed = await client.sealPackage(pt.package_id, pt.plaintext);
    assert.equal(sealed.packageId, pt.package_id);
    assert.equal(sealed.key.length, 32);
    const link = cw.packageLink("https://relay.example", sealed.packageId, sealed.key);
    assert.ok(link.startsWith("https://relay.example/p/#" + sealed.packageId + "."));
    assert.equal(cw.parsePackageLink(link).url, "https://relay.example/packages/" + sealed.packageId);

    const opened = cw.openPackage(link, sealed.ciphertext);
    assert.deepEqual(opened.package, pt.package);
    assert.equal(opened.sender.public_key, identity.publicKey);
    assert.equal(opened.sender.fingerprint, identity.fingerprint);

    // Tampered bytes and another package's key do not open; the engine seals packages only.
    const tampered = sealed.ciphertext.slice();
    tampered[40] ^= 1;
    throwsCode(() => cw.openPackage(link, tampered), "decrypt");
    const other = await client.sealPackage(pt.package_id, pt.plaintext);
    throwsCode(() => cw.openPackage(cw.packageLink("https://relay.example", pt.package_id, other.key), sealed.ciphertext), "decrypt");
    await rejectsCode(client.sealPackage(pt.package_id, new TextEncoder().encode('{"format":1,"id":"other"}')), "invalid-argument");
    throwsCode(() => cw.openPackage("https://relay.example/p/#nope", sealed.ciphertext), "bad-link");

    // The printable page is German, with the original beside the translation.
    const html = cw.renderPackageHTML(opened.package, { sender: opened.sender.fingerprint });
    assert.ok(html.includes("Bäckerei Schmidt") && html.includes("خبز الخبز والحلويات") && html.includes(identity.fingerprint));

    // Without a relay the package cannot be stored; the share is recorded after it was.
    await rejectsCode(client.putPackage(id, sealed.packageId, sealed.ciphertext, pt.package.expires), "offline");
    const by = { source: "self", by: identity.id };
    const share = await client.edit(id, (doc) => cw.recordShare(doc, pt.plaintext, by));
    let shares = await client.read(id, (doc) => cw.shares(doc));
    assert.equal(shares.length, 1);
    assert.equal(shares[0].id, share);
    assert.equal(shares[0].package_id, sealed.packageId);
    assert.equal(shares[0].state, "active");
    const withdrawn = await client.edit(id, (doc) => cw.withdrawShare(doc, share.slice(0, 6), undefined, by));
    assert.equal(withdrawn.state, "withdrawn");
    shares = await client.read(id, (doc) => cw.shares(doc));
    assert.equal(shares[0].state, "withdrawn");
    await rejectsCode(client.edit(id, (doc) => cw.withdrawShare(doc, share, undefined, by)), "already");

    // A package needs the consent it names, in force and covering it.
    await rejectsCode(
      client.read(id, (doc) => cw.packagePlaintext(doc, "EMPLOYER", { name: "Andere GmbH" }, meta)),
      "no-consent",
    );
  } finally {
    await client.close();
  }
});

test("the plan's agreement digest is the one Go computes, and a signature made in the engine is recorded", async () => {
  const payload = cw.agreementPayload(goWritten(), docID, "client");
  assert.equal(payload.digest, fixture.plan.digest);
  assert.equal(payload.canonical, fixture.plan.canonical);
  assert.equal(payload.label, "mobio/v1/plan-agreement");

  const db = "casework-agreement";
  const identity = await mobio.openIdentity(await mobio.createIdentity("pass phrase three", { db }), "pass phrase three");
  const client = await mobio.newClient({ identity, db, newDoc: BiographyDoc.factory({ catalogue }) });
  try {
    const id = await client.create("Amal H.", goBytes);
    const p = await client.read(id, (doc) => cw.agreementPayload(doc, id, "client"));
    assert.equal(p.digest, fixture.plan.digest);
    const sig = await identity.sign(p.label, p.parts);
    const opts = { language_shown: "ar", shown: p.canonical };
    const a = await client.edit(id, (doc) => cw.agreementRecord(doc, id, "client", identity.publicKey, sig, opts));
    assert.equal(a.client.identity, identity.id);
    assert.equal(a.digest, fixture.plan.digest);
    assert.equal(a.language_shown, "ar");
    const members = await client.members(id);
    const [v] = await client.read(id, (doc) => cw.agreementVerify(doc, id, members));
    assert.equal(v.status, "incomplete", v.error);

    // The identity signs plan agreements only.
    await rejectsCode(identity.sign("mobio/v1/package", p.parts), "invalid-argument");
    await rejectsCode(identity.sign(p.label, [p.parts[0]]), "invalid-argument");

    // A signature over the plan as it was before a change is not recorded.
    const by = { source: "counsellor", by: identity.id };
    const stale = await identity.sign(p.label, (await client.read(id, (doc) => cw.agreementPayload(doc, id, "counsellor"))).parts);
    await client.edit(id, (doc) =>
      cw.planAddGoal(doc, { field_of_action: "WOHNEN", description: "Eine Wohnung finden" }, "de", by),
    );
    await rejectsCode(client.edit(id, (doc) => cw.agreementRecord(doc, id, "counsellor", identity.publicKey, stale, {})), "changed");
    const [after] = await client.read(id, (doc) => cw.agreementVerify(doc, id, members));
    assert.equal(after.status, "outdated");
  } finally {
    await client.close();
  }
});

test("the plan is edited and read with the CLI's rules, labels in the UI language", () => {
  const doc = BiographyDoc.create({ catalogue });
  const by = { source: "counsellor", by: "Frau Weber" };
  cw.planStart(doc, { start: "2026-02-01", phase: "AU" }, "", by);
  throwsCode(() => cw.planStart(doc, { start: "2026-02-01" }, "", by), "already");
  const goal = cw.planAddGoal(doc, { field_of_action: "ARBEIT", description: "أن أعمل خبازاً", target_date: "2026-12", priority: 1 }, "ar", by);
  const step = cw.planAddMeasure(doc, { goal, description: "Lebenslauf schreiben", responsible: "IM", due: "2026-03-01" }, "de", by);
  throwsCode(() => cw.planAddGoal(doc, { field_of_action: "NOPE", description: "x" }, "de", by), "invalid");
  throwsCode(() => cw.planExtend(doc, { until: "2031-01-01", reason: "Krankheit" }, "de", by), "invalid");
  cw.planSetMeasureStatus(doc, { id: step, status: "DONE", on: "2026-02-20" }, "", by);

  const plan = cw.plan(doc, "ar");
  assert.equal(plan.status, "draft");
  assert.equal(plan.end_planned, "2029-02-01");
  assert.equal(plan.max_end, "2030-02-01");
  assert.deepEqual(plan.goals[0].description, { text: "أن أعمل خبازاً", lang: "ar" });
  assert.equal(plan.measures[0].status, "DONE");
  const arbeit = plan.labels.field_of_action.find((l) => l.code === "ARBEIT");
  assert.ok(arbeit.label && arbeit.label !== "ARBEIT" && /[\u0600-\u06FF]/.test(arbeit.label), arbeit.label);

  const due = cw.planDue(doc, "2028-11-20");
  assert.ok(due.some((d) => d.kind === "end_3_months"), JSON.stringify(due));
  assert.ok(due.some((d) => d.kind === "goal" && d.overdue && d.entry === goal));
  assert.equal(doc.getField("plan.status").provenance.source, "counsellor");
});

test("a goal and a step are edited by the plan's rules, and values as stored write nothing", () => {
  const doc = BiographyDoc.create({ catalogue });
  const by = { source: "counsellor", by: "Frau Weber" };
  cw.planStart(doc, { start: "2026-02-01" }, "", by);
  const goal = cw.planAddGoal(doc, { field_of_action: "ARBEIT", description: "أن أعمل خبازاً", target_date: "2026-12", priority: 1 }, "ar", by);
  const step = cw.planAddMeasure(doc, { goal, description: "Lebenslauf schreiben", responsible: "IM", due: "2026-03-01" }, "de", by);

  const heads = doc.heads();
  assert.equal(cw.planEditGoal(doc, { id: goal, description: "أن أعمل خبازاً", target_date: "2026-12" }, "", by), false);
  assert.equal(cw.planEditMeasure(doc, { id: step, responsible: "IM" }, "de", by), false);
  assert.deepEqual(doc.heads(), heads);

  assert.equal(cw.planEditGoal(doc, { id: goal, description: "أن أعمل طباخاً", target_date: "", priority: 0 }, "", by), true);
  assert.equal(cw.planEditMeasure(doc, { id: step, due: "2026-04" }, "de", by), true);
  const p = cw.plan(doc, "de");
  assert.deepEqual(p.goals[0].description, { text: "أن أعمل طباخاً", lang: "ar" });
  assert.equal(p.goals[0].target_date, undefined);
  assert.equal(p.goals[0].priority, undefined);
  assert.equal(p.goals[0].field_of_action, "ARBEIT");
  assert.equal(p.measures[0].due, "2026-04");

  throwsCode(() => cw.planEditGoal(doc, { id: goal, description: " " }, "de", by), "invalid");
  throwsCode(() => cw.planEditGoal(doc, { id: goal, target_date: "2025-12" }, "de", by), "invalid");
  throwsCode(() => cw.planEditGoal(doc, { id: goal, text: "x" }, "de", by), "invalid-argument");
  throwsCode(() => cw.planEditGoal(doc, { id: "aaaaaaaaaaaaaaaa", description: "x" }, "de", by), "not-found");
  cw.planClose(doc, { reason: "MOVED_AWAY", on: "2026-06-01" }, "", by);
  throwsCode(() => cw.planEditGoal(doc, { id: goal, description: "x" }, "de", by), "closed");
  throwsCode(() => cw.planEditMeasure(doc, { id: step, description: "x" }, "de", by), "closed");
});

test("the CV is German HTML with the name in its original script", () => {
  const html = cw.cvHTML(goWritten(), { date: "2026-11-20" });
  assert.ok(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.slice(0, 40));
  assert.ok(html.includes("Lebenslauf"));
  assert.ok(html.includes(fixture.name_original_script), "no Arabic-script name");
  assert.ok(html.includes("Brot und Süßwaren backen"));
  for (const never of fixture.never) assert.ok(!html.includes(never), `the CV contains ${never}`);
  const withBirth = cw.cvHTML(goWritten(), { birth_date: true });
  assert.ok(withBirth.includes("17.03.1994") && !html.includes("17.03.1994"));
});

test("a translation is prepared, sent by the web app, and stored beside the original", () => {
  const doc = goWritten();
  const path = `work.jobs.${doc.entries("work.jobs")[0]}.tasks`;
  const q = cw.translatePrepare(doc, path, "en");
  assert.deepEqual(q, { path, text: "خبز الخبز والحلويات", lang: "ar", to: "en" });
  const req = cw.translateRequest("https://translate.example/lt/", "key", q);
  assert.equal(req.url, "https://translate.example/lt/translate");
  assert.deepEqual(JSON.parse(req.body), { q: q.text, source: "ar", target: "en", format: "text", api_key: "key" });
  const tr = cw.translateResult(q, 200, JSON.stringify({ translatedText: "Baking bread and sweets" }), "2026-11-20T10:00:00Z");
  assert.deepEqual(tr, { text: "Baking bread and sweets", source: "machine", engine: "libretranslate", at: "2026-11-20T10:00:00Z" });
  cw.translateStore(doc, q, tr);
  const t = doc.getText(path).translations.en;
  assert.equal(t.text, "Baking bread and sweets");
  assert.equal(t.source, "machine");
  throwsCode(() => cw.translateResult(q, 429, ""), "translation");
  doc.setText(path, "خبز", "ar");
  throwsCode(() => cw.translateStore(doc, q, tr), "changed");
  throwsCode(() => cw.translatePrepare(doc, path, "ar"), "translation");
  throwsCode(() => cw.translatePrepare(doc, "support_needs.other_support_needs", "en"), "not-allowed");
  const confirmed = cw.translateConfirm(doc, "work.jobs." + doc.entries("work.jobs")[0] + ".tasks", "en", "Frau Weber", "Baking bread");
  assert.equal(confirmed.source, "human");
});

test("reports and research exports run over documents read from the client", () => {
  const docs = [goWritten(), BiographyDoc.create({ catalogue })];
  const csv = cw.reportCaseload(docs, "Frau Weber", "2026-01-01", "2026-12-31", "csv", { now: "2026-11-20T10:00:00Z" });
  assert.ok(csv.includes("Beratene Personen im Zeitraum"), csv.slice(0, 200));
  assert.ok(csv.includes("Frau Weber"));
  const html = cw.reportCaseload(docs, ["Frau Weber", "Herr Kaya"], "2026-01-01", "2026-12-31", "html", { lang: "en" });
  assert.ok(html.includes("Persons counselled in the period"));
  throwsCode(() => cw.reportCaseload(docs, "x", "2026-12-31", "2026-01-01", "csv"), "invalid");
  throwsCode(() => cw.reportCaseload(docs, "x", "2026-01-01", "2026-12-31", "xlsx"), "invalid-argument");

  const r = cw.researchExport(docs, { who: "Institut", k: 5 });
  assert.equal(r.considered, 2);
  assert.equal(r.consented, 0, "no research consent was given");
  assert.equal(r.released, 0);
  const log = JSON.parse(r.log);
  assert.equal(log.who, "Institut");
  assert.equal(log.sha256, r.sha256);
  throwsCode(() => cw.researchExport(docs, { who: "Institut", k: 2 }), "invalid");
});
