package ps

// TokenKind classifies a token. The lexer is lossless: every character of
// the decoded text belongs to exactly one token, trivia (whitespace,
// newlines, comments, line continuations) included.
type TokenKind uint8

// Token kinds.
const (
	// TokError is a character (or run) that starts no PowerShell token,
	// e.g. a lone `@`; the parser reports it as PX001.
	TokError TokenKind = iota
	// TokWhitespace is a run of spaces, tabs, no-break spaces and other
	// horizontal white space.
	TokWhitespace
	// TokNewline is one line terminator: "\r\n", "\n" or "\r".
	TokNewline
	// TokLineContinuation is a backtick followed by its line terminator.
	TokLineContinuation
	// TokComment is a `#` line comment, without its terminator.
	TokComment
	// TokBlockComment is a `<# ... #>` comment (possibly unterminated).
	TokBlockComment
	// TokRequires is a `#Requires ...` line (a comment to PowerShell's
	// grammar, a directive to its host); File.Requires holds it parsed.
	TokRequires

	// TokVariable is `$name`, `$scope:name`, `${any name}`, `$_`, `$$`, `$?`, `$^`.
	TokVariable
	// TokSplat is `@name`.
	TokSplat
	// TokNumber is a numeric literal: 42, 0x1F, 1.5e3, 1kb, 10L, .5.
	TokNumber
	// TokString is a verbatim (single-quoted) string: '...', ‘...’.
	TokString
	// TokExpandableString is a double-quoted string: "...", “...”.
	TokExpandableString
	// TokHereString is @'...'@.
	TokHereString
	// TokExpandableHereString is @"..."@.
	TokExpandableHereString

	// TokGeneric is a bare word lexed in command mode: a command name
	// (Get-Culture, .\create_vmss_deployment.ps1) or an argument (en-US,
	// 1.2.3.4 as an argument).
	TokGeneric
	// TokIdentifier is a name lexed in expression mode: a member name after
	// `.`/`::`, a hashtable key, a type name inside `[...]`.
	TokIdentifier
	// TokKeyword is a reserved word at statement start (if, foreach, function, ...).
	TokKeyword
	// TokParameter is `-Name` or `-Name:` in command mode (also with an
	// en/em dash or horizontal bar instead of `-`).
	TokParameter
	// TokOperator is an expression operator: + - * / % ! .. , -eq -f -join ...
	// Token.Op holds the canonical spelling (lower case, ASCII dash).
	TokOperator
	// TokAssign is = += -= *= /= %= ??=.
	TokAssign
	// TokRedirection is > >> 2> 2>&1 *> ... .
	TokRedirection

	TokLParen      // (
	TokRParen      // )
	TokLBrace      // {
	TokRBrace      // }
	TokLBracket    // [
	TokRBracket    // ]
	TokAtParen     // @(
	TokAtBrace     // @{
	TokDollarParen // $(
	TokComma       // ,
	TokSemicolon   // ;
	TokPipe        // |
	TokAndAnd      // &&
	TokOrOr        // ||
	TokDot         // . (member access, or dot-source at statement start)
	TokColonColon  // ::
	TokAmpersand   // & (call operator)
	// TokEOF marks the end; it has no text and is never stored in File.Tokens.
	TokEOF
)

var tokenKindNames = [...]string{
	TokError: "error", TokWhitespace: "whitespace", TokNewline: "newline",
	TokLineContinuation: "line-continuation", TokComment: "comment",
	TokBlockComment: "block-comment", TokRequires: "requires",
	TokVariable: "variable", TokSplat: "splat", TokNumber: "number",
	TokString: "string", TokExpandableString: "expandable-string",
	TokHereString: "here-string", TokExpandableHereString: "expandable-here-string",
	TokGeneric: "generic", TokIdentifier: "identifier", TokKeyword: "keyword",
	TokParameter: "parameter", TokOperator: "operator", TokAssign: "assign",
	TokRedirection: "redirection", TokLParen: "(", TokRParen: ")",
	TokLBrace: "{", TokRBrace: "}", TokLBracket: "[", TokRBracket: "]",
	TokAtParen: "@(", TokAtBrace: "@{", TokDollarParen: "$(", TokComma: ",",
	TokSemicolon: ";", TokPipe: "|", TokAndAnd: "&&", TokOrOr: "||",
	TokDot: ".", TokColonColon: "::", TokAmpersand: "&", TokEOF: "EOF",
}

func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) && tokenKindNames[k] != "" {
		return tokenKindNames[k]
	}
	return "token?"
}

// IsTrivia reports whether the kind carries no syntax: whitespace,
// comments and line continuations (newlines are statement terminators and
// therefore not trivia).
func (k TokenKind) IsTrivia() bool {
	switch k {
	case TokWhitespace, TokLineContinuation, TokComment, TokBlockComment, TokRequires:
		return true
	}
	return false
}

// IsComment reports whether the kind is a comment (line, block or #Requires).
func (k TokenKind) IsComment() bool {
	return k == TokComment || k == TokBlockComment || k == TokRequires
}

// TokenFlags carry facts about how a token was written.
type TokenFlags uint8

const (
	// FlagUnterminated: a string, here-string, block comment or `${`
	// variable that reaches the end of its line or of the text unclosed.
	FlagUnterminated TokenFlags = 1 << iota
	// FlagTypographic: a typographic quote (“ ” „ ‘ ’ ‚ ‛) or dash (– — ―)
	// stands where PowerShell also accepts the ASCII one.
	FlagTypographic
)

// Token is one lexeme of the decoded text.
type Token struct {
	Kind TokenKind
	// Text is the exact source text; concatenating the Text of File.Tokens
	// reproduces Source.Text.
	Text string
	Span Span
	// Op is the canonical form of an operator, assignment, parameter or
	// keyword: lower case, typographic dashes replaced by '-', e.g. "-ne",
	// "+=", "-subscriptionid", "foreach". Empty for other kinds.
	Op    string
	Flags TokenFlags
	// off is the byte offset of Text in Source.Text.
	off int
}

// Unterminated reports FlagUnterminated.
func (t Token) Unterminated() bool { return t.Flags&FlagUnterminated != 0 }

// Typographic reports FlagTypographic.
func (t Token) Typographic() bool { return t.Flags&FlagTypographic != 0 }
