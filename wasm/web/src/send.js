// send.js: sending to an agency, the newcomer's side of casework/disclosure. The person picks
// a recipient type (the profiles of the case-work module), names the recipient and the expiry,
// sees exactly what would be sent (in German, originals beside translations, each item with a
// tick to remove it; documents only when ticked), reads the consent text in one of its ten
// languages and agrees. Then, in this order (as `mobio send` does):
//
//   1. consentGive records the consent (client.edit);
//   2. packagePlaintext completes the package and checks the consent covers it;
//   3. client.sealPackage signs and encrypts it, client.putPackage stores the ciphertext;
//   4. recordShare writes the share entry (client.edit);
//   5. packageLink makes the link, with the key in its fragment, shown once with a QR code.
//
// Below, the packages sent, with their state and a Withdraw button (client.withdrawPackage,
// then withdrawShare). Nothing here keeps the link: it is a secret, and only its recipient
// needs it.

import qrcode from "qrcode-generator";
import { t, label, lang, dateText, CONSENT_NATIVE } from "./i18n.js";
import { el } from "./form.js";

const PURPOSE = "SHARE_RECIPIENT";
const DEFAULT_DAYS = 30;
const MAX_DAYS = 90; // the relay's default longest package lifetime
const DAY_MS = 24 * 3600 * 1000;

