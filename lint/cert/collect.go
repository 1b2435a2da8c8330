package cert

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pxlint/pxlint/lint/safeio"
)

// maxFileSize bounds a certificate file: real PFX and PEM files are a few
// kilobytes.
const maxFileSize = safeio.CertBytes

// Environment variables holding passwords.
const (
	EnvPFXPassword     = "PXLINT_PFX_PASSWORD"
	EnvNodePFXPassword = "PXLINT_NODE_PFX_PASSWORD"
)

// Request says which certificate files to inspect for one script.
type Request struct {
	// ScriptDir is the folder of the script; $PxPfxCertFileName resolves against it.
	ScriptDir string
	// PfxFileName is the value of $PxPfxCertFileName ("" if unknown or unset).
	PfxFileName string
	// CertPath (--cert) overrides PfxFileName.
	CertPath string
	// NodeCerts are the --node-cert files (PEM chain, DER or PFX).
	NodeCerts []string
	// Password and NodePassword are nil when none was given.
	Password, NodePassword *string
	// CAFiles (--ca-file) add trusted roots (PEM).
	CAFiles []string
	// Now is the injectable clock.
	Now time.Time
	// Online allows PX312's AIA fetches.
	Online     bool
	HTTPClient *http.Client
	// Cache shares PFX decryptions across the scripts of a run (nil: none).
	Cache *Cache
}

// Collect inspects the Teams Connector certificate and the node
// certificates. It returns an error (exit 2) only when a path named by a flag
// (--cert, --node-cert, --ca-file) does not exist or cannot be opened; a
// missing $PxPfxCertFileName file is status "absent", and a file that cannot
// be read as a certificate is status "unreadable" (PX310).
func Collect(req Request) (*Certificates, error) {
	// Loading the system roots and Go's bundle is a sixth of a one-script
	// run: it waits until a certificate file is actually inspected. --ca-file
	// is read now, so a bad one is an error whether or not there is a
	// certificate to judge.
	var roots *x509.CertPool
	if len(req.CAFiles) > 0 {
		var err error
		if roots, err = TrustRoots(req.CAFiles); err != nil {
			return nil, err
		}
	}
	trust := func() *x509.CertPool {
		if roots == nil {
			roots, _ = TrustRoots(nil) // without CA files it cannot fail
		}
		return roots
	}
	out := &Certificates{Nodes: []*CertFacts{}}
	ctx := context.Background()
	switch {
	case req.CertPath != "":
		data, err := readFlagFile("--cert", req.CertPath)
		if err != nil {
			return nil, err
		}
		out.TeamsConnector = inspectFile(ctx, data, req.CertPath, SourceFlag, Options{Password: req.Password, PasswordHint: "set " + EnvPFXPassword, RequirePFX: true, Roots: trust(), Now: req.Now, Cache: req.Cache}, req)
	case req.PfxFileName != "":
		path := req.PfxFileName
		if !filepath.IsAbs(path) && !isWindowsAbs(path) {
			path = filepath.Join(req.ScriptDir, filepath.FromSlash(strings.ReplaceAll(path, `\`, "/")))
		}
		data, err := readFile(path)
		shown := displayPath(path)
		switch {
		case errors.Is(err, fs.ErrNotExist) || isWindowsAbs(req.PfxFileName):
			f := newFacts()
			f.Path, f.Source, f.Status = shown, SourceScript, StatusAbsent
			f.Reason = "certificate file " + shown + " not found"
			f.PasswordGiven = req.Password != nil
			out.TeamsConnector = f
		case err != nil:
			f := newFacts()
			f.Path, f.Source, f.Status, f.Reason = shown, SourceScript, StatusUnreadable, "cannot open "+shown+": "+err.Error()
			out.TeamsConnector = f
		default:
			out.TeamsConnector = inspectFile(ctx, data, shown, SourceScript, Options{Password: req.Password, PasswordHint: "set " + EnvPFXPassword, RequirePFX: true, Roots: trust(), Now: req.Now, Cache: req.Cache}, req)
		}
	}
	for _, p := range req.NodeCerts {
		data, err := readFlagFile("--node-cert", p)
		if err != nil {
			return nil, err
		}
		out.Nodes = append(out.Nodes, inspectFile(ctx, data, p, SourceFlag, Options{Password: req.NodePassword, PasswordHint: "set " + EnvNodePFXPassword, Roots: trust(), Now: req.Now, Cache: req.Cache}, req))
	}
	return out, nil
}

func inspectFile(ctx context.Context, data []byte, path, source string, opt Options, req Request) *CertFacts {
	var f *CertFacts
	if len(data) > maxFileSize {
		f = newFacts()
		f.Status, f.Reason = StatusUnreadable, fmt.Sprintf("the file is larger than %d bytes, too large for a certificate", maxFileSize)
	} else {
		f = Inspect(data, opt)
	}
	f.Path, f.Source = path, source
	if req.Online && len(f.AIA.URLs) > 0 {
		checkAIA(ctx, &f.AIA, req.HTTPClient)
	}
	return f
}

// displayPath shows a path resolved against the script's folder relative
// to the working directory when it lies below it (reports and golden files
// then do not depend on where the repository is checked out).
func displayPath(p string) string {
	if !filepath.IsAbs(p) {
		return filepath.ToSlash(p)
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	return filepath.ToSlash(rel)
}

// isWindowsAbs reports a Windows absolute path (C:\certs\x.pfx, \\server\share),
// which names a file on the deployment workstation, not in the repository.
func isWindowsAbs(p string) bool {
	return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') || strings.HasPrefix(p, `\\`)
}

// readFile reads a regular file through safeio, at most maxFileSize+1
// bytes: one more than a certificate may have, so inspectFile can tell a
// file that is too large. A FIFO, a device or /proc/self/fd/N is an error,
// never a read that blocks.
func readFile(path string) ([]byte, error) {
	b, err := safeio.ReadFile(path, maxFileSize+1)
	if errors.Is(err, safeio.ErrTooLarge) {
		return b, nil
	}
	return b, err
}

func readFlagFile(flag, path string) ([]byte, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", flag, path, err)
	}
	return data, nil
}

// PasswordFrom returns the password from a password file (when file is not
// ""), else envValue, the value of PXLINT_PFX_PASSWORD or
// PXLINT_NODE_PFX_PASSWORD as the caller read it (an injectable getenv);
// nil when neither gives one ("" counts as unset: without a password the
// empty password is tried anyway). One trailing newline (LF or CRLF) is
// removed from a file's content. The password is never put in an error.
func PasswordFrom(envValue, file string) (*string, error) {
	if file != "" {
		b, err := safeio.ReadFile(file, safeio.SmallBytes)
		if err != nil {
			return nil, fmt.Errorf("password file: %w", err)
		}
		s := string(b)
		if strings.HasSuffix(s, "\r\n") {
			s = s[:len(s)-2]
		} else if strings.HasSuffix(s, "\n") {
			s = s[:len(s)-1]
		}
		return &s, nil
	}
	if envValue != "" {
		return &envValue, nil
	}
	return nil, nil
}
