package policy

import (
	"context"
	"testing"
)

// BenchmarkPrepare is the fixed cost of every run: parsing and compiling the
// built-in policies and preparing the query.
func BenchmarkPrepare(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Prepare(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrepareWithUserPolicies adds the example user policies (full compiler).
func BenchmarkPrepareWithUserPolicies(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Prepare(context.Background(), []string{"../../examples/policies"}); err != nil {
			b.Fatal(err)
		}
	}
}
