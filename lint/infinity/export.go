// Package infinity reads an export of Pexip Infinity's management
// configuration API (reference/infinity-config.md §2.2), resolves its
// reference graph (§1.9–1.10), evaluates its regexes the way Infinity does
// (lint/infinity/pyre) and builds the policy input the PX7xx Rego policies
// judge. It never calls Infinity: the administrator exports, pxlint reads.
package infinity

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/pxlint/pxlint/lint/safeio"
)

// Required resources: without one, the rules that need it are not_verified.
var Required = []string{"gateway_routing_rule", "conference", "teams_proxy", "azure_tenant", "system_location", "worker_vm"}

// Optional resources.
var Optional = []string{"conference_alias", "tls_certificate", "ca_certificate", "global"}

func known(resource string) bool {
	for _, r := range append(append([]string{}, Required...), Optional...) {
		if r == resource {
			return true
		}
	}
	return false
}

// Object is one configuration object and where it was read.
type Object struct {
	Resource string
	File     string // the JSON file, as shown to users
	Pointer  string // JSON pointer of the object in File
	n        *node
	f        *jsonFile
}

// Export is every object of an export, by resource.
type Export struct {
	Path    string // as given on the command line or in the config
	Objects map[string][]*Object
	// Present lists the resources the export holds (possibly empty).
	Present map[string]bool
	byKey   map[string]*Object // "teams_proxy/1"
}

// Load reads an export in any form of §2.2: a folder of <resource>.json, a
// file named <resource>.json, or a bundle {"<resource>": …}; each value an
// API envelope, a list of pages, a bare array or one object. Errors name the
// file and JSON pointer (exit code 2).
func Load(path string) (*Export, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("infinity export: %w", err)
	}
	e := &Export{Path: filepath.ToSlash(path), Objects: map[string][]*Object{}, Present: map[string]bool{}, byKey: map[string]*Object{}}
	if st.IsDir() {
		found := 0
		for _, r := range append(append([]string{}, Required...), Optional...) {
			p := filepath.Join(path, r+".json")
			if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
				continue
			}
			f, err := readJSON(p)
			if err != nil {
				return nil, err
			}
			found++
			if err := e.addResource(r, f, f.root, ""); err != nil {
				return nil, err
			}
		}
		if found == 0 {
			return nil, fmt.Errorf("infinity export %s: no <resource>.json file (gateway_routing_rule.json, teams_proxy.json, ...)", path)
		}
	} else {
		f, err := readJSON(path)
		if err != nil {
			return nil, err
		}
		base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		if known(base) {
			err = e.addResource(base, f, f.root, "")
		} else {
			err = e.addBundle(f)
		}
		if err != nil {
			return nil, err
		}
	}
	e.index()
	return e, nil
}

func readJSON(path string) (*jsonFile, error) {
	b, err := safeio.ReadFile(path, safeio.DocumentBytes)
	if err != nil {
		return nil, fmt.Errorf("infinity export: %w", err)
	}
	return parseFile(filepath.ToSlash(path), b)
}

func (e *Export) addBundle(f *jsonFile) error {
	if f.root.kind != 'o' {
		return fmt.Errorf("%s: want a bundle object {\"gateway_routing_rule\": …, \"teams_proxy\": …}, or a file named <resource>.json", f.path)
	}
	n := 0
	for _, k := range f.root.keys {
		if !known(k) {
			continue // unknown resources: the schema grows by version
		}
		n++
		if err := e.addResource(k, f, f.root.fields[k], "/"+escapePointer(k)); err != nil {
			return err
		}
	}
	if n == 0 {
		return fmt.Errorf("%s: no known resource in the bundle (want keys like \"gateway_routing_rule\", \"teams_proxy\")", f.path)
	}
	return nil
}

// addResource reads one resource's value: envelope, pages, array or object.
func (e *Export) addResource(resource string, f *jsonFile, n *node, ptr string) error {
	e.Present[resource] = true
	add := func(o *node, p string) error {
		if o.kind != 'o' {
			return shapeError(f, o, p, "want a "+resource+" object")
		}
		e.Objects[resource] = append(e.Objects[resource], &Object{Resource: resource, File: f.path, Pointer: p, n: o, f: f})
		return nil
	}
	envelope := func(o *node, p string) error {
		objs := o.fields["objects"]
		if objs.kind == 'z' {
			return nil
		}
		if objs.kind != 'a' {
			return shapeError(f, objs, p+"/objects", "want the envelope's objects array")
		}
		for i, x := range objs.elems {
			if err := add(x, p+"/objects/"+strconv.Itoa(i)); err != nil {
				return err
			}
		}
		return nil
	}
	switch n.kind {
	case 'z':
		return nil
	case 'o':
		if _, ok := n.fields["objects"]; ok {
			return envelope(n, ptr)
		}
		return add(n, ptr)
	case 'a':
		for i, x := range n.elems {
			p := ptr + "/" + strconv.Itoa(i)
			if x.kind == 'o' {
				if _, ok := x.fields["objects"]; ok {
					if err := envelope(x, p); err != nil {
						return err
					}
					continue
				}
			}
			if err := add(x, p); err != nil {
				return err
			}
		}
		return nil
	}
	return shapeError(f, n, ptr, "want an API envelope {\"meta\": …, \"objects\": […]}, a list of them, an array of objects or one object")
}

