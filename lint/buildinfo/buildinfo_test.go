package buildinfo

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func goInstallInfo() *debug.BuildInfo {
	return &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "github.com/pxlint/pxlint", Version: "v1.4.0"},
		Deps: []*debug.Module{
			{Path: "cuelang.org/go", Version: "v0.17.1"},
			{Path: "github.com/open-policy-agent/opa", Version: "v1.22.3"},
			{Path: "github.com/fatih/color", Version: "v1.19.0"},
		},
		Settings: []debug.BuildSetting{
			{Key: "-trimpath", Value: "true"},
			{Key: "vcs.revision", Value: "318e0ef1a2b3c4d5e6f708192a3b4c5d6e7f8091"},
			{Key: "vcs.time", Value: "2026-12-03T13:22:13Z"},
			{Key: "vcs.modified", Value: "false"},
		},
	}
}

func TestResolve(t *testing.T) {
	replaced := goInstallInfo()
	replaced.Deps[1] = &debug.Module{Path: "github.com/open-policy-agent/opa", Version: "v1.22.3",
		Replace: &debug.Module{Path: "github.com/open-policy-agent/opa", Version: "v1.22.4-fork"}}
	devel := goInstallInfo()
	devel.Main.Version = "(devel)"
	devel.Settings = append(devel.Settings, debug.BuildSetting{Key: "vcs.modified", Value: "true"})
	pseudo := goInstallInfo()
	pseudo.Main.Version = "v0.0.0-20261203132213-318e0ef1a2b3+dirty"

	for _, tc := range []struct {
		name  string
		stamp Stamp
		bi    *debug.BuildInfo
		want  Info
	}{
		{
			name:  "release build: the stamp wins, deps from build info",
			stamp: Stamp{Version: "1.5.0", Commit: "abc", Date: "2026-12-24T00:00:00Z"},
			bi:    goInstallInfo(),
			want: Info{Version: "1.5.0", Commit: "abc", Date: "2026-12-24T00:00:00Z", GoVersion: "go1.26.8",
				OPA: "v1.22.3", CUE: "v0.17.1"},
		},
		{
			name: "go install @v1.4.0: module version without v, VCS settings",
			bi:   goInstallInfo(),
			want: Info{Version: "1.4.0", Commit: "318e0ef1a2b3c4d5e6f708192a3b4c5d6e7f8091", Date: "2026-12-03T13:22:13Z",
				GoVersion: "go1.26.8", OPA: "v1.22.3", CUE: "v0.17.1"},
		},
		{
			name: "local build with uncommitted changes: pseudo-version",
			bi:   pseudo,
			want: Info{Version: "0.0.0-20261203132213-318e0ef1a2b3+dirty", Commit: "318e0ef1a2b3c4d5e6f708192a3b4c5d6e7f8091",
				Date: "2026-12-03T13:22:13Z", GoVersion: "go1.26.8", OPA: "v1.22.3", CUE: "v0.17.1"},
		},
		{
			name: "(devel) is dev; a replaced module reports the replacement",
			bi:   devel,
			want: Info{Version: Dev, Commit: "318e0ef1a2b3c4d5e6f708192a3b4c5d6e7f8091", Date: "2026-12-03T13:22:13Z",
				Modified: true, GoVersion: "go1.26.8", OPA: "v1.22.3", CUE: "v0.17.1"},
		},
		{
			name: "replace directive",
			bi:   replaced,
			want: Info{Version: "1.4.0", Commit: "318e0ef1a2b3c4d5e6f708192a3b4c5d6e7f8091", Date: "2026-12-03T13:22:13Z",
				GoVersion: "go1.26.8", OPA: "v1.22.4-fork", CUE: "v0.17.1"},
		},
		{
			name: "no build info at all",
			want: Info{Version: Dev, GoVersion: runtime.Version()},
		},
		{
			name:  "a stamp with a leading v is normalized",
			stamp: Stamp{Version: "v2.0.0-rc.1"},
			want:  Info{Version: "2.0.0-rc.1", GoVersion: runtime.Version()},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Resolve(tc.stamp, tc.bi); got != tc.want {
				t.Errorf("Resolve =\n %+v\nwant\n %+v", got, tc.want)
			}
		})
	}
}

func TestSemanticVersion(t *testing.T) {
	for v, want := range map[string]string{
		"1.4.0":      "1.4.0",
		"2.0.0-rc.1": "2.0.0-rc.1",
		"0.0.0-20261203132213-318e0ef1a2b3+dirty": "0.0.0-20261203132213-318e0ef1a2b3+dirty",
		"1.4.1-SNAPSHOT-318e0ef":                  "1.4.1-SNAPSHOT-318e0ef",
		Dev:                                       "",
		"1.4":                                     "", // semver needs three parts; x/mod accepts v1.4 as shorthand
		"":                                        "",
	} {
		if got := SemanticVersion(v); got != want {
			t.Errorf("SemanticVersion(%q) = %q, want %q", v, got, want)
		}
	}
}

func TestText(t *testing.T) {
	info := Info{Version: "1.4.0", Commit: "318e0ef", Date: "2026-12-03T13:22:13Z", Modified: true,
		GoVersion: "go1.26.8", OPA: "v1.22.3", CUE: "v0.17.1"}
	want := "pxlint 1.4.0\ncommit: 318e0ef (modified)\ndate: 2026-12-03T13:22:13Z\ngo: go1.26.8\nopa: v1.22.3\ncue: v0.17.1\n"
	if got := info.Text(); got != want {
		t.Errorf("Text =\n%s\nwant\n%s", got, want)
	}
	bare := Info{Version: Dev, GoVersion: "go1.26.8"}.Text()
	if bare != "pxlint dev\ngo: go1.26.8\n" {
		t.Errorf("unknown values should be left out:\n%s", bare)
	}
}

// The test binary itself links OPA and CUE through no package of this one,
// so Get only promises a version and the Go toolchain here.
func TestGet(t *testing.T) {
	info := Get()
	if info.Version == "" || !strings.HasPrefix(info.GoVersion, "go") {
		t.Errorf("Get() = %+v", info)
	}
}
