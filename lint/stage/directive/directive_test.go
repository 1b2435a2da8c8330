package directive

import (
	"reflect"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		text string
		ok   bool
		want Directive
	}{
		{text: "# a normal comment", ok: false},
		{text: "# see pxlint-ignore in the docs", ok: false},
		{text: "# pxlint-ignored PX105 -- x", ok: false},
		{text: "# pxlint-ignore PX105 -- lab range", ok: true,
			want: Directive{Rules: []string{"PX105"}, Reason: "lab range"}},
		{text: "#pxlint-ignore px104,PX105 until=2026-01-31 -- partner ranges (CHG-1)", ok: true,
			want: Directive{Rules: []string{"PX104", "PX105"}, Until: "2026-01-31", Reason: "partner ranges (CHG-1)"}},
		{text: "# pxlint-ignore PX104, PX105 -- spaced list", ok: true,
			want: Directive{Rules: []string{"PX104", "PX105"}, Reason: "spaced list"}},
		{text: "# pxlint-ignore: PX105 -- tflint-style colon", ok: true,
			want: Directive{Rules: []string{"PX105"}, Reason: "tflint-style colon"}},
		{text: "# PXLINT-IGNORE-FILE PX009 -- legacy file, re-saved next sprint", ok: true,
			want: Directive{File: true, Rules: []string{"PX009"}, Reason: "legacy file, re-saved next sprint"}},
		{text: "# pxlint-ignore ACME001 -- user policy IDs keep their case", ok: true,
			want: Directive{Rules: []string{"ACME001"}, Reason: "user policy IDs keep their case"}},
		{text: "# pxlint-ignore PX105 -- keeps re-enable--later inside", ok: true,
			want: Directive{Rules: []string{"PX105"}, Reason: "keeps re-enable--later inside"}},
		{text: "# pxlint-ignore PX105 \u2014 pasted from a chat, em dash", ok: true,
			want: Directive{Rules: []string{"PX105"}, Reason: "pasted from a chat, em dash"}},
		{text: "# pxlint-ignore PX105 \u2013 en dash", ok: true,
			want: Directive{Rules: []string{"PX105"}, Reason: "en dash"}},
		{text: "# pxlint-ignore PX105 --no space", ok: true,
			want: Directive{Rules: []string{"PX105"}, Reason: "no space"}},
		{text: "# pxlint-ignore PX105", ok: true,
			want: Directive{Rules: []string{"PX105"}, Problems: []string{`pxlint-ignore has no reason: add " -- " and why the exception is acceptable`}}},
		{text: "# pxlint-ignore PX105 --   ", ok: true,
			want: Directive{Rules: []string{"PX105"}, Problems: []string{`pxlint-ignore has no reason: add " -- " and why the exception is acceptable`}}},
		{text: "# pxlint-ignore -- why", ok: true,
			want: Directive{Reason: "why", Problems: []string{"pxlint-ignore names no rule: list the rule IDs, e.g. pxlint-ignore PX105 -- reason"}}},
		{text: "# pxlint-ignore-file", ok: true,
			want: Directive{File: true, Problems: []string{
				"pxlint-ignore-file names no rule: list the rule IDs, e.g. pxlint-ignore-file PX105 -- reason",
				`pxlint-ignore-file has no reason: add " -- " and why the exception is acceptable`}}},
		{text: "# pxlint-ignore PX105 until=31/01/2026 -- x", ok: true,
			want: Directive{Rules: []string{"PX105"}, Until: "31/01/2026", Reason: "x",
				Problems: []string{`pxlint-ignore has a bad until date "31/01/2026": want until=YYYY-MM-DD`}}},
		{text: "# pxlint-ignore PX105 until=2026-01-01 UNTIL=2026-02-01 -- x", ok: true,
			want: Directive{Rules: []string{"PX105"}, Until: "2026-02-01", Reason: "x",
				Problems: []string{"pxlint-ignore has two until= dates"}}},
		{text: "# pxlint-ignore PX105,$bad -- x", ok: true,
			want: Directive{Rules: []string{"PX105"}, Reason: "x", Problems: []string{`pxlint-ignore: "$bad" is not a rule ID`}}},
	}
	for _, tt := range tests {
		got, ok := ParseText(tt.text)
		if ok != tt.ok {
			t.Errorf("ParseText(%q) ok = %v", tt.text, ok)
			continue
		}
		if ok && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseText(%q)\n got %+v\nwant %+v", tt.text, got, tt.want)
		}
	}
}

