// Command pxlint lints Pexip Teams Connector variables scripts before
// deployment. This package only parses flags and wires them into lint; the
// work happens in lint/... and the output in lint/report.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/trace"
	"strconv"
	"strings"
	"time"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/atomicfile"
	"github.com/pxlint/pxlint/lint/buildinfo"
	"github.com/pxlint/pxlint/lint/cert"
	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/facts"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/policy"
	"github.com/pxlint/pxlint/lint/report"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/schema"
	"github.com/pxlint/pxlint/lint/suggest"
)

// Exit codes (DESIGN, Exit codes).
const (
	exitOK       = 0 // no finding at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitUsage    = 2 // pxlint could not do its job
)

func main() {
	tuneGC()
	// A cancelled CI job (SIGINT, SIGTERM) leaves no half-written report.
	stop := atomicfile.RemoveOnSignal(os.Exit)
	stopTrace := startTrace(os.Getenv, os.Stderr)
	code := run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stopTrace()
	stop()
	os.Exit(code)
}

// tuneGC trades memory for time: a lint run is short-lived and allocates
// heavily in OPA's evaluator, and collecting less often than Go's default
// made a 100-script run 1.6x faster (BenchmarkRunMany). Since the policy
// input reaches OPA without a JSON round trip, 200 is as fast as 400 was
// (1,000 scripts: 4.8 s against 5.0 s) with a third less peak memory
// (380 MB against 600 MB). A soft memory limit keeps huge runs collecting.
// GOGC and GOMEMLIMIT set by the user win.
//
// Until the heap first reaches startHeap, nothing is collected at all: a
// run of one script stays below it, and the one collection Go would start
// at 8 MB cost it a fifth of its CPU time (75 against 60 ms). The first
// collection, at startHeap, switches to the settings above.
func tuneGC() {
	userGOGC, userLimit := os.Getenv("GOGC") != "", os.Getenv("GOMEMLIMIT") != ""
	steady := func() {
		if !userGOGC {
			debug.SetGCPercent(200)
		}
		if !userLimit {
			debug.SetMemoryLimit(2 << 30)
		}
	}
	if userGOGC || userLimit {
		steady()
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(startHeap)
	afterFirstGC(steady)
}

// startHeap is the memory a run uses before its first collection.
const startHeap = 64 << 20

// afterFirstGC calls fn once, after the first garbage collection from now.
func afterFirstGC(fn func()) {
	// A sentinel no one references is cleaned up by the first collection.
	// It holds a pointer so that it is not batched with other tiny objects,
	// which could keep it alive.
	type sentinel struct {
		_ *byte
		_ [16]byte
	}
	runtime.AddCleanup(&sentinel{}, func(func()) { fn() }, fn)
}

const usage = `pxlint: pre-deployment linter for Pexip Teams Connector variables scripts

Usage:
  pxlint lint [flags] PATH...     lint scripts and folders (default command)
  pxlint fix [flags] PATH...      apply machine-applicable fixes (--unsafe-fixes, --diff, --check)
  pxlint inspect [flags] FILE     print the policy input (JSON) of one script
  pxlint plan [flags] FILE...     preview the deployment: resources, NSG rules, DNS, consent, capacity, verdict
  pxlint diff [flags] OLD NEW     compare two versions of a regional script (PX602 for identity changes)
  pxlint rules [--json]           list every rule
  pxlint explain RULE             explain one rule (ID or name): what, why, fix, example
  pxlint preflight                print the read-only PowerShell script that gathers workstation facts
  pxlint infinity [flags] EXPORT  check a Pexip Infinity configuration export (PX7xx)
  pxlint infinity export-script   print the read-only PowerShell script that writes that export
  pxlint init [FILE]              write a commented starter .pxlint.hcl
  pxlint config verify [FILE]     check a .pxlint.hcl
  pxlint version                  print the version, commit, and Go, OPA and CUE versions

Every command answers -h/--help with its flags ('pxlint lint --help').

` + exitCodes

// exitCodes is printed by --help and lint --help, and matches README's table.
const exitCodes = `Exit codes:
  0  no finding at or above --fail-on (default: error)
  1  findings at or above --fail-on
  2  pxlint could not do its job: unknown flag or command, unusable config
     (waivers without a reason included), an input path that does not exist
     or cannot be opened, facts or inventory that fail their schema, user
     policies or schemas that do not compile
A script that does not parse (PX001) or exceeds a bound (PX011) and a
certificate that is corrupt or locked by a wrong password (PX310) are
findings, not exit code 2.
`

// commands are the top-level commands, for dispatch and "did you mean".
var commands = []string{"lint", "inspect", "plan", "diff", "rules", "explain", "preflight", "infinity", "init", "config", "version", "help"}

func run(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "lint":
		return runLint(rest, stdin, stdout, stderr, getenv)
	case "fix":
		return runFix(rest, stdin, stdout, stderr, getenv)
	case "inspect":
		return runInspect(rest, stdout, stderr, getenv)
	case "plan":
		return runPlan(rest, stdout, stderr, getenv)
	case "diff":
		return runDiff(rest, stdout, stderr, getenv)
	case "rules":
		return runRules(rest, stdout, stderr)
	case "explain":
		return runExplain(rest, stdout, stderr)
	case "preflight":
		return runPreflight(rest, stdout, stderr)
	case "infinity":
		return runInfinity(rest, stdout, stderr, getenv)
	case "init":
		return runInit(rest, stdout, stderr)
	case "config":
		return runConfig(rest, stdout, stderr)
	case "version", "--version":
		return runVersion(rest, stdout, stderr)
	}
	if strings.HasPrefix(cmd, "-") || fileExists(cmd) {
		// `pxlint FILE`, `pxlint -` and `pxlint --format sarif DIR` mean lint.
		return runLint(args, stdin, stdout, stderr, getenv)
	}
	return fail(stderr, fmt.Sprintf("unknown command %q%s", cmd, orHelp(suggest.Hint(cmd, commands), "pxlint --help")))
}

