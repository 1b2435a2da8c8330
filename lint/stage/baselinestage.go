package stage

import (
	"sort"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/stage/baseline"
)

// Baseline marks active findings recorded in the baseline as suppressed
// (kind "baseline") rather than dropping them: outputs can then show only
// new findings while the summary still counts the known ones, and SARIF
// keeps them as suppressed results. Findings already suppressed inline or by
// a waiver do not use up baseline counts. Findings are taken in source
// order, so when a key has fewer counts than findings the later ones are
// the new ones.
func Baseline(fr *finding.FileResult, env Env, m *baseline.Matcher) {
	if m == nil {
		return
	}
	idx := make([]int, len(fr.Findings))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return finding.Less(&fr.Findings[idx[a]], &fr.Findings[idx[b]]) })
	for _, i := range idx {
		f := &fr.Findings[i]
		if f.Suppressed() || !m.Take(baseline.KeyOf(f, env.Script)) {
			continue
		}
		f.Suppression = &finding.Suppression{Kind: KindBaseline, Justification: "recorded in the baseline", Source: m.Source()}
	}
}
