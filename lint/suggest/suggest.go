// Package suggest finds the "did you mean" for a mistyped command, flag or
// rule: the closest candidate by Levenshtein distance, when it is close
// enough to be a typo rather than another word.
package suggest

import (
	"strings"

	"github.com/agnivade/levenshtein"
)

// Closest returns the candidate nearest to s, compared case-insensitively,
// if at most a third of s's characters (and at least one) must change to
// reach it: "lnt" → "lint", "fial-on" → "fail-on", "PX1O2" → "PX102".
// Ties go to the earlier candidate, so callers pass a stable order.
func Closest(s string, candidates []string) (string, bool) {
	if s == "" {
		return "", false
	}
	limit := max(1, len([]rune(s))/3)
	best, bestDist := "", limit+1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		if d := levenshtein.ComputeDistance(ls, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// Hint is " (did you mean X?)" for the closest candidate, or "".
func Hint(s string, candidates []string) string {
	if c, ok := Closest(s, candidates); ok {
		return " (did you mean " + c + "?)"
	}
	return ""
}
