// Package schema validates the values of a variables script against pxlint's
// CUE schemas (package pxlint, embedded from schemas/) and the user's CUE
// overlays (--schema DIR), and maps every CUE error to its rule: the
// @rule(ID) attribute of the failing field, PX008 when the value's kind does
// not fit the field at all, PX005 for a `$Px...` name the profile's closed
// catalog does not know. It also exposes the per-profile data (catalog,
// derived names, bots, Az version, deployment parameters) that the engine
// copies into the policy input.
//
// Load is paid once per run; Validate is safe for concurrent use.
//
// # User schemas
//
// A user schema directory (--schema DIR, or schema_dirs in .pxlint.hcl)
// holds .cue files in package pxlint; only the directory's top-level files
// are read, and they may import CUE's standard library only. They are
// unified with the built-in schema, so they can narrow any field:
//
//	package pxlint
//
//	import "strings"
//
//	// Every profile: EU regions only.
//	#Variables: PxAzureLocation: "westeurope" | "northeurope" @rule(ACME-eu, msg="deploy in an EU region only")
//
//	// One profile only, as a warning, with a helper definition.
//	#Profiles: az: variables: PxMgmtSrcAddrPrefixes: [...#AcmeNet] | string @rule(ACME-nets, severity=warning)
//	#AcmeNet: string & strings.HasPrefix("85.")
//
//	// A variable of the organisation's own: now known (no PX005) and checked.
//	#Variables: PxAcmeCostCenter?: =~"^CC-[0-9]{4}$"
//
//	// Required (`!`): a script that does not assign it is a finding.
//	#Variables: PxAcmeOwner!: =~"^[a-z]+@acme\\.example$" @rule(ACME-owner)
//
// A failure is reported under the @rule(ID) of the user's field (or of an
// enclosing field or struct), else under the ID derived from the file name,
// UserIDPrefix + stem ("USER-cue.naming" for naming.cue), error by default.
// @rule takes the keys severity (error, warning, info), msg (replaces the
// generated message), title (for `pxlint rules`) and fix. PX IDs are
// reserved for built-in rules. A value the built-in schema rejects is
// reported only under the built-in rule, and "" (PX501's) is never checked
// against user constraints.
package schema
