package ps

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// number converts a number token.
func (p *parser) number(t Token) *Number {
	n := &Number{Base: Base{t.Span}, Text: t.Text}
	s := strings.ToLower(t.Text)
	neg := false
	if r, w := runeAt(s, 0); isDash(r) {
		neg, s = true, s[w:]
	}
	for _, m := range [...]string{"kb", "mb", "gb", "tb", "pb"} {
		if strings.HasSuffix(s, m) {
			n.Multiplier, s = m, s[:len(s)-2]
			break
		}
	}
	hex := strings.HasPrefix(s, "0x")
	for _, suf := range [...]string{"ul", "uy", "us", "l", "d", "u", "y", "s", "n"} {
		if strings.HasSuffix(s, suf) && (!hex || suf != "d") { // d is a hex digit
			n.Suffix, s = suf, s[:len(s)-len(suf)]
			break
		}
	}
	mult := int64(1)
	switch n.Multiplier {
	case "kb":
		mult = 1 << 10
	case "mb":
		mult = 1 << 20
	case "gb":
		mult = 1 << 30
	case "tb":
		mult = 1 << 40
	case "pb":
		mult = 1 << 50
	}
	switch {
	case hex:
		n.Hex = true
		u, err := strconv.ParseUint(s[2:], 16, 64)
		if err != nil {
			// PowerShell 7 reads a longer hex literal as a BigInteger
			bi, ok := new(big.Int).SetString(s[2:], 16)
			if !ok {
				n.Invalid = true
				break
			}
			n.Float, _ = new(big.Float).SetInt(bi).Float64()
			break
		}
		n.IsInt, n.Int = true, int64(u)
		if n.Suffix == "" && u <= math.MaxUint32 && u > math.MaxInt32 {
			n.Int = int64(int32(uint32(u))) // PowerShell reads 0xFFFFFFFF as the int -1
		}
	case strings.ContainsAny(s, ".e") || n.Suffix == "d":
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			n.Invalid = true
		}
		n.Float = f
	default:
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			f, ferr := strconv.ParseFloat(s, 64) // too big for int64: PowerShell makes it a double
			if ferr != nil {
				n.Invalid = true
			}
			n.Float = f
		} else {
			n.IsInt, n.Int = true, i
		}
	}
	if n.IsInt {
		if mult != 1 {
			if n.Int > math.MaxInt64/mult || n.Int < math.MinInt64/mult {
				n.IsInt, n.Float = false, float64(n.Int)*float64(mult)
			} else {
				n.Int *= mult
			}
		}
		if neg {
			n.Int = -n.Int
		}
	}
	if !n.IsInt {
		n.Float *= float64(mult)
		if neg {
			n.Float = -n.Float
		}
	}
	if n.Invalid {
		p.errorf(t.Span, "%s is not a valid number", describe(t.Text))
	}
	return n
}

// escape resolves the character after a backtick.
func escape(r rune) rune {
	switch r {
	case '0':
		return 0
	case 'a':
		return '\a'
	case 'b':
		return '\b'
	case 'e':
		return 0x1b
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case 'v':
		return '\v'
	}
	return r
}

// unescapeBackticks resolves backtick escapes (`n, `u{2013}, `x → x).
func unescapeBackticks(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '`' || i+1 >= len(s) {
			r, w := runeAt(s, i)
			b.WriteRune(r)
			i += w
			continue
		}
		r, n := unicodeEscape(s, i)
		b.WriteRune(r)
		i += n
	}
	return b.String()
}

// unicodeEscape decodes the escape at s[i] == '`', returning the rune and
// the bytes consumed.
func unicodeEscape(s string, i int) (rune, int) {
	if i+2 < len(s) && s[i+1] == 'u' && s[i+2] == '{' {
		if j := strings.IndexByte(s[i+3:], '}'); j > 0 && j <= 6 {
			if v, err := strconv.ParseUint(s[i+3:i+3+j], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
				return rune(v), 3 + j + 1
			}
		}
	}
	r, w := runeAt(s, i+1)
	if w == 0 {
		return '`', 1
	}
	return escape(r), 1 + w
}

