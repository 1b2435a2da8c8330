package policy

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// userPolicy writes one user policy file into a fresh folder and returns
// the folder and the file's path.
func userPolicy(t *testing.T, src string) (dir, file string) {
	t.Helper()
	dir = t.TempDir()
	file = filepath.Join(dir, "p.rego")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

var sandboxInput = map[string]any{"variables": map[string]any{"PxBaseConnName": map[string]any{"kind": "string", "value": "acme"}}}

// TestForbiddenBuiltins: each call is a compile error naming the file, the
// line and the built-in; --online gives back http.send and nothing else.
func TestForbiddenBuiltins(t *testing.T) {
	tests := []struct {
		call, name, why string
	}{
		{`http.send({"method": "GET", "url": "http://169.254.169.254/"})`, "http.send", "reads the network (--online allows http.send)"},
		{`net.lookup_ip_addr("example.com")`, "net.lookup_ip_addr", "reads the network (DNS)"},
		{`json.verify_schema({"$ref": "http://x.test/s.json"})`, "json.verify_schema", "reads the network"},
		{`opa.runtime()`, "opa.runtime", "reads the environment"},
		{`time.now_ns()`, "time.now_ns", "reads the clock"},
		{`io.jwt.decode_verify("a.b.c", {"secret": "s"})`, "io.jwt.decode_verify", "reads the clock"},
		{`rand.intn("x", 10)`, "rand.intn", "draws random numbers"},
		{`uuid.rfc4122("x")`, "uuid.rfc4122", "draws random numbers"},
		{`trace("x")`, "trace", "writes to the evaluation trace"},
		{`bits.lsh(1, 1000000000000)`, "bits.lsh", "allocates memory"},
		{`strings.render_template("{{.x}}", {"x": "y"})`, "strings.render_template", "builds output of a size that cannot be bounded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, file := userPolicy(t, "package acme.net\n\ndeny contains \"x\" if {\n\tx := "+tt.call+"\n\tis_string(x)\n}\n")
			_, err := Prepare(context.Background(), []string{dir})
			want := file + ":4: " + tt.name + " is not allowed in user policies: it " + tt.why
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Fatalf("Prepare = %v\nwant prefix %q", err, want)
			}
			sb := DefaultSandbox()
			sb.Online = true
			_, err = PrepareWith(context.Background(), []string{dir}, sb)
			if tt.name == "http.send" && err != nil {
				t.Errorf("with --online: %v", err)
			}
			if tt.name != "http.send" && err == nil {
				t.Errorf("with --online, %s must stay forbidden", tt.name)
			}
		})
	}
}

// TestCapabilitiesRefuseWhatTheScanMisses: the capabilities are the
// enforcement; the call scan only explains. Every forbidden built-in is
// out of them, and http.send comes back with --online only.
func TestUserCapabilities(t *testing.T) {
	has := func(online bool, name string) bool {
		for _, b := range userCapabilities(online).Builtins {
			if b.Name == name {
				return true
			}
		}
		return false
	}
	for _, name := range []string{"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.intn", "uuid.rfc4122", "uuid.parse", "trace", "io.jwt.encode_sign", "json.match_schema"} {
		if has(false, name) {
			t.Errorf("%s is in the offline capabilities", name)
		}
	}
	if !has(true, "http.send") || has(true, "time.now_ns") || has(true, "net.lookup_ip_addr") {
		t.Error("--online must give back http.send and nothing else")
	}
	for _, name := range []string{"count", "sprintf", "regex.match", "net.cidr_contains", "time.parse_rfc3339_ns", "numbers.range"} {
		if !has(false, name) {
			t.Errorf("%s must stay available", name)
		}
	}
}

