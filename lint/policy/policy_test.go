package policy

import (
	"context"
	"strings"
	"testing"

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
	r, ok := toResult(map[string]any{"id": "PX102", "msg": "m", "variable": "$PxX", "element": float64(2), "severity": "warning",
		"related": []any{map[string]any{"file": "b.ps1", "line": float64(7), "message": "other"}}}, "", finding.SeverityNone)
	if !ok || r.Variable != "PxX" || r.Element != 2 || r.Severity != finding.SeverityWarning || len(r.Related) != 1 || r.Related[0].Region.StartLine != 7 {
		t.Errorf("toResult = %+v %v", r, ok)
	}
	if _, ok := toResult(map[string]any{"msg": "no id"}, "", finding.SeverityNone); ok {
		t.Error("a result without id must be dropped")
	}
}
