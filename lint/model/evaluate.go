package model

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/safeio"
)

// Options configure one evaluation.
type Options struct {
	// Path is the script's path relative to the repository root, with
	// slashes (Input.File).
	Path string
	// KnownNames are the catalog spellings of variables ("PxNodeFqdns").
	// A variable matching one case-insensitively is keyed by it; others
	// keep the spelling of their first assignment.
	KnownNames []string
	// Dir is the script's folder on disk, for dot-sourced relative files.
	// Empty means the folder of Path.
	Dir string
	// ReadFile reads dot-sourced files; nil means safeio.ReadFile bounded
	// by Limits.MaxFileBytes (regular files only).
	ReadFile func(string) ([]byte, error)
	// Limits bound the evaluation; zero fields take DefaultLimits.
	Limits Limits
}

// Result is the outcome of Evaluate.
type Result struct {
	// Input is the policy input, with the fields the model owns filled
	// (schema_version, file, profile, source, variables, references,
	// commands, requires, guards, dot_sources); the engine fills the rest.
	Input *Input
	// Diagnostics are the evaluator's own PX011 findings (a bound was hit),
	// with spans in the inspected file. The parser's diagnostics are in
	// ps.File.Diagnostics and are not repeated here.
	Diagnostics []ps.Diagnostic
	// SecretSpans are the source spans of literal secret values in the
	// inspected file, so that reports can mask snippets.
	SecretSpans []Span
	Stats       Stats
	// Included are the absolute paths of the files dot-sourced and read,
	// directly or through other dot-sourced files: the engine judges them as
	// part of this script (DESIGN, Deployments, not files).
	Included []string
}

// maxTextRunes caps Variable.Text: longer right-hand sides are left out.
const maxTextRunes = 256

// maxReasonRunes caps a reason (chains of unknown values nest them).
const maxReasonRunes = 200

// Evaluate statically evaluates a parsed script into the policy input. It
// never executes anything and never fails: what it cannot evaluate is
// recorded as unknown with a reason, and what exceeds a bound is a PX011
// diagnostic.
func Evaluate(src *ps.Source, file *ps.File, opts Options) *Result {
	if src == nil {
		src = ps.NewSource("")
	}
	if file == nil {
		file = &ps.File{}
	}
	e := evaluatePass(src, file, opts, nil)
	if len(e.flowSecrets) > 0 {
		// Some literals reach a secret sink: evaluate again with them
		// secret at their source (see flow.go).
		e = evaluatePass(src, file, opts, e.flowSecrets)
	}

	in := e.in
	in.Source = e.describeSource(src, file.Tokens)
	in.Profile, in.ProfileSource = DetectProfile(in)
	res := &Result{Input: in, Diagnostics: e.diags, Stats: e.stats, Included: e.included}
	for _, sp := range e.cur.secrets {
		res.SecretSpans = append(res.SecretSpans, toSpan(sp))
	}
	if res.SecretSpans == nil {
		res.SecretSpans = []Span{}
	}
	return res
}

// evaluatePass is one evaluation of the whole script; knownSecrets are the
// literals an earlier pass found to reach a secret sink.
func evaluatePass(src *ps.Source, file *ps.File, opts Options, knownSecrets map[literalKey]bool) *evaluator {
	e := newEvaluator(src, opts)
	e.knownSecrets = knownSecrets
	e.requires(file.Requires)
	e.scriptParams(file.Params)
	e.walkList(file.Statements)
	return e
}

// evaluator holds the state of one evaluation.
type evaluator struct {
	opts     Options
	lim      Limits
	readFile func(string) ([]byte, error)
	catalog  map[string]string // lower-case name → catalog spelling
	// included are the absolute paths of the dot-sourced files read.
	included []string

	in    *Input
	vars  map[string]*varState // by lower-case name
	diags []ps.Diagnostic
	// limitReported avoids repeating one kind of PX011 diagnostic.
	limitReported map[string]bool
	stats         Stats

	cur *fileCtx
	// cond > 0 inside a branch, loop, try or function body.
	cond int
	// refCtx is the context of references being evaluated ("value",
	// "string", "argument", "condition").
	refCtx  string
	nesting int
	// lowered caches lower-case names.
	lowered map[string]string
	// unreadable lists dot-sourced files that could not be read: variables
	// they may define are "defined elsewhere", not undefined.
	unreadable []string

	// trace, flowSecrets and knownSecrets follow secrets by data flow
	// (flow.go): the literals and variable flows evaluated so far in the
	// current statement, the literals found to reach a secret sink, and
	// those an earlier pass found (nil in the first pass).
	trace        []flowItem
	flowSecrets  map[literalKey]bool
	knownSecrets map[literalKey]bool
}

