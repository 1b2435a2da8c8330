package ps

import (
	"strings"

	"github.com/pxlint/pxlint/lint/rules"
)

// The syntax tree. Every node carries the Span of the source it was parsed
// from (end exclusive, code points). Statements and expressions are
// interfaces with unexported marker methods; switch on the concrete types.
//
// Shape in brief (what the static evaluator walks):
//
//	File.Statements []Statement
//	  *AssignmentStmt  $PxA = "x"; $PxA += @(...); $env:X = 1
//	  *Pipeline        Get-Culture | Select-Object; . .\vars.ps1; & $cmd -X 1
//	  *ExpressionStmt  a lone expression: "text", $x, (1,2)
//	  *IfStmt *ForeachStmt *ForStmt *WhileStmt *DoStmt *SwitchStmt *TryStmt
//	  *FunctionDef *FlowStmt (throw/return/exit/break/continue)
//	  *BlockStmt (a bare `{...}` at statement level is a script block expression; this is for bodies)
//	  *BadStatement    what could not be parsed (a PX001 diagnostic covers it)

// Node is any syntax-tree node.
type Node interface {
	// NodeSpan is the source range of the node.
	NodeSpan() Span
}

// Base holds the span every node has.
type Base struct {
	Span Span
}

// NodeSpan implements Node.
func (b *Base) NodeSpan() Span { return b.Span }

// Statement is a statement node.
type Statement interface {
	Node
	stmtNode()
}

// Expression is an expression node.
type Expression interface {
	Node
	exprNode()
}

// ---------------------------------------------------------------- statements

// AssignmentStmt is `target op value`.
type AssignmentStmt struct {
	Base
	// Target is usually *Variable; also *IndexExpr ($h['k'] = 1),
	// *MemberExpr ($o.Name = 1), *ConvertExpr ([int]$x = 1) or *ArrayLiteral
	// ($a, $b = 1, 2).
	Target Expression
	// Operator is "=", "+=", "-=", "*=", "/=", "%=" or "??=".
	Operator string
	OpSpan   Span
	// Value is the right-hand side: PowerShell allows a whole pipeline or
	// statement there (`$c = Get-Credential ...`, `$x = if (...) {...}`).
	// A plain expression is an *ExpressionStmt; ValueExpr unwraps it.
	Value Statement
}

// ValueExpr returns the right-hand side when it is a plain expression, else nil.
func (a *AssignmentStmt) ValueExpr() Expression { return StatementExpr(a.Value) }

// TargetVariable returns the assigned variable when the target is one
// (also through a cast: [string]$x = ...), else nil.
func (a *AssignmentStmt) TargetVariable() *Variable {
	switch t := a.Target.(type) {
	case *Variable:
		return t
	case *ConvertExpr:
		if v, ok := t.X.(*Variable); ok {
			return v
		}
	}
	return nil
}

// StatementExpr returns the expression of an *ExpressionStmt (also of a
// one-element *Pipeline whose element is an expression), else nil.
func StatementExpr(s Statement) Expression {
	switch s := s.(type) {
	case *ExpressionStmt:
		return s.X
	case *Pipeline:
		if len(s.Elements) == 1 {
			if ce, ok := s.Elements[0].(*CommandExpr); ok {
				return ce.X
			}
		}
	}
	return nil
}

// ExpressionStmt is an expression used as a statement (its value is output).
type ExpressionStmt struct {
	Base
	X Expression
	// Redirections after the expression ($x > out.txt).
	Redirections []*Redirection
}

// Pipeline is one or more commands joined by `|` (a single command call is a
// one-element Pipeline). A pipeline may start with an expression
// ($list | ForEach-Object {...}); that element is a *CommandExpr.
// Chains joined by && and || are a *PipelineChain.
type Pipeline struct {
	Base
	Elements []PipelineElement
}

// PipelineChain is `a && b || c` (PowerShell 7).
type PipelineChain struct {
	Base
	Left     Statement
	Operator string // "&&" or "||"
	Right    Statement
}

