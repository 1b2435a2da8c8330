package model

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/pxlint/pxlint/lint/internal/golden"
	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/schemas"
)

// repoRoot is the repository root, relative to this package.
const repoRoot = "../.."

// exampleScripts lists every examples/**/*.ps1 as repository-relative paths.
func exampleScripts(t testing.TB) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(repoRoot, "examples"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".ps1") {
			rel, _ := filepath.Rel(repoRoot, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no example scripts found")
	}
	return out
}

// evaluateFile decodes, parses and evaluates a repository file as the
// engine does.
func evaluateFile(t testing.TB, rel string) *Result {
	t.Helper()
	p := filepath.Join(repoRoot, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	src, f := ps.ParseBytes(b, ps.DefaultLimits())
	return Evaluate(src, f, Options{Path: rel, Dir: filepath.Dir(p)})
}

// TestGolden compares the policy input of every example with
// testdata/inspect/<path>.json (lint/internal/golden: -update rewrites
// them for review).
func TestGolden(t *testing.T) {
	for _, rel := range exampleScripts(t) {
		t.Run(rel, func(t *testing.T) {
			got, err := json.MarshalIndent(evaluateFile(t, rel).Input, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Check(t, inspectGolden(rel), got)
		})
	}
	// A golden file whose example was renamed or removed is stale.
	want := map[string]bool{}
	for _, rel := range exampleScripts(t) {
		want[filepath.ToSlash(inspectGolden(rel))] = true
	}
	_ = filepath.WalkDir(filepath.Join("testdata", "inspect"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !want[filepath.ToSlash(p)] {
			t.Errorf("%s belongs to no example script: delete it", p)
		}
		return nil
	})
}

// inspectGolden is the golden policy input of an example script.
func inspectGolden(rel string) string {
	return filepath.Join("testdata", "inspect", filepath.FromSlash(rel)+".json")
}

// inputSchema compiles schemas/input.schema.json.
func inputSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	raw, err := fs.ReadFile(schemas.FS, "input.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("input.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("input.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, in *Input) {
	t.Helper()
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("policy input does not match schemas/input.schema.json: %v", err)
	}
}

// TestSchema validates the policy input of every example, and of a script
// that uses every construct the model records, against the JSON Schema.
func TestSchema(t *testing.T) {
	sch := inputSchema(t)
	if id := sch.ID; !strings.Contains(id, SchemaVersion) {
		t.Errorf("schema $id %q does not carry the version %s", id, SchemaVersion)
	}
	for _, rel := range exampleScripts(t) {
		t.Run(rel, func(t *testing.T) { validate(t, sch, evaluateFile(t, rel).Input) })
	}
	t.Run("every construct", func(t *testing.T) {
		r := evaluate(t, lines(
			`#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0"; MaximumVersion="4.5.0" }`,
			`if ((Get-Culture).Name -ne 'en-US') { throw "culture" }`,
			`. .\common.ps1`,
			`. .\missing.ps1`,
			`$PxWinAdminPassword = "S3cr3t!Pass"`,
			`$PxTable = @{ Name = "x"; Nested = @(1, 2.5, $true, $null) }`,
			`$PxList = @(80.213.4.17, "85.10.200.0/28", (Read-Host "x")) + $PxShared`,
			`if ($x) { $PxBranch = 1 }`,
			`.\create_vmss_deployment.ps1 -Pfx c.pfx -Encryption:$false -Verbose @splat positional`,
			`Write-Host $PxWinAdminPassword $PxUndefined`,
		), files(map[string]string{"vars/common.ps1": `$PxShared = @("62.210.116.0/28")`}))
		validate(t, sch, r.Input)
		// The engine's fields, filled.
		full := *r.Input
		full.Profile, full.ProfileSource = ProfileAzureRM, "flag"
		full.Certificates = map[string]any{"teams": map[string]any{"subject": "CN=x"}}
		full.Facts = map[string]any{"culture": "en-US"}
		full.Inventory = []any{map[string]any{"name": "rg"}}
		full.Repository = []ScriptSummary{{File: "other.ps1", SubscriptionID: "x", TeamsConnFqdnLine: 3}}
		full.Context = Context{InGitWorkTree: true, Now: "2026-11-26T00:00:00Z"}
		full.Config = Config{AzVersion: "4.5.0", ExpiryDays: 30, Rules: map[string]map[string]any{"PX105": {"min_prefix_length": 16}}}
		validate(t, sch, &full)
		// The schema rejects what the contract forbids.
		bad := *r.Input
		bad.SchemaVersion = "pxlint-input/v0"
		b, _ := json.Marshal(&bad)
		inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if sch.Validate(inst) == nil {
			t.Errorf("schema accepts a wrong schema_version")
		}
	})
}
