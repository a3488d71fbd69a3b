package render

import (
	"errors"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/signintech/gopdf/fontmaker/core"
)

// countNested counts the composite glyphs of ttf that have a composite component: the glyphs
// gopdf would embed with parts missing.
func countNested(t *testing.T, ttf []byte) int {
	t.Helper()
	tables, _, err := sfntTables(ttf)
	if err != nil {
		t.Fatal(err)
	}
	var p core.TTFParser
	if err := p.ParseFontData(ttf); err != nil {
		t.Fatalf("parse font: %v", err)
	}
	glyf := tables["glyf"]
	glyph := func(g uint16) []byte {
		if int(g)+1 >= len(p.LocaTable) {
			return nil
		}
		return glyf[p.LocaTable[g]:p.LocaTable[g+1]]
	}
	n := 0
	for g := range p.NumGlyphs() {
		if comps, ok := components(glyph(uint16(g))); ok && nested(comps, glyph) {
			n++
		}
	}
	return n
}

func TestFlattenCompositesLeavesNoNestedComposites(t *testing.T) {
	for name, ttf := range map[string][]byte{"regular": dejavusans.TTF, "bold": dejavusansbold.TTF} {
		t.Run(name, func(t *testing.T) {
			if n := countNested(t, ttf); n == 0 {
				t.Fatalf("the original font has no nested composites; the test proves nothing")
			}
			flat, err := flattenComposites(ttf)
			if err != nil {
				t.Fatal(err)
			}
			if n := countNested(t, flat); n != 0 {
				t.Errorf("flattened font still has %d composites of composites", n)
			}
			var before, after core.TTFParser
			if err := before.ParseFontData(ttf); err != nil {
				t.Fatal(err)
			}
			if err := after.ParseFontData(flat); err != nil {
				t.Fatalf("gopdf cannot parse the flattened font: %v", err)
			}
			if before.NumGlyphs() != after.NumGlyphs() || len(before.Chars()) != len(after.Chars()) {
				t.Errorf("flattening changed the glyphs: %d glyphs, %d characters; want %d, %d",
					after.NumGlyphs(), len(after.Chars()), before.NumGlyphs(), len(before.Chars()))
			}
			for r, g := range before.Chars() {
				if after.Chars()[r] != g {
					t.Fatalf("character %U maps to glyph %d, want %d", r, after.Chars()[r], g)
				}
			}
		})
	}
}

func TestFlattenCompositesRejectsMalformedFonts(t *testing.T) {
	tests := map[string][]byte{
		"empty":        nil,
		"not TrueType": []byte("OTTO and then some bytes"),
		"truncated":    dejavusans.TTF[:100],
	}
	for name, in := range tests {
		if _, err := flattenComposites(in); !errors.Is(err, errBadFont) {
			t.Errorf("%s: flattenComposites = %v, want errBadFont", name, err)
		}
	}
}
