package lint

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
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
	}
	in.Context = model.Context{InGitWorkTree: s.inGit, Now: e.opts.Now.UTC().Format(time.RFC3339)}
	if repo == nil {
		repo = []model.ScriptSummary{}
	}
	in.Repository = repo

	req := cert.Request{
		ScriptDir: filepath.Dir(s.cand.abs), CertPath: e.opts.CertPath, NodeCerts: e.opts.NodeCerts,
		Password: e.opts.CertPassword, NodePassword: e.opts.NodeCertPassword,
		CAFiles: e.opts.CAFiles, Now: e.opts.Now, Online: e.opts.Online,
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
func (e *engine) judge(ctx context.Context, s *script, repo []model.ScriptSummary) (*finding.FileResult, error) {
	fr := &finding.FileResult{Path: s.cand.path}
	e.setFailOn(fr, s)
	if s.tooLarge {
		meta, _ := rules.Get("PX011")
		fr.Findings = append(fr.Findings, finding.Finding{RuleID: "PX011", Severity: meta.Severity, File: fr.Path, DocsURL: meta.DocsURL(),
			Message: fmt.Sprintf("the file is larger than %d MiB, the most pxlint reads; it was not analysed", maxFileBytes>>20),
			Fix:     "a variables script is a few KiB: check that this is the right file"})
		fr.Statuses = []finding.RuleStatus{{RuleID: "PX011", Status: finding.StatusFail}}
		return fr, nil
	}
	in, err := e.prepare(s, repo)
	if err != nil {
		return nil, err
	}
	s.in = in
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
		if d.Rule == "PX011" && s.file.Stats.Limit != "" {
			if seenLimit {
				continue
			}
			seenLimit = true
		}
		meta := rs.get(d.Rule)
		sl, sc, el, ec := d.Span.LineCols()
		fr.Findings = append(fr.Findings, finding.Finding{RuleID: d.Rule, Severity: meta.Severity, File: fr.Path, DocsURL: meta.DocsURL(),
			Message: d.Message, Fix: meta.Remediation,
			Region: &finding.Region{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}})
	}

	if s.file.Stats.Limit != "" {
		// The parser stopped early: the rest of the file was not read, so no
		// other rule can judge it honestly (a "missing" variable may sit
		// below the point where analysis stopped).
		reason := "analysis stopped early (" + s.file.Stats.Limit + " limit, PX011): the script was not read to the end"
		for _, r := range rs.all {
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
	if o, ok := in.Config.Rules["PX209"]["extra_locations"].([]any); ok {
		for _, x := range o {
			if str, ok := x.(string); ok {
				extra = append(extra, str)
			}
		}
	}
	for _, v := range sch.Validate(in.Profile, values, schema.Options{ExtraLocations: extra, OtherNames: others}) {
		meta := rs.get(v.RuleID)
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
	for _, r := range out.Deny {
		fr.Findings = append(fr.Findings, fromPolicy(rs, fr.Path, in, fr.Lines, r))
	}

	// PX602: the same script at --against.
	px602, px602Reason, err := e.against(ctx, s, in)
	if err != nil {
		return nil, err
	}
	for _, r := range px602 {
		fr.Findings = append(fr.Findings, fromPolicy(rs, fr.Path, in, fr.Lines, r))
	}

	// PX007 and the rules it leaves unverified.
	reasons, px007 := notEvaluated(rs, fr.Path, in)
	if px602Reason != "" {
		reasons["PX602"] = px602Reason
	}
	fr.Findings = append(fr.Findings, px007...)
	for _, nv := range out.NotVerified {
		if _, ok := reasons[nv.ID]; !ok {
			reasons[nv.ID] = nv.Reason
		}
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
	if err := e.stages(s, fr, rs); err != nil {
		return nil, err
	}
	fr.Sort()
	return fr, nil
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
	f.once.Do(func() { f.val, f.err = policy.Prepare(ctx, dirs) })
	return f.val, f.err
}

// schemaFor loads (once) the schema with a set of user overlays.
func (e *engine) schemaFor(dirs []string) (*schema.Schema, error) {
	f := futureFor(&e.mu, e.schemas, dirs)
	f.once.Do(func() { f.val, f.err = schema.Load(dirs) })
	return f.val, f.err
}
