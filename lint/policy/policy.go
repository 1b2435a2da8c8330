// Package policy evaluates Rego policies (OPA) over the policy input: the
// built-in policies embedded from policies/ and the user's own (--policy DIR),
// which run in a sandbox (sandbox.go: no network, clock or randomness, a
// time and a memory bound).
// The built-in policies are compiled at build time and restored from a
// snapshot (snapshot.go); user policies are parsed and compiled. Both are
// prepared once per run (PrepareWith) and the prepared query is shared by
// every file and goroutine (Eval is safe for concurrent use).
package policy

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/safeio"
	"github.com/pxlint/pxlint/policies"
)

// Result is one policy result, as a built-in policy's `deny` object or a
// user policy's deny/warn/info (string or object) normalised.
type Result struct {
	ID       string
	Msg      string
	Fix      string
	Variable string
	// Element is the 0-based index into the variable's elements, -1 when absent.
	Element int
	Line    int
	// Span, when the result gives one, is exactly what to underline (PX004:
	// the variable's first use); Variable and Element take precedence.
	Span *finding.Region
	// Severity is SeverityNone when the policy left it to the registry default.
	Severity    finding.Severity
	Related     []finding.Location
	Cert        string
	Fingerprint string
	Source      string
	// At and Field place a PX7xx result in an Infinity export: "file#pointer"
	// of the object, and the field within it ("" for the object itself).
	At, Field string
}

// NotVerified says a rule lacked its input.
type NotVerified struct {
	ID, Reason, Source string
}

// Verified says a prerequisite rule passed and from which source.
type Verified struct {
	ID, Source string
}

// Output is everything the policies said about one input.
type Output struct {
	Deny        []Result
	NotVerified []NotVerified
	Verified    []Verified
}

// InfinityPackage holds the statuses the PX7xx policies share (which rule
// lacks which part of the export). The PX7xx rules judge an export of Pexip
// Infinity's configuration (lint/infinity), not a script, so the script
// query leaves them and this package out and PrepareInfinity queries only
// them (isInfinity).
const InfinityPackage = "pxlint.rules.infinity"

// isInfinity reports whether a built-in package judges an Infinity export:
// InfinityPackage, or a rule package pxlint.rules.pxNNN whose registry
// entry says so (its METADATA's custom.infinity).
func isInfinity(pkg string) bool {
	if pkg == InfinityPackage {
		return true
	}
	r, ok := rules.Get(strings.TrimPrefix(pkg, "pxlint.rules."))
	return ok && r.Infinity
}

// Engine holds the prepared queries.
type Engine struct {
	// parts evaluate the built-in policies at once (EvalParallel), each
	// a part of the built-in query (builtinParts); whole is that query in
	// one, for Eval, prepared at its first use (a run of one script
	// evaluates the parts): two parts evaluated one after the other share
	// less than one query does.
	parts []rego.PreparedEvalQuery
	whole struct {
		once  sync.Once
		query rego.PreparedEvalQuery
		err   error
	}
	// infinity says the engine judges Infinity exports (PrepareInfinity).
	infinity bool
	// compiler is kept for queries prepared on demand (Derived).
	compiler *ast.Compiler
	derived  struct {
		once  sync.Once
		query rego.PreparedEvalQuery
		err   error
	}
	// userPkgs are the user packages, each with its own query, evaluated
	// in the sandbox.
	userPkgs  []userPackage
	userRules []rules.Rule
	sandbox   Sandbox
	// restored says the built-in policies came from the snapshot
	// (snapshot.go), not a compile.
	restored bool
	// calls shares pure function calls across the run's evaluations
	// (funccache.go), from the second one on.
	calls struct {
		evals atomic.Int64
		once  sync.Once
		cache *runCache
	}
}

type userPackage struct {
	path  string // e.g. "acme.naming"
	id    string // rule ID for string results
	file  string
	query *rego.PreparedEvalQuery // nil when the package has no deny, warn or info
}

// UserIDPrefix starts the generated rule ID of user policy results that do not name one.
const UserIDPrefix = "USER-"

