---- MODULE EmptyItem ----
A == /\ x =
     /\ y
====
