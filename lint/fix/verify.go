package fix

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/ps"
)

// Verify checks what Apply promises, on its actual output: every byte
// outside the reported edits is the input's; the output reads, in the
// input's encoding and BOM, as the decoded input with the applied fixes'
// edits made in code points, and Decode reads it so too; a re-encoding
// keeps the text exactly. pxlint
// fix runs it before it keeps a pass, so a bug here can never reach a
// file; the fuzz targets run it on arbitrary input.
func Verify(raw []byte, src *ps.Source, fixes []finding.Fix, res Result) error {
	if res.Reencoded != "" {
		if !bytes.HasPrefix(res.Bytes, ps.BOM(ps.EncodingUTF8)) || string(res.Bytes[3:]) != src.Text {
			return fmt.Errorf("re-encoding changed the text")
		}
		return nil
	}
	out, at, p := res.Bytes, 0, 0
	for _, e := range res.Edits {
		if e.Start < at || e.End < e.Start || e.End > len(raw) {
			return fmt.Errorf("edits out of order or out of bounds at byte %d", e.Start)
		}
		seg := raw[at:e.Start]
		if !bytes.Equal(out[p:min(p+len(seg), len(out))], seg) {
			return fmt.Errorf("bytes before the edit at byte %d changed", e.Start)
		}
		p += len(seg)
		if !bytes.Equal(out[p:min(p+len(e.New), len(out))], e.New) {
			return fmt.Errorf("the edit at byte %d is not written as reported", e.Start)
		}
		p += len(e.New)
		at = e.End
	}
	if !bytes.Equal(out[min(p, len(out)):], raw[at:]) {
		return fmt.Errorf("bytes after the last edit changed")
	}
	if len(res.Applied) == 0 {
		return nil
	}
	var edits []span
	var texts []string
	for _, i := range res.Applied {
		for _, e := range fixes[i].Edits {
			from, _ := src.Offset(e.Region.StartLine, e.Region.StartColumn)
			to, _ := src.Offset(e.Region.EndLine, e.Region.EndColumn)
			edits = append(edits, span{from, to})
			texts = append(texts, withNewlines(e.NewText, src.Newline))
		}
	}
	order := make([]int, len(edits))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return edits[order[a]].from < edits[order[b]].from })
	r := []rune(src.Text)
	var want strings.Builder
	pos := 0
	for _, i := range order {
		want.WriteString(string(r[pos:edits[i].from]))
		want.WriteString(texts[i])
		pos = edits[i].to
	}
	want.WriteString(string(r[pos:]))
	got, ok := ps.DecodeAs(res.Bytes, src.Encoding, src.BOM)
	if !ok || got != want.String() {
		return fmt.Errorf("the fixed file does not read (%s) as the edited text", src.Encoding)
	}
	if !readsAlike(res.Bytes, src) {
		return fmt.Errorf("the fixed file reads as different %s text", ps.Decode(res.Bytes).Encoding)
	}
	return nil
}
