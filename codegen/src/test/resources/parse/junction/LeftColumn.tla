---- MODULE LeftColumn ----
A == /\ a
     /\ b
   = c
B ==
     /\ a
     /\ b
  /\ c
C == /\ a
     /\ b
     /\ c
D == 1
====
