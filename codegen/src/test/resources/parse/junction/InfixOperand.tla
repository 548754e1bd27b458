---- MODULE InfixOperand ----
A == x = /\ a
         /\ b
B == /\ a
     /\ b
     => c
C == (/\ a /\ b) => c
D == x \in /\ a
           /\ b
E == ~ /\ a
       /\ b
F == a => /\ b
          /\ c
====
