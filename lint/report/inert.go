package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/pxlint/pxlint/lint/escape"
)

// The structured formats (JSON, SARIF, JUnit, Checkstyle) carry input text
// exactly, so machines read the real value: they do not go through
// escape.Text, which is lossy. They are still printed to CI logs (a
// `--format json` on standard output), where Azure DevOps acts on "##vso["
// anywhere in a line and GitHub Actions on "::" at a line start. inert
// rewrites an encoded document so that neither can appear and no control
// rune (escape.IsControl) is written raw, using the format's own character
// escapes: the document decodes to exactly the same values.
//
// This is safe on whole documents because those sequences can only occur
// inside JSON strings and XML text or attribute values, where a character
// escape means the character itself ('#' and ':' are never JSON or XML
// syntax, and pxlint writes no XML comments, CDATA or processing
// instructions).
func inert(b []byte, charRef func(r rune) string) []byte {
	if isInertASCII(b) {
		return b
	}
	var out bytes.Buffer
	out.Grow(len(b) + 16)
	lineStart := true
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == '\n':
			out.WriteByte('\n')
			lineStart = true
			i++
			continue
		case lineStart && (r == ' ' || r == '\t'):
			out.WriteByte(b[i])
			i++
			continue
		case lineStart && r == ':' && bytes.HasPrefix(b[i:], []byte("::")):
			out.WriteString(charRef(':'))
		case r == '#' && hasPrefixFold(b[i:], "##vso["):
			out.WriteString("#" + charRef('#'))
			size = 2
		case r == '#' && lineStart && bytes.HasPrefix(b[i:], []byte("##[")):
			out.WriteString("#" + charRef('#'))
			size = 2
		case r == utf8.RuneError && size == 1:
			out.WriteByte(b[i]) // encoders never write invalid UTF-8; keep what came
		case escape.IsControl(r):
			out.WriteString(charRef(r))
		default:
			out.Write(b[i : i+size])
		}
		lineStart = false
		i += size
	}
	return out.Bytes()
}

// isInertASCII is the common case: printable ASCII lines, no '#' pair, no
// line starting with "::" (after blanks).
func isInertASCII(b []byte) bool {
	lineStart := true
	for i, c := range b {
		switch {
		case c == '\n':
			lineStart = true
			continue
		case c >= 0x80 || (c < 0x20 && c != '\t') || c == 0x7f:
			return false
		case c == '#' && i+1 < len(b) && b[i+1] == '#':
			return false
		case lineStart && (c == ' ' || c == '\t'):
			continue
		case lineStart && c == ':' && i+1 < len(b) && b[i+1] == ':':
			return false
		}
		lineStart = false
	}
	return true
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}

// jsonCharRef is a JSON string escape: \u0023.
func jsonCharRef(r rune) string {
	if r > 0xffff {
		// Not reached: IsControl and the markers are all in the BMP.
		return string(r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// xmlCharRef is an XML character reference: &#x23;.
func xmlCharRef(r rune) string { return fmt.Sprintf("&#x%X;", r) }

// encodeJSON writes v as indented JSON (no HTML escaping, ending in a
// newline), made inert for CI logs. The json format, SARIF and `pxlint
// inspect` share it.
func encodeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(inert(buf.Bytes(), jsonCharRef))
	return err
}

// EncodeJSON is encodeJSON for other packages' JSON output (pxlint inspect),
// so every JSON pxlint prints is inert the same way.
func EncodeJSON(w io.Writer, v any) error { return encodeJSON(w, v) }
