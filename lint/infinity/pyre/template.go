package pyre

import (
	"fmt"
	"strconv"
	"strings"
)

// Template is a parsed Python replace template (re._parser.parse_template,
// Python 3.11): literal pieces and group references.
type Template struct {
	parts []part
	// Dollar is true when the template holds `$1` or `${…}` text, which
	// Python copies literally: the usual mistake of writing Go or .NET syntax.
	Dollar bool
}

type part struct {
	lit   string
	group int // -1 for a literal
}

// ParseTemplate parses tmpl against pattern p. The error is Python's:
// "bad escape \d", "invalid group reference 2", "unknown group name 'x'", ...
func ParseTemplate(tmpl string, p *Pattern) (*Template, error) {
	t := &Template{}
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			t.parts = append(t.parts, part{lit: lit.String(), group: -1})
			lit.Reset()
		}
	}
	group := func(n int) {
		flush()
		t.parts = append(t.parts, part{group: n})
	}
	for i := 0; i < len(tmpl); {
		c := tmpl[i]
		if c == '$' && i+1 < len(tmpl) && (tmpl[i+1] == '{' || (tmpl[i+1] >= '0' && tmpl[i+1] <= '9')) {
			t.Dollar = true
		}
		if c != '\\' {
			lit.WriteByte(c)
			i++
			continue
		}
		if i+1 >= len(tmpl) {
			return nil, fmt.Errorf("bad escape (end of pattern) at position %d", i)
		}
		start := i
		d := tmpl[i+1]
		i += 2
		switch {
		case d == 'g':
			if i >= len(tmpl) || tmpl[i] != '<' {
				return nil, fmt.Errorf("missing < at position %d", i)
			}
			j := strings.IndexByte(tmpl[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("missing >, unterminated name at position %d", i+1)
			}
			name := tmpl[i+1 : i+j]
			if name == "" {
				return nil, fmt.Errorf("missing group name at position %d", i+1)
			}
			i += j + 1
			n, err := groupIndex(name, p)
			if err != nil {
				return nil, fmt.Errorf("%w at position %d", err, start+3)
			}
			group(n)
		case d == '0':
			v := uint64(0)
			for k := 0; k < 2 && i < len(tmpl) && isOct(tmpl[i]); k++ {
				v = v*8 + uint64(tmpl[i]-'0')
				i++
			}
			lit.WriteRune(rune(v))
		case d >= '1' && d <= '9':
			num := string(d)
			if i < len(tmpl) && tmpl[i] >= '0' && tmpl[i] <= '9' {
				num += string(tmpl[i])
				i++
				if isOct(d) && isOct(num[1]) && i < len(tmpl) && isOct(tmpl[i]) {
					num += string(tmpl[i])
					i++
					v, _ := strconv.ParseUint(num, 8, 32)
					if v > 0o377 {
						return nil, fmt.Errorf("octal escape value \\%s outside of range 0-0o377 at position %d", num, start)
					}
					lit.WriteRune(rune(v))
					continue
				}
			}
			n, _ := strconv.Atoi(num)
			if n > p.Groups {
				return nil, fmt.Errorf("invalid group reference %d at position %d", n, start+1)
			}
			group(n)
		default:
			if e, ok := templateEscapes[d]; ok {
				lit.WriteByte(e)
				continue
			}
			if strings.IndexByte(asciiLetters, d) >= 0 {
				return nil, fmt.Errorf("bad escape \\%c at position %d", d, start)
			}
			lit.WriteByte('\\')
			lit.WriteByte(d)
		}
	}
	flush()
	return t, nil
}

var templateEscapes = map[byte]byte{'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}

// groupIndex resolves a \g<…> name: a number, or a group name.
func groupIndex(name string, p *Pattern) (int, error) {
	if name[0] >= '0' && name[0] <= '9' {
		for _, c := range name {
			if c < '0' || c > '9' {
				return 0, fmt.Errorf("bad character in group name %q", name)
			}
		}
		n, err := strconv.Atoi(name)
		if err != nil || n > p.Groups {
			return 0, fmt.Errorf("invalid group reference %s", name)
		}
		return n, nil
	}
	if !isIdentifier(name) {
		return 0, fmt.Errorf("bad character in group name %q", name)
	}
	n, ok := p.Names[name]
	if !ok {
		return 0, fmt.Errorf("unknown group name %q", name)
	}
	return n, nil
}

// Expand builds the replacement for a match. A group that did not take part
// expands to "" (Python 3.5 and later).
func (t *Template) Expand(m Match) string {
	var b strings.Builder
	for _, p := range t.parts {
		if p.group < 0 {
			b.WriteString(p.lit)
		} else if p.group < len(m.Groups) {
			b.WriteString(m.Groups[p.group])
		}
	}
	return b.String()
}

// Apply is what Infinity does with an alias [I, §4.1]: if the pattern fully
// matches, the result is the template expanded against that match, or the
// alias unchanged when the template is empty. ok is false when it does not
// match; err when the pattern or template cannot be evaluated.
func Apply(p *Pattern, tmpl, alias string) (result string, ok bool, err error) {
	var t *Template
	if tmpl != "" {
		if t, err = ParseTemplate(tmpl, p); err != nil {
			return "", false, err
		}
	}
	m, ok, err := p.FullMatch(alias)
	if err != nil || !ok {
		return "", ok, err
	}
	if t == nil {
		return alias, true, nil
	}
	return t.Expand(m), true, nil
}
