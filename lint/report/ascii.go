package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ASCII output (--ascii) exists for Windows PowerShell 5.1: it decodes a
// native program's output with [Console]::OutputEncoding, the OEM code page
// by default, so UTF-8 from pxlint ("3–14 characters", "Zürich") turns into
// mojibake once piped into Out-File or a variable. Output made of ASCII bytes
// reads the same in every code page.
//
// Machine formats stay lossless: JSON and SARIF write other characters as
// \uXXXX escapes, XML formats as character references (&#xE9;), which their
// parsers turn back into the same text. Text formats (pretty, compact,
// github, azure) transliterate: typographic punctuation to its ASCII
// spelling, accented letters to their base letter, anything else to '?'.

// asciiStyle says how a format spells a character outside ASCII.
type asciiStyle int

const (
	asciiText asciiStyle = iota // transliterate (lossy, readable)
	asciiJSON                   // \uXXXX, surrogate pairs above U+FFFF
	asciiXML                    // &#xXXXX;
)

// asciiStyles are the formats whose syntax can carry any character in ASCII;
// every other format is text.
var asciiStyles = map[string]asciiStyle{
	"json":       asciiJSON,
	"sarif":      asciiJSON,
	"junit":      asciiXML,
	"checkstyle": asciiXML,
}

// asciiPunctuation spells typographic characters that pxlint's own texts and
// typical scripts use.
var asciiPunctuation = map[rune]string{
	'\u00a0': " ", '\u2002': " ", '\u2003': " ", '\u2009': " ", '\u202f': " ",
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "--", '\u2015': "--", '\u2212': "-",
	'\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
	'\u201c': `"`, '\u201d': `"`, '\u201e': `"`, '\u201f': `"`, '\u00ab': `"`, '\u00bb': `"`,
	'\u2026': "...", '\u2022': "*", '\u00b7': ".",
	'\u2190': "<-", '\u2192': "->", '\u21d2': "=>", '\u2194': "<->",
	'\u2264': "<=", '\u2265': ">=", '\u2260': "!=", '\u00d7': "x", '\u00b1': "+/-",
	'\u2713': "v", '\u2714': "v", '\u2717': "x", '\u2718': "x",
	'\u00df': "ss", '\u00e6': "ae", '\u00c6': "AE", '\u0153': "oe", '\u0152': "OE",
	'\u00f8': "o", '\u00d8': "O", '\u0142': "l", '\u0141': "L", '\u0111': "d", '\u0110': "D",
	'\ufeff': "",
}

// Transliterate returns s in ASCII for text output: see asciiPunctuation,
// then letters with diacritics lose them (é → e), and any other character
// becomes '?'.
func Transliterate(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			var b strings.Builder
			b.Grow(len(s))
			for _, r := range s {
				appendText(&b, r)
			}
			return b.String()
		}
	}
	return s
}

func appendText(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf {
		b.WriteRune(r)
		return
	}
	if s, ok := asciiPunctuation[r]; ok {
		b.WriteString(s)
		return
	}
	// Canonical decomposition splits é into e and a combining accent.
	base := ""
	for _, d := range norm.NFD.String(string(r)) {
		switch {
		case d < utf8.RuneSelf:
			base += string(d)
		case unicode.Is(unicode.Mn, d):
			// a combining mark: dropped
		default:
			base = ""
		}
	}
	if base == "" {
		base = "?"
	}
	b.WriteString(base)
}

// asciiWriter rewrites the non-ASCII characters written through it in one
// style. A character split across two Write calls is held back until it is
// complete; Flush writes what is left of an incomplete one.
type asciiWriter struct {
	w     io.Writer
	style asciiStyle
	carry []byte
}

func newASCIIWriter(w io.Writer, format string) *asciiWriter {
	return &asciiWriter{w: w, style: asciiStyles[format]}
}

func (a *asciiWriter) Write(p []byte) (int, error) {
	n := len(p)
	if len(a.carry) > 0 {
		p = append(a.carry, p...)
		a.carry = nil
	}
	var out strings.Builder
	out.Grow(len(p) + len(p)/8)
	for i := 0; i < len(p); {
		// Copy the run of ASCII bytes up to the next other one in one go.
		j := i
		for j < len(p) && p[j] < utf8.RuneSelf {
			j++
		}
		out.Write(p[i:j])
		if i = j; i == len(p) {
			break
		}
		if !utf8.FullRune(p[i:]) {
			a.carry = append([]byte(nil), p[i:]...)
			break
		}
		r, size := utf8.DecodeRune(p[i:])
		a.appendRune(&out, r)
		i += size
	}
	if _, err := io.WriteString(a.w, out.String()); err != nil {
		return 0, err
	}
	return n, nil
}

// Flush writes a trailing incomplete character as U+FFFD.
func (a *asciiWriter) Flush() error {
	if len(a.carry) == 0 {
		return nil
	}
	a.carry = nil
	var out strings.Builder
	a.appendRune(&out, utf8.RuneError)
	_, err := io.WriteString(a.w, out.String())
	return err
}

func (a *asciiWriter) appendRune(b *strings.Builder, r rune) {
	switch a.style {
	case asciiJSON:
		if r > 0xffff {
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(b, `\u%04x\u%04x`, r1, r2)
			return
		}
		fmt.Fprintf(b, `\u%04x`, r)
	case asciiXML:
		fmt.Fprintf(b, "&#x%X;", r)
	default:
		appendText(b, r)
	}
}
