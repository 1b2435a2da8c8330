$PxA = "first
$PxB = "b"
$PxC = (1
$PxD = "d"