// stdin is what `pxlint lint -` reads; a variable so tests can replace it.
var stdin io.Reader = os.Stdin

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// fail prints one line and returns exit code 2. Errors quote input (file
// names, .pxlint.hcl values, policy IDs), so the line goes through
// escape.Text: a multi-line error is joined with "; " first, and whatever
// the input held can then neither break the line nor start a CI command.
func fail(stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "pxlint: %s\n", escape.Text(strings.ReplaceAll(msg, "\n", "; ")))
	return exitUsage
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// commonFlags are shared by lint and inspect.
type commonFlags struct {
	opts                           lint.Options
	now                            string
	certPasswordFile, nodePassFile string
	nodeCerts, caFiles             listFlag
	policyDirs, schemaDirs         listFlag
	consentAddresses               listFlag
}

func (c *commonFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.opts.Profile, "profile", "", "connector release profile: az or azurerm (default: config, else detected from the script)")
	fs.StringVar(&c.opts.ConfigPath, "config", "", "use this .pxlint.hcl for every script (default: $PXLINT_CONFIG, else the nearest .pxlint.hcl)")
	fs.StringVar(&c.now, "now", "", "the clock, RFC 3339 or YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else the current time)")
	fs.StringVar(&c.opts.CertPath, "cert", "", "Teams Connector certificate (PFX) for every script, instead of $PxPfxCertFileName")
	fs.Var(&c.nodeCerts, "node-cert", "Conferencing Node certificate (PEM, DER or PFX); repeatable")
	fs.Var(&c.caFiles, "ca-file", "extra trusted root certificates (PEM); repeatable")
	fs.StringVar(&c.certPasswordFile, "cert-password-file", "", "file holding the PFX password (default: $PXLINT_PFX_PASSWORD)")
	fs.StringVar(&c.nodePassFile, "node-cert-password-file", "", "file holding the node PFX password (default: $PXLINT_NODE_PFX_PASSWORD)")
	fs.IntVar(&c.opts.ExpiryDays, "expiry-days", 0, "warn about certificates expiring within N days (default: config, else 30)")
	fs.BoolVar(&c.opts.Online, "online", false, "allow network access: fetch intermediates' AIA URLs (PX312)")
	fs.StringVar(&c.opts.FactsPath, "facts", "", "workstation facts JSON written by the 'pxlint preflight' script")
	fs.BoolVar(&c.opts.Probe, "probe", false, "gather workstation facts from this machine (installed Az modules, culture)")
	fs.StringVar(&c.opts.InventoryPath, "inventory", "", "Azure resource groups: 'az group list -o json' or 'Get-AzResourceGroup | ConvertTo-Json' output")
	fs.StringVar(&c.opts.AzVersion, "az-version", "", "the Az module version the deployment requires (default: config, else the profile's, 4.5.0)")
	fs.Var(&c.policyDirs, "policy", "folder of user Rego policies; repeatable")
	fs.DurationVar(&c.opts.PolicyTimeout, "policy-timeout", policy.DefaultTimeout, "time bound of each user policy package on each script")
	fs.Var(&c.schemaDirs, "schema", "folder of user CUE schemas (package pxlint); repeatable")
	fs.Var(&c.consentAddresses, "consent-address", "public IPv4 address or prefix of the admin-consent workstation (PX108; replaces the config's consent_addresses); repeatable")
}

