// Package escape is the one function through which every text that came from
// pxlint's input (script values and snippets, file names, .pxlint.hcl values,
// user-policy messages, certificate names, export fields) reaches a terminal,
// a report or a CI log. Such text is untrusted: a pull request controls it.
//
// Text makes it inert in two ways:
//   - no control character reaches the output raw: newlines, ESC, BEL, DEL,
//     C1 controls, Unicode line and paragraph separators and bidirectional
//     overrides are shown as escapes (\n, \x1b, \u2028), and invalid UTF-8 as
//     \xNN, so a value cannot start a new output line or drive a terminal;
//   - nothing in it can be taken for a CI workflow command: Azure DevOps acts
//     on "##vso[" anywhere in a line and on "##[" at its start, GitHub Actions
//     on "::" at the start of a line. Since the text can no longer contain a
//     line break, only its own start can be a line start; a leading ':' (so
//     that a ':' pxlint writes after the text cannot make "::") or "##[" and
//     every "##vso[" are broken with a backslash.
//
// Tabs are kept (source snippets align with them); a backslash is kept as is,
// so Windows paths read naturally.
//
// IsControl is the one definition of the characters Text escapes; the
// structured report formats, which must keep values exact, use it to encode
// the same characters with their own escapes (lint/report).
package escape

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text returns s with control characters escaped and CI workflow commands
// neutralised (see the package comment). It is idempotent on its own output
// only in the sense that the result is always safe; escaping twice escapes
// the backslashes it added.
func Text(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteByte('\t')
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case IsControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		case r == '#' && hasPrefixFold(s[i:], "##vso["):
			b.WriteString(`#\#vso[`)
			size = len("##vso[")
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return neutraliseStart(b.String())
}

// Lines escapes each line of a multi-line text and keeps the line breaks:
// for messages pxlint itself lays out over several lines whose content is
// untrusted. Each resulting line is safe on its own.
func Lines(s string) string {
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		parts[i] = Text(strings.TrimSuffix(p, "\r"))
	}
	return strings.Join(parts, "\n")
}

// neutraliseStart breaks a workflow command at the start of the text, after
// optional blanks: "::" (GitHub Actions) and "##[" (Azure DevOps). A single
// leading ':' is broken too: pxlint often writes ':' right after a text (a
// file named ":" then "file: error ..."), which would make "::".
func neutraliseStart(s string) string {
	trimmed := strings.TrimLeft(s, " \t")
	lead := s[:len(s)-len(trimmed)]
	switch {
	case strings.HasPrefix(trimmed, ":"):
		return lead + `\` + trimmed
	case strings.HasPrefix(trimmed, "##["):
		return lead + `#\` + trimmed[1:]
	}
	return s
}

// isPlain reports whether s needs no escaping: printable ASCII (and tabs),
// no workflow command anywhere. Most texts are plain; this keeps them free.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c < 0x20 && c != '\t') || c == 0x7f {
			return false
		}
	}
	if strings.Contains(s, "##") {
		return false
	}
	t := strings.TrimLeft(s, " \t")
	return !strings.HasPrefix(t, ":")
}

// IsControl reports the runes Text never writes raw: ASCII controls but the
// tab, DEL, and the non-ASCII runes that move the cursor, break lines in some
// viewers or reorder text (C1 controls, NEL, line and paragraph separators,
// bidi embeddings, overrides and isolates, the BOM). Structured formats
// (JSON, XML), which must keep values exact, encode these same runes with
// their own escapes instead of calling Text.
func IsControl(r rune) bool {
	switch {
	case r < 0x20 && r != '\t', r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x2028 || r == 0x2029:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0xfeff:
		return true
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
