package schema

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/token"
)

// maxReportedErrors bounds how many CUE errors one Load error lists.
const maxReportedErrors = 10

// positioned turns a CUE error (list) into one error whose lines read
// "file:line:col: message", the form editors and the CLI's exit-2 message
// use. Errors without a position keep their message alone.
func positioned(err error) error {
	return positionedAt(err, firstPos)
}

// positionedAt is positioned with the position of each error chosen by at.
func positionedAt(err error, at func(cueerrors.Error) token.Pos) error {
	if err == nil {
		return nil
	}
	list := cueerrors.Errors(err)
	if len(list) == 0 {
		return err
	}
	type entry struct {
		pos  token.Pos
		text string
	}
	var entries []entry
	seen := map[string]bool{}
	for _, e := range list {
		if isSummary(e, list) {
			continue
		}
		en := entry{pos: at(e), text: e.Error()}
		if en.pos.IsValid() {
			en.text = fmt.Sprintf("%s:%d:%d: %s", en.pos.Filename(), en.pos.Line(), en.pos.Column(), en.text)
		}
		if !seen[en.text] {
			seen[en.text] = true
			entries = append(entries, en)
		}
	}
	// Deterministic order: by file, line, column, then text.
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i].pos, entries[j].pos
		if a.Filename() != b.Filename() {
			return a.Filename() < b.Filename()
		}
		if a.Line() != b.Line() {
			return a.Line() < b.Line()
		}
		if a.Column() != b.Column() {
			return a.Column() < b.Column()
		}
		return entries[i].text < entries[j].text
	})
	var lines []string
	for i, en := range entries {
		if i == maxReportedErrors {
			lines = append(lines, fmt.Sprintf("(and %d more errors)", len(entries)-maxReportedErrors))
			break
		}
		lines = append(lines, en.text)
	}
	return errors.New(strings.Join(lines, "\n"))
}

// firstPos is the error's own position, else the first position it cites.
func firstPos(e cueerrors.Error) token.Pos {
	if p := e.Position(); p.IsValid() {
		return p
	}
	for _, p := range cueerrors.Positions(e) {
		if p.IsValid() {
			return p
		}
	}
	return token.NoPos
}

// isSummary reports whether e only announces the errors of a disjunction
// ("x: 2 errors in empty disjunction:") that the list also holds one by one.
func isSummary(e cueerrors.Error, list []cueerrors.Error) bool {
	if !strings.HasSuffix(e.Error(), "disjunction:") && !strings.Contains(e.Error(), "errors in empty disjunction") {
		return false
	}
	path := strings.Join(e.Path(), ".")
	for _, o := range list {
		if o != e && strings.Join(o.Path(), ".") == path {
			return true
		}
	}
	return false
}
