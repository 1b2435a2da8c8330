package facts

import (
	"io/fs"
	"os"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// ProbeFS is the part of the file system the probe reads, addressed by
// native paths (C:\Program Files\... on Windows). Tests use a fake.
type ProbeFS interface {
	ReadDir(name string) ([]fs.DirEntry, error)
}

// ProbeEnv is what the local probe may look at: the OS it runs on, its
// environment, its file system and, on Windows, the user locale.
type ProbeEnv struct {
	GOOS   string
	Getenv func(string) string
	FS     ProbeFS
	// UserLocale and UserUILanguage return the Windows user locale
	// (GetUserDefaultLocaleName, what Get-Culture reports) and the preferred
	// UI language, or "" when not known. Nil means not known.
	UserLocale     func() string
	UserUILanguage func() string
}

// DefaultProbeEnv is the machine pxlint runs on.
func DefaultProbeEnv() ProbeEnv {
	return ProbeEnv{
		GOOS:           runtime.GOOS,
		Getenv:         os.Getenv,
		FS:             osFS{},
		UserLocale:     userLocale,
		UserUILanguage: userUILanguage,
	}
}

type osFS struct{}

// noFS is an empty file system: nothing installed is known.
type noFS struct{}

func (noFS) ReadDir(name string) ([]fs.DirEntry, error) { return nil, fs.ErrNotExist }

func (osFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }

// probedModules are the modules whose installed versions decide which Az
// loads (PX401), plus AzureRM, which the azurerm profile pins instead.
var probedModules = []string{"Az", "Az.Accounts", "Az.Resources", "AzureRM"}

// versionFolder is a module version folder name, as PowerShellGet creates
// them. Like cultureRE it is compiled on first use: package init runs
// before every command, and only --probe reads it.
var versionFolder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+(\.[0-9]+){1,3}$`) })

// Probe gathers, without PowerShell and without network, what the local
// machine can tell: installed module versions from the PowerShell module
// folders and the current culture. It knows nothing of the Azure account,
// so Account and RoleAssignments stay unknown. Modules is nil when no
// PowerShell module folder exists (PowerShell is not installed or lives
// elsewhere), and empty when the folders exist but hold none of the modules.
func Probe(env ProbeEnv) *Facts {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if env.FS == nil {
		env.FS = noFS{}
	}
	f := &Facts{Schema: SchemaTag, Source: SourceProbe, Host: &Host{OS: env.GOOS}}
	f.Modules = probeModules(env)
	if env.GOOS == "windows" {
		f.Culture = cultureName(call(env.UserLocale))
		f.UICulture = cultureName(call(env.UserUILanguage))
	} else {
		// pwsh takes its culture from the POSIX locale, in ICU's order.
		loc := posixLocale(env.Getenv)
		f.Culture, f.UICulture = loc, loc
	}
	return f
}

func call(fn func() string) string {
	if fn == nil {
		return ""
	}
	return fn()
}

// cultureName returns a pointer to a well-formed culture name, or nil.
func cultureName(s string) *string {
	if s == "" || !cultureRE().MatchString(s) {
		return nil
	}
	return &s
}

var cultureRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`) })

// posixLocale turns LC_ALL, LC_MESSAGES or LANG ("en_US.UTF-8",
// "de_DE@euro") into a culture name ("en-US"). The C and POSIX locales give
// .NET's invariant culture, whose effect on the deployment is not known, so
// they count as unknown (nil), as does an unset locale.
func posixLocale(getenv func(string) string) *string {
	var v string
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v = getenv(k); v != "" {
			break
		}
	}
	if i := strings.IndexAny(v, ".@"); i >= 0 {
		v = v[:i]
	}
	if v == "C" || v == "POSIX" {
		return nil
	}
	return cultureName(strings.ReplaceAll(v, "_", "-"))
}

