package config

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/internal/golden"
	"github.com/pxlint/pxlint/lint/rules"
)

// fakeRules stands in for the registry, so these tests do not depend on
// which rule entries other packages have written yet.
var fakeRules = map[string]rules.Rule{
	"PX009": {ID: "PX009", Name: "encoding-risk", Title: "t", Severity: finding.SeverityWarning},
	"PX010": {ID: "PX010", Name: "suppression-problem", Title: "t", Severity: finding.SeverityWarning},
	"PX101": {ID: "PX101", Name: "no-options", Title: "t", Severity: finding.SeverityError},
	"PX105": {ID: "PX105", Name: "broad-prefix", Title: "t", Severity: finding.SeverityWarning,
		Options:     map[string]string{"min_prefix_length": "shortest prefix accepted"},
		OptionSpecs: map[string]rules.OptionSpec{"min_prefix_length": {Kind: rules.OptionInteger, Min: 1, Max: 32}}},
	"PX208": {ID: "PX208", Name: "bot-name-risk", Title: "t", Severity: finding.SeverityWarning,
		Options:     map[string]string{"generic_names": "extra generic base names"},
		OptionSpecs: map[string]rules.OptionSpec{"generic_names": {Kind: rules.OptionNames, MaxItems: 10}}},
	"PX209": {ID: "PX209", Name: "azure-location", Title: "t", Severity: finding.SeverityError,
		Options:     map[string]string{"extra_locations": "regions to accept"},
		OptionSpecs: map[string]rules.OptionSpec{"extra_locations": {Kind: rules.OptionNames, MaxItems: 10}}},
	"PX305": {ID: "PX305", Name: "cert-expiring", Title: "t", Severity: finding.SeverityWarning,
		Options:     map[string]string{"days": "warning window"},
		OptionSpecs: map[string]rules.OptionSpec{"days": {Kind: rules.OptionInteger, Min: 1, Max: 3650}}},
	"PX505": {ID: "PX505", Name: "instance-count", Title: "t", Severity: finding.SeverityError,
		Options:     map[string]string{"max_instances": "warning threshold"},
		OptionSpecs: map[string]rules.OptionSpec{"max_instances": {Kind: rules.OptionInteger, Min: 1, Max: 1000}}},
	"PX506": {ID: "PX506", Name: "plaintext-secret", Title: "t", Severity: finding.SeverityError, NotSuppressible: true},
}

func fakeLookup(id string) (rules.Rule, bool) {
	r, ok := fakeRules[strings.ToUpper(id)]
	return r, ok
}

// repo makes a temporary repository holding the fixture as .pxlint.hcl plus
// the folders and files fixtures refer to, and moves into it, so messages
// and sources read ".pxlint.hcl:line:col" whatever the machine.
func repo(t *testing.T, src []byte) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{".git", "policies", "schemas", "regions"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range map[string]string{"ca.pem": "not a real CA", FileName: string(src)} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return dir
}

// view is the golden rendering of a loaded config: absolute paths are
// shown relative to the config's folder.
type view struct {
	FailOn     string                `json:"fail_on,omitempty"`
	Profile    string                `json:"profile,omitempty"`
	AzVersion  string                `json:"az_version,omitempty"`
	ExpiryDays int                   `json:"expiry_days,omitempty"`
	Exclude    []string              `json:"exclude,omitempty"`
	PolicyDirs []string              `json:"policy_dirs,omitempty"`
	SchemaDirs []string              `json:"schema_dirs,omitempty"`
	CAFiles    []string              `json:"ca_files,omitempty"`
	Rules      map[string]RuleConfig `json:"rules,omitempty"`
	Waivers    []Waiver              `json:"waivers,omitempty"`
	UserRules  []string              `json:"user_rules,omitempty"`
	Variables  []Variable            `json:"variables,omitempty"`
}

