// cv.js: the CV screen. The case-work module builds the German CV (Lebenslauf) from the
// biography as one printable HTML page (casework/cv, casework/render); this screen chooses
// its optional parts and opens it in a new window with a print button. The browser's print
// dialog makes the PDF ("Save as PDF"), which shapes Arabic and Persian script natively:
// no PDF library in the page.
//
// Date of birth, nationality and work permission are off by default, with the reason: in
// Germany a CV for an employer leaves out what reveals age and origin (anti-discrimination
// practice, AGG) unless the person chooses otherwise.
//
// mount(root, ctx) renders into root and resolves to {update()}, which the app calls on a
// remote change.

import { tr, langOf, caseworkOf, call, errorMessage, el, injectStyle, openPrintable } from "./strings-casework.js";

export async function mount(root, ctx) {
  injectStyle();
  const L = langOf(ctx);
  root.replaceChildren(el("p", { class: "loading", text: tr(L, "loadingCasework") }));
  let cw;
  try {
    cw = await caseworkOf(ctx);
  } catch (err) {
    root.replaceChildren(el("p", { class: "error", role: "alert", text: errorMessage(L, err) }));
    return { update() {} };
  }

  const check = (name, key) =>
    el("label", { class: "cw-check" }, el("input", { type: "checkbox", name, id: `cv-${name.replaceAll("_", "-")}` }), el("span", { text: tr(L, key) }));
  const options = el(
    "fieldset",
    { class: "card", id: "cv-options" },
    el("legend", { text: tr(L, "cvOptional") }),
    check("birth_date", "cvBirthDate"),
    check("nationality", "cvNationality"),
    check("work_permission", "cvWorkPermission"),
    el("p", { class: "help", id: "cv-why", text: tr(L, "cvOptionalWhy") }),
  );
  const msg = el("p", { class: "cw-msg", role: "status", "aria-live": "polite" });
  const fallback = el("div", { id: "cv-fallback" });
  const open = el("button", {
    type: "button",
    class: "primary",
    id: "cv-open",
    text: tr(L, "cvOpen"),
    onclick: async () => {
      msg.textContent = "";
      fallback.replaceChildren();
      const opts = { date: new Date().toISOString().slice(0, 10) };
      for (const box of options.querySelectorAll("input[type=checkbox]")) opts[box.name] = box.checked;
      let html;
      try {
        html = await ctx.client.read(ctx.docId, (doc) => call(cw, "cvHTML", doc, opts));
      } catch (err) {
        msg.dataset.kind = "error";
        msg.textContent = errorMessage(L, err);
        return;
      }
      const w = openPrintable(html, { lang: L, title: "Lebenslauf", fallback });
      if (w) {
        msg.dataset.kind = "ok";
        msg.textContent = tr(L, "cvOpened");
      }
    },
  });
  root.replaceChildren(
    el(
      "div",
      { class: "cw", id: "cv" },
      el("p", { class: "help", text: tr(L, "cvHelp") }),
      options,
      el("div", { class: "card" }, el("p", { class: "help", id: "cv-print-help", text: tr(L, "cvPrintHelp") }), open, msg),
      fallback,
    ),
  );
  return { update() {} };
}
