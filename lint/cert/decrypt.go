package cert

import (
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// errWrongPassword is returned when the MAC does not verify.
var errWrongPassword = errors.New("the password is wrong or the file was altered (the integrity MAC does not verify)")

// decryptTimeout bounds one decryption in wall-clock time. The walk bounds
// the work it can see (maxWork), but the bags inside an encrypted
// SafeContents, and their iteration counts, are only known once go-pkcs12
// has decrypted it, and go-pkcs12 derives their keys in the same call. A
// decryption still running after decryptTimeout is abandoned: the file is
// PX310 and the run goes on (the goroutine ends with the process). Real
// files decrypt in milliseconds; a variable so tests can shorten it.
var decryptTimeout = 30 * time.Second

// decryptWithin runs decryptPFX under decryptTimeout.
func decryptWithin(w *pfxWalk, password string) ([][]byte, []crypto.PublicKey, error) {
	type result struct {
		certs [][]byte
		keys  []crypto.PublicKey
		err   error
	}
	done := make(chan result, 1) // buffered: an abandoned decryption never blocks
	go func() {
		certs, keys, err := decryptPFX(w, password)
		done <- result{certs, keys, err}
	}()
	t := time.NewTimer(decryptTimeout)
	defer t.Stop()
	select {
	case r := <-done:
		return r.certs, r.keys, r.err
	case <-t.C:
		return nil, nil, &boundError{fmt.Sprintf("decrypting the PFX took longer than %v (keys inside its encrypted contents ask for more work than pxlint allows); it was abandoned", decryptTimeout)}
	}
}

// decryptPFX verifies the MAC and decrypts the PFX with go-pkcs12. It returns
// the DER certificates of every cert bag and the public halves of the
// private keys (the private keys themselves are dropped here).
//
// DecodeChain is go-pkcs12's main entry point but accepts one key bag only
// and parses certificates with crypto/x509, which rejects negative serial
// numbers; ToPEM returns every bag as it is, but only for files with exactly
// two SafeContents and known attributes. Between them they read every
// real-world file in shared/testdata/real-pfx.
func decryptPFX(w *pfxWalk, password string) (certs [][]byte, keys []crypto.PublicKey, err error) {
	pfx := w.rebuildForLibrary()
	key, leaf, cas, err := pkcs12.DecodeChain(pfx, password)
	if err == nil {
		certs = append(certs, leaf.Raw)
		for _, c := range cas {
			certs = append(certs, c.Raw)
		}
		if s, ok := key.(interface{ Public() crypto.PublicKey }); ok {
			keys = append(keys, s.Public())
		}
		return certs, keys, nil
	}
	if errors.Is(err, pkcs12.ErrIncorrectPassword) {
		return nil, nil, errWrongPassword
	}
	//nolint:staticcheck // SA1019: ToPEM is the only entry point that returns every bag without parsing it; see above.
	blocks, err2 := pkcs12.ToPEM(pfx, password)
	if err2 != nil {
		return nil, nil, err
	}
	for _, b := range blocks {
		switch b.Type {
		case "CERTIFICATE":
			certs = append(certs, b.Bytes)
		case "PRIVATE KEY": // PKCS#1 or SEC 1 despite the label
			if k, err := x509.ParsePKCS1PrivateKey(b.Bytes); err == nil {
				keys = append(keys, k.Public())
			} else if k, err := x509.ParseECPrivateKey(b.Bytes); err == nil {
				keys = append(keys, k.Public())
			}
			clear(b.Bytes) // no key material stays behind longer than needed
		}
	}
	return certs, keys, nil
}
