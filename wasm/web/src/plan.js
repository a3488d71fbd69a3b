// plan.js: the integration plan screen (Integrationsplan and Zielvereinbarung). It shows the
// plan in the UI language (codes with their labels), the counselling period with its 36/48
// month rule, what is due (overdue in red), and the agreement: the German canonical text both
// sides sign, a sign button for the newcomer (the document's owner, as client) and the
// counsellor, and the state of the signatures for everyone.
//
// Counsellors edit (start, goals, steps, reviews, goal status, extension, closure); the owner
// and viewers read. Every rule is the case-work module's (casework/plan compiled to wasm): this
// screen only collects the input, calls it inside client.edit, and shows its answer.
//
// mount(root, ctx) renders into root and resolves to {update()}, which re-reads the document
// (the app calls it on a remote change); forms being filled in stay as they are.

import { tr, langOf, caseworkOf, call, has, errorMessage, el, field, dateInput, codeSelect, fmtDate, num, today, normalizeDate, injectStyle, CW_LANGS } from "./strings-casework.js";

const NATIVE = { de: "Deutsch", en: "English", ar: "العربية", fa: "فارسی", fr: "Français" };

// sideOf is the side of an agreement the person signs for, by their role in the document.
function sideOf(role) {
  return role === "owner" ? "client" : role === "counsellor" ? "counsellor" : "";
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
  const view = new PlanView(root, ctx, cw, L);
  await view.refresh();
  return view;
}

// signError says why a signature was not recorded.
function signError(L, err) {
  if (/one person cannot sign for both sides/i.test(err?.message ?? "")) return tr(L, "errSameSigner");
  switch (err?.code) {
    case "already":
      return tr(L, "errAlreadySigned");
    case "changed":
      return tr(L, "errPlanChanged");
    case "bad-signature":
      return tr(L, "errSign", err.message);
  }
  return errorMessage(L, err);
}

class PlanView {
  constructor(root, ctx, cw, lang) {
    this.root = root;
    this.ctx = ctx;
    this.cw = cw;
    this.L = lang;
    this.canEdit = ctx.role === "counsellor";
    this.side = sideOf(ctx.role);
    this.data = null;
    this.goalDrafts = new Map(); // goal ID → {text, date} of an open edit form
    this.signing = false;

    const L = lang;
    this.msg = el("p", { class: "cw-msg", role: "status", "aria-live": "polite" });
    this.summary = el("section", { class: "card", id: "plan-summary" });
    this.due = el("section", { class: "card cw-due", id: "plan-due" });
    this.goals = el("section", { class: "card", id: "plan-goals" });
    this.measures = el("section", { class: "card", id: "plan-measures" });
    this.reviews = el("section", { class: "card", id: "plan-reviews" });
    this.forms = el("section", { class: "card", id: "plan-forms", hidden: true });
    this.agreement = el("section", { class: "card", id: "plan-agreement" });
    root.replaceChildren(
      el("div", { class: "cw", id: "plan", "data-role": ctx.role ?? "" }, this.msg, this.summary, this.due, this.goals, this.measures, this.reviews, this.forms, this.agreement),
    );
    if (this.canEdit) this.buildForms();
    else if (ctx.role === "owner") this.summary.before(el("p", { class: "help", id: "plan-readonly", text: tr(L, "readOnlyOwner") }));
  }

  say(text, kind = "ok") {
    this.msg.textContent = text;
    this.msg.dataset.kind = kind;
  }

  fail(err) {
    this.say(errorMessage(this.L, err), "error");
  }

  by() {
    return { source: this.ctx.role === "owner" ? "self" : "counsellor", by: this.ctx.identity?.id ?? "" };
  }

  label(list, code) {
    if (!code) return "";
    return this.data?.plan?.labels?.[list]?.find((c) => c.code === code)?.label || code;
  }

  codes(list) {
    return this.data?.plan?.labels?.[list] ?? [];
  }

  // --- reading ------------------------------------------------------------------------------

  // update is what the app calls on a remote change of the biography.
  update() {
    return this.refresh();
  }

