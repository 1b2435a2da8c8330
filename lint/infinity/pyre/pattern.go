// Package pyre evaluates Pexip Infinity's regular expressions the way
// Infinity does: Python `re` syntax, case-insensitive, matched against the
// whole alias (fullmatch) and expanded with Python's replace-template rules.
//
// Go's regexp (RE2) shares most of Python's syntax and, for that shared
// part, finds the same leftmost-first match with the same captures; it
// differs in the rest (reference/infinity-config.md §4.2). So a pattern is
// first scanned with Python's grammar and classified:
//   - Invalid: Python's `re` rejects it (or it means something else than it
//     looks, like `[[:digit:]]`); Infinity would refuse or misroute;
//   - Backtracking: valid Python that RE2 cannot run (lookaround,
//     backreferences, conditionals, atomic groups, possessive repeats,
//     verbose mode); evaluated, when allowed, with dlclark/regexp2 and marked
//     approximate, else not evaluated at all;
//   - Translatable: rewritten into RE2 syntax (`\Z` → `\z`, `{,n}` →
//     `{0,n}`, `\uXXXX` → `\x{XXXX}`, ...) and run by Go's regexp.
//
// The replace template (template.go) is Python's, not Go's Expand: `\1`,
// `\g<name>`, two-digit group numbers, octal escapes, errors for unknown
// groups and bad escapes, and `$1` as literal text.
package pyre

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dlclark/regexp2"
)

// Kind classifies a pattern.
type Kind int

// Kinds.
const (
	Translatable Kind = iota // RE2 runs it with Python's meaning
	Backtracking             // valid Python that RE2 cannot run
	Invalid                  // Python rejects it, or it does not mean what it looks like
)

func (k Kind) String() string {
	switch k {
	case Translatable:
		return "translatable"
	case Backtracking:
		return "backtracking"
	default:
		return "invalid"
	}
}

// MaxPatternLen bounds what is scanned: Infinity's fields hold 250 characters.
const MaxPatternLen = 4096

// matchTimeout bounds one backtracking evaluation (regexp2).
const matchTimeout = 200 * time.Millisecond

// Pattern is a scanned, classified and (when possible) compiled pattern.
type Pattern struct {
	Source string
	Kind   Kind
	// Problems say why a pattern is Invalid or Backtracking, one per construct.
	Problems []string
	// Mistakes are valid Python that does not mean what it looks like
	// (`[[:digit:]]`); the pattern is still evaluated, faithfully.
	Mistakes []string
	// Groups is the number of capturing groups; Names maps group names to numbers.
	Groups int
	Names  map[string]int

	re2 *regexp.Regexp  // Translatable
	bt  *regexp2.Regexp // Backtracking, when Compile was allowed to
}

// Compile scans src with Python's grammar. With allowBacktracking a
// Backtracking pattern is compiled with regexp2 (results are approximate:
// .NET, not Python); without it such a pattern cannot be evaluated.
func Compile(src string, allowBacktracking bool) *Pattern {
	p := &Pattern{Source: src, Names: map[string]int{}}
	if len(src) > MaxPatternLen {
		p.Kind = Backtracking
		p.Problems = append(p.Problems, fmt.Sprintf("longer than %d bytes; not evaluated", MaxPatternLen))
		return p
	}
	s := &scanner{src: src, p: p}
	out := s.scan()
	p.Mistakes = s.mistakes
	switch {
	case len(s.invalid) > 0:
		p.Kind, p.Problems = Invalid, s.invalid
		return p
	case len(s.backtrack) > 0:
		p.Kind, p.Problems = Backtracking, s.backtrack
		if allowBacktracking {
			opts := regexp2.RegexOptions(regexp2.IgnoreCase)
			if s.verbose {
				opts |= regexp2.IgnorePatternWhitespace
			}
			end := `)\z`
			if s.verbose {
				end = "\n" + end // ends a trailing (?x) comment before the bracket
			}
			re, err := regexp2.Compile(`\A(?:`+s.btSource()+end, opts)
			if err == nil {
				re.MatchTimeout = matchTimeout
				p.bt = re
			}
		}
		return p
	}
	re, err := regexp.Compile(`(?i)\A(?:` + out + `)\z`)
	if err != nil {
		// Valid Python that RE2 still refuses (a construct the scanner
		// does not know): not evaluated rather than guessed.
		p.Kind = Backtracking
		p.Problems = append(p.Problems, "Go's regexp cannot run it: "+err.Error())
		return p
	}
	p.re2 = re
	return p
}

