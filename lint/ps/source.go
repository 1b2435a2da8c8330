package ps

import (
	"sort"
	"strings"

	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Encodings reported in Source.Encoding.
const (
	EncodingUTF8        = "utf-8"
	EncodingUTF16LE     = "utf-16le"
	EncodingUTF16BE     = "utf-16be"
	EncodingWindows1252 = "windows-1252"
	EncodingUTF32LE     = "utf-32le"
	EncodingUTF32BE     = "utf-32be"
)

// Newline styles reported in Source.Newline.
const (
	NewlineCRLF  = "crlf"
	NewlineLF    = "lf"
	NewlineCR    = "cr"
	NewlineMixed = "mixed"
	NewlineNone  = "none"
)

// Source is a decoded script. Positions count code points of Text.
type Source struct {
	// Text is the decoded text without the BOM.
	Text     string
	Encoding string
	BOM      bool
	Newline  string
	// Guessed is set when the encoding was inferred without a BOM from
	// the bytes' shape (UTF-16 without a BOM: a NUL in every other
	// byte). PowerShell does not guess: it reads such a file as single
	// bytes and cannot run it, so this is reported (PX009).
	Guessed bool

	// lineRune[i] and lineByte[i] are the code-point and byte offsets of
	// the start of line i+1.
	lineRune []int
	lineByte []int
	// nonASCIILine[i] is true when line i+1 has a non-ASCII character
	// (there byte and code-point offsets differ).
	nonASCIILine []bool
	runes        int
}

// Decode reads bytes as Windows PowerShell 5.1 does: a BOM selects UTF-8 or
// UTF-16 LE/BE; without one, valid UTF-8 is UTF-8 and anything else is
// Windows-1252. Decoding never fails: invalid UTF-16 becomes U+FFFD.
func Decode(b []byte) *Source {
	s := &Source{}
	switch {
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		s.Encoding, s.BOM = EncodingUTF8, true
		s.Text = toValidUTF8(b[3:])
	case len(b) >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0:
		// checked before UTF-16 LE, whose BOM it starts with
		s.Encoding, s.BOM = EncodingUTF32LE, true
		s.Text = decodeUTF32(b[4:], false)
	case len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF:
		s.Encoding, s.BOM = EncodingUTF32BE, true
		s.Text = decodeUTF32(b[4:], true)
	case len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
		s.Encoding, s.BOM = EncodingUTF16LE, true
		s.Text = decodeUTF16(b[2:], false)
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		s.Encoding, s.BOM = EncodingUTF16BE, true
		s.Text = decodeUTF16(b[2:], true)
	case utf16Shape(b) != "":
		s.Encoding, s.Guessed = utf16Shape(b), true
		s.Text = decodeUTF16(b, s.Encoding == EncodingUTF16BE)
	case utf8.Valid(b):
		s.Encoding = EncodingUTF8
		s.Text = string(b)
	default:
		s.Encoding = EncodingWindows1252
		s.Text = decodeWindows1252(b)
	}
	s.index()
	return s
}

// NewSource wraps text that is already decoded (tests, editors).
func NewSource(text string) *Source {
	s := &Source{Text: toValidUTF8([]byte(text)), Encoding: EncodingUTF8}
	s.index()
	return s
}

// toValidUTF8 replaces invalid sequences so that code-point offsets are
// well defined (a UTF-8 BOM file with bad bytes still decodes).
func toValidUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]rune, 0, len(b))
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		out = append(out, r)
		b = b[n:]
	}
	return string(out)
}

// decodeWindows1252 maps each byte as .NET's code page 1252 does: the five
// bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
// become the C1 control with the same value, not U+FFFD.
func decodeWindows1252(b []byte) string {
	out := make([]rune, len(b))
	for i, c := range b {
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			r = rune(c)
		}
		out[i] = r
	}
	return string(out)
}

// decodeUTF16 decodes UTF-16 without its BOM with golang.org/x/text, which
// turns unpaired surrogates and a dangling odd byte into U+FFFD.
func decodeUTF16(b []byte, bigEndian bool) string {
	order := unicode.LittleEndian
	if bigEndian {
		order = unicode.BigEndian
	}
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil { // not reached: the decoder replaces what it cannot read
		return string(utf8.RuneError)
	}
	return string(out)
}

// utf16Shape recognises UTF-16 text without a BOM: mostly ASCII code
// units, so a NUL in most odd bytes (LE) or even bytes (BE) and almost
// none in the other half (text in any 8-bit encoding has no NULs). It returns the encoding, or "".
func utf16Shape(b []byte) string {
	n := min(len(b), 4096) &^ 1
	if n < 4 {
		return ""
	}
	var evenNUL, oddNUL int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			evenNUL++
		}
		if b[i+1] == 0 {
			oddNUL++
		}
	}
	units := n / 2
	switch {
	case oddNUL*10 >= units*6 && evenNUL*10 <= units:
		return EncodingUTF16LE
	case evenNUL*10 >= units*6 && oddNUL*10 <= units:
		return EncodingUTF16BE
	}
	return ""
}

