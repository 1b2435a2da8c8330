package ps

import (
	"strings"
)

// lexMode selects how ambiguous characters are read. PowerShell lexes a
// command's arguments differently from an expression: `en-US` is one word
// after a command name but `en - US` in an expression; `1.2.3.4` is a string
// argument to a command but the number 1.2 followed by member accesses in
// an expression. The parser knows which applies and asks for the next
// token in that mode.
type lexMode uint8

const (
	// modeExpr: operands and operators of an expression.
	modeExpr lexMode = iota
	// modeCommand: command arguments (bare words, -Parameters).
	modeCommand
	// modeStatement: the first token of a statement or pipeline element:
	// keywords and command names are words, numbers and operators are
	// expression tokens.
	modeStatement
	// modeMember: the name after `.` or `::` (digits allowed: `.3` in 1.2.3.4).
	modeMember
	// modeKey: an unquoted hashtable key (a name; dashes allowed inside: cost-center).
	modeKey
)

// rawTok is a token before the parser assigns its position.
type rawTok struct {
	kind       TokenKind
	start, end int // byte offsets
	op         string
	flags      TokenFlags
}

// lexer scans tokens of text[..end]. It is stateless between calls except
// for the work and depth counters, so the parser may re-lex from any offset
// in another mode.
type lexer struct {
	text     string
	maxDepth int
	depth    int // nesting of strings inside $( ) inside strings
	depthHit bool
	work     int // bytes scanned, re-scans included
	maxWork  int // 0: unbounded
	workHit  bool
	// cut is the byte offset of a quoted string that ends at its line end
	// even though a closing quote follows on a later line (-1: none).
	cut int
}

// scan returns the token starting at byte offset i (i < end) in mode m.
func (l *lexer) scan(i, end int, m lexMode) rawTok {
	t := l.scan1(i, end, m)
	l.work += t.end - t.start
	if l.maxWork > 0 && l.work > l.maxWork {
		l.workHit = true
	}
	return t
}

func (l *lexer) scan1(i, end int, m lexMode) rawTok {
	s := l.text[:end]
	if i >= len(s) {
		return rawTok{kind: TokEOF, start: i, end: i}
	}
	c := s[i]
	tok := func(k TokenKind, n int) rawTok { return rawTok{kind: k, start: i, end: i + n} }
	switch c {
	case '\n':
		return tok(TokNewline, 1)
	case '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			return tok(TokNewline, 2)
		}
		return tok(TokNewline, 1)
	case ' ', '\t', '\f', '\v':
		return tok(TokWhitespace, l.spaceEnd(s, i)-i)
	case '#':
		return l.lineComment(s, i)
	case '<':
		if i+1 < len(s) && s[i+1] == '#' {
			return l.blockComment(s, i)
		}
		return l.redirection(s, i)
	case '>':
		return l.redirection(s, i)
	case '`':
		if i+1 < len(s) && isNewlineByte(s[i+1]) {
			n := 2
			if s[i+1] == '\r' && i+2 < len(s) && s[i+2] == '\n' {
				n = 3
			}
			return tok(TokLineContinuation, n)
		}
		if m == modeCommand || m == modeStatement {
			return l.generic(s, i)
		}
		_, w := runeAt(s, i+1)
		return tok(TokError, 1+w)
	case '(':
		return tok(TokLParen, 1)
	case ')':
		return tok(TokRParen, 1)
	case '{':
		return tok(TokLBrace, 1)
	case '}':
		return tok(TokRBrace, 1)
	case ';':
		return tok(TokSemicolon, 1)
	case ',':
		return tok(TokComma, 1)
	case '|':
		if i+1 < len(s) && s[i+1] == '|' {
			return tok(TokOrOr, 2)
		}
		return tok(TokPipe, 1)
	case '&':
		if i+1 < len(s) && s[i+1] == '&' {
			return tok(TokAndAnd, 2)
		}
		return tok(TokAmpersand, 1)
	case '$':
		return l.variable(s, i, m)
	case '@':
		return l.at(s, i, m)
	case '\'':
		return l.singleQuoted(s, i)
	case '"':
		return l.doubleQuoted(s, i)
	}
	if m == modeMember {
		return l.memberName(s, i)
	}
	if m == modeKey {
		if t := l.memberName(s, i); t.kind == TokIdentifier {
			for t.end+1 < len(s) && s[t.end] == '-' {
				r, _ := runeAt(s, t.end+1)
				if !isNameChar(r) {
					break
				}
				t.end = l.memberName(s, t.end+1).end
			}
			return t
		}
		return l.scan1(i, len(s), modeExpr)
	}
	r, w := runeAt(s, i)
	switch {
	case r >= 0x80 && isSpace(r):
		return tok(TokWhitespace, l.spaceEnd(s, i)-i)
	case isSingleQuote(r):
		return l.singleQuoted(s, i)
	case isDoubleQuote(r):
		return l.doubleQuoted(s, i)
	}
	if m == modeCommand {
		return l.commandToken(s, i, r, w)
	}
	// modeExpr and modeStatement.
	switch {
	case c == '[':
		return tok(TokLBracket, 1)
	case c == ']':
		return tok(TokRBracket, 1)
	case isDigit(c):
		return l.number(s, i, m)
	case c == '.':
		return l.dot(s, i, m)
	case c == ':':
		if i+1 < len(s) && s[i+1] == ':' {
			return tok(TokColonColon, 2)
		}
		if m == modeStatement {
			return l.generic(s, i)
		}
		return tok(TokError, 1)
	case isDash(r):
		return l.dashOperator(s, i, w, m)
	}
	if m == modeStatement {
		if isNameChar(r) {
			return l.keywordOrGeneric(s, i)
		}
	} else if isNameChar(r) {
		j := i + w
		for j < len(s) {
			r2, w2 := runeAt(s, j)
			if !isNameChar(r2) {
				break
			}
			j += w2
		}
		return rawTok{kind: TokIdentifier, start: i, end: j}
	}
	return l.symbolOperator(s, i, r, w, m)
}

