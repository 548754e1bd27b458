---- MODULE Brackets ----
A == (/\ a /\ b) \/ c
B == f[/\ a
       /\ b]
C == {/\ a, b}
D == <</\ a
       /\ b, c>>
E == [x \in S |-> /\ a
                  /\ b]
F == [f EXCEPT ![1] = /\ a
                      /\ b, ![2] = c]
G == [a |-> \/ x, b |-> y]
====
