package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/atomicfile"
	"github.com/pxlint/pxlint/lint/plan"
	"github.com/pxlint/pxlint/lint/planreport"
)

// runPlan implements `pxlint plan [flags] FILE...`: the read-only preview of
// each regional deployment, from the same run `pxlint lint` makes. It exits
// 0 whatever the verdict: the plan shows it, and `pxlint lint` is the gate.
func runPlan(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	const synopsis = "pxlint plan [flags] FILE..."
	fs := newFlagSet("plan")
	var c commonFlags
	c.register(fs)
	var format, output string
	var col colorFlags
	fs.StringVar(&format, "format", "pretty", "output format: "+strings.Join(planreport.PlanFormats, ", "))
	fs.StringVar(&output, "output", "", "write to this file instead of standard output")
	col.register(fs)
	if done, code := parseFlags(fs, args, synopsis, stdout, stderr); done {
		return code
	}
	if fs.NArg() == 0 {
		return fail(stderr, "plan: no FILE given (try 'pxlint plan variables.ps1')")
	}
	if !slices.Contains(planreport.PlanFormats, format) {
		return fail(stderr, fmt.Sprintf("plan: --format %q: want %s", format, strings.Join(planreport.PlanFormats, ", ")))
	}
	color, err := col.wanted(stdout, getenv)
	if err != nil {
		return fail(stderr, err.Error())
	}
	if err := c.finish(getenv); err != nil {
		return fail(stderr, err.Error())
	}
	c.opts.Paths = fs.Args()
	plans, err := plansOf(c.opts)
	if err != nil {
		return fail(stderr, err.Error())
	}
	if len(plans) == 0 {
		return fail(stderr, "plan: nothing to plan: no variables script that pxlint could read to the end (see 'pxlint lint')")
	}
	opt := planreport.Options{Color: output == "" && format == "pretty" && color}
	if err := writeTo(output, stdout, func(w io.Writer) error { return planreport.WritePlans(w, format, plans, opt) }); err != nil {
		return fail(stderr, err.Error())
	}
	return exitOK
}

// runDiff implements `pxlint diff [flags] OLD NEW`: both plans side by
// side, identity changes (PX602) first. Exit code 1 when there is one.
func runDiff(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	const synopsis = "pxlint diff [flags] OLD NEW"
	fs := newFlagSet("diff")
	var c commonFlags
	c.register(fs)
	var format string
	var col colorFlags
	fs.StringVar(&format, "format", "pretty", "output format: "+strings.Join(planreport.DiffFormats, ", "))
	col.register(fs)
	if done, code := parseFlags(fs, args, synopsis, stdout, stderr); done {
		return code
	}
	if fs.NArg() != 2 {
		return fail(stderr, "diff: want OLD and NEW, two versions of one regional script")
	}
	if !slices.Contains(planreport.DiffFormats, format) {
		return fail(stderr, fmt.Sprintf("diff: --format %q: want %s", format, strings.Join(planreport.DiffFormats, ", ")))
	}
	color, err := col.wanted(stdout, getenv)
	if err != nil {
		return fail(stderr, err.Error())
	}
	if err := c.finish(getenv); err != nil {
		return fail(stderr, err.Error())
	}
	var sides [2]*plan.Plan
	for i, path := range fs.Args() {
		if st, err := os.Stat(path); err != nil || st.IsDir() {
			return fail(stderr, fmt.Sprintf("diff: %s: want a script file", path))
		}
		// Each side is planned on its own: the two versions are not
		// repository context for each other.
		opts := c.opts
		opts.Paths = []string{path}
		opts.NotContext = fs.Args()
		ps, err := plansOf(opts)
		if err != nil {
			return fail(stderr, err.Error())
		}
		if len(ps) != 1 {
			return fail(stderr, fmt.Sprintf("diff: %s: not a variables script (it assigns no $Px variable)", path))
		}
		sides[i] = ps[0]
	}
	d := planreport.Diff{Old: sides[0], New: sides[1], Changes: plan.Compare(sides[0], sides[1])}
	opt := planreport.Options{Color: format == "pretty" && color}
	if err := planreport.WriteDiff(stdout, format, d, opt); err != nil {
		return fail(stderr, err.Error())
	}
	if len(plan.Identity(d.Changes)) > 0 {
		return exitFindings
	}
	return exitOK
}

func plansOf(opts lint.Options) ([]*plan.Plan, error) {
	res, _, err := lint.Plans(context.Background(), opts)
	if err != nil {
		return nil, err
	}
	out := make([]*plan.Plan, 0, len(res))
	for _, r := range res {
		out = append(out, r.Plan)
	}
	return out, nil
}

// writeTo writes to a file (atomically) or to stdout.
func writeTo(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" {
		return write(stdout)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.Write(path, write)
}
