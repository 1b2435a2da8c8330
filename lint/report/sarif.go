package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/pxlint/pxlint/lint/buildinfo"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// InformationURI is pxlint's home page, for SARIF tool.driver.
const InformationURI = "https://github.com/pxlint/pxlint"

// SRCROOT is the uriBaseId of every relative artifact location: paths are
// relative to where pxlint ran (the repository root in CI), which is what
// GitHub code scanning expects.
const SRCROOT = "%SRCROOT%"

// fingerprintKey names pxlint's partialFingerprints entry; the /v1 suffix
// changes if the recipe does, so old alerts are not matched with new ones.
const fingerprintKey = "pxlint/v1"

// GitHub code scanning's documented hard limits on an upload
// (docs.github.com, "SARIF results exceed limit"): more and the whole file is
// rejected. pxlint writes one run, so the run limit (20) cannot be reached.
const (
	maxResultsPerRun = 25000
	maxTagsPerRule   = 20
)

// writeSARIF writes one SARIF 2.1.0 run built with go-sarif, then drops
// what the library writes by default and says nothing (empty arrays, the
// -1 "unset" indexes and offsets; see compactSARIF).
//
//   - tool.driver.rules: every rule of rs (ordered as given) plus any rule
//     that has results but no metadata; ruleIndex points into it. A rule
//     with security severity in the registry gets
//     properties.security-severity and the tag "security".
//   - results: each finding (level error/warning/note, kind "fail"), with
//     its region in code points (run.columnKind "unicodeCodePoints", end
//     column exclusive as SARIF defines it), related locations, a
//     partialFingerprint from rule, path, variable and element (not the
//     line, so an alert survives lines inserted above it), and for a
//     suppressed finding a suppression (inSource or external; a baseline
//     entry is external) so consumers show it as dismissed.
//   - each not_verified status: a toolExecutionNotification of the run's
//     invocation (level "note", the rule as associatedRule), because code
//     scanning ignores kind and would raise an alert nobody can fix.
//     Options.SARIFNotVerifiedResults makes them results of kind "open"
//     and level "none" instead, for consumers that show those.
//   - automationDetails.id "pxlint/CATEGORY/" (Options.SARIFCategory,
//     default "pxlint"): code scanning keeps one set of alerts per id.
//   - more results than code scanning accepts (maxResultsPerRun): the
//     first ones in severity order are kept and a notification says how
//     many were left out, so the upload is not rejected as a whole.
//
// Results about the whole file point at line 1 (see wholeFile).
func writeSARIF(w io.Writer, r *finding.Report, rs []rules.Rule, opt Options) error {
	driver := sarif.NewToolComponent()
	name := toolName(r)
	driver.Name = &name
	driver.InformationURI = ptr(InformationURI)
	if r.Version != "" {
		driver.Version = ptr(r.Version)
		// SARIF requires SemVer here; a "dev" build has none to give.
		if sv := buildinfo.SemanticVersion(strings.TrimPrefix(r.Version, "v")); sv != "" {
			driver.SemanticVersion = ptr(sv)
		}
	}

	ruleIdx := map[string]int{}
	addRule := func(m rules.Rule) {
		if _, dup := ruleIdx[m.ID]; dup {
			return
		}
		ruleIdx[m.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule(m))
	}
	for _, m := range rs {
		addRule(m)
	}
	for i := range r.Files {
		for j := range r.Files[i].Findings {
			if id := r.Files[i].Findings[j].RuleID; !has(ruleIdx, id) {
				addRule(rules.Rule{ID: id, Severity: r.Files[i].Findings[j].Severity})
			}
		}
		for _, s := range r.Files[i].Statuses {
			if s.Status == finding.StatusNotVerified && !has(ruleIdx, s.RuleID) {
				addRule(rules.Rule{ID: s.RuleID})
			}
		}
	}

	run := sarif.NewRun().WithTool(sarif.NewTool().WithDriver(driver)).WithColumnKind("unicodeCodePoints")
	category := strings.Trim(opt.SARIFCategory, "/")
	if category == "" {
		category = DefaultSARIFCategory
	}
	run.AutomationDetails = &sarif.RunAutomationDetails{ID: ptr("pxlint/" + category + "/")}
	var results []*sarif.Result
	var notes []*sarif.Notification
	for i := range r.Files {
		fr := &r.Files[i]
		seen := occurrence{}
		for j := range fr.Findings {
			f := &fr.Findings[j]
			results = append(results, sarifResult(f, ruleIdx, seen.next(findingKey(f))))
		}
		for _, s := range fr.Statuses {
			if s.Status != finding.StatusNotVerified {
				continue
			}
			reason := s.Reason
			if reason == "" {
				reason = "not verified"
			}
			loc := sarifLocation(fr.Path, wholeFile, "")
			if !opt.SARIFNotVerifiedResults {
				n := sarif.NewNotification()
				n.Level = "note"
				n.Message = sarif.NewTextMessage(reason)
				n.AssociatedRule = &sarif.ReportingDescriptorReference{ID: ptr(s.RuleID), Index: ruleIdx[s.RuleID]}
				n.Locations = []*sarif.Location{loc}
				notes = append(notes, n)
				continue
			}
			res := sarif.NewRuleResult(s.RuleID).
				WithRuleIndex(ruleIdx[s.RuleID]).
				WithKind("open").
				WithLevel("none").
				WithMessage(sarif.NewTextMessage(reason)).
				AddLocation(loc)
			res.PartialFingerprints = map[string]string{fingerprintKey: fingerprint(s.RuleID, fr.Path, "not_verified")}
			results = append(results, res)
		}
	}
	if len(results) > maxResultsPerRun {
		// Keep the most severe; stable, so equal levels keep file order.
		sort.SliceStable(results, func(i, j int) bool {
			return levelRank(results[i].Level) < levelRank(results[j].Level)
		})
		n := sarif.NewNotification()
		n.Level = "warning"
		n.Message = sarif.NewTextMessage(fmt.Sprintf("%d results left out: GitHub code scanning rejects a run with more than %d; the full list is in --format json",
			len(results)-maxResultsPerRun, maxResultsPerRun))
		notes = append(notes, n)
		results = results[:maxResultsPerRun]
	}
	for _, res := range results {
		run.AddResult(res)
	}
	if len(notes) > 0 {
		inv := sarif.NewInvocation().WithExecutionSuccessful(true)
		inv.ToolExecutionNotifications = notes
		run.AddInvocation(inv)
	}

	doc := sarif.NewReport()
	doc.Schema = "https://json.schemastore.org/sarif-2.1.0.json"
	doc.AddRun(run)
	compact, err := compactSARIF(doc)
	if err != nil {
		return err
	}
	return encodeJSON(w, compact)
}

