// Package report renders a finding.Report in every output format pxlint
// supports, one file per format behind the Formatter interface, and writes
// several outputs in one run (--format FORMAT[=PATH], repeatable).
//
// Every formatter reads the same report and rule metadata and writes
// deterministic bytes: no map iteration order, no wall clock (time comes from
// Report.Now), no host-specific data unless Options asks for it.
package report

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"golang.org/x/term"

	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// Options are the run-wide settings formatters may use.
type Options struct {
	// Color enables ANSI colours in the pretty format. The CLI decides it
	// with ColorWanted; outputs written to files never get colours.
	Color bool
	// Verbose gives the reason of every not-verified rule and where each
	// prerequisite was checked from in the pretty summary (--verbose);
	// without it each file gets one line naming what was missing.
	Verbose bool
	// Hostname is written to JUnit test suites (the strict schema requires
	// one). Empty means "localhost", which keeps reports reproducible.
	Hostname string
	// ASCII makes every output 7-bit ASCII (--ascii): lossless escapes in
	// JSON, SARIF and XML, transliteration in text formats (ascii.go).
	ASCII bool
	// SARIFCategory names the analysis in SARIF automationDetails.id
	// ("pxlint/CATEGORY/"): code scanning keeps one set of alerts per
	// category, so runs over different folders need different ones. Empty
	// means DefaultSARIFCategory. Set from PXLINT_SARIF_CATEGORY.
	SARIFCategory string
	// JUnitStrict keeps JUnit valid against the strict Apache Ant schema:
	// the warnings of a passing rule go to its suite's <system-out>, not its
	// test case's. Set from PXLINT_JUNIT_SCHEMA=strict.
	JUnitStrict bool
	// SARIFNotVerifiedResults writes not_verified statuses as SARIF results
	// of kind "open" instead of tool notifications. Set from
	// PXLINT_SARIF_NOT_VERIFIED=results.
	SARIFNotVerifiedResults bool
}

// WithEnv returns o with the report settings that come from the
// environment (documented in README, "Output formats"); getenv is
// os.Getenv in the CLI.
func (o Options) WithEnv(getenv func(string) string) Options {
	o.SARIFCategory = strings.TrimSpace(getenv("PXLINT_SARIF_CATEGORY"))
	o.SARIFNotVerifiedResults = strings.EqualFold(strings.TrimSpace(getenv("PXLINT_SARIF_NOT_VERIFIED")), "results")
	o.JUnitStrict = strings.EqualFold(strings.TrimSpace(getenv("PXLINT_JUNIT_SCHEMA")), "strict")
	return o
}

// Formatter renders one report in one format.
type Formatter interface {
	// Format writes r to w. rs is the rule metadata (built-in and user
	// rules); findings of a rule missing from rs are still rendered.
	Format(w io.Writer, r *finding.Report, rs []rules.Rule, opt Options) error
}

// FormatterFunc adapts a function to Formatter.
type FormatterFunc func(w io.Writer, r *finding.Report, rs []rules.Rule, opt Options) error

// Format calls f.
func (f FormatterFunc) Format(w io.Writer, r *finding.Report, rs []rules.Rule, opt Options) error {
	return f(w, r, rs, opt)
}

// DefaultFormat is used when no --format is given.
const DefaultFormat = "pretty"

var formatters = map[string]Formatter{
	"pretty":     FormatterFunc(writePretty),
	"json":       FormatterFunc(writeJSON),
	"sarif":      FormatterFunc(writeSARIF),
	"junit":      FormatterFunc(writeJUnit),
	"checkstyle": FormatterFunc(writeCheckstyle),
	"github":     FormatterFunc(writeGitHub),
	"gitlab":     FormatterFunc(writeGitLab),
	"azure":      FormatterFunc(writeAzure),
	"compact":    FormatterFunc(writeCompact),
}

// Get returns the formatter with the given name (case-insensitive).
func Get(name string) (Formatter, bool) {
	f, ok := formatters[strings.ToLower(name)]
	return f, ok
}

// Names lists the format names, sorted, for --help and error messages.
func Names() []string {
	out := make([]string, 0, len(formatters))
	for n := range formatters {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// ColorMode is --color: auto (the default), always or never.
type ColorMode string

// Colour modes.
const (
	ColorAuto   ColorMode = "auto"
	ColorAlways ColorMode = "always"
	ColorNever  ColorMode = "never"
)

// ParseColorMode reads a --color value; empty means auto.
func ParseColorMode(s string) (ColorMode, error) {
	switch m := ColorMode(strings.ToLower(s)); m {
	case "":
		return ColorAuto, nil
	case ColorAuto, ColorAlways, ColorNever:
		return m, nil
	}
	return "", fmt.Errorf("--color %q: want auto, always or never", s)
}

// ColorWanted reports whether pretty output to w should be coloured. A
// flag (--color=always, --color=never or --no-color) decides; under auto,
// NO_COLOR set to anything non-empty turns colours off (no-color.org),
// FORCE_COLOR set to anything but "0" or "false" turns them on for CI logs
// that render ANSI colours though stdout is not a terminal
// (force-color.org), TERM=dumb turns them off, and otherwise only a
// terminal gets them. getenv is os.Getenv in the CLI.
func ColorWanted(w io.Writer, mode ColorMode, getenv func(string) string) bool {
	switch mode {
	case ColorAlways:
		return true
	case ColorNever:
		return false
	}
	if getenv("NO_COLOR") != "" {
		return false
	}
	if f := strings.ToLower(getenv("FORCE_COLOR")); f != "" && f != "0" && f != "false" {
		return true
	}
	if getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	return term.IsTerminal(int(f.Fd()))
}

// ruleIndex looks rule metadata up by ID.
type ruleIndex map[string]rules.Rule

func indexRules(rs []rules.Rule) ruleIndex {
	idx := make(ruleIndex, len(rs))
	for _, r := range rs {
		idx[r.ID] = r
	}
	return idx
}

// title is "PXnnn Title", or the bare ID for a rule without metadata.
func (idx ruleIndex) title(id string) string {
	if r, ok := idx[id]; ok && r.Title != "" {
		return id + " " + r.Title
	}
	return id
}

// name is "PXnnn name" (JUnit test case names), or the bare ID.
func (idx ruleIndex) name(id string) string {
	if r, ok := idx[id]; ok && r.Name != "" {
		return id + " " + r.Name
	}
	return id
}

// withFix appends the fix to a message, on its own line, for formats that
// carry exact text (Checkstyle).
func withFix(f *finding.Finding) string {
	if f.Fix == "" {
		return f.Message
	}
	return f.Message + "\nfix: " + f.Fix
}

// annotationText is the text of a CI annotation: the message and the fix,
// each through escape.Text (so neither holds a line break or a workflow
// command of its own), on two lines that the runner's data encoding
// (githubData, azureData) keeps inside the one command line.
func annotationText(f *finding.Finding) string {
	if f.Fix == "" {
		return escape.Text(f.Message)
	}
	return escape.Text(f.Message) + "\nfix: " + escape.Text(f.Fix)
}
