package rules

import "github.com/pxlint/pxlint/lint/finding"

// PX3xx rules judge the Teams Connector PFX ($PxPfxCertFileName or --cert)
// and the Conferencing Node certificates (--node-cert). Facts come from
// lint/cert; the logic lives in policies/cert_*.rego.

// The certificate rules need no script value beyond PX303's and PX309's:
// --cert replaces $PxPfxCertFileName, and the policies themselves say when
// that name cannot be evaluated.

const (
	badPfx  = "$PxPfxCertFileName = \"teams-ecdsa.pfx\"   # exported from a CNG key, no chain"
	goodPfx = "$PxPfxCertFileName = \"teams.pfx\"   # RSA 2048+, CryptoAPI CSP, full chain, public CA"
)

func init() {
	E, W := finding.SeverityError, finding.SeverityWarning
	Register(
		Rule{
			ID: "PX301", Name: "cert-not-rsa", Title: "Teams Connector certificate key is not RSA",
			Severity: E, Engine: EngineRego,
			Description: "The private key of the Teams Connector certificate is ECDSA (or any algorithm but RSA). " +
				"The connector's installation imports the PFX and accepts RSA keys only.",
			Prevents: "\"The certificate '<thumbprint>' is an ECDSA certificate, which is currently not supported\"",
			Remediation: "Request an RSA certificate (2048 bits or more) for the Teams Connector name, e.g. " +
				"`openssl req -new -newkey rsa:2048 -nodes -keyout teams.key -subj \"/CN=teams.example.com\" -addext \"subjectAltName=DNS:teams.example.com\" -out teams.csr`, " +
				"then export it with its chain as a PFX.",
			Bad:  badPfx + "\n# openssl pkey -in key.pem -noout -text  →  ASN1 OID: prime256v1",
			Good: goodPfx + "\n# openssl pkey -in key.pem -noout -text  →  Private-Key: (2048 bit, 2 primes)",
		},
		Rule{
			ID: "PX302", Name: "cert-cng-ksp", Title: "PFX private key will land in a CNG Key Storage Provider",
			Severity: E, Levels: []finding.Severity{E, W}, Engine: EngineRego,
			Description: "Windows reads the Microsoft CSP Name attribute (OID 1.3.6.1.4.1.311.17.1, a BMPString) " +
				"on each private-key bag of a PFX to choose where the key goes. A CNG Key Storage Provider name " +
				"(\"Microsoft Software Key Storage Provider\", \"Microsoft Platform Crypto Provider\", ...) is an " +
				"error; a CryptoAPI CSP name passes; no attribute is a warning, because Windows then chooses the " +
				"provider on import. The attribute sits outside the encrypted key, so pxlint reads it without the " +
				"password whenever the key bag's SafeContents is not encrypted (as in Windows exports). Every key " +
				"bag of the file is reported.",
			Prevents: "\"The private key of certificate '<thumbprint>' is stored in a CNG Key Storage Provider, which is currently not supported\"",
			Remediation: "Re-export the PFX naming a CryptoAPI provider: " +
				"`openssl pkcs12 -export -CSP \"Microsoft Enhanced RSA and AES Cryptographic Provider\" -inkey teams.key -in teams.crt -certfile chain.pem -out teams.pfx`; " +
				"on Windows, import the PFX with `certutil -csp \"Microsoft Enhanced RSA and AES Cryptographic Provider\" -importpfx teams.pfx` and export it again.",
			Bad:  "$PxPfxCertFileName = \"teams.pfx\"   # key bag: Microsoft CSP Name = Microsoft Software Key Storage Provider",
			Good: "$PxPfxCertFileName = \"teams.pfx\"   # key bag: Microsoft CSP Name = Microsoft Enhanced RSA and AES Cryptographic Provider",
		},
		Rule{
			ID: "PX303", Name: "cert-name-mismatch", Title: "$PxTeamsConnFqdn is not among the certificate's names",
			Severity: E, Engine: EngineRego, Needs: []string{"PxTeamsConnFqdn"},
			Description: "`$PxTeamsConnFqdn` is not covered by a DNS name in the Teams Connector certificate's " +
				"Subject Alternative Names. A wildcard covers exactly one left-most label (`*.example.com` covers " +
				"`teams.example.com`, not `example.com` nor `a.teams.example.com`); names compare case-insensitively; " +
				"a name only in the subject CN does not count. `not_verified` when the certificate bag is encrypted " +
				"and no password is given (PXLINT_PFX_PASSWORD).",
			Prevents:    "TLS failures between the Conferencing Nodes and the connector: \"Teams API request failed\" Error=\"401\"",
			Remediation: "Set `$PxTeamsConnFqdn` to a name the certificate covers, or request a certificate whose SAN includes it.",
			Bad:         "$PxTeamsConnFqdn = \"teams.example.com\"   # certificate SAN: *.connector.example.com",
			Good:        "$PxTeamsConnFqdn = \"teams.connector.example.com\"   # certificate SAN: *.connector.example.com",
		},
		Rule{
			ID: "PX304", Name: "cert-expired", Title: "Certificate expired or not yet valid",
			Severity: E, Engine: EngineRego,
			Description: "The leaf certificate, or a certificate of the chain that was built from it to a trusted root, " +
				"is expired or not yet valid at pxlint's clock (`--now` or SOURCE_DATE_EPOCH). An expired extra " +
				"certificate in the file that the chain does not use is not a finding. Applies to the Teams " +
				"Connector certificate and to every --node-cert.",
			Prevents:    "\"Teams API request failed\" Error=\"401\": the certificate \"may have expired\"",
			Remediation: "Renew the certificate and export the new one with its current chain: `openssl x509 -in teams.crt -noout -enddate` shows the end date.",
			Bad:         badPfx + "   # notAfter=2025-01-31",
			Good:        goodPfx + "   # notAfter=2027-01-31",
		},
		Rule{
			ID: "PX305", Name: "cert-expiring", Title: "Certificate expires soon",
			Severity: W, Engine: EngineRego,
			Description: "A certificate of the built chain (the leaf included) expires within 30 days " +
				"(`--expiry-days`, or the rule option `days`).",
			Prevents:    "an outage next month, when the certificate expires: Error=\"401\"",
			Remediation: "Renew the certificate now and redeploy it (Pexip's certificate update procedure for the Teams Connector).",
			Bad:         badPfx + "   # notAfter in 12 days",
			Good:        goodPfx + "   # notAfter in 300 days",
			Options:     map[string]string{"days": "warn when a certificate expires within this many days (default 30; --expiry-days sets the same)"},
			OptionSpecs: map[string]OptionSpec{"days": {Kind: OptionInteger, Min: 1, Max: 3650}},
		},
		Rule{
			ID: "PX306", Name: "cert-chain-incomplete", Title: "PFX lacks the intermediate certificates",
			Severity: E, Engine: EngineRego,
			Description: "No chain from the leaf to a trusted root can be built from the file's certificates, and an " +
				"intermediate CA certificate is what is missing: the file stops at the leaf, or at a certificate " +
				"whose issuer is itself an intermediate (the file carries a root the chain does not reach). When " +
				"the file carries the chain up to a CA whose issuer is unknown, the cause is a private root: " +
				"PX307. The Teams Connector PFX must carry the whole chain. Trusted roots are the system's, a " +
				"built-in fallback bundle, and `--ca-file`.",
			Prevents: "the connector presenting an incomplete chain: \"the PFX must contain the intermediate chain\" (reference), " +
				"and Error=\"401\" from nodes that cannot build it",
			Remediation: "Export the PFX with the chain: `openssl pkcs12 -export -CSP \"Microsoft Enhanced RSA and AES Cryptographic Provider\" -inkey teams.key -in teams.crt -certfile intermediates.pem -out teams.pfx`, " +
				"or on Windows `Export-PfxCertificate -Cert Cert:\\LocalMachine\\My\\<thumbprint> -FilePath teams.pfx -ChainOption BuildChain -Password $pw`.",
			Bad:  "$PxPfxCertFileName = \"teams.pfx\"   # leaf only",
			Good: "$PxPfxCertFileName = \"teams.pfx\"   # leaf + intermediate CA",
		},
		Rule{
			ID: "PX307", Name: "cert-untrusted", Title: "Certificate is self-signed or chains to an untrusted root",
			Severity: E, Engine: EngineRego,
			Description: "The certificate is self-signed, its chain ends at a root that is not trusted (not in the " +
				"system roots, the fallback bundle or `--ca-file`), or the file carries the chain up to a CA whose " +
				"issuer is not a trusted root (a private CA). The Teams Connector and the Conferencing Nodes " +
				"need certificates from an external, publicly trusted CA.",
			Prevents:    "\"Ensure that the Teams Connector and the Conferencing Nodes have a valid certificate that is signed by an external trusted CA\" (Error=\"401\")",
			Remediation: "Use a certificate issued by a public CA. For a lab with a private CA, pass the CA's root with `--ca-file root.pem`.",
			Bad:         "$PxPfxCertFileName = \"selfsigned.pfx\"   # New-SelfSignedCertificate",
			Good:        goodPfx,
		},
		Rule{
			ID: "PX308", Name: "cert-weak-key", Title: "Weak certificate key or signature",
			Severity: E, Engine: EngineRego,
			Description: "The leaf has an RSA key under 2048 bits, or is signed with SHA-1 or MD5.",
			Prevents:    "the certificate being rejected by Teams and Azure",
			Remediation: "Request a new certificate with an RSA key of 2048 bits or more, signed with SHA-256: `openssl req -new -newkey rsa:2048 -sha256 ...`.",
			Bad:         badPfx + "   # RSA 1024, sha1WithRSAEncryption",
			Good:        goodPfx + "   # RSA 2048, sha256WithRSAEncryption",
		},
		Rule{
			ID: "PX309", Name: "node-cert-name-mismatch", Title: "A Conferencing Node name is not in any node certificate",
			Severity: E, Engine: EngineRego, Needs: []string{"PxNodeFqdns"},
			Description: "A name in `$PxNodeFqdns` (one comma-separated string) is not covered by the DNS names of " +
				"any Conferencing Node certificate given with `--node-cert` (PEM chain, DER or PFX; repeatable). " +
				"Wildcards cover exactly one left-most label. `not_verified` when no `--node-cert` is given.",
			Prevents:    "\"Teams API request failed\" and Error=\"401\": \"the certificate subject names may not match against expected values\"",
			Remediation: "Correct the node name in `$PxNodeFqdns`, or give the certificate that covers it with `--node-cert` (and install it on that node).",
			Bad:         "$PxNodeFqdns = \"px01.vc.example.com,px02.example.com\"   # node certificate: *.vc.example.com",
			Good:        "$PxNodeFqdns = \"px01.vc.example.com,px02.vc.example.com\"",
		},
		Rule{
			ID: "PX310", Name: "cert-unreadable", Title: "Certificate file cannot be read",
			Severity: E, Engine: EngineRego,
			Description: "A certificate file that exists is corrupt or truncated, is not a PFX/PEM/DER certificate " +
				"(a `.cer` where the Teams Connector needs a PFX with its private key), has an invalid integrity " +
				"check (MAC or PBMAC1), or the password is wrong. When the file named by `$PxPfxCertFileName` is " +
				"absent, as it usually is in a repository, the certificate rules are `not_verified` instead; a path " +
				"given with `--cert`, `--node-cert` or `--ca-file` that does not exist is exit code 2. A PFX that " +
				"asks for more work than pxlint allows is PX310 too, before anything is decrypted: more than 64 " +
				"bags, an iteration count over a million, or over 4 million key-derivation iterations in all " +
				"(a decryption still running after 30 s is abandoned), so a hostile file costs seconds, not minutes.",
			Prevents:    "the deployment script failing at its certificate prompt",
			Remediation: "Export the certificate again as a PFX with its private key and chain (`Export-PfxCertificate`, or `openssl pkcs12 -export`); check the password in PXLINT_PFX_PASSWORD or the --cert-password-file.",
			Bad:         "$PxPfxCertFileName = \"teams.cer\"   # a DER certificate without the key",
			Good:        goodPfx,
		},
		Rule{
			ID: "PX311", Name: "cert-eku", Title: "Certificate lacks the Server (and Client) Authentication EKU",
			Severity: W, Engine: EngineRego,
			Description: "The Teams Connector leaf certificate has an Extended Key Usage extension without Server " +
				"Authentication, or a Conferencing Node certificate lacks Server or Client Authentication. A " +
				"certificate without the extension is valid for every purpose and passes.",
			Prevents:    "TLS handshake failures between the nodes and the connector",
			Remediation: "Request the certificate from a template or profile that includes Server Authentication (1.3.6.1.5.5.7.3.1) and, for nodes, Client Authentication (1.3.6.1.5.5.7.3.2).",
			Bad:         badPfx + "   # EKU: Client Authentication only",
			Good:        goodPfx + "   # EKU: Server Authentication, Client Authentication",
		},
		Rule{
			ID: "PX312", Name: "cert-aia", Title: "Intermediate's AIA URL redirects HTTP to HTTPS",
			Severity: W, Engine: EngineRego,
			Description: "With `--online`, each intermediate's `http://` AIA caIssuers URL is fetched once (short " +
				"timeout, no retries, bounded size, redirects not followed); a redirect to `https://` is reported, " +
				"because chain building does not follow it. Offline the status is `not_verified`, with the URLs in " +
				"its reason. pxlint makes no network access without `--online`.",
			Prevents:    "\"A chain of intermediate CA certificates ... includes a HTTP-to-HTTPS redirect in the AIA (Authority Information Access) portion of one of those intermediate certificates\"",
			Remediation: "Obtain the certificate from a CA whose AIA URLs answer over plain HTTP (the seed's advice: \"Obtain your certificates from a different Certificate Authority\").",
			Bad:         "# intermediate AIA: http://ca.example.com/int.crt  →  301 https://ca.example.com/int.crt",
			Good:        "# intermediate AIA: http://ca.example.com/int.crt  →  200 application/pkix-cert",
		},
	)
}
