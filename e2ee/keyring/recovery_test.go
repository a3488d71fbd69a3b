package keyring

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
)

const kitFuzzSeedsDir = "testdata/fuzz/FuzzDecodeRecoveryKit"

// testKit returns an identity and its recovery kit, sealed with fast costs under "kit pass".
func testKit(t testing.TB) (*Identity, string) {
	t.Helper()
	id := newTestIdentity(t)
	kit, err := id.formatKit(sealFast(t, id, "kit pass"))
	if err != nil {
		t.Fatalf("formatKit() = %v", err)
	}
	return id, kit
}

// mapLines applies f to every line of kit that starts with a line number.
func mapLines(kit string, f func(n int, line string) string) string {
	lines := strings.Split(kit, "\n")
	n := 0
	for i, l := range lines {
		if l != "" && l[0] >= '0' && l[0] <= '9' {
			n++
			lines[i] = f(n, l)
		}
	}
	return strings.Join(lines, "\n")
}

func TestRecoveryKitLooksRight(t *testing.T) {
	id, kit := testKit(t)
	lines := strings.Split(kit, "\n")
	if lines[0] != "MOBIO RECOVERY KIT v1" {
		t.Errorf("first line %q, want %q", lines[0], "MOBIO RECOVERY KIT v1")
	}
	for _, want := range []string{"ID:          " + id.ID().String(), "Fingerprint: " + id.Public().Fingerprint(), "\nEND\n"} {
		if !strings.Contains(kit, want) {
			t.Errorf("kit lacks %q:\n%s", want, kit)
		}
	}
	numbered := 0
	mapLines(kit, func(n int, l string) string {
		numbered++
		fields := strings.Fields(l)
		if len(fields) < 3 || len(fields) > 8 {
			t.Errorf("line %d has %d fields, want a number, 1 to 6 groups and a checksum: %q", n, len(fields), l)
		}
		for _, g := range fields[1:] {
			if len(g) > 8 || strings.Trim(g, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") != "" {
				t.Errorf("line %d: group %q is not up to 8 characters of A-Z, 2-7", n, g)
			}
		}
		if len(l) > 72 {
			t.Errorf("line %d is %d characters, want at most 72 to fit a printed page", n, len(l))
		}
		return l
	})
	if numbered < 2 {
		t.Errorf("kit has %d numbered lines, want several", numbered)
	}
}

func TestRestoreFromKitRoundTrip(t *testing.T) {
	id, kit := testKit(t)
	tests := []struct {
		name string
		text string
	}{
		{"as printed", kit},
		{"typed in lower case", strings.ToLower(kit)},
		{"numbered lines typed without spaces", mapLines(kit, func(_ int, l string) string { return strings.ReplaceAll(l, " ", "") })},
		{"numbered lines with extra spaces and tabs", mapLines(kit, func(_ int, l string) string {
			return "\t " + strings.ReplaceAll(l, " ", "  ") + " "
		})},
		{"Windows line endings", strings.ReplaceAll(kit, "\n", "\r\n")},
		{"only header and numbered lines", func() string {
			var b strings.Builder
			b.WriteString("mobio recovery kit v1\n")
			mapLines(kit, func(_ int, l string) string { b.WriteString(l + "\n"); return l })
			return b.String()
		}()},
		{"inside a longer message", "From: me\n\nHere it is:\n\n" + kit + "\nThanks!\n12 this line comes after END\n"},
		{"blank lines between numbered lines", mapLines(kit, func(_ int, l string) string { return l + "\n" })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := RestoreFromKit(tt.text, []byte("kit pass"))
			if err != nil {
				t.Fatalf("RestoreFromKit() = %v", err)
			}
			checkSameIdentity(t, got, id)
		})
	}
}

// typo changes the character at index i of a numbered line's data (after the number and its
// two spaces) so that it decodes differently: it flips the top bit of the character's 5-bit
// value, which even the last character of a line always carries.
func typo(l string, i int) string {
	b := []byte(l)
	j := 4 + i
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	if v := strings.IndexByte(alphabet, b[j]); v >= 0 {
		b[j] = alphabet[v^16]
	} else {
		b[j] = 'A'
	}
	return string(b)
}

