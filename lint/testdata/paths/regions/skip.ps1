$PxMgmtSrcAddrPrefixes = @("85.10.0.0/12")
$PxNodesSourceAddressPrefixes = @("10.20.0.0/24") + $PxMgmtSrcAddrPrefixes
