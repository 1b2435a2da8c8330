// Package buildinfo answers "which pxlint is this?" for `pxlint version` and
// for the reports that name their tool (JSON, SARIF, JUnit).
//
// A release build (GoReleaser, .goreleaser.yaml) stamps the version, commit
// and date with -ldflags "-X github.com/pxlint/pxlint/lint/buildinfo.version=…".
// A `go install …@vX.Y.Z` or `go build` has no stamp, but the Go toolchain
// records the module version and the VCS revision and time in the binary
// (runtime/debug.ReadBuildInfo); those fill in what the stamp lacks. The Go,
// OPA and CUE versions always come from the build info, so they cannot
// disagree with what was linked.
package buildinfo

import (
	"runtime"
	"runtime/debug"
	"strings"

	"golang.org/x/mod/semver"
)

// Set by the linker in release builds; see the package comment.
var (
	version string
	commit  string
	date    string
)

// Dev is the version of a build that carries neither a stamp nor a module
// version (a test binary, or `go build -buildvcs=false` outside a module
// proxy download).
const Dev = "dev"

// Module paths whose linked versions `pxlint version` reports: the policy
// engine and the schema engine decide what the built-in rules mean.
const (
	opaModule = "github.com/open-policy-agent/opa"
	cueModule = "cuelang.org/go"
)

// Stamp is what the linker set (release builds) — empty fields when unset.
type Stamp struct {
	Version, Commit, Date string
}

// Info describes one pxlint binary.
type Info struct {
	// Version without a leading "v" ("1.4.0", "0.0.0-20261203132213-318e0ef1a2b3",
	// "1.4.1-0.SNAPSHOT-318e0ef"), or Dev.
	Version string
	// Commit is the full VCS revision, "" when unknown.
	Commit string
	// Date is the commit (release) time in RFC 3339, "" when unknown.
	Date string
	// Modified reports a build from a work tree with uncommitted changes.
	Modified bool
	// GoVersion is the toolchain that built the binary ("go1.26.8").
	GoVersion string
	// OPA and CUE are the linked module versions ("v1.22.3"), "" when not linked.
	OPA, CUE string
}

// Get describes the running binary.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return Resolve(Stamp{Version: version, Commit: commit, Date: date}, bi)
}

// Resolve combines a linker stamp with the Go build info (nil when the
// binary has none). Stamped values win; each missing one is taken from the
// build info.
func Resolve(s Stamp, bi *debug.BuildInfo) Info {
	info := Info{Version: normalize(s.Version), Commit: s.Commit, Date: s.Date, GoVersion: runtime.Version()}
	if bi == nil {
		if info.Version == "" {
			info.Version = Dev
		}
		return info
	}
	if bi.GoVersion != "" {
		info.GoVersion = bi.GoVersion
	}
	if info.Version == "" {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			info.Version = normalize(v)
		} else {
			info.Version = Dev
		}
	}
	for _, kv := range bi.Settings {
		switch kv.Key {
		case "vcs.revision":
			if info.Commit == "" {
				info.Commit = kv.Value
			}
		case "vcs.time":
			if info.Date == "" {
				info.Date = kv.Value
			}
		case "vcs.modified":
			info.Modified = kv.Value == "true"
		}
	}
	for _, d := range bi.Deps {
		if d.Replace != nil {
			d = d.Replace
		}
		switch d.Path {
		case opaModule:
			info.OPA = d.Version
		case cueModule:
			info.CUE = d.Version
		}
	}
	return info
}

// normalize drops the "v" of a Go module version, so a release archive and
// `go install …@v1.4.0` print the same "1.4.0".
func normalize(v string) string {
	v = strings.TrimSpace(v)
	if len(v) > 1 && v[0] == 'v' && v[1] >= '0' && v[1] <= '9' {
		return v[1:]
	}
	return v
}

// SemanticVersion is Version when it is a Semantic Versioning 2.0.0 string
// (what SARIF's semanticVersion requires), else "" (Dev, or a hand-set stamp
// that is not semver).
func SemanticVersion(v string) string {
	// x/mod/semver also accepts Go's shorthands (v1, v1.4); SemVer does not.
	core, _, _ := strings.Cut(v, "+")
	core, _, _ = strings.Cut(core, "-")
	if strings.Count(core, ".") == 2 && semver.IsValid("v"+v) {
		return v
	}
	return ""
}

// Text is the multi-line `pxlint version` output. The first line is always
// "pxlint VERSION", for scripts (the PowerShell module reads it); the others
// are "name: value" lines, with unknown values left out.
func (i Info) Text() string {
	var b strings.Builder
	b.WriteString("pxlint " + i.Version + "\n")
	line := func(name, value string) {
		if value != "" {
			b.WriteString(name + ": " + value + "\n")
		}
	}
	c := i.Commit
	if c != "" && i.Modified {
		c += " (modified)"
	}
	line("commit", c)
	line("date", i.Date)
	line("go", i.GoVersion)
	line("opa", i.OPA)
	line("cue", i.CUE)
	return b.String()
}
