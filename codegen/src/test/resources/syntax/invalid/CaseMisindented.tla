---- MODULE CaseMisindented ----
VARIABLE x
A == /\ CASE x = 1 -> 1
     [] OTHER -> 2
     /\ x = 2
====
