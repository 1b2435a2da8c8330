package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/ps"
)

// chainLinks are the ways one assignment can hold another as its value:
// plain and compound operators, parenthesised and sub-expression forms,
// casts, member and multiple targets, scopes and the environment.
var chainLinks = []struct{ open, close string }{
	{"$a = ", ""},
	{"$a += ", ""},
	{"($a = ", ")"},
	{"($a += ", ")"},
	{"$($a = ", ")"},
	{"[string]$a = ", ""},
	{"$h.x = ", ""},
	{"$a[0] = ", ""},
	{"$a, $b = ", ""},
	{"$script:a = ", ""},
	{"$env:PXLINT_X = ", ""},
	{"$a ??= ", ""},
	{"$a *= ", ""},
	{"@($a = ", ")"},
	{"$PxAppPassword = ", ""},
	{"[securestring]$s = ", ""},
}

// chainScript writes `$PxBaseConnName = <link><link>...tail` from link
// indexes.
func chainScript(links []int, tail string) string {
	var b, closing strings.Builder
	b.WriteString("$PxBaseConnName = ")
	for _, i := range links {
		l := chainLinks[i%len(chainLinks)]
		b.WriteString(l.open)
		closing.WriteString(l.close)
	}
	b.WriteString(tail)
	return b.String() + reverse(closing.String()) + "\n"
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func repeatLink(i, n int) []int {
	links := make([]int, n)
	for k := range links {
		links[k] = i
	}
	return links
}

// TestChainedAssignments is the regression test of the nil-pointer panic on
// `$PxBaseConnName = $a = $a = ... "x"` 256+ deep (the parser stops at its
// depth bound and leaves the innermost value out): every link shape, at
// depths around both bounds, evaluates without panicking, and a shallow
// chain passes its value through every link as PowerShell does.
func TestChainedAssignments(t *testing.T) {
	for i, l := range chainLinks {
		for _, depth := range []int{1, 2, 100, 255, 256, 257, 300, 1000} {
			t.Run(fmt.Sprintf("%s%d", strings.TrimSpace(l.open), depth), func(t *testing.T) {
				script := chainScript(repeatLink(i, depth), `"x"`)
				src, f := ps.ParseBytes([]byte(script), ps.DefaultLimits())
				r := Evaluate(src, f, Options{Path: "x.ps1", ReadFile: noFiles})
				if _, err := json.Marshal(r.Input); err != nil {
					t.Fatal(err)
				}
				if depth > 300 && f.Stats.Limit == "" && len(r.Diagnostics) == 0 {
					t.Errorf("depth %d: no PX011 from the parser or the evaluator", depth)
				}
			})
		}
	}
	for _, tc := range []struct {
		script string
		want   any
	}{
		{`$PxBaseConnName = $a = $b = "x"`, "x"},
		{`$PxBaseConnName = ($a = "x")`, "x"},
		{`$a = "x"; $PxBaseConnName = $a += "y"`, "xy"},
		{`$PxBaseConnName = [string]$n = 5`, "5"},
		{`$PxBaseConnName = $env:PXLINT_X = "x"`, "x"},
		{`$PxBaseConnName = $h.x = "x"`, "x"},
		{chainScript(repeatLink(0, 200), `"deep"`), "deep"},
	} {
		r := evaluate(t, tc.script)
		if v := variable(t, r, "PxBaseConnName"); v.Value != tc.want {
			t.Errorf("%.60s: $PxBaseConnName = %#v (%s), want %#v", tc.script, v.Value, v.Reason, tc.want)
		}
	}
	// The inner variable of a chain is assigned too.
	if v := variable(t, evaluate(t, `$PxBaseConnName = $PxVmssRegion = "weu"`), "PxVmssRegion"); v.Value != "weu" {
		t.Errorf("$PxVmssRegion = %#v", v.Value)
	}
}

// TestChainedAssignmentsBoundedByEvaluator: the evaluator bounds chains
// itself, not only through the parser's depth bound.
func TestChainedAssignmentsBoundedByEvaluator(t *testing.T) {
	script := chainScript(repeatLink(0, 100), `"x"`)
	src, f := ps.ParseBytes([]byte(script), ps.DefaultLimits())
	r := Evaluate(src, f, Options{Path: "x.ps1", ReadFile: noFiles, Limits: Limits{MaxNesting: 20}})
	if len(r.Diagnostics) == 0 || r.Diagnostics[0].Rule != ps.RuleAnalysisLimit {
		t.Fatalf("diagnostics = %+v, want PX011", r.Diagnostics)
	}
	if v := variable(t, r, "PxBaseConnName"); v.Kind != KindUnknown {
		t.Errorf("$PxBaseConnName = %+v, want unknown past the bound", v)
	}
}

// FuzzAssignmentChains generates chained and nested assignment shapes (one
// link per byte of shape, from chainLinks) around a tail, and asserts that
// evaluation ends without panicking, the policy input marshals, and a
// marker literal in the tail never appears in it when some link assigns a
// secret. Seeded with the shapes that crashed; run it with
// `go test ./lint/model -run '^$' -fuzz FuzzAssignmentChains -parallel=1`.
func FuzzAssignmentChains(f *testing.F) {
	f.Add([]byte{0}, uint16(300), `"x"`)
	f.Add([]byte{1}, uint16(300), `"x"`)
	f.Add([]byte{2}, uint16(300), `"x"`)
	f.Add([]byte{3, 2}, uint16(260), `"x"`)
	f.Add([]byte{14, 0}, uint16(2), `"Zq9Marker"`)
	f.Add([]byte{0, 14}, uint16(2), `"Zq9Marker"`)
	f.Add([]byte{15, 4, 13}, uint16(40), `("Zq9Marker" + $a)`)
	f.Add([]byte{8, 6, 7, 5}, uint16(64), `@{ k = "Zq9Marker" }`)
	f.Add([]byte{10, 14}, uint16(1), `"Zq9Marker" | ConvertTo-SecureString -AsPlainText -Force`)
	f.Fuzz(func(t *testing.T, shape []byte, depth uint16, tail string) {
		if len(shape) == 0 || depth == 0 || len(tail) > 200 {
			return
		}
		n := min(int(depth), 2000)
		links := make([]int, n)
		secret := false
		for i := range links {
			links[i] = int(shape[i%len(shape)]) % len(chainLinks)
			if strings.Contains(chainLinks[links[i]].open, "Password") || strings.Contains(chainLinks[links[i]].open, "securestring") {
				secret = true
			}
		}
		src, file := ps.ParseBytes([]byte(chainScript(links, tail)), ps.DefaultLimits())
		r := Evaluate(src, file, Options{
			Path:     "fuzz.ps1",
			ReadFile: noFiles,
			Limits:   Limits{MaxValueChars: 1 << 12, MaxArrayLen: 1 << 10, MaxWork: 1 << 16},
		})
		b, err := json.Marshal(r.Input)
		if err != nil {
			t.Fatalf("policy input does not marshal: %v", err)
		}
		// A bare Verb-Noun or path marker names a command, which is no secret.
		literal := !strings.ContainsAny(tail, `-\/`) || strings.Contains(tail, `"Zq9Marker`) || strings.Contains(tail, `'Zq9Marker`)
		if secret && literal && file.Stats.Limit == "" && strings.Contains(string(b), "Zq9Marker") {
			t.Fatalf("a literal assigned to a secret travels in the policy input: %s", b)
		}
	})
}
