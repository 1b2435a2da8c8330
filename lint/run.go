package lint

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/trace"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pxlint/pxlint/lint/cert"
	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/facts"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/fix"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/policy"
	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/safeio"
	"github.com/pxlint/pxlint/lint/schema"
	"github.com/pxlint/pxlint/lint/stage"
	"github.com/pxlint/pxlint/lint/stage/baseline"
	"github.com/pxlint/pxlint/lint/stage/directive"
)

// script is one file on its way through the pipeline.
type script struct {
	path    scriptPath
	named   bool // named on the command line (not found by walking)
	stdin   bool // read from Options.Stdin (`pxlint lint -`)
	cfg     *config.Config
	context bool // loaded as repository context only, never reported on

	size     int
	raw      []byte // the bytes read, kept for pxlint fix only (Options.Overlay set)
	tooLarge bool
	readErr  error // the file could not be read (exit code 2 for a script of the run)
	utf32    bool  // starts with a UTF-32 byte order mark
	src      *ps.Source
	// file is the parse, slimmed once evaluated (slimParse): its
	// diagnostics and stats only.
	file *ps.File
	// directives are the script's `# pxlint-` comments, read before the
	// syntax tree is let go.
	directives []directive.Directive
	res        *model.Result
	hasPx      bool
	// in is the policy input the rules judged (set by judge).
	in *model.Input
}

// engine holds what is prepared once per run and shared by all scripts.
type engine struct {
	opts Options
	// limits are the size caps of reading one script (raw, decoded,
	// dot-sourced), handed to every step that reads script text.
	limits    safeio.Limits
	schema    *schema.Schema
	catalog   []string
	facts     *facts.Facts
	inventory *facts.Inventory

	// fragments are the reported scripts another linted script dot-sources,
	// by absolute path: findings of their own (syntax, secrets, values) are
	// reported at their lines, not again on the includer. Set before judging.
	fragments map[string]bool

	mu       sync.Mutex
	policies map[string]*future[*policy.Engine] // by user policy folders
	schemas  map[string]*future[*schema.Schema] // by user schema folders
	ruleSets map[ruleSetKey]*ruleSet            // by policies and schema (ruleSetFor)
	configs  map[string]*config.Config          // by path
	baseline *baseline.Matcher                  // --baseline, shared by all files
	// certCache decrypts each certificate file once per run, however many
	// scripts name it.
	certCache *cert.Cache
	refsOK    map[string]error // --against verified per work tree
	stdin     stdinOnce        // Options.Stdin, read once
	// profileValues converts each profile's input.profile_data for OPA once.
	profileValues profileValues
	// afterApply, when set (FuzzFix), sees every fix.Apply of pxlint fix.
	afterApply func(raw []byte, src *ps.Source, fixes []finding.Fix, res fix.Result)
	// usage records the waivers that matched a finding in this run, for
	// the "matched no finding" notices (waivers.go).
	usage *stage.Usage
}

// Run lints the paths in opts. The error is for exit code 2: pxlint could
// not do its job (a path that cannot be opened, an unusable config, facts or
// inventory failing their schema, user policies that do not compile).
func Run(ctx context.Context, opts Options) (*finding.Report, []rules.Rule, error) {
	r := trace.StartRegion(ctx, "start engine")
	e, err := newEngine(opts)
	r.End()
	if err != nil {
		return nil, nil, err
	}
	rep, rs, _, err := e.run(ctx)
	return rep, rs, err
}

