package cert

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"slices"
	"time"
)

// errNoKey is the reason for a Teams Connector PFX without a private key.
const errNoKey = "the PFX holds no private key: the Teams Connector needs the certificate exported with its private key"

// maxCerts bounds the certificates taken from one file.
const maxCerts = 64

// Options control Inspect.
type Options struct {
	// Password is nil when none was given; the empty password is then tried,
	// as Windows exports often use it.
	Password *string
	// PasswordHint names where a password comes from, for reasons
	// ("set PXLINT_PFX_PASSWORD").
	PasswordHint string
	// RequirePFX is set for the Teams Connector certificate, which the
	// deployment imports from a PFX with its private key.
	RequirePFX bool
	// Roots are the trusted roots for chain building; nil skips it.
	Roots *x509.CertPool
	// Now is the time validity is judged at (chain building only).
	Now time.Time
	// Cache shares decryption results between inspections of the same
	// bytes with the same password within a run; nil decrypts every time.
	Cache *Cache
}

// parsed holds the parsed certificates behind a CertFacts.
type parsed struct {
	leaf   *x509.Certificate
	others []*x509.Certificate
}

// Inspect reads one certificate file's bytes into facts. It never panics on
// any input and never keeps private keys or the password.
func Inspect(data []byte, opt Options) *CertFacts {
	f, p := inspect(data, opt)
	if p != nil && p.leaf != nil && opt.Roots != nil {
		f.Chain = buildChain(p, opt.Roots, opt.Now)
		f.AIA.URLs = aiaURLs(p)
	}
	return f
}

func newFacts() *CertFacts {
	return &CertFacts{Providers: []Provider{}, ChainInFile: []CertInfo{}, Chain: ChainResult{Path: []ChainLink{}}, AIA: AIAResult{URLs: []string{}, Redirects: []Redirect{}}}
}

func unreadable(f *CertFacts, format, reason string) (*CertFacts, *parsed) {
	f.Format, f.Status, f.Reason = format, StatusUnreadable, reason
	return f, nil
}

func inspect(data []byte, opt Options) (*CertFacts, *parsed) {
	f := newFacts()
	f.PasswordGiven = opt.Password != nil
	if len(bytes.TrimSpace(data)) == 0 {
		return unreadable(f, "", "the file is empty")
	}
	switch {
	case looksLikePFX(data):
		return inspectPFX(f, data, opt)
	case bytes.Contains(data, []byte("-----BEGIN ")):
		if opt.RequirePFX {
			return unreadable(f, "pem", "a PEM file, not a PFX: the Teams Connector needs a PFX (PKCS#12) holding the private key and the chain")
		}
		return inspectPEM(f, data)
	}
	if c, err := parseCertificate(data); err == nil {
		if opt.RequirePFX {
			return unreadable(f, "der", fmt.Sprintf("a DER X.509 certificate (%s), not a PFX: the Teams Connector needs a PFX (PKCS#12) holding the private key and the chain", c.Subject))
		}
		return finish(f, "der", []*x509.Certificate{c}, nil)
	}
	if opt.RequirePFX {
		return unreadable(f, "", "not a PFX (PKCS#12) file: "+describeFailure(data))
	}
	return unreadable(f, "", "not a PFX, PEM or DER certificate: "+describeFailure(data))
}

// describeFailure says why bytes are not ASN.1 DER/BER (truncated, garbage).
func describeFailure(data []byte) string {
	if _, _, err := parseBER(data); err != nil {
		return err.Error()
	}
	return "the ASN.1 structure is neither a PKCS#12 PFX nor an X.509 certificate"
}

func inspectPFX(f *CertFacts, data []byte, opt Options) (*CertFacts, *parsed) {
	f.Format = "pfx"
	w, err := walkPFX(data)
	var bound *boundError
	if errors.As(err, &bound) {
		return unreadable(f, "pfx", bound.msg)
	}
	if err != nil {
		return unreadable(f, "pfx", "corrupt PFX: "+err.Error())
	}
	f.Bags, f.Providers = w.bags, w.providers
	if f.Bags == nil {
		f.Bags = []Bag{}
	}
	if f.Providers == nil {
		f.Providers = []Provider{}
	}
	noKey := func(keys []crypto.PublicKey) bool {
		return opt.RequirePFX && len(keys) == 0 && len(w.providers) == 0
	}
	if !w.encrypted && w.macDER == nil {
		if noKey(w.plainKeys) {
			return unreadable(f, "pfx", errNoKey)
		}
		return finishPFX(f, w.plainCerts, w.plainKeys)
	}
	pw := ""
	if opt.Password != nil {
		pw = *opt.Password
	}
	certs, keys, err := opt.Cache.decrypt(data, pw, func() ([][]byte, []crypto.PublicKey, error) { return decryptWithin(w, pw) })
	if errors.As(err, &bound) {
		return unreadable(f, "pfx", bound.msg)
	}
	switch {
	case err == nil:
		keys = append(slices.Clip(keys), w.plainKeys...) // keys may be shared through the cache
		if noKey(keys) {
			return unreadable(f, "pfx", errNoKey)
		}
		return finishPFX(f, certs, keys)
	case errors.Is(err, errWrongPassword) && opt.Password == nil:
		if !w.lockedCerts && len(w.plainCerts) > 0 {
			// The certificates are in plain bags: judge them; only the key is locked.
			f, p := finishPFX(f, w.plainCerts, w.plainKeys)
			if f.Status == StatusRead {
				f.Reason = "no password given: the private key and the MAC were not checked"
			}
			return f, p
		}
		f.Status = StatusLocked
		f.Reason = "certificate bag is encrypted and no password was given (" + opt.hint() + ")"
		return f, nil
	case errors.Is(err, errWrongPassword):
		reason := "wrong password: " + err.Error()
		if w.pbmac1 {
			reason += "; with PBMAC1 integrity an invalid parameter (such as the iteration count) has the same effect"
		}
		return unreadable(f, "pfx", reason)
	default:
		return unreadable(f, "pfx", "cannot decrypt the PFX: "+err.Error())
	}
}

