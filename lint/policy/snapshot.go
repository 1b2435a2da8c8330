package policy

import (
	_ "embed" // the compiled built-in policies
	"fmt"
	"io/fs"
	"maps"
	"sort"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/version"

	"github.com/pxlint/pxlint/lint/policy/internal/snapshot"
	"github.com/pxlint/pxlint/policies"
)

// The built-in policies are compiled at build time: `go generate
// ./lint/policy` parses and compiles them with every compiler stage (so a
// policy mistake fails generation) and writes builtin.snapshot, which a run
// restores instead of parsing and compiling them (restoreBuiltin). A
// snapshot built from other policy sources or by another OPA version is not
// used: the run compiles the policies as before (compileBuiltinEngine), and
// TestSnapshotFresh fails, so CI never ships that slower path.
//
// Which engine a package belongs to comes from the rule registry
// (isInfinity), so the registry is generated first.
//
//go:generate go generate ../rules
//go:generate go run ./internal/cmd/gensnapshot -out builtin.snapshot
//go:embed builtin.snapshot
var builtinSnapshot string

// A built-in engine is one compiler of a subset of the built-in packages:
// the script query's and the Infinity query's (forScripts, forInfinity).
// Derived uses the script engine's compiler.
type builtinEngine struct {
	name string
	keep func(pkg string) bool
}

var (
	scriptsEngine  = builtinEngine{"scripts", forScripts}
	infinityEngine = builtinEngine{"infinity", forInfinity}
	builtinEngines = []builtinEngine{scriptsEngine, infinityEngine}
)

// restoreStages are the compiler stages a restored engine runs: the
// snapshot holds modules every other stage has already rewritten or
// checked, and evaluation needs only the compiler's indices of them: the
// module and rule trees, rule indices and comprehension indices.
// (RemoveImports is there to hand the compiler the restored modules,
// restore says how.) The local-variable generator is left out: only the
// rewriting stages use it, queries get their own. The type environment
// holds the built-in functions only, as in a run's compile before the
// snapshot (runtimeSkips): evaluation reads it to tell a function a `with`
// replaces, which no built-in policy does. TestRestoredEqualsCompiled
// compares the result with fresh compiles, and the golden and Rego tests
// evaluate through it.
var restoreStages = []ast.StageID{
	ast.StageRemoveImports,
	ast.StageSetModuleTree,
	ast.StageSetRuleTree,
	ast.StageBuildRuleIndices,
	ast.StageBuildComprehensionIndices,
}

// builtinCompiler returns the compiled built-in packages of an engine:
// restored from the snapshot, or compiled when it cannot be used.
func builtinCompiler(en builtinEngine) (c *ast.Compiler, restored bool, err error) {
	if c, err := restoreBuiltin(en); err == nil {
		return c, true, nil
	}
	c, err = compileBuiltinEngine(en)
	return c, false, err
}

// compileBuiltinEngine parses and compiles an engine's packages (the
// path without a usable snapshot).
func compileBuiltinEngine(en builtinEngine) (*ast.Compiler, error) {
	modules, err := builtinModules(runtimeParse, en.keep)
	if err != nil {
		return nil, err
	}
	return compileBuiltin(modules)
}

// restoreBuiltin restores an engine's compiler from the snapshot. It
// fails, and never panics, on a snapshot that is stale (other policy
// sources or OPA version) or does not decode.
func restoreBuiltin(en builtinEngine) (c *ast.Compiler, err error) {
	defer func() {
		// The snapshot is the build's own, but a flaw in it must cost
		// speed, not the run.
		if p := recover(); p != nil {
			c, err = nil, fmt.Errorf("snapshot: %v", p)
		}
	}()
	src, err := builtinSources()
	if err != nil {
		return nil, err
	}
	h, eng, err := snapshot.Decode(builtinSnapshot, en.name, src.lookup)
	if err != nil {
		return nil, err
	}
	if h.OPAVersion != version.Version || h.SourceHash != src.hash {
		return nil, fmt.Errorf("snapshot: stale (built from OPA %s, sources %.12s; have OPA %s, sources %.12s): run go generate ./lint/policy",
			h.OPAVersion, h.SourceHash, version.Version, src.hash)
	}
	return restore(eng)
}

