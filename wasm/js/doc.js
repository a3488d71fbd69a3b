// doc.js: the biography document in the browser, over @automerge/automerge.
//
// A BiographyDoc holds one Automerge document with the layout of Go's package crdt (read its
// doc comment in crdt/doc.go), so that a document written here reads the same in automerge-go
// and the other way round:
//
//   - the root holds schema_version (an integer) and one map per section;
//   - a scalar field is a map {v, state, src, by, doc, at, unc}, replaced as a whole on every
//     write; strings are scalar strings (Automerge.ImmutableString), never collaborative text;
//     integers are integers, never floats;
//   - a free-text field is a map {t: Text, lang, tr: {lang: {t, of, src, engine, by, at}}};
//   - a set of codes or entry references is a map {set: {code: true}, src, by, doc, at};
//   - a list is a map from a 16-character entry ID to the entry's map, which holds _created
//     (milliseconds since 1970) and the entry's fields.
//
// Paths name fields as in crdt: "person.given_names", or "work.jobs.<id>.employer" for a field
// of a list entry.
//
// The object is also the document the Go client (mobio.wasm) keeps in JavaScript: it has the
// methods save(), saveIncremental(), loadIncremental(bytes) and heads() that the client calls.
// Change it only inside client.edit(doc, fn), so that the client commits and seals what fn did.
//
// The catalogue (the JSON of `mobio schema export`, or any object with its sections[].fields[]
// {key, type, item}) tells which fields need containers: create() puts them in place like
// crdt.New, so that concurrent first edits merge, and addEntry() does the same for an entry.
// Without a catalogue, containers are created when first written, as crdt does for documents
// older than a field.
//
// Values are not validated against the catalogue here (code lists, patterns, ranges): that is
// the form's work, and crdt's Validate reports what is wrong in a stored document.

import * as A from "@automerge/automerge";

// The layout's keys, as crdt names them.
const K = Object.freeze({
  schemaVersion: "schema_version",
  created: "_created",
  value: "v",
  state: "state",
  source: "src",
  by: "by",
  document: "doc",
  at: "at",
  uncertain: "unc",
  text: "t",
  lang: "lang",
  translations: "tr",
  engine: "engine",
  of: "of",
  set: "set",
});

// States of a field other than having a value.
export const STATES = Object.freeze(["unknown", "declined"]);

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