func TestRestoreFromKitNamesTheLineOfATypo(t *testing.T) {
	_, kit := testKit(t)
	var numbered []string
	mapLines(kit, func(_ int, l string) string { numbered = append(numbered, l); return l })
	last := len(numbered)

	type kase struct {
		name     string
		text     string
		wantLine int
	}
	var tests []kase
	// A one-character typo in each line, at the start, the middle and in the checksum.
	for n := 1; n <= last; n++ {
		for _, at := range []int{0, 17, len(numbered[n-1]) - 5} {
			tests = append(tests, kase{
				name: "typo in line " + numbered[n-1][:2],
				text: mapLines(kit, func(m int, l string) string {
					if m == n {
						return typo(l, at)
					}
					return l
				}),
				wantLine: n,
			})
		}
	}
	tests = append(tests,
		kase{"digit 1 typed for the letter I", mapLines(kit, func(m int, l string) string {
			if m == 3 {
				return l[:6] + "1" + l[7:]
			}
			return l
		}), 3},
		kase{"character left out", mapLines(kit, func(m int, l string) string {
			if m == 2 {
				return l[:9] + l[10:]
			}
			return l
		}), 2},
		kase{"character doubled", mapLines(kit, func(m int, l string) string {
			if m == 2 {
				return l[:9] + l[9:10] + l[9:]
			}
			return l
		}), 2},
		kase{"line left out", mapLines(kit, func(m int, l string) string {
			if m == 3 {
				return ""
			}
			return l
		}), 3},
		kase{"last line left out", mapLines(kit, func(m int, l string) string {
			if m == last {
				return ""
			}
			return l
		}), last},
		kase{"two lines swapped", mapLines(kit, func(m int, l string) string {
			switch m {
			case 2:
				return numbered[2]
			case 3:
				return numbered[1]
			}
			return l
		}), 2},
		kase{"line typed twice", mapLines(kit, func(m int, l string) string {
			if m == 2 {
				return l + "\n" + l
			}
			return l
		}), 3},
		kase{"line number mistyped", mapLines(kit, func(m int, l string) string {
			if m == 4 {
				return "4" + l[1:]
			}
			return l
		}), 4},
		kase{"line cut short", mapLines(kit, func(m int, l string) string {
			if m == 5 {
				return l[:8]
			}
			return l
		}), 5},
	)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := RestoreFromKit(tt.text, []byte("kit pass"))
			var le *KitLineError
			if !errors.As(err, &le) || le.Line != tt.wantLine {
				t.Fatalf("RestoreFromKit() = %v, want a KitLineError for line %d", err, tt.wantLine)
			}
			if !errors.Is(err, e2ee.ErrMalformed) {
				t.Fatalf("errors.Is(%v, e2ee.ErrMalformed) = false, want true", err)
			}
		})
	}
}

func TestRestoreFromKitRejects(t *testing.T) {
	id, kit := testKit(t)
	other := newTestIdentity(t)
	tests := []struct {
		name       string
		text       string
		passphrase string
		want       error
	}{
		{"wrong passphrase", kit, "kit pas", ErrWrongPassphrase},
		{"no header", strings.Replace(kit, "MOBIO RECOVERY KIT v1", "", 1), "kit pass", e2ee.ErrMalformed},
		{"a later version", strings.Replace(kit, "KIT v1", "KIT v2", 1), "kit pass", e2ee.ErrUnsupported},
		{"no numbered lines", "MOBIO RECOVERY KIT v1\nEND\n", "kit pass", e2ee.ErrMalformed},
		{"ID line of another identity", strings.Replace(kit, id.ID().String(), other.ID().String(), 1), "kit pass", e2ee.ErrMalformed},
		{"fingerprint line of another identity", strings.Replace(kit, id.Public().Fingerprint(), other.Public().Fingerprint(), 1), "kit pass", e2ee.ErrMalformed},
		{"empty text", "", "kit pass", e2ee.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := RestoreFromKit(tt.text, []byte(tt.passphrase))
			if !errors.Is(err, tt.want) || got != nil {
				t.Fatalf("RestoreFromKit() = %v, %v, want nil, %v", got, err, tt.want)
			}
		})
	}
}

// FuzzDecodeRecoveryKit parses kits as typed (no key derivation): it never panics, and what
// parses is printed again as a kit that parses to the same sealed bytes.
func FuzzDecodeRecoveryKit(f *testing.F) {
	if b, err := os.ReadFile(goldenKitPath); err == nil {
		f.Add(b)
	}
	f.Add([]byte("MOBIO RECOVERY KIT v1\n01 AE 2M6BPLTN\nEND\n"))
	f.Add([]byte("mobio recovery kit v1\nid: abc\nfingerprint: 1 2 3\n01\n02 A\n"))
	id, err := NewIdentity()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		k, err := parseKit(string(text))
		if err != nil {
			var le *KitLineError
			if !errors.Is(err, e2ee.ErrMalformed) && !errors.Is(err, e2ee.ErrUnsupported) && !errors.As(err, &le) {
				t.Fatalf("parseKit() = %v, which is none of the sentinels", err)
			}
			return
		}
		if len(k.sealed) > kitMaxLines*kitLineBytes {
			return
		}
		again, err := id.formatKit(k.sealed)
		if err != nil {
			t.Fatalf("formatKit() of parsed bytes = %v", err)
		}
		k2, err := parseKit(again)
		if err != nil || string(k2.sealed) != string(k.sealed) {
			t.Fatalf("parse, print, parse = %x, %v, want %x", k2.sealed, err, k.sealed)
		}
	})
}
