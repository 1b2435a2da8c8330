# A module with every node type the snapshot codec knows, parsed and
# compiled by the codec's tests: imports and aliases, default rules, else
# chains, functions, partial sets and objects, ref heads, every, some,
# some-in, not, not bodies, and/or, with, comprehensions, template
# strings, calls and every scalar and composite value.
package snapshot.fixture

import future.keywords.and
import future.keywords.not
import future.keywords.or

import data.snapshot.other as o
import input.config

default allow := false

allow if {
	input.user == "admin"
	not input.locked
}

grade(x) := "a" if {
	x > 90
} else := "b" if {
	x > 80
} else := "c"

names contains n if {
	some n in input.names
	startswith(n, "px")
}

by_id[id] := item if {
	some item in input.items
	id := item.id
}

a.b[c] := 1 if {
	some c
	input.cs[c]
}

all_positive if {
	every i, v in input.values {
		v > 0
		i >= 0
	}
}

shapes := {
	"array": [1, 2.5, -3, 1e3],
	"set": {"x", "y", null, true, false},
	"object": {"k": {"nested": ["v"]}, "n": null},
	"empty": [[], {}, set()],
}

comprehensions := [
	[x | some x in input.xs; x > 1],
	{x | some x in input.xs},
	{k: v | some k, v in input.m},
]

mocked := x if {
	x := allow with input.user as "admin" with data.snapshot.other.flag as true
}

greeting := $"hello {input.name}, you are {count(input.names)} names"

logic if {
	input.a and input.b
}

either if {
	input.a or input.b
}

neither if {
	not {
		input.a
		input.b
	}
}

uses_alias := o.value

uses_config := config.level
