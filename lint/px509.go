package lint

import (
	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/schema"
)

// declaredVariables are the config's variable blocks PX509
// (declared-variable) validates values against.
func declaredVariables(cfg *config.Config) []schema.Declared {
	if cfg == nil {
		return nil
	}
	var declared []schema.Declared
	for _, v := range cfg.Variables {
		declared = append(declared, schema.Declared{Name: v.Name, Type: v.Type, Pattern: v.Pattern, Source: v.Source})
	}
	return declared
}

// checkDeclaredVariables says why PX509 is not verified: it judges only
// what a config declares, so nothing declared is nothing verified.
func checkDeclaredVariables(c *checked, declared []schema.Declared) {
	if len(declared) == 0 {
		c.notVerifiedBecause(schema.RuleDeclaredVariable, "no variable block in .pxlint.hcl declares a variable for this script")
	}
}
