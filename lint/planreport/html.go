package planreport

import (
	_ "embed"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/pxlint/pxlint/lint/plan"
)

// planHTML is the page template: one self-contained file (inline CSS, no
// script, font, image or request), readable printed. html/template escapes
// every value from the script for its context.
//
//go:embed plan.html.tmpl
var planHTML string

// Verdict colours, also read by the accessibility test, which computes their
// contrast from the rendered page (WCAG AA wants at least 4.5:1).
const (
	okFG  = "#0b5d1e"
	okBG  = "#e6f4ea"
	badFG = "#8a1c1c"
	badBG = "#fdecea"
)

// planTemplate is parsed on first use: only an HTML plan needs it, and
// every run of pxlint would parse it at start-up.
var planTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("plan").Funcs(template.FuncMap{
		"shown": func(v plan.Value) string {
			if v.Status == plan.StatusKnown {
				return v.Value
			}
			return "<" + v.Status + ">"
		},
		"where":    htmlWhere,
		"group":    groupTitle,
		"name":     htmlName,
		"resname":  func(r plan.Resource) string { return resName(r, htmlName) },
		"vars":     htmlVars,
		"prefix":   func(s plan.Source) string { return firstNonEmpty(s.Prefix, s.Written) },
		"srcnote":  htmlSourceNote,
		"capacity": capacityLine,
		"rows":     identityRows,
		"join":     strings.Join,
	}).Parse(planHTML))
})

type htmlPage struct {
	Title                    string
	Plans                    []*plan.Plan
	OkFG, OkBG, BadFG, BadBG string
}

func writeHTML(w io.Writer, plans []*plan.Plan) error {
	title := "pxlint deployment plan"
	if len(plans) == 1 {
		title += ": " + plans[0].File
	}
	return planTemplate().Execute(w, htmlPage{Title: title, Plans: plans, OkFG: okFG, OkBG: okBG, BadFG: badFG, BadBG: badBG})
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func htmlWhere(v plan.Value) string {
	s := "$" + v.Variable
	if v.Line > 0 {
		if v.File != "" {
			s += ", " + v.File + ":" + itoa(v.Line)
		} else {
			s += ", line " + itoa(v.Line)
		}
	}
	return s
}

func htmlName(name, status string) string {
	if name != "" {
		return name
	}
	if status == "" || status == plan.StatusKnown {
		return "<not derived>"
	}
	return "<" + status + ">"
}

func htmlVars(names []string) string {
	if len(names) == 0 {
		return "—"
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "$" + n
	}
	return strings.Join(out, ", ")
}

func htmlSourceNote(s plan.Source) string {
	var parts []string
	if s.File != "" {
		parts = append(parts, s.File+":"+itoa(s.Line))
	} else if s.Line > 0 {
		parts = append(parts, "line "+itoa(s.Line))
	}
	if s.From != "" {
		parts = append(parts, "from $"+s.From)
	}
	if s.Prefix == "" {
		parts = append(parts, "not a usable prefix as written ("+s.Kind+")")
	}
	return strings.Join(parts, ", ")
}

func itoa(n int) string { return strconv.Itoa(n) }
