package policy

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/pxlint/pxlint/lint/finding"
)

func TestUserPolicies(t *testing.T) {
	e, err := Prepare(context.Background(), []string{"testdata/user/good"})
	if err != nil {
		t.Fatal(err)
	}
	input := map[string]any{"variables": map[string]any{
		"PxBaseConnName": map[string]any{"kind": "string", "value": "fabrikam"},
		"PxVmssRegion":   map[string]any{"kind": "string", "value": "west"},
	}}
	out, err := e.Eval(context.Background(), input)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Result{}
	for _, r := range out.Deny {
		if strings.HasPrefix(r.ID, "ACME") || strings.HasPrefix(r.ID, UserIDPrefix) {
			got[r.ID+"/"+r.Msg] = r
		}
	}
	want := []struct {
		key      string
		sev      finding.Severity
		variable string
	}{
		{`ACME001/base name "fabrikam" must start with acme`, finding.SeverityError, ""},
		{`ACME001/region tag should be 3 letters`, finding.SeverityWarning, "PxVmssRegion"},
		{`USER-acme.plain/always informative`, finding.SeverityInfo, ""},
	}
	for _, w := range want {
		r, ok := got[w.key]
		if !ok {
			t.Errorf("missing result %s; got %v", w.key, got)
			continue
		}
		if r.Severity != w.sev || r.Variable != w.variable {
			t.Errorf("%s: severity %v variable %q, want %v %q", w.key, r.Severity, r.Variable, w.sev, w.variable)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d user results, want %d: %v", len(got), len(want), got)
	}
	rs := e.UserRules()
	if len(rs) != 2 || rs[0].ID != "ACME001" || rs[0].Title != "base names start with the company prefix" || rs[0].Severity != finding.SeverityWarning {
		t.Errorf("user rules = %+v", rs)
	}
}

func TestUserPolicyErrors(t *testing.T) {
	for _, tc := range []struct{ dir, want string }{
		{"testdata/user/broken", "testdata/user/broken/bad.rego:4: undefined function undefined_function"},
		{"testdata/user/missing", "policy directory: stat testdata/user/missing: no such file or directory"},
	} {
		_, err := Prepare(context.Background(), []string{tc.dir})
		if err == nil || err.Error() != tc.want {
			t.Errorf("Prepare(%s) = %v, want %q", tc.dir, err, tc.want)
		}
	}
}

func TestToResultNormalises(t *testing.T) {
	r, ok := toResult(ast.MustParseTerm(`{"id": "PX102", "msg": "m", "variable": "$PxX", "element": 2, "severity": "warning",
		"related": [{"file": "b.ps1", "line": 7, "message": "other"}],
		"span": {"start_line": 3, "start_column": 5, "end_line": 3, "end_column": 9}}`).Value, "", finding.SeverityNone)
	if !ok || r.Variable != "PxX" || r.Element != 2 || r.Severity != finding.SeverityWarning || len(r.Related) != 1 || r.Related[0].Region.StartLine != 7 ||
		r.Span == nil || *r.Span != (finding.Region{StartLine: 3, StartColumn: 5, EndLine: 3, EndColumn: 9}) {
		t.Errorf("toResult = %+v %v", r, ok)
	}
	if _, ok := toResult(ast.MustParseTerm(`{"msg": "no id"}`).Value, "", finding.SeverityNone); ok {
		t.Error("a result without id must be dropped")
	}
	// Not integers, not whole: left at their defaults.
	r, ok = toResult(ast.MustParseTerm(`{"id": "X1", "msg": "m", "element": 1.5, "line": "7", "span": {"start_line": 1}}`).Value, "", finding.SeverityNone)
	if !ok || r.Element != -1 || r.Line != 0 || r.Span != nil {
		t.Errorf("toResult = %+v %v", r, ok)
	}
	r, ok = toResult(ast.String("plain"), "USER-acme", finding.SeverityInfo)
	if !ok || r.ID != "USER-acme" || r.Msg != "plain" || r.Severity != finding.SeverityInfo {
		t.Errorf("toResult(string) = %+v %v", r, ok)
	}
}

// TestFlattenedIsRegoOrder: the order Eval reads the packages' sets in
// is the order the Rego comprehension it replaces gives, which the order
// of findings and statuses rests on.
func TestFlattenedIsRegoOrder(t *testing.T) {
	sets := `[{{"id": "B", "n": 2}, {"id": "A", "n": 10}, "z", 3}, set(), {{"id": "A"}}, {"b", "a", {"id": "A"}}]`
	pq, err := rego.New(rego.Query("x := [r | some s in " + sets + "; some r in s]")).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rs, err := pq.Eval(context.Background(), keepTerms)
	if err != nil || len(rs) != 1 {
		t.Fatal(err, rs)
	}
	want := valueOf(rs[0].Bindings["x"]).(*ast.Array)
	got := flattened(ast.MustParseTerm(sets).Value)
	if len(got) != want.Len() {
		t.Fatalf("flattened = %v, want %v", got, want)
	}
	for i, g := range got {
		if !g.Equal(want.Elem(i)) {
			t.Errorf("flattened[%d] = %v, want %v", i, g, want.Elem(i))
		}
	}
}