// PipelineElement is a *Command or a *CommandExpr.
type PipelineElement interface {
	Node
	pipelineElement()
}

// Invocation says how a command is invoked.
type Invocation uint8

const (
	// InvokeDirect: Get-Item x.
	InvokeDirect Invocation = iota
	// InvokeCall: & $cmd args (the call operator).
	InvokeCall
	// InvokeDot: . .\file.ps1 (dot-sourcing: runs in the caller's scope).
	InvokeDot
)

// Command is a command call: name, then parameters and arguments in
// written order.
type Command struct {
	Base
	Invocation Invocation
	// InvocationSpan is the `&` or `.` operator (zero for InvokeDirect).
	InvocationSpan Span
	// Name is the command name element: a *BareWord (Get-Culture,
	// .\create_vmss_deployment.ps1), a string literal, a variable or a
	// script block (& { ... }).
	Name Expression
	// NameText is the command name as a string when static (bare word,
	// constant string), else "".
	NameText string
	// Elements are the parameters and arguments in written order:
	// *CommandParameter for `-Name` / `-Name:value`, any Expression for an
	// argument (a bare word is *BareWord). `-Name value` is a parameter
	// followed by an argument: which parameters are switches is known only
	// to the command, so binding is the caller's job (see Parameters).
	Elements []CommandElement
	// Redirections (> file, 2>&1) in written order.
	Redirections []*Redirection
}

// CommandElement is a *CommandParameter or an Expression (argument).
type CommandElement interface {
	Node
}

// CommandParameter is `-Name` or `-Name:value`.
type CommandParameter struct {
	Base
	// Name is the parameter name as written, without the dash or colon.
	Name string
	// Text is the token as written (with dash and colon).
	Text string
	// Colon is true for `-Name:value` (Argument then holds the value;
	// `-Switch:$false` included).
	Colon bool
	// Argument is the value written after the colon, else nil.
	Argument Expression
	// Typographic is true when an en/em dash or horizontal bar was used.
	Typographic bool
}

// Redirection is `> file`, `>> file`, `2>&1`, `*> $null`.
type Redirection struct {
	Base
	Operator string     // as written: ">", ">>", "2>&1", ...
	Target   Expression // nil for stream merges like 2>&1
}

// CommandExpr is an expression used as a pipeline element.
type CommandExpr struct {
	Base
	X            Expression
	Redirections []*Redirection
}

// IfStmt is if/elseif.../else.
type IfStmt struct {
	Base
	// Clauses are the `if` clause then each `elseif`.
	Clauses []*IfClause
	// Else is the else block, or nil.
	Else *BlockStmt
}

// IfClause is one `if (cond) {body}` or `elseif (cond) {body}`.
type IfClause struct {
	Base
	Keyword   string    // "if" or "elseif", lower case
	Condition Statement // a pipeline (usually an *ExpressionStmt)
	Body      *BlockStmt
}

// ForeachStmt is `foreach ($v in expr) {body}`.
type ForeachStmt struct {
	Base
	Variable *Variable
	Iterable Statement
	Body     *BlockStmt
}

// ForStmt is `for (init; cond; step) {body}`; any part may be nil.
type ForStmt struct {
	Base
	Init, Condition, Step Statement
	Body                  *BlockStmt
}

// WhileStmt is `while (cond) {body}`.
type WhileStmt struct {
	Base
	Condition Statement
	Body      *BlockStmt
}

// DoStmt is `do {body} while (cond)` or `do {body} until (cond)`.
type DoStmt struct {
	Base
	Body      *BlockStmt
	Until     bool
	Condition Statement
}

// SwitchStmt is `switch [-flags] (value) { pattern {body} ... default {body} }`.
type SwitchStmt struct {
	Base
	Flags   []string // as written, e.g. "-regex"
	Value   Statement
	Clauses []*SwitchClause
	Default *BlockStmt
}

// SwitchClause is one `pattern {body}` of a switch.
type SwitchClause struct {
	Base
	Pattern Expression
	Body    *BlockStmt
}

