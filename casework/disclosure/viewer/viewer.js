// The package viewer: opens a disclosure package link (<base>/p/#<id>.<key>) in a browser with
// WebCrypto alone (AES-GCM, Ed25519, SHA-256) and shows the package in German. The format is
// casework/disclosure/FORMAT.md; the functions below follow its sections. Nothing here sends
// the key anywhere: it is read from location.hash, which browsers never send to a server.
//
// The module exports its steps for tests (viewer_test.mjs runs them on the test vector in
// casework/disclosure/testdata under Node); in a page it runs main().

const enc = new TextEncoder();

// b64url decodes unpadded URL-safe base64 strictly (FORMAT.md §1): other spellings fail.
export function b64url(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error("bad base64");
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4));
  const out = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  if (b64urlEncode(out) !== s) throw new Error("bad base64");
  return out;
}

function b64urlEncode(b) {
  let bin = "";
  for (const x of b) bin += String.fromCharCode(x);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// parseFragment returns the package ID (text and bytes) and the key of a link's fragment.
export function parseFragment(hash) {
  const frag = hash.startsWith("#") ? hash.slice(1) : hash;
  const parts = frag.split(".");
  if (parts.length !== 2) throw new Error("not a package link");
  const id = b64url(parts[0]);
  const key = b64url(parts[1]);
  if (id.length !== 16 || key.length !== 32) throw new Error("not a package link");
  return { idText: parts[0], id, key };
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of parts) {
    out.set(p, i);
    i += p.length;
  }
  return out;
}

function uvarint(n) {
  const out = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Uint8Array.from(out);
}

// signedMessage is e2ee.SignedMessage (FORMAT.md §5).
export function signedMessage(label, ...parts) {
  return concat(enc.encode(label), Uint8Array.of(0), ...parts.flatMap((p) => [uvarint(p.length), p]));
}

// bucket is the padded size of n bytes (FORMAT.md §4).
function bucket(n) {
  if (n <= 256) return 256;
  if (n <= 65536) {
    let b = 256;
    while (b < n) b *= 2;
    return b;
  }
  return Math.ceil(n / 65536) * 65536;
}

async function sha256(b) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", b));
}

async function ed25519Verify(pub, sig, msg) {
  const k = await crypto.subtle.importKey("raw", pub, { name: "Ed25519" }, false, ["verify"]);
  return crypto.subtle.verify({ name: "Ed25519" }, k, sig, msg);
}

// fingerprint is e2ee.IdentityPublic.Fingerprint of a sender (FORMAT.md §6).
export async function fingerprint(sender) {
  const id = await sha256(signedMessage("mobio/v1/identity-id", sender.slice(1, 33), sender.slice(33, 65)));
  const h = await sha256(signedMessage("mobio/v1/fingerprint", id));
  const h2 = await sha256(h);
  const groups = [];
  for (let i = 0; i < 12; i++) {
    const chunk = i < 6 ? h.slice(i * 5, i * 5 + 5) : h2.slice((i - 6) * 5, (i - 6) * 5 + 5);
    let v = 0n;
    for (const c of chunk) v = (v << 8n) | BigInt(c);
    groups.push(String(v % 100000n).padStart(5, "0"));
  }
  return groups.join(" ");
}

// openSealed decrypts and verifies a sealed package (FORMAT.md §3–§5) and returns the body's
// bytes and the sender's public identity. Every failure is the same error.
export async function openSealed(sealed, id, key) {
  const fail = () => new Error("the package cannot be opened");
  if (sealed.length < 1 + 12 + 16 || sealed[0] !== 1) throw fail();
  let padded;
  try {
    const k = await crypto.subtle.importKey("raw", key, { name: "AES-GCM" }, false, ["decrypt"]);
    const ad = signedMessage("mobio/v1/package-ad", id);
    padded = new Uint8Array(
      await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.slice(1, 13), additionalData: ad, tagLength: 128 }, k, sealed.slice(13)),
    );
  } catch {
    throw fail();
  }
  if (padded.length < 4) throw fail();
  const n = new DataView(padded.buffer, padded.byteOffset).getUint32(0);
  if (n > padded.length - 4 || bucket(4 + n) !== padded.length || padded.slice(4 + n).some((x) => x !== 0)) throw fail();
  const inner = padded.slice(4, 4 + n);
  if (inner.length < 129 + 64 || inner[0] !== 1) throw fail();
  const sender = inner.slice(0, 129);
  const sig = inner.slice(129, 193);
  const body = inner.slice(193);
  const bound = await ed25519Verify(sender.slice(1, 33), sender.slice(65, 129), signedMessage("mobio/v1/identity-hpke", sender.slice(33, 65)));
  const signed = await ed25519Verify(sender.slice(1, 33), sig, signedMessage("mobio/v1/package", id, sender, body));
  if (!bound || !signed) throw fail();
  return { body, sender };
}

// decodeBody parses a verified body (FORMAT.md §7) and checks its format and ID.
export function decodeBody(body, idText) {
  const p = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  if (p.format !== 1 || p.id !== idText) throw new Error("the package cannot be opened");
  return p;
}

