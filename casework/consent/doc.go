// Package consent owns the consent texts a newcomer is shown and the consents recorded in their
// biography: what was agreed, to whom, for which sections, on which text in which language, and
// its withdrawal.
//
// # Texts
//
// The texts (use of mobio, access for a counsellor, handover to follow-up accommodation,
// sending to an agency, anonymised research, the optional support-needs section) are versioned
// documents embedded in the binary, one Markdown file per language in
// texts/<text-id>/v<N>/<lang>.md, beside a manifest.json naming the purposes the text serves
// (codes of the schema's consent_purpose list), the sections it may cover, and the review state
// of every language:
//
//   - reference: the German text, the legally binding version;
//   - reviewed: a human translator checked it (manifest names who and when);
//   - draft: machine-drafted or unchecked. A legal text must be reviewed by a human translator
//     before it is used, and every UI that shows a draft says so ([Text.NeedsReview]).
//
// A text is never edited in place: a change, even of a comma, is a new version directory, so
// that the digest stored with every consent keeps naming the words the person saw. The
// package's tests pin the digest of every file.
//
// Texts name the controller and the data protection officer through the placeholders
// {{controller}} and {{dpo}}, which the operator fills in ([Operator], [Text.Render]); the
// digest recorded with a consent is that of the rendered text, the exact words shown.
//
// # Languages and scripts
//
// Consent texts exist in ten languages ([Languages]): de en ar fa fr tr ps ti kmr uk. Arabic,
// Farsi and Pashto are written right to left ([Direction]); a UI sets dir="rtl" for them and
// isolates embedded Latin names, numbers and links. Tigrinya is written in the Ethiopic script
// ([Script] returns "Ethi"), which many systems lack a font for: the web app names a font stack
// that includes "Noto Sans Ethiopic", and a printed form must embed an Ethiopic font.
//
// # Records
//
// [Give] writes one entry of consents.consents; [Withdraw] sets its withdrawn_at. [Valid] and
// [Require] find a consent in force for a purpose, recipient and sections: the disclosure,
// research and sharing code call them before acting. [Effects] says what a withdrawal must
// undo (a member to remove, packages to withdraw, exclusion from research exports, data to
// erase); the caller acts on it, because those actions belong to the sync engine and the relay.
//
// The package reads and writes through casework.Document only, so the same rules run natively
// and in the browser.
package consent
