package lint

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/pxlint/pxlint/lint/cert"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/policy"
	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/schema"
)

// Defaults when neither a flag nor the config sets a value.
const (
	defaultExpiryDays = 30
	defaultAzVersion  = "4.5.0"
)

// prepare fills the parts of the policy input that come from beside the
// script: profile, settings, clock, repository, certificates, facts, inventory.
func (e *engine) prepare(s *script, repo []model.ScriptSummary) (*model.Input, error) {
	in := s.res.Input
	switch {
	case e.opts.Profile != "":
		in.Profile, in.ProfileSource = e.opts.Profile, "flag"
	case s.cfg != nil && s.cfg.Profile != "":
		in.Profile, in.ProfileSource = s.cfg.Profile, "config"
	default:
		in.Profile, in.ProfileSource = model.DetectProfile(in)
	}
	if pd, ok := e.schema.Profile(in.Profile); ok {
		in.ProfileData = pd
	}
	az := e.opts.AzVersion
	if az == "" && s.cfg != nil {
		az = s.cfg.AzVersion
	}
	if az == "" {
		if pd, ok := e.schema.Profile(in.Profile); ok {
			az = pd.AzVersion
		}
	}
	if az == "" {
		az = defaultAzVersion
	}
	days := e.opts.ExpiryDays
	if days == 0 && s.cfg != nil {
		days = s.cfg.ExpiryDays
	}
	if days == 0 {
		days = defaultExpiryDays
	}
	in.Config = model.Config{AzVersion: az, ExpiryDays: days, Rules: map[string]map[string]any{}}
	if s.cfg != nil {
		if opts := s.cfg.RuleOptions(s.rel); opts != nil {
			in.Config.Rules = opts
		}
		for _, v := range s.cfg.Variables {
			in.Config.Variables = append(in.Config.Variables, model.DeclaredVariable{
				Name: v.Name, Type: v.Type, Pattern: v.Pattern, Required: v.Required, Parameter: v.Parameter})
		}
	}
	if len(e.opts.ConsentAddresses) > 0 {
		// The flag wins over the config; copy, as the config's maps are shared.
		const px108ID = rules.PX108 // the local map below shadows the package
		rules := make(map[string]map[string]any, len(in.Config.Rules)+1)
		for id, o := range in.Config.Rules {
			rules[id] = o
		}
		px108 := map[string]any{}
		for k, v := range rules[px108ID] {
			px108[k] = v
		}
		list := make([]any, len(e.opts.ConsentAddresses))
		for i, a := range e.opts.ConsentAddresses {
			list[i] = a
		}
		px108["consent_addresses"] = list
		rules[px108ID] = px108
		in.Config.Rules = rules
	}
	in.Context = model.Context{InGitWorkTree: s.inGit, Now: e.opts.Now.UTC().Format(time.RFC3339)}
	if v := lookupVariable(in, "PxAzureLocation"); v != nil && v.Kind == model.KindString {
		loc, _ := v.Value.(string)
		in.Context.AzureLocationCloud = e.schema.LocationCloud(loc)
	}
	if repo == nil {
		repo = []model.ScriptSummary{}
	}
	in.Repository = repo

	req := cert.Request{
		ScriptDir: filepath.Dir(s.cand.abs), CertPath: e.opts.CertPath, NodeCerts: e.opts.NodeCerts,
		Password: e.opts.CertPassword, NodePassword: e.opts.NodeCertPassword,
		CAFiles: e.opts.CAFiles, Now: e.opts.Now, Online: e.opts.Online, Cache: e.certCache,
	}
	if s.cfg != nil {
		req.CAFiles = append(append([]string{}, req.CAFiles...), s.cfg.CAFiles...)
	}
	if v := lookupVariable(in, "PxPfxCertFileName"); v != nil && v.Kind == model.KindString {
		req.PfxFileName, _ = v.Value.(string)
	}
	certs, err := cert.Collect(req)
	if err != nil {
		return nil, err
	}
	in.Certificates = certs
	if e.facts != nil {
		in.Facts = e.facts
	}
	if e.inventory != nil {
		in.Inventory = e.inventory
	}
	return in, nil
}