// fileCtx is the file being evaluated: the inspected one, or a dot-sourced
// one evaluated in place.
type fileCtx struct {
	src *ps.Source
	// rel is the repository-relative path; nested marks a dot-sourced file.
	rel    string
	nested bool
	// dir is the folder on disk that relative dot-sources resolve against.
	dir string
	// anchor is the dot-source statement in the inspected file that this
	// file runs from: diagnostics of nested files point at it.
	anchor ps.Span
	depth  int
	// self is this file's path on disk; stack holds the absolute paths of
	// the files being evaluated, for cycle detection (filled on the first
	// dot-source: most scripts have none).
	self  string
	stack []string
	// secrets are the spans of literal secrets in this file; secretSet
	// holds their offsets, so that each is recorded once.
	secrets   []ps.Span
	secretSet map[[2]int]bool
}

// varState is one variable's current value and its policy-input record.
type varState struct {
	out *Variable
	val value
	// rhs is the right-hand side of the last assignment, in file.
	rhs  ps.Span
	file *fileCtx
	// flow is what the value came from (flow.go).
	flow *flowNode
}

func newEvaluator(src *ps.Source, opts Options) *evaluator {
	e := &evaluator{
		opts:          opts,
		lim:           opts.Limits.withDefaults(),
		readFile:      opts.ReadFile,
		catalog:       make(map[string]string, len(opts.KnownNames)),
		vars:          map[string]*varState{},
		limitReported: map[string]bool{},
		lowered:       map[string]string{},
		refCtx:        "value",
		flowSecrets:   map[literalKey]bool{},
	}
	if e.readFile == nil {
		limit := int64(e.lim.MaxFileBytes)
		e.readFile = func(p string) ([]byte, error) { return safeio.ReadFile(p, limit) }
	}
	for _, n := range opts.KnownNames {
		e.catalog[strings.ToLower(n)] = n
	}
	dir := opts.Dir
	if dir == "" {
		dir = filepath.Dir(filepath.FromSlash(opts.Path))
	}
	self := filepath.Join(dir, filepath.Base(filepath.FromSlash(opts.Path)))
	e.cur = &fileCtx{src: src, rel: opts.Path, dir: dir, self: self}
	e.in = &Input{
		SchemaVersion: SchemaVersion,
		File:          opts.Path,
		Variables:     map[string]*Variable{},
		References:    []Reference{},
		Commands:      []Command{},
		Requires:      []RequiredModule{},
		Guards:        []Guard{},
		DotSources:    []DotSource{},
	}
	return e
}

// recording is true while evaluating the inspected file: references,
// commands, guards and secret spans of dot-sourced files are not recorded
// (their spans would point into another file).
func (e *evaluator) recording() bool { return !e.cur.nested }

func (e *evaluator) describeSource(src *ps.Source, tokens []ps.Token) Source {
	nonASCII := []NonASCII{}
	for i := 0; i < len(src.Text); i++ {
		if src.Text[i] >= 0x80 { // only then is the full scan needed
			if na := nonASCIIInTokens(tokens, src.Encoding == "utf-8" && !src.BOM); na != nil {
				nonASCII = na
			} else if _, _, na := describeText(src.Text); na != nil {
				nonASCII = na
			}
			break
		}
	}
	return Source{
		Encoding: src.Encoding,
		BOM:      src.BOM,
		Newline:  src.Newline,
		Lines:    src.LineCount(),
		NonASCII: nonASCII,
	}
}

func (e *evaluator) requires(dirs []ps.RequiresDirective) {
	for _, d := range dirs {
		for _, m := range d.Modules {
			sp := m.Span
			if sp.IsZero() {
				sp = d.Span
			}
			r := RequiredModule{
				Name:            m.Name,
				Version:         m.ModuleVersion,
				RequiredVersion: m.RequiredVersion,
				MaximumVersion:  m.MaximumVersion,
				Line:            sp.Start.Line,
				Column:          sp.Start.Col,
				Span:            toSpan(sp),
			}
			if e.cur.nested {
				// PowerShell honours #Requires in a dot-sourced script too.
				r.Line, r.Column, r.Span, r.File = 0, 0, Span{}, e.cur.rel
			}
			e.in.Requires = append(e.in.Requires, r)
		}
	}
}

