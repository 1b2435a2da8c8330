package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const actionlintInstall = "go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"

// TestGitHubWorkflowExample runs actionlint on the ready-to-copy workflow.
func TestGitHubWorkflowExample(t *testing.T) {
	actionlint := tool(t, "actionlint", actionlintInstall)
	wf := filepath.Join(repoRoot(t), "examples", "ci", "github-actions.yml")
	out, err := exec.Command(actionlint, "-no-color", wf).CombinedOutput()
	if err != nil {
		t.Errorf("actionlint %s: %v\n%s", wf, err, out)
	}
}

// TestActionMetadata has actionlint check a workflow that uses the action
// from its folder (uses: ./), which makes actionlint read action.yml and
// check the inputs given against it; a workflow passing an unknown input
// must then be rejected, which shows action.yml was really read.
func TestActionMetadata(t *testing.T) {
	actionlint := tool(t, "actionlint", actionlintInstall)
	action, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, with string
		ok         bool
	}{
		{"every input", "paths: scripts\n          fail-on: warning\n          format: github\n          sarif-file: out/pxlint.sarif\n          args: --profile az", true},
		{"no input", "", true},
		{"unknown input", "sarif: pxlint.sarif", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			must(t, os.WriteFile(filepath.Join(dir, "action.yml"), action, 0o644))
			must(t, os.MkdirAll(filepath.Join(dir, ".github", "workflows"), 0o755))
			with := ""
			if tc.with != "" {
				with = "\n        with:\n          " + tc.with
			}
			wf := `name: use-action
on: [push]
permissions:
  contents: read
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: pxlint
        uses: ./` + with + `
      - run: echo "${{ steps.pxlint.outputs.sarif-file }}"
`
			p := filepath.Join(dir, ".github", "workflows", "use.yml")
			must(t, os.WriteFile(p, []byte(wf), 0o644))
			// actionlint finds the project, and so local actions, by its .git.
			must(t, os.Mkdir(filepath.Join(dir, ".git"), 0o755))
			cmd := exec.Command(actionlint, "-no-color", p)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if tc.ok && err != nil {
				t.Errorf("actionlint rejects a valid use of the action: %v\n%s", err, out)
			}
			if !tc.ok && (err == nil || !strings.Contains(string(out), "sarif")) {
				t.Errorf("actionlint accepted an unknown input (action.yml not read?): %v\n%s", err, out)
			}
		})
	}
}

// yamlDoc parses a YAML file of the repository.
func yamlDoc(t *testing.T, rel string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
}

// The Azure Pipelines and GitLab examples have no linter here: check they
// parse and wire what they promise (the JUnit report published, pxlint run
// with the CI's native format).
func TestAzurePipelinesExample(t *testing.T) {
	var doc struct {
		Steps []map[string]any `yaml:"steps"`
	}
	yamlDoc(t, "examples/ci/azure-pipelines.yml", &doc)
	var script, against string
	var junit map[string]any
	for _, s := range doc.Steps {
		sc, _ := s["script"].(string)
		switch {
		case strings.Contains(sc, " lint") && strings.Contains(sc, "--against "):
			against = sc
		case strings.Contains(sc, " lint"):
			script = sc
		}
		if s["task"] == "PublishTestResults@2" {
			junit, _ = s["inputs"].(map[string]any)
		}
	}
	if !strings.Contains(script, "--format azure") || !strings.Contains(script, "--format junit=") {
		t.Errorf("lint step %q lacks --format azure and --format junit=PATH", script)
	}
	if junit == nil || junit["testResultsFormat"] != "JUnit" {
		t.Errorf("no PublishTestResults@2 step for JUnit: %v", junit)
	}
	if !strings.Contains(against, "--format azure") {
		t.Errorf("no redeploy-safety step (lint --against ... --format azure): %q", against)
	}
}

func TestGitLabExample(t *testing.T) {
	var doc map[string]yaml.Node // top-level keys are jobs or settings (stages)
	yamlDoc(t, "examples/ci/gitlab-ci.yml", &doc)
	node, ok := doc["pxlint"]
	if !ok {
		t.Fatal("no pxlint job")
	}
	var job struct {
		Script    []string `yaml:"script"`
		Artifacts struct {
			When    string            `yaml:"when"`
			Reports map[string]string `yaml:"reports"`
		} `yaml:"artifacts"`
	}
	if err := node.Decode(&job); err != nil {
		t.Fatal(err)
	}
	if job.Artifacts.When != "always" || job.Artifacts.Reports["junit"] != "pxlint-junit.xml" {
		t.Errorf("artifacts = %+v, want the JUnit report kept always", job.Artifacts)
	}
	if !strings.Contains(strings.Join(job.Script, "\n"), "--format junit=pxlint-junit.xml") {
		t.Errorf("script does not write the JUnit report: %q", job.Script)
	}
}

// The hook definitions are what pre-commit and the brief promise.
func TestPreCommitHooksFile(t *testing.T) {
	var hooks []struct {
		ID            string `yaml:"id"`
		Entry         string `yaml:"entry"`
		Language      string `yaml:"language"`
		Files         string `yaml:"files"`
		PassFilenames *bool  `yaml:"pass_filenames"`
		RequireSerial bool   `yaml:"require_serial"`
	}
	yamlDoc(t, ".pre-commit-hooks.yaml", &hooks)
	want := map[string]string{"pxlint": "golang", "pxlint-system": "system"}
	if len(hooks) != len(want) {
		t.Fatalf("%d hooks, want %d", len(hooks), len(want))
	}
	for _, h := range hooks {
		if want[h.ID] != h.Language || h.Entry != "pxlint lint" || h.Files != `\.ps1$` ||
			h.PassFilenames == nil || !*h.PassFilenames || !h.RequireSerial {
			t.Errorf("hook %+v", h)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
