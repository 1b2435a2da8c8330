package fix

import (
	"bytes"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/ps"
)

func edit(l1, c1, l2, c2 int, text string) finding.Fix {
	return finding.Fix{Message: text, Safety: finding.SafetySafe,
		Edits: []finding.Edit{{Region: finding.Region{StartLine: l1, StartColumn: c1, EndLine: l2, EndColumn: c2}, NewText: text}}}
}

// TestApplyConflicts: fixes apply by position; one overlapping an earlier
// one waits for the next pass, whatever order they were given in.
func TestApplyConflicts(t *testing.T) {
	raw := []byte("abcdef\nghij\n")
	src := ps.Decode(raw)
	fixes := []finding.Fix{
		edit(1, 3, 1, 5, "X"),   // cd → X
		edit(1, 1, 1, 4, "Y"),   // abc → Y: first by position
		edit(2, 1, 2, 1, "<"),   // insert before g: inside the next edit
		edit(2, 1, 2, 1, ">"),   // a second insertion at the same place
		edit(1, 6, 2, 2, "-\n"), // f\ng → -\n
	}
	res := Apply(raw, src, fixes)
	if got, want := string(res.Bytes), "Yde-\nhij\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if !equal(res.Applied, []int{1, 4}) || !equal(res.Deferred, []int{0, 2, 3}) {
		t.Errorf("applied %v deferred %v", res.Applied, res.Deferred)
	}
	// The same fixes in another order give the same bytes.
	rev := []finding.Fix{fixes[4], fixes[3], fixes[2], fixes[1], fixes[0]}
	if again := Apply(raw, src, rev); !bytes.Equal(again.Bytes, res.Bytes) {
		t.Errorf("order-dependent: %q", again.Bytes)
	}
}

func equal(a, b []int) bool {
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

// TestApplyKeepsEncoding: new text is written in the file's encoding and
// line endings; every other byte stays.
func TestApplyKeepsEncoding(t *testing.T) {
	text := "# Zoë\r\n$PxA = @(\r\n    1.2.3.4\r\n)\r\n"
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(text))
	for _, raw := range [][]byte{[]byte(text), append([]byte("\xEF\xBB\xBF"), text...), le, be, []byte("# Zo\xeb\r\n$PxA = @(\r\n    1.2.3.4\r\n)\r\n")} {
		src := ps.Decode(raw)
		// quote the address and add an element on a new line
		res := Apply(raw, src, []finding.Fix{edit(3, 5, 3, 12, "\"1.2.3.4\",\n    \"5.6.7.8\"")})
		got := ps.Decode(res.Bytes)
		if got.Text != "# Zoë\r\n$PxA = @(\r\n    \"1.2.3.4\",\r\n    \"5.6.7.8\"\r\n)\r\n" || got.Encoding != src.Encoding || got.BOM != src.BOM {
			t.Errorf("%s: got %s %v %q", src.Encoding, got.Encoding, got.BOM, got.Text)
		}
		if len(res.Edits) != 1 || !bytes.Equal(res.Bytes[:res.Edits[0].Start], raw[:res.Edits[0].Start]) {
			t.Errorf("%s: the bytes before the edit changed", src.Encoding)
		}
	}
}

// TestApplySkips: a character the encoding lacks, or a region outside the
// text, is never written.
func TestApplySkips(t *testing.T) {
	raw := []byte("a = \x93b\x94\n")
	src := ps.Decode(raw)
	res := Apply(raw, src, []finding.Fix{edit(1, 5, 1, 6, "\u4e2d"), edit(9, 1, 9, 2, "x")})
	if !bytes.Equal(res.Bytes, raw) || !equal(res.Skipped, []int{0, 1}) {
		t.Errorf("got %q, skipped %v", res.Bytes, res.Skipped)
	}
}

// TestApplyReencodesAlone: the re-encoding waits while edits are pending.
func TestApplyReencodesAlone(t *testing.T) {
	raw := []byte("$PxA = \u201cx\u201d\n")
	src := ps.Decode(raw)
	bom := finding.Fix{Message: "bom", Safety: finding.SafetySafe, Encoding: finding.EncodingUTF8BOM}
	res := Apply(raw, src, []finding.Fix{bom, edit(1, 2, 1, 5, "Px")})
	if string(res.Bytes) != "$Px = \u201cx\u201d\n" || !equal(res.Deferred, []int{0}) {
		t.Fatalf("got %q deferred %v", res.Bytes, res.Deferred)
	}
	next := Apply(res.Bytes, ps.Decode(res.Bytes), []finding.Fix{bom})
	if string(next.Bytes) != "\xEF\xBB\xBF$Px = \u201cx\u201d\n" || next.Reencoded == "" {
		t.Fatalf("got %q", next.Bytes)
	}
}
