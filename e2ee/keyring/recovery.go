package keyring

import (
	"encoding/base32"
	"fmt"
	"hash/crc64"
	"strings"
	"unicode"

	"github.com/mobio-sync/mobio/e2ee"
)

// A recovery kit is a sheet of paper: a header, the identity's ID and fingerprint for
// checking, and the identity sealed with a passphrase, typed out as numbered lines of base32
// (upper case, A–Z and 2–7) in groups of eight characters:
//
//	MOBIO RECOVERY KIT v1
//	...
//	ID:          <identity ID>
//	Fingerprint: 12345 67890 ...
//
//	01  ABCDEFGH ABCDEFGH ABCDEFGH ABCDEFGH ABCDEFGH ABCDEFGH   CHECKSUM
//	...
//	END
//
// Each line holds 30 bytes (the last fewer) and ends with an eight-character checksum: the
// first 40 bits of a CRC-64 over the line's number, whether it is the last line, and its bytes.
// A typo is thus caught and located before the slow passphrase step, and a line that is
// missing, repeated or out of order is caught by its number. The checksum is for typing
// errors only; the sealed identity authenticates itself.
const (
	kitHeader       = "MOBIO RECOVERY KIT v1"
	kitEnd          = "END"
	kitLineBytes    = 30 // 48 base32 characters, six groups
	kitGroup        = 8
	kitChecksumSize = 5 // bytes; eight base32 characters
	kitMaxLines     = 99
)

// kitEncoding is RFC 4648 base32 without padding: no 0, 1, 8 or 9, so the digits of a line
// number never look like data.
var kitEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

var kitCRC = crc64.MakeTable(crc64.ECMA)

// KitLineError reports a recovery kit line that does not check out: a typo, or a line that is
// missing or out of place. Line counts the kit's numbered lines from 1, as printed. It wraps
// [e2ee.ErrMalformed].
type KitLineError struct {
	Line   int
	Reason string
}

func (e *KitLineError) Error() string {
	return fmt.Sprintf("recovery kit line %d: %s", e.Line, e.Reason)
}

func (e *KitLineError) Unwrap() error { return e2ee.ErrMalformed }

// RecoveryKit seals the identity under passphrase (as [Identity.Seal] does) and returns it as
// printable text that restores it on a new device with [RestoreFromKit] and the same
// passphrase.
func (id *Identity) RecoveryKit(passphrase []byte) (string, error) {
	sealed, err := id.Seal(passphrase)
	if err != nil {
		return "", fmt.Errorf("recovery kit: %w", err)
	}
	return id.formatKit(sealed)
}

func (id *Identity) formatKit(sealed []byte) (string, error) {
	pub := id.Public()
	lines := (len(sealed) + kitLineBytes - 1) / kitLineBytes
	if lines > kitMaxLines {
		return "", fmt.Errorf("recovery kit: %w: sealed identity of %d bytes", e2ee.ErrTooLarge, len(sealed))
	}
	var b strings.Builder
	b.WriteString(kitHeader + "\n\n")
	b.WriteString("This sheet and your passphrase restore your mobio identity on a new device.\n")
	b.WriteString("Keep it private and safe: anyone who has both can act as you.\n")
	b.WriteString("Type the numbered lines exactly; spaces and upper or lower case do not matter.\n\n")
	fmt.Fprintf(&b, "ID:          %s\n", pub.ID())
	fmt.Fprintf(&b, "Fingerprint: %s\n\n", pub.Fingerprint())
	for n := 1; n <= lines; n++ {
		chunk := sealed[(n-1)*kitLineBytes : min(n*kitLineBytes, len(sealed))]
		fmt.Fprintf(&b, "%02d  %s   %s\n", n, groups(kitEncoding.EncodeToString(chunk)), kitChecksum(n, n == lines, chunk))
	}
	b.WriteString(kitEnd + "\n")
	return b.String(), nil
}

// groups splits s into groups of eight characters.
func groups(s string) string {
	var parts []string
	for len(s) > kitGroup {
		parts = append(parts, s[:kitGroup])
		s = s[kitGroup:]
	}
	return strings.Join(append(parts, s), " ")
}

func kitChecksum(n int, last bool, data []byte) string {
	h := crc64.New(kitCRC)
	flag := byte(0)
	if last {
		flag = 1
	}
	h.Write([]byte(kitHeader))
	h.Write([]byte{byte(n), flag})
	h.Write(data)
	return kitEncoding.EncodeToString(h.Sum(nil)[:kitChecksumSize])
}

