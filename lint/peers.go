package lint

import (
	"sort"
	"strings"

	"github.com/pxlint/pxlint/lint/model"
)

// peerIndex finds, for each script, the other scripts it collides with.
// It indexes every script's summary by the exact keys PX206 compares
// (policies/px206_deployment_collision.rego): within one subscription, a resource
// group name (VMSS or static, either against either), the VMSS name and the
// public IP name; across subscriptions, the Teams Connector FQDN. Names
// compare as PX206's _same does: lower case, trailing dots removed.
//
// A script's repository context (input.repository) is therefore the
// scripts it collides with, not every script of its subscription: in the
// usual layout of one subscription with a script per region, that keeps a
// run over N scripts linear instead of quadratic. The index may only ever
// over-approximate (a peer that turns out not to collide costs time, never
// output): the Rego still decides, so findings are the same as with every
// script as context.
type peerIndex struct {
	byKey map[string][]*script
	sums  map[*script]model.ScriptSummary
	ids   map[*script]string
	// derived are the name patterns of every profile, by summary key:
	// "vmss_name" and "public_ip_name" (schemas/profiles.cue resource_names).
	derived map[string][]string
}

// sameKey normalises a name as PX206's _same compares it.
func sameKey(s string) string { return strings.ToLower(strings.TrimRight(s, ".")) }

// Key kinds. Resource keys hold the subscription too.
const (
	keyGroup = "rg"
	keyVmss  = "vmss_name"
	keyPIP   = "public_ip_name"
	keyFQDN  = "fqdn"
	keySep   = "\x00"
	roleVmss = "vmss"
	rolePIP  = "public_ip"
)

func resourceKey(kind, sub, name string) string {
	return kind + keySep + sameKey(sub) + keySep + sameKey(name)
}

// indexPeers indexes the summarised scripts (deployments) by what other
// scripts compare against: their summary values, as PX206 reads them from
// input.repository (a missing value compares as "").
func (e *engine) indexPeers(all []*script, sums map[*script]model.ScriptSummary, ids map[*script]string) *peerIndex {
	p := &peerIndex{byKey: map[string][]*script{}, sums: sums, ids: ids, derived: map[string][]string{}}
	seen := map[string]bool{}
	for _, prof := range e.schema.Profiles() {
		pd, _ := e.schema.Profile(prof)
		for role, key := range map[string]string{roleVmss: keyVmss, rolePIP: keyPIP} {
			if pat := pd.ResourceNames[role]; pat != "" && !seen[key+keySep+pat] {
				seen[key+keySep+pat] = true
				p.derived[key] = append(p.derived[key], pat)
			}
		}
	}
	add := func(key string, s *script) { p.byKey[key] = append(p.byKey[key], s) }
	for _, s := range all {
		sum, ok := sums[s]
		if !ok {
			continue
		}
		// PX206 reads o.subscription_id, absent when empty: no resource
		// collision without one.
		if sum.SubscriptionID != "" {
			add(resourceKey(keyGroup, sum.SubscriptionID, sum.ResourceGroup), s)
			if sameKey(sum.StaticResourceGroup) != sameKey(sum.ResourceGroup) {
				add(resourceKey(keyGroup, sum.SubscriptionID, sum.StaticResourceGroup), s)
			}
			add(resourceKey(keyVmss, sum.SubscriptionID, sum.VmssName), s)
			add(resourceKey(keyPIP, sum.SubscriptionID, sum.PublicIPName), s)
		}
		add(keyFQDN+keySep+sameKey(sum.TeamsConnFqdn), s)
	}
	return p
}

// lookupKeys are the keys under which s finds the scripts it may collide
// with: its own values as PX206 reads them (lib.str: a string that is not
// blank; a superset is harmless), and its derived names expanded from every
// profile's pattern, since the profile is only settled when the script is
// judged.
func (p *peerIndex) lookupKeys(s *script) []string {
	if s.res == nil {
		return nil
	}
	in := s.res.Input
	str := func(name string) string {
		v := lookupVariable(in, name)
		if v == nil || v.Kind == model.KindUnknown || v.Kind == model.KindSecret {
			return ""
		}
		x, _ := v.Value.(string)
		if strings.TrimSpace(x) == "" {
			return ""
		}
		return x
	}
	var keys []string
	if fqdn := str("PxTeamsConnFqdn"); fqdn != "" {
		keys = append(keys, keyFQDN+keySep+sameKey(fqdn))
	}
	sub := str("PxSubscriptionId")
	if sub == "" {
		return keys
	}
	for _, name := range []string{"PxTeamsConnResourceGroupName", "PxTeamsConnStaticResourceGroupName"} {
		if v := str(name); v != "" {
			keys = append(keys, resourceKey(keyGroup, sub, v))
		}
	}
	base, region := str("PxBaseConnName"), str("PxVmssRegion")
	if base == "" {
		return keys
	}
	for _, kind := range []string{keyVmss, keyPIP} {
		for _, pat := range p.derived[kind] {
			if strings.Contains(pat, "{region}") && region == "" {
				continue // derived.expand is undefined: nothing to collide
			}
			name := strings.ReplaceAll(strings.ReplaceAll(pat, "{base}", base), "{region}", region)
			keys = append(keys, resourceKey(kind, sub, name))
		}
	}
	return keys
}

// of lists the peers of s, sorted by file: scripts named in the run, or
// context scripts of s's own work tree, that share a key with s.
func (p *peerIndex) of(s *script) []model.ScriptSummary {
	if _, ok := p.sums[s]; !ok {
		return nil // a fragment is judged as part of its includers
	}
	seen := map[*script]bool{s: true}
	out := []model.ScriptSummary{}
	for _, key := range p.lookupKeys(s) {
		for _, o := range p.byKey[key] {
			if seen[o] || (o.context && o.path.root != s.path.root) {
				continue
			}
			seen[o] = true
			if id := p.ids[s]; id != "" && p.ids[o] == id {
				// The same assignments reached through two paths (two
				// wrappers of one variables file): one deployment.
				continue
			}
			out = append(out, p.sums[o])
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].File < out[b].File })
	return out
}
