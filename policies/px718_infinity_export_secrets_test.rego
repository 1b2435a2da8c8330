package pxlint.rules.px718_test

import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.ids

test_px718_secret_never_echoed if {
	doc := object.union(clean, {"secrets": [{"at": "x.json#/teams_proxy/0/notifications_queue", "field": "teams_proxy.notifications_queue", "what": "an Event Hub SharedAccessKey"}]})
	some f in ids("PX718", doc)
	not f.severity # the registry's: info
	contains(f.msg, "does not show it")
}
