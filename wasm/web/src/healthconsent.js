// healthconsent.js: the support-needs section holds health data (Art. 9 GDPR), which needs a
// consent of its own (HEALTH_SECTION, casework/consent). While the biography holds none in
// force, the section shows its consent text in place of the form: in any of the texts' ten
// languages (right to left for ar, fa and ps; a draft translation says so), with "I agree",
// which records the consent (consentGive) and then shows the form. Withdrawing the consent on
// the consents screen erases the section (consents.js), and the text is shown again.

import { t, CONSENT_NATIVE } from "./i18n.js";
import { el } from "./form.js";
import { casework, caseworkLoaded } from "./casework.js";
import { markdown } from "./send.js";

export const HEALTH_SECTION = "support_needs";
const PURPOSE = "HEALTH_SECTION";

function consented(ctx, cw) {
  return ctx.client.read(ctx.docId, (doc) => cw.consentValid(doc, PURPOSE, { sections: [HEALTH_SECTION] }) !== null);
}

// healthGate shows the consent text in body while the biography holds no HEALTH_SECTION
// consent in force, and resolves to true then: the caller shows no form. It resolves to false
// when the form may be shown. ctx: {client, docId, lang, role, config, by(), errorText,
// stillHere(), agreed()}; agreed is called once the consent is recorded.
export async function healthGate(body, ctx) {
  body.dataset.gate = "health";
  let cw = caseworkLoaded();
  if (!cw) {
    body.replaceChildren(el("p", { class: "working", role: "status" }, el("span", { class: "spinner", "aria-hidden": "true" }), el("span", { text: t("caseworkLoading") })));
    try {
      cw = await casework();
    } catch (err) {
      if (ctx.stillHere()) body.replaceChildren(el("p", { class: "error", role: "alert", text: t("caseworkFailed", { msg: err?.message ?? String(err) }) }));
      return true;
    }
  }
  if (await consented(ctx, cw)) {
    delete body.dataset.gate;
    body.replaceChildren();
    return false;
  }
  if (ctx.stillHere()) showConsent(body, ctx, cw);
  return true;
}

// healthGateStale reports whether what body shows no longer fits the biography: the text while
// a consent is in force (given on another device), or the form while none is (withdrawn).
export async function healthGateStale(body, ctx) {
  const cw = caseworkLoaded();
  if (!cw || !body) return false;
  return (body.dataset.gate === "health") === (await consented(ctx, cw));
}

function showConsent(body, ctx, cw) {
  const operator = { controller: ctx.config.controller ?? "", dpo: ctx.config.dpo ?? "" };
  const langs = cw.consentLanguages();
  let chosen = langs.some((l) => l.lang === ctx.lang) ? ctx.lang : "de";
  let shown = null;

  const langSel = el("select", { id: "health-consent-lang" });
  for (const l of langs) langSel.append(el("option", { value: l.lang, text: CONSENT_NATIVE[l.lang] ?? l.lang }));
  langSel.value = chosen;
  const textBox = el("div", { class: "consent-text", id: "health-consent-text" });
  const draftNote = el("p", { class: "draft-note", id: "health-consent-draft", role: "note", hidden: true, text: t("consentDraft") });
  const msg = el("p", { class: "error", role: "alert", id: "health-consent-error" });
  const agree = el("button", { type: "button", class: "primary", id: "health-agree", text: t("healthAgree"), hidden: ctx.role === "viewer" });

  function render() {
    textBox.replaceChildren();
    shown = null;
    try {
      shown = cw.consentText(PURPOSE, 0, chosen, operator);
    } catch (err) {
      textBox.append(el("p", { class: "error", text: err.code === "no-operator" ? t("noOperator") : ctx.errorText(err) }));
      agree.disabled = true;
      draftNote.hidden = true;
      return;
    }
    textBox.setAttribute("lang", shown.lang);
    textBox.setAttribute("dir", shown.direction === "rtl" ? "rtl" : "ltr");
    textBox.classList.toggle("ethiopic", shown.script === "Ethi");
    textBox.append(...markdown(shown.text));
    draftNote.hidden = !(shown.needs_review || shown.fallback);
    agree.disabled = false;
  }

  langSel.addEventListener("change", () => {
    chosen = langSel.value;
    render();
  });
  agree.addEventListener("click", async () => {
    if (!shown) return;
    agree.disabled = true;
    msg.textContent = "";
    const now = new Date().toISOString();
    try {
      await ctx.client.edit(ctx.docId, (doc) =>
        cw.consentGive(
          doc,
          {
            purpose: PURPOSE,
            scope: [HEALTH_SECTION],
            text_id: shown.id,
            text_version: shown.version,
            language_shown: shown.lang,
            given_at: now,
            recorder: { ...ctx.by(), at: now },
          },
          operator,
        ),
      );
    } catch (err) {
      msg.textContent = ctx.errorText(err);
      agree.disabled = false;
      return;
    }
    ctx.agreed();
  });

  body.replaceChildren(
    el(
      "div",
      { class: "card consent-box", id: "health-consent" },
      el("h3", { text: t("healthConsentTitle") }),
      el("p", { class: "help", text: t("healthConsentIntro") }),
      el("label", { for: "health-consent-lang", text: t("consentLanguage") }),
      langSel,
      draftNote,
      textBox,
      msg,
      agree,
    ),
  );
  render();
}
