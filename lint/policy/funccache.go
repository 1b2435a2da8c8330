package policy

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// The built-in policies call helper functions (address and name checks,
// pattern expansion, …) with the values of a script, and the scripts of a
// run share most of their values: a region's scripts differ in a base name
// and an FQDN. OPA remembers a function's result for its arguments within
// one evaluation (its virtual cache); a run shares what a pure function
// returned across all its evaluations, so a call the scripts have in
// common is evaluated twice per run (runCache.put) rather than once per
// script.
//
// A function is pure when nothing it reads, directly or through the rules
// and functions it refers to, is the input, a non-deterministic built-in or
// a `with` modifier: its result is then a function of its arguments (and
// of the policies, the same for the whole run).

// pureFunctions are the paths (data.pxlint.lib.f) of the built-in
// functions whose results runCache may share. Only functions and what they
// depend on are looked at, each rule once.
func pureFunctions(c *ast.Compiler) map[string]bool {
	p := purity{c: c, state: map[*ast.Rule]ruleState{}}
	pure := map[string]bool{}
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			if len(r.Head.Args) == 0 {
				continue
			}
			// Every definition of a path (several rules, else branches, a
			// default) must be pure for its calls to be shared.
			path := m.Package.Path.Extend(r.Head.Ref()).String()
			if v, seen := pure[path]; !seen || v {
				pure[path] = p.pure(r)
			}
		}
	}
	for path, ok := range pure {
		if !ok {
			delete(pure, path)
		}
	}
	return pure
}

type ruleState uint8

const (
	unvisited ruleState = iota
	visiting
	isPure
	isImpure
)

// purity decides, with memory, whether rules are pure.
type purity struct {
	c     *ast.Compiler
	state map[*ast.Rule]ruleState
}

func (p *purity) pure(r *ast.Rule) bool {
	switch p.state[r] {
	case isPure:
		return true
	case isImpure, visiting: // (Rego rejects recursion; were it there, not pure)
		return false
	}
	p.state[r] = visiting
	ok := true
	ast.NewGenericVisitor(func(x any) bool {
		if !ok {
			return true
		}
		switch x := x.(type) {
		case *ast.Expr:
			if len(x.With) > 0 || x.IsCall() && nondeterministic(x.Operator()) {
				ok = false
			}
		case ast.Call:
			if op, isRef := x[0].Value.(ast.Ref); isRef && nondeterministic(op) {
				ok = false
			}
		case ast.Ref:
			switch {
			case x.HasPrefix(ast.InputRootRef):
				ok = false
			case x.HasPrefix(ast.DefaultRootRef):
				for _, d := range p.c.GetRulesDynamicWithOpts(x, ast.RulesOptions{}) {
					if !p.pure(d) {
						ok = false
						break
					}
				}
			}
		}
		return !ok
	}).Walk(r)
	p.state[r] = isImpure
	if ok {
		p.state[r] = isPure
	}
	return ok
}

// nondeterministic reports whether op names a built-in whose result is not
// a function of its arguments (time, randomness, the network).
func nondeterministic(op ast.Ref) bool {
	if len(op) == 0 {
		return false
	}
	if head, ok := op[0].Value.(ast.Var); !ok || !nondeterministicHeads()[string(head)] {
		return false
	}
	b, ok := ast.BuiltinMap[op.String()]
	return ok && b.Nondeterministic
}

// nondeterministicHeads are the first names of the non-deterministic
// built-ins (time, rand, http, …), so most calls are told apart without
// spelling out their name.
var nondeterministicHeads = sync.OnceValue(func() map[string]bool {
	heads := map[string]bool{}
	for _, b := range ast.Builtins {
		if b.Nondeterministic {
			name, _, _ := strings.Cut(b.Name, ".")
			heads[name] = true
		}
	}
	return heads
})

