package ps

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// benchScripts: the 60-line vendor-style fixture and a generated
// 10,000-line script of the same kind of statements.
func benchScripts(b *testing.B) map[string][]byte {
	b.Helper()
	typical, err := os.ReadFile("testdata/parse/vendor.ps1")
	if err != nil {
		b.Fatal(err)
	}
	var big strings.Builder
	for i := 0; big.Len() == 0 || strings.Count(big.String(), "\n") < 10000; i++ {
		fmt.Fprintf(&big, "# block %d\n$PxName%d = \"value-%d\"\n$PxList%d = @(\"10.0.%d.0/24\", '192.0.2.%d') + $PxName%d\n", i, i, i, i, i%256, i%256, i)
		fmt.Fprintf(&big, "if ($PxName%d -ne '') { Write-Host \"Name: $($PxName%d) $PxList%d\" -ForegroundColor Green }\n", i, i, i)
		fmt.Fprintf(&big, "New-AzResourceGroup -Name \"rg-$PxName%d\" -Location westeurope -Tag @{ n = %d } | Out-Null\n", i, i)
	}
	return map[string][]byte{"typical-60-lines": typical, "generated-10000-lines": []byte(big.String())}
}

func BenchmarkDecode(b *testing.B) {
	for name, data := range benchScripts(b) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Decode(data)
			}
		})
	}
}

// BenchmarkLex measures the token stream alone: the lexer driven flat in
// expression mode (no parser), which is the lexer's own speed.
func BenchmarkLex(b *testing.B) {
	for name, data := range benchScripts(b) {
		src := Decode(data)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				lx := &lexer{text: src.Text, cut: -1}
				n := 0
				for i := 0; i < len(src.Text); n++ {
					i = lx.scan(i, len(src.Text), modeExpr).end
				}
				if n == 0 {
					b.Fatal("no tokens")
				}
			}
		})
	}
}

// BenchmarkParse measures Decode + Parse (what pxlint does per file; Lex
// costs the same since the parser drives the lexer).
func BenchmarkParse(b *testing.B) {
	for name, data := range benchScripts(b) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				_, f := ParseBytes(data, DefaultLimits())
				if len(f.Diagnostics) != 0 {
					b.Fatal(f.Diagnostics)
				}
			}
		})
	}
}
