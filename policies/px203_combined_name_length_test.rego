package pxlint.rules.px203_test

import data.pxlint.lib.names_fixtures as names
import data.pxlint.lib.names_fixtures.doc
import data.pxlint.lib.names_fixtures.only

test_px203_too_long if {
	fs := only("PX203", names.deny) with input as doc("fabrikam", "westeurope")
	some f in fs
	f.variable == "PxBaseConnName"
	f.msg == "$PxBaseConnName + $PxVmssRegion is \"fabrikamwesteurope\", 18 characters; together they must be 3 to 14 characters (the VMSS name, and the Windows computer names derived from it)"
	f.fix == "shorten $PxBaseConnName or $PxVmssRegion by 4 characters"
	f.related == [{"file": "weu.ps1", "line": 5, "message": "$PxVmssRegion is \"westeurope\""}]
}

test_px203_too_short if {
	some f in names.deny with input as doc("a", "b")
	f.id == "PX203"
	f.fix == "lengthen $PxBaseConnName or $PxVmssRegion by 1 character"
}

test_px203_skips_broken_parts if {
	# 10 characters is PX201's, an upper-case region PX202's
	count(only("PX203", names.deny)) == 0 with input as doc("fabrikamco", "westeurope")
	count(only("PX203", names.deny)) == 0 with input as doc("fabrikam", "WestEuropeX")
}
