package schema

import (
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"cuelang.org/go/cue"

	"github.com/pxlint/pxlint/lint/rules"
)

// PX502 (fqdn) has one grammar, #Fqdn in schemas/variables.cue, and one
// explanation, fqdnProblem. CUE judges $PxTeamsConnFqdn through its field's
// constraint; checkNodeNames judges each name of the comma-separated
// $PxNodeFqdns against the same #Fqdn (the whole value's shape is PX008's
// and PX503's).

// RuleFQDN is the rule of host names.
const RuleFQDN = rules.PX502

// nodeNames is the variable holding the Conferencing Nodes' names.
const nodeNames = "PxNodeFqdns"

// fqdnMessage explains a $PxTeamsConnFqdn that field rejects.
func (s *Schema) fqdnMessage(name string, field cue.Value, v string) (string, string) {
	problem, host := fqdnProblem(v)
	msg := fmt.Sprintf("$%s %s %s", name, describe(v), problem)
	if host != v && host != "" && s.accepts(field, host) {
		return msg + fmt.Sprintf(": %q", host), assign(name, host)
	}
	return msg, ""
}

// unexpandedRef matches what a single-quoted string keeps literally: a
// sub-expression or a $Px variable. Such a value is PX003's.
var unexpandedRef = regexp.MustCompile(`\$\(|\$\{?[Pp][Xx]`)

// checkNodeNames judges each name of $PxNodeFqdns (a string; an array is
// PX503's, an empty value PX501's) against #Fqdn. A fix rewrites the list
// with the name it may have meant, when #Fqdn accepts that name.
func (s *Schema) checkNodeNames(known map[string]any) []Violation {
	v, ok := known[nodeNames].(string)
	if !ok || isBlank(v) || unexpandedRef.MatchString(v) {
		return nil
	}
	if s.nodesPassed.has(nodeNames, v) {
		return nil
	}
	var names []string
	for _, p := range strings.Split(v, ",") {
		if n := strings.TrimSpace(p); n != "" {
			names = append(names, n)
		}
	}
	// One unification for the whole list; the names one by one only to
	// find which fail.
	if s.accepts(s.nodeNamesDef, names) {
		s.nodesPassed.add(nodeNames, v)
		return nil
	}
	fqdn := s.fqdnDef
	var out []Violation
	for i, n := range names {
		if s.accepts(fqdn, n) {
			continue
		}
		problem, host := fqdnProblem(n)
		viol := Violation{RuleID: RuleFQDN, Variable: nodeNames, Element: -1,
			Message: fmt.Sprintf("%s in $%s %s", describe(n), nodeNames, problem)}
		if host != n && host != "" && s.accepts(fqdn, host) {
			fixed := append([]string(nil), names...)
			fixed[i] = host
			viol.Message += fmt.Sprintf(": %q", host)
			viol.Fix = assign(nodeNames, strings.Join(fixed, ","))
		}
		out = append(out, viol)
	}
	return out
}

// nodeNamesAccepted reports whether checkNodeNames would find nothing by
// #Fqdn's accept alone: every name of $PxNodeFqdns passes it, or there is
// nothing to judge. False means "ask CUE".
func (s *Schema) nodeNamesAccepted(known map[string]any) bool {
	v, ok := known[nodeNames].(string)
	if !ok || isBlank(v) || unexpandedRef.MatchString(v) {
		return true
	}
	for _, p := range strings.Split(v, ",") {
		if n := strings.TrimSpace(p); n != "" && !s.fqdn.accepts(n) {
			return false
		}
	}
	return true
}

// fqdnProblem says what makes a host name invalid, in the order a user
// would fix it, and the host name it may have meant (v itself when there
// is no better guess). It only explains: #Fqdn decides.
func fqdnProblem(v string) (problem, host string) {
	host = strings.TrimSpace(v)
	if i := strings.Index(host, "://"); i >= 0 {
		problem = "has a scheme (" + host[:i+3] + "); write the host name only"
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		if problem == "" {
			problem = "has a path; write the host name only"
		}
		host = host[:i]
	}
	if h, port, err := net.SplitHostPort(host); err == nil && port != "" {
		if problem == "" {
			problem = "has a port (:" + port + "); write the host name only"
		}
		host = h
	}
	lower := strings.ToLower(host)
	labels := strings.Split(strings.TrimSuffix(host, "."), ".")
	longest := ""
	for _, l := range labels {
		if len(l) > len(longest) {
			longest = l
		}
	}
	switch {
	case problem != "":
	case strings.IndexFunc(v, unicode.IsSpace) >= 0:
		problem = "contains spaces"
		host = strings.Join(strings.Fields(host), "")
	case net.ParseIP(host) != nil:
		problem = "is an IP address; the Teams Connector needs a DNS name that its certificate covers"
	case strings.Contains(host, "_"):
		problem = "contains an underscore, which a host name cannot hold; use \"-\""
		host = strings.ReplaceAll(host, "_", "-")
	case len(host) > 253:
		problem = fmt.Sprintf("has %d characters; a DNS name has at most 253", len(host))
	case len(longest) > 63:
		problem = fmt.Sprintf("has a label of %d characters (%s); a DNS label has at most 63", len(longest), strconv.Quote(shorten(longest, 20)))
	case strings.HasSuffix(host, "."):
		problem = "ends with a dot; write the name without it"
		host = strings.TrimSuffix(host, ".")
	case len(labels) < 2:
		problem = "is not a fully qualified name; add its domain, e.g. \"teams.example.com\""
	case strings.Contains(host, "..") || strings.HasPrefix(host, "."):
		problem = "has an empty label"
	case strings.Contains(lower, ".-") || strings.Contains(lower, "-.") || strings.HasPrefix(lower, "-") || strings.HasSuffix(lower, "-"):
		problem = "has a label that starts or ends with a hyphen"
	default:
		dnsChar := func(r rune) bool {
			return r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '-' || r == '.'
		}
		if i := strings.IndexFunc(host, func(r rune) bool { return !dnsChar(r) }); i >= 0 {
			problem = fmt.Sprintf("contains %q, which a DNS name cannot hold", []rune(host[i:])[0])
		} else {
			problem = "is not a DNS name (its last label must start with a letter)"
		}
	}
	return problem, host
}
