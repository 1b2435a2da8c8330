package planreport

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/pxlint/pxlint/lint/plan"
)

// palette holds the pretty format's colours, forced on or off from Options
// (never from fatih/color's global guess) so output is reproducible.
type palette struct {
	bad, warn, ok, bold, dim func(a ...any) string
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) func(a ...any) string {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c.Sprint
	}
	return palette{bad: mk(color.FgRed, color.Bold), warn: mk(color.FgYellow, color.Bold), ok: mk(color.FgGreen, color.Bold),
		bold: mk(color.Bold), dim: mk(color.Faint)}
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, a ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, a...)
	}
}

func writePretty(w io.Writer, plans []*plan.Plan, opt Options) error {
	pr := &printer{w: w}
	c := newPalette(opt.Color)
	for i, p := range plans {
		if i > 0 {
			pr.f("\n")
		}
		prettyPlan(pr, c, p)
	}
	return pr.err
}

func verdictLine(c palette, v plan.Verdict) string {
	if v.Ready {
		return c.ok(v.Summary)
	}
	return c.bad(v.Summary)
}

func prettyPlan(pr *printer, c palette, p *plan.Plan) {
	pr.f("%s %s (profile %s)\n", c.bold("Plan for"), c.bold(t(p.File)), t(p.Profile))
	pr.f("Verdict: %s\n", verdictLine(c, p.Verdict))

	pr.f("\n%s\n", c.bold("Deployment"))
	for _, r := range identityRows(p) {
		pr.f("  %-24s %s  %s\n", r.Label, shown(r.Value), c.dim("("+where(r.Value)+")"))
	}

	for _, g := range p.ResourceGroups {
		pr.f("\n%s %s\n", c.bold(groupTitle(g)), c.bold(orStatus(g.Name, g.Status)))
		src := "rule " + t(g.Rule)
		if g.Variable != "" {
			src = "$" + g.Variable + " = " + t(g.Written) + "; " + src
		}
		pr.f("  %s\n  %s\n", c.dim(src), c.dim(g.Lifetime))
		for _, r := range g.Resources {
			pr.f("  - %-26s %s\n", r.Kind, resName(r, orStatus))
			pr.f("    %s\n", c.dim(fmt.Sprintf("%s; rule %s; from %s", r.Scope, t(r.Rule), vars(r.From))))
			if r.Note != "" {
				pr.f("    %s\n", c.dim(t(r.Note)))
			}
		}
	}
	pr.f("\n%s\n", c.bold("Tenant (Azure AD)"))
	for _, r := range p.Tenant {
		pr.f("  - %-26s %s  %s\n", r.Kind, resName(r, orStatus), c.dim("rule "+t(r.Rule)))
	}

	pr.f("\n%s\n", c.bold("Network security rules (inbound)"))
	for _, r := range p.NetworkRules {
		head := fmt.Sprintf("%d/%s  %s  ($%s)", r.Port, r.Protocol, r.Name, r.Variable)
		pr.f("  %s\n", head)
		if r.OpenToInternet {
			pr.f("    %s\n", c.bad("!! OPEN TO THE INTERNET: any address can reach this port"))
		}
		if r.Blocked {
			pr.f("    %s\n", c.warn("blocked: no source prefixes"))
		}
		for _, s := range r.Sources {
			pr.f("    %-20s %s\n", prefixShown(s), c.dim(sourceNote(s)))
		}
		if r.Note != "" {
			pr.f("    %s\n", c.dim(t(r.Note)))
		}
	}

	pr.f("\n%s\n", c.bold("DNS record to create"))
	pr.f("  %s  %s  → %s\n  %s\n", orStatus(p.DNS.Name, p.Deployment.FQDN.Status), p.DNS.Type, t(p.DNS.Target), c.dim(p.DNS.Note))

	pr.f("\n%s\n", c.bold("Admin consent"))
	pr.f("  %s\n  %s\n", orStatus(p.Consent.URL, p.Deployment.FQDN.Status), c.dim(p.Consent.Note))

	pr.f("\n%s\n", c.bold("Certificate names"))
	if len(p.Certificates) == 0 {
		pr.f("  %s\n", c.dim("no certificate read: give --cert and --node-cert to see which names they cover"))
	}
	for _, cv := range p.Certificates {
		if cv.Covered {
			var by []string
			for _, b := range cv.By {
				by = append(by, t(b.Cert)+" ("+t(b.Name)+")")
			}
			pr.f("  %s %-28s covered by %s\n", c.ok("ok"), t(cv.Host), strings.Join(by, ", "))
		} else {
			pr.f("  %s %-28s not covered by any %s certificate read\n", c.bad("!!"), t(cv.Host), cv.Role)
		}
	}

	pr.f("\n%s\n", c.bold("Capacity"))
	pr.f("  %s\n  %s\n", capacityLine(p.Capacity), c.dim("source: "+p.Capacity.Source))

	pr.f("\n%s\n", c.bold("Not verified: check by hand"))
	if len(p.Verdict.NotVerified) == 0 {
		pr.f("  %s\n", c.dim("nothing: every rule had its input"))
	}
	for _, n := range p.Verdict.NotVerified {
		pr.f("  %s %s: %s\n", n.RuleID, n.Title, c.dim(t(n.Reason)))
	}
	pr.f("\nVerdict: %s\n", verdictLine(c, p.Verdict))
}

