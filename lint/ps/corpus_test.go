package ps

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exampleScripts are the repository's example scripts and this package's
// parse fixtures.
func exampleScripts(t testing.TB) []string {
	var files []string
	_ = filepath.WalkDir("../../examples", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".ps1") {
			files = append(files, path)
		}
		return nil
	})
	m, _ := filepath.Glob("testdata/parse/*.ps1")
	files = append(files, m...)
	if len(files) < 3 {
		t.Fatalf("found only %d example scripts", len(files))
	}
	return files
}

// TestExamplesParse: every shipped example reads without diagnostics,
// except the PX001/PX011 examples, which must produce exactly that rule.
func TestExamplesParse(t *testing.T) {
	for _, name := range exampleScripts(t) {
		t.Run(filepath.ToSlash(name), func(t *testing.T) {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			src, f := ParseBytes(b, DefaultLimits())
			checkRoundTrip(t, src, f.Tokens)
			checkSpans(t, src, f)
			want := ""
			base := filepath.Base(name)
			switch {
			case strings.HasPrefix(base, "px001-"):
				want = RuleParseError
			case strings.HasPrefix(base, "px011-"):
				want = RuleAnalysisLimit
			}
			if want == "" {
				for _, d := range f.Diagnostics {
					if src.Guessed && d.Rule == RuleEncodingRisk {
						continue // a UTF-16 file without a BOM: reported once, then read
					}
					t.Errorf("%s %v: %s", d.Rule, d.Span, d.Message)
				}
				if len(f.Statements) == 0 {
					t.Errorf("no statements")
				}
				return
			}
			if len(f.Diagnostics) == 0 {
				t.Fatalf("expected a %s diagnostic", want)
			}
			for _, d := range f.Diagnostics {
				if d.Rule != want {
					t.Errorf("unexpected %s %v: %s", d.Rule, d.Span, d.Message)
				}
			}
		})
	}
}

func TestRequiresDirectives(t *testing.T) {
	src := "#Requires -Version 5.1\n" +
		"#requires -modules Az.Accounts, @{ModuleName=\"Az\"; RequiredVersion=\"4.5.0\"}, @{ModuleName='Az.Resources'; ModuleVersion='2.0.0'; MaximumVersion='3.9.9'; GUID='x'}\n" +
		"#Requires -RunAsAdministrator\n#Requires -Mod AzureRM\n$a = 1 #Requires -Modules NotADirective\n"
	f, _ := parseText(t, src)
	if len(f.Requires) != 5 {
		t.Fatalf("got %d directives", len(f.Requires))
	}
	if f.Requires[0].Version != "5.1" {
		t.Errorf("version %q", f.Requires[0].Version)
	}
	mods := f.Requires[1].Modules
	if len(mods) != 3 {
		t.Fatalf("modules %+v", mods)
	}
	want := []ModuleSpec{
		{Name: "Az.Accounts"},
		{Name: "Az", RequiredVersion: "4.5.0"},
		{Name: "Az.Resources", ModuleVersion: "2.0.0", MaximumVersion: "3.9.9", GUID: "x"},
	}
	for i, m := range mods {
		sp := m.Span
		m.Span = Span{}
		if m != want[i] {
			t.Errorf("module %d = %+v, want %+v", i, m, want[i])
		}
		if sp.Start.Line != 2 || sp.IsZero() {
			t.Errorf("module %d span %v", i, sp)
		}
	}
	if got := NewSource(src).Slice(mods[1].Span); got != `@{ModuleName="Az"; RequiredVersion="4.5.0"}` {
		t.Errorf("module span slices %q", got)
	}
	if !f.Requires[2].RunAsAdministrator {
		t.Errorf("RunAsAdministrator not set")
	}
	if len(f.Requires[3].Modules) != 1 || f.Requires[3].Modules[0].Name != "AzureRM" {
		t.Errorf("prefix -Mod: %+v", f.Requires[3])
	}
	if len(f.Comments) != 5 {
		t.Errorf("comments: %d", len(f.Comments))
	}
}

// TestRoundTripRandom is the property test: any text, however broken,
// lexes into tokens that reproduce it, with contiguous spans.
func TestRoundTripRandom(t *testing.T) {
	pieces := []string{"$", "(", ")", "{", "}", "@", "\"", "'", "`", "\n", "\r\n", "\r", " ", "\t", "a", "Px",
		"-", "–", ".", "1", "0x", "kb", ",", ";", "|", "&", "[", "]", "=", "+=", "#", "<#", "#>", ":", "::",
		"if", "else", "foreach", "in", "function", "param", "try", "catch", "switch", "@\"\n", "\n\"@", "@'\n",
		"\n'@", "$(", "@(", "@{", "“", "”", "‘", "’", "%", "?", ">", "2>&1", "!", "-eq", "-Name:", "é", "\u00a0", "\x00"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(30); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		src := NewSource(b.String())
		f := Parse(src, DefaultLimits())
		checkRoundTrip(t, src, f.Tokens)
		checkSpans(t, src, f)
		prev := 0
		for _, tok := range f.Tokens {
			if tok.Span.Start.Offset != prev {
				t.Fatalf("%q: token %q starts at %d, want %d", src.Text, tok.Text, tok.Span.Start.Offset, prev)
			}
			prev = tok.Span.End.Offset
		}
	}
}

// TestRoundTripBytes: random bytes decode (as Windows-1252 or UTF-8) and round-trip.
func TestRoundTripBytes(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 300; i++ {
		b := make([]byte, r.Intn(4096))
		r.Read(b)
		src, f := ParseBytes(b, DefaultLimits())
		checkRoundTrip(t, src, f.Tokens)
		checkSpans(t, src, f)
	}
}
