package snapshot.other

value := 1

flag := false

# Without future.keywords.not, `not` negates the expression (Expr.Negated).
blocked if {
	not input.ok
}
