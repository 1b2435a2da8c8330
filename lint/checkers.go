package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/policy"
	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/schema"
)

// The checkers: each judges one script its own way and says what it found
// as verdicts and reasons (checked); judgement.finding and statuses turn
// them into the file's result. The rules written in Go have theirs in the
// pxNNN.go file of the rule.

// checkDiagnostics reports the parser's and the evaluator's diagnostics
// (PX001, PX009, PX011) at their spans; without a specific fix they carry
// the rule's remediation.
func (j *judgement) checkDiagnostics(c *checked) {
	s := j.s
	diags := append(append([]ps.Diagnostic{}, s.file.Diagnostics...), s.res.Diagnostics...)
	for _, d := range firstStop(s.file, diags) {
		fix := d.Fix
		if fix == "" {
			fix = j.rs.get(d.Rule).Remediation
		}
		var related []finding.Location
		for _, r := range d.Related {
			rsl, rsc, rel, rec := r.Span.LineCols()
			related = append(related, finding.Location{File: s.path.display, Message: r.Message,
				Region: &finding.Region{StartLine: rsl, StartColumn: rsc, EndLine: rel, EndColumn: rec}})
		}
		sl, sc, el, ec := d.Span.LineCols()
		c.verdicts = append(c.verdicts, verdict{rule: d.Rule, msg: d.Message, fix: fix, related: related, element: -1,
			span: &finding.Region{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}})
	}
}

// checkSchema validates the script's values against the CUE schema
// (shapes and formats, built-in and user overlays).
func (j *judgement) checkSchema(c *checked, sch *schema.Schema) {
	values, others := valuesDocument(j.in)
	declared := declaredVariables(j.s.cfg)
	checkDeclaredVariables(c, declared)
	for _, v := range sch.Validate(j.in.Profile, values, schema.Options{ExtraLocations: extraLocations(j.in), OtherNames: others,
		Deployed: deployedVariables(j.in), Declared: declared}) {
		c.verdicts = append(c.verdicts, verdict{rule: v.RuleID, severity: v.Severity, msg: v.Message, fix: v.Fix,
			variable: v.Variable, element: v.Element})
		var value any
		if vv := lookupVariable(j.in, v.Variable); vv != nil {
			value = vv.Value
		}
		c.owners.claim(v.RuleID, v.Variable, v.Element, value)
	}
}

// policyOutput is what the policies said about a script's input.
type policyOutput struct {
	out *policy.Output
	err error
}

// checkPolicies takes the policies' output (evalPolicies). Their texts
// are scrubbed of the script's literal secrets first: the input never
// holds them, but a user policy could reconstruct one.
func (j *judgement) checkPolicies(c *checked, po policyOutput) error {
	out, err := po.out, po.err
	if err != nil {
		return fmt.Errorf("%s: evaluating policies: %w", j.s.path.display, err)
	}
	newScrubber(j.s.src, j.s.res.SecretSpans).output(out)
	for _, r := range out.Deny {
		if c.owners.owns(j.rs.get(r.ID), r.Variable, r.Element) {
			continue // the schema reports this value as malformed already
		}
		c.verdicts = append(c.verdicts, policyVerdict(r))
	}
	for _, nv := range out.NotVerified {
		c.notVerifiedBecause(nv.ID, nv.Reason)
	}
	// Where a rule's input came from: a result's source wins over a
	// not_verified one, which wins over a verified one.
	for _, v := range out.Verified {
		c.sources[v.ID] = v.Source
	}
	for _, nv := range out.NotVerified {
		if nv.Source != "" {
			c.sources[nv.ID] = nv.Source
		}
	}
	for _, r := range out.Deny {
		if r.Source != "" {
			c.sources[r.ID] = r.Source
		}
	}
	return nil
}

// policyVerdict is a policy result as a verdict.
func policyVerdict(r policy.Result) verdict {
	return verdict{rule: r.ID, severity: r.Severity, msg: r.Msg, fix: r.Fix, variable: r.Variable, element: r.Element,
		line: r.Line, span: r.Span, related: r.Related, cert: r.Cert, fingerprint: r.Fingerprint}
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
