package report

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseOutputs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		specs []string
		want  []Output // compared on Format and Path
		err   string
	}{
		{name: "default", specs: nil, want: []Output{{Format: "pretty"}}},
		{name: "one", specs: []string{"sarif"}, want: []Output{{Format: "sarif"}}},
		{name: "case", specs: []string{"JUnit=out/r.xml"}, want: []Output{{Format: "junit", Path: "out/r.xml"}}},
		{name: "several", specs: []string{"pretty", "sarif=pxlint.sarif", "junit=reports/junit.xml"},
			want: []Output{{Format: "pretty"}, {Format: "sarif", Path: "pxlint.sarif"}, {Format: "junit", Path: "reports/junit.xml"}}},
		{name: "path with =", specs: []string{"json=a=b.json"}, want: []Output{{Format: "json", Path: "a=b.json"}}},
		{name: "unknown", specs: []string{"xml"}, err: `unknown format "xml"`},
		{name: "unknown with path", specs: []string{"html=r.html"}, err: `unknown format "html"`},
		{name: "two on stdout", specs: []string{"pretty", "github"}, err: "both write to standard output"},
		{name: "same path twice", specs: []string{"sarif=r.out", "json=./r.out"}, err: "--format sarif=r.out and --format json=./r.out both write to one file"},
		{name: "empty path", specs: []string{"sarif="}, err: "empty path"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseOutputs(tc.specs)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d outputs, want %d", len(got), len(tc.want))
			}
			for i := range got {
				if got[i].Format != tc.want[i].Format || got[i].Path != tc.want[i].Path {
					t.Errorf("output %d = %s=%s, want %s=%s", i, got[i].Format, got[i].Path, tc.want[i].Format, tc.want[i].Path)
				}
			}
		})
	}
}

func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	sarifPath := filepath.Join(dir, "deep", "er", "pxlint.sarif")
	junitPath := filepath.Join(dir, "junit.xml")
	if err := os.WriteFile(junitPath, []byte("old report"), 0o600); err != nil {
		t.Fatal(err)
	}
	outs, err := ParseOutputs([]string{"pretty", "sarif=" + sarifPath, "junit=" + junitPath})
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	if err := WriteAll(outs, &stdout, fixtureReport(), fixtureRules(), Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stdout.Bytes(), render(t, "pretty", Options{Color: true})) {
		t.Error("stdout is not the coloured pretty report")
	}
	for path, format := range map[string]string{sarifPath: "sarif", junitPath: "junit"} {
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, render(t, format, Options{})) {
			t.Errorf("%s: not the %s report", path, format)
		}
		if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", path, st.Mode().Perm())
		}
	}
	// No temporary file left behind.
	for _, d := range []string{dir, filepath.Dir(sarifPath)} {
		ents, _ := os.ReadDir(d)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("temporary file %s left in %s", e.Name(), d)
			}
		}
	}
}

func TestWriteAllFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	// A path under a regular file cannot be created.
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(dir, "keep.json")
	if err := os.WriteFile(keep, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	outs, err := ParseOutputs([]string{"sarif=" + filepath.Join(blocker, "r.sarif"), "json=" + keep})
	if err != nil {
		t.Fatal(err)
	}
	err = WriteAll(outs, &bytes.Buffer{}, fixtureReport(), fixtureRules(), Options{})
	if err == nil || !strings.Contains(err.Error(), "writing sarif report") {
		t.Fatalf("err = %v, want the sarif output's error", err)
	}
	// The other output was still written.
	if got, _ := os.ReadFile(keep); !bytes.Equal(got, render(t, "json", Options{})) {
		t.Error("the json output was not written after the sarif one failed")
	}
}

func TestFilesNeverColoured(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "pretty.txt")
	outs, err := ParseOutputs([]string{"pretty=" + p})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteAll(outs, &bytes.Buffer{}, fixtureReport(), fixtureRules(), Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if bytes.Contains(got, []byte("\x1b[")) {
		t.Error("a report file contains ANSI escapes")
	}
}

func TestColorWanted(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name string
		w    io.Writer
		mode ColorMode
		env  func(string) string
		want bool
	}{
		{"auto, buffer", &bytes.Buffer{}, ColorAuto, env("TERM", "xterm"), false},
		{"auto, regular file", f, ColorAuto, env("TERM", "xterm"), false},
		{"auto, FORCE_COLOR for a CI log", f, ColorAuto, env("FORCE_COLOR", "1"), true},
		{"auto, FORCE_COLOR=0", f, ColorAuto, env("FORCE_COLOR", "0"), false},
		{"auto, FORCE_COLOR=false", f, ColorAuto, env("FORCE_COLOR", "false"), false},
		{"auto, NO_COLOR beats FORCE_COLOR", f, ColorAuto, env("FORCE_COLOR", "1", "NO_COLOR", "1"), false},
		{"always beats NO_COLOR", &bytes.Buffer{}, ColorAlways, env("NO_COLOR", "1"), true},
		{"never beats FORCE_COLOR", f, ColorNever, env("FORCE_COLOR", "1"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ColorWanted(tc.w, tc.mode, tc.env); got != tc.want {
				t.Errorf("ColorWanted = %v, want %v", got, tc.want)
			}
		})
	}
	// A terminal is needed for the positive auto case; use the controlling
	// one when the test has it.
	tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no terminal to test the positive case")
	}
	defer tty.Close()
	if !ColorWanted(tty, ColorAuto, env("TERM", "xterm")) {
		t.Error("colour not wanted on a terminal")
	}
	if ColorWanted(tty, ColorAuto, env("TERM", "dumb")) {
		t.Error("TERM=dumb ignored")
	}
	if ColorWanted(tty, ColorAuto, env("NO_COLOR", "1")) {
		t.Error("NO_COLOR ignored")
	}
}

func TestParseColorMode(t *testing.T) {
	for in, want := range map[string]ColorMode{"": ColorAuto, "auto": ColorAuto, "ALWAYS": ColorAlways, "never": ColorNever} {
		if got, err := ParseColorMode(in); err != nil || got != want {
			t.Errorf("ParseColorMode(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseColorMode("sometimes"); err == nil {
		t.Error("ParseColorMode accepted sometimes")
	}
}
