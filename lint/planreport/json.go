package planreport

import (
	"encoding/json"
	"io"

	"github.com/pxlint/pxlint/lint/plan"
)

// planDocument is the JSON document of `pxlint plan --format json`
// (schemas/plan.schema.json).
type planDocument struct {
	SchemaVersion string       `json:"schema_version"`
	Plans         []*plan.Plan `json:"plans"`
}

// diffDocument is the JSON document of `pxlint diff --format json`: the
// same schema, with both plans and the changes.
type diffDocument struct {
	SchemaVersion string        `json:"schema_version"`
	Old           *plan.Plan    `json:"old"`
	New           *plan.Plan    `json:"new"`
	Changes       []plan.Change `json:"changes"`
	// IdentityChanges counts the changes PX602 reports.
	IdentityChanges int `json:"identity_changes"`
}

func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func writeJSON(w io.Writer, plans []*plan.Plan) error {
	if plans == nil {
		plans = []*plan.Plan{}
	}
	return encode(w, planDocument{SchemaVersion: plan.SchemaVersion, Plans: plans})
}

func writeDiffJSON(w io.Writer, d Diff) error {
	ch := d.Changes
	if ch == nil {
		ch = []plan.Change{}
	}
	return encode(w, diffDocument{SchemaVersion: plan.SchemaVersion, Old: d.Old, New: d.New, Changes: ch, IdentityChanges: len(plan.Identity(ch))})
}
