package model

// SchemaVersion identifies the shape of Input. Custom policies and scripts
// that read `pxlint inspect` output depend on it: bump it on any breaking change
// and keep schemas/input.schema.json in step.
const SchemaVersion = "pxlint-input/v1"

// Kinds of a variable value (DESIGN, Contracts: Policy input).
const (
	KindString    = "string"
	KindBool      = "bool"
	KindNumber    = "number"
	KindNull      = "null"
	KindArray     = "array"
	KindHashtable = "hashtable"
	KindUnknown   = "unknown"
	KindSecret    = "secret"
)

// Kinds of an array element: how it was written.
const (
	ElementQuoted     = "quoted"     // "10.0.0.0/24" or '10.0.0.0/24'
	ElementBare       = "bare"       // 10.0.0.1 (a number followed by member access in PowerShell)
	ElementExpression = "expression" // evaluated statically from other values
	ElementUnknown    = "unknown"    // needs execution
)

// Span is a source range: 1-based lines and columns in Unicode code points of
// the decoded text; the end is exclusive (the column just after the last
// character), as SARIF regions are.
type Span struct {
	StartLine   int `json:"start_line"`
	StartColumn int `json:"start_column"`
	EndLine     int `json:"end_line"`
	EndColumn   int `json:"end_column"`
}

// Input is the policy input: what Rego policies see as `input` and what
// `pxlint inspect` prints. Fields after Commands are filled by the engine
// from sources beside the script (certificates, workstation facts, Azure
// inventory, the other scripts of the repository).
type Input struct {
	SchemaVersion string `json:"schema_version"`
	// File is the path relative to the repository root (slash-separated).
	File string `json:"file"`
	// Profile is "az" or "azurerm"; ProfileSource says why ("script", "flag", "config", "default").
	Profile       string `json:"profile"`
	ProfileSource string `json:"profile_source"`
	Source        Source `json:"source"`
	// Variables are keyed by catalog spelling (e.g. "PxNodeFqdns"; no `$`).
	Variables map[string]*Variable `json:"variables"`
	// References are uses of `$Px...` variables (in values, in expandable
	// strings, in command arguments), in source order.
	References []Reference `json:"references"`
	// Commands are the command calls of the script, in source order.
	Commands []Command `json:"commands"`
	// Requires holds `#Requires -Modules` entries.
	Requires []RequiredModule `json:"requires"`
	// Guards are conditions the script enforces before deploying, e.g. a culture check.
	Guards []Guard `json:"guards"`
	// DotSources are dot-sourced files (`. .\other.ps1`) and whether they were read.
	DotSources []DotSource `json:"dot_sources"`

	// ProfileData is the release profile's data (catalog, required variables,
	// derived-name and bot-name patterns, deployment parameters) from
	// schemas/profiles.cue, so Rego and CUE read one source.
	ProfileData any `json:"profile_data"`

	Certificates any             `json:"certificates"`
	Facts        any             `json:"facts"`
	Inventory    any             `json:"inventory"`
	Repository   []ScriptSummary `json:"repository"`
	Context      Context         `json:"context"`
	Config       Config          `json:"config"`
}

// Source describes how the file was decoded (PX009 needs the BOM and the
// non-ASCII characters).
type Source struct {
	Encoding string     `json:"encoding"` // utf-8, utf-16le, utf-16be, utf-32le, utf-32be, windows-1252
	BOM      bool       `json:"bom"`
	Newline  string     `json:"newline"` // crlf, lf, cr, mixed, none
	Lines    int        `json:"lines"`
	NonASCII []NonASCII `json:"non_ascii"` // at most the first 100
}

// NonASCII is one non-ASCII character of the decoded text.
type NonASCII struct {
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Char   string `json:"char"`
	// Lookalike is set for typographic quotes and dashes PowerShell treats as ASCII
	// (e.g. "“" → `"`).
	Lookalike string `json:"lookalike,omitempty"`
	// Context is where the character stands: "comment" (misreading it is
	// harmless), "string" (inside a string literal) or "code" (a name or a
	// bare word). Empty when the file could not be tokenized.
	Context string `json:"context,omitempty"`
	// MisreadQuote is set for a UTF-8 file without a BOM when Windows
	// PowerShell 5.1, reading it as Windows-1252, sees a character among the
	// misread bytes that PowerShell treats as a quote (UTF-8 "–" is E2 80 93,
	// and 0x93 is "“"): that quote ends or starts a string.
	MisreadQuote string `json:"misread_quote,omitempty"`
}

