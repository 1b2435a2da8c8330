$PxNodesSourceAddressPrefixes = @(
    "80.213.4.17,
    "31.45.128.0/27"
)
$PxAzureLocation = "westeurope"
