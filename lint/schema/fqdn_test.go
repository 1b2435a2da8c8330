package schema

import (
	"strings"
	"testing"
)

// Each name of $PxNodeFqdns is judged by the same #Fqdn, and explained in
// the same words, as $PxTeamsConnFqdn.
func TestNodeNames(t *testing.T) {
	s := mustBuiltin(t)
	for _, tc := range []struct {
		name, value string
		msgs        []string // PX502 messages, in order
		fix         string   // the first violation's fix
	}{
		{name: "ok", value: "conf01.fabrikam.net, conf02.fabrikam.net"},
		{name: "one ok", value: "conf01.fabrikam.net"},
		{name: "empty parts skipped", value: "conf01.fabrikam.net,,"},
		{name: "unexpanded is PX003's", value: "$($PxBaseConnName).fabrikam.net"},
		{name: "scheme and path", value: "https://conf01.fabrikam.net/admin,conf02.fabrikam.net",
			msgs: []string{`"https://conf01.fabrikam.net/admin" in $PxNodeFqdns has a scheme (https://); write the host name only: "conf01.fabrikam.net"`},
			fix:  `$PxNodeFqdns = "conf01.fabrikam.net,conf02.fabrikam.net"`},
		{name: "underscore", value: "conf01.fabrikam.net,conf_02.fabrikam.net",
			msgs: []string{`"conf_02.fabrikam.net" in $PxNodeFqdns contains an underscore, which a host name cannot hold; use "-": "conf-02.fabrikam.net"`},
			fix:  `$PxNodeFqdns = "conf01.fabrikam.net,conf-02.fabrikam.net"`},
		{name: "port", value: "conf03.fabrikam.net:443",
			msgs: []string{`"conf03.fabrikam.net:443" in $PxNodeFqdns has a port (:443); write the host name only: "conf03.fabrikam.net"`},
			fix:  `$PxNodeFqdns = "conf03.fabrikam.net"`},
		{name: "ip and single label", value: "10.1.2.3,conf02",
			msgs: []string{`"10.1.2.3" in $PxNodeFqdns is an IP address`, `"conf02" in $PxNodeFqdns is not a fully qualified name`}},
		{name: "trailing dot", value: "conf01.example.com.",
			msgs: []string{`"conf01.example.com." in $PxNodeFqdns ends with a dot`}, fix: `$PxNodeFqdns = "conf01.example.com"`},
		{name: "long label", value: strings.Repeat("a", 64) + ".fabrikam.net",
			msgs: []string{"has a label of 64 characters"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []Violation
			for _, v := range s.Validate("az", map[string]any{"PxNodeFqdns": tc.value}, Options{}) {
				if v.RuleID == RuleFQDN {
					got = append(got, v)
				}
			}
			if len(got) != len(tc.msgs) {
				t.Fatalf("got %d PX502 violations %+v, want %d", len(got), got, len(tc.msgs))
			}
			for i, want := range tc.msgs {
				if !strings.Contains(got[i].Message, want) {
					t.Errorf("message %d = %q, want it to contain %q", i, got[i].Message, want)
				}
				if got[i].Variable != "PxNodeFqdns" || got[i].Element != -1 {
					t.Errorf("violation %d points at %s[%d]", i, got[i].Variable, got[i].Element)
				}
			}
			if len(got) > 0 && got[0].Fix != tc.fix {
				t.Errorf("fix = %q, want %q", got[0].Fix, tc.fix)
			}
		})
	}
}
