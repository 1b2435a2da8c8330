$PxMgmtSrcAddrPrefixes = @(
    "85.10.200.0/28",
)
