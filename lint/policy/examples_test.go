package policy

import (
	"context"
	"os"
	"testing"

	"github.com/pxlint/pxlint/lint/policy/regotest"
)

// TestExamplePolicies runs the Rego unit tests of the shipped user-policy
// examples (examples/policies), and checks that they load as user policies.
func TestExamplePolicies(t *testing.T) {
	dir := "../../examples/policies"
	results, err := regotest.Run(context.Background(), os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(results) < 4 {
		t.Fatalf("ran %d example policy tests, want at least 4", len(results))
	}
	for _, r := range results {
		if r.Err != nil || r.Failed {
			t.Errorf("%s failed (%s): %v", r.Name, r.Where, r.Err)
		}
	}
	e, err := Prepare(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range e.UserRules() {
		ids[r.ID] = true
	}
	if !ids["ACME001"] || !ids["USER-acme.regions"] {
		t.Errorf("user rules = %v, want ACME001 and USER-acme.regions", ids)
	}
}