func writeDiffPretty(w io.Writer, d Diff, opt Options) error {
	pr := &printer{w: w}
	c := newPalette(opt.Color)
	pr.f("%s %s → %s\n", c.bold("Diff"), t(d.Old.File), t(d.New.File))
	ids := plan.Identity(d.Changes)
	switch {
	case len(ids) > 0:
		pr.f("%s\n", c.bad(fmt.Sprintf("%d identity change(s) (PX602): the next run creates a new deployment", len(ids))))
	case len(d.Changes) > 0:
		pr.f("%s\n", c.ok("an upgrade of the same deployment"))
	default:
		pr.f("%s\n", c.ok("no change to the deployment"))
	}
	for _, ch := range d.Changes {
		mark := c.dim("  ")
		if ch.Identity {
			mark = c.bad("!!")
		}
		loc := ""
		if ch.Variable != "" {
			loc = " ($" + ch.Variable
			switch {
			case ch.File != "" && ch.Line > 0:
				loc += fmt.Sprintf(", %s:%d", t(ch.File), ch.Line)
			case ch.Line > 0:
				loc += fmt.Sprintf(", line %d", ch.Line)
			}
			loc += ")"
		}
		pr.f("%s %s%s: %s → %s\n   %s\n", mark, ch.What, c.dim(loc), t(ch.Old), t(ch.New), c.dim(t(ch.Why)))
	}
	rows := sideBySide(d.Old, d.New)
	lw, ow := 0, 3
	for _, r := range rows {
		lw = max(lw, utf8.RuneCountInString(r.label))
		ow = max(ow, utf8.RuneCountInString(r.old))
	}
	pad := func(s string, w int) string { return s + strings.Repeat(" ", max(0, w-utf8.RuneCountInString(s))) }
	pr.f("\n  %s  %s  %s\n", pad("", lw), pad(c.bold("old"), ow+len(c.bold("old"))-3), c.bold("new"))
	for _, row := range rows {
		mark := " "
		if row.old != row.new {
			mark = "*"
		}
		pr.f("%s %s  %s  %s\n", mark, pad(row.label, lw), pad(row.old, ow), row.new)
	}
	return pr.err
}

type sideRow struct{ label, old, new string }

// sideBySide lines up what both plans say, row by row, escaped.
func sideBySide(o, n *plan.Plan) []sideRow {
	var rows []sideRow
	or, nr := identityRows(o), identityRows(n)
	rows = append(rows, sideRow{"instance count", shown(o.Deployment.Instances), shown(n.Deployment.Instances)})
	for i := range or {
		rows = append(rows, sideRow{or[i].Label, shown(or[i].Value), shown(nr[i].Value)})
	}
	for i := range o.ResourceGroups {
		if i < len(n.ResourceGroups) {
			og, ng := o.ResourceGroups[i], n.ResourceGroups[i]
			rows = append(rows, sideRow{groupTitle(og), orStatus(og.Name, og.Status), orStatus(ng.Name, ng.Status)})
			for j := range og.Resources {
				if j < len(ng.Resources) && (og.Resources[j].Name != "" || ng.Resources[j].Name != "") {
					rows = append(rows, sideRow{"  " + og.Resources[j].Kind, orStatus(og.Resources[j].Name, ""), orStatus(ng.Resources[j].Name, "")})
				}
			}
		}
	}
	for i := range o.NetworkRules {
		if i < len(n.NetworkRules) {
			rows = append(rows, sideRow{fmt.Sprintf("port %d sources", o.NetworkRules[i].Port), sources(o.NetworkRules[i]), sources(n.NetworkRules[i])})
		}
	}
	rows = append(rows, sideRow{"verdict", o.Verdict.Summary, n.Verdict.Summary})
	return rows
}

func sources(r plan.NetworkRule) string {
	if r.Status != plan.StatusKnown {
		return "<" + r.Status + ">"
	}
	if len(r.Sources) == 0 {
		if r.OpenToInternet {
			return "(none: open to the Internet)"
		}
		return "(none)"
	}
	parts := make([]string, len(r.Sources))
	for i, s := range r.Sources {
		parts[i] = prefixShown(s)
	}
	return strings.Join(parts, ", ")
}
