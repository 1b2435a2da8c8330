package policy

import (
	"context"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

var resultRef = regexp.MustCompile(`data\.[a-z0-9_.]+\.(deny|not_verified|verified)`)

// TestPartsCoverTheWholeQuery: the parts of the built-in query name, one
// after the other, exactly the result rules the whole query names, in its
// order, and each part holds some; the Infinity query is one part.
func TestPartsCoverTheWholeQuery(t *testing.T) {
	e, err := Prepare(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	byRule := func(q string) map[string][]string {
		out := map[string][]string{}
		for _, m := range resultRef.FindAllStringSubmatch(q, -1) {
			out[m[1]] = append(out[m[1]], m[0])
		}
		return out
	}
	whole := byRule(builtinQuery(e.compiler.Modules, false))
	parts := builtinParts(e.compiler.Modules, false)
	if len(parts) != len(partCuts)+1 {
		t.Fatalf("%d parts, want %d", len(parts), len(partCuts)+1)
	}
	joined := map[string][]string{}
	for i, p := range parts {
		refs := byRule(p)
		if len(refs["deny"]) == 0 {
			t.Errorf("part %d names no deny rule: %s", i, p)
		}
		for rule, list := range refs {
			joined[rule] = append(joined[rule], list...)
		}
	}
	if !reflect.DeepEqual(joined, whole) {
		t.Errorf("the parts name\n%v\nthe whole query\n%v", joined, whole)
	}
	if len(whole["deny"]) < 40 || strings.Contains(strings.Join(whole["deny"], " "), "px7") {
		t.Errorf("the script query names %d deny rules, PX7xx among them?", len(whole["deny"]))
	}
	inf, err := PrepareInfinity(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(inf.parts) != 1 {
		t.Errorf("the Infinity query has %d parts, want 1", len(inf.parts))
	}
}
