package lint

import (
	"fmt"

	"github.com/pxlint/pxlint/lint/atomicfile"
)

// ioFile is a file a run reads or writes, with what it is for messages.
type ioFile struct {
	what, path string
	baseline   bool // the --baseline, which --write-baseline may rewrite
}

// checkOutputs refuses (exit code 2) a run whose output files would
// overwrite one another or one of its inputs, however the paths are spelled
// (a.json and $PWD/a.json, a symlink, a hard link): a report named like a
// script, a --write-baseline equal to a report. Rewriting the --baseline in
// place with --write-baseline is the one overlap allowed: it is how a
// baseline is refreshed.
func (e *engine) checkOutputs(cands []candidate) error {
	var outs []ioFile
	for _, p := range e.opts.ReportPaths {
		outs = append(outs, ioFile{what: "report " + p, path: p})
	}
	if p := e.opts.WriteBaselinePath; p != "" {
		outs = append(outs, ioFile{what: "--write-baseline " + p, path: p})
	}
	if len(outs) == 0 {
		return nil
	}
	for i := range outs {
		for _, o := range outs[i+1:] {
			if atomicfile.Same(outs[i].path, o.path) {
				return fmt.Errorf("%s and %s are the same file", outs[i].what, o.what)
			}
		}
	}
	ins := e.inputFiles(cands)
	for _, o := range outs {
		for _, in := range ins {
			if in.baseline && o.path == e.opts.WriteBaselinePath {
				continue
			}
			if atomicfile.Same(o.path, in.path) {
				return fmt.Errorf("%s would overwrite the %s", o.what, in.what)
			}
		}
	}
	return nil
}

// inputFiles lists the files a run reads that an output could overwrite.
func (e *engine) inputFiles(cands []candidate) []ioFile {
	var ins []ioFile
	add := func(what, p string) {
		if p != "" {
			ins = append(ins, ioFile{what: what + " " + p, path: p, baseline: what == "--baseline"})
		}
	}
	for _, c := range cands {
		add("script", c.path)
	}
	add("--cert", e.opts.CertPath)
	for _, p := range e.opts.NodeCerts {
		add("--node-cert", p)
	}
	for _, p := range e.opts.CAFiles {
		add("--ca-file", p)
	}
	add("--facts", e.opts.FactsPath)
	add("--inventory", e.opts.InventoryPath)
	add("--baseline", e.opts.BaselinePath)
	add("config", e.opts.ConfigPath)
	e.mu.Lock()
	for _, p := range sortedKeys(e.configs) {
		add("config", p)
	}
	e.mu.Unlock()
	return ins
}
