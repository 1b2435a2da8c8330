package infinity

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxDepth bounds JSON nesting; a real export nests four or five levels.
const maxDepth = 64

// node is a JSON value with the byte offset where it starts, so a finding
// can point at file:line:column of any JSON pointer.
type node struct {
	kind   byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	keys   []string
	fields map[string]*node
	elems  []*node
	str    string
	num    json.Number
	b      bool
	off    int
}

// parseError names the file and the JSON pointer being read.
type parseError struct {
	file, pointer string
	line, col     int
	msg           string
}

func (e *parseError) Error() string {
	ptr := e.pointer
	if ptr == "" {
		ptr = "(top level)"
	}
	return fmt.Sprintf("%s:%d:%d: at %s: %s", e.file, e.line, e.col, ptr, e.msg)
}

// jsonFile is one parsed JSON file and its line index.
type jsonFile struct {
	path       string
	data       []byte
	root       *node
	lineStarts []int
}

func parseFile(path string, data []byte) (*jsonFile, error) {
	f := &jsonFile{path: path, data: data, lineStarts: []int{0}}
	for i, c := range data {
		if c == '\n' {
			f.lineStarts = append(f.lineStarts, i+1)
		}
	}
	// A UTF-8 BOM (Windows redirection) is not JSON; skip it.
	start := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	if !utf8.Valid(data) {
		return nil, &parseError{file: path, line: 1, col: 1, msg: "not UTF-8 (save the export as UTF-8; PowerShell 5.1's Out-File writes UTF-16)"}
	}
	p := &parser{f: f, dec: json.NewDecoder(bytes.NewReader(data[start:])), base: start}
	p.dec.UseNumber()
	root, err := p.value("", 0)
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, p.fail("", "unexpected data after the top-level value")
	}
	f.root = root
	return f, nil
}

// position converts a byte offset to a 1-based line and a column in code points.
func (f *jsonFile) position(off int) (line, col int) {
	lo, hi := 0, len(f.lineStarts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if f.lineStarts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if off > len(f.data) {
		off = len(f.data)
	}
	return lo + 1, utf8.RuneCount(f.data[f.lineStarts[lo]:off]) + 1
}

type parser struct {
	f    *jsonFile
	dec  *json.Decoder
	base int
}

func (p *parser) fail(pointer, msg string) error {
	off := p.base + int(p.dec.InputOffset())
	l, c := p.f.position(off)
	return &parseError{file: p.f.path, pointer: pointer, line: l, col: c, msg: msg}
}

// next returns the next token and the offset where it starts.
func (p *parser) next(pointer string) (json.Token, int, error) {
	off := p.base + int(p.dec.InputOffset())
	for off < len(p.f.data) && strings.IndexByte(" \t\r\n,:", p.f.data[off]) >= 0 {
		off++
	}
	tok, err := p.dec.Token()
	if err != nil {
		msg := err.Error()
		if errors.Is(err, io.EOF) {
			msg = "unexpected end of file"
		}
		return nil, off, p.fail(pointer, "invalid JSON: "+strings.TrimPrefix(msg, "invalid character "))
	}
	return tok, off, nil
}

func (p *parser) value(pointer string, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, p.fail(pointer, fmt.Sprintf("nested more than %d levels", maxDepth))
	}
	tok, off, err := p.next(pointer)
	if err != nil {
		return nil, err
	}
	return p.fromToken(tok, off, pointer, depth)
}

func (p *parser) fromToken(tok json.Token, off int, pointer string, depth int) (*node, error) {
	n := &node{off: off}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind, n.fields = 'o', map[string]*node{}
			for p.dec.More() {
				kt, _, err := p.next(pointer)
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				child, err := p.value(pointer+"/"+escapePointer(k), depth+1)
				if err != nil {
					return nil, err
				}
				if _, dup := n.fields[k]; !dup {
					n.keys = append(n.keys, k)
				}
				n.fields[k] = child
			}
		case '[':
			n.kind = 'a'
			for i := 0; p.dec.More(); i++ {
				child, err := p.value(pointer+"/"+strconv.Itoa(i), depth+1)
				if err != nil {
					return nil, err
				}
				n.elems = append(n.elems, child)
			}
		default:
			return nil, p.fail(pointer, "invalid JSON: unexpected "+string(t))
		}
		if _, _, err := p.next(pointer); err != nil { // the closing bracket
			return nil, err
		}
	case string:
		n.kind, n.str = 's', t
	case json.Number:
		n.kind, n.num = 'n', t
	case bool:
		n.kind, n.b = 'b', t
	case nil:
		n.kind = 'z'
	}
	return n, nil
}

// escapePointer escapes a key for a JSON pointer (RFC 6901).
func escapePointer(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}
