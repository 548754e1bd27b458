---- MODULE CaseArms ----
A == /\ x = CASE a -> 1
              [] b -> 2
              [] OTHER -> 3
     /\ y = 1
B == CASE a -> /\ x = 1
               /\ y = 2
       [] b -> /\ x = 2
       [] OTHER -> FALSE
C == CASE a -> /\ x /\ y [] b -> z
D == /\ CASE a -> 1 [] b -> 2
     /\ [](x = 1)
====
