package integration

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/internal/testenv"
)

// actionStep returns the run script of the action.yml step with that name.
func actionStep(t *testing.T, name string) string {
	t.Helper()
	var action struct {
		Runs struct {
			Steps []struct {
				Name string `yaml:"name"`
				Run  string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	yamlDoc(t, "action.yml", &action)
	for _, s := range action.Runs.Steps {
		if s.Name == name {
			return s.Run
		}
	}
	t.Fatalf("action.yml has no step %q", name)
	return ""
}

// writeScript writes an executable shell script.
func writeScript(t *testing.T, path, body string) {
	t.Helper()
	must(t, os.WriteFile(path, []byte("#!/bin/sh\n"+body), 0o755))
}

// runStep runs a step's script with bash the way the runner does (bash
// --noprofile --norc -eo pipefail), in dir, with extra environment.
func runStep(t *testing.T, script, dir string, env ...string) (string, error) {
	t.Helper()
	bash := testenv.Tool(t, "apt-get install bash", "bash")
	cmd := exec.Command(bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestActionRunStep: the action passes --fail-on only when the workflow
// sets the input, so by default the repository's .pxlint.hcl fail_on
// applies (as it does in pre-commit).
func TestActionRunStep(t *testing.T) {
	script := actionStep(t, "Run pxlint")
	for _, tc := range []struct {
		name, failOn, want string
	}{
		{"no input: no --fail-on", "", "lint --format pretty --format sarif=out.sarif --profile az a.ps1 regions"},
		{"input set", "warning", "lint --format pretty --format sarif=out.sarif --fail-on warning --profile az a.ps1 regions"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			bin := filepath.Join(dir, "bin")
			must(t, os.Mkdir(bin, 0o755))
			writeScript(t, filepath.Join(bin, "pxlint"), `echo "$*" > "$ARGS_LOG"`+"\n")
			argsLog := filepath.Join(dir, "args")
			out, err := runStep(t, script, dir,
				"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
				"ARGS_LOG="+argsLog, "GITHUB_OUTPUT="+filepath.Join(dir, "output"),
				"PXLINT_PATHS=a.ps1 regions", "PXLINT_FAIL_ON="+tc.failOn, "PXLINT_FORMAT=pretty",
				"PXLINT_SARIF=out.sarif", "PXLINT_ARGS=--profile az")
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			got, err := os.ReadFile(argsLog)
			must(t, err)
			if strings.TrimSpace(string(got)) != tc.want {
				t.Errorf("pxlint %s\nwant   pxlint %s", strings.TrimSpace(string(got)), tc.want)
			}
			output, err := os.ReadFile(filepath.Join(dir, "output"))
			must(t, err)
			if string(output) != "sarif-file=out.sarif\n" {
				t.Errorf("GITHUB_OUTPUT = %q", output)
			}
		})
	}
}

// fakeRelease writes a release folder: the Linux amd64 archive holding a
// stand-in pxlint, and checksums.txt as GoReleaser writes it.
func fakeRelease(t *testing.T, dir string, tamper bool) {
	t.Helper()
	name := "pxlint_1.2.0_linux_amd64.tar.gz"
	f, err := os.Create(filepath.Join(dir, name))
	must(t, err)
	zw := gzip.NewWriter(f)
	tw := tar.NewWriter(zw)
	body := []byte("#!/bin/sh\necho \"pxlint 1.2.0 $*\"\n") // prints its arguments too
	must(t, tw.WriteHeader(&tar.Header{Name: "pxlint", Mode: 0o755, Size: int64(len(body))}))
	_, err = tw.Write(body)
	must(t, err)
	readme := []byte("README\n")
	must(t, tw.WriteHeader(&tar.Header{Name: "README.md", Mode: 0o644, Size: int64(len(readme))}))
	_, err = tw.Write(readme)
	must(t, err)
	must(t, tw.Close())
	must(t, zw.Close())
	must(t, f.Close())
	b, err := os.ReadFile(filepath.Join(dir, name))
	must(t, err)
	sum := sha256.Sum256(b)
	if tamper {
		sum[0] ^= 0xff
	}
	checksums := fmt.Sprintf("%s  pxlint_1.2.0_windows_amd64.zip\n%s  %s\n", strings.Repeat("0", 64), hex.EncodeToString(sum[:]), name)
	must(t, os.WriteFile(filepath.Join(dir, "checksums.txt"), []byte(checksums), 0o644))
}

// TestActionDownloadStep runs the download step against a stand-in gh
// (no network): the tag comes from the input, else from a release-tag
// action ref, else none (latest); the archive is used only when its
// checksum matches; the binary lands on GITHUB_PATH.
func TestActionDownloadStep(t *testing.T) {
	script := actionStep(t, "Download pxlint")
	testenv.Tool(t, "apt-get install coreutils", "sha256sum")
	for _, tc := range []struct {
		name, version, ref string
		tamper             bool
		wantTag            string
		ok                 bool
	}{
		{"version input", "v1.1.0", "v1.2.0", false, "v1.1.0", true},
		{"action pinned to a release tag", "", "v1.2.0", false, "v1.2.0", true},
		{"action on a branch: latest release", "", "main", false, "", true},
		{"checksum mismatch fails", "", "v1.2.0", true, "v1.2.0", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			release, bin, runnerTemp := filepath.Join(dir, "release"), filepath.Join(dir, "fakebin"), filepath.Join(dir, "runner-temp")
			for _, d := range []string{release, bin, runnerTemp} {
				must(t, os.Mkdir(d, 0o755))
			}
			fakeRelease(t, release, tc.tamper)
			// gh release download [TAG] --repo R --dir D --pattern P...: log the
			// arguments, copy the release into D.
			writeScript(t, filepath.Join(bin, "gh"), `echo "$*" > "$GH_LOG"
while [ $# -gt 0 ]; do
  if [ "$1" = --dir ]; then dir="$2"; fi
  shift
done
cp "$FAKE_RELEASE"/* "$dir"/
`)
			ghLog, githubPath := filepath.Join(dir, "gh-args"), filepath.Join(dir, "github-path")
			out, err := runStep(t, script, dir,
				"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
				"GH_LOG="+ghLog, "FAKE_RELEASE="+release, "GITHUB_PATH="+githubPath, "RUNNER_TEMP="+runnerTemp,
				"RUNNER_OS=Linux", "RUNNER_ARCH=X64",
				"PXLINT_VERSION="+tc.version, "PXLINT_ACTION_REF="+tc.ref, "PXLINT_REPOSITORY=pxlint/pxlint")
			ghArgs, _ := os.ReadFile(ghLog)
			wantArgs := "release download " + tc.wantTag + " --repo pxlint/pxlint"
			if tc.wantTag == "" {
				wantArgs = "release download --repo pxlint/pxlint"
			}
			if !strings.HasPrefix(string(ghArgs), wantArgs+" ") || !strings.Contains(string(ghArgs), "--pattern pxlint_*_linux_amd64.tar.gz --pattern checksums.txt") {
				t.Errorf("gh %s\nwant gh %s ... --pattern pxlint_*_linux_amd64.tar.gz --pattern checksums.txt", ghArgs, wantArgs)
			}
			path, _ := os.ReadFile(githubPath)
			if !tc.ok {
				if err == nil || len(path) > 0 {
					t.Fatalf("a tampered archive was accepted (GITHUB_PATH %q):\n%s", path, out)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			binDir := filepath.Join(runnerTemp, "pxlint-release", "bin")
			if strings.TrimSpace(string(path)) != binDir {
				t.Errorf("GITHUB_PATH = %q, want %s", path, binDir)
			}
			if !strings.Contains(out, "pxlint 1.2.0") {
				t.Errorf("the step did not run the downloaded pxlint version:\n%s", out)
			}
		})
	}
}
