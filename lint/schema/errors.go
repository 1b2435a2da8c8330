package schema

import (
	"errors"
	"fmt"
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
	var lines []string
	seen := map[string]bool{}
	for _, e := range list {
		line := e.Error()
		if isSummary(e, list) {
			continue
		}
		if pos := at(e); pos.IsValid() {
			line = fmt.Sprintf("%s:%d:%d: %s", pos.Filename(), pos.Line(), pos.Column(), line)
		}
		if seen[line] {
			continue
		}
		seen[line] = true
		lines = append(lines, line)
		if len(lines) == maxReportedErrors {
			lines = append(lines, fmt.Sprintf("(and %d more errors)", len(list)-maxReportedErrors))
			break
		}
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