// run is Run on a prepared engine; it also returns the reported scripts,
// each with the policy input its rules judged (for plans).
func (e *engine) run(ctx context.Context) (*finding.Report, []rules.Rule, []*script, error) {
	opts := e.opts
	r := trace.StartRegion(ctx, "discover")
	cands, err := discover(opts.Paths, opts.StdinName)
	r.End()
	if err != nil {
		return nil, nil, nil, err
	}
	rep := &finding.Report{Tool: "pxlint", Now: opts.Now}
	e.usage = stage.NewUsage()

	r = trace.StartRegion(ctx, "read scripts")
	scripts, err := e.readScripts(cands)
	r.End()
	if err != nil {
		return nil, nil, nil, err
	}
	reported, notices := e.selectReported(scripts)
	rep.Notices = append(rep.Notices, notices...)
	if e.opts.Infinity != nil {
		// pxlint infinity: the scripts are inputs of the cross-checks only.
		rep, rs, err := e.runInfinity(ctx, rep, reported)
		return rep, rs, nil, err
	}
	if len(reported) == 0 {
		// Nothing to judge, but broken user policies are still bad input.
		if _, err := e.policyFor(ctx, opts.PolicyDirs); err != nil {
			return nil, nil, nil, err
		}
		rep.Notices = append(rep.Notices, "no variables script found (no .ps1 file assigns a $Px variable)")
		return rep, newRuleSet().all, nil, nil
	}

	r = trace.StartRegion(ctx, "scope")
	sc, err := e.scope(reported)
	r.End()
	if err != nil {
		return nil, nil, nil, err
	}
	e.fragments = map[string]bool{}
	for _, s := range reported {
		if len(sc.includers[s]) > 0 {
			e.fragments[s.path.abs] = true
		}
	}
	results := make([]finding.FileResult, len(reported))
	var firstErr error
	var errOnce sync.Once
	r = trace.StartRegion(ctx, "judge")
	// With fewer scripts than workers the spare cores evaluate the parts
	// of each script's built-in query at once.
	ev := startEvaluators(e.workers(len(reported)), e.workers(len(reported)+1) > len(reported))
	e.parallel(len(reported), func(i int) {
		s := reported[i]
		fr, err := e.judge(ctx, ev, s, sc.repository(s), sc.includers[s])
		if err != nil {
			errOnce.Do(func() { firstErr = err })
			return
		}
		results[i] = *fr
		// Nothing reads the syntax tree once the script is judged: the
		// heap then shrinks as a run over many scripts proceeds.
		s.file = nil
	})
	ev.stop()
	r.End()
	if firstErr != nil {
		return nil, nil, nil, firstErr
	}
	for _, j := range e.exportJobs(reported, sc.all) {
		fr, err := e.judgeExport(ctx, j)
		if err != nil {
			return nil, nil, nil, err
		}
		results = append(results, *fr)
	}
	rep.Notices = append(rep.Notices, e.unusedWaivers(reported, results[:len(reported)], sc.all[len(reported):])...)
	sort.SliceStable(results, func(i, j int) bool { return results[i].Path < results[j].Path })
	rep.Files = results
	rep.FailOn = e.failOn()

	rs := e.ruleList(reported)
	if err := e.baselines(rep); err != nil {
		return nil, nil, nil, err
	}
	return rep, rs, reported, nil
}

// readScripts places, reads and evaluates the candidates that no exclude
// glob leaves out (a script named on the command line is never excluded).
func (e *engine) readScripts(cands []candidate) ([]*script, error) {
	var scripts []*script
	for _, c := range cands {
		s, err := e.place(c)
		if err != nil {
			return nil, err
		}
		if !c.named && s.cfg != nil && s.cfg.Excluded(s.path.rel) {
			continue
		}
		scripts = append(scripts, s)
	}
	if err := e.checkOutputs(cands); err != nil {
		return nil, err
	}
	e.readAll(scripts)
	for _, s := range scripts {
		if s.readErr != nil {
			return nil, s.readErr
		}
	}
	return scripts, nil
}