const dateTime = (s) =>
  new Date(s).toLocaleString("de-DE", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" }) + " (UTC)";

function el(doc, tag, attrs = {}, ...children) {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c); // strings become text nodes: no markup from the package
  return e;
}

// render shows the package in German: who it is for, who sent it (fingerprint), when it
// expires, each section with its items (list entries grouped), originals beside translations,
// and the files for download.
export function render(doc, root, p, fp, now = new Date()) {
  root.replaceChildren();
  root.append(el(doc, "h1", {}, "Angaben zur Weitergabe an " + p.recipient.label + (p.recipient.name ? " – " + p.recipient.name : "")));
  const meta = el(doc, "dl", { class: "meta" });
  const row = (k, v) => meta.append(el(doc, "dt", {}, k), el(doc, "dd", {}, v));
  row("Absender (Fingerabdruck)", fp);
  row("Erstellt am", dateTime(p.created));
  row("Gültig bis", dateTime(p.expires));
  root.append(meta);
  if (new Date(p.expires) <= now) root.append(el(doc, "p", { class: "warn" }, "Dieses Paket ist abgelaufen."));
  root.append(
    el(doc, "p", { class: "note" },
      "Nur lesbar. Die Person hat diese Angaben zur Weitergabe an Sie freigegeben. Übersetzungen sind mit ihrer Herkunft gekennzeichnet; der Originaltext steht daneben. " +
      "Vergleichen Sie den Fingerabdruck mit dem, den die Person Ihnen nennt."),
  );
  for (const s of p.sections) {
    const sec = el(doc, "section", {}, el(doc, "h2", {}, s.label));
    const table = el(doc, "table");
    let entry = "";
    const count = {};
    for (const it of s.items) {
      if (it.entry && it.entry !== entry) {
        count[it.list] = (count[it.list] || 0) + 1;
        table.append(el(doc, "tr", { class: "entry" }, el(doc, "th", { colspan: "2" }, it.list_label + " " + count[it.list])));
      }
      entry = it.entry || "";
      const value = el(doc, "td", {}, el(doc, "span", { dir: "auto" }, it.value));
      const t = it.text;
      if (t && t.translation !== "same") {
        value.append(" ", el(doc, "span", { class: "marker " + t.translation }, t.marker + (t.translation === "none" ? "; " + t.lang_label : "")));
        if (t.original !== it.value) {
          value.append(el(doc, "div", { class: "original" }, "Original (" + t.lang_label + "): ", el(doc, "span", { dir: "auto", lang: t.lang }, t.original)));
        }
      } else if (it.source_label) {
        value.append(" ", el(doc, "span", { class: "source" }, "(" + it.source_label + ")"));
      }
      table.append(el(doc, "tr", it.entry ? { class: "in-entry" } : {}, el(doc, "th", {}, it.label), value));
    }
    sec.append(table);
    root.append(sec);
  }
  if (p.files.length > 0) {
    const list = el(doc, "ul", { class: "files" });
    for (const f of p.files) {
      const a = el(doc, "a", { download: f.name }, f.name);
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      a.href = URL.createObjectURL(new Blob([bytes], { type: f.media_type || "application/octet-stream" }));
      list.append(el(doc, "li", {}, a, " (" + f.media_type + ", " + bytes.length + " Bytes)"));
    }
    root.append(el(doc, "section", {}, el(doc, "h2", {}, "Dateien"), list));
  }
}

async function main() {
  const root = document.getElementById("package");
  const status = (text, cls = "") => root.replaceChildren(el(document, "p", { class: cls }, text));
  let link;
  try {
    link = parseFragment(location.hash);
  } catch {
    status("Dieser Link ist unvollständig: Er muss nach „#“ den Schlüssel enthalten.", "warn");
    return;
  }
  status("Das Paket wird geladen …");
  let resp;
  try {
    resp = await fetch(new URL("../packages/" + link.idText, location.href), { cache: "no-store", referrerPolicy: "no-referrer" });
  } catch {
    status("Der Server ist nicht erreichbar. Bitte später noch einmal versuchen.", "warn");
    return;
  }
  if (resp.status === 404) {
    status("Dieses Paket gibt es nicht mehr: Es ist abgelaufen oder wurde zurückgezogen.", "warn");
    return;
  }
  if (!resp.ok) {
    status("Der Server hat das Paket nicht geliefert (" + resp.status + ").", "warn");
    return;
  }
  try {
    const { body, sender } = await openSealed(new Uint8Array(await resp.arrayBuffer()), link.id, link.key);
    const p = decodeBody(body, link.idText);
    render(document, root, p, await fingerprint(sender));
    document.getElementById("print").hidden = false;
  } catch {
    status("Das Paket lässt sich nicht öffnen: Es ist beschädigt oder gehört nicht zu diesem Link.", "warn");
  }
}

if (typeof document !== "undefined") {
  document.getElementById("print")?.addEventListener("click", () => window.print());
  main();
}
