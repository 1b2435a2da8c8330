package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
)

// --fail-on decides what fails in JUnit, Azure DevOps and the JSON flags.
func TestFailOnLevels(t *testing.T) {
	for _, tc := range []struct {
		failOn          finding.Threshold
		junitFailures   int // <failure> elements in the fixture
		azureFailed     bool
		jsonFailingSome bool
	}{
		{finding.FailOnError, 4, true, true},   // PX102, PX206 (westeurope); PX206, PX303 (Tokyo)
		{finding.FailOnWarning, 5, true, true}, // + USR001 (PX105 is suppressed)
		{finding.FailOnInfo, 7, true, true},    // + the PX209 and PX402 infos
		{finding.FailNever, 0, false, false},
	} {
		t.Run(tc.failOn.String(), func(t *testing.T) {
			r := fixtureReport()
			r.FailOn = tc.failOn
			var buf bytes.Buffer
			if err := writeJUnit(&buf, r, fixtureRules(), Options{}); err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(buf.String(), "<failure "); got != tc.junitFailures {
				t.Errorf("junit: %d failures, want %d", got, tc.junitFailures)
			}
			buf.Reset()
			if err := writeAzure(&buf, r, fixtureRules(), Options{}); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(buf.String(), "task.complete result=Failed"); got != tc.azureFailed {
				t.Errorf("azure: task.complete present = %v, want %v", got, tc.azureFailed)
			}
			buf.Reset()
			if err := writeJSON(&buf, r, fixtureRules(), Options{}); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(buf.String(), `"failing": true`); got != tc.jsonFailingSome {
				t.Errorf("json: some finding failing = %v, want %v", got, tc.jsonFailingSome)
			}
		})
	}
}
