// Package integration holds no code: its tests check pxlint's integrations
// with the real tools that consume them — pre-commit runs the hook from
// .pre-commit-hooks.yaml, actionlint checks action.yml and the GitHub
// workflow example, and the other CI examples are parsed as YAML. Tests that
// need a missing tool skip with the reason, except when
// PXLINT_REQUIRE_TOOLS=1 (CI), where a missing tool fails them.
package integration
