// Interoperability of the browser's documents with Go's package crdt (automerge-go), both ways:
//
//   - every golden biography of crdt/testdata/golden, written by automerge-go, reads in
//     @automerge/automerge through doc.js exactly as crdt's JSON export of it says: every
//     field, provenance, text, translation, set and list entry, and the German label of every
//     code per the catalogue;
//   - a biography written here with doc.js is wasm/testdata/js-written.automerge, which the Go
//     test wasm/interop_test.go loads with crdt.Load and checks value by value and with
//     Validate. This test writes the document from fixed inputs and fails when the committed
//     file differs; rewrite it with: UPDATE=1 node --test js/
//
// Run: cd wasm && npm ci && node --test js/

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

import { BiographyDoc } from "./doc.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const goldenDir = path.join(here, "..", "..", "crdt", "testdata", "golden");
const testdata = path.join(here, "..", "testdata");
const catalogue = JSON.parse(readFileSync(path.join(testdata, "catalogue.json"), "utf8"));

// label returns the German label of code in code list list.
const labels = new Map(catalogue.code_lists.map((l) => [l.key, new Map(l.codes.map((c) => [c.code, c.label.de]))]));
function labelDe(list, code) {
  return labels.get(list)?.get(code);
}

function fieldsOf(section) {
  return new Map(catalogue.sections.find((s) => s.key === section).fields.map((f) => [f.key, f]));
}

// checkFields compares the exported fields of one section or entry with the document.
function checkFields(doc, prefix, exported, fields, section) {
  for (const [key, want] of Object.entries(exported)) {
    const f = fields.get(key);
    assert.ok(f, `${prefix}.${key} is not in the catalogue`);
    const p = `${prefix}.${key}`;
    switch (f.type) {
      case "list": {
        assert.deepEqual(doc.entries(p), want.map((e) => e.id), `${p}: entry IDs in order`);
        const item = new Map(f.item.map((g) => [g.key, g]));
        for (const e of want) {
          const { id, ...rest } = e;
          checkFields(doc, `${p}.${id}`, rest, item, section);
        }
        break;
      }
      case "text": {
        const got = doc.getText(p);
        assert.equal(got.text, want.text, `${p}: text`);
        assert.equal(got.lang, want.lang ?? "", `${p}: lang`);
        for (const [lang, tr] of Object.entries(want.translations ?? {})) {
          const g = got.translations[lang];
          assert.ok(g, `${p}: translation ${lang}`);
          assert.equal(g.text, tr.text, `${p}: translation ${lang}`);
          assert.equal(g.source, tr.source, `${p}: translation ${lang} source`);
          assert.equal(g.engine, tr.engine ?? "", `${p}: translation ${lang} engine`);
          assert.equal(g.by, tr.by ?? "", `${p}: translation ${lang} by`);
          assert.equal(g.at, tr.at ?? "", `${p}: translation ${lang} at`);
          assert.equal(g.outdated, tr.outdated ?? false, `${p}: translation ${lang} outdated`);
        }
        assert.equal(Object.keys(got.translations).length, Object.keys(want.translations ?? {}).length, `${p}: translations`);
        break;
      }
      case "codes":
      case "refs":
        assert.deepEqual(doc.codes(p), want.values, `${p}: members`);
        if (f.type === "codes") {
          assert.deepEqual(want.values.map((c) => labelDe(f.code_list, c)), want.labels_de, `${p}: German labels`);
        }
        break;
      default: {
        const got = doc.getField(p);
        assert.ok(got, `${p}: has an answer`);
        if (want.state) {
          assert.equal(got.state, want.state, `${p}: state`);
        } else {
          assert.equal(got.value, want.value, `${p}: value`);
          assert.equal(got.uncertain ?? false, want.uncertain ?? false, `${p}: uncertain`);
        }
        if (f.type === "code" && !want.state) {
          assert.equal(labelDe(f.code_list, got.value), want.label_de, `${p}: German label`);
        }
        const wp = want.provenance ?? {};
        assert.deepEqual(got.provenance, {
          ...(wp.source && { source: wp.source }),
          ...(wp.by && { by: wp.by }),
          ...(wp.document && { document: wp.document }),
          ...(wp.at && { at: wp.at }),
        }, `${p}: provenance`);
      }
    }
  }
}

const goldens = readdirSync(goldenDir).filter((f) => f.endsWith(".automerge")).sort();

test("golden biographies written by automerge-go exist", () => {
  assert.deepEqual(goldens, ["ar.automerge", "de.automerge", "en.automerge", "fa.automerge", "fr.automerge"]);
});

for (const file of goldens) {
  const lang = file.replace(".automerge", "");
  test(`golden ${lang} biography reads in @automerge/automerge as crdt exports it`, async () => {
    const doc = BiographyDoc.load(new Uint8Array(readFileSync(path.join(goldenDir, file))), { catalogue });
    const want = JSON.parse(readFileSync(path.join(goldenDir, `${lang}.json`), "utf8"));
    assert.equal(doc.schemaVersion(), want.schema_version);
    assert.equal(typeof doc.schemaVersion(), "number");
    for (const [section, fields] of Object.entries(want.sections)) {
      checkFields(doc, section, fields, fieldsOf(section), section);
    }
  });
}