func (l *lexer) spaceEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\f' || c == '\v' {
			i++
			continue
		}
		if c < 0x80 {
			break
		}
		r, w := runeAt(s, i)
		if !isSpace(r) {
			break
		}
		i += w
	}
	return i
}

func lineEnd(s string, i int) int {
	for i < len(s) && !isNewlineByte(s[i]) {
		i++
	}
	return i
}

func (l *lexer) lineComment(s string, i int) rawTok {
	j := lineEnd(s, i)
	k := TokComment
	if j-i >= 9 && strings.EqualFold(s[i+1:i+9], "requires") && (j-i == 9 || s[i+9] == ' ' || s[i+9] == '\t') {
		k = TokRequires
	}
	return rawTok{kind: k, start: i, end: j}
}

func (l *lexer) blockComment(s string, i int) rawTok {
	if k := strings.Index(s[i+2:], "#>"); k >= 0 {
		return rawTok{kind: TokBlockComment, start: i, end: i + 2 + k + 2}
	}
	return rawTok{kind: TokBlockComment, start: i, end: len(s), flags: FlagUnterminated}
}

// redirection scans > >> 2> 2>> 2>&1 *> ... starting at i (a digit or `*`
// prefix is handled by the caller passing the prefix start).
func (l *lexer) redirection(s string, i int) rawTok {
	j := i
	if j < len(s) && (isDigit(s[j]) || s[j] == '*') {
		j++
	}
	if j < len(s) && s[j] == '<' {
		return rawTok{kind: TokRedirection, start: i, end: j + 1, op: s[i : j+1]}
	}
	j++ // '>'
	if j < len(s) && s[j] == '>' {
		j++
	} else if j+1 < len(s) && s[j] == '&' && isDigit(s[j+1]) {
		j += 2
	}
	return rawTok{kind: TokRedirection, start: i, end: j, op: s[i:j]}
}

