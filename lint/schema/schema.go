package schema

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"runtime/trace"
	"sort"
	"strings"
	"sync"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/build"
	"cuelang.org/go/cue/cuecontext"
	"cuelang.org/go/cue/parser"

	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/schemas"
)

// PackageName is the CUE package of the built-in schema and of user overlays.
const PackageName = "pxlint"

// DefaultProfile is used when Validate is given a profile the schema does not
// define (DESIGN, Profiles: "defaults to az when nothing tells").
const DefaultProfile = "az"

// builtinFiles are the embedded files this package compiles. facts.cue and
// inventory.cue (same package, other readers) are deliberately not loaded:
// the variables schema does not depend on them.
var builtinFiles = []string{"variables.cue", "regions.cue", "profiles.cue"}

// Schema is the compiled built-in schema plus the user overlays.
type Schema struct {
	ctx *cue.Context
	// builtin is the built-in schema alone: built-in rules are judged on it,
	// so a user overlay can never change which built-in rule fires.
	builtin cue.Value
	// merged is builtin unified with the user overlays (== builtin without any).
	merged cue.Value
	user   []*userFile

	profiles  map[string]*profile
	regions   []region
	userRules []rules.Rule
	// reservedAdmins are #ReservedAdminNames, for PX507's message.
	reservedAdmins []string
	// fqdnDef and nodeNamesDef are #Fqdn and #NodeNames (PX502); nodesPassed
	// remembers $PxNodeFqdns values whose names all passed.
	fqdnDef, nodeNamesDef cue.Value
	nodesPassed           passCache
	defaultVars           *variant

	mu       sync.Mutex
	variants map[string]*variant // by ExtraLocations key

	// fields and fqdn are the built-in fields' rules and accepts, and
	// #Fqdn's, from the tables: enough to validate values that pass
	// without compiling the CUE (passesWithoutCUE).
	fields map[string]map[string]fieldRecord
	fqdn   *accept

	// compiled compiles the CUE fields above once (err its error): at
	// once for Load, at the first validation that needs them for Start.
	compiled sync.Once
	dirs     []string // the user overlays Load compiles
	err      error
}

// profile is what Load precomputes for one profile.
type profile struct {
	data    ProfileData
	catalog map[string]string // lower-case name → catalog spelling
}

// region is one Azure region of #AzureRegions.
type region struct {
	Name    string `json:"name"`
	Display string `json:"display"`
	Cloud   string `json:"cloud"`
}

// variant holds the profiles' variables structs for one set of extra
// locations (filled into #ExtraLocations).
type variant struct {
	builtin map[string]*fieldSet
	merged  map[string]*fieldSet
	extra   []string
}

// fieldSet is one profile's variables struct with its fields looked up once.
type fieldSet struct {
	vars cue.Value
	// prefix is the length of vars' path: an error path's next selector
	// names the variable.
	prefix int
	fields map[string]fieldInfo
	// passed remembers variable values that passed, so the scripts of one
	// run that share a value (a region, a boolean, a count) unify it once.
	// Sound because every constraint is per variable (cross-field rules
	// belong in Rego).
	passed passCache
	// whole is which fields accept every string or boolean (kinds.go).
	whole wholeKinds
}

// fieldInfo is one variable's constraint and its @rule ID ("" if none);
// required is true for a field declared with `!` (a user overlay's way to
// make a variable mandatory).
type fieldInfo struct {
	value    cue.Value
	rule     string
	required bool
}

func newFieldSet(vars cue.Value) (*fieldSet, error) {
	fs := &fieldSet{vars: vars, prefix: len(vars.Path().Selectors()), fields: map[string]fieldInfo{}}
	if !vars.Exists() {
		return fs, nil // a profile only a user overlay defines has no built-in fields
	}
	it, err := vars.Fields(cue.Optional(true))
	if err != nil {
		return nil, positioned(err)
	}
	for it.Next() {
		rule, _ := ruleOf(it.Value())
		required := it.Selector().ConstraintType() == cue.RequiredConstraint
		fs.fields[it.Selector().Unquoted()] = fieldInfo{value: it.Value(), rule: rule, required: required}
	}
	return fs, nil
}

// Load compiles the embedded schema and the user overlays found in userDirs
// (every top-level .cue file of each directory, which must be in package
// pxlint). A user file that does not parse or compile, or that names a
// reserved rule ID, is an error of the form "file:line:col: message".
func Load(userDirs []string) (*Schema, error) {
	s, err := fromTables()
	if err != nil {
		return nil, err
	}
	s.dirs = userDirs
	if err := s.Wait(); err != nil {
		return nil, err
	}
	return s, nil
}

