package facts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"github.com/pxlint/pxlint/lint/safeio"
)

// maxDepth bounds the nesting of a document: a facts file is 3 levels deep
// and an inventory 4; deeper input is not what pxlint asked for and would
// only cost the schema evaluation time.
const maxDepth = 32

// maxFileSize bounds a facts or inventory file. A facts file is a few KiB and
// an inventory of thousands of resource groups a few MiB; anything larger is
// not what pxlint asked for.
const maxFileSize = safeio.DocumentBytes

// readJSONFile reads a JSON document written by PowerShell or the Azure CLI
// and returns it decoded into generic values. The
// error messages start with the file's base name, as users see them.
func readJSONFile(path string) (any, error) {
	name := filepath.Base(path)
	// One byte over the bound, so decodeJSONDocument sees a file too large.
	raw, err := safeio.ReadFile(path, maxFileSize+1)
	if err != nil && !errors.Is(err, safeio.ErrTooLarge) {
		return nil, err
	}
	return decodeJSONDocument(name, raw)
}

// decodeJSONDocument is readJSONFile after the read: bounded, decoded,
// parsed.
func decodeJSONDocument(name string, raw []byte) (any, error) {
	if len(raw) > maxFileSize {
		return nil, fmt.Errorf("%s: larger than %d MiB", name, maxFileSize>>20)
	}
	text, err := decodeText(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	v, err := parseJSON(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if tooDeep(v, maxDepth) {
		return nil, fmt.Errorf("%s: nested more than %d levels deep", name, maxDepth)
	}
	return v, nil
}

// decodeText turns the bytes of a JSON file into UTF-8. Windows PowerShell
// 5.1 writes UTF-16 LE with a BOM when output is redirected with `>`, and
// `Out-File`/`Set-Content` may add a UTF-8 BOM; JSON itself must be UTF-8
// without one, so both are undone here.
func decodeText(b []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return utf16ToUTF8(b[2:], false)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return utf16ToUTF8(b[2:], true)
	case len(b) >= 2 && b[0] != 0 && b[1] == 0:
		// UTF-16 LE without BOM (JSON starts with an ASCII character).
		return utf16ToUTF8(b, false)
	case len(b) >= 2 && b[0] == 0 && b[1] != 0:
		return utf16ToUTF8(b, true)
	}
	if !utf8.Valid(b) {
		return nil, errors.New("not UTF-8 or UTF-16 text")
	}
	return b, nil
}

func utf16ToUTF8(b []byte, bigEndian bool) ([]byte, error) {
	if len(b)%2 != 0 {
		return nil, errors.New("truncated UTF-16 text (odd number of bytes)")
	}
	order := unicode.LittleEndian
	if bigEndian {
		order = unicode.BigEndian
	}
	return unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
}

// parseJSON decodes one JSON value; a syntax error names its line and column.
func parseJSON(text []byte) (any, error) {
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, errors.New("empty file, expected JSON")
	}
	dec := json.NewDecoder(bytes.NewReader(text))
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonSyntaxError(text, err)
	}
	off := dec.InputOffset()
	rest := text[off:]
	if trimmed := bytes.TrimLeft(rest, " \t\r\n"); len(trimmed) > 0 {
		return nil, fmt.Errorf("not JSON: more than one value (at %s)", lineCol(text, off+int64(len(rest)-len(trimmed))))
	}
	return v, nil
}

func jsonSyntaxError(text []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the offending byte as read.
		return fmt.Errorf("not JSON: %s at %s", se.Error(), lineCol(text, se.Offset-1))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("not JSON: unexpected end of file")
	}
	return fmt.Errorf("not JSON: %w", err)
}

// lineCol formats a byte offset as "line L, column C" (1-based, code points).
func lineCol(text []byte, off int64) string {
	off = max(0, min(off, int64(len(text))))
	line, col := 1, 1
	for _, r := range string(text[:off]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("line %d, column %d", line, col)
}

// tooDeep reports whether v nests objects and arrays more than limit levels.
func tooDeep(v any, limit int) bool {
	if limit < 0 {
		return true
	}
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			if tooDeep(e, limit-1) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if tooDeep(e, limit-1) {
				return true
			}
		}
	}
	return false
}

// dropNulls removes null members of objects, recursively: ConvertTo-Json
// writes $null for what the preflight script could not find out, and an
// absent field already means unknown. Elements of lists stay as they are.
func dropNulls(v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if e == nil {
				delete(x, k)
				continue
			}
			dropNulls(e)
		}
	case []any:
		for _, e := range x {
			dropNulls(e)
		}
	}
}

// asList undoes two ConvertTo-Json habits: one object where a list of one was
// meant, and Windows PowerShell 5.1's {"value": [...], "Count": n} wrapper
// around arrays that carry extended type data. nil stays nil (unknown).
func asList(v any) any {
	switch x := v.(type) {
	case nil, []any:
		return x
	case map[string]any:
		if inner, ok := x["value"].([]any); ok && len(x) == 2 {
			if _, ok := x["Count"]; ok {
				return inner
			}
		}
		return []any{x}
	case string:
		return []any{x}
	}
	return v
}