// moduleRoots lists the folders PowerShell looks for modules in: the
// PSModulePath pxlint inherited plus the default folders of Windows
// PowerShell 5.1 and PowerShell 7, since pxlint may not be started from the
// PowerShell that will deploy (cmd.exe lacks the per-user folder).
func moduleRoots(env ProbeEnv) []string {
	sep, list := "/", ":"
	if env.GOOS == "windows" {
		sep, list = `\`, ";"
	}
	join := func(elems ...string) string {
		for i := range elems {
			elems[i] = strings.TrimRight(elems[i], `/\`)
		}
		return strings.Join(elems, sep)
	}
	var roots []string
	roots = append(roots, strings.Split(env.Getenv("PSModulePath"), list)...)
	if env.GOOS == "windows" {
		for _, home := range []string{env.Getenv("USERPROFILE"), env.Getenv("OneDrive")} {
			if home != "" {
				roots = append(roots,
					join(home, "Documents", "WindowsPowerShell", "Modules"),
					join(home, "Documents", "PowerShell", "Modules"))
			}
		}
		pf := env.Getenv("ProgramFiles")
		if pf == "" {
			pf = `C:\Program Files`
		}
		roots = append(roots,
			join(pf, "WindowsPowerShell", "Modules"),
			join(pf, "PowerShell", "Modules"),
			join(pf, "PowerShell", "7", "Modules"))
	} else {
		data := env.Getenv("XDG_DATA_HOME")
		if data == "" && env.Getenv("HOME") != "" {
			data = join(env.Getenv("HOME"), ".local", "share")
		}
		if data != "" {
			roots = append(roots, join(data, "powershell", "Modules"))
		}
		roots = append(roots,
			"/usr/local/share/powershell/Modules",
			"/opt/microsoft/powershell/7/Modules",
			"/usr/local/microsoft/powershell/7/Modules") // macOS
	}
	seen := map[string]bool{}
	out := roots[:0]
	for _, r := range roots {
		key := strings.TrimRight(r, `/\`)
		if env.GOOS == "windows" {
			key = strings.ToLower(key)
		}
		if r == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, strings.TrimRight(r, `/\`))
	}
	return out
}

// probeModules reads <root>/<Module>/<version>/<Module>.psd1 under every
// module root. Names compare case-insensitively, as PowerShell does on
// every OS.
func probeModules(env ProbeEnv) []Module {
	sep := "/"
	if env.GOOS == "windows" {
		sep = `\`
	}
	var found []Module
	anyRoot := false
	seen := map[Module]bool{}
	for _, root := range moduleRoots(env) {
		entries, err := env.FS.ReadDir(root)
		if err != nil {
			continue
		}
		anyRoot = true
		for _, e := range entries {
			name := canonicalModule(e.Name())
			if name == "" || !e.IsDir() {
				continue
			}
			modDir := root + sep + e.Name()
			versions, err := env.FS.ReadDir(modDir)
			if err != nil {
				continue
			}
			for _, v := range versions {
				if !v.IsDir() || !versionFolder().MatchString(v.Name()) || !hasManifest(env.FS, modDir+sep+v.Name(), name) {
					continue
				}
				m := Module{Name: name, Version: v.Name()}
				if !seen[m] {
					seen[m] = true
					found = append(found, m)
				}
			}
		}
	}
	if !anyRoot {
		return nil
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].Name != found[j].Name {
			return found[i].Name < found[j].Name
		}
		return compareVersions(found[i].Version, found[j].Version) < 0
	})
	if found == nil {
		found = []Module{}
	}
	return found
}

func canonicalModule(folder string) string {
	for _, m := range probedModules {
		if strings.EqualFold(folder, m) {
			return m
		}
	}
	return ""
}

// hasManifest reports whether dir holds <module>.psd1: a version folder
// without its manifest is a leftover of an interrupted install, which
// PowerShell does not load.
func hasManifest(fsys ProbeFS, dir, module string) bool {
	entries, err := fsys.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(e.Name(), module+".psd1") {
			return true
		}
	}
	return false
}

// compareVersions compares dotted numeric versions part by part (missing
// parts are 0), as System.Version does.
func compareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < max(len(pa), len(pb)); i++ {
		x, y := versionPart(pa, i), versionPart(pb, i)
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

func versionPart(parts []string, i int) int {
	if i >= len(parts) {
		return 0
	}
	n := 0
	for _, c := range parts[i] {
		if c < '0' || c > '9' || n > 1<<30 {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}
