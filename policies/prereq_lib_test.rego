package pxlint.lib.prereq_test

import data.pxlint.lib.prereq

test_compare_normalises_parts if {
	prereq.compare("4.5", "4.5.0.0") == 0
	prereq.compare("4.5.0", "4.6.0") == -1
	prereq.compare("4.10.0", "4.9.9") == 1
	prereq.compare("10.0.0", "9.7.1") == 1
	prereq.compare("2.5.0-preview", "2.5.0") == 0
}

# compare orders the four parts as arrays: a difference in a later part
# counts only when the earlier ones are equal, and parts compare as numbers.
test_compare_orders_part_by_part if {
	prereq.parts("4") == [4, 0, 0, 0]
	prereq.parts("1.2.3.4-rc.1") == [1, 2, 3, 4]
	prereq.compare("4.5.9.9", "4.6") == -1
	prereq.compare("4.6", "4.5.9.9") == 1
	prereq.compare("4.5.0.1", "4.5") == 1
	prereq.compare("0010.2", "10.2.0.0") == 0
	prereq.older("4.5.0", "4.5.0.1")
	not prereq.older("4.5.0.1", "4.5.0")
	prereq.same("4.5", "4.5.0")
}

test_compare_rejects_garbage if {
	not prereq.compare("latest", "4.5.0")
	not prereq.compare("4.5.0", "1.2.3.4.5")
	not prereq.version_ok("4.x")
	not prereq.version_ok(4.5)
}

test_newest if {
	prereq.newest({"4.5.0", "4.10.0", "4.6.1"}) == "4.10.0"
	not prereq.newest(set())
	prereq.newest({"4.5", "4.5.0.0", "4.5.0", "bad"}) == "4.5"
	prereq.newest({"2.5.0-preview", "2.4.9"}) == "2.5.0-preview"
}

test_required_az_default_and_config if {
	prereq.required_az == "4.5.0"
	prereq.required_az == "4.4.0" with input.config.az_version as "4.4.0"
	prereq.required_az == "4.5.0" with input.config.az_version as ""
	prereq.requires_line == `#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }`
}

test_scope if {
	prereq.scope("/subscriptions/ABC/") == "/subscriptions/abc"
	prereq.scope("/") == ""
}

# Thousands of installed versions (a build agent): newest stays linear
# (it compared every pair).
test_newest_many if {
	vs := {sprintf("4.%d.%d", [i % 97, i]) | some i in numbers.range(1, 5000)}
	prereq.newest(vs) == "4.96.4946"
}

# is_required_az answers as same(v, required_az) does, for the default and
# a configured version, whatever the spelling of the parts.
test_is_required_az_agrees_with_same if {
	every cfg in [{}, {"az_version": "5.1"}] {
		every v in ["4.5.0", "4.5", "4.5.0.0", "4.5.1", "5.1.0", "5.1", "4.5.0-preview", "x", ""] {
			_is_required(v) == _same_as_required(v) with input as {"config": cfg}
		}
	}
	prereq.is_required_az("4.5") with input as {"config": {}}
	prereq.is_required_az("5.1.0") with input as {"config": {"az_version": "5.1"}}
}

_is_required(v) if prereq.is_required_az(v)

else := false

_same_as_required(v) if prereq.same(v, prereq.required_az)

else := false
