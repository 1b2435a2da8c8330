package lint_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/fix"
	"github.com/pxlint/pxlint/lint/ps"
)

// A breakage makes a clean script wrong in a way one fix undoes exactly:
// it returns the edit that breaks the decoded text, or ok false when the
// script has nothing to break that way.
type breakage struct {
	name string
	rule string
	edit func(src *ps.Source) (from, to int, text string, ok bool)
}

// firstMatch is the code-point range of a regexp's first match (or of its
// first group) in the decoded text.
func firstMatch(src *ps.Source, re *regexp.Regexp, group int) (int, int, bool) {
	m := re.FindStringSubmatchIndex(src.Text)
	if m == nil || m[2*group] < 0 {
		return 0, 0, false
	}
	from := len([]rune(src.Text[:m[2*group]]))
	return from, from + len([]rune(src.Text[m[2*group]:m[2*group+1]])), true
}

var breakages = []breakage{
	{"unquote an address", "PX002", func(src *ps.Source) (int, int, string, bool) {
		from, to, ok := firstMatch(src, regexp.MustCompile(`(?m)^\$PxNodesSourceAddressPrefixes = @\([^)]*?("(\d+\.\d+\.\d+\.\d+)")`), 1)
		if !ok {
			return 0, 0, "", false
		}
		bare := []rune(src.Text)[from+1 : to-1]
		return from, to, string(bare), true
	}},
	{"assign a value twice", "PX006", func(src *ps.Source) (int, int, string, bool) {
		from, _, ok := firstMatch(src, regexp.MustCompile(`(?m)^\$PxTeamsConnInstanceCount = `), 0)
		return from, from, "$PxTeamsConnInstanceCount = \"7\"\n", ok
	}},
	{"capitalise the base name", "PX201", func(src *ps.Source) (int, int, string, bool) {
		from, to, ok := firstMatch(src, regexp.MustCompile(`(?m)^\$PxBaseConnName = "([a-z])[a-z0-9]*"`), 1)
		if !ok {
			return 0, 0, "", false
		}
		return from, to, strings.ToUpper(string([]rune(src.Text)[from:to])), true
	}},
	{"single-quote an expansion", "PX003", func(src *ps.Source) (int, int, string, bool) {
		from, to, ok := firstMatch(src, regexp.MustCompile(`(?m)^\$PxTeamsConnResourceGroupName = ("\$\(\$PxBaseConnName\)[^"'`+"`"+`\r\n]*")`), 1)
		if !ok {
			return 0, 0, "", false
		}
		body := []rune(src.Text)[from+1 : to-1]
		return from, to, "'" + string(body) + "'", true
	}},
}

