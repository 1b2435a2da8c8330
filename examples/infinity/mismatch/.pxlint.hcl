# A region whose Infinity export disagrees with its script: the cross-checks
# PX707, PX709 and PX710 fire (see mismatch/export.expected).
infinity {
  export              = "export.json"
  teams_domains       = ["vc.tailspin.net"]
  expected_tenant_ids = ["5b1f3c2e-8a4d-4f6b-9c7e-2d1a0b3c4e5f"]
}
