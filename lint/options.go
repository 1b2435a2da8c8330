// Package lint is the engine: it finds the scripts, reads each one through
// the one-way pipeline (decode → parse → evaluate → CUE schema → Rego
// policies → findings and statuses → suppression stages) and returns a
// report. It never prints; cmd/pxlint formats the report.
//
// Where things are:
//   - run.go finds, places (scriptpath.go: each script's one path) and reads
//     the scripts; prepare.go is the one prepare step `lint` and `inspect`
//     share: the repository scope (includers, PX206 peers) and the policy
//     input of a script.
//   - judge.go runs the checkers of checkers.go (parser diagnostics, CUE,
//     Rego) and of the Go-side rules; each says what it found as verdicts
//     and reasons (verdict.go), turned into findings by one conversion
//     (judgement.finding: location, default severity, related places) and
//     into statuses by one pass (statuses).
//   - Code that belongs to one rule lives in the rule's own file, pxNNN.go
//     (px007.go not-evaluated, px011.go analysis limits, px108.go consent
//     addresses, px206.go repository summaries, px209.go extra locations,
//     px210.go the location's cloud, px509.go declared variables, px602.go
//     --against, px716.go AIA redirects online); the generic files name no
//     rule. A new Go-side rule adds
//     its pxNNN.go with a check function called from judge.
package lint

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/finding"
)

// Options are the settings of one run, from flags (the CLI) with config
// values filled in per script where a flag is absent.
type Options struct {
	// Paths are files and directories to lint; "-" is the script read
	// from Stdin.
	Paths []string
	// Stdin is read, bounded like a file, when Paths holds "-" (`pxlint
	// lint -`, for editors). StdinName is the path it stands for
	// (--stdin-filename): positions and reports name it, and its folder
	// decides the config, the repository and where relative names such as
	// $PxPfxCertFileName resolve; the file itself need not exist, and its
	// copy on disk is not loaded as repository context. Empty means
	// "<stdin>" in the working folder.
	Stdin     io.Reader
	StdinName string
	// Profile is "az", "azurerm" or "" (config, then detection).
	Profile string
	// FailOn is --fail-on; nil means the config's fail_on, else
	// finding.DefaultThreshold.
	FailOn *finding.Threshold
	// Now is the clock (from --now or SOURCE_DATE_EPOCH; the CLI falls back to time.Now).
	Now time.Time
	// ConfigPath forces one config file for every script (--config / PXLINT_CONFIG).
	ConfigPath string

	CertPath         string   // --cert: the Teams Connector certificate for every script
	NodeCerts        []string // --node-cert
	CAFiles          []string // --ca-file
	CertPassword     *string  // PXLINT_PFX_PASSWORD or --cert-password-file
	NodeCertPassword *string  // PXLINT_NODE_PFX_PASSWORD or --node-cert-password-file
	ExpiryDays       int      // --expiry-days (0 = config, then 30)
	Online           bool     // --online: PX312 may fetch AIA URLs

	FactsPath     string // --facts
	Probe         bool   // --probe
	InventoryPath string // --inventory
	AzVersion     string // --az-version ("" = config, then profile)
	// ConsentAddresses are the admin-consent workstation's public addresses
	// (--consent-address); they replace the config's PX108 consent_addresses.
	ConsentAddresses []string

	BaselinePath      string // --baseline
	WriteBaselinePath string // --write-baseline
	// ReportPaths are the report files the caller writes after the run
	// (--format FORMAT=PATH). Run only checks that none of them, nor
	// WriteBaselinePath, is one of the run's inputs or another output.
	ReportPaths []string
	PolicyDirs  []string // --policy
	// PolicyTimeout bounds each user policy package's evaluation of one
	// script (--policy-timeout; 0 = policy.DefaultTimeout).
	PolicyTimeout time.Duration
	SchemaDirs    []string // --schema

	// NotContext are files never loaded as repository context (pxlint diff:
	// the two versions of one script must not collide with each other).
	NotContext []string

	// Against is a git revision (--against): PX602 compares each script
	// with its version there. "" leaves PX602 not verified.
	Against string
	// Infinity, when set, judges that Pexip Infinity export with the scripts
	// of Paths as cross-check inputs (pxlint infinity); scripts are not
	// reported on.
	Infinity *InfinityOptions

	// Jobs bounds the worker pool (0 = number of CPUs).
	Jobs int
	// Verbose lists skipped files in the notices.
	Verbose bool
	// Log receives progress notes in verbose mode; nil discards them.
	Log io.Writer
}

// check validates the flag values that config files also set, against the
// same rules (config.CheckAzVersion, config.CheckExpiryDays) and the
// schema's profiles, so `--profile foo` is an error rather than a silent
// fallback. Zero values mean "not given".
func (o Options) check(profiles []string) error {
	if o.Profile != "" && !slices.Contains(profiles, o.Profile) {
		return fmt.Errorf("--profile %q: unknown profile; want one of %s", o.Profile, quoted(profiles))
	}
	if o.AzVersion != "" {
		if err := config.CheckAzVersion(o.AzVersion); err != nil {
			return fmt.Errorf("--az-version %w", err)
		}
	}
	if o.PolicyTimeout < 0 || o.PolicyTimeout > time.Hour {
		return fmt.Errorf("--policy-timeout %v: want a duration from 1ms to 1h, e.g. 10s", o.PolicyTimeout)
	}
	if o.ExpiryDays != 0 {
		if err := config.CheckExpiryDays(int64(o.ExpiryDays)); err != nil {
			return fmt.Errorf("--expiry-days %w", err)
		}
	}
	return nil
}

func quoted(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = strconv.Quote(x)
	}
	return strings.Join(q, ", ")
}
