package lint

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/pxlint/pxlint/lint/internal/cputime"
	"github.com/pxlint/pxlint/lint/policy"
)

// TestPolicyInputValue holds policy.ToValue to OPA's JSON round trip on the
// policy input of every example script: the Rego policies must see the
// same document either way, profile_data from the run's cache included.
func TestPolicyInputValue(t *testing.T) {
	e, err := newEngine(Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	cands, err := discover([]string{filepath.Join("..", "examples")}, "")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range cands {
		s, err := e.place(c)
		if err != nil {
			t.Fatal(err)
		}
		e.read(s)
		if s.res == nil || s.tooLarge {
			continue
		}
		in, err := e.input(s, nil)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ast.InterfaceToValue(in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := policy.ToValue(in)
		if err != nil {
			t.Fatal(err)
		}
		if want.Compare(got) != 0 {
			t.Errorf("%s: ToValue differs from the JSON round trip", c.path)
		}
		cached, err := e.policyInput(in)
		if err != nil {
			t.Fatal(err)
		}
		if want.Compare(cached) != 0 {
			t.Errorf("%s: the input with the run's profile_data differs from the JSON round trip", c.path)
		}
		n++
	}
	if n < 50 {
		t.Fatalf("compared %d example inputs", n)
	}
}

// BenchmarkPolicyInput converts a typical script's policy input for OPA,
// the per-script step between the model and the Rego evaluation.
func BenchmarkPolicyInput(b *testing.B) {
	e, err := newEngine(Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	cands, err := discover([]string{filepath.Join("..", "examples", "az", "variables.ps1")}, "")
	if err != nil || len(cands) != 1 {
		b.Fatal(err, len(cands))
	}
	s, err := e.place(cands[0])
	if err != nil {
		b.Fatal(err)
	}
	e.read(s)
	in, err := e.input(s, nil)
	if err != nil {
		b.Fatal(err)
	}
	// newEngine compiles the policies in the background: done first, it
	// leaves the CPU time to the conversion.
	if _, err := e.policyFor(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		if _, err := e.policyInput(in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
}