func TestEvaluationBounds(t *testing.T) {
	tests := []struct {
		name, body string
		sandbox    func() Sandbox
		want       string
	}{
		{
			// numbers.range(1, 3e8) reached 3.8 GB before the memory bound.
			name: "numbers.range bomb",
			body: "n := count(numbers.range(1, 3e8))\n\tn > 0",
			sandbox: func() Sandbox {
				runtime.GC()
				return Sandbox{Timeout: time.Minute, MaxHeap: heapBytes() + 32<<20}
			},
			want: "stopped at the memory bound",
		},
		{
			name: "tight loop",
			body: "r := numbers.range(1, 100000)\n\tcount([1 | some i in r; some j in r; i + j < 0]) > 0",
			sandbox: func() Sandbox {
				return Sandbox{Timeout: 300 * time.Millisecond, MaxHeap: DefaultMaxHeap}
			},
			want: "stopped at the time bound of 300ms",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, file := userPolicy(t, "package acme.bomb\n\ndeny contains \"x\" if {\n\t"+tt.body+"\n}\n")
			sb := tt.sandbox()
			e, err := PrepareWith(context.Background(), []string{dir}, sb)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = e.Eval(context.Background(), sandboxInput)
			took := time.Since(start)
			want := file + " (package acme.bomb): " + tt.want
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Fatalf("Eval = %v\nwant prefix %q", err, want)
			}
			if took > 20*time.Second {
				t.Errorf("took %v", took)
			}
			t.Logf("%s after %v", err, took.Round(time.Millisecond))
		})
	}
}

func TestUserRuleIDs(t *testing.T) {
	tests := []struct {
		name, src string
		// atPrepare: refused when compiling (METADATA), else when evaluating.
		atPrepare bool
		want      string
	}{
		{
			name: "result with a built-in rule ID",
			src:  "package acme.ids\n\ndeny contains {\"id\": \"PX105\", \"msg\": \"looks like pxlint's\"} if true\n",
			want: `(package acme.ids): a deny result: rule ID "PX105" is reserved for pxlint's built-in rules`,
		},
		{
			name: "result with a lower-case built-in rule ID",
			src:  "package acme.ids\n\nwarn contains {\"id\": \"px999\", \"msg\": \"m\"} if true\n",
			want: `rule ID "px999" is reserved`,
		},
		{
			name: "result ID with a newline",
			src:  "package acme.ids\n\ndeny contains {\"id\": \"ACME1\\n::error title=x::y\", \"msg\": \"m\"} if true\n",
			want: `(package acme.ids): a deny result: rule ID "ACME1\n::error title=x::y" holds control characters`,
		},
		{
			name:      "METADATA with a built-in rule ID",
			src:       "# METADATA\n# custom:\n#   id: PX506\npackage acme.ids\n\ndeny contains \"x\" if false\n",
			atPrepare: true,
			want:      `:1: METADATA custom.id: rule ID "PX506" is reserved`,
		},
		{
			name:      "METADATA ID with an escape character",
			src:       "# METADATA\n# custom:\n#   id: \"ACME\\e[31m\"\npackage acme.ids\n\ndeny contains \"x\" if false\n",
			atPrepare: true,
			want:      `holds control characters`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, file := userPolicy(t, tt.src)
			e, err := Prepare(context.Background(), []string{dir})
			if !tt.atPrepare {
				if err != nil {
					t.Fatal(err)
				}
				_, err = e.Eval(context.Background(), sandboxInput)
			}
			if err == nil || !strings.HasPrefix(err.Error(), file) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v\nwant %s...%q", err, file, tt.want)
			}
		})
	}
}

