package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/signintech/gopdf"
)

// Page geometry of the PDF, in points: A4 with 20 mm margins.
const (
	pageW, pageH   = 595.28, 841.89
	marginX        = 56.7
	marginTop      = 56.7
	marginBottom   = 70.0
	contentW       = pageW - 2*marginX
	labelW         = 140.0 // the label column of a section's rows
	whenW          = 105.0 // the time column of an item
	itemLabelW     = 95.0  // the label column of an item's rows
	columnGap      = 10.0
	fontFamily     = "DejaVuSans"
	unprintableMsg = "[Schrift im PDF nicht darstellbar; siehe HTML-Fassung]"
)

// style is how a piece of text is set.
type style struct {
	bold bool
	size float64 // points
	gray uint8   // 0 is black
}

func (s style) lineHeight() float64 { return s.size * 1.32 }

// baseline is the distance from the top of a line to its baseline.
func (s style) baseline() float64 { return s.size * 1.02 }

var (
	styleTitle     = style{bold: true, size: 20}
	styleSubtitle  = style{size: 12, gray: 70}
	styleHeading   = style{bold: true, size: 12.5}
	styleLabel     = style{size: 9.5, gray: 85}
	styleValue     = style{size: 10}
	styleItemTitle = style{bold: true, size: 10.5}
	styleItemLabel = style{size: 9, gray: 85}
	styleItemValue = style{size: 9.5}
	styleNote      = style{size: 8, gray: 100}
	styleFooter    = style{size: 8, gray: 100}
)

// piece is one line of text placed in a slot: x from the left page edge, the line's text in
// visual order.
type piece struct {
	x    float64
	text string
	st   style
}

// slot is a horizontal band of a block: the unit that never splits across pages.
type slot struct {
	h      float64
	pieces []piece
	rule   bool // a rule across the content width at the bottom of the slot
}

// drawn is what a page holds once laid out.
type drawn struct {
	y float64 // top of the slot
	s slot
}

// PDF writes d as an A4 PDF with the fonts embedded.
func PDF(w io.Writer, d Document) error {
	p, err := newPDFWriter()
	if err != nil {
		return err
	}
	if err := p.layout(d); err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	if err := p.draw(d); err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	if _, err := p.gp.WriteTo(w); err != nil {
		return fmt.Errorf("render pdf: write: %w", err)
	}
	return nil
}

type pdfWriter struct {
	gp    *gopdf.GoPdf
	pages [][]drawn
	y     float64 // top of the free space on the last page
}

func newPDFWriter() (*pdfWriter, error) {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	// A character the font lacks prints as "?" rather than gopdf's default blank; lines are
	// checked before (see lines), so this only guards what slips through.
	opt := gopdf.TtfOption{Style: gopdf.Regular, OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
	regular, err := fontRegular()
	if err != nil {
		return nil, fmt.Errorf("render pdf: prepare font: %w", err)
	}
	if err := gp.AddTTFFontDataWithOption(fontFamily, regular, opt); err != nil {
		return nil, fmt.Errorf("render pdf: load font: %w", err)
	}
	bold, err := fontBold()
	if err != nil {
		return nil, fmt.Errorf("render pdf: prepare font: %w", err)
	}
	opt.Style = gopdf.Bold
	if err := gp.AddTTFFontDataWithOption(fontFamily, bold, opt); err != nil {
		return nil, fmt.Errorf("render pdf: load bold font: %w", err)
	}
	return &pdfWriter{gp: gp}, nil
}

func (p *pdfWriter) setStyle(s style) error {
	fs := gopdf.Regular
	if s.bold {
		fs = gopdf.Bold
	}
	return p.gp.SetFontWithStyle(fontFamily, fs, s.size)
}

func (p *pdfWriter) width(s string, st style) (float64, error) {
	if err := p.setStyle(st); err != nil {
		return 0, err
	}
	return p.gp.MeasureTextWidth(s)
}

// line is one line of a paragraph, in visual order.
type line struct {
	text string
	w    float64
	rtl  bool
}

// lines breaks s into lines no wider than width: newlines break paragraphs, words wrap, a
// word wider than a line is cut. Arabic script is shaped and every line is in visual order.
// A paragraph with a character that the font cannot show becomes a notice saying so.
func (p *pdfWriter) lines(s string, st style, width float64) ([]line, error) {
	if err := p.setStyle(st); err != nil {
		return nil, err
	}
	space, err := p.gp.MeasureTextWidth(" ")
	if err != nil {
		return nil, err
	}
	var out []line
	for _, par := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		rs := []rune(strings.TrimSpace(par))
		rtl := baseRTL(rs)
		shaped := shapeArabic(rs)
		// Format characters (ZWNJ, directional marks) have done their work in shaping and in
		// the direction; they draw nothing.
		kept := shaped[:0:0]
		for _, r := range shaped {
			switch {
			case unicode.Is(unicode.Cf, r):
			case r == '\t' || unicode.IsSpace(r):
				kept = append(kept, ' ')
			default:
				kept = append(kept, r)
			}
		}
		ok, err := p.printable(kept)
		if err != nil {
			return nil, err
		}
		if !ok {
			kept, rtl = []rune(unprintableMsg), false
		}
		var cur []rune
		curW := 0.0
		flush := func() {
			if len(cur) > 0 {
				out = append(out, line{text: string(visualOrder(cur, rtl)), w: curW, rtl: rtl})
			}
			cur, curW = nil, 0
		}
		for _, word := range strings.Fields(string(kept)) {
			ww, err := p.gp.MeasureTextWidth(word)
			if err != nil {
				return nil, err
			}
			switch {
			case len(cur) > 0 && curW+space+ww <= width:
				cur = append(append(cur, ' '), []rune(word)...)
				curW += space + ww
				continue
			case len(cur) > 0:
				flush()
			}
			if ww <= width {
				cur, curW = []rune(word), ww
				continue
			}
			// Cut a word wider than the line, character by character.
			for _, r := range word {
				rw, err := p.gp.MeasureTextWidth(string(r))
				if err != nil {
					return nil, err
				}
				if len(cur) > 0 && curW+rw > width {
					flush()
				}
				cur = append(cur, r)
				curW += rw
			}
		}
		flush()
	}
	return out, nil
}

