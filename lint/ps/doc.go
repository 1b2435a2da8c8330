// Package ps reads PowerShell scripts the way PowerShell would, without
// running them: decoding, a lossless token stream and a syntax tree with
// spans and error recovery. The static evaluator (lint/model) walks the
// tree; nothing here knows about Pexip variables.
//
// # Decoding
//
// Decode follows Windows PowerShell 5.1: a BOM selects UTF-8, UTF-16 LE/BE
// or UTF-32 LE/BE; without one, bytes that are valid UTF-8 are UTF-8 and
// anything else is Windows-1252 (so 0x93/0x94 become “ ”). One guess is
// made where PowerShell would read garbage: UTF-16 without a BOM (a NUL in
// most odd or even bytes) is read as UTF-16, Source.Guessed is set and a
// PX009 diagnostic says PowerShell cannot run the file. Decoding never
// fails. The BOM is remembered (Source.BOM, for PX009) but is not a
// character: positions are 1-based lines and columns counted in code
// points of the decoded text, with CRLF, LF and CR each ending a line.
// Other characters editors may draw as a line break (NEL, U+2028, U+2029)
// are white space, as to PowerShell's tokenizer; a comment or statement
// that runs on past one is reported.
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
// scoped and ${braced} ones, indexes, members, casts and lists), pipelines
// of commands and expressions (a trailing & runs a job), && and || chains,
// commands with -Name, -Name:value, switches, positional and comma-list
// arguments, splats, redirections, & and . invocation; if/elseif/else,
// foreach, for, while, do/while, do/until, switch (with flags, -File,
// patterns and default), loop labels, try/catch (typed)/finally, trap,
// data sections, function/filter (with parameters, param blocks and
// begin/process/end/clean/dynamicparam, also at script level), class
// (properties, methods, constructors with base calls, static and hidden
// members, inheritance) and enum definitions, throw/return/exit/break/
// continue, script param blocks with attributes whose arguments may span
// lines, #Requires (parsed into File.Requires). A keyword out of place
// (`else`, `catch`, `process` after other statements) is a command name,
// as in PowerShell.
// Expressions: all binary operators with PowerShell's precedence (comma
// binds tightest, then .. -f * / % + -, comparisons in their case
// variants, -band/-bor/-bxor, -and/-or/-xor, ??), the ternary `? :`,
// unary operators, casts (also of script blocks), type literals with
// static members, member access and method calls (also ?., ?[ ], after
// white space or a line break following the dot, .Method{ script block },
// generic method calls), indexing, @( ), $( ), ( ), @{ }, script blocks,
// numbers (hex, exponents, type suffixes, kb..pb multipliers, 20., hex
// beyond 64 bits), all string forms with their decoded values and the
// parts of expandable strings. Typographic quotes (“ ” „ ‘ ’ ‚ ‛) and
// dashes (– — ―) are accepted where PowerShell accepts them, and flagged
// (Token.Typographic, StringLiteral.Typographic,
// CommandParameter.Typographic).
//
// Not supported (parsed leniently, never executed): configuration
// sections and `using` statements (these read as commands), the values of
// attribute arguments (an attribute is a TypeLiteral whose Name holds its
// text), bare words glued to a following quoted string (a"b c"), and
// statements after a closing brace on the same line are accepted a little
// more liberally than PowerShell does. Semantic checks PowerShell makes
// after parsing are made where a script would not run: control leaving a
// finally block, duplicate parameters, [ref] and attribute misuse,
// expressions after a pipe.
//
// # Errors and bounds
//
// A syntax error (unterminated string or here-string, unbalanced
// brackets, a stray character) is a PX001 Diagnostic with its span; the
// parser resumes at the next line, so one typo does not hide the rest of
// the file. An unterminated quoted string ends at its line end for that
// reason. A terminated string that runs over line breaks before the first
// error is the likely cause of it (a missing closing quote): Parse tries
// it as ending at its line and, when that explains the failure, reports
// the string with the fix and the original error as Diagnostic.Related
// (cause.go). Limits bound the input size, the nesting depth (blocks,
// brackets, prefix operators, strings inside sub-expressions inside
// strings), the number of tokens and the lexer's total work; exceeding one
// is a PX011 Diagnostic, parsing stops, File.Stats says which limit fired,
// and the rest of the text is still covered by tokens. No input can make
// the parser recurse without bound, loop, or allocate beyond these limits.
package ps