// finish resolves the clock, passwords and lists into options.
func (c *commonFlags) finish(getenv func(string) string) error {
	now, err := clock(c.now, getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return err
	}
	c.opts.Now = now
	c.opts.NodeCerts, c.opts.CAFiles = c.nodeCerts, c.caFiles
	c.opts.PolicyDirs, c.opts.SchemaDirs = c.policyDirs, c.schemaDirs
	for _, a := range c.consentAddresses {
		if !rules.ValidIPv4(a) {
			return fmt.Errorf("--consent-address %q: want an IPv4 address or CIDR prefix (85.10.200.7, 85.10.200.0/28)", a)
		}
	}
	c.opts.ConsentAddresses = c.consentAddresses
	if c.opts.ConfigPath == "" {
		c.opts.ConfigPath = getenv("PXLINT_CONFIG")
	}
	if c.opts.CertPassword, err = cert.PasswordFrom(getenv("PXLINT_PFX_PASSWORD"), c.certPasswordFile); err != nil {
		return err
	}
	if c.opts.NodeCertPassword, err = cert.PasswordFrom(getenv("PXLINT_NODE_PFX_PASSWORD"), c.nodePassFile); err != nil {
		return err
	}
	return nil
}

// validAddress accepts an IPv4 address or CIDR prefix, as NSG rules do.
// clock reads --now, else SOURCE_DATE_EPOCH, else the current time (UTC).
func clock(flagValue, epoch string) (time.Time, error) {
	if flagValue != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02"} {
			if t, err := time.Parse(layout, flagValue); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, fmt.Errorf("--now %q: want RFC 3339 (2026-11-26T12:00:00Z) or YYYY-MM-DD", flagValue)
	}
	if epoch != "" {
		n, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", epoch)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

// newFlagSet makes a flag set that reports errors to the caller instead of
// printing usage and exiting: bad flags are one line and exit code 2.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses and reports --help on stdout (exit 0) or a bad flag as one line (exit 2).
func parseFlags(fs *flag.FlagSet, args []string, synopsis string, stdout, stderr io.Writer) (done bool, code int) {
	err := fs.Parse(interleave(fs, args))
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(stdout, "Usage: %s\n\n", synopsis)
		printFlags(stdout, fs)
		if fs.Name() == "lint" {
			fmt.Fprintf(stdout, "\nFormats: %s\n\n%s", strings.Join(report.Names(), ", "), exitCodes)
		}
		return true, exitOK
	}
	if err != nil {
		return true, fail(stderr, flagError(fs, err))
	}
	return false, 0
}

// printFlags lists a command's flags as users type them (--fail-on),
// with their value type and default, or says there are none.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		fmt.Fprintln(w, "Flags: only -h, --help")
		return
	}
	fmt.Fprintln(w, "Flags:")
	fs.VisitAll(func(f *flag.Flag) {
		typ, usage := flag.UnquoteUsage(f)
		if typ != "" {
			typ = " " + typ
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "[]" {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "  --%s%s\n    \t%s%s\n", f.Name, typ, usage, def)
	})
}

