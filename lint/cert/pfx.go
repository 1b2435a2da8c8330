package cert

import (
	"crypto"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"unicode/utf16"
)

// The structural walk over a PFX: everything that is readable without the
// password. It lists the bags, reads their attributes (the Microsoft CSP Name
// sits outside the encrypted key) and the certificates of unencrypted cert
// bags, and records the iteration counts so that a hostile file cannot make
// the decryption step spin for minutes.

var (
	oidData          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidEncryptedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 6}
	oidSignedData    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}

	oidKeyBag          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 1}
	oidShroudedKeyBag  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 2}
	oidCertBag         = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 3}
	oidCRLBag          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 4}
	oidSecretBag       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 5}
	oidSafeContentsBag = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 6}
	oidX509Cert        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 22, 1}

	oidFriendlyName = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 20}
	oidCSPName      = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 311, 17, 1}

	oidPBES2  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBMAC1 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 14}
)

// maxIterations bounds every PBKDF iteration count: exporters use 1 (old
// Windows MACs) to 2,048 (OpenSSL 3, Windows) and at most a few hundred
// thousand; a million takes go-pkcs12 about a second per derivation, so a
// larger count is treated as a hostile or corrupt file. A variable so the
// fuzz target can keep executions short.
var maxIterations = 1_000_000

// maxNestedSafeContents bounds safeContentsBag nesting.
const maxNestedSafeContents = 4

// maxBags bounds the bags of one file (nested ones included): real exports
// hold a key, a leaf and a handful of chain certificates; a file of
// thousands of key bags is built to make the decryption run for minutes.
const maxBags = 64

// maxWork bounds the key-derivation work one file may ask for: the sum of
// the iteration counts of every derivation the decryption can run (the MAC,
// each encrypted SafeContents, each shrouded key), counted once per pass of
// go-pkcs12 that may run (decryptPasses). About a million iterations take a
// second, so a file costs at most a few seconds of CPU; a real export asks
// for a few thousand. A variable so the fuzz target can keep runs short.
var maxWork = 4_000_000

// decryptPasses is how many times decryptPFX may derive each key: the
// DecodeChain attempt, then the ToPEM fallback; the MAC is also retried
// with the other empty-password encoding in each.
const decryptPasses = 2

// boundError is a walk that stopped at one of pxlint's bounds (maxBags,
// maxWork): the file is reported as beyond what pxlint reads, not corrupt.
type boundError struct{ msg string }

func (e *boundError) Error() string { return e.msg }

type pfxPDU struct {
	Version  int
	AuthSafe contentInfo
	MacData  asn1.RawValue `asn1:"optional"`
}

type contentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"tag:0,explicit,optional"`
}

type encryptedData struct {
	Version              int
	EncryptedContentInfo encryptedContentInfo
}

type encryptedContentInfo struct {
	ContentType                asn1.ObjectIdentifier
	ContentEncryptionAlgorithm pkix.AlgorithmIdentifier
	EncryptedContent           asn1.RawValue `asn1:"tag:0,optional"`
}

type safeBag struct {
	ID         asn1.ObjectIdentifier
	Value      asn1.RawValue  `asn1:"tag:0,explicit"`
	Attributes []bagAttribute `asn1:"set,optional"`
}

type bagAttribute struct {
	ID    asn1.ObjectIdentifier
	Value asn1.RawValue `asn1:"set"`
}

type certBagValue struct {
	ID   asn1.ObjectIdentifier
	Data []byte `asn1:"tag:0,explicit"`
}

type encryptedPrivateKeyInfo struct {
	Algorithm     pkix.AlgorithmIdentifier
	EncryptedData []byte
}

type macData struct {
	Mac        digestInfo
	MacSalt    []byte
	Iterations int `asn1:"optional,default:1"`
}

type digestInfo struct {
	Algorithm pkix.AlgorithmIdentifier
	Digest    []byte
}

type pbeParams struct {
	Salt       []byte
	Iterations int
}

type pbes2Params struct {
	Kdf    pkix.AlgorithmIdentifier
	Scheme pkix.AlgorithmIdentifier
}

type pbkdf2Params struct {
	Salt       asn1.RawValue
	Iterations int
	KeyLength  int                      `asn1:"optional"`
	Prf        pkix.AlgorithmIdentifier `asn1:"optional"`
}

type pbmac1Params struct {
	Kdf    pkix.AlgorithmIdentifier
	MacAlg pkix.AlgorithmIdentifier
}

// pfxWalk is what the walk learnt.
type pfxWalk struct {
	authSafe   []byte // the MAC'd octets, exactly as in the file
	macDER     []byte // MacData in DER, nil when absent
	pbmac1     bool
	bags       []Bag
	providers  []Provider
	plainCerts [][]byte           // DER certificates from unencrypted cert bags
	plainKeys  []crypto.PublicKey // public halves of unencrypted key bags
	// encrypted is true when some content needs the password: an
	// encryptedData SafeContents or a shrouded key bag.
	encrypted bool
	// lockedCerts is true when an encryptedData SafeContents exists (its
	// certificates are unreadable without the password).
	lockedCerts bool
	// work sums the iteration counts of the derivations decryption would
	// run, each counted decryptPasses times (see maxWork).
	work int
}

// addWork accounts for one key derivation of n iterations (an unreadable
// count still costs a derivation attempt).
func (w *pfxWalk) addWork(n, times int) {
	w.work += max(n, 1) * times * decryptPasses
}

// addBag appends a bag, refusing more than maxBags.
func (w *pfxWalk) addBag(b Bag) error {
	if len(w.bags) >= maxBags {
		return &boundError{fmt.Sprintf("the PFX holds more than %d bags (real exports hold a handful); pxlint does not read further, to bound the work", maxBags)}
	}
	w.bags = append(w.bags, b)
	return nil
}

// looksLikePFX reports whether b starts like a PFX: a SEQUENCE whose first
// element is INTEGER 3. Only the header is read, so a truncated or corrupt
// PFX is still recognised as one (and reported as corrupt, not as foreign).
func looksLikePFX(b []byte) bool {
	if len(b) < 2 || b[0] != 0x30 {
		return false
	}
	i := 2
	switch l := b[1]; {
	case l == 0x80: // indefinite
	case l > 0x80 && l <= 0x84:
		i += int(l & 0x7f)
	case l > 0x84:
		return false
	}
	return len(b) >= i+3 && b[i] == 0x02 && b[i+1] == 0x01 && b[i+2] == 0x03
}

// unmarshalDER converts b (BER) to DER and decodes it into out.
func unmarshalDER(b []byte, out any) error {
	der, err := toDERStrict(b)
	if err != nil {
		return err
	}
	rest, err := asn1.Unmarshal(der, out)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return errors.New("trailing data")
	}
	return nil
}

// octets returns the content of the OCTET STRING inside an explicitly
// tagged RawValue (its BER form may be constructed from chunks).
func octets(v asn1.RawValue) ([]byte, error) {
	n, rest, err := parseBER(v.Bytes)
	if err != nil {
		return nil, err
	}
	if len(rest) != 0 {
		return nil, errors.New("trailing data after OCTET STRING")
	}
	return n.stringContent()
}

func walkPFX(data []byte) (*pfxWalk, error) {
	var pdu pfxPDU
	if err := unmarshalDER(data, &pdu); err != nil {
		return nil, fmt.Errorf("not a PKCS#12 structure: %w", err)
	}
	if pdu.Version != 3 {
		return nil, fmt.Errorf("PKCS#12 version %d is not 3", pdu.Version)
	}
	if pdu.AuthSafe.ContentType.Equal(oidSignedData) {
		return nil, errors.New("public-key integrity mode (signedData) is not supported; export with a password")
	}
	if !pdu.AuthSafe.ContentType.Equal(oidData) {
		return nil, fmt.Errorf("unsupported authenticated safe content type %s", pdu.AuthSafe.ContentType)
	}
	w := &pfxWalk{}
	var err error
	if w.authSafe, err = octets(pdu.AuthSafe.Content); err != nil {
		return nil, fmt.Errorf("authenticated safe: %w", err)
	}
	if len(pdu.MacData.FullBytes) > 0 {
		if w.macDER, err = toDERStrict(pdu.MacData.FullBytes); err != nil {
			return nil, fmt.Errorf("MAC data: %w", err)
		}
		var md macData
		if _, err := asn1.Unmarshal(w.macDER, &md); err != nil {
			return nil, fmt.Errorf("MAC data: %w", err)
		}
		it := md.Iterations
		if md.Mac.Algorithm.Algorithm.Equal(oidPBMAC1) {
			w.pbmac1 = true
			it = pbmac1Iterations(md.Mac.Algorithm)
		}
		if err := checkIterations("MAC", it); err != nil {
			return nil, err
		}
		w.addWork(it, 2) // verified with both encodings of an empty password
	}
	var safe []contentInfo
	if err := unmarshalDER(w.authSafe, &safe); err != nil {
		return nil, fmt.Errorf("authenticated safe: %w", err)
	}
	for _, ci := range safe {
		switch {
		case ci.ContentType.Equal(oidData):
			sc, err := octets(ci.Content)
			if err != nil {
				return nil, fmt.Errorf("safe contents: %w", err)
			}
			if err := w.walkSafeContents(sc, 0); err != nil {
				return nil, err
			}
		case ci.ContentType.Equal(oidEncryptedData):
			var ed encryptedData
			if err := unmarshalDER(ci.Content.Bytes, &ed); err != nil {
				return nil, fmt.Errorf("encrypted safe contents: %w", err)
			}
			if err := checkIterations("certificate encryption", pbeIterations(ed.EncryptedContentInfo.ContentEncryptionAlgorithm)); err != nil {
				return nil, err
			}
			w.addWork(pbeIterations(ed.EncryptedContentInfo.ContentEncryptionAlgorithm), 1)
			w.encrypted, w.lockedCerts = true, true
			// The bags inside are unknown until decrypted: one placeholder
			// keeps bag indexes honest about what could not be listed.
			if err := w.addBag(Bag{Index: len(w.bags), Type: "encrypted_safe_contents", Encrypted: true}); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("unsupported safe contents type %s (public-key privacy mode)", ci.ContentType)
		}
	}
	if w.work > maxWork {
		return nil, &boundError{fmt.Sprintf("the PFX asks for %d key-derivation iterations in all, over pxlint's bound of %d (real exports ask for a few thousand); it was not decrypted", w.work, maxWork)}
	}
	return w, nil
}

func (w *pfxWalk) walkSafeContents(b []byte, depth int) error {
	if depth > maxNestedSafeContents {
		return errors.New("safe contents nested too deep")
	}
	var bags []safeBag
	if err := unmarshalDER(b, &bags); err != nil {
		return fmt.Errorf("safe contents: %w", err)
	}
	for _, sb := range bags {
		if len(w.bags) >= maxBags {
			return w.addBag(Bag{}) // the bound's error, before parsing any key
		}
		bag := Bag{Index: len(w.bags)}
		cspName, hasCSP := "", false
		for _, a := range sb.Attributes {
			switch {
			case a.ID.Equal(oidFriendlyName):
				bag.FriendlyName, _ = bmpAttribute(a)
			case a.ID.Equal(oidCSPName):
				if s, err := bmpAttribute(a); err == nil {
					cspName, hasCSP = s, true
				}
			}
		}
		bag.CSPName = cspName
		switch {
		case sb.ID.Equal(oidKeyBag):
			bag.Type = "key"
			if k, err := x509.ParsePKCS8PrivateKey(sb.Value.Bytes); err == nil {
				if s, ok := k.(interface{ Public() crypto.PublicKey }); ok {
					w.plainKeys = append(w.plainKeys, s.Public())
				}
			}
		case sb.ID.Equal(oidShroudedKeyBag):
			bag.Type = "shrouded_key"
			w.encrypted = true
			var epki encryptedPrivateKeyInfo
			if err := unmarshalDER(sb.Value.Bytes, &epki); err != nil {
				return fmt.Errorf("shrouded key bag %d: %w", bag.Index, err)
			}
			it := pbeIterations(epki.Algorithm)
			if err := checkIterations("key encryption", it); err != nil {
				return err
			}
			w.addWork(it, 1)
		case sb.ID.Equal(oidCertBag):
			bag.Type = "cert"
			var cb certBagValue
			if err := unmarshalDER(sb.Value.Bytes, &cb); err != nil {
				return fmt.Errorf("cert bag %d: %w", bag.Index, err)
			}
			if cb.ID.Equal(oidX509Cert) {
				w.plainCerts = append(w.plainCerts, cb.Data)
			}
		case sb.ID.Equal(oidCRLBag):
			bag.Type = "crl"
		case sb.ID.Equal(oidSecretBag):
			bag.Type = "secret"
		case sb.ID.Equal(oidSafeContentsBag):
			bag.Type = "safe_contents"
		default:
			bag.Type = "unknown"
		}
		if bag.Type == "key" || bag.Type == "shrouded_key" {
			p := Provider{Bag: bag.Index, Kind: ProviderNone}
			if hasCSP {
				p.Name, p.Kind = cspName, providerKind(cspName)
			}
			w.providers = append(w.providers, p)
		}
		if err := w.addBag(bag); err != nil {
			return err
		}
		if bag.Type == "safe_contents" {
			if err := w.walkSafeContents(sb.Value.Bytes, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// bmpAttribute decodes a single-valued BMPString attribute.
func bmpAttribute(a bagAttribute) (string, error) {
	var v asn1.RawValue
	if _, err := asn1.Unmarshal(a.Value.Bytes, &v); err != nil {
		return "", err
	}
	if v.Tag != 30 || len(v.Bytes)%2 != 0 {
		return "", errors.New("attribute is not a BMPString")
	}
	u := make([]uint16, 0, len(v.Bytes)/2)
	for i := 0; i < len(v.Bytes); i += 2 {
		u = append(u, uint16(v.Bytes[i])<<8|uint16(v.Bytes[i+1]))
	}
	for len(u) > 0 && u[len(u)-1] == 0 {
		u = u[:len(u)-1]
	}
	return string(utf16.Decode(u)), nil
}

// pbeIterations reads the iteration count of a PBES1 or PBES2 algorithm; 0
// when it cannot be read (the decryption step then reports the problem).
func pbeIterations(alg pkix.AlgorithmIdentifier) int {
	if alg.Algorithm.Equal(oidPBES2) {
		var p pbes2Params
		if _, err := asn1.Unmarshal(alg.Parameters.FullBytes, &p); err != nil {
			return 0
		}
		return pbkdf2Iterations(p.Kdf)
	}
	var p pbeParams
	if _, err := asn1.Unmarshal(alg.Parameters.FullBytes, &p); err != nil {
		return 0
	}
	return p.Iterations
}

func pbmac1Iterations(alg pkix.AlgorithmIdentifier) int {
	var p pbmac1Params
	if _, err := asn1.Unmarshal(alg.Parameters.FullBytes, &p); err != nil {
		return 0
	}
	return pbkdf2Iterations(p.Kdf)
}

// pbkdf2Iterations reads the iteration count of PBKDF2 parameters (PBES2
// and PBMAC1 both derive their keys with it); 0 when unreadable.
func pbkdf2Iterations(kdf pkix.AlgorithmIdentifier) int {
	var k pbkdf2Params
	if _, err := asn1.Unmarshal(kdf.Parameters.FullBytes, &k); err != nil {
		return 0
	}
	return k.Iterations
}

func checkIterations(what string, n int) error {
	if n > maxIterations {
		return fmt.Errorf("%s iteration count %d exceeds pxlint's limit of %d", what, n, maxIterations)
	}
	return nil
}

// rebuildForLibrary re-encodes the outer PFX in DER around the original
// authenticated-safe octets, so the MAC still verifies: go-pkcs12 accepts
// only DER and no trailing bytes, while exporters emit BER outer layers and
// end-of-contents padding.
func (w *pfxWalk) rebuildForLibrary() []byte {
	octetString := appendTLV(nil, 0, false, 4, w.authSafe)
	explicit := appendTLV(nil, 2, true, 0, octetString)
	oid, _ := asn1.Marshal(oidData)
	ci := appendTLV(nil, 0, true, 16, append(oid, explicit...))
	body := []byte{0x02, 0x01, 0x03}
	body = append(body, ci...)
	body = append(body, w.macDER...)
	return appendTLV(nil, 0, true, 16, body)
}
