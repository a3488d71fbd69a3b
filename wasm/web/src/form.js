// form.js: the forms of the biography, generated from the schema catalogue (the JSON of
// `mobio schema export`). readSection turns a section of a BiographyDoc into plain data;
// renderSection builds its form; fillSection puts new data (a remote edit) into a form
// already on screen without disturbing the field being typed in.
//
// Every control carries data-path, the field's path as crdt names it ("person.given_names",
// "work.jobs.<entry>.employer"): presence and tests find fields by it.
//
// Typing is coalesced: a text field commits once the person pauses (EDIT_IDLE_MS), leaves the
// field, or the page is hidden (flushEdits), not at every keystroke, so that the outbox holds
// one change per pause instead of one per character.
//
// A scalar field (string, number, date, code, yes/no) may also hold the state "unknown" or
// "declined" instead of a value (catalogue "states"): a small menu beside its label sets it,
// and the field then shows the state with a button that clears it.

import { STATES } from "../../js/doc.js";
import { t, label, LANGS, NATIVE, lang } from "./i18n.js";

// Fields the app fills in itself when a file is uploaded; the person never types them.
const FILE_MANAGED = new Set(["blob_id", "content_key", "size", "media_type", "uploaded_at", "file_name"]);

// Code lists with at most this many codes are checkboxes; longer ones a picker.
const CHECKBOX_MAX = 12;

// How long typing must pause before it is committed.
export const EDIT_IDLE_MS = 400;

// The field types that can be marked unknown or declined: those stored as one value.
const STATEFUL = new Set(["string", "int", "date", "code", "bool"]);

// normalizeDigits replaces Arabic-Indic and Persian digits with ASCII ones, as crdt does.
export function normalizeDigits(s) {
  return s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
}

const DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

// fieldsOf returns the catalogue's fields of a section (or of a list's items), without
// secret ones, which the document keeps but a form never shows.
function visible(fields) {
  return (fields ?? []).filter((f) => !f.secret);
}

// --- reading ------------------------------------------------------------------------------------

function readValue(doc, path, f) {
  switch (f.type) {
    case "text": {
      const tx = doc.getText(path);
      return tx ? { text: tx.text, lang: tx.lang } : { text: "", lang: "" };
    }
    case "codes":
    case "refs":
      return doc.codes(path);
    default: {
      const v = doc.getField(path);
      return v ? (v.state ? { state: v.state } : { value: v.value }) : null;
    }
  }
}

function readFields(doc, prefix, fields) {
  const out = {};
  for (const f of fields) {
    if (f.type === "list") {
      const listPath = `${prefix}.${f.key}`;
      out[f.key] = doc.entries(listPath).map((id) => ({ id, fields: readFields(doc, `${listPath}.${id}`, f.item ?? []) }));
    } else {
      out[f.key] = readValue(doc, `${prefix}.${f.key}`, f);
    }
  }
  return out;
}

// refTargets collects the lists that ref and refs fields of fields point to.
function refTargets(fields, acc = new Set()) {
  for (const f of fields ?? []) {
    if ((f.type === "ref" || f.type === "refs") && f.ref) acc.add(f.ref);
    if (f.type === "list") refTargets(f.item, acc);
  }
  return acc;
}

// entryName is how an entry of any list is named in a picker: its title, file name, or
// first string field with a value.
function entryName(doc, listPath, id, item) {
  for (const key of ["title", "file_name", "name", "employer", "provider"]) {
    const v = item.some((f) => f.key === key) ? doc.getField(`${listPath}.${id}.${key}`) : null;
    if (v?.value) return String(v.value);
  }
  for (const f of item) {
    if (f.type === "string") {
      const v = doc.getField(`${listPath}.${id}.${f.key}`);
      if (v?.value) return String(v.value);
    }
  }
  return id.slice(0, 6);
}

// readSection reads section (a catalogue section) of doc, a BiographyDoc, into plain data,
// with the entries its references may point to. It is synchronous: call it inside
// client.read.
export function readSection(doc, section, catalogue) {
  const data = readFields(doc, section.key, section.fields);
  const targets = {};
  for (const target of refTargets(section.fields)) {
    const [s, l] = target.split(".");
    const item = catalogue.sections.find((x) => x.key === s)?.fields.find((x) => x.key === l)?.item ?? [];
    targets[target] = doc.entries(target).map((id) => ({ id, name: entryName(doc, target, id, item) }));
  }
  return { fields: data, targets };
}