// decodeUTF32 decodes UTF-32 without its BOM; invalid code points and a
// dangling partial unit become U+FFFD.
func decodeUTF32(b []byte, bigEndian bool) string {
	order := utf32.LittleEndian
	if bigEndian {
		order = utf32.BigEndian
	}
	out, err := utf32.UTF32(order, utf32.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil { // not reached: the decoder replaces what it cannot read
		return string(utf8.RuneError)
	}
	return toValidUTF8(out)
}

// index records line starts and the newline style in one pass.
func (s *Source) index() {
	t := s.Text
	n := strings.Count(t, "\n") + 2 // CR-only files grow the slices once
	s.lineRune = append(make([]int, 0, n), 0)
	s.lineByte = append(make([]int, 0, n), 0)
	s.nonASCIILine = append(make([]bool, 0, n), false)
	var crlf, lf, cr bool
	r := 0
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c == '\r':
			if i+1 < len(t) && t[i+1] == '\n' {
				crlf = true
				i += 2
				r += 2
			} else {
				cr = true
				i++
				r++
			}
			s.lineRune = append(s.lineRune, r)
			s.lineByte = append(s.lineByte, i)
			s.nonASCIILine = append(s.nonASCIILine, false)
		case c == '\n':
			lf = true
			i++
			r++
			s.lineRune = append(s.lineRune, r)
			s.lineByte = append(s.lineByte, i)
			s.nonASCIILine = append(s.nonASCIILine, false)
		case c < utf8.RuneSelf:
			i++
			r++
		default:
			_, n := utf8.DecodeRuneInString(t[i:])
			i += n
			r++
			s.nonASCIILine[len(s.nonASCIILine)-1] = true
		}
	}
	s.runes = r
	switch n := btoi(crlf) + btoi(lf) + btoi(cr); {
	case n == 0:
		s.Newline = NewlineNone
	case n > 1:
		s.Newline = NewlineMixed
	case crlf:
		s.Newline = NewlineCRLF
	case lf:
		s.Newline = NewlineLF
	default:
		s.Newline = NewlineCR
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Len is the number of code points of Text.
func (s *Source) Len() int { return s.runes }

// LineCount is the number of lines (a final line terminator does not start
// a new counted line; an empty text has zero lines).
func (s *Source) LineCount() int {
	n := len(s.lineRune)
	if n > 1 && s.lineByte[n-1] == len(s.Text) {
		return n - 1
	}
	if len(s.Text) == 0 {
		return 0
	}
	return n
}

// Pos converts a code-point offset (clamped to the text) into a position.
func (s *Source) Pos(offset int) Pos {
	if offset < 0 {
		offset = 0
	}
	if offset > s.runes {
		offset = s.runes
	}
	i := sort.SearchInts(s.lineRune, offset+1) - 1
	return Pos{Offset: offset, Line: i + 1, Col: offset - s.lineRune[i] + 1}
}

// Line returns line n (1-based) without its terminator, or "" when out of range.
func (s *Source) Line(n int) string {
	if n < 1 || n > len(s.lineByte) {
		return ""
	}
	start := s.lineByte[n-1]
	end := len(s.Text)
	if n < len(s.lineByte) {
		end = s.lineByte[n]
	}
	line := s.Text[start:end]
	for len(line) > 0 && (line[len(line)-1] == '\n' || line[len(line)-1] == '\r') {
		line = line[:len(line)-1]
	}
	return line
}

// byteOffset converts a code-point offset into a byte offset of Text.
func (s *Source) byteOffset(offset int) int {
	if offset <= 0 {
		return 0
	}
	if offset >= s.runes {
		return len(s.Text)
	}
	i := sort.SearchInts(s.lineRune, offset+1) - 1
	b := s.lineByte[i]
	if !s.nonASCIILine[i] {
		return b + offset - s.lineRune[i]
	}
	for n := offset - s.lineRune[i]; n > 0 && b < len(s.Text); n-- {
		_, w := utf8.DecodeRuneInString(s.Text[b:])
		b += w
	}
	return b
}

// Slice returns the text a span covers.
func (s *Source) Slice(sp Span) string {
	a, b := s.byteOffset(sp.Start.Offset), s.byteOffset(sp.End.Offset)
	if b < a {
		return ""
	}
	return s.Text[a:b]
}