// restore builds a compiler over compiled modules, running only
// restoreStages. Compile deep-copies the modules it is given, a sixth of
// a restore: it is given bare packages of the same names instead, and a
// stage of our own swaps the restored modules in (they are this
// compiler's alone) before the first stage that reads a module.
//
// The comprehension indices were half of a restore's stages, walking
// every rule for the few (a dozen of 600) that get one: the snapshot
// names those (Engine.Indexed), and the stage that builds the indices
// sees modules of those rules only, swapped back once it is done. An
// index is keyed by the comprehension term, which both views share.
func restore(eng snapshot.Engine) (*ast.Compiler, error) {
	bare := make(map[string]*ast.Module, len(eng.Modules))
	indexedOnly := make(map[string]*ast.Module, len(eng.Modules))
	for name, m := range eng.Modules {
		bare[name] = &ast.Module{Package: m.Package}
		only := *m
		only.Rules = nil
		for _, r := range m.Rules {
			if chainIndexed(r, eng.Indexed) {
				only.Rules = append(only.Rules, r)
			}
		}
		indexedOnly[name] = &only
	}
	c := ast.NewCompiler().WithEnablePrintStatements(false).
		WithSkipStages(skippedOnRestore()...).
		WithStageAfterID(ast.StageRemoveImports, setModules("RestoreSnapshotModules", "restore_snapshot_modules", eng.Modules)).
		WithStageAfterID(ast.StageBuildRuleIndices, setModules("ViewIndexedRules", "view_indexed_rules", indexedOnly)).
		WithStageAfterID(ast.StageBuildComprehensionIndices, setModules("ViewAllRules", "view_all_rules", eng.Modules))
	c.RewrittenVars = eng.RewrittenVars
	c.Compile(bare)
	if c.Failed() {
		return nil, oneLine(c.Errors)
	}
	return c, nil
}

// chainIndexed reports whether a rule or one of its else rules is indexed.
func chainIndexed(r *ast.Rule, indexed map[*ast.Rule]bool) bool {
	for ; r != nil; r = r.Else {
		if indexed[r] {
			return true
		}
	}
	return false
}

// skippedOnRestore is every stage but restoreStages.
func skippedOnRestore() []ast.StageID {
	var skip []ast.StageID
	for _, s := range ast.AllStages() {
		keep := false
		for _, r := range restoreStages {
			keep = keep || r == s
		}
		if !keep {
			skip = append(skip, s)
		}
	}
	return skip
}

// policySources are the built-in policy files (tests excluded), read once:
// the snapshot stores location texts as ranges of them, and their hash
// tells a stale snapshot.
type policySources struct {
	files map[string][]byte // "policies/x.rego" → source
	hash  string
}

func (s *policySources) lookup(file string) ([]byte, bool) {
	src, ok := s.files[file]
	return src, ok
}

var builtinSources = sync.OnceValues(func() (*policySources, error) {
	var names []string
	err := fs.WalkDir(policies.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isPolicyFile(path) {
			names = append(names, path)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	s := &policySources{files: make(map[string][]byte, len(names))}
	contents := make([][]byte, len(names))
	for i, name := range names {
		if contents[i], err = fs.ReadFile(policies.FS, name); err != nil {
			return nil, err
		}
		names[i] = "policies/" + name
		s.files[names[i]] = contents[i]
	}
	s.hash = snapshot.SourceHash(names, contents)
	return s, nil
})

// BuildSnapshot compiles the built-in policies of every engine with every
// compiler stage and encodes them: what `go generate ./lint/policy` writes
// to builtin.snapshot. A policy that does not compile is an error.
func BuildSnapshot() ([]byte, error) {
	src, err := builtinSources()
	if err != nil {
		return nil, err
	}
	engines := make([]snapshot.Engine, 0, len(builtinEngines))
	for _, en := range builtinEngines {
		c, err := compileFull(en)
		if err != nil {
			return nil, err
		}
		engines = append(engines, snapshot.Engine{Name: en.name, Modules: c.Modules, RewrittenVars: c.RewrittenVars,
			Indexed: snapshot.IndexedRules(c)})
	}
	return snapshot.Encode(snapshot.Header{OPAVersion: version.Version, SourceHash: src.hash}, engines, src.lookup)
}

// compileFull compiles an engine's packages with every stage, then drops
// what evaluation never reads: METADATA annotations (a run's compile skips
// the stages that make them) and comments (only those stages read them).
func compileFull(en builtinEngine) (*ast.Compiler, error) {
	modules, err := builtinModules(runtimeParse, en.keep)
	if err != nil {
		return nil, err
	}
	c := ast.NewCompiler().WithEnablePrintStatements(false)
	c.Compile(modules)
	if c.Failed() {
		return nil, fmt.Errorf("built-in policies (%s): %w", en.name, c.Errors)
	}
	dropMetadata(c.Modules)
	return c, nil
}

func dropMetadata(modules map[string]*ast.Module) {
	for _, m := range modules {
		m.Annotations, m.Comments = nil, nil
		ast.WalkRules(m, func(r *ast.Rule) bool {
			r.Annotations = nil
			return false
		})
	}
}

// setModules is a compiler stage that puts modules in place of the
// compiler's (the restored ones, or a view of some of their rules).
func setModules(name, metric string, modules map[string]*ast.Module) ast.CompilerStageDefinition {
	return ast.CompilerStageDefinition{
		Name:       name,
		MetricName: metric,
		Stage: func(c *ast.Compiler) *ast.Error {
			maps.Copy(c.Modules, modules)
			return nil
		},
	}
}