// TestPrintIsErased: print stays allowed in user policies and writes nothing.
func TestPrintIsErased(t *testing.T) {
	dir, _ := userPolicy(t, "package acme.dbg\n\ndeny contains \"x\" if {\n\tprint(\"debugging\", input.variables)\n\tfalse\n}\n")
	e, err := Prepare(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Eval(context.Background(), sandboxInput); err != nil {
		t.Fatal(err)
	}
}

// TestBoundedBuiltins: built-ins whose result is a product of their
// arguments' sizes stop before building it (one step no cancellation can
// interrupt: a 3,000-element concat with a 1 MB separator peaked at 3 GB).
func TestBoundedBuiltins(t *testing.T) {
	const mb = `sep := sprintf("%01000000d", [1])` + "\n\t"
	tests := []struct {
		name, body, want string
	}{
		{"concat with a large separator", mb + `x := concat(sep, ["a" | some _ in numbers.range(1, 3000)])`, "concat would build a value of up to 2860 MiB"},
		{"replace of the empty string", mb + `x := replace(concat("", [sep, sep]), "", sep)`, "replace would build"},
		{"strings.replace_n of the empty string", mb + `x := strings.replace_n({"": sep}, sep)`, "strings.replace_n would build"},
		{"regex.replace expanding the match", mb + `x := regex.replace(sep, "1", "$0$0$0")`, "regex.replace would build"},
		{"split into characters", mb + `x := split(concat("", [sep | some _ in numbers.range(1, 3)]), "")`, "split would build"},
		{"indexof_n of the empty string", mb + `x := indexof_n(sep, "")`, "indexof_n would build"},
		{"sprintf with many wide verbs", `x := sprintf(concat("", ["%01000000d" | some _ in numbers.range(1, 100)]), [1])`, "sprintf would build"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, file := userPolicy(t, "package acme.big\n\ndeny contains \"x\" if {\n\t"+tt.body+"\n\tcount(x) > 0\n}\n")
			e, err := Prepare(context.Background(), []string{dir})
			if err != nil {
				t.Fatal(err)
			}
			_, err = e.Eval(context.Background(), sandboxInput)
			if err == nil || !strings.HasPrefix(err.Error(), file+" (package acme.big): ") || !strings.Contains(err.Error(), tt.want) ||
				strings.Contains(err.Error(), boundedPrefix) {
				t.Fatalf("Eval = %v, want %q", err, tt.want)
			}
		})
	}
	// The same built-ins at real sizes, and a type error still named as written.
	dir, _ := userPolicy(t, "package acme.ok\n\ndeny contains msg if {\n\tmsg := sprintf(\"%s-%s\", [concat(\",\", [\"a\", \"b\"]), replace(\"x.y\", \".\", \"-\")])\n}\n")
	e, err := Prepare(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	out, err := e.Eval(context.Background(), sandboxInput)
	if err != nil || len(out.Deny) == 0 || out.Deny[len(out.Deny)-1].Msg != "a,b-x-y" {
		t.Fatalf("Eval = %v, %v", out, err)
	}
	dir, _ = userPolicy(t, "package acme.bad\n\ndeny contains msg if {\n\tmsg := concat(1, 2)\n}\n")
	if _, err := Prepare(context.Background(), []string{dir}); err == nil || strings.Contains(err.Error(), boundedPrefix) || !strings.Contains(err.Error(), "concat") {
		t.Errorf("type error = %v", err)
	}
}

func TestBoundedStructuredBuiltins(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"json.marshal_with_options with a huge indent", `sep := sprintf("%01000000d", [1])` + "\n\t" + `x := json.marshal_with_options([[[[i]]] | some i in numbers.range(1, 100)], {"indent": sep, "pretty": true})`, "json.marshal_with_options would build"},
		{"json.patch copying the document", `doc := {"a": sprintf("%01000000d", [1])}` + "\n\t" + `x := json.patch(doc, [{"op": "copy", "from": "/a", "path": sprintf("/b%d", [i])} | some i in numbers.range(1, 100)])`, "json.patch would build"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, _ := userPolicy(t, "package acme.big\n\ndeny contains \"x\" if {\n\t"+tt.body+"\n\tcount(x) > 0\n}\n")
			e, err := Prepare(context.Background(), []string{dir})
			if err != nil {
				t.Fatal(err)
			}
			_, err = e.Eval(context.Background(), sandboxInput)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Eval = %v, want %q", err, tt.want)
			}
		})
	}
}
