// Unit tests of doc.js: the bridge methods the Go client calls, merging of concurrent edits,
// and the helpers' formats (which must equal crdt's).

import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { BiographyDoc, formatTime, isEntryID, newEntryID, sha256, textDigest } from "./doc.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const catalogue = JSON.parse(readFileSync(path.join(here, "..", "testdata", "catalogue.json"), "utf8"));
const self = { source: "self", by: "Amal", at: "2026-11-03T10:00:00Z" };

// replicas returns two replicas of one new biography, as two devices hold it.
function replicas() {
  const a = BiographyDoc.create({ catalogue });
  const b = BiographyDoc.empty();
  b.loadIncremental(a.save());
  a.saveIncremental();
  b.saveIncremental();
  return [a, b];
}

// exchange sends each replica's new changes to the other, as the client does through the relay.
function exchange(a, b) {
  const fromA = a.saveIncremental();
  const fromB = b.saveIncremental();
  if (fromB.length) a.loadIncremental(fromB);
  if (fromA.length) b.loadIncremental(fromA);
}

test("sha256 and textDigest are SHA-256", () => {
  for (const n of [0, 1, 55, 56, 63, 64, 65, 1000, 70000]) {
    const b = Uint8Array.from({ length: n }, (_, i) => (i * 13 + 7) & 255);
    assert.equal(Buffer.from(sha256(b)).toString("hex"), createHash("sha256").update(b).digest("hex"), `${n} bytes`);
  }
  assert.equal(textDigest("أمل"), createHash("sha256").update("أمل").digest("hex").slice(0, 16));
});

test("times are written as Go's RFC 3339 with milliseconds, zeros trimmed", () => {
  const tests = [
    ["2026-11-02T09:30:00.000Z", "2026-11-02T09:30:00Z"],
    ["2026-11-02T09:30:00.120Z", "2026-11-02T09:30:00.12Z"],
    ["2026-11-02T09:30:00.123Z", "2026-11-02T09:30:00.123Z"],
    ["2026-11-02T11:30:00.5+02:00", "2026-11-02T09:30:00.5Z"],
  ];
  for (const [input, want] of tests) assert.equal(formatTime(input), want, input);
  assert.throws(() => formatTime("yesterday"), TypeError);
});

test("entry IDs are 16 characters of lower-case base32", () => {
  const ids = new Set(Array.from({ length: 100 }, () => newEntryID()));
  assert.equal(ids.size, 100);
  for (const id of ids) assert.ok(isEntryID(id), id);
  assert.equal(newEntryID((n) => new Uint8Array(n)), "aaaaaaaaaaaaaaaa");
  assert.ok(!isEntryID("AAAAAAAAAAAAAAAA") && !isEntryID("short"));
});

test("saveIncremental returns only new changes, and nothing when there are none", () => {
  const [a] = replicas();
  assert.equal(a.saveIncremental().length, 0);
  a.setField("person.given_names", "Amal", self);
  assert.ok(a.saveIncremental().length > 0);
  assert.equal(a.saveIncremental().length, 0);
});

test("concurrent edits on two replicas converge to equal heads and keep every edit", () => {
  const [a, b] = replicas();
  a.setField("person.given_names", "Amal", self);
  b.setField("person.family_names", "Haddad", { source: "counsellor", by: "Jana" });
  a.addCode("person.nationalities", "SY", self);
  b.addCode("person.nationalities", "PS", self);
  const ea = a.addEntry("family.household");
  const eb = b.addEntry("family.household");
  a.setText("living.interests", "Brot backen", "de");
  exchange(a, b);
  b.spliceText("living.interests", 0, 0, "Gern ");
  a.spliceText("living.interests", 11, 0, " und kochen");
  exchange(a, b);

  assert.deepEqual(a.heads(), b.heads());
  for (const r of [a, b]) {
    assert.equal(r.getField("person.given_names").value, "Amal");
    assert.equal(r.getField("person.family_names").provenance.source, "counsellor");
    assert.deepEqual(r.codes("person.nationalities"), ["PS", "SY"]);
    assert.deepEqual(new Set(r.entries("family.household")), new Set([ea, eb]));
    assert.equal(r.getText("living.interests").text, "Gern Brot backen und kochen");
  }
  // Applying what is applied already changes nothing.
  const heads = a.heads();
  a.loadIncremental(b.save());
  assert.deepEqual(a.heads(), heads);
});

test("text positions count code points, as crdt's do", () => {
  const [a] = replicas();
  a.setText("living.interests", "🍞🥖 bread", "en");
  a.spliceText("living.interests", 2, 0, " and");
  assert.equal(a.getText("living.interests").text, "🍞🥖 and bread");
  a.spliceText("living.interests", 0, 1, "");
  assert.equal(a.getText("living.interests").text, "🥖 and bread");
  assert.throws(() => a.spliceText("living.interests", 20, 0, "x"), RangeError);
  a.setText("living.interests", "🥖 and cake");
  assert.equal(a.getText("living.interests").lang, "en", "setText without a language keeps it");
});

test("a translation is outdated once its original changes", () => {
  const [a] = replicas();
  a.setText("living.interests", "أحب الخبز", "ar");
  a.setTranslation("living.interests", "de", { text: "Ich mag Brot", source: "human", by: "Jana", at: "2026-11-03T10:00:00Z" });
  assert.deepEqual(a.getText("living.interests").translations.de, {
    text: "Ich mag Brot", source: "human", engine: "", by: "Jana", at: "2026-11-03T10:00:00Z", outdated: false,
  });
  a.spliceText("living.interests", 0, 0, "لا ");
  assert.equal(a.getText("living.interests").translations.de.outdated, true);
});

test("unknown and declined are states, distinct from each other and from no answer", () => {
  const [a] = replicas();
  assert.equal(a.getField("person.gender"), null);
  a.setState("person.gender", "declined", self);
  assert.deepEqual(a.getField("person.gender"), { state: "declined", provenance: self });
  a.setState("person.gender", "unknown", self);
  assert.equal(a.getField("person.gender").state, "unknown");
  a.setField("person.gender", "w", self);
  assert.equal(a.getField("person.gender").value, "w");
  assert.equal(a.getField("person.gender").state, undefined);
  a.clearField("person.gender");
  assert.equal(a.getField("person.gender"), null);
  assert.throws(() => a.setState("person.gender", "maybe"), TypeError);
  assert.throws(() => a.setField("family.household.aaaaaaaaaaaaaaaa.relation", "Kind"), /no such entry/);
  assert.throws(() => a.setField("person.birth_year", 1994.5), TypeError);
});

test("removed entries are gone; entries list oldest first", () => {
  let t = Date.parse("2026-11-03T10:00:00Z");
  const a = BiographyDoc.create({ catalogue, now: () => new Date((t += 1000)) });
  const first = a.addEntry("work.jobs");
  const second = a.addEntry("work.jobs");
  const third = a.addEntry("work.jobs");
  assert.deepEqual(a.entries("work.jobs"), [first, second, third]);
  a.removeEntry("work.jobs", second);
  assert.deepEqual(a.entries("work.jobs"), [first, third]);
  assert.throws(() => a.removeEntry("work.jobs", second), /no such entry/);
});
