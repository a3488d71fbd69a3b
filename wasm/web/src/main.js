// main.js: mobio's web app. It loads the Go client (mobio.wasm, globalThis.mobio) and the
// schema catalogue, opens the identity with its passphrase, and shows the biography as forms
// generated from the catalogue, in the chosen language, with the sync state, the other
// editor's presence, invitations, members and the documents' files.
//
// The biography itself never leaves the client unencrypted: the app edits it only through
// client.edit, which commits, seals and queues each change (see ../../README.md). Typing is
// committed once per pause (form.js), and whatever is still waiting is committed when the
// page is hidden or left.
//
// The case-work screens (sending to an agency, consents, plan, CV, translation, reports) run
// the rules of the case-work module, mobio-casework.wasm, which casework.js loads on the first
// use of one of them. Each screen is a module with mount(root, ctx); ctx is caseworkCtx below.

import qrcode from "qrcode-generator";
import { initializeWasm as initializeAutomerge } from "@automerge/automerge/slim";
import { BiographyDoc } from "../../js/doc.js";
import { t, label, setLang, lang, LANGS, RTL, NATIVE, SHORT, digits } from "./i18n.js";
import { readSection, renderSection, fillSection, flushEdits, editsWaiting, el } from "./form.js";
import { casework, caseworkLoaded } from "./casework.js";
import { mountSend } from "./send.js";
import { mountConsents } from "./consents.js";
import { HEALTH_SECTION, healthGate, healthGateStale } from "./healthconsent.js";
import * as planScreen from "./plan.js";
import * as cvScreen from "./cv.js";
import * as translateScreen from "./translate.js";
import * as reportsScreen from "./reports.js";

const INVITE_TTL_SECONDS = 7 * 24 * 3600;
const STORE_LANG = "mobio.lang";
const STORE_LAST_DOC = "mobio.lastDoc";
const STORE_SECTION = "mobio.section";

const app = {
  mobio: null,
  catalogue: null,
  codeLists: new Map(),
  config: {}, // /config.json: the operator's {controller, dpo, translateURL}
  screen: null, // what the mounted case-work screen's mount returned ({update?()})
  identity: null,
  client: null,
  docId: null,
  info: null,
  section: null,
  data: null, // readSection result shown now
  members: [],
  view: null, // function that renders the current screen again (after a language switch)
  connected: false,
  pending: 0,
};
app.editsWaiting = editsWaiting;
globalThis.mobioApp = app; // for the end-to-end tests and debugging in the console

const $ = (sel) => document.querySelector(sel);

// --- language -----------------------------------------------------------------------------------

function applyLang(l) {
  l = setLang(l);
  localStorage.setItem(STORE_LANG, l);
  document.documentElement.lang = l;
  document.documentElement.dir = RTL.has(l) ? "rtl" : "ltr";
  document.title = t("appTitle");
  $("#lang").value = l;
  $("#lang-short").textContent = SHORT[l];
  $("#app-title").textContent = t("appTitle");
  refreshStatus();
}

function initialLang() {
  const stored = localStorage.getItem(STORE_LANG);
  if (LANGS.includes(stored)) return stored;
  for (const l of navigator.languages ?? []) {
    const base = l.slice(0, 2).toLowerCase();
    if (LANGS.includes(base)) return base;
  }
  return "de";
}

// --- boot ---------------------------------------------------------------------------------------

// Both wasm modules are fetched (index.html preloads them) and compiled from their downloads
// as soon as the bundle runs, while the rest of boot goes on: compiling mobio.wasm is most of
// the time to the first screen. doc.js's Automerge (the bundle has its slim entry) works
// only once automergeReady has resolved; boot waits for it before any document is opened.
const automergeReady = initializeAutomerge("automerge.wasm");
const mobioGo = new globalThis.Go();
const mobioInstance = WebAssembly.instantiateStreaming(fetch("mobio.wasm"), mobioGo.importObject).catch(async () => {
  // A cache or server that does not answer application/wasm: compile from the bytes.
  const bytes = await (await fetch("mobio.wasm")).arrayBuffer();
  return WebAssembly.instantiate(bytes, mobioGo.importObject);
});

async function loadWasm() {
  const ready = new Promise((resolve) => {
    globalThis.onMobioReady = resolve;
  });
  const { instance } = await mobioInstance;
  mobioGo.run(instance);
  const api = await ready;
  delete globalThis.onMobioReady;
  return api;
}

