package policy

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// The memory bound is checked between evaluation steps, but a few built-ins
// build a value whose size is a product of their arguments' sizes in one
// uncancellable call: concat(sep, list) is len(sep) × len(list), replace
// with an empty pattern is len(s) × len(new), a sprintf verb may pad to a
// million characters. In user policies these calls are rewritten to bounded
// versions (pxsandbox.NAME) that check the size of the result before
// building it and stop the evaluation when it would pass maxValueBytes.

// maxValueBytes bounds the value one of those calls may build; real
// policies build messages of a few hundred bytes.
const maxValueBytes = 64 << 20

// boundedPrefix names the bounded versions.
const boundedPrefix = "pxsandbox."

// resultSize estimates, from the operands, an upper bound of the bytes a
// built-in's result takes (ok false when the operands are not the expected
// types: the original built-in then reports that).
type resultSize func(operands []*ast.Term) (n int64, ok bool)

var bounded = map[string]resultSize{
	"concat": func(ops []*ast.Term) (int64, bool) {
		sep, ok := ops[0].Value.(ast.String)
		if !ok {
			return 0, false
		}
		var n, count int64
		add := func(t *ast.Term) {
			if s, ok := t.Value.(ast.String); ok {
				n += int64(len(s))
			}
			count++
		}
		switch c := ops[1].Value.(type) {
		case *ast.Array:
			c.Foreach(add)
		case ast.Set:
			c.Foreach(add)
		default:
			return 0, false
		}
		return n + int64(len(sep))*max(count-1, 0), true
	},
	"replace": func(ops []*ast.Term) (int64, bool) {
		s, ok1 := ops[0].Value.(ast.String)
		old, ok2 := ops[1].Value.(ast.String)
		repl, ok3 := ops[2].Value.(ast.String)
		if !ok1 || !ok2 || !ok3 {
			return 0, false
		}
		return replacedSize(string(s), string(old), int64(len(repl))), true
	},
	"strings.replace_n": func(ops []*ast.Term) (int64, bool) {
		patterns, ok1 := ops[0].Value.(ast.Object)
		s, ok2 := ops[1].Value.(ast.String)
		if !ok1 || !ok2 {
			return 0, false
		}
		n := int64(len(s))
		patterns.Foreach(func(k, v *ast.Term) {
			old, _ := k.Value.(ast.String)
			repl, _ := v.Value.(ast.String)
			n = max(n, replacedSize(string(s), string(old), int64(len(repl))))
		})
		return n, true
	},
	"regex.replace": func(ops []*ast.Term) (int64, bool) {
		s, ok1 := ops[0].Value.(ast.String)
		repl, ok2 := ops[2].Value.(ast.String)
		if !ok1 || !ok2 {
			return 0, false
		}
		// Every position may match, and each $n in the replacement may
		// expand to the whole input.
		per := int64(len(repl)) + int64(strings.Count(string(repl), "$"))*int64(len(s))
		return int64(len(s)) + int64(utf8.RuneCountInString(string(s))+1)*per, true
	},
	"sprintf": func(ops []*ast.Term) (int64, bool) {
		format, ok := ops[0].Value.(ast.String)
		if !ok {
			return 0, false
		}
		// Go's fmt caps a width or precision at a million; the values
		// themselves are already in memory.
		return int64(len(format)) + int64(strings.Count(string(format), "%"))*1_000_000, true
	},
	// One term per piece: an empty separator makes a term of every
	// character, about a hundred times the string's size.
	"split": func(ops []*ast.Term) (int64, bool) {
		s, ok1 := ops[0].Value.(ast.String)
		sep, ok2 := ops[1].Value.(ast.String)
		if !ok1 || !ok2 {
			return 0, false
		}
		return int64(len(s)) + pieces(string(s), string(sep))*termBytes, true
	},
	"indexof_n": func(ops []*ast.Term) (int64, bool) {
		s, ok1 := ops[0].Value.(ast.String)
		sub, ok2 := ops[1].Value.(ast.String)
		if !ok1 || !ok2 {
			return 0, false
		}
		return pieces(string(s), string(sub)) * termBytes, true
	},
	"json.marshal_with_options": func(ops []*ast.Term) (int64, bool) {
		opts, ok := ops[1].Value.(ast.Object)
		if !ok {
			return 0, false
		}
		pad := int64(0)
		for _, k := range []string{"prefix", "indent"} {
			if v := opts.Get(ast.StringTerm(k)); v != nil {
				if s, ok := v.Value.(ast.String); ok {
					pad += int64(len(s))
				}
			}
		}
		size, nodes, depth := measure(ops[0])
		// One line per node, each with the prefix and depth indents.
		return 2*size + nodes*pad*(depth+1), true
	},
	"json.patch": func(ops []*ast.Term) (int64, bool) {
		patches, ok := ops[1].Value.(*ast.Array)
		if !ok {
			return 0, false
		}
		size, _, _ := measure(ops[0])
		copies := int64(1)
		patches.Foreach(func(p *ast.Term) {
			if o, ok := p.Value.(ast.Object); ok {
				if op := o.Get(ast.StringTerm("op")); op != nil && op.Value.Compare(ast.String("copy")) == 0 {
					copies++
				}
			}
		})
		patchSize, _, _ := measure(ops[1])
		// Each copy may double the document.
		if copies > 62 {
			return maxValueBytes + 1, true
		}
		return size<<(copies-1) + patchSize, true
	},
}

