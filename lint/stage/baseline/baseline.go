// Package baseline records the findings of a run so later runs report only
// new ones (--write-baseline FILE, --baseline FILE).
//
// Entries are keyed so unrelated edits keep them valid: by rule ID,
// repository-relative path and, for certificate findings, the certificate
// fingerprint, else the variable and the element's source text. Never by
// line, never by message, and never by a secret or a hash of one: findings
// about secret variables (any *Password*/*Secret* name, and every PX506
// finding) are keyed by rule, path and variable only. A key recorded N times
// suppresses at most N findings, so a second identical problem is new.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/safeio"
)

// Schema versions the file format.
const Schema = "pxlint-baseline/v1"

// MaxSize bounds a baseline file.
const MaxSize = safeio.DocumentBytes

// Key identifies a finding across edits.
type Key struct {
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Variable    string `json:"variable,omitempty"`
	Element     string `json:"element,omitempty"`
	Fingerprint string `json:"fingerprint,omitempty"`
}

// Entry is a key and how many findings it stands for.
type Entry struct {
	Key
	Count int `json:"count"`
}

// Baseline is a loaded baseline file.
type Baseline struct {
	Schema  string  `json:"schema"`
	Entries []Entry `json:"findings"`
	// Path is where it was loaded from, for suppression sources.
	Path string `json:"-"`
}

// KeyOf is the key of a finding in the script at the repository-relative,
// slash-separated path relPath.
func KeyOf(f *finding.Finding, relPath string) Key {
	k := Key{Rule: f.RuleID, Path: relPath}
	switch {
	case f.Fingerprint != "":
		k.Fingerprint = f.Fingerprint
	case secret(f):
		k.Variable = f.Variable
	default:
		k.Variable, k.Element = f.Variable, f.Element
	}
	return k
}

// secret reports findings whose element text could be a secret.
func secret(f *finding.Finding) bool {
	return f.RuleID == rules.PX506 || model.IsSecretName(f.Variable)
}

// Write records the active (not suppressed) findings of a report, with paths
// relative to root (or, when root is "", the path the engine keyed the file
// on, FileResult.Script, else the file's git top level, as stage.ScriptPath
// does inside git), as sorted, stable JSON.
func Write(report *finding.Report, root string) ([]byte, error) {
	if report == nil {
		return nil, errors.New("baseline: no report")
	}
	counts := map[Key]int{}
	for i := range report.Files {
		fr := &report.Files[i]
		for j := range fr.Findings {
			f := &fr.Findings[j]
			if f.Suppressed() {
				continue
			}
			file := f.File
			if file == "" {
				file = fr.Path
			}
			rel := relPath(root, file)
			if root == "" && fr.Script != "" && file == fr.Path {
				// The path the stages matched with (stage.Env.Script):
				// outside git it is relative to the config's folder, which
				// relPath cannot know.
				rel = fr.Script
			}
			counts[KeyOf(f, rel)]++
		}
	}
	b := Baseline{Schema: Schema, Entries: make([]Entry, 0, len(counts))}
	for k, n := range counts {
		b.Entries = append(b.Entries, Entry{Key: k, Count: n})
	}
	sort.Slice(b.Entries, func(i, j int) bool { return less(b.Entries[i].Key, b.Entries[j].Key) })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	return buf.Bytes(), nil
}

func relPath(root, file string) string {
	if root == "" {
		abs, err := filepath.Abs(file)
		if err != nil {
			return filepath.ToSlash(file)
		}
		root, _ = config.RepoRoot(filepath.Dir(abs))
	}
	return config.RelTo(root, file)
}

func less(a, b Key) bool {
	for _, p := range [][2]string{{a.Path, b.Path}, {a.Rule, b.Rule}, {a.Variable, b.Variable}, {a.Element, b.Element}, {a.Fingerprint, b.Fingerprint}} {
		if p[0] != p[1] {
			return p[0] < p[1]
		}
	}
	return false
}

// Load reads and checks a baseline file.
func Load(path string) (*Baseline, error) {
	src, err := safeio.ReadFile(path, MaxSize)
	if errors.Is(err, safeio.ErrTooLarge) {
		return nil, fmt.Errorf("baseline: %s: larger than %d bytes", path, MaxSize)
	}
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	b, err := Parse(src)
	if err != nil {
		return nil, fmt.Errorf("baseline: %s: %w", path, err)
	}
	b.Path = path
	return b, nil
}

// Parse decodes a baseline; unknown fields, another schema, entries without
// rule or path, or counts below 1 are errors.
func Parse(src []byte) (*Baseline, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	var b Baseline
	if err := dec.Decode(&b); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("trailing data after the baseline object")
	}
	if b.Schema != Schema {
		return nil, fmt.Errorf("schema %q: want %q (rewrite it with --write-baseline)", b.Schema, Schema)
	}
	for i, e := range b.Entries {
		if e.Rule == "" || e.Path == "" || e.Count < 1 {
			return nil, fmt.Errorf("finding %d: want rule, path and a count of at least 1", i+1)
		}
	}
	return &b, nil
}

// Matcher hands out a baseline's counts; it is safe for concurrent use by
// the files of one run.
type Matcher struct {
	mu        sync.Mutex
	remaining map[Key]int
	source    string
}

// Matcher starts counting a baseline for one run. A nil baseline matches
// nothing.
func (b *Baseline) Matcher() *Matcher {
	m := &Matcher{remaining: map[Key]int{}}
	if b == nil {
		return m
	}
	m.source = b.Path
	for _, e := range b.Entries {
		m.remaining[e.Key] += e.Count
	}
	return m
}

// Source is the baseline's path, for suppression records.
func (m *Matcher) Source() string { return m.source }

// Take consumes one count of k; false when none is left.
func (m *Matcher) Take(k Key) bool {
	if m == nil {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.remaining[k] <= 0 {
		return false
	}
	m.remaining[k]--
	return true
}

// Unused lists the counts no finding consumed (fixed findings), sorted, so
// the run can say the baseline can shrink.
func (m *Matcher) Unused() []Entry {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Entry
	for k, n := range m.remaining {
		if n > 0 {
			out = append(out, Entry{Key: k, Count: n})
		}
	}
	sort.Slice(out, func(i, j int) bool { return less(out[i].Key, out[j].Key) })
	return out
}

// String renders a key for messages: "PX105 regions/eu.ps1 PxA \"0.0.0.0/0\"".
func (k Key) String() string {
	parts := []string{k.Rule, k.Path}
	for _, s := range []string{k.Variable, k.Element, k.Fingerprint} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// String renders an entry for messages: the key and its count.
func (e Entry) String() string { return fmt.Sprintf("%s (x%d)", e.Key, e.Count) }
