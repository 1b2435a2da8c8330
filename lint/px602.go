package lint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/plan"
	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/rules"
)

// gitTimeout bounds one git call of --against.
const gitTimeout = 30 * time.Second

// errNotAtRef says a file does not exist at the --against revision.
var errNotAtRef = errors.New("not at that revision")

// CheckRef validates a --against revision as text before git sees it: it
// must not look like an option, and holds no control character.
func CheckRef(ref string) error {
	if ref == "" || strings.HasPrefix(ref, "-") || strings.ContainsFunc(ref, func(r rune) bool { return r < 0x20 || r == 0x7f }) || strings.Contains(ref, ":") {
		return fmt.Errorf("--against %q: want a git revision such as origin/main or HEAD~1", ref)
	}
	return nil
}

// gitBlob reads REF:rel from the work tree at root, at most limit bytes.
// It runs `git cat-file blob`, plumbing that runs no filter, textconv,
// hook or pager the repository could configure: nothing from the
// repository is executed, and the script is only read.
func gitBlob(ctx context.Context, root, ref, rel string, limit int) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, gitTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", "-C", root, "cat-file", "blob", ref+":"+filepath.ToSlash(rel))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("--against needs git: %w", err)
	}
	b, rerr := io.ReadAll(io.LimitReader(out, int64(limit)+1))
	if len(b) > limit {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return b[:limit], errTooLarge
	}
	werr := cmd.Wait()
	if rerr != nil {
		return nil, rerr
	}
	if werr != nil {
		return nil, errNotAtRef
	}
	return b, nil
}

var errTooLarge = errors.New("larger than pxlint reads")

// verifyRef checks once per work tree that the revision names a commit, so
// a typo is bad input (exit code 2) rather than "every script is new".
func (e *engine) verifyRef(ctx context.Context, root string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.refsOK == nil {
		e.refsOK = map[string]error{}
	}
	if err, ok := e.refsOK[root]; ok {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, gitTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", "-C", root, "rev-parse", "--verify", "--quiet", e.opts.Against+"^{commit}")
	var err error
	if runErr := cmd.Run(); runErr != nil {
		err = fmt.Errorf("--against %s: not a commit in %s", e.opts.Against, root)
	}
	e.refsOK[root] = err
	return err
}

// The rule PX602 is checkAgainst below; its registry entry is generated from this
// block by `go generate ./lint/rules`.
//
// METADATA
// title: change makes the next run a new deployment
// description: >-
//   Compared with an earlier version of the same regional script (`pxlint lint
//   --against REF`, for example `origin/main` in a pull request, or `pxlint diff
//   OLD NEW`): the base name, region tag, subscription, VMSS or static resource
//   group name, Teams Connector FQDN or Azure location changed. Each names the
//   deployment, so the next run creates a new one (new public IP, DNS record,
//   certificate name and admin consent) instead of upgrading the existing one,
//   and leaves the old resources behind. Changes that are normal in an upgrade
//   (instance count, source prefixes, certificate file, node FQDNs) are listed
//   by `pxlint diff`, not reported. Without an earlier version the rule is not
//   verified; a script that did not exist at REF is a new deployment and passes.
// custom:
//   id: PX602
//   name: redeploy-identity-change
//   severity: warning
//   prevents: >-
//     an upgrade that silently becomes a second deployment; orphaned resources;
//     broken DNS and consent
//   remediation: >-
//     Keep the identity values of the existing deployment when upgrading. To
//     move or rename it, deploy the new one deliberately, repoint DNS and
//     consent, then delete the old resource groups.
//   bad: |-
//     # at origin/main: $PxVmssRegion = "weu"
//     $PxVmssRegion = "westeu"
//   good: |-
//     # at origin/main: $PxVmssRegion = "weu"
//     $PxVmssRegion = "weu"
//     $PxTeamsConnInstanceCount = "3"   # an upgrade may change this
//   needs: [PxBaseConnName, PxVmssRegion, PxSubscriptionId, PxTeamsConnResourceGroupName, PxTeamsConnStaticResourceGroupName, PxTeamsConnFqdn, PxAzureLocation]

// checkAgainst is PX602 (identity-change) for one script: it evaluates the
// same script at the --against revision (dot-sourced fragments read at that
// revision too) and reports each identity change as a verdict, so it is
// located, suppressed and formatted like every other finding. Without a
// revision, or when the old version cannot be read, PX602 is not verified.
func (e *engine) checkAgainst(ctx context.Context, c *checked, s *script, in *model.Input) error {
	if e.opts.Against == "" {
		c.notVerifiedBecause(rules.PX602, "no earlier version to compare: use --against REF (e.g. origin/main) or pxlint diff OLD NEW")
		return nil
	}
	if !s.path.inGit {
		return fmt.Errorf("--against %s: %s is not in a git work tree", e.opts.Against, s.path.display)
	}
	if err := e.verifyRef(ctx, s.path.root); err != nil {
		return err
	}
	b, err := gitBlob(ctx, s.path.root, e.opts.Against, s.path.rel, e.limits.Script)
	switch {
	case errors.Is(err, errNotAtRef):
		return nil // a new script: a new deployment is what it is for
	case errors.Is(err, errTooLarge):
		c.notVerifiedBecause(rules.PX602, fmt.Sprintf("the script at %s is larger than pxlint reads", e.opts.Against))
		return nil
	case err != nil:
		return err
	}
	src := ps.Decode(b)
	file := ps.Parse(src, e.parseLimits())
	read := func(p string) ([]byte, error) {
		rel, err := filepath.Rel(s.path.root, p)
		if err != nil || strings.HasPrefix(rel, "..") {
			return nil, errNotAtRef
		}
		return gitBlob(ctx, s.path.root, e.opts.Against, rel, e.limits.DotSource)
	}
	old := model.Evaluate(src, file, e.evalOptions(s, read))
	old.Input.Profile = in.Profile
	changes := plan.Identity(plan.Compare(plan.Build(old.Input, nil, nil), plan.Build(in, nil, nil)))
	for _, ch := range changes {
		c.verdicts = append(c.verdicts, verdict{
			rule: rules.PX602, variable: ch.Variable, element: -1,
			msg: fmt.Sprintf("the %s changed from %q at %s to %q: %s", ch.What, ch.Old, e.opts.Against, ch.New, ch.Why),
			fix: fmt.Sprintf("to upgrade the existing deployment keep $%s = %q; to replace it, deploy the new one deliberately and remove the old resource groups", ch.Variable, ch.Old),
		})
	}
	return nil
}
