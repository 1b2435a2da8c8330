package lint_test

import (
	"context"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/finding"
)

// TestOneTypoOneError: a missing closing quote gives one PX001; the
// variables at or after it are unknown, so the rules that need them are
// not_verified with the reason (no PX501 "missing", no PX007 per variable).
func TestOneTypoOneError(t *testing.T) {
	rep, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{"../examples/bad/px001-missing-closing-quote.ps1"}, Now: exampleClock})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 {
		t.Fatalf("%d files", len(rep.Files))
	}
	fr := rep.Files[0]
	for _, f := range fr.Findings {
		if f.RuleID != "PX001" {
			t.Errorf("unexpected %s: %s", f.RuleID, f.Message)
		}
	}
	if len(fr.Findings) != 1 || len(fr.Findings[0].Related) != 1 || !strings.Contains(fr.Findings[0].Fix, "end the string on line 19") {
		t.Fatalf("findings %+v", fr.Findings)
	}
	status := map[string]finding.RuleStatus{}
	for _, st := range fr.Statuses {
		status[st.RuleID] = st
	}
	for _, id := range []string{"PX107", "PX501", "PX502"} {
		st := status[id]
		if st.Status != finding.StatusNotVerified || !strings.Contains(st.Reason, "the script does not parse from line 19 on (PX001)") {
			t.Errorf("%s: %s %q", id, st.Status, st.Reason)
		}
	}
	if st := status["PX201"]; st.Status != finding.StatusPass { // $PxBaseConnName is assigned before the error
		t.Errorf("PX201: %s %q", st.Status, st.Reason)
	}
}

// inspect prepares the input in the same step as lint: the variables a
// parse error makes uncertain are unknown there too, with the reason.
func TestInspectShowsWhatRulesJudge(t *testing.T) {
	in, err := lint.Inspect(context.Background(), "../examples/bad/px001-missing-closing-quote.ps1", lint.Options{Now: exampleClock})
	if err != nil {
		t.Fatal(err)
	}
	unknown := 0
	for name, v := range in.Variables {
		if v.Line >= 19 && v.Kind != "secret" {
			if v.Kind != "unknown" || !strings.HasPrefix(v.Reason, "the script does not parse from line 19 on") {
				t.Errorf("$%s (line %d): kind %s, reason %q", name, v.Line, v.Kind, v.Reason)
			}
			unknown++
		}
	}
	if unknown == 0 {
		t.Fatal("no variable below the parse error")
	}
	if v := in.Variables["PxBaseConnName"]; v == nil || v.Kind != "string" {
		t.Errorf("$PxBaseConnName, assigned before the error: %+v", v)
	}
}