async function boot() {
  const sel = $("#lang");
  for (const l of LANGS) sel.append(el("option", { value: l, text: NATIVE[l] }));
  sel.addEventListener("change", () => {
    applyLang(sel.value);
    app.view?.();
  });
  applyLang(initialLang());
  registerServiceWorker();
  screen(el("p", { class: "loading", text: t("loading") }));
  const [catalogue, mobio, config] = await Promise.all([
    fetch("schema.json").then((r) => r.json()),
    loadWasm(),
    loadConfig(),
    automergeReady,
  ]);
  app.catalogue = catalogue;
  app.config = config;
  app.mobio = mobio;
  for (const l of catalogue.code_lists) app.codeLists.set(l.key, l);
  const sealed = await mobio.storedIdentity();
  if (sealed) showUnlock(sealed);
  else showCreateIdentity();
}

// loadConfig reads the operator's settings; without them (an older relay, or offline before
// the service worker has a copy) case work runs with none, and says what that prevents.
async function loadConfig() {
  try {
    const r = await fetch("config.json");
    if (!r.ok) return {};
    const c = await r.json();
    return { controller: String(c.controller ?? ""), dpo: String(c.dpo ?? ""), translateURL: String(c.translateURL ?? "") };
  } catch {
    return {};
  }
}

function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("sw.js", { scope: "./" }).catch((err) => console.warn("service worker:", err.message));
}

// screen replaces the main area with the children.
function screen(...children) {
  $("#main").replaceChildren(...children);
}

function errorText(err) {
  return t("error", { msg: err?.message ?? String(err) });
}

// working shows text in line (an element made by workingLine) and resolves once the browser
// has painted it. The passphrase stretch (argon2id) then holds the page's thread for about a
// second: without the wait, the page would freeze with no sign of why.
async function working(line, text) {
  line.querySelector(".working-text").textContent = text;
  line.hidden = false;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function workingLine() {
  return el("p", { class: "working", role: "status", hidden: true }, el("span", { class: "spinner", "aria-hidden": "true" }), el("span", { class: "working-text" }));
}

// --- identity -----------------------------------------------------------------------------------

function showCreateIdentity() {
  app.view = showCreateIdentity;
  const p1 = el("input", { type: "password", id: "pass1", autocomplete: "new-password", required: true, minlength: 8 });
  const p2 = el("input", { type: "password", id: "pass2", autocomplete: "new-password", required: true });
  const msg = el("p", { class: "error", role: "alert" });
  const busy = workingLine();
  const form = el(
    "form",
    { class: "card", id: "create-identity" },
    el("p", { text: t("welcome") }),
    el("label", { for: "pass1", text: t("passphrase") }),
    p1,
    el("small", { class: "help", text: t("passphraseShort") }),
    el("label", { for: "pass2", text: t("passphraseAgain") }),
    p2,
    msg,
    busy,
    el("button", { type: "submit", class: "primary", text: t("createIdentity") }),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    msg.textContent = "";
    if (p1.value.length < 8) return (msg.textContent = t("passphraseShort"));
    if (p1.value !== p2.value) return (msg.textContent = t("passphraseMismatch"));
    form.querySelector("button").disabled = true;
    try {
      await working(busy, t("creatingIdentity"));
      const sealed = await app.mobio.createIdentity(p1.value);
      await opened(await app.mobio.openIdentity(sealed, p1.value));
    } catch (err) {
      busy.hidden = true;
      msg.textContent = errorText(err);
      form.querySelector("button").disabled = false;
    }
  });
  screen(form);
  p1.focus();
}

function showUnlock(sealed) {
  app.view = () => showUnlock(sealed);
  const p = el("input", { type: "password", id: "pass", autocomplete: "current-password", required: true });
  const msg = el("p", { class: "error", role: "alert" });
  const busy = workingLine();
  const form = el(
    "form",
    { class: "card", id: "unlock" },
    el("label", { for: "pass", text: t("unlockTitle") }),
    p,
    msg,
    busy,
    el("button", { type: "submit", class: "primary", text: t("unlock") }),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    msg.textContent = "";
    form.querySelector("button").disabled = true;
    try {
      await working(busy, t("unlocking"));
      await opened(await app.mobio.openIdentity(sealed, p.value));
    } catch (err) {
      busy.hidden = true;
      msg.textContent = err.code === "wrong-passphrase" ? t("wrongPassphrase") : errorText(err);
      form.querySelector("button").disabled = false;
    }
  });
  screen(form);
  p.focus();
}

// opened starts the client for the opened identity and shows what the address asks for.
async function opened(identity) {
  app.identity = identity;
  const relay = `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/sync`;
  app.client = await app.mobio.newClient({
    identity,
    relay,
    newDoc: BiographyDoc.factory({ catalogue: app.catalogue }),
    onEvent,
  });
  runClient();
  setInterval(refreshStatus, 1000);
  refreshStatus();
  if (location.hash.startsWith("#i=")) return showAccept();
  const last = localStorage.getItem(STORE_LAST_DOC);
  const docs = await app.client.docs();
  if (last && docs.some((d) => d.id === last && d.role)) return openDoc(last);
  showHome();
}

