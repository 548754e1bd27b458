---- MODULE Outer ----
EXTENDS Naturals
VARIABLE x
I == INSTANCE Inner WITH v <- x
Init == x = 0
Next == I!Both \/ I!Step(5)
====
