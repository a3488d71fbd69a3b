package render

import (
	"golang.org/x/text/unicode/bidi"
)

// The visual order of one line, by the Unicode Bidirectional Algorithm (UAX #9) for what a
// CV holds: one paragraph level, no explicit embeddings (their control characters are
// ignored), the weak and neutral rules W1–W7 and N1–N2, implicit levels I1–I2, and reordering
// L1, L2 and mirroring L4. Character classes and bracket mirroring come from
// golang.org/x/text/unicode/bidi; its Paragraph type is not used because its Ordering
// reports runs in logical rather than visual order for right-to-left paragraphs and panics
// on an empty paragraph (x/text v0.44).

// baseRTL reports whether text whose direction is "auto" reads right to left: whether its
// first strong character (rule P2) is R or AL.
func baseRTL(rs []rune) bool {
	for _, r := range rs {
		switch class(r) {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}

func class(r rune) bidi.Class {
	p, _ := bidi.LookupRune(r)
	return p.Class()
}

// isExplicit reports whether c is an explicit formatting class, which this subset ignores
// like BN (rule X9).
func isExplicit(c bidi.Class) bool {
	switch c {
	case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI, bidi.BN:
		return true
	}
	return false
}

// visualOrder returns the line rs (in logical order) in the order its characters are drawn
// from left to right, for a paragraph that is right to left when rtl is set.
func visualOrder(rs []rune, rtl bool) []rune {
	n := len(rs)
	if n == 0 {
		return rs
	}
	base := bidi.L
	baseLevel := uint8(0)
	if rtl {
		base, baseLevel = bidi.R, 1
	}
	cls := make([]bidi.Class, n)
	for i, r := range rs {
		cls[i] = class(r)
		if isExplicit(cls[i]) {
			cls[i] = bidi.BN
		}
	}

	// W1: a non-spacing mark takes the class of the character before it.
	prev := base
	for i, c := range cls {
		switch c {
		case bidi.NSM:
			cls[i] = prev
		case bidi.BN:
		default:
			prev = c
		}
	}
	// W2, W3: European numbers after Arabic letters are Arabic numbers; AL becomes R.
	strong := base
	for i, c := range cls {
		switch c {
		case bidi.L, bidi.R:
			strong = c
		case bidi.AL:
			strong = c
			cls[i] = bidi.R
		case bidi.EN:
			if strong == bidi.AL {
				cls[i] = bidi.AN
			}
		}
	}
	// W4: one separator between two numbers of the same kind joins them.
	for i := 1; i+1 < n; i++ {
		a, c, b := cls[i-1], cls[i], cls[i+1]
		if c == bidi.ES && a == bidi.EN && b == bidi.EN {
			cls[i] = bidi.EN
		}
		if c == bidi.CS && a == b && (a == bidi.EN || a == bidi.AN) {
			cls[i] = a
		}
	}
	// W5: terminators next to European numbers (a currency sign, %) are European numbers.
	for i := 0; i < n; i++ {
		if cls[i] != bidi.ET {
			continue
		}
		j := i
		for j < n && cls[j] == bidi.ET {
			j++
		}
		if (i > 0 && cls[i-1] == bidi.EN) || (j < n && cls[j] == bidi.EN) {
			for k := i; k < j; k++ {
				cls[k] = bidi.EN
			}
		}
		i = j - 1
	}
	// W6: remaining separators and terminators are neutral.
	for i, c := range cls {
		switch c {
		case bidi.ES, bidi.ET, bidi.CS:
			cls[i] = bidi.ON
		}
	}
	// W7: European numbers after L (or an L paragraph start) are L.
	strong = base
	for i, c := range cls {
		switch c {
		case bidi.L, bidi.R:
			strong = c
		case bidi.EN:
			if strong == bidi.L {
				cls[i] = bidi.L
			}
		}
	}
	// N1, N2: a run of neutrals takes the direction of the strong text on both sides when it
	// agrees (numbers count as R), else the paragraph's.
	dir := func(c bidi.Class) (bidi.Class, bool) {
		switch c {
		case bidi.L:
			return bidi.L, true
		case bidi.R, bidi.EN, bidi.AN:
			return bidi.R, true
		}
		return 0, false
	}
	for i := 0; i < n; i++ {
		if _, ok := dir(cls[i]); ok {
			continue
		}
		j := i
		for j < n {
			if _, ok := dir(cls[j]); ok {
				break
			}
			j++
		}
		before, after := base, base
		if i > 0 {
			before, _ = dir(cls[i-1])
		}
		if j < n {
			after, _ = dir(cls[j])
		}
		resolved := base
		if before == after {
			resolved = before
		}
		for k := i; k < j; k++ {
			cls[k] = resolved
		}
		i = j - 1
	}
	// I1, I2: implicit levels.
	levels := make([]uint8, n)
	for i, c := range cls {
		switch {
		case baseLevel == 0 && c == bidi.R:
			levels[i] = 1
		case baseLevel == 0 && (c == bidi.AN || c == bidi.EN):
			levels[i] = 2
		case baseLevel == 1 && (c == bidi.L || c == bidi.AN || c == bidi.EN):
			levels[i] = 2
		default:
			levels[i] = baseLevel
		}
	}
	// L1: whitespace at the end of the line goes to the paragraph level.
	for i := n - 1; i >= 0; i-- {
		c := class(rs[i])
		if c != bidi.WS && !isExplicit(c) {
			break
		}
		levels[i] = baseLevel
	}
	// L2: from the highest level down to the lowest odd one, reverse every run at that level
	// or higher.
	out := append([]rune(nil), rs...)
	var highest, lowestOdd uint8 = 0, 255
	for _, l := range levels {
		highest = max(highest, l)
		if l%2 == 1 {
			lowestOdd = min(lowestOdd, l)
		}
	}
	// L4 before reversing: a mirrored character at an odd level shows its mirror image.
	for i, l := range levels {
		if l%2 == 1 {
			if p, _ := bidi.LookupRune(out[i]); p.IsBracket() {
				m := []rune(bidi.ReverseString(string(out[i])))
				if len(m) == 1 {
					out[i] = m[0]
				}
			}
		}
	}
	for level := highest; level >= lowestOdd && level > 0; level-- {
		for i := 0; i < n; i++ {
			if levels[i] < level {
				continue
			}
			j := i
			for j < n && levels[j] >= level {
				j++
			}
			reverse(out[i:j])
			reverse(levels[i:j])
			i = j
		}
	}
	return out
}

func reverse[T any](s []T) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}
