package policy_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/pxlint/pxlint/lint/policy"
)

// TestEvalParallelSaysWhatEvalSays: the parts of the built-in query
// evaluated at once say of every example, in the same order, what the
// whole query says.
func TestEvalParallelSaysWhatEvalSays(t *testing.T) {
	ctx := context.Background()
	one, err := policy.Prepare(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	parts, err := policy.Prepare(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for path, in := range exampleInputs(t) {
		want, err := one.Eval(ctx, in)
		if err != nil {
			t.Fatal(path, err)
		}
		got, err := parts.EvalParallel(ctx, in)
		if err != nil {
			t.Fatal(path, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: in parts at once\n%+v\nwhole\n%+v", path, got, want)
		}
	}
}
