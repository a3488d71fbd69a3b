// Package disclosure builds, seals and opens the packages a newcomer sends to an agency — a
// Jobcenter, the Agentur für Arbeit, a Handwerkskammer, an IHK, an employer or a language
// course provider — and keeps the record of what was sent.
//
// A recipient type has a profile (profiles.json, from DOMAIN.md §4) that says which sections
// and fields it gets by default and which the newcomer may add; [Preview] applies the
// newcomer's choices and then the global deny list ([Denied]: support needs, restricted and
// secret fields, file numbers, case work, benefits), and returns exactly the items that would
// be sent, in German, with the original text beside every translation. After the newcomer's
// consent (purpose SHARE_RECIPIENT in consents.consents), [Seal] signs the package with the
// sender's identity and encrypts it under a fresh key (keyring.SealPackage); the ciphertext
// goes to the relay, the key only into the link's fragment ([Link]), and [RecordShare] writes
// the share entry (consents.shares). [Open] is the recipient's side; [Withdraw] records the
// withdrawal, after which the relay deletes the package.
//
// FORMAT.md describes the bytes of a sealed package and of its body for the browser viewer,
// and testdata/ holds a sealed package with its link to test other implementations against.
//
// The package reads biographies through casework.Reader only, so it runs in the browser too.
package disclosure
