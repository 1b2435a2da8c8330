package cert

import (
	"crypto/x509"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/x509roots/fallback/bundle"

	"github.com/pxlint/pxlint/lint/safeio"
)

// maxPathLen bounds the in-file path walk.
const maxPathLen = 10

var (
	baseRootsOnce sync.Once
	baseRoots     *x509.CertPool
)

// TrustRoots returns the system roots plus Go's fallback bundle (so minimal
// containers without a CA store still judge trust) plus the PEM roots in
// caFiles. A caFile that cannot be read or holds no certificate is an error.
func TrustRoots(caFiles []string) (*x509.CertPool, error) {
	baseRootsOnce.Do(func() {
		p, err := x509.SystemCertPool()
		if err != nil || p == nil {
			p = x509.NewCertPool()
		}
		for r := range bundle.Roots() {
			c, err := x509.ParseCertificate(r.Certificate)
			if err != nil {
				continue
			}
			if r.Constraint == nil {
				p.AddCert(c)
			} else {
				p.AddCertWithConstraint(c, r.Constraint)
			}
		}
		baseRoots = p
	})
	pool := baseRoots.Clone()
	for _, f := range caFiles {
		b, err := safeio.ReadFile(f, safeio.CertBytes)
		if err != nil {
			return nil, fmt.Errorf("--ca-file: %w", err)
		}
		if !pool.AppendCertsFromPEM(b) {
			return nil, fmt.Errorf("--ca-file %s: no PEM certificate in the file", f)
		}
	}
	return pool, nil
}

// buildChain verifies the leaf against roots with the file's other
// certificates as intermediates, at now. Validity is PX304's business, so a
// chain that fails only because a certificate is outside its validity is
// retried at a time inside the leaf's validity and counts as built.
func buildChain(p *parsed, roots *x509.CertPool, now time.Time) ChainResult {
	inFile := map[string]bool{string(p.leaf.Raw): true}
	inter := x509.NewCertPool()
	for _, c := range p.others {
		inter.AddCert(c)
		inFile[string(c.Raw)] = true
	}
	if now.IsZero() { // no clock given: never fall back to the wall clock
		now = p.leaf.NotBefore.Add(p.leaf.NotAfter.Sub(p.leaf.NotBefore) / 2)
	}
	opts := x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: now, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}
	chains, err := p.leaf.Verify(opts)
	var inv x509.CertificateInvalidError
	if err != nil && errors.As(err, &inv) && inv.Reason == x509.Expired {
		opts.CurrentTime = p.leaf.NotBefore.Add(p.leaf.NotAfter.Sub(p.leaf.NotBefore) / 2)
		chains, err = p.leaf.Verify(opts)
	}
	res := ChainResult{Path: []ChainLink{}}
	if err == nil && len(chains) > 0 {
		best := chains[0]
		for _, ch := range chains[1:] { // prefer the chain that uses the file's certificates
			if countInFile(ch, inFile) > countInFile(best, inFile) {
				best = ch
			}
		}
		res.Built = true
		res.Path = links(best, inFile)
		res.TrustedRoot = best[len(best)-1].Subject.String()
		return res
	}
	path := filePath(p)
	res.Path = links(path, inFile)
	last := path[len(path)-1]
	var unknown x509.UnknownAuthorityError
	switch {
	case len(path) == 1 && isSelfSigned(last):
		res.Problem = ChainSelfSigned
		res.Reason = "the certificate is self-signed (" + last.Subject.String() + ")"
	case isSelfSigned(last):
		res.Problem = ChainUntrustedRoot
		res.Reason = "the chain ends at " + last.Subject.String() + ", a root that is not trusted (add it with --ca-file if it is your private CA)"
	case err != nil && strings.Contains(err.Error(), "insecure algorithm"):
		// The chain exists but crypto/x509 refuses a SHA-1 or MD5 signature
		// in it: PX308 owns that, not PX306/PX307.
		res.Problem = ChainWeakSignature
		res.Reason = "a certificate of the chain is signed with an insecure algorithm: " + strings.TrimPrefix(err.Error(), "x509: ")
	case errors.As(err, &unknown) && last.IsCA && len(path) > 1 && !rootOffPath(p, path):
		// The file carries the chain up to a CA whose issuer is unknown:
		// the missing piece is a root nobody trusts (a private CA), not an
		// intermediate the export left out. Name that cause (PX307).
		res.Problem = ChainUntrustedRoot
		res.Reason = fmt.Sprintf("the file carries the chain up to %s, whose issuer %s is not a trusted root: a private CA (add its root with --ca-file only for tests)", last.Subject, last.Issuer)
	case errors.As(err, &unknown):
		res.Problem = ChainMissingIntermediate
		res.Reason = fmt.Sprintf("the issuer of %s (%s) is neither in the file nor a trusted root: the file lacks an intermediate certificate", last.Subject, last.Issuer)
	default:
		res.Problem = ChainOther
		res.Reason = "no chain to a trusted root: " + strings.TrimPrefix(errString(err), "x509: ")
	}
	return res
}

// rootOffPath reports whether the file holds a self-signed certificate the
// walk from the leaf did not reach: the chain then has a gap below that
// root, so the certificate the file lacks is an intermediate (PX306).
func rootOffPath(p *parsed, path []*x509.Certificate) bool {
	on := map[*x509.Certificate]bool{}
	for _, c := range path {
		on[c] = true
	}
	for _, c := range p.others {
		if !on[c] && c.IsCA && isSelfSigned(c) {
			return true
		}
	}
	return false
}

func errString(err error) string {
	if err == nil {
		return "no chain"
	}
	return err.Error()
}

func countInFile(ch []*x509.Certificate, inFile map[string]bool) int {
	n := 0
	for _, c := range ch {
		if inFile[string(c.Raw)] {
			n++
		}
	}
	return n
}

func links(ch []*x509.Certificate, inFile map[string]bool) []ChainLink {
	out := make([]ChainLink, 0, len(ch))
	for _, c := range ch {
		out = append(out, ChainLink{
			Subject:     c.Subject.String(),
			Fingerprint: fingerprint(c),
			NotBefore:   rfc3339(c.NotBefore),
			NotAfter:    rfc3339(c.NotAfter),
			InFile:      inFile[string(c.Raw)],
		})
	}
	return out
}

// filePath follows issuers through the file's certificates from the leaf.
func filePath(p *parsed) []*x509.Certificate {
	path := []*x509.Certificate{p.leaf}
	used := map[*x509.Certificate]bool{p.leaf: true}
	for cur := p.leaf; len(path) < maxPathLen && !isSelfSigned(cur); {
		var next *x509.Certificate
		for _, c := range p.others {
			if !used[c] && string(c.RawSubject) == string(cur.RawIssuer) && checkSignature(cur, c) {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		path = append(path, next)
		used[next] = true
		cur = next
	}
	return path
}

// aiaURLs lists the http:// caIssuers URLs of the intermediates: the
// non-leaf, non-root certificates of the file (PX312).
func aiaURLs(p *parsed) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, c := range p.others {
		if isSelfSigned(c) {
			continue
		}
		for _, u := range c.IssuingCertificateURL {
			if strings.HasPrefix(strings.ToLower(u), "http://") && !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}
