package lint

import (
	"context"
	"path/filepath"
	"runtime/trace"
	"time"

	"github.com/pxlint/pxlint/lint/cert"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/policy"
	"github.com/pxlint/pxlint/lint/schema"
)

// Defaults when neither a flag nor the config sets a value.
const (
	defaultExpiryDays = 30
	defaultAzVersion  = "4.5.0"
)

// scope is what the scripts of a run know of each other, computed once
// for `lint` and `inspect` alike: which script dot-sources which (a
// fragment is part of its includers, DESIGN, Deployments, not files) and
// each deployment's peers in its repository (PX206).
type scope struct {
	// all are the reported scripts followed by the repository context.
	all       []*script
	includers map[*script][]*script
	summaries map[*script]model.ScriptSummary
	peers     *peerIndex
}

// scope loads the repository context of the reported scripts and indexes
// the deployments among all of them.
func (e *engine) scope(reported []*script) (*scope, error) {
	contextScripts, err := e.repositoryContext(reported)
	if err != nil {
		return nil, err
	}
	all := append(append([]*script{}, reported...), contextScripts...)
	sc := &scope{all: all, includers: findIncluders(all), summaries: map[*script]model.ScriptSummary{}}
	// Only deployments collide: a dot-sourced fragment is part of each
	// script that includes it, never a deployment of its own.
	identities := map[*script]string{}
	for _, s := range all {
		if s.res != nil && len(sc.includers[s]) == 0 {
			sc.summaries[s] = e.summarize(s)
			identities[s] = identity(s)
		}
	}
	sc.peers = e.indexPeers(all, sc.summaries, identities)
	return sc, nil
}

// repository is the policy input's repository context of s: its peers.
func (sc *scope) repository(s *script) []model.ScriptSummary {
	return sc.peers.of(s)
}

// profile decides a script's release profile: --profile, else the config's,
// else detected from the script.
func (e *engine) profile(s *script) (name, source string) {
	switch {
	case e.opts.Profile != "":
		return e.opts.Profile, "flag"
	case s.cfg != nil && s.cfg.Profile != "":
		return s.cfg.Profile, "config"
	}
	return model.DetectProfile(s.res.Input)
}

// input is the one prepare step of `lint` and `inspect`: it completes the
// policy input of a script with what comes from beside it (profile,
// settings, clock, repository, certificates, facts, inventory) and marks
// what a parse error makes uncertain, so inspect prints exactly what the
// rules judge.
func (e *engine) input(s *script, repo []model.ScriptSummary) (*model.Input, error) {
	in := s.res.Input
	in.Profile, in.ProfileSource = e.profile(s)
	pd, hasProfile := e.schema.Profile(in.Profile)
	if hasProfile {
		in.ProfileData = pd
	}
	in.Config = e.settings(s, pd.AzVersion)
	in.Context = model.Context{InGitWorkTree: s.path.inGit, Now: e.opts.Now.UTC().Format(time.RFC3339),
		AzureLocationCloud: e.locationCloud(in)}
	if repo == nil {
		repo = []model.ScriptSummary{}
	}
	in.Repository = repo

	certs, err := e.certificates(s, in)
	if err != nil {
		return nil, err
	}
	in.Certificates = certs
	if e.facts != nil {
		in.Facts = e.facts
	}
	if e.inventory != nil {
		in.Inventory = e.inventory
	}
	markUnparsed(in, s.file)
	return in, nil
}