// TryStmt is try/catch/finally.
type TryStmt struct {
	Base
	Body    *BlockStmt
	Catches []*CatchClause
	Finally *BlockStmt // nil when absent
}

// CatchClause is `catch [Type1], [Type2] {body}`.
type CatchClause struct {
	Base
	Types []*TypeLiteral
	Body  *BlockStmt
}

// FunctionDef is `function Name (params) {body}` (also filter, workflow).
type FunctionDef struct {
	Base
	Keyword  string // "function", "filter" or "workflow"
	Name     string
	NameSpan Span
	// Params are the parameters written after the name (`function f($a) {}`);
	// a param() block inside the body is Body.Params.
	Params []*ParamDecl
	Body   *ScriptBlock
}

// FlowStmt is throw, return, exit, break or continue, with its optional
// value (a pipeline) or label.
type FlowStmt struct {
	Base
	Keyword string    // lower case
	Value   Statement // nil when absent
}

// BlockStmt is a `{ ... }` statement list that is a body (if, loops, try).
type BlockStmt struct {
	Base
	Statements []Statement
}

// BadStatement covers source that could not be parsed; a PX001 diagnostic
// describes why. Parsing resumed after it.
type BadStatement struct {
	Base
	Text string
}

func (*AssignmentStmt) stmtNode() {}
func (*ExpressionStmt) stmtNode() {}
func (*Pipeline) stmtNode()       {}
func (*PipelineChain) stmtNode()  {}
func (*IfStmt) stmtNode()         {}
func (*ForeachStmt) stmtNode()    {}
func (*ForStmt) stmtNode()        {}
func (*WhileStmt) stmtNode()      {}
func (*DoStmt) stmtNode()         {}
func (*SwitchStmt) stmtNode()     {}
func (*TryStmt) stmtNode()        {}
func (*FunctionDef) stmtNode()    {}
func (*FlowStmt) stmtNode()       {}
func (*BlockStmt) stmtNode()      {}
func (*BadStatement) stmtNode()   {}

func (*Command) pipelineElement()     {}
func (*CommandExpr) pipelineElement() {}

// --------------------------------------------------------------- expressions

// QuoteKind is how a string literal was quoted.
type QuoteKind uint8

const (
	// QuoteNone: not quoted. An ExpandableString with QuoteNone is a
	// command-mode argument with variables, e.g. $PSScriptRoot\vars.ps1.
	QuoteNone       QuoteKind = iota
	QuoteSingle               // '...'
	QuoteDouble               // "..."
	QuoteHereSingle           // @'...'@
	QuoteHereDouble           // @"..."@
)

// String returns "single", "double", "here-single", "here-double" (the
// policy input's spelling) or "".
func (q QuoteKind) String() string {
	switch q {
	case QuoteSingle:
		return "single"
	case QuoteDouble:
		return "double"
	case QuoteHereSingle:
		return "here-single"
	case QuoteHereDouble:
		return "here-double"
	}
	return ""
}

// StringLiteral is a string with a constant value: any single-quoted or
// here-single string, and a double-quoted one without variables or
// sub-expressions.
type StringLiteral struct {
	Base
	Quote QuoteKind
	// Typographic is true when a typographic quote (“ ” „ ‘ ’ ‚ ‛) opened
	// or closed the string.
	Typographic bool
	// Raw is the source text, quotes included.
	Raw string
	// Value is the string PowerShell produces ('' and backtick escapes
	// resolved; a here-string without its first and last line breaks).
	Value string
}

// ExpandableString is a double-quoted string or here-string with variable
// or sub-expression parts, or an unquoted command argument that has them
// ($PSScriptRoot\vars.ps1, .\$name.ps1).
type ExpandableString struct {
	Base
	Quote       QuoteKind // QuoteDouble, QuoteHereDouble or QuoteNone
	Typographic bool
	Raw         string
	// Parts in written order: *StringText, *Variable ($x, $x:y, ${x}) and
	// *SubExpression ($( ... )).
	Parts []Expression
}

