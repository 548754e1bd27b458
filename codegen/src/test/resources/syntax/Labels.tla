---- MODULE Labels ----
EXTENDS Naturals
VARIABLE x
A == lbl:: x = 1
B(p, q) == step(p, q):: p + q > 0
C == /\ first:: x > 0
     /\ second:: x < 10
D == \A i \in 1..3 : inner(i):: i > 0
====
