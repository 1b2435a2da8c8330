package policy

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime/metrics"
	"strings"
	"time"
	"unicode"

	"github.com/open-policy-agent/opa/v1/ast"
)

// User policies (--policy, policy_dirs) are code from the repository being
// linted, so they run in a sandbox: they are compiled with OPA capabilities
// that leave out every built-in that reads the network, the environment or
// the clock, draws random numbers or writes a trace (a call to one is a
// compile error naming the file and the built-in), each evaluation runs
// under a time bound and a memory bound, and the built-ins that can build a
// huge value in one call check its size first (bounded.go). Built-in policies are pxlint's own
// code and keep the full built-in set. print stays allowed: both compilers
// erase print calls, so they never write anything.

// Sandbox sets the bounds of user policies.
type Sandbox struct {
	// Online gives http.send back (--online); nothing else comes back.
	Online bool
	// Timeout bounds one user package's evaluation over one script.
	Timeout time.Duration
	// MaxHeap stops an evaluation when pxlint's Go heap grows past it.
	MaxHeap uint64
}

// Defaults of the sandbox (README, "Your own policies").
const (
	DefaultTimeout = 10 * time.Second
	DefaultMaxHeap = 1 << 30 // 1 GiB
)

// DefaultSandbox is the sandbox without --online.
func DefaultSandbox() Sandbox {
	return Sandbox{Timeout: DefaultTimeout, MaxHeap: DefaultMaxHeap}
}

// forbidden are the built-ins (or, ending in ".", families) left out of the
// user capabilities, with the reason given in the compile error. Built-ins
// OPA marks non-deterministic are left out too (userCapabilities), so one
// added by a later OPA release is refused until it is audited here.
var forbidden = map[string]string{
	"http.send":          "reads the network",
	"net.lookup_ip_addr": "reads the network (DNS)",
	// A JSON schema may $ref a remote document, which the validator fetches.
	"json.match_schema":  "reads the network (remote $ref in a schema)",
	"json.verify_schema": "reads the network (remote $ref in a schema)",
	"opa.runtime":        "reads the environment and OPA's configuration",
	"time.now_ns":        "reads the clock (policies get the run's clock as input.context.now)",
	// Both verify against the current time when none is given.
	"io.jwt.decode_verify":                                   "reads the clock",
	"crypto.x509.parse_and_verify_certificates":              "reads the clock (certificate validity)",
	"crypto.x509.parse_and_verify_certificates_with_options": "reads the clock (certificate validity)",
	"io.jwt.encode_sign":                                     "draws random numbers (signatures)",
	"io.jwt.encode_sign_raw":                                 "draws random numbers (signatures)",
	"rand.":                                                  "draws random numbers",
	"uuid.":                                                  "draws random numbers",
	"trace":                                                  "writes to the evaluation trace",
	// One call allocates 2^n bits: bits.lsh(1, 1e12) is 125 GB at once,
	// before any bound can interrupt it.
	"bits.lsh": "allocates memory set by its argument in one step",
	// A template's ranges multiply: its output cannot be bounded before
	// it runs, and one call runs it to the end.
	"strings.render_template": "builds output of a size that cannot be bounded in one step",
}

// forbiddenReason says why a built-in is left out of the user capabilities
// ("" when it is allowed).
func forbiddenReason(name string, online bool) string {
	if online && name == "http.send" {
		return ""
	}
	if r, ok := forbidden[name]; ok {
		return r
	}
	for k, r := range forbidden {
		if strings.HasSuffix(k, ".") && strings.HasPrefix(name, k) {
			return r
		}
	}
	if b, ok := ast.BuiltinMap[name]; ok && b.Nondeterministic {
		return "is not deterministic"
	}
	return ""
}

// userCapabilities are OPA's capabilities without the forbidden built-ins.
func userCapabilities(online bool) *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if forbiddenReason(b.Name, online) == "" {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	return caps
}

