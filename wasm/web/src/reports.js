// reports.js: the counsellor's reports, computed on the counsellor's device over the
// biographies it can read (the relay holds ciphertext only and counts nothing).
//
//   - the caseload report for a period (casework/report): a CSV for German spreadsheets, or a
//     printable page; German, as the funding authority reads it;
//   - the anonymised research export (casework/research): persons with a research consent,
//     released under k-anonymity (k 11 by default, never below 5), after a confirmation that
//     says what leaves; every export is logged here (localStorage: time, k, records, left out,
//     the SHA-256 of the file), besides the module's own log line.
//
// mount(root, ctx) renders into root and resolves to {update()}, which the app calls on a
// remote change.

import { BiographyDoc } from "../../js/doc.js";
import { tr, langOf, caseworkOf, call, errorMessage, el, field, dateInput, num, fmtDate, today, normalizeDate, download, openPrintable, injectStyle } from "./strings-casework.js";

const STORE_MANAGER = "mobio.reportManager";
const STORE_LOG = "mobio.researchExports";
const K_DEFAULT = 11;
const K_MIN = 5;

// caseDocs returns the biographies this client reads as a counsellor (its own biography and
// case-notes documents are not cases), each as a document of its own: the report reads them
// all at once, outside the client's read callbacks.
async function caseDocs(client, catalogue) {
  const docs = (await client.docs()).filter((d) => d.role === "counsellor");
  const out = [];
  for (const d of docs) {
    const bytes = await client.read(d.id, (doc) => doc.save());
    out.push(BiographyDoc.load(bytes, { catalogue }));
  }
  return out;
}

