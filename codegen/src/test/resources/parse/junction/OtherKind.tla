---- MODULE OtherKind ----
A == /\ a
     \/ b
B == \/ a
     /\ b
C == /\ a
     /\ b
     \/ c
====
