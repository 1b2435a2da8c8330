package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

func TestWriteCreatesFoldersAndReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "out.txt")
	for _, content := range []string{"first", "second"} {
		if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, content); return err }); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Fatalf("read %q, %v; want %q", got, err, content)
		}
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
}

func TestFailedWriteKeepsOldFileAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	if err := Write(path, func(w io.Writer) error { _, _ = io.WriteString(w, "half"); return boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("file = %q, want the old content", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestWriteThroughSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "report.sarif")
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "report.sarif")
	if err := os.Symlink("real/report.sarif", link); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "dangling.json")
	if err := os.Symlink(filepath.Join(dir, "real", "new.json"), dangling); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ link, target string }{{link, target}, {dangling, filepath.Join(dir, "real", "new.json")}} {
		if err := Write(tc.link, writeString("new")); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Lstat(tc.link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symlink: %v", tc.link, err)
		}
		if got, _ := os.ReadFile(tc.target); string(got) != "new" {
			t.Errorf("target %s = %q, want the new content", tc.target, got)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "real")); len(entries) != 2 {
		t.Errorf("want the two targets only, got %v", entries)
	}
	loop := filepath.Join(dir, "loop")
	if err := os.Symlink("loop", loop); err != nil {
		t.Fatal(err)
	}
	if err := Write(loop, writeString("x")); err == nil {
		t.Error("a symlink loop was written")
	}
}

func TestSame(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("a.json", []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	same := [][2]string{
		{"a.json", filepath.Join(dir, "a.json")},
		{"a.json", "sub/../a.json"},
		{"new.sarif", "./new.sarif"},
	}
	if runtime.GOOS != "windows" {
		if err := os.Symlink("a.json", "link.json"); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(dir, "dirlink"); err != nil {
			t.Fatal(err)
		}
		if err := os.Link("a.json", "hard.json"); err != nil {
			t.Fatal(err)
		}
		same = append(same, [2]string{"a.json", "link.json"}, [2]string{"a.json", "dirlink/a.json"},
			[2]string{"new.sarif", "dirlink/new.sarif"}, [2]string{"a.json", "hard.json"})
	}
	for _, p := range same {
		if !Same(p[0], p[1]) {
			t.Errorf("Same(%s, %s) = false", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"a.json", "b.json"}, {"a.json", "sub/a.json"}} {
		if Same(p[0], p[1]) {
			t.Errorf("Same(%s, %s) = true", p[0], p[1])
		}
	}
}

// helperEnv makes the test binary a process that is interrupted while
// writing (TestRemoveOnSignal).
const helperEnv = "PXLINT_ATOMICFILE_HELPER"

func TestMain(m *testing.M) {
	if path := os.Getenv(helperEnv); path != "" {
		RemoveOnSignal(os.Exit)
		_ = Write(path, func(w io.Writer) error {
			_, _ = io.WriteString(w, "half a report")
			fmt.Println("writing")
			time.Sleep(time.Minute) // until the signal
			return nil
		})
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestRemoveOnSignal(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM to send")
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), helperEnv+"="+filepath.Join(dir, "report.sarif"))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		if line != "writing\n" {
			_ = cmd.Process.Kill()
			t.Fatalf("helper said %q", line)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Fatalf("no temporary file while writing: %v", entries)
		}
		_ = cmd.Process.Signal(sig)
		err = cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 128+int(sig) {
			t.Errorf("%v: exit %v, want %d", sig, err, 128+int(sig))
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%v left files behind: %v", sig, entries)
		}
	}
}
