package ps

import (
	"bytes"
	"errors"
	"testing"
)

// TestByteOffsets replays Decode for every encoding, invalid sequences
// included: each code point maps to the bytes it was decoded from.
func TestByteOffsets(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  []byte
		want []int // byte offset of each code point, then len(raw)
	}{
		{"utf-8", []byte("a\u00e9\nb"), []int{0, 1, 3, 4, 5}},
		{"utf-8 bom, invalid byte", []byte("\xEF\xBB\xBFa\xffb"), []int{3, 4, 5, 6}},
		{"windows-1252, undefined 0x81", []byte("a\x93\x81\xe9"), []int{0, 1, 2, 3, 4}},
		{"utf-16le bom, surrogate pair", []byte("\xFF\xFEa\x00\x3D\xD8\x00\xDEb\x00"), []int{2, 4, 8, 10}},
		{"utf-16be bom, unpaired surrogate, odd byte", []byte("\xFE\xFF\x00a\xD8\x00\x00b\x00"), []int{2, 4, 6, 8, 9}},
		{"utf-16le guessed", []byte("$\x00P\x00x\x00=\x00"), []int{0, 2, 4, 6, 8}},
		{"empty", nil, []int{0}},
	} {
		src := Decode(tc.raw)
		got, ok := src.ByteOffsets(tc.raw)
		if !ok || !equalInts(got, tc.want) {
			t.Errorf("%s (%s): got %v %v, want %v", tc.name, src.Encoding, got, ok, tc.want)
		}
	}
	if _, ok := Decode([]byte("\xFF\xFE\x00\x00a\x00\x00\x00")).ByteOffsets([]byte("\xFF\xFE\x00\x00a\x00\x00\x00")); ok {
		t.Error("UTF-32 is not edited, but ByteOffsets accepted it")
	}
	if _, ok := Decode([]byte("abc")).ByteOffsets([]byte("abd")); ok {
		t.Error("bytes that do not decode to the source's text were accepted")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestEncode writes text back in each encoding Decode reads: valid files
// round-trip byte for byte.
func TestEncode(t *testing.T) {
	for _, raw := range [][]byte{
		[]byte("$PxA = \u201cx\u201d\r\n"),
		append([]byte("\xEF\xBB\xBF"), "Zo\u00eb \u2013 \U0001F600\n"...),
		[]byte("\xFF\xFE$\x00=\x00\x3D\xD8\x00\xDE"),
		[]byte("\xFE\xFF\x00$\x00="),
		[]byte("Zo\xeb \x93x\x94 \x81\x8d\x8f\x90\x9d"),
	} {
		src := Decode(raw)
		b, err := Encode(src.Text, src.Encoding)
		if err != nil {
			t.Fatalf("%s: %v", src.Encoding, err)
		}
		if src.BOM {
			b = append(BOM(src.Encoding), b...)
		}
		if !bytes.Equal(b, raw) {
			t.Errorf("%s: got %q, want %q", src.Encoding, b, raw)
		}
	}
	if _, err := Encode("\u4e2d", EncodingWindows1252); !errors.Is(err, ErrNotEncodable) {
		t.Errorf("a character Windows-1252 lacks: %v", err)
	}
	if _, err := Encode("a", EncodingUTF32LE); !errors.Is(err, ErrNotEncodable) {
		t.Errorf("UTF-32: %v", err)
	}
}

// TestOffset converts line and column back to a code-point offset.
func TestOffset(t *testing.T) {
	src := NewSource("ab\r\n\u00e9c\n")
	for _, tc := range []struct {
		line, col, want int
		ok              bool
	}{
		{1, 1, 0, true}, {1, 3, 2, true}, {1, 5, 4, true}, {2, 1, 4, true}, {2, 2, 5, true},
		{3, 1, 7, true}, {1, 6, 0, false}, {0, 1, 0, false}, {4, 1, 0, false}, {1, 0, 0, false},
	} {
		got, ok := src.Offset(tc.line, tc.col)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Offset(%d, %d) = %d %v, want %d %v", tc.line, tc.col, got, ok, tc.want, tc.ok)
		}
	}
}
