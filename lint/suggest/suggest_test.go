package suggest

import "testing"

func TestClosest(t *testing.T) {
	cands := []string{"lint", "inspect", "plan", "diff", "rules", "explain", "fail-on", "PX102", "cidr-host-bits"}
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"lnt", "lint", true},
		{"fial-on", "fail-on", true},
		{"PX1O2", "PX102", true},
		{"px102", "PX102", true},
		{"cidr-host-bit", "cidr-host-bits", true},
		{"expain", "explain", true},
		{"deploy", "", false}, // another word, not a typo
		{"x", "", false},
		{"", "", false},
	} {
		got, ok := Closest(tc.in, cands)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestHint(t *testing.T) {
	if got := Hint("lnt", []string{"lint"}); got != " (did you mean lint?)" {
		t.Errorf("Hint = %q", got)
	}
	if got := Hint("zzzz", []string{"lint"}); got != "" {
		t.Errorf("Hint = %q, want empty", got)
	}
}
