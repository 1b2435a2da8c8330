package acme.broken

deny contains msg if {
	msg := undefined_function(input.x)
}