// mountSend renders the screen into root. ctx: main.js's caseworkCtx.
export async function mountSend(root, ctx) {
  const cw = ctx.casework;
  const st = {
    type: "",
    name: "",
    days: DEFAULT_DAYS,
    include: new Set(), // optional paths added
    exclude: new Set(), // items removed (paths with entry IDs)
    documents: new Set(), // documents.files entries ticked
    consentLang: ctx.lang,
    agreed: false,
    consentId: null, // a consent recorded for an attempt that failed later, reused on retry
    consentFor: "",
  };
  const profiles = cw.profiles();
  st.type = profiles.find((p) => p.recipient_type === "EMPLOYER")?.recipient_type ?? profiles[0].recipient_type;
  const profile = () => profiles.find((p) => p.recipient_type === st.type);

  const form = el("div", { class: "card send-form", id: "send-form" });
  const preview = el("div", { class: "send-preview", id: "send-preview" });
  const consentBox = el("div", { class: "card consent-box", id: "send-consent" });
  const result = el("div", { id: "send-result", "aria-live": "polite" });
  const sharesBox = el("div", { id: "shares" });
  root.replaceChildren(el("p", { class: "help", text: t("sendIntro") }), form, preview, consentBox, result, el("h3", { text: t("sharesTitle") }), sharesBox);

  const operator = { controller: ctx.config.controller ?? "", dpo: ctx.config.dpo ?? "" };
  const canSend = ctx.role !== "viewer";

  // --- the choices ------------------------------------------------------------------------------

  const typeSel = el("select", { id: "send-type" });
  for (const p of profiles) {
    const de = p.label;
    const mine = label(ctx.codeLabel("recipient_type", p.recipient_type), de);
    typeSel.append(el("option", { value: p.recipient_type, text: mine && mine !== de ? `${de} · ${mine}` : de }));
  }
  typeSel.value = st.type;
  const nameInput = el("input", { id: "send-name", dir: "auto", autocomplete: "organization", required: true });
  const daysInput = el("input", { id: "send-days", type: "number", min: 1, max: MAX_DAYS, value: DEFAULT_DAYS, inputmode: "numeric" });
  const untilLine = el("small", { class: "help", id: "send-until" });
  const optional = el("div", { class: "send-optional" });
  const docs = el("div", { class: "send-documents" });
  form.append(
    el("label", { for: "send-type", text: t("recipientType") }),
    typeSel,
    el("label", { for: "send-name", text: t("recipientName") }),
    nameInput,
    el("label", { for: "send-days", text: t("validDays") }),
    daysInput,
    untilLine,
    optional,
    docs,
  );

  const expires = () => new Date(Date.now() + st.days * DAY_MS);
  const choices = (withExclusions = true) => ({
    name: st.name,
    include: [...st.include],
    exclude: withExclusions ? [...st.exclude] : [],
    documents: [...st.documents],
  });

  typeSel.addEventListener("change", () => {
    st.type = typeSel.value;
    st.include.clear();
    st.exclude.clear();
    renderOptional();
    update();
  });
  nameInput.addEventListener("input", () => {
    st.name = nameInput.value.trim();
    renderConsentSummary();
  });
  daysInput.addEventListener("input", () => {
    const n = Math.round(Number(daysInput.value));
    st.days = Number.isFinite(n) ? Math.min(MAX_DAYS, Math.max(1, n)) : DEFAULT_DAYS;
    untilLine.textContent = t("validUntil", { date: dateText(expires()) });
    renderConsentSummary();
  });
  untilLine.textContent = t("validUntil", { date: dateText(expires()) });

  function renderOptional() {
    const opts = profile().optional ?? [];
    optional.replaceChildren();
    if (!opts.length) return;
    const box = el("fieldset", { class: "checks" }, el("legend", { text: t("optionalItems") }));
    for (const path of opts) {
      const cb = el("input", { type: "checkbox", "data-include": path, checked: st.include.has(path) });
      cb.addEventListener("change", () => {
        cb.checked ? st.include.add(path) : st.include.delete(path);
        update();
      });
      box.append(el("label", { class: "check" }, cb, el("span", { text: ctx.pathLabel(path) })));
    }
    optional.append(box);
  }

  async function renderDocuments() {
    const files = await ctx.client.read(ctx.docId, (doc) =>
      doc.entries("documents.files").map((id) => {
        const v = (k) => doc.getField(`documents.files.${id}.${k}`)?.value;
        return { id, name: v("title") || v("file_name") || id.slice(0, 6), blob: v("blob_id"), key: v("content_key"), size: Number(v("size") ?? 0), type: v("media_type") || "application/octet-stream", file: v("file_name") || v("title") || "file" };
      }),
    );
    docs.replaceChildren();
    st.files = files;
    if (!files.length) return;
    const box = el("fieldset", { class: "checks" }, el("legend", { text: t("documentsToSend") }));
    for (const f of files) {
      const cb = el("input", { type: "checkbox", "data-document": f.id, checked: st.documents.has(f.id) });
      cb.addEventListener("change", () => {
        cb.checked ? st.documents.add(f.id) : st.documents.delete(f.id);
        update();
      });
      box.append(el("label", { class: "check" }, cb, el("span", { dir: "auto", text: f.name })));
    }
    docs.append(box);
  }

  // --- the preview ------------------------------------------------------------------------------

  // shown is the package with every item the choices allow, the removed ones included (so
  // that a tick can bring them back); sent is the package as it would go.
  let shown = null;
  let sent = null;

  async function update() {
    try {
      [shown, sent] = await ctx.client.read(ctx.docId, (doc) => [cw.sendPreview(doc, st.type, choices(false)), cw.sendPreview(doc, st.type, choices())]);
    } catch (err) {
      preview.replaceChildren(el("p", { class: "error", text: ctx.errorText(err) }));
      return;
    }
    renderPreview();
    renderConsentSummary();
  }

  function renderPreview() {
    const removed = (path) => [...st.exclude].some((x) => path === x || path.startsWith(`${x}.`));
    const toggle = (path, on) => {
      on ? st.exclude.delete(path) : st.exclude.add(path);
      update();
    };
    const check = (path, what) => {
      const cb = el("input", { type: "checkbox", "data-exclude": path, checked: !removed(path), "aria-label": t("includeItem", { what }) });
      cb.addEventListener("change", () => toggle(path, cb.checked));
      return cb;
    };
    preview.replaceChildren(el("h3", { text: t("previewTitle") }), el("p", { class: "help", text: t("previewHelp") }));
    if (!shown.sections?.length) {
      preview.append(el("p", { class: "help", id: "preview-empty", text: t("previewEmpty") }));
      return;
    }
    for (const s of shown.sections) {
      const mine = label(ctx.sectionLabel(s.key), "");
      // The recipient reads German: the preview is a German document, left to right, on
      // every page; only the section's name in the UI language is the page's own.
      const box = el(
        "fieldset",
        { class: "preview-section", "data-section": s.key, lang: "de", dir: "ltr" },
        el("legend", {}, el("span", { text: s.label }), mine && mine !== s.label ? el("bdi", { class: "ui-label", lang: lang(), dir: "auto", text: ` · ${mine}` }) : null),
      );
      let entry = "";
      const count = {};
      for (const it of s.items) {
        if (it.entry && it.entry !== entry) {
          count[it.list] = (count[it.list] ?? 0) + 1;
          const ep = `${it.list}.${it.entry}`;
          const head = `${it.list_label} ${count[it.list]}`;
          box.append(el("label", { class: "preview-entry", "data-entry": ep }, check(ep, head), el("span", { lang: "de", text: head })));
        }
        entry = it.entry ?? "";
        box.append(previewItem(it, check(it.path, it.label), removed(it.path)));
      }
      preview.append(box);
    }
  }

  function previewItem(it, cb, off) {
    const value = el("span", { class: "item-value", lang: "de", dir: "auto", text: it.value });
    const row = el("label", { class: `preview-item${it.entry ? " in-entry" : ""}${off ? " off" : ""}`, "data-path": it.path }, cb, el("span", { class: "item-label", lang: "de", text: it.label }), value);
    const tx = it.text;
    if (tx && tx.translation !== "same") {
      row.append(el("span", { class: `marker ${tx.translation}`, lang: "de", text: tx.marker }));
      if (tx.original && tx.original !== it.value) {
        row.append(
          el(
            "span",
            { class: "item-original" },
            el("span", { class: "original-label", title: t("originalText"), text: `Original (${tx.lang_label}): ` }),
            el("bdi", { lang: tx.lang, dir: "auto", text: tx.original }),
          ),
        );
      }
    }
    return row;
  }

  // --- the consent ------------------------------------------------------------------------------

  const langSel = el("select", { id: "consent-lang" });
  const textBox = el("div", { class: "consent-text", id: "consent-text" });
  const draftNote = el("p", { class: "draft-note", id: "consent-draft", role: "note", hidden: true, text: t("consentDraft") });
  const summary = el("p", { class: "consent-summary", id: "consent-summary" });
  const agree = el("input", { type: "checkbox", id: "send-agree" });
  const sendBtn = el("button", { type: "button", class: "primary", id: "send-go", text: t("sendButton"), disabled: true });
  const msg = el("p", { class: "error", role: "alert", id: "send-error" });
  const busy = el("p", { class: "working", role: "status", hidden: true }, el("span", { class: "spinner", "aria-hidden": "true" }), el("span", { text: t("sending") }));

  const text = cw.consentTexts().filter((m) => m.purposes.includes(PURPOSE)).sort((a, b) => b.version - a.version)[0];
  const langs = cw.consentLanguages().filter((l) => text?.languages?.[l.lang]);
  for (const l of langs) langSel.append(el("option", { value: l.lang, text: CONSENT_NATIVE[l.lang] ?? l.lang }));
  if (!langs.some((l) => l.lang === st.consentLang)) st.consentLang = "de";
  langSel.value = st.consentLang;
  langSel.addEventListener("change", () => {
    st.consentLang = langSel.value;
    renderConsentText();
  });
  agree.addEventListener("change", () => {
    st.agreed = agree.checked;
    sendBtn.disabled = !st.agreed;
  });
  consentBox.append(
    el("h3", { text: t("consentTitle") }),
    el("label", { for: "consent-lang", text: t("consentLanguage") }),
    langSel,
    draftNote,
    textBox,
    summary,
    el("label", { class: "check agree", for: "send-agree" }, agree, el("span", { text: t("agree") })),
    msg,
    busy,
    sendBtn,
  );

  let shownText = null;
  function renderConsentText() {
    textBox.replaceChildren();
    if (!operator.controller || !operator.dpo) {
      shownText = null;
      textBox.append(el("p", { class: "error", id: "no-operator", text: t("noOperator") }));
      agree.disabled = true;
      sendBtn.disabled = true;
      return;
    }
    try {
      shownText = cw.consentText(text.id, text.version, st.consentLang, operator);
    } catch (err) {
      shownText = null;
      textBox.append(el("p", { class: "error", text: ctx.errorText(err) }));
      return;
    }
    textBox.setAttribute("lang", shownText.lang);
    textBox.setAttribute("dir", shownText.direction === "rtl" ? "rtl" : "ltr");
    textBox.classList.toggle("ethiopic", shownText.script === "Ethi");
    textBox.dataset.lang = shownText.lang;
    textBox.append(...markdown(shownText.text));
    draftNote.hidden = !(shownText.needs_review || shownText.fallback);
    agree.disabled = !canSend;
  }

  function renderConsentSummary() {
    if (!sent) return;
    const who = recipientText(ctx, sent.recipient.type, st.name);
    const sections = (sent.sections ?? []).map((s) => label(ctx.sectionLabel(s.key), s.label)).join(", ");
    summary.textContent = t("consentSummary", { who, sections: sections || t("none"), date: dateText(expires()) });
  }

  sendBtn.addEventListener("click", async () => {
    msg.textContent = "";
    if (!st.name) {
      msg.textContent = t("sendNeedsName");
      nameInput.focus();
      return;
    }
    if (!shownText || !st.agreed) return;
    // The relay must take the package: without it, recording a consent would leave one that
    // nothing was sent on.
    if (!ctx.connected()) {
      msg.textContent = t("sendNeedsNetwork");
      return;
    }
    sendBtn.disabled = true;
    busy.hidden = false;
    try {
      const link = await send();
      showSent(link);
      await renderShares();
    } catch (err) {
      msg.textContent = err.code === "offline" ? t("sendNeedsNetwork") : ctx.errorText(err);
      sendBtn.disabled = !st.agreed;
    } finally {
      busy.hidden = true;
    }
  });

  async function send() {
    const now = new Date();
    const until = new Date(now.getTime() + st.days * DAY_MS);
    const pkgSections = (sent.sections ?? []).map((s) => s.key);
    // A consent recorded for an attempt whose sending failed covers a retry of the same
    // choices; anything else asks for a new one.
    const key = JSON.stringify([st.type, st.name, pkgSections, shownText.lang]);
    if (!st.consentId || st.consentFor !== key) {
      let id;
      await ctx.client.edit(ctx.docId, (doc) => {
        id = cw.consentGive(
          doc,
          {
            purpose: PURPOSE,
            scope: pkgSections,
            recipient_type: st.type,
            recipient_name: st.name,
            text_id: shownText.id,
            text_version: shownText.version,
            language_shown: shownText.lang,
            given_at: now.toISOString(),
            recorder: { ...ctx.by(), at: now.toISOString() },
          },
          operator,
        );
      });
      st.consentId = id;
      st.consentFor = key;
    }
    const files = [];
    for (const f of st.files ?? []) {
      if (!st.documents.has(f.id) || !f.blob || !f.key) continue;
      const data = await ctx.client.fetch(ctx.docId, f.id, { id: f.blob, size: f.size, key: f.key });
      files.push({ entry: f.id, name: f.file, media_type: f.type, data });
    }
    const made = await ctx.client.read(ctx.docId, (doc) =>
      cw.packagePlaintext(doc, st.type, choices(), { document: ctx.docId, consent: st.consentId, created: now.toISOString(), expires: until.toISOString(), files }),
    );
    const sealed = await ctx.client.sealPackage(made.package_id, made.plaintext);
    await ctx.client.putPackage(ctx.docId, made.package_id, sealed.ciphertext, until);
    await ctx.client.edit(ctx.docId, (doc) => cw.recordShare(doc, made.plaintext, ctx.by()));
    st.consentId = null;
    const base = `${location.origin}${location.pathname.replace(/\/[^/]*$/, "")}`;
    return { link: cw.packageLink(base, made.package_id, sealed.key), until };
  }

  function showSent({ link, until }) {
    const input = el("input", { id: "package-link", readonly: true, value: link, dir: "ltr" });
    const copy = el("button", {
      type: "button",
      id: "package-copy",
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
    const img = el("img", { id: "package-qr", class: "qr", alt: "QR", src: qr.createDataURL(5, 2), width: qr.getModuleCount() * 5 + 20 });
    form.hidden = true;
    preview.hidden = true;
    consentBox.hidden = true;
    result.replaceChildren(
      el(
        "section",
        { class: "card sent", id: "send-done" },
        el("h3", { text: t("sentTitle") }),
        el("p", { text: t("sentHelp", { date: dateText(until) }) }),
        el("div", { class: "row" }, input, copy),
        img,
        el("button", { type: "button", id: "send-another", text: t("sendAnother"), onclick: () => ctx.refresh() }),
      ),
    );
    input.focus();
    input.select();
  }

  // --- the packages sent ------------------------------------------------------------------------

  async function renderShares() {
    let list;
    try {
      list = await ctx.client.read(ctx.docId, (doc) => cw.shares(doc, new Date().toISOString()));
    } catch (err) {
      sharesBox.replaceChildren(el("p", { class: "error", text: ctx.errorText(err) }));
      return;
    }
    const ul = el("ul", { class: "shares", id: "share-list" });
    for (const s of list.slice().reverse()) ul.append(shareItem(s));
    sharesBox.replaceChildren(list.length ? ul : el("p", { class: "help", text: t("noShares") }));
  }

  function shareItem(s) {
    const li = el(
      "li",
      { "data-share": s.id, "data-state": s.state, "data-package": s.package_id },
      el("strong", { dir: "auto", text: recipientText(ctx, s.recipient_type, s.recipient_name) }),
      el("span", { class: `badge state-${s.state}`, text: t(`share_${s.state}`) }),
      el("span", { class: "help", text: [t("sentOn", { date: dateText(s.created_at) }), s.state === "withdrawn" ? t("withdrawnOn", { date: dateText(s.revoked_at) }) : t("validUntil", { date: dateText(s.expires_at) })].join(" · ") }),
      el("span", { class: "help sections", text: s.sections.map((k) => label(ctx.sectionLabel(k), k)).join(", ") }),
    );
    if (s.state === "active" && canSend) {
      const confirmBox = el(
        "span",
        { class: "confirm", hidden: true },
        el("span", { class: "confirm-text", text: t("withdrawQuestion") }),
        el("button", {
          type: "button",
          class: "danger",
          "data-action": "confirm-withdraw",
          text: t("withdrawConfirm"),
          onclick: async (ev) => {
            ev.currentTarget.disabled = true;
            try {
              await withdrawShare(ctx, s);
            } catch (err) {
              ctx.notice(err.code === "offline" ? t("sendNeedsNetwork") : ctx.errorText(err));
            }
            renderShares();
          },
        }),
        el("button", {
          type: "button",
          "data-action": "cancel-withdraw",
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
        "data-action": "withdraw",
        text: t("withdraw"),
        onclick: () => {
          ask.hidden = true;
          confirmBox.hidden = false;
          confirmBox.querySelector("[data-action=cancel-withdraw]").focus();
        },
      });
      li.append(ask, confirmBox);
    }
    return li;
  }

  renderOptional();
  await renderDocuments();
  await update();
  renderConsentText();
  await renderShares();
  return {
    // A remote change (the other editor) may change what would be sent, or the shares.
    update: async () => {
      if (!form.hidden) {
        await renderDocuments();
        await update();
      }
      await renderShares();
    },
  };
}

// withdrawShare withdraws a package at the relay, then records it in the biography. The relay
// comes first: offline, nothing is recorded that did not happen. A package the relay no longer
// has (expired, or withdrawn by another device) is recorded as withdrawn all the same.
export async function withdrawShare(ctx, s) {
  if (s.package_id) {
    try {
      await ctx.client.withdrawPackage(ctx.docId, s.package_id);
    } catch (err) {
      if (err.code !== "no-such-package" && err.code !== "not-found") throw err;
    }
  }
  try {
    await ctx.client.edit(ctx.docId, (doc) => ctx.casework.withdrawShare(doc, s.id, new Date().toISOString(), ctx.by()));
  } catch (err) {
    if (err.code !== "already") throw err;
  }
}

// recipientText names a recipient in the UI language: its type and name.
export function recipientText(ctx, type, name) {
  const kind = label(ctx.codeLabel("recipient_type", type), type);
  return name ? `${kind} – ${name}` : kind;
}

// markdown turns a consent text (headings "# …", paragraphs, **bold**) into elements, as text:
// nothing in it becomes markup of its own.
export function markdown(src) {
  const out = [];
  for (const block of src.replace(/\r\n/g, "\n").split(/\n{2,}/)) {
    const b = block.trim();
    if (!b) continue;
    const h = /^(#{1,6})\s+(.*)$/s.exec(b);
    const e = h ? el(`h${Math.min(6, h[1].length + 3)}`) : el("p");
    const body = h ? h[2] : b;
    body.split(/(\*\*[^*]+\*\*)/).forEach((part) => {
      if (/^\*\*[^*]+\*\*$/.test(part)) e.append(el("strong", { text: part.slice(2, -2) }));
      else if (part) e.append(part);
    });
    out.push(e);
  }
  return out;
}