// Evaluable reports whether FullMatch can run the pattern.
func (p *Pattern) Evaluable() bool { return p.re2 != nil || p.bt != nil }

// Approximate reports whether results come from the .NET-style engine.
func (p *Pattern) Approximate() bool { return p.re2 == nil && p.bt != nil }

// Match is the outcome of a full match: Groups[0] is the whole match,
// Groups[i] group i; Set[i] is false for a group that did not participate.
type Match struct {
	Groups []string
	Set    []bool
}

// FullMatch matches the whole of s. ok is false when s does not match; err
// is set when the pattern cannot be evaluated or the engine timed out.
func (p *Pattern) FullMatch(s string) (m Match, ok bool, err error) {
	switch {
	case p.re2 != nil:
		idx := p.re2.FindStringSubmatchIndex(s)
		if idx == nil {
			return Match{}, false, nil
		}
		n := len(idx) / 2
		m = Match{Groups: make([]string, n), Set: make([]bool, n)}
		for i := 0; i < n; i++ {
			if idx[2*i] >= 0 {
				m.Groups[i], m.Set[i] = s[idx[2*i]:idx[2*i+1]], true
			}
		}
		return m, true, nil
	case p.bt != nil:
		r, err := p.bt.FindStringMatch(s)
		if err != nil {
			return Match{}, false, err
		}
		if r == nil {
			return Match{}, false, nil
		}
		m = Match{Groups: make([]string, p.Groups+1), Set: make([]bool, p.Groups+1)}
		m.Groups[0], m.Set[0] = r.String(), true
		for i := 1; i <= p.Groups; i++ {
			if g := r.GroupByNumber(i); g != nil && len(g.Captures) > 0 {
				m.Groups[i], m.Set[i] = g.String(), true
			}
		}
		return m, true, nil
	}
	return Match{}, false, fmt.Errorf("pattern not evaluated: %s", strings.Join(p.Problems, "; "))
}

// scanner walks a pattern with Python's grammar (sre_parse), writing the
// RE2 translation and collecting problems.
type scanner struct {
	src       string
	i         int
	p         *Pattern
	b         strings.Builder
	invalid   []string
	backtrack []string
	mistakes  []string
	verbose   bool
	depth     int
	// canRepeat is true when the last item can take a quantifier.
	canRepeat bool
	// lastRepeat is true when the last item was a quantifier.
	lastRepeat bool
}

func (s *scanner) bad(format string, args ...any) {
	s.invalid = append(s.invalid, fmt.Sprintf(format, args...))
}

func (s *scanner) cannot(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	for _, m := range s.backtrack {
		if m == msg {
			return
		}
	}
	s.backtrack = append(s.backtrack, msg)
}

// btSource is the pattern for regexp2: Python's named-group and
// named-backreference spellings become .NET's.
func (s *scanner) btSource() string {
	r := strings.NewReplacer("(?P<", "(?<", "(?P=", `\k<`)
	out := r.Replace(s.src)
	// (?P=name) became \k<name) : close the bracket.
	if strings.Contains(out, `\k<`) {
		var b strings.Builder
		for i := 0; i < len(out); i++ {
			if strings.HasPrefix(out[i:], `\k<`) {
				j := strings.IndexByte(out[i:], ')')
				if j > 0 {
					b.WriteString(out[i:i+j] + ">")
					i += j
					continue
				}
			}
			b.WriteByte(out[i])
		}
		out = b.String()
	}
	return strings.ReplaceAll(out, `\Z`, `\z`)
}

func (s *scanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *scanner) more() bool { return s.i < len(s.src) }

func (s *scanner) scan() string {
	s.flagsAtStart()
	s.seq(false)
	if s.more() && s.peek() == ')' {
		s.bad("unbalanced parenthesis at position %d", s.i)
	}
	return s.b.String()
}

// flagsAtStart reads Python's global inline flags, which 3.11 accepts only
// at the very start of the pattern.
func (s *scanner) flagsAtStart() {
	for strings.HasPrefix(s.src[s.i:], "(?") {
		j := s.i + 2
		for j < len(s.src) && strings.IndexByte("aiLmsux", s.src[j]) >= 0 {
			j++
		}
		if j == s.i+2 || j >= len(s.src) || s.src[j] != ')' {
			return
		}
		s.flags(s.src[s.i+2:j], true)
		s.i = j + 1
	}
}