// printable reports whether the current font has a glyph for every character of rs.
func (p *pdfWriter) printable(rs []rune) (bool, error) {
	for _, r := range rs {
		if r == ' ' {
			continue
		}
		ok, err := p.gp.IsCurrFontContainGlyph(r)
		if err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// column lays text out as slots, one per line, in a column from x of the given width. Lines
// of a right-to-left paragraph of more than one line are aligned right; a single line starts
// at x, under the German text it belongs to.
func (p *pdfWriter) column(s string, st style, x, width float64) ([]slot, error) {
	ls, err := p.lines(s, st, width)
	if err != nil {
		return nil, err
	}
	out := make([]slot, len(ls))
	for i, l := range ls {
		lx := x
		if l.rtl && len(ls) > 1 {
			lx = x + width - l.w
		}
		out[i] = slot{h: st.lineHeight(), pieces: []piece{{x: lx, text: l.text, st: st}}}
	}
	return out, nil
}

// beside merges columns into one list of slots: slot i holds line i of every column.
func beside(cols ...[]slot) []slot {
	var out []slot
	for _, col := range cols {
		for i, s := range col {
			if i == len(out) {
				out = append(out, slot{})
			}
			out[i].h = max(out[i].h, s.h)
			out[i].pieces = append(out[i].pieces, s.pieces...)
		}
	}
	return out
}

// valueColumn lays out what a row says: its value, the original, the note.
func (p *pdfWriter) valueColumn(r Row, st style, x, width float64) ([]slot, error) {
	var out []slot
	for _, part := range []struct {
		text string
		st   style
	}{{r.Value, st}, {r.Original, st}, {r.Note, styleNote}} {
		if part.text == "" {
			continue
		}
		s, err := p.column(part.text, part.st, x, width)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	return out, nil
}

// row lays out a labelled row with the label column from x.
func (p *pdfWriter) row(r Row, x, lw, width float64, ls, vs style) ([]slot, error) {
	label, err := p.column(r.Label, ls, x, lw)
	if err != nil {
		return nil, err
	}
	value, err := p.valueColumn(r, vs, x+lw+columnGap, width-lw-columnGap)
	if err != nil {
		return nil, err
	}
	return beside(label, value), nil
}

func space(h float64) slot { return slot{h: h} }

func (p *pdfWriter) newPage() {
	p.pages = append(p.pages, nil)
	p.y = marginTop
	if len(p.pages) > 1 {
		p.y += 14 // room for the running header
	}
}

// place puts a block on the page, starting a new page first when the block does not fit but
// would fit on an empty page; a block taller than a page breaks between its slots. keep is
// extra height that must fit after the block (a heading keeps its first line).
func (p *pdfWriter) place(block []slot, keep float64) {
	total := keep
	for _, s := range block {
		total += s.h
	}
	if p.y+total > pageH-marginBottom && total <= pageH-marginBottom-marginTop-14 {
		p.newPage()
	}
	for _, s := range block {
		if p.y+s.h > pageH-marginBottom {
			p.newPage()
		}
		last := len(p.pages) - 1
		p.pages[last] = append(p.pages[last], drawn{y: p.y, s: s})
		p.y += s.h
	}
}

func (p *pdfWriter) layout(d Document) error {
	p.newPage()
	title, err := p.column(d.Title, styleTitle, marginX, contentW)
	if err != nil {
		return err
	}
	sub, err := p.column(d.Subtitle, styleSubtitle, marginX, contentW)
	if err != nil {
		return err
	}
	p.place(append(append(title, sub...), space(10)), 0)

	for _, sec := range d.Sections {
		heading, err := p.column(sec.Heading, styleHeading, marginX, contentW)
		if err != nil {
			return err
		}
		if len(heading) > 0 {
			heading[len(heading)-1].rule = true
		}
		p.place(append(append([]slot{space(8)}, heading...), space(6)), 3*styleValue.lineHeight())
		for _, par := range sec.Paragraphs {
			s, err := p.column(par, styleValue, marginX, contentW)
			if err != nil {
				return err
			}
			p.place(append(s, space(4)), 0)
		}
		for _, r := range sec.Rows {
			if r.empty() {
				continue
			}
			s, err := p.row(r, marginX, labelW, contentW, styleLabel, styleValue)
			if err != nil {
				return err
			}
			p.place(append(s, space(3)), 0)
		}
		for _, it := range sec.Items {
			s, err := p.item(it)
			if err != nil {
				return err
			}
			p.place(append(s, space(7)), 0)
		}
	}
	return nil
}

// item lays out a repeated entry: the time span on the left, the title and the rows right.
func (p *pdfWriter) item(it Item) ([]slot, error) {
	x := marginX + whenW + columnGap
	width := contentW - whenW - columnGap
	when, err := p.column(it.When, styleLabel, marginX, whenW)
	if err != nil {
		return nil, err
	}
	right, err := p.valueColumn(it.Title, styleItemTitle, x, width)
	if err != nil {
		return nil, err
	}
	for _, r := range it.Rows {
		if r.empty() {
			continue
		}
		s, err := p.row(r, x, itemLabelW, width, styleItemLabel, styleItemValue)
		if err != nil {
			return nil, err
		}
		right = append(right, s...)
	}
	return beside(when, right), nil
}

// draw writes the laid-out pages with gopdf, with a running header from page 2 and the
// footer and page numbers on every page.
func (p *pdfWriter) draw(d Document) error {
	p.gp.SetInfo(gopdf.PdfInfo{Title: d.Title + " – " + d.Subtitle, Subject: d.Title, Creator: "mobio"})
	header := strings.TrimSuffix(d.Title+" – "+d.Subtitle, " – ")
	for n, page := range p.pages {
		p.gp.AddPage()
		if n > 0 {
			if err := p.text(marginX, marginTop-10, header, styleFooter); err != nil {
				return err
			}
		}
		for _, dr := range page {
			for _, pc := range dr.s.pieces {
				if err := p.text(pc.x, dr.y+pc.st.baseline(), pc.text, pc.st); err != nil {
					return err
				}
			}
			if dr.s.rule {
				p.rule(dr.y + dr.s.h + 2)
			}
		}
		footY := pageH - marginBottom + 28
		p.rule(footY - 12)
		if d.Footer != "" {
			ls, err := p.lines(d.Footer, styleFooter, contentW-90)
			if err != nil {
				return err
			}
			for i, l := range ls {
				if err := p.text(marginX, footY+float64(i)*styleFooter.lineHeight(), l.text, styleFooter); err != nil {
					return err
				}
			}
		}
		num := "Seite " + strconv.Itoa(n+1) + " von " + strconv.Itoa(len(p.pages))
		w, err := p.width(num, styleFooter)
		if err != nil {
			return err
		}
		if err := p.text(pageW-marginX-w, footY, num, styleFooter); err != nil {
			return err
		}
	}
	return nil
}

func (p *pdfWriter) text(x, baseline float64, s string, st style) error {
	if s == "" {
		return nil
	}
	if err := p.setStyle(st); err != nil {
		return err
	}
	p.gp.SetTextColor(st.gray, st.gray, st.gray)
	p.gp.SetXY(x, baseline)
	return p.gp.Text(s)
}

func (p *pdfWriter) rule(y float64) {
	p.gp.SetLineWidth(0.5)
	p.gp.SetStrokeColor(150, 150, 150)
	p.gp.Line(marginX, y, pageW-marginX, y)
}
