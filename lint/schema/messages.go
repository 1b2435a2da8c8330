package schema

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"cuelang.org/go/cue"
	"github.com/agnivade/levenshtein"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// The CUE schema decides whether a value is valid; the functions here only
// explain a failure: which part of the value is wrong and what to write
// instead. A suggested replacement is offered as a Fix only after the schema
// itself accepts it.

// message explains a built-in failure of rule ruleID on the variable's value.
func (s *Schema) message(ruleID, name string, field cue.Value, value any) (msg, fix string) {
	str, isString := value.(string)
	if ruleID == RuleWrongType {
		if isString && field.IncompleteKind()&cue.StringKind != 0 {
			return addressListMessage(name, str)
		}
		return s.wrongTypeMessage(name, field, value)
	}
	if !isString && ruleID != rules.PX505 {
		return genericMessage(ruleID, name, value)
	}
	switch ruleID {
	case rules.PX201:
		return baseNameMessage(s, name, field, str)
	case rules.PX202:
		return regionTagMessage(s, name, field, str)
	case RuleAzureLocation:
		return s.locationMessage(name, str)
	case RuleFQDN:
		return s.fqdnMessage(name, field, str)
	case rules.PX504:
		return s.guidMessage(name, field, str)
	case rules.PX505:
		return instanceCountMessage(name, value)
	case rules.PX507:
		return s.adminUserMessage(name, str)
	}
	return genericMessage(ruleID, name, value)
}

// accepts reports whether the field accepts a candidate replacement.
func (s *Schema) accepts(field cue.Value, candidate any) bool {
	return field.Unify(s.ctx.Encode(candidate)).Validate(cue.Concrete(true)) == nil
}

// assign renders the assignment to write.
func assign(name string, v any) string {
	return "$" + name + " = " + psLiteral(v)
}

// psLiteral renders a value as PowerShell source.
func psLiteral(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case bool:
		if x {
			return "$true"
		}
		return "$false"
	case []string:
		q := make([]string, len(x))
		for i, e := range x {
			q[i] = strconv.Quote(e)
		}
		return "@(" + strings.Join(q, ", ") + ")"
	}
	return fmt.Sprint(v)
}

// describe shows a (non-secret) value in a message, shortened.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(shorten(x, 80))
	case bool, int64, float64:
		return psLiteral(x)
	case []any:
		return fmt.Sprintf("(an array of %d elements)", len(x))
	case map[string]any:
		return "(a hashtable)"
	case nil:
		return "$null"
	}
	return fmt.Sprint(v)
}

// kindOf names a value's kind as PowerShell users know it.
func kindOf(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case int64, float64:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "a hashtable"
	}
	return "a value"
}

// kindDescription names a value's kind and shows it when it is a scalar.
func kindDescription(v any) string {
	switch x := v.(type) {
	case []any:
		if len(x) == 1 {
			return "an array of 1 element"
		}
		return fmt.Sprintf("an array of %d elements", len(x))
	case map[string]any:
		return "a hashtable"
	}
	return kindOf(v) + " " + describe(v)
}

// expectedKind names what the field admits.
func expectedKind(k cue.Kind) string {
	var parts []string
	if k&cue.BoolKind != 0 {
		parts = append(parts, "a boolean ($true or $false)")
	}
	if k&cue.NumberKind != 0 {
		parts = append(parts, "a number")
	}
	if k&cue.StringKind != 0 {
		parts = append(parts, "a string")
	}
	if k&cue.ListKind != 0 {
		parts = append(parts, "an array")
	}
	if k&cue.StructKind != 0 {
		parts = append(parts, "a hashtable")
	}
	if len(parts) == 0 {
		return "something else"
	}
	return strings.Join(parts, " or ")
}

func (s *Schema) wrongTypeMessage(name string, field cue.Value, value any) (string, string) {
	want := field.IncompleteKind()
	if str, ok := value.(string); ok && want == cue.BoolKind {
		word := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(str), "$"))
		if word == "true" || word == "false" {
			b := word == "true"
			return fmt.Sprintf("$%s is the string %s, not a boolean: PowerShell treats any non-empty string as $true and the template rejects it; write %s without quotes",
				name, describe(str), psLiteral(b)), assign(name, b)
		}
		return fmt.Sprintf("$%s is the string %s, not a boolean; write $true or $false without quotes", name, describe(str)), ""
	}
	msg := fmt.Sprintf("$%s is %s, but it must be %s", name, kindDescription(value), expectedKind(want))
	if want&cue.StringKind != 0 {
		// A number meant as text is quoted; a boolean where text belongs is
		// no typo of the text, so no mechanical fix is offered for it.
		switch value.(type) {
		case int64, float64:
			text := psLiteral(value)
			if s.accepts(field, text) {
				return msg + "; quote it", assign(name, text)
			}
		}
	}
	return msg, ""
}

