// Package cert inspects the certificate files a Teams Connector deployment
// uses (the PFX named by $PxPfxCertFileName or --cert, and the Conferencing
// Node certificates given with --node-cert) and turns them into facts for the
// PX3xx policies: the `certificates` member of the policy input.
//
// PKCS#12 cryptography (MAC, PBES1/PBES2 decryption, PBMAC1) is left to
// software.sslmate.com/src/go-pkcs12. This package adds what that library
// does not offer: a structural walk over the PFX that lists every bag and
// reads the Microsoft CSP Name attribute without the password, BER input,
// several key bags in one file, and certificates with negative serial numbers.
//
// Facts never hold private key material or a password.
package cert

// Statuses of a certificate file.
const (
	StatusRead       = "read"       // the certificates were read
	StatusAbsent     = "absent"     // the file named by $PxPfxCertFileName does not exist
	StatusUnreadable = "unreadable" // corrupt, not a certificate, wrong password (PX310)
	StatusLocked     = "locked"     // encrypted content and no password given
)

// Sources of a certificate path.
const (
	SourceScript = "script" // $PxPfxCertFileName, resolved against the script's folder
	SourceFlag   = "flag"   // --cert or --node-cert
)

// Provider kinds (PX302).
const (
	ProviderKSP     = "ksp"     // a CNG Key Storage Provider: the connector rejects it
	ProviderCSP     = "csp"     // a CryptoAPI Cryptographic Service Provider
	ProviderUnknown = "unknown" // a name that is neither known KSP nor CSP
	ProviderNone    = "none"    // the key bag has no provider attribute
)

// Chain problems, the reason a chain to a trusted root could not be built.
const (
	ChainSelfSigned          = "self_signed"          // PX307
	ChainUntrustedRoot       = "untrusted_root"       // PX307
	ChainMissingIntermediate = "missing_intermediate" // PX306
	ChainWeakSignature       = "weak_signature"       // PX308 (SHA-1/MD5 in the chain)
	ChainOther               = "other"
)

// Certificates is the `certificates` member of the policy input.
type Certificates struct {
	// TeamsConnector is nil when no certificate is named (no
	// $PxPfxCertFileName value and no --cert).
	TeamsConnector *CertFacts   `json:"teams_connector"`
	Nodes          []*CertFacts `json:"nodes"`
}

// CertFacts is what pxlint learnt from one certificate file.
type CertFacts struct {
	Path   string `json:"path"`
	Source string `json:"source"`
	// Format is "pfx", "pem" or "der" once recognised.
	Format string `json:"format,omitempty"`
	Status string `json:"status"`
	// Reason explains a status other than "read", or what could not be read
	// in a file that was otherwise read.
	Reason string `json:"reason,omitempty"`
	// PasswordGiven says whether a password was supplied (never the password).
	PasswordGiven bool `json:"password_given"`
	// Bags lists the PKCS#12 safe bags in file order (PFX only).
	Bags []Bag `json:"bags,omitempty"`
	// Providers lists the key bags of a PFX with their provider attribute.
	Providers []Provider `json:"providers"`
	// Key is the leaf's public key (never the private key).
	Key         *Key        `json:"key"`
	Leaf        *CertInfo   `json:"leaf"`
	ChainInFile []CertInfo  `json:"chain_in_file"`
	Chain       ChainResult `json:"chain"`
	AIA         AIAResult   `json:"aia"`
}

// Bag is one PKCS#12 safe bag.
type Bag struct {
	Index int `json:"index"`
	// Type is "key", "shrouded_key", "cert", "crl", "secret", "safe_contents" or "unknown".
	Type string `json:"type"`
	// Encrypted is true when the bag sits in an encrypted SafeContents, so
	// nothing about it (attributes included) is readable without the password.
	Encrypted    bool   `json:"encrypted"`
	FriendlyName string `json:"friendly_name,omitempty"`
	CSPName      string `json:"csp_name,omitempty"`
}

// Provider is the provider attribute of one key bag.
type Provider struct {
	Bag  int    `json:"bag"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// Key describes a public key.
type Key struct {
	Algorithm string `json:"algorithm"` // RSA, ECDSA, Ed25519, DSA, unknown
	Bits      int    `json:"bits"`
	Curve     string `json:"curve,omitempty"`
}

// CertInfo describes one certificate.
type CertInfo struct {
	Subject     string `json:"subject"`
	Issuer      string `json:"issuer"`
	Serial      string `json:"serial"`
	Fingerprint string `json:"fingerprint"` // SHA-256 of the DER, lower-case hex
	// Thumbprint is the SHA-1 of the DER in upper-case hex, as Windows and
	// the connector's error messages name a certificate.
	Thumbprint         string   `json:"thumbprint"`
	DNSNames           []string `json:"dns_names"`
	CommonName         string   `json:"common_name,omitempty"`
	NotBefore          string   `json:"not_before"` // RFC 3339, UTC
	NotAfter           string   `json:"not_after"`
	EKUs               []string `json:"ekus"`
	SignatureAlgorithm string   `json:"signature_algorithm"`
	SelfSigned         bool     `json:"self_signed"`
	IsCA               bool     `json:"is_ca"`
	AIAIssuers         []string `json:"aia_issuers"`
	Key                *Key     `json:"key,omitempty"`
}

// ChainResult says whether a chain from the leaf to a trusted root was built.
type ChainResult struct {
	Built bool `json:"built"`
	// Problem is one of the Chain* constants when Built is false.
	Problem string `json:"problem,omitempty"`
	Reason  string `json:"reason,omitempty"`
	// Path is the chain that was built, leaf first; when no chain to a
	// trusted root exists, the longest path through the file's certificates.
	Path        []ChainLink `json:"path"`
	TrustedRoot string      `json:"trusted_root,omitempty"`
}

// ChainLink is one certificate of a built chain.
type ChainLink struct {
	Subject     string `json:"subject"`
	Fingerprint string `json:"fingerprint"`
	NotBefore   string `json:"not_before"`
	NotAfter    string `json:"not_after"`
	// InFile is false for a root taken from the trust store.
	InFile bool `json:"in_file"`
}

// AIAResult is the outcome of the PX312 check.
type AIAResult struct {
	// Checked is true when the URLs were fetched (--online).
	Checked bool `json:"checked"`
	// URLs are the intermediates' http:// caIssuers URLs.
	URLs      []string   `json:"urls"`
	Redirects []Redirect `json:"redirects"`
	// Errors lists URLs that could not be fetched, with the reason.
	Errors []string `json:"errors,omitempty"`
}

// Redirect is an AIA URL that answered with a redirect.
type Redirect struct {
	URL      string `json:"url"`
	Location string `json:"location"`
	Status   int    `json:"status"`
	// ToHTTPS is true when the redirect goes to https://, which the connector does not follow.
	ToHTTPS bool `json:"to_https"`
}