func render(t *testing.T, c *Config) string {
	t.Helper()
	rel := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			r, err := filepath.Rel(c.Dir, p)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	v := view{Profile: c.Profile, AzVersion: c.AzVersion, ExpiryDays: c.ExpiryDays, Exclude: c.Exclude,
		PolicyDirs: rel(c.PolicyDirs), SchemaDirs: rel(c.SchemaDirs), CAFiles: rel(c.CAFiles),
		Rules: c.Rules, Waivers: c.Waivers, Variables: c.Variables}
	if c.FailOn != nil {
		v.FailOn = c.FailOn.String()
	}
	for _, u := range c.userRules {
		v.UserRules = append(v.UserRules, u.id)
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// TestGolden loads every testdata/*.hcl and compares the decoded config, or
// the exact error lines, with testdata/*.golden.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.hcl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		goldenFile, err := filepath.Abs(strings.TrimSuffix(file, ".hcl") + ".golden")
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			repo(t, src)
			cfg, err := LoadWith(FileName, fakeLookup)
			var got string
			if err != nil {
				var cerr *Error
				if !errors.As(err, &cerr) {
					t.Fatalf("error %v is not a *config.Error", err)
				}
				got = err.Error() + "\n"
			} else {
				got = render(t, cfg)
			}
			if wantErr := strings.HasPrefix(filepath.Base(file), "err_"); wantErr != (err != nil) {
				t.Errorf("error = %v, fixture name says error %v", err, wantErr)
			}
			golden.CheckString(t, goldenFile, got)
		})
	}
}

func TestStarterLoads(t *testing.T) {
	repo(t, Starter())
	cfg, err := LoadWith(FileName, fakeLookup)
	if err != nil {
		t.Fatalf("starter config does not load:\n%v", err)
	}
	if cfg.FailOn == nil || *cfg.FailOn != finding.FailOnError {
		t.Errorf("starter fail_on = %v, want error", cfg.FailOn)
	}
	if !cfg.Excluded("regions/testdata/x.ps1") || cfg.Excluded("regions/x.ps1") {
		t.Error("starter exclude does not skip exactly testdata folders")
	}
	// Starter returns a copy: callers cannot corrupt the next call.
	Starter()[0] = 'X'
	if Starter()[0] != '#' {
		t.Error("Starter shares its buffer")
	}
}

// TestExampleLoads keeps examples/config/.pxlint.hcl valid against the real
// registry; rules whose entries are not registered yet fall back to the fake
// ones, so the example can name every option the catalog documents.
func TestExampleLoads(t *testing.T) {
	path, err := filepath.Abs("../../examples/config/.pxlint.hcl")
	if err != nil {
		t.Fatal(err)
	}
	lookup := func(id string) (rules.Rule, bool) {
		if r, ok := rules.Get(id); ok {
			return r, true
		}
		return fakeLookup(id)
	}
	cfg, err := LoadWith(path, lookup)
	if err != nil {
		t.Fatalf("example config does not load:\n%v", err)
	}
	if err := cfg.CheckUserRules(lookup); err != nil {
		t.Errorf("example names user rules no policy defines: %v", err)
	}
	if len(cfg.Waivers) == 0 || len(cfg.Rules) == 0 {
		t.Error("example shows no rules or waivers")
	}
}

func TestVerify(t *testing.T) {
	repo(t, []byte("pxlint {\n  fail_on = \"sometimes\"\n}\n"))
	err := Verify(FileName)
	if err == nil || err.Error() != `.pxlint.hcl:2:13: fail_on = "sometimes": want one of "error", "warning", "info", "never"` {
		t.Errorf("Verify = %v", err)
	}
	if err := Verify("missing.hcl"); err == nil {
		t.Error("Verify of a missing file succeeded")
	}
}

func TestLoadTooLarge(t *testing.T) {
	repo(t, []byte("# "+strings.Repeat("x", MaxSize)+"\n"))
	_, err := LoadWith(FileName, fakeLookup)
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("err = %v, want a size error", err)
	}
}