// runClient keeps the client connected; run() itself reconnects with backoff and returns
// only when stopped or on an error of its own.
function runClient() {
  app.client.run().catch((err) => {
    console.warn("sync stopped:", err.message);
    setTimeout(runClient, 3000);
  });
}

// --- events and status --------------------------------------------------------------------------

let refreshQueued = false;

function onEvent(e) {
  if (e.error) console.warn(`mobio ${e.kind}: ${e.error}`);
  switch (e.kind) {
    case "connected":
      app.connected = true;
      app.client.uploadPending().catch(() => {});
      break;
    case "disconnected":
      app.connected = false;
      break;
    case "outbox":
    case "synced":
      if (typeof e.pending === "number" && e.doc === app.docId) app.pending = e.pending;
      break;
    case "remote-change":
      if (e.doc === app.docId && !refreshQueued) {
        refreshQueued = true;
        queueMicrotask(() => {
          refreshQueued = false;
          refreshDoc();
        });
      }
      break;
    case "presence":
      if (e.doc === app.docId) setTimeout(showPresence, 0);
      break;
    case "membership":
      if (e.doc === app.docId) loadMembers();
      break;
    case "removed":
    case "erased":
      if (e.doc === app.docId) showAccessEnded(e.doc, e.kind);
      else if (app.view === showHome) showHome();
      break;
  }
  refreshStatus();
}

async function refreshStatus() {
  if (!app.client) return;
  let st;
  try {
    st = await app.client.status();
  } catch {
    return;
  }
  let pending = st.pending;
  if (app.docId) {
    try {
      pending = (await app.client.info(app.docId)).pending;
    } catch {
      /* the document may be gone */
    }
  }
  app.connected = st.connected;
  app.pending = pending;
  const box = $("#status");
  box.hidden = false;
  const state = !st.connected ? "offline" : pending > 0 ? "syncing" : "saved";
  box.dataset.state = state;
  box.dataset.pending = String(pending);
  $("#status-text").textContent = t(state);
  // On a phone the word "pending" is read to screen readers only (app.css): the number stays.
  $("#status-pending").replaceChildren(
    ...(pending > 0 ? [el("span", { class: "pending-count", text: digits(pending) }), el("span", { class: "pending-word", text: ` ${t("pendingWord")}` })] : []),
  );
  box.title = t(`${state}Long`) + (pending > 0 ? ` · ${t("pending", { n: digits(pending) })}` : "");
}

function notice(text) {
  const n = $("#notice");
  n.textContent = text;
  n.hidden = !text;
}

// showAccessEnded replaces the open biography with the news that this identity is no longer
// one of its members (kind "removed") or that its owner erased it ("erased"). The client
// neither sends nor receives its changes from now on.
function showAccessEnded(docId, kind) {
  app.view = () => showAccessEnded(docId, kind);
  app.docId = null;
  app.ended = { doc: docId, kind };
  if (localStorage.getItem(STORE_LAST_DOC) === docId) localStorage.removeItem(STORE_LAST_DOC);
  $("#doc-nav").hidden = true;
  notice("");
  screen(
    el(
      "section",
      { class: "card ended", id: "access-ended", "data-kind": kind, role: "alert" },
      el("h2", { text: t(kind) }),
      kind === "removed" ? el("p", { text: t("removedHelp") }) : null,
      el("button", { type: "button", class: "primary", id: "to-home", text: t("toHome"), onclick: showHome }),
    ),
  );
}

// --- home: the list of biographies --------------------------------------------------------------

async function showHome() {
  flushEdits();
  app.view = showHome;
  app.docId = null;
  $("#doc-nav").hidden = true;
  const docs = (await app.client.docs()).filter((d) => d.role);
  const list = el("ul", { class: "docs" });
  for (const d of docs) {
    list.append(el("li", {}, el("button", { type: "button", class: "doc-link", text: d.title || d.id.slice(0, 8), onclick: () => openDoc(d.id) }), el("span", { class: "role", text: t(`role_${d.role}`) })));
  }
  const title = el("input", { id: "bio-title", required: true, dir: "auto" });
  const form = el(
    "form",
    { class: "card", id: "new-biography" },
    el("h2", { text: t("newBiography") }),
    el("label", { for: "bio-title", text: t("biographyName") }),
    title,
    el("button", { type: "submit", class: "primary", text: t("create") }),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const initial = BiographyDoc.create({ catalogue: app.catalogue });
    const id = await app.client.create(title.value.trim() || t("appTitle"), initial.save());
    openDoc(id);
  });
  screen(...(docs.length ? [el("h2", { text: t("yourBiographies") }), list] : []), form);
}

// --- invitations ---------------------------------------------------------------------------------

