package integration

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// snapshotDist is the dist folder of a GoReleaser snapshot (.ci/run sets
// PXLINT_DIST after `goreleaser release --snapshot`); without it the
// snapshot tests skip, even in CI, where .ci/run runs them separately.
func snapshotDist(t *testing.T) string {
	t.Helper()
	dist := os.Getenv("PXLINT_DIST")
	if dist == "" {
		t.Skip("skipping: PXLINT_DIST is not set (.ci/run sets it after the GoReleaser snapshot)")
	}
	return dist
}

// checksums reads checksums.txt: file name -> SHA-256 (hex).
func checksums(t *testing.T, dist string) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dist, "checksums.txt"))
	must(t, err)
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	line := regexp.MustCompile(`^([0-9a-f]{64})  (\S+)$`)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			t.Fatalf("checksums.txt: bad line %q", sc.Text())
		}
		sums[m[2]] = m[1]
	}
	must(t, sc.Err())
	return sums
}

func fileSHA256(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// archiveEntry is one file of a release archive.
type archiveEntry struct {
	Name    string
	ModTime time.Time
}

func zipEntries(t *testing.T, path string) []archiveEntry {
	t.Helper()
	zr, err := zip.OpenReader(path)
	must(t, err)
	defer zr.Close()
	var out []archiveEntry
	for _, f := range zr.File {
		out = append(out, archiveEntry{f.Name, f.Modified})
	}
	return out
}

func tarGzEntries(t *testing.T, path string) []archiveEntry {
	t.Helper()
	f, err := os.Open(path)
	must(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	must(t, err)
	tr := tar.NewReader(zr)
	var out []archiveEntry
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		must(t, err)
		out = append(out, archiveEntry{h.Name, h.ModTime})
	}
}

// TestSnapshotArchives: the Windows zip and the Linux tar.gz hold the
// binary, the licence, the docs and (both) the PowerShell module, every
// entry with the same time (the commit's, not the build's: reproducible),
// and checksums.txt lists each archive with its real hash.
func TestSnapshotArchives(t *testing.T) {
	dist := snapshotDist(t)
	sums := checksums(t, dist)
	for _, tc := range []struct {
		glob, exe string
		entries   func(*testing.T, string) []archiveEntry
	}{
		{"pxlint_*_windows_amd64.zip", "pxlint.exe", zipEntries},
		{"pxlint_*_linux_amd64.tar.gz", "pxlint", tarGzEntries},
	} {
		t.Run(tc.glob, func(t *testing.T) {
			paths, _ := filepath.Glob(filepath.Join(dist, tc.glob))
			if len(paths) != 1 {
				t.Fatalf("%d archives match %s", len(paths), tc.glob)
			}
			name := filepath.Base(paths[0])
			if sums[name] != fileSHA256(t, paths[0]) {
				t.Errorf("checksums.txt has %q for %s, the file hashes to %s", sums[name], name, fileSHA256(t, paths[0]))
			}
			entries := tc.entries(t, paths[0])
			var names []string
			for _, e := range entries {
				names = append(names, e.Name)
				if !e.ModTime.Equal(entries[0].ModTime) {
					t.Errorf("%s: %s has time %v, %s has %v: archive times should all be the commit's", name, e.Name, e.ModTime, entries[0].Name, entries[0].ModTime)
				}
			}
			sort.Strings(names)
			want := []string{"CHANGELOG.md", "LICENSE", "PxLint/PxLint.psd1", "PxLint/PxLint.psm1", "README.md", tc.exe}
			sort.Strings(want)
			if !slices.Equal(names, want) {
				t.Errorf("%s holds %v, want %v", name, names, want)
			}
		})
	}
}

// TestSnapshotSBOMs: one CycloneDX document per archive, naming the Go
// modules linked into the binary (OPA and CUE among them).
func TestSnapshotSBOMs(t *testing.T) {
	dist := snapshotDist(t)
	archives, _ := filepath.Glob(filepath.Join(dist, "pxlint_*_*_*.*"))
	n := 0
	for _, a := range archives {
		base := filepath.Base(a)
		if strings.Contains(base, ".sbom.") {
			continue
		}
		n++
		stem := strings.TrimSuffix(strings.TrimSuffix(base, ".zip"), ".tar.gz")
		doc := filepath.Join(dist, stem+".sbom.cdx.json")
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Errorf("no SBOM for %s: %v", base, err)
			continue
		}
		var bom struct {
			BOMFormat  string `json:"bomFormat"`
			Components []struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				PURL    string `json:"purl"`
			} `json:"components"`
		}
		if err := json.Unmarshal(b, &bom); err != nil {
			t.Errorf("%s: %v", doc, err)
			continue
		}
		found := map[string]bool{}
		for _, c := range bom.Components {
			for _, mod := range []string{"github.com/open-policy-agent/opa", "cuelang.org/go"} {
				if c.Name == mod || strings.Contains(c.PURL, "pkg:golang/"+mod+"@") {
					found[mod] = true
				}
			}
		}
		if bom.BOMFormat != "CycloneDX" || len(found) != 2 {
			t.Errorf("%s: format %q, OPA and CUE found: %v (%d components)", doc, bom.BOMFormat, found, len(bom.Components))
		}
	}
	if n < 2 {
		t.Errorf("%d archives in %s, want at least the Linux and Windows amd64 ones", n, dist)
	}
}