// measure returns an estimate of a value's size in bytes, its number of
// nodes and its depth, stopping early once the size passes maxValueBytes
// (the caller only compares against it).
func measure(t *ast.Term) (size, nodes, depth int64) {
	var walk func(t *ast.Term, d int64)
	walk = func(t *ast.Term, d int64) {
		if size > maxValueBytes {
			return
		}
		nodes++
		depth = max(depth, d)
		switch v := t.Value.(type) {
		case ast.String:
			size += int64(len(v)) + 2
		case *ast.Array:
			size += 2
			v.Foreach(func(e *ast.Term) { walk(e, d+1) })
		case ast.Set:
			size += 2
			v.Foreach(func(e *ast.Term) { walk(e, d+1) })
		case ast.Object:
			size += 2
			v.Foreach(func(k, e *ast.Term) { walk(k, d+1); walk(e, d+1) })
		default:
			size += 8
		}
	}
	walk(t, 0)
	return size, nodes, depth
}

// termBytes is about what one small term costs in memory.
const termBytes = 96

// pieces counts the parts strings.Split(s, sep) makes.
func pieces(s, sep string) int64 {
	if sep == "" {
		return int64(utf8.RuneCountInString(s))
	}
	return int64(strings.Count(s, sep)) + 1
}

// replacedSize bounds strings.Replace(s, old, new, -1) for a new string of
// newLen bytes.
func replacedSize(s, old string, newLen int64) int64 {
	if newLen <= int64(len(old)) {
		return int64(len(s))
	}
	count := int64(utf8.RuneCountInString(s) + 1)
	if old != "" {
		count = int64(strings.Count(s, old))
	}
	return int64(len(s)) + count*(newLen-int64(len(old)))
}

func init() {
	for name, size := range bounded {
		orig := ast.BuiltinMap[name]
		impl := topdown.GetBuiltin(name)
		if orig == nil || impl == nil {
			panic("policy: no built-in " + name + " to bound")
		}
		ast.RegisterBuiltin(&ast.Builtin{Name: boundedPrefix + name, Decl: orig.Decl})
		topdown.RegisterBuiltinFunc(boundedPrefix+name, func(bctx topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
			if n, ok := size(ops); ok && n > maxValueBytes {
				return topdown.Halt{Err: fmt.Errorf("%s would build a value of up to %d MiB, over the sandbox's %d MiB per call", name, n>>20, maxValueBytes>>20)}
			}
			return impl(bctx, ops, iter)
		})
	}
}

// useBounded rewrites a user module's calls of the bounded built-ins to
// their bounded versions.
func useBounded(m *ast.Module) {
	rewrite := func(op *ast.Term) {
		ref, ok := op.Value.(ast.Ref)
		if !ok {
			return
		}
		if _, ok := bounded[ref.String()]; ok {
			op.Value = ast.MustParseRef(boundedPrefix + ref.String())
		}
	}
	ast.WalkTerms(m, func(t *ast.Term) bool {
		if c, ok := t.Value.(ast.Call); ok && len(c) > 0 {
			rewrite(c[0])
		}
		return false
	})
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		if terms, ok := e.Terms.([]*ast.Term); ok && e.IsCall() {
			rewrite(terms[0])
		}
		return false
	})
}

// unbounded names the bounded versions as users wrote them, in messages.
func unbounded(msg string) string {
	return strings.ReplaceAll(msg, boundedPrefix, "")
}
