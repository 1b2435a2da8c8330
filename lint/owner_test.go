package lint

import (
	"testing"

	"github.com/pxlint/pxlint/lint/rules"
)

func TestShapeOwnersSkipDependentRules(t *testing.T) {
	var o shapeOwners
	o.claim("PX502", "PxTeamsConnFqdn", -1, "teams_weu.example.com")                // the FQDN is not a DNS name
	o.claim("PX008", "PxMgmtSrcAddrPrefixes", -1, "85.10.200.0/28, 85.10.201.0/28") // a list written as one string
	o.claim("PX008", "PxNodesSourceAddressPrefixes", 2, "x")                        // one element: claims nothing
	o.claim("PX005", "PxTeamsConnFqdnn", -1, "x")                                   // an unknown name: claims nothing
	o.claim("PX502", "PxNodeFqdns", -1, "conf01.example.com,conf_02.example.com")   // one name of several: claims nothing
	rego := func(id string) rules.Rule { return rules.Rule{ID: id, Engine: rules.EngineRego} }
	for _, tc := range []struct {
		name     string
		rule     rules.Rule
		variable string
		element  int
		want     bool
	}{
		{"PX303 on the broken FQDN", rego("PX303"), "PxTeamsConnFqdn", -1, true},
		{"PX206 on the broken FQDN, $-spelling", rego("PX206"), "$pxteamsconnfqdn", -1, true},
		{"PX101 on the list-in-a-string", rego("PX101"), "PxMgmtSrcAddrPrefixes", -1, true},
		{"an element of an owned variable", rego("PX101"), "PxMgmtSrcAddrPrefixes", 0, false},
		{"another element of a partly wrong list", rego("PX101"), "PxNodesSourceAddressPrefixes", -1, false},
		{"script-level rule", rego("PX006"), "PxTeamsConnFqdn", -1, false},
		{"user policy", rules.Rule{ID: "ACME1", Engine: rules.EngineUser}, "PxTeamsConnFqdn", -1, false},
		{"no variable", rego("PX601"), "", -1, false},
		{"PX005 claims nothing", rego("PX004"), "PxTeamsConnFqdnn", -1, false},
		{"one bad node name leaves the others to PX309", rego("PX309"), "PxNodeFqdns", -1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := o.owns(tc.rule, tc.variable, tc.element); got != tc.want {
				t.Errorf("owns = %v, want %v", got, tc.want)
			}
		})
	}
}
