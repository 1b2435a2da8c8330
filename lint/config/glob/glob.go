// Package glob matches slash-separated paths against patterns with `**`, the
// syntax .pxlint.hcl uses for `exclude`, rule `paths` and waiver `paths`.
//
// A pattern is split at "/" into segments. A segment that is exactly "**"
// matches zero or more path segments; any other segment is matched against
// one path segment with path.Match (`*`, `?`, `[a-z]`, `\` escapes), so `*`
// never crosses a "/". The whole path must match: "regions/*.ps1" does not
// match "regions/eu/a.ps1", "regions/**/*.ps1" does.
package glob

import (
	"errors"
	"path"
	"strings"
)

// maxSegments bounds the work of one match; real paths are far shorter.
const maxSegments = 256

// Validate reports why a pattern can never be used: malformed brackets or
// escapes, an absolute path, "..", or an empty pattern.
func Validate(pattern string) error {
	switch {
	case pattern == "":
		return errors.New("empty pattern")
	case strings.HasPrefix(pattern, "/"):
		return errors.New("pattern must be relative (no leading /)")
	case badEscape(pattern):
		// A Windows-style `regions\eu.ps1` would silently match "regionseu.ps1".
		return errors.New(`use "/" to separate folders; "\" only escapes * ? [ ] \`)
	}
	segs := split(pattern)
	if len(segs) > maxSegments {
		return errors.New("pattern has too many segments")
	}
	for _, s := range segs {
		if s == ".." {
			return errors.New(`pattern must not contain ".."`)
		}
		if s == "**" {
			continue
		}
		if strings.Contains(s, "**") {
			return errors.New(`"**" must be a whole path segment, e.g. "a/**/b"`)
		}
		// path.Match checks the whole pattern for syntax errors.
		if _, err := path.Match(s, ""); err != nil {
			return errors.New("malformed pattern (check [ ] and \\ escapes)")
		}
	}
	return nil
}

// Match reports whether the slash-separated relative path name matches
// pattern. A malformed pattern matches nothing (use Validate first).
func Match(pattern, name string) bool {
	ps, ns := split(pattern), split(name)
	if len(ps) > maxSegments || len(ns) > maxSegments {
		return false
	}
	// ok[i][j]: ps[i:] matches ns[j:]. Dynamic programming keeps patterns
	// with several "**" linear in the path length instead of exponential.
	ok := make([][]bool, len(ps)+1)
	for i := range ok {
		ok[i] = make([]bool, len(ns)+1)
	}
	ok[len(ps)][len(ns)] = true
	for i := len(ps) - 1; i >= 0; i-- {
		for j := len(ns); j >= 0; j-- {
			if ps[i] == "**" {
				ok[i][j] = ok[i+1][j] || (j < len(ns) && ok[i][j+1])
				continue
			}
			if j == len(ns) {
				continue
			}
			m, err := path.Match(ps[i], ns[j])
			ok[i][j] = err == nil && m && ok[i+1][j+1]
		}
	}
	return ok[0][0]
}

// MatchAny reports whether name matches any of the patterns.
func MatchAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if Match(p, name) {
			return true
		}
	}
	return false
}

// badEscape reports a backslash that escapes nothing special.
func badEscape(p string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] != '\\' {
			continue
		}
		if i+1 == len(p) || !strings.ContainsRune(`*?[]\`, rune(p[i+1])) {
			return true
		}
		i++
	}
	return false
}

// split cuts a pattern or path into segments, ignoring a leading "./" and
// empty segments from doubled or trailing slashes.
func split(s string) []string {
	s = strings.TrimPrefix(s, "./")
	parts := strings.Split(s, "/")
	out := parts[:0]
	for _, p := range parts {
		if p != "" && p != "." {
			out = append(out, p)
		}
	}
	return out
}
