// The JavaScript API of mobio.wasm (README.md), offline, in Node with fake-indexeddb: an
// identity is created, stored and opened; a biography is created and edited through doc.js;
// everything survives closing and reopening the client; an attachment is stored and read
// back; errors reject with a code the web app can branch on.
//
// Run: cd wasm && npm ci && node --test js/   (builds mobio.wasm unless MOBIO_WASM names one)

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { loadMobio } from "./load.mjs";
import { BiographyDoc } from "./doc.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const catalogue = JSON.parse(readFileSync(path.join(here, "..", "testdata", "catalogue.json"), "utf8"));

let mobio;
before(async () => {
  mobio = await loadMobio();
});

const self = { source: "self", by: "Amal" };

async function rejects(promise, code) {
  await assert.rejects(promise, (err) => {
    assert.ok(err instanceof Error, `rejected with ${err}, want an Error`);
    assert.equal(err.code, code, `error ${JSON.stringify(err.message)} has code ${err.code}, want ${code}`);
    return true;
  });
}

test("identity is created, stored sealed and opened only with its passphrase", async () => {
  const db = "identity-test";
  assert.equal(await mobio.storedIdentity({ db }), null);
  const sealed = await mobio.createIdentity("correct horse battery staple", { db });
  assert.ok(sealed instanceof Uint8Array && sealed.length > 0);
  assert.deepEqual(await mobio.storedIdentity({ db }), sealed);
  await rejects(mobio.openIdentity(sealed, "wrong passphrase"), "wrong-passphrase");
  const id = await mobio.openIdentity(sealed, "correct horse battery staple");
  assert.match(id.id, /^[a-z2-7]+$/);
  assert.ok(id.fingerprint.length > 0 && id.publicKey.startsWith("mobio-id1"));
  assert.equal(JSON.stringify(id).includes("correct horse"), false);
});

test("biography is created, edited, persisted and read back through the client", async () => {
  const db = "client-test";
  const sealed = await mobio.createIdentity("pass phrase one", { db });
  const identity = await mobio.openIdentity(sealed, "pass phrase one");
  const events = [];
  const newDoc = BiographyDoc.factory({ catalogue });
  let client = await mobio.newClient({ identity, db, newDoc, onEvent: (e) => events.push(e) });

  const initial = BiographyDoc.create({ catalogue });
  initial.setField("person.given_names", "Amal", self);
  const id = await client.create("Amal H.", initial.save());
  assert.match(id, /^[a-z2-7]+$/);

  await client.edit(id, (doc) => {
    doc.setField("person.family_names", "Haddad", self);
    doc.setText("living.interests", "أحب الخبز", "ar");
  });
  let entry;
  await client.edit(id, (doc) => {
    entry = doc.addEntry("documents.files");
  });

  // A failed edit keeps nothing of what it did.
  await rejects(
    client.edit(id, (doc) => {
      doc.setField("person.family_names", "Wrong", self);
      throw new Error("form validation failed");
    }),
    "script",
  );
  // An edit must not be async: the document is the function's only while it runs.
  await rejects(client.edit(id, async () => {}), "invalid-argument");

  // Changes made on a copy of the document are committed with applyLocal.
  const copy = BiographyDoc.load(await client.read(id, (doc) => doc.save()));
  copy.saveIncremental();
  copy.setField("person.place_of_birth", "Aleppo", self);
  await client.applyLocal(id, copy.saveIncremental());

  const read = (doc) => ({
    given: doc.getField("person.given_names").value,
    family: doc.getField("person.family_names").value,
    place: doc.getField("person.place_of_birth").value,
    files: doc.entries("documents.files"),
  });
  const want = { given: "Amal", family: "Haddad", place: "Aleppo", files: [entry] };
  assert.deepEqual(await client.read(id, read), want);

  const [info] = await client.docs();
  assert.equal(info.id, id);
  assert.equal(info.title, "Amal H.");
  assert.equal(info.role, "owner");
  assert.equal(info.created, false, "the relay has not seen it");
  assert.ok(info.pending >= 4, `pending ${info.pending}: genesis and four changes wait for the relay`);
  assert.deepEqual(await client.status(), { connected: false, pending: info.pending });
  assert.ok(events.some((e) => e.kind === "outbox" && e.doc === id));
  assert.deepEqual(client.peers(id), []);
  assert.deepEqual(client.peers("not an ID"), []);

  // An attachment is encrypted, kept in IndexedDB and read back while offline.
  const scan = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31) & 255);
  const progress = [];
  const att = await client.attach(id, entry, scan, (done, total) => progress.push([done, total]));
  assert.match(att.id, /^[0-9a-f]{64}$/);
  assert.ok(att.size > scan.length && att.key.startsWith("mobio-attkey1-"));
  assert.deepEqual(await client.fetch(id, entry, att), scan);
  await rejects(client.fetch(id, "aaaaaaaaaaaaaaaa", att), "decrypt");

  // The relay is needed for sharing; this client has none.
  await rejects(client.invite(id, "counsellor", 3600, "https://relay.example/"), "offline");
  await rejects(client.read("not an ID", read), "invalid-argument");
  await rejects(client.invite(id, "janitor", 3600, "https://relay.example/"), "invalid-argument");

  // Everything is in IndexedDB: a new client on the same database reads it all.
  await client.close();
  client = await mobio.newClient({ identity, db, newDoc });
  assert.deepEqual(await client.read(id, read), want);
  const interests = await client.read(id, (doc) => doc.getText("living.interests"));
  assert.equal(interests.text, "أحب الخبز");
  assert.deepEqual(await client.fetch(id, entry, att), scan);
  await client.close();
});
