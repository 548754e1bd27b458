---- MODULE Oom ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = x + 1
Spec == Init /\ [][Next]_x
C == x < 1
Down == [][x' < x]_x
====
