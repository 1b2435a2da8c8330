// Package integration holds no code: its tests check pxlint's integrations
// with the real tools that consume them — pre-commit runs the hook from
// .pre-commit-hooks.yaml, actionlint checks action.yml and the GitHub
// workflow example, and the other CI examples are parsed as YAML. Tests that
// need a missing tool skip with the reason, except in CI (CI=true or
// PXLINT_REQUIRE_TOOLS=1; see lint/internal/testenv), where it fails them.
package integration
