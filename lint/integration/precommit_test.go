package integration

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/internal/testenv"
)

// maxCopiedFile keeps build outputs (a stray pxlint binary) out of the copy
// of the repository the hook is installed from.
const maxCopiedFile = 4 << 20

// TestPreCommitHook installs the pxlint hook with Debian's real pre-commit
// (`pre-commit try-repo`, language golang: pre-commit runs `go install ./...`
// in the hook repository) and runs it in throwaway config repositories: it
// must fail naming the rule on a bad script and pass on a clean one.
//
// try-repo on a work tree with uncommitted changes includes tracked changes
// but not untracked files, so the hook repository is a committed copy of the
// current tree (tracked and untracked, ignored files left out): what is
// tested is what would be committed.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode: installs the hook with go install")
	}
	precommit := testenv.Tool(t, "apt-get install pre-commit", "pre-commit")
	git := testenv.Tool(t, "apt-get install git", "git")
	goBin := testenv.Tool(t, "https://go.dev/dl", "go")
	root := repoRoot(t)
	tmp := t.TempDir()

	env := append(os.Environ(),
		"GIT_AUTHOR_NAME=pxlint test", "GIT_AUTHOR_EMAIL=test@example.invalid",
		"GIT_COMMITTER_NAME=pxlint test", "GIT_COMMITTER_EMAIL=test@example.invalid",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		// Environments of hooks live here, shared by both runs below so the
		// hook is built once.
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit-home"),
		// pre-commit points GOPATH at its environment: keep the usual module
		// and build caches so nothing is downloaded or compiled twice, and
		// never fetch another toolchain.
		"GOMODCACHE="+goEnv(t, goBin, "GOMODCACHE"), "GOCACHE="+goEnv(t, goBin, "GOCACHE"),
		"GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod"), "GOTOOLCHAIN=local",
		"NO_COLOR=1",
	)
	run := func(dir string, name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	mustRun := func(dir string, name string, args ...string) {
		t.Helper()
		if out, err := run(dir, name, args...); err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
	}

	hookRepo := filepath.Join(tmp, "hook")
	copyWorkTree(t, git, root, hookRepo)
	if !isFile(filepath.Join(hookRepo, "cmd", "pxlint", "main.go")) {
		t.Fatal("cmd/pxlint/main.go is not among the files git would commit: pre-commit's go install would install no pxlint " +
			"(is it ignored? `git check-ignore -v cmd/pxlint/main.go`)")
	}
	mustRun(hookRepo, git, "init", "-q")
	mustRun(hookRepo, git, "add", "-A")
	mustRun(hookRepo, git, "commit", "-q", "-m", "pxlint under test")

	clean, err := os.ReadFile(filepath.Join(root, "examples", "az", "variables.ps1"))
	if err != nil {
		t.Fatal(err)
	}
	// The bad script differs by one element with host bits set: PX102.
	bad := bytes.Replace(clean, []byte(`"31.45.128.0/27"`), []byte(`"91.90.42.96/26"`), 1)
	if bytes.Equal(bad, clean) {
		t.Fatal("examples/az/variables.ps1 changed: no 31.45.128.0/27 element to break")
	}

	for _, tc := range []struct {
		name    string
		script  []byte
		wantErr bool
		want    string
	}{
		{"bad script fails", bad, true, "PX102"},
		{"clean script passes", clean, false, "Passed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// One config repository per script, so the repository context
			// (PX206) of one cannot see the other.
			cfg := filepath.Join(tmp, strings.ReplaceAll(tc.name, " ", "-"))
			must(t, os.MkdirAll(filepath.Join(cfg, "regions", "weu"), 0o755))
			script := filepath.Join("regions", "weu", "variables.ps1")
			must(t, os.WriteFile(filepath.Join(cfg, script), tc.script, 0o644))
			mustRun(cfg, git, "init", "-q")
			mustRun(cfg, git, "add", "-A")
			out, err := run(cfg, precommit, "try-repo", hookRepo, "pxlint", "--verbose", "--files", script)
			if strings.Contains(out, "An unexpected error has occurred") {
				t.Fatalf("pre-commit could not install or run the hook:\n%s", out)
			}
			var exit *exec.ExitError
			if tc.wantErr && (!errors.As(err, &exit) || exit.ExitCode() != 1) {
				t.Fatalf("pre-commit try-repo: err = %v, want exit status 1 (hook failed)\n%s", err, out)
			}
			if tc.wantErr != (err != nil) {
				t.Fatalf("pre-commit try-repo: err = %v, want failure %v\n%s", err, tc.wantErr, out)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("output lacks %q:\n%s", tc.want, out)
			}
		})
	}
}

func goEnv(t *testing.T, goBin, key string) string {
	t.Helper()
	out, err := exec.Command(goBin, "env", key).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", key, err)
	}
	return strings.TrimSpace(string(out))
}

// copyWorkTree copies the files git would commit with `git add -A` (tracked
// and untracked, not ignored) from src to dst.
func copyWorkTree(t *testing.T, git, src, dst string) {
	t.Helper()
	cmd := exec.Command(git, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = src
	out, err := cmd.Output()
	if err != nil {
		testenv.Missing(t, fmt.Sprintf("%s is not a git work tree (%v)", src, err))
	}
	for _, rel := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if rel == "" {
			continue
		}
		from := filepath.Join(src, rel)
		st, err := os.Lstat(from)
		if err != nil || !st.Mode().IsRegular() || st.Size() > maxCopiedFile {
			continue // deleted from the tree, a symlink, or a build output
		}
		to := filepath.Join(dst, rel)
		must(t, os.MkdirAll(filepath.Dir(to), 0o755))
		copyFile(t, from, to, st.Mode().Perm())
	}
}

func copyFile(t *testing.T, from, to string, perm os.FileMode) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	outf, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, perm)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(outf, in); err != nil {
		t.Fatal(err)
	}
	must(t, outf.Close())
}