// DefaultSARIFCategory is the category of automationDetails.id when
// Options.SARIFCategory is empty.
const DefaultSARIFCategory = "pxlint"

// levelRank orders SARIF levels from most to least severe.
func levelRank(level string) int {
	switch level {
	case "error":
		return 0
	case "warning":
		return 1
	case "note":
		return 2
	}
	return 3
}

// compactSARIF is doc as generic JSON without the members go-sarif always
// writes though they say nothing: empty arrays and the -1 that means "no
// index" or "no offset" (SARIF's defaults, so leaving them out changes no
// meaning), and empty property bags. What a property bag holds is left as it
// is: it is pxlint's data.
func compactSARIF(doc any) (any, error) {
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return dropDefaults(v), nil
}

func dropDefaults(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if k == "properties" {
				if m, ok := x.(map[string]any); ok && len(m) == 0 {
					delete(t, k)
				}
				continue
			}
			switch y := x.(type) {
			case []any:
				if len(y) == 0 {
					delete(t, k)
					continue
				}
			case json.Number:
				if y == "-1" {
					delete(t, k)
					continue
				}
			}
			t[k] = dropDefaults(x)
		}
	case []any:
		for i := range t {
			t[i] = dropDefaults(t[i])
		}
	}
	return v
}

func has(m map[string]int, k string) bool { _, ok := m[k]; return ok }

