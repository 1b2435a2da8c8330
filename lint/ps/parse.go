package ps

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pxlint/pxlint/lint/safeio"
)

// Limits bound the work of one parse. Exceeding one is a PX011 diagnostic
// and parsing stops; the token stream still covers the whole text.
type Limits struct {
	// MaxBytes is the largest decoded text accepted, in bytes.
	MaxBytes int
	// MaxDepth is the deepest nesting of blocks, parentheses, arrays,
	// hashtables, sub-expressions, prefix operators and strings-in-strings.
	MaxDepth int
	// MaxTokens is the most tokens File.Tokens may hold.
	MaxTokens int
	// MaxWork caps the bytes the lexer scans, re-scans included (lexing a
	// token again in another mode, strings scanned to find their end).
	// Zero means 32 × MaxBytes.
	MaxWork int
}

// DefaultLimits are generous for any real variables script (a few KiB) and
// small enough that hostile input finishes quickly.
func DefaultLimits() Limits {
	return Limits{MaxBytes: safeio.DecodedBytes, MaxDepth: 256, MaxTokens: 2_000_000}
}

func (lim Limits) normalized() Limits {
	d := DefaultLimits()
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = d.MaxBytes
	}
	if lim.MaxDepth <= 0 {
		lim.MaxDepth = d.MaxDepth
	}
	if lim.MaxTokens <= 0 {
		lim.MaxTokens = d.MaxTokens
	}
	if lim.MaxWork <= 0 {
		lim.MaxWork = 32 * lim.MaxBytes
	}
	return lim
}

// Names of limits in Stats.Limit.
const (
	LimitBytes  = "bytes"
	LimitDepth  = "depth"
	LimitTokens = "tokens"
	LimitWork   = "work"
)

// ParseBytes decodes and parses.
func ParseBytes(b []byte, lim Limits) (*Source, *File) {
	src := Decode(b)
	return src, Parse(src, lim)
}

// Parse parses a decoded script. It never fails: syntax errors are PX001
// diagnostics, exceeded limits PX011 (parsing then stops; File.Statements
// holds what was parsed before).
//
// When the parse fails after a quoted string that runs over line breaks,
// the likely cause is a missing closing quote there (the string swallowed
// the following lines and later quotes paired up wrongly): the script is
// parsed again with that string ended at its line, and the PX001 points
// at the string, with PowerShell's own error position as a related
// location (see runOnString).
func Parse(src *Source, lim Limits) *File {
	lim = lim.normalized()
	f := parseOnce(src, lim, -1)
	if f.Stats.Limit != "" {
		return f
	}
	if better := runOnString(src, lim, f); better != nil {
		return better
	}
	return f
}

// parseOnce parses src; cut >= 0 is the byte offset of a quoted string
// that is to end at its line end (see runOnString).
func parseOnce(src *Source, lim Limits, cut int) *File {
	f := &File{}
	p := &parser{
		src:  src,
		text: src.Text,
		end:  len(src.Text),
		lim:  lim,
		file: f,
		lx:   &lexer{text: src.Text, maxDepth: lim.MaxDepth, maxWork: lim.MaxWork, cut: cut},
	}
	p.toks = &f.Tokens
	p.scratch = make([]Token, 0, 64)
	if len(src.Text) > lim.MaxBytes {
		p.stopped = true
		f.Stats.Limit = LimitBytes
		f.Tokens = []Token{{Kind: TokError, Text: src.Text, Span: Span{src.Pos(0), src.Pos(src.Len())}}}
		f.Diagnostics = append(f.Diagnostics, Diagnostic{Rule: RuleAnalysisLimit,
			Message: fmt.Sprintf("the script is %d bytes, larger than the %d-byte limit; it was not analysed", len(src.Text), lim.MaxBytes),
			Span:    Span{src.Pos(0), src.Pos(0)}})
		f.Stats.Tokens = 1
		return f
	}
	// Scripts have one token per 4 to 7 bytes; sizing the stream once
	// avoids copying it as it grows.
	f.Tokens = tokenBuffer(min(len(src.Text)/4+16, lim.MaxTokens+1))
	f.Params = p.maybeParamBlock()
	if p.namedBlockNext() {
		// A script written as begin/process/end blocks: each body, in
		// order, is a statement of the file (they run once each when
		// the script is run without pipeline input).
		for _, nb := range p.namedBlocks(TokEOF) {
			f.Statements = append(f.Statements, nb.Body)
		}
	} else {
		f.Statements = p.statementList(TokEOF)
	}
	p.finishTokens()
	f.Tokens = keepTokens(f.Tokens)
	for _, t := range f.Tokens {
		if t.Kind.IsComment() {
			f.Comments = append(f.Comments, t)
		}
	}
	p.requiresDirectives()
	p.editorBreaksInComments()
	if src.Guessed {
		p.diags = append([]Diagnostic{guessedEncoding(src)}, p.diags...)
	}
	f.Diagnostics = append(f.Diagnostics, p.diags...)
	f.Stats.Tokens = len(f.Tokens)
	f.Stats.Work = p.lx.work
	return f
}