func shapeError(f *jsonFile, n *node, ptr, msg string) error {
	l, c := f.position(n.off)
	return &parseError{file: f.path, pointer: ptr, line: l, col: c, msg: msg}
}

// uriRe reads the resource and id at the end of a resource URI.
var uriRe = regexp.MustCompile(`([a-z_]+)/(\d+)/?$`)

// key is "resource/id" for an object, from its resource_uri, else its id.
func (o *Object) key() string {
	if k, ok := refKey(o.n.fields["resource_uri"], o.Resource); ok {
		return k
	}
	if id := o.n.fields["id"]; id != nil && id.kind == 'n' {
		return o.Resource + "/" + id.num.String()
	}
	return ""
}

// refKey resolves a reference field: a URI string or an object with a
// resource_uri or an id (§1.1, "Reader rule"). target is the resource the
// field points to, for an object with only an id.
func refKey(n *node, target string) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.kind {
	case 's':
		s := strings.TrimSpace(n.str)
		if s == "" {
			return "", false
		}
		if m := uriRe.FindStringSubmatch(s); m != nil {
			return m[1] + "/" + m[2], true
		}
		return "?" + s, true // set, but not a URI: dangling (PX701)
	case 'n':
		return target + "/" + n.num.String(), true
	case 'o':
		if k, ok := refKey(n.fields["resource_uri"], target); ok {
			return k, true
		}
		if id := n.fields["id"]; id != nil && id.kind == 'n' {
			return target + "/" + id.num.String(), true
		}
	}
	return "", false
}

func (e *Export) index() {
	for _, r := range sortedResources(e.Objects) {
		for _, o := range e.Objects[r] {
			if k := o.key(); k != "" {
				if _, dup := e.byKey[k]; !dup {
					e.byKey[k] = o
				}
			}
		}
	}
}

func sortedResources(m map[string][]*Object) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Lookup finds an object by its "resource/id" key.
func (e *Export) Lookup(key string) *Object { return e.byKey[key] }

// Str is a string field ("" when absent, null or not a string).
func (o *Object) Str(name string) string {
	if n := o.n.fields[name]; n != nil && n.kind == 's' {
		return n.str
	}
	return ""
}

// Bool is a boolean field, def when absent or not a boolean.
func (o *Object) Bool(name string, def bool) bool {
	if n := o.n.fields[name]; n != nil && n.kind == 'b' {
		return n.b
	}
	return def
}

// Int is an integer field, def when absent or not a number.
func (o *Object) Int(name string, def int) int {
	if n := o.n.fields[name]; n != nil {
		switch n.kind {
		case 'n':
			if v, err := strconv.Atoi(n.num.String()); err == nil {
				return v
			}
		case 's':
			if v, err := strconv.Atoi(n.str); err == nil {
				return v
			}
		}
	}
	return def
}

// Ref resolves a reference field to a "resource/id" key; set is false when
// the field is absent, null or "".
func (o *Object) Ref(name, target string) (key string, set bool) {
	return refKey(o.n.fields[name], target)
}

// List returns the elements of an array field.
func (o *Object) List(name string) []*Object {
	n := o.n.fields[name]
	if n == nil || n.kind != 'a' {
		return nil
	}
	var out []*Object
	for i, x := range n.elems {
		if x.kind == 'o' {
			out = append(out, &Object{Resource: name, File: o.File, Pointer: o.Pointer + "/" + escapePointer(name) + "/" + strconv.Itoa(i), n: x, f: o.f})
		}
	}
	return out
}

// FieldPointer is the JSON pointer of a field of the object.
func (o *Object) FieldPointer(field string) string {
	if field == "" || o.n.fields[field] == nil {
		return o.Pointer
	}
	return o.Pointer + "/" + escapePointer(field)
}
