package model

import "testing"

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want any
		ok   bool
	}{
		{"0", int64(0), true},
		{"80", int64(80), true},
		{"80.213", 80.213, true},
		{".5", 0.5, true},
		{"1e3", 1000.0, true},
		{"0x1F", int64(31), true},
		{"1kb", int64(1024), true},
		{"1.5KB", 1536.0, true},
		{"2mb", int64(2 << 20), true},
		{"10l", int64(10), true},
		{"10d", 10.0, true},
		{"-7", int64(-7), true},
		{"99999999999999999999", 1e20, true},
		{"0xZZ", nil, false},
		{"abc", nil, false},
		{"", nil, false},
		{"1_000", nil, false},
	} {
		got, ok := parseNumber(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("parseNumber(%q) = %#v, %v; want %#v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{
		{int64(3), "3"},
		{int64(-12), "-12"},
		{80.213, "80.213"},
		{2.0, "2"},
		{0.1, "0.1"},
		{1e20, "1E+20"},
	} {
		if got := formatNumber(tc.in); got != tc.want {
			t.Errorf("formatNumber(%#v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestArith(t *testing.T) {
	for _, tc := range []struct {
		op   string
		a, b any
		want any
		ok   bool
	}{
		{"+", int64(1), int64(2), int64(3), true},
		{"-", int64(1), int64(2), int64(-1), true},
		{"*", int64(3), int64(4), int64(12), true},
		{"/", int64(8), int64(2), int64(4), true},
		{"/", int64(7), int64(2), 3.5, true},
		{"/", int64(7), int64(0), nil, false},
		{"%", int64(7), int64(3), int64(1), true},
		{"+", int64(9223372036854775807), int64(1), 9223372036854775808.0, true},
		{"*", 1e308, 10.0, nil, false},
		{"+", 1.5, int64(1), 2.5, true},
		{"^", int64(1), int64(1), nil, false},
	} {
		got, ok := arith(tc.op, tc.a, tc.b)
		if ok != tc.ok || got != tc.want {
			t.Errorf("arith(%q, %#v, %#v) = %#v, %v; want %#v, %v", tc.op, tc.a, tc.b, got, ok, tc.want, tc.ok)
		}
	}
}