// runCache holds the results of pure function calls for a whole run.
type runCache struct {
	pure map[string]bool
	// sites says for each call site (the operator term of a compiled call,
	// the same pointer at every evaluation) whether its function is pure.
	sites sync.Map // *ast.Term → bool
	// calls are the kept calls by ast.Ref.Hash of the call ([]cachedCall,
	// replaced, never changed): read without a lock, thousands of times
	// per evaluation from every worker.
	calls sync.Map
	mu    sync.Mutex // for put
	// seen are the hashes of calls made once: a call is kept when it comes
	// again. A call only one script makes (on its base name, its FQDN, its
	// own parts of the input) is never asked for again, and keeping it
	// would keep its arguments, parts of that script's input, to the end
	// of the run (a 1,000-script run doubled its peak memory so).
	seen map[int]struct{}
	n    atomic.Int64
}

type cachedCall struct {
	key   ast.Ref
	value *ast.Term
}

// Bounds of a run's cache: the calls it keeps and the calls it remembers
// having seen (a hash each). Past them, calls are remembered per
// evaluation only, as OPA does.
const (
	maxSharedCalls = 1 << 14
	maxSeenCalls   = 1 << 17
)

func newRunCache(pure map[string]bool) *runCache {
	return &runCache{pure: pure, seen: map[int]struct{}{}}
}

// shares reports whether key is the call of a pure function: OPA keys a
// call by the function's reference, then its arguments.
func (c *runCache) shares(key ast.Ref) bool {
	if len(key) == 0 {
		return false
	}
	op := key[0]
	if _, isRef := op.Value.(ast.Ref); !isRef {
		return false // a rule's document, not a call
	}
	if v, ok := c.sites.Load(op); ok {
		return v.(bool)
	}
	pure := c.pure[op.Value.String()]
	c.sites.Store(op, pure)
	return pure
}

func (c *runCache) get(key ast.Ref) (*ast.Term, bool) {
	calls, ok := c.calls.Load(key.Hash())
	if !ok {
		return nil, false
	}
	for _, e := range calls.([]cachedCall) {
		if e.key.Equal(key) {
			return e.value, true
		}
	}
	return nil, false
}

// put keeps a call's result if the call was seen before, and reports
// whether it did.
func (c *runCache) put(key ast.Ref, value *ast.Term) bool {
	if c.n.Load() >= maxSharedCalls {
		return false
	}
	h := key.Hash()
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, again := c.seen[h]; !again {
		if len(c.seen) < maxSeenCalls {
			c.seen[h] = struct{}{}
		}
		return false
	}
	var calls []cachedCall
	if v, ok := c.calls.Load(h); ok {
		calls = v.([]cachedCall)
	}
	for _, e := range calls {
		if e.key.Equal(key) {
			return true
		}
	}
	// OPA reuses the key's backing array for the next call.
	key = append(ast.Ref(nil), key...)
	c.calls.Store(h, append(calls[:len(calls):len(calls)], cachedCall{key: key, value: value}))
	c.n.Add(1)
	return true
}

// evalCache is one evaluation's virtual cache: OPA's own, with the calls
// of pure functions looked up in and added to the run's. Under a `with`
// (a pushed frame) everything stays in the evaluation's own cache: a
// replaced document or function may change what a pure function returns.
type evalCache struct {
	topdown.VirtualCache
	run   *runCache
	depth int
}

func newEvalCache(run *runCache) *evalCache {
	return &evalCache{VirtualCache: topdown.NewVirtualCache(), run: run}
}

func (c *evalCache) Push() {
	c.depth++
	c.VirtualCache.Push()
}

func (c *evalCache) Pop() {
	c.depth--
	c.VirtualCache.Pop()
}

func (c *evalCache) Get(ref ast.Ref) (*ast.Term, bool) {
	if c.depth == 0 && c.run.shares(ref) {
		if v, ok := c.run.get(ref); ok {
			return v, v == nil
		}
	}
	return c.VirtualCache.Get(ref)
}

func (c *evalCache) Put(ref ast.Ref, value *ast.Term) {
	if c.depth == 0 && c.run.shares(ref) && c.run.put(ref, value) {
		return
	}
	c.VirtualCache.Put(ref, value)
}
