package ps

import "strings"

// requiresDirectives parses every #Requires comment of the file into
// File.Requires. The text after "#Requires" is read as command arguments,
// which is how PowerShell reads it.
func (p *parser) requiresDirectives() {
	for _, t := range p.file.Tokens {
		if t.Kind != TokRequires {
			continue
		}
		d := RequiresDirective{Span: t.Span, Text: t.Text}
		c := &Command{}
		const prefix = len("#requires")
		p.region(t.off+prefix, t.off+len(t.Text), t.Span.Start.Offset+prefix, func() {
			p.commandElements(c)
		})
		for i := 0; i < len(c.Elements); i++ {
			cp, ok := c.Elements[i].(*CommandParameter)
			if !ok {
				continue
			}
			arg := cp.Argument
			if arg == nil && i+1 < len(c.Elements) {
				if _, isParam := c.Elements[i+1].(*CommandParameter); !isParam {
					arg = c.Elements[i+1].(Expression)
					i++
				}
			}
			// PowerShell binds #Requires parameters by unique prefix (-Mod).
			isPrefixOf := func(full, name string) bool { return name != "" && strings.HasPrefix(full, name) }
			switch name := strings.ToLower(cp.Name); {
			case isPrefixOf("modules", name):
				d.Modules = append(d.Modules, moduleSpecs(arg)...)
			case name == "version":
				d.Version = staticText(arg)
			case name == "psedition":
				d.PSEdition = staticText(arg)
			case isPrefixOf("runasadministrator", name) && len(name) >= 3:
				d.RunAsAdministrator = true
			}
		}
		p.file.Requires = append(p.file.Requires, d)
	}
}

func moduleSpecs(x Expression) []ModuleSpec {
	switch x := x.(type) {
	case *ArrayLiteral:
		var out []ModuleSpec
		for _, e := range x.Elements {
			out = append(out, moduleSpecs(e)...)
		}
		return out
	case *Hashtable:
		m := ModuleSpec{Span: x.Span}
		for _, e := range x.Entries {
			v := staticText(e.ValueExpr())
			switch strings.ToLower(e.KeyText) {
			case "modulename":
				m.Name = v
			case "moduleversion":
				m.ModuleVersion = v
			case "requiredversion":
				m.RequiredVersion = v
			case "maximumversion":
				m.MaximumVersion = v
			case "guid":
				m.GUID = v
			}
		}
		return []ModuleSpec{m}
	case nil:
		return nil
	}
	if s := staticText(x); s != "" {
		return []ModuleSpec{{Name: s, Span: x.NodeSpan()}}
	}
	return nil
}

// staticText is the value of a bare word, constant string or number.
func staticText(x Expression) string {
	switch x := x.(type) {
	case *BareWord:
		return x.Value
	case *StringLiteral:
		return x.Value
	case *Number:
		return x.Text
	}
	return ""
}
