package schema

import (
	"strings"
	"testing"
)

// TestDeclaredVariables: a variable declared in .pxlint.hcl is known to
// PX005 and validated against its CUE type and pattern (PX509).
func TestDeclaredVariables(t *testing.T) {
	s := mustBuiltin(t)
	declared := []Declared{
		{Name: "PxVmSize", Type: "string", Pattern: "^Standard_", Source: ".pxlint.hcl:2"},
		{Name: "PxExtraCount", Type: "int & >=1", Source: ".pxlint.hcl:8"},
		{Name: "PxRoutes", Type: "[...string]", Pattern: `^\d+\.\d+\.\d+\.\d+/\d+$`, Source: ".pxlint.hcl:12"},
	}
	for _, tc := range []struct {
		name   string
		values map[string]any
		want   string // "" for no violation
	}{
		{"pattern passes", map[string]any{"PxVmSize": "Standard_D4s_v5"}, ""},
		{"pattern fails", map[string]any{"PxVmSize": "D4s_v5"}, `PX509 PxVmSize -1 $PxVmSize "D4s_v5" does not match the pattern ^Standard_ declared in .pxlint.hcl:2`},
		{"type fails", map[string]any{"PxExtraCount": "many"}, `PX509 PxExtraCount -1 $PxExtraCount "many" is not of the type int & >=1 declared in .pxlint.hcl:8`},
		{"bound fails", map[string]any{"PxExtraCount": 0}, "PX509 PxExtraCount -1"},
		{"type passes", map[string]any{"PxExtraCount": 3}, ""},
		{"list element", map[string]any{"PxRoutes": []any{"10.1.0.0/16", "nope"}}, `PX509 PxRoutes 1 "nope" in $PxRoutes does not match`},
		{"case-insensitive name", map[string]any{"pxvmsize": "Standard_B2s"}, ""},
		{"blank is PX501's", map[string]any{"PxVmSize": ""}, ""},
	} {
		got := s.Validate("az", tc.values, Options{Declared: declared})
		var lines []string
		for _, v := range got {
			lines = append(lines, v.RuleID+" "+v.Variable+" "+itoa(v.Element)+" "+v.Message)
		}
		all := strings.Join(lines, "\n")
		switch {
		case tc.want == "" && len(got) != 0:
			t.Errorf("%s: got %s, want no violation (and no PX005)", tc.name, all)
		case tc.want != "" && (len(got) != 1 || !strings.HasPrefix(all, tc.want)):
			t.Errorf("%s: got %q, want one starting %q", tc.name, all, tc.want)
		}
	}
	if err := CheckType("int & >=1"); err != nil {
		t.Errorf("CheckType: %v", err)
	}
	if err := CheckType("strin g &"); err == nil {
		t.Error("CheckType accepted a broken type")
	}
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
