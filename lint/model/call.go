package model

import (
	"strings"

	"github.com/pxlint/pxlint/lint/ps"
)

// commandReasons say why a command's output is unknown; interactive ones
// win when a pipeline has several commands.
var commandReasons = map[string]string{
	"read-host":              "Read-Host needs user input",
	"get-credential":         "Get-Credential needs user input",
	"convertto-securestring": "ConvertTo-SecureString output is a SecureString, known only at run time",
	"new-object":             "New-Object output needs execution",
}

func commandReason(name string) (reason string, interactive bool) {
	for k, r := range commandReasons {
		if strings.EqualFold(k, name) {
			return r, k == "read-host" || k == "get-credential"
		}
	}
	return "output of " + name + " needs execution", false
}

// command records a command call with its parameters bound, and returns
// why its output is unknown.
func (e *evaluator) command(c *ps.Command) (reason string, interactive bool) {
	if c.Invocation == ps.InvokeDot {
		return e.dotSource(c), false
	}
	saved := e.refCtx
	e.refCtx = "argument"
	defer func() { e.refCtx = saved }()

	text := c.NameText
	name := ""
	if text != "" {
		name = canonicalCommandName(text)
		if c.Invocation == ps.InvokeDirect && c.Name != nil && !looksLikeCommand(text) {
			// `$PxAppPassword = $a = Hunter2`: a bare word PowerShell would
			// run is a literal that can reach a secret sink.
			if v := e.literal(c.Name.NodeSpan(), known(text)); v.kind == KindSecret {
				text, name = "", ""
			}
		}
	} else {
		if c.Name != nil {
			e.eval(c.Name)
			text = e.text(c.Name.NodeSpan())
		}
		name = text
	}
	tab := lookupCommand(name)
	idx := -1
	if e.recording() {
		// Reserve the slot now so that commands nested in arguments come
		// after this one, in source order.
		e.in.Commands = append(e.in.Commands, Command{})
		idx = len(e.in.Commands) - 1
	}
	cmd := Command{
		Name:        name,
		Text:        text,
		Line:        c.Span.Start.Line,
		Column:      c.Span.Start.Col,
		Span:        toSpan(c.Span),
		Parameters:  []Parameter{},
		Positional:  []Argument{},
		Conditional: e.cond > 0,
	}
	var args []argFlow
	var splats []splatFlow
	for i := 0; i < len(c.Elements); i++ {
		switch el := c.Elements[i].(type) {
		case *ps.CommandParameter:
			canon, ok := tab.bindParameter(el.Name)
			if !ok {
				canon = el.Name
			}
			p := Parameter{
				Name:    canon,
				Written: el.Name,
				Line:    el.Span.Start.Line,
				Column:  el.Span.Start.Col,
				Span:    toSpan(el.Span),
			}
			secret := tab.isSecretParameter(canon)
			var arg ps.Expression
			switch {
			case el.Colon:
				arg = el.Argument
			case tab.isSwitch(canon):
			case i+1 < len(c.Elements):
				if x, isExpr := c.Elements[i+1].(ps.Expression); isExpr && !isSplat(x) {
					arg = x
					i++
				}
			}
			if arg != nil {
				mark := e.traceMark()
				a := e.argument(arg, secret)
				args = append(args, argFlow{param: canon, node: arg, from: mark, to: e.traceMark()})
				p.Value = &a
				p.Span = toSpan(el.Span.Join(arg.NodeSpan()))
			} else {
				p.Switch = true
			}
			cmd.Parameters = append(cmd.Parameters, p)
		case ps.Expression:
			if v, ok := el.(*ps.Variable); ok && v.Splat {
				splats = append(splats, e.splat(v, tab, &cmd)...)
				continue
			}
			mark := e.traceMark()
			cmd.Positional = append(cmd.Positional, e.argument(el, tab != nil && tab.SecretPositional))
			args = append(args, argFlow{position: len(cmd.Positional), node: el, from: mark, to: e.traceMark()})
		}
	}
	e.commandSinks(tab, &cmd, args, splats)
	if idx >= 0 {
		e.in.Commands[idx] = cmd
	}
	return commandReason(name)
}

// argFlow is where in the trace one argument's flow is: a parameter's
// value (param is its canonical name) or the position-th positional
// argument (1-based).
type argFlow struct {
	param    string
	position int
	node     ps.Expression
	from, to int
}

