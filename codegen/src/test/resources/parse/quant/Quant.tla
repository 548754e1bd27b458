---- MODULE Quant ----
A == \A x \in S : x > 0
B == \E x, y \in S, z \in T : x + y = z
C == \E <<x, y>> \in S \X T : x = y
D == CHOOSE x \in S : x > 1
E == CHOOSE <<x, y>> \in S \X T : x < y
F == \A x : x = x
G == \E x : TRUE
H == CHOOSE x : x \notin S
I == \A x \in S : \E y \in T : x = y /\ y > 0
====
