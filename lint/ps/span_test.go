package ps

import (
	"testing"
)

// TestNodeSpans: node spans slice back to exactly the source they were parsed from.
func TestNodeSpans(t *testing.T) {
	text := "$PxNodesSourceAddressPrefixes = @(\r\n    \"80.213.4.17\",\r\n    80.213.4.18  # bare\r\n) + $PxMgmtSrcAddrPrefixes\r\n" +
		"$PxRG = \"$($PxBase)-TeamsConn-$PxRegion-RG\"\r\n" +
		".\\create_vmss_deployment.ps1 -SubscriptionId:$PxSub `\r\n  -PfxPath “x.pfx”\r\n"
	src := NewSource(text)
	f := Parse(src, DefaultLimits())
	if len(f.Diagnostics) != 0 {
		t.Fatalf("diagnostics: %v", f.Diagnostics)
	}
	slice := func(n Node) string { return src.Slice(n.NodeSpan()) }
	expect := func(what string, n Node, want string) {
		t.Helper()
		if got := slice(n); got != want {
			t.Errorf("%s: span %v slices %q, want %q", what, n.NodeSpan(), got, want)
		}
	}

	a := f.Statements[0].(*AssignmentStmt)
	expect("assignment", a, "$PxNodesSourceAddressPrefixes = @(\r\n    \"80.213.4.17\",\r\n    80.213.4.18  # bare\r\n) + $PxMgmtSrcAddrPrefixes")
	expect("target", a.Target, "$PxNodesSourceAddressPrefixes")
	if a.OpSpan.Start.Col != 31 || src.Slice(a.OpSpan) != "=" {
		t.Errorf("operator span %v", a.OpSpan)
	}
	sum := a.ValueExpr().(*BinaryExpr)
	arr := sum.Left.(*ArrayExpr)
	elems, ok := arr.Elements()
	if !ok || len(elems) != 2 {
		t.Fatalf("elements %v %v", elems, ok)
	}
	expect("quoted element", elems[0], "\"80.213.4.17\"")
	expect("bare element", elems[1], "80.213.4.18")
	if sp := elems[1].NodeSpan(); sp.Start.Line != 3 || sp.Start.Col != 5 || sp.End.Col != 16 {
		t.Errorf("bare element span %v, want 3:5-3:16", sp)
	}
	if ok, num := NumericMemberChain(elems[1]); !ok || num.Text != "80.213" {
		t.Errorf("NumericMemberChain = %v %v", ok, num)
	}
	expect("right operand", sum.Right, "$PxMgmtSrcAddrPrefixes")

	rg := f.Statements[1].(*AssignmentStmt).ValueExpr().(*ExpandableString)
	wantParts := []string{"$($PxBase)", "-TeamsConn-", "$PxRegion", "-RG"}
	if len(rg.Parts) != len(wantParts) {
		t.Fatalf("parts: %s", Sexpr(rg))
	}
	for i, p := range rg.Parts {
		expect("string part", p, wantParts[i])
	}
	inner := rg.Parts[0].(*SubExpression).Statements[0]
	expect("sub-expression statement", inner, "$PxBase")

	cmd := f.Statements[2].(*Pipeline).Elements[0].(*Command)
	expect("command", cmd, ".\\create_vmss_deployment.ps1 -SubscriptionId:$PxSub `\r\n  -PfxPath “x.pfx”")
	expect("command name", cmd.Name, ".\\create_vmss_deployment.ps1")
	expect("colon parameter", cmd.Elements[0], "-SubscriptionId:$PxSub")
	expect("parameter", cmd.Elements[1], "-PfxPath")
	expect("typographic argument", cmd.Elements[2], "“x.pfx”")
	if sp := cmd.Elements[2].NodeSpan(); sp.Start.Line != 7 || sp.Start.Col != 12 || sp.End.Col != 19 {
		t.Errorf("argument span %v, want 7:12-7:19", sp)
	}
}

func TestExpandableStringValues(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"a` + "`" + `$b"`, `(str double "a$b")`},
		{`"tab` + "`t" + `end"`, `(str double "tab\tend")`},
		{`"$x:y"`, `(xstr double $x:y)`},
		{`"$x:"`, `(xstr double $x ":")`},
		{`"$x.Name"`, `(xstr double $x ".Name")`},
		{`"${x}y"`, `(xstr double $x "y")`},
		{`"$$ $_"`, `(xstr double $$ " " $_)`},
		{`"cost: $ 5"`, `(str double "cost: $ 5")`},
		{`"$"`, `(str double "$")`},
		{`'$x ` + "`" + `n'`, `(str single "$x ` + "`" + `n")`},
		{"@\"\r\nA\r\n\"@", `(str here-double "A")`},
		{"@\"\n\n\"@", `(str here-double "")`},
		{"@'\nx\n  '@ y\n'@", `(str here-single "x\n  '@ y")`},
		{"„low9”", `(str double "low9")`},
		{"‚x‛", `(str single "x")`},
		{"'it’’s'", `(str single "it’s")`},
	}
	for _, tc := range tests {
		f, got := parseText(t, tc.in)
		if got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.in, got, tc.want)
		}
		for _, d := range f.Diagnostics {
			t.Errorf("%q: %s %s", tc.in, d.Rule, d.Message)
		}
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		in    string
		isInt bool
		i     int64
		f     float64
		mult  string
		hex   bool
	}{
		{"42", true, 42, 0, "", false},
		{"0x1F", true, 31, 0, "", true},
		{"0xFFFFFFFF", true, -1, 0, "", true},
		{"1kb", true, 1024, 0, "kb", false},
		{"2MB", true, 2 << 20, 0, "mb", false},
		{"1.5gb", false, 0, 1.5 * (1 << 30), "gb", false},
		{"1e3", false, 0, 1000, "", false},
		{".5", false, 0, 0.5, "", false},
		{"10L", true, 10, 0, "", false},
		{"99999999999999999999", false, 0, 1e20, "", false},
	}
	for _, tc := range tests {
		_, got := parseText(t, "$n = "+tc.in)
		f := Parse(NewSource("$n = "+tc.in), DefaultLimits())
		n, ok := f.Statements[0].(*AssignmentStmt).ValueExpr().(*Number)
		if !ok {
			t.Errorf("%s: not a number: %s", tc.in, got)
			continue
		}
		if n.IsInt != tc.isInt || n.Int != tc.i || n.Float != tc.f || n.Multiplier != tc.mult || n.Hex != tc.hex || n.Invalid {
			t.Errorf("%s: %+v", tc.in, *n)
		}
	}
}