// splatFlow is one entry of a splatted hashtable, bound to a parameter.
type splatFlow struct {
	param string
	flow  *flowNode
}

// commandSinks marks what flows into a command's secret inputs as secret:
// secret parameters (-*Password*, ConvertTo-SecureString -String and its
// positional argument), every argument of a command called with
// -AsPlainText, Set-Variable/New-Variable of a secret-named variable, and
// the password of a credential built with New-Object.
func (e *evaluator) commandSinks(tab *commandTable, cmd *Command, args []argFlow, splats []splatFlow) {
	plainText := false
	for _, p := range cmd.Parameters {
		if strings.EqualFold(p.Name, "AsPlainText") {
			plainText = true
		}
	}
	secretVariable := false // Set-Variable -Name PxWinAdminPassword
	credential := false     // New-Object PSCredential
	switch strings.ToLower(cmd.Name) {
	case "set-variable", "new-variable":
		if n, ok := argumentString(cmd, "Name", 1); ok && IsSecretName(n) {
			secretVariable = true
		}
	case "new-object":
		if n, ok := argumentString(cmd, "TypeName", 1); ok && isCredentialType(n) {
			credential = true
		}
	}
	for _, a := range args {
		var skip *ps.Span
		switch {
		case plainText, tab.isSecretParameter(a.param), a.position > 0 && tab != nil && tab.SecretPositional:
		case secretVariable && (a.param == "Value" || a.position == 2):
		case credential && (a.param == "ArgumentList" || a.position == 2):
			// PSCredential(user, password): the user name is not a secret.
			if first := firstListElement(a.node); first != nil {
				sp := first.NodeSpan()
				skip = &sp
			}
		default:
			continue
		}
		e.sinkRange(a.from, a.to, skip)
	}
	for _, sf := range splats {
		if plainText || tab.isSecretParameter(sf.param) || (secretVariable && sf.param == "Value") {
			e.sink(sf.flow)
		}
	}
}

// argumentString is the known string value of a parameter, else of the
// position-th positional argument.
func argumentString(cmd *Command, param string, position int) (string, bool) {
	for _, p := range cmd.Parameters {
		if strings.EqualFold(p.Name, param) && p.Value != nil {
			s, ok := p.Value.Value.(string)
			return s, ok
		}
	}
	if position-1 < len(cmd.Positional) {
		s, ok := cmd.Positional[position-1].Value.(string)
		return s, ok
	}
	return "", false
}

// isCredentialType reports the .NET credential types whose constructor
// takes a user name and a password.
func isCredentialType(name string) bool {
	n := strings.ToLower(strings.Trim(strings.TrimSpace(name), "[]"))
	for _, t := range []string{"pscredential", "management.automation.pscredential", "system.management.automation.pscredential",
		"networkcredential", "net.networkcredential", "system.net.networkcredential"} {
		if n == t {
			return true
		}
	}
	return false
}

// firstListElement is the first element of an argument list written as
// `(a, b)` or `a, b`, else nil.
func firstListElement(x ps.Expression) ps.Expression {
	if p, ok := x.(*ps.ParenExpr); ok {
		x = ps.StatementExpr(p.Inner)
	}
	if l, ok := x.(*ps.ArrayLiteral); ok && len(l.Elements) > 1 {
		return l.Elements[0]
	}
	return nil
}

func isSplat(x ps.Expression) bool {
	v, ok := x.(*ps.Variable)
	return ok && v.Splat
}

// argument evaluates a command argument. Secrets (a secret variable, or any
// value passed to a -*Password* parameter) keep only their kind: no value,
// no text; a literal one joins SecretSpans.
func (e *evaluator) argument(x ps.Expression, secret bool) Argument {
	sp := x.NodeSpan()
	v := e.eval(x)
	a := Argument{
		Kind:   v.kind,
		Line:   sp.Start.Line,
		Column: sp.Start.Col,
		Span:   toSpan(sp),
	}
	if vr, ok := x.(*ps.Variable); ok && userScope(vr.Scope) && !isConstantName(vr.Name) {
		a.Variable = e.displayName(vr.Name)
	}
	if secret || v.kind == KindSecret {
		a.Kind = KindSecret
		if isLiteral(x) {
			e.addSecret(sp)
		}
		if vr, ok := x.(*ps.Variable); ok && secret && userScope(vr.Scope) {
			e.taint(vr.Name)
		}
		return a
	}
	if v.isKnown() {
		a.Value = v.v
	}
	a.Text = e.text(sp)
	return a
}

