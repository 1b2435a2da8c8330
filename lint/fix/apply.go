package fix

import (
	"sort"
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/ps"
)

// ByteEdit is one edit as applied to the file: bytes [Start, End) of the
// input were replaced by New. Everything outside these ranges is unchanged.
type ByteEdit struct {
	Start, End int
	New        []byte
}

// Result is the outcome of applying fixes to one file.
type Result struct {
	// Bytes is the new content (the input itself when nothing applied).
	Bytes []byte
	// Applied and Deferred are indexes into the fixes given: a deferred fix
	// conflicts with one applied before it (by position) and is retried on
	// the next pass, against the new text. Skipped ones cannot be applied
	// at all (a region outside the text, text the encoding cannot hold).
	Applied, Deferred, Skipped []int
	// Edits are the byte edits made, in file order (empty for a re-encoding).
	Edits []ByteEdit
	// Reencoded is set when the whole file was saved in another encoding.
	Reencoded string
}

// Apply applies fixes to raw, the bytes src was decoded from. Fixes are
// taken in order of their first edit's position (then as given); a fix
// whose edits overlap an edit already taken is deferred, as is a
// re-encoding while edits are pending (it rewrites the whole file, so it
// goes alone, last). New text gets the file's line endings and encoding.
func Apply(raw []byte, src *ps.Source, fixes []finding.Fix) Result {
	res := Result{Bytes: raw}
	offs, ok := src.ByteOffsets(raw)
	type candidate struct {
		i     int
		spans []span
		texts [][]byte
	}
	var cands []candidate
	var reencode []int
	for i, fx := range fixes {
		if fx.Encoding != "" {
			reencode = append(reencode, i)
			continue
		}
		c := candidate{i: i}
		good := ok && len(fx.Edits) > 0
		for _, e := range fx.Edits {
			if !good {
				break
			}
			from, ok1 := src.Offset(e.Region.StartLine, e.Region.StartColumn)
			to, ok2 := src.Offset(e.Region.EndLine, e.Region.EndColumn)
			b, err := ps.Encode(withNewlines(e.NewText, src.Newline), src.Encoding)
			if !ok1 || !ok2 || from > to || err != nil {
				good = false
				break
			}
			c.spans = append(c.spans, span{from, to})
			c.texts = append(c.texts, b)
		}
		if !good {
			res.Skipped = append(res.Skipped, i)
			continue
		}
		cands = append(cands, c)
	}
	sort.SliceStable(cands, func(a, b int) bool {
		return first(cands[a].spans) < first(cands[b].spans)
	})
	var taken []span
	overlaps := func(s span) bool {
		for _, t := range taken {
			if s.from < t.to && t.from < s.to || s.from == t.from || s.from == s.to && t.from < s.from && s.from < t.to ||
				t.from == t.to && s.from < t.from && t.from < s.to {
				return true
			}
		}
		return false
	}
	for _, c := range cands {
		conflict := false
		for j, s := range c.spans {
			if overlaps(s) {
				conflict = true
			}
			for _, t := range c.spans[:j] { // a fix's own edits must not overlap either
				if s.from < t.to && t.from < s.to || s.from == t.from {
					conflict = true
				}
			}
		}
		if conflict {
			res.Deferred = append(res.Deferred, c.i)
			continue
		}
		taken = append(taken, c.spans...)
		res.Applied = append(res.Applied, c.i)
		for j, s := range c.spans {
			res.Edits = append(res.Edits, ByteEdit{Start: offs[s.from], End: offs[s.to], New: c.texts[j]})
		}
	}
	if len(res.Edits) > 0 {
		res.Deferred = append(res.Deferred, reencode...)
		sort.Slice(res.Edits, func(a, b int) bool { return res.Edits[a].Start < res.Edits[b].Start })
		out := make([]byte, 0, len(raw))
		at := 0
		for _, e := range res.Edits {
			out = append(append(out, raw[at:e.Start]...), e.New...)
			at = e.End
		}
		out = append(out, raw[at:]...)
		if !readsAlike(out, src) {
			// Windows-1252 bytes whose only invalid UTF-8 an edit removed
			// would now read as UTF-8, and differently: nothing applies.
			skipped := make([]int, len(fixes))
			for i := range skipped {
				skipped[i] = i
			}
			return Result{Bytes: raw, Skipped: skipped}
		}
		res.Bytes = out
		sort.Ints(res.Applied)
		sort.Ints(res.Deferred)
		return res
	}
	for n, i := range reencode {
		if fixes[i].Encoding != finding.EncodingUTF8BOM || src.Encoding == ps.EncodingUTF8 && src.BOM ||
			src.Encoding != ps.EncodingUTF8 && src.Encoding != ps.EncodingWindows1252 && !src.Guessed {
			res.Skipped = append(res.Skipped, i)
			continue
		}
		if res.Reencoded != "" { // the same re-encoding asked twice: done once
			res.Applied = append(res.Applied, reencode[n])
			continue
		}
		res.Bytes = append(ps.BOM(ps.EncodingUTF8), src.Text...)
		res.Reencoded = finding.EncodingUTF8BOM
		res.Applied = append(res.Applied, i)
	}
	sort.Ints(res.Skipped)
	return res
}

// span is a code-point range [from, to) of the decoded text.
type span struct{ from, to int }

func first(spans []span) int {
	if len(spans) == 0 {
		return 0
	}
	return spans[0].from
}

// withNewlines writes "\n" in new text as the file's line terminator.
func withNewlines(s, newline string) string {
	switch newline {
	case ps.NewlineCRLF:
		return strings.ReplaceAll(s, "\n", "\r\n")
	case ps.NewlineCR:
		return strings.ReplaceAll(s, "\n", "\r")
	}
	return s
}

// readsAlike reports whether out, read as Decode reads a file (detecting
// the encoding again), is the text it is in src's encoding. A file whose
// encoding was guessed from its shape (UTF-16 without a BOM) is read in
// that encoding by pxlint and not at all by PowerShell: it reads alike.
func readsAlike(out []byte, src *ps.Source) bool {
	if src.Guessed {
		return true
	}
	want, ok := ps.DecodeAs(out, src.Encoding, src.BOM)
	again := ps.Decode(out)
	return ok && again.Text == want && again.BOM == src.BOM
}