// newEntryID returns 80 random bits in lower-case base32 without padding: 16 characters, as
// crdt makes them, so that entries added offline on different devices do not collide.
export function newEntryID(random = (n) => crypto.getRandomValues(new Uint8Array(n))) {
  const b = random(10);
  let out = "";
  let acc = 0;
  let bits = 0;
  for (const x of b) {
    acc = (acc << 8) | x;
    bits += 8;
    while (bits >= 5) {
      out += ID_ALPHABET[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

// isEntryID reports whether id is an entry ID crdt can read.
export function isEntryID(id) {
  return typeof id === "string" && id.length === 16 && [...id].every((c) => ID_ALPHABET.includes(c));
}

// formatTime writes an instant as Go's crdt does: UTC, truncated to the millisecond, RFC 3339
// with the fraction's trailing zeros (and a fraction of zero) left out.
export function formatTime(t) {
  const d = t instanceof Date ? t : new Date(t);
  if (Number.isNaN(d.getTime())) throw new TypeError("invalid time");
  return d.toISOString().replace(/\.(\d*?)0*Z$/, (_, f) => (f ? "." + f : "") + "Z");
}

// textDigest identifies the original a translation was made from: the first 8 bytes of its
// SHA-256 in hex, as crdt computes it. It is synchronous (WebCrypto's digest is not), so that
// reading a document inside client.read stays synchronous.
export function textDigest(s) {
  return [...sha256(new TextEncoder().encode(s)).slice(0, 8)].map((x) => x.toString(16).padStart(2, "0")).join("");
}

const SHA256_K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

// sha256 is SHA-256 (FIPS 180-4) of the bytes b.
export function sha256(b) {
  const n = Math.ceil((b.length + 9) / 64) * 64;
  const m = new Uint8Array(n);
  m.set(b);
  m[b.length] = 0x80;
  const dv = new DataView(m.buffer);
  dv.setUint32(n - 8, Math.floor(b.length / 0x20000000));
  dv.setUint32(n - 4, (b.length * 8) >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x, r) => (x >>> r) | (x << (32 - r));
  for (let off = 0; off < n; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getUint32(off + 4 * i);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, bb, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[i] + w[i];
      const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c));
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += bb;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  const out = new Uint8Array(32);
  const odv = new DataView(out.buffer);
  h.forEach((x, i) => odv.setUint32(4 * i, x));
  return out;
}

// plain turns a stored scalar (ImmutableString and the like) into a JavaScript value.
function plain(v) {
  if (A.isImmutableString(v)) return v.val;
  return v;
}

function str(v) {
  v = plain(v);
  return typeof v === "string" ? v : "";
}

// codePoints converts a position in code points of s into UTF-16 code units, the unit of
// @automerge/automerge's text indices (crdt counts code points).
function utf16Index(s, cp) {
  let i = 0;
  for (let n = 0; n < cp; n++) {
    if (i >= s.length) throw new RangeError(`position ${cp} is past the end of the text`);
    i += s.codePointAt(i) > 0xffff ? 2 : 1;
  }
  return i;
}

// diff finds the single splice, in code points, that turns a into b, as crdt's diff does.
function diff(a, b) {
  const ar = [...a];
  const br = [...b];
  let p = 0;
  while (p < ar.length && p < br.length && ar[p] === br[p]) p++;
  let s = 0;
  while (s < ar.length - p && s < br.length - p && ar[ar.length - 1 - s] === br[br.length - 1 - s]) s++;
  return { pos: p, del: ar.length - p - s, ins: br.slice(p, br.length - s).join("") };
}

// parsePath splits "section.field" or "section.list.<id>.field".
function parsePath(path) {
  const parts = String(path).split(".");
  if (parts.length === 2) return { section: parts[0], field: parts[1] };
  if (parts.length === 4) {
    if (!isEntryID(parts[2])) throw new Error(`${path}: ${parts[2]} is not an entry ID`);
    return { section: parts[0], list: parts[1], entry: parts[2], field: parts[3] };
  }
  throw new Error(`${path}: want section.field or section.list.<id>.field`);
}

// parseListPath splits "section.list".
function parseListPath(path) {
  const parts = String(path).split(".");
  if (parts.length !== 2) throw new Error(`${path}: want section.list`);
  return { section: parts[0], list: parts[1] };
}

// provenanceMap is the stored form of a provenance {source, by, document, at}; at defaults to
// now.
function provenanceMap(p = {}, now) {
  const m = {};
  if (p.source) m[K.source] = p.source;
  if (p.by) m[K.by] = p.by;
  if (p.document) m[K.document] = p.document;
  m[K.at] = formatTime(p.at ?? now());
  return m;
}

function readProvenance(m) {
  const p = {};
  if (str(m[K.source])) p.source = str(m[K.source]);
  if (str(m[K.by])) p.by = str(m[K.by]);
  if (str(m[K.document])) p.document = str(m[K.document]);
  if (str(m[K.at])) p.at = str(m[K.at]);
  return p;
}

// stored turns a plain object into Automerge values with keys in sorted order (crdt writes
// them sorted, so that one edit makes the same bytes every time): strings become scalar
// strings.
function stored(m) {
  const out = {};
  for (const k of Object.keys(m).sort()) {
    const v = m[k];
    out[k] = typeof v === "string" ? new A.ImmutableString(v) : v;
  }
  return out;
}

// Layout of the containers a section or entry needs, from a catalogue.
function containerFields(fields) {
  const out = {};
  for (const f of fields ?? []) {
    if (f.type === "text" || f.type === "codes" || f.type === "refs" || f.type === "list") {
      out[f.key] = { type: f.type, item: f.type === "list" ? f.item ?? [] : undefined };
    }
  }
  return out;
}

// putContainers creates in map m the containers of fields (a containerFields result).
function putContainers(m, fields) {
  for (const [key, f] of Object.entries(fields)) {
    switch (f.type) {
      case "text":
        m[key] = {};
        m[key][K.text] = "";
        m[key][K.translations] = {};
        break;
      case "codes":
      case "refs":
        m[key] = {};
        m[key][K.set] = {};
        break;
      case "list":
        m[key] = {};
        break;
    }
  }
}

export class BiographyDoc {
  // Use BiographyDoc.create, .load or .empty.
  constructor(doc, { catalogue, now, random } = {}) {
    this.doc = doc;
    this.now = now ?? (() => new Date());
    // random(n) returns n random bytes for entry IDs; only tests that need reproducible bytes
    // set it, as entry IDs must not collide across devices.
    this.random = random;
    this.sections = new Map();
    for (const s of catalogue?.sections ?? []) {
      this.sections.set(s.key, s);
    }
  }

  // create returns a new biography of the catalogue's schema version with every section and
  // every text, set and list container in place, like crdt.New. Options: catalogue
  // (required), actor (hex), now (a function returning the current Date), random.
  static create({ catalogue, actor, now, random } = {}) {
    if (!catalogue || !Number.isInteger(catalogue.version) || !Array.isArray(catalogue.sections)) {
      throw new TypeError("create needs the schema catalogue ({version, sections})");
    }
    const b = new BiographyDoc(A.init(actor ? { actor } : undefined), { catalogue, now, random });
    b.#change("create biography", (d) => {
      d[K.schemaVersion] = catalogue.version;
      for (const s of catalogue.sections) {
        d[s.key] = {};
        putContainers(d[s.key], containerFields(s.fields));
      }
    });
    return b;
  }

  // load opens a document saved by save() here or by crdt's Save in Go.
  static load(bytes, { catalogue, actor, now, random } = {}) {
    return new BiographyDoc(A.load(bytes, actor ? { actor } : undefined), { catalogue, now, random });
  }

  // empty returns a replica without content, for a document whose content arrives through
  // loadIncremental (the Go client makes its replicas so).
  static empty({ catalogue, actor, now, random } = {}) {
    return new BiographyDoc(A.init(actor ? { actor } : undefined), { catalogue, now, random });
  }

  // factory returns the newDoc function for mobio.newClient: bytes → load, null → empty.
  static factory(options = {}) {
    return (bytes) => (bytes ? BiographyDoc.load(bytes, options) : BiographyDoc.empty(options));
  }

  // --- the Go client's document interface ----------------------------------------------------

  // save returns the whole document.
  save() {
    return A.save(this.doc);
  }

  // saveIncremental returns the changes since the last save or saveIncremental (empty when
  // there are none).
  saveIncremental() {
    return A.saveIncremental(this.doc);
  }

  // loadIncremental applies changes or a whole document saved by any replica.
  loadIncremental(bytes) {
    this.doc = A.loadIncremental(this.doc, bytes);
  }

  // heads returns the hashes of the latest changes, sorted: equal heads, equal documents.
  heads() {
    return [...A.getHeads(this.doc)].sort();
  }

  // --- reading ---------------------------------------------------------------------------------

  // schemaVersion returns the document's schema version.
  schemaVersion() {
    return this.doc[K.schemaVersion];
  }

  // holder returns the map holding the field of parsed path p, or undefined.
  #holder(d, p) {
    const s = d[p.section];
    if (!p.list) return s;
    return s?.[p.list]?.[p.entry];
  }

  // getField reads a scalar field: {value, uncertain?, provenance} or {state, provenance}, or
  // null when it has no answer.
  getField(path) {
    const p = parsePath(path);
    const m = this.#holder(this.doc, p)?.[p.field];
    if (!m || typeof m !== "object") return null;
    const provenance = readProvenance(m);
    const state = str(m[K.state]);
    if (STATES.includes(state)) return { state, provenance };
    if (m[K.value] === undefined || m[K.value] === null) return null;
    const out = { value: plain(m[K.value]), provenance };
    if (m[K.uncertain] === true) out.uncertain = true;
    return out;
  }

  // getText reads a free-text field: {text, lang, translations: {lang: {text, source, engine,
  // by, at, outdated}}}, or null when the field has no container yet.
  getText(path) {
    const p = parsePath(path);
    const m = this.#holder(this.doc, p)?.[p.field];
    if (!m || typeof m[K.text] !== "string") return null;
    const text = m[K.text];
    const out = { text, lang: str(m[K.lang]), translations: {} };
    const digest = textDigest(text);
    for (const [lang, t] of Object.entries(m[K.translations] ?? {})) {
      if (!t || typeof t !== "object") continue;
      const p = readProvenance(t);
      out.translations[lang] = {
        text: str(t[K.text]),
        source: p.source ?? "",
        engine: str(t[K.engine]),
        by: p.by ?? "",
        at: p.at ?? "",
        outdated: str(t[K.of]) !== digest,
      };
    }
    return out;
  }

  // codes returns the members of a set field, sorted.
  codes(path) {
    const p = parsePath(path);
    const set = this.#holder(this.doc, p)?.[p.field]?.[K.set];
    return set ? Object.keys(set).sort() : [];
  }

  // entries returns the IDs of a list's entries, oldest first (by _created, then ID).
  entries(listPath) {
    const p = parseListPath(listPath);
    const l = this.doc[p.section]?.[p.list];
    if (!l) return [];
    return Object.entries(l)
      .filter(([id, e]) => isEntryID(id) && e && typeof e === "object")
      .map(([id, e]) => ({ id, created: Number(e[K.created] ?? 0) }))
      .sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((e) => e.id);
  }

  // --- writing ---------------------------------------------------------------------------------

  // #change runs fn on the document as one committed change stamped with now.
  #change(message, fn) {
    const time = this.now().getTime();
    this.doc = A.change(this.doc, { message, time }, fn);
  }

  // #holderFor returns the map holding the field of p inside a change, creating a missing
  // section; a missing entry is an error.
  #holderFor(d, p, path) {
    if (!d[p.section]) {
      d[p.section] = {};
      putContainers(d[p.section], containerFields(this.sections.get(p.section)?.fields));
    }
    if (!p.list) return d[p.section];
    const e = d[p.section][p.list]?.[p.entry];
    if (!e) throw new Error(`${path}: no such entry`);
    return e;
  }

  // setField writes a scalar field: value (a string, an integer or a boolean; dates are ISO
  // 8601 strings of year, year-month or full date; instants RFC 3339 strings) and its
  // provenance {source, by, document, at}. Options: uncertain (for dates). Value and
  // provenance replace the previous ones as a whole.
  setField(path, value, provenance = {}, { uncertain = false } = {}) {
    if (typeof value === "number" && !Number.isSafeInteger(value)) {
      throw new TypeError(`${path}: numbers must be integers`);
    }
    if (!["string", "number", "boolean"].includes(typeof value)) {
      throw new TypeError(`${path}: value must be a string, an integer or a boolean`);
    }
    const m = { ...provenanceMap(provenance, this.now), [K.value]: value };
    if (uncertain) m[K.uncertain] = true;
    this.#setScalar(path, m);
  }

  // setState records that a field's answer is "unknown" or "declined".
  setState(path, state, provenance = {}) {
    if (!STATES.includes(state)) throw new TypeError(`${path}: state must be one of ${STATES.join(", ")}`);
    this.#setScalar(path, { ...provenanceMap(provenance, this.now), [K.state]: state });
  }

  #setScalar(path, m) {
    const p = parsePath(path);
    this.#change("set " + path, (d) => {
      this.#holderFor(d, p, path)[p.field] = stored(m);
    });
  }

  // clearField removes a scalar field's answer.
  clearField(path) {
    const p = parsePath(path);
    this.#change("clear " + path, (d) => {
      const h = this.#holderFor(d, p, path);
      if (h[p.field] !== undefined) delete h[p.field];
    });
  }

  // #textMap returns the text map of the field, creating it when missing.
  #textMap(d, p, path) {
    const h = this.#holderFor(d, p, path);
    if (!h[p.field] || typeof h[p.field] !== "object") {
      h[p.field] = {};
      h[p.field][K.translations] = {};
    }
    const m = h[p.field];
    if (typeof m[K.text] !== "string") m[K.text] = "";
    return m;
  }

  // setText makes a free-text field read text, in input language lang ("" keeps the current
  // one). Only the changed middle is replaced, so that concurrent typing elsewhere survives.
  setText(path, text, lang = "") {
    const p = parsePath(path);
    this.#change("edit " + path, (d) => {
      const m = this.#textMap(d, p, path);
      const cur = m[K.text];
      const { pos, del, ins } = diff(cur, text);
      if (del > 0 || ins !== "") {
        const at = utf16Index(cur, pos);
        A.splice(d, [...this.#pathOf(p), K.text], at, utf16Index(cur, pos + del) - at, ins);
      }
      if (lang && str(m[K.lang]) !== lang) m[K.lang] = new A.ImmutableString(lang);
    });
  }

  // spliceText deletes del characters (code points) at pos and inserts text there: one
  // keystroke or paste.
  spliceText(path, pos, del, text) {
    const p = parsePath(path);
    this.#change("edit " + path, (d) => {
      const m = this.#textMap(d, p, path);
      const cur = m[K.text];
      const at = utf16Index(cur, pos);
      A.splice(d, [...this.#pathOf(p), K.text], at, utf16Index(cur, pos + del) - at, text);
    });
  }

  // setTranslation records a translation of a free-text field into lang: {text, source
  // ("human", "machine" or "same"), engine, by, at}. It remembers the original it
  // translates, so that a later edit of the original marks it outdated.
  setTranslation(path, lang, tr) {
    const p = parsePath(path);
    const orig = this.#holder(this.doc, p)?.[p.field]?.[K.text] ?? "";
    const digest = textDigest(typeof orig === "string" ? orig : "");
    const m = { [K.text]: tr.text, [K.of]: digest, ...provenanceMap({ source: tr.source, by: tr.by, at: tr.at }, this.now) };
    if (tr.engine) m[K.engine] = tr.engine;
    this.#change("translate " + path, (d) => {
      const tm = this.#textMap(d, p, path);
      if (!tm[K.translations]) tm[K.translations] = {};
      tm[K.translations][lang] = stored(m);
    });
  }

  #pathOf(p) {
    return p.list ? [p.section, p.list, p.entry, p.field] : [p.section, p.field];
  }

  // #setMap returns the {set: …} map of a set field, creating it when missing.
  #setMap(d, p, path) {
    const h = this.#holderFor(d, p, path);
    if (!h[p.field] || typeof h[p.field] !== "object") h[p.field] = {};
    if (!h[p.field][K.set]) h[p.field][K.set] = {};
    return h[p.field];
  }

  // setCodes makes a set field hold exactly codes, adding and removing members one by one so
  // that concurrent changes to other members survive; a provenance, when given, is recorded
  // on the field.
  setCodes(path, codes, provenance) {
    const p = parsePath(path);
    const want = new Set(codes);
    const have = new Set(this.codes(path));
    if ([...want].every((c) => have.has(c)) && [...have].every((c) => want.has(c))) return;
    this.#change("set " + path, (d) => {
      const f = this.#setMap(d, p, path);
      for (const c of Object.keys(f[K.set])) {
        if (!want.has(c)) delete f[K.set][c];
      }
      for (const c of [...want].sort()) {
        if (!have.has(c)) f[K.set][c] = true;
      }
      if (provenance) {
        for (const [k, v] of Object.entries(provenanceMap(provenance, this.now))) {
          f[k] = new A.ImmutableString(v);
        }
      }
    });
  }

  // addCode adds code to a set field (a code, or an entry ID for a refs field).
  addCode(path, code, provenance) {
    this.setCodes(path, [...this.codes(path), code], provenance);
  }

  // removeCode removes code from a set field.
  removeCode(path, code) {
    this.setCodes(
      path,
      this.codes(path).filter((c) => c !== code),
    );
  }

  // addEntry adds an entry to the list at listPath ("work.jobs") and returns its new ID.
  addEntry(listPath) {
    const p = parseListPath(listPath);
    const id = this.random ? newEntryID(this.random) : newEntryID();
    const item = (this.sections.get(p.section)?.fields ?? []).find((f) => f.key === p.list)?.item;
    this.#change("add " + listPath, (d) => {
      this.#holderFor(d, { section: p.section }, listPath);
      if (!d[p.section][p.list]) d[p.section][p.list] = {};
      const e = {};
      e[K.created] = this.now().getTime();
      d[p.section][p.list][id] = e;
      putContainers(d[p.section][p.list][id], containerFields(item));
    });
    return id;
  }

  // removeEntry removes an entry; a concurrent edit of it on another replica loses.
  removeEntry(listPath, id) {
    const p = parseListPath(listPath);
    if (!this.doc[p.section]?.[p.list]?.[id]) throw new Error(`${listPath}.${id}: no such entry`);
    this.#change("remove " + listPath, (d) => {
      delete d[p.section][p.list][id];
    });
  }
}