// selectReported picks the variables scripts among the scripts read, and
// says what it skipped (and, with --verbose, which config governs each).
func (e *engine) selectReported(scripts []*script) (reported []*script, notices []string) {
	var skipped []string
	for _, s := range scripts {
		switch {
		case s.hasPx || s.tooLarge:
			reported = append(reported, s)
		case s.utf32:
			// Never skipped as "assigns no $Px variable" (the pre-filter
			// cannot see "$Px" in UTF-32): reported, so the reader's
			// diagnostics say why it cannot be judged.
			reported = append(reported, s)
		case hasErrors(s.file) && (s.named || s.mentionsPx()):
			reported = append(reported, s)
		default:
			skipped = append(skipped, s.path.display)
		}
	}
	switch {
	case len(skipped) > 0 && e.opts.Verbose:
		for _, p := range skipped {
			notices = append(notices, fmt.Sprintf("%s: skipped: assigns no $Px variable", p))
		}
	case len(skipped) > 0:
		notices = append(notices, fmt.Sprintf("%d .ps1 file(s) skipped: they assign no $Px variable (--verbose lists them)", len(skipped)))
	}
	if e.opts.Verbose {
		for _, s := range reported {
			notices = append(notices, s.configNote(e.opts.ConfigPath != ""))
		}
	}
	return reported, notices
}

// runInfinity judges the export of opts.Infinity with the scripts read.
func (e *engine) runInfinity(ctx context.Context, rep *finding.Report, scripts []*script) (*finding.Report, []rules.Rule, error) {
	rep.Notices = nil
	for _, j := range e.exportJobs(scripts, scripts)[:1] {
		fr, err := e.judgeExport(ctx, j)
		if err != nil {
			return nil, nil, err
		}
		rep.Files = append(rep.Files, *fr)
	}
	rep.FailOn = e.failOn()
	return rep, exportRules(rules.All()), e.baselines(rep)
}

func newEngine(opts Options) (*engine, error) {
	e := &engine{opts: opts, policies: map[string]*future[*policy.Engine]{}, schemas: map[string]*future[*schema.Schema]{},
		configs: map[string]*config.Config{}, certCache: cert.NewCache(), limits: safeio.ScriptLimits}
	if opts.Now.IsZero() {
		e.opts.Now = time.Now().UTC()
	}
	// Preparing the Rego policies is the longest fixed cost of a run: start
	// it now so it overlaps loading the schema and reading the scripts.
	// Wait until it runs: Go's scheduler would otherwise often leave it
	// queued behind this goroutine and the schema's compile until this one
	// blocks, after reading the scripts, which delayed a run of one script
	// by a fifth.
	preparing := make(chan struct{})
	go func() {
		close(preparing)
		_, _ = e.policyFor(context.Background(), opts.PolicyDirs)
	}()
	<-preparing
	// The built-in schema's data is there at once; its CUE compiles only
	// when a script's values need it (schema.Start).
	sc, err := schema.Start()
	if err != nil {
		return nil, err
	}
	e.schema = sc
	if err := opts.check(sc.Profiles()); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, p := range sc.Profiles() {
		for _, n := range sc.Catalog(p) {
			if !seen[n] {
				seen[n] = true
				e.catalog = append(e.catalog, n)
			}
		}
	}
	sort.Strings(e.catalog)
	if opts.FactsPath != "" {
		f, err := facts.Load(opts.FactsPath)
		if err != nil {
			return nil, err
		}
		e.facts = f
	} else if opts.Probe {
		e.facts = facts.Probe(facts.DefaultProbeEnv())
	}
	if err := e.loadBaseline(); err != nil {
		return nil, err
	}
	if opts.InventoryPath != "" {
		inv, err := facts.LoadInventory(opts.InventoryPath)
		if err != nil {
			return nil, err
		}
		e.inventory = inv
	}
	return e, nil
}

// place finds the script's repository root and governing config, and
// computes its one script path: relative to the git top level, else to the
// config's folder, else to its own folder. Rule blocks' paths and exclude,
// waivers, severity, baselines and the policy input all use that path.
func (e *engine) place(c candidate) (*script, error) {
	cfgPath := e.opts.ConfigPath
	if cfgPath == "" {
		if p, ok := config.Discover(c.abs); ok {
			cfgPath = p
		}
	}
	var cfg *config.Config
	if cfgPath != "" {
		loaded, err := e.config(cfgPath)
		if err != nil {
			return nil, err
		}
		cfg = loaded
	}
	root, inGit := config.ScriptRoot(cfg, c.abs)
	return &script{path: placePath(c, root, inGit), named: c.named, stdin: c.stdin, cfg: cfg}, nil
}