// judge runs every rule over one script and computes its statuses.
// includers are the linted scripts that dot-source it: then it is a
// fragment, judged alone only for its own syntax, secrets and values.
func (e *engine) judge(ctx context.Context, s *script, repo []model.ScriptSummary, includers []*script) (*finding.FileResult, error) {
	fr := &finding.FileResult{Path: s.cand.path}
	e.setFailOn(fr, s)
	if s.tooLarge {
		meta, _ := rules.Get(rules.PX011)
		fr.Findings = append(fr.Findings, finding.Finding{RuleID: rules.PX011, Severity: meta.Severity, File: fr.Path, DocsURL: meta.DocsURL(),
			Message: fmt.Sprintf("the file is larger than %d MiB, the most pxlint reads; it was not analysed", maxFileBytes>>20),
			Fix:     "a variables script is a few KiB: check that this is the right file"})
		fr.Statuses = []finding.RuleStatus{{RuleID: rules.PX011, Status: finding.StatusFail}}
		return fr, nil
	}
	in, err := e.prepare(s, repo)
	if err != nil {
		return nil, err
	}
	s.in = in
	markUnparsed(in, s.file)
	fr.Profile = in.Profile
	fr.Lines = maskedLines(s.src, s.res.SecretSpans)

	var policyDirs, schemaDirs []string
	policyDirs = append(policyDirs, e.opts.PolicyDirs...)
	schemaDirs = append(schemaDirs, e.opts.SchemaDirs...)
	if s.cfg != nil {
		policyDirs = append(policyDirs, s.cfg.PolicyDirs...)
		schemaDirs = append(schemaDirs, s.cfg.SchemaDirs...)
	}
	pol, err := e.policyFor(ctx, policyDirs)
	if err != nil {
		return nil, err
	}
	sch, err := e.schemaFor(schemaDirs)
	if err != nil {
		return nil, err
	}
	rs := newRuleSet(pol.UserRules(), sch.UserRules())

	// Go rules: the parser's and the evaluator's diagnostics. One bound that
	// stops the parser is reported once, at the first place it fired.
	seenLimit := false
	for _, d := range append(append([]ps.Diagnostic{}, s.file.Diagnostics...), s.res.Diagnostics...) {
		if d.Rule == rules.PX011 && s.file.Stats.Limit != "" {
			if seenLimit {
				continue
			}
			seenLimit = true
		}
		meta := rs.get(d.Rule)
		sl, sc, el, ec := d.Span.LineCols()
		fix := meta.Remediation
		if d.Fix != "" {
			fix = d.Fix
		}
		var related []finding.Location
		for _, r := range d.Related {
			rsl, rsc, rel, rec := r.Span.LineCols()
			related = append(related, finding.Location{File: fr.Path, Message: r.Message,
				Region: &finding.Region{StartLine: rsl, StartColumn: rsc, EndLine: rel, EndColumn: rec}})
		}
		fr.Findings = append(fr.Findings, finding.Finding{RuleID: d.Rule, Severity: meta.Severity, File: fr.Path, DocsURL: meta.DocsURL(),
			Message: d.Message, Fix: fix, Related: related,
			Region: &finding.Region{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}})
	}

	if s.file.Stats.Limit != "" {
		// The parser stopped early: the rest of the file was not read, so no
		// other rule can judge it honestly (a "missing" variable may sit
		// below the point where analysis stopped).
		reason := "analysis stopped early (" + s.file.Stats.Limit + " limit, PX011): the script was not read to the end"
		for _, r := range rs.all {
			if r.Infinity {
				continue // judged in the export's result, not the script's
			}
			st := finding.RuleStatus{RuleID: r.ID, Status: finding.StatusNotVerified, Reason: reason}
			for _, f := range fr.Findings {
				if f.RuleID == r.ID {
					st = finding.RuleStatus{RuleID: r.ID, Status: finding.StatusFail}
					break
				}
			}
			fr.Statuses = append(fr.Statuses, st)
		}
		if err := e.stages(s, fr, rs); err != nil {
			return nil, err
		}
		fr.Sort()
		return fr, nil
	}

	// CUE schema: shapes and formats.
	values, others := valuesDocument(in)
	var extra []string
	if o, ok := in.Config.Rules[rules.PX209]["extra_locations"].([]any); ok {
		for _, x := range o {
			if str, ok := x.(string); ok {
				extra = append(extra, str)
			}
		}
	}
	var declared []schema.Declared
	if s.cfg != nil {
		for _, v := range s.cfg.Variables {
			declared = append(declared, schema.Declared{Name: v.Name, Type: v.Type, Pattern: v.Pattern, Source: v.Source})
		}
	}
	for _, v := range sch.Validate(in.Profile, values, schema.Options{ExtraLocations: extra, OtherNames: others,
		Deployed: deployedVariables(in), Declared: declared}) {
		meta := rs.get(v.RuleID)
		if e.ownedByFragment(s, in, meta, v.Variable, v.Element) {
			continue
		}
		reg, variable, elem := locate(in, fr.Lines, v.Variable, v.Element, 0)
		sev := v.Severity
		if sev == finding.SeverityNone {
			sev = meta.Severity
		}
		fr.Findings = append(fr.Findings, finding.Finding{RuleID: v.RuleID, Severity: sev, File: fr.Path, DocsURL: meta.DocsURL(),
			Message: v.Message, Fix: v.Fix, Region: reg, Variable: variable, Element: elem})
	}

	// Rego policies.
	out, err := pol.Eval(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("%s: evaluating policies: %w", fr.Path, err)
	}
	newScrubber(s.src, s.res.SecretSpans).output(out)
	for _, r := range out.Deny {
		if e.ownedByFragment(s, in, rs.get(r.ID), r.Variable, r.Element) {
			continue
		}
		fr.Findings = append(fr.Findings, fromPolicy(rs, fr.Path, in, fr.Lines, r))
	}

	// PX602: the same script at --against.
	var px602 []policy.Result
	var px602Reason string
	if len(includers) == 0 { // a fragment is compared as part of its includer
		px602, px602Reason, err = e.against(ctx, s, in)
		if err != nil {
			return nil, err
		}
	}
	for _, r := range px602 {
		fr.Findings = append(fr.Findings, fromPolicy(rs, fr.Path, in, fr.Lines, r))
	}

	// PX007 and the rules it leaves unverified.
	reasons, px007 := notEvaluated(rs, fr.Path, in)
	if px602Reason != "" {
		reasons[rules.PX602] = px602Reason
	}
	for _, f := range px007 {
		if !e.ownedByFragment(s, in, rs.get(f.RuleID), f.Variable, -1) {
			fr.Findings = append(fr.Findings, f)
		}
	}
	for _, nv := range out.NotVerified {
		if _, ok := reasons[nv.ID]; !ok {
			reasons[nv.ID] = nv.Reason
		}
	}
	if len(declared) == 0 {
		// PX509 judges only what a config declares: nothing declared, nothing verified.
		reasons[schema.RuleDeclaredVariable] = "no variable block in .pxlint.hcl declares a variable for this script"
	}
	sources := map[string]string{}
	for _, v := range out.Verified {
		sources[v.ID] = v.Source
	}
	for _, nv := range out.NotVerified {
		if nv.Source != "" {
			sources[nv.ID] = nv.Source
		}
	}
	for _, r := range out.Deny {
		if r.Source != "" {
			sources[r.ID] = r.Source
		}
	}
	failed := map[string]bool{}
	for _, f := range fr.Findings {
		failed[f.RuleID] = true
	}
	for _, r := range rs.all {
		if r.Infinity {
			continue // judged in the export's result, not the script's
		}
		st := finding.RuleStatus{RuleID: r.ID, Status: finding.StatusPass, Source: sources[r.ID]}
		switch {
		case failed[r.ID]:
			st.Status = finding.StatusFail
		case reasons[r.ID] != "":
			st.Status, st.Reason = finding.StatusNotVerified, reasons[r.ID]
		}
		fr.Statuses = append(fr.Statuses, st)
		delete(failed, r.ID)
	}
	for id := range failed { // results naming IDs outside the rule set
		fr.Statuses = append(fr.Statuses, finding.RuleStatus{RuleID: id, Status: finding.StatusFail})
	}
	if len(includers) > 0 {
		asFragment(fr, rs, includers)
	}
	if err := e.stages(s, fr, rs); err != nil {
		return nil, err
	}
	fr.Sort()
	return fr, nil
}

