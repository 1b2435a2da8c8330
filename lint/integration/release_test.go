package integration

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/internal/testenv"
)

// instruction is one Dockerfile instruction: keyword (upper case), its
// flags (--from=build, --platform=...) and the rest of the line.
type instruction struct {
	Keyword string
	Flags   []string
	Args    string
	Line    int
}

// parseDockerfile reads the Dockerfile grammar these checks need: comment
// and blank lines, instructions, and backslash line continuations. (The
// reference parser, moby/buildkit, would add a large module graph to go.sum
// for this one test.)
func parseDockerfile(t *testing.T, text string) []instruction {
	t.Helper()
	var out []instruction
	var cur strings.Builder
	start := 0
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		if cur.Len() == 0 && (trimmed == "" || strings.HasPrefix(trimmed, "#")) {
			continue
		}
		if cur.Len() == 0 {
			start = i + 1
		}
		if strings.HasSuffix(trimmed, `\`) {
			cur.WriteString(strings.TrimSuffix(trimmed, `\`) + " ")
			continue
		}
		cur.WriteString(trimmed)
		fields := strings.Fields(cur.String())
		cur.Reset()
		in := instruction{Keyword: strings.ToUpper(fields[0]), Line: start}
		rest := fields[1:]
		for len(rest) > 0 && strings.HasPrefix(rest[0], "--") {
			in.Flags = append(in.Flags, rest[0])
			rest = rest[1:]
		}
		in.Args = strings.Join(rest, " ")
		out = append(out, in)
	}
	if cur.Len() > 0 {
		t.Fatal("Dockerfile ends in a line continuation")
	}
	return out
}

// TestDockerfile checks the container image's promises statically (there
// is no Docker engine in CI): a multi-stage build, a static non-cgo build,
// a distroless (or scratch plus CA roots) final stage, a non-root user,
// ENTRYPOINT ["pxlint"] and working directory /src.
func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	all := parseDockerfile(t, string(b))
	// Split into stages at each FROM.
	var stages [][]instruction
	for _, in := range all {
		if in.Keyword == "FROM" {
			stages = append(stages, nil)
		}
		if len(stages) > 0 {
			stages[len(stages)-1] = append(stages[len(stages)-1], in)
		}
	}
	if len(stages) < 2 {
		t.Fatalf("%d stages, want a multi-stage build", len(stages))
	}
	build, final := stages[0], stages[len(stages)-1]
	buildName := ""
	if f := strings.Fields(build[0].Args); len(f) == 3 && strings.EqualFold(f[1], "AS") {
		buildName = f[2]
	} else {
		t.Errorf("line %d: the build stage has no name (FROM image AS build)", build[0].Line)
	}
	var buildCmd string
	for _, in := range build {
		if in.Keyword == "RUN" && strings.Contains(in.Args, "go build") {
			buildCmd = in.Args
		}
	}
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath", "-s -w", "./cmd/pxlint"} {
		if !strings.Contains(buildCmd, want) {
			t.Errorf("the go build command lacks %s: %q", want, buildCmd)
		}
	}

	base := strings.Fields(final[0].Args)[0]
	scratch := base == "scratch"
	if !strings.HasPrefix(base, "gcr.io/distroless/static") && !scratch {
		t.Errorf("final stage FROM %s, want distroless static or scratch", base)
	}
	last := map[string]instruction{}
	copiedBinary, copiedRoots := false, false
	for _, in := range final {
		last[in.Keyword] = in
		if in.Keyword == "COPY" && slices.Contains(in.Flags, "--from="+buildName) {
			copiedBinary = copiedBinary || strings.Contains(in.Args, "pxlint")
			copiedRoots = copiedRoots || strings.Contains(in.Args, "ca-certificates")
		}
	}
	if !copiedBinary {
		t.Errorf("the final stage does not COPY --from=%s the pxlint binary", buildName)
	}
	if scratch && !copiedRoots {
		t.Error("a scratch image needs the CA roots copied in")
	}
	user, ok := last["USER"]
	if !ok {
		t.Error("no USER in the final stage: the image would run as root")
	} else if u, _, _ := strings.Cut(user.Args, ":"); u == "0" || u == "root" || u == "" {
		t.Errorf("USER %s is root", user.Args)
	}
	if last["WORKDIR"].Args != "/src" {
		t.Errorf("WORKDIR %q, want /src", last["WORKDIR"].Args)
	}
	var entry []string
	if err := json.Unmarshal([]byte(last["ENTRYPOINT"].Args), &entry); err != nil || !slices.Equal(entry, []string{"pxlint"}) {
		t.Errorf(`ENTRYPOINT %q, want ["pxlint"] (exec form) (%v)`, last["ENTRYPOINT"].Args, err)
	}

	ignore, err := os.ReadFile(filepath.Join(repoRoot(t), ".dockerignore"))
	if err != nil || !regexp.MustCompile(`(?m)^\.git$`).Match(ignore) {
		t.Errorf(".dockerignore should keep .git out of the build context (%v)", err)
	}
}

// ldflagVars are the lint/buildinfo variables a -X flag sets in a file.
var ldflagVar = regexp.MustCompile(`-X github\.com/pxlint/pxlint/lint/buildinfo\.(\w+)=`)

// TestReleaseStamps: the Dockerfile and .goreleaser.yaml stamp the same
// lint/buildinfo variables, and each exists (a misspelt -X is silently
// ignored by the linker).
func TestReleaseStamps(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "lint", "buildinfo", "buildinfo.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"Dockerfile", ".goreleaser.yaml"} {
		b, err := os.ReadFile(filepath.Join(repoRoot(t), file))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range ldflagVar.FindAllStringSubmatch(string(b), -1) {
			got = append(got, m[1])
			if !regexp.MustCompile(`(?m)^\s+` + m[1] + `\s+string$`).Match(src) {
				t.Errorf("%s sets buildinfo.%s, which lint/buildinfo does not declare", file, m[1])
			}
		}
		if !slices.Equal(got, []string{"version", "commit", "date"}) {
			t.Errorf("%s stamps %v, want version, commit, date", file, got)
		}
	}
}

// goreleaserConfig is the part of .goreleaser.yaml the tests check.
type goreleaserConfig struct {
	Builds []struct {
		ID      string   `yaml:"id"`
		Main    string   `yaml:"main"`
		Env     []string `yaml:"env"`
		Flags   []string `yaml:"flags"`
		Ldflags []string `yaml:"ldflags"`
		ModTS   string   `yaml:"mod_timestamp"`
		Targets []string `yaml:"targets"`
	} `yaml:"builds"`
	Archives []struct {
		Formats         []string `yaml:"formats"`
		FormatOverrides []struct {
			Goos    string   `yaml:"goos"`
			Formats []string `yaml:"formats"`
		} `yaml:"format_overrides"`
	} `yaml:"archives"`
	SBOMs []struct {
		Cmd       string `yaml:"cmd"`
		Artifacts string `yaml:"artifacts"`
	} `yaml:"sboms"`
	Scoops []any `yaml:"scoops"`
	Winget []any `yaml:"winget"`
	Casks  []any `yaml:"homebrew_casks"`
}

// TestGoReleaserConfig: the six release targets (.ci/run builds a subset
// by dropping lines, so the list must stay one target per line),
// reproducible flags, zip on Windows, an SBOM per archive and the three
// package manifests. `goreleaser check` (in .ci/run) validates the rest.
func TestGoReleaserConfig(t *testing.T) {
	var cfg goreleaserConfig
	yamlDoc(t, ".goreleaser.yaml", &cfg)
	if len(cfg.Builds) != 1 {
		t.Fatalf("%d builds, want 1", len(cfg.Builds))
	}
	b := cfg.Builds[0]
	want := []string{"windows_amd64", "windows_arm64", "linux_amd64", "linux_arm64", "darwin_amd64", "darwin_arm64"}
	if !slices.Equal(b.Targets, want) {
		t.Errorf("targets %v, want %v", b.Targets, want)
	}
	if b.Main != "./cmd/pxlint" || !slices.Contains(b.Env, "CGO_ENABLED=0") || !slices.Contains(b.Flags, "-trimpath") ||
		!slices.Contains(b.Ldflags, "-s -w") || b.ModTS == "" {
		t.Errorf("build %+v is not reproducible and static (main, CGO_ENABLED=0, -trimpath, -s -w, mod_timestamp)", b)
	}
	if len(cfg.Archives) != 1 || !slices.Equal(cfg.Archives[0].Formats, []string{"tar.gz"}) ||
		len(cfg.Archives[0].FormatOverrides) != 1 || cfg.Archives[0].FormatOverrides[0].Goos != "windows" ||
		!slices.Equal(cfg.Archives[0].FormatOverrides[0].Formats, []string{"zip"}) {
		t.Errorf("archives %+v: want tar.gz, zip on Windows", cfg.Archives)
	}
	if len(cfg.SBOMs) != 1 || cfg.SBOMs[0].Cmd != "cyclonedx-gomod" || cfg.SBOMs[0].Artifacts != "binary" {
		t.Errorf("sboms %+v: want cyclonedx-gomod over each binary", cfg.SBOMs)
	}
	if len(cfg.Scoops) != 1 || len(cfg.Winget) != 1 || len(cfg.Casks) != 1 {
		t.Errorf("want one scoop, one winget and one homebrew cask section")
	}
}

// TestReleaseWorkflow runs actionlint on the tag-triggered release workflow.
func TestReleaseWorkflow(t *testing.T) {
	actionlint := testenv.Tool(t, actionlintInstall, "actionlint")
	wf := filepath.Join(repoRoot(t), ".github", "workflows", "release.yml")
	out, err := exec.Command(actionlint, "-no-color", wf).CombinedOutput()
	if err != nil {
		t.Errorf("actionlint %s: %v\n%s", wf, err, out)
	}
	var doc struct {
		On struct {
			Push struct {
				Tags []string `yaml:"tags"`
			} `yaml:"push"`
		} `yaml:"on"`
	}
	yamlDoc(t, ".github/workflows/release.yml", &doc)
	if !slices.Equal(doc.On.Push.Tags, []string{"v*.*.*"}) {
		t.Errorf("release.yml runs on tags %v, want v*.*.*", doc.On.Push.Tags)
	}
}

// TestReleaseToolVersions: CI (.ci/run) checks releases with the same
// GoReleaser and cyclonedx-gomod versions the release workflow uses; the
// versions are written in both files, so this test keeps them equal.
func TestReleaseToolVersions(t *testing.T) {
	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join(repoRoot(t), rel))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	ci, wf := read(filepath.Join(".ci", "run")), read(filepath.Join(".github", "workflows", "release.yml"))
	for _, tc := range []struct {
		name       string
		ciRE, wfRE *regexp.Regexp
	}{
		{"goreleaser",
			regexp.MustCompile(`go install github\.com/goreleaser/goreleaser/v2@(v[0-9.]+)`),
			regexp.MustCompile(`(?m)^\s+version: (v[0-9.]+)$`)},
		{"cyclonedx-gomod",
			regexp.MustCompile(`go install github\.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@(v[0-9.]+)`),
			regexp.MustCompile(`go install github\.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@(v[0-9.]+)`)},
	} {
		c, w := tc.ciRE.FindStringSubmatch(ci), tc.wfRE.FindStringSubmatch(wf)
		if c == nil || w == nil || c[1] != w[1] {
			t.Errorf("%s: .ci/run installs %v, release.yml uses %v; want one pinned version in both", tc.name, c, w)
		}
	}
}
