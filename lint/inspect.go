package lint

import (
	"context"
	"errors"
	"fmt"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/rules"
)

// Inspect returns the policy input of one script exactly as policies see it
// (certificates, facts, inventory and repository context included).
func Inspect(_ context.Context, path string, opts Options) (*model.Input, error) {
	e, err := newEngine(opts)
	if err != nil {
		return nil, err
	}
	cands, err := discover([]string{path}, opts.StdinName)
	if err != nil {
		return nil, err
	}
	if len(cands) != 1 || !cands[0].named {
		return nil, fmt.Errorf("%s: inspect wants one script file", path)
	}
	s, err := e.place(cands[0])
	if err != nil {
		return nil, err
	}
	e.read(s)
	if s.readErr != nil {
		return nil, s.readErr
	}
	if s.tooLarge {
		return nil, errors.New(path + ": larger than pxlint reads")
	}
	sc, err := e.scope([]*script{s})
	if err != nil {
		return nil, err
	}
	return e.input(s, sc.repository(s))
}

// failOn is the run's threshold: --fail-on, else error. A config's fail_on
// applies to the scripts it governs (see setFailOn).
func (e *engine) failOn() finding.Threshold {
	if e.opts.FailOn != nil {
		return *e.opts.FailOn
	}
	return finding.DefaultThreshold
}

// setFailOn gives each file the fail_on of its config, unless --fail-on
// (which wins over every config) is set.
func (e *engine) setFailOn(fr *finding.FileResult, s *script) {
	if e.opts.FailOn == nil && s.cfg != nil && s.cfg.FailOn != nil {
		v := *s.cfg.FailOn
		fr.FailOn = &v
	}
}

// ruleList is the metadata of every rule the run used (built-in and user),
// for SARIF's tool.driver.rules and the JUnit test cases.
func (e *engine) ruleList(_ []*script) []rules.Rule {
	e.mu.Lock()
	defer e.mu.Unlock()
	var extra [][]rules.Rule
	for _, k := range sortedKeys(e.policies) {
		p := e.policies[k]
		p.once.Do(func() {}) // wait for a preparation still running (or claim an unstarted one)
		if p.val != nil {
			extra = append(extra, p.val.UserRules())
		}
	}
	for _, k := range sortedKeys(e.schemas) {
		s := e.schemas[k]
		s.once.Do(func() {})
		if s.val != nil {
			extra = append(extra, s.val.UserRules())
		}
	}
	return newRuleSet(extra...).all
}
