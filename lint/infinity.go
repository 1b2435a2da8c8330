package lint

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/infinity"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/policy"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/stage"
)

// InfinityOptions ask a run to judge a Pexip Infinity export (PX7xx) with
// the scripts of the run: `pxlint infinity EXPORT --scripts …`.
type InfinityOptions struct {
	Export string
	// TenantIDs are the expected tenants (--tenant-id); they win over the config's.
	TenantIDs []string
}

// exportJob is one export to judge and the scripts that go with it.
type exportJob struct {
	path    string // absolute
	cfg     *config.Config
	tenants []string
	source  string // where the tenants came from: "flag", "config", ""
	scripts []*script
}

// exportJobs collects the exports of a run: the one named by `pxlint
// infinity` (with every script of the run), and one per config with an
// infinity block that governs a reported script (with every script, named
// or repository context, that config governs). Context scripts alone never
// start a job: linting one script judges only its own config's export.
func (e *engine) exportJobs(reported, all []*script) []*exportJob {
	var jobs []*exportJob
	if e.opts.Infinity != nil {
		jobs = []*exportJob{e.namedExportJob(all)}
	} else {
		jobs = configExportJobs(reported, all)
	}
	for _, j := range jobs {
		if j.tenants == nil && j.cfg != nil && j.cfg.Infinity != nil && len(j.cfg.Infinity.ExpectedTenantIDs) > 0 {
			j.tenants, j.source = j.cfg.Infinity.ExpectedTenantIDs, "expected_tenant_ids in "+filepath.ToSlash(j.cfg.Path)
		}
	}
	return jobs
}

// namedExportJob is the export `pxlint infinity` names, with every script
// of the run; the config governing the export's folder (or --config)
// supplies the assumptions.
func (e *engine) namedExportJob(all []*script) *exportJob {
	o := e.opts.Infinity
	abs, _ := filepath.Abs(o.Export)
	j := &exportJob{path: abs, scripts: all}
	if len(o.TenantIDs) > 0 {
		j.tenants, j.source = o.TenantIDs, "--tenant-id"
	}
	if p, ok := config.Discover(abs); ok {
		if c, err := e.config(p); err == nil {
			j.cfg = c
		}
	}
	if e.opts.ConfigPath != "" {
		if c, err := e.config(e.opts.ConfigPath); err == nil {
			j.cfg = c
		}
	}
	return j
}

// configExportJobs are the exports of the configs with an infinity block
// that govern a reported script, each with the scripts (named or context)
// its config governs.
func configExportJobs(reported, all []*script) []*exportJob {
	var jobs []*exportJob
	byPath := map[string]*exportJob{}
	for _, s := range reported {
		if s.cfg == nil || s.cfg.Infinity == nil {
			continue
		}
		if _, ok := byPath[s.cfg.Infinity.Export]; !ok {
			j := &exportJob{path: s.cfg.Infinity.Export, cfg: s.cfg}
			jobs = append(jobs, j)
			byPath[j.path] = j
		}
	}
	for _, s := range all {
		if s.cfg == nil || s.cfg.Infinity == nil {
			continue
		}
		if j, ok := byPath[s.cfg.Infinity.Export]; ok && j.cfg == s.cfg {
			j.scripts = append(j.scripts, s)
		}
	}
	return jobs
}

// judgeExport reads and judges one export. A malformed export is an error
// (exit code 2) naming the file and JSON pointer.
func (e *engine) judgeExport(ctx context.Context, j *exportJob) (*finding.FileResult, error) {
	exp, err := infinity.Load(displayPath(j.path))
	if err != nil {
		return nil, err
	}
	set := infinity.Settings{ExpectedTenantIDs: j.tenants, TenantSource: escape.Text(j.source)}
	if j.cfg != nil && j.cfg.Infinity != nil {
		c := j.cfg.Infinity
		set.TeamsDomains, set.IDLengths, set.AllowBacktracking = c.TeamsDomains, c.IDLengths, c.AllowBacktracking
	}
	var facts []infinity.Script
	for _, s := range j.scripts {
		if s.res != nil {
			facts = append(facts, scriptFacts(s))
		}
	}
	sort.Slice(facts, func(a, b int) bool { return facts[a].File < facts[b].File })
	in := infinity.BuildInput(exp, set, facts)
	if e.opts.Online {
		checkAIARedirects(ctx, in)
	}

	pol, err := e.infinityPolicy(ctx)
	if err != nil {
		return nil, err
	}
	out, err := pol.Eval(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("%s: evaluating the Infinity policies: %w", exp.Path, err)
	}
	fr := &finding.FileResult{Path: exp.Path}
	for _, r := range out.Deny {
		fr.Findings = append(fr.Findings, exportFinding(exp, r))
	}
	c := newChecked()
	for _, nv := range out.NotVerified {
		c.notVerifiedBecause(nv.ID, escape.Text(nv.Reason))
	}
	fr.Statuses = statuses(exportRules(rules.All()), fr.Findings, c)
	if j.cfg != nil {
		if e.opts.FailOn == nil && j.cfg.FailOn != nil {
			t := *j.cfg.FailOn
			fr.FailOn = &t
		}
	}
	// The stages of a script, but for inline suppressions: JSON has no
	// comments, so waivers (by path) are the way to accept a finding.
	env := stage.Env{Config: j.cfg, Now: e.opts.Now, Script: stage.ScriptPath(j.cfg, j.path)}
	stage.Disable(fr, env)
	stage.OverrideSeverity(fr, env)
	stage.Waive(fr, env)
	stage.Baseline(fr, env, e.baseline)
	stage.Finish(fr)
	fr.Sort()
	return fr, nil
}

