package schema

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"cuelang.org/go/cue"
)

// builtinTablesJSON is the data of the built-in schema, decoded from its
// CUE at build time: a lint run needs the profiles, catalogs and regions
// before any script is validated, and decoding them from the compiled CUE
// cost a third of loading the schema. TestBuiltinTables fails when it no
// longer matches schemas/*.cue; `go test ./lint/schema -run
// TestBuiltinTables -update` rewrites it.
//
//go:embed builtin_tables.json
var builtinTablesJSON []byte

// tables are the built-in schema's data: #Profiles (each with its
// catalog), #AzureRegions and #ReservedAdminNames; and its constraints as
// far as passesWithoutCUE needs them: by profile, each variable field's
// @rule and accept, and #Fqdn's accept.
type tables struct {
	Profiles       map[string]profileRecord          `json:"profiles"`
	Regions        []region                          `json:"regions"`
	ReservedAdmins []string                          `json:"reserved_admins"`
	Fields         map[string]map[string]fieldRecord `json:"fields"`
	FQDN           *accept                           `json:"fqdn"`
}

// fieldRecord is one variable field of a profile: its @rule ID ("" if
// none) and its accept (nil when acceptOf cannot extract one: its values
// always go to CUE).
type fieldRecord struct {
	Rule   string  `json:"rule,omitempty"`
	Accept *accept `json:"accept,omitempty"`
}

// profileRecord is ProfileData with the field the policy input leaves out.
type profileRecord struct {
	ProfileData
	Unconfirmed []string `json:"unconfirmed"`
}

func (r profileRecord) profile() *profile {
	p := &profile{data: r.ProfileData, catalog: make(map[string]string, len(r.Variables))}
	p.data.Unconfirmed = r.Unconfirmed
	for _, n := range r.Variables {
		p.catalog[strings.ToLower(n)] = n
	}
	return p
}

// decodedTables is builtinTablesJSON decoded once per process; each schema
// gets its own profiles from it (profile data is handed out as clones).
var decodedTables = sync.OnceValues(func() (*tables, error) {
	var t tables
	if err := json.Unmarshal(builtinTablesJSON, &t); err != nil {
		return nil, fmt.Errorf("built-in schema tables: %w", err)
	}
	if _, ok := t.Profiles[DefaultProfile]; !ok {
		return nil, fmt.Errorf("built-in schema tables: no %q profile", DefaultProfile)
	}
	return &t, nil
})

func loadTables() (*tables, error) { return decodedTables() }

// decodeTables reads the tables from a compiled built-in schema: what
// builtin_tables.json must hold.
func decodeTables(builtin cue.Value) (*tables, error) {
	profiles, err := readProfiles(builtin)
	if err != nil {
		return nil, err
	}
	t := &tables{Profiles: map[string]profileRecord{}}
	for name, p := range profiles {
		t.Profiles[name] = profileRecord{ProfileData: p.data, Unconfirmed: p.data.Unconfirmed}
	}
	if err := builtin.LookupPath(cue.MakePath(cue.Def("#AzureRegions"))).Decode(&t.Regions); err != nil {
		return nil, fmt.Errorf("built-in schema: #AzureRegions: %w", positioned(err))
	}
	if err := builtin.LookupPath(cue.MakePath(cue.Def("#ReservedAdminNames"))).Decode(&t.ReservedAdmins); err != nil {
		return nil, fmt.Errorf("built-in schema: #ReservedAdminNames: %w", positioned(err))
	}
	t.Fields = map[string]map[string]fieldRecord{}
	for name := range profiles {
		fs, err := newFieldSet(builtin.LookupPath(cue.ParsePath("#Profiles." + name + ".variables")))
		if err != nil {
			return nil, fmt.Errorf("built-in schema: #Profiles.%s.variables: %w", name, err)
		}
		t.Fields[name] = map[string]fieldRecord{}
		for n, f := range fs.fields {
			a, _ := acceptOf(builtin, f.value)
			t.Fields[name][n] = fieldRecord{Rule: f.rule, Accept: a}
		}
	}
	t.FQDN, _ = acceptOf(builtin, builtin.LookupPath(cue.MakePath(cue.Def("#Fqdn"))))
	return t, nil
}
