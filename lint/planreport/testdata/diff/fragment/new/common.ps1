# Shared by every region of this tenant.
$PxBaseConnName = "contoso"
$PxSubscriptionId = "7d0a0b94-0895-7c6f-a83f-c448fef6b272"
$PxAzureLocation = "westeurope"
