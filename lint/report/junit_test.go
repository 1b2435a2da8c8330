package report

import "testing"

// Jenkins splits a classname at its last dot: the extension must not be
// that dot, nor a dot inside a folder name.
func TestJUnitClassname(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"regions/westeurope/variables.ps1", "regions.westeurope.variables"},
		{"variables.ps1", "variables"},
		{"./v1.2/variables.ps1", "v1_2.variables"},
		{`C:\cfg\prod.eu\v.ps1`, "C.cfg.prod_eu.v"},
		{"/abs/.hidden", "abs._hidden"},
		{"../up/x.ps1", "__.up.x"},
		{"", "pxlint"},
	} {
		if got := junitClassname(tc.path); got != tc.want {
			t.Errorf("junitClassname(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}