// --- rendering ----------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}
export { el };

let uid = 0;

// codeOptions returns the codes of a code list sorted by their label in the current language.
function codeOptions(ctx, listName) {
  const list = ctx.codeLists.get(listName);
  if (!list) return [];
  const coll = new Intl.Collator(lang());
  return list.codes.map((c) => ({ code: c.code, name: label(c.label, c.code) })).sort((a, b) => coll.compare(a.name, b.name));
}

// renderSection builds the form of section from data (readSection's result) into root. ctx:
// {codeLists (Map), edit(fn), readOnly, prov(), onFocusField(path), fileActions(entry data,
// path) → element or null}.
export function renderSection(root, section, data, ctx) {
  root.replaceChildren();
  if (section.help) root.append(el("p", { class: "section-help", text: label(section.help) }));
  for (const f of visible(section.fields)) {
    root.append(renderField(`${section.key}.${f.key}`, f, data.fields[f.key], data, ctx, section.key));
  }
}

function renderField(path, f, value, data, ctx, sectionKey) {
  if (f.type === "list") return renderList(path, f, value ?? [], data, ctx, sectionKey);
  const id = `f${++uid}`;
  const wrap = el("div", { class: `field type-${f.type}`, "data-field": path });
  const name = label(f.label, f.key);
  const lbl = el("label", { for: id, text: name });
  if (f.required) lbl.append(el("span", { class: "req", "aria-hidden": "true", text: " *" }));
  const head = el("div", { class: "field-head" }, lbl);
  wrap.append(head);
  const control = renderControl(id, path, f, value, data, ctx);
  wrap.append(control);
  if (STATEFUL.has(f.type)) renderStates(head, control, id, path, name, ctx);
  const help = f.help ? label(f.help) : f.type === "date" ? t("dateHint") : "";
  if (help) wrap.append(el("small", { class: "help", text: help }));
  if (f.pattern_help) wrap.append(el("small", { class: "help pattern-help", text: label(f.pattern_help) }));
  wrap.append(el("span", { class: "presence", "aria-live": "polite" }));
  if (STATEFUL.has(f.type)) showState(wrap, value);
  return wrap;
}

// renderStates adds to a scalar field the menu that marks it unknown or declined, and the
// line that shows such a state with a button that clears it.
function renderStates(head, control, id, path, name, ctx) {
  const badge = el("p", { class: "state-badge", hidden: true }, el("span", { class: "state-text" }));
  control.after(badge);
  if (ctx.readOnly) return;
  const clear = el("button", {
    type: "button",
    class: "state-clear",
    "data-action": "clear-state",
    text: t("clearState"),
    onclick: async () => {
      await ctx.edit((doc) => doc.clearField(path));
      control.focus();
    },
  });
  badge.append(clear);
  const menuId = `${id}-states`;
  const toggle = el("button", {
    type: "button",
    class: "state-toggle",
    "data-action": "state-menu",
    "aria-expanded": "false",
    "aria-controls": menuId,
    "aria-label": `${t("stateMenu")} (${name})`,
    title: t("stateMenu"),
    text: "⋯",
  });
  const menu = el("div", { class: "state-menu", id: menuId, role: "group", "aria-label": t("stateMenu"), hidden: true });
  const setOpen = (open) => {
    menu.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => {
    setOpen(menu.hidden);
    if (!menu.hidden) menu.querySelector("button")?.focus();
  });
  menu.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      setOpen(false);
      toggle.focus();
    }
  });
  for (const state of STATES) {
    menu.append(
      el("button", {
        type: "button",
        "data-set-state": state,
        text: t(`state_${state}`),
        onclick: async () => {
          setOpen(false);
          await ctx.edit((doc) => doc.setState(path, state, ctx.prov()));
          if (!clear.closest("[hidden]")) clear.focus();
        },
      }),
    );
  }
  head.append(toggle);
  badge.before(menu);
}