// addressListMessage explains an address list written as one string.
func addressListMessage(name, s string) (string, string) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
	return fmt.Sprintf("$%s is one string holding %d addresses (%s); Azure receives it as one invalid prefix: write an array with one quoted address per element",
		name, len(parts), describe(s)), assign(name, parts)
}

func genericMessage(ruleID, name string, value any) (string, string) {
	return fmt.Sprintf("$%s %s is not valid (%s)", name, describe(value), ruleID), ""
}

func baseNameMessage(s *Schema, name string, field cue.Value, v string) (string, string) {
	var keep []rune
	var bad []string
	for _, r := range v {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			keep = append(keep, unicode.ToLower(r))
		} else if !containsString(bad, string(r)) {
			bad = append(bad, string(r))
		}
	}
	if len(keep) > 9 {
		keep = keep[:9]
	}
	candidate := string(keep)
	var msg string
	if len(bad) > 0 {
		msg = fmt.Sprintf("$%s %s may hold only a-z and 0-9 (it prefixes the VMSS, storage and computer names); remove %s",
			name, describe(v), quoteList(bad))
	} else {
		msg = fmt.Sprintf("$%s %s has %d characters; at most 9 are allowed (it prefixes the VMSS, storage and computer names)",
			name, describe(v), len([]rune(v)))
	}
	if candidate != "" && s.accepts(field, candidate) {
		return msg + fmt.Sprintf(", e.g. %q", candidate), assign(name, candidate)
	}
	return msg, ""
}

func regionTagMessage(s *Schema, name string, field cue.Value, v string) (string, string) {
	var keep []rune
	for _, r := range strings.ToLower(v) {
		if r >= 'a' && r <= 'z' {
			keep = append(keep, r)
		}
	}
	candidate := string(keep)
	if candidate == "" || !s.accepts(field, candidate) {
		candidate = "weu"
	}
	return fmt.Sprintf("$%s %s must be lower-case letters only (a-z), e.g. %q", name, describe(v), candidate), assign(name, candidate)
}

// squash lower-cases a location and drops separators, as Azure compares them.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '_' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// maxSuggestLen bounds the length of a value or name a suggestion is
// computed for.
const maxSuggestLen = 128

// nearestRegion is the region whose short or display name is closest to v.
func (s *Schema) nearestRegion(v string) (region, int) {
	q := squash(v)
	if len(q) > maxSuggestLen {
		return region{}, math.MaxInt // edit distance is quadratic: no suggestion for huge values
	}
	best, bestD := region{}, math.MaxInt
	for _, r := range s.regions {
		for _, cand := range []string{r.Name, squash(r.Display)} {
			if d := levenshtein.ComputeDistance(q, cand); d < bestD {
				best, bestD = r, d
			}
		}
	}
	return best, bestD
}

func (s *Schema) locationMessage(name, v string) (string, string) {
	r, d := s.nearestRegion(v)
	if r.Name != "" && d <= max(3, len([]rune(v))/3) {
		return fmt.Sprintf("$%s %s is not an Azure region; did you mean %q (%s)?", name, describe(v), r.Name, r.Display),
			assign(name, r.Name)
	}
	return fmt.Sprintf("$%s %s is not an Azure region; use a region's short name such as \"westeurope\" (`az account list-locations -o table` lists them; add new ones to extra_locations of rule \"PX209\" in .pxlint.hcl)",
		name, describe(v)), ""
}

// locationInfo is PX209's info level: an accepted location that is not the
// region's short name (a display name, or another case).
func (s *Schema) locationInfo(rule, name string, value any) (Violation, bool) {
	v, ok := value.(string)
	if !ok || isBlank(v) || rule != RuleAzureLocation {
		return Violation{}, false
	}
	for _, r := range s.regions {
		if v == r.Name {
			return Violation{}, false
		}
		if strings.EqualFold(v, r.Name) || strings.EqualFold(v, r.Display) {
			what := "a display name"
			if strings.EqualFold(v, r.Name) {
				what = "the short name in another case"
			}
			return Violation{
				RuleID: RuleAzureLocation, Severity: finding.SeverityInfo, Variable: name, Element: -1,
				Message: fmt.Sprintf("$%s %s is %s; Azure accepts it, but the short name %q is what Azure reports and what other scripts use",
					name, describe(v), what, r.Name),
				Fix: assign(name, r.Name),
			}, true
		}
	}
	return Violation{}, false
}

func (s *Schema) guidMessage(name string, field cue.Value, v string) (string, string) {
	candidate := strings.TrimSpace(v)
	if len(candidate) >= 2 && (candidate[0] == '{' && candidate[len(candidate)-1] == '}' || candidate[0] == '(' && candidate[len(candidate)-1] == ')') {
		candidate = candidate[1 : len(candidate)-1]
	}
	if candidate != v && s.accepts(field, candidate) {
		return fmt.Sprintf("$%s %s is a GUID with braces or spaces; write the bare GUID %q", name, describe(v), candidate),
			assign(name, candidate)
	}
	return fmt.Sprintf("$%s %s is not a GUID (8-4-4-4-12 hexadecimal digits, e.g. \"3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11\"); copy it from `az account show --query id -o tsv`",
		name, describe(v)), ""
}