  async refresh() {
    const { ctx, cw, L } = this;
    let members = [];
    try {
      members = await ctx.client.members(ctx.docId);
    } catch {
      /* offline or no longer a member: the agreement cannot be checked */
    }
    let data;
    try {
      data = await ctx.client.read(ctx.docId, (doc) => {
        const out = { errors: {} };
        out.plan = call(cw, "plan", doc, L);
        try {
          out.due = call(cw, "planDue", doc, today());
        } catch (err) {
          out.due = [];
          out.errors.due = err;
        }
        if (out.plan.started) {
          try {
            const p = call(cw, "agreementPayload", doc, ctx.docId, this.side || "client");
            out.canonical = p.canonical;
            out.digest = p.digest;
          } catch (err) {
            out.errors.agreement = err;
          }
          try {
            out.verify = call(cw, "agreementVerify", doc, ctx.docId, members);
          } catch (err) {
            out.verify = [];
            out.errors.verify = err;
          }
        }
        return out;
      });
    } catch (err) {
      this.fail(err);
      return;
    }
    this.data = data;
    this.members = members;
    this.render();
  }

  render() {
    this.renderSummary();
    this.renderDue();
    this.renderGoals();
    this.renderMeasures();
    this.renderReviews();
    this.updateForms();
    if (!this.signing) this.renderAgreement();
  }

  text(t, attrs = {}) {
    // Free text keeps its own direction and language; a translation into the UI language,
    // when there is one, follows it.
    const box = el("span", { class: "cw-text" });
    if (!t?.text) return box;
    box.append(el("span", { dir: "auto", lang: t.lang || null, text: t.text, ...attrs }));
    const x = t.translations?.[this.L];
    if (t.lang !== this.L && x?.text) box.append(el("span", { class: "cw-meta", dir: "auto", lang: this.L, text: ` (${x.text})` }));
    return box;
  }

  renderSummary() {
    const { L, data } = this;
    const p = data.plan;
    const box = this.summary;
    box.replaceChildren(el("h3", { text: tr(L, "planTitle") }));
    box.dataset.started = String(!!p.started);
    box.dataset.status = p.status ?? "";
    if (!p.started) {
      box.append(el("p", { class: "cw-empty", id: "plan-none", text: tr(L, this.canEdit ? "noPlanCounsellor" : "noPlanOwner") }));
      if (this.canEdit) box.append(this.startForm());
      return;
    }
    const facts = el("dl", { class: "cw-facts" });
    const fact = (k, v, id) => facts.append(el("dt", { text: k }), el("dd", { id }, v));
    fact(tr(L, "status"), this.label("plan_status", p.status), "plan-status");
    if (p.phase) fact(tr(L, "phase"), this.label("stage", p.phase));
    const start = fmtDate(L, p.start);
    const end = fmtDate(L, p.end_planned);
    const max = fmtDate(L, p.max_end);
    fact(
      tr(L, "period"),
      p.extension_reason?.text ? tr(L, "periodExtended", start, end, max, p.extension_reason.text) : tr(L, "periodRule", start, end, max),
      "plan-period",
    );
    if (p.next_review_due) fact(tr(L, "nextReview"), fmtDate(L, p.next_review_due));
    if (p.closed) {
      const note = p.closure_note?.text ? ` — ${p.closure_note.text}` : "";
      fact(tr(L, "closeCase"), tr(L, "closedOn", fmtDate(L, p.closure_date), this.label("closure_reason", p.closure_reason)) + note, "plan-closed");
    }
    box.append(facts);
  }

  renderDue() {
    const { L, data } = this;
    const box = this.due;
    box.hidden = !data.plan.started || data.plan.closed;
    box.replaceChildren(el("h3", { text: tr(L, "dueTitle") }));
    if (data.errors.due) box.append(el("p", { class: "error", text: errorMessage(L, data.errors.due) }));
    if (!data.due.length) {
      box.append(el("p", { class: "cw-empty", text: tr(L, "dueNone") }));
      return;
    }
    const list = el("ul", { class: "cw-list", id: "plan-due-list" });
    for (const it of data.due) {
      const when = it.days < 0 ? tr(L, "overdueDays", num(L, -it.days)) : it.days === 0 ? tr(L, "dueToday") : tr(L, "dueInDays", num(L, it.days));
      const li = el(
        "li",
        { "data-kind": it.kind, "data-overdue": String(!!it.overdue), "data-entry": it.entry || null },
        el("strong", { text: tr(L, `due_${it.kind}`) }),
        it.text?.text ? this.text(it.text) : null,
        it.responsible ? el("span", { class: "cw-meta", text: tr(L, "responsibleIs", this.label("responsible_party", it.responsible)) }) : null,
        el("span", { class: "cw-when" }, `${when} · ${fmtDate(L, it.date)}`),
      );
      if (it.kind === "end_reached") li.append(el("span", { class: "help", text: tr(L, it.can_extend ? "dueCanExtend" : "dueMustClose") }));
      list.append(li);
    }
    box.append(list);
  }

