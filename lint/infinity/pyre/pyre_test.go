package pyre

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// pythonCase is one row of testdata/python_cases.json, computed with
// Python's re by testdata/gen_python_cases.py.
type pythonCase struct {
	Pattern       string  `json:"pattern"`
	Template      string  `json:"template"`
	Input         string  `json:"input"`
	PatternError  string  `json:"pattern_error"`
	TemplateError string  `json:"template_error"`
	Matched       bool    `json:"matched"`
	Result        *string `json:"result"`
}

func loadCases(t *testing.T) []pythonCase {
	t.Helper()
	b, err := os.ReadFile("testdata/python_cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Python string       `json:"python"`
		Cases  []pythonCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Cases) < 80 {
		t.Fatalf("only %d cases", len(doc.Cases))
	}
	return doc.Cases
}

// TestAgainstPython: every case Python judged, pyre judges the same way:
// the same pattern errors, the same template errors (same message up to the
// position), and for evaluable patterns the same match and the same result.
// Backtracking patterns are run with regexp2 here and must agree too.
func TestAgainstPython(t *testing.T) {
	var evaluated, approximate int
	for _, c := range loadCases(t) {
		name := c.Pattern + " / " + c.Template + " / " + c.Input
		p := Compile(c.Pattern, true)
		if c.PatternError != "" {
			if p.Kind != Invalid {
				t.Errorf("%s: Python rejects the pattern (%s); pyre says %s", name, c.PatternError, p.Kind)
			}
			continue
		}
		if p.Kind == Invalid {
			t.Errorf("%s: Python accepts the pattern; pyre says invalid: %v", name, p.Problems)
			continue
		}
		_, terr := ParseTemplate(c.Template, p)
		if c.TemplateError != "" {
			if terr == nil {
				t.Errorf("%s: Python rejects the template (%s); pyre accepts it", name, c.TemplateError)
			} else if want, got := beforePosition(c.TemplateError), beforePosition(terr.Error()); want != got {
				t.Errorf("%s: template error %q, Python says %q", name, got, want)
			}
			continue
		}
		if terr != nil {
			t.Errorf("%s: Python accepts the template; pyre: %v", name, terr)
			continue
		}
		if !p.Evaluable() {
			if p.Kind != Backtracking {
				t.Errorf("%s: not evaluable: %v", name, p.Problems)
			}
			continue // not verified: regexp2 cannot run it either (possessive repeats)
		}
		if p.Approximate() {
			approximate++
		}
		evaluated++
		got, ok, err := Apply(p, c.Template, c.Input)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if ok != c.Matched {
			t.Errorf("%s: matched=%v, Python %v", name, ok, c.Matched)
			continue
		}
		if ok && got != *c.Result {
			t.Errorf("%s: result %q, Python %q", name, got, *c.Result)
		}
	}
	if evaluated < 50 || approximate < 8 {
		t.Errorf("evaluated %d cases (%d with regexp2): the table lost its coverage", evaluated, approximate)
	}
}

func beforePosition(msg string) string {
	msg, _, _ = strings.Cut(msg, " at position")
	return strings.ReplaceAll(msg, `"`, "'")
}

// TestKinds pins the classification the rules report (PX703).
func TestKinds(t *testing.T) {
	tests := []struct {
		pattern string
		kind    Kind
		mistake bool
	}{
		{`(\d{9,12})@vc\.example\.org`, Translatable, false},
		{`(?i)(\d+)\Z`, Translatable, false},
		{`(\d+)\z`, Invalid, false},
		{`(?<id>\d+)`, Invalid, false},
		{`(?=\d)\d+`, Backtracking, false},
		{`(\d)\1`, Backtracking, false},
		{`a{1001}`, Backtracking, false},
		{`[[:digit:]]+`, Translatable, true},
		{strings.Repeat("(", 200), Invalid, false},
	}
	for _, tt := range tests {
		p := Compile(tt.pattern, false)
		if p.Kind != tt.kind || (len(p.Mistakes) > 0) != tt.mistake {
			t.Errorf("%q: kind %s mistakes %v, want %s mistake=%v (problems %v)", tt.pattern, p.Kind, p.Mistakes, tt.kind, tt.mistake, p.Problems)
		}
		if tt.kind == Backtracking && p.Evaluable() {
			t.Errorf("%q: evaluable without allowBacktracking", tt.pattern)
		}
	}
}

// TestDollarTemplate: `$1` is literal in Python, and flagged.
func TestDollarTemplate(t *testing.T) {
	p := Compile(`(\d+)`, false)
	tm, err := ParseTemplate("$1", p)
	if err != nil || !tm.Dollar {
		t.Fatalf("ParseTemplate($1) = %v, %v", tm, err)
	}
}

// FuzzCompile: any pattern and template are classified without panicking,
// and an evaluable pattern matches any input without error.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{`(\d{9,12})@x`, `[[:digit:]]`, `(?P<a>x)(?P=a)`, `\g<1>`, `a{,3}`, `(?i:a)`, `[\b-\x41]`} {
		f.Add(s, `\1`, "123456789@x")
	}
	f.Fuzz(func(t *testing.T, pattern, tmpl, input string) {
		p := Compile(pattern, false)
		_, _ = ParseTemplate(tmpl, p)
		if p.Evaluable() {
			if _, _, err := p.FullMatch(input); err != nil {
				t.Fatal(err)
			}
		}
	})
}
