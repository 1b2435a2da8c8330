package ps

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Sexpr renders a node as a compact S-expression, for the parser's tests
// and goldens (`pxlint inspect` prints the policy input). Spans are omitted.
func Sexpr(n Node) string {
	var b strings.Builder
	writeSexpr(&b, n)
	return b.String()
}

func writeSexpr(b *strings.Builder, n Node) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	list := func(head string, nodes ...Node) {
		b.WriteString("(" + head)
		for _, x := range nodes {
			b.WriteByte(' ')
			writeSexpr(b, x)
		}
		b.WriteByte(')')
	}
	stmts := func(ss []Statement) []Node {
		out := make([]Node, 0, len(ss))
		for _, s := range ss {
			out = append(out, s)
		}
		return out
	}
	exprs := func(xs []Expression) []Node {
		out := make([]Node, 0, len(xs))
		for _, x := range xs {
			out = append(out, x)
		}
		return out
	}
	if n == nil || reflect.ValueOf(n).IsNil() {
		b.WriteString("nil")
		return
	}
	switch n := n.(type) {
	case *AssignmentStmt:
		list("assign "+n.Operator, n.Target, n.Value)
	case *ExpressionStmt:
		if len(n.Redirections) > 0 {
			nodes := []Node{n.X}
			for _, r := range n.Redirections {
				nodes = append(nodes, r)
			}
			list("expr", nodes...)
			return
		}
		writeSexpr(b, n.X)
	case *Pipeline:
		if len(n.Elements) == 1 {
			writeSexpr(b, n.Elements[0])
			return
		}
		nodes := make([]Node, 0, len(n.Elements))
		for _, e := range n.Elements {
			nodes = append(nodes, e)
		}
		list("pipe", nodes...)
	case *PipelineChain:
		list("chain "+n.Operator, n.Left, n.Right)
	case *Command:
		head := "cmd"
		switch n.Invocation {
		case InvokeCall:
			head = "call"
		case InvokeDot:
			head = "dot"
		}
		nodes := []Node{n.Name}
		for _, e := range n.Elements {
			nodes = append(nodes, e)
		}
		for _, r := range n.Redirections {
			nodes = append(nodes, r)
		}
		list(head, nodes...)
	case *CommandParameter:
		if n.Colon {
			list("param -"+n.Name+":", n.Argument)
			return
		}
		w("-%s", n.Name)
	case *Redirection:
		if n.Target == nil {
			w("(redir %s)", n.Operator)
			return
		}
		list("redir "+n.Operator, n.Target)
	case *CommandExpr:
		if len(n.Redirections) > 0 {
			nodes := []Node{n.X}
			for _, r := range n.Redirections {
				nodes = append(nodes, r)
			}
			list("expr", nodes...)
			return
		}
		writeSexpr(b, n.X)
	case *IfStmt:
		nodes := []Node{}
		for _, c := range n.Clauses {
			nodes = append(nodes, c)
		}
		if n.Else != nil {
			nodes = append(nodes, n.Else)
		}
		list("if", nodes...)
	case *IfClause:
		list(n.Keyword, n.Condition, n.Body)
	case *ForeachStmt:
		list("foreach", n.Variable, n.Iterable, n.Body)
	case *ForStmt:
		list("for", n.Init, n.Condition, n.Step, n.Body)
	case *WhileStmt:
		list("while", n.Condition, n.Body)
	case *DoStmt:
		kw := "do-while"
		if n.Until {
			kw = "do-until"
		}
		list(kw, n.Body, n.Condition)
	case *SwitchStmt:
		nodes := []Node{n.Value}
		for _, c := range n.Clauses {
			nodes = append(nodes, c)
		}
		if n.Default != nil {
			nodes = append(nodes, n.Default)
		}
		list("switch", nodes...)
	case *SwitchClause:
		list("case", n.Pattern, n.Body)
	case *TryStmt:
		nodes := []Node{n.Body}
		for _, c := range n.Catches {
			nodes = append(nodes, c)
		}
		if n.Finally != nil {
			nodes = append(nodes, n.Finally)
		}
		list("try", nodes...)
	case *CatchClause:
		nodes := []Node{}
		for _, t := range n.Types {
			nodes = append(nodes, t)
		}
		list("catch", append(nodes, n.Body)...)
	case *FunctionDef:
		nodes := []Node{}
		for _, p := range n.Params {
			nodes = append(nodes, p)
		}
		list(n.Keyword+" "+n.Name, append(nodes, n.Body)...)
	case *FlowStmt:
		if n.Value == nil {
			w("(%s)", n.Keyword)
			return
		}
		list(n.Keyword, n.Value)
	case *BlockStmt:
		list("block", stmts(n.Statements)...)
	case *BadStatement:
		w("(bad-stmt %q)", n.Text)
	case *StringLiteral:
		w("(str %s %q)", n.Quote, n.Value)
	case *ExpandableString:
		q := n.Quote.String()
		if q == "" {
			q = "bare"
		}
		list("xstr "+q, exprs(n.Parts)...)
	case *StringText:
		w("%q", n.Value)
	case *Number:
		if n.IsInt {
			w("%d", n.Int)
		} else {
			b.WriteString(strconv.FormatFloat(n.Float, 'g', -1, 64))
		}
	case *Variable:
		prefix := "$"
		if n.Splat {
			prefix = "@"
		}
		if n.Scope != "" {
			w("%s%s:%s", prefix, n.Scope, n.Name)
		} else {
			w("%s%s", prefix, n.Name)
		}
	case *ArrayExpr:
		list("@", stmts(n.Statements)...)
	case *ArrayLiteral:
		list(",", exprs(n.Elements)...)
	case *Hashtable:
		nodes := []Node{}
		for _, e := range n.Entries {
			nodes = append(nodes, e)
		}
		list("hash", nodes...)
	case *HashEntry:
		list("=", n.Key, n.Value)
	case *ParenExpr:
		list("paren", n.Inner)
	case *SubExpression:
		list("$", stmts(n.Statements)...)
	case *MemberExpr:
		op := "."
		if n.Static {
			op = "::"
		}
		list(op, n.Target, n.Member)
	case *InvokeMemberExpr:
		op := ".call"
		if n.Static {
			op = "::call"
		}
		list(op, append([]Node{n.Target, n.Member}, exprs(n.Args)...)...)
	case *IndexExpr:
		list("index", n.Target, n.Index)
	case *TypeLiteral:
		w("[%s]", n.Name)
	case *ConvertExpr:
		list("cast", n.Type, n.X)
	case *UnaryExpr:
		if n.Postfix {
			list("post"+n.Op, n.X)
			return
		}
		list(n.Op, n.X)
	case *BinaryExpr:
		list(n.Op, n.Left, n.Right)
	case *TrapStmt:
		nodes := []Node{}
		if n.Type != nil {
			nodes = append(nodes, n.Type)
		}
		if n.Body != nil {
			nodes = append(nodes, n.Body)
		}
		list("trap", nodes...)
	case *DataStmt:
		head := "data"
		if n.Name != "" {
			head += " " + n.Name
		}
		if n.Body != nil {
			list(head, n.Body)
		} else {
			list(head)
		}
	case *TypeDef:
		nodes := []Node{}
		for _, m := range n.Members {
			nodes = append(nodes, m)
		}
		w("(%s %s", n.Keyword, n.Name)
		for _, b := range n.BaseTypes {
			w(" :%s", b)
		}
		for _, m := range nodes {
			w(" ")
			writeSexpr(b, m)
		}
		w(")")
	case *TypeMember:
		nodes := exprs(n.Attributes)
		for _, p := range n.Params {
			nodes = append(nodes, p)
		}
		if n.Body != nil {
			nodes = append(nodes, n.Body)
		}
		if n.Value != nil {
			nodes = append(nodes, n.Value)
		}
		kind := "prop"
		if n.Method {
			kind = "method"
		}
		list(kind+" "+strings.Join(append(append([]string{}, n.Modifiers...), n.Name), " "), nodes...)
	case *TernaryExpr:
		nodes := []Node{n.Condition, n.IfTrue}
		if n.IfFalse != nil {
			nodes = append(nodes, n.IfFalse)
		}
		list("?:", nodes...)
	case *ScriptBlockExpr:
		writeSexpr(b, n.Block)
	case *ScriptBlock:
		nodes := []Node{}
		if n.Params != nil {
			nodes = append(nodes, n.Params)
		}
		for _, nb := range n.Named {
			nodes = append(nodes, nb)
		}
		list("sb", append(nodes, stmts(n.Statements)...)...)
	case *NamedBlock:
		list(n.Name, n.Body)
	case *ParamBlock:
		nodes := []Node{}
		for _, p := range n.Params {
			nodes = append(nodes, p)
		}
		list("params", nodes...)
	case *ParamDecl:
		nodes := exprs(n.Attributes)
		nodes = append(nodes, n.Variable)
		if n.Default != nil {
			nodes = append(nodes, n.Default)
		}
		list("param", nodes...)
	case *BareWord:
		w("%s", n.Value)
	case *BadExpr:
		w("(bad %q)", n.Text)
	default:
		w("(?%T)", n)
	}
}