// badUnicodeEscape says what is wrong with the `u escape that s starts
// with, as PowerShell 7 rejects it (Windows PowerShell 5.1 has no `u
// escape and reads the letter u), or "".
func badUnicodeEscape(s string) string {
	const form = "`u{X} with 1 to 6 hex digits, at most 10FFFF"
	if len(s) < 3 || s[2] != '{' {
		return "invalid Unicode escape: `u must be followed by {hex digits} (" + form + ")"
	}
	digits := 0
	for i := 3; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '}':
			if digits == 0 {
				return "invalid Unicode escape `u{}: no hex digits (" + form + ")"
			}
			if v, _ := strconv.ParseUint(s[3:i], 16, 32); v > 0x10FFFF {
				return "invalid Unicode escape " + s[:i+1] + ": the value is above 10FFFF"
			}
			return ""
		case isHexDigit(c):
			digits++
			if digits > 6 {
				return "invalid Unicode escape: more than 6 hex digits in `u{" + " (" + form + ")"
			}
		default:
			_, w := runeAt(s, i)
			return "invalid Unicode escape: " + describe(s[i:i+w]) + " is not a hex digit (" + form + ")"
		}
	}
	return "invalid Unicode escape: `u{ is missing its closing } (" + form + ")"
}

// stringExpr converts a string token into a StringLiteral or, when it has
// variables or sub-expressions, an ExpandableString.
func (p *parser) stringExpr(t Token) Expression {
	raw := t.Text
	_, qw := runeAt(raw, 0)
	typo := t.Typographic()
	switch t.Kind {
	case TokString:
		body := raw[qw:]
		if !t.Unterminated() {
			_, cw := lastRune(body)
			body = body[:len(body)-cw]
		}
		return &StringLiteral{Base{t.Span}, QuoteSingle, typo, raw, undoubleQuotes(body, isSingleQuote)}
	case TokHereString:
		body := hereBody(raw, t.Unterminated())
		return &StringLiteral{Base{t.Span}, QuoteHereSingle, typo, raw, body}
	}
	quote := QuoteDouble
	var cs, ce int // content byte range within raw
	if t.Kind == TokExpandableHereString {
		quote = QuoteHereDouble
		cs, ce = hereRange(raw, t.Unterminated())
	} else {
		cs, ce = qw, len(raw)
		if !t.Unterminated() {
			_, cw := lastRune(raw)
			ce -= cw
		}
	}
	parts, literal := p.expandParts(t, cs, ce, quote == QuoteDouble)
	if literal != nil {
		return &StringLiteral{Base{t.Span}, quote, typo, raw, *literal}
	}
	return &ExpandableString{Base{t.Span}, quote, typo, raw, parts}
}

func lastRune(s string) (rune, int) { return utf8.DecodeLastRuneInString(s) }

func undoubleQuotes(s string, isQ func(rune) bool) string {
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); {
		r, w := runeAt(s, i)
		if isQ(r) {
			if r2, w2 := runeAt(s, i+w); w2 > 0 && isQ(r2) {
				b.WriteRune(r)
				i += w + w2
				changed = true
				continue
			}
		}
		b.WriteRune(r)
		i += w
	}
	if !changed {
		return s
	}
	return b.String()
}

// hereRange returns the content of a here-string: from after the header's
// line break to before the line break that precedes the terminator.
func hereRange(raw string, unterminated bool) (int, int) {
	i := strings.IndexAny(raw, "\r\n")
	if i < 0 {
		return len(raw), len(raw)
	}
	if raw[i] == '\r' && i+1 < len(raw) && raw[i+1] == '\n' {
		i++
	}
	i++
	end := len(raw)
	if !unterminated {
		_, w := lastRune(raw[:len(raw)-1])
		end = len(raw) - 1 - w // before the closing quote
		if end > i && raw[end-1] == '\n' {
			end--
		}
		if end > i && raw[end-1] == '\r' {
			end--
		}
	}
	if end < i {
		end = i
	}
	return i, end
}

func hereBody(raw string, unterminated bool) string {
	a, b := hereRange(raw, unterminated)
	return raw[a:b]
}