// exportLog returns the research exports logged on this device, newest first.
export function exportLog() {
  try {
    const v = JSON.parse(localStorage.getItem(STORE_LOG) ?? "[]");
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function logExport(entry) {
  localStorage.setItem(STORE_LOG, JSON.stringify([entry, ...exportLog()]));
}

// sha256Hex is the SHA-256 of text's UTF-8 bytes: the file as saved.
async function sha256Hex(text) {
  const buf = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

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

  const count = el("p", { class: "help", id: "report-cases" });
  const refresh = async () => {
    try {
      const n = (await ctx.client.docs()).filter((d) => d.role === "counsellor").length;
      count.textContent = tr(L, "casesCount", num(L, n));
      count.dataset.count = String(n);
    } catch {
      /* the count is a hint */
    }
  };

  if (ctx.role && ctx.role !== "counsellor" && !(await ctx.client.docs()).some((d) => d.role === "counsellor")) {
    root.replaceChildren(el("p", { class: "help", id: "reports-counsellor-only", text: tr(L, "counsellorOnly") }));
    return { update() {} };
  }

  // --- the caseload report ----------------------------------------------------------------
  const year = new Date().getFullYear();
  const from = dateInput(L, { id: "report-from", value: `${year}-01-01` });
  const to = dateInput(L, { id: "report-to", value: today() });
  const manager = el("input", { id: "report-manager", dir: "auto", autocomplete: "name", value: localStorage.getItem(STORE_MANAGER) ?? "" });
  manager.addEventListener("change", () => localStorage.setItem(STORE_MANAGER, manager.value.trim()));
  const reportMsg = el("p", { class: "cw-msg", role: "status", "aria-live": "polite" });
  const fallback = el("div", { id: "report-fallback" });

  const period = () => {
    const f = normalizeDate(from.value);
    const t = normalizeDate(to.value);
    for (const [v, input] of [
      [f, from],
      [t, to],
    ]) {
      if (!v || v.length !== 10) {
        input.focus();
        throw Object.assign(new Error(tr(L, "badDate")), { code: "ui" });
      }
    }
    if (t < f) throw Object.assign(new Error(tr(L, "errPeriod")), { code: "ui" });
    return [f, t];
  };

  const run = async (format, btn) => {
    reportMsg.textContent = tr(L, "readingDocs");
    reportMsg.dataset.kind = "ok";
    fallback.replaceChildren();
    btn.disabled = true;
    try {
      const [f, t] = period();
      const docs = await caseDocs(ctx.client, ctx.catalogue);
      const out = call(cw, "reportCaseload", docs, manager.value.trim(), f, t, format, { lang: "de" });
      reportMsg.textContent = "";
      // Go's wasm_exec.js decodes strings with a TextDecoder, which drops a leading byte order
      // mark: put back the one that tells Excel the file is UTF-8.
      if (format === "csv") download(`Fallzahlen_${f}_${t}.csv`, out.startsWith("\uFEFF") ? out : `\uFEFF${out}`, "text/csv;charset=utf-8");
      else openPrintable(out, { lang: L, title: `Fallzahlen ${f} – ${t}`, fallback });
    } catch (err) {
      reportMsg.dataset.kind = "error";
      reportMsg.textContent = err.code === "ui" ? err.message : errorMessage(L, err);
    } finally {
      btn.disabled = false;
    }
  };
  const csvBtn = el("button", { type: "button", class: "primary", id: "report-csv", text: tr(L, "downloadCsv"), onclick: () => run("csv", csvBtn) });
  const htmlBtn = el("button", { type: "button", id: "report-html", text: tr(L, "openPrintable"), onclick: () => run("html", htmlBtn) });
  const caseload = el(
    "section",
    { class: "card", id: "report-caseload" },
    el("h3", { text: tr(L, "caseloadTitle") }),
    el("p", { class: "help", text: tr(L, "caseloadHelp") }),
    count,
    el("div", { class: "cw-row" }, field(tr(L, "periodFrom"), from), field(tr(L, "periodTo"), to)),
    field(tr(L, "manager"), manager),
    el("div", { class: "cw-row" }, csvBtn, htmlBtn),
    reportMsg,
    fallback,
  );

  // --- the research export -----------------------------------------------------------------
  const k = el("input", { id: "research-k", type: "number", min: String(K_MIN), step: "1", value: String(K_DEFAULT), dir: "ltr", inputmode: "numeric" });
  const researchMsg = el("p", { class: "cw-msg", role: "status", "aria-live": "polite" });
  const confirmBox = el("div", { class: "card", id: "research-confirm", hidden: true });
  const logBox = el("div", { id: "research-log" });

  const renderLog = () => {
    const entries = exportLog();
    if (!entries.length) return logBox.replaceChildren(el("h4", { text: tr(L, "exportLog") }), el("p", { class: "cw-empty", text: tr(L, "exportLogEmpty") }));
    const table = el(
      "table",
      { class: "cw-table" },
      el("thead", {}, el("tr", {}, ...["logTime", "", "logRows", "logSuppressed", ""].map((key, i) => el("th", { text: key ? tr(L, key) : ["", "k", "", "", "SHA-256"][i] })))),
    );
    const body = el("tbody");
    for (const e of entries) {
      body.append(
        el(
          "tr",
          {},
          el("td", { text: fmtDate(L, e.time) }),
          el("td", { text: num(L, e.k) }),
          el("td", { text: num(L, e.rows) }),
          el("td", { text: num(L, e.suppressed) }),
          el("td", { class: "cw-hash", dir: "ltr", text: e.sha256 }),
        ),
      );
    }
    table.append(body);
    logBox.replaceChildren(el("h4", { text: tr(L, "exportLog") }), table);
  };

  const exportBtn = el("button", {
    type: "button",
    class: "primary",
    id: "research-export",
    text: tr(L, "researchExport"),
    onclick: async () => {
      researchMsg.textContent = "";
      confirmBox.hidden = true;
      const kv = Number(k.value);
      if (!Number.isInteger(kv) || kv < K_MIN) {
        researchMsg.dataset.kind = "error";
        researchMsg.textContent = tr(L, "errK");
        k.focus();
        return;
      }
      exportBtn.disabled = true;
      researchMsg.dataset.kind = "ok";
      researchMsg.textContent = tr(L, "readingDocs");
      let rel;
      try {
        const docs = await caseDocs(ctx.client, ctx.catalogue);
        rel = call(cw, "researchExport", docs, { who: ctx.identity?.id ?? "", k: kv });
      } catch (err) {
        researchMsg.dataset.kind = "error";
        researchMsg.textContent = errorMessage(L, err);
        exportBtn.disabled = false;
        return;
      }
      exportBtn.disabled = false;
      researchMsg.textContent = "";
      if (!rel.consented) {
        researchMsg.textContent = tr(L, "researchNone");
        return;
      }
      // Nothing has left yet: the figures are shown, and the file is saved (and logged) only on yes.
      confirmBox.replaceChildren(
        el("p", { id: "research-confirm-text", text: tr(L, "researchConfirm", num(L, rel.released), num(L, rel.k), num(L, rel.suppressed)) }),
        el(
          "div",
          { class: "cw-row" },
          el("button", { type: "button", text: tr(L, "cancel"), onclick: () => (confirmBox.hidden = true) }),
          el("button", {
            type: "button",
            class: "primary",
            id: "research-confirm-save",
            text: tr(L, "researchConfirmButton"),
            onclick: async () => {
              confirmBox.hidden = true;
              let sha = rel.sha256;
              try {
                sha = await sha256Hex(rel.csv);
              } catch {
                /* no crypto.subtle (plain http to another host): the module's checksum of the same bytes */
              }
              const time = new Date().toISOString();
              logExport({ time, k: rel.k, rows: rel.released, suppressed: rel.suppressed, sha256: sha, log: rel.log });
              download(`Forschung_${time.slice(0, 10)}_k${rel.k}.csv`, rel.csv, "text/csv;charset=utf-8");
              researchMsg.dataset.kind = "ok";
              researchMsg.textContent = tr(L, "researchDone", num(L, rel.released), num(L, rel.suppressed), sha);
              renderLog();
            },
          }),
        ),
      );
      confirmBox.hidden = false;
      confirmBox.querySelector("#research-confirm-save").focus();
    },
  });
  const research = el(
    "section",
    { class: "card", id: "report-research" },
    el("h3", { text: tr(L, "researchTitle") }),
    el("p", { class: "help", text: tr(L, "researchHelp") }),
    field(tr(L, "kLabel"), k),
    exportBtn,
    researchMsg,
    confirmBox,
    logBox,
  );

  root.replaceChildren(el("div", { class: "cw", id: "reports" }, caseload, research));
  renderLog();
  await refresh();
  return { update: refresh };
}
