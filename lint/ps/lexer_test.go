package ps

import (
	"strings"
	"testing"
)

// tokenSummary renders tokens as "kind:text" (trivia and newlines as their kind only).
func tokenSummary(toks []Token) string {
	var parts []string
	for _, t := range toks {
		switch t.Kind {
		case TokWhitespace:
			continue
		case TokNewline, TokLineContinuation:
			parts = append(parts, t.Kind.String())
		default:
			parts = append(parts, t.Kind.String()+":"+t.Text)
		}
	}
	return strings.Join(parts, " ")
}

func TestLexTokens(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"line comment", "# hello\n$a", "comment:# hello newline variable:$a"},
		{"block comment", "<# a\n b #>$a", "block-comment:<# a\n b #> variable:$a"},
		{"requires", "#Requires -Modules Az\n#requiresX", "requires:#Requires -Modules Az newline comment:#requiresX"},
		{"variables", "$a;$A:b;${x y};$_;$$;$?;$^;$true", "variable:$a ;:; variable:$A:b ;:; variable:${x y} ;:; variable:$_ ;:; variable:$$ ;:; variable:$? ;:; variable:$^ ;:; variable:$true"},
		{"scope not static", "$a::b", "variable:$a ::::: identifier:b"},
		{"splat", "f @p", "generic:f splat:@p"},
		{"numbers", "1;0x1F;1.5e3;1kb;10L;.5;7d", "number:1 ;:; number:0x1F ;:; number:1.5e3 ;:; number:1kb ;:; number:10L ;:; number:.5 ;:; number:7d"},
		{"ipv4 expression", "1.2.3.4", "number:1.2 .:. identifier:3 .:. identifier:4"},
		{"ipv4 argument", "f 1.2.3.4", "generic:f generic:1.2.3.4"},
		{"number argument", "f 42 -1", "generic:f number:42 number:-1"},
		{"strings", `'a''b' "c""d" ‘e’ “f”`, "string:'a''b' expandable-string:\"c\"\"d\" string:‘e’ expandable-string:“f”"},
		{"mixed typographic close", "“a\" 'b’", "expandable-string:“a\" string:'b’"},
		{"here-strings", "@'\nx\n'@\n@\"\ny\n\"@", "here-string:@'\nx\n'@ newline expandable-here-string:@\"\ny\n\"@"},
		{"here-string not closed mid-line", "@'\nx '@\n'@", "here-string:@'\nx '@\n'@"},
		{"sub-expression string", `"a $(")") b"`, "expandable-string:\"a $(\")\") b\""},
		{"operators", "$a -eq 1 -and $b -CNE 2", "variable:$a operator:-eq number:1 operator:-and variable:$b operator:-CNE number:2"},
		{"typographic dash operator", "$a –eq 1", "variable:$a operator:–eq number:1"},
		{"arithmetic", "$a + 1 * 2 / 3 % 4", "variable:$a operator:+ number:1 operator:* number:2 operator:/ number:3 operator:% number:4"},
		{"assign ops", "$a += 1; $b -= 2; $c ??= 3", "variable:$a assign:+= number:1 ;:; variable:$b assign:-= number:2 ;:; variable:$c assign:??= number:3"},
		{"parameters", "f -Name x -Flag:$true —Dash y", "generic:f parameter:-Name generic:x parameter:-Flag: variable:$true parameter:—Dash generic:y"},
		{"command words", "Get-Culture en-US .\\x.ps1", "generic:Get-Culture generic:en-US generic:.\\x.ps1"},
		{"keywords", "if ($a) { } else { }", "keyword:if (:( variable:$a ):) {:{ }:} keyword:else {:{ }:}"},
		{"continuation", "f `\n -a", "generic:f line-continuation parameter:-a"},
		{"continuation crlf", "f `\r\n -a", "generic:f line-continuation parameter:-a"},
		{"brackets", "@(1); @{a=1}; $(2); [int]", "@(:@( number:1 ):) ;:; @{:@{ identifier:a assign:= number:1 }:} ;:; $(:$( number:2 ):) ;:; [:[ identifier:int ]:]"},
		{"pipes and chains", "a | b && c || d", "generic:a |:| generic:b &&:&& generic:c ||:|| generic:d"},
		{"redirection", "a > f 2>&1", "generic:a redirection:> generic:f redirection:2>&1"},
		{"dot source", ". ./x.ps1", ".:. generic:./x.ps1"},
		{"call", "& $x", "&:& variable:$x"},
		{"range", "1..3", "number:1 operator:.. number:3"},
		{"member and static", "$a.b; [x]::y", "variable:$a .:. identifier:b ;:; [:[ identifier:x ]:] ::::: identifier:y"},
		{"error char", "$a + ^", "variable:$a operator:+ error:^"},
		{"unknown command name", "$a = ^", "variable:$a assign:= generic:^"},
		{"nbsp is white space", "$a\u00a0=\u00a01", "variable:$a assign:= number:1"},
		{"newlines", "a\r\nb\rc\n", "generic:a newline generic:b newline generic:c newline"},
		{"case-insensitive keyword", "IF ($a) {}", "keyword:IF (:( variable:$a ):) {:{ }:}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := NewSource(tc.in)
			toks := Lex(src)
			checkRoundTrip(t, src, toks)
			if got := tokenSummary(toks); got != tc.want {
				t.Errorf("Lex(%q)\n got %s\nwant %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestTokenDetails(t *testing.T) {
	toks := Lex(NewSource("f –Name “x” -eq"))
	var param, str Token
	for _, tok := range toks {
		switch tok.Kind {
		case TokParameter:
			if param.Kind != TokParameter {
				param = tok
			}
		case TokExpandableString:
			str = tok
		}
	}
	if param.Op != "-name" || !param.Typographic() {
		t.Errorf("parameter op %q typographic %v", param.Op, param.Typographic())
	}
	if !str.Typographic() || str.Unterminated() {
		t.Errorf("string flags %v", str.Flags)
	}
	f, _ := parseText(t, "$a = “x”")
	lit := f.Statements[0].(*AssignmentStmt).ValueExpr().(*StringLiteral)
	if !lit.Typographic || lit.Quote != QuoteDouble || lit.Raw != "“x”" {
		t.Errorf("literal %+v", lit)
	}
}

// Lex returns the lossless token stream of src: the tokens' texts
// concatenate to src.Text. Command and expression mode are told apart by
// the parser, so Lex parses (with DefaultLimits) and returns its tokens: the lexer's
// tests read the stream the parser produces.
func Lex(src *Source) []Token {
	return Parse(src, DefaultLimits()).Tokens
}
