package lint

import (
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/rules"
)

// extraLocations are the Azure locations PX209 (azure-location) accepts
// besides the built-in region list: the rule's extra_locations option.
func extraLocations(in *model.Input) []string {
	var extra []string
	if o, ok := in.Config.Rules[rules.PX209]["extra_locations"].([]any); ok {
		for _, x := range o {
			if str, ok := x.(string); ok {
				extra = append(extra, str)
			}
		}
	}
	return extra
}
