package model

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

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
