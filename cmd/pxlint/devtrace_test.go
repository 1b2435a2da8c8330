package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTraceWritesATraceAndKeepsTheOutput(t *testing.T) {
	dir := t.TempDir()
	tracePath := filepath.Join(dir, "run.trace")
	env := map[string]string{"PXLINT_TRACE": tracePath}
	var stderr bytes.Buffer
	stop := startTrace(func(k string) string { return env[k] }, &stderr)
	var out, errOut bytes.Buffer
	code := run([]string{"rules"}, &out, &errOut, func(string) string { return "" })
	stop()
	if code != exitOK || stderr.Len() > 0 || errOut.Len() > 0 {
		t.Fatalf("exit %d, stderr %q %q", code, stderr.String(), errOut.String())
	}
	var plain bytes.Buffer
	run([]string{"rules"}, &plain, &errOut, func(string) string { return "" })
	if out.String() != plain.String() {
		t.Error("tracing changed the output")
	}
	b, err := os.ReadFile(tracePath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("go 1.")) {
		t.Errorf("%s does not start like a Go execution trace: %q", tracePath, b[:min(len(b), 16)])
	}
}

func TestTraceToAnUnwritableFileIsANoteNotAFailure(t *testing.T) {
	env := map[string]string{"PXLINT_TRACE": filepath.Join(t.TempDir(), "missing", "run.trace")}
	var stderr bytes.Buffer
	stop := startTrace(func(k string) string { return env[k] }, &stderr)
	stop()
	if !strings.HasPrefix(stderr.String(), "pxlint: PXLINT_TRACE: ") || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("want one line naming PXLINT_TRACE, got %q", stderr.String())
	}
}

func TestNoTraceWithoutTheVariable(t *testing.T) {
	var stderr bytes.Buffer
	startTrace(func(string) string { return "" }, &stderr)()
	if stderr.Len() > 0 {
		t.Errorf("stderr %q", stderr.String())
	}
}
