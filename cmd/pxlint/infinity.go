package main

import (
	"context"
	"fmt"
	"io"
	"regexp"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/buildinfo"
	"github.com/pxlint/pxlint/lint/infinity"
	"github.com/pxlint/pxlint/lint/report"
)

// guidRe is a tenant ID as --tenant-id takes it.
var guidRe = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// runInfinity is `pxlint infinity EXPORT [--scripts PATH...] [--tenant-id GUID...]`
// and `pxlint infinity export-script`.
func runInfinity(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) > 0 && args[0] == "export-script" {
		if done, code := noArgs("infinity export-script", "pxlint infinity export-script   (print the read-only PowerShell script that writes the export)", args[1:], stdout, stderr); done {
			return code
		}
		fmt.Fprint(stdout, infinity.ExportScript())
		return exitOK
	}
	const synopsis = "pxlint infinity [flags] EXPORT   (EXPORT: a folder of <resource>.json or one bundle file)\n       pxlint infinity export-script    (print the read-only PowerShell script that writes the export)"
	fs := newFlagSet("infinity")
	var scripts, tenants, formats listFlag
	var failOn, now, cfgPath string
	var col colorFlags
	var online, verbose bool
	fs.BoolVar(&online, "online", false, "allow network access: fetch the CA certificates' http:// AIA URLs (PX716)")
	fs.Var(&scripts, "scripts", "variables script or folder to cross-check the export with (PX707, PX709, PX710); repeatable")
	fs.Var(&tenants, "tenant-id", "expected Azure tenant ID (the tenant where the Pexip app was consented, PX706); repeatable")
	fs.Var(&formats, "format", "output FORMAT[=PATH]; repeatable; at most one without PATH goes to standard output (default: pretty)")
	fs.StringVar(&failOn, "fail-on", "", "lowest severity that fails the run: error, warning, info or never (default: config, else error)")
	fs.StringVar(&cfgPath, "config", "", "the .pxlint.hcl whose infinity block sets teams_domains, teams_id_lengths, ... (default: the nearest to EXPORT)")
	fs.StringVar(&now, "now", "", "the clock, RFC 3339 or YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else the current time)")
	col.register(fs)
	fs.BoolVar(&verbose, "verbose", false, "give the reason of every rule not verified")
	if done, code := parseFlags(fs, args, synopsis, stdout, stderr); done {
		return code
	}
	if fs.NArg() != 1 {
		return fail(stderr, "infinity: want exactly one EXPORT (a folder of <resource>.json or a bundle file)")
	}
	for _, t := range tenants {
		if !guidRe.MatchString(t) {
			return fail(stderr, fmt.Sprintf("--tenant-id %q: want a GUID (the Azure tenant ID)", t))
		}
	}
	threshold, err := parseFailOn(failOn)
	if err != nil {
		return fail(stderr, err.Error())
	}
	outs, err := report.ParseOutputs(formats)
	if err != nil {
		return fail(stderr, err.Error())
	}
	color, err := col.wanted(stdout, getenv)
	if err != nil {
		return fail(stderr, err.Error())
	}
	clk, err := clock(now, getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return fail(stderr, err.Error())
	}
	if cfgPath == "" {
		cfgPath = getenv("PXLINT_CONFIG")
	}
	opts := lint.Options{Paths: scripts, FailOn: threshold, Now: clk, ConfigPath: cfgPath, Log: stderr, Online: online,
		Infinity: &lint.InfinityOptions{Export: fs.Arg(0), TenantIDs: tenants}}
	for _, o := range outs {
		if o.Path != "" {
			opts.ReportPaths = append(opts.ReportPaths, o.Path)
		}
	}
	rep, rs, err := lint.Run(context.Background(), opts)
	if err != nil {
		return fail(stderr, err.Error())
	}
	rep.Version = buildinfo.Get().Version
	opt := report.Options{Color: color, Verbose: verbose}
	if err := report.WriteAll(outs, stdout, rep, rs, opt); err != nil {
		return fail(stderr, err.Error())
	}
	return rep.ExitCode()
}
