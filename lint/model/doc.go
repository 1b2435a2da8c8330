// Package model statically evaluates a parsed variables script into the
// policy input (Input): what Rego policies see as `input` and what
// `pxlint inspect` prints, versioned as SchemaVersion and described by
// schemas/input.schema.json.
//
// Evaluate walks the syntax tree of lint/ps in source order and never
// executes anything. Values follow PowerShell's semantics (an unquoted
// 80.213.4.17 is $null, 91.90.42.64/26 is 0); what needs execution
// (Read-Host, cmdlet output, assignments inside branches) is unknown with
// a reason instead of a guess; array elements keep the span where they
// were written, also when appended from another variable; secrets are
// described (length, character classes) and never stored; every
// expansion is bounded (Limits) and a bound that fires is a PX011
// diagnostic. DetectProfile tells the connector release family from the
// evaluated script.
package model
