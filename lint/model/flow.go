package model

import "github.com/pxlint/pxlint/lint/ps"

// Secrets are found by data flow, not by the shape of a statement: a value
// that reaches a secret sink (a secret-named variable or parameter,
// ConvertTo-SecureString, -AsPlainText, a credential constructor, a
// [securestring] cast, the PFX password environment variable) is secret at
// its source, and every literal it was computed from is masked.
//
// The evaluator appends every literal it evaluates, and the flow of every
// variable it reads, to a trace; what a value came from is the part of the
// trace appended while it was evaluated. An assignment keeps that part as
// the variable's flow, so `$plain = "S"; $PxAppPassword = $plain` reaches
// the literal through $plain. A sink marks the literals of its part of the
// trace. Evaluation then runs a second time with those literals known to be
// secret from the start, so that nothing recorded before the sink was
// reached ($plain's value and text, a snippet of the literal's own line)
// can carry them.

// flowItem is one entry of the trace: a literal written in a file, or the
// flow of a variable that was read (span is then where it was read).
type flowItem struct {
	file *fileCtx
	span ps.Span
	node *flowNode // non-nil for a variable read
}

// flowNode is what one assigned value came from. It never changes once
// built; sunk records that a sink already marked everything it reaches.
type flowNode struct {
	items []flowItem
	sunk  bool
}

// literalKey identifies a literal across the two evaluation passes.
type literalKey struct {
	file       string
	start, end int
}

func keyOf(f *fileCtx, sp ps.Span) literalKey {
	return literalKey{file: f.rel, start: sp.Start.Offset, end: sp.End.Offset}
}

// traceMark is where the trace of a value starts.
func (e *evaluator) traceMark() int { return len(e.trace) }

// literal records a literal in the trace. In the second pass, a literal
// that reaches a sink becomes a secret here, at its source, and its span is
// masked; v is what it evaluates to otherwise.
func (e *evaluator) literal(sp ps.Span, v value) value {
	e.trace = append(e.trace, flowItem{file: e.cur, span: sp})
	if e.knownSecrets == nil || !e.knownSecrets[keyOf(e.cur, sp)] {
		return v
	}
	if e.recording() {
		e.addSecret(sp)
	}
	if v.kind == KindSecret {
		return v
	}
	if v.isKnown() && v.kind != KindArray && v.kind != KindHashtable {
		s, _ := psString(v)
		return value{kind: KindSecret, secret: describeSecret(s)}
	}
	return value{kind: KindSecret, secret: &Secret{}, reason: v.reason}
}

// readFlow records, in the trace, that a variable's value was read at sp.
func (e *evaluator) readFlow(n *flowNode, sp ps.Span) {
	if n != nil {
		e.trace = append(e.trace, flowItem{file: e.cur, span: sp, node: n})
	}
}

// flowSince returns the trace from mark as a node (nil when empty).
func (e *evaluator) flowSince(mark int) *flowNode {
	if mark >= len(e.trace) {
		return nil
	}
	items := make([]flowItem, len(e.trace)-mark)
	copy(items, e.trace[mark:])
	return &flowNode{items: items}
}

// sinkSince marks every literal the trace from mark reaches as secret.
func (e *evaluator) sinkSince(mark int) { e.sinkRange(mark, len(e.trace), nil) }

// sinkRange marks every literal the trace from..to reaches as secret,
// except what was written or read inside the span skip (the user name of
// a credential); skip may be nil.
func (e *evaluator) sinkRange(from, to int, skip *ps.Span) {
	to = min(to, len(e.trace))
	if from >= to {
		return
	}
	if skip == nil {
		e.sinkItems(e.trace[from:to])
		return
	}
	for _, it := range e.trace[from:to] {
		if it.file == e.cur && skip.Start.Offset <= it.span.Start.Offset && it.span.End.Offset <= skip.End.Offset {
			continue
		}
		e.sinkItems([]flowItem{it})
	}
}

// sink marks every literal a flow reaches as secret.
func (e *evaluator) sink(n *flowNode) {
	if n != nil && !n.sunk {
		n.sunk = true
		e.sinkItems(n.items)
	}
}

// sinkItems walks trace items iteratively (flows chain as deep as a script
// is long) and marks their literals. A node is walked at most once per
// evaluation, so repeated sinks cost linear time overall.
func (e *evaluator) sinkItems(items []flowItem) {
	stack := [][]flowItem{items}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, it := range top {
			if it.node == nil {
				e.flowSecrets[keyOf(it.file, it.span)] = true
				continue
			}
			if !it.node.sunk {
				it.node.sunk = true
				stack = append(stack, it.node.items)
			}
		}
	}
}