function showAccept() {
  app.view = showAccept;
  const msg = el("p", { class: "error", role: "alert" });
  const title = el("input", { id: "accept-title", dir: "auto", value: "" });
  const form = el(
    "form",
    { class: "card", id: "accept" },
    el("p", { text: t("invited") }),
    el("label", { for: "accept-title", text: t("biographyName") }),
    title,
    msg,
    el("button", { type: "submit", class: "primary", text: t("accept") }),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    form.querySelector("button").disabled = true;
    try {
      const id = await app.client.accept(location.href, title.value.trim() || t("appTitle"));
      // The secret must not stay in the address bar or the history.
      history.replaceState(null, "", location.pathname);
      // run() picks the new document up and catches it up. (client.sync() beside a running
      // run() would leave the client counted as offline.)
      openDoc(id);
    } catch (err) {
      if (err.code === "exists") {
        history.replaceState(null, "", location.pathname);
        return openDoc(location.hash.slice(3).split(".")[0]);
      }
      msg.textContent = err.code === "offline" ? t("acceptNeedsNetwork") : errorText(err);
      form.querySelector("button").disabled = false;
    }
  });
  screen(form);
}

// --- the biography ------------------------------------------------------------------------------

async function openDoc(id) {
  flushEdits();
  app.docId = id;
  localStorage.setItem(STORE_LAST_DOC, id);
  app.info = await app.client.info(id);
  const stored = localStorage.getItem(STORE_SECTION);
  app.section = formSections().some((s) => s.key === stored) || screenOf(stored) || stored === "share" ? stored : formSections()[0].key;
  await loadMembers();
  showDoc();
}

function sectionOf(key) {
  return app.catalogue.sections.find((s) => s.key === key);
}

function renderNav() {
  const nav = $("#doc-nav");
  nav.hidden = false;
  nav.replaceChildren();
  const items = [
    ...formSections().map((s) => [s.key, label(s.label, s.key)]),
    ["share", t("share")],
    ...screensFor(app.info?.role).map((s) => [s.key, t(s.nav), "casework"]),
  ];
  for (const [key, name, kind] of items) {
    nav.append(
      el("button", {
        type: "button",
        class: [key === app.section ? "current" : "", kind ?? ""].join(" ").trim(),
        "data-section": key,
        "aria-current": key === app.section ? "page" : false,
        text: name,
        onclick: () => {
          app.section = key;
          localStorage.setItem(STORE_SECTION, key);
          showDoc();
        },
      }),
    );
  }
  // The navigation scrolls sideways on a phone: keep the current entry in view.
  nav.querySelector("button.current")?.scrollIntoView({ block: "nearest", inline: "nearest" });
}

function prov() {
  return { source: app.info?.role === "owner" ? "self" : "counsellor", by: app.identity.short };
}

// editsInFlight counts commits started and not finished (IndexedDB, sealing).
let editsInFlight = 0;

// edit applies fn to the open biography; the form follows from the document, not from the
// controls, so that what is shown is what was stored.
async function edit(fn, opts = {}) {
  // A save that was waiting for a pause in typing when access ended has nowhere to go.
  if (!app.docId) return;
  editsInFlight++;
  try {
    await app.client.edit(app.docId, fn);
  } catch (err) {
    notice(errorText(err));
    return;
  } finally {
    editsInFlight--;
  }
  await refreshDoc(opts);
  refreshStatus();
}

function formCtx() {
  return {
    codeLists: app.codeLists,
    edit,
    prov,
    readOnly: app.info?.role === "viewer",
    fileActions,
  };
}

async function readCurrent() {
  const section = sectionOf(app.section);
  return app.client.read(app.docId, (doc) => readSection(doc, section, app.catalogue));
}

async function showDoc() {
  flushEdits();
  app.view = showDoc;
  if (!screensFor(app.info?.role).some((s) => s.key === app.section) && screenOf(app.section)) app.section = formSections()[0].key;
  renderNav();
  notice("");
  app.screen = null;
  const heading = el("h2", { id: "section-title" });
  const body = el("div", { id: "section", class: "section" });
  const presence = el("p", { id: "presence-line", class: "presence-line", "aria-live": "polite" });
  screen(presence, heading, body);
  const cwScreen = screenOf(app.section);
  if (cwScreen) {
    heading.textContent = t(cwScreen.title ?? cwScreen.nav);
    body.dataset.screen = cwScreen.key;
    await mountScreen(body, cwScreen);
    showPresence();
    return;
  }
  if (app.section === "share") {
    heading.textContent = t("share");
    await renderShare(body);
    showPresence();
    return;
  }
  const section = sectionOf(app.section);
  heading.textContent = label(section.label, section.key);
  if (section.key === "documents") body.before(uploadBox());
  if (section.key === HEALTH_SECTION && (await healthGate(body, healthCtx(body)))) return showPresence();
  app.data = await readCurrent();
  renderSection(body, section, app.data, formCtx());
  showPresence();
}