// A few fields by name, so that a reader sees what the walk above covers.
test("golden ar biography: names, date, codes with labels, list entry and Arabic text", async () => {
  const doc = BiographyDoc.load(new Uint8Array(readFileSync(path.join(goldenDir, "ar.automerge"))));
  assert.deepEqual(doc.getField("person.given_names"), {
    value: "Amira",
    provenance: { source: "self", by: "Amira", at: "2026-11-02T09:30:00Z" },
  });
  assert.equal(doc.getField("person.family_names").value, "Haddad");
  assert.deepEqual(
    { ...doc.getField("person.date_of_birth"), provenance: undefined },
    { value: "1994", uncertain: true, provenance: undefined },
  );
  const country = doc.getField("person.country_of_birth").value;
  assert.equal(country, "SY");
  assert.equal(labelDe("country", country), "Syrien");
  assert.deepEqual(doc.codes("person.nationalities"), ["SY"]);
  const [member] = doc.entries("family.household");
  assert.equal(member, "nlthqp2pxxurw3vy");
  assert.equal(doc.getField(`family.household.${member}.birth_year`).value, 2000);
  assert.equal(doc.getField(`family.household.${member}.same_household`).value, true);
  const name = doc.getText("person.name_original_script");
  assert.deepEqual({ text: name.text, lang: name.lang }, { text: "أميرة حداد", lang: "ar" });
});

// --- the document written here, read in Go ----------------------------------------------------

// fixedRandom yields the bytes 1, 2, 3, … so that entry IDs are reproducible.
function fixedRandom() {
  let next = 1;
  return (n) => Uint8Array.from({ length: n }, () => next++ & 255);
}

// writeJSBiography writes the biography that wasm/interop_test.go checks in Go; the two must
// change together.
function writeJSBiography() {
  let clock = Date.parse("2026-11-03T10:00:00Z");
  const now = () => new Date((clock += 1000));
  const b = BiographyDoc.create({ catalogue, actor: "a11ce00000000000000000000000000a", now, random: fixedRandom() });
  const self = { source: "self", by: "Amal", at: "2026-11-03T10:00:00.120Z" };
  b.setField("person.family_names", "Haddad", self);
  b.setField("person.given_names", "Amal", self);
  b.setField("person.date_of_birth", "1994-03", self, { uncertain: true });
  b.setField("person.country_of_birth", "SY", { source: "document", document: "passport", at: "2026-11-03T10:05:00Z" });
  b.setState("person.gender", "declined", self);
  b.setField("person.interpreter_needed", true, self);
  b.addCode("person.nationalities", "SY", self);
  b.addCode("person.nationalities", "IQ", self);
  b.removeCode("person.nationalities", "IQ");
  b.addCode("person.nationalities", "PS", self);
  b.setText("person.name_original_script", "أمل حداد", "ar");
  // Typing after a character outside the Basic Multilingual Plane: positions count code
  // points, as in crdt, not UTF-16 units.
  b.setText("living.interests", "أحب الخبز 🍞 والطبخ", "ar");
  b.spliceText("living.interests", 12, 0, "الشامي ");
  b.setTranslation("living.interests", "de", { text: "Ich backe gern 🍞 und koche", source: "machine", engine: "libretranslate", at: "2026-11-03T10:06:00Z" });
  const child = b.addEntry("family.household");
  b.setField(`family.household.${child}.relation`, "Kind", self);
  b.setField(`family.household.${child}.birth_year`, 2015, self);
  b.setField(`family.household.${child}.same_household`, true, self);
  const gone = b.addEntry("family.household");
  b.setField(`family.household.${gone}.relation`, "Elternteil", self);
  b.removeEntry("family.household", gone);
  const lang = b.addEntry("languages.other_languages");
  b.setField(`languages.other_languages.${lang}.language`, "apc", self);
  b.setField(`languages.other_languages.${lang}.level`, "B2", self);
  return { b, child, lang };
}

test("biography written with doc.js is the committed js-written.automerge", async () => {
  const { b, child, lang } = writeJSBiography();
  assert.equal(child, "aebagbafaydqqcik", "entry IDs from the fixed random source");
  assert.equal(lang, "culbogazdinryhi6");
  assert.deepEqual(b.codes("person.nationalities"), ["PS", "SY"]);
  assert.equal((b.getText("living.interests")).text, "أحب الخبز 🍞 الشامي والطبخ");
  assert.deepEqual(b.entries("family.household"), [child]);

  const bytes = b.save();
  const file = path.join(testdata, "js-written.automerge");
  const headsFile = path.join(testdata, "js-written.heads");
  if (process.env.UPDATE) {
    writeFileSync(file, bytes);
    writeFileSync(headsFile, b.heads().join("\n") + "\n");
  }
  assert.deepEqual(new Uint8Array(readFileSync(file)), bytes, "doc.js writes other bytes than js-written.automerge; if intended, run UPDATE=1 node --test js/ and go test ./wasm");
  assert.equal(readFileSync(headsFile, "utf8"), b.heads().join("\n") + "\n");

  // And it reads back the same through the bridge methods.
  const again = BiographyDoc.load(bytes);
  assert.deepEqual(again.heads(), b.heads());
  assert.deepEqual(again.getField("person.date_of_birth").value, "1994-03");
});