// StringText is a literal run inside an expandable string.
type StringText struct {
	Base
	Raw   string // as written
	Value string // after backtick escapes and doubled quotes
}

// Number is a numeric literal.
type Number struct {
	Base
	Text string
	// IsInt says whether Int (else Float) holds the value. A multiplier
	// applies to the value (1kb = 1024). A hex literal is an int.
	IsInt bool
	Int   int64
	Float float64
	Hex   bool
	// Multiplier is "", "kb", "mb", "gb", "tb" or "pb" (lower case).
	Multiplier string
	// Suffix is the type suffix in lower case: "", "l", "d", "u", "ul", "y", "uy", "s", "us", "n".
	Suffix string
	// Invalid is true when the text is not a valid number (overflow, bad digits).
	Invalid bool
}

// Value returns the number as int64 or float64.
func (n *Number) Value() any {
	if n.IsInt {
		return n.Int
	}
	return n.Float
}

// Variable is a variable reference: `$name`, `$scope:name`, `${name}`,
// or a splat `@name`.
type Variable struct {
	Base
	// Name is the name as written, without `$`, scope, or braces
	// ("PxBaseConnName", "_", "$", "?", "^", "true", "Path" for $env:Path).
	Name string
	// Scope is the drive/scope prefix as written ("", "global", "script", "env", "using", ...).
	Scope string
	// Braced is true for ${...}.
	Braced bool
	// Splat is true for @name.
	Splat bool
	// Raw is the source text.
	Raw string
}

// Lower returns the case-insensitive identity "scope:name" in lower case
// (PowerShell variable names are case-insensitive).
func (v *Variable) Lower() string {
	return strings.ToLower(v.Scope) + ":" + strings.ToLower(v.Name)
}

// ArrayExpr is `@( statements )`. Its value is every output of its
// statements, flattened into an array; Elements gives the common forms.
type ArrayExpr struct {
	Base
	Statements []Statement
}

// Elements returns the element expressions of `@(...)` when every
// statement is an expression: `@("a", "b")`, `@("a"\n"b")`, `@()`. A
// comma list contributes its elements. ok is false when a statement is
// not a plain expression (a command, a loop): its output needs execution.
func (a *ArrayExpr) Elements() (elems []Expression, ok bool) {
	for _, s := range a.Statements {
		x := StatementExpr(s)
		if x == nil {
			return elems, false
		}
		if lit, isList := x.(*ArrayLiteral); isList {
			elems = append(elems, lit.Elements...)
		} else {
			elems = append(elems, x)
		}
	}
	return elems, true
}

// ArrayLiteral is a comma list `a, b, c` (also the unary `,a`).
type ArrayLiteral struct {
	Base
	Elements []Expression
}

// Hashtable is `@{ key = value; ... }` (entries separated by `;` or newlines).
type Hashtable struct {
	Base
	Entries []*HashEntry
}

// HashEntry is one `key = value` pair.
type HashEntry struct {
	Base
	// Key is a *BareWord (ModuleName), a string literal, a number or an
	// expression.
	Key Expression
	// KeyText is the key as a string when static, else "".
	KeyText string
	Value   Statement
}

// ValueExpr returns the value when it is a plain expression, else nil.
func (h *HashEntry) ValueExpr() Expression { return StatementExpr(h.Value) }

// ParenExpr is `( pipeline )`.
type ParenExpr struct {
	Base
	Inner Statement // nil for ()
}

// SubExpression is `$( statements )`, also inside expandable strings.
type SubExpression struct {
	Base
	Statements []Statement
}

// MemberExpr is member access: `x.Name`, `x::Name` (static), `x.$name`.
// A bare IPv4 address `80.213.4.17` parses as the number 80.213 with member
// accesses .4 and .17 (PowerShell's own reading: the value is $null), so
// its outermost node is a MemberExpr whose innermost Target is a *Number;
// see NumericMemberChain.
type MemberExpr struct {
	Base
	Target Expression
	// Member is a *BareWord (Name, or the digits of a numeric member), a
	// string literal, a variable or a parenthesised expression.
	Member Expression
	// Name is the member name when static, else "".
	Name     string
	Static   bool // `::`
	Nullable bool // `?.`
}