// checkCalls reports the first call of a forbidden built-in in a user
// module as "file:row: NAME is not allowed in user policies: it REASON".
// The capabilities would refuse it too, as an "undefined function"; this
// says why.
func checkCalls(file string, m *ast.Module, online bool) error {
	var found error
	check := func(ref ast.Ref, loc *ast.Location) {
		if found != nil {
			return
		}
		name := ref.String()
		if reason := forbiddenReason(name, online); reason != "" {
			row := 0
			if loc != nil {
				row = loc.Row
			}
			hint := ""
			if name == "http.send" {
				hint = " (--online allows http.send)"
			}
			found = fmt.Errorf("%s:%d: %s is not allowed in user policies: it %s%s", file, row, name, reason, hint)
		}
	}
	ast.WalkTerms(m, func(t *ast.Term) bool {
		if c, ok := t.Value.(ast.Call); ok && len(c) > 0 {
			if ref, ok := c[0].Value.(ast.Ref); ok {
				check(ref, t.Location)
			}
		}
		return found != nil
	})
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		if e.IsCall() {
			check(e.Operator(), e.Location)
		}
		for _, w := range e.With {
			if ref, ok := w.Target.Value.(ast.Ref); ok {
				check(ref, w.Location)
			}
		}
		return found != nil
	})
	return found
}

// builtinIDPattern is what pxlint's rule IDs look like (the registry's and
// those the catalog reserves): user policies may not emit them.
var builtinIDPattern = regexp.MustCompile(`(?i)^PX[0-9]+$`)

// checkUserID refuses a rule ID a user policy may not use: a built-in one
// (findings would pass for pxlint's own) or one holding control or line
// separator characters (they would reach terminals and CI logs).
func checkUserID(id string) error {
	if builtinIDPattern.MatchString(id) {
		return fmt.Errorf("rule ID %q is reserved for pxlint's built-in rules; give your rule its own ID", id)
	}
	if strings.ContainsFunc(id, func(r rune) bool {
		return unicode.IsControl(r) || unicode.In(r, unicode.Zl, unicode.Zp) || r == unicode.ReplacementChar
	}) {
		return fmt.Errorf("rule ID %q holds control characters", id)
	}
	return nil
}

// errHeap and errTimeout are the causes a bounded evaluation is cancelled with.
var (
	errHeap    = errors.New("memory bound")
	errTimeout = errors.New("time bound")
)

// heapBytes is the Go heap in use (objects, live or not yet swept), read
// without stopping the world.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// heapPoll is how often a bounded evaluation looks at the heap: OPA
// allocates at most a few hundred megabytes a second, so the bound is
// overshot by a few megabytes at most.
const heapPoll = 5 * time.Millisecond

// bounded runs fn under the sandbox's time and memory bounds. OPA checks
// for cancellation between evaluation steps and inside range-generating
// built-ins (numbers.range, net.cidr_expand), so a cancelled context ends
// the evaluation promptly; the error then names the bound that was hit.
func (s Sandbox) bounded(ctx context.Context, fn func(context.Context) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	if s.Timeout > 0 {
		var stop context.CancelFunc
		ctx, stop = context.WithTimeoutCause(ctx, s.Timeout, errTimeout)
		defer stop()
	}
	done := make(chan struct{})
	defer close(done)
	if s.MaxHeap > 0 {
		go func() {
			t := time.NewTicker(heapPoll)
			defer t.Stop()
			for {
				select {
				case <-done:
					return
				case <-t.C:
					if heapBytes() > s.MaxHeap {
						cancel(errHeap)
						return
					}
				}
			}
		}()
	}
	err := fn(ctx)
	if err == nil {
		return nil
	}
	switch cause := context.Cause(ctx); {
	case errors.Is(cause, errHeap):
		return fmt.Errorf("stopped at the memory bound: pxlint's heap passed %d MiB", s.MaxHeap>>20)
	case errors.Is(cause, errTimeout):
		return fmt.Errorf("stopped at the time bound of %v", s.Timeout)
	}
	return err
}