// showState shows in a scalar field's wrapper whether its answer is a state instead of a
// value: the control gives way to the state and its clear button while one is set.
function showState(wrap, value) {
  const state = value && STATES.includes(value.state) ? value.state : "";
  if (state) wrap.dataset.state = state;
  else delete wrap.dataset.state;
  const control = wrap.querySelector("[data-path]");
  const badge = wrap.querySelector(".state-badge");
  if (!control || !badge) return;
  control.hidden = !!state;
  badge.hidden = !state;
  badge.querySelector(".state-text").textContent = state ? t(`state_${state}`) : "";
  const toggle = wrap.querySelector(".state-toggle");
  if (toggle) toggle.hidden = !!state;
  if (state) {
    const menu = wrap.querySelector(".state-menu");
    if (menu) menu.hidden = true;
    toggle?.setAttribute("aria-expanded", "false");
  }
}

function renderList(path, f, entries, data, ctx, sectionKey) {
  const wrap = el("section", { class: "list", "data-list": path });
  wrap.append(el("h3", { text: label(f.label, f.key) }));
  if (f.help) wrap.append(el("p", { class: "help", text: label(f.help) }));
  const item = visible(f.item).filter((x) => !(path === "documents.files" && FILE_MANAGED.has(x.key)));
  entries.forEach((e, i) => {
    const fs = el("fieldset", { class: "entry", "data-entry": `${path}.${e.id}` });
    fs.append(el("legend", { text: `${label(f.label, f.key)} ${i + 1}` }));
    if (path === "documents.files" && ctx.fileActions) {
      const actions = ctx.fileActions(e, `${path}.${e.id}`);
      if (actions) fs.append(actions);
    }
    for (const x of item) fs.append(renderField(`${path}.${e.id}.${x.key}`, x, e.fields[x.key], data, ctx, sectionKey));
    if (!ctx.readOnly) {
      fs.append(
        el("button", {
          type: "button",
          class: "remove",
          "data-action": "remove-entry",
          text: t("remove"),
          onclick: () => ctx.edit((doc) => doc.removeEntry(path, e.id)),
        }),
      );
    }
    wrap.append(fs);
  });
  if (!ctx.readOnly && path !== "documents.files") {
    wrap.append(
      el("button", {
        type: "button",
        class: "add",
        "data-action": "add-entry",
        "data-list-path": path,
        text: `+ ${t("add")}: ${label(f.label, f.key)}`,
        onclick: () => ctx.edit((doc) => doc.addEntry(path), { focusNew: path }),
      }),
    );
  }
  return wrap;
}

// waiting holds the debounced saves whose timer runs: typing not yet committed.
const waiting = new Set();

// flushEdits commits every edit still waiting for a pause in typing, at once; its Promise
// resolves when they are committed. The app calls it when the page is hidden or left, and
// before it replaces the form.
export function flushEdits() {
  return Promise.all([...waiting].map((d) => d.flush()));
}

// editsWaiting reports whether typing is waiting to be committed.
export function editsWaiting() {
  return waiting.size > 0;
}

// debounced runs fn after ms without another call; flush runs it at once, and returns what fn
// returns.
function debounced(fn, ms) {
  let timer = null;
  const run = () => {
    clearTimeout(timer);
    timer = null;
    waiting.delete(d);
    return fn();
  };
  const d = () => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
    waiting.add(d);
  };
  d.flush = () => (timer !== null ? run() : undefined);
  return d;
}

