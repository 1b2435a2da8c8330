package model

import "github.com/pxlint/pxlint/lint/safeio"

// Limits bound the static evaluation so that hostile or runaway scripts end
// with a PX011 diagnostic instead of exhausting memory or time. A zero field
// takes its default from DefaultLimits.
type Limits struct {
	// MaxValueChars caps the length of one string value, in characters.
	MaxValueChars int
	// MaxArrayLen caps the number of elements of one array value.
	MaxArrayLen int
	// MaxWork caps the total work of one evaluation: characters produced by
	// string expansion, -join, -f and concatenation plus elements copied.
	MaxWork int64
	// MaxDotSourceDepth caps how deep dot-sourced files may dot-source others.
	MaxDotSourceDepth int
	// MaxNesting caps the expression nesting depth the evaluator recurses into.
	MaxNesting int
	// MaxFileBytes caps the size of a dot-sourced file that is read.
	MaxFileBytes int
}

// DefaultLimits are generous for any real variables script (a few KiB) and
// small enough that hitting them costs milliseconds.
var DefaultLimits = Limits{
	MaxValueChars:     1 << 20,
	MaxArrayLen:       100_000,
	MaxWork:           16 << 20,
	MaxDotSourceDepth: 4,
	MaxNesting:        256,
	MaxFileBytes:      safeio.DotSourceBytes,
}

// withDefaults fills zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.MaxValueChars <= 0 {
		l.MaxValueChars = d.MaxValueChars
	}
	if l.MaxArrayLen <= 0 {
		l.MaxArrayLen = d.MaxArrayLen
	}
	if l.MaxWork <= 0 {
		l.MaxWork = d.MaxWork
	}
	if l.MaxDotSourceDepth <= 0 {
		l.MaxDotSourceDepth = d.MaxDotSourceDepth
	}
	if l.MaxNesting <= 0 {
		l.MaxNesting = d.MaxNesting
	}
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	return l
}

// Stats counts what an evaluation did; tests use them to prove that a bound
// fired (never wall-clock time).
type Stats struct {
	// Work is the work spent, in the unit of Limits.MaxWork.
	Work int64 `json:"work"`
	// BoundHits counts PX011 diagnostics raised by the evaluator.
	BoundHits int `json:"bound_hits"`
	// Expressions counts expression nodes evaluated.
	Expressions int `json:"expressions"`
	// FilesRead counts dot-sourced files read and evaluated.
	FilesRead int `json:"files_read"`
}
