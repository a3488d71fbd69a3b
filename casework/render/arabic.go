package render

// Arabic-script shaping by presentation forms: each letter is replaced by the codepoint of its
// isolated, final, initial or medial form (Unicode blocks Arabic Presentation Forms-A and -B),
// following the joining rules of Unicode §9.2 (ArabicShaping.txt), and lam followed by alef
// becomes the mandatory lam-alef ligature. The PDF library draws one glyph per codepoint
// through the font's cmap, so the forms have to be codepoints; see the package doc for why.

// joining is the joining type of a character (Unicode §9.2).
type joining uint8

const (
	joinNone        joining = iota // U: does not join (also every non-Arabic character)
	joinRight                      // R: joins the character before it only (alef, dal, reh, waw)
	joinDual                       // D: joins on both sides
	joinCausing                    // C: tatweel and ZWJ: makes its neighbours join
	joinTransparent                // T: harakat and other marks: skipped when finding neighbours
)

// forms are the presentation forms of one letter; 0 where a form does not exist.
type forms struct{ isolated, final, initial, medial rune }

// arabicForms maps each letter that has presentation forms in DejaVu Sans (the embedded
// font) to them. Letters missing here render as their base codepoint, whose glyph is the
// isolated form.
var arabicForms = map[rune]forms{
	0x0621: {0xFE80, 0, 0, 0},                // hamza
	0x0622: {0xFE81, 0xFE82, 0, 0},           // alef with madda above
	0x0623: {0xFE83, 0xFE84, 0, 0},           // alef with hamza above
	0x0624: {0xFE85, 0xFE86, 0, 0},           // waw with hamza above
	0x0625: {0xFE87, 0xFE88, 0, 0},           // alef with hamza below
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C}, // yeh with hamza above
	0x0627: {0xFE8D, 0xFE8E, 0, 0},           // alef
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92}, // beh
	0x0629: {0xFE93, 0xFE94, 0, 0},           // teh marbuta
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98}, // teh
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C}, // theh
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0}, // jeem
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4}, // hah
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8}, // khah
	0x062F: {0xFEA9, 0xFEAA, 0, 0},           // dal
	0x0630: {0xFEAB, 0xFEAC, 0, 0},           // thal
	0x0631: {0xFEAD, 0xFEAE, 0, 0},           // reh
	0x0632: {0xFEAF, 0xFEB0, 0, 0},           // zain
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4}, // seen
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8}, // sheen
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC}, // sad
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0}, // dad
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4}, // tah
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8}, // zah
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC}, // ain
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0}, // ghain
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4}, // feh
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8}, // qaf
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC}, // kaf
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0}, // lam
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4}, // meem
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8}, // noon
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC}, // heh
	0x0648: {0xFEED, 0xFEEE, 0, 0},           // waw
	0x0649: {0xFEEF, 0xFEF0, 0xFBE8, 0xFBE9}, // alef maksura
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4}, // yeh
	0x067B: {0xFB52, 0xFB53, 0xFB54, 0xFB55}, // beeh
	0x067E: {0xFB56, 0xFB57, 0xFB58, 0xFB59}, // peh (Persian, Pashto, Urdu)
	0x0680: {0xFB5A, 0xFB5B, 0xFB5C, 0xFB5D}, // beheh
	0x067A: {0xFB5E, 0xFB5F, 0xFB60, 0xFB61}, // tteheh
	0x067F: {0xFB62, 0xFB63, 0xFB64, 0xFB65}, // teheh
	0x0679: {0xFB66, 0xFB67, 0xFB68, 0xFB69}, // tteh (Urdu)
	0x06A4: {0xFB6A, 0xFB6B, 0xFB6C, 0xFB6D}, // veh
	0x06A6: {0xFB6E, 0xFB6F, 0xFB70, 0xFB71}, // peheh
	0x0684: {0xFB72, 0xFB73, 0xFB74, 0xFB75}, // dyeh
	0x0683: {0xFB76, 0xFB77, 0xFB78, 0xFB79}, // nyeh
	0x0686: {0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D}, // tcheh (Persian, Pashto, Urdu)
	0x0687: {0xFB7E, 0xFB7F, 0xFB80, 0xFB81}, // tcheheh
	0x068D: {0xFB82, 0xFB83, 0, 0},           // ddahal
	0x068C: {0xFB84, 0xFB85, 0, 0},           // dahal
	0x068E: {0xFB86, 0xFB87, 0, 0},           // dul
	0x0688: {0xFB88, 0xFB89, 0, 0},           // ddal (Urdu)
	0x0698: {0xFB8A, 0xFB8B, 0, 0},           // jeh (Persian, Pashto)
	0x0691: {0xFB8C, 0xFB8D, 0, 0},           // rreh (Urdu)
	0x06A9: {0xFB8E, 0xFB8F, 0xFB90, 0xFB91}, // keheh (Persian kaf)
	0x06AF: {0xFB92, 0xFB93, 0xFB94, 0xFB95}, // gaf (Persian)
	0x06B3: {0xFB96, 0xFB97, 0xFB98, 0xFB99}, // gueh
	0x06B1: {0xFB9A, 0xFB9B, 0xFB9C, 0xFB9D}, // ngoeh
	0x06BB: {0xFBA0, 0xFBA1, 0xFBA2, 0xFBA3}, // rnoon
	0x06BE: {0xFBAA, 0xFBAB, 0xFBAC, 0xFBAD}, // heh doachashmee
	0x06AD: {0xFBD3, 0xFBD4, 0xFBD5, 0xFBD6}, // ng
	0x06C7: {0xFBD7, 0xFBD8, 0, 0},           // u
	0x06C6: {0xFBD9, 0xFBDA, 0, 0},           // oe
	0x06C8: {0xFBDB, 0xFBDC, 0, 0},           // yu
	0x06CB: {0xFBDE, 0xFBDF, 0, 0},           // ve
	0x06D0: {0xFBE4, 0xFBE5, 0xFBE6, 0xFBE7}, // e (Pashto)
	0x06CC: {0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF}, // farsi yeh (Persian, Pashto)
}

