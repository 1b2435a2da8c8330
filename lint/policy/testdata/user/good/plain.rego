package acme.plain

info contains "always informative" if true
