package main

import (
	"fmt"
	"io"
	"os"
	"runtime/trace"

	"github.com/pxlint/pxlint/lint/escape"
)

// startTrace writes a runtime/trace of this run to the file named by
// PXLINT_TRACE, for developers (docs/CONTRIBUTING.md, "Where a run's time
// goes"): one run of one script is too short for a CPU profile to sample,
// and a trace shows what overlaps on which core. The run's output is
// unchanged; a file that cannot be created is said on stderr and the run
// goes on untraced. The returned stop flushes the trace.
func startTrace(getenv func(string) string, stderr io.Writer) (stop func()) {
	path := getenv("PXLINT_TRACE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(stderr, "pxlint: PXLINT_TRACE: %s\n", escape.Text(err.Error()))
		return func() {}
	}
	if err := trace.Start(f); err != nil {
		fmt.Fprintf(stderr, "pxlint: PXLINT_TRACE: %s\n", escape.Text(err.Error()))
		_ = f.Close()
		return func() {}
	}
	return func() {
		trace.Stop()
		if err := f.Close(); err != nil {
			fmt.Fprintf(stderr, "pxlint: PXLINT_TRACE: %s\n", escape.Text(err.Error()))
		}
	}
}