// findFiles lists the files under root whose name matches the pattern.
func findFiles(t *testing.T, root, pattern string) []string {
	t.Helper()
	var out []string
	must(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ok, _ := filepath.Match(pattern, d.Name()); ok && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	}))
	return out
}

// TestSnapshotManifests parses the generated package manifests: Scoop
// (JSON), WinGet (YAML: version, installer, locale) and the Homebrew cask
// (Ruby; checked by its lines), and checks that each points at the right
// archive with the hash checksums.txt gives.
func TestSnapshotManifests(t *testing.T) {
	dist := snapshotDist(t)
	sums := checksums(t, dist)
	archiveOf := func(suffix string) (string, string) {
		for name, sum := range sums {
			if strings.HasSuffix(name, suffix) {
				return name, sum
			}
		}
		t.Fatalf("no %s in checksums.txt", suffix)
		return "", ""
	}
	winZip, winSum := archiveOf("_windows_amd64.zip")
	linuxTar, linuxSum := archiveOf("_linux_amd64.tar.gz")

	t.Run("scoop", func(t *testing.T) {
		var m struct {
			Version      string `json:"version"`
			License      string `json:"license"`
			Architecture map[string]struct {
				URL  string `json:"url"`
				Bin  any    `json:"bin"`
				Hash string `json:"hash"`
			} `json:"architecture"`
		}
		b, err := os.ReadFile(filepath.Join(dist, "scoop", "bucket", "pxlint.json"))
		must(t, err)
		must(t, json.Unmarshal(b, &m))
		a := m.Architecture["64bit"]
		if m.Version == "" || m.License != "Apache-2.0" || !strings.HasSuffix(a.URL, "/"+winZip) || a.Hash != winSum ||
			!strings.Contains(strings.ToLower(jsonString(t, a.Bin)), "pxlint.exe") {
			t.Errorf("scoop manifest %s", b)
		}
	})

	t.Run("winget", func(t *testing.T) {
		installers := findFiles(t, dist, "pxlint.pxlint.installer.yaml")
		locales := findFiles(t, dist, "pxlint.pxlint.locale.*.yaml")
		versions := findFiles(t, dist, "pxlint.pxlint.yaml")
		if len(installers) != 1 || len(locales) != 1 || len(versions) != 1 {
			t.Fatalf("winget manifests: installer %v, locale %v, version %v", installers, locales, versions)
		}
		var inst struct {
			PackageIdentifier string `yaml:"PackageIdentifier"`
			ManifestType      string `yaml:"ManifestType"`
			Installers        []struct {
				Architecture         string `yaml:"Architecture"`
				NestedInstallerType  string `yaml:"NestedInstallerType"`
				NestedInstallerFiles []struct {
					RelativeFilePath string `yaml:"RelativeFilePath"`
				} `yaml:"NestedInstallerFiles"`
				InstallerURL    string `yaml:"InstallerUrl"`
				InstallerSha256 string `yaml:"InstallerSha256"`
			} `yaml:"Installers"`
		}
		readYAML(t, installers[0], &inst)
		if inst.PackageIdentifier != "pxlint.pxlint" || inst.ManifestType != "installer" || len(inst.Installers) != 1 {
			t.Fatalf("installer manifest %+v", inst)
		}
		i := inst.Installers[0]
		if i.Architecture != "x64" || i.NestedInstallerType != "portable" || len(i.NestedInstallerFiles) != 1 ||
			i.NestedInstallerFiles[0].RelativeFilePath != "pxlint.exe" || !strings.HasSuffix(i.InstallerURL, "/"+winZip) ||
			!strings.EqualFold(i.InstallerSha256, winSum) {
			t.Errorf("installer %+v, want x64 portable pxlint.exe from %s (%s)", i, winZip, winSum)
		}
		var loc struct {
			PackageIdentifier string `yaml:"PackageIdentifier"`
			License           string `yaml:"License"`
			ShortDescription  string `yaml:"ShortDescription"`
			ManifestType      string `yaml:"ManifestType"`
		}
		readYAML(t, locales[0], &loc)
		if loc.PackageIdentifier != "pxlint.pxlint" || loc.License != "Apache-2.0" || loc.ShortDescription == "" || loc.ManifestType != "defaultLocale" {
			t.Errorf("locale manifest %+v", loc)
		}
	})

	t.Run("homebrew cask", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(dist, "homebrew", "Casks", "pxlint.rb"))
		must(t, err)
		rb := string(b)
		// The URL spells the version as #{version}, which the version line sets.
		version := strings.TrimSuffix(strings.TrimPrefix(linuxTar, "pxlint_"), "_linux_amd64.tar.gz")
		for _, re := range []string{
			`(?m)^cask "pxlint" do$`,
			`(?m)^\s+version "` + regexp.QuoteMeta(version) + `"$`,
			`(?m)^\s+binary "pxlint"$`,
			`(?m)^\s+url "[^"]*/pxlint_#\{version\}_linux_amd64\.tar\.gz"`,
			`(?m)^\s+sha256 "` + linuxSum + `"$`,
			`(?m)^end$`,
		} {
			if !regexp.MustCompile(re).MatchString(rb) {
				t.Errorf("cask lacks %s:\n%s", re, rb)
			}
		}
	})
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func jsonString(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	must(t, err)
	return string(b)
}
