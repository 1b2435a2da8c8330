package metadata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodRego = `# METADATA
# title: Something wrong
# description: What it catches.
# custom:
#   id: PX999
#   name: something-wrong
#   severity: warning
#   levels: [warning, info]
#   prevents: a failed deployment
#   remediation: Fix it.
#   bad: |-
#     $PxA = 1
#   good: |-
#     $PxA = 2
#   needs: [PxA]
#   options:
#     limit:
#       kind: integer
#       min: 1
#       max: 9
#       description: the limit
package pxlint.rules.px999

deny contains {"id": "PX999", "msg": "x"} if false
`

// write lays out a repository under a temporary root.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, src := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestReadEveryKind(t *testing.T) {
	root := write(t, map[string]string{
		"policies/px999_something_wrong.rego":      goodRego,
		"policies/px999_something_wrong_test.rego": "package pxlint.rules.px999_test\n",
		"policies/lib.rego":                        "# METADATA\n# title: helpers\npackage pxlint.lib\n",
		"schemas/v.cue":                            "package pxlint\n\n// METADATA\n// title: Not a GUID\n// description: d\n// custom:\n//   id: PX998\n//   name: guid\n//   severity: error\n//   prevents: p\n//   remediation: r\n//   bad: b\n//   good: g\n\n#V: {PxId?: string @rule(PX998)}\n",
		"lint/x/x.go":                              "package x\n\n// METADATA\n// title: Go rule\n// description: d\n// custom:\n//   id: PX997\n//   name: go-rule\n//   severity: info\n//   prevents: p\n//   remediation: r\n//   bad: b\n//   good: g\n//   fragment: true\n\nconst X = 1\n",
	})
	rs, err := Read(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 3 {
		t.Fatalf("read %d rules, want 3: %+v", len(rs), rs)
	}
	byID := map[string]Rule{}
	for _, r := range rs {
		byID[r.ID] = r
	}
	if r := byID["PX999"]; r.Engine != engineRego || r.Levels[1] != "info" || r.Needs[0] != "PxA" || r.Options[0].Max != 9 || r.Bad != "$PxA = 1" {
		t.Errorf("PX999: %+v", r)
	}
	if r := byID["PX998"]; r.Engine != engineCUE || r.Source != "schemas/v.cue" || r.Line != 3 {
		t.Errorf("PX998: %+v", r)
	}
	if r := byID["PX997"]; r.Engine != engineGo || !r.Fragment {
		t.Errorf("PX997: %+v", r)
	}
	if _, err := Render(rs); err != nil {
		t.Fatal(err)
	}
}

func TestMalformedFailsWithFileLine(t *testing.T) {
	for _, tc := range []struct{ name, file, src, want string }{
		{"missing name", "policies/a.rego", strings.Replace(goodRego, "#   name: something-wrong\n", "", 1), "policies/a.rego:1: METADATA: custom.name is missing"},
		{"bad severity", "policies/a.rego", strings.Replace(goodRego, "severity: warning", "severity: fatal", 1), `custom.severity "fatal"`},
		{"levels without the severity", "policies/a.rego", strings.Replace(goodRego, "[warning, info]", "[info]", 1), "custom.levels must include"},
		{"level above the severity", "policies/a.rego", strings.Replace(goodRego, "[warning, info]", "[error, warning]", 1), "custom.levels: error is above"},
		{"unknown key", "policies/a.rego", strings.Replace(goodRego, "#   needs:", "#   need: [PxA]\n#   needs:", 1), "unknown custom key(s) need"},
		{"needs with $", "policies/a.rego", strings.Replace(goodRego, "[PxA]", "[$PxA]", 1), `custom.needs: "$PxA"`},
		{"option without range kind", "policies/a.rego", strings.Replace(goodRego, "kind: integer", "kind: float", 1), `limit.kind "float"`},
		{"bad YAML", "policies/a.rego", strings.Replace(goodRego, "# title: Something wrong", "# title: [unclosed", 1), "policies/a.rego:"},
		{"go block glued to code", "lint/x/x.go", "package x\n\n// METADATA\n// title: t\nconst X = 1\n", "lint/x/x.go:5: a METADATA comment block must be followed by a blank line"},
		{"cue rule without a tag", "schemas/v.cue", "package p\n\n// METADATA\n// title: t\n// description: d\n// custom:\n//   id: PX998\n//   name: guid\n//   severity: error\n//   prevents: p\n//   remediation: r\n//   bad: b\n//   good: g\n\n", "schemas/v.cue:3: PX998: no schema field is tagged @rule(PX998)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(write(t, map[string]string{tc.file: tc.src}))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestDuplicateIDFails(t *testing.T) {
	root := write(t, map[string]string{"policies/a.rego": goodRego, "policies/b.rego": strings.Replace(goodRego, "px999", "px999b", 1)})
	_, err := Read(root)
	if err == nil || !strings.Contains(err.Error(), "policies/b.rego:1: rule PX999 already has METADATA at policies/a.rego:1") {
		t.Errorf("error %v", err)
	}
}
