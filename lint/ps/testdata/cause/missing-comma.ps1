$PxMgmtSrcAddrPrefixes = @("85.10.200.0/28" "85.10.201.0/28")