// expandParts splits the content raw[cs:ce] of an expandable string into
// text, variable and sub-expression parts. When it has no variables or
// sub-expressions it returns the constant value instead.
func (p *parser) expandParts(t Token, cs, ce int, doubled bool) ([]Expression, *string) {
	raw := t.Text
	if plainContent(raw[cs:ce]) { // most strings: nothing to expand or unescape
		s := raw[cs:ce]
		return nil, &s
	}
	base := t.off
	var parts []Expression
	var lit strings.Builder
	litStart := cs
	roff := t.Span.Start.Offset + utf8.RuneCountInString(raw[:cs])
	litRoff := roff
	dynamic := false
	flush := func(at, atRoff int) {
		if at > litStart {
			parts = append(parts, &StringText{Base{Span{p.pos(litRoff), p.pos(atRoff)}}, raw[litStart:at], lit.String()})
		}
		lit.Reset()
	}
	for j := cs; j < ce && !p.stopped; {
		c := raw[j]
		switch {
		case c == '`':
			if j+1 < ce && raw[j+1] == 'u' && (t.Kind == TokExpandableString || t.Kind == TokExpandableHereString) {
				if why := badUnicodeEscape(raw[j:ce]); why != "" {
					p.errorf(Span{p.pos(roff), p.pos(roff + 2)}, "%s", why)
				}
			}
			r, n := unicodeEscape(raw[:ce], j)
			lit.WriteRune(r)
			roff += utf8.RuneCountInString(raw[j : j+n])
			j += n
			continue
		case c == '$' && j+1 < ce && raw[j+1] == '(':
			e, ok := p.lx.subExprEnd(p.text[:base+ce], base+j+2)
			if !ok {
				break
			}
			dynamic = true
			flush(j, roff)
			startPos := p.pos(roff)
			n := utf8.RuneCountInString(p.text[base+j : e])
			sub := &SubExpression{Base: Base{Span{startPos, p.pos(roff + n)}}}
			p.region(base+j+2, e-1, roff+2, func() {
				if p.enter() {
					sub.Statements = p.statementList(TokEOF)
				}
				p.leave()
			})
			parts = append(parts, sub)
			roff += n
			j = e - base
			litStart, litRoff = j, roff
			continue
		case c == '$' && j+1 < ce:
			vt := p.lx.variable(p.text[:base+ce], base+j, modeExpr)
			if vt.kind != TokVariable || vt.flags&FlagUnterminated != 0 {
				break
			}
			dynamic = true
			flush(j, roff)
			text := p.text[vt.start:vt.end]
			n := utf8.RuneCountInString(text)
			parts = append(parts, p.variable(Token{Kind: TokVariable, Text: text, Span: Span{p.pos(roff), p.pos(roff + n)}}))
			roff += n
			j = vt.end - base
			litStart, litRoff = j, roff
			continue
		}
		r, w := runeAt(raw[:ce], j)
		if doubled && isDoubleQuote(r) {
			if r2, w2 := runeAt(raw[:ce], j+w); w2 > 0 && isDoubleQuote(r2) {
				lit.WriteRune(r)
				j += w + w2
				roff += 2
				continue
			}
		}
		lit.WriteRune(r)
		j += w
		roff++
	}
	if !dynamic {
		s := lit.String()
		return nil, &s
	}
	flush(ce, roff)
	return parts, nil
}

// region parses text[start:end] (a sub-expression inside a string or a
// #Requires line) with fn, keeping its tokens out of File.Tokens.
func (p *parser) region(start, end, roff int, fn func()) {
	saved := *p
	scratch := p.scratch[:0]
	p.off, p.end, p.roff, p.toks, p.cacheOK = start, end, roff, &scratch, false
	fn()
	saved.stopped, saved.diags, saved.depth, saved.line = p.stopped, p.diags, p.depth, p.line
	if cap(scratch) > cap(saved.scratch) {
		saved.scratch = scratch[:0]
	}
	*p = saved
}

// plainContent reports string content without `$`, backticks or quote
// characters (which could be doubled): its value is its text.
func plainContent(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '$' || c == '`' || c == '"' || c == '\'':
			return false
		case c >= 0x80:
			r, _ := runeAt(s, i)
			if isQuote(r) {
				return false
			}
		}
	}
	return true
}