  goalName(id) {
    const g = this.data.plan.goals?.find((x) => x.id === id);
    if (!g) return "";
    const d = g.description?.text ?? "";
    return `${this.label("field_of_action", g.field_of_action)}${d ? `: ${d.length > 60 ? `${d.slice(0, 60)}…` : d}` : ""}`;
  }

  renderGoals() {
    const { L, data } = this;
    const p = data.plan;
    const box = this.goals;
    box.hidden = !p.started;
    // Keep what is being typed in an open edit form across a re-render (a remote change).
    for (const f of box.querySelectorAll("details[open] > form[data-edit-goal]")) {
      this.goalDrafts.set(f.dataset.editGoal, { text: f.elements.text.value, date: f.elements.date.value, lang: f.elements.lang.value });
    }
    box.replaceChildren(el("h3", { text: tr(L, "goals") }));
    const goals = p.goals ?? [];
    if (!goals.length) {
      box.append(el("p", { class: "cw-empty", text: tr(L, "noGoals") }));
      return;
    }
    const list = el("ul", { class: "cw-list", id: "plan-goal-list" });
    for (const g of goals) {
      const li = el(
        "li",
        { "data-goal": g.id, "data-status": g.status ?? "" },
        el("strong", {}, this.label("field_of_action", g.field_of_action), " ", el("span", { class: "cw-code", dir: "ltr", text: g.field_of_action })),
        this.text(g.description, { class: "goal-text" }),
        el(
          "span",
          { class: "cw-meta" },
          [
            g.target_date ? `${tr(L, "targetDate")}: ${fmtDate(L, g.target_date)}` : "",
            `${tr(L, "goalStatus")}: ${this.label("goal_status", g.status)}`,
            g.achieved_at ? tr(L, "achievedOn", fmtDate(L, g.achieved_at)) : "",
            g.outcome ? `${tr(L, "outcome")}: ${this.label("outcome", g.outcome)}` : "",
          ]
            .filter(Boolean)
            .join(" · "),
        ),
      );
      if (this.canEdit && !p.closed) li.append(this.goalStatusForm(g), this.goalEditor(g));
      list.append(li);
    }
    box.append(list);
  }

  renderMeasures() {
    const { L, data } = this;
    const p = data.plan;
    const box = this.measures;
    box.hidden = !p.started;
    box.replaceChildren(el("h3", { text: tr(L, "measures") }));
    const ms = p.measures ?? [];
    if (!ms.length) {
      box.append(el("p", { class: "cw-empty", text: tr(L, "noMeasures") }));
      return;
    }
    const list = el("ul", { class: "cw-list", id: "plan-measure-list" });
    for (const m of ms) {
      const li = el(
        "li",
        { "data-measure": m.id, "data-status": m.status ?? "" },
        this.text(m.description),
        el(
          "span",
          { class: "cw-meta" },
          [
            m.goal ? `${tr(L, "forGoal")}: ${this.goalName(m.goal)}` : "",
            tr(L, "responsibleIs", `${this.label("responsible_party", m.responsible)}${m.responsible_name ? ` (${m.responsible_name})` : ""}`),
            m.due ? tr(L, "dueOn", fmtDate(L, m.due)) : "",
            this.label("measure_status", m.status),
          ]
            .filter(Boolean)
            .join(" · "),
        ),
      );
      if (this.canEdit && !p.closed) li.append(this.measureStatusForm(m));
      list.append(li);
    }
    box.append(list);
  }

