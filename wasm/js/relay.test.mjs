// Two browser clients (two instances of mobio.wasm, as two devices) share a biography through
// a real relay: the owner creates it and invites a counsellor by link, the counsellor accepts,
// both edit, both see each other's edits and presence, and the owner revokes the counsellor.
// Then a disclosure package goes through the relay: sealed and stored by the sync engine,
// fetched without an identity and opened by the case-work module, and withdrawn.
//
// It needs a relay: wasm/relay_test.go starts one on 127.0.0.1 and runs this file with
// MOBIO_RELAY (its base URL), MOBIO_WASM and MOBIO_CASEWORK_WASM set; without MOBIO_RELAY it is
// skipped. Node 20 needs --experimental-websocket for the WebSocket the Go client dials.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { loadMobio, loadCaseworkModule } from "./load.mjs";
import { BiographyDoc } from "./doc.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const catalogue = JSON.parse(readFileSync(path.join(here, "..", "testdata", "catalogue.json"), "utf8"));
const relay = process.env.MOBIO_RELAY; // such as http://127.0.0.1:41234

// device starts one instance of mobio.wasm with its own identity and database, connected to
// the relay, and records its events.
async function device(name) {
  const mobio = await loadMobio();
  const sealed = await mobio.createIdentity(`${name} passphrase`, { db: name });
  const identity = await mobio.openIdentity(sealed, `${name} passphrase`);
  const events = [];
  const client = await mobio.newClient({
    identity,
    db: name,
    relay: relay.replace(/^http/, "ws") + "/sync",
    newDoc: BiographyDoc.factory({ catalogue }),
    onEvent: (e) => events.push(e),
  });
  return { mobio, client, identity, events };
}

// eventually polls check until it returns a truthy value, for at most ten seconds.
async function eventually(what, check) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const options = { skip: !relay && "set MOBIO_RELAY (wasm/relay_test.go does)", timeout: 60_000 };

test("owner and counsellor share a biography through the relay", options, async (t) => {
  const owner = await device("owner");
  const counsellor = await device("counsellor");
  // Running clients keep connections and timers, which would keep Node alive after a failure.
  t.after(() => Promise.all([owner.client.close(), counsellor.client.close()]));
  const self = { source: "self", by: "Amal" };

  const initial = BiographyDoc.create({ catalogue });
  initial.setField("person.given_names", "Amal", self);
  const id = await owner.client.create("Amal H.", initial.save());
  await owner.client.sync();
  assert.equal((await owner.client.info(id)).created, true);

  const link = await owner.client.invite(id, "counsellor", 3600, relay + "/");
  assert.ok(link.startsWith(relay) && link.includes("#"), "the secret is in the fragment");
  assert.equal(await counsellor.client.accept(link, "Amal Haddad"), id);
  await counsellor.client.sync();
  const given = (doc) => doc.getField("person.given_names")?.value;
  assert.equal(await counsellor.client.read(id, given), "Amal");
  assert.equal((await counsellor.client.info(id)).role, "counsellor");

  // Both edit while both run: each sees the other's edit.
  owner.client.run();
  counsellor.client.run();
  await counsellor.client.edit(id, (doc) => doc.setField("person.family_names", "Haddad", { source: "counsellor", by: "Jana" }));
  await owner.client.edit(id, (doc) => doc.setText("living.interests", "أحب الخبز", "ar"));
  await eventually("the owner has the counsellor's edit", () =>
    owner.client.read(id, (doc) => doc.getField("person.family_names")?.value === "Haddad"));
  await eventually("the counsellor has the owner's edit", () =>
    counsellor.client.read(id, (doc) => doc.getText("living.interests")?.text === "أحب الخبز"));
  assert.ok(owner.events.some((e) => e.kind === "remote-change" && e.doc === id && e.author === counsellor.identity.id));
  const heads = (doc) => doc.heads().join();
  await eventually("both replicas are equal", async () =>
    (await owner.client.read(id, heads)) === (await counsellor.client.read(id, heads)));

  // Presence: the owner is on a field, and the counsellor sees it.
  await owner.client.setPresence(id, "person.phone");
  const peer = await eventually("the counsellor sees the owner on person.phone", () =>
    counsellor.client.peers(id).find((p) => p.field === "person.phone"));
  assert.equal(peer.id, owner.identity.id);
  assert.ok(counsellor.events.some((e) => e.kind === "presence" && e.doc === id));

  // The owner ends the share: the counsellor is told and may no longer write.
  const members = await owner.client.members(id);
  assert.deepEqual(members.map((m) => m.role).sort(), ["counsellor", "owner"]);
  await owner.client.revoke(id, counsellor.identity.id);
  await eventually("the counsellor learns of the removal", () => counsellor.events.some((e) => e.kind === "removed" && e.doc === id));
  await assert.rejects(counsellor.client.edit(id, (doc) => doc.setField("person.phone", "+49 1", {})), (err) => err.code === "not-member");

  assert.deepEqual(await owner.client.status(), { connected: true, pending: 0 });
});

test("a disclosure package is stored, fetched by its link, opened and withdrawn", options, async (t) => {
  const owner = await device("sender");
  t.after(() => owner.client.close());
  const cw = await loadCaseworkModule();
  const fixture = JSON.parse(readFileSync(path.join(here, "..", "testdata", "casework.json"), "utf8"));
  const id = await owner.client.create("Amal H.", readFileSync(path.join(here, "..", "testdata", "casework.automerge")));
  // The relay must know the document and its owner. (A connection that sync() opened keeps
  // Node's WebSocket busy for a minute after close(); run()'s ends with stop().)
  owner.client.run();
  await eventually("the relay has the document", async () => (await owner.client.info(id)).created);

  const meta = { document: id, consent: fixture.consent.id, ttl_seconds: 3600 };
  const pt = await owner.client.read(id, (doc) => cw.packagePlaintext(doc, "EMPLOYER", { name: "Bäckerei Schmidt" }, meta));
  const sealed = await owner.client.sealPackage(pt.package_id, pt.plaintext);
  await owner.client.putPackage(id, sealed.packageId, sealed.ciphertext, pt.package.expires);
  const by = { source: "self", by: owner.identity.id };
  const share = await owner.client.edit(id, (doc) => cw.recordShare(doc, pt.plaintext, by));
  const link = cw.packageLink(relay, sealed.packageId, sealed.key);

  // The recipient has the link only: the ciphertext comes without an identity.
  const fetched = await owner.mobio.fetchPackage(relay, sealed.packageId);
  assert.deepEqual(fetched, sealed.ciphertext);
  const resp = await fetch(cw.parsePackageLink(link).url);
  assert.equal(resp.status, 200);
  assert.deepEqual(new Uint8Array(await resp.arrayBuffer()), sealed.ciphertext);
  const opened = cw.openPackage(link, fetched);
  assert.deepEqual(opened.package, pt.package);
  assert.equal(opened.sender.fingerprint, owner.identity.fingerprint);

  // Withdrawn: recorded in the biography, deleted at the relay.
  const w = await owner.client.edit(id, (doc) => cw.withdrawShare(doc, share, undefined, by));
  await owner.client.withdrawPackage(id, w.package_id);
  await assert.rejects(owner.mobio.fetchPackage(relay, sealed.packageId), (err) => err.code === "no-such-package");
});
