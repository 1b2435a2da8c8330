package lint

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/fix"
	"github.com/pxlint/pxlint/lint/ps"
)

// FuzzFix applies fixes (unsafe ones too) to arbitrary files and checks
// that every byte outside the edited spans is unchanged, that the result
// decodes in the same encoding to the edited text (or, re-encoded, to the
// same text as UTF-8 with a BOM), and that once the loop has converged a
// second `fix` is a no-op. Seeds: the bad and encoding examples, and the
// bad ones saved as UTF-16 LE/BE, Windows-1252 and with CRLF.
func FuzzFix(f *testing.F) {
	var seeds []string
	for _, pattern := range []string{"../examples/bad/*.ps1", "../examples/encoding/*.ps1", "../examples/az/*.ps1"} {
		m, _ := filepath.Glob(pattern)
		seeds = append(seeds, m...)
	}
	for i, name := range seeds {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		if !strings.Contains(name, "bad") || i%3 != 0 {
			continue
		}
		crlf := bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
		f.Add(crlf)
		le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(crlf)
		f.Add(le)
		be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes(b)
		f.Add(be)
		if w, err := charmap.Windows1252.NewEncoder().Bytes(append(b, "# Zoë\n"...)); err == nil {
			f.Add(w)
		}
	}
	dir := f.TempDir()
	path := filepath.Join(dir, "variables.ps1")
	if err := os.WriteFile(path, []byte("$PxBaseConnName = \"seed\"\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	abs, _ := filepath.Abs(path)
	e, err := newEngine(Options{Paths: []string{path}, Now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC), Jobs: 1})
	if err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 16<<10 {
			return
		}
		// Every pass is checked edit by edit; then a second run on the
		// converged result must change nothing.
		e.afterApply = func(raw []byte, src *ps.Source, fixes []finding.Fix, res fix.Result) {
			checkOutside(t, raw, res)
			checkDecodes(t, src, fixes, res)
		}
		defer func() { e.afterApply = nil }()
		e.opts.Overlay = map[string][]byte{abs: data}
		first, err := e.fix(ctx, FixOptions{Unsafe: true})
		if err != nil {
			t.Fatalf("fix: %v", err)
		}
		if len(first.Files) == 0 {
			return // nothing to fix: nothing to repeat
		}
		if first.Pending > 0 {
			return // the pass bound was reached: a second run may go on
		}
		fixed := e.opts.Overlay[abs]
		e.opts.Overlay = map[string][]byte{abs: fixed}
		second, err := e.fix(ctx, FixOptions{Unsafe: true})
		if err != nil {
			t.Fatalf("second fix: %v", err)
		}
		for _, ff := range second.Files {
			t.Fatalf("a second fix changes the file again: %+v\n%q\n→ %q", ff.Fixes, fixed, ff.After)
		}
	})
}

// checkOutside requires the output to be the input with exactly the byte
// edits reported (or, re-encoded, BOM + the same text).
func checkOutside(t *testing.T, raw []byte, res fix.Result) {
	t.Helper()
	if res.Reencoded != "" {
		return // checked by checkDecodes
	}
	out, at, p := res.Bytes, 0, 0
	for _, e := range res.Edits {
		if e.Start < at || e.End < e.Start || e.End > len(raw) {
			t.Fatalf("edits out of order or bounds: %+v", res.Edits)
		}
		seg := raw[at:e.Start]
		if !bytes.Equal(out[p:min(p+len(seg), len(out))], seg) {
			t.Fatalf("bytes before the edit at %d changed", e.Start)
		}
		p += len(seg)
		if !bytes.Equal(out[p:min(p+len(e.New), len(out))], e.New) {
			t.Fatalf("edit at %d not written as reported", e.Start)
		}
		p += len(e.New)
		at = e.End
	}
	if !bytes.Equal(out[min(p, len(out)):], raw[at:]) {
		t.Fatalf("bytes after the last edit changed")
	}
}

// checkDecodes requires the output to read, in the input's encoding, as
// the decoded input with the applied fixes' edits made in code points.
func checkDecodes(t *testing.T, src *ps.Source, fixes []finding.Fix, res fix.Result) {
	t.Helper()
	if res.Reencoded != "" {
		if !bytes.HasPrefix(res.Bytes, []byte("\xEF\xBB\xBF")) || string(res.Bytes[3:]) != src.Text {
			t.Fatalf("re-encoding changed the text")
		}
		return
	}
	if len(res.Applied) == 0 {
		return
	}
	type edit struct {
		from, to int
		text     string
	}
	var edits []edit
	for _, i := range res.Applied {
		for _, e := range fixes[i].Edits {
			from, _ := src.Offset(e.Region.StartLine, e.Region.StartColumn)
			to, _ := src.Offset(e.Region.EndLine, e.Region.EndColumn)
			text := e.NewText
			switch src.Newline {
			case ps.NewlineCRLF:
				text = strings.ReplaceAll(text, "\n", "\r\n")
			case ps.NewlineCR:
				text = strings.ReplaceAll(text, "\n", "\r")
			}
			edits = append(edits, edit{from, to, text})
		}
	}
	sort.Slice(edits, func(a, b int) bool { return edits[a].from < edits[b].from })
	r := []rune(src.Text)
	var want strings.Builder
	at := 0
	for _, e := range edits {
		want.WriteString(string(r[at:e.from]))
		want.WriteString(e.text)
		at = e.to
	}
	want.WriteString(string(r[at:]))
	if got := decodeAs(res.Bytes, src); got != want.String() {
		t.Fatalf("the fixed file does not decode (%s) to the edited text:\n got %q\nwant %q", src.Encoding, got, want.String())
	}
	if d := ps.Decode(res.Bytes); d.BOM != src.BOM || d.Encoding != src.Encoding && !src.Guessed && src.Encoding != ps.EncodingWindows1252 {
		t.Fatalf("encoding changed: %s (BOM %v) → %s (BOM %v)", src.Encoding, src.BOM, d.Encoding, d.BOM)
	}
}

// decodeAs decodes b in the encoding src was read in (not guessing again).
func decodeAs(b []byte, src *ps.Source) string {
	if src.BOM {
		b = b[len(ps.BOM(src.Encoding)):]
	}
	switch src.Encoding {
	case ps.EncodingUTF16LE, ps.EncodingUTF16BE:
		order := unicode.LittleEndian
		if src.Encoding == ps.EncodingUTF16BE {
			order = unicode.BigEndian
		}
		out, _ := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
		return string(out)
	case ps.EncodingWindows1252:
		var sb strings.Builder
		for _, c := range b {
			r := charmap.Windows1252.DecodeByte(c)
			if r == utf8.RuneError {
				r = rune(c)
			}
			sb.WriteRune(r)
		}
		return sb.String()
	}
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		sb.WriteRune(r)
		b = b[n:]
	}
	return sb.String()
}
