// Package lint is the engine: it finds the scripts, reads each one through
// the one-way pipeline (decode → parse → evaluate → CUE schema → Rego
// policies → findings and statuses → suppression stages) and returns a
// report. It never prints; cmd/pxlint formats the report.
package lint

import (
	"io"
	"time"
)

// Options are the settings of one run, from flags (the CLI) with config
// values filled in per script where a flag is absent.
type Options struct {
	// Paths are files and directories to lint.
	Paths []string
	// Profile is "az", "azurerm" or "" (config, then detection).
	Profile string
	// FailOn is "error", "warning", "info", "never" or "" (config, then "error").
	FailOn string
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

	BaselinePath      string   // --baseline
	WriteBaselinePath string   // --write-baseline
	PolicyDirs        []string // --policy
	SchemaDirs        []string // --schema

	// NotContext are files never loaded as repository context (pxlint diff:
	// the two versions of one script must not collide with each other).
	NotContext []string

	// Against is a git revision (--against): PX602 compares each script
	// with its version there. "" leaves PX602 not verified.
	Against string

	// Jobs bounds the worker pool (0 = number of CPUs).
	Jobs int
	// Verbose lists skipped files in the notices.
	Verbose bool
	// Log receives progress notes in verbose mode; nil discards them.
	Log io.Writer
}
