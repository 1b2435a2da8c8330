package lint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/facts"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/policy"
	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/schema"
	"github.com/pxlint/pxlint/lint/stage/baseline"
)

// maxFileBytes bounds what pxlint reads of one script (PX011 beyond it).
const maxFileBytes = 2 << 20

// script is one file on its way through the pipeline.
type script struct {
	cand    candidate
	rel     string // repository-relative, slash-separated
	root    string // repository root (git top level, else the script's folder)
	inGit   bool
	cfg     *config.Config
	context bool // loaded as repository context only, never reported on

	size     int
	tooLarge bool
	src      *ps.Source
	file     *ps.File
	res      *model.Result
	hasPx    bool
	// in is the policy input the rules judged (set by judge).
	in *model.Input
}

// engine holds what is prepared once per run and shared by all scripts.
type engine struct {
	opts      Options
	schema    *schema.Schema
	catalog   []string
	facts     *facts.Facts
	inventory *facts.Inventory

	mu       sync.Mutex
	policies map[string]*future[*policy.Engine] // by user policy folders
	schemas  map[string]*future[*schema.Schema] // by user schema folders
	configs  map[string]*config.Config          // by path
	baseline *baseline.Matcher                  // --baseline, shared by all files
	refsOK   map[string]error                   // --against verified per work tree
}

// Run lints the paths in opts. The error is for exit code 2: pxlint could
// not do its job (a path that cannot be opened, an unusable config, facts or
// inventory failing their schema, user policies that do not compile).
func Run(ctx context.Context, opts Options) (*finding.Report, []rules.Rule, error) {
	e, err := newEngine(opts)
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
	cands, err := discover(opts.Paths)
	if err != nil {
		return nil, nil, nil, err
	}
	rep := &finding.Report{Tool: "pxlint", Now: opts.Now}

	var scripts []*script
	for _, c := range cands {
		s, err := e.place(c)
		if err != nil {
			return nil, nil, nil, err
		}
		if !c.named && s.cfg != nil && s.cfg.Excluded(s.rel) {
			continue
		}
		scripts = append(scripts, s)
	}
	e.readAll(scripts)

	var reported []*script
	var skipped []string
	for _, s := range scripts {
		switch {
		case s.hasPx || s.tooLarge:
			reported = append(reported, s)
		case hasErrors(s.file) && (s.cand.named || s.mentionsPx()):
			reported = append(reported, s)
		default:
			skipped = append(skipped, s.cand.path)
		}
	}
	if len(skipped) > 0 {
		if opts.Verbose {
			for _, p := range skipped {
				rep.Notices = append(rep.Notices, fmt.Sprintf("%s: skipped: assigns no $Px variable", p))
			}
		} else {
			rep.Notices = append(rep.Notices, fmt.Sprintf("%d .ps1 file(s) skipped: they assign no $Px variable (--verbose lists them)", len(skipped)))
		}
	}
	if len(reported) == 0 {
		// Nothing to judge, but broken user policies are still bad input.
		if _, err := e.policyFor(ctx, opts.PolicyDirs); err != nil {
			return nil, nil, nil, err
		}
		rep.Notices = append(rep.Notices, "no variables script found (no .ps1 file assigns a $Px variable)")
		return rep, newRuleSet().all, nil, nil
	}

	contextScripts, err := e.repositoryContext(reported)
	if err != nil {
		return nil, nil, nil, err
	}
	all := append(append([]*script{}, reported...), contextScripts...)
	summaries := map[*script]model.ScriptSummary{}
	for _, s := range all {
		if s.res != nil {
			summaries[s] = summarize(s)
		}
	}

	peers := indexPeers(all, summaries)
	results := make([]finding.FileResult, len(reported))
	var firstErr error
	var errOnce sync.Once
	e.parallel(len(reported), func(i int) {
		s := reported[i]
		fr, err := e.judge(ctx, s, peers.of(s, summaries[s]))
		if err != nil {
			errOnce.Do(func() { firstErr = err })
			return
		}
		results[i] = *fr
	})
	if firstErr != nil {
		return nil, nil, nil, firstErr
	}
	sort.SliceStable(results, func(i, j int) bool { return results[i].Path < results[j].Path })
	rep.Files = results
	rep.FailOn = e.failOn()

	rs := e.ruleList(reported)
	if err := e.baselines(rep); err != nil {
		return nil, nil, nil, err
	}
	return rep, rs, reported, nil
}

