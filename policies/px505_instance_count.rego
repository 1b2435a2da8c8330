# METADATA
# title: "Instance count not a whole number ≥ 1, or unusually high"
# description: >-
#   `$PxTeamsConnInstanceCount` sets the number of Teams Connector VMs. Error:
#   not a whole number of at least 1. Warning: more than 20 (configurable); each
#   instance takes about 15 calls, so check the capacity plan and the
#   subscription's VM quota.
# custom:
#   id: PX505
#   name: instance-count
#   severity: error
#   levels: [error, warning]
#   prevents: >-
#     "The Teams Connector was at maximum capacity and thus unable to take the
#     call"
#   remediation: >-
#     Plan about 15 calls per instance and write the count as a whole number,
#     e.g. `"2"`.
#   bad: |-
#     $PxTeamsConnInstanceCount = "0"
#   good: |-
#     $PxTeamsConnInstanceCount = "2"
#   needs: [PxTeamsConnInstanceCount]
#   fragment: true
#   options:
#     max_instances:
#       kind: integer
#       min: 1
#       max: 1000
#       description: instance count above which PX505 warns (default 20)
package pxlint.rules.px505

import data.pxlint.lib

# PX505 instance-count, warning part (not a whole number ≥ 1 is CUE's error).

deny contains r if {
	n := _instances
	n >= 1
	max_instances := lib.number_option("PX505", "max_instances", 20)
	n > max_instances
	r := {
		"id": "PX505",
		"severity": "warning",
		"variable": "PxTeamsConnInstanceCount",
		"msg": sprintf("$PxTeamsConnInstanceCount is %d, more than %d instances (each takes about 15 calls, so about %d calls); check the capacity plan and the subscription's VM quota", [n, max_instances, n * 15]),
		"fix": "plan the capacity per region (about 15 calls per instance) and deploy another region for more",
	}
}

_instances := n if {
	v := lib.value("PxTeamsConnInstanceCount")
	is_string(v)
	regex.match(`^\s*[0-9]{1,9}\s*$`, v)
	n := to_number(trim_space(v))
} else := n if {
	n := lib.value("PxTeamsConnInstanceCount")
	is_number(n)
	n == floor(n)
}
