// Command gensnapshot writes lint/policy/builtin.snapshot: the built-in
// policies compiled with every compiler stage (policy.BuildSnapshot). Run
// by `go generate ./lint/policy`; a policy that does not compile, or an AST
// node the snapshot codec does not know, fails it.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pxlint/pxlint/lint/atomicfile"
	"github.com/pxlint/pxlint/lint/policy"
)

func main() {
	out := flag.String("out", "builtin.snapshot", "file to write")
	flag.Parse()
	data, err := policy.BuildSnapshot()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := atomicfile.Write(*out, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
