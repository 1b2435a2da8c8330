// Package facts reads what pxlint knows about the deployment workstation and
// the Azure subscription, from beside the script: a workstation facts file
// (written by the script `pxlint preflight` prints), a local probe of the
// machine pxlint runs on, and an Azure resource-group inventory. Its types are
// what policies see as input.facts and input.inventory.
package facts

import (
	"encoding/json"
	"fmt"
	"path/filepath"
)

// SchemaTag is the value of a facts file's "schema" field.
const SchemaTag = "pxlint-facts/v1"

// Where facts came from; policies copy it into the status source of the
// prerequisite rules.
const (
	SourceFacts = "facts" // a facts file (--facts)
	SourceProbe = "probe" // the local probe (--probe)
)

// Facts describes the deployment workstation and the signed-in Azure account.
// A nil pointer, nil slice (JSON null) or absent field means unknown; an
// empty slice means known to be empty (e.g. no module installed).
type Facts struct {
	Schema string `json:"schema"`
	// Source is SourceFacts or SourceProbe; Path is the facts file as named.
	Source      string `json:"source"`
	Path        string `json:"path,omitempty"`
	CollectedAt string `json:"collected_at,omitempty"`
	Host        *Host  `json:"host,omitempty"`
	// Culture and UICulture are .NET culture names; "" is the invariant culture.
	Culture         *string          `json:"culture,omitempty"`
	UICulture       *string          `json:"ui_culture,omitempty"`
	Modules         []Module         `json:"modules"`
	Account         *Account         `json:"account,omitempty"`
	RoleAssignments []RoleAssignment `json:"role_assignments"`
}

// Host is the machine and PowerShell the facts were collected with.
type Host struct {
	OS                string `json:"os,omitempty"`
	PowerShellEdition string `json:"powershell_edition,omitempty"` // Desktop (5.1) or Core (7)
	PowerShellVersion string `json:"powershell_version,omitempty"`
}

// Module is one installed version of a PowerShell module.
type Module struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Account is the signed-in Azure identity (Get-AzContext) and its directory
// standing (Microsoft Graph).
type Account struct {
	UserPrincipalName string `json:"user_principal_name,omitempty"`
	UserType          string `json:"user_type,omitempty"` // Member, Guest, or "" unknown
	TenantID          string `json:"tenant_id,omitempty"`
	SubscriptionID    string `json:"subscription_id,omitempty"`
	// DirectoryRoles is nil when unknown.
	DirectoryRoles []string `json:"directory_roles"`
}

// RoleAssignment is one Azure RBAC role held by the account, directly or
// through a group, at a scope (a management group, subscription, resource
// group or resource ID).
type RoleAssignment struct {
	Role  string `json:"role"`
	Scope string `json:"scope"`
}

// Load reads a facts file: JSON in UTF-8, or UTF-16 with a BOM as Windows
// PowerShell 5.1 writes with `>`, checked against schemas/facts.cue. The
// error of a malformed file is one line naming the file and the bad field,
// e.g. `facts.json: account.user_type: must be "Member" or "Guest"`.
func Load(path string) (*Facts, error) {
	doc, err := readJSONFile(path)
	if err != nil {
		return nil, err
	}
	f, err := factsFromDocument(filepath.Base(path), doc)
	if err != nil {
		return nil, err
	}
	f.Path = path
	return f, nil
}

// factsFromDocument checks a parsed facts document and converts it.
func factsFromDocument(name string, doc any) (*Facts, error) {
	obj, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: must be a JSON object with \"schema\": %q", name, SchemaTag)
	}
	// A wrong tag is reported alone: the other fields of another format
	// would only produce noise.
	if tag, _ := obj["schema"].(string); tag != SchemaTag {
		if _, present := obj["schema"]; !present {
			return nil, fmt.Errorf("%s: schema: missing; a facts file starts with \"schema\": %q", name, SchemaTag)
		}
		return nil, fmt.Errorf("%s: schema: must be %q, not %s", name, SchemaTag, short(obj["schema"]))
	}
	dropNulls(obj)
	normaliseFacts(obj)
	if err := validateFacts(obj); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// The schema has accepted the shape, so this cannot fail on types.
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var f Facts
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	f.Source = SourceFacts
	return &f, nil
}

// factsLists are the fields of a facts document that may be long lists, with
// the schema definition of their elements.
var factsLists = []struct{ field, elemDef string }{
	{"modules", "FactsModule"},
	{"role_assignments", "FactsRoleAssignment"},
}

// validateFacts checks a facts document against #Facts. The long lists
// (tens of thousands of modules on a build agent) are checked element by
// element in chunks (validateList), so that the cost stays linear; the rest
// of the document is checked without them, then they are put back.
func validateFacts(obj map[string]any) error {
	lists := map[string][]any{}
	for _, l := range factsLists {
		if list, ok := obj[l.field].([]any); ok {
			lists[l.field] = list
			obj[l.field] = []any{}
		}
	}
	err := factsSchema.validate("#Facts", obj, nil)
	for field, list := range lists {
		obj[field] = list
	}
	if err != nil {
		return err
	}
	for _, l := range factsLists {
		if list, ok := lists[l.field]; ok {
			if err := factsSchema.validateList(l.elemDef, list, []string{l.field}); err != nil {
				return err
			}
		}
	}
	return nil
}

// normaliseFacts undoes ConvertTo-Json quirks in place: lists of one written
// as the element itself, and 5.1's {"value", "Count"} array wrapper.
func normaliseFacts(obj map[string]any) {
	for _, k := range []string{"modules", "role_assignments"} {
		if v, ok := obj[k]; ok {
			obj[k] = asList(v)
		}
	}
	if acc, ok := obj["account"].(map[string]any); ok {
		if v, ok := acc["directory_roles"]; ok {
			acc["directory_roles"] = asList(v)
		}
	}
}

// short renders a JSON value for a message, bounded.
func short(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 40 {
		return string(b[:37]) + "..."
	}
	return string(b)
}
