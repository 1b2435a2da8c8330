# Every value a rule needs comes from Read-Host: nothing can be judged
# statically, there is no certificate, no facts, no inventory, no
# Connect-AzAccount and no deployment call.
$PxBaseConnName = Read-Host "Base name"
$PxVmssRegion = Read-Host "Region tag"
$PxTeamsConnFqdn = Read-Host "Teams Connector FQDN"
$PxNodeFqdns = Read-Host "Node FQDNs"
$PxSubscriptionId = Read-Host "Subscription"
$PxAzureLocation = Read-Host "Location"
$PxWinAdminUser = Read-Host "Admin user"
$PxWinAdminPassword = Read-Host "Admin password" -AsSecureString
$PxTeamsConnInstanceCount = Read-Host "Instances"
$PxTeamsConnIncidentReporting = Read-Host "Incident reporting"
$PxTeamsConnDiskEncryption = Read-Host "Disk encryption"
$PxTeamsConnResourceGroupName = Read-Host "Resource group"
$PxTeamsConnStaticResourceGroupName = Read-Host "Static resource group"
$PxPfxCertFileName = Read-Host "PFX"
$PxMgmtSrcAddrPrefixes = Read-Host "Management prefixes"
$PxNodesSourceAddressPrefixes = Read-Host "Node prefixes"