func TestCheckUserRules(t *testing.T) {
	repo(t, []byte(`
rule "ACME001" {
  severity = "error"
  allowed_prefixes = ["10."]
  colour = "blue"
}
waiver "ACME002" {
  reason = "legacy"
}
waiver "ACME003" {
  reason = "legacy"
}
`))
	cfg, err := LoadWith(FileName, fakeLookup)
	if err != nil {
		t.Fatal(err)
	}
	user := map[string]rules.Rule{
		"ACME001": {ID: "ACME001", Options: map[string]string{"allowed_prefixes": "x"}},
		"ACME003": {ID: "ACME003", NotSuppressible: true},
	}
	err = cfg.CheckUserRules(func(id string) (rules.Rule, bool) { r, ok := user[id]; return r, ok })
	want := strings.Join([]string{
		`.pxlint.hcl:5:3: unknown attribute "colour" in rule "ACME001"; ACME001 takes allowed_prefixes`,
		`.pxlint.hcl:7:8: unknown rule "ACME002"`,
		`.pxlint.hcl:10:8: waiver "ACME003": ACME003 is not suppressible; fix the finding, or set suppressible = true in its rule block`,
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("CheckUserRules =\n%v\nwant\n%s", err, want)
	}
}

func TestRuleAppliesAndOptions(t *testing.T) {
	repo(t, []byte(`
rule "PX105" {
  paths = ["regions/**"]
  min_prefix_length = 12
}
rule "PX101" {
  enabled = false
}
pxlint {
  exclude = ["legacy/**", "*.bak.ps1"]
}
`))
	cfg, err := LoadWith(FileName, fakeLookup)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := cfg.Rule("px105", "regions/eu/a.ps1"); !ok {
		t.Error("PX105 block should govern regions/eu/a.ps1")
	}
	if _, ok := cfg.Rule("PX105", "other/a.ps1"); ok {
		t.Error("PX105 block should not govern other/a.ps1")
	}
	if r, ok := cfg.Rule("PX101", "x.ps1"); !ok || r.Enabled == nil || *r.Enabled {
		t.Errorf("PX101 = %+v, %v; want disabled everywhere", r, ok)
	}
	opts := cfg.RuleOptions("regions/a.ps1")
	if opts["PX105"]["min_prefix_length"] != 12 {
		t.Errorf("options = %#v", opts)
	}
	if len(cfg.RuleOptions("other.ps1")) != 0 {
		t.Error("options leak outside the block's paths")
	}
	for path, want := range map[string]bool{"legacy/a.ps1": true, "x.bak.ps1": true, "regions/x.bak.ps1": false, "a.ps1": false} {
		if cfg.Excluded(path) != want {
			t.Errorf("Excluded(%q) = %v", path, !want)
		}
	}
	var nilCfg *Config
	if _, ok := nilCfg.Rule("PX105", "a"); ok || nilCfg.Excluded("a") || len(nilCfg.RuleOptions("a")) != 0 {
		t.Error("a nil config must govern nothing")
	}
}

// TestExpiryEnd: an expiry date covers its whole day, UTC (the stages
// compare the run's clock with ExpiryEnd for waivers and directives alike).
func TestExpiryEnd(t *testing.T) {
	end, ok := ExpiryEnd("2026-01-31")
	if !ok {
		t.Fatal("2026-01-31 not parsed")
	}
	for _, tt := range []struct {
		now  string
		want bool
	}{
		{"2026-01-30T23:59:59Z", false},
		{"2026-01-31T00:00:00Z", false},
		{"2026-01-31T23:59:59Z", false}, // the whole day is covered
		{"2026-02-01T00:00:00Z", true},
		{"2026-02-01T00:30:00+01:00", false}, // 23:30 UTC on the 31st
	} {
		now, err := time.Parse(time.RFC3339, tt.now)
		if err != nil {
			t.Fatal(err)
		}
		if got := !now.Before(end); got != tt.want {
			t.Errorf("expired at %s = %v, want %v", tt.now, got, tt.want)
		}
	}
	for _, date := range []string{"", "2026-1-31", "31/01/2026"} {
		if _, ok := ExpiryEnd(date); ok {
			t.Errorf("ExpiryEnd(%q) ok: an empty or malformed date never expires", date)
		}
	}
}

func TestWaiverMatches(t *testing.T) {
	tests := []struct {
		w        Waiver
		path, vr string
		want     bool
	}{
		{Waiver{}, "any/where.ps1", "", true},
		{Waiver{Paths: []string{"regions/*.ps1"}}, "regions/eu.ps1", "PxA", true},
		{Waiver{Paths: []string{"regions/*.ps1"}}, "lab/eu.ps1", "PxA", false},
		{Waiver{Variables: []string{"PxBaseConnName"}}, "a.ps1", "pxbaseconnname", true},
		{Waiver{Variables: []string{"PxBaseConnName"}}, "a.ps1", "$PxBaseConnName", true},
		{Waiver{Variables: []string{"PxBaseConnName"}}, "a.ps1", "PxOther", false},
		{Waiver{Variables: []string{"PxBaseConnName"}}, "a.ps1", "", false}, // file-level findings have no variable
		{Waiver{Paths: []string{"a.ps1"}, Variables: []string{"PxA"}}, "a.ps1", "PxA", true},
		{Waiver{Paths: []string{"a.ps1"}, Variables: []string{"PxA"}}, "b.ps1", "PxA", false},
	}
	for i, tt := range tests {
		// the waive stage matches a waiver's paths once per script, then
		// its variables per finding
		if got := tt.w.CoversPath(tt.path) && tt.w.CoversVariable(tt.vr); got != tt.want {
			t.Errorf("%d: covers (%q, %q) = %v, want %v", i, tt.path, tt.vr, got, tt.want)
		}
	}
}

func TestRel(t *testing.T) {
	root := t.TempDir()
	c := &Config{Root: root}
	if got := c.Rel(filepath.Join(root, "regions", "eu.ps1")); got != "regions/eu.ps1" {
		t.Errorf("Rel inside = %q", got)
	}
	outside := filepath.Join(filepath.Dir(root), "elsewhere.ps1")
	if got := c.Rel(outside); got != filepath.ToSlash(outside) {
		t.Errorf("Rel outside = %q", got)
	}
}

// TestWindowsEncodings: configs edited on Windows keep working (BOM, CRLF)
// or fail clearly (UTF-16).
func TestWindowsEncodings(t *testing.T) {
	src := "\ufeffpxlint {\r\n  fail_on = \"warning\"\r\n}\r\nwaiver \"PX105\" {\r\n  reason = \"x\"\r\n}\r\n"
	repo(t, []byte(src))
	cfg, err := LoadWith(FileName, fakeLookup)
	if err != nil {
		t.Fatalf("BOM + CRLF: %v", err)
	}
	if cfg.FailOn == nil || *cfg.FailOn != finding.FailOnWarning || cfg.Waivers[0].Source != ".pxlint.hcl:4" {
		t.Errorf("BOM + CRLF decoded wrongly: %+v", cfg)
	}
	_, err = Parse([]byte("\xff\xfep\x00"), FileName, fakeLookup)
	if err == nil || err.Error() != ".pxlint.hcl:1:1: file is UTF-16; save it as UTF-8" {
		t.Errorf("UTF-16: %v", err)
	}
}

func TestUserRuleSuppressibleAnyCase(t *testing.T) {
	repo(t, []byte(`
rule "user-acme" {
  suppressible = true
}
waiver "USER-acme" {
  reason = "allowed by the rule block whatever the case"
}
`))
	cfg, err := LoadWith(FileName, fakeLookup)
	if err != nil {
		t.Fatal(err)
	}
	err = cfg.CheckUserRules(func(id string) (rules.Rule, bool) {
		return rules.Rule{ID: "USER-acme", NotSuppressible: true}, strings.EqualFold(id, "USER-acme")
	})
	if err != nil {
		t.Errorf("CheckUserRules = %v", err)
	}
}
