---- MODULE Case ----
A == CASE x = 1 -> "one"
       [] x = 2 -> "two"
       [] OTHER -> "many"
B == CASE a -> 1 [] b -> 2
C == CASE a -> CASE b -> 1 [] c -> 2
D == (CASE a -> 1) + 1
E == CASE a -> IF b THEN 1 ELSE 2 [] OTHER -> 3
====