// tokenStreams recycles the token streams of parses: a run parses many
// scripts, and each stream, sized for the densest script, was otherwise a
// fresh allocation of twice the tokens' size or more.
var tokenStreams sync.Pool // of *[]Token

// maxRecycledTokens bounds the streams kept for reuse (a stream of a huge
// script is let go).
const maxRecycledTokens = 1 << 16

// tokenBuffer returns an empty token stream with room for n tokens.
func tokenBuffer(n int) []Token {
	if b, ok := tokenStreams.Get().(*[]Token); ok && cap(*b) >= n {
		return (*b)[:0]
	}
	return make([]Token, 0, n)
}

// keepTokens returns the tokens of a finished stream for the File. The
// stream was sized for the densest script, and a run keeps every script's
// tokens until it is judged: the file gets a copy of the exact length, and
// the stream, cleared (backtracked tokens past its end included, so that it
// keeps no script's text alive), serves the next parse. A huge stream is
// not kept for reuse; it is copied only when much of it is spare.
func keepTokens(stream []Token) []Token {
	if cap(stream) > maxRecycledTokens {
		if spare := cap(stream) - len(stream); spare > len(stream)/4 {
			return slices.Clone(stream)
		}
		return stream
	}
	kept := slices.Clone(stream)
	stream = stream[:0]
	clear(stream[:cap(stream)])
	tokenStreams.Put(&stream)
	return kept
}

// parser is a recursive-descent parser that pulls tokens from the lexer in
// the mode the grammar expects at each point.
type parser struct {
	src  *Source
	text string
	lim  Limits
	file *File
	lx   *lexer

	end      int      // byte end of the region being parsed
	off      int      // byte offset of the next uncommitted character
	roff     int      // code-point offset of off
	toks     *[]Token // where committed tokens go
	last     Pos      // end of the last committed non-trivia token
	lastKind TokenKind

	// scratch receives the tokens of regions (string sub-expressions,
	// #Requires lines), which never reach File.Tokens. They are only
	// written, never read, so nested regions may share the buffer.
	scratch []Token

	depth   int
	stopped bool
	diags   []Diagnostic
	line    int // line index hint for positions

	cacheOK   bool
	cacheOff  int
	cacheMode lexMode
	cache     rawTok
}

// ------------------------------------------------------------ token access

func (p *parser) pos(roff int) Pos {
	s := p.src
	i := p.line
	if i < 0 || i >= len(s.lineRune) || s.lineRune[i] > roff {
		return s.Pos(roff)
	}
	for n := 0; i+1 < len(s.lineRune) && s.lineRune[i+1] <= roff; n++ {
		if n == 8 {
			return s.Pos(roff)
		}
		i++
	}
	p.line = i
	return Pos{Offset: roff, Line: i + 1, Col: roff - s.lineRune[i] + 1}
}

