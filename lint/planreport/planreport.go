// Package planreport writes deployment plans (lint/plan) and their
// comparisons in pxlint's plan formats: pretty (terminal), json (schema
// pxlint-plan/v1, schemas/plan.schema.json), markdown (a pull-request
// comment) and html (one self-contained page for a change board). Every
// text that came from the script passes through escape.Text before a
// terminal or Markdown sees it, and is HTML-escaped in HTML.
package planreport

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/plan"
)

// Options are the output settings.
type Options struct {
	// Color enables ANSI colours in the pretty format.
	Color bool
}

// PlanFormats are the formats of `pxlint plan`.
var PlanFormats = []string{"pretty", "json", "markdown", "html"}

// DiffFormats are the formats of `pxlint diff`.
var DiffFormats = []string{"pretty", "json", "markdown"}

// WritePlans writes one or more plans in a format.
func WritePlans(w io.Writer, format string, plans []*plan.Plan, opt Options) error {
	switch format {
	case "pretty":
		return writePretty(w, plans, opt)
	case "json":
		return writeJSON(w, plans)
	case "markdown":
		return writeMarkdown(w, plans)
	case "html":
		return writeHTML(w, plans)
	}
	return fmt.Errorf("unknown plan format %q (want %s)", format, strings.Join(PlanFormats, ", "))
}

// Diff is the comparison of two plans.
type Diff struct {
	Old, New *plan.Plan
	Changes  []plan.Change
}

// WriteDiff writes a comparison in a format.
func WriteDiff(w io.Writer, format string, d Diff, opt Options) error {
	switch format {
	case "pretty":
		return writeDiffPretty(w, d, opt)
	case "json":
		return writeDiffJSON(w, d)
	case "markdown":
		return writeDiffMarkdown(w, d)
	}
	return fmt.Errorf("unknown diff format %q (want %s)", format, strings.Join(DiffFormats, ", "))
}

// t is escape.Text: the one way script text reaches a terminal.
func t(s string) string { return escape.Text(s) }

// where says where a value was written: "$PxVmssRegion, line 13" (and the
// fragment file for a dot-sourced one).
func where(v plan.Value) string {
	s := "$" + v.Variable
	if v.Line > 0 {
		if v.File != "" {
			s += ", " + t(v.File) + ":" + fmt.Sprint(v.Line)
		} else {
			s += fmt.Sprintf(", line %d", v.Line)
		}
	}
	return s
}

// shown is a value for display: escaped, or its status.
func shown(v plan.Value) string {
	if v.Status == plan.StatusKnown {
		return t(v.Value)
	}
	return "<" + v.Status + ">"
}

// identityRows are the deployment identity values, in display order.
func identityRows(p *plan.Plan) []struct {
	Label string
	Value plan.Value
} {
	d := p.Deployment
	return []struct {
		Label string
		Value plan.Value
	}{
		{"subscription", d.Subscription},
		{"Azure location", d.Location},
		{"base name", d.BaseName},
		{"region tag", d.Region},
		{"Teams Connector FQDN", d.FQDN},
		{"Conferencing Node FQDNs", d.NodeFQDNs},
		{"certificate file", d.CertFile},
		{"incident reporting", d.IncidentReporting},
		{"disk encryption", d.DiskEncryption},
	}
}

func vars(names []string) string {
	if len(names) == 0 {
		return "-"
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "$" + t(n)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

func groupTitle(g plan.ResourceGroup) string {
	switch g.Role {
	case "vmss":
		return "VMSS resource group"
	case "static":
		return "static resource group"
	case "bot_channel":
		return "bot channel resource group"
	}
	return g.Role
}

func orStatus(name, status string) string {
	if name != "" {
		return t(name)
	}
	if status == "" || status == plan.StatusKnown {
		return "<not derived>"
	}
	return "<" + status + ">"
}

func capacityLine(c plan.Capacity) string {
	if c.Status != plan.StatusKnown {
		return fmt.Sprintf("instance count is %s: capacity unknown (each instance takes at most %d calls; plan %d)", "<"+c.Status+">", c.CallsPerInstance, c.PlannedPerInst)
	}
	return fmt.Sprintf("%d instance(s) × %d calls = %d calls at most; plan for %d (%d per instance)",
		c.Instances, c.CallsPerInstance, c.MaxCalls, c.PlannedCalls, c.PlannedPerInst)
}

func sourceNote(s plan.Source) string {
	var parts []string
	if s.File != "" {
		parts = append(parts, fmt.Sprintf("%s:%d", t(s.File), s.Line))
	} else if s.Line > 0 {
		parts = append(parts, fmt.Sprintf("line %d", s.Line))
	}
	if s.From != "" {
		parts = append(parts, "from $"+t(s.From))
	}
	if s.Prefix == "" {
		parts = append(parts, "not a usable prefix as written ("+s.Kind+")")
	}
	return strings.Join(parts, ", ")
}

func prefixShown(s plan.Source) string {
	if s.Prefix != "" {
		return t(s.Prefix)
	}
	return t(s.Written)
}

// resName is a resource's name, or why it has none: the deployment script
// names some resources itself.
func resName(r plan.Resource, name func(string, string) string) string {
	if r.Name == "" && strings.HasPrefix(r.Rule, "chosen by") {
		return "(chosen at deployment)"
	}
	return name(r.Name, "")
}
