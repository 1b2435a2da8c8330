//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// result is one in-process run of the CLI.
type result struct {
	code           int
	stdout, stderr string
}

// runPrompt runs the CLI and fails the test if the run does not end within
// a bound: the defects these tests guard against are hangs.
func runPrompt(t *testing.T, args ...string) result {
	t.Helper()
	done := make(chan result, 1)
	go func() {
		var stdout, stderr bytes.Buffer
		code := run(args, &stdout, &stderr, func(string) string { return "" })
		done <- result{code, stdout.String(), stderr.String()}
	}()
	select {
	case r := <-done:
		return r
	case <-time.After(60 * time.Second):
		t.Fatalf("pxlint %s did not end within 60 s", strings.Join(args, " "))
		return result{}
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const goodScript = "$PxBaseConnName = \"acme\"\n$PxVmssRegion = \"weu\"\n"

// Scripts that are FIFOs, symlinks to FIFOs, or unreadable end the run with
// exit code 2 naming them: never a hang, never a silent pass.
func TestUnreadableScriptsAreExit2(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	mkfifo(t, "fifo/x.ps1")
	writeFile(t, "fifo/ok.ps1", goodScript)
	mkfifo(t, "link/target")
	writeFile(t, "link/ok.ps1", goodScript)
	if err := os.Symlink("target", "link/evil.ps1"); err != nil {
		t.Fatal(err)
	}
	writeFile(t, "dangling/ok.ps1", goodScript)
	if err := os.Symlink("missing.ps1", "dangling/gone.ps1"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{"fifo", "fifo/x.ps1: not a regular file (named pipe)"},
		{"fifo/x.ps1", "fifo/x.ps1: not a regular file (named pipe)"},
		{"link", "link/evil.ps1: not a regular file (named pipe)"},
		{"link/evil.ps1", "link/evil.ps1: not a regular file (named pipe)"},
		{"dangling", "dangling/gone.ps1: "},
	} {
		r := runPrompt(t, "lint", "--format", "compact", tc.path)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("lint %s: exit %d, stderr %q; want exit 2 and %q", tc.path, r.code, r.stderr, tc.want)
		}
	}
	if r := runPrompt(t, "inspect", "fifo/x.ps1"); r.code != exitUsage {
		t.Errorf("inspect of a FIFO: exit %d, want 2", r.code)
	}

	if os.Geteuid() == 0 {
		t.Log("running as root: a file without read permission is still readable; that case is not tested")
		return
	}
	writeFile(t, "perm/locked.ps1", goodScript)
	writeFile(t, "perm/ok.ps1", goodScript)
	if err := os.Chmod("perm/locked.ps1", 0); err != nil {
		t.Fatal(err)
	}
	r := runPrompt(t, "lint", "--format", "compact", "perm")
	if r.code != exitUsage || !strings.Contains(r.stderr, "perm/locked.ps1") {
		t.Errorf("lint of a folder with an unreadable script: exit %d, stderr %q; want exit 2 naming it", r.code, r.stderr)
	}
}

// A UTF-32 script found in a folder is reported, not skipped as "assigns no
// $Px variable" (the reader's diagnostics say what is wrong with it).
func TestUTF32ScriptNotSkipped(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for name, bom := range map[string][]byte{"le.ps1": {0xFF, 0xFE, 0, 0}, "be.ps1": {0, 0, 0xFE, 0xFF}} {
		var b bytes.Buffer
		b.Write(bom)
		for _, r := range goodScript {
			if name == "le.ps1" {
				b.Write([]byte{byte(r), 0, 0, 0})
			} else {
				b.Write([]byte{0, 0, 0, byte(r)})
			}
		}
		writeFile(t, filepath.Join("repo", name), b.String())
	}
	r := runPrompt(t, "lint", "--verbose", "--format", "compact", "repo")
	if strings.Contains(r.stderr, "skipped") || strings.Contains(r.stderr, "no variables script found") {
		t.Errorf("a UTF-32 script was skipped: %q", r.stderr)
	}
	for _, name := range []string{"repo/le.ps1", "repo/be.ps1"} {
		if !strings.Contains(r.stdout, name) {
			t.Errorf("%s is not in the report:\n%s", name, r.stdout)
		}
	}
	if r.code == exitOK {
		t.Errorf("UTF-32 scripts pass: exit 0\n%s", r.stdout)
	}
}

// $PxPfxCertFileName naming a FIFO (as /proc/self/fd/1 would be) is a
// certificate that cannot be read: a status with the reason, never a hang.
func TestCertificateFIFOFromScript(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	mkfifo(t, "teams.pfx")
	writeFile(t, "v.ps1", goodScript+"$PxPfxCertFileName = \"teams.pfx\"\n")
	r := runPrompt(t, "lint", "--format", "json", "v.ps1")
	if r.code == exitUsage {
		t.Fatalf("exit 2: %s", r.stderr)
	}
	if !strings.Contains(r.stdout, "not a regular file") {
		t.Errorf("the report does not say the certificate is not a regular file:\n%s", r.stdout)
	}
}

// Every input named by a flag or found beside the scripts is refused when it
// is a FIFO (exit 2 naming the flag or file), never opened for a blocking read.
func TestFlagInputsFIFOAreExit2(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, "v.ps1", goodScript)
	mkfifo(t, "in.fifo")
	mkfifo(t, "policies/evil.rego")
	for _, args := range [][]string{
		{"--cert", "in.fifo"},
		{"--node-cert", "in.fifo"},
		{"--ca-file", "in.fifo", "--cert", "v.ps1"},
		{"--cert-password-file", "in.fifo"},
		{"--facts", "in.fifo"},
		{"--inventory", "in.fifo"},
		{"--baseline", "in.fifo"},
		{"--config", "in.fifo"},
		{"--policy", "policies"},
	} {
		all := append(append([]string{"lint", "--format", "compact"}, args...), "v.ps1")
		r := runPrompt(t, all...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "not a regular file") {
			t.Errorf("%s: exit %d, stderr %q; want exit 2, not a regular file", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	// A .pxlint.hcl found beside a script.
	mkfifo(t, "cfg/.pxlint.hcl")
	writeFile(t, "cfg/v.ps1", goodScript)
	if r := runPrompt(t, "lint", "cfg/v.ps1"); r.code != exitUsage || !strings.Contains(r.stderr, "not a regular file") {
		t.Errorf(".pxlint.hcl FIFO: exit %d, stderr %q", r.code, r.stderr)
	}
}

// A dot-sourced symlink to a huge file is read only up to the bound: a
// finding, promptly, without reading the file.
func TestDotSourcedHugeFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	f, err := os.Create("huge.bin")
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: 64 GiB of zeros that take no disk space (and would exhaust
	// memory if read whole, as /dev/zero would).
	if err := f.Truncate(64 << 30); err != nil {
		t.Skipf("no sparse files here: %v", err)
	}
	_ = f.Close()
	if err := os.Symlink("huge.bin", "common.ps1"); err != nil {
		t.Fatal(err)
	}
	mkfifo(t, "pipe.ps1")
	writeFile(t, "v.ps1", ". ./common.ps1\n. ./pipe.ps1\n"+goodScript)
	r := runPrompt(t, "lint", "--format", "json", "v.ps1")
	if r.code == exitUsage {
		t.Fatalf("exit 2: %s", r.stderr)
	}
	if !strings.Contains(r.stdout, "dot-sourced file is larger than") {
		t.Errorf("the report does not say the dot-sourced file is too large:\n%s", r.stdout)
	}
	// The FIFO is recorded as a dot-source that was not read, with why.
	r = runPrompt(t, "inspect", "v.ps1")
	if r.code != exitOK || !strings.Contains(r.stdout, `"reason": "not a regular file"`) {
		t.Errorf("inspect: exit %d, the FIFO's dot-source has no reason:\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// Output files: a FIFO (or, as root, /dev/null) is never replaced.
func TestReportOverFIFOIsExit2(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, "v.ps1", goodScript)
	mkfifo(t, "out.sarif")
	for _, args := range [][]string{{"--format", "sarif=out.sarif"}, {"--write-baseline", "out.sarif"}} {
		r := runPrompt(t, append(append([]string{"lint"}, args...), "v.ps1")...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "not a regular file") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2", args, r.code, r.stderr)
		}
		if st, err := os.Lstat("out.sarif"); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
			t.Fatalf("%v replaced the FIFO", args)
		}
	}
	writeFile(t, "real.sarif", "old")
	if err := os.Symlink("real.sarif", "link.sarif"); err != nil {
		t.Fatal(err)
	}
	if r := runPrompt(t, "lint", "--format", "sarif=link.sarif", "v.ps1"); r.code == exitUsage {
		t.Fatalf("report through a symlink: %s", r.stderr)
	}
	if st, err := os.Lstat("link.sarif"); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlinked report became a regular file")
	}
	if b, _ := os.ReadFile("real.sarif"); !bytes.Contains(b, []byte(`"version": "2.1.0"`)) {
		t.Errorf("the symlink's target holds %q, want the SARIF report", b)
	}
}

// The other scripts of a git work tree are read as context for PX206: a FIFO
// among them is not context, and never blocks the run.
func TestContextFIFONeverBlocks(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir(".git", 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, "weu/v.ps1", goodScript)
	mkfifo(t, "neu/v.ps1")
	if err := os.Symlink("../neu/v.ps1", "weu/link.ps1"); err != nil {
		t.Fatal(err)
	}
	if r := runPrompt(t, "lint", "--format", "compact", "weu/v.ps1"); r.code == exitUsage {
		t.Errorf("a FIFO in the work tree made the run fail: %s", r.stderr)
	}
}
