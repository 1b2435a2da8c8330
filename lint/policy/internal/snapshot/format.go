// Package snapshot is a compact binary codec for compiled OPA modules: the
// built-in policies are compiled once, at `go generate` time, and the
// binary restores them instead of parsing and compiling every module on
// every run. OPA's own JSON form of the AST does not round-trip, and a
// compiled module's String() does not re-parse to the same module, hence
// this codec.
//
// The codec knows every AST node type of the OPA version in go.mod and
// fails to encode any other (an OPA upgrade that adds one fails `go
// generate` loudly instead of dropping it). Decoding never panics: corrupt
// or foreign bytes are an error, and the caller falls back to compiling
// the policies.
//
// Not restored: the unexported bookkeeping of ast nodes (a rule's
// generated body, a head's keywords and generated value, an expression's
// cogenerated links and "from assignment" mark). The parser's checks, the
// compiler's safety stage and trace explanations read them; evaluation of
// an already compiled module does not.
//
// Layout (integers are varints, zig-zag where they may be negative;
// strings are indices into the string table):
//
//	magic "pxlint-snapshot\x00" format-version
//	header: OPA version, policy source hash, payload checksum (checksum)
//	payload: string table, engine directory (name, byte range), engines
//
// An engine is the compiled modules (by name) of one compiler plus its
// rewritten-variable map, which error messages use: a directory of the
// modules' names and sizes, then the modules, each readable alone, so
// they decode in parallel (a restore is on the critical path of every
// run). Within a module, equal locations are written once and referred
// to after (half of them repeat: rewritten terms keep their original's),
// so decoded nodes share them, as compiled nodes share their originals'
// (OPA never changes a parsed location).
package snapshot

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/cespare/xxhash/v2"
	"github.com/open-policy-agent/opa/v1/ast"
)

const (
	magic = "pxlint-snapshot\x00"
	// formatVersion changes with any change of the layout below.
	formatVersion = 3
	// maxDepth bounds the nesting the decoder follows, so corrupt bytes
	// cannot exhaust the stack; compiled policies nest a few dozen deep.
	maxDepth = 1000
)

// Header says what a snapshot was built from.
type Header struct {
	// OPAVersion is the OPA module version that compiled the policies.
	OPAVersion string
	// SourceHash identifies the policy sources (SourceHash).
	SourceHash string
}

// Engine is one compiler's compiled modules.
type Engine struct {
	Name string
	// Modules are compiled modules by name (as the compiler keys them).
	Modules map[string]*ast.Module
	// RewrittenVars is the compiler's map from generated local variables
	// to the names in the source.
	RewrittenVars map[ast.Var]ast.Var
	// Indexed are the rules (of Modules, else chains included) that hold
	// a comprehension the compiler indexes (ast.Compiler's
	// ComprehensionIndex): a restore builds those indices from them
	// alone, not by walking every rule.
	Indexed map[*ast.Rule]bool
}

// Sources returns the source text of a file named in the modules'
// locations, so location texts are stored as ranges of it; ok false when
// there is none (the text is then stored whole).
type Sources func(file string) (src []byte, ok bool)

// SourceHash identifies a set of policy files: a hash over every name and
// content, in the order given (the caller sorts). It tells a stale
// snapshot from a fresh one, and every run computes it: xxHash, fast
// enough to be noise, where SHA-256 took half a millisecond.
func SourceHash(names []string, contents [][]byte) string {
	h := xxhash.New()
	var n [binary.MaxVarintLen64]byte
	for i, name := range names {
		_, _ = h.Write(binary.AppendUvarint(n[:0], uint64(len(name))))
		_, _ = h.WriteString(name)
		_, _ = h.Write(binary.AppendUvarint(n[:0], uint64(len(contents[i]))))
		_, _ = h.Write(contents[i])
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

// checksum guards a payload against corrupt bytes (never against
// tampering: the snapshot is part of the binary); every run checks it.
func checksum(payload string) uint64 { return xxhash.Sum64String(payload) }

// checksumSize is the bytes of a checksum in the header.
const checksumSize = 8

// Node tags. Zero is never a tag, so a zeroed byte is an error.
const (
	tagNil byte = iota + 1

	// values
	tagNull
	tagFalse
	tagTrue
	tagNumber
	tagString
	tagVar
	tagRef
	tagArray
	tagSet
	tagObject
	tagArrayCompr
	tagSetCompr
	tagObjectCompr
	tagCall
	tagTemplate
	tagNot

	// expression terms (Expr.Terms) and template string parts
	tagTerm
	tagTerms
	tagSome
	tagEvery
	tagAnd
	tagOr
	tagExpr

	// location texts
	tagTextSource
	tagTextRaw
	tagLocation
	tagLocationRef
	tagRule
)

var (
	errCorrupt = errors.New("snapshot: corrupt")
	errDepth   = errors.New("snapshot: nesting too deep")
)

// IndexedRules are the rules of a compiled compiler's modules (else
// chains included) holding a comprehension it indexes: Engine.Indexed.
func IndexedRules(c *ast.Compiler) map[*ast.Rule]bool {
	indexed := map[*ast.Rule]bool{}
	for _, m := range c.Modules {
		ast.WalkRules(m, func(r *ast.Rule) bool {
			// The rule's own head and body; its else rule is walked next.
			own := *r
			own.Else = nil
			ast.WalkTerms(&own, func(t *ast.Term) bool {
				switch t.Value.(type) {
				case *ast.ArrayComprehension, *ast.SetComprehension, *ast.ObjectComprehension:
					if c.ComprehensionIndex(t) != nil {
						indexed[r] = true
					}
				}
				return indexed[r]
			})
			return false
		})
	}
	return indexed
}
