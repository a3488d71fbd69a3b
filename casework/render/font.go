package render

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
)

// The embedded fonts, prepared once per process. gopdf keeps, in the font subset it embeds,
// the glyphs a document uses and the components of those that are composite, but not the
// components of components: DejaVu Sans builds 659 glyphs that way (أ is alef plus a hamza
// that is itself composite, the medial beh a tooth plus a dot), and they printed with parts
// missing. flattenComposites rewrites such glyphs to refer to simple glyphs only.
//
// The fonts are reached only from fontRegular and fontBold, never from a package-level
// initialiser, so that a program that renders HTML only (the browser's case-work module) does
// not link 1.3 MB of font data.
var fonts struct {
	once          sync.Once
	regular, bold []byte
	err           error
}

func loadFonts() {
	fonts.once.Do(func() {
		r, err1 := flattenComposites(dejavusans.TTF)
		b, err2 := flattenComposites(dejavusansbold.TTF)
		fonts.regular, fonts.bold, fonts.err = r, b, errors.Join(err1, err2)
	})
}

func fontRegular() ([]byte, error) { loadFonts(); return fonts.regular, fonts.err }

func fontBold() ([]byte, error) { loadFonts(); return fonts.bold, fonts.err }

// Flags of a component of a composite glyph (OpenType glyf table).
const (
	argsAreWords   = 0x0001
	argsAreXY      = 0x0002
	roundXYToGrid  = 0x0004
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
	maxNesting     = 8
)

var errBadFont = errors.New("malformed TrueType font")

// component is one part of a composite glyph, placed by an offset.
type component struct {
	flags  uint16
	glyph  uint16
	dx, dy int32
}