// Start returns the built-in schema (no user overlays) without compiling
// its CUE: what Profiles, Profile, Catalog and LocationCloud return comes
// from tables generated at build time, and Validate judges values that
// pass their fields' accepts from them too (accept.go). The CUE compiles
// at the first validation that needs it, or at Wait, which returns the
// compilation's error (after which Validate reports nothing).
//
// Compiling it in the background from the start, as pxlint once did, took
// a quarter of the CPU of a run of one clean script, on the core the
// policies' preparation needed.
func Start() (*Schema, error) {
	return fromTables()
}

// Wait compiles the schema's CUE (once) and returns its error.
func (s *Schema) Wait() error {
	s.compiled.Do(func() {
		defer trace.StartRegion(context.Background(), "compile schema").End()
		s.err = s.compile(s.dirs)
	})
	return s.err
}

// fromTables is a schema holding only the built-in data of the generated
// tables (builtin_tables.json), its CUE not compiled yet.
func fromTables() (*Schema, error) {
	t, err := loadTables()
	if err != nil {
		return nil, err
	}
	s := &Schema{ctx: cuecontext.New(), variants: map[string]*variant{},
		regions: t.Regions, reservedAdmins: t.ReservedAdmins, profiles: map[string]*profile{},
		fields: t.Fields, fqdn: t.FQDN}
	for name, rec := range t.Profiles {
		s.profiles[name] = rec.profile()
	}
	return s, nil
}

// compile parses and compiles the built-in CUE and the user overlays of
// userDirs. The built-in data already came from the tables; the profiles
// are read again from the CUE only when an overlay may have changed them.
func (s *Schema) compile(userDirs []string) error {
	builtinSyntax, err := parseBuiltin()
	if err != nil {
		return err
	}
	if s.builtin, err = s.build(builtinSyntax); err != nil {
		return fmt.Errorf("built-in schema: %w", positioned(err))
	}
	s.merged = s.builtin
	if len(userDirs) > 0 {
		if s.user, err = readUserDirs(userDirs); err != nil {
			return err
		}
	}
	if len(s.user) > 0 {
		all := append([]*ast.File(nil), builtinSyntax...)
		for _, u := range s.user {
			all = append(all, u.syntax)
		}
		if s.merged, err = s.build(all); err != nil {
			return s.blameUser(err)
		}
		s.userRules = s.collectUserRules()
		if s.profiles, err = readProfiles(s.merged); err != nil {
			return err
		}
	}
	s.fqdnDef = s.builtin.LookupPath(cue.MakePath(cue.Def("#Fqdn")))
	s.nodeNamesDef = s.builtin.LookupPath(cue.MakePath(cue.Def("#NodeNames")))
	if err := s.nodeNamesDef.Err(); err != nil {
		return fmt.Errorf("built-in schema: #NodeNames: %w", positioned(err))
	}
	if s.defaultVars, err = s.makeVariant(nil); err != nil {
		return err
	}
	return nil
}

// parseBuiltin parses the embedded files of the built-in schema.
func parseBuiltin() ([]*ast.File, error) {
	var files []*ast.File
	for _, name := range builtinFiles {
		src, err := fs.ReadFile(schemas.FS, name)
		if err != nil {
			return nil, fmt.Errorf("built-in schema: %w", err)
		}
		// Without comments: nothing reads them at run time (the rule
		// registry is generated from them at build time).
		f, err := parser.ParseFile(path.Join("schemas", name), src)
		if err != nil {
			return nil, fmt.Errorf("built-in schema: %w", positioned(err))
		}
		files = append(files, f)
	}
	return files, nil
}

// build compiles files as one instance of package pxlint and checks that the
// result is a valid (possibly incomplete) schema.
func (s *Schema) build(files []*ast.File) (cue.Value, error) {
	inst := build.NewContext().NewInstance("", nil)
	inst.PkgName = PackageName
	for _, f := range files {
		if err := inst.AddSyntax(f); err != nil {
			return cue.Value{}, positioned(err)
		}
	}
	v := s.ctx.BuildInstance(inst)
	if err := v.Err(); err != nil {
		return cue.Value{}, err
	}
	if err := v.Validate(); err != nil {
		return cue.Value{}, err
	}
	return v, nil
}

