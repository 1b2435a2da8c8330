// Package schemas embeds pxlint's CUE schemas (package pxlint: the variables
// per profile, workstation facts, Azure inventory) and the versioned JSON
// Schemas of pxlint's own JSON documents (policy input, JSON report).
package schemas

import "embed"

// FS holds every .cue and .json file of this folder.
//
//go:embed *.cue *.json
var FS embed.FS
