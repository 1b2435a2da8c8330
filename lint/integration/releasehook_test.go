package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/internal/testenv"
)

// TestPreCommitReleaseHook runs the pxlint-release hook script against a
// stand-in curl serving a fake release (no network): it downloads the
// archive for this machine, checks it against checksums.txt, caches it per
// version, runs `pxlint lint ARGS`, and refuses an archive whose checksum
// does not match.
func TestPreCommitReleaseHook(t *testing.T) {
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("the fake release holds a linux_amd64 archive")
	}
	testenv.Tool(t, "apt-get install coreutils", "sha256sum")
	script := filepath.Join(repoRoot(t), "examples", "pre-commit", "pxlint-release.sh")

	for _, tc := range []struct {
		name        string
		args        []string
		tamper      bool
		wantURLs    []string // what curl fetched, in order
		ok          bool
		secondCurls int // curl calls of a second run (cache)
	}{
		{"pinned version", []string{"--pxlint-version=1.2.0", "--fail-on", "warning", "a.ps1"}, false,
			[]string{"/download/v1.2.0/checksums.txt", "/download/v1.2.0/pxlint_1.2.0_linux_amd64.tar.gz"}, true, 0},
		{"latest release", []string{"a.ps1"}, false,
			[]string{"/latest/download/checksums.txt", "/latest/download/pxlint_1.2.0_linux_amd64.tar.gz"}, true, 1},
		{"checksum mismatch", []string{"--pxlint-version=1.2.0", "a.ps1"}, true,
			[]string{"/download/v1.2.0/checksums.txt", "/download/v1.2.0/pxlint_1.2.0_linux_amd64.tar.gz"}, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			release, bin, cache := filepath.Join(dir, "release"), filepath.Join(dir, "fakebin"), filepath.Join(dir, "cache")
			for _, d := range []string{release, bin} {
				must(t, os.Mkdir(d, 0o755))
			}
			fakeRelease(t, release, tc.tamper)
			// curl -fsSL -o OUT URL: log the URL, serve the file from the release.
			writeScript(t, filepath.Join(bin, "curl"), `for a; do url="$a"; done
while [ $# -gt 0 ]; do
  if [ "$1" = -o ]; then out="$2"; fi
  shift
done
echo "${url#https://example.invalid/releases}" >> "$CURL_LOG"
cp "$FAKE_RELEASE/$(basename "$url")" "$out"
`)
			curlLog := filepath.Join(dir, "curl.log")
			cmdline := "sh " + shellQuote(script)
			for _, a := range tc.args {
				cmdline += " " + shellQuote(a)
			}
			env := []string{
				"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
				"CURL_LOG=" + curlLog, "FAKE_RELEASE=" + release, "XDG_CACHE_HOME=" + cache,
				"PXLINT_RELEASES_URL=https://example.invalid/releases",
			}
			out, err := runStep(t, cmdline, dir, env...)
			urls, _ := os.ReadFile(curlLog)
			if got := strings.Fields(string(urls)); strings.Join(got, " ") != strings.Join(tc.wantURLs, " ") {
				t.Errorf("fetched %v, want %v", got, tc.wantURLs)
			}
			cached := filepath.Join(cache, "pxlint-release", "1.2.0", "pxlint")
			if !tc.ok {
				if err == nil || isFile(cached) || !strings.Contains(out, "does not match checksums.txt") {
					t.Fatalf("a tampered archive was used (err %v, cached %v):\n%s", err, isFile(cached), out)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			var lintArgs []string
			for _, a := range tc.args {
				if !strings.HasPrefix(a, "--pxlint-version=") {
					lintArgs = append(lintArgs, a)
				}
			}
			// The stand-in pxlint prints its version and arguments.
			if !strings.Contains(out, "pxlint 1.2.0 lint "+strings.Join(lintArgs, " ")) || !isFile(cached) {
				t.Errorf("the downloaded pxlint did not run or was not cached:\n%s", out)
			}
			leftovers, _ := filepath.Glob(filepath.Join(cache, "pxlint-release", ".download.*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary folders left behind: %v", leftovers)
			}
			// A second run reuses the cached binary: no download of a pinned
			// version, only the checksums for "latest".
			must(t, os.Remove(curlLog))
			if out, err := runStep(t, cmdline, dir, env...); err != nil {
				t.Fatalf("second run: %v\n%s", err, out)
			}
			urls, _ = os.ReadFile(curlLog)
			if n := len(strings.Fields(string(urls))); n != tc.secondCurls {
				t.Errorf("second run fetched %d files (%s), want %d", n, urls, tc.secondCurls)
			}
		})
	}
}

func shellQuote(s string) string {
	return fmt.Sprintf("'%s'", strings.ReplaceAll(s, "'", `'\''`))
}