  renderReviews() {
    const { L, data } = this;
    const p = data.plan;
    const box = this.reviews;
    box.hidden = !p.started;
    box.replaceChildren(el("h3", { text: tr(L, "reviews") }));
    const rs = p.reviews ?? [];
    if (!rs.length) {
      box.append(el("p", { class: "cw-empty", text: tr(L, "noReviews") }));
      return;
    }
    const list = el("ul", { class: "cw-list" });
    for (const r of rs) {
      list.append(
        el(
          "li",
          { "data-review": r.id },
          el("strong", { text: fmtDate(L, r.date) }),
          r.goal ? el("span", { class: "cw-meta", text: `${this.goalName(r.goal)} → ${this.label("goal_status", r.goal_status)}` }) : null,
          this.text(r.comment),
          r.next_review ? el("span", { class: "cw-meta", text: `${tr(L, "nextReviewDate")} ${fmtDate(L, r.next_review)}` }) : null,
        ),
      );
    }
    box.append(list);
  }

  // --- editing ------------------------------------------------------------------------------

  // edit runs fn(doc) inside client.edit, then reads the plan again.
  async edit(fn, okText = tr(this.L, "saved")) {
    try {
      let result;
      await this.ctx.client.edit(this.ctx.docId, (doc) => {
        result = fn(doc);
      });
      this.say(okText);
      await this.refresh();
      return result ?? true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  }

  // planEdit calls one of the module's plan edits: (doc, input, lang, by).
  planEdit(name, input, lang = this.L) {
    return this.edit((doc) => call(this.cw, name, doc, input, lang, this.by()));
  }

  langSelect(name = "lang") {
    const s = el("select", { name, class: "cw-lang" });
    for (const l of CW_LANGS) s.append(el("option", { value: l, text: NATIVE[l] }));
    s.value = this.L;
    return s;
  }

  // readDate reads a date input; it reports a bad one and returns undefined.
  readDate(input, required = false, what = "") {
    const v = normalizeDate(input.value);
    if (v === null || (required && v === "")) {
      input.setAttribute("aria-invalid", "true");
      input.focus();
      this.say(v === null ? tr(this.L, "badDate") : tr(this.L, "required", what), "error");
      return undefined;
    }
    input.removeAttribute("aria-invalid");
    return v;
  }

  need(control, what) {
    if (String(control.value).trim()) return true;
    control.focus();
    this.say(tr(this.L, "required", what), "error");
    return false;
  }

  startForm() {
    const L = this.L;
    const start = dateInput(L, { name: "start", id: "plan-start-date", value: today() });
    const phase = codeSelect(this.codes("stage"), { name: "phase", id: "plan-phase" });
    const form = el(
      "form",
      { id: "plan-start", "data-action": "plan-start" },
      el("div", { class: "cw-row" }, field(tr(L, "counsellingStart"), start), field(tr(L, "phase"), phase)),
      el("button", { type: "submit", class: "primary", text: tr(L, "startPlan") }),
    );
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const s = this.readDate(start, true, tr(L, "counsellingStart"));
      if (s === undefined) return;
      const input = { start: s };
      if (phase.value) input.phase = phase.value;
      await this.planEdit("planStart", input);
    });
    return form;
  }

  goalStatusForm(g) {
    const L = this.L;
    const status = codeSelect(this.codes("goal_status"), { name: "status", "aria-label": tr(L, "goalStatus") }, { empty: false });
    status.value = g.status || "open";
    const outcome = codeSelect(this.codes("outcome"), { name: "outcome", "aria-label": tr(L, "outcome") });
    outcome.value = g.outcome ?? "";
    const achieved = () => status.value === "achieved" || status.value === "partly_achieved";
    const outcomeWrap = field(tr(L, "outcome"), outcome);
    outcomeWrap.hidden = !achieved();
    status.addEventListener("change", () => (outcomeWrap.hidden = !achieved()));
    const form = el(
      "form",
      { class: "cw-row", "data-action": "goal-status" },
      field(tr(L, "goalStatus"), status),
      outcomeWrap,
      el("button", { type: "submit", text: tr(L, "setStatus") }),
    );
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const input = { id: g.id, status: status.value, on: today() };
      if (achieved() && outcome.value) input.outcome = outcome.value;
      await this.planEdit("planSetGoalStatus", input);
    });
    return form;
  }

  // goalEditor changes a goal's text and target date: what was agreed, so an agreement signed
  // before becomes outdated. The module's planEditGoal keeps the plan's rules (a closed plan
  // does not change) and writes nothing when both are as stored.
  goalEditor(g) {
    const L = this.L;
    const draft = this.goalDrafts.get(g.id);
    const text = el("textarea", { name: "text", dir: "auto", rows: 2 });
    text.value = draft?.text ?? g.description?.text ?? "";
    const lang = this.langSelect();
    lang.value = draft?.lang ?? (g.description?.lang || this.L);
    const date = dateInput(L, { name: "date", value: draft?.date ?? g.target_date ?? "" });
    const details = el("details", { class: "goal-edit", open: draft ? true : null }, el("summary", { "data-action": "edit-goal", text: tr(L, "edit") }));
    const form = el(
      "form",
      { "data-edit-goal": g.id },
      field(tr(L, "goalText"), text),
      el("div", { class: "cw-row" }, field(tr(L, "writtenIn"), lang), field(tr(L, "targetDate"), date)),
      el("button", { type: "submit", class: "primary", text: tr(L, "save") }),
    );
    details.append(form);
    details.addEventListener("toggle", () => {
      if (!details.open) this.goalDrafts.delete(g.id);
    });
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      if (!this.need(text, tr(L, "goalText"))) return;
      const d = this.readDate(date);
      if (d === undefined) return;
      const input = { id: g.id, description: text.value.trim(), target_date: d };
      // edit, not planEdit: planEditGoal answers false when nothing changed, which is no failure.
      const ok = await this.edit((doc) => {
        call(this.cw, "planEditGoal", doc, input, lang.value, this.by());
      });
      if (ok) this.goalDrafts.delete(g.id);
    });
    return details;
  }

  measureStatusForm(m) {
    const L = this.L;
    const status = codeSelect(this.codes("measure_status"), { name: "status", "aria-label": tr(L, "status") }, { empty: false });
    status.value = m.status || "OPEN";
    const form = el("form", { class: "cw-row", "data-action": "measure-status" }, field(tr(L, "status"), status), el("button", { type: "submit", text: tr(L, "setStatus") }));
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      await this.planEdit("planSetMeasureStatus", { id: m.id, status: status.value, on: today() });
    });
    return form;
  }

  // buildForms makes the counsellor's forms once: a re-render must not lose what is typed.
  buildForms() {
    const L = this.L;
    const details = (id, summary, form) => el("details", { id }, el("summary", { text: summary }), form);
    this.goalSelects = [];
    const goalSelect = (name, attrs = {}) => {
      const s = el("select", { name, ...attrs });
      this.goalSelects.push(s);
      return s;
    };

    // a goal
    const gField = el("select", { name: "field_of_action", id: "goal-field" });
    const gText = el("textarea", { name: "description", id: "goal-text", dir: "auto", rows: 2 });
    const gLang = this.langSelect();
    const gDate = dateInput(L, { name: "target_date", id: "goal-date" });
    const goalForm = el(
      "form",
      { id: "add-goal" },
      field(tr(L, "fieldOfAction"), gField),
      field(tr(L, "goalText"), gText),
      el("div", { class: "cw-row" }, field(tr(L, "writtenIn"), gLang), field(tr(L, "targetDate"), gDate)),
      el("button", { type: "submit", class: "primary", text: tr(L, "addGoal") }),
    );
    goalForm.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      if (!this.need(gField, tr(L, "fieldOfAction")) || !this.need(gText, tr(L, "goalText"))) return;
      const d = this.readDate(gDate);
      if (d === undefined) return;
      const input = { field_of_action: gField.value, description: gText.value.trim() };
      if (d) input.target_date = d;
      if (await this.planEdit("planAddGoal", input, gLang.value)) goalForm.reset(), (gLang.value = L);
    });

    // a step
    const mGoal = goalSelect("goal", { id: "measure-goal" });
    const mText = el("textarea", { name: "description", id: "measure-text", dir: "auto", rows: 2 });
    const mLang = this.langSelect();
    const mResp = el("select", { name: "responsible", id: "measure-responsible" });
    const mName = el("input", { name: "responsible_name", id: "measure-name", dir: "auto", autocomplete: "off" });
    const mDue = dateInput(L, { name: "due", id: "measure-due" });
    const measureForm = el(
      "form",
      { id: "add-measure" },
      field(tr(L, "forGoal"), mGoal),
      field(tr(L, "measureText"), mText),
      field(tr(L, "writtenIn"), mLang),
      el("div", { class: "cw-row" }, field(tr(L, "responsible"), mResp), field(tr(L, "responsibleName"), mName)),
      field(tr(L, "dueDate"), mDue),
      el("button", { type: "submit", class: "primary", text: tr(L, "addMeasure") }),
    );
    measureForm.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      if (!this.need(mText, tr(L, "measureText")) || !this.need(mResp, tr(L, "responsible"))) return;
      const d = this.readDate(mDue);
      if (d === undefined) return;
      const input = { description: mText.value.trim(), responsible: mResp.value };
      if (mGoal.value) input.goal = mGoal.value;
      if (mName.value.trim()) input.responsible_name = mName.value.trim();
      if (d) input.due = d;
      if (await this.planEdit("planAddMeasure", input, mLang.value)) measureForm.reset(), (mLang.value = L);
    });

    // a review
    const rDate = dateInput(L, { name: "date", id: "review-date", value: today() });
    const rGoal = goalSelect("goal", { id: "review-goal" });
    const rStatus = el("select", { name: "goal_status", id: "review-status" });
    const rComment = el("textarea", { name: "comment", id: "review-comment", dir: "auto", rows: 2 });
    const rLang = this.langSelect();
    const rNext = dateInput(L, { name: "next_review", id: "review-next" });
    const reviewForm = el(
      "form",
      { id: "add-review" },
      field(tr(L, "reviewDate"), rDate),
      el("div", { class: "cw-row" }, field(tr(L, "forGoal"), rGoal), field(tr(L, "goalStatus"), rStatus)),
      field(tr(L, "comment"), rComment),
      el("div", { class: "cw-row" }, field(tr(L, "writtenIn"), rLang), field(tr(L, "nextReviewDate"), rNext)),
      el("button", { type: "submit", class: "primary", text: tr(L, "addReview") }),
    );
    reviewForm.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const d = this.readDate(rDate, true, tr(L, "reviewDate"));
      if (d === undefined) return;
      const n = this.readDate(rNext);
      if (n === undefined) return;
      const input = { date: d };
      if (rGoal.value) input.goal = rGoal.value;
      if (rGoal.value && rStatus.value) input.goal_status = rStatus.value;
      if (rComment.value.trim()) input.comment = rComment.value.trim();
      if (n) input.next_review = n;
      if (await this.planEdit("planAddReview", input, rLang.value)) {
        reviewForm.reset();
        rDate.value = today();
        rLang.value = L;
      }
    });

    // an extension
    const xUntil = dateInput(L, { name: "until", id: "extend-until" });
    const xReason = el("textarea", { name: "reason", id: "extend-reason", dir: "auto", rows: 2 });
    const xLang = this.langSelect();
    const extendForm = el(
      "form",
      { id: "plan-extend" },
      field(tr(L, "extendUntil"), xUntil),
      field(tr(L, "extendReason"), xReason),
      field(tr(L, "writtenIn"), xLang),
      el("button", { type: "submit", class: "primary", text: tr(L, "extend") }),
    );
    extendForm.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const u = this.readDate(xUntil, true, tr(L, "extendUntil"));
      if (u === undefined || !this.need(xReason, tr(L, "extendReason"))) return;
      if (await this.planEdit("planExtend", { until: u, reason: xReason.value.trim() }, xLang.value)) extendForm.reset(), (xLang.value = L);
    });

    // closing
    const cReason = el("select", { name: "reason", id: "close-reason" });
    const cDate = dateInput(L, { name: "on", id: "close-date", value: today() });
    const cNote = el("textarea", { name: "note", id: "close-note", dir: "auto", rows: 2 });
    const cLang = this.langSelect();
    const cConfirm = el("p", { class: "cw-row", hidden: true });
    const closeForm = el(
      "form",
      { id: "plan-close" },
      el("div", { class: "cw-row" }, field(tr(L, "closeReason"), cReason), field(tr(L, "closeDate"), cDate)),
      field(tr(L, "closeNote"), cNote),
      field(tr(L, "writtenIn"), cLang),
      el("button", { type: "submit", class: "danger", "data-action": "close-ask", text: tr(L, "closeCase") }),
      cConfirm,
    );
    const ask = closeForm.querySelector("[data-action=close-ask]");
    cConfirm.append(
      el("strong", { text: tr(L, "closeConfirm") }),
      el("button", {
        type: "button",
        class: "danger",
        "data-action": "close-confirm",
        text: tr(L, "closeCase"),
        onclick: async () => {
          const on = this.readDate(cDate, true, tr(L, "closeDate"));
          if (on === undefined) return;
          const input = { reason: cReason.value, on };
          if (cNote.value.trim()) input.note = cNote.value.trim();
          cConfirm.hidden = true;
          ask.hidden = false;
          await this.planEdit("planClose", input, cLang.value);
        },
      }),
      el("button", {
        type: "button",
        text: tr(L, "cancel"),
        onclick: () => {
          cConfirm.hidden = true;
          ask.hidden = false;
        },
      }),
    );
    closeForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      if (!this.need(cReason, tr(L, "closeReason"))) return;
      ask.hidden = true;
      cConfirm.hidden = false;
    });

    this.codeSelects = [
      [gField, "field_of_action"],
      [mResp, "responsible_party"],
      [rStatus, "goal_status"],
      [cReason, "closure_reason"],
    ];
    this.forms.append(
      details("form-goal", tr(L, "addGoal"), goalForm),
      details("form-measure", tr(L, "addMeasure"), measureForm),
      details("form-review", tr(L, "addReview"), reviewForm),
      details("form-extend", tr(L, "extend"), extendForm),
      details("form-close", tr(L, "closeCase"), closeForm),
    );
  }

  // updateForms shows the counsellor's forms while the plan is open, with the current goals and
  // code lists in their selects, keeping what is selected.
  updateForms() {
    if (!this.canEdit) return;
    const p = this.data.plan;
    this.forms.hidden = !p.started || p.closed;
    const fill = (s, options) => {
      const keep = s.value;
      s.replaceChildren(...options);
      if ([...s.options].some((o) => o.value === keep)) s.value = keep;
    };
    for (const [s, list] of this.codeSelects) {
      if (s.options.length <= 1) fill(s, [el("option", { value: "", text: "—" }), ...this.codes(list).map((c) => el("option", { value: c.code, text: c.label }))]);
    }
    for (const s of this.goalSelects) {
      fill(s, [el("option", { value: "", text: tr(this.L, "noGoal") }), ...(p.goals ?? []).map((g) => el("option", { value: g.id, text: this.goalName(g.id) }))]);
    }
  }

  // --- the agreement ------------------------------------------------------------------------

  // latest is the agreement to show: of the highest plan version, a complete one if there is.
  latest() {
    const vs = this.data.verify ?? [];
    let best = null;
    for (const a of vs) {
      const complete = a.client && a.counsellor;
      if (!best || a.plan_version > best.plan_version || (a.plan_version === best.plan_version && complete && !(best.client && best.counsellor))) best = a;
    }
    return best;
  }

  renderAgreement() {
    const { L, data, ctx } = this;
    const p = data.plan;
    const box = this.agreement;
    box.hidden = !p.started;
    if (!p.started) return box.replaceChildren();
    box.replaceChildren(el("h3", { text: tr(L, "agreement") }), el("p", { class: "help", text: tr(L, "agreementHelp") }));
    for (const k of ["agreement", "verify"]) if (data.errors[k]) box.append(el("p", { class: "error", text: errorMessage(L, data.errors[k]) }));

    const a = this.latest();
    const state = el("div", { class: "cw-verify", id: "agreement-status", role: "status", "data-status": a?.status ?? "none" });
    if (!a) {
      state.textContent = tr(L, "noAgreement");
    } else {
      state.append(el("div", { text: tr(L, `verify_${a.status}`) }));
      const meta = [tr(L, "agreementVersion", num(L, a.plan_version))];
      if (a.agreed_at) meta.push(tr(L, "agreedOn", fmtDate(L, a.agreed_at)));
      state.append(el("div", { class: "cw-meta", text: meta.join(" · ") }));
      if (a.error && a.status === "invalid") state.append(el("div", { class: "cw-meta", dir: "ltr", text: a.error }));
    }
    const sides = el(
      "div",
      { class: "cw-sides" },
      el("span", { class: "cw-side", "data-side": "client", "data-signed": String(!!a?.client) }, `${tr(L, "sideClient")}: ${tr(L, a?.client ? "signedMark" : "notSignedMark")}`),
      el("span", { class: "cw-side", "data-side": "counsellor", "data-signed": String(!!a?.counsellor) }, `${tr(L, "sideCounsellor")}: ${tr(L, a?.counsellor ? "signedMark" : "notSignedMark")}`),
    );
    box.append(state, sides);
    if (a?.status === "outdated" && !p.closed) box.append(el("p", { class: "help", text: tr(L, "signAgain") }));

    // The German text that is signed; the plan in the UI language is what the screen shows
    // above it.
    if (data.canonical) {
      if (L !== "de") box.append(el("p", { class: "help", text: tr(L, "agreementInYourLanguage") }));
      box.append(
        el(
          "details",
          { id: "agreement-text", open: this.side && !p.closed ? true : null },
          el("summary", { text: tr(L, "canonicalTitle") }),
          el("pre", { class: "cw-canonical", lang: "de", dir: "ltr", id: "agreement-canonical", text: data.canonical }),
        ),
      );
    }

    if (!this.side || p.closed || !data.canonical) return;
    // Signed already? The newest agreement over the plan as it is now tells.
    const current = (data.verify ?? []).filter((x) => x.digest === data.digest);
    const me = ctx.identity?.id;
    const mine = current.some((x) => x[this.side] && x[this.side] === me);
    const complete = current.some((x) => x.client && x.counsellor);
    if (mine || complete) {
      if (mine) box.append(el("p", { class: "cw-msg", "data-kind": "ok", id: "agreement-signed-by-me", text: tr(L, "youSigned") }));
      return;
    }
    const line = el("p", { class: "cw-msg", role: "alert" });
    const btn = el("button", {
      type: "button",
      class: "primary",
      id: "agreement-sign",
      "data-side": this.side,
      text: tr(L, this.side === "client" ? "signAsClient" : "signAsCounsellor"),
      onclick: () => this.sign(btn, line, data.canonical),
    });
    if (typeof ctx.identity?.sign !== "function" || !has(this.cw, "agreementRecord")) {
      btn.disabled = true;
      line.dataset.kind = "error";
      line.textContent = tr(L, "caseworkMissing", typeof ctx.identity?.sign !== "function" ? "identity.sign" : "agreementRecord");
    }
    box.append(btn, line);
  }

  // sign signs the plan as shown (shown: the canonical text on screen) for this person's side:
  // the module says what to sign, the identity (in the sync engine's module) signs it, and
  // the module records the signature, refusing it when the plan changed since it was shown.
  async sign(btn, line, shown) {
    const { ctx, cw, L } = this;
    btn.disabled = true;
    this.signing = true;
    line.dataset.kind = "ok";
    line.textContent = tr(L, "signing");
    try {
      const payload = await ctx.client.read(ctx.docId, (doc) => call(cw, "agreementPayload", doc, ctx.docId, this.side));
      if (payload.canonical !== shown) throw Object.assign(new Error("changed"), { code: "changed" });
      const signature = await ctx.identity.sign(payload.label, payload.parts);
      await ctx.client.edit(ctx.docId, (doc) =>
        call(cw, "agreementRecord", doc, ctx.docId, this.side, ctx.identity.publicKey, signature, { language_shown: L, shown }),
      );
      this.signing = false;
      await this.refresh();
    } catch (err) {
      this.signing = false;
      const m = signError(L, err);
      await this.refresh();
      const again = this.agreement.querySelector(".cw-msg[role=alert]") ?? this.msg;
      again.dataset.kind = "error";
      again.textContent = m;
    }
  }
}
