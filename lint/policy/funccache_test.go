package policy_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/policy"
)

// exampleInputs are the policy inputs of the example scripts, by path.
func exampleInputs(t *testing.T) map[string]ast.Value {
	t.Helper()
	inputs := map[string]ast.Value{}
	err := filepath.WalkDir("../../examples", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".ps1") {
			return err
		}
		in, err := lint.Inspect(context.Background(), path, lint.Options{Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		v, err := policy.ToValue(in)
		if err != nil {
			return err
		}
		inputs[path] = v
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) < 20 {
		t.Fatalf("only %d example inputs", len(inputs))
	}
	return inputs
}

// TestSharedCallsChangeNoResult: an engine that shares pure function calls
// across evaluations (from its second one on) says of every example, in
// any order and from several goroutines at once, exactly what an engine
// evaluating only that example says.
func TestSharedCallsChangeNoResult(t *testing.T) {
	ctx := context.Background()
	inputs := exampleInputs(t)
	if testing.Short() {
		// Each example alone is a fresh engine: a sample is enough here.
		n := 0
		for path := range inputs {
			if n++; n > 15 {
				delete(inputs, path)
			}
		}
	}
	want := map[string]*policy.Output{}
	for path, in := range inputs {
		e, err := policy.Prepare(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want[path], err = e.Eval(ctx, in); err != nil {
			t.Fatal(path, err)
		}
	}
	shared, err := policy.Prepare(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	check := func(path string) {
		got, err := shared.Eval(ctx, inputs[path])
		if err != nil {
			t.Error(path, err)
			return
		}
		if !reflect.DeepEqual(got, want[path]) {
			t.Errorf("%s: with shared calls\n%+v\nalone\n%+v", path, got, want[path])
		}
	}
	for path := range inputs { // map order: a different order every run
		check(path)
	}
	if policy.SharedCalls(shared) == 0 {
		t.Fatal("the engine shared no call: this test tests nothing")
	}
	var wg sync.WaitGroup
	for range 2 {
		for path := range inputs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				check(path)
			}()
		}
	}
	wg.Wait()
}