func ptr[T any](v T) *T { return &v }

// sarifLevel maps severities to SARIF levels.
func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.SeverityError:
		return "error"
	case finding.SeverityWarning:
		return "warning"
	case finding.SeverityInfo:
		return "note"
	default:
		return "none"
	}
}

// sarifRule is a reportingDescriptor from rule metadata.
func sarifRule(m rules.Rule) *sarif.ReportingDescriptor {
	d := sarif.NewRule(m.ID)
	if m.Name != "" {
		d.Name = ptr(m.Name)
	}
	short := m.Title
	if short == "" {
		short = m.ID
	}
	d.ShortDescription = sarif.NewMultiformatMessageString().WithText(short)
	if full := fullDescription(m); full != "" {
		d.FullDescription = sarif.NewMultiformatMessageString().WithText(full)
	}
	if u := m.DocsURL(); u != "" && m.Title != "" { // not for IDs without metadata
		d.HelpURI = ptr(u)
	}
	if m.Remediation != "" {
		d.Help = sarif.NewMultiformatMessageString().WithText(m.Remediation)
	}
	d.DefaultConfiguration = sarif.NewReportingConfiguration().WithLevel(sarifLevel(m.Severity))
	pb := sarif.NewPropertyBag().WithTags(ruleTags(m))
	if m.SecuritySeverity > 0 {
		// GitHub reads a string holding a number.
		pb.Add("security-severity", strconv.FormatFloat(m.SecuritySeverity, 'f', 1, 64))
	}
	d.Properties = pb
	return d
}

// fullDescription is the description plus the deployment error the rule
// prevents.
func fullDescription(m rules.Rule) string {
	parts := []string{}
	if m.Description != "" {
		parts = append(parts, m.Description)
	}
	if m.Prevents != "" {
		parts = append(parts, "Prevents: "+m.Prevents)
	}
	return strings.Join(parts, "\n\n")
}

// ruleTags tags a rule with its catalog range (RULES.md headings), which
// code-scanning UIs offer as a filter.
func ruleTags(m rules.Rule) []string {
	tags := []string{"pxlint"}
	if len(m.ID) == 5 && strings.HasPrefix(m.ID, "PX") {
		if t, ok := map[byte]string{'0': "script", '1': "network", '2': "naming", '3': "certificates",
			'4': "workstation", '5': "values", '6': "deployment-call"}[m.ID[2]]; ok {
			tags = append(tags, t)
		}
	}
	if m.Engine == rules.EngineUser {
		tags = append(tags, "user-rule")
	}
	if m.SecuritySeverity > 0 {
		tags = append(tags, "security")
	}
	return tags
}