function renderControl(id, path, f, value, data, ctx) {
  const ro = ctx.readOnly;
  switch (f.type) {
    case "bool": {
      const s = el("select", { id, "data-path": path, disabled: ro });
      s.append(el("option", { value: "", text: t("none") }), el("option", { value: "true", text: t("yes") }), el("option", { value: "false", text: t("no") }));
      s.addEventListener("change", () => {
        const v = s.value;
        ctx.edit((doc) => (v === "" ? doc.clearField(path) : doc.setField(path, v === "true", ctx.prov())));
      });
      setControl(s, f, value);
      return s;
    }
    case "code": {
      const s = el("select", { id, "data-path": path, disabled: ro });
      s.append(el("option", { value: "", text: t("none") }));
      for (const o of codeOptions(ctx, f.code_list)) s.append(el("option", { value: o.code, text: o.name }));
      s.addEventListener("change", () => {
        const v = s.value;
        ctx.edit((doc) => (v === "" ? doc.clearField(path) : doc.setField(path, v, ctx.prov())));
      });
      setControl(s, f, value);
      return s;
    }
    case "ref": {
      const s = el("select", { id, "data-path": path, disabled: ro });
      s.append(el("option", { value: "", text: t("none") }));
      for (const o of data.targets[f.ref] ?? []) s.append(el("option", { value: o.id, text: o.name }));
      s.addEventListener("change", () => {
        const v = s.value;
        ctx.edit((doc) => (v === "" ? doc.clearField(path) : doc.setField(path, v, ctx.prov())));
      });
      setControl(s, f, value);
      return s;
    }
    case "codes":
    case "refs": {
      const opts = f.type === "codes" ? codeOptions(ctx, f.code_list) : (data.targets[f.ref] ?? []).map((o) => ({ code: o.id, name: o.name }));
      const box = el("div", { class: "codes", id, "data-path": path, role: "group" });
      const current = () => [...box.querySelectorAll("input[type=checkbox]:checked")].map((c) => c.value);
      const save = () => {
        const want = current();
        ctx.edit((doc) => doc.setCodes(path, want, ctx.prov()));
      };
      if (opts.length <= CHECKBOX_MAX) {
        for (const o of opts) {
          box.append(el("label", { class: "check" }, el("input", { type: "checkbox", value: o.code, disabled: ro, onchange: save }), ` ${o.name}`));
        }
      } else {
        // A long list: the chosen codes as chips (checked boxes) and a picker to add one.
        const chips = el("div", { class: "chips" });
        const picker = el("select", { "aria-label": label(f.label, f.key), disabled: ro });
        picker.append(el("option", { value: "", text: `+ ${t("add")}` }));
        for (const o of opts) picker.append(el("option", { value: o.code, text: o.name }));
        picker.addEventListener("change", () => {
          const v = picker.value;
          picker.value = "";
          if (!v || current().includes(v)) return;
          ctx.edit((doc) => doc.setCodes(path, [...current(), v], ctx.prov()));
        });
        box.append(chips, picker);
        box._names = new Map(opts.map((o) => [o.code, o.name]));
        box._save = save;
      }
      setControl(box, f, value);
      return box;
    }
    case "text": {
      const wrap = el("div", { class: "textfield" });
      const ta = el("textarea", { id, "data-path": path, dir: "auto", rows: 3, readonly: ro });
      const langSel = el("select", { class: "input-lang", "aria-label": t("writtenIn"), disabled: ro });
      for (const l of LANGS) langSel.append(el("option", { value: l, text: NATIVE[l] }));
      langSel.value = value?.lang || lang();
      const save = debounced(() => {
        const text = ta.value;
        const l = langSel.value;
        return ctx.edit((doc) => doc.setText(path, text, l));
      }, EDIT_IDLE_MS);
      ta.addEventListener("input", save);
      ta.addEventListener("blur", () => save.flush());
      langSel.addEventListener("change", () => {
        save();
        save.flush();
      });
      ta._lang = langSel;
      setControl(ta, f, value);
      wrap.append(ta, el("label", { class: "lang-label" }, `${t("writtenIn")} `, langSel));
      return wrap;
    }
    default: {
      // string, int, date, time
      const attrs = { id, "data-path": path, type: "text", dir: "auto", readonly: ro || f.type === "time", autocomplete: "off" };
      if (f.type === "int" || f.type === "date") {
        attrs.inputmode = "numeric";
        attrs.dir = "ltr";
      }
      if (f.type === "date") attrs.placeholder = t("dateHint");
      if (f.key === "email") attrs.type = "email";
      if (f.key === "phone") attrs.type = "tel";
      const input = el("input", attrs);
      const parse = () => {
        const raw = normalizeDigits(input.value.trim());
        if (raw === "") return { clear: true };
        if (f.type === "int") {
          if (!/^-?\d+$/.test(raw)) return { bad: true };
          const n = Number(raw);
          if (f.max > f.min && (n < f.min || n > f.max)) return { bad: true };
          return { value: n };
        }
        if (f.type === "date") return DATE_RE.test(raw) ? { value: raw } : { bad: true };
        if (f.pattern && !new RegExp(`^(?:${f.pattern})$`).test(raw)) return { bad: true };
        return { value: input.value.trim() };
      };
      let last = null;
      const save = debounced(() => {
        const p = parse();
        input.classList.toggle("invalid", !!p.bad);
        input.setAttribute("aria-invalid", p.bad ? "true" : "false");
        if (p.bad) return;
        const key = JSON.stringify(p);
        if (key === last) return;
        last = key;
        return ctx.edit((doc) => (p.clear ? doc.clearField(path) : doc.setField(path, p.value, ctx.prov())));
      }, EDIT_IDLE_MS);
      input.addEventListener("input", save);
      input.addEventListener("change", () => save.flush());
      input.addEventListener("blur", () => save.flush());
      input._resetLast = (v) => (last = v);
      setControl(input, f, value);
      return input;
    }
  }
}

