package pxlint.rules.px208_test

import data.pxlint.lib.names_fixtures as names
import data.pxlint.lib.names_fixtures.doc
import data.pxlint.lib.names_fixtures.only

test_px208_generic_per_profile if {
	some f in names.deny with input as doc("pexip", "weu")
	f.id == "PX208"
	f.msg == "$PxBaseConnName \"pexip\" is a generic name: the bot name pexip-TeamsBot derived from it is global in Azure and very likely taken already"
	some g in names.deny with input as json.patch(doc("test1", "weu"), [{"op": "replace", "path": "/profile", "value": "azurerm"}, {"op": "replace", "path": "/profile_data/bot_names", "value": ["{base}-Trusted-TeamsBot", "{base}-Guest-TeamsBot"]}])
	g.id == "PX208"
	contains(g.msg, "test1-Trusted-TeamsBot and test1-Guest-TeamsBot")
}

test_px208_configured_list if {
	d := object.union(doc("fabrikam", "weu"), {"config": {"rules": {"PX208": {"generic_names": ["fabrikam"]}}}})
	some f in names.deny with input as d
	f.id == "PX208"
	count(only("PX208", names.deny)) == 0 with input as doc("pexipco", "weu")
}

test_px208_regex_characters_in_config_are_literal if {
	d := object.union(doc("fabrikam", "weu"), {"config": {"rules": {"PX208": {"generic_names": ["fab.*"]}}}})
	count(only("PX208", names.deny)) == 0 with input as d
}

# A configured list replaces the built-in one (even an empty list) and is
# compared in lower case, like the built-in names.
test_px208_configured_list_replaces_and_ignores_case if {
	upper := {"config": {"rules": {"PX208": {"generic_names": ["FabriKam"]}}}}
	count(only("PX208", names.deny)) == 1 with input as object.union(doc("fabrikam", "weu"), upper)
	count(only("PX208", names.deny)) == 0 with input as object.union(doc("pexip", "weu"), upper)
	empty := {"config": {"rules": {"PX208": {"generic_names": []}}}}
	count(only("PX208", names.deny)) == 0 with input as object.union(doc("pexip", "weu"), empty)
	count(only("PX208", names.deny)) == 1 with input as doc("Pexip", "weu")
}