// flagError rewords the flag package's errors with the flag as it is
// written (--fial-on) and the closest defined flag, if any.
func flagError(fs *flag.FlagSet, err error) string {
	name, unknown := strings.CutPrefix(err.Error(), "flag provided but not defined: -")
	if !unknown {
		return err.Error()
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	hint := ""
	if c, ok := suggest.Closest(name, names); ok {
		hint = " (did you mean --" + c + "?)"
	}
	return fmt.Sprintf("unknown flag --%s%s", name, orHelp(hint, "pxlint "+fs.Name()+" --help"))
}

// orHelp is the "did you mean" hint, or else where to look.
func orHelp(hint, help string) string {
	if hint != "" {
		return hint
	}
	return " (run '" + help + "')"
}

// noArgs parses a command that takes only -h/--help.
func noArgs(name, synopsis string, args []string, stdout, stderr io.Writer) (done bool, code int) {
	fs := newFlagSet(name)
	if done, code := parseFlags(fs, args, synopsis, stdout, stderr); done {
		return done, code
	}
	if fs.NArg() > 0 {
		return true, fail(stderr, name+" takes no arguments")
	}
	return false, 0
}

// interleave lets flags follow positional arguments (`pxlint lint x.ps1 --format json`),
// as users of golangci-lint and tflint expect.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil {
			if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
				continue
			}
			if i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		}
	}
	return append(flags, append([]string{"--"}, pos...)...)
}

func runLint(args []string, in io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	const synopsis = "pxlint lint [flags] PATH...   (PATH - reads one script from standard input)"
	fs := newFlagSet("lint")
	var c commonFlags
	c.register(fs)
	var formats listFlag
	var col colorFlags
	var ascii bool
	fs.Var(&formats, "format", "output FORMAT[=PATH]; repeatable; at most one without PATH goes to standard output (default: pretty)")
	var failOn string
	fs.StringVar(&failOn, "fail-on", "", "lowest severity that fails the run: error, warning, info or never (default: config, else error)")
	fs.StringVar(&c.opts.BaselinePath, "baseline", "", "report only findings not recorded in this baseline file")
	fs.StringVar(&c.opts.WriteBaselinePath, "write-baseline", "", "record the current findings in this baseline file")
	col.register(fs)
	fs.StringVar(&c.opts.StdinName, "stdin-filename", "", "with PATH -: the path the script on standard input stands for, for positions, config discovery and relative names (for editors)")
	fs.BoolVar(&ascii, "ascii", false, "write only ASCII (for Windows PowerShell 5.1 pipes): JSON, SARIF and XML escape other characters losslessly, text formats transliterate them")
	fs.BoolVar(&c.opts.Verbose, "verbose", false, "give the reason of every rule not verified, list skipped files and other notices")
	fs.IntVar(&c.opts.Jobs, "jobs", 0, "scripts linted in parallel (default: number of CPUs)")
	fs.StringVar(&c.opts.Against, "against", "", "git revision (e.g. origin/main): report PX602 for changes that make a script a new deployment")
	applyFixes := fs.Bool("fix", false, "apply the safe fixes first (as 'pxlint fix'), then report what remains")
	if done, code := parseFlags(fs, args, synopsis, stdout, stderr); done {
		return code
	}
	if c.opts.Against != "" {
		if err := lint.CheckRef(c.opts.Against); err != nil {
			return fail(stderr, err.Error())
		}
	}
	c.opts.Paths = fs.Args()
	if len(c.opts.Paths) == 0 {
		return fail(stderr, "lint: no PATH given (try 'pxlint lint .')")
	}
	if n := countStdin(c.opts.Paths); n > 1 {
		return fail(stderr, "lint: - (standard input) given more than once")
	} else if n == 1 {
		c.opts.Stdin = in
	} else if c.opts.StdinName != "" {
		return fail(stderr, "lint: --stdin-filename needs - among the PATHs")
	}
	color, err := col.wanted(stdout, getenv)
	if err != nil {
		return fail(stderr, err.Error())
	}
	threshold, err := parseFailOn(failOn)
	if err != nil {
		return fail(stderr, err.Error())
	}
	c.opts.FailOn = threshold
	outs, err := report.ParseOutputs(formats)
	if err != nil {
		return fail(stderr, err.Error())
	}
	if err := c.finish(getenv); err != nil {
		return fail(stderr, err.Error())
	}
	if ascii {
		stderr = asciiText{stderr}
	}
	c.opts.Log = stderr
	for _, o := range outs {
		if o.Path != "" {
			c.opts.ReportPaths = append(c.opts.ReportPaths, o.Path)
		}
	}
	if *applyFixes {
		if c.opts.Stdin != nil {
			return fail(stderr, "lint: --fix cannot write back a script read from standard input: use 'pxlint fix -', which prints the fixed script")
		}
		if err := lintFix(c.opts, stderr); err != nil {
			return fail(stderr, err.Error())
		}
	}
	rep, rs, err := lint.Run(context.Background(), c.opts)
	if err != nil {
		return fail(stderr, err.Error())
	}
	rep.Version = buildinfo.Get().Version
	opt := report.Options{Color: color, ASCII: ascii, Verbose: c.opts.Verbose}.WithEnv(getenv)
	r := trace.StartRegion(context.Background(), "write reports")
	err = report.WriteAll(outs, stdout, rep, rs, opt)
	r.End()
	if err != nil {
		return fail(stderr, err.Error())
	}
	if !prettyOnStdout(outs) {
		// Machine formats keep stdout parseable: notices go to stderr.
		for _, n := range rep.Notices {
			fmt.Fprintf(stderr, "pxlint: note: %s\n", escape.Text(n))
		}
	}
	if len(rep.Files) == 0 {
		return exitOK
	}
	return rep.ExitCode()
}

