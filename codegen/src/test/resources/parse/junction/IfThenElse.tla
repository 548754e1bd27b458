---- MODULE IfThenElse ----
A == /\ IF a THEN b ELSE c
     /\ IF a
          THEN /\ b
               /\ c
          ELSE d
     /\ e
B == /\ IF /\ a
           /\ b THEN c ELSE d
C == IF /\ a /\ b THEN /\ c ELSE \/ d \/ e
D == /\ x' = IF a THEN 1 ELSE 2
     /\ y' = 3
====
