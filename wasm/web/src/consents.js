// consents.js: the consents recorded in the biography (casework/consent), with their
// withdrawal. Before a withdrawal the screen says what it undoes (consentEffects); after
// recording it (consentWithdraw, in client.edit) it acts on the effects: a member whose access
// rested on the consent is removed (client.revoke, the owner's to do), the packages sent on it
// are withdrawn at the relay and marked so, a section that needed it is erased, and a biography
// whose storage needed it is erased. Withdrawal counts from then on: what happened before
// stays lawful, which the screen says too.

import { t, label, dateText, CONSENT_NATIVE } from "./i18n.js";
import { el } from "./form.js";
import { recipientText, withdrawShare } from "./send.js";

export async function mountConsents(root, ctx) {
  const cw = ctx.casework;
  const list = el("ul", { class: "consents", id: "consent-list" });
  root.replaceChildren(list);

  async function render() {
    let consents;
    try {
      consents = await ctx.client.read(ctx.docId, (doc) => cw.consents(doc));
    } catch (err) {
      list.replaceChildren(el("li", { class: "error", text: ctx.errorText(err) }));
      return;
    }
    list.replaceChildren(...consents.slice().reverse().map(item));
    if (!consents.length) list.replaceChildren(el("li", { class: "help", id: "consents-none", text: t("consentsNone") }));
  }

  function item(c) {
    const state = c.withdrawn ? "withdrawn" : "active";
    const who = c.recipient_type || c.recipient_name ? recipientText(ctx, c.recipient_type, c.recipient_name) : c.recipient_identity ? memberName(ctx, c.recipient_identity) : "";
    const facts = [
      t("consentGivenOn", { date: dateText(c.given_at) }),
      t("consentShownIn", { lang: CONSENT_NATIVE[c.language_shown] ?? c.language_shown }),
      c.withdrawn ? t("consentWithdrawnOn", { date: dateText(c.withdrawn_at) }) : "",
    ].filter(Boolean);
    const li = el(
      "li",
      { "data-consent": c.id, "data-purpose": c.purpose, "data-state": state },
      el("strong", { text: label(ctx.codeLabel("consent_purpose", c.purpose), c.purpose) }),
      el("span", { class: `badge state-${state}`, text: t(`consent_${state}`) }),
      who ? el("span", { dir: "auto", text: t("consentTo", { who }) }) : null,
      el("span", { class: "help", text: facts.join(" · ") }),
    );
    if (!c.withdrawn && ctx.role !== "viewer") li.append(withdrawControls(c));
    return li;
  }

  function withdrawControls(c) {
    const box = el("div", { class: "confirm consent-effects", hidden: true });
    const ask = el("button", {
      type: "button",
      class: "danger",
      "data-action": "withdraw-consent",
      text: t("withdrawConsent"),
      onclick: async () => {
        let effects;
        try {
          effects = await ctx.client.read(ctx.docId, (doc) => cw.consentEffects(doc, c.id));
        } catch (err) {
          ctx.notice(ctx.errorText(err));
          return;
        }
        box.replaceChildren(
          el("span", { class: "confirm-text", text: t("effectsIntro") }),
          el("ul", { class: "effects" }, ...effectLines(ctx, effects).map((line) => el("li", { text: line }))),
          el("button", {
            type: "button",
            class: "danger",
            "data-action": "confirm-withdraw-consent",
            text: t("withdrawConsentConfirm"),
            onclick: async (ev) => {
              ev.currentTarget.disabled = true;
              try {
                await withdrawConsent(ctx, c.id);
              } catch (err) {
                ctx.notice(err.code === "offline" ? t("sendNeedsNetwork") : ctx.errorText(err));
              }
              render();
            },
          }),
          el("button", {
            type: "button",
            "data-action": "cancel-withdraw-consent",
            text: t("cancel"),
            onclick: () => {
              box.hidden = true;
              ask.hidden = false;
              ask.focus();
            },
          }),
        );
        ask.hidden = true;
        box.hidden = false;
        box.querySelector("[data-action=cancel-withdraw-consent]").focus();
      },
    });
    return el("div", { class: "consent-actions" }, ask, box);
  }

  await render();
  return { update: render };
}

// effectLines says in the UI language what withdrawing does.
function effectLines(ctx, e) {
  const lines = [t("effectNone")];
  if (e.revoke_member) lines.push(t("effectRevoke", { who: memberName(ctx, e.revoke_member) }));
  if (e.withdraw_packages?.length) {
    lines.push(t("effectPackages", { list: e.withdraw_packages.map((s) => recipientText(ctx, s.recipient_type, s.recipient_name)).join(", ") }));
  }
  if (e.erase_sections?.length) lines.push(t("effectErase", { list: e.erase_sections.map((k) => label(ctx.sectionLabel(k), k)).join(", ") }));
  if (e.erase_document) lines.push(t("effectEraseDocument"));
  if (e.exclude_from_research) lines.push(t("effectResearch"));
  return lines;
}

function memberName(ctx, id) {
  const m = ctx.members().find((x) => x.id === id);
  return m ? `${t(`role_${m.role}`)} (${m.fingerprint?.split(" ").slice(0, 2).join(" ") ?? id.slice(0, 6)})` : t("aMember");
}

// withdrawConsent records the withdrawal and carries out its effects. Each step that needs the
// relay may fail offline; the withdrawal stays recorded, and its effects say what is left
// (consentWithdraw reports them again, already_withdrawn, when asked a second time).
export async function withdrawConsent(ctx, id) {
  const cw = ctx.casework;
  let effects;
  await ctx.client.edit(ctx.docId, (doc) => {
    effects = cw.consentWithdraw(doc, id, new Date().toISOString());
  });
  const problems = [];
  for (const s of effects.withdraw_packages ?? []) {
    try {
      await withdrawShare(ctx, s);
    } catch (err) {
      problems.push(err);
    }
  }
  for (const section of effects.erase_sections ?? []) {
    await ctx.client.edit(ctx.docId, (doc) => cw.consentEraseSection(doc, section));
  }
  if (effects.revoke_member) {
    if (ctx.role === "owner") {
      try {
        await ctx.client.revoke(ctx.docId, effects.revoke_member);
      } catch (err) {
        if (err.code !== "not-found") problems.push(err);
      }
    } else {
      ctx.notice(t("revokeNotOwner"));
    }
  }
  if (effects.erase_document && ctx.role === "owner") {
    await ctx.client.erase(ctx.docId);
  }
  if (problems.length) throw problems[0];
  return effects;
}