// taint turns a variable passed where a secret goes (`ConvertTo-SecureString
// $pw -AsPlainText`) into a secret even though its name does not say so:
// its value, text and elements are dropped and its literal joins the
// secret spans.
func (e *evaluator) taint(name string) {
	st := e.vars[e.lower(name)]
	if st == nil || st.val.kind == KindSecret {
		return
	}
	desc := &Secret{}
	if st.val.isKnown() {
		s, _ := psString(st.val)
		desc = describeSecret(s)
		if st.file != nil {
			st.file.addSecret(st.rhs)
		}
	}
	st.val = value{kind: KindSecret, secret: desc, reason: st.val.reason}
	out := st.out
	out.Kind, out.Value, out.Text, out.Quote, out.Elements, out.Secret = KindSecret, nil, "", "", nil, desc
}

// isConstantName reports $true, $false and $null.
func isConstantName(name string) bool {
	return strings.EqualFold(name, "true") || strings.EqualFold(name, "false") || strings.EqualFold(name, "null")
}

// isLiteral reports whether an argument is written literally (its text is
// the value).
func isLiteral(x ps.Expression) bool {
	switch x.(type) {
	case *ps.StringLiteral, *ps.ExpandableString, *ps.BareWord, *ps.Number:
		return true
	}
	return false
}

// splat expands `@params` into parameters when the hashtable is known
// (`$p = @{ PfxPath = $PxPfxCertFileName }; .\create_vmss_deployment.ps1 @p`).
func (e *evaluator) splat(v *ps.Variable, tab *commandTable, cmd *Command) []splatFlow {
	plain := *v
	plain.Splat = false
	val := e.lookup(&plain)
	sp := toSpan(v.Span)
	switch val.kind {
	case KindHashtable:
		if val.entries != nil {
			flows := make([]splatFlow, 0, len(val.entries))
			for _, en := range val.entries {
				canon, ok := tab.bindParameter(en.key)
				if !ok {
					canon = en.key
				}
				a := Argument{
					Kind:   en.val.kind,
					Text:   en.text,
					Line:   en.span.Start.Line,
					Column: en.span.Start.Col,
					Span:   toSpan(en.span),
				}
				if en.val.isKnown() {
					a.Value = en.val.v
				}
				if tab.isSecretParameter(canon) || en.val.kind == KindSecret {
					a.Kind, a.Value, a.Text = KindSecret, nil, ""
				}
				p := Parameter{Name: canon, Written: en.key, Line: v.Span.Start.Line, Column: v.Span.Start.Col, Span: sp, Value: &a}
				if b, isBool := en.val.v.(bool); isBool && tab.isSwitch(canon) && b {
					p.Switch = true
				}
				cmd.Parameters = append(cmd.Parameters, p)
				flows = append(flows, splatFlow{param: canon, flow: en.flow})
			}
			return flows
		}
	case KindArray:
		for _, el := range val.elems {
			a := Argument{Value: el.Value, Kind: elementValueKind(el), Text: el.Text, Line: el.Line, Column: el.Column, Span: el.Span}
			cmd.Positional = append(cmd.Positional, a)
		}
		return nil
	}
	a := Argument{Kind: KindUnknown, Text: e.text(v.Span), Line: v.Span.Start.Line, Column: v.Span.Start.Col, Span: sp, Variable: e.displayName(v.Name)}
	if val.kind == KindSecret {
		a.Kind, a.Text = KindSecret, ""
	}
	cmd.Positional = append(cmd.Positional, a)
	return nil
}

// elementValueKind is the value kind (Variable.Kind) of an element.
func elementValueKind(el Element) string {
	if el.Kind == ElementUnknown {
		return KindUnknown
	}
	switch el.Value.(type) {
	case nil:
		return KindNull
	case string:
		return KindString
	case bool:
		return KindBool
	case int64, float64:
		return KindNumber
	case []any:
		return KindArray
	case map[string]any:
		return KindHashtable
	}
	return KindUnknown
}
