package planreport_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/internal/testenv"
	"github.com/pxlint/pxlint/lint/plan"
	"github.com/pxlint/pxlint/lint/planreport"
)

// chromium finds Debian's headless browser; in CI, which installs it, a
// missing browser fails the test (lint/internal/testenv).
func chromium(t *testing.T) string {
	t.Helper()
	return testenv.Tool(t, "apt-get install chromium", "chromium", "chromium-browser", "google-chrome")
}

// runChromium runs the browser headless, isolated and offline.
func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	profile := t.TempDir()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + profile}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, tail(stderr.String(), 2000))
	}
	return stdout.Bytes()
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// probe is injected into a copy of the page (the page itself has no
// script) to check it as a browser sees it: the required elements, heading
// order, table headers, and the contrast of the verdict colours computed
// from the CSS. It writes its result as JSON into a <pre id="probe">, which
// --dump-dom prints.
const probe = `<script>
(function () {
  function lum(c) {
    var m = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map(function (v) {
      v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2];
  }
  function contrast(el) {
    var s = getComputedStyle(el), a = lum(s.color), b = lum(s.backgroundColor);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }
  var r = {missing: [], headings: [], badHeadings: [], tablesWithoutHeaders: 0, tables: 0, contrast: {}};
  ["main", "h1", "[role=status].verdict", ".deployment table", ".resources table", ".network table",
   ".dns", ".consent", ".certificates", ".capacity", ".not-verified"].forEach(function (q) {
    if (!document.querySelector(q)) r.missing.push(q);
  });
  var last = 0;
  document.querySelectorAll("h1,h2,h3,h4,h5,h6").forEach(function (h) {
    var l = +h.tagName[1]; r.headings.push(l);
    if ((last === 0 && l !== 1) || l > last + 1) r.badHeadings.push(h.tagName + ": " + h.textContent);
    last = l;
  });
  document.querySelectorAll("table").forEach(function (t) {
    r.tables++;
    if (!t.querySelector("thead th[scope=col]") || !t.querySelector("caption")) r.tablesWithoutHeaders++;
  });
  ["ok", "bad"].forEach(function (k) {
    var el = document.createElement("p"); el.className = "verdict " + k; el.textContent = "x";
    document.body.appendChild(el); r.contrast[k] = contrast(el); el.remove();
  });
  var open = document.querySelector(".open"); if (open) r.contrast.open = contrast(open);
  r.verdictText = document.querySelector("[role=status]").textContent;
  var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(r);
  document.body.appendChild(pre);
})();
</script>`

type probeResult struct {
	Missing              []string           `json:"missing"`
	Headings             []int              `json:"headings"`
	BadHeadings          []string           `json:"badHeadings"`
	Tables               int                `json:"tables"`
	TablesWithoutHeaders int                `json:"tablesWithoutHeaders"`
	Contrast             map[string]float64 `json:"contrast"`
	VerdictText          string             `json:"verdictText"`
}

var probeRe = regexp.MustCompile(`(?s)<pre id="probe">(.*?)</pre>`)

// TestHTMLInChromium renders plan pages in headless Chromium: the page must
// render with every required element, headings in order, every table with
// a caption and column headers, verdict colours with a WCAG AA contrast
// (4.5:1), a screenshot and a printed PDF.
func TestHTMLInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("slow (a lint run per example, or a browser): the full suite runs it")
	}
	bin := chromium(t)
	inRoot(t)
	res, _, err := lint.Plans(context.Background(), lint.Options{
		Paths: []string{"examples/az/variables.ps1", "examples/bad/px107-https-open.ps1"}, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 {
		t.Fatalf("%d plans", len(res))
	}
	for _, r := range res {
		p := r.Plan
		t.Run(filepath.Base(p.File), func(t *testing.T) {
			dir := t.TempDir()
			var page bytes.Buffer
			if err := planreport.WritePlans(&page, "html", []*plan.Plan{p}, planreport.Options{}); err != nil {
				t.Fatal(err)
			}
			pagePath := filepath.Join(dir, "plan.html")
			if err := os.WriteFile(pagePath, page.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			probed := strings.Replace(page.String(), "</body>", probe+"</body>", 1)
			probePath := filepath.Join(dir, "probe.html")
			if err := os.WriteFile(probePath, []byte(probed), 0o644); err != nil {
				t.Fatal(err)
			}
			dom := runChromium(t, bin, "--dump-dom", "file://"+probePath)
			m := probeRe.FindSubmatch(dom)
			if m == nil {
				t.Fatalf("the page did not render (no probe result in the DOM):\n%s", tail(string(dom), 1500))
			}
			var got probeResult
			if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &got); err != nil {
				t.Fatal(err)
			}
			if len(got.Missing) > 0 {
				t.Errorf("required elements missing: %v", got.Missing)
			}
			if len(got.BadHeadings) > 0 {
				t.Errorf("headings out of order (%v): %v", got.Headings, got.BadHeadings)
			}
			if got.Tables < 4 || got.TablesWithoutHeaders > 0 {
				t.Errorf("%d tables, %d without caption and column headers", got.Tables, got.TablesWithoutHeaders)
			}
			for k, c := range got.Contrast {
				if c < 4.5 {
					t.Errorf("contrast of %s colours is %.2f:1, want at least 4.5:1", k, c)
				}
			}
			if !strings.Contains(got.VerdictText, p.Verdict.Summary) {
				t.Errorf("verdict %q, want it to say %q", got.VerdictText, p.Verdict.Summary)
			}
			if p.NetworkRules[0].OpenToInternet && got.Contrast["open"] == 0 {
				t.Error("port 443 is open to the Internet but the page does not say so (.open)")
			}
			// The unprobed page, as a change board gets it: a screenshot
			// and a printed PDF, both non-trivial.
			shot := filepath.Join(dir, "plan.png")
			runChromium(t, bin, "--window-size=1280,2400", "--screenshot="+shot, "file://"+pagePath)
			pdf := filepath.Join(dir, "plan.pdf")
			runChromium(t, bin, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+pagePath)
			for _, f := range []struct {
				path  string
				magic string
				min   int64
			}{{shot, "\x89PNG", 10 << 10}, {pdf, "%PDF", 5 << 10}} {
				b, err := os.ReadFile(f.path)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.HasPrefix(b, []byte(f.magic)) || int64(len(b)) < f.min {
					t.Errorf("%s: %d bytes, not a rendered %q file", f.path, len(b), f.magic)
				}
			}
			t.Logf("contrast %v; %d tables; screenshot %s", got.Contrast, got.Tables, shot)
		})
	}
}