// flags handles a flag set; global flags (?x) apply to the whole pattern.
func (s *scanner) flags(f string, global bool) {
	var go2 strings.Builder
	for _, c := range f {
		switch c {
		case 'i', 'm', 's':
			go2.WriteRune(c)
		case 'a', 'u':
			// ASCII or Unicode classes: the samples are ASCII either way.
		case 'x':
			s.verbose = true
			s.cannot("verbose mode (?x)")
		case 'L':
			s.bad("(?L) cannot be used with a string pattern")
		}
	}
	if global && go2.Len() > 0 {
		s.b.WriteString("(?" + go2.String() + ")")
	}
}

// seq scans alternatives until a ')' (inGroup) or the end.
func (s *scanner) seq(inGroup bool) {
	s.canRepeat, s.lastRepeat = false, false
	for s.more() {
		c := s.peek()
		switch {
		case c == ')':
			if !inGroup {
				s.bad("unbalanced parenthesis at position %d", s.i)
				s.i++
				continue
			}
			return
		case c == '|':
			s.b.WriteByte('|')
			s.i++
			s.canRepeat, s.lastRepeat = false, false
		case c == '(':
			s.group()
		case c == '[':
			s.class()
			s.canRepeat, s.lastRepeat = true, false
		case c == '\\':
			s.escape()
		case c == '*' || c == '+' || c == '?' || (c == '{' && s.isRepeat()):
			s.quantifier()
		case s.verbose && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'):
			s.i++
		case s.verbose && c == '#':
			for s.more() && s.peek() != '\n' {
				s.i++
			}
		case c == '^' || c == '$' || c == '.':
			s.b.WriteByte(c)
			s.i++
			s.canRepeat, s.lastRepeat = true, false
		default:
			r, size := utf8.DecodeRuneInString(s.src[s.i:])
			s.i += size
			s.literal(r)
			s.canRepeat, s.lastRepeat = true, false
		}
	}
	if inGroup {
		s.bad("missing ), unterminated subpattern")
	}
}

// literal writes one literal character, quoted for RE2.
func (s *scanner) literal(r rune) {
	s.b.WriteString(regexp.QuoteMeta(string(r)))
}