// configNote says which config governs a script, for --verbose: with
// discovery bounded (config.Discover), "no config" is worth saying too.
func (s *script) configNote(given bool) string {
	switch {
	case s.cfg != nil && given:
		return fmt.Sprintf("%s: config %s (--config or PXLINT_CONFIG)", s.path.display, s.cfg.Path)
	case s.cfg != nil:
		return fmt.Sprintf("%s: config %s", s.path.display, s.cfg.Path)
	case s.path.inGit:
		return fmt.Sprintf("%s: no config (no %s up to the repository root)", s.path.display, config.FileName)
	}
	return fmt.Sprintf("%s: no config (no %s up to the home folder; outside git, shared folders such as /tmp are not searched)", s.path.display, config.FileName)
}

func (e *engine) config(path string) (*config.Config, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if c, ok := e.configs[path]; ok {
		return c, nil
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("config %s: %w", path, unwrapPathError(err))
	}
	c, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	// The config package does not speak CUE: the declared types are
	// checked here, and a broken one is bad input like any config error.
	for _, v := range c.Variables {
		if err := schema.CheckType(v.Type); err != nil {
			return nil, fmt.Errorf("%s: variable %q: %w", v.Source, v.Name, err)
		}
	}
	e.configs[path] = c
	return c, nil
}

// workers is the size of the worker pool for n jobs: --jobs, else one
// per CPU, and never more than n.
func (e *engine) workers(n int) int {
	jobs := e.opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	return max(min(jobs, n), 1)
}

