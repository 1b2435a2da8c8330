package fix

import (
	"strings"
	"unicode/utf8"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX009 encoding-risk: the file is saved as UTF-8 with a BOM, which
// Windows PowerShell 5.1 and PowerShell 7 both read as the text pxlint
// read. The only fix that rewrites the whole file, and it re-encodes only:
// the text stays the same, so it is safe. The second alternative writes
// straight quotes and dashes where PowerShell reads typographic ones as
// such (“x” → "x", –eq → -eq): the same script to PowerShell, also safe.
func init() {
	register(Fixer{Rule: rules.PX009, Safety: finding.SafetySafe,
		Summary: `saves the file as UTF-8 with a byte-order mark (re-encoding only: the text is unchanged); alternative: straight quotes and dashes for the typographic ones PowerShell reads as such (“x” → "x")`,
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			switch {
			case c.Src.Encoding == ps.EncodingUTF8 && !c.Src.BOM,
				c.Src.Encoding == ps.EncodingWindows1252,
				c.Src.Guessed && (c.Src.Encoding == ps.EncodingUTF16LE || c.Src.Encoding == ps.EncodingUTF16BE):
			default:
				return nil
			}
			out := []finding.Fix{{Message: "save as UTF-8 with BOM", Safety: finding.SafetySafe, Encoding: finding.EncodingUTF8BOM}}
			if edits := c.straightQuotes(); len(edits) > 0 {
				out = append(out, finding.Fix{Message: "write straight quotes and dashes", Safety: finding.SafetySafe, Edits: edits})
			}
			return out
		}})
}

// straightQuotes replaces the typographic delimiters of one-line strings
// (whose text holds no other quote) and the typographic dash starting a
// parameter or operator with their ASCII twins.
func (c *Context) straightQuotes() []finding.Edit {
	var edits []finding.Edit
	for _, t := range c.Tokens {
		if !t.Typographic() {
			continue
		}
		first, fw := utf8.DecodeRuneInString(t.Text)
		last, lw := utf8.DecodeLastRuneInString(t.Text)
		switch t.Kind {
		case ps.TokString, ps.TokExpandableString:
			straight, ok := asciiQuote(first)
			if closing, ok2 := asciiQuote(last); !ok || !ok2 || closing != straight || len(t.Text) < fw+lw ||
				strings.ContainsAny(t.Text[fw:len(t.Text)-lw], "\"'‘’‚‛“”„\r\n") {
				continue
			}
			start, end := t.Span.Start.Offset, t.Span.End.Offset
			edits = append(edits,
				finding.Edit{Region: c.region(start, start+1), NewText: straight},
				finding.Edit{Region: c.region(end-1, end), NewText: straight})
		case ps.TokParameter, ps.TokOperator:
			if first == '–' || first == '—' || first == '―' {
				start := t.Span.Start.Offset
				edits = append(edits, finding.Edit{Region: c.region(start, start+1), NewText: "-"})
			}
		}
	}
	return edits
}

// asciiQuote is the straight quote a typographic one stands for.
func asciiQuote(r rune) (string, bool) {
	switch r {
	case '“', '”', '„':
		return `"`, true
	case '‘', '’', '‚', '‛':
		return "'", true
	}
	return "", false
}
