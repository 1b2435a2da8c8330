package cert

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/md5" //nolint:gosec // verifying legacy signatures, not creating them
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // verifying legacy signatures, not creating them
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"math/big"
	"strings"
	"time"
)

// parseCertificate parses a DER certificate like x509.ParseCertificate, but
// also reads certificates with a negative serial number, which Windows
// accepts and Go rejects since 1.23 (GODEBUG x509negativeserial). The serial
// is replaced by 1 for parsing only; Raw, RawTBSCertificate and SerialNumber
// are then restored, so fingerprints and signatures are those of the file.
func parseCertificate(der []byte) (*x509.Certificate, error) {
	c, err := x509.ParseCertificate(der)
	if err == nil || !strings.Contains(err.Error(), "negative serial number") {
		return c, err
	}
	var outer struct {
		TBS, Alg, Sig asn1.RawValue
	}
	if rest, err2 := asn1.Unmarshal(der, &outer); err2 != nil || len(rest) != 0 {
		return nil, err
	}
	var fields []asn1.RawValue
	for b := outer.TBS.Bytes; len(b) > 0; {
		var f asn1.RawValue
		rest, err2 := asn1.Unmarshal(b, &f)
		if err2 != nil {
			return nil, err
		}
		fields = append(fields, f)
		b = rest
	}
	i := 0
	if len(fields) > 0 && fields[0].Class == asn1.ClassContextSpecific && fields[0].Tag == 0 {
		i = 1 // explicit version
	}
	if i >= len(fields) || fields[i].Tag != asn1.TagInteger {
		return nil, err
	}
	serial := new(big.Int)
	if _, err2 := asn1.Unmarshal(fields[i].FullBytes, &serial); err2 != nil {
		return nil, err
	}
	var tbs []byte
	for j, f := range fields {
		if j == i {
			tbs = append(tbs, 0x02, 0x01, 0x01)
			continue
		}
		tbs = append(tbs, f.FullBytes...)
	}
	body := appendTLV(nil, 0, true, 16, tbs)
	body = append(body, outer.Alg.FullBytes...)
	body = append(body, outer.Sig.FullBytes...)
	c, err2 := x509.ParseCertificate(appendTLV(nil, 0, true, 16, body))
	if err2 != nil {
		return nil, err2
	}
	c.Raw = der
	c.RawTBSCertificate = outer.TBS.FullBytes
	c.SerialNumber = serial
	return c, nil
}

// thumbprint is the Windows certificate thumbprint (SHA-1, upper case): an
// identifier, not a security check.
func thumbprint(c *x509.Certificate) string {
	sum := sha1.Sum(c.Raw) //nolint:gosec // identification only
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

func fingerprint(c *x509.Certificate) string {
	sum := sha256.Sum256(c.Raw)
	return hex.EncodeToString(sum[:])
}

// checkSignature reports whether parent's key signed child, accepting the
// SHA-1 and MD5 signatures that crypto/x509 refuses: recognising a SHA-1
// self-signed certificate as self-signed is PX307's business, refusing it is
// PX308's.
func checkSignature(child, parent *x509.Certificate) bool {
	err := parent.CheckSignature(child.SignatureAlgorithm, child.RawTBSCertificate, child.Signature)
	if err == nil {
		return true
	}
	var insecure x509.InsecureAlgorithmError
	if !errors.As(err, &insecure) {
		return false
	}
	var h crypto.Hash
	var digest []byte
	switch child.SignatureAlgorithm {
	case x509.SHA1WithRSA, x509.ECDSAWithSHA1:
		s := sha1.Sum(child.RawTBSCertificate) //nolint:gosec // see above
		h, digest = crypto.SHA1, s[:]
	case x509.MD5WithRSA:
		s := md5.Sum(child.RawTBSCertificate) //nolint:gosec // see above
		h, digest = crypto.MD5, s[:]
	default:
		return false
	}
	switch pub := parent.PublicKey.(type) {
	case *rsa.PublicKey:
		return rsa.VerifyPKCS1v15(pub, h, digest, child.Signature) == nil
	case *ecdsa.PublicKey:
		return ecdsa.VerifyASN1(pub, digest, child.Signature)
	}
	return false
}

func isSelfSigned(c *x509.Certificate) bool {
	return string(c.RawSubject) == string(c.RawIssuer) && checkSignature(c, c)
}

func keyInfo(pub crypto.PublicKey) *Key {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		return &Key{Algorithm: "RSA", Bits: k.N.BitLen()}
	case *ecdsa.PublicKey:
		return &Key{Algorithm: "ECDSA", Bits: k.Curve.Params().BitSize, Curve: k.Curve.Params().Name}
	case ed25519.PublicKey:
		return &Key{Algorithm: "Ed25519", Bits: 256}
	case nil:
		return &Key{Algorithm: "unknown"}
	}
	return &Key{Algorithm: "other"}
}

