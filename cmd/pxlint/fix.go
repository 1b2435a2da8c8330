package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/buildinfo"
	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/fix"
	"github.com/pxlint/pxlint/lint/report"
)

// runFix is `pxlint fix [--unsafe-fixes] [--diff] [--check] PATH...`:
// apply the machine-applicable fixes, re-lint, repeat until nothing
// changes (lint.Fix), then write the files (or print a diff, or only say
// whether fixes are pending) and what remains. PATH - reads one script
// from standard input and prints it fixed on standard output, as
// formatters do for editors; everything else then goes to stderr.
func runFix(args []string, in io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	const synopsis = "pxlint fix [--unsafe-fixes] [--diff] [--check] [flags] PATH...   (PATH - prints the fixed script from standard input)"
	fs := newFlagSet("fix")
	var c commonFlags
	c.register(fs)
	var fo lint.FixOptions
	var diff, check bool
	fs.BoolVar(&fo.Unsafe, "unsafe-fixes", false, "also apply unsafe fixes: those that change the deployed values (see 'pxlint explain PXnnn')")
	fs.BoolVar(&diff, "diff", false, "print a unified diff of the fixes and write nothing; exit 1 when there is one")
	fs.BoolVar(&check, "check", false, "write nothing; exit 1 when fixes are pending (for CI: \"run pxlint fix\")")
	var failOn string
	fs.StringVar(&failOn, "fail-on", "", "lowest severity of a remaining finding that fails the run: error, warning, info or never (default: config, else error)")
	fs.StringVar(&c.opts.StdinName, "stdin-filename", "", "with PATH -: the path the script on standard input stands for, for positions, config discovery and relative names (for editors)")
	if done, code := parseFlags(fs, args, synopsis, stdout, stderr); done {
		return code
	}
	c.opts.Paths = fs.Args()
	if len(c.opts.Paths) == 0 {
		return fail(stderr, "fix: no PATH given (try 'pxlint fix .')")
	}
	if n := countStdin(c.opts.Paths); n > 1 {
		return fail(stderr, "fix: - (standard input) given more than once")
	} else if n == 1 {
		c.opts.Stdin = in
	} else if c.opts.StdinName != "" {
		return fail(stderr, "fix: --stdin-filename needs - among the PATHs")
	}
	// With -, standard output carries the fixed script alone (unless --diff
	// or --check asked for those instead): what pxlint says goes to stderr.
	script := io.Discard
	if c.opts.Stdin != nil && !diff && !check {
		script, stdout = stdout, stderr
	}
	threshold, err := parseFailOn(failOn)
	if err != nil {
		return fail(stderr, err.Error())
	}
	c.opts.FailOn = threshold
	if err := c.finish(getenv); err != nil {
		return fail(stderr, err.Error())
	}
	c.opts.Log = stderr
	res, err := lint.Fix(context.Background(), c.opts, fo)
	if err != nil {
		return fail(stderr, err.Error())
	}
	for _, n := range res.Report.Notices {
		fmt.Fprintf(stderr, "pxlint: note: %s\n", escape.Text(n))
	}
	for _, r := range res.Refused {
		fmt.Fprintf(stderr, "pxlint: %s\n", escape.Text(r))
	}
	switch {
	case diff:
		for _, ff := range res.Files {
			fmt.Fprint(stdout, fixDiff(ff))
		}
		if len(res.Files) > 0 {
			return exitFindings
		}
		return exitOK
	case check:
		n := 0
		for _, ff := range res.Files {
			for _, a := range ff.Fixes {
				fmt.Fprintf(stdout, "would fix %s\n", describeFix(ff.Path, a))
				n++
			}
		}
		if n > 0 {
			fmt.Fprintf(stdout, "%s pending in %s: run pxlint fix%s\n", count(n, "fix", "fixes"), count(len(res.Files), "file", "files"), unsafeFlag(fo.Unsafe))
			return exitFindings
		}
		fmt.Fprintln(stdout, "no fixes pending")
		return exitOK
	}
	if err := lint.WriteFixes(res.Files); err != nil {
		return fail(stderr, err.Error())
	}
	if _, err := script.Write(res.Stdin); err != nil {
		return fail(stderr, err.Error())
	}
	n := 0
	for _, ff := range res.Files {
		for _, a := range ff.Fixes {
			fmt.Fprintf(stdout, "fixed %s\n", describeFix(ff.Path, a))
			n++
		}
	}
	rep := res.Report
	rep.Version = buildinfo.Get().Version
	remaining := 0
	for i := range rep.Files {
		for j := range rep.Files[i].Findings {
			if !rep.Files[i].Findings[j].Suppressed() {
				remaining++
			}
		}
	}
	verb := "remain"
	if remaining == 1 {
		verb = "remains"
	}
	fmt.Fprintf(stdout, "%s applied in %s; %s %s\n", count(n, "fix", "fixes"), count(len(res.Files), "file", "files"),
		count(remaining, "finding", "findings"), verb)
	if remaining > 0 {
		outs, _ := report.ParseOutputs([]string{"compact"})
		if err := report.WriteAll(outs, stdout, rep, res.Rules, report.Options{}.WithEnv(getenv)); err != nil {
			return fail(stderr, err.Error())
		}
	}
	if res.Pending > 0 {
		fmt.Fprintf(stdout, "%s still pending after %d passes: run pxlint fix again\n", count(res.Pending, "fix", "fixes"), res.Passes)
	}
	if _, unsafe := lint.AvailableFixes(rep, fo.Unsafe); unsafe > 0 {
		fmt.Fprintf(stdout, "%s with --unsafe-fixes (they change deployed values: review them with --diff --unsafe-fixes)\n", count(unsafe, "more fix", "more fixes"))
	}
	if len(rep.Files) == 0 {
		return exitOK
	}
	return rep.ExitCode()
}

