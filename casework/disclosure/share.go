package disclosure

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/consent"
)

// sharesList is the list of shares in the biography (schema section consents).
const sharesList = "consents.shares"

// CheckConsent reports whether p may be sent on the consent it names, as recorded in r: a
// consent in force (casework/consent.Require) for the purpose SHARE_RECIPIENT, to p's
// recipient type and name, whose scope covers every section p sends items of, and given no
// later than p was made. Otherwise it fails with casework.ErrNoConsent.
func CheckConsent(r casework.Reader, p Package) error {
	if p.Consent == "" {
		return fmt.Errorf("%w: none named", casework.ErrNoConsent)
	}
	id, err := consent.Require(r, consent.PurposeShareRecipient, consent.Match{
		Entry:         p.Consent,
		RecipientType: p.Recipient.Type,
		RecipientName: p.Recipient.Name,
		Sections:      p.SectionKeys(),
	})
	if err != nil {
		return fmt.Errorf("consent %s: %w", p.Consent, err)
	}
	rec, err := consent.Find(r, id)
	if err != nil {
		return fmt.Errorf("consent %s: %w", p.Consent, err)
	}
	if rec.At.Truncate(time.Second).After(p.Created) {
		return fmt.Errorf("%w: consent %s was given after the package was made", casework.ErrNoConsent, p.Consent)
	}
	return nil
}

// Share is an entry of consents.shares: one package sent.
type Share struct {
	ID            string
	RecipientType string
	RecipientName string
	Sections      []string
	Documents     []string
	Consent       string
	Created       time.Time
	Expires       time.Time
	Revoked       time.Time // zero while the share stands
	PackageID     string
}

// Share states.
const (
	StateActive    = "active"
	StateExpired   = "expired"
	StateWithdrawn = "withdrawn"
)

// State returns the share's state at now.
func (s Share) State(now time.Time) string {
	switch {
	case !s.Revoked.IsZero():
		return StateWithdrawn
	case !now.Before(s.Expires):
		return StateExpired
	}
	return StateActive
}

// Errors of [FindShare] and [Withdraw].
var (
	ErrNoShare        = errors.New("disclosure: no such share")
	ErrAmbiguousShare = errors.New("disclosure: several shares begin so")
	ErrWithdrawn      = errors.New("disclosure: share withdrawn already")
	errNoPackage      = errors.New("disclosure: share without a package ID")
)

const errShareEntry = "write the share entry"

// RecordShare writes the share entry of a sealed package into the biography: recipient,
// sections, documents, consent, creation, expiry and package ID. Call it inside w.Batch,
// after the package reached the relay. It returns the entry's ID.
func RecordShare(w casework.Writer, p Package, prov casework.Provenance) (string, error) {
	id, err := w.AddEntry(sharesList)
	if err != nil {
		return "", fmt.Errorf("%s: %w", errShareEntry, err)
	}
	at := sharesList + "." + id + "."
	set := func(key, v string) error {
		if v == "" {
			return nil
		}
		if err := w.Set(at+key, v, prov); err != nil {
			return fmt.Errorf("%s: %s: %w", errShareEntry, key, err)
		}
		return nil
	}
	for _, kv := range [][2]string{
		{"recipient_type", p.Recipient.Type},
		{"recipient_name", p.Recipient.Name},
		{"consent", p.Consent},
		{"created_at", p.Created.UTC().Format(time.RFC3339)},
		{"expires_at", p.Expires.UTC().Format(time.RFC3339)},
		{"package_id", p.ID},
	} {
		if err := set(kv[0], kv[1]); err != nil {
			return "", err
		}
	}
	if err := w.SetCodes(at+"sections", p.SectionKeys(), prov); err != nil {
		return "", fmt.Errorf("%s: sections: %w", errShareEntry, err)
	}
	if len(p.Documents) > 0 {
		if err := w.SetCodes(at+"documents", p.Documents, prov); err != nil {
			return "", fmt.Errorf("%s: documents: %w", errShareEntry, err)
		}
	}
	return id, nil
}

// Shares lists the share entries of r, oldest first.
func Shares(r casework.Reader) ([]Share, error) {
	ids, err := r.Entries(sharesList)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", sharesList, err)
	}
	out := make([]Share, 0, len(ids))
	for _, id := range ids {
		s, err := readShare(r, id)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func readShare(r casework.Reader, id string) (Share, error) {
	at := sharesList + "." + id + "."
	s := Share{ID: id}
	var err error
	str := func(key string) string {
		if err != nil {
			return ""
		}
		var f casework.Field
		f, err = r.Field(at + key)
		return f.Value
	}
	tm := func(key string) time.Time {
		t, _ := time.Parse(time.RFC3339Nano, str(key))
		return t
	}
	s.RecipientType, s.RecipientName = str("recipient_type"), str("recipient_name")
	s.Consent, s.PackageID = str("consent"), str("package_id")
	s.Created, s.Expires, s.Revoked = tm("created_at"), tm("expires_at"), tm("revoked_at")
	if err != nil {
		return Share{}, fmt.Errorf("read share %s: %w", id, err)
	}
	if s.Sections, err = r.Codes(at + "sections"); err != nil {
		return Share{}, fmt.Errorf("read share %s: %w", id, err)
	}
	if s.Documents, err = r.Codes(at + "documents"); err != nil {
		return Share{}, fmt.Errorf("read share %s: %w", id, err)
	}
	return s, nil
}

// FindShare returns the share whose entry ID begins with prefix.
func FindShare(r casework.Reader, prefix string) (Share, error) {
	shares, err := Shares(r)
	if err != nil {
		return Share{}, err
	}
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	var found []Share
	for _, s := range shares {
		if prefix != "" && strings.HasPrefix(s.ID, prefix) {
			found = append(found, s)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return Share{}, fmt.Errorf("%w: %s", ErrNoShare, prefix)
	}
	return Share{}, fmt.Errorf("%w: %s", ErrAmbiguousShare, prefix)
}

// Withdraw records that the share shareID was withdrawn at now (revoked_at) and returns it;
// the caller deletes the package on the relay with its PackageID. Call it inside d.Batch. It
// fails with [ErrNoShare] for an unknown share and [ErrWithdrawn] for one withdrawn before.
func Withdraw(d casework.Document, shareID string, now time.Time, prov casework.Provenance) (Share, error) {
	s, err := FindShare(d, shareID)
	if err != nil {
		return Share{}, err
	}
	if !s.Revoked.IsZero() {
		return s, ErrWithdrawn
	}
	if s.PackageID == "" {
		return s, errNoPackage
	}
	now = now.UTC().Truncate(time.Second)
	if err := d.Set(sharesList+"."+s.ID+".revoked_at", now.Format(time.RFC3339), prov); err != nil {
		return Share{}, fmt.Errorf("record the withdrawal: %w", err)
	}
	s.Revoked = now
	return s, nil
}
