package planreport

import (
	"fmt"
	"io"
	"strings"

	"github.com/pxlint/pxlint/lint/plan"
)

// mdReplacer escapes what Markdown (GitHub and Azure DevOps flavours) would
// read as markup or HTML in a table cell or a line of text.
var mdReplacer = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "|", `\|`,
	"<", "&lt;", ">", "&gt;", "#", `\#`, "~", `\~`, "!", `\!`,
)

// md makes script text inert for a terminal or CI log (escape.Text), then
// for Markdown.
func md(s string) string { return mdReplacer.Replace(t(s)) }

// mdShown is a value or its status, escaped.
func mdShown(v plan.Value) string {
	if v.Status == plan.StatusKnown {
		return md(v.Value)
	}
	return "_" + v.Status + "_"
}

func mdName(name, status string) string {
	if name != "" {
		return md(name)
	}
	if status == "" || status == plan.StatusKnown {
		return "_not derived_"
	}
	return "_" + status + "_"
}

func mdWhere(v plan.Value) string {
	s := "`$" + v.Variable + "`"
	if v.Line > 0 {
		if v.File != "" {
			s += " " + md(v.File) + fmt.Sprintf(":%d", v.Line)
		} else {
			s += fmt.Sprintf(" line %d", v.Line)
		}
	}
	return s
}

func mdVars(names []string) string {
	if len(names) == 0 {
		return "—"
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "`$" + strings.ReplaceAll(n, "`", "") + "`"
	}
	return strings.Join(out, ", ")
}

func writeMarkdown(w io.Writer, plans []*plan.Plan) error {
	pr := &printer{w: w}
	for i, p := range plans {
		if i > 0 {
			pr.f("\n---\n\n")
		}
		markdownPlan(pr, p)
	}
	return pr.err
}

func mdVerdict(v plan.Verdict) string {
	if v.Ready {
		return "✅ **" + v.Summary + "**"
	}
	return "❌ **" + v.Summary + "**"
}

func markdownPlan(pr *printer, p *plan.Plan) {
	pr.f("## Deployment plan: %s\n\n", md(p.File))
	pr.f("%s — profile `%s`\n\n", mdVerdict(p.Verdict), strings.ReplaceAll(p.Profile, "`", ""))

	pr.f("### Deployment\n\n| setting | value | from |\n|---|---|---|\n")
	for _, r := range identityRows(p) {
		pr.f("| %s | %s | %s |\n", r.Label, mdShown(r.Value), mdWhere(r.Value))
	}

	pr.f("\n### Resources\n\n| resource group | resource | name | naming rule | from | scope |\n|---|---|---|---|---|---|\n")
	for _, g := range p.ResourceGroups {
		gn := mdName(g.Name, g.Status)
		pr.f("| %s | **%s** | %s | %s | %s | subscription |\n", gn, groupTitle(g), gn, md(g.Rule), mdVars(g.From))
		for _, r := range g.Resources {
			pr.f("| %s | %s | %s | %s | %s | %s |\n", gn, md(r.Kind), resName(r, mdName), md(r.Rule), mdVars(r.From), r.Scope)
		}
	}
	for _, r := range p.Tenant {
		pr.f("| _tenant_ | %s | %s | %s | %s | %s |\n", md(r.Kind), resName(r, mdName), md(r.Rule), mdVars(r.From), r.Scope)
	}

	pr.f("\n### Network security rules (inbound)\n\n| port | rule | source prefixes | exposure |\n|---|---|---|---|\n")
	for _, r := range p.NetworkRules {
		var srcs []string
		for _, s := range r.Sources {
			x := md(prefixShown(s))
			if note := sourceNote(s); note != "" {
				x += " (" + mdReplacer.Replace(note) + ")"
			}
			srcs = append(srcs, x)
		}
		if len(srcs) == 0 {
			srcs = []string{"_none_"}
		}
		exposure := "restricted"
		switch {
		case r.OpenToInternet:
			exposure = "⚠️ **OPEN TO THE INTERNET**"
		case r.Blocked:
			exposure = "blocked"
		case r.Status != plan.StatusKnown:
			exposure = "_" + r.Status + "_"
		}
		pr.f("| %d/%s | %s (`$%s`) | %s | %s |\n", r.Port, r.Protocol, r.Name, r.Variable, strings.Join(srcs, "<br>"), exposure)
	}

	pr.f("\n### After the deployment\n\n")
	pr.f("- **DNS record:** %s %s → %s. %s\n", mdName(p.DNS.Name, p.Deployment.FQDN.Status), p.DNS.Type, md(p.DNS.Target), p.DNS.Note)
	pr.f("- **Admin consent:** %s. %s\n", mdName(p.Consent.URL, p.Deployment.FQDN.Status), p.Consent.Note)

	pr.f("\n### Certificate names\n\n")
	if len(p.Certificates) == 0 {
		pr.f("No certificate read: give `--cert` and `--node-cert` to see which names they cover.\n")
	} else {
		pr.f("| host | variable | covered by |\n|---|---|---|\n")
		for _, c := range p.Certificates {
			by := "❌ **not covered**"
			if c.Covered {
				var parts []string
				for _, b := range c.By {
					parts = append(parts, md(b.Cert)+" ("+md(b.Name)+")")
				}
				by = "✅ " + strings.Join(parts, ", ")
			}
			pr.f("| %s | `$%s` | %s |\n", md(c.Host), c.Variable, by)
		}
	}

	pr.f("\n### Capacity\n\n%s (source: %s)\n", capacityLine(p.Capacity), p.Capacity.Source)

	pr.f("\n### Not verified: check by hand\n\n")
	if len(p.Verdict.NotVerified) == 0 {
		pr.f("Nothing: every rule had its input.\n")
	}
	for _, n := range p.Verdict.NotVerified {
		pr.f("- **%s** %s: %s\n", n.RuleID, n.Title, md(n.Reason))
	}
}

func writeDiffMarkdown(w io.Writer, d Diff) error {
	pr := &printer{w: w}
	pr.f("## Deployment diff: %s → %s\n\n", md(d.Old.File), md(d.New.File))
	ids := plan.Identity(d.Changes)
	switch {
	case len(ids) > 0:
		pr.f("❌ **%d identity change(s) (PX602): the next run creates a new deployment**\n\n", len(ids))
	case len(d.Changes) > 0:
		pr.f("✅ **an upgrade of the same deployment**\n\n")
	default:
		pr.f("✅ **no change to the deployment**\n\n")
	}
	if len(d.Changes) > 0 {
		pr.f("| | change | old | new | effect |\n|---|---|---|---|---|\n")
		for _, c := range d.Changes {
			mark := ""
			if c.Identity {
				mark = "⚠️ PX602"
			}
			what := c.What
			if c.Variable != "" {
				what += " (`$" + c.Variable + "`"
				if c.File != "" && c.Line > 0 {
					what += fmt.Sprintf(" %s:%d", md(c.File), c.Line)
				} else if c.Line > 0 {
					what += fmt.Sprintf(" line %d", c.Line)
				}
				what += ")"
			}
			pr.f("| %s | %s | %s | %s | %s |\n", mark, what, md(c.Old), md(c.New), md(c.Why))
		}
	}
	pr.f("\n### Side by side\n\n| | old | new |\n|---|---|---|\n")
	for _, r := range sideBySide(d.Old, d.New) {
		// sideBySide escaped the script text already (escape.Text).
		pr.f("| %s | %s | %s |\n", strings.TrimSpace(r.label), mdReplacer.Replace(r.old), mdReplacer.Replace(r.new))
	}
	return pr.err
}
