package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/report"
)

// injection is the PX006 case: a value that, printed raw, is a
// GitHub error annotation and an Azure DevOps variable assignment.
const injection = "$PxBaseConnName = \"x`n::error title=INJ::injected`n##vso[task.setvariable variable=p6]1\"\n"

// writeHostileRepo writes a folder a hostile pull request could add.
func writeHostileRepo(t *testing.T, dir string) {
	t.Helper()
	files := map[string]string{
		// PX006 "which value wins" and PX201 quote the value.
		"inject.ps1": injection + injection + "$PxVmssRegion = \"weu\"\n",
		// Terminal escapes in a value and in a comment shown as a snippet.
		"esc.ps1": "$PxBaseConnName = \"acme\x1b[31m\a\" # \x1b]0;pwned\a ##vso[task.complete result=Succeeded]\n",
		// A not_verified reason and a PX310 message quoting the file name.
		"pfx.ps1": "$PxBaseConnName = \"acme\"\n$PxPfxCertFileName = \"x`n::error::pfx ##vso[task.complete result=Succeeded]\x1b[2J.pfx\"\n",
		// PX502 quotes $PxTeamsConnFqdn, a hostile one that is no DNS name (PX303, which skips it, would quote it too).
		"fqdn.ps1": "$PxBaseConnName = \"acme\"\n$PxTeamsConnFqdn = \"x`n::error::fqdn ##vso[task.setvariable variable=f]1\a\"\n",
	}
	if runtime.GOOS != "windows" {
		// File names that are a GitHub command when printed at a line start
		// (Windows allows neither ':' nor a newline in a name).
		files["::warning title=pwned::x.ps1"] = "$PxBaseConnName = \"acme\"\n"
		files["nl\n::error::y.ps1"] = "$PxBaseConnName = \"acme\"\n"
		files["vso ##vso[task.setvariable variable=p]1.ps1"] = "$PxBaseConnName = \"acme\"\n"
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var (
	githubAnnotation = regexp.MustCompile(`^::(error|warning|notice) [a-zA-Z]+=[^:,]*(,[a-zA-Z]+=[^:,]*)*::`)
	azureCommand     = regexp.MustCompile(`^##vso\[task\.(logissue [a-z]+=[^;\]]*(;[a-z]+=[^;\]]*)*|complete result=Failed;)\]`)
)

// checkInert fails on a raw control character or a line that can start a CI
// command, other than pxlint's own annotations in the github and azure
// formats.
func checkInert(t *testing.T, what, format, out string) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		for _, r := range line {
			if r != '\t' && escape.IsControl(r) {
				t.Errorf("%s line %d: raw control character %U: %q", what, i+1, r, line)
			}
		}
		rest := line
		switch {
		case format == "github" && githubAnnotation.MatchString(line):
			rest = line[len(githubAnnotation.FindString(line)):]
		case format == "azure" && azureCommand.MatchString(line):
			rest = line[len(azureCommand.FindString(line)):]
		default:
			trimmed := strings.TrimLeft(line, " \t")
			if strings.HasPrefix(trimmed, "::") || strings.HasPrefix(trimmed, "##[") {
				t.Errorf("%s line %d starts a workflow command: %q", what, i+1, line)
			}
		}
		if strings.Contains(strings.ToLower(rest), "##vso[") {
			t.Errorf("%s line %d holds ##vso[: %q", what, i+1, line)
		}
	}
}

// End to end through the CLI: hostile values and file names in every format,
// on stdout and stderr.
func TestHostileRepoIsInertInEveryFormat(t *testing.T) {
	cert, err := filepath.Abs(filepath.Join("..", "..", "examples", "certs", "teams-good.pfx"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeHostileRepo(t, dir)
	t.Chdir(dir)
	env := func(string) string { return "" }
	for _, format := range report.Names() {
		for _, args := range [][]string{{"."}, {"--cert", cert, "fqdn.ps1"}} {
			if testing.Short() && args[0] == "--cert" && format != "compact" {
				continue // -short (the race run): the FQDN's quoting once is enough
			}
			var stdout, stderr bytes.Buffer
			all := append([]string{"lint", "--format", format, "--now", "2026-11-26"}, args...)
			if code := run(all, &stdout, &stderr, env); code != exitFindings {
				t.Fatalf("%s: exit %d, want 1; stderr:\n%s", strings.Join(all, " "), code, stderr.String())
			}
			checkInert(t, format+" stdout", format, stdout.String())
			checkInert(t, format+" stderr", "", stderr.String())
			// The hostile FQDN is no DNS name: PX502 owns it and quotes it
			// (PX303 skips a value PX502 reports, one problem, one rule).
			if format == "compact" && args[0] == "--cert" && !strings.Contains(stdout.String(), "PX502") {
				t.Errorf("no PX502 to quote the FQDN:\n%s", stdout.String())
			}
		}
		if format == "pretty" {
			var stdout bytes.Buffer
			_ = run([]string{"lint", "--format", format, "--now", "2026-11-26", "."}, &stdout, io.Discard, env)
			// The values are still there for a person to read, escaped.
			want := []string{`x\n::error title=INJ::injected\n#\#vso[task.setvariable variable=p6]1`, `acme\x1b[31m\x07`}
			if runtime.GOOS != "windows" {
				want = append(want, `\::warning title=pwned::x.ps1`)
			}
			for _, want := range want {
				if !strings.Contains(stdout.String(), want) {
					t.Errorf("pretty output lacks %q:\n%s", want, stdout.String())
				}
			}
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"inspect", "inject.ps1"}, &stdout, &stderr, env); code != exitOK {
		t.Fatalf("inspect: exit %d: %s", code, stderr.String())
	}
	checkInert(t, "inspect", "json", stdout.String())
}

// A .pxlint.hcl value quoted in an error on stderr is one inert line.
func TestHostileConfigErrorIsInert(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	must(t, os.WriteFile(".pxlint.hcl", []byte("pxlint {\n  fail_on = \"##vso[task.prependpath]./evil\"\n}\n"), 0o644))
	must(t, os.WriteFile("v.ps1", []byte("$PxBaseConnName = \"acme\"\n"), 0o644))
	env := func(string) string { return "" }
	for _, args := range [][]string{
		{"lint", "--format", "compact", "v.ps1"},
		{"lint", "--format", "azure", "v.ps1"},
		{"config", "verify"},
		{"lint", "--fail-on", "##vso[task.prependpath]./evil\n::error::x", "v.ps1"},
		{"lint", "--format", "##vso[x]=\x1b[2J", "v.ps1"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr, env); code != exitUsage {
			t.Fatalf("%q: exit %d, want 2; stderr %q", args, code, stderr.String())
		}
		if n := strings.Count(stderr.String(), "\n"); n != 1 {
			t.Errorf("%q: %d lines on stderr, want one: %q", args, n, stderr.String())
		}
		checkInert(t, strings.Join(args, " ")+" stderr", "", stderr.String())
		checkInert(t, strings.Join(args, " ")+" stdout", "", stdout.String())
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
