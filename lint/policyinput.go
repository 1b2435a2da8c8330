package lint

import (
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/policy"
)

// profileValues holds input.profile_data as OPA values, converted once per
// profile for the whole run rather than once per script: it is the same
// document for every script of a profile and a good part of each input.
type profileValues struct {
	mu   sync.Mutex
	byID map[string]*ast.Term
}

// policyInput converts a script's policy input for OPA (policy.ToValue: no
// JSON round trip), taking profile_data from the run's per-profile cache.
func (e *engine) policyInput(in *model.Input) (ast.Value, error) {
	pd := in.ProfileData
	// Left out of the conversion, then put back: in belongs to this
	// script's goroutine alone.
	in.ProfileData = nil
	v, err := policy.ToValue(in)
	in.ProfileData = pd
	if err != nil {
		return nil, err
	}
	obj, ok := v.(ast.Object)
	if !ok || pd == nil {
		return v, nil
	}
	pv, err := e.profileValue(in.Profile, pd)
	if err != nil {
		return nil, err
	}
	obj.Insert(ast.InternedTerm("profile_data"), pv)
	return obj, nil
}

func (e *engine) profileValue(profile string, pd any) (*ast.Term, error) {
	c := &e.profileValues
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.byID[profile]; ok {
		return t, nil
	}
	v, err := policy.ToValue(pd)
	if err != nil {
		return nil, err
	}
	if c.byID == nil {
		c.byID = map[string]*ast.Term{}
	}
	c.byID[profile] = ast.NewTerm(v)
	return c.byID[profile], nil
}