// PrepareWith restores the compiled built-in policies (snapshot.go) and
// parses and compiles every .rego file (tests excluded) under userDirs. A user policy that does not parse
// or compile, calls a built-in the sandbox leaves out, or declares a
// reserved rule ID is an error naming file:line (exit code 2 for the CLI).
// Built-in and user policies compile separately: the user compiler has the
// sandbox's capabilities, the built-in one OPA's full set.
func PrepareWith(ctx context.Context, userDirs []string, sb Sandbox) (*Engine, error) {
	opts := ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true}
	e := &Engine{sandbox: sb}
	userModules := map[string]*ast.Module{}
	for _, dir := range userDirs {
		files, err := userFiles(dir)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			src, err := safeio.ReadFile(f, safeio.PolicyBytes)
			if err != nil {
				return nil, fmt.Errorf("policy: %w", err)
			}
			m, err := ast.ParseModuleWithOpts(f, string(src), opts)
			if err != nil {
				return nil, oneLine(err)
			}
			if strings.HasPrefix(m.Package.Path.String(), "data.pxlint.") {
				return nil, fmt.Errorf("%s:%d: package %s: the pxlint namespace is reserved for built-in policies",
					f, m.Package.Location.Row, strings.TrimPrefix(m.Package.Path.String(), "data."))
			}
			if err := checkCalls(f, m, sb.Online); err != nil {
				return nil, err
			}
			useBounded(m)
			userModules[f] = m
			if err := e.addUser(f, m); err != nil {
				return nil, err
			}
		}
	}
	compiler, restored, err := builtinCompiler(scriptsEngine)
	if err != nil {
		return nil, err
	}
	if e.parts, err = prepareParts(ctx, compiler, builtinParts(compiler.Modules, false)); err != nil {
		return nil, err
	}
	e.compiler = compiler
	e.restored = restored
	if len(userModules) > 0 {
		if err := e.prepareUser(ctx, userModules); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// PrepareInfinity prepares the built-in PX7xx policies (InfinityPackage),
// over the policy input of lint/infinity.
func PrepareInfinity(ctx context.Context) (*Engine, error) {
	compiler, restored, err := builtinCompiler(infinityEngine)
	if err != nil {
		return nil, err
	}
	parts, err := prepareParts(ctx, compiler, builtinParts(compiler.Modules, true))
	if err != nil {
		return nil, err
	}
	return &Engine{parts: parts, infinity: true, compiler: compiler, sandbox: DefaultSandbox(), restored: restored}, nil
}

// wholeQuery is the built-in query in one (Engine.whole).
func (e *Engine) wholeQuery(ctx context.Context) (rego.PreparedEvalQuery, error) {
	e.whole.once.Do(func() {
		if len(e.parts) == 1 {
			e.whole.query = e.parts[0]
			return
		}
		q := builtinQuery(e.compiler.Modules, e.infinity)
		var err error
		if e.whole.query, err = rego.New(rego.Query(q), rego.Compiler(e.compiler)).PrepareForEval(ctx); err != nil {
			e.whole.err = oneLine(err)
		}
	})
	return e.whole.query, e.whole.err
}

// prepareParts prepares the parts of the built-in query, each on its own
// goroutine: a part's preparation walks only the compiler's rules it names.
func prepareParts(ctx context.Context, compiler *ast.Compiler, parts []string) ([]rego.PreparedEvalQuery, error) {
	queries := make([]rego.PreparedEvalQuery, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, q := range parts {
		wg.Go(func() {
			queries[i], errs[i] = rego.New(rego.Query(q), rego.Compiler(compiler)).PrepareForEval(ctx)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, oneLine(err)
		}
	}
	return queries, nil
}

// runtimeParse parses the built-in policies for evaluation: their
// METADATA is for the rule registry and docs (read at build time), never
// for evaluation, so the parser leaves the comments alone.
var runtimeParse = ast.ParserOptions{RegoVersion: ast.RegoV1}

// runtimeSkips are the compiler stages a run skips for the built-in
// policies. Each only checks (types, undefined functions, recursion,
// conflicts, keyword overrides, void calls, head safety, imports,
// deprecated and unsafe built-ins) or serves METADATA and rego.metadata
// calls, which the built-in policies do not make: none changes the
// compiled policies, which TestRuntimeCompileEqualsFull proves on every
// build, and go test compiles them with every stage (policies/rego_test.go),
// so a mistake still fails the build. Together they are about a third of
// the compiler's time, paid on every run. User policies keep every stage.
var runtimeSkips = []ast.StageID{
	ast.StageCheckTypes,
	ast.StageCheckUndefinedFuncs,
	ast.StageCheckRecursion,
	ast.StageCheckRuleConflicts,
	ast.StageCheckKeywordOverrides,
	ast.StageCheckVoidCalls,
	ast.StageCheckSafetyRuleHeads,
	ast.StageCheckDuplicateImports,
	ast.StageCheckUnusedImports,
	ast.StageCheckDeprecatedBuiltins,
	ast.StageCheckUnsafeBuiltins,
	ast.StageParseMetadataBlocks,
	ast.StageSetAnnotationSet,
	ast.StageRewriteRegoMetadataCalls,
	ast.StageBuildRequiredCapabilities,
}

// compileBuiltin compiles the built-in policies for evaluation.
func compileBuiltin(modules map[string]*ast.Module) (*ast.Compiler, error) {
	compiler := ast.NewCompiler().WithEnablePrintStatements(false).WithSkipStages(runtimeSkips...)
	compiler.Compile(modules)
	if compiler.Failed() {
		return nil, oneLine(compiler.Errors)
	}
	return compiler, nil
}

// Which built-in packages a query needs: rule packages never refer to one
// another (TestRulePackagesIndependent), so the script query compiles
// every package but the PX7xx one, a fifth of the policies, and the
// Infinity query only that one with the shared libraries.
func forScripts(pkg string) bool { return !isInfinity(pkg) }

func forInfinity(pkg string) bool {
	return isInfinity(pkg) || !strings.HasPrefix(pkg, rulesPrefix)
}

func allPackages(string) bool { return true }

const rulesPrefix = "pxlint.rules."

// packageOf reads a module's package name from its source without parsing
// it: the first line that is not blank or a comment. "" when there is none
// (the module is then parsed, and the parser says what is wrong).
func packageOf(src string) string {
	for line := range strings.Lines(src) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if name, ok := strings.CutPrefix(line, "package "); ok {
			return strings.TrimSpace(name)
		}
		return ""
	}
	return ""
}

// builtinModules parses the embedded policies of the packages keep
// accepts, on every core: parsing is a quarter of preparing them, and the
// files are independent.
func builtinModules(opts ast.ParserOptions, keep func(pkg string) bool) (map[string]*ast.Module, error) {
	var paths []string
	err := fs.WalkDir(policies.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isPolicyFile(path) {
			paths = append(paths, path)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	parsed := make([]*ast.Module, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.NumCPU(), len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				src, err := fs.ReadFile(policies.FS, paths[i])
				if err != nil {
					errs[i] = err
					continue
				}
				if pkg := packageOf(string(src)); pkg != "" && !keep(pkg) {
					continue
				}
				parsed[i], errs[i] = ast.ParseModuleWithOpts("policies/"+paths[i], string(src), opts)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	modules := make(map[string]*ast.Module, len(paths))
	for i, p := range paths {
		if errs[i] != nil {
			return nil, fmt.Errorf("built-in policy: %w", errs[i])
		}
		if parsed[i] != nil {
			modules["policies/"+p] = parsed[i]
		}
	}
	return modules, nil
}

// prepareUser compiles the user modules with the sandbox's capabilities
// (user policies get the full type checker, so their mistakes are
// reported) and prepares one query per package, so time and memory bounds
// and errors name the package and its file.
func (e *Engine) prepareUser(ctx context.Context, modules map[string]*ast.Module) error {
	compiler := ast.NewCompiler().WithEnablePrintStatements(false).WithCapabilities(userCapabilities(e.sandbox.Online))
	compiler.Compile(modules)
	if compiler.Failed() {
		return errors.New(unbounded(oneLine(compiler.Errors).Error()))
	}
	defined := definedRules(modules)
	for i := range e.userPkgs {
		u := &e.userPkgs[i]
		var parts []string
		for _, k := range []string{"deny", "warn", "info"} {
			if defined[u.path][k] {
				parts = append(parts, fmt.Sprintf("%q: data.%s.%s", k, u.path, k))
			}
		}
		if len(parts) == 0 {
			continue
		}
		pq, err := rego.New(rego.Query("r := {"+strings.Join(parts, ", ")+"}"), rego.Compiler(compiler)).PrepareForEval(ctx)
		if err != nil {
			return oneLine(err)
		}
		u.query = &pq
	}
	return nil
}

// definedRules maps each package path to the names of its rules.
func definedRules(modules map[string]*ast.Module) map[string]map[string]bool {
	defined := map[string]map[string]bool{} // package path → rule names
	for _, m := range modules {
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if defined[pkg] == nil {
			defined[pkg] = map[string]bool{}
		}
		for _, r := range m.Rules {
			defined[pkg][r.Head.Name.String()] = true
			if len(r.Head.Reference) > 0 {
				defined[pkg][r.Head.Reference[0].String()] = true
			}
		}
	}
	return defined
}

// builtinQuery builds a query evaluated per input over the built-in
// policies. It names every result rule explicitly
// (data.pxlint.rules.network.deny, ...) rather than iterating
// data.pxlint.rules, because evaluating a whole package would also evaluate
// every helper rule in it, for every file: naming the rules keeps the work
// to what the results need.
// Each binding (deny, nv, ver) is the array of the packages' sets, in
// package order: Eval flattens them (flattened), which costs less in Go
// than a comprehension in the query would cost OPA for every script.
// With infinity it names only the Infinity packages' rules (isInfinity),
// else every other built-in package's.
func builtinQuery(modules map[string]*ast.Module, infinity bool) string {
	defined := definedRules(modules)
	return packagesQuery(defined, builtinPackages(defined, infinity))
}

// builtinParts is builtinQuery cut in parts (partCuts, for scripts): one
// query per part, each over a run of packages in package order, so that
// the parts' results one after the other are the whole query's.
func builtinParts(modules map[string]*ast.Module, infinity bool) []string {
	defined := definedRules(modules)
	var parts []string
	var part []string
	cuts := partCuts
	if infinity {
		cuts = nil
	}
	for _, p := range builtinPackages(defined, infinity) {
		for len(cuts) > 0 && p >= cuts[0] {
			if len(part) > 0 {
				parts = append(parts, packagesQuery(defined, part))
				part = nil
			}
			cuts = cuts[1:]
		}
		part = append(part, p)
	}
	return append(parts, packagesQuery(defined, part))
}

// partCuts are the packages that start a part of the built-in query
// (builtinParts): the syntax, network and naming rules (px0xx to px2xx)
// cost about what the certificate, prerequisite, value and deployment
// rules do (BenchmarkBuiltinQuery ranks them), so a run of one script
// evaluates the two halves at once (EvalParallel).
var partCuts = []string{rulesPrefix + "px3"}

// builtinPackages are the built-in rule packages of defined
// (definedRules) a query names, sorted.
func builtinPackages(defined map[string]map[string]bool, infinity bool) []string {
	var builtin []string
	for p := range defined {
		if strings.HasPrefix(p, rulesPrefix) && isInfinity(p) == infinity {
			builtin = append(builtin, p)
		}
	}
	sort.Strings(builtin)
	return builtin
}

// packagesQuery is the query over the result rules of pkgs.
func packagesQuery(defined map[string]map[string]bool, pkgs []string) string {
	refs := func(rule string) string {
		var list []string
		for _, p := range pkgs {
			if defined[p][rule] {
				list = append(list, "data."+p+"."+rule)
			}
		}
		return "[" + strings.Join(list, ", ") + "]"
	}
	var q strings.Builder
	fmt.Fprintf(&q, "deny := %s; ", refs("deny"))
	fmt.Fprintf(&q, "nv := %s; ", refs("not_verified"))
	fmt.Fprintf(&q, "ver := %s", refs("verified"))
	return q.String()
}

func isPolicyFile(path string) bool {
	return strings.HasSuffix(path, ".rego") && !strings.HasSuffix(path, "_test.rego")
}

// userFiles lists the policy files of a user directory (or a single file).
func userFiles(dir string) ([]string, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("policy directory: %w", err)
	}
	if !st.IsDir() {
		return []string{dir}, nil
	}
	var out []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && isPolicyFile(p) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// addUser records a user package and turns its METADATA into registry
// entries, so `pxlint rules` and SARIF describe user rules like built-in ones.
func (e *Engine) addUser(file string, m *ast.Module) error {
	path := strings.TrimPrefix(m.Package.Path.String(), "data.")
	for _, u := range e.userPkgs {
		if u.path == path {
			return nil // several files of one package: one query
		}
	}
	id := UserIDPrefix + path
	rule := rules.Rule{ID: id, Name: path, Title: "user policy " + path, Severity: finding.SeverityError, Engine: rules.EngineUser}
	for _, a := range m.Annotations {
		if a.Scope != "package" && a.Scope != "subpackages" {
			continue
		}
		if v, ok := a.Custom["id"].(string); ok && v != "" {
			id = v
			rule.ID = v
		}
		if err := checkUserID(id); err != nil {
			row := 0
			if a.Location != nil {
				row = a.Location.Row
			}
			return fmt.Errorf("%s:%d: METADATA custom.id: %w", file, row, err)
		}
		if a.Title != "" {
			rule.Title = a.Title
		}
		rule.Description = a.Description
		if v, ok := a.Custom["severity"].(string); ok {
			if s, ok := finding.ParseSeverity(v); ok && s != finding.SeverityNone {
				rule.Severity = s
			}
		}
		if v, ok := a.Custom["remediation"].(string); ok {
			rule.Remediation = v
		}
		if v, ok := a.Custom["prevents"].(string); ok {
			rule.Prevents = v
		}
	}
	if err := checkUserID(id); err != nil {
		return fmt.Errorf("%s:%d: package %s: %w", file, m.Package.Location.Row, path, err)
	}
	rule.Levels = []finding.Severity{rule.Severity}
	e.userPkgs = append(e.userPkgs, userPackage{path: path, id: id, file: file})
	e.userRules = append(e.userRules, rule)
	return nil
}

// UserRules are the registry entries of the user policies.
func (e *Engine) UserRules() []rules.Rule { return e.userRules }

// Eval evaluates every policy over one input, the parts of the built-in
// query one after the other: for a run whose cores are all busy judging
// scripts.
func (e *Engine) Eval(ctx context.Context, input any) (*Output, error) {
	return e.eval(ctx, input, false)
}

// EvalParallel is Eval with the parts of the built-in query evaluated at
// once, each on a goroutine: for a run with cores to spare (one script on
// two cores), where it shortens the evaluation by about a third.
func (e *Engine) EvalParallel(ctx context.Context, input any) (*Output, error) {
	return e.eval(ctx, input, true)
}

// eval is Eval, the parts at once when parallel, with options for the
// built-in query (a tracer, in tests).
func (e *Engine) eval(ctx context.Context, input any, parallel bool, extra ...rego.EvalOption) (*Output, error) {
	// Converted once, directly (no JSON round trip), for the built-in
	// query and every user package.
	parsed, err := ToValue(input)
	if err != nil {
		return nil, err
	}
	// A run of one script has nothing to share, and finding the pure
	// functions costs about a script's share of them: sharing starts
	// with the second evaluation.
	shared := e.calls.evals.Add(1) > 1
	queries := e.parts
	if !parallel {
		whole, err := e.wholeQuery(ctx)
		if err != nil {
			return nil, err
		}
		queries = []rego.PreparedEvalQuery{whole}
	}
	results := make([]rego.ResultSet, len(queries))
	errs := make([]error, len(queries))
	evalPart := func(i int) {
		opts := []rego.EvalOption{rego.EvalParsedInput(parsed), keepTerms}
		if shared {
			opts = append(opts, rego.EvalVirtualCache(newEvalCache(e.runCache())))
		}
		results[i], errs[i] = queries[i].Eval(ctx, append(opts, extra...)...)
	}
	var wg sync.WaitGroup
	for i := 1; i < len(queries); i++ {
		wg.Go(func() { evalPart(i) })
	}
	evalPart(0)
	wg.Wait()
	out := &Output{}
	for i, rs := range results {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if len(rs) != 1 {
			return nil, errors.New("policy query returned no result")
		}
		b := rs[0].Bindings
		for _, t := range flattened(valueOf(b["deny"])) {
			if r, ok := toResult(t.Value, "", finding.SeverityNone); ok {
				out.Deny = append(out.Deny, r)
			}
		}
		for _, t := range flattened(valueOf(b["nv"])) {
			out.NotVerified = append(out.NotVerified, notVerified(t.Value))
		}
		for _, t := range flattened(valueOf(b["ver"])) {
			out.Verified = append(out.Verified, verified(t.Value))
		}
	}
	if len(e.userPkgs) > 0 {
		users, err := e.evalUser(ctx, parsed)
		if err != nil {
			return nil, err
		}
		out.Deny = append(out.Deny, users...)
	}
	return out, nil
}

// runCache is the run's cache of pure function calls, made once.
func (e *Engine) runCache() *runCache {
	e.calls.once.Do(func() { e.calls.cache = newRunCache(pureFunctions(e.compiler)) })
	return e.calls.cache
}

// userLevels are the rules a user package may define, each with the
// severity its results have unless they say otherwise.
var userLevels = []struct {
	name string
	key  *ast.Term
	sev  finding.Severity
}{
	{"deny", ast.StringTerm("deny"), finding.SeverityError},
	{"warn", ast.StringTerm("warn"), finding.SeverityWarning},
	{"info", ast.StringTerm("info"), finding.SeverityInfo},
}

// evalUser evaluates each user package in the sandbox. An evaluation that
// hits a bound, or a result with a reserved or unprintable rule ID, is an
// error naming the package's file.
func (e *Engine) evalUser(ctx context.Context, parsed ast.Value) ([]Result, error) {
	var out []Result
	for _, u := range e.userPkgs {
		if u.query == nil {
			continue
		}
		var rs rego.ResultSet
		err := e.sandbox.bounded(ctx, func(ctx context.Context) error {
			var err error
			rs, err = u.query.Eval(ctx, rego.EvalParsedInput(parsed), keepTerms)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("%s (package %s): %s", u.file, u.path, unbounded(err.Error()))
		}
		if len(rs) != 1 {
			continue
		}
		m := valueOf(rs[0].Bindings["r"])
		for _, level := range userLevels {
			for _, t := range elements(member(m, level.key)) {
				r, ok := toResult(t.Value, u.id, level.sev)
				if !ok {
					continue
				}
				if err := checkUserID(r.ID); err != nil {
					return nil, fmt.Errorf("%s (package %s): a %s result: %w", u.file, u.path, level.name, err)
				}
				out = append(out, r)
			}
		}
	}
	return out, nil
}

// oneLine flattens OPA's multi-line error lists into "file:row: message" lines
// joined by "; " so the CLI prints one line.
func oneLine(err error) error {
	var errs ast.Errors
	if errors.As(err, &errs) {
		parts := make([]string, 0, len(errs))
		for _, e := range errs {
			if e.Location != nil {
				parts = append(parts, fmt.Sprintf("%s:%d: %s", e.Location.File, e.Location.Row, e.Message))
			} else {
				parts = append(parts, e.Message)
			}
		}
		return errors.New(strings.Join(parts, "; "))
	}
	return errors.New(strings.ReplaceAll(strings.TrimSpace(err.Error()), "\n", "; "))
}

// DerivedQuery is the Rego rule that derives resource names
// (policies/derived.rego): the one place names are computed, for the rules
// and for `pxlint plan` alike.
const DerivedQuery = "data.pxlint.lib.derived.plan"

// Derived evaluates DerivedQuery over one input: the derived resource names
// with their patterns, as policies/derived.rego documents. The query is
// prepared on first use, so a lint run that never plans pays nothing.
func (e *Engine) Derived(ctx context.Context, input any) (map[string]any, error) {
	e.derived.once.Do(func() {
		e.derived.query, e.derived.err = rego.New(rego.Query("x := "+DerivedQuery), rego.Compiler(e.compiler)).PrepareForEval(ctx)
		if e.derived.err != nil {
			e.derived.err = oneLine(e.derived.err)
		}
	})
	if e.derived.err != nil {
		return nil, e.derived.err
	}
	parsed, err := ToValue(input)
	if err != nil {
		return nil, err
	}
	rs, err := e.derived.query.Eval(ctx, rego.EvalParsedInput(parsed))
	if err != nil {
		return nil, err
	}
	if len(rs) != 1 {
		return map[string]any{}, nil
	}
	m, _ := rs[0].Bindings["x"].(map[string]any)
	return m, nil
}