// isRepeat reports whether the '{' at s.i starts a repeat ({m}, {m,}, {,n},
// {m,n}); otherwise Python takes it literally.
func (s *scanner) isRepeat() bool {
	j := strings.IndexByte(s.src[s.i:], '}')
	if j < 0 {
		return false
	}
	body := s.src[s.i+1 : s.i+j]
	lo, hi, comma := strings.Cut(body, ",")
	digits := func(x string) bool {
		for _, c := range x {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	if !digits(lo) || !digits(hi) {
		return false
	}
	if !comma {
		return lo != ""
	}
	return true
}

func (s *scanner) quantifier() {
	start := s.i
	c := s.peek()
	if !s.canRepeat {
		if s.lastRepeat {
			s.bad("multiple repeat at position %d", start)
		} else {
			s.bad("nothing to repeat at position %d", start)
		}
		s.i++
		return
	}
	if c == '{' {
		j := strings.IndexByte(s.src[s.i:], '}')
		body := s.src[s.i+1 : s.i+j]
		lo, hi, comma := strings.Cut(body, ",")
		if lo == "" {
			lo = "0"
		}
		l, _ := strconv.Atoi(lo)
		h := -1
		if comma && hi != "" {
			h, _ = strconv.Atoi(hi)
		}
		if !comma {
			h = l
		}
		if h >= 0 && h < l {
			s.bad("min repeat greater than max repeat at position %d", start)
		}
		if l > 1000 || h > 1000 {
			s.cannot("a repeat count above 1000 (Go's limit)")
		}
		switch {
		case !comma:
			fmt.Fprintf(&s.b, "{%d}", l)
		case h < 0:
			fmt.Fprintf(&s.b, "{%d,}", l)
		default:
			fmt.Fprintf(&s.b, "{%d,%d}", l, h)
		}
		s.i += j + 1
	} else {
		s.b.WriteByte(c)
		s.i++
	}
	switch s.peek() {
	case '?':
		s.b.WriteByte('?')
		s.i++
	case '+':
		s.cannot("a possessive repeat (Python 3.11 and later only)")
		s.i++
	}
	s.canRepeat, s.lastRepeat = false, true
}

func (s *scanner) group() {
	start := s.i
	s.i++ // (
	s.depth++
	defer func() { s.depth-- }()
	if s.depth > 100 {
		s.bad("groups nested more than 100 deep")
		s.i = len(s.src)
		return
	}
	rest := s.src[s.i:]
	switch {
	case !strings.HasPrefix(rest, "?"):
		s.p.Groups++
		s.b.WriteByte('(')
		s.body(start)
	case strings.HasPrefix(rest, "?:"):
		s.i += 2
		s.b.WriteString("(?:")
		s.body(start)
	case strings.HasPrefix(rest, "?P<"):
		j := strings.IndexByte(rest, '>')
		if j < 0 {
			s.bad("missing >, unterminated name at position %d", start+4)
			s.i = len(s.src)
			return
		}
		name := rest[3:j]
		if !isIdentifier(name) {
			s.bad("bad character in group name %q at position %d", name, start+4)
		}
		if _, dup := s.p.Names[name]; dup {
			s.bad("redefinition of group name %q", name)
		}
		s.p.Groups++
		s.p.Names[name] = s.p.Groups
		s.i += j + 1
		s.b.WriteString("(?P<" + name + ">")
		s.body(start)
	case strings.HasPrefix(rest, "?P="):
		j := strings.IndexByte(rest, ')')
		if j < 0 {
			s.bad("missing ), unterminated name")
			s.i = len(s.src)
			return
		}
		name := rest[3:j]
		if _, ok := s.p.Names[name]; !ok {
			s.bad("unknown group name %q", name)
		}
		s.cannot("a named backreference (?P=%s)", name)
		s.i += j + 1
		s.canRepeat, s.lastRepeat = true, false
	case strings.HasPrefix(rest, "?#"):
		j := strings.IndexByte(rest, ')')
		if j < 0 {
			s.bad("missing ), unterminated comment")
			s.i = len(s.src)
			return
		}
		s.i += j + 1
	case strings.HasPrefix(rest, "?="), strings.HasPrefix(rest, "?!"):
		s.cannot("a lookahead %s…)", rest[:2])
		s.i += 2
		s.b.WriteString("(?:")
		s.body(start)
	case strings.HasPrefix(rest, "?<="), strings.HasPrefix(rest, "?<!"):
		s.cannot("a lookbehind (%s…)", rest[:3])
		s.i += 3
		s.b.WriteString("(?:")
		s.body(start)
	case strings.HasPrefix(rest, "?<"):
		s.bad("(?<name>…) is not Python syntax; write (?P<name>…)")
		s.i = len(s.src)
	case strings.HasPrefix(rest, "?("):
		s.cannot("a conditional group (?(…)…)")
		j := strings.IndexByte(rest, ')')
		if j < 0 {
			s.bad("missing ), unterminated name")
			s.i = len(s.src)
			return
		}
		s.i += j + 1
		s.b.WriteString("(?:")
		s.body(start)
	case strings.HasPrefix(rest, "?>"):
		s.cannot("an atomic group (?>…) (Python 3.11 and later only)")
		s.i += 2
		s.b.WriteString("(?:")
		s.body(start)
	default:
		s.scopedFlags(start)
	}
}

// scopedFlags reads (?flags) (an error when not at the start, in 3.11) and
// (?flags-flags:…).
func (s *scanner) scopedFlags(start int) {
	rest := s.src[s.i+1:]
	j := 0
	for j < len(rest) && (strings.IndexByte("aiLmsux", rest[j]) >= 0) {
		j++
	}
	on := rest[:j]
	off := ""
	if j < len(rest) && rest[j] == '-' {
		k := j + 1
		for k < len(rest) && strings.IndexByte("imsx", rest[k]) >= 0 {
			k++
		}
		off = rest[j+1 : k]
		if off == "" {
			s.bad("missing flag at position %d", start+2+j)
		}
		j = k
	}
	if j >= len(rest) {
		s.bad("missing -, : or ) at position %d", start+2+j)
		s.i = len(s.src)
		return
	}
	switch rest[j] {
	case ')':
		if off == "" && on != "" {
			s.bad("global flags not at the start of the expression at position %d", start)
		} else {
			s.bad("unknown extension ?%s at position %d", rest[:j+1], start+1)
		}
		s.i += 1 + j + 1
	case ':':
		if on == "" && off == "" {
			s.bad("missing flag at position %d", start+2)
		}
		if strings.ContainsAny(on+off, "x") {
			s.verbose = true
			s.cannot("verbose mode (?x:…)")
		}
		if strings.Contains(on, "L") {
			s.bad("(?L) cannot be used with a string pattern")
		}
		keep := func(f string) string {
			var b strings.Builder
			for _, c := range f {
				if c == 'i' || c == 'm' || c == 's' {
					b.WriteRune(c)
				}
			}
			return b.String()
		}
		gon, goff := keep(on), keep(off)
		switch {
		case gon == "" && goff == "":
			s.b.WriteString("(?:")
		case goff == "":
			s.b.WriteString("(?" + gon + ":")
		default:
			s.b.WriteString("(?" + gon + "-" + goff + ":")
		}
		s.i += 1 + j + 1
		s.body(start)
	default:
		ext := rest[:j+1]
		s.bad("unknown extension ?%s at position %d", ext, start+1)
		s.i = len(s.src)
	}
}

// body scans a group's content up to and including its ')'.
func (s *scanner) body(start int) {
	s.seq(true)
	if s.more() && s.peek() == ')' {
		s.i++
		s.b.WriteByte(')')
	} else if len(s.invalid) == 0 {
		s.bad("missing ), unterminated subpattern at position %d", start)
	}
	s.canRepeat, s.lastRepeat = true, false
}

func isIdentifier(name string) bool {
	if name == "" {
		return false
	}
	for i, c := range name {
		switch {
		case c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'):
		case i > 0 && c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return true
}

const asciiLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

// escape handles a backslash outside a class.
func (s *scanner) escape() {
	start := s.i
	s.i++
	if !s.more() {
		s.bad("bad escape (end of pattern) at position %d", start)
		return
	}
	c := s.src[s.i]
	s.i++
	s.canRepeat, s.lastRepeat = true, false
	switch c {
	case 'A':
		s.b.WriteString(`\A`)
	case 'Z':
		s.b.WriteString(`\z`)
	case 'b', 'B':
		s.b.WriteString(`\` + string(c))
	case 'd', 'D', 's', 'S', 'w', 'W':
		s.b.WriteString(`\` + string(c))
	case 'a', 'f', 'n', 'r', 't', 'v':
		s.b.WriteString(`\` + string(c))
	case 'x', 'u', 'U', 'N':
		if r, ok := s.codeEscape(c, start); ok {
			fmt.Fprintf(&s.b, `\x{%x}`, r)
		}
	case '0':
		fmt.Fprintf(&s.b, `\x{%x}`, s.octal(0))
	case '1', '2', '3', '4', '5', '6', '7', '8', '9':
		// Three octal digits are an octal escape; otherwise one or two
		// digits are a backreference.
		if c <= '7' && s.i+1 < len(s.src) && isOct(s.src[s.i]) && isOct(s.src[s.i+1]) {
			v, _ := strconv.ParseUint(s.src[s.i-1:s.i+2], 8, 32)
			s.i += 2
			if v > 0o377 {
				s.bad("octal escape value \\%s outside of range 0-0o377", s.src[s.i-3:s.i])
				return
			}
			fmt.Fprintf(&s.b, `\x{%x}`, v)
			return
		}
		n := int(c - '0')
		if s.more() && s.peek() >= '0' && s.peek() <= '9' {
			n = n*10 + int(s.peek()-'0')
			s.i++
		}
		if n > s.p.Groups {
			s.bad("invalid group reference %d at position %d", n, start+1)
			return
		}
		s.cannot("a backreference \\%d", n)
	default:
		if strings.IndexByte(asciiLetters, c) >= 0 {
			s.bad("bad escape \\%c at position %d", c, start)
			return
		}
		r, size := utf8.DecodeRuneInString(s.src[s.i-1:])
		s.i += size - 1
		s.literal(r)
	}
}

func isOct(c byte) bool { return c >= '0' && c <= '7' }

// octal reads up to two more octal digits after \0.
func (s *scanner) octal(v uint64) uint64 {
	for k := 0; k < 2 && s.more() && isOct(s.peek()); k++ {
		v = v*8 + uint64(s.peek()-'0')
		s.i++
	}
	return v
}

// codeEscape reads \xhh, \uhhhh, \Uhhhhhhhh or \N{name}.
func (s *scanner) codeEscape(c byte, start int) (rune, bool) {
	n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
	if c == 'N' {
		if !strings.HasPrefix(s.src[s.i:], "{") {
			s.bad("missing { at position %d", s.i)
			return 0, false
		}
		j := strings.IndexByte(s.src[s.i:], '}')
		if j < 0 {
			s.bad("missing }, unterminated name at position %d", s.i)
			s.i = len(s.src)
			return 0, false
		}
		s.i += j + 1
		s.cannot("a named character \\N{…} (pxlint has no Unicode name table)")
		return 0, false
	}
	if s.i+n > len(s.src) {
		s.bad("incomplete escape \\%s at position %d", s.src[start+1:], start)
		s.i = len(s.src)
		return 0, false
	}
	hex := s.src[s.i : s.i+n]
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		s.bad("incomplete escape \\%c%s at position %d", c, hex, start)
		s.i += n
		return 0, false
	}
	s.i += n
	if v > utf8.MaxRune {
		s.bad("bad escape \\%c%s at position %d", c, hex, start)
		return 0, false
	}
	return rune(v), true
}

// class scans [...]: Python has no POSIX classes and no nested sets, so a
// '[' inside a class is a literal (and `[[:digit:]]` matches none of
// "123"); it is quoted for RE2, which would read it as a POSIX class.
func (s *scanner) class() {
	start := s.i
	s.i++
	s.b.WriteByte('[')
	if s.peek() == '^' {
		s.b.WriteByte('^')
		s.i++
	}
	first := true
	for {
		if !s.more() {
			s.bad("unterminated character set at position %d", start)
			return
		}
		c := s.peek()
		switch {
		case c == ']' && !first:
			s.i++
			s.b.WriteByte(']')
			return
		case c == '[':
			if strings.HasPrefix(s.src[s.i:], "[:") {
				s.mistakes = append(s.mistakes, "Python has no POSIX classes: [[:…:]] is a set of the characters '[', ':', … followed by a literal ']'")
			}
			s.b.WriteString(`\[`)
			s.i++
		case c == '\\':
			s.classEscape(start)
		default:
			r, size := utf8.DecodeRuneInString(s.src[s.i:])
			s.i += size
			if r == ']' || r == '-' {
				if r == '-' {
					s.b.WriteByte('-')
				} else {
					s.b.WriteString(`\]`)
				}
			} else {
				s.b.WriteString(classQuote(r))
			}
		}
		first = false
	}
}

func classQuote(r rune) string {
	switch r {
	case '\\', '[', ']', '^':
		return `\` + string(r)
	}
	return string(r)
}

// classEscape handles a backslash inside a class.
func (s *scanner) classEscape(setStart int) {
	start := s.i
	s.i++
	if !s.more() {
		s.bad("unterminated character set at position %d", setStart)
		return
	}
	c := s.src[s.i]
	s.i++
	switch c {
	case 'd', 'D', 's', 'S', 'w', 'W', 'a', 'f', 'n', 'r', 't', 'v':
		s.b.WriteString(`\` + string(c))
	case 'b':
		s.b.WriteString(`\x{8}`)
	case 'x', 'u', 'U', 'N':
		if r, ok := s.codeEscape(c, start); ok {
			fmt.Fprintf(&s.b, `\x{%x}`, r)
		}
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := s.octal(uint64(c - '0'))
		if v > 0o377 {
			s.bad("octal escape value outside of range 0-0o377 at position %d", start)
			return
		}
		fmt.Fprintf(&s.b, `\x{%x}`, v)
	case '8', '9':
		s.bad("bad escape \\%c at position %d", c, start)
	default:
		if strings.IndexByte(asciiLetters, c) >= 0 {
			s.bad("bad escape \\%c at position %d", c, start)
			return
		}
		r, size := utf8.DecodeRuneInString(s.src[s.i-1:])
		s.i += size - 1
		s.b.WriteString(`\x{` + strconv.FormatInt(int64(r), 16) + `}`)
	}
}
