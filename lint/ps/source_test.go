package ps

import (
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