// peekRaw lexes the token at the current offset in mode m (cached).
func (p *parser) peekRaw(m lexMode) rawTok {
	if p.stopped || p.off >= p.end {
		return rawTok{kind: TokEOF, start: p.off, end: p.off}
	}
	if p.cacheOK && p.cacheOff == p.off && (p.cacheMode == m || modeIndependent(p.cache.kind)) {
		return p.cache
	}
	t := p.lx.scan(p.off, p.end, m)
	if p.lx.depthHit {
		p.limit(LimitDepth, fmt.Sprintf("strings nested deeper than %d", p.lim.MaxDepth))
		return rawTok{kind: TokEOF, start: p.off, end: p.off}
	}
	if p.lx.workHit {
		p.limit(LimitWork, fmt.Sprintf("lexing work exceeded %d bytes scanned", p.lim.MaxWork))
		return rawTok{kind: TokEOF, start: p.off, end: p.off}
	}
	p.cacheOK, p.cacheOff, p.cacheMode, p.cache = true, p.off, m, t
	return t
}

// modeIndependent reports token kinds that lex the same in every mode, so
// a token peeked in one mode need not be lexed again in another (strings
// especially).
func modeIndependent(k TokenKind) bool {
	switch k {
	case TokVariable, TokDollarParen, TokString, TokExpandableString, TokHereString,
		TokExpandableHereString, TokAtParen, TokAtBrace, TokSplat, TokLParen, TokRParen,
		TokLBrace, TokRBrace, TokSemicolon, TokComma, TokPipe, TokOrOr, TokAndAnd,
		TokAmpersand, TokNewline, TokWhitespace, TokComment, TokBlockComment, TokRequires,
		TokLineContinuation:
		return true
	}
	return false
}

// triviaAt returns the trivia token at the current offset, if any.
func (p *parser) triviaAt(newlines bool) (rawTok, bool) {
	if p.off >= p.end || p.stopped {
		return rawTok{}, false
	}
	c := p.text[p.off]
	switch {
	case c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '#':
	case c == '<' && p.off+1 < p.end && p.text[p.off+1] == '#':
	case c == '`' && p.off+1 < p.end && isNewlineByte(p.text[p.off+1]):
	case newlines && isNewlineByte(c):
	case c >= 0x80:
		if r, _ := runeAt(p.text[:p.end], p.off); !isSpace(r) {
			return rawTok{}, false
		}
	default:
		return rawTok{}, false
	}
	return p.peekRaw(modeExpr), true
}

// skip commits trivia (and newlines when nl).
func (p *parser) skip(nl bool) {
	for {
		t, ok := p.triviaAt(nl)
		if !ok {
			return
		}
		p.commit(t)
	}
}

func (p *parser) skipNL() { p.skip(true) }

// adjacent reports whether the next character directly follows the last
// token (no white space): postfix operators require it.
func (p *parser) adjacent() bool {
	if p.off >= p.end || p.stopped {
		return false
	}
	_, ok := p.triviaAt(true)
	return !ok
}

func (p *parser) peek(m lexMode) rawTok {
	p.skip(false)
	return p.peekRaw(m)
}

func (p *parser) peekNL(m lexMode) rawTok {
	p.skip(true)
	return p.peekRaw(m)
}

func (p *parser) spanOf(t rawTok) Span {
	n := utf8.RuneCountInString(p.text[t.start:t.end])
	start := p.roff
	if t.start != p.off { // not the next token: count from the current offset
		start += utf8.RuneCountInString(p.text[p.off:t.start])
	}
	return Span{p.pos(start), p.pos(start + n)}
}

