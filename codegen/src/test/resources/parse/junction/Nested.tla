---- MODULE Nested ----
A == /\ a
     /\ \/ b
        \/ c
     /\ d
B == \/ /\ a
        /\ b
     \/ /\ c
        /\ d
C == /\ /\ a
        /\ b
     /\ c
D ==
  /\ a
  /\ \/ /\ b
        /\ c
     \/ d
  /\ e
====