func (o Options) hint() string {
	if o.PasswordHint == "" {
		return "set PXLINT_PFX_PASSWORD"
	}
	return o.PasswordHint
}

func ptrInfo(c *x509.Certificate) *CertInfo {
	i := certInfo(c)
	return &i
}

func finishPFX(f *CertFacts, ders [][]byte, keys []crypto.PublicKey) (*CertFacts, *parsed) {
	if len(ders) == 0 {
		return unreadable(f, "pfx", "the PFX holds no certificate")
	}
	certs := make([]*x509.Certificate, 0, len(ders))
	for i, d := range ders {
		if i >= maxCerts {
			break
		}
		c, err := parseCertificate(d)
		if err != nil {
			return unreadable(f, "pfx", fmt.Sprintf("certificate %d in the PFX cannot be parsed: %v", i+1, err))
		}
		certs = append(certs, c)
	}
	return finish(f, "pfx", certs, keys)
}

func inspectPEM(f *CertFacts, data []byte) (*CertFacts, *parsed) {
	var certs []*x509.Certificate
	var keys []crypto.PublicKey
	for rest := data; len(certs) < maxCerts; {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		switch b.Type {
		case "CERTIFICATE", "TRUSTED CERTIFICATE":
			c, err := parseCertificate(b.Bytes)
			if err != nil {
				return unreadable(f, "pem", fmt.Sprintf("PEM certificate %d cannot be parsed: %v", len(certs)+1, err))
			}
			certs = append(certs, c)
		case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY":
			// Only the public half is kept, to find the leaf.
			if k := publicOfPEMKey(b); k != nil {
				keys = append(keys, k)
			}
			clear(b.Bytes)
		}
	}
	if len(certs) == 0 {
		return unreadable(f, "pem", "no CERTIFICATE block in the PEM file")
	}
	return finish(f, "pem", certs, keys)
}

func publicOfPEMKey(b *pem.Block) crypto.PublicKey {
	var k any
	var err error
	switch b.Type {
	case "RSA PRIVATE KEY":
		k, err = x509.ParsePKCS1PrivateKey(b.Bytes)
	case "EC PRIVATE KEY":
		k, err = x509.ParseECPrivateKey(b.Bytes)
	default:
		k, err = x509.ParsePKCS8PrivateKey(b.Bytes)
	}
	if err != nil {
		return nil
	}
	if s, ok := k.(interface{ Public() crypto.PublicKey }); ok {
		return s.Public()
	}
	return nil
}

// finish picks the leaf and fills the certificate facts.
func finish(f *CertFacts, format string, certs []*x509.Certificate, keys []crypto.PublicKey) (*CertFacts, *parsed) {
	f.Format = format
	certs = dedupe(certs)
	leaf := pickLeaf(certs, keys)
	p := &parsed{leaf: leaf}
	for _, c := range certs {
		if c != leaf {
			p.others = append(p.others, c)
			f.ChainInFile = append(f.ChainInFile, certInfo(c))
		}
	}
	f.Status = StatusRead
	f.Leaf = ptrInfo(leaf)
	f.Key = certKeyInfo(leaf)
	return f, p
}

func dedupe(certs []*x509.Certificate) []*x509.Certificate {
	seen := map[string]bool{}
	out := certs[:0:0]
	for _, c := range certs {
		if !seen[string(c.Raw)] {
			seen[string(c.Raw)] = true
			out = append(out, c)
		}
	}
	return out
}

// pickLeaf chooses the certificate the file is about: the one whose public
// key matches a private key in the file; else the first certificate that
// issued no other certificate of the file; else the first.
func pickLeaf(certs []*x509.Certificate, keys []crypto.PublicKey) *x509.Certificate {
	for _, k := range keys {
		eq, ok := k.(interface{ Equal(crypto.PublicKey) bool })
		if !ok {
			continue
		}
		for _, c := range certs {
			if eq.Equal(c.PublicKey) {
				return c
			}
		}
	}
	for _, c := range certs {
		issuer := false
		for _, o := range certs {
			if o != c && string(o.RawIssuer) == string(c.RawSubject) && checkSignature(o, c) {
				issuer = true
				break
			}
		}
		if !issuer {
			return c
		}
	}
	return certs[0]
}
