package glob

import "testing"

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"a.ps1", "a.ps1", true},
		{"a.ps1", "b.ps1", false},
		{"*.ps1", "a.ps1", true},
		{"*.ps1", "regions/a.ps1", false}, // * never crosses /
		{"regions/*.ps1", "regions/a.ps1", true},
		{"regions/*.ps1", "regions/eu/a.ps1", false},
		{"regions/**/*.ps1", "regions/a.ps1", true}, // ** matches zero segments
		{"regions/**/*.ps1", "regions/eu/west/a.ps1", true},
		{"**/*.ps1", "a.ps1", true},
		{"**/*.ps1", "x/y/z/a.ps1", true},
		{"**/legacy/**", "x/legacy/a.ps1", true},
		{"**/legacy/**", "x/legacy", true},
		{"**/legacy/**", "x/legacyish/a.ps1", false},
		{"legacy/**", "legacy/a/b/c.ps1", true},
		{"legacy/**", "other/legacy/a.ps1", false},
		{"**", "anything/at/all.ps1", true},
		{"**/**/a", "a", true},
		{"**/**/a", "b", false},
		{"region-?.ps1", "region-1.ps1", true},
		{"region-?.ps1", "region-10.ps1", false},
		{"region-[0-9].ps1", "region-7.ps1", true},
		{"region-[0-9].ps1", "region-x.ps1", false},
		{"./regions/a.ps1", "regions/a.ps1", true},
		{"regions//a.ps1", "regions/a.ps1", true},
		{"[", "[", false}, // malformed matches nothing
		{"a/b", "a", false},
		{"a", "a/b", false},
		{`a\*b`, "a*b", true},
		{`a\*b`, "axb", false},
	}
	for _, tt := range tests {
		if got := Match(tt.pattern, tt.name); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestMatchAny(t *testing.T) {
	if !MatchAny([]string{"x/*", "**/a.ps1"}, "q/r/a.ps1") {
		t.Error("MatchAny missed the second pattern")
	}
	if MatchAny(nil, "a.ps1") {
		t.Error("MatchAny(nil) matched")
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		pattern string
		wantErr string
	}{
		{"regions/**/*.ps1", ""},
		{"*.ps1", ""},
		{"a/[ab]/c", ""},
		{"", "empty pattern"},
		{"/etc/*.ps1", "pattern must be relative (no leading /)"},
		{"../x/*.ps1", `pattern must not contain ".."`},
		{"a/b**/c", `"**" must be a whole path segment, e.g. "a/**/b"`},
		{"a/[b", "malformed pattern (check [ ] and \\ escapes)"},
		{`regions\eu.ps1`, `use "/" to separate folders; "\" only escapes * ? [ ] \`},
		{`a\*b`, ""},
		{`trailing\`, `use "/" to separate folders; "\" only escapes * ? [ ] \`},
	}
	for _, tt := range tests {
		err := Validate(tt.pattern)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.wantErr {
			t.Errorf("Validate(%q) = %q, want %q", tt.pattern, got, tt.wantErr)
		}
	}
}

func BenchmarkMatchDoubleStar(b *testing.B) {
	name := "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z.ps1"
	for b.Loop() {
		Match("**/**/**/**/**/z.ps1", name)
	}
}