// settings are the rule settings of a script: flags win over its config,
// which wins over the profile's (profileAz) and pxlint's defaults.
func (e *engine) settings(s *script, profileAz string) model.Config {
	az := e.opts.AzVersion
	if az == "" && s.cfg != nil {
		az = s.cfg.AzVersion
	}
	if az == "" {
		az = profileAz
	}
	if az == "" {
		az = defaultAzVersion
	}
	days := e.opts.ExpiryDays
	if days == 0 && s.cfg != nil {
		days = s.cfg.ExpiryDays
	}
	if days == 0 {
		days = defaultExpiryDays
	}
	c := model.Config{AzVersion: az, ExpiryDays: days, Rules: map[string]map[string]any{}}
	if s.cfg != nil {
		if opts := s.cfg.RuleOptions(s.path.rel); opts != nil {
			c.Rules = opts
		}
		for _, v := range s.cfg.Variables {
			c.Variables = append(c.Variables, model.DeclaredVariable{
				Name: v.Name, Type: v.Type, Pattern: v.Pattern, Required: v.Required, Parameter: v.Parameter})
		}
	}
	c.Rules = withConsentAddresses(c.Rules, e.opts.ConsentAddresses)
	return c
}

// certificates collects the certificate facts of a script: the file its
// $PxPfxCertFileName names (or --cert) and the node certificates.
func (e *engine) certificates(s *script, in *model.Input) (*cert.Certificates, error) {
	req := cert.Request{
		ScriptDir: filepath.Dir(s.path.abs), CertPath: e.opts.CertPath, NodeCerts: e.opts.NodeCerts,
		Password: e.opts.CertPassword, NodePassword: e.opts.NodeCertPassword,
		CAFiles: e.opts.CAFiles, Now: e.opts.Now, Online: e.opts.Online, Cache: e.certCache,
	}
	if s.cfg != nil {
		req.CAFiles = append(append([]string{}, req.CAFiles...), s.cfg.CAFiles...)
	}
	if v := lookupVariable(in, "PxPfxCertFileName"); v != nil && v.Kind == model.KindString {
		req.PfxFileName, _ = v.Value.(string)
	}
	return cert.Collect(req)
}

// policiesFor prepares (once per set of folders) the policies a script
// is judged with: the built-in ones plus the user folders of the flags
// and of its config.
func (e *engine) policiesFor(ctx context.Context, s *script) (*policy.Engine, error) {
	dirs := append([]string{}, e.opts.PolicyDirs...)
	if s.cfg != nil {
		dirs = append(dirs, s.cfg.PolicyDirs...)
	}
	return e.policyFor(ctx, dirs)
}

// schemaOf loads (once per set of folders) the schema a script is judged
// with: the built-in one plus the user folders of the flags and of its
// config.
func (e *engine) schemaOf(s *script) (*schema.Schema, error) {
	dirs := append([]string{}, e.opts.SchemaDirs...)
	if s.cfg != nil {
		dirs = append(dirs, s.cfg.SchemaDirs...)
	}
	return e.schemaFor(dirs)
}

// policyFor prepares (once) the policies for a set of user folders.
// Different sets prepare concurrently; callers of the same set wait for it.
func (e *engine) policyFor(ctx context.Context, dirs []string) (*policy.Engine, error) {
	f := futureFor(&e.mu, e.policies, dirs)
	f.once.Do(func() {
		defer trace.StartRegion(ctx, "prepare policies").End()
		f.val, f.err = policy.PrepareWith(ctx, dirs, e.sandbox())
	})
	return f.val, f.err
}

// sandbox is the user policies' sandbox for this run.
func (e *engine) sandbox() policy.Sandbox {
	sb := policy.DefaultSandbox()
	sb.Online = e.opts.Online
	if e.opts.PolicyTimeout > 0 {
		sb.Timeout = e.opts.PolicyTimeout
	}
	return sb
}

// schemaFor loads (once) the schema with a set of user overlays.
func (e *engine) schemaFor(dirs []string) (*schema.Schema, error) {
	f := futureFor(&e.mu, e.schemas, dirs)
	f.once.Do(func() {
		if len(dirs) == 0 {
			// The built-in schema newEngine started: its CUE compiles
			// only if a value needs it (schema.Start).
			f.val = e.schema
			return
		}
		defer trace.StartRegion(context.Background(), "load schema").End()
		f.val, f.err = schema.Load(dirs)
	})
	return f.val, f.err
}