// asFragment keeps, for a dot-sourced fragment, the findings of the rules
// that judge a file on its own (syntax, secrets, values: rules.Rule.Fragment)
// and makes every deployment rule not_verified: the fragment is judged as
// part of each includer (DESIGN, Deployments, not files).
func asFragment(fr *finding.FileResult, rs *ruleSet, includers []*script) {
	names := make([]string, len(includers))
	for i, inc := range includers {
		names[i] = inc.cand.path
	}
	reason := fmt.Sprintf("dot-sourced by %s: judged as part of it, not as a deployment of its own", strings.Join(names, ", "))
	if len(names) > 1 {
		reason = fmt.Sprintf("dot-sourced by %s: judged as part of each of them, not as a deployment of its own", strings.Join(names, ", "))
	}
	kept := fr.Findings[:0]
	for _, f := range fr.Findings {
		if rs.get(f.RuleID).Fragment {
			kept = append(kept, f)
		}
	}
	fr.Findings = kept
	for i, st := range fr.Statuses {
		if !rs.get(st.RuleID).Fragment {
			fr.Statuses[i] = finding.RuleStatus{RuleID: st.RuleID, Status: finding.StatusNotVerified, Reason: reason}
		}
	}
}

// ownedByFragment reports whether a finding of a rule that judges files on
// their own (rules.Rule.Fragment) is about a value written in a dot-sourced
// fragment that this run reports itself: it is reported there, at its line,
// and not again on the includer.
func (e *engine) ownedByFragment(s *script, in *model.Input, meta rules.Rule, variable string, element int) bool {
	if !meta.Fragment || variable == "" || len(e.fragments) == 0 {
		return false
	}
	v := lookupVariable(in, variable)
	if v == nil {
		return false
	}
	file := v.File
	if element >= 0 && element < len(v.Elements) {
		file = v.Elements[element].File
	}
	if file == "" || file == in.File {
		return false
	}
	return e.fragments[s.abs(file)]
}