// commandToken scans a command-mode token that is not a quote, variable,
// bracket or separator: a -Parameter, a number, a redirection or a bare word.
func (l *lexer) commandToken(s string, i int, r rune, w int) rawTok {
	c := s[i]
	if (isDigit(c) || c == '*') && i+1 < len(s) && s[i+1] == '>' {
		return l.redirection(s, i)
	}
	if isDash(r) {
		r2, _ := runeAt(s, i+w)
		if r2 == '_' || r2 == '?' || r2 >= 0 && isNameChar(r2) && (r2 < '0' || r2 > '9') {
			return l.parameter(s, i, w)
		}
		if r2 >= 0 && r2 < 0x80 && (isDigit(byte(r2)) || r2 == '.') {
			if t := l.number(s, i, modeCommand); t.kind == TokNumber {
				return t
			}
		}
		return l.generic(s, i)
	}
	if isDigit(c) || c == '.' && i+1 < len(s) && isDigit(s[i+1]) {
		return l.number(s, i, modeCommand)
	}
	return l.generic(s, i)
}

// parameter scans -Name or -Name: (dash already checked at i, width w).
func (l *lexer) parameter(s string, i, w int) rawTok {
	j := i + w
	for j < len(s) {
		r, rw := runeAt(s, j)
		if r == ':' {
			j++
			break
		}
		if isGenericEnd(r) || isQuote(r) || r == '`' || r == '$' {
			break
		}
		j += rw
	}
	t := rawTok{kind: TokParameter, start: i, end: j} // op: set by parser.commit
	if w > 1 {
		t.flags |= FlagTypographic
	}
	return t
}

// generic scans a command-mode bare word: everything up to a separator,
// white space or line end; backtick escapes the next character.
func (l *lexer) generic(s string, i int) rawTok {
	j := i
	for j < len(s) {
		c := s[j]
		if c < 0x80 {
			if c == '`' {
				if j+1 < len(s) && isNewlineByte(s[j+1]) {
					break
				}
				if _, n := unicodeEscape(s, j); n > 2 { // `u{2195}
					j += n
					continue
				}
				_, w := runeAt(s, j+1)
				j += 1 + w
				continue
			}
			if isGenericEnd(rune(c)) || c == '"' || c == '\'' {
				if j > i {
					break
				}
			}
			j++
			continue
		}
		r, w := runeAt(s, j)
		if isGenericEnd(r) || isQuote(r) {
			break
		}
		j += w
	}
	if j == i { // cannot happen: callers start on a word character
		_, w := runeAt(s, i)
		j = i + w
	}
	return rawTok{kind: TokGeneric, start: i, end: j}
}

func (l *lexer) memberName(s string, i int) rawTok {
	j := i
	for j < len(s) {
		r, w := runeAt(s, j)
		if !isNameChar(r) {
			break
		}
		j += w
	}
	if j == i {
		return l.scan1(i, len(s), modeExpr)
	}
	return rawTok{kind: TokIdentifier, start: i, end: j}
}

func (l *lexer) dot(s string, i int, m lexMode) rawTok {
	if i+1 < len(s) {
		n := s[i+1]
		if isDigit(n) {
			return l.number(s, i, m)
		}
		if m == modeExpr && n == '.' {
			return rawTok{kind: TokOperator, start: i, end: i + 2, op: ".."}
		}
		if m == modeStatement {
			// `. .\x.ps1` dot-sources; `.\x.ps1` is a command name.
			r, _ := runeAt(s, i+1)
			dotSource := isSpace(r) || n == '$' || n == '(' || n == '{' || n == '&' || isQuote(r)
			if !dotSource {
				return l.generic(s, i)
			}
		}
	}
	return rawTok{kind: TokDot, start: i, end: i + 1}
}

// dashOperators maps the lower-case word of each operator written with a
// leading dash to its canonical spelling ("eq" → "-eq").
var dashOperators = map[string]string{}

// maxDashOperator is the length of the longest operator word (cnotcontains).
const maxDashOperator = 12