// ------------------------------------------------------------------ helpers

func toSpan(sp ps.Span) Span {
	return Span{StartLine: sp.Start.Line, StartColumn: sp.Start.Col, EndLine: sp.End.Line, EndColumn: sp.End.Col}
}

// text returns the source text of a span of the current file, or "" when
// it overlaps a literal secret.
func (e *evaluator) text(sp ps.Span) string {
	for _, s := range e.cur.secrets {
		if s.Start.Offset < sp.End.Offset && sp.Start.Offset < s.End.Offset {
			return ""
		}
	}
	return e.cur.src.Slice(sp)
}

// spanOf is a node's span, or the zero span for a node the parser left out
// (nil) where a bound stopped it: the evaluator never assumes a child exists.
func spanOf(n ps.Node) ps.Span {
	if n == nil {
		return ps.Span{}
	}
	return n.NodeSpan()
}

// addSecret records the span of a literal secret value.
func (e *evaluator) addSecret(sp ps.Span) { e.cur.addSecret(sp) }

// addSecret records the span of a literal secret value in this file, once.
func (f *fileCtx) addSecret(sp ps.Span) {
	if sp.IsZero() {
		return
	}
	k := [2]int{sp.Start.Offset, sp.End.Offset}
	if f.secretSet[k] {
		return // a literal can be both a secret assigned and one that flows
	}
	if f.secretSet == nil {
		f.secretSet = map[[2]int]bool{}
	}
	f.secretSet[k] = true
	f.secrets = append(f.secrets, sp)
}

// limit records that a bound was hit: a PX011 diagnostic (once per kind of
// bound) at the span, or at the dot-source statement when the span is in
// a dot-sourced file, and an unknown value saying so.
func (e *evaluator) limit(kind string, sp ps.Span, msg string) value {
	e.stats.BoundHits++
	if e.cur.nested {
		sp = e.cur.anchor
	}
	if !e.limitReported[kind] {
		e.limitReported[kind] = true
		e.diags = append(e.diags, ps.Diagnostic{Rule: ps.RuleAnalysisLimit, Message: msg, Span: sp})
	}
	return unknown(msg)
}

// charge spends work; false when the work bound is exhausted.
func (e *evaluator) charge(n int) bool {
	e.stats.Work += int64(n)
	return e.stats.Work <= e.lim.MaxWork
}

// workLimit is the value and diagnostic for an exhausted work bound.
func (e *evaluator) workLimit(sp ps.Span) value {
	return e.limit("work", sp, fmt.Sprintf("evaluation exceeds the work limit (%d characters and elements produced)", e.lim.MaxWork))
}

// truncate caps a reason.
func truncate(s string) string {
	if utf8.RuneCountInString(s) <= maxReasonRunes {
		return s
	}
	r := []rune(s)
	return string(r[:maxReasonRunes-1]) + "…"
}

// displayName is the name a variable is reported under: its catalog
// spelling, else the key it already has, else as written.
func (e *evaluator) displayName(name string) string {
	l := e.lower(name)
	if c, ok := e.catalog[l]; ok {
		return c
	}
	if st, ok := e.vars[l]; ok {
		return st.out.Name
	}
	return name
}

// lower returns a name in lower case, caching it: scripts use the same few
// names over and over.
func (e *evaluator) lower(s string) string {
	if l, ok := e.lowered[s]; ok {
		return l
	}
	l := strings.ToLower(s)
	e.lowered[s] = l
	return l
}

// userScope reports whether a variable scope names ordinary script
// variables ($x, $script:x, $global:x, $local:x, $private:x).
func userScope(scope string) bool {
	switch scope {
	case "", "script", "global", "local", "private":
		return true
	}
	for _, s := range []string{"script", "global", "local", "private"} {
		if strings.EqualFold(scope, s) {
			return true
		}
	}
	return false
}

// isPxName reports whether a name is a `$Px...` variable, the ones whose
// references the policy input records.
func isPxName(name string) bool {
	return len(name) >= 2 && strings.EqualFold(name[:2], "px")
}
