package rules

import "github.com/pxlint/pxlint/lint/finding"

// prefixVariables are the network security group inputs every PX1xx rule reads.
var prefixVariables = []string{"PxNodesSourceAddressPrefixes", "PxMgmtSrcAddrPrefixes"}

// PX1xx: network security group inputs (policies/px1xx_network.rego).
func init() {
	Register(
		Rule{
			ID:       "PX101",
			Name:     "invalid-address",
			Title:    "Element that is not an IPv4 address or CIDR prefix",
			Severity: finding.SeverityError,
			Description: "An element of `$PxNodesSourceAddressPrefixes` or `$PxMgmtSrcAddrPrefixes` that is not an " +
				"IPv4 address or CIDR prefix: an octet over 255 (`10.0.0.300`), a prefix length over 32 " +
				"(`10.0.0.0/33`), two slashes (`10.0.0/0/16`), a missing length (`10.0.0.0/`), spaces inside the " +
				"quotes. Older Azure clients let some of these through to the deployment.",
			Prevents:    "\"MCU-signalling-endpoint has invalid Address prefix\"",
			Remediation: "Write four dot-separated numbers 0–255, optionally followed by `/0` to `/32`, without spaces.",
			Bad:         "$PxNodesSourceAddressPrefixes = @(\"10.0.0.300\", \" 80.213.4.17\")",
			Good:        "$PxNodesSourceAddressPrefixes = @(\"80.213.4.17\")",
			Engine:      EngineRego,
			Fragment:    true,
			Needs:       prefixVariables,
		},
		Rule{
			ID:       "PX102",
			Name:     "cidr-host-bits",
			Title:    "CIDR prefix with host bits set",
			Severity: finding.SeverityError,
			Description: "A CIDR prefix whose address is not the network address of its length: Azure's network " +
				"security group accepts only network prefixes. The message gives the network " +
				"(`91.90.42.96/26` → `91.90.42.64/26`) and the prefix length at which the written address is a " +
				"network address (`91.90.42.96/27`), in case that range was meant.",
			Prevents: "\"MCU-signalling-endpoint has invalid Address prefix\" (the vendor's own example: " +
				"\"91.90.42.96/26\" in $PxNodesSourceAddressPrefixes)",
			Remediation: "Write the network address of the range (`91.90.42.64/26`), or the longer prefix that starts at the address you wrote.",
			Bad:         "$PxNodesSourceAddressPrefixes = @(\"91.90.42.96/26\")",
			Good:        "$PxNodesSourceAddressPrefixes = @(\"91.90.42.64/26\")",
			Engine:      EngineRego,
			Fragment:    true,
			Needs:       prefixVariables,
		},
		Rule{
			ID:       "PX103",
			Name:     "empty-prefix",
			Title:    "Empty address prefix",
			Severity: finding.SeverityError,
			Description: "An empty or blank element (`\"\"`) beside real ones in an address list: Azure rejects the " +
				"empty prefix. A list of nothing but empty strings is the vendor template's `@(\"\",\"\")` " +
				"placeholder, which the template documents as \"If not specified (default) – HTTPS access is " +
				"always enabled\": that is \"not specified\", PX107's (443 open) for the node prefixes, not PX103's.",
			Prevents:    "\"MCU-signalling-endpoint has invalid Address prefix\" (an empty address prefix)",
			Remediation: "Remove the empty element.",
			Bad:         "$PxNodesSourceAddressPrefixes = @(\"80.213.4.17\", \"\") + $PxMgmtSrcAddrPrefixes",
			Good:        "$PxNodesSourceAddressPrefixes = @(\"80.213.4.17\") + $PxMgmtSrcAddrPrefixes",
			Engine:      EngineRego,
			Fragment:    true,
			Needs:       prefixVariables,
		},
		Rule{
			ID:       "PX104",
			Name:     "non-public-prefix",
			Title:    "Non-public range in the node prefixes",
			Severity: finding.SeverityWarning,
			Description: "A private (RFC 1918), loopback, link-local, carrier-grade NAT (100.64.0.0/10), multicast, " +
				"reserved (0.0.0.0/8, 240.0.0.0/4), documentation (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) " +
				"or benchmarking (198.18.0.0/15) range in `$PxNodesSourceAddressPrefixes`. Conferencing Nodes reach " +
				"the Teams Connector from their public (post-NAT) addresses, so such an entry never matches.",
			Prevents:    "calls blocked by the network security group",
			Remediation: "List the public addresses the Conferencing Nodes' traffic leaves from.",
			Bad:         "$PxNodesSourceAddressPrefixes = @(\"10.20.0.0/24\") + $PxMgmtSrcAddrPrefixes",
			Good:        "$PxNodesSourceAddressPrefixes = @(\"80.213.4.17\") + $PxMgmtSrcAddrPrefixes",
			Engine:      EngineRego,
			Fragment:    true,
			Needs:       prefixVariables,
		},
		Rule{
			ID:       "PX105",
			Name:     "broad-prefix",
			Title:    "Prefix broader than the configured minimum",
			Severity: finding.SeverityWarning,
			// Security: a broad prefix lets most of the Internet reach the nodes.
			SecuritySeverity: 5.3,
			Description: "`0.0.0.0/0`, or a prefix shorter than /16 (configurable), in an address list: the network " +
				"security group then admits a large part of the Internet, which defeats the restriction.",
			Prevents:    "NSG restriction defeated",
			Remediation: "List the specific public addresses or prefixes that need access.",
			Bad:         "$PxNodesSourceAddressPrefixes = @(\"0.0.0.0/0\")",
			Good:        "$PxNodesSourceAddressPrefixes = @(\"80.213.4.17\", \"31.45.128.0/27\") + $PxMgmtSrcAddrPrefixes",
			Engine:      EngineRego,
			Fragment:    true,
			Needs:       prefixVariables,
			Options:     map[string]string{"min_prefix_length": "shortest prefix length accepted without a warning (default 16)"},
			OptionSpecs: map[string]OptionSpec{"min_prefix_length": {Kind: OptionInteger, Min: 1, Max: 32}},
		},
		Rule{
			ID:       "PX106",
			Name:     "overlapping-prefix",
			Title:    "Prefix listed twice or contained in another",
			Severity: finding.SeverityWarning,
			Description: "A prefix listed twice in the same list, or contained in another entry of it (including " +
				"the management prefixes appended with `+ $PxMgmtSrcAddrPrefixes`). The finding points at the " +
				"redundant entry written by hand.",
			Prevents:    "confusing, redundant rules that hide which address was really meant",
			Remediation: "Remove the redundant entry.",
			Bad:         "$PxNodesSourceAddressPrefixes = @(\"31.45.128.0/24\", \"31.45.128.17\")",
			Good:        "$PxNodesSourceAddressPrefixes = @(\"31.45.128.0/24\")",
			Engine:      EngineRego,
			Fragment:    true,
			Needs:       prefixVariables,
		},
		Rule{
			ID:       "PX107",
			Name:     "https-open",
			Title:    "Port 443 open to the whole Internet",
			Severity: finding.SeverityWarning,
			// Security: the connector's HTTPS endpoint faces every address.
			SecuritySeverity: 6.5,
			Description: "`$PxNodesSourceAddressPrefixes` is empty, absent, or the vendor template's `@(\"\",\"\")` " +
				"(\"If not specified (default) – HTTPS access is always enabled\"), so the Teams Connector's network " +
				"security group admits HTTPS from anywhere instead of only from the Conferencing Nodes.",
			Prevents:    "exposure of the Teams Connector to the whole Internet",
			Remediation: "List the Conferencing Nodes' public addresses plus the management prefixes.",
			Bad:         "$PxNodesSourceAddressPrefixes = @()",
			Good:        "$PxNodesSourceAddressPrefixes = @(\"80.213.4.17\") + $PxMgmtSrcAddrPrefixes",
			Engine:      EngineRego,
			Needs:       []string{"PxNodesSourceAddressPrefixes"},
		},
		Rule{
			ID:       "PX108",
			Name:     "consent-source-missing",
			Title:    "Node prefixes do not include the management prefixes",
			Severity: finding.SeverityWarning,
			Description: "`$PxNodesSourceAddressPrefixes` is set but does not contain every prefix of " +
				"`$PxMgmtSrcAddrPrefixes`. The workstation that grants admin consent after the deployment must " +
				"reach the Teams Connector on 443 too; the template's idiom appends the management prefixes. " +
				"When `consent_addresses` (or `--consent-address`) names the consent workstation's public " +
				"addresses, those must be in the list instead. With `$PxMgmtSrcAddrPrefixes = @()` and no " +
				"consent address, nothing shows the workstation can reach 443: a warning at the node prefixes.",
			Prevents:    "admin consent blocked after deployment",
			Remediation: "Append the management prefixes: `$PxNodesSourceAddressPrefixes = @(...) + $PxMgmtSrcAddrPrefixes`.",
			Bad:         "$PxNodesSourceAddressPrefixes = @(\"80.213.4.17\")",
			Good:        "$PxNodesSourceAddressPrefixes = @(\"80.213.4.17\") + $PxMgmtSrcAddrPrefixes",
			Engine:      EngineRego,
			Needs:       prefixVariables,
			Options: map[string]string{"consent_addresses": "public IPv4 addresses or prefixes of the admin-consent workstation; " +
				"each must be inside the node prefixes (`--consent-address` replaces them)"},
			OptionSpecs: map[string]OptionSpec{"consent_addresses": {Kind: OptionAddresses, MaxItems: 100}},
		},
	)
}
