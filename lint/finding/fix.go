package finding

// Safety says what applying a Fix does to the deployment (issue 15).
type Safety string

const (
	// SafetySafe: the deployed values do not change, or only change to what
	// PowerShell already evaluated or what the deployment obviously meant
	// (quoting a bare address that evaluates to $null, trimming spaces,
	// removing an assignment a later one overrides). `pxlint fix` applies
	// these by default.
	SafetySafe Safety = "safe"
	// SafetyUnsafe: the deployed values change (a network address instead
	// of one with host bits, a catalog name instead of a misspelled one).
	// Applied only with --unsafe-fixes.
	SafetyUnsafe Safety = "unsafe"
)

// EncodingUTF8BOM is the one re-encoding a Fix asks for: UTF-8 with a
// byte-order mark, which Windows PowerShell 5.1 and PowerShell 7 read alike.
const EncodingUTF8BOM = "utf-8-bom"

// Edit replaces the text of Region (code points of the decoded text, end
// exclusive; an empty region inserts) with NewText. Whoever applies it
// maps the region back to the file's bytes, so the file keeps its
// encoding, line endings and everything outside the region.
type Edit struct {
	Region  Region `json:"region"`
	NewText string `json:"new_text"`
}

// Fix is a machine-applicable fix of one finding: edits of one file that
// are applied together, or (Encoding set, no edits) the whole file saved
// in another encoding with its text unchanged. A finding may carry several
// alternatives; the first is the one `pxlint fix` applies.
type Fix struct {
	Message string `json:"message"`
	Safety  Safety `json:"safety"`
	Edits   []Edit `json:"edits,omitempty"`
	// Encoding, when set (EncodingUTF8BOM), re-encodes the whole file.
	Encoding string `json:"encoding,omitempty"`
}

// Allowed reports whether a fix of this safety may be applied when unsafe
// fixes are (or are not) wanted.
func (s Safety) Allowed(unsafe bool) bool {
	return s == SafetySafe || (unsafe && s == SafetyUnsafe)
}