func init() {
	for _, op := range []string{"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch",
		"contains", "notcontains", "in", "notin", "replace"} {
		dashOperators[op] = "-" + op
		dashOperators["i"+op] = "-i" + op
		dashOperators["c"+op] = "-c" + op
	}
	for _, op := range []string{"split", "isplit", "csplit", "join", "is", "isnot", "as", "f", "and", "or",
		"xor", "not", "band", "bor", "bxor", "bnot", "shl", "shr"} {
		dashOperators[op] = "-" + op
	}
}

// dashOperator returns the canonical operator for an ASCII word, without allocating.
func lookupDashOperator(word string) (string, bool) {
	if len(word) > maxDashOperator {
		return "", false
	}
	var buf [maxDashOperator]byte
	for i := 0; i < len(word); i++ {
		buf[i] = word[i] | 0x20 // ASCII letters only reach here
	}
	op, ok := dashOperators[string(buf[:len(word)])]
	return op, ok
}

// lowerParameterOp returns "-" + the lower-cased name in one allocation.
func lowerParameterOp(name string) string {
	var b strings.Builder
	b.Grow(len(name) + 1)
	b.WriteByte('-')
	for i := 0; i < len(name); {
		c := name[i]
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, w := runeAt(name, i)
		b.WriteString(strings.ToLower(string(r)))
		i += w
	}
	return b.String()
}

// dashOperator scans -eq, -, --, -=, -5 (a dash of width w at i).
func (l *lexer) dashOperator(s string, i, w int, m lexMode) rawTok {
	j := i + w
	t := rawTok{start: i}
	if w > 1 {
		t.flags |= FlagTypographic
	}
	r, rw := runeAt(s, j)
	switch {
	case r >= 0 && r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
		k := j
		for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z') {
			k++
		}
		r2, _ := runeAt(s, k)
		if op, ok := lookupDashOperator(s[j:k]); ok && !isNameChar(r2) {
			t.kind, t.end, t.op = TokOperator, k, op
			return t
		}
		if m == modeStatement { // `-Guid $x` alone on a line runs a command named -Guid
			return l.generic(s, i)
		}
		p := l.parameter(s, i, w)
		return p
	case isDash(r):
		t.kind, t.end, t.op = TokOperator, j+rw, "--"
	case r == '=':
		t.kind, t.end, t.op = TokAssign, j+1, "-="
	default:
		t.kind, t.end, t.op = TokOperator, j, "-"
	}
	return t
}

// symbolOperator scans + * / % ! = ?? and friends; anything else is an error
// character.
func (l *lexer) symbolOperator(s string, i int, r rune, w int, m lexMode) rawTok {
	next := byte(0)
	if i+1 < len(s) {
		next = s[i+1]
	}
	op := func(k TokenKind, n int) rawTok {
		return rawTok{kind: k, start: i, end: i + n, op: s[i : i+n]}
	}
	switch r {
	case '+':
		switch next {
		case '+':
			return op(TokOperator, 2)
		case '=':
			return op(TokAssign, 2)
		}
		return op(TokOperator, 1)
	case '*', '/', '%':
		if next == '=' {
			return op(TokAssign, 2)
		}
		if r == '*' && next == '>' { // $x++ *>&1: a redirection, never a product
			return l.redirection(s, i)
		}
		if m == modeStatement && r != '*' {
			return l.generic(s, i)
		}
		return op(TokOperator, 1)
	case '!':
		return op(TokOperator, 1)
	case '=':
		return op(TokAssign, 1)
	case '?':
		if next == '?' {
			if i+2 < len(s) && s[i+2] == '=' {
				return op(TokAssign, 3)
			}
			return op(TokOperator, 2)
		}
		if next == '.' {
			return op(TokOperator, 2)
		}
		if m == modeStatement {
			return l.generic(s, i)
		}
		return op(TokOperator, 1)
	}
	if m == modeStatement {
		return l.keywordOrGeneric(s, i)
	}
	return rawTok{kind: TokError, start: i, end: i + w}
}