// NumericMemberChain reports whether x is a number followed only by
// numeric member accesses (1.2.3.4, a bare IPv4 address), and returns the
// leading number (1.2). The whole text is the source slice of x's span.
func NumericMemberChain(x Expression) (bool, *Number) {
	for {
		switch e := x.(type) {
		case *Number:
			return true, e
		case *MemberExpr:
			if e.Static || e.Name == "" || !allDigits(e.Name) {
				return false, nil
			}
			x = e.Target
		default:
			return false, nil
		}
	}
}

// InvokeMemberExpr is a method call `x.Method(args)` or `[T]::Method(args)`.
type InvokeMemberExpr struct {
	Base
	Target   Expression
	Member   Expression
	Name     string // method name when static
	Static   bool
	Nullable bool
	Args     []Expression
}

// IndexExpr is `x[index]` (Nullable: `x?[index]`).
type IndexExpr struct {
	Base
	Target   Expression
	Index    Expression
	Nullable bool
}

// TypeLiteral is `[TypeName]` (also `[string[]]`, `[System.Collections.Generic.List[string]]`).
type TypeLiteral struct {
	Base
	// Name is the text between the outer brackets, trimmed.
	Name string
}

// ConvertExpr is a cast `[int]$x`, `[string]"a"` (PowerShell's
// ConvertExpressionAst). Attribute-like casts such as
// `[ValidateNotNull()]$x` in param blocks are also ConvertExprs.
type ConvertExpr struct {
	Base
	Type *TypeLiteral
	X    Expression
}

// UnaryExpr is a prefix operator (-not, !, -, +, -bnot, -join, -split,
// ++, --, `,`) or a postfix ++/--.
type UnaryExpr struct {
	Base
	// Op is canonical (lower case, ASCII dash): "-not", "!", "-", "+", ",", "++", "--", ...
	Op      string
	OpText  string // as written
	OpSpan  Span
	X       Expression
	Postfix bool
}

// BinaryExpr is `left op right`.
type BinaryExpr struct {
	Base
	// Op is canonical: "+", "-", "*", "/", "%", "..", "-eq", "-ceq", "-ieq",
	// "-ne", "-and", "-or", "-f", "-join", "-replace", "-split", "-like",
	// "-match", "-contains", "-in", "-is", "-as", ... (lower case, ASCII dash).
	Op     string
	OpText string // as written (case and typographic dashes kept)
	OpSpan Span
	Left   Expression
	Right  Expression
}

// TernaryExpr is `condition ? ifTrue : ifFalse` (PowerShell 7).
type TernaryExpr struct {
	Base
	Condition, IfTrue, IfFalse Expression // IfFalse is nil when the ':' is missing
}

// ScriptBlockExpr is `{ ... }` used as a value (argument, RHS, & { }).
type ScriptBlockExpr struct {
	Base
	Block *ScriptBlock
}

// ScriptBlock is a param block and statements (function bodies and script
// block expressions). begin/process/end blocks are kept as named blocks.
type ScriptBlock struct {
	Base
	Params     *ParamBlock
	Statements []Statement
	// Named holds begin/process/end/dynamicparam blocks when the body uses them.
	Named []*NamedBlock
}

// NamedBlock is begin { }, process { }, end { } or dynamicparam { }.
type NamedBlock struct {
	Base
	Name string // lower case
	Body *BlockStmt
}

// ParamBlock is `[attributes] param( ... )`.
type ParamBlock struct {
	Base
	Attributes []Expression
	Params     []*ParamDecl
}

// ParamDecl is one parameter: attributes/types, variable, optional default.
type ParamDecl struct {
	Base
	Attributes []Expression // *TypeLiteral or attribute calls, in order
	Variable   *Variable
	Default    Expression
}

