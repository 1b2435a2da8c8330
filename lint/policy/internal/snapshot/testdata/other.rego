package snapshot.other

value := 1

flag := false

# Without future.keywords.not, `not` negates the expression (Expr.Negated).
blocked if {
	not input.ok
}

# The compiler indexes this comprehension by name (Engine.Indexed).
counts contains n if {
	some name in {x.name | some x in input.xs}
	n := count({x.line | some x in input.xs; x.name == name})
}