// keywords are the reserved words recognised at statement start.
var keywords = map[string]bool{
	"if": true, "elseif": true, "else": true, "foreach": true, "for": true, "while": true,
	"do": true, "until": true, "switch": true, "try": true, "catch": true, "finally": true,
	"function": true, "filter": true, "workflow": true, "throw": true, "return": true,
	"exit": true, "break": true, "continue": true, "param": true, "begin": true,
	"process": true, "end": true, "dynamicparam": true, "clean": true, "trap": true, "data": true,
	"class": true, "enum": true, "using": true, "configuration": true,
}

// keywordOrGeneric scans a statement-start word: a keyword or a command name.
func (l *lexer) keywordOrGeneric(s string, i int) rawTok {
	t := l.generic(s, i)
	if n := t.end - t.start; n >= 2 && n <= 13 {
		if w := strings.ToLower(s[t.start:t.end]); keywords[w] {
			t.kind, t.op = TokKeyword, w
		}
	}
	return t
}

// number scans a numeric literal at i. In command mode a number must end at
// a separator, else the whole word is a bare word (`1.2.3.4`, `10.0.0.0/24`).
func (l *lexer) number(s string, i int, m lexMode) rawTok {
	j := i
	if r, w := runeAt(s, j); isDash(r) {
		j += w
	}
	start := j
	if j+1 < len(s) && s[j] == '0' && (s[j+1] == 'x' || s[j+1] == 'X') && j+2 < len(s) && isHexDigit(s[j+2]) {
		j += 2
		for j < len(s) && isHexDigit(s[j]) {
			j++
		}
	} else {
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
			j++
			for j < len(s) && isDigit(s[j]) {
				j++
			}
		} else if j > start && j < len(s) && s[j] == '.' && trailingDot(s, j+1) {
			j++ // 20. is the double 20
		}
		if j > start && j < len(s) && (s[j] == 'e' || s[j] == 'E') {
			k := j + 1
			if k < len(s) && (s[k] == '+' || s[k] == '-') {
				k++
			}
			if k < len(s) && isDigit(s[k]) {
				for k < len(s) && isDigit(s[k]) {
					k++
				}
				j = k
			}
		}
	}
	j = numberSuffix(s, j)
	t := rawTok{kind: TokNumber, start: i, end: j}
	switch m {
	case modeCommand:
		r, _ := runeAt(s, j)
		if r >= 0 && !isGenericEnd(r) {
			return l.generic(s, i)
		}
	case modeStatement:
		// PowerShell reads `7z a x.zip` and `2?3:4` as commands: a number
		// ends only at white space or an operator character.
		if r, _ := runeAt(s, j); r >= 0 && !endsNumber(r) {
			return l.generic(s, i)
		}
	}
	return t
}

// trailingDot reports that the character at i (after `20.`) leaves the
// dot to the number: not a second dot (a range), a name (a member) or a
// digit.
func trailingDot(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := runeAt(s, i)
	return r != '.' && !isNameChar(r) && r != '$' && r != '(' && r != '\'' && r != '"' && !isQuote(r)
}

// endsNumber: the characters after which a number token ends
// (CharTraits.ForceStartNewTokenAfterNumber, white space, separators).
func endsNumber(r rune) bool {
	switch r {
	case '!', '#', '%', '*', '+', '-', '.', '/', '<', '=', '>', ']', ')', '}', '(', '{', '[', ',', ';', '|', '&', '\n', '\r':
		return true
	}
	return isSpace(r) || isDash(r)
}

// numberSuffix consumes a type suffix (l, d, u, ul, y, uy, s, us, n) and a
// multiplier (kb, mb, gb, tb, pb), when followed by a non-name character.
func numberSuffix(s string, j int) int {
	lower := func(k int) byte {
		if k < len(s) {
			return s[k] | 0x20
		}
		return 0
	}
	k := j
	switch lower(k) {
	case 'u':
		k++
		if c := lower(k); c == 'l' || c == 'y' || c == 's' {
			k++
		}
	case 'l', 'd', 'y', 's', 'n':
		k++
	}
	if c, c2 := lower(k), lower(k+1); c2 == 'b' && (c == 'k' || c == 'm' || c == 'g' || c == 't' || c == 'p') {
		k += 2
	}
	if k == j {
		return j
	}
	if r, _ := runeAt(s, k); r >= 0 && isNameChar(r) {
		return j
	}
	return k
}

