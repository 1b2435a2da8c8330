// Command genregistry writes lint/rules/registry_gen.go from the built-in
// rules' METADATA (see lint/rules/internal/metadata). Run by
// `go generate ./lint/rules`; a METADATA block that is malformed or
// incomplete fails it with file:line.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pxlint/pxlint/lint/atomicfile"
	"github.com/pxlint/pxlint/lint/rules/internal/metadata"
)

func main() {
	root := flag.String("root", "../..", "repository root")
	out := flag.String("out", "registry_gen.go", "file to write")
	flag.Parse()
	src, err := metadata.Generate(*root)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := atomicfile.Write(*out, func(w io.Writer) error { _, err := w.Write(src); return err }); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
