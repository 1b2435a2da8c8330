package ps

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// This file is the way back from Decode: from positions of the decoded text
// to the bytes of the file, and from text to bytes in the file's encoding.
// pxlint fix edits a file through it, so everything outside an edit keeps
// its bytes exactly (encoding, BOM, line endings, invalid sequences).

// ErrNotEncodable is returned when text cannot be written in an encoding
// (a character Windows-1252 lacks) or the encoding is one pxlint does not
// write (UTF-32, which Windows PowerShell does not read without a BOM
// either way).
var ErrNotEncodable = errors.New("not encodable")

// Offset converts a 1-based line and code-point column into a code-point
// offset of Text. A column may point just past the line's terminator only
// as column 1 of the next line; ok is false for positions outside the text.
func (s *Source) Offset(line, col int) (int, bool) {
	if line < 1 || line > len(s.lineRune) || col < 1 {
		return 0, false
	}
	off := s.lineRune[line-1] + col - 1
	end := s.runes
	if line < len(s.lineRune) {
		end = s.lineRune[line]
	}
	if off > end {
		return 0, false
	}
	return off, true
}

// ByteOffsets maps every code-point offset of s.Text (0 … s.Len()) to the
// offset of the byte in raw where that code point starts, as Decode read
// raw into s. It replays the decoder and checks that it reads the same
// text: ok is false when it does not, or for UTF-32, so that a caller
// never edits bytes it cannot place.
func (s *Source) ByteOffsets(raw []byte) ([]int, bool) {
	out := make([]int, 0, s.runes+1)
	var b strings.Builder
	b.Grow(len(s.Text))
	at := 0
	switch s.Encoding {
	case EncodingUTF8:
		if s.BOM {
			at = 3
		}
		for at < len(raw) {
			r, n := utf8.DecodeRune(raw[at:])
			out = append(out, at)
			b.WriteRune(r)
			at += n
		}
	case EncodingWindows1252:
		for ; at < len(raw); at++ {
			out = append(out, at)
			b.WriteString(decodeWindows1252(raw[at : at+1]))
		}
	case EncodingUTF16LE, EncodingUTF16BE:
		if s.BOM {
			at = 2
		}
		unit := func(i int) rune {
			if s.Encoding == EncodingUTF16BE {
				return rune(raw[i])<<8 | rune(raw[i+1])
			}
			return rune(raw[i+1])<<8 | rune(raw[i])
		}
		for at < len(raw) {
			out = append(out, at)
			if at+1 >= len(raw) { // a dangling odd byte
				b.WriteRune(utf8.RuneError)
				at++
				continue
			}
			u := unit(at)
			if utf16.IsSurrogate(u) && u < 0xDC00 && at+3 < len(raw) {
				if r := utf16.DecodeRune(u, unit(at+2)); r != utf8.RuneError {
					b.WriteRune(r)
					at += 4
					continue
				}
			}
			if utf16.IsSurrogate(u) {
				u = utf8.RuneError
			}
			b.WriteRune(u)
			at += 2
		}
	default:
		return nil, false
	}
	out = append(out, len(raw))
	if b.String() != s.Text || len(out) != s.runes+1 {
		return nil, false
	}
	return out, true
}

// Encode writes text in one of the encodings Decode reports, without a
// BOM. Windows-1252 keeps the five bytes it leaves undefined as the C1
// controls Decode made of them.
func Encode(text, encoding string) ([]byte, error) {
	switch encoding {
	case EncodingUTF8:
		return []byte(text), nil
	case EncodingUTF16LE, EncodingUTF16BE:
		units := utf16.Encode([]rune(text))
		out := make([]byte, 0, 2*len(units))
		for _, u := range units {
			if encoding == EncodingUTF16BE {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out, nil
	case EncodingWindows1252:
		out := make([]byte, 0, len(text))
		for _, r := range text {
			if c, ok := charmap.Windows1252.EncodeRune(r); ok {
				out = append(out, c)
				continue
			}
			switch r {
			case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
				out = append(out, byte(r))
				continue
			}
			return nil, fmt.Errorf("%w: %q in windows-1252", ErrNotEncodable, r)
		}
		return out, nil
	}
	return nil, fmt.Errorf("%w: pxlint does not write %s", ErrNotEncodable, encoding)
}

// BOM returns the byte-order mark of an encoding Encode writes.
func BOM(encoding string) []byte {
	switch encoding {
	case EncodingUTF8:
		return []byte{0xEF, 0xBB, 0xBF}
	case EncodingUTF16LE:
		return []byte{0xFF, 0xFE}
	case EncodingUTF16BE:
		return []byte{0xFE, 0xFF}
	}
	return nil
}

// DecodeAs decodes b in a given encoding, with or without its BOM, as
// Decode would had it chosen that encoding: no guessing. pxlint fix reads
// its own output back through it to check that the file still reads as
// the text it meant to write.
func DecodeAs(b []byte, encoding string, bom bool) (string, bool) {
	if bom {
		mark := BOM(encoding)
		if !bytes.HasPrefix(b, mark) || mark == nil {
			return "", false
		}
		b = b[len(mark):]
	}
	switch encoding {
	case EncodingUTF8:
		return toValidUTF8(b), true
	case EncodingUTF16LE, EncodingUTF16BE:
		return decodeUTF16(b, encoding == EncodingUTF16BE), true
	case EncodingWindows1252:
		return decodeWindows1252(b), true
	}
	return "", false
}
