package lint

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"testing"
	"time"

	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/policy"
)

// peerScript is examples/az/variables.ps1 with some assignments replaced.
func peerScript(t *testing.T, set map[string]string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "examples", "az", "variables.ps1"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for name, value := range set {
		re := regexp.MustCompile(`(?m)^\$` + name + ` = .*$`)
		if !re.MatchString(s) {
			t.Fatalf("no $%s assignment to replace", name)
		}
		line := "$" + name + " = " + value
		if value == "" {
			line = "# no $" + name
		}
		s = re.ReplaceAllLiteralString(s, line)
	}
	return s
}

// TestPeerIndexIsExact lints scripts that collide, or nearly do, in every
// way PX206 compares (either resource group against either, derived names,
// the FQDN across subscriptions; case and trailing dots; a missing
// subscription) and checks that each script's PX206 results with its
// indexed peers as input.repository are those with every other script.
func TestPeerIndexIsExact(t *testing.T) {
	const s1, s2 = `"3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11"`, `"0b5e8a1c-1111-4c6a-9e1f-2b7d8c9a0e22"`
	scripts := map[string]map[string]string{
		"a.ps1": {},
		// Same subscription, nothing shared.
		"b.ps1": {"PxBaseConnName": `"contoso"`, "PxVmssRegion": `"neu"`, "PxTeamsConnFqdn": `"teams-neu.contoso.net"`},
		// Its VMSS resource group is a's static one, in other case and with a trailing dot.
		"c.ps1": {"PxBaseConnName": `"tailspin"`, "PxTeamsConnFqdn": `"teams.tailspin.net"`,
			"PxTeamsConnResourceGroupName": `"FABRIKAM-TeamsConn-weu-static-RG."`},
		// Another subscription, a's FQDN in capitals with a trailing dot.
		"d.ps1": {"PxSubscriptionId": s2, "PxBaseConnName": `"wingtip"`, "PxTeamsConnFqdn": `"TEAMS-WEU.fabrikam.net."`},
		// a's subscription in capitals, a's derived names, its own resource groups.
		"e.ps1": {"PxSubscriptionId": `"3F2C5A1E-8D4B-4C6A-9E1F-2B7D8C9A0E11"`, "PxTeamsConnFqdn": `"teams-e.fabrikam.net"`,
			"PxTeamsConnResourceGroupName": `"e-RG"`, "PxTeamsConnStaticResourceGroupName": `"e-static-RG"`},
		// No subscription: only the FQDN can collide.
		"f.ps1": {"PxSubscriptionId": ""},
		// Another subscription with a's names: no collision but the FQDN.
		"g.ps1": {"PxSubscriptionId": s2},
		// Its static resource group is its VMSS one, and b's.
		"h.ps1": {"PxBaseConnName": `"northwind"`, "PxTeamsConnFqdn": `"teams.northwind.net"`,
			"PxTeamsConnResourceGroupName": `"contoso-TeamsConn-neu-RG"`, "PxTeamsConnStaticResourceGroupName": `"contoso-TeamsConn-neu-RG"`},
	}
	dir := t.TempDir()
	for name, set := range scripts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(peerScript(t, set)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	e, err := newEngine(Options{Paths: []string{dir}, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	cands, err := discover([]string{dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	var all []*script
	for _, c := range cands {
		s, err := e.place(c)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, s)
	}
	e.readAll(all)
	sums, ids := map[*script]model.ScriptSummary{}, map[*script]string{}
	for _, s := range all {
		sums[s], ids[s] = e.summarize(s), identity(s)
	}
	peers := e.indexPeers(all, sums, ids)
	pol, err := e.policyFor(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	px206 := func(s *script, repo []model.ScriptSummary) []policy.Result {
		in, err := e.input(s, repo)
		if err != nil {
			t.Fatal(err)
		}
		out, err := pol.Eval(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		var rs []policy.Result
		for _, r := range out.Deny {
			if r.ID == "PX206" {
				rs = append(rs, r)
			}
		}
		sort.Slice(rs, func(i, j int) bool { return rs[i].Variable < rs[j].Variable })
		return rs
	}
	collided := 0
	for _, s := range all {
		var everyone []model.ScriptSummary
		for _, o := range all {
			if o != s {
				everyone = append(everyone, sums[o])
			}
		}
		sort.Slice(everyone, func(i, j int) bool { return everyone[i].File < everyone[j].File })
		want := px206(s, everyone)
		got := px206(s, peers.of(s))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: PX206 with indexed peers\n%+v\nwith every script\n%+v", s.path.display, got, want)
		}
		collided += len(want)
		if len(peers.of(s)) == len(everyone) {
			t.Errorf("%s: every other script is a peer: the index filters nothing", s.path.display)
		}
	}
	if collided < 8 {
		t.Errorf("%d PX206 results in all: the fixtures no longer collide as designed", collided)
	}
}
