package render

import (
	"fmt"
	"testing"
)

// The expectations are built by hand from the joining rules of Unicode §9.2 and the
// presentation-form codepoints of the Unicode charts, not from the code under test.
func TestShapeArabicPicksContextualForms(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []rune // logical order
	}{
		{"seen initial, lam-alef ligature final, meem isolated after the ligature", "سلام",
			[]rune{0xFEB3, 0xFEFC, 0xFEE1}},
		{"dual-joining letters: initial, medial, medial, final dal", "محمد",
			[]rune{0xFEE3, 0xFEA4, 0xFEE4, 0xFEAA}},
		{"alef with hamza isolated, then initial, medial, final", "أحمد",
			[]rune{0xFE83, 0xFEA3, 0xFEE4, 0xFEAA}},
		{"Persian farsi yeh final after lam medial", "علی",
			[]rune{0xFECB, 0xFEE0, 0xFBFD}},
		{"reh and alef break the word: isolated reh, initial dad, final alef, initial and final yeh", "رضایی",
			[]rune{0xFEAD, 0xFEBF, 0xFE8E, 0xFBFE, 0xFBFD}},
		{"Persian peh, tcheh, jeh, gaf and keheh take their forms", "پچ ژ گک",
			[]rune{0xFB58, 0xFB7B, ' ', 0xFB8A, ' ', 0xFB94, 0xFB8F}},
		{"a space separates words: each word is shaped on its own", "بب بب",
			[]rune{0xFE91, 0xFE90, ' ', 0xFE91, 0xFE90}},
		{"lam-alef after alef is isolated, and noon after the ligature too", "الان",
			[]rune{0xFE8D, 0xFEFB, 0xFEE5}},
		{"lam-alef after a joining letter takes the final ligature", "ملا",
			[]rune{0xFEE3, 0xFEFC}},
		{"harakat are transparent: beh keeps joining across a fatha", "بَب",
			[]rune{0xFE91, 0x064E, 0xFE90}},
		{"zero width non-joiner stops joining (Persian می‌خواهم)", "می\u200cخ",
			[]rune{0xFEE3, 0xFBFD, 0x200C, 0xFEA5}},
		{"Pashto letters without presentation forms stand unjoined", "ټب",
			[]rune{0x067C, 0xFE8F}},
		{"Latin text passes unchanged", "Müller 12", []rune("Müller 12")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := shapeArabic([]rune(tt.in))
			if string(got) != string(tt.want) {
				t.Errorf("shapeArabic(%q) = %s, want %s", tt.in, hex(got), hex(tt.want))
			}
		})
	}
}

func TestShapedWordsInVisualOrder(t *testing.T) {
	tests := []struct {
		in   string
		want []rune // left to right on the page
	}{
		{"سلام", []rune{0xFEE1, 0xFEFC, 0xFEB3}},
		{"محمد أحمد", []rune{0xFEAA, 0xFEE4, 0xFEA3, 0xFE83, ' ', 0xFEAA, 0xFEE4, 0xFEA4, 0xFEE3}},
		{"علی رضایی", []rune{0xFBFD, 0xFBFE, 0xFE8E, 0xFEBF, 0xFEAD, ' ', 0xFBFD, 0xFEE0, 0xFECB}},
	}
	for _, tt := range tests {
		rs := []rune(tt.in)
		got := visualOrder(shapeArabic(rs), baseRTL(rs))
		if string(got) != string(tt.want) {
			t.Errorf("visual %q = %s, want %s", tt.in, hex(got), hex(tt.want))
		}
	}
}

func hex(rs []rune) string {
	s := ""
	for _, r := range rs {
		s += fmt.Sprintf("%04X ", r)
	}
	return s
}