// variable scans $name, ${...}, $scope:name, $$, $?, $^, $( and a lone $.
func (l *lexer) variable(s string, i int, m lexMode) rawTok {
	if i+1 >= len(s) {
		return l.loneDollar(s, i, m)
	}
	switch s[i+1] {
	case '(':
		return rawTok{kind: TokDollarParen, start: i, end: i + 2}
	case '{':
		j := i + 2
		for j < len(s) {
			switch s[j] {
			case '`':
				if _, n := unicodeEscape(s, j); n > 2 { // ${a`u{2195}}
					j += n
					continue
				}
				j++
				if j < len(s) {
					_, w := runeAt(s, j)
					j += w
				}
				continue
			case '}':
				return rawTok{kind: TokVariable, start: i, end: j + 1}
			}
			j++
		}
		// ${ names may span lines; unclosed, the token ends at its line
		// end so that parsing resumes on the next line.
		return rawTok{kind: TokVariable, start: i, end: lineEnd(s, i), flags: FlagUnterminated}
	case '$', '?', '^':
		return rawTok{kind: TokVariable, start: i, end: i + 2}
	}
	j := nameEnd(s, i+1, true)
	if j == i+1 {
		return l.loneDollar(s, i, m)
	}
	return rawTok{kind: TokVariable, start: i, end: j}
}

// nameEnd returns the end of a variable name starting at i; with scope, a
// `scope:` prefix followed by a name character is part of it.
func nameEnd(s string, i int, scope bool) int {
	j := i
	for j < len(s) {
		r, w := runeAt(s, j)
		if r == '?' && j > i { // $x? is a variable name (so ${x}?.y is the null-conditional form)
			j++
			continue
		}
		if !isNameChar(r) {
			if scope && r == ':' && j > i && j+1 < len(s) && s[j+1] != ':' {
				if r2, _ := runeAt(s, j+1); isNameChar(r2) {
					scope = false
					j++
					continue
				}
			}
			break
		}
		j += w
	}
	return j
}

func (l *lexer) loneDollar(s string, i int, m lexMode) rawTok {
	if m == modeCommand || m == modeStatement {
		return l.generic(s, i)
	}
	return rawTok{kind: TokError, start: i, end: i + 1}
}

// at scans @( @{ @name and here-strings.
func (l *lexer) at(s string, i int, m lexMode) rawTok {
	r, w := runeAt(s, i+1)
	switch {
	case r == '(':
		return rawTok{kind: TokAtParen, start: i, end: i + 2}
	case r == '{':
		return rawTok{kind: TokAtBrace, start: i, end: i + 2}
	case isQuote(r):
		// A here-string header is @" (or @') followed only by white space
		// up to the end of the line.
		j := l.spaceEnd(s, i+1+w)
		if j >= len(s) || isNewlineByte(s[j]) {
			return l.hereString(s, i, w, isDoubleQuote(r), j)
		}
	case r >= 0 && isNameChar(r):
		return rawTok{kind: TokSplat, start: i, end: nameEnd(s, i+1, true)}
	}
	return rawTok{kind: TokError, start: i, end: i + 1}
}

// hereString scans from `@"` to a line starting with `"@` (any quote of
// the same family). j is the end of the header line.
func (l *lexer) hereString(s string, i, qw int, double bool, j int) rawTok {
	k := TokHereString
	if double {
		k = TokExpandableHereString
	}
	t := rawTok{kind: k, start: i}
	if qw > 1 {
		t.flags |= FlagTypographic
	}
	// skip the header's line terminator
	if j < len(s) && s[j] == '\r' {
		j++
	}
	if j < len(s) && s[j] == '\n' {
		j++
	}
	for j < len(s) {
		r, w := runeAt(s, j)
		if (double && isDoubleQuote(r) || !double && isSingleQuote(r)) && j+w < len(s) && s[j+w] == '@' {
			if w > 1 {
				t.flags |= FlagTypographic
			}
			t.end = j + w + 1
			return t
		}
		// not a closing line: go to the next line
		e := lineEnd(s, j)
		if e < len(s) && s[e] == '\r' {
			e++
		}
		if e < len(s) && s[e] == '\n' {
			e++
		}
		j = e
	}
	t.end = len(s)
	t.flags |= FlagUnterminated
	return t
}