// RestoreFromKit reads a recovery kit made by [Identity.RecoveryKit], as typed or scanned
// back, and opens it with passphrase. Spaces and case do not matter, and text around the
// numbered lines is ignored. A line with a typo gives a [*KitLineError] naming it, before any
// passphrase work; a wrong passphrase gives [ErrWrongPassphrase].
func RestoreFromKit(text string, passphrase []byte) (*Identity, error) {
	k, err := parseKit(text)
	if err != nil {
		return nil, err
	}
	id, err := OpenIdentity(k.sealed, passphrase)
	if err != nil {
		return nil, err
	}
	// The ID and fingerprint lines are for people; if they were typed back, they must agree.
	if k.id != "" && k.id != id.ID().String() {
		return nil, fmt.Errorf("recovery kit: %w: the ID line does not match the sealed identity", e2ee.ErrMalformed)
	}
	if k.fingerprint != "" && k.fingerprint != stripSpace(id.Public().Fingerprint()) {
		return nil, fmt.Errorf("recovery kit: %w: the fingerprint line does not match the sealed identity", e2ee.ErrMalformed)
	}
	return id, nil
}

type parsedKit struct {
	sealed      []byte
	id          string // as typed, without spaces, lower case; empty if absent
	fingerprint string // digits only; empty if absent
}

// parseKit checks every numbered line; it does no key derivation.
func parseKit(text string) (*parsedKit, error) {
	lines := strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")
	start := -1
	for i, l := range lines {
		s := strings.ToUpper(stripSpace(l))
		if s == stripSpace(strings.ToUpper(kitHeader)) {
			start = i + 1
			break
		}
		if strings.HasPrefix(s, "MOBIORECOVERYKITV") {
			return nil, fmt.Errorf("recovery kit: %w: %s", e2ee.ErrUnsupported, strings.TrimSpace(l))
		}
	}
	if start < 0 {
		return nil, fmt.Errorf("recovery kit: %w: no line %q", e2ee.ErrMalformed, kitHeader)
	}
	k := new(parsedKit)
	var data []string // the numbered lines without spaces, in order
	ended := false
	for _, l := range lines[start:] {
		s := stripSpace(l)
		low := strings.ToLower(s)
		switch {
		case s == "":
		case low == "end":
			ended = true
		case strings.HasPrefix(low, "id:"):
			k.id = strings.TrimPrefix(low, "id:")
		case strings.HasPrefix(low, "fingerprint:"):
			k.fingerprint = strings.TrimPrefix(low, "fingerprint:")
		case s[0] >= '0' && s[0] <= '9':
			data = append(data, s)
		}
		if ended {
			break
		}
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("recovery kit: %w: no numbered lines", e2ee.ErrMalformed)
	}
	for i, d := range data {
		n := i + 1
		s := strings.ToUpper(d)
		if len(s) < 2 || s[1] < '0' || s[1] > '9' {
			return nil, &KitLineError{Line: n, Reason: "does not start with a two-digit line number"}
		}
		if got := int(s[0]-'0')*10 + int(s[1]-'0'); got != n {
			if got > n {
				return nil, &KitLineError{Line: n, Reason: fmt.Sprintf("is missing or out of order (line %02d is in its place)", got)}
			}
			return nil, &KitLineError{Line: n, Reason: fmt.Sprintf("expected here, but line %02d is repeated or out of order", got)}
		}
		body := s[2:]
		if len(body) <= kitGroup {
			return nil, &KitLineError{Line: n, Reason: "too short: characters are missing"}
		}
		chunk, err := kitEncoding.DecodeString(body[:len(body)-kitGroup])
		if err != nil {
			return nil, &KitLineError{Line: n, Reason: "has a character that is not A-Z or 2-7, or characters are missing"}
		}
		if len(chunk) > kitLineBytes || len(chunk) < kitLineBytes && n != len(data) {
			return nil, &KitLineError{Line: n, Reason: "has characters missing or too many"}
		}
		sum := body[len(body)-kitGroup:]
		if sum != kitChecksum(n, n == len(data), chunk) {
			if n == len(data) && len(chunk) == kitLineBytes && sum == kitChecksum(n, false, chunk) {
				return nil, &KitLineError{Line: n + 1, Reason: "is missing: the kit ends early"}
			}
			return nil, &KitLineError{Line: n, Reason: "checksum does not match: look for a typo in this line"}
		}
		k.sealed = append(k.sealed, chunk...)
	}
	return k, nil
}

// stripSpace removes all white space from s.
func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
