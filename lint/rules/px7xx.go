package rules

import "github.com/pxlint/pxlint/lint/finding"

// PX7xx: the Pexip Infinity side of the Teams integration, judged from an
// export of Infinity's configuration API (`pxlint infinity`, or `pxlint lint`
// with an `infinity { }` block); logic in policies/px7xx_infinity.rego over
// the input lint/infinity builds (reference/infinity-config.md §5).
func init() {
	const (
		E = finding.SeverityError
		W = finding.SeverityWarning
		I = finding.SeverityInfo
	)
	lv := func(l ...finding.Severity) []finding.Severity { return l }
	const fullmatch = "Infinity applies a rule when its regex matches the whole (parsed) alias, like Python's " +
		"re.fullmatch, and then expands the replace template (inferred from the Regular Expression Tester; " +
		"re.sub would differ only for patterns that match the empty string). Regexes are Python `re` syntax, " +
		"case-insensitive (Pexip's docs call them Perl-style; Python is inferred). Conference IDs have " +
		"`teams_id_lengths` digits, 9–12 by default (the troubleshooting page; third parties write 9–13). " +
		"Sample aliases are one ID per length, bare and at each of `teams_domains` plus the domains of Teams " +
		"Virtual Reception aliases (settings of the `infinity { }` block in .pxlint.hcl)."
	const location = "When a rule's outgoing location (a Virtual Reception's Lookup location) is Automatic, the " +
		"location that handles the call is not known statically: pxlint considers the rule's " +
		"match_source_location if set, else every location that has Conferencing Nodes (inferred)."
	Register(
		Rule{
			ID: "PX701", Name: "infinity-export", Severity: E, Levels: lv(E, I), Engine: EngineRego, Infinity: true,
			Title: "Infinity export refers to objects it does not hold, or lacks a resource",
			Description: "A reference field (a rule's `teams_proxy` or `outgoing_location`, a connector's " +
				"`azure_tenant`, a node's `system_location`, ...) names a `resource_uri` that no object of the " +
				"export has (error), or a required resource (`gateway_routing_rule`, `conference`, " +
				"`teams_proxy`, `azure_tenant`, `system_location`, `worker_vm`) is absent, so the rules that " +
				"need it are not verified (info). An export that is not JSON, or not in one of the accepted " +
				"forms, stops pxlint with exit code 2 naming the file and JSON pointer.",
			Prevents:    "a check judged on half an export (integrity of the other PX7xx results)",
			Remediation: "Export every resource in one run (`pxlint infinity export-script`) so references resolve.",
			Bad:         `{"teams_proxy": [{"resource_uri": "/api/admin/configuration/v1/teams_proxy/1/", "azure_tenant": "/api/admin/configuration/v1/azure_tenant/9/"}], "azure_tenant": []}`,
			Good:        `{"teams_proxy": [{"resource_uri": "/api/admin/configuration/v1/teams_proxy/1/", "azure_tenant": "/api/admin/configuration/v1/azure_tenant/1/"}], "azure_tenant": [{"resource_uri": "/api/admin/configuration/v1/azure_tenant/1/", "tenant_id": "…"}]}`,
			Assumes:     "A reference is a resource URI string or a nested object with `resource_uri` or `id` (the API returns both forms; inferred).",
		},
		Rule{
			ID: "PX702", Name: "teams-rule-id-extract", Severity: E, Levels: lv(E), Engine: EngineRego, Infinity: true,
			Title: "Teams Call Routing Rule does not extract just the conference ID",
			Description: "For an enabled rule with `called_device_type = teams_conference`, each sample alias it " +
				"matches (`<id>@<domain>`, and the bare ID) must become exactly the digits of the ID after the " +
				"replace string. The usual causes: an empty replace string (the alias is passed on unchanged), a " +
				"group that keeps `@domain`, `$1` (literal text in Python), or the wrong group number. The " +
				"message shows one sample and what the rule makes of it.",
			Prevents:    "\"The Call Routing Rule has an incorrect regex replace string… extracting only the 9 to 12-digit meeting code\" → \"Gateway dial out failed\" / \"Call rejected\"",
			Remediation: "Capture the ID as group 1 and set the replace string to `\\1`.",
			Bad:         `{"match_string": "(\\d{9,12}@vc\\.example\\.org)", "replace_string": "\\1", "called_device_type": "teams_conference"}`,
			Good:        `{"match_string": "(\\d{9,12})(@vc\\.example\\.org)?", "replace_string": "\\1", "called_device_type": "teams_conference"}`,
			Assumes:     fullmatch,
		},
		Rule{
			ID: "PX703", Name: "teams-rule-regex-dialect", Severity: E, Levels: lv(E, W), Engine: EngineRego, Infinity: true,
			Title: "Teams rule or Virtual Reception regex is not valid Python, or not evaluable",
			Description: "Error: the match string or replace template of a Teams rule or Teams Virtual Reception is " +
				"invalid under Python's `re` (`\\z`, `(?<name>…)`, `\\p{…}`, `\\x{41}`, a global flag not at the " +
				"start, a template with a bad escape or a group the pattern lacks), or means something else " +
				"than it looks (`[[:digit:]]` is a set of characters in Python). Warning: it uses constructs " +
				"Go's RE2 cannot run (lookaround, backreferences, conditionals, atomic groups, possessive " +
				"repeats, `(?x)`), so the rules that evaluate it (PX702, PX704, PX711, PX712, PX713) are not " +
				"verified, or, with `allow_backtracking_eval = true`, evaluated approximately with a .NET-style " +
				"engine.",
			Prevents:    "\"Gateway dial out failed\" / \"Call rejected\" from a rule that never matches as written",
			Remediation: "Write Python syntax: `\\Z`, `(?P<name>…)`, `\\d`; refer to groups as `\\1` or `\\g<name>`.",
			Bad:         `{"match_string": "([[:digit:]]{9,12})@vc\\.example\\.org\\z", "replace_string": "\\1"}`,
			Good:        `{"match_string": "(\\d{9,12})@vc\\.example\\.org", "replace_string": "\\1"}`,
			Assumes: "Infinity runs Python's `re` (its management stack is Python; no Pexip text says so outright). " +
				"The Python version inside each release is unknown: atomic groups and possessive repeats need 3.11.",
		},
		Rule{
			ID: "PX704", Name: "teams-rule-missing", Severity: E, Levels: lv(E, W), Engine: EngineRego, Infinity: true,
			Title: "No Call Routing Rule sends Teams conference IDs to Teams",
			Description: "Error: Teams connectors or Virtual Receptions exist, but no enabled rule for incoming " +
				"SIP, H.323 or WebRTC gateway calls with a Teams call target matches `<id>@<domain>`. Warning: " +
				"a Teams rule matches the full alias URI (`match_string_full`), or only registered devices " +
				"(`match_incoming_only_if_registered`).",
			Prevents:    "direct dialing of Teams meetings failing (\"Call is not connecting\", seed lines 178–186)",
			Remediation: "Add a rule: match `(\\d{9,12})@<domain>`, replace `\\1`, Microsoft Teams meeting, incoming calls.",
			Bad:         `{"gateway_routing_rule": [], "teams_proxy": [{"address": "pexip-teamsconn-eu.teams.example.org"}]}`,
			Good:        `{"gateway_routing_rule": [{"match_string": "(\\d{9,12})@vc\\.example\\.org", "replace_string": "\\1", "called_device_type": "teams_conference", "outgoing_protocol": "teams"}]}`,
			Assumes:     fullmatch,
		},
		Rule{
			ID: "PX705", Name: "teams-connector-missing", Severity: E, Levels: lv(E, W), Engine: EngineRego, Infinity: true,
			Title: "Teams rule or Virtual Reception has no Teams Connector",
			Description: "Error: a Teams rule has no `teams_proxy` and its outgoing location has none either (or " +
				"no location could supply one); a Teams Virtual Reception has no `teams_proxy` and its Lookup " +
				"location has none. Warning: the location is Automatic and some of the locations that may " +
				"handle the call lack a connector.",
			Prevents:    "\"no Teams Connector configured against the Call Routing Rule or the rule's Outgoing location\"; \"…against the Virtual Reception or the Virtual Reception's Lookup location\"",
			Remediation: "Set the Teams Connector on the rule (or Virtual Reception) or on its location.",
			Bad:         `{"teams_proxy": null, "outgoing_location": "/api/admin/configuration/v1/system_location/3/"}`,
			Good:        `{"teams_proxy": "/api/admin/configuration/v1/teams_proxy/1/", "outgoing_location": "/api/admin/configuration/v1/system_location/2/"}`,
			Assumes:     location,
		},
		Rule{
			ID: "PX706", Name: "teams-tenant", Severity: E, Levels: lv(E, W, I), Engine: EngineRego, Infinity: true,
			Title: "Teams Connector's Azure tenant is missing, malformed or not the expected one",
			Description: "Error: a connector has no `azure_tenant`; its tenant ID is not a GUID, is the nil GUID " +
				"or a placeholder, or looks like a domain; or it is not among the expected tenants (`--tenant-id`, " +
				"or `expected_tenant_ids` in the infinity block). Warning: with no expected tenant given, the " +
				"connectors point at different tenants. Info: no expected tenant given, so only the format was " +
				"checked.",
			Prevents:    "Error=\"500\": \"The wrong Azure tenant ID is configured in Pexip Infinity\"",
			Remediation: "Set the tenant ID to the tenant where the Pexip app was consented, and pass it with `--tenant-id`.",
			Bad:         `{"azure_tenant": [{"tenant_id": "example.onmicrosoft.com"}]}`,
			Good:        `{"azure_tenant": [{"tenant_id": "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"}]}`,
			Assumes:     "The tenant used for a call is the connector's `azure_tenant` (rules and Virtual Receptions have no tenant field in the schema seen; inferred).",
		},
		Rule{
			ID: "PX707", Name: "teams-node-fqdns", Severity: E, Levels: lv(E), Engine: EngineRego, Infinity: true,
			Title: "Conferencing Node talks to a Teams Connector whose $PxNodeFqdns does not name it",
			Description: "A Conferencing Node in the location of a Teams rule or Virtual Reception that uses " +
				"connector C is not named in the `$PxNodeFqdns` of C's variables script (the script whose " +
				"`$PxTeamsConnFqdn` is C's address); a node also passes when its TLS certificate carries a " +
				"listed name. Needs the scripts (`--scripts`, or `pxlint lint` with an infinity block).",
			Prevents:    "Error=\"401\": \"communicating with the wrong Teams Connector… the nodes that were referenced in the $PxNodeFqdns variable\"",
			Remediation: "Add the node's FQDN to `$PxNodeFqdns` and redeploy the connector, or move the node to the right location.",
			Bad:         `{"worker_vm": [{"hostname": "eu-edge-09", "domain": "vc.example.org"}]}  # $PxNodeFqdns = "eu-edge-01.vc.example.org"`,
			Good:        `{"worker_vm": [{"hostname": "eu-edge-01", "domain": "vc.example.org"}]}  # $PxNodeFqdns = "eu-edge-01.vc.example.org"`,
			Assumes:     "A node's FQDN is `hostname.domain` (inferred). " + location,
		},
		Rule{
			ID: "PX708", Name: "teams-location-empty", Severity: E, Levels: lv(E, W), Engine: EngineRego, Infinity: true,
			Title: "Location used for Teams has no usable Conferencing Node",
			Description: "Error: the outgoing location of a Teams rule or the Lookup location of a Teams Virtual " +
				"Reception has no Conferencing Nodes. Warning: all its nodes are in maintenance mode, or it " +
				"mixes Proxying Edge and Transcoding nodes.",
			Prevents:    "\"the Conferencing Node cannot reach the nominated Teams Connector\"",
			Remediation: "Add nodes to the location, or use a location that has them.",
			Bad:         `{"system_location": [{"name": "EU Edge"}], "worker_vm": []}`,
			Good:        `{"system_location": [{"name": "EU Edge"}], "worker_vm": [{"system_location": "/api/admin/configuration/v1/system_location/2/"}]}`,
			Assumes:     location,
		},
		Rule{
			ID: "PX709", Name: "teams-connector-address", Severity: E, Levels: lv(E, W), Engine: EngineRego, Infinity: true,
			Title: "Teams Connector address is not a DNS name, or matches no script's $PxTeamsConnFqdn",
			Description: "Error: a connector's `address` has a scheme, port or path, or (with scripts) equals no " +
				"linted script's `$PxTeamsConnFqdn` (compared case-insensitively, trailing dot ignored), so " +
				"calls reach another region's or a lab connector. Warning: `port` is not 443.",
			Prevents:    "\"communicating with the wrong Teams Connector (…other Teams Connectors … in different regions, or a lab system)\"",
			Remediation: "Set the address to the `$PxTeamsConnFqdn` of the script that deployed the connector.",
			Bad:         `{"address": "https://pexip-teamsconn-eu.teams.example.org:443/", "port": 443}`,
			Good:        `{"address": "pexip-teamsconn-eu.teams.example.org", "port": 443}`,
			Assumes:     "A connector pairs with the script whose `$PxTeamsConnFqdn` equals its address (the reference's pairing rule).",
		},
		Rule{
			ID: "PX710", Name: "teams-node-reachability", Severity: W, Levels: lv(W), Engine: EngineRego, Infinity: true,
			Title: "Conferencing Node for Teams has no public address, or one the connector's NSG blocks",
			Description: "A node in a location used for Teams has a private `address` and no " +
				"`static_nat_address`; or its public address is outside a non-empty " +
				"`$PxNodesSourceAddressPrefixes` of the paired script, so the connector's network security " +
				"group blocks port 443.",
			Prevents:    "\"the Conferencing Node cannot reach the nominated Teams Connector\"",
			Remediation: "Give the node a public (or static NAT) address and list it in `$PxNodesSourceAddressPrefixes`.",
			Bad:         `{"address": "10.20.0.11", "static_nat_address": ""}`,
			Good:        `{"address": "10.20.0.11", "static_nat_address": "203.0.113.11"}`,
			Assumes:     location,
		},
		Rule{
			ID: "PX711", Name: "teams-rule-shadowed", Severity: E, Levels: lv(W, E), Engine: EngineRego, Infinity: true,
			Title: "Teams conference IDs are taken by another rule or a service alias first",
			Description: "For a sample alias and incoming protocol (SIP, H.323, WebRTC), the first enabled rule " +
				"by ascending priority that matches it is not a Teams rule although a Teams rule matches too; or " +
				"a service alias equals the sample (aliases win over rules); or a Teams rule ties on priority " +
				"with another matching rule. Error when every sample a Teams rule takes is lost, warning when " +
				"some are.",
			Prevents:    "\"Gateway dial out failed\" / \"Call rejected\" for direct dialing",
			Remediation: "Give the Teams rule a lower priority number than broader rules, or narrow them.",
			Bad:         `[{"name": "Any SIP", "priority": 10, "match_string": ".*@vc\\.example\\.org"}, {"name": "Teams", "priority": 40, "match_string": "(\\d{9,12})@vc\\.example\\.org"}]`,
			Good:        `[{"name": "Teams", "priority": 10, "match_string": "(\\d{9,12})@vc\\.example\\.org"}, {"name": "Any SIP", "priority": 90, "match_string": ".*@vc\\.example\\.org"}]`,
			Assumes:     fullmatch,
		},
		Rule{
			ID: "PX712", Name: "teams-vr-id-regex", Severity: E, Levels: lv(E), Engine: EngineRego, Infinity: true,
			Title: "Teams Virtual Reception regex rejects or changes conference IDs",
			Description: "A Teams Virtual Reception's `match_string` rejects some conference ID of the configured " +
				"lengths, or its `replace_string` or `post_match_string`/`post_replace_string` pair changes the " +
				"digits.",
			Prevents:    "\"Conference ID invalid\" / \"Cannot connect to this extension\" (linked by inference)",
			Remediation: "Leave the Virtual Reception's regexes empty, or make them accept and keep every 9–12-digit ID.",
			Bad:         `{"match_string": "\\d{9,10}", "replace_string": ""}`,
			Good:        `{"match_string": "", "replace_string": ""}`,
			Assumes:     fullmatch + " The replace string applies only when match_string is set and matches (schema).",
		},
		Rule{
			ID: "PX713", Name: "teams-vr-handoff", Severity: W, Levels: lv(W), Engine: EngineRego, Infinity: true,
			Title: "No Teams rule routes the bare conference ID a Virtual Reception may hand over",
			Description: "A Teams Virtual Reception exists, but no enabled Teams rule matches the bare ID " +
				"(`123456789`), in case the Virtual Reception passes the entered ID on to Call Routing Rules.",
			Prevents:    "\"indirect dialing where the caller has successfully entered a valid conference ID… failed to connect\"",
			Remediation: "Make the domain optional in the Teams rule: `(\\d{9,12})(@vc\\.example\\.org)?`.",
			Bad:         `{"match_string": "(\\d{9,12})@vc\\.example\\.org"}`,
			Good:        `{"match_string": "(\\d{9,12})(@vc\\.example\\.org)?"}`,
			Assumes:     "That a Teams Virtual Reception hands the bare ID to Call Routing Rules is not established by Pexip's documentation (inferred from the troubleshooting page), so this is a warning.",
		},
		Rule{
			ID: "PX714", Name: "teams-vr-alias", Severity: W, Levels: lv(W), Engine: EngineRego, Infinity: true,
			Title: "Teams Virtual Reception has no alias, or a rule also matches its alias",
			Description: "A Teams Virtual Reception has no alias, so no one can dial it; or its alias is also " +
				"matched by an enabled Call Routing Rule, which never sees those calls since aliases win.",
			Prevents:    "\"Cannot connect to this extension\" (linked by inference)",
			Remediation: "Give the Virtual Reception an alias (`teams@<domain>`) that no rule is meant to catch.",
			Bad:         `{"service_type": "two_stage_dialing", "two_stage_dial_type": "teams", "aliases": []}`,
			Good:        `{"service_type": "two_stage_dialing", "two_stage_dial_type": "teams", "aliases": [{"alias": "teams@vc.example.org"}]}`,
			Assumes:     fullmatch,
		},
		Rule{
			ID: "PX715", Name: "teams-rule-consistency", Severity: W, Levels: lv(W), Engine: EngineRego, Infinity: true,
			Title: "Teams rule fields contradict each other",
			Description: "`outgoing_protocol = teams` with a call target that is not a Teams one, or the reverse; " +
				"`live_captions_enabled` other than `no` on a Teams rule (Pexip's Terraform provider refuses " +
				"it); `match_incoming_calls = false` on the only Teams rule.",
			Prevents:    "\"Gateway dial out failed\" from a half-configured Teams rule (inferred)",
			Remediation: "Set `outgoing_protocol` to `teams` and `called_device_type` to `teams_conference` together.",
			Bad:         `{"called_device_type": "teams_conference", "outgoing_protocol": "sip"}`,
			Good:        `{"called_device_type": "teams_conference", "outgoing_protocol": "teams", "live_captions_enabled": "no"}`,
			Assumes:     "A rule is a Teams rule when its call target is teams_conference or teams_user, or its outgoing protocol is teams (inferred from third-party notes).",
		},
		Rule{
			ID: "PX716", Name: "infinity-ca-aia", Severity: W, Levels: lv(W), Engine: EngineRego, Infinity: true,
			Title: "CA certificate on the Management Node has an http:// AIA URL",
			Description: "A `ca_certificate` (an intermediate uploaded to the Management Node) names an " +
				"`http://` caIssuers URL in its Authority Information Access; if that URL redirects to https, " +
				"the Teams Connector cannot build the chain. Offline the URL is reported as a risk; with `--online` " +
				"it is fetched once, without following redirects, and reported only when it redirects to https.",
			Prevents:    "Error=\"401\": \"includes a HTTP-to-HTTPS redirect in the AIA…\"",
			Remediation: "Check the URL answers without a redirect, or upload the full chain.",
			Bad:         `{"ca_certificate": [{"certificate": "-----BEGIN CERTIFICATE----- (AIA caIssuers http://pki.example.org/int.crt) …"}]}`,
			Good:        `{"ca_certificate": [{"certificate": "-----BEGIN CERTIFICATE----- (no http:// AIA) …"}]}`,
			Assumes:     "Offline, any http:// caIssuers URL is taken as one that may redirect (PX312 does the same check for the connector's own certificate).",
		},
		Rule{
			ID: "PX717", Name: "infinity-client-api", Severity: W, Levels: lv(W), Engine: EngineRego, Infinity: true,
			Title: "Client API disabled on Infinity",
			Description: "`global.enable_application_api` is false; Infinity's schema says the Client API is " +
				"required for the Teams integration.",
			Prevents:    "Teams calls failing with the Client API off (from Infinity's schema, beyond the troubleshooting page)",
			Remediation: "Enable support for Pexip apps in Platform > Global settings.",
			Bad:         `{"global": {"enable_application_api": false}}`,
			Good:        `{"global": {"enable_application_api": true}}`,
			Assumes:     "The schema's statement is taken as a requirement; the seed does not list this failure.",
		},
		Rule{
			ID: "PX718", Name: "infinity-export-secrets", Severity: I, Levels: lv(I), Engine: EngineRego, Infinity: true,
			Title: "Infinity export holds secrets",
			// Security: keys and passwords in a file meant to be committed.
			SecuritySeverity: 7.5,
			Description: "The export carries an Event Hub `SharedAccessKey` (`teams_proxy.notifications_queue`), " +
				"a private key or a password. pxlint never shows the value, in any format; the finding advises " +
				"stripping secrets before the export is committed.",
			Prevents:    "credentials leaking through a committed export or a CI log",
			Remediation: "Strip secrets before committing (`pxlint infinity export-script` writes the export without them).",
			Bad:         `{"notifications_queue": "Endpoint=sb://…;SharedAccessKeyName=standard_access_policy;SharedAccessKey=…"}`,
			Good:        `{"notifications_queue": null}`,
			Assumes:     "A field is secret when its name says password, passphrase, secret or private_key, or its value holds a SharedAccessKey or a PEM private key.",
		},
	)
}
