// Package fix turns findings into machine-applicable fixes and applies them
// byte-exactly (issue 15). Each rule's fixer lives in its own file here
// (pxNNN.go), keyed by rule ID, with its safety and the one-line summary
// `pxlint explain` shows; the rule's message and its fix in words stay with
// the rule. Edits are computed on the lossless token stream and the model's
// spans, in code points of the decoded text; Apply maps them back to the
// file's bytes, so the file keeps its encoding, line endings and every byte
// outside the edited spans.
//
// A fixer only proposes an edit when the fix is mechanical and unambiguous,
// and never one that touches a secret: a region overlapping a literal
// secret is dropped with the whole fix, so no secret is written into an
// edit, a report or a diff.
package fix

import (
	"sort"
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/ps"
)

// Context is what fixers read: the decoded source, its tokens and the
// evaluated policy input of one script.
type Context struct {
	Src    *ps.Source
	Tokens []ps.Token
	Input  *model.Input
	// Secrets are the spans of literal secret values: no edit may touch them.
	Secrets []model.Span
}

// Fixer computes the fixes of one rule's findings.
type Fixer struct {
	Rule string
	// Safety is the safety of the rule's fixes; Mixed says some findings
	// get safe fixes and others unsafe ones (Summary says which).
	Safety finding.Safety
	Mixed  bool
	// Summary is one line for `pxlint explain`: what the fix writes.
	Summary string
	fixes   func(c *Context, f *finding.Finding) []finding.Fix
}

// SafetyText is the safety as `pxlint explain` words it.
func (x Fixer) SafetyText() string {
	if x.Mixed {
		return "safe or unsafe (see above)"
	}
	return string(x.Safety)
}

// Commands are how a user applies the fix: safe fixes go with every
// `pxlint fix`, unsafe ones only when asked for.
func (x Fixer) Commands() []string {
	if x.Safety == finding.SafetyUnsafe && !x.Mixed {
		return []string{"pxlint fix --unsafe-fixes"}
	}
	return []string{"pxlint fix", "pxlint lint --fix"}
}

var fixers = map[string]Fixer{}

// register adds a rule's fixer; each pxNNN.go calls it once from init.
func register(x Fixer) {
	if _, dup := fixers[x.Rule]; dup {
		panic("fix: two fixers for " + x.Rule)
	}
	fixers[x.Rule] = x
}

// Lookup returns the fixer of a rule.
func Lookup(rule string) (Fixer, bool) {
	x, ok := fixers[rule]
	return x, ok
}

// Rules lists the rule IDs that have a fixer, sorted.
func Rules() []string {
	out := make([]string, 0, len(fixers))
	for id := range fixers {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Attach computes the fixes of every finding that has a fixer and sets
// its Fixes. Findings about another file (a dot-sourced fragment) and fixes
// whose edits fall outside the text, touch a secret or change nothing are
// left without fixes.
func Attach(c *Context, findings []finding.Finding) {
	if c == nil || c.Src == nil || c.Input == nil {
		return
	}
	for i := range findings {
		f := &findings[i]
		x, ok := fixers[f.RuleID]
		if !ok {
			continue
		}
		var kept []finding.Fix
		for _, fx := range x.fixes(c, f) {
			if c.valid(fx) {
				kept = append(kept, fx)
			}
		}
		f.Fixes = kept
	}
}

// valid reports whether a fix can be applied to this text as it stands.
func (c *Context) valid(fx finding.Fix) bool {
	if fx.Encoding != "" {
		return len(fx.Edits) == 0
	}
	if len(fx.Edits) == 0 {
		return false
	}
	changes := false
	for _, e := range fx.Edits {
		from, to, ok := c.offsets(e.Region)
		if !ok {
			return false
		}
		for _, s := range c.Secrets {
			sf, st, ok := c.offsets(regionOf(s))
			if ok && from < st && sf < to || ok && from == to && sf < from && from < st {
				return false
			}
		}
		if c.textAt(from, to) != e.NewText {
			changes = true
		}
	}
	return changes
}

// offsets converts a region to code-point offsets [from, to).
func (c *Context) offsets(r finding.Region) (int, int, bool) {
	from, ok1 := c.Src.Offset(r.StartLine, r.StartColumn)
	to, ok2 := c.Src.Offset(r.EndLine, r.EndColumn)
	return from, to, ok1 && ok2 && from <= to
}

// textAt is the decoded text between two code-point offsets.
func (c *Context) textAt(from, to int) string {
	return c.Src.Slice(ps.Span{Start: ps.Pos{Offset: from}, End: ps.Pos{Offset: to}})
}

// text is the decoded text a region covers ("" when it is outside).
func (c *Context) text(r finding.Region) string {
	from, to, ok := c.offsets(r)
	if !ok {
		return ""
	}
	return c.textAt(from, to)
}

// region converts a code-point range into a region.
func (c *Context) region(from, to int) finding.Region {
	a, b := c.Src.Pos(from), c.Src.Pos(to)
	return finding.Region{StartLine: a.Line, StartColumn: a.Col, EndLine: b.Line, EndColumn: b.Col}
}

func regionOf(s model.Span) finding.Region {
	return finding.Region{StartLine: s.StartLine, StartColumn: s.StartColumn, EndLine: s.EndLine, EndColumn: s.EndColumn}
}

func tokenRegion(t ps.Token) finding.Region {
	sl, sc, el, ec := t.Span.LineCols()
	return finding.Region{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}
}

// variable finds the finding's variable when its last assignment is in
// this file (an edit never reaches into a dot-sourced one).
func (c *Context) variable(name string) *model.Variable {
	name = strings.TrimPrefix(name, "$")
	if name == "" {
		return nil
	}
	v, ok := c.Input.Variables[name]
	if !ok {
		for k, x := range c.Input.Variables {
			if strings.EqualFold(k, name) {
				v, ok = x, true
				break
			}
		}
	}
	if !ok || v.File != "" && v.File != c.Input.File || v.Kind == model.KindSecret {
		return nil
	}
	return v
}

// element finds the array element of the finding: the one written at the
// finding's region, in this file, in the variable's own assignment (an
// element appended from another variable belongs to that variable).
func (c *Context) element(f *finding.Finding) (*model.Variable, *model.Element) {
	v := c.variable(f.Variable)
	if v == nil || f.Region == nil {
		return nil, nil
	}
	for i := range v.Elements {
		el := &v.Elements[i]
		if el.From != "" || el.File != "" && el.File != c.Input.File {
			continue
		}
		if regionOf(el.Span) == *f.Region {
			return v, el
		}
	}
	return nil, nil
}

// tokenIndex is the index of the token starting at a code-point offset, or -1.
func (c *Context) tokenIndex(offset int) int {
	i := sort.Search(len(c.Tokens), func(i int) bool { return c.Tokens[i].Span.Start.Offset >= offset })
	if i < len(c.Tokens) && c.Tokens[i].Span.Start.Offset == offset {
		return i
	}
	return -1
}

// one is a helper for fixers that propose a single fix with one edit.
func one(message string, safety finding.Safety, r finding.Region, newText string) []finding.Fix {
	return []finding.Fix{{Message: message, Safety: safety, Edits: []finding.Edit{{Region: r, NewText: newText}}}}
}
