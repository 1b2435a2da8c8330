package schema

import (
	"encoding/json"
	"testing"

	"cuelang.org/go/cue/cuecontext"

	"github.com/pxlint/pxlint/lint/internal/golden"
)

// TestBuiltinTables: the generated tables are what the built-in CUE holds
// (regenerate with -update after changing schemas/*.cue).
func TestBuiltinTables(t *testing.T) {
	// Compiled here, not with Load: Load starts from the tables.
	files, err := parseBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := (&Schema{ctx: cuecontext.New()}).build(files)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := decodeTables(builtin)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(fresh, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "builtin_tables.json", append(b, '\n'))
}

// TestStartAnswersLikeLoad: the schema a run starts with answers every
// question as the loaded one does, before and after its CUE compiles.
func TestStartAnswersLikeLoad(t *testing.T) {
	loaded := mustBuiltin(t)
	started, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	same := func(when string) {
		t.Helper()
		got, want := started.Profiles(), loaded.Profiles()
		if !equalJSON(t, got, want) {
			t.Errorf("%s: Profiles %v, want %v", when, got, want)
		}
		for _, p := range want {
			gp, _ := started.Profile(p)
			wp, _ := loaded.Profile(p)
			if !equalJSON(t, gp, wp) || !equalJSON(t, gp.Unconfirmed, wp.Unconfirmed) {
				t.Errorf("%s: Profile(%s) differs", when, p)
			}
			if !equalJSON(t, started.Catalog(p), loaded.Catalog(p)) {
				t.Errorf("%s: Catalog(%s) differs", when, p)
			}
		}
		for _, loc := range []string{"westeurope", "West Europe", "usgovvirginia", "mars"} {
			if g, w := started.LocationCloud(loc), loaded.LocationCloud(loc); g != w {
				t.Errorf("%s: LocationCloud(%q) = %q, want %q", when, loc, g, w)
			}
		}
	}
	same("before Wait")
	if err := started.Wait(); err != nil {
		t.Fatal(err)
	}
	same("after Wait")
	bad := typicalValues()
	bad["PxAzureLocation"] = "westeurop"
	bad["PxWinAdminUser"] = "admin"
	opts := Options{OtherNames: []string{"PxWinAdminCred", "PxAppCred"}}
	got, want := started.Validate("az", bad, opts), loaded.Validate("az", bad, opts)
	if len(want) == 0 || !equalJSON(t, got, want) {
		t.Errorf("Validate: %+v, want %+v", got, want)
	}
}

func equalJSON(t *testing.T, a, b any) bool {
	t.Helper()
	ja, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(ja) == string(jb)
}
