// translate.js: machine translation of free-text fields into German, on request only.
//
// Nothing leaves the device silently: the button appears only when the operator configured a
// translation service (ctx.config.translateURL), and a dialog shows exactly which text goes
// to which address before anything is sent. The browser sends it (fetch to
// `${translateURL}/translate`, LibreTranslate's API); the case-work module prepares the
// request, reads the answer and stores the translation beside the original with its
// provenance (source "machine", engine "libretranslate"). A machine translation is marked
// "maschinell übersetzt" until a person confirms or corrects it, which stores it as a human
// one.
//
// Fields of a special-category section (support needs), restricted fields (counselling
// notes) and fields marked no_translate (a name in its original script) are never offered.
//
//   translateButton(path, ctx)       → the element to put under the field at path
//   decorateTextFields(root, ctx)    adds it under every free-text field of a rendered form
//   refreshTranslations(root)        re-reads them (after a remote change)
//   mount(root, ctx)                 a screen with every free-text field that has text

import { tr, langOf, caseworkOf, call, has, errorMessage, el, injectStyle } from "./strings-casework.js";

const TARGET = "de";

let catalogueP = null;

// catalogueOf resolves to the schema catalogue: ctx.catalogue, or the app's schema.json.
function catalogueOf(ctx) {
  if (ctx.catalogue) return Promise.resolve(ctx.catalogue);
  catalogueP ??= fetch("schema.json")
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
  return catalogueP;
}

// fieldOf returns {section, field} of the catalogue for a path "s.f" or "s.list.<id>.f".
function fieldOf(catalogue, path) {
  const parts = path.split(".");
  const section = catalogue?.sections?.find((s) => s.key === parts[0]);
  if (!section) return null;
  let f = section.fields.find((x) => x.key === parts[1]);
  if (parts.length === 4 && f?.type === "list") f = f.item?.find((x) => x.key === parts[3]);
  return f ? { section, field: f } : null;
}

// translatable reports whether the field at path may be sent to the translation service.
export function translatable(catalogue, path) {
  const x = fieldOf(catalogue, path);
  if (!x) return false;
  return x.field.type === "text" && !x.field.no_translate && !x.field.restricted && !x.field.secret && !x.section.special_category;
}

function serviceURL(ctx) {
  const u = ctx.config?.translateURL;
  return typeof u === "string" && /^https?:\/\//i.test(u) ? u.replace(/\/+$/, "") : "";
}

