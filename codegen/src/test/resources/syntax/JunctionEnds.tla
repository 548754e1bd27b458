---- MODULE JunctionEnds ----
\* Junction lists ended by the next unit keyword, by a definition at column 1 and by ====.
VARIABLE x
A == /\ x = 1
     /\ x = 2
THEOREM T == /\ x = 1
             /\ TRUE
ASSUME /\ TRUE
       /\ TRUE
CONSTANT c
B == \/ x = 1
     \/ x = 2
VARIABLE y
C == /\ x = 1
     /\ \/ y = 2
        \/ y = 3
====