// valuesDocument is the plain document CUE validates: known values only;
// unknown and secret variables are left out and their names returned so
// PX005 still checks them.
func valuesDocument(in *model.Input) (map[string]any, []string) {
	values := map[string]any{}
	var others []string
	for name, v := range in.Variables {
		switch v.Kind {
		case model.KindUnknown, model.KindSecret:
			others = append(others, name)
		case model.KindArray:
			list := make([]any, len(v.Elements))
			for i, el := range v.Elements {
				if el.Kind == model.ElementQuoted || el.Kind == model.ElementExpression {
					list[i] = el.Value
				}
			}
			values[name] = list
		default:
			if v.Quote == "" && bareAddress.MatchString(v.Text) {
				// A bare 91.90.42.64/26 evaluates to a number or $null;
				// PX002 owns it, so its type is not CUE's business.
				others = append(others, name)
				continue
			}
			values[name] = v.Value
		}
	}
	return values, others
}

// deployedVariables maps the lower-case names of the variables passed to
// create_vmss_deployment.ps1 (`-VmSize $PxVmSize`) to their parameter.
func deployedVariables(in *model.Input) map[string]string {
	out := map[string]string{}
	for _, c := range in.Commands {
		if c.Name != "create_vmss_deployment.ps1" {
			continue
		}
		for _, p := range c.Parameters {
			if p.Value != nil && p.Value.Variable != "" {
				out[strings.ToLower(strings.TrimPrefix(p.Value.Variable, "$"))] = p.Name
			}
		}
	}
	return out
}

// bareAddress matches an unquoted IPv4 address or prefix as written.
var bareAddress = regexp.MustCompile(`^\d+\.\d+(\.\d+)*(/\d*)?$`)

// maskedLines are the source lines with literal secrets replaced by '*',
// for snippets: secrets never reach an output.
func maskedLines(src *ps.Source, secrets []model.Span) []string {
	n := src.LineCount()
	lines := make([]string, n)
	for i := range lines {
		lines[i] = src.Line(i + 1)
	}
	for _, sp := range secrets {
		for l := sp.StartLine; l <= sp.EndLine && l <= n; l++ {
			r := []rune(lines[l-1])
			from, to := 0, len(r)
			if l == sp.StartLine {
				from = sp.StartColumn - 1
			}
			if l == sp.EndLine {
				to = sp.EndColumn - 1
			}
			for i := max(from, 0); i < to && i < len(r); i++ {
				r[i] = '*'
			}
			lines[l-1] = string(r)
		}
	}
	return lines
}

// policyFor prepares (once) the policies for a set of user folders.
// Different sets prepare concurrently; callers of the same set wait for it.
func (e *engine) policyFor(ctx context.Context, dirs []string) (*policy.Engine, error) {
	f := futureFor(&e.mu, e.policies, dirs)
	f.once.Do(func() { f.val, f.err = policy.PrepareWith(ctx, dirs, e.sandbox()) })
	return f.val, f.err
}

// sandbox is the user policies' sandbox for this run.
func (e *engine) sandbox() policy.Sandbox {
	sb := policy.DefaultSandbox()
	sb.Online = e.opts.Online
	if e.opts.PolicyTimeout > 0 {
		sb.Timeout = e.opts.PolicyTimeout
	}
	return sb
}

// schemaFor loads (once) the schema with a set of user overlays.
func (e *engine) schemaFor(dirs []string) (*schema.Schema, error) {
	f := futureFor(&e.mu, e.schemas, dirs)
	f.once.Do(func() { f.val, f.err = schema.Load(dirs) })
	return f.val, f.err
}
