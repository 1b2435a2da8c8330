package config

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestInfinityBlock: the infinity block's settings load, resolved against
// the config's folder; every mistake is file:line:col.
func TestInfinityBlock(t *testing.T) {
	dir := repo(t, []byte(`infinity {
  export              = "regions"
  teams_domains       = ["vc.example.org"]
  expected_tenant_ids = ["0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"]
  teams_id_lengths    = [9, 13]
  allow_backtracking_eval = true
}
`))
	cfg, err := LoadWith(FileName, fakeLookup)
	if err != nil {
		t.Fatal(err)
	}
	inf := cfg.Infinity
	want, _ := filepath.EvalSymlinks(filepath.Join(dir, "regions"))
	got, _ := filepath.EvalSymlinks(inf.Export)
	if inf == nil || got != want || inf.TeamsDomains[0] != "vc.example.org" || inf.IDLengths != [2]int{9, 13} ||
		len(inf.ExpectedTenantIDs) != 1 || !inf.AllowBacktracking {
		t.Errorf("infinity block decoded as %+v", inf)
	}

	tests := []struct{ src, want string }{
		{`infinity {}`, `.pxlint.hcl:1:10: infinity block needs export`},
		{`infinity { export = "nope.json" }`, `.pxlint.hcl:1:21: export: "nope.json" does not exist`},
		{"infinity {\n export = \"regions\"\n expected_tenant_ids = [\"contoso.onmicrosoft.com\"]\n}", `.pxlint.hcl:3:25: expected_tenant_ids: "contoso.onmicrosoft.com" is not a GUID`},
		{"infinity {\n export = \"regions\"\n teams_domains = [\"teams@vc.example.org\"]\n}", `is not a domain`},
		{"infinity {\n export = \"regions\"\n teams_id_lengths = [12, 9]\n}", `teams_id_lengths: want two whole numbers`},
		{"infinity {\n export = \"regions\"\n teams_domain = []\n}", `unknown attribute "teams_domain" in infinity block (did you mean "teams_domains"?)`},
		{"infinity {\n export = \"regions\"\n}\ninfinity {\n export = \"regions\"\n}", `.pxlint.hcl:4:1: duplicate infinity block`},
	}
	for _, tt := range tests {
		repo(t, []byte(tt.src))
		_, err := LoadWith(FileName, fakeLookup)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.src, err, tt.want)
		}
	}
}