func certKeyInfo(c *x509.Certificate) *Key {
	if c.PublicKey == nil {
		if c.PublicKeyAlgorithm == x509.DSA {
			return &Key{Algorithm: "DSA"}
		}
		return &Key{Algorithm: "unknown"}
	}
	return keyInfo(c.PublicKey)
}

var ekuNames = map[x509.ExtKeyUsage]string{
	x509.ExtKeyUsageAny:             "any",
	x509.ExtKeyUsageServerAuth:      "serverAuth",
	x509.ExtKeyUsageClientAuth:      "clientAuth",
	x509.ExtKeyUsageCodeSigning:     "codeSigning",
	x509.ExtKeyUsageEmailProtection: "emailProtection",
	x509.ExtKeyUsageTimeStamping:    "timeStamping",
	x509.ExtKeyUsageOCSPSigning:     "OCSPSigning",
	x509.ExtKeyUsageIPSECEndSystem:  "ipsecEndSystem",
	x509.ExtKeyUsageIPSECTunnel:     "ipsecTunnel",
	x509.ExtKeyUsageIPSECUser:       "ipsecUser",
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func certInfo(c *x509.Certificate) CertInfo {
	info := CertInfo{
		Subject:            c.Subject.String(),
		Issuer:             c.Issuer.String(),
		Serial:             c.SerialNumber.Text(16),
		Fingerprint:        fingerprint(c),
		Thumbprint:         thumbprint(c),
		DNSNames:           append([]string{}, c.DNSNames...),
		CommonName:         c.Subject.CommonName,
		NotBefore:          rfc3339(c.NotBefore),
		NotAfter:           rfc3339(c.NotAfter),
		EKUs:               []string{},
		SignatureAlgorithm: c.SignatureAlgorithm.String(),
		SelfSigned:         isSelfSigned(c),
		IsCA:               c.BasicConstraintsValid && c.IsCA,
		AIAIssuers:         append([]string{}, c.IssuingCertificateURL...),
		Key:                certKeyInfo(c),
	}
	for _, u := range c.ExtKeyUsage {
		if n, ok := ekuNames[u]; ok {
			info.EKUs = append(info.EKUs, n)
		} else {
			info.EKUs = append(info.EKUs, "unknown")
		}
	}
	for _, oid := range c.UnknownExtKeyUsage {
		info.EKUs = append(info.EKUs, oid.String())
	}
	return info
}

// Known provider names. Windows puts a key whose bag names a Key Storage
// Provider into CNG; a CryptoAPI CSP name keeps it in CryptoAPI.
var kspNames = map[string]bool{
	"microsoft software key storage provider":   true,
	"microsoft smart card key storage provider": true,
	"microsoft platform crypto provider":        true,
	"microsoft passport key storage provider":   true,
}

var cspNames = map[string]bool{
	"microsoft base cryptographic provider v1.0":                        true,
	"microsoft enhanced cryptographic provider v1.0":                    true,
	"microsoft strong cryptographic provider":                           true,
	"microsoft enhanced rsa and aes cryptographic provider":             true,
	"microsoft enhanced rsa and aes cryptographic provider (prototype)": true,
	"microsoft rsa schannel cryptographic provider":                     true,
	"microsoft base smart card crypto provider":                         true,
	"microsoft base dss cryptographic provider":                         true,
	"microsoft base dss and diffie-hellman cryptographic provider":      true,
	"microsoft enhanced dss and diffie-hellman cryptographic provider":  true,
	"microsoft dh schannel cryptographic provider":                      true,
}

func providerKind(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	switch {
	case kspNames[n], strings.HasSuffix(n, "key storage provider"):
		return ProviderKSP
	case cspNames[n], strings.HasSuffix(n, "cryptographic provider"):
		return ProviderCSP
	}
	return ProviderUnknown
}