// singleQuoted scans '...' where any single quote closes and two in a row
// are an escaped quote. Unterminated, the token ends at its line end so the
// parser can resume on the next line.
func (l *lexer) singleQuoted(s string, i int) rawTok {
	if i == l.cut {
		s = s[:lineEnd(s, i)]
	}
	_, w := runeAt(s, i)
	t := rawTok{kind: TokString, start: i}
	if w > 1 {
		t.flags |= FlagTypographic
	}
	j := i + w
	for j < len(s) {
		c := s[j]
		if c < 0x80 && c != '\'' {
			j++
			continue
		}
		r, rw := runeAt(s, j)
		if isSingleQuote(r) {
			if r2, w2 := runeAt(s, j+rw); r2 >= 0 && isSingleQuote(r2) {
				j += rw + w2
				continue
			}
			if rw > 1 {
				t.flags |= FlagTypographic
			}
			t.end = j + rw
			return t
		}
		j += rw
	}
	t.end = lineEnd(s, i)
	t.flags |= FlagUnterminated
	return t
}

// doubleQuoted scans "..." with backtick escapes, doubled quotes and
// $( ... ) sub-expressions (which may hold strings themselves).
func (l *lexer) doubleQuoted(s string, i int) rawTok {
	if i == l.cut {
		s = s[:lineEnd(s, i)]
	}
	_, w := runeAt(s, i)
	t := rawTok{kind: TokExpandableString, start: i}
	if w > 1 {
		t.flags |= FlagTypographic
	}
	j := i + w
	for j < len(s) {
		c := s[j]
		switch {
		case c == '`':
			j++
			if j < len(s) {
				_, rw := runeAt(s, j)
				j += rw
			}
			continue
		case c == '$' && j+1 < len(s) && s[j+1] == '(':
			e, ok := l.subExprEnd(s, j+2)
			if !ok {
				t.end = lineEnd(s, i)
				t.flags |= FlagUnterminated
				return t
			}
			j = e
			continue
		case c < 0x80 && c != '"':
			j++
			continue
		}
		r, rw := runeAt(s, j)
		if isDoubleQuote(r) {
			if r2, w2 := runeAt(s, j+rw); r2 >= 0 && isDoubleQuote(r2) {
				j += rw + w2
				continue
			}
			if rw > 1 {
				t.flags |= FlagTypographic
			}
			t.end = j + rw
			return t
		}
		j += rw
	}
	t.end = lineEnd(s, i)
	t.flags |= FlagUnterminated
	return t
}

// subExprEnd finds the end (just after the matching `)`) of a sub-expression
// whose content starts at i, lexing its tokens so that parentheses inside
// nested strings and comments do not count.
func (l *lexer) subExprEnd(s string, i int) (int, bool) {
	l.depth++
	defer func() { l.depth-- }()
	if l.maxDepth > 0 && l.depth > l.maxDepth {
		l.depthHit = true
		return 0, false
	}
	level := 0
	for i < len(s) && !l.workHit {
		t := l.scan(i, len(s), modeExpr)
		if t.flags&FlagUnterminated != 0 && (t.kind == TokExpandableString || t.kind == TokString ||
			t.kind == TokHereString || t.kind == TokExpandableHereString || t.kind == TokBlockComment) {
			return 0, false
		}
		switch t.kind {
		case TokLParen, TokAtParen, TokDollarParen, TokLBrace, TokAtBrace:
			level++
		case TokRParen, TokRBrace:
			if level == 0 {
				if t.kind == TokRParen {
					return t.end, true
				}
			} else {
				level--
			}
		}
		i = t.end
	}
	return 0, false
}