func instanceCountMessage(name string, value any) (string, string) {
	var n float64
	switch x := value.(type) {
	case int64:
		n = float64(x)
	case float64:
		n = x
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Sprintf("$%s %s is not a whole number; write the number of Teams Connector VMs in digits, e.g. \"2\"", name, describe(value)), ""
		}
		n = f
	default:
		return genericMessage(rules.PX505, name, value)
	}
	switch {
	case n < 1:
		return fmt.Sprintf("$%s %s must be at least 1 (the number of Teams Connector VMs)", name, describe(value)), assign(name, "1")
	case n != math.Trunc(n):
		up := strconv.FormatFloat(math.Ceil(n), 'f', -1, 64)
		return fmt.Sprintf("$%s %s is not a whole number of VMs; round it, e.g. %q (each VM takes about 15 calls)", name, describe(value), up), assign(name, up)
	}
	return genericMessage(rules.PX505, name, value)
}

func (s *Schema) adminUserMessage(name, v string) (string, string) {
	const special = `\/"[]:|<>+=;,?*@&`
	for _, r := range s.reservedAdmins {
		if strings.EqualFold(v, r) {
			return fmt.Sprintf("$%s %s is a name Azure reserves for VM administrators (%s); choose another, e.g. \"pxvmadmin\"", name, describe(v), r), ""
		}
	}
	switch n := len([]rune(v)); {
	case n > 20:
		return fmt.Sprintf("$%s %s has %d characters; Azure allows at most 20 for a VM administrator", name, describe(v), n), ""
	case strings.HasSuffix(v, "."):
		t := strings.TrimRight(v, ".")
		if t == "" {
			return fmt.Sprintf("$%s %s ends with \".\", which Azure rejects", name, describe(v)), ""
		}
		return fmt.Sprintf("$%s %s ends with \".\", which Azure rejects; write %q", name, describe(v), t), assign(name, t)
	case strings.ContainsAny(v, special):
		i := strings.IndexAny(v, special)
		return fmt.Sprintf("$%s %s contains %q; Azure does not allow any of %s in a VM administrator name", name, describe(v), v[i:i+1], special), ""
	}
	return genericMessage(rules.PX507, name, v)
}

// unknownVariable is PX005 for a name the profile's catalog does not know,
// with the nearest known name when one is close. The catalog describes the
// releases pxlint knows; a name passed to the deployment call is more
// likely a newer release's variable than a typo, so it is only info.
func (s *Schema) unknownVariable(profileName string, p *profile, n string, deployed map[string]string) Violation {
	v := Violation{RuleID: RuleUnknownVariable, Variable: n, Element: -1}
	shown := shorten(n, 80)
	if param, ok := deployed[strings.ToLower(n)]; ok {
		v.Severity = finding.SeverityInfo
		v.Message = fmt.Sprintf("$%s is not in the catalog of profile %s, but the script passes it to create_vmss_deployment.ps1 as -%s, so a newer release probably reads it; declare it with a variable block in .pxlint.hcl to have its value checked",
			shown, profileName, shorten(param, 80))
		return v
	}
	for _, other := range s.Profiles() {
		if other == profileName {
			continue
		}
		if known, ok := s.profiles[other].catalog[strings.ToLower(n)]; ok {
			v.Message = fmt.Sprintf("$%s is not in the catalog of profile %s (it belongs to the %s profile); the deployment ignores it: remove it, or set the profile with --profile %s",
				known, profileName, other, other)
			v.Fix = "remove $" + shown
			return v
		}
	}
	if best := nearestName(n, p.data.Variables); best != "" {
		v.Message = fmt.Sprintf("$%s is not in the catalog of profile %s; did you mean $%s?", shown, profileName, best)
		v.Fix = "rename $" + shown + " to $" + best
		return v
	}
	v.Message = fmt.Sprintf("$%s is not in the catalog of profile %s, and the script does not pass it to create_vmss_deployment.ps1; check its spelling, remove it, or, if your release reads it, declare it with a variable block in .pxlint.hcl",
		shown, profileName)
	return v
}

// nearestName is the closest catalog name, when the distance is small for
// the name's length; ties go to the alphabetically first name.
func nearestName(n string, catalog []string) string {
	q := strings.ToLower(n)
	if len(q) > maxSuggestLen {
		return ""
	}
	limit := max(2, len(q)/4)
	names := append([]string(nil), catalog...)
	sort.Strings(names)
	best, bestD := "", limit+1
	for _, c := range names {
		if d := levenshtein.ComputeDistance(q, strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func containsString(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, e := range list {
		q[i] = strconv.Quote(e)
	}
	return strings.Join(q, ", ")
}
