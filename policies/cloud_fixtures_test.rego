# METADATA
# title: shared fixtures for the tests of the rules split from policies/px210_cloud.rego
package pxlint.lib.cloud_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px210.deny

not_verified := data.pxlint.rules.px210.not_verified

loc(name, cloud_name) := {"variables": {"PxAzureLocation": {"kind": "string", "value": name, "line": 20}}, "context": {"azure_location_cloud": cloud_name}}

connect(params) := {"name": "Connect-AzAccount", "text": "Connect-AzAccount", "line": 7, "parameters": params, "positional": []}

env(v) := {"name": "Environment", "written": "Environment", "line": 7, "value": {"kind": "string", "value": v, "text": v}}

doc(name, cloud_name, commands) := object.union(loc(name, cloud_name), {"commands": commands})