// translateButton returns the box shown under the free-text field at path: its German
// translation with its provenance and the "confirm / correct" action, and the button that
// asks for a machine translation (only with a configured service and a right to edit). The
// box fills itself from the document; box.refresh() reads it again.
export function translateButton(path, ctx) {
  injectStyle();
  const L = langOf(ctx);
  const box = el("div", { class: "cw-tr", "data-translate": path, "aria-live": "polite" });
  const canEdit = ctx.role !== "viewer";
  let busy = false;

  const render = (text) => {
    if (busy) return;
    const out = [];
    const x = text?.translations?.[TARGET];
    if (text?.text && x?.text) {
      const machine = x.source === "machine";
      out.push(
        el(
          "div",
          { class: "cw-row" },
          el("strong", { text: tr(L, "translationDe") }),
          el("span", {
            class: "cw-badge",
            "data-source": x.source || "",
            "data-outdated": String(!!x.outdated),
            text: x.outdated ? tr(L, "translationOutdated") : tr(L, machine ? "machineTranslated" : "humanChecked"),
          }),
        ),
        el("div", { class: "cw-tr-text", lang: TARGET, dir: "ltr", text: x.text }),
      );
      if (machine && canEdit && !x.outdated) out.push(el("button", { type: "button", "data-action": "confirm-translation", text: tr(L, "confirmCorrect"), onclick: () => confirmForm(x.text) }));
    }
    const url = serviceURL(ctx);
    if (url && canEdit && text?.text?.trim() && text.lang !== TARGET && (!x || x.outdated)) {
      out.push(el("button", { type: "button", "data-action": "translate", text: tr(L, "translate"), onclick: ask }));
    }
    out.push(line);
    box.replaceChildren(...out);
  };
  const line = el("p", { class: "cw-msg", role: "alert" });
  const say = (text, kind = "error") => {
    line.textContent = text;
    line.dataset.kind = kind;
  };

  const refresh = async () => {
    try {
      const text = await ctx.client.read(ctx.docId, (doc) => doc.getText(path));
      render(text);
    } catch {
      /* the document may be gone; the form says so */
    }
  };
  box.refresh = refresh;

  // ask prepares the request, shows what leaves the device and where, and sends it on yes.
  async function ask() {
    say("");
    let cw, req, call_;
    try {
      cw = await caseworkOf(ctx);
      req = await ctx.client.read(ctx.docId, (doc) => call(cw, "translatePrepare", doc, path, TARGET));
      call_ = requestFor(cw, serviceURL(ctx), ctx.config?.translateKey, req);
    } catch (err) {
      return say(translateError(L, err));
    }
    const dialog = el(
      "dialog",
      { class: "cw-dialog", id: "translate-dialog", "aria-labelledby": "translate-dialog-title" },
      el("h3", { id: "translate-dialog-title", text: tr(L, "translateTitle") }),
      el("p", { text: tr(L, "translateLeaves") }),
      el("blockquote", { id: "translate-text", dir: "auto", lang: req.lang || null, text: req.text }),
      el("p", { text: tr(L, "translateGoesTo") }),
      el("p", {}, el("code", { id: "translate-url", dir: "ltr", text: call_.url })),
      el("p", { class: "help", text: tr(L, "translateNothingElse") }),
      el(
        "div",
        { class: "cw-row" },
        el("button", { type: "button", "data-action": "cancel", text: tr(L, "cancel"), onclick: () => dialog.close("cancel") }),
        el("button", { type: "button", class: "primary", "data-action": "send", text: tr(L, "translateSend"), onclick: () => dialog.close("send") }),
      ),
    );
    document.body.append(dialog);
    dialog.addEventListener("close", async () => {
      dialog.remove();
      if (dialog.returnValue === "send") await send(cw, req, call_);
    });
    dialog.showModal();
    dialog.querySelector("[data-action=cancel]").focus();
  }

  async function send(cw, req, q) {
    busy = true;
    say(tr(L, "translating"), "ok");
    box.querySelector("[data-action=translate]")?.setAttribute("disabled", "");
    try {
      let resp;
      try {
        resp = await fetch(q.url, { method: q.method, headers: q.headers, body: q.body, credentials: "omit", referrerPolicy: "no-referrer" });
      } catch {
        throw Object.assign(new Error("network"), { code: "network" });
      }
      const body = await resp.text();
      if (resp.status === 429) throw Object.assign(new Error("429"), { code: "quota" });
      if (resp.status === 401 || resp.status === 403) throw Object.assign(new Error(String(resp.status)), { code: "auth" });
      const result = resultOf(cw, req, resp.status, body);
      await ctx.client.edit(ctx.docId, (doc) => call(cw, "translateStore", doc, req, result));
      busy = false;
      say("");
      await refresh();
    } catch (err) {
      busy = false;
      await refresh();
      say(translateError(L, err));
    }
  }

  // confirmForm lets a person confirm the machine translation or correct it first.
  function confirmForm(current) {
    const ta = el("textarea", { dir: "ltr", lang: TARGET, rows: 3, "data-action": "corrected" });
    ta.value = current;
    const form = el(
      "form",
      { class: "cw-tr-confirm" },
      ta,
      el(
        "div",
        { class: "cw-row" },
        el("button", { type: "button", text: tr(L, "cancel"), onclick: () => refresh() }),
        el("button", { type: "submit", class: "primary", "data-action": "confirm-save", text: tr(L, "confirmTranslation") }),
      ),
    );
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const corrected = ta.value.trim() === current.trim() ? "" : ta.value.trim();
      try {
        const cw = await caseworkOf(ctx);
        await ctx.client.edit(ctx.docId, (doc) => call(cw, "translateConfirm", doc, path, TARGET, ctx.identity?.id ?? "", corrected, new Date().toISOString()));
        await refresh();
      } catch (err) {
        say(errorMessage(L, err));
      }
    });
    box.querySelector("[data-action=confirm-translation]")?.replaceWith(form);
    ta.focus();
  }

  refresh();
  return box;
}

// requestFor is the LibreTranslate call for req: the module's (translateRequest) when it has
// one, else built here the same way.
function requestFor(cw, base, key, req) {
  if (has(cw, "translateRequest")) return call(cw, "translateRequest", base, key || undefined, req);
  const body = { q: req.text, source: (req.lang || "auto").split(/[-_]/)[0], target: TARGET, format: "text" };
  if (key) body.api_key = key;
  return { url: `${base}/translate`, method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) };
}

// resultOf reads the service's answer into a translation to store.
function resultOf(cw, req, status, body) {
  if (has(cw, "translateResult")) return call(cw, "translateResult", req, status, body, new Date().toISOString());
  if (status !== 200) throw Object.assign(new Error(`status ${status}`), { code: "translation" });
  const text = JSON.parse(body).translatedText;
  if (typeof text !== "string") throw Object.assign(new Error("not a LibreTranslate answer"), { code: "translation" });
  return { text, source: "machine", engine: "libretranslate", at: new Date().toISOString() };
}