// parallel runs fn(0..n-1) on a bounded worker pool.
func (e *engine) parallel(n int, fn func(i int)) {
	jobs := e.workers(n)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// readAll reads, decodes, parses and evaluates scripts in parallel.
func (e *engine) readAll(scripts []*script) {
	e.parallel(len(scripts), func(i int) { e.read(scripts[i]) })
}

func (e *engine) read(s *script) {
	b, err := e.readScript(s)
	if e.opts.Overlay != nil && err == nil {
		// pxlint fix keeps the bytes it edits, and reads a file as fixed
		// so far (not yet written) from its overlay.
		if o, ok := e.opts.Overlay[s.path.abs]; ok {
			b = o
		}
		s.raw = b
	}
	s.size = len(b)
	switch {
	case errors.Is(err, safeio.ErrTooLarge):
		s.tooLarge = true
		return
	case err != nil:
		// Unreadable after discovery succeeded (a race: the file was swapped
		// for a FIFO, or its permissions changed). Never a silent pass.
		s.readErr = fmt.Errorf("%s: %w", s.path.display, unwrapPathError(err))
		return
	}
	s.utf32 = hasUTF32BOM(b)
	if !s.named && !mentionsPx(b) && !s.utf32 {
		return
	}
	s.src = ps.Decode(b)
	s.file = ps.Parse(s.src, e.parseLimits())
	s.res = model.Evaluate(s.src, s.file, e.evalOptions(s, nil))
	s.directives = directive.FromFile(s.file)
	s.file = slimParse(s.file)
	for name := range s.res.Input.Variables {
		if len(name) >= 2 && strings.EqualFold(name[:2], "px") {
			s.hasPx = true
			break
		}
	}
}

// slimParse keeps of a parse what judging a script reads: a run holds every
// script it read until the script is judged, and the syntax tree and the
// tokens, which the model has been evaluated from, are most of that memory
// (scriptTokens parses again for the rare fix that needs the tokens).
func slimParse(f *ps.File) *ps.File {
	return &ps.File{Diagnostics: f.Diagnostics, Stats: f.Stats}
}

// scriptTokens are the tokens of a script's text, which slimParse let go.
func (e *engine) scriptTokens(s *script) []ps.Token {
	return ps.Parse(s.src, e.parseLimits()).Tokens
}

// parseLimits are the parser's limits, its text bounded by e.limits.
func (e *engine) parseLimits() ps.Limits {
	lim := ps.DefaultLimits()
	lim.MaxBytes = e.limits.Decoded
	return lim
}

// evalOptions evaluate a script read from disk (read nil) or, for
// --against, at a git revision (read gets the dot-sourced files there).
func (e *engine) evalOptions(s *script, read func(string) ([]byte, error)) model.Options {
	return model.Options{Path: s.path.rel, KnownNames: e.catalog, Dir: filepath.Dir(s.path.abs), ReadFile: read,
		Limits: model.Limits{MaxFileBytes: e.limits.DotSource}}
}

func (s *script) mentionsPx() bool {
	return s.src != nil && strings.Contains(strings.ToLower(s.src.Text), "$px")
}

func hasErrors(f *ps.File) bool {
	return f != nil && len(f.Diagnostics) > 0
}

// repositoryContext loads, for each reported script inside a git work tree,
// the other variables scripts of that work tree (DESIGN, Repository context).
func (e *engine) repositoryContext(reported []*script) ([]*script, error) {
	have := map[string]bool{}
	for _, p := range e.opts.NotContext {
		if abs, err := filepath.Abs(p); err == nil {
			have[abs] = true
		}
	}
	roots := map[string]bool{}
	for _, s := range reported {
		have[s.path.abs] = true
		if s.path.inGit {
			roots[s.path.root] = true
		}
	}
	var ctxScripts []*script
	for _, root := range sortedKeys(roots) {
		for _, p := range repoScripts(root) {
			if have[p] {
				continue
			}
			have[p] = true
			s, err := e.place(candidate{path: displayPath(p), abs: p})
			if err != nil {
				return nil, err
			}
			if s.cfg != nil && s.cfg.Excluded(s.path.rel) {
				continue
			}
			s.context = true
			ctxScripts = append(ctxScripts, s)
		}
	}
	e.readAll(ctxScripts)
	out := ctxScripts[:0]
	for _, s := range ctxScripts {
		if s.hasPx {
			out = append(out, s)
		}
	}
	return out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// findIncluders maps each script to the linted scripts that dot-source it,
// directly or through other files (DESIGN, Deployments, not files), in path
// order. A script nobody includes is a deployment.
func findIncluders(all []*script) map[*script][]*script {
	byAbs := map[string]*script{}
	for _, s := range all {
		byAbs[s.path.abs] = s
	}
	out := map[*script][]*script{}
	for _, s := range all {
		if s.res == nil {
			continue
		}
		seen := map[*script]bool{s: true}
		for _, abs := range s.res.Included {
			if inc, ok := byAbs[abs]; ok && !seen[inc] && !includes(inc, s.path.abs) {
				// (Scripts that dot-source each other are a cycle, not a
				// layout: neither is the other's fragment.)
				seen[inc] = true
				out[inc] = append(out[inc], s)
			}
		}
	}
	for _, list := range out {
		sort.Slice(list, func(i, j int) bool { return list[i].path.display < list[j].path.display })
	}
	return out
}

// includes reports whether s dot-sources the file abs.
func includes(s *script, abs string) bool {
	if s.res == nil {
		return false
	}
	for _, a := range s.res.Included {
		if a == abs {
			return true
		}
	}
	return false
}

// future is a value computed once, by whoever needs it first.
type future[T any] struct {
	once sync.Once
	val  T
	err  error
}

// futureFor returns the future of a set of folders, creating it once.
func futureFor[T any](mu *sync.Mutex, m map[string]*future[T], dirs []string) *future[T] {
	key := strings.Join(dirs, "\x00")
	mu.Lock()
	defer mu.Unlock()
	f, ok := m[key]
	if !ok {
		f = &future[T]{}
		m[key] = f
	}
	return f
}