func reg(l1, c1, l2, c2 int) finding.Region {
	return finding.Region{StartLine: l1, StartColumn: c1, EndLine: l2, EndColumn: c2}
}

// The layout below models this script:
//
//	1 # pxlint-ignore PX105 -- whole statement
//	2 $PxNodesSourceAddressPrefixes = @(
//	3   # pxlint-ignore PX105 -- one element
//	4   "0.0.0.0/0",
//	5   "10.0.0.0/8" # pxlint-ignore PX105 -- trailing
//	6 )
//	7 $PxA = 1
//	8
//	9 # pxlint-ignore PX105 -- nothing follows
func TestParseTargets(t *testing.T) {
	layout := Layout{
		Code: []Pos{{2, 1}, {2, 32}, {2, 34}, {4, 3}, {4, 14}, {5, 3}, {6, 1}, {7, 1}, {7, 6}, {7, 8}},
		Statements: []Statement{
			{Start: Pos{2, 1}, EndLine: 6},
			{Start: Pos{7, 1}, EndLine: 7},
		},
	}
	comments := []Comment{
		{"# pxlint-ignore PX105 -- whole statement", reg(1, 1, 1, 41)},
		{"# just a note", reg(1, 50, 1, 60)},
		{"# pxlint-ignore PX105 -- one element", reg(3, 3, 3, 39)},
		{"# pxlint-ignore PX105 -- trailing", reg(5, 16, 5, 49)},
		{"# pxlint-ignore PX105 -- nothing follows", reg(9, 1, 9, 41)},
		{"# pxlint-ignore-file PX009 -- file wide", reg(9, 1, 9, 40)},
	}
	got := Parse(comments, layout)
	type span struct{ from, to int }
	want := []span{{2, 6}, {4, 4}, {5, 5}, {0, 0}, {0, 0}}
	if len(got) != len(want) {
		t.Fatalf("got %d directives, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if g := (span{got[i].FromLine, got[i].ToLine}); g != w {
			t.Errorf("directive %d (%q) covers %v, want %v", i, got[i].Reason, g, w)
		}
		if got[i].Region != comments[indexOf(comments, got[i].Reason)].Region {
			t.Errorf("directive %d keeps the wrong region", i)
		}
	}
	if !got[4].File {
		t.Error("the last directive is pxlint-ignore-file")
	}
}

func indexOf(cs []Comment, reason string) int {
	for i, c := range cs {
		if d, ok := ParseText(c.Text); ok && d.Reason == reason {
			return i
		}
	}
	return -1
}

func TestCovers(t *testing.T) {
	line := Directive{FromLine: 2, ToLine: 6}
	file := Directive{File: true}
	none := Directive{}
	for _, tt := range []struct {
		d    Directive
		r    *finding.Region
		want bool
	}{
		{line, &finding.Region{StartLine: 2}, true},
		{line, &finding.Region{StartLine: 6}, true},
		{line, &finding.Region{StartLine: 7}, false},
		{line, &finding.Region{StartLine: 1}, false},
		{line, nil, false}, // file-level findings need pxlint-ignore-file
		{file, nil, true},
		{file, &finding.Region{StartLine: 99}, true},
		{none, &finding.Region{StartLine: 1}, false},
	} {
		if got := tt.d.Covers(tt.r); got != tt.want {
			t.Errorf("%+v.Covers(%+v) = %v", tt.d, tt.r, got)
		}
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{"# pxlint-ignore PX105 -- x", "#pxlint-ignore-file", "# pxlint-ignore ,,, until= --", "# pxlint-ignore:--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseText(s)
		if ok && len(d.Problems) == 0 && (len(d.Rules) == 0 || d.Reason == "") {
			t.Errorf("%q: a directive without rules or reason must have problems", s)
		}
	})
}
