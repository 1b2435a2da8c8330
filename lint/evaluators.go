package lint

import (
	"context"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/pxlint/pxlint/lint/policy"
)

// evaluators run the Rego policies of the scripts being judged on a few
// long-lived goroutines, one per judging worker, beside each worker's
// schema check.
//
// Why not a goroutine per script: OPA's evaluator recurses deeply, and a
// new goroutine starts with a small stack that Go grows by copying it,
// frame by frame, each time it doubles. Per script that copying cost as
// much as a fifth of a many-script run's CPU; an evaluator that lives for
// the run grows its stack once (BenchmarkRunOneSubscription, CHANGELOG).
type evaluators struct {
	jobs chan func()
	done sync.WaitGroup
	// parallel evaluates each script's policies with the parts of the
	// built-in query at once (policy.Engine.EvalParallel): for a run with
	// fewer scripts than cores, whose other cores would idle meanwhile.
	parallel bool
}

// startEvaluators starts n evaluator goroutines; stop ends them.
func startEvaluators(n int, parallel bool) *evaluators {
	ev := &evaluators{jobs: make(chan func(), n), parallel: parallel}
	for range n {
		ev.done.Add(1)
		go func() {
			defer ev.done.Done()
			for job := range ev.jobs {
				job()
			}
		}()
	}
	return ev
}

// eval evaluates pol over a script's policy input on an evaluator; the
// channel gives the output once. A judging worker waits for its output
// before it asks for another, so with one evaluator per worker a job
// never waits long for one.
func (ev *evaluators) eval(ctx context.Context, pol *policy.Engine, val ast.Value) <-chan policyOutput {
	ch := make(chan policyOutput, 1)
	ev.jobs <- func() {
		eval := pol.Eval
		if ev.parallel {
			eval = pol.EvalParallel
		}
		out, err := eval(ctx, val)
		ch <- policyOutput{out, err}
	}
	return ch
}

// stop ends the evaluators once every job given is done.
func (ev *evaluators) stop() {
	close(ev.jobs)
	ev.done.Wait()
}
