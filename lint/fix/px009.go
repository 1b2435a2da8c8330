package fix

import (
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/ps"
)

// PX009 encoding-risk: the file is saved as UTF-8 with a BOM, which
// Windows PowerShell 5.1 and PowerShell 7 both read as the text pxlint
// read. The only fix that rewrites the whole file, and it re-encodes only:
// the text stays the same, so it is safe.
func init() {
	register(Fixer{Rule: "PX009", Safety: finding.SafetySafe,
		Summary: "saves the file as UTF-8 with a byte-order mark (re-encoding only: the text is unchanged)",
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			switch {
			case c.Src.Encoding == ps.EncodingUTF8 && !c.Src.BOM,
				c.Src.Encoding == ps.EncodingWindows1252,
				c.Src.Guessed && (c.Src.Encoding == ps.EncodingUTF16LE || c.Src.Encoding == ps.EncodingUTF16BE):
				return []finding.Fix{{Message: "save as UTF-8 with BOM", Safety: finding.SafetySafe, Encoding: finding.EncodingUTF8BOM}}
			}
			return nil
		}})
}
