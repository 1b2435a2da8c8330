$PxWinAdminUser = 'pex’admin'
$PxAzureLocation = "westeurope"