// refreshDoc reads the open section again and puts what changed on screen.
async function refreshDoc(opts = {}) {
  if (!app.docId || !$("#section")) return;
  if (screenOf(app.section)) {
    try {
      await app.screen?.update?.();
    } catch (err) {
      notice(errorText(err));
    }
    return;
  }
  if (app.section === "share") return;
  if (app.section === HEALTH_SECTION) {
    // A consent given or withdrawn on another device changes what the section shows.
    if (await healthGateStale($("#section"), healthCtx($("#section")))) return showDoc();
    if ($("#section")?.dataset.gate) return;
  }
  const section = sectionOf(app.section);
  const data = await readCurrent();
  const body = $("#section");
  if (!body) return;
  if (!app.data || !fillSection(body, section, app.data, data)) {
    // The form is built anew (an entry came or went): commit what is being typed first, so
    // that the new controls show it and the person types on from there.
    if (editsWaiting()) {
      await flushEdits();
      return refreshDoc(opts);
    }
    const focused = document.activeElement?.dataset?.path;
    renderSection(body, section, data, formCtx());
    if (focused) body.querySelector(`[data-path="${CSS.escape(focused)}"]`)?.focus();
    if (opts.focusNew) {
      const entries = body.querySelectorAll(`[data-list="${CSS.escape(opts.focusNew)}"] fieldset.entry`);
      entries[entries.length - 1]?.querySelector("[data-path]")?.focus();
    }
  }
  app.data = data;
  showPresence();
}

// --- case work ----------------------------------------------------------------------------------

// The case-work screens, in the order of the navigation. roles: who sees the entry (all
// members when absent); each screen decides itself what a role may do there.
const SCREENS = [
  { key: "send", nav: "nav_send", title: "sendTitle", mount: mountSend, roles: ["owner", "counsellor"] },
  { key: "consents", nav: "nav_consents", title: "consentsTitle", mount: mountConsents },
  { key: "plan", nav: "nav_plan", mount: planScreen.mount },
  { key: "cv", nav: "nav_cv", mount: cvScreen.mount },
  { key: "translate", nav: "nav_translate", mount: translateScreen.mount, roles: ["owner", "counsellor"] },
  { key: "reports", nav: "nav_reports", mount: reportsScreen.mount, roles: ["owner", "counsellor"] },
];

// The catalogue's case-work sections that a screen shows in place of a generic form: a plan
// and consents are records with rules, not free forms.
const SCREEN_SECTIONS = new Set(["plan", "consents"]);

function screenOf(key) {
  return SCREENS.find((s) => s.key === key);
}

function screensFor(role) {
  return SCREENS.filter((s) => !s.roles || s.roles.includes(role));
}

// formSections are the catalogue's sections shown as forms.
function formSections() {
  return app.catalogue.sections.filter((s) => !SCREEN_SECTIONS.has(s.key));
}

// mountScreen loads the case-work module (the first time, with a "loading" line) and mounts
// the screen into body, unless the person moved on meanwhile.
async function mountScreen(body, s) {
  const docId = app.docId;
  const stillHere = () => app.docId === docId && app.section === s.key && body.isConnected;
  let cw = caseworkLoaded();
  if (!cw) {
    body.replaceChildren(
      el("p", { class: "working", id: "casework-loading", role: "status" }, el("span", { class: "spinner", "aria-hidden": "true" }), el("span", { text: t("caseworkLoading") })),
    );
    try {
      cw = await casework();
    } catch (err) {
      if (!stillHere()) return;
      body.replaceChildren(
        el("p", { class: "error", role: "alert", text: t("caseworkFailed", { msg: err?.message ?? String(err) }) }),
        el("button", { type: "button", text: t("retry"), onclick: () => showDoc() }),
      );
      return;
    }
    if (!stillHere()) return;
  }
  const root = el("div", { class: "screen", "data-screen": s.key });
  body.replaceChildren(root);
  try {
    app.screen = (await s.mount(root, caseworkCtx(cw))) ?? null;
  } catch (err) {
    console.warn(`case work ${s.key}:`, err);
    if (stillHere()) root.replaceChildren(el("p", { class: "error", role: "alert", text: errorText(err) }));
  }
}