// TestFixRoundTrip takes each clean example (UTF-16, CRLF and Windows-1252
// ones included), breaks it in fixable ways, fixes it, and requires the
// original bytes back exactly. A UTF-8 file with a BOM also loses its BOM
// and gets it back from the PX009 fix when it has non-ASCII text.
func TestFixRoundTrip(t *testing.T) {
	var clean []string
	err := filepath.WalkDir(filepath.Join("..", "examples"), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "bad" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".ps1") && !strings.Contains(p, "powershell") {
			clean = append(clean, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	type variant struct {
		example, how string
		path         string
		want         []byte
		rule         string
		unsafe       bool
	}
	var variants []variant
	var originals []string
	for i, p := range clean {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		write := func(name string, b []byte) string {
			dir := filepath.Join(root, name)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, filepath.Base(p))
			if err := os.WriteFile(out, b, 0o644); err != nil {
				t.Fatal(err)
			}
			return out
		}
		originals = append(originals, write(filepath.Join("orig", string(rune('a'+i%26))+strings.Repeat("x", i/26)), raw))
		src := ps.Decode(raw)
		for _, b := range breakages {
			from, to, text, ok := b.edit(src)
			if !ok {
				continue
			}
			a, z := src.Pos(from), src.Pos(to)
			brk := finding.Fix{Edits: []finding.Edit{{Region: finding.Region{StartLine: a.Line, StartColumn: a.Col, EndLine: z.Line, EndColumn: z.Col}, NewText: text}}}
			res := fix.Apply(raw, src, []finding.Fix{brk})
			if len(res.Applied) != 1 {
				continue // UTF-32: pxlint does not edit it
			}
			name := filepath.Join("v", b.rule+"-"+filepath.Base(filepath.Dir(p))+"-"+filepath.Base(p))
			variants = append(variants, variant{p, b.name, write(name, res.Bytes), raw, b.rule, b.rule != "PX002" && b.rule != "PX006"})
		}
		switch {
		case src.BOM && src.Encoding == ps.EncodingUTF8 && hasNonASCIICode(src):
			name := filepath.Join("v", "PX009-"+filepath.Base(filepath.Dir(p))+"-"+filepath.Base(p))
			variants = append(variants, variant{p, "save without BOM", write(name, raw[3:]), raw, "PX009", false})
		case !src.BOM && hasNonASCIICode(src) || src.Guessed:
			// The example itself is the broken file: UTF-8 without a BOM,
			// Windows-1252, or UTF-16 without a BOM; the file it should be
			// is its text as UTF-8 with a BOM.
			name := filepath.Join("v", "PX009-"+filepath.Base(filepath.Dir(p))+"-"+filepath.Base(p))
			variants = append(variants, variant{p, "save without BOM", write(name, raw), append([]byte("\xEF\xBB\xBF"), src.Text...), "PX009", false})
		}
	}

	// Lint the originals and the broken variants in one run each; each
	// variant's new findings of the broken rule are fixed, and only they
	// (an example may have other findings: Windows-1252 ones have PX009).
	rep, _, err := lint.Run(context.Background(), lint.Options{Paths: append(originals, filepath.Join(root, "v")), Now: exampleClock})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*finding.FileResult{}
	for i := range rep.Files {
		abs, _ := filepath.Abs(rep.Files[i].Path)
		byPath[abs] = &rep.Files[i]
	}
	kinds, perExample := map[string]int{}, map[string]int{}
	for _, v := range variants {
		abs, _ := filepath.Abs(v.path)
		fr := byPath[abs]
		if fr == nil {
			t.Errorf("%s, %s: not linted", v.example, v.how)
			continue
		}
		var fixes []finding.Fix
		for _, f := range fr.Findings {
			if f.RuleID == v.rule && len(f.Fixes) > 0 {
				fixes = append(fixes, f.Fixes[0])
			}
		}
		if len(fixes) != 1 {
			t.Errorf("%s, %s: %d %s fixes offered, want 1", v.example, v.how, len(fixes), v.rule)
			continue
		}
		if fixes[0].Safety == finding.SafetyUnsafe != v.unsafe {
			t.Errorf("%s, %s: the %s fix is %s", v.example, v.how, v.rule, fixes[0].Safety)
		}
		broken, err := os.ReadFile(v.path)
		if err != nil {
			t.Fatal(err)
		}
		res := fix.Apply(broken, ps.Decode(broken), fixes)
		if !bytes.Equal(res.Bytes, v.want) {
			t.Errorf("%s, %s: fixing does not give the original bytes back:\n got %.300q\nwant %.300q", v.example, v.how, res.Bytes, v.want)
			continue
		}
		kinds[v.how]++
		perExample[filepath.Base(v.example)]++
	}
	for _, ex := range []string{"utf16le-bom.ps1", "utf16le-nobom.ps1", "utf8-bom-crlf.ps1", "windows-1252.ps1", "utf8-nobom-typographic.ps1", "vendor-full.ps1"} {
		if perExample[ex] < 2 {
			t.Errorf("%s: %d round trips, want at least 2", ex, perExample[ex])
		}
	}
	if len(kinds) < len(breakages)+1 {
		t.Errorf("round trips per breakage: %v; want every breakage exercised", kinds)
	}
	t.Logf("%d round trips over %d examples: %v", len(variants), len(clean), kinds)
}

// hasNonASCIICode reports a non-ASCII character on a line that is not a
// comment (PX009 ignores comments).
func hasNonASCIICode(src *ps.Source) bool {
	for i := 1; i <= src.LineCount(); i++ {
		l := strings.TrimSpace(src.Line(i))
		if strings.HasPrefix(l, "#") {
			continue
		}
		for _, r := range l {
			if r > 127 {
				return true
			}
		}
	}
	return false
}
