package lint_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
)

// waiverRepoFiles is a repository of two scripts whose config waives a
// finding weu.ps1 has (PX105, used), one it no longer has (PX102, unused),
// one for a certificate rule no certificate lets run (PX305, not_verified
// there: undecidable) and one for neu.ps1 only (PX105: neu.ps1 has no
// broad prefix, so unused when neu.ps1 is judged).
var waiverRepoFiles = map[string]string{
	".pxlint.hcl": `waiver "PX105" {
  paths  = ["weu.ps1"]
  reason = "partner ranges (CHG-1)"
}
waiver "PX102" {
  paths  = ["weu.ps1"]
  reason = "fixed long ago (CHG-2)"
}
waiver "PX305" {
  reason = "renewal booked (CHG-3)"
}
waiver "PX105" {
  paths  = ["neu.ps1"]
  reason = "never needed (CHG-4)"
}
`,
	"weu.ps1": "$PxBaseConnName = \"acmecorp\"\n$PxVmssRegion = \"weu\"\n$PxNodesSourceAddressPrefixes = @(\"80.0.0.0/8\")\n",
	"neu.ps1": "$PxBaseConnName = \"acmecorp\"\n$PxVmssRegion = \"neu\"\n$PxNodesSourceAddressPrefixes = @(\"91.90.42.64/26\")\n",
}

// TestUnusedWaivers: a waiver that matched no finding is a notice, and only
// where the run saw every script it covers with a verdict of its rule.
func TestUnusedWaivers(t *testing.T) {
	inGit := gitRepo(t, waiverRepoFiles)
	outside := t.TempDir()
	writeFiles(t, outside, waiverRepoFiles)
	for _, c := range []struct {
		name  string
		root  string
		paths []string
		want  []string // waiver lines in .pxlint.hcl reported unused
	}{
		{"whole repository", inGit, []string{"."}, []string{".pxlint.hcl:5", ".pxlint.hcl:12"}},
		// neu.ps1 is repository context only: waivers covering it are
		// undecidable, the one scoped to weu.ps1 is not.
		{"one script of the repository", inGit, []string{"weu.ps1"}, []string{".pxlint.hcl:5"}},
		// outside git the run cannot know the other scripts the config governs
		{"outside git", outside, []string{"."}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(c.root)
			rep, _, err := lint.Run(context.Background(), lint.Options{Paths: c.paths, Now: exampleClock})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range rep.Notices {
				if src, _, ok := strings.Cut(n, ": waiver "); ok {
					if !strings.HasSuffix(n, "matched no finding (fixed? remove the waiver)") {
						t.Errorf("notice %q", n)
					}
					got = append(got, src)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("unused waivers %v, want %v (notices %q)", got, c.want, rep.Notices)
			}
		})
	}
	// The used waiver did its job.
	t.Chdir(inGit)
	rep, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{"weu.ps1"}, Now: exampleClock})
	if err != nil {
		t.Fatal(err)
	}
	if st := statusOf(rep.Files[0], "PX105"); st.Status != "suppressed" {
		t.Errorf("PX105 in weu.ps1 is %q, want suppressed", st.Status)
	}
}
