package report

import (
	"strings"
	"testing"
)

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

// A warning below --fail-on passes its rule's test case and shows as that
// test case's output, where test tabs show it; under JUnitStrict it moves to
// the suite's output, which the strict schema allows.
func TestJUnitWarningsAsOutputOfPassingTestCase(t *testing.T) {
	out := string(render(t, "junit", Options{}))
	want := `<testcase name="USR001" classname="regions.東京, 100%.variables" time="0">
      <system-out>regions/東京, 100%/variables.ps1:2:17: warning USR001: company policy: region names are ASCII, e.g. japaneast`
	if !strings.Contains(out, want) {
		t.Errorf("no passing test case with the warning as its output:\n%s", out)
	}
	strict := string(render(t, "junit", Options{JUnitStrict: true}))
	if strings.Contains(strict, "</failure><system-out>") || strings.Contains(strict, "time=\"0\">\n      <system-out>") {
		t.Errorf("strict JUnit has output inside a test case:\n%s", strict)
	}
	if !strings.Contains(strict, "warning USR001: company policy") {
		t.Error("strict JUnit lost the warning")
	}
}
