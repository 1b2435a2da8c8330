package model

import (
	"sort"
	"unicode/utf8"

	"github.com/pxlint/pxlint/lint/ps"
)

// maxNonASCII caps Source.NonASCII (the contract promises at most 100).
const maxNonASCII = 100

// lookalikes maps the typographic quotes and dashes PowerShell's tokenizer
// treats as their ASCII counterparts to those counterparts. A file without a
// BOM that holds them reads differently in Windows PowerShell 5.1 (PX009).
var lookalikes = map[rune]string{
	'\u2018': "'", // ‘ left single quotation mark
	'\u2019': "'", // ’ right single quotation mark
	'\u201A': "'", // ‚ single low-9 quotation mark
	'\u201B': "'", // ‛ single high-reversed-9 quotation mark
	'\u201C': `"`, // “ left double quotation mark
	'\u201D': `"`, // ” right double quotation mark
	'\u201E': `"`, // „ double low-9 quotation mark
	'\u2013': "-", // – en dash
	'\u2014': "-", // — em dash
	'\u2015': "-", // ― horizontal bar
}

// describeText reports the newline style ("crlf", "lf", "cr", "mixed" or
// "none"), the number of lines and the first non-ASCII characters of decoded
// text, with 1-based code-point columns.
func describeText(text string) (newline string, lines int, nonASCII []NonASCII) {
	var crlf, lf, cr int
	line, col := 1, 1
	prevCR := false
	lastWasBreak := false
	for _, r := range text {
		switch r {
		case '\n':
			if prevCR {
				crlf++
				cr--
				prevCR = false
				lastWasBreak = true
				continue // the line already advanced at '\r'
			}
			lf++
			line++
			col = 1
			lastWasBreak = true
			continue
		case '\r':
			cr++
			line++
			col = 1
			prevCR = true
			lastWasBreak = true
			continue
		}
		prevCR = false
		lastWasBreak = false
		if r >= 0x80 && len(nonASCII) < maxNonASCII {
			nonASCII = append(nonASCII, NonASCII{Line: line, Column: col, Char: string(r), Lookalike: lookalikes[r]})
		}
		col++
	}
	switch kinds := btoi(crlf > 0) + btoi(lf > 0) + btoi(cr > 0); {
	case kinds == 0:
		newline = "none"
	case kinds > 1:
		newline = "mixed"
	case crlf > 0:
		newline = "crlf"
	case lf > 0:
		newline = "lf"
	default:
		newline = "cr"
	}
	lines = line
	if text == "" || lastWasBreak {
		lines-- // a final line terminator does not start a line
	}
	return newline, lines, nonASCII
}

// cp1252Quotes are the Windows-1252 bytes that decode to characters
// PowerShell's tokenizer treats as quotes (‚ „ ‘ ’ “ ”).
var cp1252Quotes = map[byte]string{0x82: "‚", 0x84: "„", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”"}

// misreadQuote returns the quote Windows PowerShell 5.1 sees among the UTF-8
// bytes of r when it reads them as Windows-1252, or "".
func misreadQuote(r rune) string {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, b := range buf[:n] {
		if q, ok := cp1252Quotes[b]; ok {
			return q
		}
	}
	return ""
}

// nonASCIIInTokens lists the non-ASCII characters of the tokens in source
// order with where they stand (PX009 judges only those outside comments).
// Characters outside comments are kept first when the cap bites, so a dash
// in a string below a hundred commented ones is still seen. utf8NoBOM says
// whether the file is UTF-8 without a BOM (the case Windows PowerShell 5.1
// misreads as Windows-1252). It returns nil when there are no tokens.
func nonASCIIInTokens(tokens []ps.Token, utf8NoBOM bool) []NonASCII {
	if len(tokens) == 0 {
		return nil
	}
	var code, comments []NonASCII
	for _, t := range tokens {
		if !hasNonASCII(t.Text) {
			continue
		}
		ctx := "code"
		switch {
		case t.Kind.IsComment():
			ctx = "comment"
			if len(comments)+len(code) >= maxNonASCII {
				continue
			}
		case t.Kind == ps.TokString || t.Kind == ps.TokExpandableString || t.Kind == ps.TokHereString || t.Kind == ps.TokExpandableHereString:
			ctx = "string"
		}
		line, col := t.Span.Start.Line, t.Span.Start.Col
		prevCR := false
		for _, r := range t.Text {
			switch {
			case r == '\n' && prevCR:
				prevCR = false
				continue
			case r == '\n' || r == '\r':
				line, col, prevCR = line+1, 1, r == '\r'
				continue
			}
			prevCR = false
			if r >= 0x80 {
				c := NonASCII{Line: line, Column: col, Char: string(r), Lookalike: lookalikes[r], Context: ctx}
				if utf8NoBOM {
					c.MisreadQuote = misreadQuote(r)
				}
				if ctx == "comment" {
					comments = append(comments, c)
				} else if len(code) < maxNonASCII {
					code = append(code, c)
				}
			}
			col++
		}
	}
	out := make([]NonASCII, 0, len(code)+len(comments))
	out = append(append(out, code...), comments...)
	if len(out) > maxNonASCII {
		out = out[:maxNonASCII]
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Column < out[j].Column
	})
	return out
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
