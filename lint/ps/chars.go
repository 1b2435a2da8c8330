package ps

import (
	"unicode"
	"unicode/utf8"
)

// Characters PowerShell's tokenizer treats alike (CharTraits in
// System.Management.Automation.Language).
const (
	enDash         = '\u2013'
	emDash         = '\u2014'
	horizontalBar  = '\u2015'
	leftSingle     = '\u2018'
	rightSingle    = '\u2019'
	singleLow9     = '\u201A'
	singleHighRev9 = '\u201B'
	leftDouble     = '\u201C'
	rightDouble    = '\u201D'
	doubleLow9     = '\u201E'
)

func isDash(r rune) bool {
	return r == '-' || r == enDash || r == emDash || r == horizontalBar
}

func isSingleQuote(r rune) bool {
	return r == '\'' || r == leftSingle || r == rightSingle || r == singleLow9 || r == singleHighRev9
}

func isDoubleQuote(r rune) bool {
	return r == '"' || r == leftDouble || r == rightDouble || r == doubleLow9
}

func isQuote(r rune) bool { return isSingleQuote(r) || isDoubleQuote(r) }

// isSpace is white space as PowerShell's tokenizer defines it
// (CharTraits.IsWhitespace): space, tab, form feed, vertical tab, NBSP,
// NEL (U+0085) and every Unicode separator (char.IsSeparator: Zs, and
// also U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, which editors
// draw as a line break but PowerShell reads as a space). Only CR and LF
// end a line.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\f', '\v', 0xA0, 0x85:
		return true
	}
	return r > 0xFF && unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp)
}

// isEditorBreak reports the characters PowerShell reads as white space
// that editors may draw as a line break (NEL, LS, PS).
func isEditorBreak(r rune) bool { return r == 0x85 || r == 0x2028 || r == 0x2029 }

func isNewlineByte(c byte) bool { return c == '\n' || c == '\r' }

// isNameChar: characters of a variable or member name.
func isNameChar(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// isGenericEnd: characters that end a command-mode bare word.
func isGenericEnd(r rune) bool {
	switch r {
	case ' ', '\t', '\f', '\v', '\n', '\r', ';', ',', '|', '&', '(', ')', '{', '}', '<', '>':
		return true
	}
	return r > 0x7F && isSpace(r)
}

// runeAt decodes the rune at byte offset i (utf8.RuneError, 0 at the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}
