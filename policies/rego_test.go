package policies_test

import (
	"context"
	"testing"

	"github.com/pxlint/pxlint/lint/policy/regotest"
	"github.com/pxlint/pxlint/policies"
)

// TestRego runs every *_test.rego through OPA's tester, so `go test ./...`
// is the one command that runs the Rego unit tests too.
func TestRego(t *testing.T) {
	results, err := regotest.Run(context.Background(), policies.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		switch {
		case r.Err != nil:
			t.Errorf("%s: error: %v", r.Name, r.Err)
		case r.Failed:
			t.Errorf("%s: FAIL (%s)", r.Name, r.Where)
		}
	}
	if len(results) == 0 {
		t.Fatal("no Rego tests ran")
	}
	t.Logf("%d Rego tests", len(results))
}