// caseworkCtx is what a case-work screen's mount(root, ctx) gets. The first group is the
// stable interface of every screen; the rest are helpers that the app's own screens use.
//
//   client     the sync engine's client (README.md in ../..): read/edit with the document
//   docId      the open biography
//   casework   the case-work module's API (../../js/casework.js; its functions throw)
//   lang, t    the UI language ("de" …) and the app's words (i18n.js)
//   identity   the opened identity ({id, short, fingerprint, …})
//   role       "owner", "counsellor" or "viewer"
//   config     /config.json: {controller, dpo, translateURL}
//   refresh()  mounts the screen anew
//
// mount may return (or resolve to) {update()}: called on a remote change of the biography
// while the screen is shown, so that it shows the other editor's changes.
function caseworkCtx(cw) {
  const role = app.info?.role || "viewer";
  return {
    client: app.client,
    docId: app.docId,
    casework: cw,
    lang: lang(),
    t,
    identity: app.identity,
    role,
    config: app.config,
    refresh: () => showDoc(),
    catalogue: app.catalogue,
    codeLabel: (list, code) => app.codeLists.get(list)?.codes.find((c) => c.code === code)?.label ?? null,
    sectionLabel: (key) => sectionOf(key)?.label ?? null,
    pathLabel,
    by: () => ({ source: role === "owner" ? "self" : "counsellor", by: app.identity.id }),
    members: () => app.members,
    notice,
    errorText,
    connected: () => app.connected,
  };
}

// healthCtx is what healthconsent.js needs to show the support-needs section's consent in body.
function healthCtx(body) {
  const docId = app.docId;
  return {
    ...caseworkCtx(caseworkLoaded()),
    stillHere: () => app.docId === docId && app.section === HEALTH_SECTION && body.isConnected,
    agreed: () => showDoc(),
  };
}

// pathLabel names a schema path (a section, a field, a list or a field of a list's entries)
// in German and, when it differs, in the UI language: a recipient's documents are German.
function pathLabel(path) {
  const [sec, f, item] = path.split(".");
  const section = sectionOf(sec);
  let text = section?.label;
  const field = f ? section?.fields.find((x) => x.key === f) : null;
  if (field) text = field.label;
  if (field && item) text = field.item?.find((x) => x.key === item)?.label ?? text;
  if (!text) return path;
  const de = text.de ?? path;
  const mine = label(text, de);
  return mine && mine !== de ? `${de} · ${mine}` : de;
}

// --- presence -----------------------------------------------------------------------------------

let presenceTimer = null;

document.addEventListener("focusin", (ev) => {
  const path = ev.target.closest?.("[data-path]")?.dataset.path;
  if (!path || !app.docId) return;
  clearTimeout(presenceTimer);
  app.client.setPresence(app.docId, path).catch(() => {});
});

document.addEventListener("focusout", () => {
  if (!app.docId) return;
  clearTimeout(presenceTimer);
  presenceTimer = setTimeout(() => {
    if (!document.activeElement?.closest?.("[data-path]")) app.client.setPresence(app.docId, "").catch(() => {});
  }, 300);
});

function fieldLabel(path) {
  const parts = path.split(".");
  const section = sectionOf(parts[0]);
  if (!section) return path;
  let f = section.fields.find((x) => x.key === parts[1]);
  if (parts.length === 4 && f?.type === "list") {
    const item = f.item?.find((x) => x.key === parts[3]);
    return `${label(section.label)} › ${label(f.label)} › ${label(item?.label, parts[3])}`;
  }
  return `${label(section.label)} › ${label(f?.label, parts[1])}`;
}

function peerName(id) {
  const m = app.members.find((x) => x.id === id);
  return m ? t(`role_${m.role}`) : id.slice(0, 6);
}

// idbInFlight counts IndexedDB transactions not yet finished. client.peers() is a synchronous
// call into Go that takes the document's lock; the Go client holds that lock while it waits
// for IndexedDB, whose answer needs the event loop that the synchronous call blocks: the
// program would deadlock. Between events every goroutine is parked, so with no transaction
// in flight no goroutine waits for IndexedDB with the lock held, and peers() returns at once.
// (The bridge should offer an asynchronous peers(); then this goes.)
let idbInFlight = 0;
{
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = transaction.apply(this, args);
    idbInFlight++;
    let done = false;
    const end = () => {
      if (!done) {
        done = true;
        idbInFlight--;
      }
    };
    tx.addEventListener("complete", end);
    tx.addEventListener("abort", end);
    return tx;
  };
}

let presenceRetry = null;
let peersShown = [];
app.presenceState = () => ({ idbInFlight, peers: peersShown });

// showPresence shows which field the other members are on, when it is safe to ask.
function showPresence() {
  if (!app.docId || !app.client) return;
  if (idbInFlight > 0) {
    clearTimeout(presenceRetry);
    presenceRetry = setTimeout(showPresence, 50);
    renderPresence(peersShown);
    return;
  }
  const ps = app.client.peers(app.docId);
  if (ps && typeof ps.then === "function") {
    ps.then((list) => renderPresence((peersShown = list)));
    return;
  }
  renderPresence((peersShown = ps));
}

