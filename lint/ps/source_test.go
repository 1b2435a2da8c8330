package ps

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func utf32Bytes(s string, bigEndian bool) []byte {
	var out []byte
	for _, r := range append([]rune{0xFEFF}, []rune(s)...) {
		if bigEndian {
			out = append(out, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
		} else {
			out = append(out, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
		}
	}
	return out
}

// TestGuessedUTF16: a UTF-16 file without a BOM is read as UTF-16 (no
// bogus parse errors) and reported once, as PX009 at the top.
func TestGuessedUTF16(t *testing.T) {
	src, f := ParseBytes(utf16Bytes("$PxBaseConnName = \"teams\"\r\n$PxVmssRegion = \"weu\"\r\n", false, false), DefaultLimits())
	if !src.Guessed || src.BOM {
		t.Fatalf("guessed=%v bom=%v", src.Guessed, src.BOM)
	}
	if len(f.Statements) != 2 {
		t.Errorf("%d statements", len(f.Statements))
	}
	if len(f.Diagnostics) != 1 || f.Diagnostics[0].Rule != RuleEncodingRisk || f.Diagnostics[0].Span.Start.Line != 1 ||
		!strings.Contains(f.Diagnostics[0].Message, "UTF-16 (little-endian) without a byte-order mark") || f.Diagnostics[0].Fix == "" {
		t.Errorf("diagnostics %+v", f.Diagnostics)
	}
}

// TestEditorLineBreaks: NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are
// white space to PowerShell. What an editor shows as the next line is
// reported where it changes the meaning: a comment that swallows it, or
// a statement that runs on into it.
func TestEditorLineBreaks(t *testing.T) {
	tests := []struct{ name, in, diags, msg string }{
		{"separator as white space", "$a =\u2028 1\n$b =\u0085 2", "", ""},
		{"assignment behind a paragraph separator", "$a = 1\u2029$PxWinAdminPassword = 'x'\n$b = 2", "PX001@1:8", "U+2029 PARAGRAPH SEPARATOR before it is a space to PowerShell"},
		{"assignment swallowed by a comment", "# note\u2028$PxVmssRegion = 'weu'\n$b = 2", "PX001@1:7", "this comment runs on past a U+2028 LINE SEPARATOR"},
		{"trailing separator in a comment", "# note\u2029\n$b = 2", "", ""},
		{"separator inside a string", "$a = 'x\u2029y'", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := parseText(t, tc.in)
			if got := diagSummary(f); got != tc.diags {
				t.Fatalf("diagnostics %q, want %q (%+v)", got, tc.diags, f.Diagnostics)
			}
			if tc.msg != "" && !strings.Contains(f.Diagnostics[0].Message, tc.msg) {
				t.Errorf("message %q lacks %q", f.Diagnostics[0].Message, tc.msg)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	const text = "$PxA = “é”\r\n"
	tests := []struct {
		name     string
		in       []byte
		text     string
		encoding string
		bom      bool
	}{
		{"utf-8 without BOM", []byte(text), text, EncodingUTF8, false},
		{"utf-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, text...), text, EncodingUTF8, true},
		{"utf-16le BOM", utf16Bytes(text, false, true), text, EncodingUTF16LE, true},
		{"utf-16be BOM", utf16Bytes(text, true, true), text, EncodingUTF16BE, true},
		{"windows-1252 curly quotes", []byte("$a = \x93x\x94 \x96 \x80"), "$a = “x” – €", EncodingWindows1252, false},
		{"windows-1252 latin-1", []byte("caf\xe9"), "café", EncodingWindows1252, false},
		{"windows-1252 undefined bytes", []byte{'a', 0x81, 0x9D, 0xFF}, "a\u0081\u009dÿ", EncodingWindows1252, false},
		{"empty", nil, "", EncodingUTF8, false},
		{"BOM only", []byte{0xEF, 0xBB, 0xBF}, "", EncodingUTF8, true},
		{"utf-8 BOM with invalid bytes", []byte{0xEF, 0xBB, 0xBF, 'a', 0xFF}, "a\uFFFD", EncodingUTF8, true},
		{"utf-16le odd length", []byte{0xFF, 0xFE, 'a', 0, 'b'}, "a\uFFFD", EncodingUTF16LE, true},
		{"utf-16le lone surrogate", []byte{0xFF, 0xFE, 0x00, 0xD8}, "\uFFFD", EncodingUTF16LE, true},
		{"utf-16le without BOM", utf16Bytes(text, false, false), text, EncodingUTF16LE, false},
		{"utf-16be without BOM", utf16Bytes(text, true, false), text, EncodingUTF16BE, false},
		{"utf-32le BOM", utf32Bytes(text, false), text, EncodingUTF32LE, true},
		{"utf-32be BOM", utf32Bytes(text, true), text, EncodingUTF32BE, true},
		{"utf-32le truncated unit", []byte{0xFF, 0xFE, 0, 0, 'a', 0, 0, 0, 'b', 0}, "a\uFFFD", EncodingUTF32LE, true},
		{"utf-32le beyond unicode", []byte{0xFF, 0xFE, 0, 0, 0, 0, 0x11, 0}, "\uFFFD", EncodingUTF32LE, true},
		{"a few NULs are not UTF-16", []byte("$a = 1\x00\n$b = 2\n"), "$a = 1\x00\n$b = 2\n", EncodingUTF8, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Decode(tc.in)
			if s.Text != tc.text || s.Encoding != tc.encoding || s.BOM != tc.bom {
				t.Errorf("Decode = %q %s bom=%v, want %q %s bom=%v", s.Text, s.Encoding, s.BOM, tc.text, tc.encoding, tc.bom)
			}
		})
	}
}

func TestNewlinesAndPositions(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		newline string
		lines   int
	}{
		{"lf", "a\nb\n", NewlineLF, 2},
		{"crlf", "a\r\nb\r\nc", NewlineCRLF, 3},
		{"cr", "a\rb\r", NewlineCR, 2},
		{"mixed", "a\r\nb\nc", NewlineMixed, 3},
		{"none", "abc", NewlineNone, 1},
		{"empty", "", NewlineNone, 0},
		{"blank lines", "\n\n\n", NewlineLF, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSource(tc.text)
			if s.Newline != tc.newline || s.LineCount() != tc.lines {
				t.Errorf("newline %s lines %d, want %s %d", s.Newline, s.LineCount(), tc.newline, tc.lines)
			}
		})
	}

	s := NewSource("ab\r\n“é”x\rz\n")
	cases := []struct {
		offset, line, col int
	}{
		{0, 1, 1}, {2, 1, 3}, {3, 1, 4}, {4, 2, 1}, {5, 2, 2}, {7, 2, 4}, {8, 2, 5}, {9, 3, 1}, {10, 3, 2}, {11, 4, 1},
		{-5, 1, 1}, {99, 4, 1},
	}
	for _, c := range cases {
		p := s.Pos(c.offset)
		if p.Line != c.line || p.Col != c.col {
			t.Errorf("Pos(%d) = %d:%d, want %d:%d", c.offset, p.Line, p.Col, c.line, c.col)
		}
	}
	if got := s.Line(2); got != "“é”x" {
		t.Errorf("Line(2) = %q", got)
	}
	if got := s.Line(9); got != "" {
		t.Errorf("Line(9) = %q", got)
	}
	if got := s.Slice(Span{s.Pos(4), s.Pos(7)}); got != "“é”" {
		t.Errorf("Slice = %q", got)
	}
}

func TestColumnsCountCodePoints(t *testing.T) {
	// The BOM is not a character; “ counts as one column.
	b := append([]byte{0xEF, 0xBB, 0xBF}, "$a = “x”; $b = 1"...)
	src, f := ParseBytes(b, DefaultLimits())
	if len(f.Statements) != 2 {
		t.Fatalf("statements: %d", len(f.Statements))
	}
	sp := f.Statements[1].NodeSpan()
	if sp.Start.Line != 1 || sp.Start.Col != 11 || sp.End.Col != 17 {
		t.Errorf("second statement span %v, want 1:11-1:17", sp)
	}
	if got := src.Slice(sp); got != "$b = 1" {
		t.Errorf("slice %q", got)
	}
	// UTF-16 LE with CRLF: lines and columns as in the decoded text.
	src, f = ParseBytes(utf16Bytes("# c\r\n$PxA = 'ä'\r\n$PxB = 2\r\n", false, true), DefaultLimits())
	if src.Encoding != EncodingUTF16LE || src.Newline != NewlineCRLF || src.LineCount() != 3 {
		t.Fatalf("decoded %s %s %d lines", src.Encoding, src.Newline, src.LineCount())
	}
	if sp := f.Statements[1].NodeSpan(); sp.Start.Line != 3 || sp.Start.Col != 1 || sp.End.Col != 9 {
		t.Errorf("span %v, want 3:1-3:9", sp)
	}
}
