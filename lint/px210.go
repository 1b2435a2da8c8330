package lint

import "github.com/pxlint/pxlint/lint/model"

// locationCloud tells PX210 (cloud-mismatch) which Azure cloud the script's
// $PxAzureLocation belongs to ("" when it is not a known region).
func (e *engine) locationCloud(in *model.Input) string {
	v := lookupVariable(in, "PxAzureLocation")
	if v == nil || v.Kind != model.KindString {
		return ""
	}
	loc, _ := v.Value.(string)
	return e.schema.LocationCloud(loc)
}