// translateError says what went wrong in words the person can act on.
function translateError(L, err) {
  const m = err?.message ?? "";
  switch (err?.code) {
    case "network":
      return tr(L, "errTrNetwork");
    case "quota":
      return tr(L, "errTr429");
    case "auth":
      return tr(L, "errTr403");
    case "empty":
      return tr(L, "errTrEmpty");
    case "changed":
      return tr(L, "errTrChanged");
    case "translation":
      if (/already in that language/.test(m)) return tr(L, "errTrSameLang");
      if (/not offered|not supported/.test(m)) return tr(L, "errTrUnsupported");
      if (/rate limit/.test(m)) return tr(L, "errTr429");
      if (/refused the API key/.test(m)) return tr(L, "errTr403");
      return tr(L, "errTrService", m.replace(/^translate: /, ""));
  }
  return errorMessage(L, err);
}

// decorateTextFields puts a translation box under every free-text field (textarea with
// data-path) in root that may be translated and has none yet. It resolves when done.
export async function decorateTextFields(root, ctx) {
  const catalogue = await catalogueOf(ctx);
  for (const ta of root.querySelectorAll("textarea[data-path]")) {
    const path = ta.dataset.path;
    if (!translatable(catalogue, path)) continue;
    const holder = ta.closest(".field") ?? ta.parentElement;
    if (holder.querySelector(`:scope > .cw-tr[data-translate="${CSS.escape(path)}"]`)) continue;
    const box = translateButton(path, ctx);
    const presence = holder.querySelector(":scope > .presence");
    if (presence) presence.before(box);
    else holder.append(box);
    // A translation offered for what was typed: look again once the text is committed.
    ta.addEventListener("blur", () => setTimeout(() => box.refresh(), 600));
  }
}

// refreshTranslations re-reads every translation box in root.
export function refreshTranslations(root) {
  for (const box of root.querySelectorAll(".cw-tr[data-translate]")) box.refresh?.();
}

// textPaths lists the free-text fields of doc with text that may be translated, in the
// catalogue's order: [{path, section, field, entry}].
function textPaths(doc, catalogue) {
  const out = [];
  for (const s of catalogue.sections) {
    if (s.special_category) continue;
    for (const f of s.fields) {
      if (f.type === "list") {
        for (const id of doc.entries(`${s.key}.${f.key}`)) {
          for (const x of f.item ?? []) {
            const path = `${s.key}.${f.key}.${id}.${x.key}`;
            if (translatable(catalogue, path) && doc.getText(path)?.text?.trim()) out.push({ path, section: s, list: f, field: x });
          }
        }
      } else if (translatable(catalogue, `${s.key}.${f.key}`) && doc.getText(`${s.key}.${f.key}`)?.text?.trim()) {
        out.push({ path: `${s.key}.${f.key}`, section: s, field: f });
      }
    }
  }
  return out;
}

// mount shows every free-text field with text, each with its original and translation box.
export async function mount(root, ctx) {
  injectStyle();
  const L = langOf(ctx);
  const label = (x, fallback) => x?.[L] || x?.en || x?.de || fallback;
  const render = async () => {
    const catalogue = await catalogueOf(ctx);
    if (!catalogue) return root.replaceChildren(el("p", { class: "error", text: tr(L, "caseworkMissing", "schema.json") }));
    let items;
    try {
      items = await ctx.client.read(ctx.docId, (doc) => textPaths(doc, catalogue).map((x) => ({ ...x, text: doc.getText(x.path) })));
    } catch (err) {
      return root.replaceChildren(el("p", { class: "error", text: errorMessage(L, err) }));
    }
    const list = el("ul", { class: "cw-list", id: "translations" });
    for (const x of items) {
      const where = [label(x.section.label, x.section.key), x.list ? label(x.list.label, x.list.key) : null, label(x.field.label, x.field.key)].filter(Boolean).join(" › ");
      list.append(el("li", { "data-text-path": x.path }, el("strong", { text: where }), el("div", { dir: "auto", lang: x.text.lang || null, text: x.text.text }), translateButton(x.path, ctx)));
    }
    root.replaceChildren(
      el(
        "div",
        { class: "cw", id: "translate-screen" },
        el("p", { class: "help", text: tr(L, "translateHelp") }),
        serviceURL(ctx) ? null : el("p", { class: "help", id: "translate-no-service", text: tr(L, "noTranslateService") }),
        items.length ? list : el("p", { class: "cw-empty", text: tr(L, "noTexts") }),
      ),
    );
  };
  await render();
  // On a remote change: the boxes re-read themselves while someone works in one (a correction
  // being typed, the dialog open); otherwise the list is made anew.
  const update = () => (root.contains(document.activeElement) && document.activeElement !== document.body) || document.querySelector("dialog.cw-dialog[open]") ? refreshTranslations(root) : render();
  return { update };
}
