package facts

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// fakeFS serves native paths (C:\Users\..., /home/...) from a MapFS keyed by
// slash paths without the leading slash ("C:/Users/...", "home/...").
type fakeFS struct{ m fstest.MapFS }

func (f fakeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	key := strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/")
	return f.m.ReadDir(key)
}

// newFakeFS creates a file (with empty content) for each slash path.
func newFakeFS(files ...string) fakeFS {
	m := fstest.MapFS{}
	for _, f := range files {
		m[f] = &fstest.MapFile{}
	}
	return fakeFS{m}
}

func fakeEnv(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestProbeWindows(t *testing.T) {
	env := ProbeEnv{
		GOOS: "windows",
		Getenv: fakeEnv(map[string]string{
			// cmd.exe's PSModulePath lacks the per-user folder; the probe adds it.
			"PSModulePath": `C:\Program Files\WindowsPowerShell\Modules;C:\WINDOWS\system32\WindowsPowerShell\v1.0\Modules`,
			"USERPROFILE":  `C:\Users\ops`,
			"ProgramFiles": `C:\Program Files`,
		}),
		FS: newFakeFS(
			"C:/Users/ops/Documents/WindowsPowerShell/Modules/Az/4.5.0/Az.psd1",
			"C:/Users/ops/Documents/WindowsPowerShell/Modules/Az/4.6.1/Az.psd1",
			"C:/Users/ops/Documents/WindowsPowerShell/Modules/Az.Resources/2.5.0/Az.Resources.psd1",
			"C:/Users/ops/Documents/WindowsPowerShell/Modules/az.resources/2.4.0/AZ.RESOURCES.PSD1",
			// An interrupted install: no manifest, not loadable.
			"C:/Users/ops/Documents/WindowsPowerShell/Modules/Az/4.7.0/readme.txt",
			// Not a version folder.
			"C:/Users/ops/Documents/WindowsPowerShell/Modules/Az/latest/Az.psd1",
			"C:/Program Files/WindowsPowerShell/Modules/AzureRM/6.13.1/AzureRM.psd1",
			// Same version in two roots counts once.
			"C:/Program Files/WindowsPowerShell/Modules/Az/4.5.0/Az.psd1",
			"C:/Program Files/WindowsPowerShell/Modules/Pester/3.4.0/Pester.psd1",
			"C:/Program Files/PowerShell/7/Modules/Az.Accounts/1.9.2/Az.Accounts.psd1",
		),
		UserLocale:     func() string { return "de-DE" },
		UserUILanguage: func() string { return "en-US" },
	}
	f := Probe(env)
	want := []Module{
		{"Az", "4.5.0"}, {"Az", "4.6.1"},
		{"Az.Accounts", "1.9.2"},
		{"Az.Resources", "2.4.0"}, {"Az.Resources", "2.5.0"},
		{"AzureRM", "6.13.1"},
	}
	if !reflect.DeepEqual(f.Modules, want) {
		t.Errorf("modules\n got %v\nwant %v", f.Modules, want)
	}
	if f.Source != SourceProbe || f.Schema != SchemaTag || f.Host.OS != "windows" {
		t.Errorf("facts %+v", f)
	}
	if f.Culture == nil || *f.Culture != "de-DE" || f.UICulture == nil || *f.UICulture != "en-US" {
		t.Errorf("culture %v ui %v", f.Culture, f.UICulture)
	}
	if f.Account != nil || f.RoleAssignments != nil {
		t.Error("the probe cannot know the Azure account")
	}
}

func TestProbeUnix(t *testing.T) {
	tests := []struct {
		name        string
		vars        map[string]string
		files       []string
		wantModules []Module
		wantCulture any // string or nil
	}{
		{
			name: "pwsh user and system folders",
			vars: map[string]string{"HOME": "/home/ops", "LANG": "en_US.UTF-8"},
			files: []string{
				"home/ops/.local/share/powershell/Modules/Az/4.5.0/Az.psd1",
				"opt/microsoft/powershell/7/Modules/Az.Resources/2.4.0/Az.Resources.psd1",
			},
			wantModules: []Module{{"Az", "4.5.0"}, {"Az.Resources", "2.4.0"}},
			wantCulture: "en-US",
		},
		{
			name:        "XDG data home and LC_ALL wins over LANG",
			vars:        map[string]string{"HOME": "/home/ops", "XDG_DATA_HOME": "/data", "LC_ALL": "fr_FR@euro", "LANG": "en_US.UTF-8"},
			files:       []string{"data/powershell/Modules/Az/4.6.0/Az.psd1"},
			wantModules: []Module{{"Az", "4.6.0"}},
			wantCulture: "fr-FR",
		},
		{
			name:        "PSModulePath folder, version order is numeric",
			vars:        map[string]string{"PSModulePath": "/srv/mods:", "LANG": "C.UTF-8"},
			files:       []string{"srv/mods/Az/10.0.0/Az.psd1", "srv/mods/Az/9.7.1/Az.psd1"},
			wantModules: []Module{{"Az", "9.7.1"}, {"Az", "10.0.0"}},
			wantCulture: nil, // C is the invariant culture: unknown effect
		},
		{
			name:        "module folder without the modules: known empty",
			vars:        map[string]string{},
			files:       []string{"usr/local/share/powershell/Modules/PSReadLine/2.0.0/PSReadLine.psd1"},
			wantModules: []Module{},
			wantCulture: nil,
		},
		{
			name:        "no PowerShell at all: unknown",
			vars:        map[string]string{"HOME": "/home/ops", "LANG": "nonsense!"},
			files:       []string{"home/ops/notes.txt"},
			wantModules: nil,
			wantCulture: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Probe(ProbeEnv{GOOS: "linux", Getenv: fakeEnv(tt.vars), FS: newFakeFS(tt.files...)})
			if !reflect.DeepEqual(f.Modules, tt.wantModules) {
				t.Errorf("modules %#v, want %#v", f.Modules, tt.wantModules)
			}
			switch want := tt.wantCulture.(type) {
			case nil:
				if f.Culture != nil {
					t.Errorf("culture %q, want unknown", *f.Culture)
				}
			case string:
				if f.Culture == nil || *f.Culture != want || f.UICulture == nil || *f.UICulture != want {
					t.Errorf("culture %v, want %s", f.Culture, want)
				}
			}
		})
	}
}

func TestProbeWindowsUnknownLocale(t *testing.T) {
	f := Probe(ProbeEnv{GOOS: "windows", FS: newFakeFS()})
	if f.Culture != nil || f.UICulture != nil || f.Modules != nil {
		t.Errorf("nothing known must stay unknown: %+v", f)
	}
}

func TestDefaultProbeEnvRuns(t *testing.T) {
	// The real machine: whatever it holds, the probe must not fail and must
	// say where its facts come from.
	f := Probe(DefaultProbeEnv())
	if f.Source != SourceProbe || f.Host == nil || f.Host.OS == "" {
		t.Errorf("facts %+v", f)
	}
}

func TestCompareVersions(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"4.5.0", "4.6.0", -1}, {"4.10.0", "4.9.9", 1}, {"4.5", "4.5.0.0", 0}, {"2.5.0", "2.5.0", 0}, {"10.0.0", "9.7.1", 1},
	}
	for _, tt := range tests {
		if got := compareVersions(tt.a, tt.b); got != tt.want {
			t.Errorf("compareVersions(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestProbeWithoutFS(t *testing.T) {
	f := Probe(ProbeEnv{GOOS: "linux"})
	if f.Modules != nil || f.Culture != nil {
		t.Errorf("an empty environment knows nothing: %+v", f)
	}
}
