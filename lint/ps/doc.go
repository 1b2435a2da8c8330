// Package ps reads PowerShell scripts the way PowerShell would, without
// running them: decoding, a lossless token stream and a syntax tree with
// spans and error recovery. The static evaluator (lint/model) walks the
// tree; nothing here knows about Pexip variables.
//
// # Decoding
//
// Decode follows Windows PowerShell 5.1: a BOM selects UTF-8, UTF-16 LE
// or UTF-16 BE; without one, bytes that are valid UTF-8 are UTF-8 and
// anything else is Windows-1252 (so 0x93/0x94 become “ ”). Decoding never
// fails. The BOM is remembered (Source.BOM, for PX009) but is not a
// character: positions are 1-based lines and columns counted in code
// points of the decoded text, with CRLF, LF and CR each ending a line.
//
// # Why a lossless token stream
//
// Every character of the decoded text belongs to exactly one token —
// white space, newlines, comments and backtick line continuations
// included — so the token texts concatenate to the text (a property the
// tests and FuzzLex check). Suppression comments (`# pxlint-ignore`),
// snippets, masking of secrets in snippets and any future fixer work on
// exact source ranges; none of them has to re-scan the text or guess
// where a token ended.
//
// # Command mode and expression mode
//
// PowerShell lexes the same characters differently depending on where
// they are: after a command name, `en-US` is one bare word, `1.2.3.4` is a
// string argument and `-Name` is a parameter; in an expression, `en - US`
// is a subtraction, `1.2.3.4` is the number 1.2 followed by the member
// accesses .3 and .4 (whose value is $null — the reason a bare IP address
// in an array is a bug), and `-eq` is an operator. The lexer is therefore
// driven by the parser, which asks for the next token in the mode the
// grammar expects (statement start, expression, command argument, member
// name, hashtable key). Tokens are committed to File.Tokens only when the
// parser consumes them, so a token peeked in one mode and re-read in
// another is never duplicated. Lex runs the parser and returns its tokens.
//
// # Grammar supported
//
// Statements: assignments (= += -= *= /= %= ??=, to variables including
// scoped and ${braced} ones, indexes, members and casts), pipelines of
// commands and expressions, && and || chains, commands with -Name,
// -Name:value, switches, positional and comma-list arguments, splats,
// redirections, & and . invocation; if/elseif/else, foreach, for, while,
// do/while, do/until, switch (with flags, patterns and default), try/catch
// (typed)/finally, function/filter (with parameters, param blocks and
// begin/process/end), throw/return/exit/break/continue, script param
// blocks with attributes, #Requires (parsed into File.Requires).
// Expressions: all binary operators with PowerShell's precedence (comma
// binds tightest, then .. -f * / % + -, comparisons in their case
// variants, -band/-bor/-bxor, -and/-or/-xor), unary operators, casts,
// type literals with static members, member access and method calls
// (also ?.), indexing, @( ), $( ), ( ), @{ }, script blocks, numbers
// (hex, exponents, type suffixes, kb..pb multipliers), all string forms
// with their decoded values and the parts of expandable strings.
// Typographic quotes (“ ” „ ‘ ’ ‚ ‛) and dashes (– — ―) are accepted
// where PowerShell accepts them, and flagged (Token.Typographic,
// StringLiteral.Typographic, CommandParameter.Typographic).
//
// Not supported (parsed leniently, never executed): class and enum
// bodies, configuration and data sections, labels, trap (these read as
// commands), the ternary `? :` operator, attribute arguments (an attribute
// is a TypeLiteral whose Name holds its text), bare words glued to a
// following quoted string (a"b c"), and statements after a closing brace
// on the same line are accepted a little more liberally than PowerShell
// does.
//
// # Errors and bounds
//
// A syntax error (unterminated string or here-string, unbalanced
// brackets, a stray character) is a PX001 Diagnostic with its span; the
// parser resumes at the next line, so one typo does not hide the rest of
// the file. An unterminated quoted string ends at its line end for that
// reason. Limits bound the input size, the nesting depth (blocks,
// brackets, prefix operators, strings inside sub-expressions inside
// strings), the number of tokens and the lexer's total work; exceeding one
// is a PX011 Diagnostic, parsing stops, File.Stats says which limit fired,
// and the rest of the text is still covered by tokens. No input can make
// the parser recurse without bound, loop, or allocate beyond these limits.
package ps
