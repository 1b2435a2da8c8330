package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/pxlint/pxlint/lint/internal/testenv"
	"github.com/pxlint/pxlint/lint/ps"
)

const actionlintInstall = "go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"

// TestGitHubWorkflowExample runs actionlint on the ready-to-copy workflow.
func TestGitHubWorkflowExample(t *testing.T) {
	actionlint := testenv.Tool(t, actionlintInstall, "actionlint")
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
	actionlint := testenv.Tool(t, actionlintInstall, "actionlint")
	action, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, with string
		ok         bool
	}{
		{"every input", "paths: scripts\n          fail-on: warning\n          format: github\n          sarif-file: out/pxlint.sarif\n          args: --profile az\n          version: v1.2.0\n          build-from-source: \"false\"", true},
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
		Jobs []struct {
			Strategy struct {
				Matrix map[string]map[string]string `yaml:"matrix"`
			} `yaml:"strategy"`
			Steps []map[string]any `yaml:"steps"`
		} `yaml:"jobs"`
	}
	yamlDoc(t, "examples/ci/azure-pipelines.yml", &doc)
	if len(doc.Jobs) != 1 {
		t.Fatalf("%d jobs, want 1", len(doc.Jobs))
	}
	job := doc.Jobs[0]
	images := map[string]bool{}
	for _, m := range job.Strategy.Matrix {
		images[m["vmImage"]] = true
	}
	if !images["ubuntu-latest"] || !images["windows-latest"] {
		t.Errorf("matrix images %v, want Linux and Windows agents", images)
	}
	var script, against string
	var junit map[string]any
	installs := map[string]string{} // task -> inline script
	for _, s := range job.Steps {
		if sc, ok := s["script"].(string); ok && strings.Contains(sc, " lint") {
			if strings.Contains(sc, "--against ") {
				against = sc
				continue
			}
			script = sc
		}
		task, _ := s["task"].(string)
		inputs, _ := s["inputs"].(map[string]any)
		switch task {
		case "PublishTestResults@2":
			junit = inputs
		case "GoTool@0":
			t.Error("the example should not need Go (GoTool@0)")
		case "PowerShell@2", "Bash@3":
			cond, _ := s["condition"].(string)
			if !strings.Contains(cond, "Windows_NT") {
				t.Errorf("%s has no Agent.OS condition: %q", task, cond)
			}
			if task == "PowerShell@2" && inputs["pwsh"] != true {
				t.Errorf("PowerShell@2 should run pwsh (PowerShell 7): %v", inputs)
			}
			installs[task], _ = inputs["script"].(string)
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
	// The Windows install script is PowerShell: pxlint's reader parses it.
	if ps1 := installs["PowerShell@2"]; !strings.Contains(ps1, "Get-FileHash") {
		t.Errorf("the Windows install does not verify the checksum: %q", ps1)
	} else if _, f := ps.ParseBytes([]byte(ps1), ps.DefaultLimits()); len(f.Diagnostics) > 0 {
		d := f.Diagnostics[0]
		t.Errorf("Windows install script: %s at %d:%d: %s", d.Rule, d.Span.Start.Line, d.Span.Start.Col, d.Message)
	}
	// The Linux one is bash: bash -n checks its syntax.
	sh := installs["Bash@3"]
	if !strings.Contains(sh, "sha256sum -c") {
		t.Errorf("the Linux install does not verify the checksum: %q", sh)
	}
	bash := testenv.Tool(t, "apt-get install bash", "bash")
	if out, err := exec.Command(bash, "-n", "-c", sh).CombinedOutput(); err != nil {
		t.Errorf("bash -n: %v\n%s", err, out)
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
	if job.Artifacts.When != "always" || job.Artifacts.Reports["junit"] != "pxlint-junit.xml" ||
		job.Artifacts.Reports["codequality"] != "gl-code-quality-report.json" {
		t.Errorf("artifacts = %+v, want the JUnit and Code Quality reports kept always", job.Artifacts)
	}
	for _, out := range []string{"--format junit=pxlint-junit.xml", "--format gitlab=gl-code-quality-report.json"} {
		if !strings.Contains(strings.Join(job.Script, "\n"), out) {
			t.Errorf("script does not write %s: %q", out, job.Script)
		}
	}
	if sc := strings.Join(job.Script, "\n"); !strings.Contains(sc, "sha256sum -c") || strings.Contains(sc, "go install") {
		t.Errorf("script should install the checksum-verified release, not build with Go: %q", job.Script)
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
	want := map[string][2]string{ // language, entry
		"pxlint":         {"golang", "pxlint lint"},
		"pxlint-system":  {"system", "pxlint lint"},
		"pxlint-release": {"script", "examples/pre-commit/pxlint-release.sh"},
	}
	if len(hooks) != len(want) {
		t.Fatalf("%d hooks, want %d", len(hooks), len(want))
	}
	for _, h := range hooks {
		if want[h.ID] != [2]string{h.Language, h.Entry} || h.Files != `\.ps1$` ||
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