// BareWord is a word without quotes: a command-mode generic token
// (Get-Culture, en-US, .\x.ps1, 1.2.3.4 as a command argument), a member
// name, or a hashtable key.
type BareWord struct {
	Base
	Text  string // as written
	Value string // backtick escapes resolved
}

// BadExpr covers an expression that could not be parsed; a PX001 diagnostic
// describes why.
type BadExpr struct {
	Base
	Text string
}

func (*StringLiteral) exprNode()    {}
func (*TernaryExpr) exprNode()      {}
func (*ExpandableString) exprNode() {}
func (*StringText) exprNode()       {}
func (*Number) exprNode()           {}
func (*Variable) exprNode()         {}
func (*ArrayExpr) exprNode()        {}
func (*ArrayLiteral) exprNode()     {}
func (*Hashtable) exprNode()        {}
func (*ParenExpr) exprNode()        {}
func (*SubExpression) exprNode()    {}
func (*MemberExpr) exprNode()       {}
func (*InvokeMemberExpr) exprNode() {}
func (*IndexExpr) exprNode()        {}
func (*TypeLiteral) exprNode()      {}
func (*ConvertExpr) exprNode()      {}
func (*UnaryExpr) exprNode()        {}
func (*BinaryExpr) exprNode()       {}
func (*ScriptBlockExpr) exprNode()  {}
func (*BareWord) exprNode()         {}
func (*BadExpr) exprNode()          {}

// ---------------------------------------------------------------------- file

// The rule PX001 is this parser's syntax errors; its registry entry is
// generated from this block by `go generate ./lint/rules`.
//
// METADATA
// title: The script does not parse
// description: >-
//   The variables script is not valid PowerShell: an unterminated string or
//   here-string, unbalanced `( )`, `@( )`, `@{ }` or `{ }`, or a stray quote.
//   PowerShell refuses to run such a file, or runs only part of it, and every
//   rule after the error is unreliable. pxlint reports the cause, not the
//   symptom: when a string runs over lines before the error (a missing closing
//   quote swallows the lines below it), the finding points at that string and
//   gives the place where the parse failed as a related location; variables
//   assigned from the error on are unknown, so the rules that need them are
//   not_verified instead of failing on the typo's echoes. A slip PowerShell
//   reads differently from what an editor shows (a comma after the last element,
//   a missing comma, a typographic quote that ends a string, a line or paragraph
//   separator that is a space to PowerShell) gets its own message and fix.
// custom:
//   id: PX001
//   name: parse-error
//   severity: error
//   prevents: >-
//     "Many errors that are reported when you run create_vmss_deployment.ps1 are
//     a result of typos or formatting errors in the variables initialization
//     script"
//   remediation: >-
//     Go to the position reported and close the string or bracket opened there;
//     a quote pasted from a document (“ ”) is a common cause.
//   bad: |-
//     $PxBaseConnName = "fabrikam
//     $PxVmssRegion = "weu"
//   good: |-
//     $PxBaseConnName = "fabrikam"
//     $PxVmssRegion = "weu"
//   fragment: true

// The rule PX011 is the bounds this package (and lint/model, lint/safeio)
// enforce; its registry entry is generated from this block.
//
// METADATA
// title: Input exceeds a bound pxlint sets
// description: >-
//   An input exceeds one of pxlint's bounds: file size, nesting depth, expansion
//   size, number of statements or evaluation work. pxlint stops analysing that
//   part instead of hanging or exhausting memory, and says which bound and
//   where. A real variables script never comes close.
// custom:
//   id: PX011
//   name: analysis-limit
//   severity: error
//   prevents: >-
//     hangs and memory exhaustion on hostile or corrupt input (e.g. 300 nested
//     `@(`)
//   remediation: >-
//     Simplify the construct reported; a variables script needs no deep nesting
//     or huge expansions.
//   bad: |-
//     $PxMgmtSrcAddrPrefixes = @(@(@(@( ... 300 levels ... ))))
//   good: |-
//     $PxMgmtSrcAddrPrefixes = @("85.10.200.0/28")
//   fragment: true

