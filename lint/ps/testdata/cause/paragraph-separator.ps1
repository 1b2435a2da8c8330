$PxA = 1 $PxWinAdminPassword = "x"
# note $PxB = "hidden"
