package render

import "testing"

func TestVisualOrder(t *testing.T) {
	// Hebrew letters stand in for right-to-left text: they need no shaping, so the expected
	// order reads directly.
	tests := []struct {
		name string
		in   string
		rtl  bool
		want string
	}{
		{"left-to-right text stays", "Müller, Anna", false, "Müller, Anna"},
		{"right-to-left text is reversed", "אבג דה", true, "הד גבא"},
		{"numbers inside right-to-left text keep their digit order", "אב 2020 גד", true, "דג 2020 בא"},
		{"brackets are mirrored in right-to-left text", "אב (גד)", true, "(דג) בא"},
		{"a right-to-left name inside German text is reversed in place", "Name: אבג, Syrien", false, "Name: גבא, Syrien"},
		{"Latin inside right-to-left text keeps its order", "אב Koch גד", true, "דג Koch בא"},
		{"numbers around a dash take the right-to-left order (rule N1)", "אב 2015–2019", true, "2019–2015 בא"},
		{"a hyphen between numbers joins them (rule W4)", "אב 2015-2019", true, "2015-2019 בא"},
		{"trailing spaces stay at the logical end, on the left (rule L1)", "אב ", true, " בא"},
		{"directional marks are ignored", "א\u200fב", true, "ב\u200fא"},
		{"empty", "", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(visualOrder([]rune(tt.in), tt.rtl)); got != tt.want {
				t.Errorf("visualOrder(%q, rtl=%v) = %q, want %q", tt.in, tt.rtl, got, tt.want)
			}
		})
	}
}

func TestBaseDirectionFromFirstStrongCharacter(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"محمد", true}, {"12 محمد", true}, {"Ali محمد", false}, {"2020", false}, {"", false}, {"(علی)", true},
	}
	for _, tt := range tests {
		if got := baseRTL([]rune(tt.in)); got != tt.want {
			t.Errorf("baseRTL(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzShapeAndOrder(f *testing.F) {
	for _, s := range []string{"سلام", "محمد أحمد (2020)", "Müller علی", "لَا", "\u200d\u0640ب", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		shaped := shapeArabic(rs)
		if len(shaped) > len(rs) {
			t.Fatalf("shaping %q grew it to %d runes", s, len(shaped))
		}
		for _, rtl := range []bool{false, true} {
			if got := visualOrder(shaped, rtl); len(got) != len(shaped) {
				t.Fatalf("visualOrder changed the length of %q", s)
			}
		}
	})
}