func countStdin(paths []string) int {
	n := 0
	for _, p := range paths {
		if p == "-" {
			n++
		}
	}
	return n
}

// asciiText transliterates what pxlint writes to stderr under --ascii
// (notices, errors). Each write is a whole message, never part of a
// character.
type asciiText struct{ w io.Writer }

func (a asciiText) Write(p []byte) (int, error) {
	if _, err := io.WriteString(a.w, report.Transliterate(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

func prettyOnStdout(outs []report.Output) bool {
	for _, o := range outs {
		if o.Path == "" && o.Format == "pretty" {
			return true
		}
	}
	return false
}

// parseFailOn parses --fail-on once; "" (not given) is nil.
func parseFailOn(s string) (*finding.Threshold, error) {
	if s == "" {
		return nil, nil
	}
	t, ok := finding.ParseThreshold(s)
	if !ok || s == "none" {
		return nil, fmt.Errorf("--fail-on %q: want error, warning, info or never", s)
	}
	return &t, nil
}

func runInspect(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	const synopsis = "pxlint inspect [flags] FILE   (FILE - reads the script from standard input)"
	fs := newFlagSet("inspect")
	var c commonFlags
	c.register(fs)
	fs.StringVar(&c.opts.StdinName, "stdin-filename", "", "with FILE -: the path the script on standard input stands for")
	if done, code := parseFlags(fs, args, synopsis, stdout, stderr); done {
		return code
	}
	if fs.NArg() != 1 {
		return fail(stderr, "inspect: want exactly one FILE")
	}
	if fs.Arg(0) == "-" {
		c.opts.Stdin = stdin
	} else if c.opts.StdinName != "" {
		return fail(stderr, "inspect: --stdin-filename needs FILE -")
	}
	if err := c.finish(getenv); err != nil {
		return fail(stderr, err.Error())
	}
	in, err := lint.Inspect(context.Background(), fs.Arg(0), c.opts)
	if err != nil {
		return fail(stderr, err.Error())
	}
	if err := report.EncodeJSON(stdout, in); err != nil {
		return fail(stderr, err.Error())
	}
	return exitOK
}

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("rules")
	asJSON := fs.Bool("json", false, "print the registry as JSON (schemas/rules.schema.json)")
	if done, code := parseFlags(fs, args, "pxlint rules [--json]", stdout, stderr); done {
		return code
	}
	if fs.NArg() > 0 {
		return fail(stderr, "rules takes no arguments (try 'pxlint explain "+fs.Arg(0)+"')")
	}
	all := rules.All()
	if *asJSON {
		if err := report.EncodeJSON(stdout, newRulesDoc(all)); err != nil {
			return fail(stderr, err.Error())
		}
		return exitOK
	}
	for _, r := range all {
		fmt.Fprintf(stdout, "%s  %-8s %-26s %s\n", r.ID, r.Severity, r.Name, r.Title)
	}
	return exitOK
}

func runExplain(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("explain")
	if done, code := parseFlags(fs, args, "pxlint explain RULE   (RULE: an ID such as PX102, or a name such as cidr-host-bits)", stdout, stderr); done {
		return code
	}
	if fs.NArg() != 1 {
		return fail(stderr, "explain: want one rule ID or name, e.g. pxlint explain PX102 or pxlint explain cidr-host-bits")
	}
	arg := fs.Arg(0)
	r, ok := rules.Lookup(arg)
	if !ok {
		hint := ""
		if s, found := rules.Suggest(arg); found {
			hint = " (did you mean " + s + "?)"
		}
		return fail(stderr, fmt.Sprintf("explain: unknown rule %q%s", arg, orHelp(hint, "pxlint rules")))
	}
	fmt.Fprint(stdout, r.Explain())
	explainFix(stdout, r.ID)
	if r.ID == rules.PX005 {
		// The catalog is data (schemas/profiles.cue): say which of its names
		// are assumptions, so a PX005 about them is weighed accordingly.
		sc, err := schema.Load(nil)
		if err != nil {
			return fail(stderr, err.Error())
		}
		fmt.Fprintf(stdout, "\nCatalog names no public source confirms (assumed from the parameters they feed)\n")
		for _, p := range sc.Profiles() {
			if pd, ok := sc.Profile(p); ok && len(pd.Unconfirmed) > 0 {
				fmt.Fprintf(stdout, "  %s: $%s\n", p, strings.Join(pd.Unconfirmed, ", $"))
			}
		}
	}
	return exitOK
}

func runPreflight(args []string, stdout, stderr io.Writer) int {
	if done, code := noArgs("preflight", "pxlint preflight   (print the read-only PowerShell script that gathers workstation facts; run it, then pass its output to --facts)", args, stdout, stderr); done {
		return code
	}
	fmt.Fprint(stdout, facts.PreflightScript())
	return exitOK
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	if done, code := noArgs("version", "pxlint version", args, stdout, stderr); done {
		return code
	}
	fmt.Fprint(stdout, buildinfo.Get().Text())
	return exitOK
}

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("init")
	if done, code := parseFlags(fs, args, "pxlint init [FILE]   (write a commented starter config, default .pxlint.hcl)", stdout, stderr); done {
		return code
	}
	path := ".pxlint.hcl"
	if fs.NArg() > 1 {
		return fail(stderr, "init: want at most one FILE")
	}
	if fs.NArg() == 1 {
		path = fs.Arg(0)
	}
	if fileExists(path) {
		return fail(stderr, fmt.Sprintf("init: %s already exists", path))
	}
	if err := os.WriteFile(path, config.Starter(), 0o644); err != nil {
		return fail(stderr, err.Error())
	}
	fmt.Fprintf(stdout, "wrote %s\n", escape.Text(path))
	return exitOK
}

func runConfig(args []string, stdout, stderr io.Writer) int {
	const synopsis = "pxlint config verify [FILE]   (check a .pxlint.hcl, default the one in this folder)"
	if len(args) > 0 && args[0] == "verify" {
		return runConfigVerify(args[1:], stdout, stderr)
	}
	fs := newFlagSet("config")
	if done, code := parseFlags(fs, args, synopsis, stdout, stderr); done {
		return code
	}
	if fs.NArg() > 0 {
		return fail(stderr, fmt.Sprintf("config: unknown subcommand %q%s; usage: %s", fs.Arg(0), suggest.Hint(fs.Arg(0), []string{"verify"}), synopsis))
	}
	return fail(stderr, "config: usage: "+synopsis)
}

func runConfigVerify(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("config verify")
	if done, code := parseFlags(fs, args, "pxlint config verify [FILE]   (check a .pxlint.hcl, default the one in this folder)", stdout, stderr); done {
		return code
	}
	if fs.NArg() > 1 {
		return fail(stderr, "config verify: want at most one FILE")
	}
	path := ".pxlint.hcl"
	if fs.NArg() == 1 {
		path = fs.Arg(0)
	}
	if err := config.Verify(path); err != nil {
		return fail(stderr, err.Error())
	}
	fmt.Fprintf(stdout, "%s: ok\n", escape.Text(path))
	return exitOK
}
