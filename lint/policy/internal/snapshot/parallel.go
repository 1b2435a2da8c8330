package snapshot

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// modulePart is one module of an engine's directory: its name and its
// bytes' range in the reader's data.
type modulePart struct {
	name       string
	start, end int
}

// directory reads an engine's module directory and leaves r after the
// modules it describes.
func (r *reader) directory() []modulePart {
	n := r.count()
	parts := make([]modulePart, n)
	sizes := 0
	for i := range parts {
		parts[i].name = r.str()
		size := r.count()
		parts[i].start, parts[i].end = sizes, sizes+size
		sizes += size
	}
	if r.err != nil {
		return nil
	}
	if sizes > r.end-r.pos {
		r.fail(errCorrupt)
		return nil
	}
	for i := range parts {
		parts[i].start += r.pos
		parts[i].end += r.pos
	}
	r.pos += sizes
	return parts
}

// decodeWorkers is how many goroutines decode an engine's modules: one
// per core (up to 4), as the restore is on the critical path of a run.
func decodeWorkers() int {
	return min(runtime.GOMAXPROCS(0), 4)
}

// modules decodes the parts with up to workers goroutines, each taking a
// run of modules of about equal bytes with a reader (and node blocks) of
// its own; the string table and the sources are only read. The first
// error in module order wins, as a serial decode's would. It returns the
// modules and their rules flagged Indexed.
func (r *reader) modules(parts []modulePart, workers int) ([]*ast.Module, []*ast.Rule) {
	modules := make([]*ast.Module, len(parts))
	runs := split(parts, workers)
	errs := make([]error, len(runs))
	indexed := make([][]*ast.Rule, len(runs))
	var wg sync.WaitGroup
	for i := 1; i < len(runs); i++ {
		wg.Go(func() { indexed[i], errs[i] = r.decodeRun(parts, runs[i], modules) })
	}
	if len(runs) > 0 {
		indexed[0], errs[0] = r.decodeRun(parts, runs[0], modules)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			r.fail(err)
			break
		}
	}
	var all []*ast.Rule
	for _, rs := range indexed {
		all = append(all, rs...)
	}
	return modules, all
}

// split cuts parts into at most n runs [from, to) of about equal bytes.
func split(parts []modulePart, n int) [][2]int {
	if len(parts) == 0 || n < 1 {
		return nil
	}
	total := parts[len(parts)-1].end - parts[0].start
	var runs [][2]int
	from := 0
	for i, p := range parts {
		// Close a run once it holds its share of the bytes.
		share := total * (len(runs) + 1) / n
		if p.end-parts[0].start >= share && len(runs) < n-1 {
			runs = append(runs, [2]int{from, i + 1})
			from = i + 1
		}
	}
	if from < len(parts) {
		runs = append(runs, [2]int{from, len(parts)})
	}
	return runs
}

// decodeRun decodes the modules parts[run[0]:run[1]] into modules and
// returns their rules flagged Indexed.
func (r *reader) decodeRun(parts []modulePart, run [2]int, modules []*ast.Module) (indexed []*ast.Rule, err error) {
	defer func() {
		// Decoding never panics by design (FuzzDecode); a flaw must not
		// take the process down from a goroutine no one recovers in.
		if p := recover(); p != nil {
			indexed, err = nil, fmt.Errorf("snapshot: %v", p)
		}
	}()
	mr := &reader{data: r.data, table: r.table, sources: r.sources}
	for i := run[0]; i < run[1]; i++ {
		// Locations are numbered per module (tagLocationRef).
		mr.pos, mr.end, mr.locs, mr.depth = parts[i].start, parts[i].end, mr.locs[:0], 0
		modules[i] = mr.module()
		if mr.err != nil {
			return nil, mr.err
		}
		if mr.pos != mr.end {
			return nil, errCorrupt
		}
	}
	return mr.indexed, nil
}