// Variable is the statically evaluated state of one `$Px...` (or other) variable
// after the whole script.
type Variable struct {
	Name       string `json:"name"`        // catalog spelling, without `$`
	SourceName string `json:"source_name"` // spelling of the last assignment
	Kind       string `json:"kind"`
	// Value is the evaluated value (string, bool, float64/int, nil, []any,
	// map[string]any). Absent for unknown and secret values.
	Value any `json:"value"`
	// Reason says why a value is unknown (e.g. "Read-Host needs user input").
	Reason string `json:"reason,omitempty"`
	// Quote is how a string value was written: "double", "single", "here-double",
	// "here-single", or "" (not a string literal).
	Quote string `json:"quote,omitempty"`
	// Line and Column locate the last assignment's variable token.
	Line   int  `json:"line"`
	Column int  `json:"column"`
	Span   Span `json:"span"` // the last assignment statement
	// ValueSpan is the right-hand side of the last assignment.
	ValueSpan Span `json:"value_span"`
	// Text is the exact source text of the last assignment's right-hand side
	// (PX002 needs it for a bare `$x = 91.90.42.64/26`, whose value is 0);
	// empty for secrets, for a right-hand side that holds a literal secret,
	// and for anything longer than 256 characters.
	Text        string       `json:"text,omitempty"`
	Assignments []Assignment `json:"assignments"`
	Elements    []Element    `json:"elements,omitempty"` // for arrays
	Secret      *Secret      `json:"secret,omitempty"`   // for kind "secret"
	// File is set when the last assignment is in a dot-sourced file (its path
	// relative to the repository root); lines and spans then refer to that file.
	File string `json:"file,omitempty"`
}

// Assignment is one assignment statement of a variable.
type Assignment struct {
	Operator string `json:"operator"` // "=", "+=", ...
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Span     Span   `json:"span"`
	// Conditional is true inside if/foreach/try/function bodies: the value
	// then depends on execution.
	Conditional bool `json:"conditional,omitempty"`
	// File is set for an assignment in a dot-sourced file (repository-relative).
	File string `json:"file,omitempty"`
}

// Element is one array element, with the span where it was written (an
// element pulled in by `+ $PxMgmtSrcAddrPrefixes` keeps its original span).
type Element struct {
	Value  any    `json:"value"`
	Kind   string `json:"kind"`
	Quote  string `json:"quote,omitempty"`
	Text   string `json:"text"` // exact source text
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Span   Span   `json:"span"`
	// From names the variable the element was appended from, when not the array's own assignment.
	From string `json:"from,omitempty"`
	// File is set when the element was written in a dot-sourced file (repository-relative).
	File string `json:"file,omitempty"`
}

// Secret describes a secret value without revealing it.
type Secret struct {
	Literal bool `json:"literal"` // written literally in the script (not Read-Host, Get-Credential, ...)
	Length  int  `json:"length"`
	Upper   bool `json:"upper"`
	Lower   bool `json:"lower"`
	Digit   bool `json:"digit"`
	Symbol  bool `json:"symbol"`
}

// Reference is a use of a variable.
type Reference struct {
	Name   string `json:"name"` // catalog spelling
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Span   Span   `json:"span"`
	// Defined is true when an assignment precedes the use;
	// DefinedElsewhere when a dot-sourced file that could not be read may define it.
	Defined          bool   `json:"defined"`
	DefinedElsewhere bool   `json:"defined_elsewhere,omitempty"`
	Context          string `json:"context"` // "value", "string", "argument", "condition"
}

// Command is one command call (a pipeline element), e.g. Install-Module or
// .\create_vmss_deployment.ps1.
type Command struct {
	Name       string      `json:"name"` // as written, path prefix removed for scripts (create_vmss_deployment.ps1)
	Text       string      `json:"text"` // command name as written
	Line       int         `json:"line"`
	Column     int         `json:"column"`
	Span       Span        `json:"span"`
	Parameters []Parameter `json:"parameters"`
	Positional []Argument  `json:"positional"`
	// Conditional is true inside a branch, loop, try or function.
	Conditional bool `json:"conditional,omitempty"`
}