// commit appends t (which must start at the current offset) to the token
// stream and advances.
func (p *parser) commit(t rawTok) Token {
	if t.kind == TokEOF {
		return Token{Kind: TokEOF, Span: Span{p.pos(p.roff), p.pos(p.roff)}}
	}
	text := p.text[t.start:t.end]
	n := len(text)
	if n > 1 || text[0] >= utf8.RuneSelf {
		n = utf8.RuneCountInString(text)
	}
	tok := Token{Kind: t.kind, Text: text, Op: tokenOp(t, text), Flags: t.flags, off: t.start,
		Span: Span{p.pos(p.roff), p.pos(p.roff + n)}}
	p.off = t.end
	p.roff += n
	p.cacheOK = false
	*p.toks = append(*p.toks, tok)
	if !t.kind.IsTrivia() {
		p.last = tok.Span.End
		p.lastKind = t.kind
	}
	if t.flags&FlagUnterminated != 0 {
		p.errorf(tok.Span, "%s", unterminatedMessage(t.kind))
	}
	if len(*p.toks) > p.lim.MaxTokens {
		p.limit(LimitTokens, fmt.Sprintf("more than %d tokens", p.lim.MaxTokens))
	}
	return tok
}

// tokenOp is Token.Op. A parameter's canonical name is computed only for
// committed tokens (it allocates; a peeked token may be discarded).
func tokenOp(t rawTok, text string) string {
	if t.kind == TokParameter {
		_, w := runeAt(text, 0)
		return lowerParameterOp(strings.TrimSuffix(text[w:], ":"))
	}
	return t.op
}

func unterminatedMessage(k TokenKind) string {
	switch k {
	case TokString, TokExpandableString:
		return "the string is missing its closing quote"
	case TokHereString, TokExpandableHereString:
		return "the here-string is missing its terminator (a line starting with \"@ or '@)"
	case TokBlockComment:
		return "the block comment is missing its closing #>"
	case TokVariable:
		return "the ${...} variable name is missing its closing }"
	}
	return "unterminated token"
}

// next commits and returns the next token in mode m (trivia skipped).
func (p *parser) next(m lexMode) Token { return p.commit(p.peek(m)) }

type mark struct {
	off, roff, ntoks, ndiags int
	last                     Pos
	lastKind                 TokenKind
}

func (p *parser) mark() mark {
	return mark{p.off, p.roff, len(*p.toks), len(p.diags), p.last, p.lastKind}
}

func (p *parser) reset(m mark) {
	p.off, p.roff, p.last, p.lastKind = m.off, m.roff, m.last, m.lastKind
	*p.toks = (*p.toks)[:m.ntoks]
	p.diags = p.diags[:m.ndiags]
	p.cacheOK = false
}

func (p *parser) here() Pos { return p.pos(p.roff) }

// spanFrom is the span from start to the end of the last committed token.
func (p *parser) spanFrom(start Pos) Span {
	if p.last.Offset < start.Offset {
		return Span{start, start}
	}
	return Span{start, p.last}
}

// ----------------------------------------------------------- diagnostics

func (p *parser) errorf(sp Span, format string, args ...any) {
	if p.stopped {
		return
	}
	p.diags = append(p.diags, Diagnostic{Rule: RuleParseError, Message: fmt.Sprintf(format, args...), Span: sp})
}

// limit records a PX011 diagnostic and stops parsing.
func (p *parser) limit(which, what string) {
	if p.stopped {
		return
	}
	at := p.here()
	p.diags = append(p.diags, Diagnostic{Rule: RuleAnalysisLimit,
		Message: fmt.Sprintf("analysis stopped at line %d: %s", at.Line, what),
		Span:    Span{at, at}})
	p.stopped = true
	p.file.Stats.Limit = which
}

// enter increases the nesting depth; false (and parsing stops) beyond MaxDepth.
func (p *parser) enter() bool {
	p.depth++
	if p.depth > p.file.Stats.MaxDepth {
		p.file.Stats.MaxDepth = p.depth
	}
	if p.depth > p.lim.MaxDepth {
		p.limit(LimitDepth, fmt.Sprintf("nesting deeper than %d", p.lim.MaxDepth))
		return false
	}
	return !p.stopped
}

