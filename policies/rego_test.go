package policies_test

import (
	"context"
	"io/fs"
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/pxlint/pxlint/lint/policy/regotest"
	"github.com/pxlint/pxlint/lint/schema"
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

// The policy tests use a copy of the az profile's catalog and required
// variables (profile_fixtures_test.rego); the engine hands policies the
// real one from schemas/profiles.cue. The copy must not drift.
func TestProfileFixtureMatchesSchema(t *testing.T) {
	src, err := fs.ReadFile(policies.FS, "profile_fixtures_test.rego")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(rego.Query("data.pxlint.lib.profile_fixtures.az"),
		rego.Module("profile_fixtures_test.rego", string(src))).Eval(context.Background())
	if err != nil || len(rs) != 1 {
		t.Fatalf("fixture: %v %v", rs, err)
	}
	got := rs[0].Expressions[0].Value.(map[string]any)
	sch, err := schema.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	pd, ok := sch.Profile("az")
	if !ok {
		t.Fatal("no az profile")
	}
	for key, want := range map[string][]string{"variables": pd.Variables, "required": pd.Required, "bot_names": pd.BotNames} {
		var have []string
		for _, x := range got[key].([]any) {
			have = append(have, x.(string))
		}
		if !slices.Equal(have, want) {
			t.Errorf("profile_fixtures az.%s = %v\nschemas/profiles.cue az.%s = %v", key, have, key, want)
		}
	}
	names := got["resource_names"].(map[string]any)
	if len(names) != len(pd.ResourceNames) {
		t.Errorf("profile_fixtures az.resource_names = %v\nschemas/profiles.cue az.resource_names = %v", names, pd.ResourceNames)
	}
	for role, want := range pd.ResourceNames {
		if names[role] != want {
			t.Errorf("profile_fixtures az.resource_names.%s = %v, schemas/profiles.cue has %q", role, names[role], want)
		}
	}
}