// sarifResult is one finding as a result; nth is its occurrence among the
// file's findings with the same key (findingKey).
func sarifResult(f *finding.Finding, ruleIdx map[string]int, nth int) *sarif.Result {
	msg := withFix(f)
	res := sarif.NewRuleResult(f.RuleID).
		WithRuleIndex(ruleIdx[f.RuleID]).
		WithKind("fail").
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(msg)).
		AddLocation(sarifLocation(f.File, orWholeFile(f.Region), ""))
	for k, l := range f.Related {
		loc := sarifLocation(l.File, l.Region, l.Message)
		loc.ID = k + 1
		res.AddRelatedLocation(loc)
	}
	parts := []string{f.RuleID, f.File, findingKey(f)}
	if nth > 1 {
		// The first occurrence keeps the recipe's fingerprint; later ones
		// (two identical parse errors) must not merge into one alert.
		parts = append(parts, strconv.Itoa(nth))
	}
	res.PartialFingerprints = map[string]string{fingerprintKey: fingerprint(parts...)}
	if f.Fingerprint != "" {
		res.PartialFingerprints["pxlint/certificate/v1"] = f.Fingerprint
	}
	if s := f.Suppression; s != nil {
		kind := "external"
		if s.Kind == "inSource" {
			kind = "inSource"
		}
		sup := sarif.NewSuppression().WithKind(kind).WithJustification(s.Justification).WithStatus("accepted")
		if s.Kind == "baseline" || s.Source != "" || s.Expires != "" {
			pb := sarif.NewPropertyBag()
			if s.Kind == "baseline" {
				pb.Add("pxlintKind", "baseline")
			}
			if s.Source != "" {
				pb.Add("source", s.Source)
			}
			if s.Expires != "" {
				pb.Add("expires", s.Expires)
			}
			sup.Properties = pb
		}
		res.Suppressions = append(res.Suppressions, sup)
	}
	return res
}

// wholeFile is the region of a result about the file as a whole: GitHub code
// scanning places a result only by its region's startLine (sarif-sdk rule
// GH1003), so such results point at line 1 (a region with only startLine is
// that whole line). Related locations (a certificate file) keep no region.
var wholeFile = &finding.Region{StartLine: 1}

func orWholeFile(g *finding.Region) *finding.Region {
	if g == nil {
		return wholeFile
	}
	return g
}

// sarifLocation is a physical location; region nil means the whole file.
func sarifLocation(path string, g *finding.Region, message string) *sarif.Location {
	uri, base := sarifURI(path)
	al := sarif.NewSimpleArtifactLocation(uri)
	if base != "" {
		al.URIBaseID = ptr(base)
	}
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(al)
	if g != nil {
		reg := sarif.NewRegion().WithStartLine(g.StartLine)
		if g.StartColumn > 0 {
			reg.WithStartColumn(g.StartColumn)
		}
		if g.EndLine > 0 {
			reg.WithEndLine(g.EndLine)
		}
		if g.EndColumn > 0 {
			reg.WithEndColumn(g.EndColumn)
		}
		pl.WithRegion(reg)
	}
	loc := sarif.NewLocationWithPhysicalLocation(pl)
	if message != "" {
		loc.Message = sarif.NewTextMessage(message)
	}
	return loc
}

// sarifURI turns a path as shown to users into a URI reference: relative
// paths percent-encoded (spaces, '%', '#', non-ASCII) against %SRCROOT%,
// absolute ones as file URIs.
func sarifURI(path string) (uri, base string) {
	p := strings.ReplaceAll(path, "\\", "/")
	// Windows extended-length paths: \\?\C:\x and \\?\UNC\server\share\x.
	if strings.HasPrefix(p, "//?/") || strings.HasPrefix(p, "//./") {
		p = p[len("//?/"):]
		if len(p) >= 4 && strings.EqualFold(p[:4], "UNC/") {
			p = "//" + p[4:]
		}
	}
	// A UNC path \\server\share\x names its host: file://server/share/x.
	if host, rest, ok := strings.Cut(strings.TrimPrefix(p, "//"), "/"); ok && strings.HasPrefix(p, "//") && host != "" {
		return (&url.URL{Scheme: "file", Host: host, Path: "/" + rest}).String(), ""
	}
	abs := strings.HasPrefix(p, "/")
	if len(p) >= 3 && p[1] == ':' && p[2] == '/' { // C:/...
		p, abs = "/"+p, true
	}
	u := (&url.URL{Path: p}).EscapedPath()
	if abs {
		return "file://" + u, ""
	}
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u // "a:b.ps1" would read as a scheme
	}
	return u, SRCROOT
}

// fingerprint is a short stable hash of its parts.
func fingerprint(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:16])
}