// flattenComposites returns a copy of the TrueType font ttf in which every composite glyph
// whose components are composite themselves lists the simple glyphs at the bottom instead,
// at the summed offsets. A glyph with scaled or point-matched components stays as it is.
// The glyf table is rewritten with a long loca; hinting instructions of rewritten composites
// are dropped, which a PDF viewer does not miss.
func flattenComposites(ttf []byte) ([]byte, error) {
	tables, order, err := sfntTables(ttf)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 || glyf == nil {
		return nil, fmt.Errorf("%w: missing head, maxp or glyf", errBadFont)
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offsets := make([]uint32, numGlyphs+1)
	for i := range offsets {
		switch {
		case long && 4*i+4 <= len(loca):
			offsets[i] = binary.BigEndian.Uint32(loca[4*i:])
		case !long && 2*i+2 <= len(loca):
			offsets[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		default:
			return nil, fmt.Errorf("%w: short loca", errBadFont)
		}
		if offsets[i] > uint32(len(glyf)) || i > 0 && offsets[i] < offsets[i-1] {
			return nil, fmt.Errorf("%w: bad loca", errBadFont)
		}
	}
	glyph := func(g uint16) []byte {
		if int(g) >= numGlyphs {
			return nil
		}
		return glyf[offsets[g]:offsets[g+1]]
	}

	// expand lists the simple glyphs that composite glyph g is made of, offset by dx, dy.
	var expand func(g uint16, dx, dy int32, depth int) ([]component, bool)
	expand = func(g uint16, dx, dy int32, depth int) ([]component, bool) {
		comps, ok := components(glyph(g))
		if !ok || depth > maxNesting {
			return nil, false
		}
		var out []component
		for _, c := range comps {
			if c.flags&argsAreXY == 0 || c.flags&(haveScale|haveXYScale|haveTwoByTwo) != 0 {
				return nil, false
			}
			if isComposite(glyph(c.glyph)) {
				sub, ok := expand(c.glyph, dx+c.dx, dy+c.dy, depth+1)
				if !ok {
					return nil, false
				}
				out = append(out, sub...)
				continue
			}
			out = append(out, component{flags: c.flags & roundXYToGrid, glyph: c.glyph, dx: dx + c.dx, dy: dy + c.dy})
		}
		return out, true
	}

	newGlyf := make([]byte, 0, len(glyf)+len(glyf)/8)
	newLoca := make([]byte, 4*(numGlyphs+1))
	maxElems := 0
	for g := range numGlyphs {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		data := glyph(uint16(g))
		if comps, ok := components(data); ok && nested(comps, glyph) {
			if flat, ok := expand(uint16(g), 0, 0, 0); ok && fitsInt16(flat) {
				data = encodeComposite(data[:10], flat)
			}
		}
		if comps, ok := components(data); ok {
			maxElems = max(maxElems, len(comps))
		}
		newGlyf = append(newGlyf, data...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*numGlyphs:], uint32(len(newGlyf)))

	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint16(newHead[50:], 1) // indexToLocFormat: long
	binary.BigEndian.PutUint32(newHead[8:], 0)  // checkSumAdjustment, set below
	newMaxp := append([]byte(nil), maxp...)
	if len(newMaxp) >= 32 { // version 1.0: maxComponentElements, maxComponentDepth
		binary.BigEndian.PutUint16(newMaxp[28:], uint16(maxElems))
		binary.BigEndian.PutUint16(newMaxp[30:], 1)
	}
	tables["glyf"], tables["loca"], tables["head"], tables["maxp"] = newGlyf, newLoca, newHead, newMaxp

	out := writeSfnt(ttf[:12], order, tables)
	headAt := -1
	for i, tag := range order {
		if tag == "head" {
			headAt = i
		}
	}
	off := binary.BigEndian.Uint32(out[12+16*headAt+8:])
	binary.BigEndian.PutUint32(out[off+8:], 0xB1B0AFBA-checksum(out))
	return out, nil
}

// sfntTables returns the tables of font ttf by tag, and the tags in directory order.
func sfntTables(ttf []byte) (map[string][]byte, []string, error) {
	if len(ttf) < 12 || binary.BigEndian.Uint32(ttf) != 0x00010000 {
		return nil, nil, fmt.Errorf("%w: not a TrueType font", errBadFont)
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, nil, fmt.Errorf("%w: short table directory", errBadFont)
	}
	tables := make(map[string][]byte, n)
	order := make([]string, n)
	for i := range n {
		rec := ttf[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(ttf)) {
			return nil, nil, fmt.Errorf("%w: table %q out of bounds", errBadFont, tag)
		}
		tables[tag], order[i] = ttf[off:off+length], tag
	}
	return tables, order, nil
}

// writeSfnt lays out tables in order after the table directory, each at a 4-byte boundary
// with its checksum; header is the first 12 bytes of the original font.
func writeSfnt(header []byte, order []string, tables map[string][]byte) []byte {
	dir := 12 + 16*len(order)
	out := make([]byte, dir, dir+len(tables["glyf"])*2)
	copy(out, header)
	for i, tag := range order {
		data := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

func isComposite(data []byte) bool {
	return len(data) >= 10 && int16(binary.BigEndian.Uint16(data)) < 0
}

// components parses the components of a composite glyph; ok is false for a simple or
// malformed one.
func components(data []byte) (comps []component, ok bool) {
	if !isComposite(data) {
		return nil, false
	}
	for p := 10; ; {
		if p+4 > len(data) {
			return nil, false
		}
		c := component{flags: binary.BigEndian.Uint16(data[p:]), glyph: binary.BigEndian.Uint16(data[p+2:])}
		p += 4
		if c.flags&argsAreWords != 0 {
			if p+4 > len(data) {
				return nil, false
			}
			c.dx, c.dy = int32(int16(binary.BigEndian.Uint16(data[p:]))), int32(int16(binary.BigEndian.Uint16(data[p+2:])))
			p += 4
		} else {
			if p+2 > len(data) {
				return nil, false
			}
			c.dx, c.dy = int32(int8(data[p])), int32(int8(data[p+1]))
			p += 2
		}
		switch {
		case c.flags&haveScale != 0:
			p += 2
		case c.flags&haveXYScale != 0:
			p += 4
		case c.flags&haveTwoByTwo != 0:
			p += 8
		}
		comps = append(comps, c)
		if c.flags&moreComponents == 0 {
			return comps, true
		}
	}
}

// nested reports whether one of comps is itself a composite glyph.
func nested(comps []component, glyph func(uint16) []byte) bool {
	for _, c := range comps {
		if isComposite(glyph(c.glyph)) {
			return true
		}
	}
	return false
}

func fitsInt16(comps []component) bool {
	for _, c := range comps {
		if c.dx < -32768 || c.dx > 32767 || c.dy < -32768 || c.dy > 32767 {
			return false
		}
	}
	return true
}

// encodeComposite writes a composite glyph: header (numberOfContours and bounding box) and
// comps with word offsets.
func encodeComposite(header []byte, comps []component) []byte {
	out := append([]byte(nil), header...)
	for i, c := range comps {
		flags := c.flags | argsAreWords | argsAreXY
		if i < len(comps)-1 {
			flags |= moreComponents
		}
		out = binary.BigEndian.AppendUint16(out, flags)
		out = binary.BigEndian.AppendUint16(out, c.glyph)
		out = binary.BigEndian.AppendUint16(out, uint16(int16(c.dx)))
		out = binary.BigEndian.AppendUint16(out, uint16(int16(c.dy)))
	}
	return out
}
