package schema

import (
	"os"
	"path/filepath"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
)

// someStrings are strings of every shape a script gives a field.
var someStrings = []string{"", " ", "x", "fabrikam", "fab00001-TeamsConn-weu-RG", "teams.example.com.pfx",
	"a b,c;d", "Ünïcødé “quoted”", "$($PxBaseConnName)", "\t\n", "-", "0", "true"}

// TestWholeKindsAreCUEs: a field said to accept every string (boolean)
// accepts every one CUE is asked about, for every profile, built-in and
// with user overlays; and the fields that narrow a kind are never said to.
func TestWholeKindsAreCUEs(t *testing.T) {
	for name, s := range map[string]*Schema{"built-in": mustBuiltin(t), "user": loadUser(t)} {
		if err := s.Wait(); err != nil {
			t.Fatal(err)
		}
		v := s.variantFor(Options{})
		for profile, sets := range map[string][2]*fieldSet{"az": {v.builtin["az"], v.merged["az"]}, "azurerm": {v.builtin["azurerm"], v.merged["azurerm"]}} {
			for _, fs := range sets {
				for field, f := range fs.fields {
					for _, str := range someStrings {
						whole := s.acceptsWhole(fs, field, str)
						if _, err := s.check(f.value, str); whole && err != nil {
							t.Errorf("%s %s %s: said to accept every string, but CUE rejects %q: %v", name, profile, field, str, err)
						}
					}
					for _, b := range []bool{true, false} {
						if _, err := s.check(f.value, b); s.acceptsWhole(fs, field, b) && err != nil {
							t.Errorf("%s %s %s: said to accept every boolean, but CUE rejects %v: %v", name, profile, field, b, err)
						}
					}
				}
			}
		}
	}
}

// TestWholeKindsFound: the plain `string` and `bool` fields are found (so
// the regional scripts' names skip CUE), and constrained ones are not.
func TestWholeKindsFound(t *testing.T) {
	s := mustBuiltin(t)
	if err := s.Wait(); err != nil {
		t.Fatal(err)
	}
	fs := s.variantFor(Options{}).builtin["az"]
	for field, want := range map[string]kindSet{
		"PxTeamsConnResourceGroupName":       {strings: true},
		"PxTeamsConnStaticResourceGroupName": {strings: true},
		"PxPfxCertFileName":                  {strings: true},
		"PxNodeFqdns":                        {strings: true}, // string | [...]
		"PxTeamsConnIncidentReporting":       {bools: true},
		"PxWinAdminCred":                     {strings: true, bools: true}, // _
		"PxBaseConnName":                     {},
		"PxTeamsConnFqdn":                    {},
		"PxMgmtSrcAddrPrefixes":              {},
		"PxAzureLocation":                    {},
	} {
		got := kindSet{strings: s.acceptsWhole(fs, field, "x"), bools: s.acceptsWhole(fs, field, true)}
		if got != want {
			t.Errorf("%s: accepts whole %+v, want %+v", field, got, want)
		}
	}
	if s.acceptsWhole(fs, "PxTeamsConnInstanceCount", int64(2)) || s.acceptsWhole(fs, "PxNotAField", "x") {
		t.Error("only strings and booleans of known fields are accepted whole")
	}
}

// TestWholeKindsNarrowed: a user overlay that narrows a plain string field
// takes it off the fast path, and its violations are still reported.
func TestWholeKindsNarrowed(t *testing.T) {
	dir := t.TempDir()
	src := "package pxlint\n\n#Variables: PxPfxCertFileName: =~\"\\\\.pfx$\" @rule(ACME-pfx)\n"
	if err := os.WriteFile(filepath.Join(dir, "pfx.cue"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	v := s.variantFor(Options{})
	if s.acceptsWhole(v.merged["az"], "PxPfxCertFileName", "x") {
		t.Error("the narrowed field must not accept every string")
	}
	if !s.acceptsWhole(v.builtin["az"], "PxPfxCertFileName", "x") {
		t.Error("the built-in field still accepts every string")
	}
	values := typicalValues()
	values["PxPfxCertFileName"] = "teams.example.com.cer"
	got := s.Validate("az", values, Options{})
	if len(got) != 1 || got[0].RuleID != "ACME-pfx" || got[0].Variable != "PxPfxCertFileName" {
		t.Errorf("Validate = %+v, want one ACME-pfx violation", got)
	}
}

// TestWholeKindsOfConstraints: only a constraint every string (boolean)
// satisfies is accepted whole; validators, bounds, patterns and
// enumerations a user may write are left to CUE.
func TestWholeKindsOfConstraints(t *testing.T) {
	s := &Schema{ctx: cuecontext.New()}
	for src, want := range map[string]kindSet{
		"string":                 {strings: true},
		"bool":                   {bools: true},
		"_":                      {strings: true, bools: true},
		`*"x" | string`:          {strings: true},
		`=~"^a" | string`:        {strings: true},
		"string | bool":          {strings: true, bools: true},
		"string | [...string]":   {strings: true},
		`=~"^a"`:                 {},
		`!=""`:                   {},
		`string & !=""`:          {},
		`"a" | "b"`:              {},
		`string & <"m"`:          {},
		"true":                   {},
		"strings.MaxRunes(9)":    {},
		"strings.MinRunes(1)":    {},
		`strings.HasPrefix("a")`: {},
		"net.FQDN":               {},
	} {
		v := s.ctx.CompileString("import (\n\"strings\"\n\"net\"\n)\nx: " + src + "\n_n: net.FQDN\n_s: strings.MinRunes(0)").LookupPath(cue.ParsePath("x"))
		if v.Err() != nil {
			t.Fatal(src, v.Err())
		}
		fs := &fieldSet{fields: map[string]fieldInfo{"X": {value: v}}}
		got := kindSet{strings: s.acceptsWhole(fs, "X", "x"), bools: s.acceptsWhole(fs, "X", true)}
		if got != want {
			t.Errorf("%s: accepts whole %+v, want %+v", src, got, want)
		}
	}
}

// TestWholeKindsFromSecondValidation: a one-script run validates once and
// pays nothing for finding the fields that accept a whole kind; the next
// validation finds them. (The values hold one CUE must explain: values
// that all pass their accepts never reach CUE.)
func TestWholeKindsFromSecondValidation(t *testing.T) {
	s, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	fs := s.variantFor(Options{}).builtin["az"]
	values := typicalValues()
	values["PxBaseConnName"] = "fabrikam-corp"
	for i, want := range []bool{false, true} {
		if got := s.Validate("az", values, Options{}); len(got) != 1 || got[0].RuleID != "PX201" {
			t.Fatalf("validation %d: %+v, want one PX201", i+1, got)
		}
		if got := fs.whole.fields != nil; got != want {
			t.Errorf("after validation %d: whole kinds known %v, want %v", i+1, got, want)
		}
	}
}
