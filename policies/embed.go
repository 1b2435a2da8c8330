// Package policies embeds pxlint's built-in Rego policies.
//
// Contract for a built-in policy (see also lint/policy):
//   - one file per rule or small family, package `pxlint.rules.<name>` (one
//     level below pxlint.rules, so the engine can collect every package);
//   - `# METADATA` on the package with `title` and `custom.id` (the rule IDs it
//     implements, checked against the registry in lint/rules);
//   - `deny contains r` where r is an object: `id` and `msg` required;
//     optional `fix`, `variable` (catalog name, points the finding at its last
//     assignment), `element` (0-based index into that variable's elements),
//     `line` (when neither applies), `severity` ("error"|"warning"|"info", for
//     rules with several levels), `related` ([{file, line, message}]),
//     `cert` (a certificate path, shown as a related location) and
//     `fingerprint` (certificate SHA-256, for baselines);
//   - `not_verified contains r` with `id` and `reason` when the rule lacks its
//     input (no facts, no certificate, no password);
//   - shared helpers live in package `pxlint.lib`;
//   - unit tests beside it in `*_test.rego`, run by `go test ./policies`.
package policies

import "embed"

// FS holds every .rego file, tests included (the engine skips *_test.rego).
//
//go:embed *.rego
var FS embed.FS
