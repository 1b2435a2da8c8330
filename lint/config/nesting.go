package config

import (
	"fmt"
	"unicode/utf8"
)

// MaxNesting bounds how deeply brackets, braces, parentheses, string
// templates and unary operators may nest in a config file. The HCL parser
// and evaluator recurse once per level, so 70,000 nested "[" overflow the Go
// stack (a crash, not an error); real configs nest three or four levels and
// rule options at most maxDepth.
const MaxNesting = 64

// checkNesting scans src the way HCL tokenises it, closely enough to count
// nesting (comments and string text are skipped, "${" and "%{" inside
// strings and heredocs open a level), and returns the position of the first
// place that goes deeper than MaxNesting. It runs before HCL sees the file,
// in one pass with no recursion.
func checkNesting(src []byte) (line, col int, what string, ok bool) {
	const (
		inCode = iota
		inString
		inHeredoc
	)
	type level struct {
		mode int
		// close is the byte that ends a code level; heredoc holds its marker.
		close   byte
		heredoc string
	}
	stack := []level{{mode: inCode}}
	line, col = 1, 1
	unary := 0 // consecutive prefix operators (!!!!x, - - - x)
	push := func(l level) bool {
		stack = append(stack, l)
		return len(stack)-1+unary <= MaxNesting
	}
	for i := 0; i < len(src); {
		c := src[i]
		top := &stack[len(stack)-1]
		step := 1
		switch top.mode {
		case inCode:
			switch {
			case c == '#' || (c == '/' && i+1 < len(src) && src[i+1] == '/'):
				for i+step < len(src) && src[i+step] != '\n' {
					step++
				}
			case c == '/' && i+1 < len(src) && src[i+1] == '*':
				step = 2
				for i+step+1 < len(src) && (src[i+step] != '*' || src[i+step+1] != '/') {
					step++
				}
				step = min(step+2, len(src)-i)
			case c == '"':
				if !push(level{mode: inString}) {
					return line, col, "string", false
				}
			case c == '<' && i+1 < len(src) && src[i+1] == '<':
				if marker, n := heredocStart(src[i:]); n > 0 {
					if !push(level{mode: inHeredoc, heredoc: marker}) {
						return line, col, "heredoc", false
					}
					step = n
				}
			case c == '[' || c == '{' || c == '(':
				if !push(level{mode: inCode, close: closer(c)}) {
					return line, col, fmt.Sprintf("%q", c), false
				}
			case c == ']' || c == '}' || c == ')':
				if len(stack) > 1 && top.close == c {
					stack = stack[:len(stack)-1]
				}
			case c == '!' || c == '-':
				unary++
				if len(stack)-1+unary > MaxNesting {
					return line, col, fmt.Sprintf("%q operator", c), false
				}
			}
			if c != '!' && c != '-' && c != ' ' && c != '\t' && c != '\r' && c != '\n' {
				unary = 0
			}
		case inString, inHeredoc:
			switch {
			case top.mode == inString && c == '\\':
				step = 2
			case top.mode == inString && (c == '"' || c == '\n'):
				stack = stack[:len(stack)-1]
			case (c == '$' || c == '%') && i+1 < len(src) && src[i+1] == '{':
				if i+2 < len(src) && src[i+2] == c {
					step = 2 // "$${" is a literal "${"
					break
				}
				if !push(level{mode: inCode, close: '}'}) {
					return line, col, "template", false
				}
				step = 2
			case top.mode == inHeredoc && c == '\n':
				if n := heredocEnd(src[i+1:], top.heredoc); n > 0 {
					stack = stack[:len(stack)-1]
					step = 1 + n
				}
			}
		}
		step = min(step, len(src)-i)
		for _, b := range src[i : i+step] {
			if b == '\n' {
				line, col = line+1, 1
			} else if utf8.RuneStart(b) {
				col++
			}
		}
		i += step
	}
	return 0, 0, "", true
}

func closer(open byte) byte {
	switch open {
	case '[':
		return ']'
	case '{':
		return '}'
	}
	return ')'
}

// heredocStart reads "<<EOF" or "<<-EOF" up to the end of its line and
// returns the marker and the length consumed (0 when this is not a heredoc).
func heredocStart(b []byte) (string, int) {
	n := 2
	if n < len(b) && b[n] == '-' {
		n++
	}
	start := n
	for n < len(b) && (b[n] == '_' || b[n] == '-' || b[n] >= '0' && b[n] <= '9' || b[n]|0x20 >= 'a' && b[n]|0x20 <= 'z') {
		n++
	}
	if n == start {
		return "", 0
	}
	marker := string(b[start:n])
	for n < len(b) && b[n] != '\n' {
		n++
	}
	return marker, n
}

// heredocEnd returns the length of the line at the start of b when it is
// the heredoc's closing marker (leading spaces allowed), else 0.
func heredocEnd(b []byte, marker string) int {
	n := 0
	for n < len(b) && (b[n] == ' ' || b[n] == '\t') {
		n++
	}
	if len(b)-n < len(marker) || string(b[n:n+len(marker)]) != marker {
		return 0
	}
	n += len(marker)
	for n < len(b) && b[n] == '\r' {
		n++
	}
	if n < len(b) && b[n] != '\n' {
		return 0
	}
	return n
}
