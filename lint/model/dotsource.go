package model

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/safeio"
)

// dotSource handles `. .\common.ps1`: a relative script is read and
// evaluated in place, in the caller's scope, as PowerShell runs it. What
// cannot be read is recorded with the reason, and makes later uses of
// unassigned variables "defined elsewhere" rather than undefined.
func (e *evaluator) dotSource(c *ps.Command) string {
	written := c.NameText
	rel := written
	if written == "" && c.Name != nil {
		written = e.text(c.Name.NodeSpan())
		if s, ok := c.Name.(*ps.ExpandableString); ok {
			rel = scriptRootPath(s)
		}
		if rel == "" {
			e.withCtx("argument", func() { e.eval(c.Name) })
		}
	}
	e.withCtx("argument", func() {
		for _, el := range c.Elements {
			switch el := el.(type) {
			case *ps.CommandParameter:
				if el.Argument != nil {
					e.eval(el.Argument)
				}
			case ps.Expression:
				e.eval(el)
			}
		}
	})
	read, reason := false, "the path needs execution"
	if rel != "" {
		read, reason = e.readDotSource(rel, c.Span)
	}
	if e.recording() {
		e.in.DotSources = append(e.in.DotSources, DotSource{
			Path:   written,
			Read:   read,
			Reason: reason,
			Line:   c.Span.Start.Line,
			Span:   toSpan(c.Span),
		})
	}
	if !read {
		e.unreadable = append(e.unreadable, written)
	}
	return "output of dot-sourced " + written + " needs execution"
}

// scriptRootPath returns the relative path of "$PSScriptRoot\common.ps1",
// or "" for any other string.
func scriptRootPath(s *ps.ExpandableString) string {
	if len(s.Parts) < 2 {
		return ""
	}
	v, ok := s.Parts[0].(*ps.Variable)
	if !ok || !strings.EqualFold(v.Name, "PSScriptRoot") || v.Scope != "" {
		return ""
	}
	var b strings.Builder
	for _, p := range s.Parts[1:] {
		t, ok := p.(*ps.StringText)
		if !ok {
			return ""
		}
		b.WriteString(t.Value)
	}
	return strings.TrimLeft(b.String(), `\/`)
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// readDotSource reads and evaluates one dot-sourced file. read is true
// when it was evaluated; reason says why not, or notes syntax errors.
func (e *evaluator) readDotSource(rel string, at ps.Span) (read bool, reason string) {
	slash := strings.ReplaceAll(rel, `\`, "/")
	switch {
	case strings.Contains(slash, ":") || strings.HasPrefix(slash, "/"):
		return false, "absolute paths are not read"
	case !strings.EqualFold(path.Ext(slash), ".ps1"):
		return false, "not a .ps1 script"
	}
	osPath := filepath.Join(e.cur.dir, filepath.FromSlash(slash))
	abs := absPath(osPath)
	if len(e.cur.stack) == 0 {
		e.cur.stack = []string{absPath(e.cur.self)}
	}
	for _, s := range e.cur.stack {
		if s == abs {
			return false, "dot-sources a file that is already being read (a cycle)"
		}
	}
	if e.cur.depth+1 > e.lim.MaxDotSourceDepth {
		v := e.limit("dot-source depth", at, fmt.Sprintf("dot-sourced files nested deeper than %d levels", e.lim.MaxDotSourceDepth))
		return false, v.reason
	}
	b, err := e.readFile(osPath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, "file not found"
	case errors.Is(err, safeio.ErrNotRegular):
		return false, "not a regular file"
	case err != nil && !errors.Is(err, safeio.ErrTooLarge):
		return false, "file cannot be read"
	}
	if len(b) > e.lim.MaxFileBytes || errors.Is(err, safeio.ErrTooLarge) {
		v := e.limit("file size", at, fmt.Sprintf("dot-sourced file is larger than %d bytes", e.lim.MaxFileBytes))
		return false, v.reason
	}
	src, f := ps.ParseBytes(b, ps.DefaultLimits())
	anchor := at
	if e.cur.nested {
		anchor = e.cur.anchor
	}
	child := &fileCtx{
		src:    src,
		rel:    path.Clean(path.Join(path.Dir(e.cur.rel), slash)),
		nested: true,
		dir:    filepath.Dir(osPath),
		anchor: anchor,
		depth:  e.cur.depth + 1,
		self:   osPath,
		stack:  append(append([]string(nil), e.cur.stack...), abs),
	}
	saved := e.cur
	e.cur = child
	e.requires(f.Requires)
	e.walkList(f.Statements)
	e.cur = saved
	e.included = append(e.included, abs)
	e.stats.FilesRead++
	syntax := 0
	for _, d := range f.Diagnostics {
		if d.Rule == ps.RuleParseError {
			syntax++
		}
	}
	if syntax > 0 {
		return true, fmt.Sprintf("read, with %d syntax errors", syntax)
	}
	return true, ""
}
