$PxBaseConnName = "fabrikam"
$PxVmssRegion = "weu"
$PxTeamsConnFqdn = "tc-weu.vc.fabrikam-media.net

$PxNodeFqdns = "conf01.fabrikam.net,conf02.fabrikam.net"
$PxAzureLocation = "westeurope"
