package integration

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestTestsStayInsideTheModule: no test names a path outside the module
// (such as ../shared beside the clone), so a clone from GitHub runs the same
// tests. Files that come from elsewhere are copied into testdata/ with their
// origin (docs/CONTRIBUTING.md); lint/internal/testenv alone looks at
// shared/, to check those copies.
func TestTestsStayInsideTheModule(t *testing.T) {
	root := repoRoot(t)
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); p != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		dir := filepath.Dir(p)
		ast.Inspect(f, func(n ast.Node) bool {
			var rel string
			switch n := n.(type) {
			case *ast.BasicLit:
				rel = relativeLiteral(n)
			case *ast.CallExpr:
				rel = joinedDots(n)
			}
			if rel == "" {
				return true
			}
			if target := filepath.Join(dir, filepath.FromSlash(rel)); !within(root, target) {
				t.Errorf("%s: %q leaves the module (%s): copy what the test needs into testdata/", fset.Position(n.Pos()), rel, target)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// relativeLiteral is a string literal's value when it is a path starting
// with "../".
func relativeLiteral(lit *ast.BasicLit) string {
	if lit.Kind != token.STRING {
		return ""
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil || !strings.HasPrefix(s, "../") {
		return ""
	}
	return s
}

// joinedDots is the path of the leading ".." arguments of a *.Join call
// (filepath.Join("..", "..", "x") → "../.."), "" when it has none.
func joinedDots(call *ast.CallExpr) string {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Join" {
		return ""
	}
	var dots []string
	for _, a := range call.Args {
		lit, ok := a.(*ast.BasicLit)
		if !ok || lit.Value != `".."` {
			break
		}
		dots = append(dots, "..")
	}
	return strings.Join(dots, "/")
}

func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