func (p *parser) leave() { p.depth-- }

// finishTokens makes the token stream cover the rest of the text after
// parsing stopped early: lexed flat while the budgets allow, else one
// error token.
func (p *parser) finishTokens() {
	if p.off >= len(p.text) {
		return
	}
	rest := func() {
		text := p.text[p.off:]
		n := utf8.RuneCountInString(text)
		*p.toks = append(*p.toks, Token{Kind: TokError, Text: text, off: p.off,
			Span: Span{p.pos(p.roff), p.pos(p.roff + n)}})
		p.off, p.roff = len(p.text), p.roff+n
	}
	if p.file.Stats.Limit != LimitDepth {
		rest()
		return
	}
	for p.off < len(p.text) {
		if len(*p.toks) >= p.lim.MaxTokens || p.lx.workHit {
			rest()
			return
		}
		p.lx.depthHit = false // a string nested too deeply just ends at its line end
		t := p.lx.scan(p.off, len(p.text), modeExpr)
		text := p.text[t.start:t.end]
		n := utf8.RuneCountInString(text)
		*p.toks = append(*p.toks, Token{Kind: t.kind, Text: text, Op: tokenOp(t, text), Flags: t.flags, off: t.start,
			Span: Span{p.pos(p.roff), p.pos(p.roff + n)}})
		p.off, p.roff = t.end, p.roff+n
	}
}

// guessedEncoding is the PX009 diagnostic of a UTF-16 file without a BOM.
func guessedEncoding(src *Source) Diagnostic {
	order := "little-endian"
	if src.Encoding == EncodingUTF16BE {
		order = "big-endian"
	}
	at := src.Pos(0)
	return Diagnostic{Rule: RuleEncodingRisk, Span: Span{at, at},
		Message: "the file is UTF-16 (" + order + ") without a byte-order mark: PowerShell reads it one byte at a time, " +
			"sees a NUL after every character and cannot run it; pxlint read it as UTF-16 to check the rest",
		Fix: "save the file as UTF-8 with BOM (or as UTF-16 with BOM, \"Unicode\" in Notepad)"}
}

// editorBreakName names the white space characters that editors may draw
// as a line break.
func editorBreakName(r rune) string {
	switch r {
	case 0x85:
		return "U+0085 NEXT LINE"
	case 0x2028:
		return "U+2028 LINE SEPARATOR"
	}
	return "U+2029 PARAGRAPH SEPARATOR"
}

// editorBreaksInComments reports a line comment that runs on past a
// character editors draw as a line break: what looks like the next line
// (an assignment, a secret) is part of the comment to PowerShell, so it
// is neither run nor checked.
func (p *parser) editorBreaksInComments() {
	for _, t := range p.file.Comments {
		if t.Kind != TokComment {
			continue
		}
		for i, r := range t.Text {
			if !isEditorBreak(r) {
				continue
			}
			if strings.TrimFunc(t.Text[i:], isSpace) == "" {
				break
			}
			at := p.src.Pos(t.Span.Start.Offset + utf8.RuneCountInString(t.Text[:i]))
			p.diags = append(p.diags, Diagnostic{Rule: RuleParseError, Span: Span{at, p.src.Pos(at.Offset + 1)},
				Message: fmt.Sprintf("this comment runs on past a %s, which editors show as a line break but PowerShell reads as a space: "+
					"the text after it on line %d is part of the comment, so it is neither run nor checked", editorBreakName(r), at.Line),
				Fix: "replace the character with a real line break (CR LF)"})
			break
		}
	}
}

// editorBreakBefore returns the editor line-break character in the white
// space just before byte offset off on the same line, or 0.
func (p *parser) editorBreakBefore(off int) rune {
	for i := off; i > 0; {
		r, w := utf8.DecodeLastRuneInString(p.text[:i])
		if !isSpace(r) {
			return 0
		}
		if isEditorBreak(r) {
			return r
		}
		i -= w
	}
	return 0
}