// setControl shows value in control.
function setControl(c, f, value) {
  switch (f.type) {
    case "bool":
      c.value = value && "value" in value ? String(value.value) : "";
      return;
    case "code":
    case "ref":
      if (value && "value" in value && ![...c.options].some((o) => o.value === String(value.value))) {
        c.append(el("option", { value: String(value.value), text: String(value.value) }));
      }
      c.value = value && "value" in value ? String(value.value) : "";
      return;
    case "codes":
    case "refs": {
      const have = new Set(value ?? []);
      if (c._names) {
        const chips = c.querySelector(".chips");
        chips.replaceChildren();
        for (const code of [...have].sort()) {
          chips.append(
            el(
              "label",
              { class: "chip" },
              el("input", { type: "checkbox", value: code, checked: true, onchange: c._save }),
              ` ${c._names.get(code) ?? code}`,
            ),
          );
        }
      } else {
        for (const box of c.querySelectorAll("input[type=checkbox]")) box.checked = have.has(box.value);
      }
      return;
    }
    case "text":
      if (c.value !== (value?.text ?? "")) c.value = value?.text ?? "";
      if (value?.lang && c._lang) c._lang.value = value.lang;
      return;
    default: {
      const v = value && "value" in value ? String(value.value) : "";
      if (c.value !== v) c.value = v;
      c._resetLast?.(JSON.stringify(v === "" ? { clear: true } : { value: f.type === "int" ? Number(v) : v }));
      c.classList.remove("invalid");
    }
  }
}

// sameShape reports whether the lists of two readSection results have the same entries, so
// that fillSection can update values in place.
function sameShape(a, b) {
  for (const k of Object.keys(a)) {
    if (Array.isArray(a[k]) && a[k].length && typeof a[k][0] === "object") {
      if (!Array.isArray(b[k]) || a[k].length !== b[k].length) return false;
      for (let i = 0; i < a[k].length; i++) {
        if (a[k][i].id !== b[k][i].id || !sameShape(a[k][i].fields, b[k][i].fields)) return false;
      }
    } else if (Array.isArray(b[k]) && b[k].length && typeof b[k][0] === "object") {
      return false;
    }
  }
  return true;
}

// fillSection puts data into the form rendered from old data, leaving the focused control
// alone. It returns false when the lists changed shape: the caller renders anew.
export function fillSection(root, section, old, data) {
  if (!sameShape(old.fields, data.fields) || JSON.stringify(old.targets) !== JSON.stringify(data.targets)) return false;
  const byPath = new Map();
  const walk = (prefix, fields, values) => {
    for (const f of visible(fields)) {
      if (f.type === "list") {
        for (const e of values[f.key] ?? []) walk(`${prefix}.${f.key}.${e.id}`, f.item ?? [], e.fields);
      } else {
        byPath.set(`${prefix}.${f.key}`, { f, v: values[f.key] });
      }
    }
  };
  walk(section.key, section.fields, data.fields);
  const active = document.activeElement;
  for (const c of root.querySelectorAll("[data-path]")) {
    const x = byPath.get(c.dataset.path);
    if (!x) continue;
    // Sets of codes have no typing to disturb: their picker may keep the focus.
    const set = x.f.type === "codes" || x.f.type === "refs";
    if (!set && (c === active || c.contains(active))) continue;
    setControl(c, x.f, x.v);
    if (STATEFUL.has(x.f.type)) showState(c.closest(".field"), x.v);
  }
  return true;
}
