package facts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16LE encodes s as Windows PowerShell 5.1 writes with `>`: UTF-16 LE with a BOM.
func utf16LE(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func utf16BE(s string) []byte {
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	return writeTempB(t, name, b)
}

func writeTempB(tb testing.TB, name string, b []byte) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		tb.Fatal(err)
	}
	return p
}

const minimalFacts = `{"schema": "pxlint-facts/v1", "culture": "de-DE", "modules": {"name": "Az", "version": "4.6.1"}}`

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"not JSON", `{"schema": "pxlint-facts/v1",`, `facts.json: not JSON: unexpected end of file`},
		{"syntax error position", "{\n  \"schema\": 'x'\n}", `facts.json: not JSON: invalid character '\'' looking for beginning of value at line 2, column 13`},
		{"empty", "  \r\n", `facts.json: empty file, expected JSON`},
		{"two values", `{"schema": "pxlint-facts/v1"} {}`, `facts.json: not JSON: more than one value (at line 1, column 31)`},
		{"array", `[]`, `facts.json: must be a JSON object with "schema": "pxlint-facts/v1"`},
		{"missing tag", `{"culture": "en-US"}`, `facts.json: schema: missing; a facts file starts with "schema": "pxlint-facts/v1"`},
		{"bad tag", `{"schema": "pxlint-facts/v2"}`, `facts.json: schema: must be "pxlint-facts/v1", not "pxlint-facts/v2"`},
		{"bad user_type", `{"schema": "pxlint-facts/v1", "account": {"user_type": "guest"}}`, `facts.json: account.user_type: must be "Member" or "Guest"`},
		{"wrong type", `{"schema": "pxlint-facts/v1", "culture": 1033}`, `facts.json: culture: must be a culture name such as "en-US"`},
		{"bad module version", `{"schema": "pxlint-facts/v1", "modules": [{"name": "Az", "version": "4.5.0"}, {"name": "Az", "version": "latest"}]}`, `facts.json: modules[1].version: must be a version such as "4.5.0"`},
		{"module without version", `{"schema": "pxlint-facts/v1", "modules": [{"name": "Az"}]}`, `facts.json: modules[0].version: missing`},
		{"module past the first chunk of 256", `{"schema": "pxlint-facts/v1", "modules": [` + strings.Repeat(`{"name": "Az", "version": "4.5.0"}, `, 600) + `{"name": "", "version": "4.5.0"}]}`, `facts.json: modules[600].name: must be a module name`},
		{"bad field beside a long list", `{"schema": "pxlint-facts/v1", "culture": "!!", "modules": [` + strings.Repeat(`{"name": "Az", "version": "4.5.0"}, `, 300) + `{"name": "Az", "version": "x"}]}`, `facts.json: culture: must be a culture name such as "en-US"`},
		{"unknown field", `{"schema": "pxlint-facts/v1", "culure": "en-US"}`, `facts.json: culure: unknown field`},
		{"bad scope", `{"schema": "pxlint-facts/v1", "role_assignments": [{"role": "Owner", "scope": "subscriptions/x"}]}`, `facts.json: role_assignments[0].scope: must be an Azure scope such as "/subscriptions/<id>"`},
		{"bad subscription", `{"schema": "pxlint-facts/v1", "account": {"subscription_id": "my-sub"}}`, `facts.json: account.subscription_id: must be a GUID`},
		{"bad time", `{"schema": "pxlint-facts/v1", "collected_at": "26/11/2026 15:00"}`, `facts.json: collected_at: must be an RFC 3339 time such as "2026-11-26T15:00:00Z"`},
		{"bad edition", `{"schema": "pxlint-facts/v1", "host": {"powershell_edition": "Core7"}}`, `facts.json: host.powershell_edition: must be "Desktop" or "Core"`},
		{"not UTF-8", "{\"schema\": \"pxlint-facts/v1\", \"culture\": \"\xe9\"}", `facts.json: not UTF-8 or UTF-16 text`},
		{"too deep", `{"schema": "pxlint-facts/v1", "modules": ` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`, `facts.json: nested more than 32 levels deep`},
		{"odd UTF-16", "\xff\xfe{\x00\"", `facts.json: truncated UTF-16 text (odd number of bytes)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(writeTemp(t, "facts.json", []byte(tt.content)))
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "absent.json"))
	if !os.IsNotExist(err) {
		t.Fatalf("want a not-exist error the caller can recognise, got %v", err)
	}
}

func TestLoadEncodingsAndQuirks(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
	}{
		{"UTF-8", []byte(minimalFacts)},
		{"UTF-8 BOM CRLF", append([]byte{0xEF, 0xBB, 0xBF}, strings.ReplaceAll(minimalFacts, " ", "\r\n")...)},
		{"UTF-16 LE BOM", utf16LE(minimalFacts, true)},
		{"UTF-16 LE no BOM", utf16LE(minimalFacts, false)},
		{"UTF-16 BE BOM", utf16BE(minimalFacts)},
		{"5.1 value/Count wrapper", []byte(`{"schema": "pxlint-facts/v1", "culture": "de-DE", "modules": {"value": [{"name": "Az", "version": "4.6.1"}], "Count": 1}}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeTemp(t, "facts.json", tt.content)
			f, err := Load(p)
			if err != nil {
				t.Fatal(err)
			}
			if f.Source != SourceFacts || f.Path != p {
				t.Errorf("source %q path %q", f.Source, f.Path)
			}
			if f.Culture == nil || *f.Culture != "de-DE" {
				t.Errorf("culture %v", f.Culture)
			}
			if len(f.Modules) != 1 || f.Modules[0] != (Module{Name: "Az", Version: "4.6.1"}) {
				t.Errorf("modules %+v", f.Modules)
			}
			if f.RoleAssignments != nil || f.Account != nil {
				t.Errorf("absent fields must stay unknown: %+v %+v", f.RoleAssignments, f.Account)
			}
		})
	}
}

func TestLoadFullFile(t *testing.T) {
	f, err := Load("testdata/facts-full.json")
	if err != nil {
		t.Fatal(err)
	}
	if f.Account == nil || f.Account.UserType != "Guest" || len(f.Account.DirectoryRoles) != 1 || f.Account.DirectoryRoles[0] != "Directory Readers" {
		t.Errorf("account %+v", f.Account)
	}
	if len(f.RoleAssignments) != 2 || f.RoleAssignments[1].Role != "Owner" {
		t.Errorf("role assignments %+v", f.RoleAssignments)
	}
	if f.Host == nil || f.Host.PowerShellEdition != "Desktop" {
		t.Errorf("host %+v", f.Host)
	}
	if f.UICulture == nil || *f.UICulture != "en-GB" {
		t.Errorf("ui culture %v", f.UICulture)
	}
}

func TestLoadNullsAreUnknown(t *testing.T) {
	p := writeTemp(t, "facts.json", []byte(`{"schema": "pxlint-facts/v1", "culture": "", "modules": [], "account": {"user_type": null, "directory_roles": null}, "role_assignments": null}`))
	f, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if f.Culture == nil || *f.Culture != "" {
		t.Errorf("the invariant culture is a known culture: %v", f.Culture)
	}
	if f.Modules == nil || len(f.Modules) != 0 {
		t.Errorf("modules [] means none installed: %#v", f.Modules)
	}
	if f.Account.UserType != "" || f.Account.DirectoryRoles != nil || f.RoleAssignments != nil {
		t.Errorf("nulls must stay unknown: %+v %#v", f.Account, f.RoleAssignments)
	}
}