// readProfiles reads #Profiles of a compiled schema: each profile's data
// and catalog.
func readProfiles(v cue.Value) (map[string]*profile, error) {
	profiles := map[string]*profile{}
	it, err := v.LookupPath(cue.MakePath(cue.Def("#Profiles"))).Fields()
	if err != nil {
		return nil, fmt.Errorf("schema: #Profiles: %w", positioned(err))
	}
	for it.Next() {
		name := it.Selector().Unquoted()
		p := &profile{catalog: map[string]string{}}
		data, err := decodeProfile(name, it.Value())
		if err != nil {
			return nil, err
		}
		vars := it.Value().LookupPath(cue.ParsePath("variables"))
		fields, err := vars.Fields(cue.Optional(true))
		if err != nil {
			return nil, fmt.Errorf("schema: #Profiles.%s.variables: %w", name, positioned(err))
		}
		for fields.Next() {
			n := fields.Selector().Unquoted()
			data.Variables = append(data.Variables, n)
			p.catalog[strings.ToLower(n)] = n
		}
		sort.Strings(data.Variables)
		p.data = data
		profiles[name] = p
	}
	if _, ok := profiles[DefaultProfile]; !ok {
		return nil, fmt.Errorf("schema: #Profiles has no %q profile", DefaultProfile)
	}
	return profiles, nil
}

// makeVariant looks up every profile's variables struct, after filling
// #ExtraLocations when extra is not empty.
func (s *Schema) makeVariant(extra []string) (*variant, error) {
	v := &variant{builtin: map[string]*fieldSet{}, merged: map[string]*fieldSet{}, extra: extra}
	builtin, merged := s.builtin, s.merged
	if len(extra) > 0 {
		p := cue.MakePath(cue.Def("#ExtraLocations"))
		builtin = builtin.FillPath(p, extra)
		merged = merged.FillPath(p, extra)
		if err := builtin.Err(); err != nil {
			return nil, fmt.Errorf("schema: extra_locations: %w", positioned(err))
		}
	}
	for name := range s.profiles {
		p := cue.ParsePath("#Profiles." + name + ".variables")
		var err error
		if v.builtin[name], err = newFieldSet(builtin.LookupPath(p)); err != nil {
			return nil, fmt.Errorf("schema: #Profiles.%s.variables: %w", name, err)
		}
		if v.merged[name], err = newFieldSet(merged.LookupPath(p)); err != nil {
			return nil, fmt.Errorf("schema: #Profiles.%s.variables: %w", name, err)
		}
	}
	return v, nil
}

// variantFor returns the (cached) variant for the options' extra locations.
func (s *Schema) variantFor(opts Options) *variant {
	if len(opts.ExtraLocations) == 0 {
		return s.defaultVars
	}
	extra := append([]string(nil), opts.ExtraLocations...)
	sort.Strings(extra)
	key := strings.Join(extra, "\x00")
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.variants[key]; ok {
		return v
	}
	v, err := s.makeVariant(extra)
	if err != nil {
		return s.defaultVars
	}
	if len(s.variants) < maxVariants {
		s.variants[key] = v
	}
	return v
}

// maxVariants bounds the cache of extra-location variants (one per config
// file in practice).
const maxVariants = 32

// Profiles lists the profile names, sorted.
func (s *Schema) Profiles() []string {
	out := make([]string, 0, len(s.profiles))
	for n := range s.profiles {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Profile returns a profile's data; ok is false for an unknown profile.
func (s *Schema) Profile(name string) (ProfileData, bool) {
	p, ok := s.profiles[name]
	if !ok {
		return ProfileData{}, false
	}
	return p.data.clone(), true
}

// Catalog lists the variable names the profile knows, in catalog spelling
// (without `$`), sorted; user overlays may add names. nil for an unknown profile.
func (s *Schema) Catalog(profile string) []string {
	p, ok := s.profiles[profile]
	if !ok {
		return nil
	}
	return append([]string(nil), p.data.Variables...)
}

// UserRules are the registry entries of the rules user overlays define
// (explicit @rule IDs and IDs derived from file names), ordered by ID.
func (s *Schema) UserRules() []rules.Rule {
	return append([]rules.Rule(nil), s.userRules...)
}

// LocationCloud returns the Azure environment ("AzureCloud",
// "AzureUSGovernment") of a built-in region given by short or display name,
// case-insensitively as Azure compares them, or "" for a location the list
// does not hold.
func (s *Schema) LocationCloud(location string) string {
	location = strings.TrimSpace(location)
	for _, r := range s.regions {
		if strings.EqualFold(r.Name, location) || strings.EqualFold(r.Display, location) {
			return r.Cloud
		}
	}
	return ""
}