// Rule IDs of the diagnostics this package produces.
const (
	RuleParseError    = rules.PX001
	RuleAnalysisLimit = rules.PX011
	// RuleEncodingRisk: a file PowerShell would decode differently from
	// what its bytes mean (UTF-16 without a byte-order mark).
	RuleEncodingRisk = rules.PX009
)

// Diagnostic is a problem found while reading the script.
type Diagnostic struct {
	// Rule is "PX001" (syntax error), "PX011" (an analysis limit was hit)
	// or "PX009" (the file's encoding needed a guess).
	Rule    string
	Message string
	Span    Span
	// Fix is the specific fix for this diagnostic, when there is one
	// better than the rule's general remediation.
	Fix string
	// Related are other places that explain it (for a string that runs
	// on, where PowerShell's own parse error is).
	Related []Related
}

// Related is a secondary location of a diagnostic.
type Related struct {
	Span    Span
	Message string
}

// RequiresDirective is one `#Requires` line.
type RequiresDirective struct {
	Span Span
	// Text is the whole comment as written.
	Text string
	// Modules are the -Modules entries in written order.
	Modules []ModuleSpec
	// Version is -Version, PSEdition -PSEdition; RunAsAdministrator is -RunAsAdministrator.
	Version            string
	PSEdition          string
	RunAsAdministrator bool
}

// ModuleSpec is a module named by `#Requires -Modules`: a bare name (Az) or
// a hashtable (@{ModuleName="Az"; RequiredVersion="4.5.0"}).
type ModuleSpec struct {
	Name            string
	ModuleVersion   string
	RequiredVersion string
	MaximumVersion  string
	GUID            string
	Span            Span
}

// Stats are counters of one parse, for tests and for PX011 messages.
type Stats struct {
	// Tokens is the number of tokens produced.
	Tokens int
	// MaxDepth is the deepest nesting the parser reached.
	MaxDepth int
	// Work is the number of bytes the lexer scanned, re-scans included.
	Work int
	// Limit names the limit that stopped parsing: "", "bytes", "depth",
	// "tokens" or "work" (see the Limit* constants).
	Limit string
}

// File is a parsed script.
type File struct {
	// Params is the script's param() block, if any.
	Params     *ParamBlock
	Statements []Statement
	Requires   []RequiresDirective
	// Comments are every comment token (line, block, #Requires) in order,
	// for `# pxlint-ignore` suppressions.
	Comments []Token
	// Tokens are all tokens in order; their texts concatenate to Source.Text
	// (when the byte limit fired, Source.Text is still covered: the rest is
	// one TokError token).
	Tokens      []Token
	Diagnostics []Diagnostic
	Stats       Stats
}

// TypeDef is a `class` or `enum` definition. pxlint does not evaluate
// classes; it parses them so that their syntax is checked and the
// statements after them are read.
type TypeDef struct {
	Base
	Keyword  string // "class" or "enum"
	Name     string
	NameSpan Span
	// BaseTypes are the names after `:` (base class, interfaces, or an
	// enum's underlying type), as written.
	BaseTypes []string
	Members   []*TypeMember
}

// TypeMember is a property, method or constructor of a class, or a
// member of an enum.
type TypeMember struct {
	Base
	Name string
	// Modifiers are static and hidden, lower case.
	Modifiers  []string
	Attributes []Expression // *TypeLiteral: attributes and the declared type
	// Method is set for methods and constructors; Params and Body then
	// hold their parameters and body.
	Method bool
	Params []*ParamDecl
	Body   *ScriptBlock
	// Value is a property's initial value or an enum member's value.
	Value Expression
}

func (*TypeDef) stmtNode() {}

// TrapStmt is `trap [Type] { body }`.
type TrapStmt struct {
	Base
	Type *TypeLiteral // nil when absent
	Body *BlockStmt
}

// DataStmt is a data section: `data [Name] [-SupportedCommand a, b] { body }`.
type DataStmt struct {
	Base
	Name string // "" when absent
	Body *BlockStmt
}

func (*TrapStmt) stmtNode() {}
func (*DataStmt) stmtNode() {}
