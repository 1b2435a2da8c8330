package ps

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are the shipped examples plus testdata/fuzz/*.ps1.
func fuzzSeeds(f *testing.F) {
	f.Helper()
	var files []string
	for _, pattern := range []string{"../../examples/*/*.ps1", "../../examples/*/*/*.ps1", "testdata/fuzz/*.ps1", "testdata/parse/*.ps1", "testdata/corpus/*.ps1", "testdata/cause/*.ps1"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{"", "\"", "@\"\n", "$(", "@(@(@(", "{", "}", "`", "$", "@", "1.2.3.4", "-", "“", "\r", "\xff\xfe\x00", "#Requires -Modules"} {
		f.Add([]byte(s))
	}
}

// FuzzLex: decoding then lexing never panics and the tokens reproduce the
// decoded text with consistent spans.
func FuzzLex(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		src := Decode(b)
		if !utf8.ValidString(src.Text) {
			t.Fatalf("decoded text is not valid UTF-8")
		}
		toks := Lex(src)
		var sb strings.Builder
		prev := 0
		for i, tok := range toks {
			if tok.Span.Start.Offset != prev {
				t.Fatalf("token %d starts at %d, previous ended at %d", i, tok.Span.Start.Offset, prev)
			}
			prev = tok.Span.End.Offset
			sb.WriteString(tok.Text)
		}
		if sb.String() != src.Text {
			t.Fatalf("tokens do not reproduce the text")
		}
		if prev != src.Len() {
			t.Fatalf("tokens end at %d, text has %d code points", prev, src.Len())
		}
	})
}

// FuzzParse: parsing never panics and every diagnostic and statement span
// lies inside the text.
func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		src := Decode(b)
		lim := DefaultLimits()
		lim.MaxDepth = 64 // keep each input quick; the bound itself is what is exercised
		file := Parse(src, lim)
		whole := Span{src.Pos(0), src.Pos(src.Len())}
		for _, d := range file.Diagnostics {
			if !whole.Contains(d.Span) || d.Span.End.Offset < d.Span.Start.Offset {
				t.Fatalf("diagnostic %q span %v outside %v", d.Message, d.Span, whole)
			}
			if d.Rule != RuleParseError && d.Rule != RuleAnalysisLimit && d.Rule != RuleEncodingRisk {
				t.Fatalf("unknown rule %q", d.Rule)
			}
		}
		for _, s := range file.Statements {
			if sp := s.NodeSpan(); !whole.Contains(sp) || sp.End.Offset < sp.Start.Offset {
				t.Fatalf("statement span %v outside %v", sp, whole)
			}
			_ = Sexpr(s)
		}
	})
}