// lamAlef maps the alef that follows lam to the isolated form of their ligature; the final
// form is the next codepoint.
var lamAlef = map[rune]rune{
	0x0622: 0xFEF5, // lam with alef with madda above
	0x0623: 0xFEF7, // lam with alef with hamza above
	0x0625: 0xFEF9, // lam with alef with hamza below
	0x0627: 0xFEFB, // lam with alef
}

// joiningOf returns the joining type of r as the shaper uses it: a dual-joining letter
// without presentation forms in the font (the Pashto letters ټ ځ څ ښ ګ ڼ, for example) counts
// as non-joining, so that its neighbours do not reach for a connection it cannot draw; the
// word shows a gap there instead of a broken stroke.
func joiningOf(r rune) joining {
	if f, ok := arabicForms[r]; ok {
		switch {
		case f.initial != 0:
			return joinDual
		case f.final != 0:
			return joinRight
		}
		return joinNone
	}
	switch {
	case r >= 0xFEF5 && r <= 0xFEFC: // a lam-alef ligature joins like alef
		return joinRight
	case r == 0x0640, r == 0x200D: // tatweel, zero width joiner
		return joinCausing
	case r >= 0x0610 && r <= 0x061A, r >= 0x064B && r <= 0x065F, r == 0x0670,
		r >= 0x06D6 && r <= 0x06DC, r >= 0x06DF && r <= 0x06E4, r == 0x06E7, r == 0x06E8,
		r >= 0x06EA && r <= 0x06ED:
		return joinTransparent
	case r == 0x0689, r == 0x0693, r == 0x0696, r == 0x06CD, r == 0x06C0, r == 0x06D3:
		// Right-joining letters without forms in the font (Pashto ډ ړ ږ ۍ): the letter before
		// still joins them; their isolated glyph stands in for the final one, which differs
		// little for these shapes.
		return joinRight
	}
	return joinNone
}

// hasArabic reports whether s contains a character that shaping changes.
func hasArabic(rs []rune) bool {
	for _, r := range rs {
		if r >= 0x0600 && r <= 0x06FF {
			return true
		}
	}
	return false
}

// shapeArabic returns rs with every Arabic letter replaced by its contextual presentation
// form and lam-alef pairs by their ligature, still in logical order. Other characters pass
// unchanged. The result may be shorter than rs.
func shapeArabic(rs []rune) []rune {
	if !hasArabic(rs) {
		return rs
	}
	// Step 1. Lam followed by alef (harakat between them are kept after the ligature) becomes
	// the isolated ligature; step 2 picks its final form when the letter before joins it.
	in := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		if rs[i] == 0x0644 {
			j := i + 1
			for j < len(rs) && joiningOf(rs[j]) == joinTransparent {
				j++
			}
			if j < len(rs) {
				if lig, ok := lamAlef[rs[j]]; ok {
					in = append(in, lig)
					in = append(in, rs[i+1:j]...)
					i = j
					continue
				}
			}
		}
		in = append(in, rs[i])
	}

	// Step 2. Each joining letter takes the form its non-transparent neighbours call for.
	out := make([]rune, len(in))
	for i, r := range in {
		out[i] = r
		jt := joiningOf(r)
		if jt != joinRight && jt != joinDual {
			continue
		}
		prev := joinNone
		for k := i - 1; k >= 0; k-- {
			if t := joiningOf(in[k]); t != joinTransparent {
				prev = t
				break
			}
		}
		next := joinNone
		for k := i + 1; k < len(in); k++ {
			if t := joiningOf(in[k]); t != joinTransparent {
				next = t
				break
			}
		}
		joinsBefore := prev == joinDual || prev == joinCausing
		joinsAfter := jt == joinDual && (next == joinDual || next == joinRight || next == joinCausing)
		if r >= 0xFEF5 && r <= 0xFEFC { // ligature: isolated (odd) or final (even)
			if joinsBefore {
				out[i] = r + 1
			}
			continue
		}
		f, ok := arabicForms[r]
		if !ok {
			continue
		}
		var form rune
		switch {
		case joinsBefore && joinsAfter:
			form = f.medial
		case joinsBefore:
			form = f.final
		case joinsAfter:
			form = f.initial
		default:
			form = f.isolated
		}
		if form != 0 {
			out[i] = form
		}
	}
	return out
}