function renderPresence(all) {
  const peers = all.filter((p) => p.field && Date.now() - p.seen < 60_000);
  for (const old of document.querySelectorAll(".field.peer-here")) {
    old.classList.remove("peer-here");
    old.querySelector(".presence").textContent = "";
  }
  const line = $("#presence-line");
  if (line) {
    line.textContent = peers.map((p) => t("editing", { who: peerName(p.id), field: fieldLabel(p.field) })).join(" · ");
    line.hidden = peers.length === 0;
  }
  for (const p of peers) {
    const f = document.querySelector(`.field[data-field="${CSS.escape(p.field)}"]`);
    if (!f) continue;
    f.classList.add("peer-here");
    f.querySelector(".presence").textContent = t("here", { who: peerName(p.id) });
  }
}
setInterval(() => setTimeout(showPresence, 0), 2000);

// --- sharing: members and invitations -----------------------------------------------------------

async function loadMembers() {
  try {
    app.members = await app.client.members(app.docId);
  } catch {
    app.members = [];
  }
  if (app.section === "share" && $("#members")) renderMembers($("#members"));
}

function renderMembers(list) {
  list.replaceChildren();
  const owner = app.info?.role === "owner";
  for (const m of app.members) {
    const li = el(
      "li",
      { "data-member": m.id, "data-role": m.role },
      el("strong", { text: m.me ? t("me") : t(`role_${m.role}`) }),
      " ",
      el("span", { class: "role", text: m.me ? t(`role_${m.role}`) : "" }),
      el("code", { class: "fingerprint", dir: "ltr", text: m.fingerprint }),
    );
    if (owner && !m.me) {
      // Revoking cannot be undone (a new invitation can), so it asks once more, in place.
      const confirmBox = el(
        "span",
        { class: "confirm", hidden: true },
        el("span", { class: "confirm-text", text: t("revokeQuestion") }),
        el("button", {
          type: "button",
          class: "danger",
          "data-action": "confirm-revoke",
          text: t("revokeConfirm"),
          onclick: async (ev) => {
            ev.currentTarget.disabled = true;
            try {
              await app.client.revoke(app.docId, m.id);
            } catch (err) {
              notice(errorText(err));
            }
            loadMembers();
          },
        }),
        el("button", {
          type: "button",
          "data-action": "cancel-revoke",
          text: t("cancel"),
          onclick: () => {
            confirmBox.hidden = true;
            ask.hidden = false;
            ask.focus();
          },
        }),
      );
      const ask = el("button", {
        type: "button",
        class: "danger",
        "data-action": "revoke",
        text: t("revoke"),
        onclick: () => {
          ask.hidden = true;
          confirmBox.hidden = false;
          confirmBox.querySelector("[data-action=cancel-revoke]").focus();
        },
      });
      li.append(ask, confirmBox);
    }
    list.append(li);
  }
}

async function renderShare(body) {
  body.replaceChildren();
  const members = el("ul", { id: "members", class: "members" });
  body.append(el("h3", { text: t("members") }), members);
  renderMembers(members);
  if (app.info?.role !== "owner") return;
  const out = el("div", { id: "invite-out" });
  const btn = el("button", {
    type: "button",
    class: "primary",
    id: "invite",
    text: t("inviteCounsellor"),
    onclick: async () => {
      btn.disabled = true;
      try {
        const link = await app.client.invite(app.docId, "counsellor", INVITE_TTL_SECONDS, `${location.origin}${location.pathname}`);
        showInvite(out, link);
      } catch (err) {
        out.replaceChildren(el("p", { class: "error", text: err.code === "offline" ? t("acceptNeedsNetwork") : errorText(err) }));
      }
      btn.disabled = false;
    },
  });
  body.append(el("h3", { text: t("inviteCounsellor") }), el("p", { class: "help", text: t("inviteHelp") }), btn, out);
}

function showInvite(out, link) {
  const input = el("input", { id: "invite-link", readonly: true, value: link, dir: "ltr" });
  const copy = el("button", {
    type: "button",
    text: t("copy"),
    onclick: async () => {
      input.select();
      try {
        await navigator.clipboard.writeText(link);
        copy.textContent = t("copied");
      } catch {
        document.execCommand?.("copy");
      }
    },
  });
  const qr = qrcode(0, "M");
  qr.addData(link);
  qr.make();
  const img = el("img", { id: "invite-qr", alt: "QR", src: qr.createDataURL(6, 2), width: qr.getModuleCount() * 6 + 24 });
  out.replaceChildren(el("div", { class: "row" }, input, copy), img);
}

// --- documents: upload, download, preview --------------------------------------------------------

