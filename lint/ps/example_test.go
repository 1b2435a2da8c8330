package ps_test

import (
	"fmt"

	"github.com/pxlint/pxlint/lint/ps"
)

func Example() {
	script := []byte("\xEF\xBB\xBF$PxNodesSourceAddressPrefixes = @(\r\n  \"80.213.4.17\",\r\n  80.213.4.18\r\n)\r\n")
	src, file := ps.ParseBytes(script, ps.DefaultLimits())
	fmt.Println(src.Encoding, src.BOM, src.Newline, src.LineCount())

	assign := file.Statements[0].(*ps.AssignmentStmt)
	fmt.Println(assign.TargetVariable().Name, assign.Operator)
	elems, _ := assign.ValueExpr().(*ps.ArrayExpr).Elements()
	for _, e := range elems {
		bare, _ := ps.NumericMemberChain(e)
		fmt.Printf("%s %q bare=%v\n", e.NodeSpan(), src.Slice(e.NodeSpan()), bare)
	}
	// Output:
	// utf-8 true crlf 4
	// PxNodesSourceAddressPrefixes =
	// 2:3-2:16 "\"80.213.4.17\"" bare=false
	// 3:3-3:14 "80.213.4.18" bare=true
}
