package pyre

import "testing"

// The Teams direct-dial rule, evaluated by RE2 (translated) and, with a
// lookahead that forces the backtracking path, by regexp2: compare ns/op.
func BenchmarkApplyRE2(b *testing.B) {
	p := Compile(`(\d{9,12})(@vc\.example\.org)?`, false)
	for b.Loop() {
		if _, ok, err := Apply(p, `\1`, "123456789012@vc.example.org"); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}

func BenchmarkApplyRegexp2(b *testing.B) {
	p := Compile(`(?=\d)(\d{9,12})(@vc\.example\.org)?`, true)
	for b.Loop() {
		if _, ok, err := Apply(p, `\1`, "123456789012@vc.example.org"); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}

func BenchmarkCompile(b *testing.B) {
	for b.Loop() {
		Compile(`(?i)(?:sip:)?(\d{9,12})(@vc\.example\.org)?`, false)
	}
}