function uploadBox() {
  const progress = el("progress", { id: "upload-progress", max: 1, value: 0, hidden: true });
  const status = el("span", { id: "upload-status", "aria-live": "polite" });
  const onFile = async (input) => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    await uploadFile(file, progress, status);
  };
  const pick = el("input", { type: "file", id: "upload-file", accept: "image/*,application/pdf", class: "visually-hidden" });
  const camera = el("input", { type: "file", id: "upload-camera", accept: "image/*", capture: "environment", class: "visually-hidden" });
  pick.addEventListener("change", () => onFile(pick));
  camera.addEventListener("change", () => onFile(camera));
  const readOnly = app.info?.role === "viewer";
  return el(
    "div",
    { class: "upload card", hidden: readOnly },
    el("label", { class: "button primary", for: "upload-file", text: t("upload") }),
    pick,
    el("label", { class: "button", for: "upload-camera", text: t("takePhoto") }),
    camera,
    progress,
    status,
  );
}

async function uploadFile(file, progress, status) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let entry;
  const p = prov();
  await app.client.edit(app.docId, (doc) => {
    entry = doc.addEntry("documents.files");
    const base = `documents.files.${entry}`;
    doc.setField(`${base}.title`, file.name, p);
    doc.setField(`${base}.file_name`, file.name, p);
    doc.setField(`${base}.media_type`, file.type || "application/octet-stream", p);
    doc.setField(`${base}.size`, bytes.length, p);
  });
  progress.hidden = false;
  progress.value = 0;
  try {
    const a = await app.client.attach(app.docId, entry, bytes, (done, total) => {
      progress.value = total ? done / total : 0;
    });
    await edit((doc) => {
      const base = `documents.files.${entry}`;
      doc.setField(`${base}.blob_id`, a.id, p);
      doc.setField(`${base}.content_key`, a.key, p);
      doc.setField(`${base}.uploaded_at`, new Date().toISOString().replace(/\.\d+Z$/, "Z"), p);
    });
    progress.value = 1;
    status.textContent = "✓";
  } catch (err) {
    status.textContent = errorText(err);
  }
}

// fileActions shows download and preview for an entry of documents.files.
function fileActions(e, entryPath) {
  const v = (k) => e.fields[k]?.value;
  const box = el("div", { class: "file-actions" });
  const name = v("file_name") || v("title") || "file";
  const size = v("size");
  box.append(el("span", { class: "file-name", dir: "auto", text: `${name}${size ? ` · ${digits(size)} B` : ""}` }));
  if (!v("blob_id") || !v("content_key")) {
    box.append(el("span", { class: "help", text: t("notUploaded") }));
    return box;
  }
  const att = { id: v("blob_id"), size: Number(size ?? 0), key: v("content_key") };
  const progress = el("progress", { max: 1, value: 0, hidden: true });
  const type = v("media_type") || "application/octet-stream";
  const fetchBlob = async () => {
    progress.hidden = false;
    const bytes = await app.client.fetch(app.docId, entryPath.split(".")[2], att, (done, total) => {
      progress.value = total ? done / total : 0;
    });
    progress.value = 1;
    return new Blob([bytes], { type });
  };
  const preview = el("div", { class: "preview" });
  box.append(
    el("button", {
      type: "button",
      "data-action": "download",
      text: t("download"),
      onclick: async () => {
        try {
          const url = URL.createObjectURL(await fetchBlob());
          const a = el("a", { href: url, download: name });
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
        } catch (err) {
          notice(errorText(err));
        }
      },
    }),
  );
  if (type.startsWith("image/") || type === "application/pdf") {
    box.append(
      el("button", {
        type: "button",
        "data-action": "preview",
        text: t("preview"),
        onclick: async () => {
          try {
            const url = URL.createObjectURL(await fetchBlob());
            preview.replaceChildren(type.startsWith("image/") ? el("img", { src: url, alt: name }) : el("iframe", { src: url, title: name }));
          } catch (err) {
            notice(errorText(err));
          }
        },
      }),
    );
  }
  box.append(progress, preview);
  return box;
}

// --- start --------------------------------------------------------------------------------------

// A phone may discard a hidden page without another word: commit the typing that waits for a
// pause as soon as the page is hidden (switching apps, locking the screen), and when it is
// left (reload, closing the tab).
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") flushEdits();
});
window.addEventListener("pagehide", () => flushEdits());
// A commit needs IndexedDB to answer, which a page being unloaded no longer hears: when the
// page is left (reload, closing the tab) while typing still waits or a commit runs, the
// browser asks first. Staying lets the commit finish.
window.addEventListener("beforeunload", (ev) => {
  flushEdits();
  if (editsInFlight > 0) {
    ev.preventDefault();
    ev.returnValue = "";
  }
});

window.addEventListener("hashchange", () => {
  if (location.hash.startsWith("#i=") && app.client) showAccept();
});

$("#home").addEventListener("click", () => app.client && showHome());

boot().catch((err) => {
  console.error(err);
  screen(el("p", { class: "error", text: errorText(err) }));
});