// exportFinding places a policy result at file:line:column of its JSON
// pointer; the message starts with the pointer, so every format shows it.
func exportFinding(exp *infinity.Export, r policy.Result) finding.Finding {
	meta, _ := rules.Get(r.ID)
	sev := r.Severity
	if sev == finding.SeverityNone {
		sev = meta.Severity
	}
	f := finding.Finding{RuleID: r.ID, Severity: sev, File: exp.Path, DocsURL: meta.DocsURL(), Fix: escape.Text(r.Fix)}
	target := r.At
	if r.Field != "" {
		target += "/" + r.Field
	}
	file, ptr := infinity.SplitAt(target)
	fileOK, line, col, ok := exp.Locate(target)
	if !ok && r.Field != "" {
		file, ptr = infinity.SplitAt(r.At)
		fileOK, line, col, ok = exp.Locate(r.At)
	}
	if file != "" {
		f.File = file
	}
	if ok {
		f.File = fileOK
		f.Region = &finding.Region{StartLine: line, StartColumn: col, EndLine: line, EndColumn: col}
	}
	msg := escape.Text(r.Msg)
	if ptr != "" {
		msg = escape.Text(ptr) + ": " + msg
	}
	f.Message = msg
	return f
}

// infinityPolicy prepares the PX7xx policies once per run.
func (e *engine) infinityPolicy(ctx context.Context) (*policy.Engine, error) {
	f := futureFor(&e.mu, e.policies, []string{"\x00infinity"})
	f.once.Do(func() { f.val, f.err = policy.PrepareInfinity(ctx) })
	return f.val, f.err
}

// scriptFacts is what the cross-checks read of a script.
func scriptFacts(s *script) infinity.Script {
	in := s.res.Input
	out := infinity.Script{File: escape.Text(s.path.display), NodeFqdns: []string{}, NodePrefixes: []string{}, Unknown: []string{}}
	for _, name := range []string{"PxTeamsConnFqdn", "PxNodeFqdns", "PxNodesSourceAddressPrefixes"} {
		if v := lookupVariable(in, name); v != nil && !evaluated(v) {
			out.Unknown = append(out.Unknown, name)
		}
	}
	if v := lookupVariable(in, "PxTeamsConnFqdn"); v != nil && v.Kind == model.KindString {
		s, _ := v.Value.(string)
		out.TeamsConnFqdn = escape.Text(s)
	}
	out.NodeFqdns = stringValues(lookupVariable(in, "PxNodeFqdns"))
	out.NodePrefixes = stringValues(lookupVariable(in, "PxNodesSourceAddressPrefixes"))
	return out
}

// evaluated reports whether a variable's value, and each of its elements,
// is known statically.
func evaluated(v *model.Variable) bool {
	if v.Kind == model.KindUnknown {
		return false
	}
	for _, el := range v.Elements {
		if el.Kind == model.ElementUnknown {
			return false
		}
	}
	return true
}

// stringValues are a variable's string values: the elements of an array, or
// the comma-separated names of one string ($PxNodeFqdns is one string).
func stringValues(v *model.Variable) []string {
	out := []string{}
	if v == nil {
		return out
	}
	add := func(x any) {
		if s, ok := x.(string); ok {
			for _, p := range strings.Split(s, ",") {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, escape.Text(p))
				}
			}
		}
	}
	if v.Kind == model.KindArray {
		for _, el := range v.Elements {
			add(el.Value)
		}
		return out
	}
	add(v.Value)
	return out
}