// describeFix is one line of what a fix did: "x.ps1:44:5 PX002 quote 80.213.4.17 (safe)".
func describeFix(path string, a lint.AppliedFix) string {
	where := path
	if a.Line > 0 {
		where = fmt.Sprintf("%s:%d:%d", path, a.Line, a.Column)
	}
	return escape.Text(fmt.Sprintf("%s %s %s (%s)", where, a.RuleID, a.Message, a.Safety))
}

// fixDiff is the unified diff of one fixed file, computed on its decoded
// lines with secrets masked (as the lint saw them before and after), so
// it reads alike whatever the file's encoding and never shows a secret. A
// re-encoding leaves the text alone and is said in a line before the diff.
func fixDiff(ff *lint.FixedFile) string {
	var b strings.Builder
	// The path is escaped on its own: escape.Lines below keeps line breaks,
	// and a newline in a file name would split the diff's header.
	path := escape.Text(ff.Path)
	if ff.Reencoded {
		fmt.Fprintf(&b, "pxlint: %s: saved as UTF-8 with BOM (the text is unchanged)\n", path)
	}
	before, after := joinLines(ff.BeforeLines), joinLines(ff.AfterLines)
	b.WriteString(udiff.Unified("a/"+path, "b/"+path, before, after))
	return escape.Lines(strings.TrimSuffix(b.String(), "\n")) + "\n"
}

func joinLines(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func unsafeFlag(unsafe bool) string {
	if unsafe {
		return " --unsafe-fixes"
	}
	return ""
}

// lintFix is the first half of `pxlint lint --fix`: the safe fixes are
// applied and written; the lint run that follows reports what remains
// (with its formats, baselines and exit code).
func lintFix(opts lint.Options, stderr io.Writer) error {
	res, err := lint.Fix(context.Background(), opts, lint.FixOptions{})
	if err != nil {
		return err
	}
	if err := lint.WriteFixes(res.Files); err != nil {
		return err
	}
	n := 0
	for _, ff := range res.Files {
		n += len(ff.Fixes)
	}
	if n > 0 {
		fmt.Fprintf(stderr, "pxlint: %s applied in %s\n", count(n, "fix", "fixes"), count(len(res.Files), "file", "files"))
	}
	return nil
}

// explainFix adds the rule's machine-applicable fix, if it has one, to
// `pxlint explain`: what it writes and whether it is safe.
func explainFix(w io.Writer, rule string) {
	x, ok := fix.Lookup(rule)
	if !ok {
		return
	}
	fmt.Fprintf(w, "\nAutomatic fix (%s)\n  %s\n  safety: %s\n", strings.Join(x.Commands(), ", "), x.Summary, x.SafetyText())
}
