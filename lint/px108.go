package lint

import "github.com/pxlint/pxlint/lint/rules"

// withConsentAddresses gives PX108 (consent-source-missing) the
// admin-consent workstation's addresses of --consent-address, which win
// over the config's consent_addresses option. The rule options are copied,
// as the config's maps are shared by the scripts it governs.
func withConsentAddresses(options map[string]map[string]any, addrs []string) map[string]map[string]any {
	if len(addrs) == 0 {
		return options
	}
	out := make(map[string]map[string]any, len(options)+1)
	for id, o := range options {
		out[id] = o
	}
	px108 := map[string]any{}
	for k, v := range out[rules.PX108] {
		px108[k] = v
	}
	list := make([]any, len(addrs))
	for i, a := range addrs {
		list[i] = a
	}
	px108["consent_addresses"] = list
	out[rules.PX108] = px108
	return out
}