func newEngine(opts Options) (*engine, error) {
	e := &engine{opts: opts, policies: map[string]*future[*policy.Engine]{}, schemas: map[string]*future[*schema.Schema]{},
		configs: map[string]*config.Config{}}
	if opts.Now.IsZero() {
		e.opts.Now = time.Now().UTC()
	}
	// Compiling the Rego policies is the largest fixed cost of a run: start
	// it now so it overlaps loading the schema and reading the scripts.
	go func() { _, _ = e.policyFor(context.Background(), opts.PolicyDirs) }()
	sc, err := e.schemaFor(nil)
	if err != nil {
		return nil, err
	}
	e.schema = sc
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

// place finds the script's repository root and governing config.
func (e *engine) place(c candidate) (*script, error) {
	root, inGit := config.RepoRoot(filepath.Dir(c.abs))
	s := &script{cand: c, root: root, inGit: inGit, rel: config.RelTo(root, c.abs)}
	cfgPath := e.opts.ConfigPath
	if cfgPath == "" {
		if p, ok := config.Discover(c.abs); ok {
			cfgPath = p
		}
	}
	if cfgPath != "" {
		cfg, err := e.config(cfgPath)
		if err != nil {
			return nil, err
		}
		s.cfg = cfg
	}
	return s, nil
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
	e.configs[path] = c
	return c, nil
}

// parallel runs fn(0..n-1) on a bounded worker pool.
func (e *engine) parallel(n int, fn func(i int)) {
	jobs := e.opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	if jobs > n {
		jobs = n
	}
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
	b, err := readBounded(s.cand.abs, maxFileBytes)
	s.size = len(b)
	if err != nil {
		// Unreadable after discovery succeeded (a race, or a folder entry that
		// cannot be opened): treat as empty; the file is skipped.
		return
	}
	if len(b) > maxFileBytes {
		s.tooLarge = true
		return
	}
	if !s.cand.named && !mentionsPx(b) {
		return
	}
	s.src = ps.Decode(b)
	s.file = ps.Parse(s.src, ps.DefaultLimits())
	s.res = model.Evaluate(s.src, s.file, model.Options{Path: s.rel, KnownNames: e.catalog, Dir: filepath.Dir(s.cand.abs)})
	for name := range s.res.Input.Variables {
		if len(name) >= 2 && strings.EqualFold(name[:2], "px") {
			s.hasPx = true
			break
		}
	}
}

func (s *script) mentionsPx() bool {
	return s.src != nil && strings.Contains(strings.ToLower(s.src.Text), "$px")
}

func readBounded(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 0, 16<<10)
	tmp := make([]byte, 32<<10)
	for len(buf) <= limit {
		n, err := f.Read(tmp)
		buf = append(buf, tmp[:n]...)
		if err != nil {
			break
		}
	}
	return buf, nil
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
		have[s.cand.abs] = true
		if s.inGit {
			roots[s.root] = true
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
			if s.cfg != nil && s.cfg.Excluded(s.rel) {
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

// summarize extracts what cross-script rules compare (PX206).
func summarize(s *script) model.ScriptSummary {
	in := s.res.Input
	str := func(name string) (string, int) {
		v := lookupVariable(in, name)
		if v == nil {
			return "", 0
		}
		if x, ok := v.Value.(string); ok && v.Kind == model.KindString {
			return x, v.Line
		}
		return "", 0
	}
	sum := model.ScriptSummary{File: s.cand.path}
	sum.SubscriptionID, _ = str("PxSubscriptionId")
	sum.TeamsConnFqdn, sum.TeamsConnFqdnLine = str("PxTeamsConnFqdn")
	sum.ResourceGroup, sum.ResourceGroupLine = str("PxTeamsConnResourceGroupName")
	sum.StaticResourceGroup, sum.StaticResourceGroupLine = str("PxTeamsConnStaticResourceGroupName")
	base, baseLine := str("PxBaseConnName")
	region, _ := str("PxVmssRegion")
	sum.BaseConnNameLine = baseLine
	if base != "" && region != "" {
		sum.VmssName = base + region
		sum.PublicIPName = base + "-TeamsConn-" + region + "-PIP"
	}
	return sum
}

// peerIndex finds, for each script, the other scripts it could collide with.
// Resource names collide only within one subscription and the Teams
// Connector FQDN across all (DESIGN, Repository context), so a script's
// repository context is the scripts sharing its subscription or its FQDN:
// the rest cannot matter to any cross-script rule, and leaving them out
// keeps a run over N scripts linear instead of quadratic.
type peerIndex struct {
	bySub, byFqdn map[string][]*script
	sums          map[*script]model.ScriptSummary
}

func indexPeers(all []*script, sums map[*script]model.ScriptSummary) *peerIndex {
	p := &peerIndex{bySub: map[string][]*script{}, byFqdn: map[string][]*script{}, sums: sums}
	for _, s := range all {
		sum, ok := sums[s]
		if !ok {
			continue
		}
		if k := strings.ToLower(sum.SubscriptionID); k != "" {
			p.bySub[k] = append(p.bySub[k], s)
		}
		if k := strings.ToLower(sum.TeamsConnFqdn); k != "" {
			p.byFqdn[k] = append(p.byFqdn[k], s)
		}
	}
	return p
}

// of lists the peers of s: scripts named in the run, or context scripts of
// s's own work tree.
func (p *peerIndex) of(s *script, sum model.ScriptSummary) []model.ScriptSummary {
	seen := map[*script]bool{s: true}
	var out []model.ScriptSummary
	add := func(list []*script) {
		for _, o := range list {
			if seen[o] || (o.context && o.root != s.root) {
				continue
			}
			seen[o] = true
			out = append(out, p.sums[o])
		}
	}
	add(p.bySub[strings.ToLower(sum.SubscriptionID)])
	add(p.byFqdn[strings.ToLower(sum.TeamsConnFqdn)])
	sort.Slice(out, func(a, b int) bool { return out[a].File < out[b].File })
	return out
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
