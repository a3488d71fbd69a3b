// Opens the test vector of casework/disclosure/testdata with viewer.js, as the browser page
// does: `node viewer_test.mjs` (viewer_test.go runs it when node is installed).
import { readFileSync } from "node:fs";
import { strict as assert } from "node:assert";
import { parseFragment, openSealed, decodeBody, fingerprint, b64url, render } from "./viewer.js";

const dir = new URL("../testdata/", import.meta.url);
const read = (name) => readFileSync(new URL(name, dir));
const link = read("package-v1.link").toString().trim();
const sealed = new Uint8Array(read("package-v1.sealed"));
const body = read("package-v1.json");
const sender = JSON.parse(read("package-v1.sender").toString());

const { idText, id, key } = parseFragment(link.slice(link.indexOf("#")));
const opened = await openSealed(sealed, id, key);
assert.deepEqual(Buffer.from(opened.body), body, "the body is package-v1.json");
assert.equal(await fingerprint(opened.sender), sender.fingerprint, "the fingerprint is the sender's");
const p = decodeBody(opened.body, idText);
assert.equal(p.recipient.type, "EMPLOYER");
assert.ok(p.sections.length > 0 && p.files.length === 1);

// Every byte matters, and another key or ID does not open it.
for (const i of [0, 5, 20, sealed.length - 1]) {
  const bad = sealed.slice();
  bad[i] ^= 1;
  await assert.rejects(openSealed(bad, id, key), /cannot be opened/);
}
await assert.rejects(openSealed(sealed, id, new Uint8Array(32)), /cannot be opened/);
await assert.rejects(openSealed(sealed, new Uint8Array(16), key), /cannot be opened/);
assert.throws(() => decodeBody(opened.body, "AAAAAAAAAAAAAAAAAAAAAA"));

// Links are read strictly.
for (const bad of ["#", "#" + idText, "#" + idText + "." + link.split(".").pop() + "=", "#" + idText + "x." + link.split(".").pop()]) {
  assert.throws(() => parseFragment(bad), undefined, bad);
}
assert.throws(() => b64url("AB+/"));
// render builds the page from text nodes only: a minimal document stands in for the browser's.
class Node_ {
  constructor(tag) {
    this.tag = tag;
    this.attrs = {};
    this.children = [];
  }
  setAttribute(k, v) {
    this.attrs[k] = v;
  }
  append(...c) {
    this.children.push(...c);
  }
  replaceChildren(...c) {
    this.children = c;
  }
  get text() {
    return this.children.map((c) => (typeof c === "string" ? c : c.text)).join(" ");
  }
}
const doc = { createElement: (tag) => new Node_(tag) };
const root = new Node_("main");
render(doc, root, p, sender.fingerprint, new Date("2026-11-28T00:00:00Z"));
for (const want of ["Arbeitgeber – Bäckerei Schmidt", sender.fingerprint, "Arbeitserlaubnis", "maschinell übersetzt",
  "Original (Arabisch):", "خياطة الفساتين وتعديل الملابس", "dtz.pdf"]) {
  assert.ok(root.text.includes(want), "the page shows " + want);
}
assert.ok(!root.text.includes("abgelaufen"), "a package within its time is not shown as expired");
render(doc, root, p, sender.fingerprint, new Date("2027-01-01T00:00:00Z"));
assert.ok(root.text.includes("abgelaufen"), "a package past its expiry says so");
console.log("viewer: the test vector opens and renders");
