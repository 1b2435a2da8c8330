// Package policies embeds pxlint's built-in Rego policies.
//
// Contract for a built-in policy (see also lint/policy):
//   - one file per rule, pxNNN_<name>.rego, package `pxlint.rules.pxnnn` (one
//     level below pxlint.rules, so the engine can collect every package);
//   - `# METADATA` on the package with the rule's whole registry entry:
//     `title`, `description` and `custom` (id, name, severity, prevents,
//     remediation, bad, good, needs, ...; docs/CONTRIBUTING.md lists them).
//     `go generate ./lint/rules` turns it into lint/rules/registry_gen.go;
//     the one exception is package pxlint.rules.infinity, which holds the
//     statuses several PX7xx rules share and lists their IDs (custom.id);
//   - `deny contains r` where r is an object: `id` and `msg` required;
//     optional `fix`, `variable` (catalog name, points the finding at its last
//     assignment), `element` (0-based index into that variable's elements),
//     `line` (when neither applies), `severity` ("error"|"warning"|"info", for
//     rules with several levels), `related` ([{file, line, message}]),
//     `cert` (a certificate path, shown as a related location) and
//     `fingerprint` (certificate SHA-256, for baselines);
//   - `not_verified contains r` with `id` and `reason` when the rule lacks its
//     input (no facts, no certificate, no password);
//   - shared helpers live in package `pxlint.lib` (lib.rego, derived.rego,
//     cert_lib.rego, prereq_lib.rego) or, for helpers a family of rules
//     shares, `pxlint.lib.family.<family>` (<family>_lib.rego), imported by
//     name so rule bodies read as before;
//   - unit tests beside it in `pxNNN_<name>_test.rego`, run by
//     `go test ./policies`; fixtures a family's tests share in
//     `<family>_fixtures_test.rego`, whose deny is the union of the
//     family's rules.
package policies

import "embed"

// FS holds every .rego file, tests included (the engine skips *_test.rego).
//
//go:embed *.rego
var FS embed.FS