// Parameter is a named parameter; Name is the canonical parameter name when
// the command is known (unique-prefix, case-insensitive binding), else as written.
type Parameter struct {
	Name    string    `json:"name"`
	Written string    `json:"written"`
	Switch  bool      `json:"switch,omitempty"`
	Value   *Argument `json:"value,omitempty"`
	Line    int       `json:"line"`
	Column  int       `json:"column"`
	Span    Span      `json:"span"`
}

// Argument is an evaluated command argument.
type Argument struct {
	Value any    `json:"value"`
	Kind  string `json:"kind"` // as Variable.Kind
	Text  string `json:"text"`
	// Variable names the single variable the argument is (e.g. "-PfxPath $PxPfxCertFileName").
	Variable string `json:"variable,omitempty"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Span     Span   `json:"span"`
}

// RequiredModule is one module of `#Requires -Modules`.
type RequiredModule struct {
	Name            string `json:"name"`
	Version         string `json:"version,omitempty"` // ModuleVersion (minimum)
	RequiredVersion string `json:"required_version,omitempty"`
	MaximumVersion  string `json:"maximum_version,omitempty"`
	Line            int    `json:"line"`
	Column          int    `json:"column"`
	Span            Span   `json:"span"`
	// File is set for a #Requires of a dot-sourced file (repository-relative);
	// it counts for this script, and its line, column and span are then 0:
	// they would point into the other file.
	File string `json:"file,omitempty"`
}

// Guard is a check the script makes before continuing, e.g.
// `if ((Get-Culture).Name -ne 'en-US') { throw ... }` is {kind: "culture", value: "en-US"}.
type Guard struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
	Line  int    `json:"line"`
	Span  Span   `json:"span"`
	// File is set for a guard in a dot-sourced file (repository-relative);
	// it protects this script too, and its line and span are then 0.
	File string `json:"file,omitempty"`
}

// DotSource is a dot-sourced script.
type DotSource struct {
	Path   string `json:"path"`
	Read   bool   `json:"read"`
	Reason string `json:"reason,omitempty"`
	Line   int    `json:"line"`
	Span   Span   `json:"span"`
}

// ScriptSummary is another variables script of the same repository, for
// cross-script rules (PX206).
type ScriptSummary struct {
	File                    string `json:"file"`
	SubscriptionID          string `json:"subscription_id,omitempty"`
	TeamsConnFqdn           string `json:"teams_conn_fqdn,omitempty"`
	TeamsConnFqdnLine       int    `json:"teams_conn_fqdn_line,omitempty"`
	ResourceGroup           string `json:"resource_group,omitempty"`
	ResourceGroupLine       int    `json:"resource_group_line,omitempty"`
	StaticResourceGroup     string `json:"static_resource_group,omitempty"`
	StaticResourceGroupLine int    `json:"static_resource_group_line,omitempty"`
	VmssName                string `json:"vmss_name,omitempty"`
	PublicIPName            string `json:"public_ip_name,omitempty"`
	BaseConnNameLine        int    `json:"base_conn_name_line,omitempty"`
}

// Context is what pxlint knows about where the script lives.
type Context struct {
	InGitWorkTree bool   `json:"in_git_work_tree"`
	Now           string `json:"now"` // RFC 3339, from the injectable clock
	// AzureLocationCloud is the Azure environment of $PxAzureLocation
	// ("AzureCloud" or "AzureUSGovernment", from schemas/regions.cue), or
	// empty when the location is unset, unknown statically or not in the list.
	AzureLocationCloud string `json:"azure_location_cloud,omitempty"`
}

// Config carries the settings policies read (from flags and .pxlint.hcl).
type Config struct {
	AzVersion  string `json:"az_version"`
	ExpiryDays int    `json:"expiry_days"`
	// Rules holds rule-specific options by rule ID, e.g. {"PX105": {"min_prefix_length": 16}}.
	Rules map[string]map[string]any `json:"rules"`
	// Variables are the config's declared variables (`variable` blocks):
	// PX501 requires the required ones, PX601 checks the parameter they feed.
	Variables []DeclaredVariable `json:"variables,omitempty"`
}

// DeclaredVariable is a variable declared in .pxlint.hcl for a site or a
// newer release.
type DeclaredVariable struct {
	Name      string `json:"name"`
	Type      string `json:"type"`
	Pattern   string `json:"pattern,omitempty"`
	Required  bool   `json:"required"`
	Parameter string `json:"parameter,omitempty"`
}
