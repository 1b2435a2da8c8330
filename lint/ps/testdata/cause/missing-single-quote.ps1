$PxBaseConnName = 'fabrikam
$PxVmssRegion = 'weu'
$PxAzureLocation = 'westeurope'
